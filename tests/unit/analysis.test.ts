import { describe, expect, it } from 'vitest'
import { analyseRound, extremeItems } from '@/domain/analysis/analysis'
import { departmentConsensus } from '@/domain/analysis/consensus'
import {
  levelAnswer,
  makeAssessment,
  makeCatalog,
  makeDepartment,
  makeDimension,
  makeItem,
  makeMeasure,
  makeRound,
  naAnswer,
  unknownAnswer,
} from '../fixtures/builders'

const catalog = makeCatalog({
  dimensions: [makeDimension({ id: 'A', defaultTarget: 3 }), makeDimension({ id: 'B', defaultTarget: 4, weight: 2 })],
  items: [
    makeItem({ id: 'a1', dimensionId: 'A' }),
    makeItem({ id: 'a2', dimensionId: 'A' }),
    makeItem({ id: 'b1', dimensionId: 'B' }),
    makeItem({ id: 'b2', dimensionId: 'B', appliesTo: 'central' }),
  ],
  measures: [
    makeMeasure({ id: 'M-quick', impact: 4, effort: 2, triggers: [{ itemId: 'a1', maxLevel: 1 }] }),
    makeMeasure({ id: 'M-big', impact: 5, effort: 5, triggers: [{ itemId: 'b2', maxLevel: 2 }], dependsOn: ['M-quick'] }),
    makeMeasure({
      id: 'M-law',
      impact: 3,
      effort: 3,
      obligation: { law: '§ 4 EGovG', description: { de: 'E-Akte' }, date: '2020-01-01' },
      triggers: [{ itemId: 'a2', maxLevel: 0 }],
    }),
  ],
})
const round = makeRound({ id: 'r1', catalogId: catalog.id, catalogVersion: catalog.version })
const central = makeDepartment({ id: 'IT', kind: 'central', staff: 10 })
const amt = makeDepartment({ id: 'Amt', kind: 'specialist', staff: 30 })

const assessments = [
  makeAssessment({ id: 'it-1', roundId: 'r1', departmentId: 'IT', respondent: 'Leitung', answers: [levelAnswer('a1', 1), levelAnswer('a2', 4), levelAnswer('b1', 2), levelAnswer('b2', 0)] }),
  makeAssessment({ id: 'it-2', roundId: 'r1', departmentId: 'IT', respondent: 'Admin', answers: [levelAnswer('a1', 3), levelAnswer('a2', 4), unknownAnswer('b1'), levelAnswer('b2', 1)] }),
  makeAssessment({ id: 'amt-1', roundId: 'r1', departmentId: 'Amt', answers: [levelAnswer('a1', 0, { bedarf: 4, potenzial: 4 }), naAnswer('a2'), levelAnswer('b1', 3), levelAnswer('old-item', 2)] }),
  makeAssessment({ id: 'other-round', roundId: 'r0', departmentId: 'Amt', answers: [levelAnswer('a1', 4)] }),
  makeAssessment({ id: 'stranger', roundId: 'r1', departmentId: 'nobody', answers: [] }),
]

describe('analyseRound', () => {
  const result = analyseRound({ catalog, round, departments: [central, amt], assessments, options: { capacity: 10 } })

  it('carries the model version and ids', () => {
    expect(result).toMatchObject({ modelVersion: '1.0.0', roundId: 'r1', catalogId: catalog.id, catalogVersion: '1.0.0' })
  })

  it('scores departments (exact numbers)', () => {
    const it_ = result.departments[0]
    // IT: a1 median(1,3)=2 → 50, a2 4 → 100 ⇒ A = 75; b1 2 → 50, b2 median(0,1)=0.5 → 12.5 ⇒ B = 31.25
    expect(it_?.score.dimensions.map((d) => [d.dimensionId, d.score, d.coverage])).toEqual([
      ['A', 75, 1],
      ['B', 31.25, 1],
    ])
    expect(it_?.score.score).toBe((75 + 31.25 * 2) / 3)
    // Amt: a1 0 → 0 (a2 N/A) ⇒ A = 0; b1 3 → 75 (b2 does not apply) ⇒ B = 75
    const amt_ = result.departments[1]
    expect(amt_?.score.dimensions.map((d) => [d.dimensionId, d.score, d.coverage, d.applicable])).toEqual([
      ['A', 0, 1, 2],
      ['B', 75, 1, 1],
    ])
    expect(amt_?.score.score).toBe(50)
  })

  it('scores the organisation equal and staff-weighted', () => {
    const itScore = (75 + 31.25 * 2) / 3
    expect(result.organisation.scoreEqual).toBe((itScore + 50) / 2)
    expect(result.organisation.scoreStaff).toBe((itScore * 10 + 50 * 30) / 40)
    expect(result.organisation.score).toBe(result.organisation.scoreEqual)
    expect(result.organisation.coverage).toBe(1)
  })

  it('flags items to discuss and lists strongest / weakest items', () => {
    expect(result.departments[0]?.toDiscuss.map((c) => [c.itemId, c.spread])).toEqual([['a1', 2]])
    expect(result.departments[0]?.strongest.map((i) => [i.itemId, i.maturity])).toEqual([
      ['a2', 100],
      ['a1', 50],
      ['b1', 50],
    ])
    expect(result.departments[0]?.weakest.map((i) => [i.itemId, i.maturity])).toEqual([
      ['b2', 12.5],
      ['a1', 50],
      ['b1', 50],
    ])
    expect(result.departments[1]?.respondents).toEqual([{ assessmentId: 'amt-1', respondent: '' }])
  })

  it('computes gaps per department', () => {
    expect(result.departments[1]?.gaps.items.map((g) => [g.itemId, g.ist, g.target, g.gap])).toEqual([
      ['a1', 0, 3, 3],
      ['b1', 3, 4, 1],
    ])
  })

  it('recommends measures with reasons and builds the roadmap', () => {
    // M-law: a2 not ≤ 0 anywhere (IT 4, Amt N/A) → listed, not triggered.
    // M-quick: Amt a1 Ist 0, gap 3, w = 1 + 8/4 = 3 → 9; IT a1 Ist 2 > 1 → no. priority 9·4/2 = 18.
    // M-big: IT b2 Ist 0.5, target 4, gap 3.5, w 2 → 7; central item → leitprojekt; priority 7·5/5 = 7.
    expect(result.recommendations.map((r) => [r.measureId, r.class, r.triggered, r.benefit, r.priority])).toEqual([
      ['M-law', 'pflicht', false, 0, 0],
      ['M-quick', 'quick_win', true, 9, 18],
      ['M-big', 'leitprojekt', true, 7, 7],
    ])
    expect(result.roadmap.entries.map((e) => [e.measureId, e.startYear, e.endYear, e.horizon])).toEqual([
      ['M-quick', 1, 1, 'kurzfristig'],
      ['M-big', 2, 4, 'mittelfristig'],
    ])
    expect(result.departments[1]?.recommendations.map((r) => [r.measureId, r.triggered, r.benefit])).toEqual([
      ['M-law', false, 0],
      ['M-quick', true, 9],
    ])
    expect(result.cycles).toEqual([])
  })

  it('reports orphans and skipped assessments', () => {
    expect(result.orphanAnswers).toEqual([{ itemId: 'old-item', assessmentId: 'amt-1', departmentId: 'Amt' }])
    expect(result.warnings.map((w) => [w.code, w.ids])).toEqual([
      ['assessment_other_round', ['other-round']],
      ['assessment_unknown_department', ['stranger', 'nobody']],
    ])
  })

  it('warns when the round pins another catalogue version', () => {
    const r = analyseRound({ catalog, round: makeRound({ id: 'r1', catalogVersion: '0.9.0' }), departments: [amt], assessments: [] })
    expect(r.warnings.map((w) => w.code)).toEqual(['catalog_mismatch'])
  })

  it('handles an organisation with no answers at all', () => {
    const r = analyseRound({ catalog, round, departments: [amt], assessments: [] })
    expect(r.departments[0]?.score.score).toBe(null)
    expect(r.departments[0]?.score.coverage).toBe(0)
    expect(r.organisation.score).toBe(null)
    expect(r.recommendations.map((x) => [x.measureId, x.triggered])).toEqual([['M-law', false]])
    expect(r.roadmap.entries).toEqual([])
  })
})

describe('extremeItems', () => {
  it.each([
    [0, []],
    [1, ['c']],
    [2, ['c', 'a']],
    [5, ['c', 'a', 'b']],
  ])('top %s keeps ties in catalogue order', (n, expected) => {
    const cat = makeCatalog({ items: ['a', 'b', 'c', 'd'].map((id) => makeItem({ id })) })
    const consensus = departmentConsensus(cat, amt, [
      makeAssessment({ departmentId: 'Amt', answers: [levelAnswer('a', 2), levelAnswer('b', 2), levelAnswer('c', 4), naAnswer('d')] }),
    ]).items
    expect(extremeItems(cat, consensus, n, 'strongest').map((i) => i.itemId)).toEqual(expected)
  })
})
