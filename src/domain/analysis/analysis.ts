/**
 * One entry point for the screens: analyse one round of one organisation
 * (consensus → scores → gaps → recommendations → roadmap).
 */
import type { Assessment, Catalog, Department, Organisation, Round, ScoringModel } from '@/domain/model/types'
import { type ConsensusOptions, departmentConsensus, type ItemConsensus, type OrphanAnswer, type Respondent } from './consensus'
import { type DepartmentGaps, departmentGaps } from './gaps'
import {
  type DepartmentRecommendation,
  prioritise,
  type PrioritisationOptions,
  type Recommendation,
  recommendationsByDepartment,
} from './prioritisation'
import { buildRoadmap, type Roadmap, type RoadmapOptions } from './roadmap'
import {
  catalogMaturity,
  type DepartmentScore,
  type ItemScore,
  itemScore,
  type OrganisationScore,
  scoreDepartment,
  scoreOrganisation,
  type ScoringOptions,
} from './scoring'
import { type DomainWarning, methodOf, modelVersionOf } from './method'
import { fundamentConsensus, type FundamentProfile, fundamentProfile, type Readiness, readinessOf, scoreOrganisationByItems } from './fundament'
import { prioritiseV2, recommendationsByDepartmentV2 } from './priority2'
import { buildRoadmapV2, planningHorizon } from './roadmap2'
import { DEFAULT_COVERAGE_THRESHOLD } from './scoring'
import { indexCatalog } from '@/domain/model/catalog-index'

/** Method 2.0 planning settings (the steering group's horizon and capacity in person-days). */
export interface PlanningOptions {
  /** First calendar year of the roadmap (default: the year of the round's start date). */
  horizonStartYear?: number | null
  /** Ends of the phases (plan years), e.g. [2, 5] for a ten-year horizon; default defaultPhases(). */
  phases?: readonly number[] | null
  /** Person-days per year; null = default from staff size. */
  capacityDays?: number | null
  /** Date duties are judged on (default: the round's start date). */
  asOf?: string
}

export type AnalysisOptions = ConsensusOptions & ScoringOptions & PrioritisationOptions & RoadmapOptions & PlanningOptions

export interface AnalysisInput {
  catalog: Catalog
  round: Round
  departments: readonly Department[]
  /** Assessments of this round (others are skipped with a warning). */
  assessments: readonly Assessment[]
  /** The organisation assessed: its type and Bundesland decide which obligations bind (method 2.0), its staff the default capacity. */
  organisation?: Pick<Organisation, 'type' | 'bundesland' | 'staff'> | null
  options?: AnalysisOptions
}

export interface DepartmentResult {
  departmentId: string
  department: Department
  /** The department's assessments (respondents) in this round; the workshop's consensus is none. */
  respondents: Respondent[]
  /** Id of the department's consensus (workshop) assessment in this round, or null. */
  consensusAssessmentId: string | null
  score: DepartmentScore
  /** Consensus per applicable item, catalogue order (agreed workshop values replace medians). */
  consensus: ItemConsensus[]
  /** Items whose respondents differ by ≥ spread threshold and no value was agreed ("zu besprechen"). */
  toDiscuss: ItemConsensus[]
  gaps: DepartmentGaps
  /** Up to 3 answered items with the highest / lowest maturity (ties: catalogue order). */
  strongest: ItemScore[]
  weakest: ItemScore[]
  /** Built for all departments in one pass when first read (a view of the organisation list). */
  recommendations: DepartmentRecommendation[]
  /** Method 2.0: coverage below the threshold, so the department triggers nothing ("zu wenige Antworten"). */
  insufficient: boolean
}

export interface AnalysisResult {
  /** The method used: the catalogue's (see methodOf). */
  method: ScoringModel
  modelVersion: string
  roundId: string
  catalogId: string
  catalogVersion: string
  departments: DepartmentResult[]
  organisation: OrganisationScore
  recommendations: Recommendation[]
  roadmap: Roadmap
  cycles: string[][]
  warnings: DomainWarning[]
  orphanAnswers: OrphanAnswer[]
  /** Method 2.0: the organisation's Fundament values, profile and capped readiness; null under 1.0. */
  fundamentConsensus: ItemConsensus[]
  fundament: FundamentProfile | null
  readiness: Readiness | null
}

/**
 * The n answered items with the highest (or lowest) maturity, best (or worst) first; ties keep
 * the input (catalogue) order. Items without a level (N/A, unanswered) are never listed.
 */
export function extremeItems(
  catalog: Catalog,
  consensus: readonly ItemConsensus[],
  n: number,
  which: 'strongest' | 'weakest',
): ItemScore[] {
  const top: ItemConsensus[] = []
  if (n <= 0) return []
  const better = (a: number, b: number): boolean => (which === 'strongest' ? a > b : a < b)
  for (const c of consensus) {
    if (c.state !== 'level' || c.ist === null) continue
    if (top.length === n && !better(c.ist, (top[n - 1] as ItemConsensus).ist as number)) continue
    let i = Math.min(top.length, n - 1)
    if (top.length < n) top.push(c)
    // insertion: move past every kept item that is not strictly worse (stable for ties)
    while (i > 0 && better(c.ist, (top[i - 1] as ItemConsensus).ist as number)) {
      top[i] = top[i - 1] as ItemConsensus
      i--
    }
    top[i] = c
  }
  const idx = indexCatalog(catalog)
  const maturityOf = catalogMaturity(catalog)
  return top.flatMap((c) => {
    const item = idx.itemsById.get(c.itemId)
    return item ? [itemScore(item, c, maturityOf)] : []
  })
}

/**
 * Analyses one round: consensus per department and item (a value agreed in a workshop replaces
 * the respondents' median, see consensus.ts), department scores (N/A out of every
 * denominator, 'weiß nicht' only lowers coverage), organisation scores (equal and staff-weighted),
 * gaps, prioritised recommendations (organisation-wide and per department) and the roadmap.
 * Assessments of other rounds or unknown departments are skipped with a warning; answers to items
 * the catalogue does not have are listed in `orphanAnswers`.
 */
export function analyseRound(input: AnalysisInput): AnalysisResult {
  const { catalog, round, departments } = input
  const options = input.options ?? {}
  const method = methodOf(catalog)
  const v2 = method === '2.0'
  indexCatalog(catalog)
  const warnings: DomainWarning[] = []

  if (round.catalogId !== catalog.id || round.catalogVersion !== catalog.version) {
    warnings.push({
      code: 'catalog_mismatch',
      message: `Round ${round.id} pins catalogue ${round.catalogId}@${round.catalogVersion}, analysed with ${catalog.id}@${catalog.version}.`,
      ids: [round.id, catalog.id],
    })
  }

  const departmentIds = new Set(departments.map((d) => d.id))
  const byDepartment = new Map<string, Assessment[]>()
  for (const a of input.assessments) {
    if (a.roundId !== round.id) {
      warnings.push({
        code: 'assessment_other_round',
        message: `Assessment ${a.id} belongs to round ${a.roundId}, not ${round.id}; skipped.`,
        ids: [a.id],
      })
      continue
    }
    if (!departmentIds.has(a.departmentId)) {
      warnings.push({
        code: 'assessment_unknown_department',
        message: `Assessment ${a.id} belongs to unknown department ${a.departmentId}; skipped.`,
        ids: [a.id, a.departmentId],
      })
      continue
    }
    const list = byDepartment.get(a.departmentId)
    if (list) list.push(a)
    else byDepartment.set(a.departmentId, [a])
  }

  const orphanAnswers: OrphanAnswer[] = []
  const partial = departments.map((department) => {
    const own = byDepartment.get(department.id) ?? []
    const consensus = departmentConsensus(catalog, department, own, options)
    orphanAnswers.push(...consensus.orphanAnswers)
    const score = scoreDepartment(catalog, department, consensus.items, { ...options, excludeOrganisationItems: v2 })
    // Under 2.0 the Fundament items belong to the organisation, not to the department's own results.
    const ownItems = v2 ? consensus.items.filter((c) => indexCatalog(catalog).itemsById.get(c.itemId)?.appliesTo !== 'organisation') : consensus.items
    const gaps = departmentGaps(catalog, round, department.id, ownItems)
    return {
      department,
      respondents: consensus.respondents,
      consensusAssessmentId: consensus.consensusAssessmentId,
      consensus: consensus.items,
      own: ownItems,
      score,
      gaps,
    }
  })
  if (v2) return finishV2(input, partial, warnings, orphanAnswers)

  const organisation = scoreOrganisation(
    catalog,
    departments,
    partial.map((p) => p.score),
    options,
  )
  const prioritisation = prioritise(
    catalog,
    round,
    partial.map((p) => ({ department: p.department, consensus: p.consensus })),
    options,
  )
  warnings.push(...prioritisation.warnings)
  const roadmap = buildRoadmap(catalog, prioritisation.recommendations, options)
  warnings.push(...roadmap.warnings)

  // Per-department recommendation lists are a view of the organisation's list, built for all
  // departments in one pass on first access (only the department result and report read them).
  let byDepartmentCache: Map<string, DepartmentRecommendation[]> | undefined
  const departmentRecommendations = (): Map<string, DepartmentRecommendation[]> =>
    (byDepartmentCache ??= recommendationsByDepartment(
      prioritisation.recommendations,
      departments.map((d) => d.id),
    ))
  const results: DepartmentResult[] = partial.map((p) => {
    const result = {
      departmentId: p.department.id,
      department: p.department,
      respondents: p.respondents,
      consensusAssessmentId: p.consensusAssessmentId,
      score: p.score,
      consensus: p.consensus,
      toDiscuss: p.consensus.filter((c) => c.toDiscuss),
      gaps: p.gaps,
      strongest: extremeItems(catalog, p.consensus, 3, 'strongest'),
      weakest: extremeItems(catalog, p.consensus, 3, 'weakest'),
      insufficient: false,
    } as DepartmentResult
    Object.defineProperty(result, 'recommendations', {
      get: () => departmentRecommendations().get(p.department.id) ?? [],
      enumerable: true,
    })
    return result
  })

  return {
    method,
    modelVersion: modelVersionOf(method),
    roundId: round.id,
    catalogId: catalog.id,
    catalogVersion: catalog.version,
    departments: results,
    organisation,
    recommendations: prioritisation.recommendations,
    roadmap,
    cycles: roadmap.cycles,
    warnings,
    orphanAnswers,
    fundamentConsensus: [],
    fundament: null,
    readiness: null,
  }
}

interface PartialDepartment {
  department: Department
  respondents: Respondent[]
  consensusAssessmentId: string | null
  consensus: ItemConsensus[]
  /** The consensus without Fundament items (method 2.0). */
  own: ItemConsensus[]
  score: DepartmentScore
  gaps: DepartmentGaps
}

/** Method 2.0 after consensus and department scores: Fundament, item-wise organisation score, readiness, priority, roadmap. */
function finishV2(input: AnalysisInput, partial: readonly PartialDepartment[], warnings: DomainWarning[], orphanAnswers: OrphanAnswer[]): AnalysisResult {
  const { catalog, round, departments } = input
  const options = input.options ?? {}
  const threshold = options.coverageThreshold ?? DEFAULT_COVERAGE_THRESHOLD
  const inputs = partial.map((p) => ({ department: p.department, consensus: p.consensus }))
  const fundamentValues = fundamentConsensus(catalog, inputs)
  const fundament = fundamentProfile(catalog, fundamentValues)
  const organisation = scoreOrganisationByItems(catalog, inputs, fundamentValues, options)
  const readiness = readinessOf(organisation.score, fundament, threshold)
  const insufficient = new Set(partial.filter((p) => p.score.coverage === null || p.score.coverage < threshold).map((p) => p.department.id))
  for (const id of insufficient) {
    warnings.push({ code: 'insufficient_coverage', message: `Department ${id} answered too few items; it triggers no recommendation.`, ids: [id] })
  }
  const org = input.organisation ?? undefined
  const prioritisation = prioritiseV2({
    catalog,
    round,
    departments: inputs,
    fundament: fundamentValues,
    insufficientDepartmentIds: insufficient,
    organisation: org,
    asOf: options.asOf,
    includeZeroBenefit: options.includeZeroBenefit,
  })
  warnings.push(...prioritisation.warnings)
  const startYear = options.horizonStartYear ?? (Number(round.startDate.slice(0, 4)) || 2000)
  const staff = org?.staff ?? (departments.some((d) => d.staff) ? departments.reduce((s, d) => s + (d.staff ?? 0), 0) : null)
  const roadmap = buildRoadmapV2(catalog, prioritisation.recommendations, {
    horizon: planningHorizon(startYear, options.horizonYears, options.phases),
    capacity: options.capacityDays,
    staff,
    organisation: org,
    asOf: options.asOf ?? round.startDate,
  })
  warnings.push(...roadmap.warnings)
  let byDepartmentCache: Map<string, DepartmentRecommendation[]> | undefined
  const departmentRecommendations = (): Map<string, DepartmentRecommendation[]> =>
    (byDepartmentCache ??= recommendationsByDepartmentV2(prioritisation.recommendations, departments.map((d) => d.id), insufficient))
  const results: DepartmentResult[] = partial.map((p) => {
    const result = {
      departmentId: p.department.id,
      department: p.department,
      respondents: p.respondents,
      consensusAssessmentId: p.consensusAssessmentId,
      score: p.score,
      consensus: p.consensus,
      toDiscuss: p.consensus.filter((c) => c.toDiscuss),
      gaps: p.gaps,
      strongest: extremeItems(catalog, p.own, 3, 'strongest'),
      weakest: extremeItems(catalog, p.own, 3, 'weakest'),
      insufficient: insufficient.has(p.department.id),
    } as DepartmentResult
    Object.defineProperty(result, 'recommendations', { get: () => departmentRecommendations().get(p.department.id) ?? [], enumerable: true })
    return result
  })
  return {
    method: '2.0',
    modelVersion: modelVersionOf('2.0'),
    roundId: round.id,
    catalogId: catalog.id,
    catalogVersion: catalog.version,
    departments: results,
    organisation,
    recommendations: prioritisation.recommendations,
    roadmap,
    cycles: roadmap.cycles,
    warnings,
    orphanAnswers,
    fundamentConsensus: fundamentValues,
    fundament,
    readiness,
  }
}
