import { describe, expect, it } from 'vitest'
import type { Answer } from '@/domain/model/types'
import { departmentConsensus, median, respondentAnswers } from '@/domain/analysis/consensus'
import {
  levelAnswer,
  makeAnswer,
  makeAssessment,
  makeCatalog,
  makeDepartment,
  makeItem,
  naAnswer,
  unknownAnswer,
} from '../fixtures/builders'

const catalog = makeCatalog({ items: [makeItem({ id: 'a' }), makeItem({ id: 'b' })] })
const department = makeDepartment({ id: 'dep-1' })

/** Consensus on item 'a' when respondent i answered answers[i] (undefined = no answer). */
function consensusOfA(answers: (Answer | undefined)[], spreadThreshold?: number) {
  const assessments = answers.map((a, i) =>
    makeAssessment({ id: `as-${i + 1}`, respondent: `P${i + 1}`, answers: a ? [a] : [] }),
  )
  const result = departmentConsensus(catalog, department, assessments, { spreadThreshold })
  return result.items.find((c) => c.itemId === 'a')
}

describe('median', () => {
  it.each([
    [[], null],
    [[3], 3],
    [[1, 3], 2],
    [[1, 2], 1.5],
    [[4, 0, 2], 2],
    [[0, 1, 3, 4], 2],
    [[1, 1, 4, 4], 2.5],
    [[4, 4, 0, 0, 1], 1],
  ])('median(%j) = %s', (values, expected) => {
    expect(median(values)).toBe(expected)
  })
})

describe('consensus per item', () => {
  it.each<{ name: string; answers: (Answer | undefined)[]; state: string; ist: number | null; spread: number | null; toDiscuss: boolean }>([
    { name: 'one respondent', answers: [levelAnswer('a', 3)], state: 'level', ist: 3, spread: 0, toDiscuss: false },
    {
      name: 'median of three',
      answers: [levelAnswer('a', 4), levelAnswer('a', 0), levelAnswer('a', 1)],
      state: 'level',
      ist: 1,
      spread: 4,
      toDiscuss: true,
    },
    {
      name: 'even respondents: mean of the two middle values',
      answers: [levelAnswer('a', 2), levelAnswer('a', 3)],
      state: 'level',
      ist: 2.5,
      spread: 1,
      toDiscuss: false,
    },
    {
      name: 'even respondents, four',
      answers: [levelAnswer('a', 0), levelAnswer('a', 1), levelAnswer('a', 2), levelAnswer('a', 4)],
      state: 'level',
      ist: 1.5,
      spread: 4,
      toDiscuss: true,
    },
    {
      name: 'spread exactly 2 is flagged',
      answers: [levelAnswer('a', 1), levelAnswer('a', 3)],
      state: 'level',
      ist: 2,
      spread: 2,
      toDiscuss: true,
    },
    {
      name: "levels win over 'na' and 'weiß nicht'",
      answers: [naAnswer('a'), levelAnswer('a', 1), unknownAnswer('a')],
      state: 'level',
      ist: 1,
      spread: 0,
      toDiscuss: false,
    },
    { name: "'na' without levels", answers: [naAnswer('a'), unknownAnswer('a')], state: 'na', ist: null, spread: null, toDiscuss: false },
    { name: "only 'weiß nicht'", answers: [unknownAnswer('a')], state: 'unanswered', ist: null, spread: null, toDiscuss: false },
    { name: 'no answer at all', answers: [undefined, undefined], state: 'unanswered', ist: null, spread: null, toDiscuss: false },
    { name: 'no respondents', answers: [], state: 'unanswered', ist: null, spread: null, toDiscuss: false },
    {
      name: "a 'level' answer without Ist counts as 'weiß nicht'",
      answers: [makeAnswer({ itemId: 'a', state: 'level', ist: null })],
      state: 'unanswered',
      ist: null,
      spread: null,
      toDiscuss: false,
    },
  ])('$name', ({ answers, state, ist, spread, toDiscuss }) => {
    expect(consensusOfA(answers)).toMatchObject({ state, ist, spread, toDiscuss })
  })

  it.each([
    [2, true],
    [3, false],
    [1, true],
  ])('spread threshold %s: spread 2 flagged = %s', (threshold, expected) => {
    expect(consensusOfA([levelAnswer('a', 1), levelAnswer('a', 3)], threshold)?.toDiscuss).toBe(expected)
  })

  it('Bedarf, Potenzial and target are medians of the non-null values of all answers', () => {
    const c = consensusOfA([
      levelAnswer('a', 1, { bedarf: 4, potenzial: null, target: 3 }),
      naAnswer('a', { bedarf: 1, potenzial: 2, target: null }),
      unknownAnswer('a', { bedarf: 3, potenzial: null, target: null }),
    ])
    expect(c).toMatchObject({ bedarf: 3, potenzial: 2, target: 3, levelCount: 1, naCount: 1, unknownCount: 1 })
    expect(consensusOfA([levelAnswer('a', 1)])).toMatchObject({ bedarf: null, potenzial: null, target: null })
  })

  it('keeps the raw answers aligned with the respondents', () => {
    const a1 = levelAnswer('a', 1, { comment: 'nur Papier' })
    const a3 = levelAnswer('a', 4)
    const c = consensusOfA([a1, undefined, a3])
    expect(c?.respondents.map((r) => r.respondent)).toEqual(['P1', 'P2', 'P3'])
    expect(c?.answers).toEqual([a1, null, a3])
    expect(respondentAnswers(c!)).toEqual([
      { assessmentId: 'as-1', respondent: 'P1', state: 'level', ist: 1, bedarf: null, potenzial: null, target: null, comment: 'nur Papier' },
      { assessmentId: 'as-3', respondent: 'P3', state: 'level', ist: 4, bedarf: null, potenzial: null, target: null, comment: '' },
    ])
  })
})

describe('department consensus', () => {
  it('lists every applicable item in catalogue order, answered or not', () => {
    const cat = makeCatalog({
      items: [makeItem({ id: 'x' }), makeItem({ id: 'central', appliesTo: 'central' }), makeItem({ id: 'y' })],
    })
    const result = departmentConsensus(cat, department, [makeAssessment({ answers: [levelAnswer('y', 2), levelAnswer('central', 4)] })])
    expect(result.modelVersion).toBe('1.0.0')
    expect(result.items.map((c) => [c.itemId, c.state])).toEqual([
      ['x', 'unanswered'],
      ['y', 'level'],
    ])
    const central = departmentConsensus(cat, makeDepartment({ kind: 'central' }), [
      makeAssessment({ answers: [levelAnswer('central', 4)] }),
    ])
    expect(central.items.map((c) => [c.itemId, c.state, c.ist])).toEqual([
      ['x', 'unanswered', null],
      ['central', 'level', 4],
      ['y', 'unanswered', null],
    ])
  })

  it('reports answers to items the catalogue does not have as orphans and ignores them', () => {
    const result = departmentConsensus(catalog, department, [
      makeAssessment({ id: 'as-1', answers: [levelAnswer('a', 2), levelAnswer('gone', 4)] }),
      makeAssessment({ id: 'as-2', answers: [levelAnswer('toString', 4), levelAnswer('a', 2)] }),
    ])
    expect(result.orphanAnswers).toEqual([
      { itemId: 'gone', assessmentId: 'as-1', departmentId: 'dep-1' },
      { itemId: 'toString', assessmentId: 'as-2', departmentId: 'dep-1' },
    ])
    expect(result.items.map((c) => [c.itemId, c.state, c.ist])).toEqual([
      ['a', 'level', 2],
      ['b', 'unanswered', null],
    ])
  })

  it('does not mistake inherited object keys for answers', () => {
    const cat = makeCatalog({ items: [makeItem({ id: 'toString' }), makeItem({ id: 'constructor' })] })
    const result = departmentConsensus(cat, department, [makeAssessment({ answers: [] })])
    expect(result.items.map((c) => c.state)).toEqual(['unanswered', 'unanswered'])
  })

  it('skips assessments of other departments', () => {
    const result = departmentConsensus(catalog, department, [
      makeAssessment({ id: 'mine', departmentId: 'dep-1', answers: [levelAnswer('a', 1)] }),
      makeAssessment({ id: 'other', departmentId: 'dep-2', answers: [levelAnswer('a', 4)] }),
    ])
    expect(result.respondents).toEqual([{ assessmentId: 'mine', respondent: '' }])
    expect(result.items[0]).toMatchObject({ ist: 1, spread: 0 })
  })
})
