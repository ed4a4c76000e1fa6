/** Ranking of the departments by score (steering-group dashboard). */
import type { AnalysisResult } from '@/domain/analysis/analysis'
import { compareByCode, compareScores } from './order'

export interface RankingEntry {
  /** Competition rank (ties share a rank: 1, 2, 2, 4); null for departments without a score. */
  rank: number | null
  departmentId: string
  name: string
  code: string
  score: number | null
  coverage: number | null
  uncertain: boolean
}

/**
 * All departments ordered by score descending; departments without a score (nothing answered or
 * all N/A) come last with rank null. Equal scores share a rank and are ordered by code.
 */
export function ranking(analysis: AnalysisResult): RankingEntry[] {
  const entries: RankingEntry[] = analysis.departments.map((r) => ({
    rank: null,
    departmentId: r.departmentId,
    name: r.department.name,
    code: r.department.code,
    score: r.score.score,
    coverage: r.score.coverage,
    uncertain: r.score.uncertain,
  }))
  entries.sort((a, b) => {
    if (a.score === null || b.score === null) {
      if (a.score !== b.score) return a.score === null ? 1 : -1
      return compareByCode(a, b)
    }
    return compareScores(b.score, a.score) || compareByCode(a, b)
  })
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as RankingEntry
    if (e.score === null) continue
    const prev = i > 0 ? (entries[i - 1] as RankingEntry) : null
    e.rank = prev !== null && prev.score !== null && compareScores(prev.score, e.score) === 0 ? prev.rank : i + 1
  }
  return entries
}
