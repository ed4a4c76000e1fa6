import { describe, expect, it } from 'vitest'
import type { Answer, Catalog, CatalogMeasure, Department, Round } from '@/domain/model/types'
import { departmentConsensus } from '@/domain/analysis/consensus'
import {
  classifyMeasure,
  compareRecommendations,
  needWeight,
  prioritise,
  priorityOf,
  recommendationsByDepartment,
  recommendationsForDepartment,
  type PrioritisationOptions,
} from '@/domain/analysis/prioritisation'
import {
  levelAnswer,
  makeAssessment,
  makeCatalog,
  makeDepartment,
  makeItem,
  makeMeasure,
  makeRecommendation,
  makeRound,
  naAnswer,
  unknownAnswer,
} from '../fixtures/builders'

const items = [makeItem({ id: 'i1' }), makeItem({ id: 'i2' }), makeItem({ id: 'c1', appliesTo: 'central' })]
const law = { law: '§ 4 EGovG', description: { de: 'Pflicht' }, date: '2020-01-01' }

const dA = makeDepartment({ id: 'dA' })
const dB = makeDepartment({ id: 'dB' })
const dC = makeDepartment({ id: 'dC' })
const dZ = makeDepartment({ id: 'dZ', kind: 'central' })

/** Runs the prioritisation: each row is one department with one respondent's answers. */
function run(
  measures: CatalogMeasure[],
  rows: [Department, Answer[]][],
  options: PrioritisationOptions = {},
  round: Round = makeRound(),
  catalog: Catalog = makeCatalog({ items, measures }),
) {
  const departments = rows.map(([department, answers]) => ({
    department,
    consensus: departmentConsensus(catalog, department, [
      makeAssessment({ id: `as-${department.id}`, departmentId: department.id, respondent: `R ${department.id}`, answers }),
    ]).items,
  }))
  return prioritise(catalog, round, departments, options)
}

describe('needWeight: w = 1 + (bedarf + potenzial) / 4, missing = 2', () => {
  it.each([
    [null, null, 2],
    [0, 0, 1],
    [4, 4, 3],
    [4, 2, 2.5],
    [1, null, 1.75],
    [null, 3, 2.25],
    [2.5, 0, 1.625],
  ])('bedarf %s, potenzial %s → %s', (bedarf, potenzial, expected) => {
    expect(needWeight(bedarf, potenzial)).toBe(expected)
  })
})

describe('priorityOf = benefit × impact / effort', () => {
  it.each([
    [11.5, 4, 2, 23],
    [0, 5, 1, 0],
    [10, 1, 3, 10 / 3],
    [6, 2, 5, 2.4],
  ])('benefit %s, impact %s, effort %s → %s', (benefit, impact, effort, expected) => {
    expect(priorityOf(benefit, impact, effort)).toBe(expected)
  })
})

describe('classifyMeasure', () => {
  const catalog = makeCatalog({ items })
  it.each<{ name: string; measure: Partial<CatalogMeasure>; departments: number; expected: string }>([
    { name: 'obligation → pflicht, whatever else', measure: { obligation: law, impact: 1, effort: 5 }, departments: 0, expected: 'pflicht' },
    { name: 'impact 3, effort 2 → quick_win', measure: { impact: 3, effort: 2 }, departments: 1, expected: 'quick_win' },
    { name: 'impact 5, effort 1 → quick_win', measure: { impact: 5, effort: 1 }, departments: 1, expected: 'quick_win' },
    { name: 'impact 2, effort 1 → ergaenzung', measure: { impact: 2, effort: 1 }, departments: 3, expected: 'ergaenzung' },
    { name: 'impact 3, effort 3 → ergaenzung', measure: { impact: 3, effort: 3 }, departments: 3, expected: 'ergaenzung' },
    { name: 'impact 3, effort 4, 2 departments → leitprojekt', measure: { impact: 3, effort: 4, triggers: [{ itemId: 'i1', maxLevel: 1 }] }, departments: 2, expected: 'leitprojekt' },
    { name: 'impact 5, effort 5, 1 department → ergaenzung', measure: { impact: 5, effort: 5, triggers: [{ itemId: 'i1', maxLevel: 1 }] }, departments: 1, expected: 'ergaenzung' },
    { name: 'impact 5, effort 5, central trigger item, 1 department → leitprojekt', measure: { impact: 5, effort: 5, triggers: [{ itemId: 'c1', maxLevel: 1 }] }, departments: 1, expected: 'leitprojekt' },
    { name: 'impact 2, effort 5, 4 departments → ergaenzung', measure: { impact: 2, effort: 5 }, departments: 4, expected: 'ergaenzung' },
  ])('$name', ({ measure, departments, expected }) => {
    expect(classifyMeasure(makeMeasure(measure), departments, catalog)).toBe(expected)
  })
})

describe('prioritise: triggers, benefit and priority', () => {
  const quickWin = makeMeasure({ id: 'Q', impact: 4, effort: 2, triggers: [{ itemId: 'i1', maxLevel: 1 }] })

  it('sums gap × w over triggering departments (exact numbers)', () => {
    const result = run(
      [quickWin],
      [
        [dA, [levelAnswer('i1', 0, { bedarf: 4, potenzial: 2 })]], // gap 3, w 2.5 → 7.5
        [dB, [levelAnswer('i1', 1)]], // gap 2, w 2 → 4
        [dC, [levelAnswer('i1', 2)]], // Ist 2 > maxLevel 1 → not triggered
      ],
    )
    expect(result.modelVersion).toBe('1.0.0')
    expect(result.warnings).toEqual([])
    const [rec] = result.recommendations
    expect(rec).toMatchObject({
      measureId: 'Q',
      class: 'quick_win',
      triggered: true,
      benefit: 11.5,
      priority: 23,
      impact: 4,
      effort: 2,
      triggeringDepartmentIds: ['dA', 'dB'],
      obligation: null,
      rank: 1,
    })
    expect(rec?.reasons).toEqual([
      {
        departmentId: 'dA',
        itemId: 'i1',
        ist: 0,
        target: 3,
        gap: 3,
        bedarf: 4,
        potenzial: 2,
        weight: 2.5,
        contribution: 7.5,
        answers: [
          { assessmentId: 'as-dA', respondent: 'R dA', state: 'level', ist: 0, bedarf: 4, potenzial: 2, target: null, comment: '' },
        ],
      },
      {
        departmentId: 'dB',
        itemId: 'i1',
        ist: 1,
        target: 3,
        gap: 2,
        bedarf: null,
        potenzial: null,
        weight: 2,
        contribution: 4,
        answers: [
          { assessmentId: 'as-dB', respondent: 'R dB', state: 'level', ist: 1, bedarf: null, potenzial: null, target: null, comment: '' },
        ],
      },
    ])
  })

  it('uses the gap against the resolved target (answer > round > item > dimension)', () => {
    const result = run(
      [quickWin],
      [
        [dA, [levelAnswer('i1', 1, { target: 4 })]], // 3 × 2
        [dB, [levelAnswer('i1', 1)]], // round target 2 → 1 × 2
      ],
      {},
      makeRound({ dimensionTargets: { 'dim-1': 2 } }),
    )
    expect(result.recommendations[0]?.reasons.map((r) => [r.departmentId, r.target, r.gap, r.contribution])).toEqual([
      ['dA', 4, 3, 6],
      ['dB', 2, 1, 2],
    ])
    expect(result.recommendations[0]?.benefit).toBe(8)
  })

  it.each<{ name: string; answers: Answer[] }>([
    { name: "'na'", answers: [naAnswer('i1')] },
    { name: "'weiß nicht'", answers: [unknownAnswer('i1')] },
    { name: 'no answer', answers: [] },
    { name: 'Ist above maxLevel', answers: [levelAnswer('i1', 2)] },
  ])('$name never triggers', ({ answers }) => {
    expect(run([quickWin], [[dA, answers]]).recommendations).toEqual([])
  })

  it('a central item never triggers for a specialist department', () => {
    const m = makeMeasure({ id: 'C', impact: 5, effort: 5, triggers: [{ itemId: 'c1', maxLevel: 2 }] })
    expect(run([m], [[dA, [levelAnswer('c1', 0)]]]).recommendations).toEqual([])
    const central = run([m], [[dZ, [levelAnswer('c1', 0)]]]).recommendations
    expect(central.map((r) => [r.measureId, r.class, r.benefit, r.priority])).toEqual([['C', 'leitprojekt', 6, 6]])
  })

  it('leitprojekt needs two triggering departments (no central trigger item)', () => {
    const m = makeMeasure({ id: 'L', impact: 3, effort: 4, triggers: [{ itemId: 'i1', maxLevel: 1 }] })
    expect(run([m], [[dA, [levelAnswer('i1', 0)]]]).recommendations[0]?.class).toBe('ergaenzung')
    expect(run([m], [[dA, [levelAnswer('i1', 0)]], [dB, [levelAnswer('i1', 1)]]]).recommendations[0]?.class).toBe('leitprojekt')
  })

  it('a measure triggered with zero gap is dropped unless includeZeroBenefit', () => {
    const m = makeMeasure({ id: 'Z', triggers: [{ itemId: 'i1', maxLevel: 3 }] })
    const rows: [Department, Answer[]][] = [[dA, [levelAnswer('i1', 3)]]] // target 3 → gap 0
    expect(run([m], rows).recommendations).toEqual([])
    const kept = run([m], rows, { includeZeroBenefit: true }).recommendations
    expect(kept.map((r) => [r.measureId, r.triggered, r.benefit, r.priority, r.reasons[0]?.contribution])).toEqual([
      ['Z', true, 0, 0, 0],
    ])
  })

  it('counts an item once even if a measure lists it in two triggers', () => {
    const m = makeMeasure({
      id: 'D',
      triggers: [
        { itemId: 'i1', maxLevel: 0 },
        { itemId: 'i1', maxLevel: 2 },
      ],
    })
    const [rec] = run([m], [[dA, [levelAnswer('i1', 1)]]]).recommendations
    expect(rec?.reasons.length).toBe(1)
    expect(rec?.benefit).toBe(4)
  })

  it('warns about and ignores triggers on unknown items', () => {
    const m = makeMeasure({ id: 'U', triggers: [{ itemId: 'gone', maxLevel: 4 }, { itemId: 'i1', maxLevel: 1 }] })
    const result = run([m], [[dA, [levelAnswer('i1', 1)]]])
    expect(result.warnings).toEqual([
      { code: 'unknown_trigger_item', message: expect.any(String), ids: ['U', 'gone'] },
    ])
    expect(result.recommendations[0]?.benefit).toBe(4)
  })
})

describe('prioritise: Pflicht and ordering', () => {
  it('lists Pflicht measures first, even when not triggered (triggered: false)', () => {
    const measures = [
      makeMeasure({ id: 'a-normal', impact: 5, effort: 1, triggers: [{ itemId: 'i1', maxLevel: 1 }] }),
      makeMeasure({ id: 'b-law-open', obligation: law, impact: 1, effort: 5, triggers: [{ itemId: 'i1', maxLevel: 1 }] }),
      makeMeasure({ id: 'c-law-done', obligation: law, impact: 5, effort: 1, triggers: [{ itemId: 'i2', maxLevel: 1 }] }),
      makeMeasure({ id: 'd-law-zero', obligation: law, impact: 5, effort: 1, triggers: [{ itemId: 'i2', maxLevel: 3 }] }),
    ]
    // i1 Ist 0 (gap 3, w 2 → 6); i2 Ist 3 (gap 0): c-law-done not triggered, d-law-zero triggered with benefit 0
    const result = run(measures, [[dA, [levelAnswer('i1', 0), levelAnswer('i2', 3)]]])
    expect(result.recommendations.map((r) => [r.measureId, r.class, r.triggered, r.benefit, r.priority, r.rank])).toEqual([
      ['b-law-open', 'pflicht', true, 6, 1.2, 1],
      ['d-law-zero', 'pflicht', true, 0, 0, 2],
      ['c-law-done', 'pflicht', false, 0, 0, 3],
      ['a-normal', 'quick_win', true, 6, 30, 4],
    ])
    expect(result.recommendations[0]?.obligation).toEqual(law)
  })

  it('breaks priority ties by impact desc, effort asc, then id asc', () => {
    // one department: i1 and i2 at Ist 0 → 6 each
    const measures = [
      makeMeasure({ id: 'a-P', impact: 4, effort: 4, triggers: [{ itemId: 'i1', maxLevel: 1 }, { itemId: 'i2', maxLevel: 1 }] }), // 12·4/4 = 12
      makeMeasure({ id: 'b-Y', impact: 2, effort: 1, triggers: [{ itemId: 'i1', maxLevel: 1 }] }), // 6·2/1 = 12
      makeMeasure({ id: 'd-Q', impact: 4, effort: 2, triggers: [{ itemId: 'i1', maxLevel: 1 }] }), // 6·4/2 = 12
      makeMeasure({ id: 'c-Q2', impact: 4, effort: 2, triggers: [{ itemId: 'i2', maxLevel: 1 }] }), // 12
      makeMeasure({ id: 'e-top', impact: 5, effort: 2, triggers: [{ itemId: 'i2', maxLevel: 1 }] }), // 15
    ]
    const result = run(measures, [[dA, [levelAnswer('i1', 0), levelAnswer('i2', 0)]]])
    expect(result.recommendations.map((r) => [r.measureId, r.priority])).toEqual([
      ['e-top', 15],
      ['c-Q2', 12],
      ['d-Q', 12],
      ['a-P', 12],
      ['b-Y', 12],
    ])
    // the order does not depend on the catalogue order
    const reversed = run([...measures].reverse(), [[dA, [levelAnswer('i1', 0), levelAnswer('i2', 0)]]])
    expect(reversed.recommendations.map((r) => r.measureId)).toEqual(result.recommendations.map((r) => r.measureId))
  })

  it('compareRecommendations is a total order on the documented keys', () => {
    const list = [
      makeRecommendation({ measureId: 'x', priority: 2, impact: 3, effort: 2 }),
      makeRecommendation({ measureId: 'p', class: 'pflicht', triggered: false, priority: 0 }),
      makeRecommendation({ measureId: 'w', priority: 2, impact: 3, effort: 1 }),
      makeRecommendation({ measureId: 'v', priority: 2, impact: 4, effort: 5 }),
      makeRecommendation({ measureId: 'q', class: 'pflicht', priority: 0.5 }),
      makeRecommendation({ measureId: 'a', priority: 1 }),
    ]
    expect([...list].sort(compareRecommendations).map((r) => r.measureId)).toEqual(['q', 'p', 'v', 'w', 'x', 'a'])
  })
})

describe('recommendations per department', () => {
  const measures = [
    makeMeasure({ id: 'Q', impact: 4, effort: 2, triggers: [{ itemId: 'i1', maxLevel: 1 }] }),
    makeMeasure({ id: 'L', obligation: law, impact: 3, effort: 3, triggers: [{ itemId: 'i2', maxLevel: 0 }] }),
  ]
  const result = run(measures, [
    [dA, [levelAnswer('i1', 0, { bedarf: 4, potenzial: 2 })]], // Q: 7.5
    [dB, [levelAnswer('i1', 1), levelAnswer('i2', 0)]], // Q: 4, L: 6
    [dC, [levelAnswer('i1', 4)]],
  ])

  it.each([
    ['dA', [['L', false, 0, 0, 0], ['Q', true, 7.5, 15, 1]]],
    ['dB', [['L', true, 6, 6, 1], ['Q', true, 4, 8, 1]]],
    ['dC', [['L', false, 0, 0, 0]]],
  ])('%s sees its own reasons, benefit and priority', (departmentId, expected) => {
    const list = recommendationsForDepartment(result.recommendations, departmentId)
    expect(list.map((r) => [r.measureId, r.triggered, r.benefit, r.priority, r.reasons.length])).toEqual(expected)
    expect(list.every((r) => r.reasons.every((x) => x.departmentId === departmentId))).toBe(true)
  })

  it('keeps the organisation values and matches the grouped variant', () => {
    const list = recommendationsForDepartment(result.recommendations, 'dA')
    expect(list.find((r) => r.measureId === 'Q')).toMatchObject({ orgBenefit: 11.5, orgPriority: 23, orgRank: 2, rank: 2 })
    const grouped = recommendationsByDepartment(result.recommendations, ['dA', 'dB', 'dC'])
    expect(grouped.get('dA')).toEqual(list)
    expect(grouped.get('dB')).toEqual(recommendationsForDepartment(result.recommendations, 'dB'))
  })
})
