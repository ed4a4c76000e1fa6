import { describe, expect, it } from 'vitest'
import type { Answer, Catalog, Department } from '@/domain/model/types'
import { departmentConsensus } from '@/domain/analysis/consensus'
import { appliesTo } from '@/domain/model/catalog-index'
import {
  itemMaturity,
  itemScores,
  scoreDepartment,
  scoreOrganisation,
  weightedMean,
  type DepartmentScore,
  type ScoringOptions,
} from '@/domain/analysis/scoring'
import { SCORING_MODEL_VERSION } from '@/domain/analysis/method'
import {
  levelAnswer,
  makeAssessment,
  makeCatalog,
  makeDepartment,
  makeDimension,
  makeItem,
  naAnswer,
  unknownAnswer,
} from '../fixtures/builders'

/** Scores one department whose single respondent gave `answers`. */
function scoreOf(
  catalog: Catalog,
  answers: Answer[],
  department: Department = makeDepartment(),
  options: ScoringOptions = {},
): DepartmentScore {
  const assessment = makeAssessment({ departmentId: department.id, answers })
  const consensus = departmentConsensus(catalog, department, [assessment])
  return scoreDepartment(catalog, department, consensus.items, options)
}

const fourItems = makeCatalog({
  items: ['a', 'b', 'c', 'd'].map((id) => makeItem({ id, dimensionId: 'dim-1' })),
})

describe('scoring model', () => {
  it('has version 1.0.0 and results carry it', () => {
    expect(SCORING_MODEL_VERSION).toBe('1.0.0')
    expect(scoreOf(fourItems, []).modelVersion).toBe('1.0.0')
  })
})

describe('itemMaturity', () => {
  it.each([
    [0, 0],
    [1, 25],
    [2, 50],
    [2.5, 62.5],
    [3, 75],
    [4, 100],
  ])('Ist %s → %s', (ist, expected) => {
    expect(itemMaturity(ist)).toBe(expected)
  })
})

describe('weightedMean', () => {
  it.each([
    { values: [], weights: [], expected: null },
    { values: [100, 0], weights: [1, 3], expected: 25 },
    { values: [50, 100], weights: [1, 1], expected: 75 },
    { values: [40, 80], weights: [0, 0], expected: 60 },
  ])('$values / $weights → $expected', ({ values, weights, expected }) => {
    expect(weightedMean(values, weights)).toBe(expected)
  })
})

describe('appliesTo', () => {
  it.each([
    ['all', 'central', true],
    ['all', 'specialist', true],
    ['central', 'central', true],
    ['central', 'specialist', false],
  ] as const)('item %s, department %s → %s', (applies, kind, expected) => {
    expect(appliesTo({ appliesTo: applies }, { kind })).toBe(expected)
  })
})

describe('dimension score of one department', () => {
  it.each<{ name: string; answers: Answer[]; score: number | null; coverage: number | null; uncertain: boolean; answered: number; na: number }>([
    {
      name: 'all levels: plain mean',
      answers: [levelAnswer('a', 0), levelAnswer('b', 2), levelAnswer('c', 4), levelAnswer('d', 2)],
      score: 50,
      coverage: 1,
      uncertain: false,
      answered: 4,
      na: 0,
    },
    {
      name: "'weiß nicht' lowers coverage, not the score",
      answers: [levelAnswer('a', 4), unknownAnswer('b'), levelAnswer('c', 2), levelAnswer('d', 2)],
      score: (100 + 50 + 50) / 3,
      coverage: 0.75,
      uncertain: false,
      answered: 3,
      na: 0,
    },
    {
      name: "'na' leaves every denominator",
      answers: [levelAnswer('a', 4), naAnswer('b'), levelAnswer('c', 2), naAnswer('d')],
      score: 75,
      coverage: 1,
      uncertain: false,
      answered: 2,
      na: 2,
    },
    {
      name: 'missing answers count as unanswered',
      answers: [levelAnswer('a', 4)],
      score: 100,
      coverage: 0.25,
      uncertain: true,
      answered: 1,
      na: 0,
    },
    {
      name: 'coverage exactly at the threshold is not uncertain',
      answers: [levelAnswer('a', 1), levelAnswer('b', 3), unknownAnswer('c')],
      score: 50,
      coverage: 0.5,
      uncertain: false,
      answered: 2,
      na: 0,
    },
    {
      name: 'everything nicht zutreffend: score and coverage null',
      answers: [naAnswer('a'), naAnswer('b'), naAnswer('c'), naAnswer('d')],
      score: null,
      coverage: null,
      uncertain: false,
      answered: 0,
      na: 4,
    },
    {
      name: 'nothing answered: score null, coverage 0, uncertain',
      answers: [],
      score: null,
      coverage: 0,
      uncertain: true,
      answered: 0,
      na: 0,
    },
    {
      name: "only 'weiß nicht': score null, coverage 0",
      answers: [unknownAnswer('a'), unknownAnswer('b'), naAnswer('c')],
      score: null,
      coverage: 0,
      uncertain: true,
      answered: 0,
      na: 1,
    },
  ])('$name', ({ answers, score, coverage, uncertain, answered, na }) => {
    const result = scoreOf(fourItems, answers)
    const dim = result.dimensions[0]
    expect(dim).toMatchObject({ dimensionId: 'dim-1', coverage, uncertain, answered, na, applicable: 4 })
    expect(dim?.score).toBe(score)
    expect(result.score).toBe(score)
    expect(result.coverage).toBe(coverage)
  })

  it('weights items by item.weight (default 1)', () => {
    const catalog = makeCatalog({
      items: [makeItem({ id: 'a', weight: 3 }), makeItem({ id: 'b' }), makeItem({ id: 'c', weight: 0.5 })],
    })
    // (0·3 + 100·1 + 50·0.5) / 4.5
    const result = scoreOf(catalog, [levelAnswer('a', 0), levelAnswer('b', 4), levelAnswer('c', 2)])
    expect(result.dimensions[0]?.score).toBe(125 / 4.5)
  })

  it('coverage threshold is configurable', () => {
    const answers = [levelAnswer('a', 1), levelAnswer('b', 3), unknownAnswer('c'), unknownAnswer('d')]
    expect(scoreOf(fourItems, answers, makeDepartment(), { coverageThreshold: 0.6 }).dimensions[0]?.uncertain).toBe(true)
    expect(scoreOf(fourItems, answers, makeDepartment(), { coverageThreshold: 0.5 }).dimensions[0]?.uncertain).toBe(false)
  })

  it('central-only items are skipped for specialist departments', () => {
    const catalog = makeCatalog({
      items: [makeItem({ id: 'a' }), makeItem({ id: 'z', appliesTo: 'central' })],
    })
    const answers = [levelAnswer('a', 2), levelAnswer('z', 4)]
    const specialist = scoreOf(catalog, answers, makeDepartment({ kind: 'specialist' }))
    expect(specialist.dimensions[0]).toMatchObject({ score: 50, applicable: 1, answered: 1, coverage: 1 })
    const central = scoreOf(catalog, answers, makeDepartment({ kind: 'central' }))
    expect(central.dimensions[0]).toMatchObject({ score: 75, applicable: 2, answered: 2, coverage: 1 })
  })

  it('a dimension whose items are all central is nicht zutreffend for a specialist department', () => {
    const catalog = makeCatalog({
      items: [makeItem({ id: 'a', dimensionId: 'A' }), makeItem({ id: 'z', dimensionId: 'Z', appliesTo: 'central' })],
    })
    const result = scoreOf(catalog, [levelAnswer('a', 3)])
    expect(result.dimensions.map((d) => [d.dimensionId, d.score, d.coverage, d.applicable])).toEqual([
      ['A', 75, 1, 1],
      ['Z', null, null, 0],
    ])
    expect(result.score).toBe(75)
  })

  it('itemScores lists every applicable item with maturity and weight', () => {
    const department = makeDepartment()
    const catalog = makeCatalog({ items: [makeItem({ id: 'a', weight: 2 }), makeItem({ id: 'b' }), makeItem({ id: 'c' })] })
    const consensus = departmentConsensus(catalog, department, [
      makeAssessment({ answers: [levelAnswer('a', 3), naAnswer('b')] }),
    ]).items
    expect(itemScores(catalog, department, consensus)).toEqual([
      { itemId: 'a', dimensionId: 'dim-1', state: 'level', ist: 3, maturity: 75, weight: 2 },
      { itemId: 'b', dimensionId: 'dim-1', state: 'na', ist: null, maturity: null, weight: 1 },
      { itemId: 'c', dimensionId: 'dim-1', state: 'unanswered', ist: null, maturity: null, weight: 1 },
    ])
  })
})

describe('department score', () => {
  const catalog = makeCatalog({
    dimensions: [
      makeDimension({ id: 'A', weight: 2 }),
      makeDimension({ id: 'B' }),
      makeDimension({ id: 'C', weight: 5 }),
    ],
    items: [
      makeItem({ id: 'a1', dimensionId: 'A' }),
      makeItem({ id: 'a2', dimensionId: 'A' }),
      makeItem({ id: 'b1', dimensionId: 'B' }),
      makeItem({ id: 'b2', dimensionId: 'B' }),
      makeItem({ id: 'c1', dimensionId: 'C' }),
    ],
  })

  it.each<{ name: string; answers: Answer[]; score: number | null; coverage: number | null }>([
    {
      name: 'weighted mean of dimension scores (A weight 2, B weight 1), all-N/A dimension left out',
      answers: [levelAnswer('a1', 4), levelAnswer('a2', 4), levelAnswer('b1', 1), levelAnswer('b2', 1), naAnswer('c1')],
      score: (100 * 2 + 25) / 3,
      coverage: 1,
    },
    {
      name: 'unanswered dimension adds to coverage only',
      answers: [levelAnswer('a1', 2), levelAnswer('a2', 4), unknownAnswer('b1'), naAnswer('c1')],
      score: 75,
      coverage: 2 / 4,
    },
    {
      name: 'all N/A: null score and coverage',
      answers: ['a1', 'a2', 'b1', 'b2', 'c1'].map((id) => naAnswer(id)),
      score: null,
      coverage: null,
    },
    { name: 'nothing answered', answers: [], score: null, coverage: 0 },
  ])('$name', ({ answers, score, coverage }) => {
    const result = scoreOf(catalog, answers)
    expect(result.score).toBe(score)
    expect(result.coverage).toBe(coverage)
  })
})

describe('organisation score', () => {
  const catalog = makeCatalog({
    dimensions: [makeDimension({ id: 'A' }), makeDimension({ id: 'B' })],
    items: [makeItem({ id: 'a', dimensionId: 'A' }), makeItem({ id: 'b', dimensionId: 'B' })],
  })

  /** Department scores for [department, Ist of a, Ist of b] (null = unanswered). */
  function org(rows: [Department, number | null, number | null][], options: ScoringOptions = {}) {
    const scores = rows.map(([department, a, b]) => {
      const answers: Answer[] = []
      if (a !== null) answers.push(levelAnswer('a', a as 0 | 1 | 2 | 3 | 4))
      if (b !== null) answers.push(levelAnswer('b', b as 0 | 1 | 2 | 3 | 4))
      return scoreOf(catalog, answers, department)
    })
    return scoreOrganisation(
      catalog,
      rows.map(([d]) => d),
      scores,
      options,
    )
  }

  const d1 = makeDepartment({ id: 'd1', staff: 30 })
  const d2 = makeDepartment({ id: 'd2', staff: 10 })
  const d3 = makeDepartment({ id: 'd3', staff: null })
  const d4 = makeDepartment({ id: 'd4', staff: 0 })

  it.each<{ name: string; rows: [Department, number | null, number | null][]; equal: number | null; staff: number | null; fallback: boolean; coverage: number | null }>([
    {
      name: 'one department',
      rows: [[d1, 4, 2]],
      equal: 75,
      staff: 75,
      fallback: false,
      coverage: 1,
    },
    {
      name: 'equal mean vs staff-weighted, null and 0 staff weigh 0',
      // scores: d1 100, d2 50, d3 0, d4 0
      rows: [
        [d1, 4, 4],
        [d2, 2, 2],
        [d3, 0, 0],
        [d4, 0, 0],
      ],
      equal: 150 / 4,
      staff: (100 * 30 + 50 * 10) / 40,
      fallback: false,
      coverage: 1,
    },
    {
      name: 'all staff null or 0: staff weighting falls back to equal',
      rows: [
        [d3, 4, 4],
        [d4, 2, 2],
      ],
      equal: 75,
      staff: 75,
      fallback: true,
      coverage: 1,
    },
    {
      name: 'department without score is left out, but counts in coverage',
      rows: [
        [d1, 4, 4],
        [d2, null, null],
      ],
      equal: 100,
      staff: 100,
      fallback: false,
      coverage: 0.5,
    },
    {
      name: 'nothing answered anywhere',
      rows: [
        [d1, null, null],
        [d2, null, null],
      ],
      equal: null,
      staff: null,
      fallback: false,
      coverage: 0,
    },
  ])('$name', ({ rows, equal, staff, fallback, coverage }) => {
    const eq = org(rows)
    expect(eq.modelVersion).toBe('1.0.0')
    expect(eq.weighting).toBe('equal')
    expect(eq.scoreEqual).toBe(equal)
    expect(eq.scoreStaff).toBe(staff)
    expect(eq.score).toBe(equal)
    expect(eq.staffFallback).toBe(fallback)
    expect(eq.coverage).toBe(coverage)
    const st = org(rows, { weighting: 'staff' })
    expect(st.score).toBe(staff)
  })

  it('scores each dimension across departments with the same rule', () => {
    const result = org(
      [
        [d1, 4, null],
        [d2, 0, 2],
      ],
      { weighting: 'staff' },
    )
    expect(result.dimensions).toEqual([
      { dimensionId: 'A', score: 75, scoreEqual: 50, scoreStaff: 75, coverage: 1, uncertain: false, scoredDepartments: 2 },
      { dimensionId: 'B', score: 50, scoreEqual: 50, scoreStaff: 50, coverage: 0.5, uncertain: false, scoredDepartments: 1 },
    ])
    // department scores: d1 = 100 (only A), d2 = 25
    expect(result.scoreEqual).toBe(62.5)
    expect(result.scoreStaff).toBe((100 * 30 + 25 * 10) / 40)
    expect(result.coverage).toBe(3 / 4)
  })
})

describe('scores on the scale the catalogue declares', () => {
  /** Five levels whose values rise non-linearly (0, 1, 2, 4, 8). */
  const steep = makeCatalog({
    items: ['a', 'b'].map((id) => makeItem({ id, dimensionId: 'dim-1' })),
    scales: {
      ist: [0, 1, 2, 4, 8].map((value) => ({ value, label: { de: `W${value}` }, description: { de: `Wert ${value}` } })),
      bedarf: [],
      potenzial: [],
      effort: [],
      impact: [],
    },
  })

  it.each([
    [[0, 0], 0],
    [[4, 4], 100],
    [[3, 0], 25],
    [[2, 2], 25],
    [[3, 3], 50],
    [[4, 1], 56.25],
  ])('levels %j → dimension score %s', (levels, expected) => {
    const s = scoreOf(steep, levels.map((l, i) => levelAnswer(['a', 'b'][i] as string, l as 0 | 1 | 2 | 3 | 4)))
    expect(s.dimensions[0]?.score).toBeCloseTo(expected, 10)
    expect(s.score).toBeCloseTo(expected, 10)
  })

  it('counts an item as established from 75 on that scale (level 3 of 0, 1, 2, 4, 8 is 50, not established)', () => {
    expect(scoreOf(steep, [levelAnswer('a', 3), levelAnswer('b', 4)]).established).toBe(0.5)
  })

  it('a linear 0–4 declaration gives the same scores as before', () => {
    const s = scoreOf(fourItems, [levelAnswer('a', 3), levelAnswer('b', 1), levelAnswer('c', 4), levelAnswer('d', 0)])
    expect(s.score).toBe(50)
    expect(s.established).toBe(0.5)
  })
})
