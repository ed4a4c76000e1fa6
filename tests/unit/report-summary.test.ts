/**
 * The management report's summary page: strengths and gaps, duties at risk, the top ten, the
 * previous round and the change since it; and the short dimension titles of the printed heatmap.
 */
import { describe, expect, it } from 'vitest'
import type { MeasureClass, Recommendation, Urgency } from '@/domain/analysis/prioritisation'
import type { LegalObligation, Round } from '@/domain/model/types'
import { compareRounds } from '@/domain/results/compare'
import { dimensionHighlights, dutiesAtRisk, lawShortName, previousRoundOf, roundChange, SUMMARY_LIMITS, topMeasures, type DutyPlan } from '@/domain/results/report-summary'
import { shortTitle, shortTitles } from '@/domain/results/short-titles'
import { makeDepartment, makeRecommendation, makeRound } from '../fixtures/builders'
import { assess, catalogV1, catalogV2, roundData } from '../fixtures/compare-builders'

const dims = (scores: (number | null)[]) => scores.map((score, i) => ({ dimensionId: `d${i + 1}`, score }))

describe('strengths and gaps', () => {
  it.each<[string, (number | null)[], number, [string, number][], [string, number][]]>([
    ['nine dimensions: three each', [50, 20, 80, 35, 60, 10, 70, 45, 30], 3, [['d3', 80], ['d7', 70], ['d5', 60]], [['d6', 10], ['d2', 20], ['d9', 30]]],
    ['ties keep catalogue order', [40, 60, 60, 40, 60, 40, 50], 3, [['d2', 60], ['d3', 60], ['d5', 60]], [['d1', 40], ['d4', 40], ['d6', 40]]],
    ['unscored dimensions are never named', [null, 30, null, 70, 50, 10, null, 90], 3, [['d8', 90], ['d4', 70]], [['d6', 10], ['d2', 30], ['d5', 50]]],
    ['five scored: gaps take three, strengths the other two', [10, 20, 30, 40, 50], 3, [['d5', 50], ['d4', 40]], [['d1', 10], ['d2', 20], ['d3', 30]]],
    ['one scored dimension is a gap, not a strength', [null, 42], 3, [], [['d2', 42]]],
    ['nothing scored', [null, null], 3, [], []],
    ['no dimensions', [], 3, [], []],
    ['n = 1', [10, 90, 50], 1, [['d2', 90]], [['d1', 10]]],
    ['n = 0', [10, 90], 0, [], []],
  ])('%s', (_name, scores, n, strengths, gaps) => {
    const h = dimensionHighlights(dims(scores), n)
    expect(h.strengths.map((d) => [d.dimensionId, d.score])).toEqual(strengths)
    expect(h.gaps.map((d) => [d.dimensionId, d.score])).toEqual(gaps)
  })

  it('names three of each by default', () => {
    expect(SUMMARY_LIMITS).toEqual({ highlights: 3, topMeasures: 10 })
    const h = dimensionHighlights(dims([1, 2, 3, 4, 5, 6, 7, 8]))
    expect([h.strengths.length, h.gaps.length]).toEqual([3, 3])
  })
})

const obligation = (o: Partial<LegalObligation> = {}): LegalObligation => ({ law: 'DSGVO', description: { de: 'Pflicht' }, ...o })
const duty = (measureId: string, rank: number, o: Partial<LegalObligation>, extra: Partial<Recommendation> = {}): Recommendation =>
  makeRecommendation({ measureId, rank, class: 'pflicht', obligation: obligation(o), ...extra })
const plan = (measureId: string, overdue: boolean, deadlineAtRisk: boolean, calendarEnd = 2027): DutyPlan => ({ measureId, overdue, deadlineAtRisk, calendarEnd })

describe('legal duties at risk', () => {
  const ASOF = '2026-09-01'
  it.each<[string, Recommendation[], DutyPlan[] | null, [string, string, string, number | null][]]>([
    ['nothing recommended', [], null, []],
    [
      'method 2.0: urgency overdue, or the roadmap cannot meet the deadline',
      [
        duty('late', 3, { inForceSince: '2018-05-25', deadline: null }, { urgency: 'overdue' }),
        duty('risky', 1, { inForceSince: '2025-01-01', deadline: '2027-01-01' }, { urgency: 'due_soon' }),
        duty('fine', 2, { inForceSince: '2025-01-01', deadline: '2030-01-01' }, { urgency: 'later' }),
      ],
      [plan('late', true, false, 2026), plan('risky', false, true, 2027), plan('fine', false, false, 2028)],
      [
        ['late', 'overdue', '2018-05-25', 2026],
        ['risky', 'deadline_at_risk', '2027-01-01', 2027],
      ],
    ],
    [
      'the roadmap alone may say overdue (judged on 1 January of its start year)',
      [duty('x', 1, { deadline: '2026-06-30' }, { urgency: 'due_soon' })],
      [plan('x', true, false)],
      [['x', 'overdue', '2026-06-30', 2027]],
    ],
    [
      'method 1.0 (no urgency, no plan): due on or before the date, or no date at all',
      [
        duty('past', 5, { date: '2020-01-01' }),
        duty('today', 4, { date: ASOF }),
        duty('undated', 6, {}),
        duty('future', 1, { date: '2027-01-01' }),
      ],
      null,
      [
        ['undated', 'overdue', '', null],
        ['past', 'overdue', '2020-01-01', null],
        ['today', 'overdue', ASOF, null],
      ],
    ],
    [
      'fulfilled (not triggered) obligations and other classes are never at risk',
      [
        duty('met', 1, { date: '2018-01-01' }, { triggered: false }),
        makeRecommendation({ measureId: 'qw', rank: 2, class: 'quick_win', obligation: obligation({ date: '2018-01-01' }) }),
        makeRecommendation({ measureId: 'noobl', rank: 3, class: 'pflicht', obligation: null }),
      ],
      null,
      [],
    ],
    [
      'same due date: by rank',
      [duty('b', 9, { deadline: '2024-01-01' }, { urgency: 'overdue' }), duty('a', 2, { deadline: '2024-01-01' }, { urgency: 'overdue' })],
      [],
      [
        ['a', 'overdue', '2024-01-01', null],
        ['b', 'overdue', '2024-01-01', null],
      ],
    ],
  ])('%s', (_name, recs, p, expected) => {
    expect(dutiesAtRisk(recs, p, ASOF).map((d) => [d.measureId, d.risk, d.due, d.plannedEnd])).toEqual(expected)
  })

  it('carries the obligation and the rank', () => {
    const o = { inForceSince: '2018-05-25', paragraph: 'Art. 37' }
    const [d] = dutiesAtRisk([duty('m', 7, o, { urgency: 'overdue' })], null, ASOF)
    expect(d).toEqual({ measureId: 'm', rank: 7, risk: 'overdue', obligation: obligation(o), due: '2018-05-25', plannedEnd: null })
  })
})

describe('top ten measures', () => {
  const rec = (measureId: string, rank: number, cls: MeasureClass = 'ergaenzung', triggered = true, urgency?: Urgency) =>
    makeRecommendation({ measureId, rank, class: cls, triggered, ...(urgency ? { urgency } : {}) })
  it.each<[string, Recommendation[], number | undefined, string[]]>([
    ['nothing recommended', [], undefined, []],
    ['rank order whatever the input order and class', [rec('c', 3), rec('a', 1, 'pflicht'), rec('b', 2, 'quick_win')], undefined, ['a', 'b', 'c']],
    ['at most ten', Array.from({ length: 14 }, (_, i) => rec(`m${i + 1}`, i + 1)), undefined, Array.from({ length: 10 }, (_, i) => `m${i + 1}`)],
    ['fulfilled obligations are left out', [rec('met', 1, 'pflicht', false), ...Array.from({ length: 10 }, (_, i) => rec(`m${i + 2}`, i + 2))], undefined, Array.from({ length: 10 }, (_, i) => `m${i + 2}`)],
    ['another n', [rec('a', 1), rec('b', 2), rec('c', 3)], 2, ['a', 'b']],
    ['n = 0', [rec('a', 1)], 0, []],
  ])('%s', (_name, recs, n, ids) => {
    expect(topMeasures(recs, n).map((r) => r.measureId)).toEqual(ids)
  })

  it('does not reorder its input', () => {
    const list = [rec('b', 2), rec('a', 1)]
    topMeasures(list)
    expect(list.map((r) => r.measureId)).toEqual(['b', 'a'])
  })
})

describe('previous round of the same organisation', () => {
  const r = (id: string, startDate: string, orgId = 'org-1'): Round => makeRound({ id, startDate, orgId })
  const current = r('now', '2026-09-01')
  it.each<[string, Round[], string | undefined]>([
    ['no other round', [current], undefined],
    ['the latest start before the current', [r('r2020', '2020-09-01'), current, r('r2024', '2024-09-01'), r('r2022', '2022-09-01')], 'r2024'],
    ['a later round is not previous', [current, r('r2027', '2027-01-01')], undefined],
    ['same start day as the current is not earlier', [current, r('same', '2026-09-01')], undefined],
    ['another organisation does not count', [current, r('other', '2025-01-01', 'org-2'), r('own', '2023-01-01')], 'own'],
    ['two on the same day: the last by id', [current, r('b', '2024-01-01'), r('a', '2024-01-01')], 'b'],
  ])('%s', (_name, rounds, expected) => {
    expect(previousRoundOf(rounds, current)?.id).toBe(expected)
  })
})

describe('change since the previous round', () => {
  // The fixtures of compare.test.ts: dep-3 answered only in the later round B.
  const dep1 = makeDepartment({ id: 'dep-1', code: 'FB 1', name: 'Hauptamt' })
  const dep2 = makeDepartment({ id: 'dep-2', code: 'FB 2', name: 'Bauamt' })
  const dep3 = makeDepartment({ id: 'dep-3', code: 'FB 3', name: 'Schulamt' })
  const roundA = makeRound({ id: 'A', startDate: '2024-03-01', catalogId: 'cat', catalogVersion: '1.0.0' })
  const roundB = makeRound({ id: 'B', startDate: '2025-06-01', catalogId: 'cat', catalogVersion: '2.0.0' })
  const dataA = roundData(roundA, catalogV1(), [dep1, dep2], [
    assess('A', 'dep-1', { i1: 2, i2: 4, i3: 1, i4: 0, i5: 0 }),
    assess('A', 'dep-2', { i1: 1, i2: 'na', i3: 'unknown', i4: 3, i5: 2 }),
  ])
  const dataB = roundData(roundB, catalogV2(), [dep1, dep2, dep3], [
    assess('B', 'dep-1', { i1: 3, i2: 4, i3: 2, i5: 1, i6: 0 }),
    assess('B', 'dep-2', { i1: 1, i2: 'na', i3: 1, i5: 4, i6: 4 }),
    assess('B', 'dep-3', { i1: 1, i2: 2, i3: 3, i5: 2, i6: 1 }),
  ])

  it('rests on the departments of both rounds and names the one left out', () => {
    const c = roundChange(compareRounds({ a: dataA, b: dataB }))
    expect(c.organisation).toEqual({ a: 37.5, b: 46.875, delta: 9.375, direction: 'up' })
    expect(c.dimensions.map((d) => [d.dimensionId, d.a, d.b, d.delta])).toEqual([
      ['D1', 50, 56.25, 6.25],
      ['D2', 25, 37.5, 12.5],
    ])
    expect(c.commonDepartments).toBe(2)
    expect(c.leftOut).toEqual([{ departmentId: 'dep-3', code: 'FB 3', name: 'Schulamt', scoredIn: 'current' }])
    expect([c.restrictedItems, c.sharedItemCount]).toEqual([true, 3])
  })

  it('a department scored only in the previous round is left out too; the list is by code', () => {
    const c = roundChange(compareRounds({ a: dataB, b: dataA }))
    expect(c.leftOut.map((d) => [d.code, d.scoredIn])).toEqual([['FB 3', 'previous']])
    expect(c.organisation.delta).toBe(-9.375)
  })

  it('with scope "all" nothing is left out', () => {
    const c = roundChange(compareRounds({ a: dataA, b: dataB, options: { scope: 'all' } }))
    expect([c.leftOut, c.commonDepartments]).toEqual([[], 2])
  })

  it('the same catalogue: not restricted', () => {
    const c = roundChange(compareRounds({ a: dataA, b: { ...dataA, round: { ...roundA, id: 'A2', startDate: '2025-01-01' }, assessments: dataA.assessments.map((x) => ({ ...x, roundId: 'A2' })) } }))
    expect([c.restrictedItems, c.sharedItemCount, c.leftOut, c.organisation.delta, c.organisation.direction]).toEqual([false, 5, [], 0, 'same'])
  })
})

describe('short dimension titles', () => {
  it.each([
    ['Strategie und Steuerung', 'Strategie'],
    ['Online-Dienste und OZG', 'Online-Dienste'],
    ['Informationssicherheit und Datenschutz', 'Informationssicherheit'],
    ['Personal, Kompetenzen und Veränderung', 'Personal'],
    ['Daten, KI und Kooperation', 'Daten'],
    ['E-Akte und Dokumentenmanagement', 'E-Akte'],
    ['Strategy and governance', 'Strategy'],
    ['Staff, skills and change', 'Staff'],
    ['Beschaffung', 'Beschaffung'],
    ['Bau – Planung', 'Bau'],
    ['  Finanzen / Controlling ', 'Finanzen'],
    ['und Sonstiges', 'und Sonstiges'],
    ['', ''],
  ])('%j → %j', (title, short) => {
    expect(shortTitle(title)).toBe(short)
  })

  it.each<[string, string[], (string | undefined)[], string[]]>([
    ['distinct cuts', ['Strategie und Steuerung', 'Daten, KI und Kooperation'], [], ['Strategie', 'Daten']],
    ['two titles with the same cut stay whole', ['Daten und Kooperation', 'Daten und Analyse', 'Personal'], [], ['Daten und Kooperation', 'Daten und Analyse', 'Personal']],
    ['a cut equal to another whole title: both whole', ['Daten', 'Daten und Analyse'], [], ['Daten', 'Daten und Analyse']],
    ['the same title twice keeps its cut', ['Daten und KI', 'Daten und KI'], [], ['Daten', 'Daten']],
    ['given short titles win, blanks do not', ['Strategie und Steuerung', 'Online-Dienste und OZG'], ['Strategie/Steuerung', '  '], ['Strategie/Steuerung', 'Online-Dienste']],
    ['nothing', [], [], []],
  ])('%s', (_name, titles, given, expected) => {
    expect(shortTitles(titles, given)).toEqual(expected)
  })
})

describe('short law names for the summary table', () => {
  it.each([
    ['DSGVO (VO (EU) 2016/679)', 'DSGVO'],
    ['OZG (Onlinezugangsgesetz)', 'OZG'],
    ['UStG (i. V. m. § 2b UStG)', 'UStG'],
    ['KI-VO (VO (EU) 2024/1689)', 'KI-VO'],
    ['RL (EU) 2016/2102 i. V. m. Landes-BGG und Landes-Barrierefreiheitsverordnung (z. B. §§ 10 ff. BGG NRW, BITV NRW)', 'RL (EU) 2016/2102'],
    ['EGovG NRW', 'EGovG NRW'],
    ['(nur Klammer)', '(nur Klammer)'],
    ['Gesetz (offen', 'Gesetz (offen'],
    ['  BITV 2.0  ', 'BITV 2.0'],
  ])('%j → %j', (law, short) => {
    expect(lawShortName(law)).toBe(short)
  })
})
