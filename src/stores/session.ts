/**
 * Session state: which organisation is active (persisted in IndexedDB), the list of organisations
 * (live), and the chosen round per organisation. Orchestrates; stores no table copies beyond the
 * live list needed by the header.
 */
import { reconcileCommentDrafts } from '@/commands/comment-drafts'
import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { getMeta, META_KEYS, setMeta } from '@/db/meta'
import { listOrganisations } from '@/db/organisations'
import { useLiveQuery } from '@/platform/useLiveQuery'

export const useSessionStore = defineStore('session', () => {
  const organisations = useLiveQuery(listOrganisations)
  const storedActiveId = ref<string | null>(null)
  const ready = ref(false)
  /** Round chosen on the start screen, per organisation id (session only). */
  const selectedRoundByOrg = ref<Record<string, string>>({})

  const activeOrg = computed(() => {
    const list = organisations.data.value ?? []
    return list.find((o) => o.id === storedActiveId.value) ?? list[0]
  })
  const activeOrgId = computed(() => activeOrg.value?.id ?? null)

  async function init(): Promise<void> {
    storedActiveId.value = (await getMeta<string>(META_KEYS.activeOrgId)) ?? null
    // Comments typed just before the browser closed are kept in localStorage; write them now.
    try {
      await reconcileCommentDrafts()
    } catch (e) {
      console.error('writing kept comment drafts failed', e)
    }
    ready.value = true
  }

  async function setActiveOrg(id: string): Promise<void> {
    storedActiveId.value = id
    await setMeta(META_KEYS.activeOrgId, id)
  }

  function selectRound(orgId: string, roundId: string): void {
    selectedRoundByOrg.value = { ...selectedRoundByOrg.value, [orgId]: roundId }
  }

  watch(activeOrgId, (id) => {
    if (id && ready.value && id !== storedActiveId.value) void setMeta(META_KEYS.activeOrgId, id)
  })

  return { organisations, activeOrg, activeOrgId, ready, init, setActiveOrg, selectedRoundByOrg, selectRound }
})
