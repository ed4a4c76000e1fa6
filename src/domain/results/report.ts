/** What the management report shows of one round's analysis: summary figures and which measures. */
import type { AnalysisResult } from '@/domain/analysis/analysis'
import { MEASURE_CLASSES, type MeasureClass, type PriorityReason, type Recommendation } from '@/domain/analysis/prioritisation'

/** How much of the recommendation list the report prints. */
export interface ReportLimits {
  /** Highest-priority measures that are not legal obligations. */
  otherMeasures: number
  /** Reasons printed per measure (the rest are counted). */
  reasonsPerMeasure: number
  /** Measures named per department in the annex. */
  departmentMeasures: number
}

export const REPORT_LIMITS: Readonly<ReportLimits> = { otherMeasures: 10, reasonsPerMeasure: 4, departmentMeasures: 5 }

/** A measure as the report prints it: its first reasons, and how many there are in all. */
export interface ReportMeasure extends Recommendation {
  reasons: PriorityReason[]
  reasonCount: number
}

/** The measures of the report in their two groups (section 4). */
export interface ReportMeasureGroups {
  /** Every triggered legal obligation, rank order. */
  duties: ReportMeasure[]
  /** The `otherMeasures` highest-ranked measures of the other classes, rank order. */
  others: ReportMeasure[]
}

/**
 * The measures of the report in two groups: every triggered legal obligation (Pflicht measures
 * that no department triggers are fulfilled and left out), and the `otherMeasures` highest-ranked
 * measures of the other classes (under method 2.0 the two groups are the focus). The input is the
 * prioritised list (rank order), which both groups keep. Each carries only its first
 * `reasonsPerMeasure` reasons and the full count.
 */
export function reportMeasureGroups(recommendations: readonly Recommendation[], limits: Pick<ReportLimits, 'otherMeasures' | 'reasonsPerMeasure'> = REPORT_LIMITS): ReportMeasureGroups {
  const cut = (r: Recommendation): ReportMeasure => ({ ...r, reasons: r.reasons.slice(0, limits.reasonsPerMeasure), reasonCount: r.reasons.length })
  return {
    duties: recommendations.filter((r) => r.class === 'pflicht' && r.triggered).map(cut),
    others: recommendations.filter((r) => r.class !== 'pflicht').slice(0, limits.otherMeasures).map(cut),
  }
}

/** The measures of the report as one list: the duties, then the others (see reportMeasureGroups). */
export function reportMeasures(recommendations: readonly Recommendation[], limits: Pick<ReportLimits, 'otherMeasures' | 'reasonsPerMeasure'> = REPORT_LIMITS): ReportMeasure[] {
  const { duties, others } = reportMeasureGroups(recommendations, limits)
  return [...duties, ...others]
}

/** The measures the annex names for one department: its first `departmentMeasures` in its own order. */
export function reportDepartmentMeasures<R>(recommendations: readonly R[], limit: number = REPORT_LIMITS.departmentMeasures): R[] {
  return recommendations.slice(0, limit)
}

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
  const byClass = Object.fromEntries(MEASURE_CLASSES.map((c) => [c, 0])) as Record<MeasureClass, number>
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
