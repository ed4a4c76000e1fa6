// One spelling per rule (src/domain/model): catalogue key, applicability, answer fields, answer counts.
import { describe, expect, it } from 'vitest'
import { answerValues, copyAnswer, countAnswers } from '@/domain/model/answers'
import { applicableItems, appliesTo, askedItems, indexCatalog } from '@/domain/model/catalog-index'
import { catalogKey, catalogRefKey } from '@/domain/model/keys'
import { ANSWER_KEYS, ANSWER_VALUE_KEYS, type Answer, type Applicability, type DepartmentKind } from '@/domain/model/types'
import { makeAnswer, makeCatalog, makeDimension, makeItem } from '../fixtures/builders'

describe('catalogKey', () => {
  it.each([
    ['dc-kommune', '1.0.0', 'dc-kommune\u00001.0.0'],
    ['musterstadt-eigen', '2.1.0', 'musterstadt-eigen\u00002.1.0'],
    ['', '', '\u0000'],
  ])('catalogKey(%j, %j)', (id, version, key) => {
    expect(catalogKey(id, version)).toBe(key)
    expect(catalogRefKey({ catalogId: id, catalogVersion: version })).toBe(key)
  })

  it.each([
    [['a@b', 'c'], ['a', 'b@c']],
    [['a', '1.0.0'], ['a', '1.0.00']],
    [['a.b', '1'], ['a', 'b.1']],
  ])('keeps %j and %j apart (ids or versions containing @ or dots)', ([idA, versionA], [idB, versionB]) => {
    expect(catalogKey(idA!, versionA!)).not.toBe(catalogKey(idB!, versionB!))
  })

  it('is the key of a round pinning the catalogue (same id and version, same key)', () => {
    const round = { catalogId: 'dc-kommune', catalogVersion: '1.0.0', name: 'Runde 2025' }
    expect(catalogRefKey(round)).toBe(catalogKey('dc-kommune', '1.0.0'))
  })
})

describe('appliesTo', () => {
  it.each<[Applicability, DepartmentKind, boolean]>([
    ['all', 'central', true],
    ['all', 'specialist', true],
    ['central', 'central', true],
    ['central', 'specialist', false],
  ])('item %s, department %s → %s', (applicability, kind, expected) => {
    expect(appliesTo({ appliesTo: applicability }, { kind })).toBe(expected)
  })

  const catalog = makeCatalog({
    dimensions: [makeDimension({ id: 'A' }), makeDimension({ id: 'B' })],
    items: [
      makeItem({ id: 'a1', dimensionId: 'A' }),
      makeItem({ id: 'c1', dimensionId: 'A', appliesTo: 'central' }),
      makeItem({ id: 'b1', dimensionId: 'B' }),
      makeItem({ id: 'x1', dimensionId: 'unknown' }),
      makeItem({ id: 'c2', dimensionId: 'B', appliesTo: 'central' }),
      makeItem({ id: 'a1', dimensionId: 'B', appliesTo: 'central' }),
    ],
  })

  it.each<[DepartmentKind, string[], string[]]>([
    // The questionnaire lists every item that applies, by dimension, then catalogue order (duplicates
    // included, unknown dimensions last).
    ['central', ['a1', 'c1', 'b1', 'c2', 'a1', 'x1'], ['a1', 'c1', 'b1', 'c2']],
    // Scoring asks only scorable items: first of duplicate ids, known dimension.
    ['specialist', ['a1', 'b1', 'x1'], ['a1', 'b1']],
  ])('%s department: questionnaire %j, scored %j', (kind, questionnaire, scored) => {
    expect(applicableItems(catalog, kind).map((i) => i.id)).toEqual(questionnaire)
    const asked = askedItems(indexCatalog(catalog), { kind })
    expect(asked.items.map((i) => i.id)).toEqual(scored)
    expect([...asked.position]).toEqual(scored.map((id, i) => [id, i]))
  })

  it('an item listed after another dimension’s items still comes with its own dimension', () => {
    const moved = makeCatalog({
      dimensions: [makeDimension({ id: 'A' }), makeDimension({ id: 'B' })],
      items: [makeItem({ id: 'b1', dimensionId: 'B' }), makeItem({ id: 'a1', dimensionId: 'A' }), makeItem({ id: 'b2', dimensionId: 'B' }), makeItem({ id: 'a2', dimensionId: 'A' })],
    })
    expect(applicableItems(moved, 'specialist').map((i) => i.id)).toEqual(['a1', 'a2', 'b1', 'b2'])
  })

  it('keeps the index fields that name the two kinds', () => {
    const idx = indexCatalog(catalog)
    expect(idx.centralItems).toBe(idx.asked.central.items)
    expect(idx.allItems).toBe(idx.asked.specialist.items)
  })
})

describe('answer fields', () => {
  const answer: Answer = makeAnswer({ itemId: 'i1', state: 'level', ist: 2, bedarf: 3, potenzial: null, target: 4, comment: 'x', vv: { z: 1, a: 2 } })

  it('ANSWER_KEYS lists every field of an answer in declaration order', () => {
    expect(ANSWER_KEYS).toEqual(['itemId', 'state', 'ist', 'bedarf', 'potenzial', 'target', 'comment', 'updatedAt', 'updatedBy', 'deviceId', 'rev', 'vv'])
    expect(ANSWER_VALUE_KEYS.every((k) => (ANSWER_KEYS as readonly string[]).includes(k))).toBe(true)
  })

  it('copyAnswer keeps exactly ANSWER_KEYS, in that order, with the vector sorted', () => {
    const copy = copyAnswer({ ...answer, extra: 'dropped' } as Answer)
    expect(Object.keys(copy)).toEqual([...ANSWER_KEYS])
    expect(Object.keys(copy.vv)).toEqual(['a', 'z'])
    expect(copy).toEqual(answer)
    expect(copy.vv).not.toBe(answer.vv)
  })

  it('answerValues keeps the statement fields only', () => {
    expect(answerValues(answer)).toEqual({ state: 'level', ist: 2, bedarf: 3, potenzial: null, target: 4, comment: 'x' })
  })
})

describe('countAnswers', () => {
  it.each([
    ['no assessments', [], 0],
    ['one empty questionnaire', [{}], 0],
    ['open, n/a and unknown answers all count', [{ a: makeAnswer({ itemId: 'a', state: 'level', ist: null }), b: makeAnswer({ itemId: 'b', state: 'na', ist: null }) }, { c: makeAnswer({ itemId: 'c', state: 'unknown', ist: null }) }], 3],
  ] as const)('%s → %i', (_name, answers, expected) => {
    expect(countAnswers(answers.map((a) => ({ answers: a })))).toBe(expected)
  })
})
