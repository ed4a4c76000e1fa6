/**
 * Roadmap: places the recommended measures (and the prerequisites they depend on) into yearly
 * slots 1…n, respecting dependencies and an optional capacity, and derives the horizon
 * (kurzfristig / mittelfristig / langfristig) from the start year. Rules in docs/scoring.md §6.
 */
import type { Catalog, Scale5 } from '@/domain/model/types'
import { topologicalOrder, withoutCyclicEdges } from './graph'
import { classifyMeasure, type MeasureClass, type Recommendation } from './prioritisation'
import { type DomainWarning, SCORING_MODEL_VERSION } from './method'
import { indexCatalog } from '@/domain/model/catalog-index'

export type Horizon = 'kurzfristig' | 'mittelfristig' | 'langfristig'

/** Default planning horizon in years (langfristig = years 4–10). */
export const DEFAULT_HORIZON_YEARS = 10

export interface RoadmapOptions {
  /**
   * Effort points per year. A measure loads each year it runs with effort / duration. Null or
   * undefined = unlimited.
   */
  capacity?: number | null
  /** Last year of the plan (default 10); later starts are flagged `beyondHorizon`. */
  horizonYears?: number
}

export interface RoadmapEntry {
  measureId: string
  class: MeasureClass
  /** Rank in the recommendation list (1-based); null for pulled-in prerequisites. */
  rank: number | null
  priority: number
  effort: Scale5
  /** Not recommended itself, but needed by a recommended measure. */
  prerequisite: boolean
  /** Measures on the roadmap that depend on this one directly. */
  requiredBy: string[]
  /** Dependencies that constrained the placement. */
  dependsOn: string[]
  /** Dependencies not used: unknown ids or edges inside a cycle. */
  ignoredDependencies: string[]
  inCycle: boolean
  /** Start year by class, before dependencies and capacity. */
  preferredStart: number
  /** Start year after dependencies, before capacity. */
  earliestStart: number
  startYear: number
  endYear: number
  /** Years: effort 1–3 → 1, 4 → 2, 5 → 3. */
  duration: number
  horizon: Horizon
  delayedByDependency: boolean
  delayedByCapacity: boolean
  beyondHorizon: boolean
}

export interface RoadmapYear {
  year: number
  /** Σ effort / duration of the measures running in this year. */
  load: number
  capacity: number | null
  overCapacity: boolean
}

export interface Roadmap {
  modelVersion: string
  /** Ordered by start year, then by scheduling order (rank, prerequisites before dependents). */
  entries: RoadmapEntry[]
  years: RoadmapYear[]
  /** Dependency cycles in the whole catalogue (sorted id lists). */
  cycles: string[][]
  warnings: DomainWarning[]
}

/** Duration in years by effort: 1–3 → 1, 4 → 2, 5 → 3. */
export function durationOf(effort: number): number {
  return effort >= 5 ? 3 : effort === 4 ? 2 : 1
}

/** Horizon of a start year: 1 → kurzfristig, 2–3 → mittelfristig, 4+ → langfristig. */
export function horizonOf(startYear: number): Horizon {
  return startYear <= 1 ? 'kurzfristig' : startYear <= 3 ? 'mittelfristig' : 'langfristig'
}

/**
 * Preferred start year by class: Pflicht and Quick Win → 1, Leitprojekt → 2, Ergänzung → 1 if
 * effort ≤ 2 else 2.
 */
export function preferredStartOf(cls: MeasureClass, effort: number): number {
  if (cls === 'pflicht' || cls === 'quick_win') return 1
  if (cls === 'leitprojekt') return 2
  return effort <= 2 ? 1 : 2
}

const EPS = 1e-9

/** A catalogue's measure dependencies without cycles (shared by both roadmap methods). */
export interface DependencyGraph {
  /** measure id → dependencies, cyclic edges removed. */
  dag: Map<string, string[]>
  cycles: string[][]
  inCycle: Set<string>
  /** Unknown dependency ids and cycles: catalogue defects, reported once. */
  warnings: DomainWarning[]
}

export function dependencyGraph(idx: ReturnType<typeof indexCatalog>): DependencyGraph {
  const warnings: DomainWarning[] = []
  const full = new Map<string, string[]>()
  for (const m of idx.measuresById.values()) {
    for (const d of m.dependsOn) {
      if (!idx.measuresById.has(d)) {
        warnings.push({ code: 'unknown_dependency', message: `Measure ${m.id} depends on unknown measure ${d}; dependency ignored.`, ids: [m.id, d] })
      }
    }
    full.set(m.id, [...m.dependsOn])
  }
  const { graph: dag, cycles } = withoutCyclicEdges(full)
  for (const c of cycles) {
    warnings.push({ code: 'dependency_cycle', message: `Dependency cycle between measures ${c.join(', ')}; the dependencies inside it are ignored.`, ids: [...c] })
  }
  return { dag, cycles, inCycle: new Set(cycles.flat()), warnings }
}

/** The given measures plus everything they (transitively) depend on, and that subgraph. */
export function withPrerequisites(dag: ReadonlyMap<string, string[]>, ids: Iterable<string>): { members: Set<string>; sub: Map<string, string[]> } {
  const members = new Set(ids)
  const queue = [...members]
  while (queue.length > 0) {
    const id = queue.pop() as string
    for (const d of dag.get(id) ?? []) {
      if (!members.has(d)) {
        members.add(d)
        queue.push(d)
      }
    }
  }
  const sub = new Map<string, string[]>()
  for (const id of members) sub.set(id, dag.get(id) ?? [])
  return { members, sub }
}

/**
 * Builds the roadmap from ordered recommendations. Only triggered recommendations are placed
 * (a Pflicht measure that is not triggered is "erfüllt" and left out); dependencies that are not
 * recommended are pulled in as prerequisites. Placement, in priority order but never before a
 * dependency: start ≥ preferred start, start ≥ start(dep) + 1 and end ≥ end(dep) for every
 * dependency. With a capacity, a non-Pflicht measure moves to the first later start where it fits
 * (or where it runs alone); Pflicht measures never move for capacity but count. Unknown dependency
 * ids are warned about and ignored; cycles are reported and their internal edges ignored, so this
 * always terminates.
 */
export function buildRoadmap(
  catalog: Catalog,
  recommendations: readonly Recommendation[],
  options: RoadmapOptions = {},
): Roadmap {
  const idx = indexCatalog(catalog)
  const capacity = options.capacity ?? null
  const horizonYears = options.horizonYears ?? DEFAULT_HORIZON_YEARS
  const warnings: DomainWarning[] = []

  const { dag, cycles, inCycle, warnings: graphWarnings } = dependencyGraph(idx)
  warnings.push(...graphWarnings)

  // The set to place: triggered recommendations plus their transitive prerequisites.
  const recById = new Map<string, Recommendation>()
  const ownRank = new Map<string, number>()
  recommendations.forEach((r, i) => {
    if (!r.triggered || recById.has(r.measureId) || !idx.measuresById.has(r.measureId)) return
    recById.set(r.measureId, r)
    ownRank.set(r.measureId, i)
  })
  const { members, sub } = withPrerequisites(dag, recById.keys())

  // Effective rank: a prerequisite inherits the best rank of anything that needs it.
  const effRank = new Map<string, number>()
  for (const id of members) effRank.set(id, ownRank.get(id) ?? Infinity)
  const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
  const plainOrder = topologicalOrder(sub, byId).order
  for (let i = plainOrder.length - 1; i >= 0; i--) {
    const id = plainOrder[i] as string
    const r = effRank.get(id) as number
    for (const d of sub.get(id) ?? []) effRank.set(d, Math.min(effRank.get(d) as number, r))
  }
  const { order } = topologicalOrder(sub, (a, b) => {
    const ea = effRank.get(a) as number
    const eb = effRank.get(b) as number
    if (ea !== eb) return ea < eb ? -1 : 1
    const oa = ownRank.get(a) ?? Infinity
    const ob = ownRank.get(b) ?? Infinity
    if (oa !== ob) return oa < ob ? -1 : 1
    return byId(a, b)
  })

  const requiredBy = new Map<string, string[]>()
  for (const id of order) {
    for (const d of sub.get(id) ?? []) {
      const list = requiredBy.get(d)
      if (list) list.push(id)
      else requiredBy.set(d, [id])
    }
  }

  const load: number[] = [0] // index = year; year 0 unused
  const loadAt = (y: number): number => load[y] ?? 0
  const placed = new Map<string, RoadmapEntry>()
  for (const id of order) {
    const measure = idx.measuresById.get(id)
    if (!measure) continue
    const rec = recById.get(id)
    const cls = rec ? rec.class : classifyMeasure(measure, 0, catalog)
    const duration = durationOf(measure.effort)
    const preferredStart = preferredStartOf(cls, measure.effort)
    const deps = sub.get(id) ?? []
    let earliestStart = preferredStart
    for (const d of deps) {
      const e = placed.get(d)
      if (!e) continue
      earliestStart = Math.max(earliestStart, e.startYear + 1, e.endYear - duration + 1)
    }
    const perYear = measure.effort / duration
    let start = earliestStart
    if (capacity !== null && cls !== 'pflicht') {
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
    }
    const endYear = start + duration - 1
    for (let y = start; y <= endYear; y++) load[y] = loadAt(y) + perYear
    const known = new Set(dag.get(id) ?? [])
    const entry: RoadmapEntry = {
      measureId: id,
      class: cls,
      rank: rec ? rec.rank : null,
      priority: rec ? rec.priority : 0,
      effort: measure.effort,
      prerequisite: !rec,
      requiredBy: requiredBy.get(id) ?? [],
      dependsOn: [...deps],
      ignoredDependencies: [...new Set(measure.dependsOn)].filter((d) => !known.has(d)),
      inCycle: inCycle.has(id),
      preferredStart,
      earliestStart,
      startYear: start,
      endYear,
      duration,
      horizon: horizonOf(start),
      delayedByDependency: earliestStart > preferredStart,
      delayedByCapacity: start > earliestStart,
      beyondHorizon: start > horizonYears,
    }
    placed.set(id, entry)
    if (entry.beyondHorizon) {
      warnings.push({
        code: 'beyond_horizon',
        message: `Measure ${id} starts in year ${start}, after the ${horizonYears}-year horizon.`,
        ids: [id],
      })
    }
  }

  const lastYear = Math.max(1, load.length - 1)
  const years: RoadmapYear[] = []
  for (let y = 1; y <= lastYear; y++) {
    const l = loadAt(y)
    const over = capacity !== null && l > capacity + EPS
    years.push({ year: y, load: l, capacity, overCapacity: over })
    if (over) {
      warnings.push({
        code: 'capacity_exceeded',
        message: `Year ${y} needs ${l} effort points, capacity is ${capacity}.`,
        ids: [...placed.values()]
          .filter((e) => e.startYear <= y && e.endYear >= y)
          .map((e) => e.measureId),
      })
    }
  }

  const position = new Map(order.map((id, i) => [id, i]))
  const entries = [...placed.values()].sort(
    (a, b) =>
      a.startYear - b.startYear ||
      (position.get(a.measureId) as number) - (position.get(b.measureId) as number),
  )
  return { modelVersion: SCORING_MODEL_VERSION, entries, years, cycles, warnings }
}
