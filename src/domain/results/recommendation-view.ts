/**
 * Filtering and sorting of recommendations for the measures screen. The priority order is the one
 * the prioritisation returns (rank); other sorts keep rank as the tie-breaker.
 */
import type { MeasureClass, Recommendation } from '@/domain/analysis/prioritisation'
import type { Catalog } from '@/domain/model/types'

export type RecommendationSort = 'priority' | 'effort' | 'impact' | 'title'

/** Keeps recommendations of the given class and/or with the given dimension among their measure's dimensions. */
export function filterRecommendations(list: readonly Recommendation[], catalog: Catalog, filter: { cls: MeasureClass | null; dimensionId: string | null }): Recommendation[] {
  const dims = new Map(catalog.measures.map((m) => [m.id, m.dimensionIds]))
  return list.filter((r) => (filter.cls === null || r.class === filter.cls) && (filter.dimensionId === null || (dims.get(r.measureId) ?? []).includes(filter.dimensionId)))
}

/** Sorts a copy: by rank, by effort ascending, by impact descending, or by title (German collation). */
export function sortRecommendations(list: readonly Recommendation[], sort: RecommendationSort, title: (measureId: string) => string): Recommendation[] {
  const byRank = (a: Recommendation, b: Recommendation) => a.rank - b.rank
  const copy = [...list]
  switch (sort) {
    case 'priority':
      return copy.sort(byRank)
    case 'effort':
      return copy.sort((a, b) => a.effort - b.effort || byRank(a, b))
    case 'impact':
      return copy.sort((a, b) => b.impact - a.impact || byRank(a, b))
    case 'title':
      return copy.sort((a, b) => title(a.measureId).localeCompare(title(b.measureId), 'de') || byRank(a, b))
  }
}
