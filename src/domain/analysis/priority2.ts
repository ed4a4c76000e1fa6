/**
 * Prioritisation of method 2.0 (docs/scoring.md §5):
 *
 *   value    = 2 × Fundament need + Σ_d staff_d × need_d / Σ_d staff_d   (departments with enough answers)
 *   need_d   = Σ over the department's triggering items of gap × (1 + (Bedarf + Potenzial) / 4)
 *   priority = value × impact × cost-of-delay factor / person-days of the effort class
 *
 * The department part is severity × reach: the staff-weighted mean need of the triggering
 * departments times the share of staff they hold, so splitting a department into two identical
 * halves changes nothing. A missing Bedarf or Potenzial counts as 0, never more than an honest low
 * answer. Effort is a ratio scale (person-day classes), so raising effort always lowers priority.
 * A measure is Rechtspflicht only where its obligation binds the organisation assessed (isDutyOf);
 * duties are ranked by cost of delay (deadline passed or near) rather than put on top unconditionally.
 * Only triggered measures are recommended; departments below the coverage threshold trigger nothing.
 */
import { type DutyContext, isDutyOf, obligationDue } from '@/domain/model/obligations'
import type { Catalog, CatalogMeasure, Department, LegalObligation, Round, Scale5 } from '@/domain/model/types'
import { type AskedTrigger, catalogPlan, type CatalogPlan, roundTargets, type RoundTargets, type TriggerPlan, triggerWarningsOf } from './catalog-plan'
import { type ItemConsensus, type RespondentAnswer, sharedRespondentAnswers } from './consensus'
import { type DepartmentConsensusInput, ORGANISATION_UNIT } from './fundament'
import { gapOf } from './gaps'
import { type DomainWarning, SCORING_MODEL_VERSION_2 } from './method'
import { departmentLookup, type MeasureClass, type PriorityReason, type RankStability, type Recommendation, type Urgency } from './prioritisation'

/** Representative person-days of each effort class (1: ≤ 5 PT, 2: 6–20, 3: 21–60, 4: 61–200, 5: > 200). */
export const EFFORT_PERSON_DAYS: Readonly<Record<Scale5, number>> = { 1: 3, 2: 12, 3: 40, 4: 120, 5: 300 }


/** Cost-of-delay factor per urgency. */
export const URGENCY_FACTOR: Readonly<Record<Urgency, number>> = { overdue: 3, due_soon: 2, later: 1.5, none: 1 }

/** A deadline within this many months of the round's date is 'due_soon'. */
export const DUE_SOON_MONTHS = 24

/** How many non-duty measures form the focused set beside the duties. */
export const FOCUS_TOP = 10

/**
 * A Fundament gap weighs this much more than a department's: it affects the whole administration
 * and caps the readiness statement (the gate), so closing it has the larger cost of delay.
 */
export const FUNDAMENT_FACTOR = 2

/** Share of staff from which a large measure is a Leitprojekt (or any Fundament trigger). */
export const LEITPROJEKT_REACH = 0.25

/** Need weight of method 2.0: 1 + (Bedarf + Potenzial) / 4 in [1, 3]; a missing value counts as 0. */
export function needWeightV2(bedarf: number | null, potenzial: number | null): number {
  return 1 + ((bedarf ?? 0) + (potenzial ?? 0)) / 4
}

/** ISO date + n months (calendar arithmetic on the date string, day clamped to the month's end). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number]
  const total = y * 12 + (m - 1) + months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

/**
 * Urgency of an obligation on `asOf` (ISO date): 'overdue' when its due date (deadline, else the
 * date it applies from) is on or before asOf, 'due_soon' within DUE_SOON_MONTHS, else 'later'.
 * 'none' when it is no duty of the organisation.
 */
export function urgencyOf(obligation: LegalObligation | undefined, duty: boolean, asOf: string): Urgency {
  if (!obligation || !duty) return 'none'
  const due = obligationDue(obligation)
  if (due === '' || due <= asOf) return 'overdue'
  return due <= addMonths(asOf, DUE_SOON_MONTHS) ? 'due_soon' : 'later'
}

/** priority = value × impact × factor / person-days. Unrounded. */
export function priorityV2(value: number, impact: number, effort: Scale5, urgency: Urgency): number {
  return (value * impact * URGENCY_FACTOR[urgency]) / EFFORT_PERSON_DAYS[effort]
}

/** Method 2.0 class: duty of this organisation → pflicht; else by impact, effort and reach. */
export function classifyMeasureV2(measure: Pick<CatalogMeasure, 'impact' | 'effort'>, duty: boolean, reach: number, organisationWide: boolean): MeasureClass {
  if (duty) return 'pflicht'
  if (measure.impact >= 3 && measure.effort <= 2) return 'quick_win'
  if (measure.impact >= 3 && measure.effort >= 4 && (organisationWide || reach >= LEITPROJEKT_REACH)) return 'leitprojekt'
  return 'ergaenzung'
}

const URGENCY_ORDER: Readonly<Record<Urgency, number>> = { overdue: 0, due_soon: 1, later: 2, none: 3 }

type Comparable = Pick<Recommendation, 'priority' | 'impact' | 'effort' | 'measureId'> & { urgency?: Urgency }

/** Order of method 2.0: priority desc, then urgency, impact desc, effort asc, measure id. */
export function compareRecommendationsV2(a: Comparable, b: Comparable): number {
  if (a.priority !== b.priority) return b.priority - a.priority
  const ua = URGENCY_ORDER[a.urgency ?? 'none']
  const ub = URGENCY_ORDER[b.urgency ?? 'none']
  if (ua !== ub) return ua - ub
  if (a.impact !== b.impact) return b.impact - a.impact
  if (a.effort !== b.effort) return a.effort - b.effort
  return a.measureId < b.measureId ? -1 : a.measureId > b.measureId ? 1 : 0
}

export interface PrioritisationV2Input {
  catalog: Catalog
  round: Pick<Round, 'dimensionTargets' | 'startDate'>
  departments: readonly DepartmentConsensusInput[]
  /** The organisation's Fundament values (fundamentConsensus). */
  fundament: readonly ItemConsensus[]
  /** Ids of departments whose coverage is below the threshold: they trigger nothing. */
  insufficientDepartmentIds: ReadonlySet<string>
  organisation?: DutyContext
  /** Date the cost of delay is judged on (default: the round's start date). */
  asOf?: string
  includeZeroBenefit?: boolean
}

export interface PrioritisationV2Result {
  modelVersion: string
  recommendations: Recommendation[]
  warnings: DomainWarning[]
}

function weightOf(d: Department, staffMode: boolean): number {
  return staffMode ? (d.staff as number) : 1
}

const NO_TRIGGERS: readonly AskedTrigger[] = []

/** Recommendations of method 2.0 (see the module comment), ranked, with stability and focus. */
export function prioritiseV2(input: PrioritisationV2Input): PrioritisationV2Result {
  const plan = catalogPlan(input.catalog)
  return prioritiseV2WithPlan(input, plan, roundTargets(plan, input.round))
}

/** `prioritiseV2` with the catalogue plan and the round's targets given (shared with the rest of one analysis). */
export function prioritiseV2WithPlan(input: PrioritisationV2Input, plan: CatalogPlan, targets: RoundTargets): PrioritisationV2Result {
  const { round } = input
  const asOf = input.asOf ?? round.startDate
  const warnings = triggerWarningsOf(plan)
  const assessed = input.departments.filter((d) => !input.insufficientDepartmentIds.has(d.department.id))
  const staffMode = assessed.length > 0 && assessed.every((d) => d.department.staff !== null && d.department.staff > 0)
  let totalWeight = 0
  for (const d of assessed) totalWeight += weightOf(d.department, staffMode)
  const lookups = assessed.map((d) => departmentLookup(plan, d.department, d.consensus))
  // Fundament values by item id (the last of duplicates, as a Map built from the list keeps it).
  const fundamentAt = new Map(input.fundament.map((c, i) => [c.itemId, i]))
  const fundamentAnswers = sharedRespondentAnswers(input.fundament)

  const list: Omit<Recommendation, 'rank'>[] = []
  for (const { measure, triggers, askedTriggers } of plan.measures) {
    const reasons: PriorityReason[] = []
    let organisationValue = 0
    let organisationWide = false
    for (const t of triggers) {
      if (t.plan.item.appliesTo !== 'organisation') continue
      const at = fundamentAt.get(t.itemId)
      const c = at === undefined ? undefined : input.fundament[at]
      if (at === undefined || !c || c.state !== 'level' || c.ist === null || c.ist > t.maxLevel) continue
      const r = reasonOf(ORGANISATION_UNIT, t, c, targets, FUNDAMENT_FACTOR, fundamentAnswers, at)
      if (!r) continue
      organisationWide = true
      reasons.push(r)
      organisationValue += r.contribution
    }
    const triggeringDepartmentIds: string[] = []
    let weightedNeed = 0
    let triggeringWeight = 0
    for (const { department, kind, consensus, slots, answers, reasons: reasonCache } of lookups) {
      let need = 0
      let triggeredHere = false
      // Only the triggers whose item this kind of department is asked.
      for (const { trigger: t, position } of askedTriggers[kind] ?? NO_TRIGGERS) {
        if (t.plan.item.appliesTo === 'organisation') continue
        const at = slots ? (slots[position] as number) : position
        const c = consensus[at]
        if (!c || c.state !== 'level' || c.ist === null || c.ist > t.maxLevel) continue
        // A department × item gives the same reason to every measure it triggers: build it once.
        let r = reasonCache[at]
        if (r === undefined) {
          r = reasonOf(department.id, t, c, targets, 1, answers, at)
          reasonCache[at] = r
        }
        if (!r) continue
        triggeredHere = true
        reasons.push(r)
        need += r.contribution
      }
      if (!triggeredHere) continue
      triggeringDepartmentIds.push(department.id)
      const w = weightOf(department, staffMode)
      weightedNeed += w * need
      triggeringWeight += w
    }
    if (!organisationWide && triggeringDepartmentIds.length === 0) continue
    const departmentValue = totalWeight > 0 ? weightedNeed / totalWeight : 0
    const reach = organisationWide ? 1 : totalWeight > 0 ? triggeringWeight / totalWeight : 0
    const value = organisationValue + departmentValue
    if (value === 0 && !input.includeZeroBenefit) continue
    const duty = measure.obligation !== undefined && isDutyOf(measure.obligation, input.organisation)
    const urgency = urgencyOf(measure.obligation, duty, asOf)
    list.push({
      measureId: measure.id,
      class: classifyMeasureV2(measure, duty, reach, organisationWide),
      triggered: true,
      benefit: value,
      priority: priorityV2(value, measure.impact, measure.effort, urgency),
      impact: measure.impact,
      effort: measure.effort,
      triggeringDepartmentIds,
      reasons,
      obligation: measure.obligation ?? null,
      dependsOn: [...measure.dependsOn],
      reach,
      organisationWide,
      duty,
      urgency,
      effortDays: EFFORT_PERSON_DAYS[measure.effort],
    })
  }
  list.sort(compareRecommendationsV2)
  const ranked: Recommendation[] = list.map((r, i) => ({ ...r, rank: i + 1 }))
  let others = 0
  for (const r of ranked) {
    r.stability = stabilityOf(r, ranked)
    // Every duty is in focus; beside them the FOCUS_TOP best other measures.
    if (r.class === 'pflicht') r.focus = true
    else r.focus = others++ < FOCUS_TOP
  }
  return { modelVersion: SCORING_MODEL_VERSION_2, recommendations: ranked, warnings }
}

/** The reason of one triggering department × item (or the organisation's Fundament item); null without an Ist or target. */
function reasonOf(
  departmentId: string,
  t: TriggerPlan,
  c: ItemConsensus,
  targets: RoundTargets,
  factor: number,
  answers: (at: number) => RespondentAnswer[],
  at: number,
): PriorityReason | null {
  if (c.state !== 'level' || c.ist === null) return null
  const planned = targets[t.plan.slot]
  if (!planned) return null
  // resolveTarget: the consensus target if any, else the planned one.
  const target = c.target !== null ? c.target : planned.target
  const gap = gapOf(c.ist, target, t.plan.levels)
  const weight = needWeightV2(c.bedarf, c.potenzial)
  return { departmentId, itemId: t.itemId, ist: c.ist, target, gap, bedarf: c.bedarf, potenzial: c.potenzial, weight, contribution: gap * weight * factor, answers: answers(at) }
}

/** 1-based rank of `r` among `ranked` (r itself excluded) if its effort were `effort`. */
function rankWithEffort(r: Recommendation, ranked: readonly Recommendation[], effort: Scale5): number {
  const moved: Comparable = { ...r, effort, priority: priorityV2(r.benefit, r.impact, effort, r.urgency ?? 'none') }
  let before = 0
  for (const o of ranked) if (o.measureId !== r.measureId && compareRecommendationsV2(o, moved) < 0) before++
  return before + 1
}

export function stabilityOf(r: Recommendation, ranked: readonly Recommendation[]): RankStability {
  return {
    rankIfMoreEffort: r.effort < 5 ? rankWithEffort(r, ranked, (r.effort + 1) as Scale5) : null,
    rankIfLessEffort: r.effort > 1 ? rankWithEffort(r, ranked, (r.effort - 1) as Scale5) : null,
  }
}

/**
 * Method 2.0 recommendations seen from departments: only what the department itself triggers
 * (never untriggered duties), its own need as value (reach 1 inside the department), ordered by the
 * same rule. Departments listed in `insufficient` get an empty list (the screen says "zu wenige
 * Antworten"). Organisation-wide (Fundament) reasons belong to no department.
 */
export function recommendationsByDepartmentV2(
  recommendations: readonly Recommendation[],
  departmentIds: readonly string[],
  insufficient: ReadonlySet<string>,
): Map<string, (Recommendation & { orgBenefit: number; orgPriority: number; orgRank: number })[]> {
  type Entry = Recommendation & { orgBenefit: number; orgPriority: number; orgRank: number }
  const out = new Map<string, Entry[]>()
  for (const id of departmentIds) out.set(id, [])
  for (const r of recommendations) {
    // The department's reasons in their order (one pass over the reasons, not one per department).
    const reasonsBy = new Map<string, PriorityReason[]>()
    for (const x of r.reasons) {
      const list = reasonsBy.get(x.departmentId)
      if (list) list.push(x)
      else reasonsBy.set(x.departmentId, [x])
    }
    const plain = hasMethod2Keys(r)
    for (const departmentId of r.triggeringDepartmentIds) {
      const list = out.get(departmentId)
      if (!list || insufficient.has(departmentId)) continue
      const reasons = (reasonsBy.get(departmentId) ?? []).slice()
      let value = 0
      for (const x of reasons) value += x.contribution
      const triggeringDepartmentIds = [departmentId]
      const priority = priorityV2(value, r.impact, r.effort, r.urgency ?? 'none')
      list.push(
        plain
          ? // The same object as the spread below, written out (a spread with overrides is several times slower).
            {
              measureId: r.measureId,
              class: r.class,
              triggered: r.triggered,
              benefit: value,
              priority,
              impact: r.impact,
              effort: r.effort,
              triggeringDepartmentIds,
              reasons,
              obligation: r.obligation,
              dependsOn: r.dependsOn,
              reach: r.reach,
              organisationWide: r.organisationWide,
              duty: r.duty,
              urgency: r.urgency,
              effortDays: r.effortDays,
              rank: r.rank,
              stability: r.stability,
              focus: r.focus,
              orgBenefit: r.benefit,
              orgPriority: r.priority,
              orgRank: r.rank,
            }
          : { ...r, triggeringDepartmentIds, reasons, benefit: value, priority, orgBenefit: r.benefit, orgPriority: r.priority, orgRank: r.rank },
      )
    }
  }
  for (const list of out.values()) {
    list.sort(compareRecommendationsV2)
    list.forEach((e, i) => (e.rank = i + 1))
  }
  return out
}

/** The own keys of a ranked method 2.0 recommendation, in the order `prioritiseV2` writes them. */
const METHOD_2_KEYS = [
  'measureId', 'class', 'triggered', 'benefit', 'priority', 'impact', 'effort', 'triggeringDepartmentIds', 'reasons', 'obligation', 'dependsOn',
  'reach', 'organisationWide', 'duty', 'urgency', 'effortDays', 'rank', 'stability', 'focus',
] as const satisfies readonly (keyof Recommendation)[]

/** True when `r` has exactly the keys of METHOD_2_KEYS, in that order (then a literal copy equals a spread). */
function hasMethod2Keys(r: Recommendation): boolean {
  const keys = Object.keys(r)
  if (keys.length !== METHOD_2_KEYS.length) return false
  for (let i = 0; i < keys.length; i++) if (keys[i] !== METHOD_2_KEYS[i]) return false
  return true
}
