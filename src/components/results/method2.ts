/**
 * View helpers for the method 2.0 screens: narrowing and grouping of what the analysis returns, no
 * rules (those live in src/domain/analysis). Shared by the results components and views.
 */
import { ORGANISATION_UNIT } from '@/domain/analysis/fundament'
import type { Roadmap } from '@/domain/analysis/roadmap'
import type { RoadmapV2, RoadmapV2Entry } from '@/domain/analysis/roadmap2'
import type { Department, Organisation } from '@/domain/model/types'

/** The roadmap of method 2.0 (calendar years, phases, person-days), or null for a 1.0 roadmap. */
export function asRoadmapV2(roadmap: Roadmap | null | undefined): RoadmapV2 | null {
  return roadmap && 'horizon' in roadmap && 'capacitySource' in roadmap ? (roadmap as RoadmapV2) : null
}

/**
 * What a recommendation's reach is a share of: staff when every department has a staff size, else
 * departments (prioritiseV2 weights by staff only when all assessed departments have one).
 */
export function reachBasis(departments: readonly Pick<Department, 'staff'>[]): 'staff' | 'departments' {
  return departments.length > 0 && departments.every((d) => d.staff !== null && d.staff > 0) ? 'staff' : 'departments'
}

/** The staff size the default capacity is derived from (as analyseRound does): the organisation's, else the departments' sum. */
export function staffOf(organisation: Pick<Organisation, 'staff'> | null | undefined, departments: readonly Pick<Department, 'staff'>[]): number | null {
  if (organisation?.staff) return organisation.staff
  return departments.some((d) => d.staff) ? departments.reduce((s, d) => s + (d.staff ?? 0), 0) : null
}

/** True for the pseudo department of Fundament reasons: the whole administration ("Gesamtverwaltung"). */
export function isOrganisationUnit(departmentId: string): boolean {
  return departmentId === ORGANISATION_UNIT
}

export interface PhaseGroup {
  /** 1-based phase; horizon.phases.length + 1 for what starts after the horizon. */
  phase: number
  beyond: boolean
  /** Calendar years the phase covers (for `beyond`: from the first year after the horizon to the last start). */
  from: number
  to: number
  /** Start years with their entries, ascending; entries keep the roadmap's order. */
  years: { year: number; entries: RoadmapV2Entry[] }[]
}

/** The roadmap's entries by phase and calendar start year; every phase of the horizon is listed, the group after it only if used. */
export function phaseGroups(roadmap: RoadmapV2): PhaseGroup[] {
  const { startYear, years, phases } = roadmap.horizon
  const groups: PhaseGroup[] = []
  let previousEnd = 0
  phases.forEach((end, i) => {
    groups.push({ phase: i + 1, beyond: false, from: startYear + previousEnd, to: startYear + end - 1, years: [] })
    previousEnd = end
  })
  const after = roadmap.entries.filter((e) => e.phase > phases.length)
  if (after.length > 0) {
    groups.push({ phase: phases.length + 1, beyond: true, from: startYear + years, to: Math.max(...after.map((e) => e.calendarStart)), years: [] })
  }
  for (const e of roadmap.entries) {
    const group = groups[Math.min(e.phase, groups.length) - 1]
    if (!group) continue
    let year = group.years.find((y) => y.year === e.calendarStart)
    if (!year) group.years.push((year = { year: e.calendarStart, entries: [] }))
    year.entries.push(e)
  }
  for (const g of groups) g.years.sort((a, b) => a.year - b.year)
  return groups
}

/** The 'weiß nicht' range rounded to whole points, or null when both ends round alike (nothing to show). */
export function unknownRange(low: number | null | undefined, high: number | null | undefined): { low: number; high: number } | null {
  if (low === null || low === undefined || high === null || high === undefined) return null
  const lo = Math.round(low)
  const hi = Math.round(high)
  return lo === hi ? null : { low: lo, high: hi }
}
