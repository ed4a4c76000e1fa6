import { describe, expect, it } from 'vitest'
import type { CatalogMeasure, Scale5 } from '@/domain/model/types'
import type { MeasureClass, Recommendation } from '@/domain/analysis/prioritisation'
import { buildRoadmap, durationOf, horizonOf, preferredStartOf, type RoadmapOptions } from '@/domain/analysis/roadmap'
import { makeCatalog, makeMeasure, makeRecommendation } from '../fixtures/builders'

const law = { law: '§ 1', description: { de: 'Pflicht' }, date: '2025-01-01' }

/** A measure row: id, class of its recommendation (null = not recommended), effort, dependsOn. */
type Row = [id: string, cls: MeasureClass | null, effort: Scale5, dependsOn?: string[]]

/** Builds catalogue + recommendations (in row order = rank order) and the roadmap. */
function plan(rows: Row[], options: RoadmapOptions = {}, untriggered: string[] = []) {
  const measures: CatalogMeasure[] = rows.map(([id, cls, effort, dependsOn]) =>
    makeMeasure({ id, effort, impact: 3, dependsOn: dependsOn ?? [], obligation: cls === 'pflicht' ? law : undefined }),
  )
  const recommendations: Recommendation[] = rows
    .filter(([, cls]) => cls !== null)
    .map(([id, cls, effort], i) =>
      makeRecommendation({
        measureId: id,
        class: cls as MeasureClass,
        effort,
        rank: i + 1,
        priority: 100 - i,
        triggered: !untriggered.includes(id),
      }),
    )
  return buildRoadmap(makeCatalog({ measures }), recommendations, options)
}

/** [id, start, end] of every entry, ordered as returned. */
const slots = (r: ReturnType<typeof plan>) => r.entries.map((e) => [e.measureId, e.startYear, e.endYear])

describe('durations, horizons, preferred starts', () => {
  it.each([
    [1, 1],
    [2, 1],
    [3, 1],
    [4, 2],
    [5, 3],
  ])('effort %s → %s year(s)', (effort, years) => {
    expect(durationOf(effort)).toBe(years)
  })

  it.each([
    [1, 'kurzfristig'],
    [2, 'mittelfristig'],
    [3, 'mittelfristig'],
    [4, 'langfristig'],
    [10, 'langfristig'],
    [12, 'langfristig'],
  ])('start year %s → %s', (year, horizon) => {
    expect(horizonOf(year)).toBe(horizon)
  })

  it.each<[MeasureClass, number, number]>([
    ['pflicht', 5, 1],
    ['quick_win', 1, 1],
    ['leitprojekt', 4, 2],
    ['ergaenzung', 2, 1],
    ['ergaenzung', 3, 2],
  ])('%s with effort %s starts in year %s', (cls, effort, year) => {
    expect(preferredStartOf(cls, effort)).toBe(year)
  })
})

describe('buildRoadmap', () => {
  it('places measures by class and effort without constraints', () => {
    const r = plan([
      ['P', 'pflicht', 5],
      ['Q', 'quick_win', 2],
      ['L', 'leitprojekt', 4],
      ['E', 'ergaenzung', 3],
    ])
    expect(r.modelVersion).toBe('1.0.0')
    expect(r.entries.map((e) => [e.measureId, e.startYear, e.endYear, e.duration, e.horizon, e.rank])).toEqual([
      ['P', 1, 3, 3, 'kurzfristig', 1],
      ['Q', 1, 1, 1, 'kurzfristig', 2],
      ['L', 2, 3, 2, 'mittelfristig', 3],
      ['E', 2, 2, 1, 'mittelfristig', 4],
    ])
    expect(r.warnings).toEqual([])
    expect(r.cycles).toEqual([])
  })

  it('never starts before a dependency starts, never ends before it ends', () => {
    const r = plan([
      ['B', 'quick_win', 1, ['A']], // A runs 2–4 → B may start 3 but must end ≥ 4 → 4
      ['A', 'leitprojekt', 5],
      ['C', 'ergaenzung', 4, ['D']], // D in year 1 → C at its preferred year 2
      ['D', 'quick_win', 1],
    ])
    expect(slots(r)).toEqual([
      ['D', 1, 1],
      ['A', 2, 4],
      ['C', 2, 3],
      ['B', 4, 4],
    ])
    const b = r.entries.find((e) => e.measureId === 'B')
    expect(b).toMatchObject({ preferredStart: 1, earliestStart: 4, delayedByDependency: true, delayedByCapacity: false, dependsOn: ['A'], horizon: 'langfristig' })
    expect(r.entries.find((e) => e.measureId === 'A')?.requiredBy).toEqual(['B'])
  })

  it('pulls in dependencies that are not recommended as prerequisites (transitively)', () => {
    const r = plan([
      ['B', 'quick_win', 1, ['P']],
      ['P', null, 2, ['P0']],
      ['P0', null, 3],
    ])
    expect(r.entries.map((e) => [e.measureId, e.prerequisite, e.rank, e.class, e.startYear, e.requiredBy])).toEqual([
      // P0: effort 3, impact 3 → ergaenzung → year 2; P after it; B after P
      ['P0', true, null, 'ergaenzung', 2, ['P']],
      ['P', true, null, 'quick_win', 3, ['B']],
      ['B', false, 1, 'quick_win', 4, []],
    ])
  })

  it('detects a dependency cycle, reports it and still places every measure', () => {
    const r = plan([
      ['A', 'quick_win', 1, ['B']],
      ['B', 'quick_win', 1, ['A']],
      ['C', 'quick_win', 1, ['A']],
      ['S', 'quick_win', 1, ['S']],
    ])
    expect(r.cycles).toEqual([['A', 'B'], ['S']])
    expect(r.warnings.filter((w) => w.code === 'dependency_cycle').map((w) => w.ids)).toEqual([['A', 'B'], ['S']])
    expect(slots(r)).toEqual([
      ['A', 1, 1],
      ['B', 1, 1],
      ['S', 1, 1],
      ['C', 2, 2],
    ])
    expect(r.entries.find((e) => e.measureId === 'A')).toMatchObject({ inCycle: true, ignoredDependencies: ['B'], dependsOn: [] })
    expect(r.entries.find((e) => e.measureId === 'C')).toMatchObject({ inCycle: false, dependsOn: ['A'] })
  })

  it('warns about unknown dependency ids and ignores the edge', () => {
    const r = plan([['A', 'quick_win', 1, ['ghost']]])
    expect(r.warnings).toEqual([{ code: 'unknown_dependency', message: expect.any(String), ids: ['A', 'ghost'] }])
    expect(r.entries[0]).toMatchObject({ measureId: 'A', startYear: 1, ignoredDependencies: ['ghost'], dependsOn: [] })
  })

  it('leaves out Pflicht measures that are not triggered ("erfüllt")', () => {
    const r = plan(
      [
        ['P', 'pflicht', 1],
        ['Q', 'quick_win', 1],
      ],
      {},
      ['P'],
    )
    expect(slots(r)).toEqual([['Q', 1, 1]])
  })

  it('flags starts after the horizon', () => {
    const rows: Row[] = [['M1', 'quick_win', 5]]
    for (let i = 2; i <= 5; i++) rows.push([`M${i}`, 'quick_win', 5, [`M${i - 1}`]])
    const r = plan(rows, { horizonYears: 10 })
    // each 3-year measure starts one year after the previous one starts and ends a year after it ends
    expect(slots(r)).toEqual([
      ['M1', 1, 3],
      ['M2', 2, 4],
      ['M3', 3, 5],
      ['M4', 4, 6],
      ['M5', 5, 7],
    ])
    const short = plan(rows, { horizonYears: 3 })
    expect(short.entries.filter((e) => e.beyondHorizon).map((e) => e.measureId)).toEqual(['M4', 'M5'])
    expect(short.warnings.filter((w) => w.code === 'beyond_horizon').length).toBe(2)
  })
})

describe('buildRoadmap with capacity (effort points per year, spread over the duration)', () => {
  it.each<{ name: string; rows: Row[]; capacity: number; slots: [string, number, number][]; loads: number[]; over: number[] }>([
    {
      name: 'pushes lower-ranked work into later years',
      rows: [
        ['Q1', 'quick_win', 2],
        ['Q2', 'quick_win', 2],
        ['Q3', 'quick_win', 2],
      ],
      capacity: 3,
      slots: [
        ['Q1', 1, 1],
        ['Q2', 2, 2],
        ['Q3', 3, 3],
      ],
      loads: [2, 2, 2],
      over: [],
    },
    {
      name: 'Pflicht never moves for capacity but counts',
      rows: [
        ['P1', 'pflicht', 2],
        ['P2', 'pflicht', 2],
        ['Q1', 'quick_win', 1],
      ],
      capacity: 3,
      slots: [
        ['P1', 1, 1],
        ['P2', 1, 1],
        ['Q1', 2, 2],
      ],
      loads: [4, 1],
      over: [1],
    },
    {
      name: 'a multi-year measure loads every year it runs',
      rows: [
        ['E', 'pflicht', 4], // 2 points in years 1 and 2
        ['Q', 'quick_win', 2],
      ],
      capacity: 3,
      slots: [
        ['E', 1, 2],
        ['Q', 3, 3],
      ],
      loads: [2, 2, 2],
      over: [],
    },
    {
      name: 'a measure larger than the capacity runs alone',
      rows: [
        ['A', 'quick_win', 3],
        ['B', 'quick_win', 3],
      ],
      capacity: 1,
      slots: [
        ['A', 1, 1],
        ['B', 2, 2],
      ],
      loads: [3, 3],
      over: [1, 2],
    },
    {
      name: 'a dependency of a higher-ranked measure is placed before lower-ranked work',
      rows: [
        ['X', 'quick_win', 2, ['Z']],
        ['Y', 'quick_win', 2],
        ['Z', 'quick_win', 2],
      ],
      capacity: 2,
      slots: [
        ['Z', 1, 1],
        ['X', 2, 2],
        ['Y', 3, 3],
      ],
      loads: [2, 2, 2],
      over: [],
    },
  ])('$name', ({ rows, capacity, slots: expected, loads, over }) => {
    const r = plan(rows, { capacity })
    expect(slots(r)).toEqual(expected)
    expect(r.years.map((y) => y.load)).toEqual(loads)
    expect(r.years.filter((y) => y.overCapacity).map((y) => y.year)).toEqual(over)
    expect(r.warnings.filter((w) => w.code === 'capacity_exceeded').length).toBe(over.length)
  })

  it('marks measures moved by capacity', () => {
    const r = plan(
      [
        ['Q1', 'quick_win', 2],
        ['Q2', 'quick_win', 2],
      ],
      { capacity: 2 },
    )
    expect(r.entries.map((e) => [e.measureId, e.delayedByCapacity, e.horizon])).toEqual([
      ['Q1', false, 'kurzfristig'],
      ['Q2', true, 'mittelfristig'],
    ])
  })
})
