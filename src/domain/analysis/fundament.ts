/**
 * Method 2.0: the Fundament and the organisation score built item by item.
 *
 * Fundament items (appliesTo 'organisation': strategy, ISB, DSB, backups …) are answered once for the
 * whole administration. They are asked of the central departments; their answers are pooled into one
 * organisation value per item (a value agreed in a workshop wins, else the median over every
 * respondent of every central department). The Fundament forms its own profile, and its weakest item
 * caps the overall readiness statement (minimum rule, as in the OZG-Reifegradmodell 2.0).
 *
 * The organisation score of method 2.0 counts every item once: a department item contributes the mean
 * over the departments it applies to (equal or staff-weighted), a Fundament item its organisation
 * value. So ten departments cannot outvote a missing ISB. Rules in docs/scoring.md.
 */
import { indexCatalog } from '@/domain/model/catalog-index'
import type { Answer, Catalog, CatalogItem, Department } from '@/domain/model/types'
import { applyAgreedAnswer, consensusOfAnswers, type ItemConsensus, type Respondent } from './consensus'
import { SCORING_MODEL_VERSION_2 } from './method'
import {
  DEFAULT_COVERAGE_THRESHOLD,
  isEstablished,
  isUnknown,
  catalogMaturity,
  type OrganisationScore,
  type OrgDimensionScore,
  type ScoringOptions,
  weightedMean,
} from './scoring'

/** Department id used for the organisation's own (Fundament) answers and reasons. */
export const ORGANISATION_UNIT = '@organisation'

/** The consensus of one department, as input to the organisation-level rules. */
export interface DepartmentConsensusInput {
  department: Department
  consensus: readonly ItemConsensus[]
}

/**
 * The organisation's value of every Fundament item, in catalogue order (departmentId =
 * ORGANISATION_UNIT). Respondents of all central departments form one pool; the most recent value a
 * central department's workshop agreed on replaces the median.
 */
export function fundamentConsensus(catalog: Catalog, departments: readonly DepartmentConsensusInput[]): ItemConsensus[] {
  const idx = indexCatalog(catalog)
  const items = idx.centralItems.filter((i) => i.appliesTo === 'organisation')
  const byItem = new Map<string, ItemConsensus[]>()
  for (const d of departments) {
    if (d.department.kind !== 'central') continue
    for (const c of d.consensus) {
      if (idx.itemsById.get(c.itemId)?.appliesTo !== 'organisation') continue
      const list = byItem.get(c.itemId)
      if (list) list.push(c)
      else byItem.set(c.itemId, [c])
    }
  }
  return items.map((item) => {
    const parts = byItem.get(item.id) ?? []
    const answers: (Answer | null)[] = []
    const respondents: Respondent[] = []
    let agreed: Answer | null = null
    const settles = (a: Answer): boolean => (a.state === 'level' && a.ist !== null) || a.state === 'na'
    for (const p of parts) {
      answers.push(...p.answers)
      respondents.push(...p.respondents)
      const a = p.consensusAnswer
      // A workshop value that settles the item (a level or N/A) beats one that does not ('weiß nicht');
      // among equals the most recent wins.
      if (a && (agreed === null || (settles(a) && !settles(agreed)) || (settles(a) === settles(agreed) && a.updatedAt > agreed.updatedAt))) agreed = a
    }
    const pooled = consensusOfAnswers(ORGANISATION_UNIT, item.id, item.dimensionId, answers, respondents)
    return applyAgreedAnswer(pooled, agreed)
  })
}

/** One Fundament item in the profile. */
export interface FundamentItem {
  itemId: string
  dimensionId: string
  state: ItemConsensus['state']
  /** Organisation value (median or agreed); null unless state is 'level'. */
  ist: number | null
  maturity: number | null
  unknown: boolean
}

export interface FundamentProfile {
  items: FundamentItem[]
  /** Weighted mean maturity over answered Fundament items; null if none. */
  score: number | null
  /** Lowest Ist over answered Fundament items; null if none answered. */
  weakest: number | null
  /** Maturity 0–100 of `weakest` on the catalogue's declared scale; null if none answered. */
  weakestMaturity: number | null
  /** Fundament items at the weakest level (catalogue order). */
  weakestItemIds: string[]
  /** answered / (items − na); null if every item is N/A or there are none. */
  coverage: number | null
  established: number | null
}

export function fundamentProfile(catalog: Catalog, consensus: readonly ItemConsensus[]): FundamentProfile {
  const idx = indexCatalog(catalog)
  const maturityOf = catalogMaturity(catalog)
  const items: FundamentItem[] = []
  const values: number[] = []
  const weights: number[] = []
  let weakest: number | null = null
  let weakestMaturity: number | null = null
  let na = 0
  let established = 0
  for (const c of consensus) {
    const item = idx.itemsById.get(c.itemId)
    if (!item) continue
    const ist = c.state === 'level' ? c.ist : null
    const maturity = ist === null ? null : maturityOf(ist, item.id)
    items.push({ itemId: c.itemId, dimensionId: c.dimensionId, state: c.state, ist, maturity, unknown: isUnknown(c) })
    if (c.state === 'na') na++
    if (ist === null || maturity === null) continue
    values.push(maturity)
    weights.push(Math.max(0, item.weight ?? 1))
    // The weakest item by maturity (items may use different scales; on one scale: the lowest Ist).
    if (weakestMaturity === null || maturity < weakestMaturity) {
      weakestMaturity = maturity
      weakest = ist
    }
    if (isEstablished(maturity)) established++
  }
  const denominator = items.length - na
  return {
    items,
    score: weightedMean(values, weights),
    weakest,
    weakestMaturity,
    weakestItemIds: weakestMaturity === null ? [] : items.filter((i) => i.maturity === weakestMaturity).map((i) => i.itemId),
    coverage: denominator > 0 ? values.length / denominator : null,
    established: values.length > 0 ? established / values.length : null,
  }
}

/**
 * The overall readiness statement of method 2.0: the organisation score, capped by the weakest
 * Fundament item (its maturity: a basic at level 0 caps the statement at 0, at level 2 at 50).
 * 'capped' when the cap lowers the score; 'fundament_missing' when the catalogue has Fundament items
 * but fewer than the coverage threshold of them are answered (no statement is then defensible).
 */
export interface Readiness {
  status: 'ok' | 'capped' | 'fundament_missing' | 'no_fundament' | 'no_data'
  /** min(score, cap); null when there is no score. */
  score: number | null
  /** The organisation score before the cap. */
  uncapped: number | null
  /** Maturity of the weakest Fundament item; null if none answered. */
  cap: number | null
  /** The items that set the cap. */
  cappedBy: string[]
  /** 0–4: floor(score / 25), the level the statement corresponds to. */
  level: number | null
}

export function readinessOf(score: number | null, fundament: FundamentProfile, coverageThreshold = DEFAULT_COVERAGE_THRESHOLD): Readiness {
  const cap = fundament.weakestMaturity
  const levelOf = (s: number | null): number | null => (s === null ? null : Math.min(4, Math.floor(s / 25 + 1e-9)))
  if (score === null && cap === null) return { status: 'no_data', score: null, uncapped: null, cap: null, cappedBy: [], level: null }
  if (fundament.items.length === 0) return { status: 'no_fundament', score, uncapped: score, cap: null, cappedBy: [], level: levelOf(score) }
  if (fundament.coverage === null || fundament.coverage < coverageThreshold || cap === null) {
    // Too few basics answered: the score stands, but capped by what is known of the Fundament.
    const s = score === null ? null : cap === null ? score : Math.min(score, cap)
    return { status: 'fundament_missing', score: s, uncapped: score, cap, cappedBy: cap !== null && score !== null && cap < score ? fundament.weakestItemIds : [], level: levelOf(s) }
  }
  if (score === null) return { status: 'no_data', score: null, uncapped: null, cap, cappedBy: [], level: null }
  if (cap < score) return { status: 'capped', score: cap, uncapped: score, cap, cappedBy: fundament.weakestItemIds, level: levelOf(cap) }
  return { status: 'ok', score, uncapped: score, cap, cappedBy: [], level: levelOf(score) }
}

/** Per-item accumulator over departments. */
interface ItemAcc {
  item: CatalogItem
  values: number[]
  weights: number[]
  lows: number[]
  highs: number[]
  rangeWeights: number[]
  applicable: number
  na: number
  answered: number
  established: number
}

function staffWeight(d: Department): number {
  return d.staff !== null && d.staff > 0 ? d.staff : 0
}

/**
 * Organisation score of method 2.0, item by item (see the module comment). Returned in the shape of
 * method 1.0's OrganisationScore plus `established`, `low` and `high`; scoreEqual / scoreStaff differ
 * only in how departments are combined per item.
 */
export function scoreOrganisationByItems(
  catalog: Catalog,
  departments: readonly DepartmentConsensusInput[],
  fundament: readonly ItemConsensus[],
  options: ScoringOptions = {},
): OrganisationScore {
  const idx = indexCatalog(catalog)
  const maturityOf = catalogMaturity(catalog)
  const threshold = options.coverageThreshold ?? DEFAULT_COVERAGE_THRESHOLD
  const weighting = options.weighting ?? 'equal'
  const anyStaff = departments.some((d) => staffWeight(d.department) > 0)
  const variants = (['equal', 'staff'] as const).map((mode) => {
    const accs = new Map<string, ItemAcc>()
    /** Counts one (department or organisation) value of an item with weight w. */
    const add = (a: ItemAcc, c: ItemConsensus, w: number): void => {
      a.applicable++
      if (c.state === 'na') a.na++
      else if (c.state === 'level' && c.ist !== null) {
        const m = maturityOf(c.ist, c.itemId)
        a.answered++
        a.values.push(m)
        a.weights.push(w)
        a.lows.push(m)
        a.highs.push(m)
        a.rangeWeights.push(w)
        if (isEstablished(m)) a.established++
      } else if (isUnknown(c)) {
        a.lows.push(0)
        a.highs.push(100)
        a.rangeWeights.push(w)
      }
    }
    const accOf = (item: CatalogItem): ItemAcc => {
      let a = accs.get(item.id)
      if (!a) accs.set(item.id, (a = { item, values: [], weights: [], lows: [], highs: [], rangeWeights: [], applicable: 0, na: 0, answered: 0, established: 0 }))
      return a
    }
    for (const d of departments) {
      const w = mode === 'staff' && anyStaff ? staffWeight(d.department) : 1
      for (const c of d.consensus) {
        const item = idx.itemsById.get(c.itemId)
        if (!item || item.appliesTo === 'organisation' || !idx.dimensionsById.has(item.dimensionId)) continue
        add(accOf(item), c, w)
      }
    }
    for (const c of fundament) {
      const item = idx.itemsById.get(c.itemId)
      if (!item || !idx.dimensionsById.has(item.dimensionId)) continue
      add(accOf(item), c, 1)
    }
    return accs
  })

  const dimensions: (OrgDimensionScore & { established: number | null; low: number | null; high: number | null })[] = []
  const totals = { equal: [] as number[], staff: [] as number[], dimWeights: [] as number[] }
  const totalRange = { lows: [] as number[], highs: [] as number[], weights: [] as number[] }
  let answered = 0
  let denominator = 0
  let established = 0
  for (const dim of idx.dimensionList) {
    const items = idx.itemsByDimension.get(dim.id) ?? []
    const perMode = variants.map((accs) => {
      const values: number[] = []
      const weights: number[] = []
      const lows: number[] = []
      const highs: number[] = []
      const rw: number[] = []
      for (const item of items) {
        const a = accs.get(item.id)
        if (!a) continue
        const w = Math.max(0, item.weight ?? 1)
        const v = weightedMean(a.values, a.weights)
        if (v !== null) {
          values.push(v)
          weights.push(w)
        }
        const lo = weightedMean(a.lows, a.rangeWeights)
        const hi = weightedMean(a.highs, a.rangeWeights)
        if (lo !== null && hi !== null) {
          lows.push(lo)
          highs.push(hi)
          rw.push(w)
        }
      }
      return { score: weightedMean(values, weights), low: weightedMean(lows, rw), high: weightedMean(highs, rw), scored: values.length }
    })
    const equal = perMode[0] as (typeof perMode)[number]
    const staff = perMode[1] as (typeof perMode)[number]
    const chosen = weighting === 'staff' ? staff : equal
    let dAnswered = 0
    let dDenominator = 0
    let dEstablished = 0
    for (const item of items) {
      const a = (variants[0] as Map<string, ItemAcc>).get(item.id)
      if (!a) continue
      dAnswered += a.answered
      dDenominator += a.applicable - a.na
      dEstablished += a.established
    }
    const coverage = dDenominator > 0 ? dAnswered / dDenominator : null
    dimensions.push({
      dimensionId: dim.id,
      score: chosen.score,
      scoreEqual: equal.score,
      scoreStaff: staff.score,
      coverage,
      uncertain: coverage !== null && coverage < threshold,
      scoredDepartments: departments.filter((d) => d.consensus.some((c) => c.dimensionId === dim.id && c.state === 'level')).length,
      established: dAnswered > 0 ? dEstablished / dAnswered : null,
      low: chosen.low,
      high: chosen.high,
    })
    const dw = dim.weight ?? 1
    if (equal.score !== null) {
      totals.equal.push(equal.score)
      totals.dimWeights.push(dw)
    }
    if (staff.score !== null) totals.staff.push(staff.score)
    if (chosen.low !== null && chosen.high !== null) {
      totalRange.lows.push(chosen.low)
      totalRange.highs.push(chosen.high)
      totalRange.weights.push(dw)
    }
    answered += dAnswered
    denominator += dDenominator
    established += dEstablished
  }
  const scoreEqual = weightedMean(totals.equal, totals.dimWeights)
  const scoreStaff = weightedMean(totals.staff, totals.dimWeights)
  const coverage = denominator > 0 ? answered / denominator : null
  const scoredDepartments = departments.filter((d) => d.consensus.some((c) => c.state === 'level')).length
  return {
    modelVersion: SCORING_MODEL_VERSION_2,
    weighting,
    score: weighting === 'staff' ? scoreStaff : scoreEqual,
    scoreEqual,
    scoreStaff,
    staffFallback: weighting === 'staff' && !anyStaff,
    coverage,
    uncertain: coverage !== null && coverage < threshold,
    dimensions,
    departmentCount: departments.length,
    scoredDepartments,
    established: answered > 0 ? established / answered : null,
    low: weightedMean(totalRange.lows, totalRange.weights),
    high: weightedMean(totalRange.highs, totalRange.weights),
  }
}
