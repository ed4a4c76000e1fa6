/**
 * Steering-group heatmap: departments × dimensions with score, coverage and colour band, plus the
 * organisation row. Pure functions over an `AnalysisResult` (from analyseRound): no score is
 * computed here, every score comes from analysis/scoring.ts via analyseRound.
 */
import type { AnalysisResult, DepartmentResult } from '@/domain/analysis/analysis'
import type { Department } from '@/domain/model/types'
import { compareByCode, compareScores, compareText } from './order'

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
    if (sortBy === 'name') return dir * compareText(a.name, b.name) || compareByCode(a, b)
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
  return [...set].sort(compareText)
}

/**
 * The sizes of the parts a row of `columns` columns is split into so that no part has more than
 * `max` columns, as even as possible, larger parts first (19 by at most 10 → [10, 9]; 20 → [10, 10];
 * 21 → [7, 7, 7]). No columns → no parts; `max` below 1 counts as 1.
 */
export function partSizes(columns: number, max: number): number[] {
  if (columns <= 0) return []
  const limit = Math.max(1, Math.floor(max))
  const parts = Math.ceil(columns / limit)
  const base = Math.floor(columns / parts)
  const larger = columns % parts
  return Array.from({ length: parts }, (_, i) => base + (i < larger ? 1 : 0))
}

/** One part of a heatmap split by columns (see heatmapParts). */
export interface HeatmapPart {
  /** 1-based number of the part, and how many parts there are. */
  part: number
  parts: number
  /** The heatmap restricted to this part's dimension columns (rows and organisation row alike). */
  heatmap: Heatmap
  /** True for the last part, which carries the total column. */
  last: boolean
}

/**
 * The heatmap split into parts of at most `maxColumns` dimension columns (see partSizes) for a
 * printed page: every part keeps all rows in the same order, so the department column repeats;
 * the dimension columns keep their order. An empty heatmap (no columns) is one part.
 */
export function heatmapParts(heat: Heatmap, maxColumns: number): HeatmapPart[] {
  const sizes = partSizes(heat.columns.length, maxColumns)
  if (sizes.length === 0) return [{ part: 1, parts: 1, heatmap: heat, last: true }]
  let start = 0
  return sizes.map((size, i) => {
    const from = start
    const to = (start += size)
    const cut = <T>(cells: readonly T[]) => cells.slice(from, to)
    return {
      part: i + 1,
      parts: sizes.length,
      last: i === sizes.length - 1,
      heatmap: {
        columns: cut(heat.columns),
        rows: heat.rows.map((r) => ({ ...r, cells: cut(r.cells) })),
        orgRow: { ...heat.orgRow, cells: cut(heat.orgRow.cells) },
      },
    }
  })
}
