/** Moving an answered round to another catalogue version (domain/catalog/migration.ts). */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { defaultMapping, migrateAnswers, migrateTargets, previewMigration, type ItemMapping } from '@/domain/catalog/migration'
import type { Answer, Catalog, ScaleDescription } from '@/domain/model/types'
import { levelAnswer, makeAssessment, makeCatalog, makeDimension, makeItem } from '../fixtures/builders'

const entry = (value: number): ScaleDescription => ({ value, label: { de: `S${value}` } })
const ZERO_TO_FOUR = [0, 1, 2, 3, 4].map(entry)
const YES_NO = [entry(0), entry(1)]

/** Version 1.0.0: a, b, c, d in dimensions x and y. */
const v1: Catalog = makeCatalog({
  version: '1.0.0',
  scales: { ist: ZERO_TO_FOUR },
  dimensions: [makeDimension({ id: 'x' }), makeDimension({ id: 'y' })],
  items: [makeItem({ id: 'a', dimensionId: 'x' }), makeItem({ id: 'b', dimensionId: 'x' }), makeItem({ id: 'c', dimensionId: 'y' }), makeItem({ id: 'd', dimensionId: 'y' })],
})
/** Version 2.0.0: b removed, c moved to x, d now a yes/no item, e new; y kept, z new. */
const v2: Catalog = makeCatalog({
  version: '2.0.0',
  scales: { ist: ZERO_TO_FOUR },
  answerScales: [{ id: 'yes-no', levels: YES_NO }],
  dimensions: [makeDimension({ id: 'x' }), makeDimension({ id: 'y' }), makeDimension({ id: 'z' })],
  items: [
    makeItem({ id: 'a', dimensionId: 'x' }),
    makeItem({ id: 'c', dimensionId: 'x' }),
    makeItem({ id: 'd', dimensionId: 'y', scale: 'yes-no' }),
    makeItem({ id: 'e', dimensionId: 'z' }),
  ],
})

const STAMP = { at: '2026-12-03T10:00:00.000Z', by: 'Beraterin', deviceId: 'dev-m' }

describe('default mapping', () => {
  it('keeps items the new version has under the same id and drops the others', () => {
    expect(defaultMapping(v1, v2)).toEqual({ a: 'a', b: null, c: 'c', d: 'd' })
  })

  it('follows the mapping the new version declares for the old one', () => {
    const declared = { ...v2, predecessors: [{ catalogVersion: '1.0.0', items: { a: 'a', b: 'e', c: null } }] }
    expect(defaultMapping(v1, declared)).toEqual({ a: 'a', b: 'e', c: null, d: 'd' })
  })

  it('never maps to an item the new version lacks', () => {
    const declared = { ...v2, predecessors: [{ catalogVersion: '1.0.0', items: { b: 'gone' } }] }
    expect(defaultMapping(v1, declared).b).toBeNull()
  })
})

describe('preview', () => {
  const assessments = [
    makeAssessment({ id: 'q1', answers: [levelAnswer('a', 2), levelAnswer('b', 1), levelAnswer('c', 3), levelAnswer('d', 4)] }),
    makeAssessment({ id: 'q2', answers: [levelAnswer('a', 1), levelAnswer('b', 0)] }),
  ]
  const preview = previewMigration(v1, v2, defaultMapping(v1, v2), { dimensionTargets: { x: 3, y: 2, w: 1 } }, assessments)

  it('counts what moves, what changes and what is lost', () => {
    expect(preview.counts).toEqual({ questionnaires: 2, kept: 4, renamed: 0, rescaled: 1, movedDimension: 1, lost: 2, targetsLost: 1 })
  })

  it('lists every old item and the new items nobody maps to', () => {
    expect(preview.items.map((i) => [i.from, i.to, i.answers, i.dimensionChanged, i.rescaled])).toEqual([
      ['a', 'a', 2, false, false],
      ['b', null, 2, false, false],
      ['c', 'c', 1, true, false],
      ['d', 'd', 1, false, true],
    ])
    expect(preview.newItems).toEqual(['e'])
  })

  it('counts the older of two answers mapped to one new item as lost', () => {
    const merged: ItemMapping = { a: 'a', b: 'a', c: 'c', d: 'd' }
    const older = levelAnswer('a', 2, { updatedAt: '2026-01-01T00:00:00.000Z' })
    const newer = levelAnswer('b', 4, { updatedAt: '2026-02-01T00:00:00.000Z' })
    const p = previewMigration(v1, v2, merged, { dimensionTargets: {} }, [makeAssessment({ answers: [older, newer] })])
    expect(p.items.find((i) => i.from === 'a')!.overwritten).toBe(1)
    expect(p.counts).toMatchObject({ kept: 1, renamed: 1, lost: 1 })
    const moved = migrateAnswers({ a: older, b: newer }, v1, v2, merged, STAMP)
    expect(Object.keys(moved)).toEqual(['a'])
    expect(moved.a).toMatchObject({ itemId: 'a', ist: 4, updatedAt: STAMP.at })
  })
})

describe('migrated answers', () => {
  const answers: Record<string, Answer> = {
    a: levelAnswer('a', 2),
    b: levelAnswer('b', 1),
    c: levelAnswer('c', 3, { bedarf: 4, comment: 'Akte' }),
    d: levelAnswer('d', 3, { target: 1 }),
    orphan: levelAnswer('orphan', 1),
  }
  const moved = migrateAnswers(answers, v1, v2, defaultMapping(v1, v2), STAMP)

  it('keeps unchanged answers as they are, drops dropped items and keeps answers the old catalogue does not know', () => {
    expect(Object.keys(moved).sort()).toEqual(['a', 'c', 'd', 'orphan'])
    expect(moved.a).toBe(answers.a)
    expect(moved.c).toBe(answers.c)
    expect(moved.orphan).toBe(answers.orphan)
  })

  it('moves Ist and target to a new scale in proportion and stamps the change', () => {
    // 3 of 0–4 → yes; target 1 of 0–4 → no.
    expect(moved.d).toMatchObject({ ist: 1, target: 0, rev: answers.d!.rev + 1, updatedBy: 'Beraterin', deviceId: 'dev-m' })
    expect(moved.d!.vv['dev-m']).toBe((answers.d!.vv['dev-m'] ?? 0) + 1)
  })

  it('moves round targets with their dimension', () => {
    expect(migrateTargets({ x: 3, y: 2, w: 1 }, v1, v2)).toEqual({ x: 3, y: 2 })
    const threeLevels = { ...v2, scales: { ist: [entry(0), entry(1), entry(2)] } }
    expect(migrateTargets({ x: 3, y: 1 }, v1, threeLevels)).toEqual({ x: 2, y: 1 })
  })
})

describe('property: nothing is invented, everything is accounted for', () => {
  it('kept + lost = answers on known items, and every migrated answer sits on an item of the new version', () => {
    const ids = ['a', 'b', 'c', 'd']
    const targets = ['a', 'c', 'd', 'e', null]
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...targets), { minLength: 4, maxLength: 4 }),
        fc.array(fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }), { minLength: 4, maxLength: 4 }),
        (mapped, levels) => {
          const mapping: ItemMapping = Object.fromEntries(ids.map((id, i) => [id, mapped[i]!]))
          const answers = Object.fromEntries(ids.flatMap((id, i) => (levels[i] === undefined ? [] : [[id, levelAnswer(id, levels[i]!, { updatedAt: `2026-01-0${i + 1}T00:00:00.000Z` })]])))
          const p = previewMigration(v1, v2, mapping, { dimensionTargets: {} }, [makeAssessment({ answers: Object.values(answers) })])
          const moved = migrateAnswers(answers, v1, v2, mapping, STAMP)
          const newIds = new Set(v2.items.map((i) => i.id))
          return (
            p.counts.kept + p.counts.lost === Object.keys(answers).length &&
            Object.keys(moved).length === p.counts.kept &&
            Object.values(moved).every((a) => newIds.has(a.itemId) && (a.ist === null || a.ist < (a.itemId === 'd' ? 2 : 5)))
          )
        },
      ),
    )
  })
})
