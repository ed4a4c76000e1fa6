/**
 * The active organisation, its rounds (live) and the round chosen for it (session choice, else the
 * newest). Shared by start, results, measures, roadmap, dashboard, report and data screens; it reads
 * only the rounds; the rest of a round (queries and its one analysis) the screens share through
 * useRoundAnalysis and the round-analysis store.
 */
import { computed } from 'vue'
import { listRounds } from '@/db/rounds'
import { useSessionStore } from '@/stores/session'
import { useLiveQuery } from '@/platform/useLiveQuery'

export function useSelectedRound() {
  const session = useSessionStore()
  const orgId = computed(() => session.activeOrgId)
  const org = computed(() => session.activeOrg)
  const rounds = useLiveQuery(() => (orgId.value ? listRounds(orgId.value) : []), () => orgId.value)
  const round = computed(() => {
    const list = rounds.data.value ?? []
    const chosen = orgId.value ? session.selectedRoundByOrg[orgId.value] : undefined
    return list.find((r) => r.id === chosen) ?? list[0]
  })
  const roundId = computed({
    get: () => round.value?.id,
    set: (id: string | undefined) => {
      if (org.value && id) session.selectRound(org.value.id, id)
    },
  })
  return { session, orgId, org, rounds, round, roundId }
}
