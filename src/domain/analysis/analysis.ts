/**
 * One entry point for the screens: analyse one round of one organisation
 * (consensus → scores → gaps → recommendations → roadmap).
 */
import type { Assessment, Catalog, Department, Organisation, Round, ScoringModel } from '@/domain/model/types'
import { type ConsensusOptions, departmentConsensus, type ItemConsensus, type OrphanAnswer, type Respondent } from './consensus'
import { type DepartmentGaps, gapsWithPlan } from './gaps'
import {
  type DepartmentRecommendation,
  type PrioritisationOptions,
  prioritiseWithPlan,
  type Recommendation,
  recommendationsByDepartment,
} from './prioritisation'
import { buildRoadmap, type Roadmap, type RoadmapOptions } from './roadmap'
import {
  type DepartmentScore,
  type DepartmentScoringOptions,
  type ItemScore,
  itemScore,
  type OrganisationScore,
  scoreDepartment,
  scoreOrganisation,
  type ScoringOptions,
} from './scoring'
import { type DomainWarning, methodOf, modelVersionOf } from './method'
import { fundamentConsensus, type FundamentProfile, fundamentProfile, type Readiness, readinessOf, scoreOrganisationByItems } from './fundament'
import { prioritiseV2WithPlan, recommendationsByDepartmentV2 } from './priority2'
import { buildRoadmapV2, planningHorizon } from './roadmap2'
import { DEFAULT_COVERAGE_THRESHOLD } from './scoring'
import { catalogPlan, type CatalogPlan, roundTargets, type RoundTargets } from './catalog-plan'

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
  const plan = catalogPlan(catalog)
  const out: ItemScore[] = []
  for (const c of top) {
    const p = plan.items.get(c.itemId)
    if (p) out.push(itemScore(p.item, c, plan.maturityOf))
  }
  return out
}

/**
 * Analyses one round: consensus per department and item (a value agreed in a workshop replaces
 * the respondents' median, see consensus.ts), department scores (N/A out of every
 * denominator, 'weiß nicht' only lowers coverage), organisation scores (equal and staff-weighted),
 * gaps, prioritised recommendations (organisation-wide and per department) and the roadmap.
 * Assessments of other rounds or unknown departments are skipped with a warning; answers to items
 * the catalogue does not have are listed in `orphanAnswers`. For repeated analyses of one round
 * while answers change, `createRoundAnalyser` (incremental.ts) gives the same result and reuses the
 * work of unchanged departments.
 */
export function analyseRound(input: AnalysisInput): AnalysisResult {
  const context = roundContext(input)
  const { warnings, byDepartment } = groupAssessments(input)
  const parts = input.departments.map((department) => analyseDepartment(context, department, byDepartment.get(department.id) ?? []))
  return finishRound(input, context, parts, warnings)
}

// ---------------------------------------------------------------------------------------------
// The steps of analyseRound, shared with the incremental analyser (incremental.ts)
// ---------------------------------------------------------------------------------------------

/** What every step of one round's analysis shares: the catalogue plan, the round's targets, the method and options. */
export interface RoundContext {
  catalog: Catalog
  plan: CatalogPlan
  round: Round
  targets: RoundTargets
  options: AnalysisOptions
  method: ScoringModel
  /** Options of the department scores (method 2.0 leaves the Fundament items out). */
  scoring: DepartmentScoringOptions
}

export function roundContext(input: AnalysisInput): RoundContext {
  const { catalog, round } = input
  const options = input.options ?? {}
  const method = methodOf(catalog)
  const plan = catalogPlan(catalog)
  return { catalog, plan, round, targets: roundTargets(plan, round), options, method, scoring: { ...options, excludeOrganisationItems: method === '2.0' } }
}

/**
 * The round's assessments by department id (input order), and the warnings about the catalogue
 * pin and about assessments that were skipped (other round, unknown department).
 */
export function groupAssessments(input: AnalysisInput): { warnings: DomainWarning[]; byDepartment: Map<string, Assessment[]> } {
  const { catalog, round, departments } = input
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
  return { warnings, byDepartment }
}

/**
 * The part of a round's analysis that depends on one department alone: its consensus, score, gaps
 * and extreme items. It reads the catalogue, the round's targets, the department's id and kind,
 * its assessments and the options `spreadThreshold` and `coverageThreshold` — nothing else.
 */
export interface DepartmentPart {
  respondents: Respondent[]
  consensusAssessmentId: string | null
  consensus: ItemConsensus[]
  /** The consensus without Fundament items (method 2.0). */
  own: ItemConsensus[]
  score: DepartmentScore
  gaps: DepartmentGaps
  toDiscuss: ItemConsensus[]
  strongest: ItemScore[]
  weakest: ItemScore[]
  orphanAnswers: OrphanAnswer[]
}

/** The department part of the analysis from the department's assessments of this round. */
export function analyseDepartment(context: RoundContext, department: Department, assessments: readonly Assessment[]): DepartmentPart {
  const { catalog, plan } = context
  const v2 = context.method === '2.0'
  const consensus = departmentConsensus(catalog, department, assessments, context.options)
  const score = scoreDepartment(catalog, department, consensus.items, context.scoring)
  // Under 2.0 the Fundament items belong to the organisation, not to the department's own results.
  const own = v2 ? consensus.items.filter((c) => plan.items.get(c.itemId)?.item.appliesTo !== 'organisation') : consensus.items
  const gaps = gapsWithPlan(plan, context.targets, department.id, own)
  const extremeOf = v2 ? own : consensus.items
  return {
    respondents: consensus.respondents,
    consensusAssessmentId: consensus.consensusAssessmentId,
    consensus: consensus.items,
    own,
    score,
    gaps,
    toDiscuss: consensus.items.filter((c) => c.toDiscuss),
    strongest: extremeItems(catalog, extremeOf, 3, 'strongest'),
    weakest: extremeItems(catalog, extremeOf, 3, 'weakest'),
    orphanAnswers: consensus.orphanAnswers,
  }
}

/**
 * The organisation-level steps after the department parts (one per entry of `input.departments`,
 * same order): organisation score, recommendations, roadmap and the department results.
 */
export function finishRound(input: AnalysisInput, context: RoundContext, parts: readonly DepartmentPart[], warnings: DomainWarning[]): AnalysisResult {
  const orphanAnswers: OrphanAnswer[] = []
  for (const p of parts) for (const o of p.orphanAnswers) orphanAnswers.push(o)
  if (context.method === '2.0') return finishV2(input, context, parts, warnings, orphanAnswers)
  const { catalog, round, options } = context
  const { departments } = input

  const organisation = scoreOrganisation(
    catalog,
    departments,
    parts.map((p) => p.score),
    options,
  )
  const prioritisation = prioritiseWithPlan(
    catalog,
    context.plan,
    context.targets,
    parts.map((p, i) => ({ department: departments[i] as Department, consensus: p.consensus })),
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
  const noneInsufficient = new Set<string>()
  return {
    method: context.method,
    modelVersion: modelVersionOf(context.method),
    roundId: round.id,
    catalogId: catalog.id,
    catalogVersion: catalog.version,
    departments: departmentResults(departments, parts, noneInsufficient, departmentRecommendations),
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

/** The department results of one analysis; `recommendations` reads the lazily built per-department lists. */
function departmentResults(
  departments: readonly Department[],
  parts: readonly DepartmentPart[],
  insufficient: ReadonlySet<string>,
  departmentRecommendations: () => Map<string, DepartmentRecommendation[]>,
): DepartmentResult[] {
  return parts.map((p, i) => {
    const department = departments[i] as Department
    const result = {
      departmentId: department.id,
      department,
      respondents: p.respondents,
      consensusAssessmentId: p.consensusAssessmentId,
      score: p.score,
      consensus: p.consensus,
      toDiscuss: p.toDiscuss,
      gaps: p.gaps,
      strongest: p.strongest,
      weakest: p.weakest,
      insufficient: insufficient.has(department.id),
    } as DepartmentResult
    Object.defineProperty(result, 'recommendations', {
      get: () => departmentRecommendations().get(department.id) ?? [],
      enumerable: true,
    })
    return result
  })
}

/** Method 2.0 after consensus and department scores: Fundament, item-wise organisation score, readiness, priority, roadmap. */
function finishV2(input: AnalysisInput, context: RoundContext, parts: readonly DepartmentPart[], warnings: DomainWarning[], orphanAnswers: OrphanAnswer[]): AnalysisResult {
  const { catalog, round, options } = context
  const { departments } = input
  const threshold = options.coverageThreshold ?? DEFAULT_COVERAGE_THRESHOLD
  const inputs = parts.map((p, i) => ({ department: departments[i] as Department, consensus: p.consensus }))
  const fundamentValues = fundamentConsensus(catalog, inputs)
  const fundament = fundamentProfile(catalog, fundamentValues)
  const organisation = scoreOrganisationByItems(catalog, inputs, fundamentValues, options)
  const readiness = readinessOf(organisation.score, fundament, threshold)
  const insufficient = new Set<string>()
  for (const [i, p] of parts.entries()) {
    if (p.score.coverage === null || p.score.coverage < threshold) insufficient.add((departments[i] as Department).id)
  }
  for (const id of insufficient) {
    warnings.push({ code: 'insufficient_coverage', message: `Department ${id} answered too few items; it triggers no recommendation.`, ids: [id] })
  }
  const org = input.organisation ?? undefined
  const prioritisation = prioritiseV2WithPlan(
    {
      catalog,
      round,
      departments: inputs,
      fundament: fundamentValues,
      insufficientDepartmentIds: insufficient,
      organisation: org,
      asOf: options.asOf,
      includeZeroBenefit: options.includeZeroBenefit,
    },
    context.plan,
    context.targets,
  )
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
  return {
    method: '2.0',
    modelVersion: modelVersionOf('2.0'),
    roundId: round.id,
    catalogId: catalog.id,
    catalogVersion: catalog.version,
    departments: departmentResults(departments, parts, insufficient, departmentRecommendations),
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
