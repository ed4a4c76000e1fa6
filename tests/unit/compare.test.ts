import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { compareRounds, type DeltaDirection, restrictCatalog, scoreDelta, sharedItems, trend, trendSegments } from '@/domain/results/compare'
import { indexCatalog } from '@/domain/model/catalog-index'
import { makeCatalog, makeDepartment, makeDimension, makeItem, makeRound } from '../fixtures/builders'
import { assess, catalogV1, catalogV2, roundData } from '../fixtures/compare-builders'

// v1: D1 = i1, i2, i5; D2 = i3, i4.   v2: D1 = i1, i2; D2 = i3, i5 (moved), i6 (new); i4 removed.
const v1 = catalogV1()
const v2 = catalogV2()
const dep1 = makeDepartment({ id: 'dep-1', code: 'FB 1', name: 'Hauptamt' })
const dep2 = makeDepartment({ id: 'dep-2', code: 'FB 2', name: 'Bauamt' })
const dep3 = makeDepartment({ id: 'dep-3', code: 'FB 3', name: 'Schulamt' })

// Round A (v1). Full catalogue:
//   dep-1: D1 (50 + 100 + 0)/3 = 50, D2 (25 + 0)/2 = 12.5 → 31.25
//   dep-2: D1 (25 + 50)/2 = 37.5 (i2 N/A), D2 75 (i3 weiß nicht) → 56.25
//   organisation 43.75; D1 43.75; D2 43.75
// Restricted to the shared items i1, i2, i3:
//   dep-1: D1 75, D2 25 → 50;  dep-2: D1 25, D2 null → 25;  organisation 37.5; D1 50; D2 25
const roundA = makeRound({ id: 'A', name: 'Runde A', startDate: '2024-03-01', catalogId: 'cat', catalogVersion: '1.0.0' })
const dataA = roundData(roundA, v1, [dep1, dep2], [
  assess('A', 'dep-1', { i1: 2, i2: 4, i3: 1, i4: 0, i5: 0 }),
  assess('A', 'dep-2', { i1: 1, i2: 'na', i3: 'unknown', i4: 3, i5: 2 }),
])

// Round B (v2), dep-3 is new. Full catalogue:
//   dep-1: D1 87.5, D2 (50 + 25 + 0)/3 = 25 → 56.25
//   dep-2: D1 25, D2 (25 + 100 + 100)/3 = 75 → 50
//   dep-3: D1 37.5, D2 (75 + 50 + 25)/3 = 50 → 43.75
//   organisation 50; D1 50; D2 50
// Restricted to i1, i2, i3:
//   dep-1: D1 87.5, D2 50 → 68.75;  dep-2: D1 25, D2 25 → 25;  dep-3: D1 37.5, D2 75 → 56.25
//   organisation 50; D1 50; D2 50
const roundB = makeRound({ id: 'B', name: 'Runde B', startDate: '2025-06-01', catalogId: 'cat', catalogVersion: '2.0.0' })
const dataB = roundData(roundB, v2, [dep1, dep2, dep3], [
  assess('B', 'dep-1', { i1: 3, i2: 4, i3: 2, i5: 1, i6: 0 }),
  assess('B', 'dep-2', { i1: 1, i2: 'na', i3: 1, i5: 4, i6: 4 }),
  assess('B', 'dep-3', { i1: 1, i2: 2, i3: 3, i5: 2, i6: 1 }),
])

// Round A2 (v1 again): dep-1 all 4 → 100; dep-2 all N/A → not scored. Organisation 100.
const roundA2 = makeRound({ id: 'A2', name: 'Runde A2', startDate: '2024-09-01', catalogId: 'cat', catalogVersion: '1.0.0' })
const dataA2 = roundData(roundA2, v1, [dep1, dep2], [
  assess('A2', 'dep-1', { i1: 4, i2: 4, i3: 4, i4: 4, i5: 4 }),
  assess('A2', 'dep-2', { i1: 'na', i2: 'na', i3: 'na', i4: 'na', i5: 'na' }),
])

type Row = [string, number | null, number | null, number | null, DeltaDirection]
const flat = (id: string, d: { a: number | null; b: number | null; delta: number | null; direction: DeltaDirection }): Row => [
  id,
  d.a,
  d.b,
  d.delta,
  d.direction,
]

describe('sharedItems', () => {
  it('splits two versions into shared, moved, only in A, only in B', () => {
    expect(sharedItems(v1, v2)).toEqual({
      shared: ['i1', 'i2', 'i3'],
      moved: [{ itemId: 'i5', dimensionA: 'D1', dimensionB: 'D2' }],
      onlyInA: ['i4'],
      onlyInB: ['i6'],
    })
  })

  it.each([
    ['same catalogue', v1, v1, ['i1', 'i2', 'i3', 'i4', 'i5'], 0, 0, 0],
    ['reversed', v2, v1, ['i1', 'i2', 'i3'], 1, 1, 1],
    ['empty A', makeCatalog(), v2, [], 0, 0, 5],
    // Another model that happens to use the same item ids: comparable only through a declared mapping.
    ['another catalogue with equal item ids', { ...v1, id: 'other-model' }, v1, [], 0, 5, 5],
  ])('%s', (_label, a, b, shared, moved, onlyInA, onlyInB) => {
    const r = sharedItems(a, b)
    expect([r.shared, r.moved.length, r.onlyInA.length, r.onlyInB.length]).toEqual([shared, moved, onlyInA, onlyInB])
  })
})

describe('restrictCatalog', () => {
  it.each([
    [['i1', 'i3'], ['i1', 'i3'], ['D1', 'D2']],
    [['i3', 'i1'], ['i1', 'i3'], ['D1', 'D2']],
    [['i3', 'i4'], ['i3', 'i4'], ['D2']],
    [['i1', 'unknown'], ['i1'], ['D1']],
    [[], [], []],
  ])('%j → items %j, dimensions %j', (ids, items, dimensions) => {
    const r = restrictCatalog(v1, ids)
    expect(r.items.map((i) => i.id)).toEqual(items)
    expect(r.dimensions.map((d) => d.id)).toEqual(dimensions)
    expect([r.id, r.version, r.measures]).toEqual([v1.id, v1.version, v1.measures])
  })

  it('does not modify the input', () => {
    const before = JSON.stringify(v1)
    restrictCatalog(v1, ['i1'])
    expect(JSON.stringify(v1)).toBe(before)
    expect(indexCatalog(v1).centralItems).toHaveLength(5)
  })
})

describe('scoreDelta', () => {
  it.each<[number | null, number | null, number | undefined, number | null, DeltaDirection]>([
    [50, 62.5, undefined, 12.5, 'up'],
    [62.5, 50, undefined, -12.5, 'down'],
    [50, 50, undefined, 0, 'same'],
    [50, 50.03125, undefined, 0.03125, 'same'],
    [50, 49.96875, undefined, -0.03125, 'same'],
    [50, 50.0625, undefined, 0.0625, 'up'],
    [50, 49.9375, undefined, -0.0625, 'down'],
    [50, 52, 2, 2, 'up'],
    [50, 51.5, 2, 1.5, 'same'],
    [50, 50.0625, 0, 0.0625, 'up'],
    [null, 50, undefined, null, 'n/a'],
    [50, null, undefined, null, 'n/a'],
    [null, null, undefined, null, 'n/a'],
  ])('%s → %s (epsilon %s): %s %s', (a, b, epsilon, delta, direction) => {
    expect(scoreDelta(a, b, epsilon)).toEqual({ a, b, delta, direction })
  })
})

describe('compareRounds, same catalogue, all departments', () => {
  const r = compareRounds({ a: dataA, b: dataA2, options: { scope: 'all' } })

  it('compares on all items', () => {
    expect([r.sameCatalog, r.sharedItemCount, r.onlyInA, r.onlyInB, r.moved]).toEqual([true, 5, [], [], []])
    expect(r.analyses.a.catalogVersion).toBe('1.0.0')
  })

  it('has exact deltas', () => {
    expect([
      flat('org', r.organisation),
      ...r.dimensions.map((d) => flat(d.dimensionId, d)),
      ...r.departments.flatMap((d) => [flat(d.departmentId, d), ...d.dimensions.map((x) => flat(`${d.departmentId}/${x.dimensionId}`, x))]),
    ]).toEqual<Row[]>([
      ['org', 43.75, 100, 56.25, 'up'],
      ['D1', 43.75, 100, 56.25, 'up'],
      ['D2', 43.75, 100, 56.25, 'up'],
      ['dep-1', 31.25, 100, 68.75, 'up'],
      ['dep-1/D1', 50, 100, 50, 'up'],
      ['dep-1/D2', 12.5, 100, 87.5, 'up'],
      // all N/A in A2 → not scored
      ['dep-2', 56.25, null, null, 'n/a'],
      ['dep-2/D1', 37.5, null, null, 'n/a'],
      ['dep-2/D2', 75, null, null, 'n/a'],
    ])
  })
})

describe('compareRounds, different catalogue versions, all departments', () => {
  const r = compareRounds({ a: dataA, b: dataB, options: { scope: 'all' } })

  it('reports the item changes and compares on the shared items only', () => {
    expect([r.sameCatalog, r.sharedItemCount, r.onlyInA, r.onlyInB, r.moved]).toEqual([
      false,
      3,
      ['i4'],
      ['i6'],
      [{ itemId: 'i5', dimensionA: 'D1', dimensionB: 'D2' }],
    ])
    expect(r.analyses.a.departments.map((d) => d.score.applicable)).toEqual([3, 3])
    expect(r.analyses.b.departments.map((d) => d.score.applicable)).toEqual([3, 3, 3])
  })

  it('has the exact restricted scores and deltas; a department only in B gets null for A', () => {
    expect([
      flat('org', r.organisation),
      ...r.dimensions.map((d) => flat(d.dimensionId, d)),
      ...r.departments.flatMap((d) => [flat(d.departmentId, d), ...d.dimensions.map((x) => flat(`${d.departmentId}/${x.dimensionId}`, x))]),
    ]).toEqual<Row[]>([
      ['org', 37.5, 50, 12.5, 'up'],
      ['D1', 50, 50, 0, 'same'],
      ['D2', 25, 50, 25, 'up'],
      ['dep-1', 50, 68.75, 18.75, 'up'],
      ['dep-1/D1', 75, 87.5, 12.5, 'up'],
      ['dep-1/D2', 25, 50, 25, 'up'],
      ['dep-2', 25, 25, 0, 'same'],
      ['dep-2/D1', 25, 25, 0, 'same'],
      // weiß nicht in A → not scored there
      ['dep-2/D2', null, 25, null, 'n/a'],
      ['dep-3', null, 56.25, null, 'n/a'],
      ['dep-3/D1', null, 37.5, null, 'n/a'],
      ['dep-3/D2', null, 75, null, 'n/a'],
    ])
    expect(r.departments.map((d) => [d.departmentId, d.name, d.code])).toEqual([
      ['dep-1', 'Hauptamt', 'FB 1'],
      ['dep-2', 'Bauamt', 'FB 2'],
      ['dep-3', 'Schulamt', 'FB 3'],
    ])
  })

  it('swapped: a department only in A gets null for B, deltas change sign', () => {
    const s = compareRounds({ a: dataB, b: dataA, options: { scope: 'all' } })
    expect(flat('org', s.organisation)).toEqual<Row>(['org', 50, 37.5, -12.5, 'down'])
    const d3 = s.departments.find((d) => d.departmentId === 'dep-3')
    expect(d3 && flat('dep-3', d3)).toEqual<Row>(['dep-3', 56.25, null, null, 'n/a'])
    expect(s.moved).toEqual([{ itemId: 'i5', dimensionA: 'D2', dimensionB: 'D1' }])
  })

  it.each<[number, DeltaDirection, DeltaDirection]>([
    [0.05, 'up', 'same'],
    [12.5, 'up', 'same'],
    [12.51, 'same', 'same'],
  ])('epsilon %s → organisation %s, dep-2 %s', (epsilon, org, dep2Direction) => {
    const s = compareRounds({ a: dataA, b: dataB, options: { epsilon, scope: 'all' } })
    expect([s.organisation.direction, s.departments[1]?.direction]).toEqual([org, dep2Direction])
  })

  it('dimensions only in one round are null on the other side', () => {
    // A only has D1 items left, B only D3 items: nothing shared, every dimension n/a.
    const ca = makeCatalog({ id: 'x', version: '1', items: [makeItem({ id: 'p', dimensionId: 'D1' })] })
    const cb = makeCatalog({
      id: 'x',
      version: '2',
      dimensions: [makeDimension({ id: 'D1' }), makeDimension({ id: 'D3' })],
      items: [makeItem({ id: 'q', dimensionId: 'D3' })],
    })
    const s = compareRounds({
      a: roundData(makeRound({ id: 'A' }), ca, [dep1], [assess('A', 'dep-1', { p: 4 })]),
      b: roundData(makeRound({ id: 'B' }), cb, [dep1], [assess('B', 'dep-1', { q: 4 })]),
    })
    expect([s.sharedItemCount, s.dimensions, flat('org', s.organisation)]).toEqual([0, [], ['org', null, null, null, 'n/a']])
  })
})

describe('compareRounds, like with like (default): only departments scored in both rounds', () => {
  it.each<[string, () => ReturnType<typeof compareRounds>, Row[], { common: string[]; onlyInA: string[]; onlyInB: string[] }]>([
    [
      // dep-2 is all N/A in A2 → left out; the headline is dep-1 alone in both rounds.
      'same catalogue, a department unscored in the later round',
      () => compareRounds({ a: dataA, b: dataA2 }),
      [
        ['org', 31.25, 100, 68.75, 'up'],
        ['D1', 50, 100, 50, 'up'],
        ['D2', 12.5, 100, 87.5, 'up'],
      ],
      { common: ['dep-1'], onlyInA: ['dep-2'], onlyInB: [] },
    ],
    [
      // dep-3 answered only in B → left out: B on dep-1 and dep-2 = (68.75 + 25) / 2; D1 (87.5 + 25) / 2; D2 (50 + 25) / 2.
      'different versions, a department new in the later round',
      () => compareRounds({ a: dataA, b: dataB }),
      [
        ['org', 37.5, 46.875, 9.375, 'up'],
        ['D1', 50, 56.25, 6.25, 'up'],
        ['D2', 25, 37.5, 12.5, 'up'],
      ],
      { common: ['dep-1', 'dep-2'], onlyInA: [], onlyInB: ['dep-3'] },
    ],
    [
      'swapped: the new department is now only in A',
      () => compareRounds({ a: dataB, b: dataA }),
      [
        ['org', 46.875, 37.5, -9.375, 'down'],
        ['D1', 56.25, 50, -6.25, 'down'],
        ['D2', 37.5, 25, -12.5, 'down'],
      ],
      { common: ['dep-1', 'dep-2'], onlyInA: ['dep-3'], onlyInB: [] },
    ],
  ])('%s', (_name, run, rows, scope) => {
    const r = run()
    expect([flat('org', r.organisation), ...r.dimensions.map((d) => flat(d.dimensionId, d))]).toEqual<Row[]>(rows)
    expect(r.scope).toEqual({ scope: 'common', ...scope })
  })

  it('department rows still show every department as its own round scored it', () => {
    const r = compareRounds({ a: dataA, b: dataB })
    expect(r.departments.map((d) => flat(d.departmentId, d))).toEqual<Row[]>([
      ['dep-1', 50, 68.75, 18.75, 'up'],
      ['dep-2', 25, 25, 0, 'same'],
      ['dep-3', null, 56.25, null, 'n/a'],
    ])
    expect(r.analyses.b.departments.map((d) => d.departmentId)).toEqual(['dep-1', 'dep-2'])
  })

  it('with the same departments in both rounds, common and all agree', () => {
    const both = roundData(makeRound({ id: 'B2', startDate: '2025-01-01' }), v1, [dep1, dep2], [
      assess('B2', 'dep-1', { i1: 3, i2: 3, i3: 3, i4: 3, i5: 3 }),
      assess('B2', 'dep-2', { i1: 0, i2: 1, i3: 2, i4: 3, i5: 4 }),
    ])
    const common = compareRounds({ a: dataA, b: both })
    const all = compareRounds({ a: dataA, b: both, options: { scope: 'all' } })
    expect(common.organisation).toEqual(all.organisation)
    expect(common.dimensions).toEqual(all.dimensions)
    expect(common.scope).toEqual({ scope: 'common', common: ['dep-1', 'dep-2'], onlyInA: [], onlyInB: [] })
  })
})

describe('trend', () => {
  const roundC = makeRound({ id: 'C', name: 'Runde C', startDate: '2025-09-01', catalogId: 'cat', catalogVersion: '2.0.0' })
  const dataC = roundData(roundC, v2, [dep1, dep2, dep3], [])

  it('orders by start date and flags catalogue changes; each round uses its own catalogue', () => {
    const t = trend([dataC, dataB, dataA2, dataA])
    expect(t.map((p) => [p.roundId, p.startDate, p.catalogVersion, p.score, p.coverage, p.catalogChanged])).toEqual([
      ['A', '2024-03-01', '1.0.0', 43.75, 8 / 9, false],
      ['A2', '2024-09-01', '1.0.0', 100, 1, false],
      ['B', '2025-06-01', '2.0.0', 50, 1, true],
      // no assessments: not scored, coverage 0
      ['C', '2025-09-01', '2.0.0', null, 0, false],
    ])
    expect(t.map((p) => p.dimensions)).toEqual([
      [{ dimensionId: 'D1', score: 43.75 }, { dimensionId: 'D2', score: 43.75 }],
      [{ dimensionId: 'D1', score: 100 }, { dimensionId: 'D2', score: 100 }],
      [{ dimensionId: 'D1', score: 50 }, { dimensionId: 'D2', score: 50 }],
      [{ dimensionId: 'D1', score: null }, { dimensionId: 'D2', score: null }],
    ])
  })

  it.each([
    [[], []],
    [['2025-01-01', '2024-01-01', '2025-01-01'], ['r1', 'r0', 'r2']],
  ])('start dates %j → %j (equal dates keep input order)', (dates, ids) => {
    const data = dates.map((startDate, i) => roundData(makeRound({ id: `r${i}`, startDate }), v1, [], []))
    expect(trend(data).map((p) => p.roundId)).toEqual(ids)
  })

  it('flags a change of catalogue id as well as version', () => {
    const other = makeCatalog({ id: 'other', version: '1.0.0', items: [makeItem({ id: 'i1', dimensionId: 'D1' })] })
    const t = trend([
      roundData(makeRound({ id: 'r1', startDate: '2024-01-01' }), v1, [], []),
      roundData(makeRound({ id: 'r2', startDate: '2025-01-01' }), other, [], []),
      roundData(makeRound({ id: 'r3', startDate: '2026-01-01' }), other, [], []),
    ])
    expect(t.map((p) => p.catalogChanged)).toEqual([false, true, false])
  })
})

describe('trendSegments (the trend chart only joins rounds on the same catalogue id)', () => {
  const p = (catalogId: string, catalogVersion: string, score: number | null) => ({ catalogId, catalogVersion, score })
  it.each([
    ['no rounds', [], []],
    ['one catalogue: one line', [p('k', '1.0.0', 30), p('k', '1.0.0', 40)], [['k', ['1.0.0'], [30, 40]]]],
    ['versions of one catalogue with different questions: one series each', [p('k', '1.0.0', 30), p('k', '2.0.0', 45), p('k', '2.0.0', null)], [['k', ['1.0.0'], [30, null, null]], ['k', ['2.0.0'], [null, 45, null]]]],
    [
      'another catalogue is its own series; a version that comes back keeps its series with a gap',
      [p('k', '1.0.0', 30), p('samm', '2.0.0', 45), p('k', '1.0.0', 50)],
      [
        ['k', ['1.0.0'], [30, null, 50]],
        ['samm', ['2.0.0'], [null, 45, null]],
      ],
    ],
  ] as const)('%s', (_name, points, expected) => {
    expect(trendSegments(points).map((s) => [s.catalogId, s.catalogVersions, s.values])).toEqual(expected)
  })
  it('property: every scored point lies on exactly the series of its catalogue version', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.constantFrom('1.0.0', '2.0.0'), fc.option(fc.integer({ min: 0, max: 100 }), { nil: null })), { maxLength: 12 }), (rows) => {
        const points = rows.map(([id, v, score]) => p(id, v, score))
        const segments = trendSegments(points)
        points.forEach((pt, i) => {
          const owners = segments.filter((s) => s.values[i] !== null)
          expect(owners.length).toBe(pt.score === null ? 0 : 1)
          if (pt.score !== null) expect([owners[0]!.catalogId, owners[0]!.catalogVersions]).toEqual([pt.catalogId, [pt.catalogVersion]])
        })
        expect(segments.map((s) => `${s.catalogId}@${s.catalogVersions[0]}`)).toEqual([...new Set(points.map((pt) => `${pt.catalogId}@${pt.catalogVersion}`))])
      }),
    )
  })
})

describe('rounds on different catalogues', () => {
  it('compare nothing without a declared mapping, even where item ids are equal', () => {
    const other = { ...v1, id: 'other-model' }
    const r = compareRounds({ a: dataA, b: { ...dataA2, catalog: other, round: { ...dataA2.round, catalogId: 'other-model' } }, options: { scope: 'all' } })
    expect(r.sharedItemCount).toBe(0)
    expect(r.dimensions.filter((d) => d.delta !== null)).toEqual([])
  })
})
