/** Every round of the active organisation with its pinned catalogue and assessments (for comparisons). */
import { computed, shallowRef, watch } from 'vue'
import { listAssessmentsOfOrg } from '@/db/assessments'
import type { RoundData } from '@/domain/results/compare'
import { catalogRefKey } from '@/domain/model/keys'
import type { Catalog } from '@/domain/model/types'
import { useCatalogStore } from '@/stores/catalogs'
import { useLiveQuery } from '@/platform/useLiveQuery'
import { useOrgData } from './useOrgData'

export function useOrgRounds() {
  const { org, rounds, departments } = useOrgData()
  const store = useCatalogStore()
  const assessments = useLiveQuery(() => (org.value ? listAssessmentsOfOrg(org.value.id) : []), () => org.value?.id)
  const catalogs = shallowRef<Record<string, Catalog>>({})
  // The errors themselves (a CatalogLoadError carries codes): a screen words them with useErrorTexts.
  const catalogErrors = shallowRef<unknown[]>([])
  watch(
    () => (rounds.data.value ?? []).map(catalogRefKey).join(','),
    async (_key, _previous, onCleanup) => {
      // A later list of rounds supersedes this load: its result must not overwrite the newer one.
      let superseded = false
      onCleanup(() => {
        superseded = true
      })
      const next: Record<string, Catalog> = {}
      const errors: unknown[] = []
      for (const r of rounds.data.value ?? []) {
        try {
          next[catalogRefKey(r)] = await store.load(r)
        } catch (e) {
          errors.push(e)
        }
      }
      if (superseded) return
      catalogs.value = next
      catalogErrors.value = errors
    },
    { immediate: true },
  )
  const roundData = computed<RoundData[]>(() => {
    const deps = departments.data.value ?? []
    const all = assessments.data.value ?? []
    return (rounds.data.value ?? []).flatMap((round) => {
      const catalog = catalogs.value[catalogRefKey(round)]
      return catalog ? [{ round, catalog, departments: deps, assessments: all.filter((a) => a.roundId === round.id) }] : []
    })
  })
  return { org, rounds, roundData, catalogErrors }
}
