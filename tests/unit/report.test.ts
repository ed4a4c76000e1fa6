import { describe, expect, it } from 'vitest'
import type { AnalysisResult } from '@/domain/analysis'
import { reportSummary } from '@/domain/report'

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
