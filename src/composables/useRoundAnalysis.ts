/**
 * The full analysis (scores, recommendations, roadmap) of one round, recomputed whenever an answer
 * changes — also when it changes in another tab, because every input is a live query. A view on the
 * round-analysis store: screens of the same round share one set of queries and one analysis, and the
 * round is given back when the calling scope ends.
 */
import { computed, onScopeDispose, shallowRef, watch, type ComputedRef } from 'vue'
import type { AnalysisResult } from '@/domain/analysis/analysis'
import type { Assessment, Catalog, Department, Organisation, Round } from '@/domain/model/types'
import { useRoundAnalysisStore, type RoundAnalysisEntry } from '@/stores/round-analysis'

/** A live query's state as the screens read it (data undefined until the first result). */
export interface LiveView<T> {
  data: ComputedRef<T | undefined>
  error: ComputedRef<unknown>
  loading: ComputedRef<boolean>
}

export function useRoundAnalysis(roundId: () => string | undefined) {
  const store = useRoundAnalysisStore()
  const entry = shallowRef<RoundAnalysisEntry | undefined>()
  // Sync: the refs below follow a new round id at once; the new round is taken before the old one is given back.
  watch(
    roundId,
    (id, previous) => {
      entry.value = id ? store.acquire(id) : undefined
      if (previous) store.release(previous)
    },
    { immediate: true, flush: 'sync' },
  )
  onScopeDispose(() => {
    const id = entry.value?.roundId
    entry.value = undefined
    if (id) store.release(id)
  })

  /** A query of the current round; without a round id it has settled on `empty`. */
  function live<K extends 'round' | 'organisation' | 'departments' | 'assessments', T>(key: K, empty: T): LiveView<T> {
    return {
      data: computed(() => (entry.value ? (entry.value[key].data.value as T | undefined) : empty)),
      error: computed(() => (entry.value ? entry.value[key].error.value : null)),
      loading: computed(() => (entry.value ? entry.value[key].loading.value : false)),
    }
  }

  return {
    round: live<'round', Round | null>('round', null),
    organisation: live<'organisation', Organisation | null>('organisation', null),
    departments: live<'departments', Department[]>('departments', []),
    assessments: live<'assessments', Assessment[]>('assessments', []),
    catalog: computed<Catalog | undefined>(() => entry.value?.catalog.value),
    catalogError: computed<Error | null>(() => entry.value?.catalogError.value ?? null),
    analysis: computed<AnalysisResult | undefined>(() => entry.value?.analysis.value),
    loading: computed<boolean>(() => entry.value?.loading.value ?? false),
  }
}
