import { describe, expect, it } from 'vitest'
import type { AnalysisResult } from '@/domain/analysis/analysis'
import type { MeasureClass, PriorityReason, Recommendation } from '@/domain/analysis/prioritisation'
import { REPORT_LIMITS, reportDepartmentMeasures, reportMeasureGroups, reportMeasures, reportSummary } from '@/domain/results/report'
import { makeRecommendation } from '../fixtures/builders'

function analysis(dimScores: (number | null)[], classes: string[], respondents: number[]): AnalysisResult {
  return {
    organisation: { score: 42.5, coverage: 0.8, dimensions: dimScores.map((score, i) => ({ dimensionId: `d${i + 1}`, score })) },
    recommendations: classes.map((c) => ({ class: c })),
    departments: respondents.map((n) => ({ respondents: Array.from({ length: n }) })),
  } as unknown as AnalysisResult
}

describe('report summary', () => {
  it.each([
    ['distinct scores', [50, 20, 80, 35], ['d3', 'd1'], ['d2', 'd4']],
    ['ties keep catalogue order', [40, 60, 60, 40], ['d2', 'd3'], ['d1', 'd4']],
    ['unscored dimensions are not ranked', [null, 30, null, 70], ['d4', 'd2'], ['d2', 'd4']],
    ['nothing scored', [null, null], [], []],
  ] as const)('%s', (_name, scores, strongest, weakest) => {
    const s = reportSummary(analysis([...scores], [], []))
    expect(s.strongestDimensionIds).toEqual(strongest)
    expect(s.weakestDimensionIds).toEqual(weakest)
  })

  it('counts departments with questionnaires, respondents and measures per class', () => {
    const s = reportSummary(analysis([10], ['pflicht', 'quick_win', 'quick_win', 'leitprojekt', 'ergaenzung', 'pflicht'], [2, 0, 1, 1]))
    expect(s).toMatchObject({ departments: 3, respondents: 4, score: 42.5, coverage: 0.8, recommendations: 6, byClass: { pflicht: 2, quick_win: 2, leitprojekt: 1, ergaenzung: 1 } })
  })
})

describe('report measures (which measures the report prints)', () => {
  const rec = (measureId: string, cls: MeasureClass, triggered = true, reasons = 0) =>
    makeRecommendation({ measureId, class: cls, triggered, reasons: Array.from({ length: reasons }, (_, i) => ({ departmentId: `dep-${i}`, itemId: `i${i}` }) as PriorityReason) })

  it.each<[string, Recommendation[], string[]]>([
    ['nothing recommended', [], []],
    ['every triggered obligation first, then the others in rank order', [rec('p1', 'pflicht'), rec('q1', 'quick_win'), rec('p2', 'pflicht'), rec('l1', 'leitprojekt')], ['p1', 'p2', 'q1', 'l1']],
    ['fulfilled obligations (not triggered) are left out', [rec('p1', 'pflicht', false), rec('p2', 'pflicht'), rec('e1', 'ergaenzung')], ['p2', 'e1']],
    [
      'at most ten others; obligations are never cut',
      [...Array.from({ length: 12 }, (_, i) => rec(`p${i + 1}`, 'pflicht')), ...Array.from({ length: 12 }, (_, i) => rec(`o${i + 1}`, i % 2 === 0 ? 'quick_win' : 'ergaenzung'))],
      [...Array.from({ length: 12 }, (_, i) => `p${i + 1}`), ...Array.from({ length: 10 }, (_, i) => `o${i + 1}`)],
    ],
  ])('%s', (_name, list, ids) => {
    expect(reportMeasures(list).map((r) => r.measureId)).toEqual(ids)
  })

  it('groups them: the triggered duties, then the others (section 4)', () => {
    const list = [rec('p1', 'pflicht'), rec('q1', 'quick_win'), rec('p0', 'pflicht', false), rec('p2', 'pflicht'), ...Array.from({ length: 11 }, (_, i) => rec(`o${i + 1}`, 'ergaenzung'))]
    const g = reportMeasureGroups(list)
    expect(g.duties.map((r) => r.measureId)).toEqual(['p1', 'p2'])
    expect(g.others.map((r) => r.measureId)).toEqual(['q1', ...Array.from({ length: 9 }, (_, i) => `o${i + 1}`)])
    expect(reportMeasures(list).map((r) => r.measureId)).toEqual([...g.duties, ...g.others].map((r) => r.measureId))
  })

  it.each([
    [0, 0, 0],
    [3, 3, 3],
    [4, 4, 4],
    [9, 4, 9],
  ])('a measure with %i reasons prints %i of them and counts %i', (reasons, printed, count) => {
    const [r] = reportMeasures([rec('q1', 'quick_win', true, reasons)])
    expect(r?.reasons).toHaveLength(printed)
    expect(r?.reasonCount).toBe(count)
    expect(r?.reasons.map((x) => x.itemId)).toEqual(Array.from({ length: printed }, (_, i) => `i${i}`))
  })

  it('takes other limits when given', () => {
    const list = [rec('p1', 'pflicht', true, 3), rec('q1', 'quick_win'), rec('q2', 'quick_win')]
    expect(reportMeasures(list, { otherMeasures: 1, reasonsPerMeasure: 1 }).map((r) => [r.measureId, r.reasons.length, r.reasonCount])).toEqual([
      ['p1', 1, 3],
      ['q1', 0, 0],
    ])
  })

  it.each([
    [0, 0],
    [3, 3],
    [5, 5],
    [8, 5],
  ])('the annex names %i department measures as %i', (n, expected) => {
    const list = Array.from({ length: n }, (_, i) => rec(`m${i}`, 'ergaenzung'))
    expect(reportDepartmentMeasures(list).map((r) => r.measureId)).toEqual(list.slice(0, expected).map((r) => r.measureId))
  })

  it('uses the limits the report states', () => {
    expect(REPORT_LIMITS).toEqual({ otherMeasures: 10, reasonsPerMeasure: 4, departmentMeasures: 5 })
  })
})
