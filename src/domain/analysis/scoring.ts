/**
 * Scoring: item maturity, dimension, department and organisation scores (model version in method.ts).
 *
 * Pure functions over plain data. The method is documented in docs/scoring.md; in short:
 * item maturity = the Ist level's place on the catalogue's declared scale (Ist / 4 × 100 for 0–4); a dimension is the weighted mean over answered items; 'na'
 * (nicht zutreffend) leaves every denominator; 'unanswered' (weiß nicht / no answer) only lowers
 * coverage. Departments and the organisation average what is not null.
 */
import { askedItems, indexCatalog } from '@/domain/model/catalog-index'
import type { Catalog, CatalogItem, Department } from '@/domain/model/types'
import type { ConsensusState, ItemConsensus } from './consensus'
import { catalogPlan, type ItemPlan, kindIndex } from './catalog-plan'
import { levelMaturity } from '@/domain/model/scale'
import { SCORING_MODEL_VERSION } from './method'

/** Default coverage below which a score is flagged as uncertain. */
export const DEFAULT_COVERAGE_THRESHOLD = 0.5

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/** Maturity 0–100 of a (consensus) Ist level 0–4 on the linear 0–4 scale: ist / 4 × 100. Not defined for N/A (callers pass only levels). */
export function itemMaturity(ist: number): number {
  return (ist / 4) * 100
}

// Maturity of a level on the catalogue's declared scale: defined with the catalogue plan, which builds it once per catalogue.
export { catalogMaturity } from './catalog-plan'

/**
 * Weighted mean of `values` with `weights`; null for an empty list. Weights ≤ 0 count as 0; if all
 * weights are 0 the plain mean is returned (so a zero weight never turns a score into NaN).
 */
export function weightedMean(values: readonly number[], weights: readonly number[]): number | null {
  if (values.length === 0) return null
  let sum = 0
  let wsum = 0
  let plain = 0
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number
    const w = Math.max(0, weights[i] ?? 0)
    sum += v * w
    wsum += w
    plain += v
  }
  return wsum > 0 ? sum / wsum : plain / values.length
}

// ---------------------------------------------------------------------------------------------
// Department scores
// ---------------------------------------------------------------------------------------------

export interface ScoringOptions {
  /** Coverage below this flags a score as uncertain (default 0.5). */
  coverageThreshold?: number
  /** How departments are combined into the organisation score (default 'equal'). */
  weighting?: 'equal' | 'staff'
}

/**
 * Maturity from which an item counts as "etabliert" (method 2.0 share beside the mean): level 3 of
 * 0–4, stated as a maturity so that it holds for any declared scale.
 */
export const ESTABLISHED_MATURITY = 75

/** True when an item's maturity counts as "etabliert" (tolerates rounding of interpolated levels). */
export function isEstablished(maturity: number): boolean {
  return maturity >= ESTABLISHED_MATURITY - 1e-9
}

/**
 * Score range when every 'weiß nicht' item were at the lowest (low) or highest level (high):
 * weighted mean over answered and 'weiß nicht' items. Null when neither exists.
 */
export function scoreRange(sum: number, wsum: number, unknownWeight: number): { low: number | null; high: number | null } {
  const w = wsum + unknownWeight
  if (w <= 0) return { low: null, high: null }
  return { low: sum / w, high: (sum + 100 * unknownWeight) / w }
}

/** 'weiß nicht' from at least one respondent and no level: the item counts in the score range. */
export function isUnknown(c: Pick<ItemConsensus, 'state' | 'unknownCount'>): boolean {
  return c.state === 'unanswered' && c.unknownCount > 0
}

/** Score of one applicable item in one department. */
export interface ItemScore {
  itemId: string
  dimensionId: string
  state: ConsensusState
  /** Consensus Ist (may be x.5); null unless state is 'level'. */
  ist: number | null
  /** 0–100; null unless state is 'level'. */
  maturity: number | null
  /** item.weight ?? 1 */
  weight: number
}

/** Score of one dimension in one department. */
export interface DimensionScore {
  dimensionId: string
  /** Weighted mean maturity 0–100 over answered items; null if nothing answered or all N/A. */
  score: number | null
  /** answered / (applicable − na); null if every applicable item is N/A (or none applies). */
  coverage: number | null
  /** coverage !== null && coverage < coverageThreshold */
  uncertain: boolean
  /** Applicable items (asked of this department). */
  applicable: number
  na: number
  answered: number
  unanswered: number
  /** dimension.weight ?? 1 */
  weight: number
  /** Share of answered items at level ≥ 3 ("etabliert"); null if nothing answered. */
  established: number | null
  /** Items answered only with 'weiß nicht'. */
  unknown: number
  /** Score if every 'weiß nicht' were level 0 / level 4; null if nothing answered or unknown. */
  low: number | null
  high: number | null
}

export interface DepartmentScore {
  modelVersion: string
  departmentId: string
  /** Weighted mean (dimension weight) of the non-null dimension scores; null if none. */
  score: number | null
  /** Σ answered / Σ (applicable − na) over dimensions; null if the denominator is 0. */
  coverage: number | null
  uncertain: boolean
  applicable: number
  na: number
  answered: number
  dimensions: DimensionScore[]
  /** Share of answered items at level ≥ 3 over all dimensions; null if nothing answered. */
  established: number | null
  unknown: number
  /** Weighted mean (dimension weight) of the dimensions' low / high; null if none. */
  low: number | null
  high: number | null
}

/** Which items a department score counts: method 2.0 leaves the organisation (Fundament) items out. */
export interface DepartmentScoringOptions extends ScoringOptions {
  excludeOrganisationItems?: boolean
}

/**
 * Scores one department from its item consensus. Only applicable items of known dimensions count
 * (consensus entries for other items are ignored). 'na' items leave every denominator, 'unanswered'
 * items lower coverage but never the score; a dimension whose applicable items are all 'na' has
 * score and coverage null ("nicht zutreffend").
 */
export function scoreDepartment(
  catalog: Catalog,
  department: Department,
  consensus: readonly ItemConsensus[],
  options: DepartmentScoringOptions = {},
): DepartmentScore {
  const plan = catalogPlan(catalog)
  const idx = plan.index
  const threshold = options.coverageThreshold ?? DEFAULT_COVERAGE_THRESHOLD
  const scored = askedItems(idx, department).items
  // The same items' plans (dimension position, maturity scale), aligned with `scored`.
  const plans = plan.askedPlans[kindIndex(department.kind)] as readonly ItemPlan[]
  const lookup = consensusLookup(scored, consensus)
  const skipOrganisation = options.excludeOrganisationItems === true

  const acc = idx.dimensionList.map(() => ({ applicable: 0, na: 0, answered: 0, sum: 0, wsum: 0, plain: 0, established: 0, unknown: 0, unknownWeight: 0 }))
  for (let i = 0; i < scored.length; i++) {
    const item = scored[i] as CatalogItem
    if (skipOrganisation && item.appliesTo === 'organisation') continue
    const p = plans[i] as ItemPlan
    const a = acc[p.dimensionPosition as number] as (typeof acc)[number]
    const c = lookup(i, item.id)
    a.applicable++
    if (!c) continue
    const w = Math.max(0, item.weight ?? 1)
    if (c.state === 'na') a.na++
    else if (c.state === 'level' && c.ist !== null) {
      a.answered++
      const maturity = levelMaturity(p.maturityValues, c.ist)
      a.sum += maturity * w
      a.wsum += w
      a.plain += maturity
      if (isEstablished(maturity)) a.established++
    } else if (isUnknown(c)) {
      a.unknown++
      a.unknownWeight += w
    }
  }

  const dimensions: DimensionScore[] = []
  let totalApplicable = 0
  let totalNa = 0
  let totalAnswered = 0
  let totalEstablished = 0
  let totalUnknown = 0
  const dimValues: number[] = []
  const dimWeights: number[] = []
  const lows: number[] = []
  const highs: number[] = []
  const rangeWeights: number[] = []
  idx.dimensionList.forEach((dim, d) => {
    const a = acc[d] as (typeof acc)[number]
    const denominator = a.applicable - a.na
    const coverage = denominator > 0 ? a.answered / denominator : null
    // Same as weightedMean(maturities, weights), accumulated in the loop above.
    const score =
      coverage === null || a.answered === 0 ? null : a.wsum > 0 ? a.sum / a.wsum : a.plain / a.answered
    const weight = dim.weight ?? 1
    const range = a.wsum > 0 || a.unknownWeight > 0 ? scoreRange(a.sum, a.wsum, a.unknownWeight) : a.answered + a.unknown > 0 ? scoreRange(a.plain, a.answered, a.unknown) : { low: null, high: null }
    dimensions.push({
      dimensionId: dim.id,
      score,
      coverage,
      uncertain: coverage !== null && coverage < threshold,
      applicable: a.applicable,
      na: a.na,
      answered: a.answered,
      unanswered: denominator - a.answered,
      weight,
      established: a.answered > 0 ? a.established / a.answered : null,
      unknown: a.unknown,
      low: range.low,
      high: range.high,
    })
    if (score !== null) {
      dimValues.push(score)
      dimWeights.push(weight)
    }
    if (range.low !== null && range.high !== null) {
      lows.push(range.low)
      highs.push(range.high)
      rangeWeights.push(weight)
    }
    totalApplicable += a.applicable
    totalNa += a.na
    totalAnswered += a.answered
    totalEstablished += a.established
    totalUnknown += a.unknown
  })

  const denominator = totalApplicable - totalNa
  const coverage = denominator > 0 ? totalAnswered / denominator : null
  return {
    modelVersion: SCORING_MODEL_VERSION,
    departmentId: department.id,
    score: weightedMean(dimValues, dimWeights),
    coverage,
    uncertain: coverage !== null && coverage < threshold,
    applicable: totalApplicable,
    na: totalNa,
    answered: totalAnswered,
    dimensions,
    established: totalAnswered > 0 ? totalEstablished / totalAnswered : null,
    unknown: totalUnknown,
    low: weightedMean(lows, rangeWeights),
    high: weightedMean(highs, rangeWeights),
  }
}

/**
 * Score entry of one item from its consensus (missing consensus = 'unanswered'); `maturityOf` is the
 * catalogue's `catalogMaturity`.
 */
export function itemScore(item: CatalogItem, c: ItemConsensus | undefined, maturityOf: (ist: number, itemId?: string) => number): ItemScore {
  const state: ConsensusState = c ? c.state : 'unanswered'
  const ist = c && state === 'level' ? c.ist : null
  return {
    itemId: item.id,
    dimensionId: item.dimensionId,
    state,
    ist,
    maturity: ist === null ? null : maturityOf(ist, item.id),
    weight: item.weight ?? 1,
  }
}

/**
 * Per-item scores of one department, in catalogue order: every applicable item of a known
 * dimension with its maturity (null for 'na' and 'unanswered') and weight — the terms of the
 * dimension score's weighted mean. Built on demand (scoreDepartment does not keep them).
 */
export function itemScores(
  catalog: Catalog,
  department: Department,
  consensus: readonly ItemConsensus[],
): ItemScore[] {
  const idx = indexCatalog(catalog)
  const scored = askedItems(idx, department).items
  const lookup = consensusLookup(scored, consensus)
  const maturityOf = catalogPlan(catalog).maturityOf
  return scored.map((item, i) => itemScore(item, lookup(i, item.id), maturityOf))
}

/**
 * Finds the consensus of the i-th scored item: positionally when `consensus` lists exactly the
 * scored items in order (what departmentConsensus returns), else through a map.
 */
export function consensusLookup(
  scored: readonly CatalogItem[],
  consensus: readonly ItemConsensus[],
): (i: number, itemId: string) => ItemConsensus | undefined {
  let aligned = consensus.length === scored.length
  for (let i = 0; aligned && i < scored.length; i++) {
    if ((consensus[i] as ItemConsensus).itemId !== (scored[i] as CatalogItem).id) aligned = false
  }
  if (aligned) return (i) => consensus[i]
  const byItem = new Map<string, ItemConsensus>()
  for (const c of consensus) if (!byItem.has(c.itemId)) byItem.set(c.itemId, c)
  return (_i, itemId) => byItem.get(itemId)
}

// ---------------------------------------------------------------------------------------------
// Organisation score
// ---------------------------------------------------------------------------------------------

export interface OrgDimensionScore {
  dimensionId: string
  /** The score by the chosen weighting (= scoreEqual or scoreStaff). */
  score: number | null
  scoreEqual: number | null
  scoreStaff: number | null
  /** Σ answered / Σ (applicable − na) over departments; null if the denominator is 0. */
  coverage: number | null
  uncertain: boolean
  /** Departments with a non-null score in this dimension. */
  scoredDepartments: number
  /** Method 2.0: share of answered items at level ≥ 3, and the 'weiß nicht' range. */
  established?: number | null
  low?: number | null
  high?: number | null
}

export interface OrganisationScore {
  modelVersion: string
  weighting: 'equal' | 'staff'
  /** The score by the chosen weighting (= scoreEqual or scoreStaff). */
  score: number | null
  /** Mean of the non-null department scores. */
  scoreEqual: number | null
  /** Mean weighted by department staff (null/0 staff → weight 0; all 0 → equal). */
  scoreStaff: number | null
  /** True if staff weighting had no positive weight and fell back to equal weights. */
  staffFallback: boolean
  coverage: number | null
  uncertain: boolean
  dimensions: OrgDimensionScore[]
  departmentCount: number
  scoredDepartments: number
  /** Method 2.0: share of answered items at level ≥ 3, and the 'weiß nicht' range. */
  established?: number | null
  low?: number | null
  high?: number | null
}

function staffWeight(d: Department): number {
  return d.staff !== null && d.staff > 0 ? d.staff : 0
}

/** Equal and staff-weighted mean of (score, department) pairs with a non-null score. */
function aggregate(pairs: readonly { score: number | null; department: Department }[]): {
  equal: number | null
  staff: number | null
  fallback: boolean
  n: number
} {
  const values: number[] = []
  const staff: number[] = []
  for (const p of pairs) {
    if (p.score === null) continue
    values.push(p.score)
    staff.push(staffWeight(p.department))
  }
  const equal = weightedMean(values, values.map(() => 1))
  const fallback = values.length > 0 && staff.every((w) => w === 0)
  // weightedMean already falls back to the plain mean when all weights are 0.
  return { equal, staff: weightedMean(values, staff), fallback, n: values.length }
}

/**
 * Organisation score: mean of the non-null department scores, or staff-weighted with
 * `weighting: 'staff'` (departments with null/0 staff weigh 0; if all weigh 0, equal weights).
 * Both variants are always returned. Per dimension the same rule applies to the departments'
 * dimension scores. Departments without a score (all N/A or nothing answered) are left out.
 */
export function scoreOrganisation(
  catalog: Catalog,
  departments: readonly Department[],
  departmentScores: readonly DepartmentScore[],
  options: ScoringOptions = {},
): OrganisationScore {
  const threshold = options.coverageThreshold ?? DEFAULT_COVERAGE_THRESHOLD
  const weighting = options.weighting ?? 'equal'
  const byId = new Map(departments.map((d) => [d.id, d]))
  const scored = departmentScores.flatMap((s) => {
    const department = byId.get(s.departmentId)
    return department ? [{ s, department }] : []
  })

  const total = aggregate(scored.map(({ s, department }) => ({ score: s.score, department })))
  let answered = 0
  let denominator = 0
  for (const { s } of scored) {
    answered += s.answered
    denominator += s.applicable - s.na
  }
  const coverage = denominator > 0 ? answered / denominator : null

  const dimensions: OrgDimensionScore[] = []
  const dimensionList = indexCatalog(catalog).dimensionList
  for (const [d, dim] of dimensionList.entries()) {
    const pairs: { score: number | null; department: Department }[] = []
    let dAnswered = 0
    let dDenominator = 0
    for (const { s, department } of scored) {
      const at = s.dimensions[d]
      const ds = at?.dimensionId === dim.id ? at : s.dimensions.find((x) => x.dimensionId === dim.id)
      if (!ds) continue
      pairs.push({ score: ds.score, department })
      dAnswered += ds.answered
      dDenominator += ds.applicable - ds.na
    }
    const agg = aggregate(pairs)
    const dCoverage = dDenominator > 0 ? dAnswered / dDenominator : null
    dimensions.push({
      dimensionId: dim.id,
      score: weighting === 'staff' ? agg.staff : agg.equal,
      scoreEqual: agg.equal,
      scoreStaff: agg.staff,
      coverage: dCoverage,
      uncertain: dCoverage !== null && dCoverage < threshold,
      scoredDepartments: agg.n,
    })
  }

  return {
    modelVersion: SCORING_MODEL_VERSION,
    weighting,
    score: weighting === 'staff' ? total.staff : total.equal,
    scoreEqual: total.equal,
    scoreStaff: total.staff,
    staffFallback: total.fallback,
    coverage,
    uncertain: coverage !== null && coverage < threshold,
    dimensions,
    departmentCount: scored.length,
    scoredDepartments: total.n,
  }
}
