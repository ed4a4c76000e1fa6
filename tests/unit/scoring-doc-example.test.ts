/**
 * The worked example of method 2.0 in docs/scoring.md ("Worked example (method 2.0)"), built exactly
 * as the document describes it. Every number the document states is asserted here; if a rule
 * changes, change the document and this test together.
 */
import { describe, expect, it } from 'vitest'
import { analyseRound } from '@/domain/analysis/analysis'
import { SCORING_MODEL_VERSION_2 } from '@/domain/analysis/method'
import { priorityV2 } from '@/domain/analysis/priority2'
import type { RoadmapV2 } from '@/domain/analysis/roadmap2'
import type { Answer, Assessment, Catalog, Department, LegalObligation, Level } from '@/domain/model/types'
import { levelAnswer, makeAssessment, makeCatalog, makeDepartment, makeDimension, makeItem, makeMeasure, makeRound, unknownAnswer } from '../fixtures/builders'

// Catalogue: two dimensions (target 3), three Fundament items, three department items, four measures.
const dimensions = [makeDimension({ id: 'G', defaultTarget: 3 }), makeDimension({ id: 'P', defaultTarget: 3 })]
const fundament = (id: string) => makeItem({ id, dimensionId: 'G', appliesTo: 'organisation' })
const items = [
  fundament('f-strategie'),
  fundament('f-isb'),
  fundament('f-backup'),
  makeItem({ id: 'g-schulung', dimensionId: 'G' }),
  makeItem({ id: 'p-antrag', dimensionId: 'P' }),
  makeItem({ id: 'p-akte', dimensionId: 'P' }),
]
const obligation: LegalObligation = {
  law: 'Beispielgesetz',
  description: { de: 'Online-Antrag für Leistung X' },
  addressee: 'kommune',
  bundeslaender: ['NW'],
  inForceSince: '2024-01-01',
  deadline: '2027-12-31',
}
const measures = [
  makeMeasure({ id: 'm-isb', triggers: [{ itemId: 'f-isb', maxLevel: 1 }], impact: 5, effort: 2 }),
  makeMeasure({ id: 'm-schulung', triggers: [{ itemId: 'g-schulung', maxLevel: 2 }], impact: 3, effort: 1, dependsOn: ['m-isb'] }),
  makeMeasure({ id: 'm-pflicht', triggers: [{ itemId: 'p-antrag', maxLevel: 1 }], impact: 4, effort: 3, obligation }),
  makeMeasure({ id: 'm-akte', triggers: [{ itemId: 'p-akte', maxLevel: 2 }], impact: 4, effort: 4 }),
]
const catalog: Catalog = makeCatalog({ version: '2.0.0', scoringModel: '2.0', dimensions, items, measures })

// Departments: Z (central, 20 staff), B (Bürgerdienste, 30), C (Bauamt, 10); one respondent each.
const Z = makeDepartment({ id: 'Z', kind: 'central', staff: 20 })
const B = makeDepartment({ id: 'B', staff: 30 })
const C = makeDepartment({ id: 'C', staff: 10 })
const bp = (bedarf: Level | null, potenzial: Level | null): Partial<Answer> => ({ bedarf, potenzial })
const answer = (d: Department, answers: Answer[]): Assessment => makeAssessment({ id: `as-${d.id}`, roundId: 'round-1', departmentId: d.id, respondent: d.id, answers })
const assessments = [
  answer(Z, [
    levelAnswer('f-strategie', 2),
    levelAnswer('f-isb', 1, bp(4, 2)),
    levelAnswer('f-backup', 3),
    levelAnswer('g-schulung', 2, bp(2, 0)),
    levelAnswer('p-antrag', 2),
    levelAnswer('p-akte', 3),
  ]),
  answer(B, [levelAnswer('g-schulung', 2), levelAnswer('p-antrag', 1, bp(4, 4)), levelAnswer('p-akte', 2, bp(2, 2))]),
  answer(C, [unknownAnswer('g-schulung'), levelAnswer('p-antrag', 0), levelAnswer('p-akte', 1, bp(2, 0))]),
]
const round = makeRound({ startDate: '2026-01-15', catalogVersion: '2.0.0' })
const run = (bundesland: 'NW' | 'BY' = 'NW', capacityDays: number | null = null) =>
  analyseRound({ catalog, round, departments: [Z, B, C], assessments, organisation: { type: 'gemeinde', bundesland, staff: 60 }, options: { capacityDays } })
const result = run()
// Under method 2.0 the roadmap is the one of buildRoadmapV2.
const roadmap = result.roadmap as RoadmapV2

const dept = (id: string) => result.departments.find((d) => d.departmentId === id)!
const rec = (id: string) => result.recommendations.find((r) => r.measureId === id)!
const entry = (id: string) => roadmap.entries.find((e) => e.measureId === id)!
const dim = (id: string) => result.organisation.dimensions.find((d) => d.dimensionId === id)!

describe('docs/scoring.md worked example (method 2.0)', () => {
  it('is analysed with method 2.0', () => {
    expect(result.method).toBe('2.0')
    expect(result.modelVersion).toBe(SCORING_MODEL_VERSION_2)
    // m-akte (60 PT a year) is larger than the 40 PT capacity and runs alone in 2029 and 2030.
    expect(result.warnings.map((w) => [w.code, w.ids])).toEqual([
      ['capacity_exceeded', ['m-akte']],
      ['capacity_exceeded', ['m-akte']],
    ])
  })

  it('department scores leave the Fundament out', () => {
    expect([dept('Z').score.score, dept('B').score.score, dept('C').score.score]).toEqual([56.25, 43.75, 12.5])
    expect(dept('Z').score.dimensions.map((d) => d.score)).toEqual([50, 62.5])
    expect(dept('B').score.dimensions.map((d) => d.score)).toEqual([50, 37.5])
    expect(dept('C').score.dimensions.map((d) => d.score)).toEqual([null, 12.5])
    expect([dept('Z').score.coverage, dept('B').score.coverage, dept('C').score.coverage]).toEqual([1, 1, 2 / 3])
    expect([dept('Z').score.established, dept('B').score.established, dept('C').score.established]).toEqual([1 / 3, 0, 0])
    // C: 'weiß nicht' on g-schulung → G between 0 and 100, department 6.25 … 56.25
    expect([dept('C').score.low, dept('C').score.high]).toEqual([6.25, 56.25])
    expect(result.departments.every((d) => !d.insufficient)).toBe(true)
  })

  it('Fundament: pooled values, profile and weakest item', () => {
    expect(result.fundamentConsensus.map((c) => [c.itemId, c.ist])).toEqual([
      ['f-strategie', 2],
      ['f-isb', 1],
      ['f-backup', 3],
    ])
    expect(result.fundament).toMatchObject({ score: 50, weakest: 1, weakestItemIds: ['f-isb'], coverage: 1, established: 1 / 3 })
  })

  it('organisation score item by item, established share and range', () => {
    expect(dim('G').score).toBe(50)
    expect(dim('P').score).toBe(37.5)
    expect(result.organisation.score).toBe(43.75)
    expect(result.organisation.scoreStaff).toBeCloseTo(45.833, 3)
    expect(dim('P').scoreStaff).toBeCloseTo(41.667, 3)
    expect(result.organisation.coverage).toBe(11 / 12)
    expect([dim('G').established, dim('P').established]).toEqual([1 / 5, 1 / 6])
    expect(result.organisation.established).toBe(2 / 11)
    expect(dim('G').low).toBeCloseTo(45.833, 3)
    expect(dim('G').high).toBeCloseTo(54.167, 3)
    expect(result.organisation.low).toBeCloseTo(41.667, 3)
    expect(result.organisation.high).toBeCloseTo(45.833, 3)
  })

  it('readiness is capped by the weakest Fundament item', () => {
    expect(result.readiness).toEqual({ status: 'capped', score: 25, uncapped: 43.75, cap: 25, cappedBy: ['f-isb'], level: 1 })
  })

  it('values, reach, classes, priorities and ranks', () => {
    const table = result.recommendations.map((r) => [r.measureId, r.rank, r.class, r.benefit, r.reach, r.urgency, r.effortDays, r.priority, r.focus])
    expect(table).toEqual([
      ['m-isb', 1, 'quick_win', 10, 1, 'none', 12, 50 / 12, true],
      ['m-schulung', 2, 'quick_win', 1, 5 / 6, 'none', 3, 1, true],
      ['m-pflicht', 3, 'pflicht', 3.5, 2 / 3, 'due_soon', 40, 0.7, true],
      ['m-akte', 4, 'leitprojekt', 1.5, 2 / 3, 'none', 120, 0.05, true],
    ])
    expect(rec('m-isb').priority).toBeCloseTo(4.167, 3)
    expect(rec('m-isb').organisationWide).toBe(true)
    expect(rec('m-pflicht').duty).toBe(true)
    expect(rec('m-pflicht').triggeringDepartmentIds).toEqual(['B', 'C'])
    expect(rec('m-akte').triggeringDepartmentIds).toEqual(['B', 'C'])
    expect(rec('m-schulung').triggeringDepartmentIds).toEqual(['Z', 'B'])
    const reasons = (id: string) => rec(id).reasons.map((x) => [x.departmentId, x.itemId, x.ist, x.target, x.gap, x.weight, x.contribution])
    // Fundament need counts twice (FUNDAMENT_FACTOR 2): 2 × 2.5 × 2 = 10
    expect(reasons('m-isb')).toEqual([['@organisation', 'f-isb', 1, 3, 2, 2.5, 10]])
    expect(reasons('m-schulung')).toEqual([
      ['Z', 'g-schulung', 2, 3, 1, 1.5, 1.5],
      ['B', 'g-schulung', 2, 3, 1, 1, 1],
    ])
    expect(reasons('m-pflicht')).toEqual([
      ['B', 'p-antrag', 1, 3, 2, 3, 6],
      ['C', 'p-antrag', 0, 3, 3, 1, 3],
    ])
    expect(reasons('m-akte')).toEqual([
      ['B', 'p-akte', 2, 3, 1, 2, 2],
      ['C', 'p-akte', 1, 3, 2, 1.5, 3],
    ])
  })

  it('stability: rank with one effort class more / less', () => {
    expect(result.recommendations.map((r) => [r.measureId, r.stability])).toEqual([
      ['m-isb', { rankIfMoreEffort: 1, rankIfLessEffort: 1 }],
      ['m-schulung', { rankIfMoreEffort: 3, rankIfLessEffort: null }],
      ['m-pflicht', { rankIfMoreEffort: 3, rankIfLessEffort: 2 }],
      ['m-akte', { rankIfMoreEffort: 4, rankIfLessEffort: 4 }],
    ])
    // the priorities behind them
    expect(priorityV2(10, 5, 3, 'none')).toBe(1.25)
    expect(priorityV2(10, 5, 1, 'none')).toBeCloseTo(16.667, 3)
    expect(priorityV2(1, 3, 2, 'none')).toBe(0.25)
    expect(priorityV2(3.5, 4, 4, 'due_soon')).toBeCloseTo(0.2333, 4)
    expect(priorityV2(3.5, 4, 2, 'due_soon')).toBeCloseTo(2.3333, 4)
    expect(priorityV2(1.5, 4, 5, 'none')).toBe(0.02)
    expect(priorityV2(1.5, 4, 3, 'none')).toBe(0.15)
  })

  it('roadmap: horizon 2026–2035, 40 PT per year, duty first, capacity and dependency', () => {
    const r = roadmap
    expect(r.horizon).toEqual({ startYear: 2026, years: 10, phases: [2, 5, 10] })
    // 60 staff × 0.5 PT = 30, raised to the floor of 40
    expect(r.capacity).toBe(40)
    expect(r.capacitySource).toBe('staff')
    const rows = ['m-pflicht', 'm-isb', 'm-schulung', 'm-akte'].map((id) => {
      const e = entry(id)
      return [id, e.calendarStart, e.calendarEnd, e.phase, e.delayedByDependency, e.delayedByCapacity, e.deadlineYear, e.deadlineAtRisk, e.overdue]
    })
    expect(rows).toEqual([
      ['m-pflicht', 2026, 2026, 1, false, false, 2, false, false],
      ['m-isb', 2027, 2027, 1, false, true, null, false, false],
      ['m-schulung', 2028, 2028, 2, true, false, null, false, false],
      ['m-akte', 2029, 2030, 2, false, true, null, false, false],
    ])
    expect(roadmap.entries.map((e) => e.measureId)).toEqual(['m-pflicht', 'm-isb', 'm-schulung', 'm-akte'])
    expect(roadmap.years.slice(0, 6).map((y) => y.load)).toEqual([40, 12, 3, 60, 60, 0])
    expect(roadmap.years.slice(0, 6).map((y) => y.overCapacity)).toEqual([false, false, false, true, true, false])
  })

  it('variant: the steering group sets 60 PT per year', () => {
    const r = run('NW', 60).roadmap as RoadmapV2
    expect([r.capacity, r.capacitySource]).toEqual([60, 'set'])
    expect(r.entries.map((e) => [e.measureId, e.calendarStart, e.calendarEnd])).toEqual([
      ['m-pflicht', 2026, 2026],
      ['m-isb', 2026, 2026],
      ['m-schulung', 2027, 2027],
      ['m-akte', 2028, 2029],
    ])
    expect(r.years.slice(0, 5).map((y) => y.load)).toEqual([52, 3, 60, 60, 0])
    expect(r.warnings).toEqual([])
  })

  it('variant: the same obligation in another Bundesland is no duty', () => {
    const by = run('BY')
    const m = by.recommendations.find((r) => r.measureId === 'm-pflicht')!
    expect([m.class, m.duty, m.urgency, m.priority, m.rank]).toEqual(['ergaenzung', false, 'none', 0.35, 3])
  })
})
