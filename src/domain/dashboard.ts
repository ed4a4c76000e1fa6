/**
 * Steering-group dashboard: heatmap (departments × dimensions), ranking, completeness of the
 * questionnaires and the distribution of the raw answers per dimension.
 *
 * Pure functions over an `AnalysisResult` (from analyseRound) or over the round's plain data. No
 * score is computed here: every score comes from src/domain/scoring.ts via analyseRound.
 */
import type { AnalysisResult, DepartmentResult } from '@/domain/analysis'
import { applicableItems, assessmentProgress, isLevel } from '@/domain/answers'
import { isRespondentAssessment } from '@/domain/consensus'
import { appliesTo, indexCatalog } from '@/domain/scoring'
import type {
  Answer,
  Assessment,
  AssessmentStatus,
  Catalog,
  CatalogItem,
  Department,
} from '@/domain/types'

// ---------------------------------------------------------------------------------------------
// Sorting helpers
// ---------------------------------------------------------------------------------------------

/** Collation for codes and names: German, numeric-aware ("FB 2" before "FB 10"). */
const collator = new Intl.Collator('de', { numeric: true })

/** Two scores closer than this count as equal (tie) when sorting and ranking. */
const SCORE_TIE_TOLERANCE = 1e-9

/**
 * Compares by code (numeric-aware German collation), then by department id so the order is
 * total and does not depend on the input order.
 */
export function compareByCode(
  a: { code: string; departmentId: string },
  b: { code: string; departmentId: string },
): number {
  const c = collator.compare(a.code, b.code)
  if (c !== 0) return c
  return a.departmentId < b.departmentId ? -1 : a.departmentId > b.departmentId ? 1 : 0
}

/** -1 / 0 / 1 for two non-null scores, 0 within SCORE_TIE_TOLERANCE. */
function compareScores(a: number, b: number): number {
  return Math.abs(a - b) < SCORE_TIE_TOLERANCE ? 0 : a < b ? -1 : 1
}

// ---------------------------------------------------------------------------------------------
// Heatmap
// ---------------------------------------------------------------------------------------------

/** Colour band of a score: 'none' (null), 'b0' < 25, 'b1' 25–<50, 'b2' 50–<75, 'b3' ≥ 75. */
export type ScoreBand = 'none' | 'b0' | 'b1' | 'b2' | 'b3'

/**
 * Colour band key of a 0–100 score for the heatmap. Null (not scored: nothing answered or all
 * N/A) and non-finite values give 'none'; the lower bound of each band is inclusive.
 */
export function scoreBand(score: number | null): ScoreBand {
  if (score === null || !Number.isFinite(score)) return 'none'
  if (score < 25) return 'b0'
  if (score < 50) return 'b1'
  if (score < 75) return 'b2'
  return 'b3'
}

export interface HeatmapCell {
  dimensionId: string
  /** 0–100; null when the dimension is not scored (nothing answered or all N/A). */
  score: number | null
  /** null when every applicable item is N/A (or none applies). */
  coverage: number | null
  uncertain: boolean
  band: ScoreBand
}

export interface HeatmapRow {
  departmentId: string
  name: string
  code: string
  parentUnit: string
  score: number | null
  coverage: number | null
  uncertain: boolean
  /** One cell per column, same order as `Heatmap.columns`. */
  cells: HeatmapCell[]
}

export interface HeatmapOrgRow {
  score: number | null
  coverage: number | null
  uncertain: boolean
  band: ScoreBand
  /** Organisation score per dimension (chosen weighting), same order as `Heatmap.columns`. */
  cells: HeatmapCell[]
}

export type HeatmapSortKey = 'code' | 'name' | 'score' | { dimensionId: string }

export interface HeatmapOptions {
  /** Only departments with this parent unit (trimmed; '' = departments without one); null/undefined = all. */
  parentUnit?: string | null
  sortBy: HeatmapSortKey
  direction: 'asc' | 'desc'
}

export interface Heatmap {
  /** Dimension ids in catalogue order. */
  columns: string[]
  rows: HeatmapRow[]
  /** The whole organisation (not affected by the parent-unit filter). */
  orgRow: HeatmapOrgRow
}

/**
 * Heatmap data: one row per department (optionally only one parent unit), one column per
 * dimension (catalogue order), each cell with its score, coverage, uncertainty and colour band,
 * plus the organisation row. Sorting by 'score' or by a dimension puts null scores last in either
 * direction; ties (and equal names) are ordered by code ascending (numeric-aware German
 * collation), then department id. Sorting by 'code' or 'name' follows `direction`.
 */
export function heatmap(analysis: AnalysisResult, options: HeatmapOptions): Heatmap {
  const columns = analysis.organisation.dimensions.map((d) => d.dimensionId)
  const filter = options.parentUnit === null || options.parentUnit === undefined ? null : options.parentUnit.trim()
  const rows = analysis.departments
    .filter((r) => filter === null || r.department.parentUnit.trim() === filter)
    .map((r) => heatmapRow(r, columns))
  const dir = options.direction === 'desc' ? -1 : 1
  const sortBy = options.sortBy
  const value =
    sortBy === 'score'
      ? (r: HeatmapRow): number | null => r.score
      : typeof sortBy === 'object'
        ? (r: HeatmapRow): number | null => r.cells.find((c) => c.dimensionId === sortBy.dimensionId)?.score ?? null
        : null
  rows.sort((a, b) => {
    if (value) {
      const va = value(a)
      const vb = value(b)
      if (va === null || vb === null) {
        if (va !== vb) return va === null ? 1 : -1
        return compareByCode(a, b)
      }
      return dir * compareScores(va, vb) || compareByCode(a, b)
    }
    if (sortBy === 'name') return dir * collator.compare(a.name, b.name) || compareByCode(a, b)
    return dir * compareByCode(a, b)
  })
  const org = analysis.organisation
  return {
    columns,
    rows,
    orgRow: {
      score: org.score,
      coverage: org.coverage,
      uncertain: org.uncertain,
      band: scoreBand(org.score),
      cells: org.dimensions.map((d) => ({
        dimensionId: d.dimensionId,
        score: d.score,
        coverage: d.coverage,
        uncertain: d.uncertain,
        band: scoreBand(d.score),
      })),
    },
  }
}

function heatmapRow(r: DepartmentResult, columns: readonly string[]): HeatmapRow {
  const byDimension = new Map(r.score.dimensions.map((d) => [d.dimensionId, d]))
  return {
    departmentId: r.departmentId,
    name: r.department.name,
    code: r.department.code,
    parentUnit: r.department.parentUnit,
    score: r.score.score,
    coverage: r.score.coverage,
    uncertain: r.score.uncertain,
    cells: columns.map((dimensionId) => {
      const d = byDimension.get(dimensionId)
      const score = d?.score ?? null
      return {
        dimensionId,
        score,
        coverage: d?.coverage ?? null,
        uncertain: d?.uncertain ?? false,
        band: scoreBand(score),
      }
    }),
  }
}

/**
 * The distinct parent units (Dezernate) of the departments, trimmed, without empty ones, sorted
 * by numeric-aware German collation — the choices of the heatmap filter.
 */
export function parentUnits(departments: readonly Pick<Department, 'parentUnit'>[]): string[] {
  const set = new Set<string>()
  for (const d of departments) {
    const p = d.parentUnit.trim()
    if (p !== '') set.add(p)
  }
  return [...set].sort(collator.compare)
}

// ---------------------------------------------------------------------------------------------
// Ranking
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Completeness
// ---------------------------------------------------------------------------------------------

export interface RespondentCompleteness {
  assessmentId: string
  /** Name or role; '' = anonymous. */
  respondent: string
  status: AssessmentStatus
  /** Items with a level or "nicht zutreffend" ('weiß nicht' is not answered). */
  answered: number
  /** Items that apply to the department. */
  applicable: number
  /** answered / applicable; 0 when nothing applies. */
  ratio: number
}

/** 'none' = no assessment, 'open' = at least one not submitted, 'submitted' = all submitted. */
export type CompletenessStatus = 'none' | 'open' | 'submitted'

export interface DepartmentCompleteness {
  departmentId: string
  name: string
  code: string
  /** Number of assessments (respondents). */
  respondents: number
  submitted: number
  inProgress: number
  notStarted: number
  /** Σ answered and Σ applicable over the respondents. */
  answered: number
  applicable: number
  /** answered / applicable; null without respondents, 0 when nothing applies. */
  ratio: number | null
  status: CompletenessStatus
  perRespondent: RespondentCompleteness[]
}

/**
 * Completeness of one round's questionnaires per department (departments order): respondent
 * counts by status and answered / applicable items per respondent and overall, using
 * answers.ts (applicableItems, assessmentProgress): a level or N/A counts as answered, 'weiß
 * nicht' and missing answers do not. Pass the assessments of one round; assessments of unknown
 * departments and the workshops' consensus assessments (no respondents) are ignored.
 */
export function completeness(
  departments: readonly Department[],
  assessments: readonly Assessment[],
  catalog: Catalog,
): DepartmentCompleteness[] {
  const byDepartment = groupByDepartment(assessments)
  const itemsByKind = new Map<Department['kind'], CatalogItem[]>()
  return departments.map((department) => {
    let items = itemsByKind.get(department.kind)
    if (!items) {
      items = applicableItems(catalog, department.kind)
      itemsByKind.set(department.kind, items)
    }
    const own = byDepartment.get(department.id) ?? []
    const perRespondent = own.map((a): RespondentCompleteness => {
      const p = assessmentProgress(items, a.answers)
      return {
        assessmentId: a.id,
        respondent: a.respondent,
        status: a.status,
        answered: p.answered,
        applicable: p.total,
        ratio: p.ratio,
      }
    })
    let answered = 0
    let applicable = 0
    for (const r of perRespondent) {
      answered += r.answered
      applicable += r.applicable
    }
    const submitted = own.filter((a) => a.status === 'submitted').length
    const inProgress = own.filter((a) => a.status === 'in_progress').length
    const notStarted = own.filter((a) => a.status === 'not_started').length
    return {
      departmentId: department.id,
      name: department.name,
      code: department.code,
      respondents: own.length,
      submitted,
      inProgress,
      notStarted,
      answered,
      applicable,
      ratio: own.length === 0 ? null : applicable === 0 ? 0 : answered / applicable,
      status: own.length === 0 ? 'none' : submitted === own.length ? 'submitted' : 'open',
      perRespondent,
    }
  })
}

/** The respondents' assessments by department id; workshop consensus assessments are left out. */
function groupByDepartment(assessments: readonly Assessment[]): Map<string, Assessment[]> {
  const out = new Map<string, Assessment[]>()
  for (const a of assessments) {
    if (!isRespondentAssessment(a)) continue
    const list = out.get(a.departmentId)
    if (list) list.push(a)
    else out.set(a.departmentId, [a])
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Level distribution
// ---------------------------------------------------------------------------------------------

/** Segments of the stacked bar, in display order. */
export type DistributionKey = 'level0' | 'level1' | 'level2' | 'level3' | 'level4' | 'na' | 'unknown' | 'open'

export const DISTRIBUTION_KEYS: readonly DistributionKey[] = [
  'level0',
  'level1',
  'level2',
  'level3',
  'level4',
  'na',
  'unknown',
  'open',
]

export interface DimensionDistribution {
  dimensionId: string
  /** Σ counts = applicable items × respondents over the departments. */
  total: number
  counts: Record<DistributionKey, number>
  /** count / total (0–1); all 0 when total is 0. */
  shares: Record<DistributionKey, number>
}

function zeroCounts(): Record<DistributionKey, number> {
  return { level0: 0, level1: 0, level2: 0, level3: 0, level4: 0, na: 0, unknown: 0, open: 0 }
}

/** The segment of one raw answer: its level, 'na', 'unknown' (weiß nicht) or 'open' (none / no Ist). */
function answerKey(answer: Answer | undefined): DistributionKey {
  if (!answer) return 'open'
  if (answer.state === 'na') return 'na'
  if (answer.state === 'unknown') return 'unknown'
  if (answer.state === 'level' && isLevel(answer.ist)) return `level${answer.ist}`
  return 'open'
}

/**
 * Distribution of the respondents' raw answers (not the consensus) per dimension, catalogue
 * order: for every assessment and every item that applies to its department (scorable items:
 * known dimension, first of duplicate ids), the answer counts as its Ist level 0–4, 'na', 'unknown'
 * (weiß nicht) or 'open' (no answer, or state 'level' without an Ist). Shares are count / total.
 * Pass the assessments of one round; assessments of unknown departments and the workshops'
 * consensus assessments (no respondents) are ignored.
 */
export function levelDistribution(
  catalog: Catalog,
  departments: readonly Department[],
  assessments: readonly Assessment[],
): DimensionDistribution[] {
  const idx = indexCatalog(catalog)
  const counts = new Map(idx.dimensionList.map((d) => [d.id, zeroCounts()]))
  const byDepartment = groupByDepartment(assessments)
  for (const department of departments) {
    const own = byDepartment.get(department.id)
    if (!own) continue
    for (const item of idx.centralItems) {
      if (!appliesTo(item, department)) continue
      const c = counts.get(item.dimensionId)
      if (!c) continue
      for (const a of own) {
        const ans = (a.answers as Record<string, Answer | undefined>)[item.id]
        c[answerKey(ans !== undefined && Object.prototype.hasOwnProperty.call(a.answers, item.id) ? ans : undefined)]++
      }
    }
  }
  return idx.dimensionList.map((d) => {
    const c = counts.get(d.id) ?? zeroCounts()
    let total = 0
    for (const k of DISTRIBUTION_KEYS) total += c[k]
    const shares = zeroCounts()
    if (total > 0) for (const k of DISTRIBUTION_KEYS) shares[k] = c[k] / total
    return { dimensionId: d.id, total, counts: c, shares }
  })
}
