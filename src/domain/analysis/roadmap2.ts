/**
 * Roadmap of method 2.0 (docs/scoring.md §6): the recommended measures and their prerequisites over a
 * planning horizon the steering group sets (up to 10 calendar years, e.g. 2025–2034) in phases, with
 * a capacity in person-days per year (default derived from staff size). Duties are scheduled first,
 * in order of their due date, so they get capacity before anything else; a duty that cannot end by
 * its deadline year is flagged "Frist gefährdet", one whose deadline has passed "überfällig". Every
 * measure respects the capacity (a measure larger than one year's capacity runs alone).
 */
import { indexCatalog } from '@/domain/model/catalog-index'
import { isDutyOf, obligationDue, type DutyContext } from '@/domain/model/obligations'
import type { Catalog } from '@/domain/model/types'
import { topologicalOrder } from './graph'
import { type DomainWarning, SCORING_MODEL_VERSION_2 } from './method'
import { EFFORT_PERSON_DAYS } from './priority2'
import type { Recommendation } from './prioritisation'
import { dependencyGraph, durationOf, type Horizon, type Roadmap, type RoadmapEntry, type RoadmapYear, withPrerequisites } from './roadmap'

/** Longest horizon the steering group can set. */
export const MAX_HORIZON_YEARS = 10
/** Default capacity: person-days of project work per employee and year, and the floor. */
export const CAPACITY_DAYS_PER_EMPLOYEE = 0.5
export const MIN_CAPACITY_DAYS = 40
/** Capacity when the staff size is unknown. */
export const FALLBACK_CAPACITY_DAYS = 120

export interface PlanningHorizon {
  /** First calendar year of the plan. */
  startYear: number
  /** Number of years, 1–10. */
  years: number
  /** Last year (1-based index) of each phase, ascending, the last one = years. */
  phases: number[]
}

/** Default phases of a horizon: about the first fifth, up to the half, the rest (10 → 2, 5, 10). */
export function defaultPhases(years: number): number[] {
  const y = Math.max(1, Math.min(MAX_HORIZON_YEARS, Math.floor(years)))
  return [...new Set([Math.max(1, Math.ceil(y * 0.2)), Math.max(1, Math.ceil(y * 0.5)), y])]
}

/** A horizon from partial settings: years clamped to 1–10, phases sorted, cut to the horizon and closed by its last year. */
export function planningHorizon(startYear: number, years?: number | null, phases?: readonly number[] | null): PlanningHorizon {
  const y = Math.max(1, Math.min(MAX_HORIZON_YEARS, Math.floor(years ?? MAX_HORIZON_YEARS)))
  const own = (phases ?? []).filter((p) => Number.isInteger(p) && p >= 1 && p < y)
  const list = own.length > 0 ? [...new Set([...own].sort((a, b) => a - b)), y] : defaultPhases(y)
  return { startYear, years: y, phases: list }
}

/** Default capacity in person-days per year: staff × 0.5 PT, at least 40; 120 when staff is unknown. */
export function defaultCapacity(staff: number | null | undefined): number {
  if (staff === null || staff === undefined || !(staff > 0)) return FALLBACK_CAPACITY_DAYS
  return Math.max(MIN_CAPACITY_DAYS, Math.round(staff * CAPACITY_DAYS_PER_EMPLOYEE))
}

/** Phase (1-based) of a plan year; phases.length + 1 after the horizon. */
export function phaseOf(year: number, horizon: PlanningHorizon): number {
  const i = horizon.phases.findIndex((end) => year <= end)
  return i === -1 ? horizon.phases.length + 1 : i + 1
}

function horizonLabel(phase: number): Horizon {
  return phase <= 1 ? 'kurzfristig' : phase === 2 ? 'mittelfristig' : 'langfristig'
}

export interface RoadmapV2Options {
  horizon: PlanningHorizon
  /** Person-days per year; null/undefined = the default from `staff`. */
  capacity?: number | null
  staff?: number | null
  organisation?: DutyContext
  /** The date deadlines are judged on (ISO); default 1 January of the horizon's start year. */
  asOf?: string
}

export interface RoadmapV2Entry extends RoadmapEntry {
  /** Calendar years. */
  calendarStart: number
  calendarEnd: number
  phase: number
  /** Person-days of the effort class. */
  effortDays: number
  duty: boolean
  /** Due date of a duty (deadline, else in force since); '' if none. */
  due: string
  /** Plan year by whose end a duty must be done; null if none or overdue. */
  deadlineYear: number | null
  /** The due date lies on or before the date the plan is judged on. */
  overdue: boolean
  /** A duty that cannot end by its deadline year: "Frist gefährdet". */
  deadlineAtRisk: boolean
}

export interface RoadmapV2 extends Roadmap {
  entries: RoadmapV2Entry[]
  horizon: PlanningHorizon
  /** Person-days per year used. */
  capacity: number
  capacitySource: 'set' | 'staff' | 'fallback'
}

const EPS = 1e-9

export function buildRoadmapV2(catalog: Catalog, recommendations: readonly Recommendation[], options: RoadmapV2Options): RoadmapV2 {
  const idx = indexCatalog(catalog)
  const horizon = options.horizon
  const capacitySource = options.capacity != null && options.capacity > 0 ? 'set' : options.staff != null && options.staff > 0 ? 'staff' : 'fallback'
  const capacity = capacitySource === 'set' ? (options.capacity as number) : defaultCapacity(options.staff)
  const asOf = options.asOf ?? `${String(horizon.startYear).padStart(4, '0')}-01-01`
  const warnings: DomainWarning[] = []

  const { dag, cycles, inCycle, warnings: graphWarnings } = dependencyGraph(idx)
  warnings.push(...graphWarnings)

  const recById = new Map<string, Recommendation>()
  for (const r of recommendations) if (r.triggered && !recById.has(r.measureId) && idx.measuresById.has(r.measureId)) recById.set(r.measureId, r)
  const { members, sub } = withPrerequisites(dag, recById.keys())

  const dutyOf = (id: string): { duty: boolean; due: string } => {
    const m = idx.measuresById.get(id)
    const o = m?.obligation
    const duty = o !== undefined && isDutyOf(o, options.organisation)
    return { duty, due: duty && o ? obligationDue(o) : '' }
  }
  // Scheduling key: duties first by due date, then the rest by rank; a prerequisite takes the best
  // key of what needs it.
  const keyOf = new Map<string, string>()
  for (const id of members) {
    const r = recById.get(id)
    const { duty, due } = dutyOf(id)
    keyOf.set(id, r ? `${duty ? '0' : '1'}|${due || '9999-12-31'}|${String(r.rank).padStart(6, '0')}` : '2|')
  }
  const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
  const plain = topologicalOrder(sub, byId).order
  for (let i = plain.length - 1; i >= 0; i--) {
    const id = plain[i] as string
    const k = keyOf.get(id) as string
    for (const d of sub.get(id) ?? []) if (k < (keyOf.get(d) as string)) keyOf.set(d, k)
  }
  const { order } = topologicalOrder(sub, (a, b) => {
    const ka = keyOf.get(a) as string
    const kb = keyOf.get(b) as string
    return ka < kb ? -1 : ka > kb ? 1 : byId(a, b)
  })

  const requiredBy = new Map<string, string[]>()
  for (const id of order) for (const d of sub.get(id) ?? []) (requiredBy.get(d) ?? requiredBy.set(d, []).get(d) as string[]).push(id)

  const load: number[] = [0]
  const loadAt = (y: number): number => load[y] ?? 0
  const placed = new Map<string, RoadmapV2Entry>()
  for (const id of order) {
    const measure = idx.measuresById.get(id)
    if (!measure) continue
    const rec = recById.get(id)
    const { duty, due } = dutyOf(id)
    const duration = durationOf(measure.effort)
    const days = EFFORT_PERSON_DAYS[measure.effort]
    const perYear = days / duration
    const deps = sub.get(id) ?? []
    let earliestStart = 1
    for (const d of deps) {
      const e = placed.get(d)
      if (e) earliestStart = Math.max(earliestStart, e.startYear + 1, e.endYear - duration + 1)
    }
    let start = earliestStart
    for (;;) {
      let fits = true
      let empty = true
      for (let y = start; y < start + duration; y++) {
        if (loadAt(y) + perYear > capacity + EPS) fits = false
        if (loadAt(y) > EPS) empty = false
      }
      if (fits || empty) break
      start++
    }
    const endYear = start + duration - 1
    for (let y = start; y <= endYear; y++) load[y] = loadAt(y) + perYear
    // A duty without any date applies already (the same rule as urgencyOf). A duty pulled in only as
    // a prerequisite was not triggered: the answers say it is fulfilled, so it is neither overdue nor
    // at risk (it stays in the plan so what needs it comes after it).
    const openDuty = duty && rec !== undefined
    const overdue = openDuty && (due === '' || due <= asOf)
    // The last plan year that ends on or before the due date (a year ends on 31 December).
    const deadlineYear = openDuty && due !== '' && !overdue ? Number(due.slice(0, 4)) - horizon.startYear + (due.slice(5) === '12-31' ? 1 : 0) : null
    const deadlineAtRisk = deadlineYear !== null && endYear > deadlineYear
    const phase = phaseOf(start, horizon)
    const known = new Set(dag.get(id) ?? [])
    const entry: RoadmapV2Entry = {
      measureId: id,
      class: rec ? rec.class : duty ? 'pflicht' : 'ergaenzung',
      rank: rec ? rec.rank : null,
      priority: rec ? rec.priority : 0,
      effort: measure.effort,
      prerequisite: !rec,
      requiredBy: requiredBy.get(id) ?? [],
      dependsOn: [...deps],
      ignoredDependencies: [...new Set(measure.dependsOn)].filter((d) => !known.has(d)),
      inCycle: inCycle.has(id),
      preferredStart: 1,
      earliestStart,
      startYear: start,
      endYear,
      duration,
      horizon: horizonLabel(phase),
      delayedByDependency: earliestStart > 1,
      delayedByCapacity: start > earliestStart,
      beyondHorizon: start > horizon.years,
      calendarStart: horizon.startYear + start - 1,
      calendarEnd: horizon.startYear + endYear - 1,
      phase,
      effortDays: days,
      duty,
      due,
      deadlineYear,
      overdue,
      deadlineAtRisk,
    }
    placed.set(id, entry)
    if (entry.beyondHorizon) warnings.push({ code: 'beyond_horizon', message: `Measure ${id} starts in year ${start}, after the ${horizon.years}-year horizon.`, ids: [id] })
    if (deadlineAtRisk) warnings.push({ code: 'deadline_at_risk', message: `Duty ${id} ends in plan year ${endYear}, after its deadline ${due}.`, ids: [id] })
  }

  const lastYear = Math.max(horizon.years, load.length - 1)
  const years: RoadmapYear[] = []
  for (let y = 1; y <= lastYear; y++) {
    const l = loadAt(y)
    const over = l > capacity + EPS
    years.push({ year: y, load: l, capacity, overCapacity: over })
    if (over) {
      warnings.push({ code: 'capacity_exceeded', message: `Year ${y} needs ${l} person-days, capacity is ${capacity}.`, ids: [...placed.values()].filter((e) => e.startYear <= y && e.endYear >= y).map((e) => e.measureId) })
    }
  }
  const position = new Map(order.map((id, i) => [id, i]))
  const entries = [...placed.values()].sort((a, b) => a.startYear - b.startYear || (position.get(a.measureId) as number) - (position.get(b.measureId) as number))
  return { modelVersion: SCORING_MODEL_VERSION_2, entries, years, cycles, warnings, horizon, capacity, capacitySource }
}
