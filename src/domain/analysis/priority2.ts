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
import { askedItems, indexCatalog } from '@/domain/model/catalog-index'
import { type DutyContext, isDutyOf, obligationDue } from '@/domain/model/obligations'
import type { Catalog, CatalogMeasure, Department, LegalObligation, Round, Scale5 } from '@/domain/model/types'
import { type ItemConsensus, respondentAnswers } from './consensus'
import { type DepartmentConsensusInput, ORGANISATION_UNIT } from './fundament'
import { gapOf } from './gaps'
import { type DomainWarning, SCORING_MODEL_VERSION_2 } from './method'
import { type MeasureClass, type PriorityReason, type RankStability, type Recommendation, type Urgency } from './prioritisation'
import { consensusLookup } from './scoring'
import { resolveTarget, scaleLevelsOf } from './targets'

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

/** Recommendations of method 2.0 (see the module comment), ranked, with stability and focus. */
export function prioritiseV2(input: PrioritisationV2Input): PrioritisationV2Result {
  const { catalog, round } = input
  const idx = indexCatalog(catalog)
  const asOf = input.asOf ?? round.startDate
  const warnings: DomainWarning[] = []
  const assessed = input.departments.filter((d) => !input.insufficientDepartmentIds.has(d.department.id))
  const staffMode = assessed.length > 0 && assessed.every((d) => d.department.staff !== null && d.department.staff > 0)
  let totalWeight = 0
  for (const d of assessed) totalWeight += weightOf(d.department, staffMode)
  const lookups = assessed.map((d) => {
    const { items: scored, position } = askedItems(idx, d.department)
    const lookup = consensusLookup(scored, d.consensus)
    return {
      department: d.department,
      consensus: (itemId: string): ItemConsensus | undefined => {
        const i = position.get(itemId)
        return i === undefined ? undefined : lookup(i, itemId)
      },
    }
  })
  const fundamentById = new Map(input.fundament.map((c) => [c.itemId, c]))

  const reasonOf = (departmentId: string, itemId: string, c: ItemConsensus, factor = 1): PriorityReason | null => {
    const item = idx.itemsById.get(itemId)
    const dimension = item ? idx.dimensionsById.get(item.dimensionId) : undefined
    if (!item || !dimension || c.state !== 'level' || c.ist === null) return null
    const levels = scaleLevelsOf(catalog, item)
    const { target } = resolveTarget(c.target, round, item, dimension, levels)
    const gap = gapOf(c.ist, target, levels)
    const weight = needWeightV2(c.bedarf, c.potenzial)
    return { departmentId, itemId, ist: c.ist, target, gap, bedarf: c.bedarf, potenzial: c.potenzial, weight, contribution: gap * weight * factor, answers: respondentAnswers(c) }
  }

  const list: Omit<Recommendation, 'rank'>[] = []
  for (const measure of idx.measuresById.values()) {
    const triggers = new Map<string, number>()
    for (const t of measure.triggers) {
      if (!idx.itemsById.has(t.itemId)) {
        warnings.push({ code: 'unknown_trigger_item', message: `Measure ${measure.id} is triggered by unknown item ${t.itemId}; trigger ignored.`, ids: [measure.id, t.itemId] })
        continue
      }
      triggers.set(t.itemId, Math.max(triggers.get(t.itemId) ?? -Infinity, t.maxLevel))
    }
    const reasons: PriorityReason[] = []
    let organisationValue = 0
    let organisationWide = false
    for (const [itemId, maxLevel] of triggers) {
      if (idx.itemsById.get(itemId)?.appliesTo !== 'organisation') continue
      const c = fundamentById.get(itemId)
      if (!c || c.state !== 'level' || c.ist === null || c.ist > maxLevel) continue
      const r = reasonOf(ORGANISATION_UNIT, itemId, c, FUNDAMENT_FACTOR)
      if (!r) continue
      organisationWide = true
      reasons.push(r)
      organisationValue += r.contribution
    }
    const triggeringDepartmentIds: string[] = []
    let weightedNeed = 0
    let triggeringWeight = 0
    for (const { department, consensus } of lookups) {
      let need = 0
      let triggeredHere = false
      for (const [itemId, maxLevel] of triggers) {
        if (idx.itemsById.get(itemId)?.appliesTo === 'organisation') continue
        const c = consensus(itemId)
        if (!c || c.state !== 'level' || c.ist === null || c.ist > maxLevel) continue
        const r = reasonOf(department.id, itemId, c)
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
    for (const departmentId of r.triggeringDepartmentIds) {
      const list = out.get(departmentId)
      if (!list || insufficient.has(departmentId)) continue
      const reasons = r.reasons.filter((x) => x.departmentId === departmentId)
      let value = 0
      for (const x of reasons) value += x.contribution
      list.push({
        ...r,
        triggeringDepartmentIds: [departmentId],
        reasons,
        benefit: value,
        priority: priorityV2(value, r.impact, r.effort, r.urgency ?? 'none'),
        orgBenefit: r.benefit,
        orgPriority: r.priority,
        orgRank: r.rank,
      })
    }
  }
  for (const list of out.values()) {
    list.sort(compareRecommendationsV2)
    list.forEach((e, i) => (e.rank = i + 1))
  }
  return out
}
