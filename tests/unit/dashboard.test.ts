import { describe, expect, it } from 'vitest'
import { analyseRound } from '@/domain/analysis/analysis'
import { completeness } from '@/domain/results/completeness'
import { type HeatmapOptions, heatmap, parentUnits, scoreBand } from '@/domain/results/heatmap'
import { levelDistribution } from '@/domain/results/distribution'
import { ranking } from '@/domain/results/ranking'
import { makeCatalog, makeDepartment, makeDimension, makeItem, makeRound } from '../fixtures/builders'
import { assess } from '../fixtures/compare-builders'

// Two dimensions with one item each. Department scores (Ist/4 × 100):
//   a 'FB 10'  Dezernat I    i1=2, i2=2        → D1 50,  D2 50            → 50
//   b 'FB 2'   Dezernat II   i1=4, i2=0        → D1 100, D2 0             → 50 (tie with a)
//   c 'FB 1'   Dezernat I    no assessment     → D1 null, D2 null         → null
//   d 'FB 3'   (none)        i1=3, i2=na       → D1 75,  D2 null (N/A)    → 75
//   e 'FB 20'  ' Dezernat II ' i1=1, i2=weiß nicht → D1 25, D2 null (cov 0) → 25
const catalog = makeCatalog({
  items: [makeItem({ id: 'i1', dimensionId: 'D1' }), makeItem({ id: 'i2', dimensionId: 'D2' })],
})
const round = makeRound({ catalogId: catalog.id, catalogVersion: catalog.version })
const departments = [
  makeDepartment({ id: 'a', code: 'FB 10', name: 'Bürgerbüro', parentUnit: 'Dezernat I' }),
  makeDepartment({ id: 'b', code: 'FB 2', name: 'Bauamt', parentUnit: 'Dezernat II' }),
  makeDepartment({ id: 'c', code: 'FB 1', name: 'Älteres Archiv', parentUnit: 'Dezernat I' }),
  makeDepartment({ id: 'd', code: 'FB 3', name: 'Ordnungsamt', parentUnit: '' }),
  makeDepartment({ id: 'e', code: 'FB 20', name: 'Bauamt', parentUnit: ' Dezernat II ' }),
]
const assessments = [
  assess('round-1', 'a', { i1: 2, i2: 2 }),
  assess('round-1', 'b', { i1: 4, i2: 0 }),
  assess('round-1', 'd', { i1: 3, i2: 'na' }),
  assess('round-1', 'e', { i1: 1, i2: 'unknown' }),
]
const analysis = analyseRound({ catalog, round, departments, assessments })

describe('scoreBand', () => {
  it.each([
    [null, 'none'],
    [Number.NaN, 'none'],
    [0, 'b0'],
    [24.99, 'b0'],
    [25, 'b1'],
    [49.99, 'b1'],
    [50, 'b2'],
    [74.99, 'b2'],
    [75, 'b3'],
    [100, 'b3'],
  ])('%s → %s', (score, band) => {
    expect(scoreBand(score)).toBe(band)
  })
})

describe('heatmap', () => {
  it.each<[string, HeatmapOptions['sortBy'], HeatmapOptions['direction'], string[]]>([
    ['score asc: ties by code, null last', 'score', 'asc', ['e', 'b', 'a', 'd', 'c']],
    ['score desc: ties by code ascending, null still last', 'score', 'desc', ['d', 'b', 'a', 'e', 'c']],
    ['D1 asc', { dimensionId: 'D1' }, 'asc', ['e', 'a', 'd', 'b', 'c']],
    ['D1 desc', { dimensionId: 'D1' }, 'desc', ['b', 'd', 'a', 'e', 'c']],
    ['D2 asc: three nulls last, by code', { dimensionId: 'D2' }, 'asc', ['b', 'a', 'c', 'd', 'e']],
    ['D2 desc: three nulls last, by code', { dimensionId: 'D2' }, 'desc', ['a', 'b', 'c', 'd', 'e']],
    ['unknown dimension: all null, by code', { dimensionId: 'nope' }, 'desc', ['c', 'b', 'd', 'a', 'e']],
    ['code asc, numeric-aware', 'code', 'asc', ['c', 'b', 'd', 'a', 'e']],
    ['code desc', 'code', 'desc', ['e', 'a', 'd', 'b', 'c']],
    ['name asc: Ä with A, equal names by code', 'name', 'asc', ['c', 'b', 'e', 'a', 'd']],
    ['name desc: equal names still by code ascending', 'name', 'desc', ['d', 'a', 'b', 'e', 'c']],
  ])('%s', (_label, sortBy, direction, expected) => {
    expect(heatmap(analysis, { sortBy, direction }).rows.map((r) => r.departmentId)).toEqual(expected)
  })

  it.each<[string | null | undefined, string[]]>([
    [undefined, ['c', 'b', 'd', 'a', 'e']],
    [null, ['c', 'b', 'd', 'a', 'e']],
    ['Dezernat I', ['c', 'a']],
    ['Dezernat II', ['b', 'e']],
    [' Dezernat II', ['b', 'e']],
    ['', ['d']],
    ['Dezernat III', []],
  ])('parent unit %j → %j', (parentUnit, expected) => {
    const h = heatmap(analysis, { parentUnit, sortBy: 'code', direction: 'asc' })
    expect(h.rows.map((r) => r.departmentId)).toEqual(expected)
    // the organisation row is always the whole organisation
    expect(h.orgRow.score).toBe(50)
  })

  it('has columns in catalogue order and exact cells', () => {
    const h = heatmap(analysis, { sortBy: 'code', direction: 'asc' })
    expect(h.columns).toEqual(['D1', 'D2'])
    const row = (id: string) => h.rows.find((r) => r.departmentId === id)
    expect(row('b')).toEqual({
      departmentId: 'b',
      name: 'Bauamt',
      code: 'FB 2',
      parentUnit: 'Dezernat II',
      score: 50,
      coverage: 1,
      uncertain: false,
      cells: [
        { dimensionId: 'D1', score: 100, coverage: 1, uncertain: false, band: 'b3' },
        { dimensionId: 'D2', score: 0, coverage: 1, uncertain: false, band: 'b0' },
      ],
    })
    // weiß nicht: not scored, coverage 0, uncertain
    expect(row('e')?.cells[1]).toEqual({ dimensionId: 'D2', score: null, coverage: 0, uncertain: true, band: 'none' })
    // N/A: not scored, coverage null, not uncertain
    expect(row('d')?.cells[1]).toEqual({ dimensionId: 'D2', score: null, coverage: null, uncertain: false, band: 'none' })
    // no assessment at all
    expect(row('c')).toMatchObject({ score: null, coverage: 0, uncertain: true })
  })

  it('has the organisation row', () => {
    // D1: mean(50, 100, 75, 25) = 62.5; D2: mean(50, 0) = 25; total: mean(50, 50, 75, 25) = 50.
    // Coverage: answered 2+2+0+1+1 = 6 of (2+2+2+1+2) = 9; D1 4/5; D2 2/4.
    expect(heatmap(analysis, { sortBy: 'score', direction: 'desc' }).orgRow).toEqual({
      score: 50,
      coverage: 6 / 9,
      uncertain: false,
      band: 'b2',
      cells: [
        { dimensionId: 'D1', score: 62.5, coverage: 0.8, uncertain: false, band: 'b2' },
        { dimensionId: 'D2', score: 25, coverage: 0.5, uncertain: false, band: 'b1' },
      ],
    })
  })
})

describe('parentUnits', () => {
  it.each<[string[], string[]]>([
    [[], []],
    [['', '  '], []],
    [['Dezernat II', ' Dezernat I', 'Dezernat I ', '', 'Dezernat 10', 'Dezernat 2'], ['Dezernat 2', 'Dezernat 10', 'Dezernat I', 'Dezernat II']],
    [['Ämter', 'Bau', 'Zentrale'], ['Ämter', 'Bau', 'Zentrale']],
  ])('%j → %j', (units, expected) => {
    expect(parentUnits(units.map((parentUnit) => ({ parentUnit })))).toEqual(expected)
  })
})

describe('ranking', () => {
  it('orders by score desc, ties share a rank (1, 2, 2, 4), null last without rank', () => {
    expect(ranking(analysis).map((r) => [r.departmentId, r.rank, r.score, r.coverage, r.uncertain])).toEqual([
      ['d', 1, 75, 1, false],
      ['b', 2, 50, 1, false],
      ['a', 2, 50, 1, false],
      ['e', 4, 25, 0.5, false],
      ['c', null, null, 0, true],
    ])
  })

  it.each<[string, Record<string, 0 | 1 | 2 | 3 | 4>[], (number | null)[]]>([
    ['all equal', [{ i1: 2 }, { i1: 2 }, { i1: 2 }], [1, 1, 1]],
    ['two ties', [{ i1: 4 }, { i1: 4 }, { i1: 1 }, { i1: 1 }], [1, 1, 3, 3]],
    ['one department', [{ i1: 0 }], [1]],
    ['nothing answered', [{}, {}], [null, null]],
  ])('%s', (_label, answers, ranks) => {
    const cat = makeCatalog({ items: [makeItem({ id: 'i1' })] })
    const deps = answers.map((_, i) => makeDepartment({ id: `d${i}`, code: `${i}` }))
    const result = analyseRound({
      catalog: cat,
      round: makeRound(),
      departments: deps,
      assessments: answers.map((spec, i) => assess('round-1', `d${i}`, spec)),
    })
    expect(ranking(result).map((r) => r.rank)).toEqual(ranks)
  })
})

// Catalogue for completeness and distribution: i1 (D1, all), i2 (D2, all), i3 (D2, central only);
// D3 has no items. Specialist departments are asked 2 items, central ones 3.
const catalog2 = makeCatalog({
  dimensions: [makeDimension({ id: 'D1' }), makeDimension({ id: 'D2' }), makeDimension({ id: 'D3' })],
  items: [
    makeItem({ id: 'i1', dimensionId: 'D1' }),
    makeItem({ id: 'i2', dimensionId: 'D2' }),
    makeItem({ id: 'i3', dimensionId: 'D2', appliesTo: 'central' }),
  ],
})
const departments2 = [
  makeDepartment({ id: 'sa', code: '1', kind: 'specialist' }),
  makeDepartment({ id: 'cb', code: '2', kind: 'central' }),
  makeDepartment({ id: 'sc', code: '3', kind: 'specialist' }),
  makeDepartment({ id: 'sd', code: '4', kind: 'specialist' }),
]
const assessments2 = [
  // sa: two respondents, one submitted (2/2), one in progress (weiß nicht, open; i3 does not apply) → 0/2
  assess('round-1', 'sa', { i1: 2, i2: 'na' }, { n: 1, status: 'submitted', respondent: 'Leitung' }),
  assess('round-1', 'sa', { i1: 'unknown', i2: 'open', i3: 4 }, { n: 2, status: 'in_progress' }),
  // cb: central, i1 level, i2 weiß nicht, i3 level → 2/3
  assess('round-1', 'cb', { i1: 1, i2: 'unknown', i3: 4 }),
  // sc: none; sd: not started, nothing answered
  assess('round-1', 'sd', {}, { status: 'not_started' }),
  // unknown department: ignored
  assess('round-1', 'ghost', { i1: 4, i2: 4 }),
]

describe('completeness', () => {
  const result = completeness(departments2, assessments2, catalog2)

  it.each([
    // id, respondents, submitted, inProgress, notStarted, answered, applicable, ratio, status
    ['sa', 2, 1, 1, 0, 2, 4, 0.5, 'open'],
    ['cb', 1, 1, 0, 0, 2, 3, 2 / 3, 'submitted'],
    ['sc', 0, 0, 0, 0, 0, 0, null, 'none'],
    ['sd', 1, 0, 0, 1, 0, 2, 0, 'open'],
  ])('%s', (id, respondents, submitted, inProgress, notStarted, answered, applicable, ratio, status) => {
    const r = result.find((x) => x.departmentId === id)
    expect(r).toMatchObject({ respondents, submitted, inProgress, notStarted, answered, applicable, ratio, status })
  })

  it('lists each respondent with answered / applicable', () => {
    expect(result.map((r) => r.departmentId)).toEqual(['sa', 'cb', 'sc', 'sd'])
    expect(result[0]?.perRespondent).toEqual([
      { assessmentId: 'round-1/sa/1', respondent: 'Leitung', status: 'submitted', answered: 2, applicable: 2, ratio: 1 },
      { assessmentId: 'round-1/sa/2', respondent: '', status: 'in_progress', answered: 0, applicable: 2, ratio: 0 },
    ])
    expect(result[2]?.perRespondent).toEqual([])
  })

  it('ratio is 0 when nothing applies', () => {
    const empty = makeCatalog({ items: [makeItem({ id: 'x', appliesTo: 'central' })] })
    const [r] = completeness([makeDepartment({ id: 's' })], [assess('round-1', 's', {})], empty)
    expect(r).toMatchObject({ answered: 0, applicable: 0, ratio: 0, status: 'submitted' })
  })
})

describe('levelDistribution', () => {
  const result = levelDistribution(catalog2, departments2, assessments2)
  const zero = { level0: 0, level1: 0, level2: 0, level3: 0, level4: 0, na: 0, unknown: 0, open: 0 }

  it.each([
    // D1 (i1): sa#1 level 2, sa#2 weiß nicht, cb level 1, sd no answer (open); sc has no respondent
    ['D1', 4, { ...zero, level1: 1, level2: 1, unknown: 1, open: 1 }, { ...zero, level1: 0.25, level2: 0.25, unknown: 0.25, open: 0.25 }],
    // D2: sa#1 i2 na, sa#2 i2 open (level without Ist; its i3 does not apply), cb i2 weiß nicht,
    // cb i3 level 4, sd i2 no answer
    ['D2', 5, { ...zero, level4: 1, na: 1, unknown: 1, open: 2 }, { ...zero, level4: 0.2, na: 0.2, unknown: 0.2, open: 0.4 }],
    ['D3', 0, zero, zero],
  ])('%s', (dimensionId, total, counts, shares) => {
    expect(result.find((d) => d.dimensionId === dimensionId)).toEqual({ dimensionId, total, counts, shares })
  })

  it('lists dimensions in catalogue order', () => {
    expect(result.map((d) => d.dimensionId)).toEqual(['D1', 'D2', 'D3'])
  })
})
