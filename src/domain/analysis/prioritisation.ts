/**
 * Prioritisation: which catalogue measures are triggered by the consensus answers, how much they
 * are worth (benefit from weighted gaps), their priority (benefit × impact / effort), their class
 * (Pflicht, Quick Win, Leitprojekt, Ergänzung) and a deterministic order. Every recommendation
 * carries its reasons so the screens can say why.
 */
import type { Catalog, CatalogItem, CatalogMeasure, Department, LegalObligation, Round, Scale5 } from '@/domain/model/types'
import { type ItemConsensus, type RespondentAnswer, sharedRespondentAnswers } from './consensus'
import { gapOf } from './gaps'
import type { ScaleLevels } from './targets'
import { askedItems, indexCatalog } from '@/domain/model/catalog-index'
import { type AskedTrigger, catalogPlan, type CatalogPlan, kindIndex, roundTargets, type RoundTargets, triggerWarningsOf } from './catalog-plan'
import { type DomainWarning, SCORING_MODEL_VERSION } from './method'

/** Classes of a measure, in the order screens list them (see `classifyMeasure`). */
export const MEASURE_CLASSES = ['pflicht', 'quick_win', 'leitprojekt', 'ergaenzung'] as const
export type MeasureClass = (typeof MEASURE_CLASSES)[number]

/** Method 2.0: how pressing a duty is on the round's date. 'none' = no duty of this organisation. */
export const URGENCIES = ['overdue', 'due_soon', 'later', 'none'] as const
export type Urgency = (typeof URGENCIES)[number]

/** Method 2.0: rank a recommendation would have with its effort one class higher or lower (null at the scale's end). */
export interface RankStability {
  rankIfMoreEffort: number | null
  rankIfLessEffort: number | null
}

/** One department × item that triggers a measure, with its share of the benefit. */
export interface PriorityReason {
  departmentId: string
  itemId: string
  /** Consensus Ist. */
  ist: number
  target: number
  gap: number
  bedarf: number | null
  potenzial: number | null
  /** w = 1 + (bedarf + potenzial) / 4; missing values count as 2 (method 1.0) or 0 (method 2.0). */
  weight: number
  /** gap × w */
  contribution: number
  /** The respondents' raw answers behind the consensus (one read-only list per department × item, shared by its reasons). */
  answers: RespondentAnswer[]
}

export interface Recommendation {
  measureId: string
  class: MeasureClass
  /** False only for Pflicht measures listed although no trigger is met ("erfüllt / nicht ausgelöst"). */
  triggered: boolean
  /** Σ contribution over reasons (unrounded). */
  benefit: number
  /** benefit × impact / effort (unrounded; round only for display). */
  priority: number
  impact: Scale5
  effort: Scale5
  /** Departments that trigger the measure, in input order. */
  triggeringDepartmentIds: string[]
  reasons: PriorityReason[]
  obligation: LegalObligation | null
  dependsOn: string[]
  /** 1-based position in the ordered list. */
  rank: number
  // Method 2.0 only (priority2.ts):
  /** Share of staff (or departments) of the triggering departments; 1 for a Fundament trigger. */
  reach?: number
  /** Triggered by a Fundament (organisation) item. */
  organisationWide?: boolean
  /** The obligation binds the organisation assessed (isDutyOf). */
  duty?: boolean
  urgency?: Urgency
  /** Representative person-days of the effort class. */
  effortDays?: number
  stability?: RankStability
  /** In the focused set: every duty plus the top 10 other measures. */
  focus?: boolean
}

/** Consensus of one department, as input to the prioritisation. */
export interface DepartmentPriorityInput {
  department: Department
  consensus: readonly ItemConsensus[]
}

export interface PrioritisationOptions {
  /** Also list triggered non-Pflicht measures whose benefit is 0 (default false). */
  includeZeroBenefit?: boolean
}

export interface PrioritisationResult {
  modelVersion: string
  recommendations: Recommendation[]
  warnings: DomainWarning[]
}

/**
 * Need weight w = 1 + (bedarf + potenzial) / 4 in [1, 3]. A missing (null) Bedarf or Potenzial
 * counts as the neutral 2.
 */
export function needWeight(bedarf: number | null, potenzial: number | null): number {
  return 1 + ((bedarf ?? 2) + (potenzial ?? 2)) / 4
}

/**
 * priority = benefit × impact / effort, computed in that order so equal exact values tie exactly.
 * Unrounded.
 */
export function priorityOf(benefit: number, impact: number, effort: number): number {
  return (benefit * impact) / effort
}

/**
 * Class of a measure: 'pflicht' if it has a legal obligation; else 'quick_win' if impact ≥ 3 and
 * effort ≤ 2; 'leitprojekt' if impact ≥ 3, effort ≥ 4 and (≥ 2 triggering departments or any of
 * its trigger items is a central item); else 'ergaenzung'.
 */
export function classifyMeasure(
  measure: Pick<CatalogMeasure, 'obligation' | 'impact' | 'effort' | 'triggers'>,
  triggeringDepartments: number,
  catalog: Catalog,
): MeasureClass {
  if (measure.obligation) return 'pflicht'
  if (measure.impact >= 3 && measure.effort <= 2) return 'quick_win'
  if (measure.impact >= 3 && measure.effort >= 4) {
    const idx = indexCatalog(catalog)
    const central = measure.triggers.some((t) => idx.itemsById.get(t.itemId)?.appliesTo === 'central')
    if (triggeringDepartments >= 2 || central) return 'leitprojekt'
  }
  return 'ergaenzung'
}

/**
 * Order of recommendations: Pflicht first (triggered before "erfüllt"), then priority desc, then
 * impact desc, effort asc, measure id asc. Deterministic for any input.
 */
export function compareRecommendations(
  a: Pick<Recommendation, 'class' | 'triggered' | 'priority' | 'impact' | 'effort' | 'measureId'>,
  b: Pick<Recommendation, 'class' | 'triggered' | 'priority' | 'impact' | 'effort' | 'measureId'>,
): number {
  const pa = a.class === 'pflicht' ? 0 : 1
  const pb = b.class === 'pflicht' ? 0 : 1
  if (pa !== pb) return pa - pb
  if (pa === 0 && a.triggered !== b.triggered) return a.triggered ? -1 : 1
  if (a.priority !== b.priority) return b.priority - a.priority
  if (a.impact !== b.impact) return b.impact - a.impact
  if (a.effort !== b.effort) return a.effort - b.effort
  return a.measureId < b.measureId ? -1 : a.measureId > b.measureId ? 1 : 0
}

/**
 * Recommendations for the organisation. A department triggers a measure if for at least one
 * trigger the item applies to it, its consensus state is 'level' and Ist ≤ maxLevel ('na' and
 * 'unanswered' never trigger). Each triggering department × item adds gap × w to the benefit,
 * with the gap against the target resolved as in the gap analysis (answer > round > item >
 * dimension).
 * Pflicht measures are always listed (triggered or not); other measures only if triggered and
 * (unless includeZeroBenefit) with benefit > 0. Triggers on unknown items are warned about and
 * ignored.
 */
export function prioritise(
  catalog: Catalog,
  round: Pick<Round, 'dimensionTargets'>,
  departments: readonly DepartmentPriorityInput[],
  options: PrioritisationOptions = {},
): PrioritisationResult {
  const plan = catalogPlan(catalog)
  return prioritiseWithPlan(catalog, plan, roundTargets(plan, round), departments, options)
}

/** `prioritise` with the catalogue plan and the round's targets given (shared with the rest of one analysis). */
export function prioritiseWithPlan(
  catalog: Catalog,
  plan: CatalogPlan,
  targets: RoundTargets,
  departments: readonly DepartmentPriorityInput[],
  options: PrioritisationOptions = {},
): PrioritisationResult {
  const warnings = triggerWarningsOf(plan)
  const lookups = departments.map((d) => departmentLookup(plan, d.department, d.consensus))

  const list: Omit<Recommendation, 'rank'>[] = []
  for (const { measure, askedTriggers } of plan.measures) {
    const reasons: PriorityReason[] = []
    const triggeringDepartmentIds: string[] = []
    for (const { department, kind, consensus, slots, answers, reasons: reasonCache } of lookups) {
      let triggeredHere = false
      // Only the triggers whose item this kind of department is asked (= appliesTo, known dimension).
      for (const { trigger: t, position } of askedTriggers[kind] ?? NO_TRIGGERS) {
        const at = slots ? (slots[position] as number) : position
        const c = consensus[at]
        if (!c || c.state !== 'level' || c.ist === null || c.ist > t.maxLevel) continue
        // A department × item gives the same reason to every measure it triggers: build it once.
        let reason = reasonCache[at]
        if (reason === undefined) {
          const planned = targets[t.plan.slot]
          reason = planned
            ? methodOneReason(department.id, t.itemId, c, c.ist, planned.target, t.plan.levels, answers(at))
            : null
          reasonCache[at] = reason
        }
        if (!reason) continue
        triggeredHere = true
        reasons.push(reason)
      }
      if (triggeredHere) triggeringDepartmentIds.push(department.id)
    }

    const triggered = triggeringDepartmentIds.length > 0
    let benefit = 0
    for (const r of reasons) benefit += r.contribution
    const cls = classifyMeasure(measure, triggeringDepartmentIds.length, catalog)
    if (cls !== 'pflicht') {
      if (!triggered) continue
      if (benefit === 0 && !options.includeZeroBenefit) continue
    }
    list.push({
      measureId: measure.id,
      class: cls,
      triggered,
      benefit,
      priority: priorityOf(benefit, measure.impact, measure.effort),
      impact: measure.impact,
      effort: measure.effort,
      triggeringDepartmentIds,
      reasons,
      obligation: measure.obligation ?? null,
      dependsOn: [...measure.dependsOn],
    })
  }
  list.sort(compareRecommendations)
  return {
    modelVersion: SCORING_MODEL_VERSION,
    recommendations: list.map((r, i) => ({ ...r, rank: i + 1 })),
    warnings,
  }
}

/** The own keys of a method 1.0 recommendation, in the order `prioritise` writes them. */
const METHOD_1_KEYS = ['measureId', 'class', 'triggered', 'benefit', 'priority', 'impact', 'effort', 'triggeringDepartmentIds', 'reasons', 'obligation', 'dependsOn', 'rank'] as const satisfies readonly (keyof Recommendation)[]

/** True when `r` has exactly the keys of METHOD_1_KEYS, in that order (then a literal copy equals a spread). */
function hasMethod1Keys(r: Recommendation): boolean {
  const keys = Object.keys(r)
  if (keys.length !== METHOD_1_KEYS.length) return false
  for (let i = 0; i < keys.length; i++) if (keys[i] !== METHOD_1_KEYS[i]) return false
  return true
}

const NO_TRIGGERS: readonly AskedTrigger[] = []

/** The reason of one triggering department × item under method 1.0 (target: the consensus target, else the planned one). */
function methodOneReason(
  departmentId: string,
  itemId: string,
  c: ItemConsensus,
  ist: number,
  plannedTarget: number,
  levels: ScaleLevels,
  answers: RespondentAnswer[],
): PriorityReason {
  // resolveTarget: the consensus target if any, else the planned one.
  const target = c.target !== null ? c.target : plannedTarget
  const gap = gapOf(ist, target, levels)
  const weight = needWeight(c.bedarf, c.potenzial)
  return {
    departmentId,
    itemId,
    ist,
    target,
    gap,
    bedarf: c.bedarf,
    potenzial: c.potenzial,
    weight,
    contribution: gap > 0 ? gap * weight : 0,
    answers,
  }
}

/** One department's consensus as the prioritisations read it. */
export interface DepartmentLookup {
  department: Department
  /** `kindIndex` of the department's kind. */
  kind: number
  consensus: readonly ItemConsensus[]
  /**
   * Index in `consensus` of the asked item at each position (-1: none), or null when `consensus`
   * lists exactly the asked items in order (what departmentConsensus returns; see consensusLookup).
   */
  slots: Int32Array | null
  /** The shared respondents' answers of the consensus entry at an index. */
  answers: (at: number) => RespondentAnswer[]
  /**
   * Reasons by consensus index, filled by one prioritisation call (null: no reason): a department
   * × item gives every measure it triggers the same reason (the same, read-only object).
   */
  reasons: (PriorityReason | null | undefined)[]
}

/** Lookup of a department's consensus by the position of an asked item. */
export function departmentLookup(plan: CatalogPlan, department: Department, consensus: readonly ItemConsensus[]): DepartmentLookup {
  const scored = askedItems(plan.index, department).items
  let aligned = consensus.length === scored.length
  for (let i = 0; aligned && i < scored.length; i++) {
    if ((consensus[i] as ItemConsensus).itemId !== (scored[i] as CatalogItem).id) aligned = false
  }
  let slots: Int32Array | null = null
  if (!aligned) {
    // The first consensus entry of each item, as consensusLookup finds it.
    const first = new Map<string, number>()
    consensus.forEach((c, i) => {
      if (!first.has(c.itemId)) first.set(c.itemId, i)
    })
    slots = Int32Array.from(scored, (item) => first.get(item.id) ?? -1)
  }
  return {
    department,
    kind: kindIndex(department.kind),
    consensus,
    slots,
    answers: sharedRespondentAnswers(consensus),
    reasons: new Array<PriorityReason | null | undefined>(consensus.length),
  }
}

/** A recommendation seen from one department: its own reasons, benefit and priority. */
export interface DepartmentRecommendation extends Recommendation {
  /** Organisation-wide values of the same measure. */
  orgBenefit: number
  orgPriority: number
  orgRank: number
}

/**
 * Recommendations for one department: the measures this department triggers plus every Pflicht
 * measure (with `triggered` false if this department does not trigger it). Reasons are filtered to
 * the department; benefit, priority, triggered and rank are recomputed from them (the class stays
 * the organisation's). Ordered with the same rule as the organisation list.
 */
export function recommendationsForDepartment(
  recommendations: readonly Recommendation[],
  departmentId: string,
): DepartmentRecommendation[] {
  return recommendationsByDepartment(recommendations, [departmentId]).get(departmentId) ?? []
}

/**
 * `recommendationsForDepartment` for several departments in one pass over the reasons (use this
 * for many departments). Returns a map departmentId → that department's list.
 */
export function recommendationsByDepartment(
  recommendations: readonly Recommendation[],
  departmentIds: readonly string[],
): Map<string, DepartmentRecommendation[]> {
  const out = new Map<string, Omit<DepartmentRecommendation, 'rank'>[]>()
  for (const id of departmentIds) if (!out.has(id)) out.set(id, [])
  for (const r of recommendations) {
    // Reasons by department, for the wanted departments only.
    const reasonsBy = new Map<string, PriorityReason[]>()
    for (const x of r.reasons) {
      if (!out.has(x.departmentId)) continue
      const list = reasonsBy.get(x.departmentId)
      if (list) list.push(x)
      else reasonsBy.set(x.departmentId, [x])
    }
    const triggeredIn = new Set(r.triggeringDepartmentIds)
    const plain = hasMethod1Keys(r)
    // Every department lists a Pflicht measure, triggered or not; other measures only where they
    // are triggered (each list is sorted below, so the visiting order does not matter).
    const visit: Iterable<string> = r.class === 'pflicht' ? out.keys() : triggeredIn
    for (const departmentId of visit) {
      const list = out.get(departmentId)
      if (!list) continue
      const triggered = triggeredIn.has(departmentId)
      const reasons = reasonsBy.get(departmentId) ?? []
      let benefit = 0
      for (const x of reasons) benefit += x.contribution
      const priority = priorityOf(benefit, r.impact, r.effort)
      const triggeringDepartmentIds = triggered ? [departmentId] : []
      list.push(
        plain
          ? // The same object as the spread below, written out (a spread with overrides is several times slower).
            {
              measureId: r.measureId,
              class: r.class,
              triggered,
              benefit,
              priority,
              impact: r.impact,
              effort: r.effort,
              triggeringDepartmentIds,
              reasons,
              obligation: r.obligation,
              dependsOn: r.dependsOn,
              rank: r.rank,
              orgBenefit: r.benefit,
              orgPriority: r.priority,
              orgRank: r.rank,
            }
          : { ...r, triggered, triggeringDepartmentIds, reasons, benefit, priority, orgBenefit: r.benefit, orgPriority: r.priority, orgRank: r.rank },
      )
    }
  }
  // The entries are fresh objects: rank them in place instead of copying every one again.
  const result = new Map<string, DepartmentRecommendation[]>()
  for (const [id, list] of out) {
    list.sort(compareRecommendations)
    const ranked = list as DepartmentRecommendation[]
    for (let i = 0; i < ranked.length; i++) (ranked[i] as DepartmentRecommendation).rank = i + 1
    result.set(id, ranked)
  }
  return result
}
