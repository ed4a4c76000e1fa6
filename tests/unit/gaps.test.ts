import { describe, expect, it } from 'vitest'
import type { Answer, Level } from '@/domain/model/types'
import { departmentConsensus } from '@/domain/analysis/consensus'
import { departmentGaps, gapOf } from '@/domain/analysis/gaps'
import { resolveTarget } from '@/domain/analysis/targets'
import {
  levelAnswer,
  makeAssessment,
  makeCatalog,
  makeDepartment,
  makeDimension,
  makeItem,
  makeRound,
  naAnswer,
  unknownAnswer,
} from '../fixtures/builders'

describe('resolveTarget: answer > round > item > dimension', () => {
  it.each<{ answer: number | null; round: Record<string, Level>; item: Level | undefined; expected: [number, string] }>([
    { answer: 4, round: { 'dim-1': 3 }, item: 2, expected: [4, 'answer'] },
    { answer: 0, round: { 'dim-1': 3 }, item: 2, expected: [0, 'answer'] },
    { answer: 2.5, round: {}, item: undefined, expected: [2.5, 'answer'] },
    { answer: null, round: { 'dim-1': 3 }, item: 2, expected: [3, 'round'] },
    { answer: null, round: { 'dim-1': 0 }, item: 2, expected: [0, 'round'] },
    { answer: null, round: { other: 4 }, item: 2, expected: [2, 'item'] },
    { answer: null, round: {}, item: 0, expected: [0, 'item'] },
    { answer: null, round: {}, item: undefined, expected: [1, 'dimension'] },
  ])('answer $answer, round $round, item $item → $expected', ({ answer, round, item, expected }) => {
    const result = resolveTarget(
      answer,
      { dimensionTargets: round },
      { dimensionId: 'dim-1', defaultTarget: item },
      { defaultTarget: 1 },
    )
    expect([result.target, result.source]).toEqual(expected)
  })
})

describe('gapOf', () => {
  it.each([
    [1, 4, 3],
    [2.5, 4, 1.5],
    [3, 3, 0],
    [3.5, 3, 0],
    [4, 0, 0],
    [0, 4, 4],
  ])('Ist %s, target %s → gap %s', (ist, target, gap) => {
    expect(gapOf(ist, target)).toBe(gap)
  })
})

describe('departmentGaps', () => {
  const catalog = makeCatalog({
    dimensions: [makeDimension({ id: 'A', defaultTarget: 3 }), makeDimension({ id: 'B', defaultTarget: 2 })],
    items: [
      makeItem({ id: 'a1', dimensionId: 'A' }),
      makeItem({ id: 'a2', dimensionId: 'A', defaultTarget: 4, weight: 3 }),
      makeItem({ id: 'a3', dimensionId: 'A' }),
      makeItem({ id: 'b1', dimensionId: 'B' }),
      makeItem({ id: 'b2', dimensionId: 'B' }),
    ],
  })
  const department = makeDepartment()

  function gapsFor(answers: Answer[][], round = makeRound()) {
    const assessments = answers.map((a, i) => makeAssessment({ id: `as-${i}`, answers: a }))
    const consensus = departmentConsensus(catalog, department, assessments).items
    return departmentGaps(catalog, round, department.id, consensus)
  }

  it('computes one gap per item with a level, in catalogue order', () => {
    const result = gapsFor([
      [levelAnswer('b1', 0), levelAnswer('a2', 1), levelAnswer('a1', 3, { target: 4 }), naAnswer('a3'), unknownAnswer('b2')],
    ])
    expect(result.modelVersion).toBe('1.0.0')
    expect(result.items.map((g) => [g.itemId, g.ist, g.target, g.targetSource, g.gap, g.maturity])).toEqual([
      ['a1', 3, 4, 'answer', 1, 75],
      ['a2', 1, 4, 'item', 3, 25],
      ['b1', 0, 2, 'dimension', 2, 0],
    ])
  })

  it('uses the round target over item and dimension defaults', () => {
    const result = gapsFor([[levelAnswer('a2', 1), levelAnswer('b1', 1)]], makeRound({ dimensionTargets: { A: 2 } }))
    expect(result.items.map((g) => [g.itemId, g.target, g.targetSource, g.gap])).toEqual([
      ['a2', 2, 'round', 1],
      ['b1', 2, 'dimension', 1],
    ])
  })

  it('uses the median of the respondents’ targets and Ist (x.5 possible)', () => {
    const result = gapsFor([
      [levelAnswer('a1', 1, { target: 3, bedarf: 4 })],
      [levelAnswer('a1', 2, { target: 4, bedarf: 1 })],
    ])
    expect(result.items[0]).toMatchObject({ ist: 1.5, target: 3.5, gap: 2, bedarf: 2.5, potenzial: null })
  })

  it('summarises each dimension with item weights', () => {
    const result = gapsFor([[levelAnswer('a1', 3), levelAnswer('a2', 1), levelAnswer('a3', 4)]])
    // gaps: a1 0 (w1), a2 3 (w3), a3 0 (w1, target 3 < Ist 4)
    expect(result.dimensions).toEqual([
      { dimensionId: 'A', count: 3, meanIst: (3 + 3 + 4) / 5, meanTarget: (3 + 12 + 3) / 5, meanGap: 9 / 5, maxGap: 3 },
      { dimensionId: 'B', count: 0, meanIst: null, meanTarget: null, meanGap: null, maxGap: null },
    ])
  })
})
