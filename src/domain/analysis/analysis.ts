/**
 * One entry point for the screens: analyse one round of one organisation
 * (consensus → scores → gaps → recommendations → roadmap).
 */
import type { Assessment, Catalog, Department, Round } from '@/domain/model/types'
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
  type DepartmentScore,
  type ItemScore,
  itemScore,
  type OrganisationScore,
  scoreDepartment,
  scoreOrganisation,
  type ScoringOptions,
} from './scoring'
import { type DomainWarning, SCORING_MODEL_VERSION } from './method'
import { indexCatalog } from '@/domain/model/catalog-index'

export type AnalysisOptions = ConsensusOptions & ScoringOptions & PrioritisationOptions & RoadmapOptions

export interface AnalysisInput {
  catalog: Catalog
  round: Round
  departments: readonly Department[]
  /** Assessments of this round (others are skipped with a warning). */
  assessments: readonly Assessment[]
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
}

export interface AnalysisResult {
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
  return top.flatMap((c) => {
    const item = idx.itemsById.get(c.itemId)
    return item ? [itemScore(item, c)] : []
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
    const score = scoreDepartment(catalog, department, consensus.items, options)
    const gaps = departmentGaps(catalog, round, department.id, consensus.items)
    return {
      department,
      respondents: consensus.respondents,
      consensusAssessmentId: consensus.consensusAssessmentId,
      consensus: consensus.items,
      score,
      gaps,
    }
  })

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
    } as DepartmentResult
    Object.defineProperty(result, 'recommendations', {
      get: () => departmentRecommendations().get(p.department.id) ?? [],
      enumerable: true,
    })
    return result
  })

  return {
    modelVersion: SCORING_MODEL_VERSION,
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
  }
}
