/** Figures for the summary of the management report, taken from one round's analysis. */
import type { AnalysisResult } from './analysis'
import type { MeasureClass } from './prioritisation'

export interface ReportSummary {
  /** Departments with at least one questionnaire, and the questionnaires (respondents) in all. */
  departments: number
  respondents: number
  score: number | null
  coverage: number | null
  /** Up to `n` scored dimensions with the highest / lowest organisation score (ties: catalogue order). */
  strongestDimensionIds: string[]
  weakestDimensionIds: string[]
  recommendations: number
  byClass: Record<MeasureClass, number>
}

/**
 * Summary figures for the report. Dimensions without a score (nothing answered or all N/A) are not
 * ranked; with fewer than 2n scored dimensions the strongest and weakest lists may overlap.
 */
export function reportSummary(analysis: AnalysisResult, n = 2): ReportSummary {
  const scored = analysis.organisation.dimensions
    .map((d, i) => ({ id: d.dimensionId, score: d.score, i }))
    .filter((d): d is { id: string; score: number; i: number } => d.score !== null)
  const desc = [...scored].sort((a, b) => b.score - a.score || a.i - b.i)
  const asc = [...scored].sort((a, b) => a.score - b.score || a.i - b.i)
  const byClass: Record<MeasureClass, number> = { pflicht: 0, quick_win: 0, leitprojekt: 0, ergaenzung: 0 }
  for (const r of analysis.recommendations) byClass[r.class]++
  return {
    departments: analysis.departments.filter((d) => d.respondents.length > 0).length,
    respondents: analysis.departments.reduce((s, d) => s + d.respondents.length, 0),
    score: analysis.organisation.score,
    coverage: analysis.organisation.coverage,
    strongestDimensionIds: desc.slice(0, n).map((d) => d.id),
    weakestDimensionIds: asc.slice(0, n).map((d) => d.id),
    recommendations: analysis.recommendations.length,
    byClass,
  }
}
