import { describe, expect, it } from 'vitest'
import { analyseRound } from '@/domain/analysis/analysis'
import { agreedAnswers, applyAgreedAnswer, departmentConsensus } from '@/domain/analysis/consensus'
import { isRespondentAssessment } from '@/domain/model/answers'
import { ANSWERS_CSV_COLUMNS, answersCsv, type AnswersCsvLabels } from '@/domain/results/csv'
import { completeness } from '@/domain/results/completeness'
import { levelDistribution } from '@/domain/results/distribution'
import type { Answer } from '@/domain/model/types'
import { isDisputed, workshopOrder, workshopProgress } from '@/domain/analysis/workshop'
import {
  levelAnswer,
  makeAnswer,
  makeAssessment,
  makeCatalog,
  makeDepartment,
  makeItem,
  makeOrganisation,
  makeRound,
  naAnswer,
  unknownAnswer,
} from '../fixtures/builders'

const catalog = makeCatalog({ items: [makeItem({ id: 'a' }), makeItem({ id: 'b' })] })
const department = makeDepartment({ id: 'dep-1' })
const round = makeRound()

/** Three respondents who disagree on 'a' (0, 2, 4 → median 2, spread 4) and agree on 'b' (3). */
const respondents = [
  makeAssessment({ id: 'r1', respondent: 'Amtsleitung', answers: [levelAnswer('a', 0, { bedarf: 4, potenzial: 1, target: 3 }), levelAnswer('b', 3)] }),
  makeAssessment({ id: 'r2', respondent: 'Sachbearbeitung', answers: [levelAnswer('a', 2, { bedarf: 2, potenzial: 3, target: 3 }), levelAnswer('b', 3)] }),
  makeAssessment({ id: 'r3', respondent: '', answers: [levelAnswer('a', 4, { bedarf: 0, potenzial: 2, target: 4 }), levelAnswer('b', 3)] }),
]

function workshop(answers: Answer[]) {
  return makeAssessment({ id: 'ws', role: 'consensus', respondent: '', status: 'in_progress', answers })
}

function itemA(consensusAnswers: Answer[] | null) {
  const all = consensusAnswers === null ? respondents : [...respondents, workshop(consensusAnswers)]
  return departmentConsensus(catalog, department, all).items.find((c) => c.itemId === 'a')
}

describe('workshop consensus on one item', () => {
  it.each<{
    name: string
    consensus: Answer[] | null
    expected: {
      state: string
      ist: number | null
      spread: number | null
      toDiscuss: boolean
      agreed: boolean
      respondentIst: number | null
      bedarf: number | null
      potenzial: number | null
      target: number | null
    }
  }>([
    {
      name: 'no workshop: median of the respondents',
      consensus: null,
      expected: { state: 'level', ist: 2, spread: 4, toDiscuss: true, agreed: false, respondentIst: 2, bedarf: 2, potenzial: 2, target: 3 },
    },
    {
      name: 'workshop without an answer to the item: median as before',
      consensus: [levelAnswer('b', 1)],
      expected: { state: 'level', ist: 2, spread: 4, toDiscuss: true, agreed: false, respondentIst: 2, bedarf: 2, potenzial: 2, target: 3 },
    },
    {
      name: 'agreed level replaces the median, spread stays, no longer to discuss',
      consensus: [levelAnswer('a', 1)],
      expected: { state: 'level', ist: 1, spread: 4, toDiscuss: false, agreed: true, respondentIst: 2, bedarf: 2, potenzial: 2, target: 3 },
    },
    {
      name: 'agreed level 0 is a value, not "no answer"',
      consensus: [levelAnswer('a', 0)],
      expected: { state: 'level', ist: 0, spread: 4, toDiscuss: false, agreed: true, respondentIst: 2, bedarf: 2, potenzial: 2, target: 3 },
    },
    {
      name: 'agreed Bedarf, Potenzial and target replace the medians',
      consensus: [levelAnswer('a', 3, { bedarf: 1, potenzial: 4, target: 2 })],
      expected: { state: 'level', ist: 3, spread: 4, toDiscuss: false, agreed: true, respondentIst: 2, bedarf: 1, potenzial: 4, target: 2 },
    },
    {
      name: 'only Bedarf agreed: the rest from the respondents',
      consensus: [levelAnswer('a', 4, { bedarf: 0 })],
      expected: { state: 'level', ist: 4, spread: 4, toDiscuss: false, agreed: true, respondentIst: 2, bedarf: 0, potenzial: 2, target: 3 },
    },
    {
      name: "agreed 'nicht zutreffend' makes the item n/a",
      consensus: [naAnswer('a')],
      expected: { state: 'na', ist: null, spread: 4, toDiscuss: false, agreed: true, respondentIst: 2, bedarf: 2, potenzial: 2, target: 3 },
    },
    {
      name: "'weiß nicht' in the workshop is not decided: median as before",
      consensus: [unknownAnswer('a')],
      expected: { state: 'level', ist: 2, spread: 4, toDiscuss: true, agreed: false, respondentIst: 2, bedarf: 2, potenzial: 2, target: 3 },
    },
    {
      name: "'weiß nicht' with an agreed Potenzial: median Ist, agreed Potenzial",
      consensus: [unknownAnswer('a', { potenzial: 0 })],
      expected: { state: 'level', ist: 2, spread: 4, toDiscuss: true, agreed: false, respondentIst: 2, bedarf: 2, potenzial: 0, target: 3 },
    },
    {
      name: 'open Ist (only a comment) is not decided',
      consensus: [makeAnswer({ itemId: 'a', state: 'level', ist: null, comment: 'vertagt' })],
      expected: { state: 'level', ist: 2, spread: 4, toDiscuss: true, agreed: false, respondentIst: 2, bedarf: 2, potenzial: 2, target: 3 },
    },
  ])('$name', ({ consensus, expected }) => {
    expect(itemA(consensus)).toMatchObject(expected)
  })

  it('keeps the workshop answer and the respondents\u2019 counts and raw answers', () => {
    const agreed = levelAnswer('a', 1, { comment: 'im Workshop geeinigt' })
    const c = itemA([agreed])
    expect(c?.consensusAnswer).toEqual(agreed)
    expect(c).toMatchObject({ levelCount: 3, naCount: 0, unknownCount: 0 })
    expect(c?.respondents.map((r) => r.assessmentId)).toEqual(['r1', 'r2', 'r3'])
    expect(c?.answers.map((a) => a?.ist)).toEqual([0, 2, 4])
  })

  it('an agreed level without any respondent answer still decides the item', () => {
    const c = departmentConsensus(catalog, department, [workshop([levelAnswer('a', 3)])]).items[0]
    expect(c).toMatchObject({ state: 'level', ist: 3, spread: null, toDiscuss: false, agreed: true, respondentIst: null, levelCount: 0 })
    expect(c?.respondents).toEqual([])
  })

  it('applyAgreedAnswer returns the item itself when nothing was recorded', () => {
    const c = itemA(null)!
    expect(applyAgreedAnswer(c, undefined)).toBe(c)
    expect(applyAgreedAnswer(c, null)).toBe(c)
  })
})

describe('the consensus assessment is no respondent', () => {
  const all = [...respondents, workshop([levelAnswer('a', 1), naAnswer('b')])]

  it('is left out of the respondents and the medians', () => {
    const result = departmentConsensus(catalog, department, all)
    expect(result.respondents).toEqual([
      { assessmentId: 'r1', respondent: 'Amtsleitung' },
      { assessmentId: 'r2', respondent: 'Sachbearbeitung' },
      { assessmentId: 'r3', respondent: '' },
    ])
    expect(result.consensusAssessmentId).toBe('ws')
    expect(result.items.map((c) => [c.itemId, c.state, c.ist, c.respondentIst, c.levelCount, c.naCount])).toEqual([
      ['a', 'level', 1, 2, 3, 0],
      ['b', 'na', null, 3, 3, 0],
    ])
  })

  it.each([
    ['respondent', true],
    ['consensus', false],
  ] as const)('isRespondentAssessment(role %s) = %s', (role, expected) => {
    expect(isRespondentAssessment({ role })).toBe(expected)
  })

  it('analyseRound: respondents, to-discuss list and scores follow the agreed values', () => {
    const without = analyseRound({ catalog, round, departments: [department], assessments: respondents })
    const withWorkshop = analyseRound({ catalog, round, departments: [department], assessments: all })
    expect(without.departments[0]?.toDiscuss.map((c) => c.itemId)).toEqual(['a'])
    // a = 2 → 50, b = 3 → 75: mean 62.5
    expect(without.departments[0]?.score.score).toBe(62.5)
    const d = withWorkshop.departments[0]!
    expect(d.respondents).toHaveLength(3)
    expect(d.consensusAssessmentId).toBe('ws')
    expect(d.toDiscuss).toEqual([])
    // a agreed 1 → 25, b agreed n/a (out of the denominator)
    expect(d.score).toMatchObject({ score: 25, answered: 1, na: 1 })
  })

  it('completeness counts respondents only', () => {
    const [row] = completeness([department], all, catalog)
    expect(row).toMatchObject({ respondents: 3, submitted: 3, inProgress: 0, answered: 6, applicable: 6, status: 'submitted' })
    expect(row?.perRespondent.map((r) => r.assessmentId)).toEqual(['r1', 'r2', 'r3'])
  })

  it('the answer distribution counts respondents only', () => {
    const [dim] = levelDistribution(catalog, [department], all)
    expect(dim).toMatchObject({ total: 6, counts: { level0: 1, level1: 0, level2: 1, level3: 3, level4: 1, na: 0, unknown: 0, open: 0 } })
  })

  it('the answers CSV labels the workshop rows instead of showing an anonymous respondent', () => {
    const input = { organisations: [makeOrganisation()], departments: [department], rounds: [round], assessments: [workshop([levelAnswer('a', 1)])], catalogFor: () => catalog }
    const labels = { headers: Object.fromEntries(ANSWERS_CSV_COLUMNS.map((c) => [c, c])) as AnswersCsvLabels['headers'], status: { level: 'Stufe', na: 'n. z.', unknown: 'w. n.', open: 'offen' }, consensus: 'Konsens (Workshop)' }
    const lines = answersCsv(input, { labels, timeZone: 'UTC' }).split('\r\n').slice(1).filter((l) => l !== '')
    expect(lines.map((l) => l.split(';')[4])).toEqual(['Konsens (Workshop)', 'Konsens (Workshop)'])
    expect(answersCsv(input, { labels: { ...labels, consensus: 'Workshop' }, timeZone: 'UTC' }).split('\r\n')[1]?.split(';')[4]).toBe('Workshop')
  })
})

describe('agreedAnswers', () => {
  it('takes the most recent answer per item when a merge left two consensus assessments', () => {
    const older = makeAssessment({ id: 'ws-1', role: 'consensus', answers: [levelAnswer('a', 1, { updatedAt: '2025-01-02T00:00:00.000Z' }), levelAnswer('b', 2)] })
    const newer = makeAssessment({ id: 'ws-2', role: 'consensus', answers: [levelAnswer('a', 3, { updatedAt: '2025-01-03T00:00:00.000Z' })] })
    const map = agreedAnswers([older, newer])
    expect([...map].map(([id, a]) => [id, a.ist])).toEqual([
      ['a', 3],
      ['b', 2],
    ])
  })
})

describe('workshop order and progress', () => {
  const c = (itemId: string, spread: number | null, agreed = false) => ({ itemId, spread, agreed })

  it.each<{ name: string; items: ReturnType<typeof c>[]; threshold?: number; order: string[] }>([
    { name: 'nothing disputed: catalogue order', items: [c('a', 0), c('b', 1), c('c', null)], order: ['a', 'b', 'c'] },
    { name: 'disputed first, each group in catalogue order', items: [c('a', 1), c('b', 2), c('c', null), c('d', 4), c('e', 0)], order: ['b', 'd', 'a', 'c', 'e'] },
    { name: 'agreement does not move an item', items: [c('a', 0), c('b', 3, true), c('c', 2)], order: ['b', 'c', 'a'] },
    { name: 'threshold 3', items: [c('a', 2), c('b', 3)], threshold: 3, order: ['b', 'a'] },
    { name: 'empty', items: [], order: [] },
  ])('$name', ({ items, threshold, order }) => {
    expect(workshopOrder(items, threshold).map((x) => x.itemId)).toEqual(order)
  })

  it.each<{ name: string; items: ReturnType<typeof c>[]; expected: ReturnType<typeof workshopProgress> }>([
    { name: 'nothing agreed', items: [c('a', 2), c('b', 0)], expected: { agreed: 0, disputed: 1, disputedOpen: 1, total: 2 } },
    { name: 'disputed item agreed', items: [c('a', 2, true), c('b', 0), c('c', 4)], expected: { agreed: 1, disputed: 2, disputedOpen: 1, total: 3 } },
    { name: 'all agreed', items: [c('a', 2, true), c('b', null, true)], expected: { agreed: 2, disputed: 1, disputedOpen: 0, total: 2 } },
    { name: 'no items', items: [], expected: { agreed: 0, disputed: 0, disputedOpen: 0, total: 0 } },
  ])('progress: $name', ({ items, expected }) => {
    expect(workshopProgress(items)).toEqual(expected)
  })

  it('isDisputed follows the respondents, not the agreement', () => {
    const item = itemA([levelAnswer('a', 1)])!
    expect(item.toDiscuss).toBe(false)
    expect(isDisputed(item)).toBe(true)
  })
})
