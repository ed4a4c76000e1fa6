import { describe, expect, it } from 'vitest'
import { applicableItems } from '@/domain/model/catalog-index'
import { applyAnswerPatch, assessmentProgress, firstUnanswered, isAnswered, meanIstByDimension, statusAfterEdit } from '@/domain/model/answers'
import type { Answer, Catalog, CatalogItem } from '@/domain/model/types'

const NOW = '2026-11-21T10:00:00.000Z'
const STAMP = { at: NOW, by: 'Amtsleitung', deviceId: 'dev-b' }
const a = (over: Partial<Answer>): Answer => ({ itemId: 'i1', state: 'level', ist: null, bedarf: null, potenzial: null, target: null, comment: '', updatedAt: 'old', updatedBy: '', deviceId: 'dev-a', rev: 3, vv: { 'dev-a': 3 }, ...over })
const item = (id: string, dimensionId: string, appliesTo: 'all' | 'central' = 'all') => ({ id, dimensionId, appliesTo }) as CatalogItem

describe('applyAnswerPatch', () => {
  it.each<[string, Answer | undefined, Parameters<typeof applyAnswerPatch>[2], Partial<Answer>]>([
    ['first level', undefined, { ist: 2 }, { state: 'level', ist: 2 }],
    ['level 0 is a level', undefined, { ist: 0 }, { state: 'level', ist: 0 }],
    ['na clears the level', a({ ist: 3 }), { state: 'na', ist: null }, { state: 'na', ist: null }],
    ['unknown clears the level', a({ ist: 1 }), { state: 'unknown', ist: null }, { state: 'unknown', ist: null }],
    ['a level after na', a({ state: 'na' }), { ist: 4 }, { state: 'level', ist: 4 }],
    ['Bedarf alone leaves Ist open', undefined, { bedarf: 3 }, { state: 'level', ist: null, bedarf: 3 }],
    ['Bedarf keeps na', a({ state: 'na' }), { bedarf: 1 }, { state: 'na', ist: null, bedarf: 1 }],
    ['comment keeps the level', a({ ist: 2 }), { comment: 'x' }, { state: 'level', ist: 2, comment: 'x' }],
    ['clearing Potenzial', a({ ist: 2, potenzial: 3 }), { potenzial: null }, { ist: 2, potenzial: null }],
  ])('%s', (_n, existing, patch, expected) => {
    const result = applyAnswerPatch(existing, 'i1', patch, STAMP)
    expect(result).toMatchObject({ ...expected, itemId: 'i1', updatedAt: NOW, updatedBy: 'Amtsleitung', deviceId: 'dev-b' })
  })

  it.each<[string, Answer | undefined, Pick<Answer, 'rev' | 'vv'>]>([
    ['a new answer starts its history on this device', undefined, { rev: 1, vv: { 'dev-b': 1 } }],
    ['a change on top of another device keeps that history', a({ ist: 1 }), { rev: 4, vv: { 'dev-a': 3, 'dev-b': 1 } }],
    ['a further change on the same device counts up', a({ ist: 1, rev: 4, vv: { 'dev-a': 3, 'dev-b': 1 } }), { rev: 5, vv: { 'dev-a': 3, 'dev-b': 2 } }],
  ])('provenance: %s', (_n, existing, expected) => {
    expect(applyAnswerPatch(existing, 'i1', { ist: 2 }, STAMP)).toMatchObject(expected)
  })
})

describe('progress', () => {
  const items = [item('a', 'd1'), item('b', 'd1'), item('c', 'd2'), item('d', 'd2')]
  it.each<[string, Record<string, Answer>, number, string | undefined]>([
    ['nothing answered', {}, 0, 'a'],
    ['level and na count, unknown and open do not', { a: a({ ist: 1 }), b: a({ state: 'na' }), c: a({ state: 'unknown' }), d: a({ bedarf: 2 }) }, 2, 'c'],
    ['all answered', { a: a({ ist: 0 }), b: a({ ist: 4 }), c: a({ state: 'na' }), d: a({ ist: 2 }) }, 4, undefined],
    ['answers to unknown items are ignored', { zz: a({ ist: 2 }) }, 0, 'a'],
  ])('%s', (_n, answers, answered, first) => {
    expect(assessmentProgress(items, answers)).toEqual({ answered, total: 4, ratio: answered / 4 })
    expect(firstUnanswered(items, answers)?.id).toBe(first)
  })

  it('has ratio 0 with nothing to answer', () => {
    expect(assessmentProgress([], {})).toEqual({ answered: 0, total: 0, ratio: 0 })
  })

  it('isAnswered distinguishes the states', () => {
    expect([undefined, a({}), a({ ist: 0 }), a({ state: 'na' }), a({ state: 'unknown' })].map(isAnswered)).toEqual([false, false, true, true, false])
  })
})

describe('applicability and status', () => {
  const catalog = { dimensions: [{ id: 'd1' }], items: [item('a', 'd1'), item('b', 'd1', 'central')] } as Catalog
  it.each([
    ['specialist', ['a']],
    ['central', ['a', 'b']],
  ] as const)('%s departments get %j', (kind, ids) => {
    expect(applicableItems(catalog, kind).map((i) => i.id)).toEqual(ids)
  })
  it.each([
    ['not_started', 'in_progress'],
    ['in_progress', 'in_progress'],
    ['submitted', 'submitted'],
  ] as const)('%s → %s after an edit', (from, to) => {
    expect(statusAfterEdit(from)).toBe(to)
  })
})

describe('meanIstByDimension (first department result)', () => {
  const catalog = { dimensions: [{ id: 'd1' }, { id: 'd2' }, { id: 'd3' }] } as Catalog
  const items = [item('a', 'd1'), item('b', 'd1'), item('c', 'd2')]
  it('averages levels only and counts answered over respondents', () => {
    const result = meanIstByDimension(catalog, items, [
      { answers: { a: a({ ist: 1 }), b: a({ ist: 4 }), c: a({ state: 'na' }) } },
      { answers: { a: a({ ist: 2 }), b: a({ state: 'unknown' }) } },
    ])
    expect(result.get('d1')).toEqual({ mean: 7 / 3, answered: 3, total: 4 })
    expect(result.get('d2')).toEqual({ mean: null, answered: 1, total: 2 })
    expect(result.get('d3')).toEqual({ mean: null, answered: 0, total: 0 })
  })
})
