// Answer conflicts of replication (domain/sync/conflicts.ts): one stored form whichever device found
// the conflict, settled by any version that has seen both sides and more, shown from this device's
// point of view, and checked like imported data when it comes from the server.
import { describe, expect, it } from 'vitest'
import { applyDecisions, conflictKey, mergeAnswer, type AnswerConflict } from '@/domain/exchange/merge'
import { conflictFromHere, isSettled, syncConflictOf, validateSyncConflict, type StoredSyncConflict } from '@/domain/sync/conflicts'
import { bumpVector, joinVectors } from '@/domain/model/provenance'
import type { Answer } from '@/domain/model/types'
import { emptyData } from '@/domain/sync/plan'
import { at, makeAssessment, makeVersionedAnswer } from '../fixtures/backup-builders'

// Two devices changed i-1 after both had seen the base version; dev-b changed it later.
const a = makeVersionedAnswer('i-1', { base: 1, 'dev-a': 1 }, { ist: 3, updatedAt: at(5), updatedBy: 'Frau A' })
const b = makeVersionedAnswer('i-1', { base: 1, 'dev-b': 1 }, { ist: 4, updatedAt: at(6), updatedBy: 'Herr B' })
const provisional = mergeAnswer(a, b).answer
const found: AnswerConflict = { assessmentId: 'ass-1', itemId: 'i-1', local: a, incoming: b, winner: 'incoming' }
const stored = syncConflictOf(found, 'org-1')

describe('syncConflictOf', () => {
  it('the merge takes the later change with the history of both', () => {
    expect(mergeAnswer(a, b)).toEqual({ answer: { ...b, vv: { base: 1, 'dev-a': 1, 'dev-b': 1 }, rev: 2 }, outcome: 'conflict', winner: 'incoming' })
  })

  it('stored form: key, organisation, versions ordered by device id', () => {
    expect(stored).toEqual({ key: 'ass-1\u0000i-1', orgId: 'org-1', assessmentId: 'ass-1', itemId: 'i-1', versions: [a, b] })
    expect(stored.key).toBe(conflictKey(found))
  })

  it('the same stored form whichever side found it (local and incoming swapped)', () => {
    const other = syncConflictOf({ ...found, local: b, incoming: a, winner: 'local' }, 'org-1')
    expect(other).toEqual(stored)
    expect(JSON.stringify(other)).toBe(JSON.stringify(stored))
  })

  it.each<[string, Answer, Answer, [Answer, Answer]]>([
    ['device id first', b, a, [a, b]],
    [
      'same device: earlier time first',
      makeVersionedAnswer('i-1', { 'dev-a': 2 }, { ist: 1, updatedAt: at(9) }),
      makeVersionedAnswer('i-1', { 'dev-a': 1, x: 1 }, { ist: 2, updatedAt: at(2), deviceId: 'dev-a' }),
      [makeVersionedAnswer('i-1', { 'dev-a': 1, x: 1 }, { ist: 2, updatedAt: at(2), deviceId: 'dev-a' }), makeVersionedAnswer('i-1', { 'dev-a': 2 }, { ist: 1, updatedAt: at(9) })],
    ],
    [
      'same device and time: by values',
      makeVersionedAnswer('i-1', { 'dev-a': 1, y: 1 }, { ist: 4, deviceId: 'dev-a' }),
      makeVersionedAnswer('i-1', { 'dev-a': 1, x: 1 }, { ist: 1, deviceId: 'dev-a' }),
      [makeVersionedAnswer('i-1', { 'dev-a': 1, x: 1 }, { ist: 1, deviceId: 'dev-a' }), makeVersionedAnswer('i-1', { 'dev-a': 1, y: 1 }, { ist: 4, deviceId: 'dev-a' })],
    ],
  ])('order of versions: %s, in either order', (_, x, y, expected) => {
    expect(syncConflictOf({ ...found, local: x, incoming: y }, 'org-1').versions).toEqual(expected)
    expect(syncConflictOf({ ...found, local: y, incoming: x }, 'org-1').versions).toEqual(expected)
  })
})

describe('isSettled', () => {
  const decided = applyDecisions(
    { ...emptyData(), assessments: [makeAssessment({ answers: { 'i-1': provisional } })] },
    [found],
    { [conflictKey(found)]: 'mine' },
    { at: at(10), by: 'Frau A', deviceId: 'dev-a' },
    () => 'new',
  ).assessments[0]!.answers['i-1']!

  it.each<[string, Answer | undefined, boolean]>([
    ['answer missing (questionnaire or answer deleted)', undefined, true],
    ['the provisional join the merge wrote', provisional, false],
    ['one of the two versions', a, false],
    ['the other version', b, false],
    ['a later change on top of the join', { ...provisional, vv: bumpVector(provisional.vv, 'dev-c'), ist: 1 }, true],
    ['a later change on top of the join by one of the two', { ...provisional, vv: bumpVector(provisional.vv, 'dev-b') }, true],
    ['the decision written by applyDecisions', decided, true],
    ['a version concurrent to the join', makeVersionedAnswer('i-1', { base: 1, 'dev-c': 1 }, { ist: 0 }), false],
    ['a version that saw only one side and more', makeVersionedAnswer('i-1', { base: 1, 'dev-a': 2 }, { ist: 0 }), false],
    ['a version without history', makeVersionedAnswer('i-1', {}, { ist: 0, rev: 0 }), false],
  ])('%s → %s', (_, current, settled) => {
    expect(isSettled(stored, current)).toBe(settled)
  })

  it('the decision carries both histories and one more change of the deciding device', () => {
    expect(decided.vv).toEqual({ base: 1, 'dev-a': 2, 'dev-b': 1 })
    expect(decided.ist).toBe(3)
  })
})

describe('conflictFromHere', () => {
  it.each<{ name: string; deviceId: string; current: Answer | undefined; local: Answer; incoming: Answer; winner: 'local' | 'incoming' }>([
    { name: 'made here on dev-a: mine is dev-a, the merge took theirs', deviceId: 'dev-a', current: provisional, local: a, incoming: b, winner: 'incoming' },
    { name: 'made here on dev-b: mine is dev-b, the merge took mine', deviceId: 'dev-b', current: provisional, local: b, incoming: a, winner: 'local' },
    { name: 'a third device: "here" is what the merge took', deviceId: 'dev-c', current: provisional, local: b, incoming: a, winner: 'local' },
    { name: 'a third device, dev-a\'s values current', deviceId: 'dev-c', current: { ...provisional, ist: 3 }, local: a, incoming: b, winner: 'local' },
    { name: 'a third device, answer gone', deviceId: 'dev-c', current: undefined, local: a, incoming: b, winner: 'local' },
    { name: 'made here on dev-a, answer gone', deviceId: 'dev-a', current: undefined, local: a, incoming: b, winner: 'local' },
  ])('$name', ({ deviceId, current, local, incoming, winner }) => {
    expect(conflictFromHere(stored, deviceId, current)).toEqual({ assessmentId: 'ass-1', itemId: 'i-1', local, incoming, winner })
  })

  it('both versions from this device (e.g. a restored copy): the current values decide', () => {
    const x = makeVersionedAnswer('i-1', { 'dev-a': 1, p: 1 }, { ist: 1, updatedAt: at(1), deviceId: 'dev-a' })
    const y = makeVersionedAnswer('i-1', { 'dev-a': 1, q: 1 }, { ist: 2, updatedAt: at(2), deviceId: 'dev-a' })
    const c = syncConflictOf({ ...found, local: x, incoming: y }, 'org-1')
    expect(conflictFromHere(c, 'dev-a', { ...y, vv: joinVectors(x.vv, y.vv) })).toMatchObject({ local: y, incoming: x, winner: 'local' })
  })
})

describe('validateSyncConflict', () => {
  const raw = (over: Record<string, unknown> = {}): Record<string, unknown> => ({ ...(JSON.parse(JSON.stringify(stored)) as StoredSyncConflict), ...over })

  it.each<[string, Record<string, unknown>, string[]]>([
    ['valid', raw(), []],
    ['key missing', raw({ key: undefined }), ['key: invalid']],
    ['key empty', raw({ key: '' }), ['key: invalid']],
    ['orgId a number', raw({ orgId: 1 }), ['orgId: invalid']],
    ['assessmentId and itemId missing', raw({ assessmentId: undefined, itemId: undefined }), ['assessmentId: invalid', 'itemId: invalid', 'versions.0.itemId: keyMismatch', 'versions.1.itemId: keyMismatch']],
    ['key of another answer', raw({ key: 'ass-1\u0000i-2' }), ['key: keyMismatch']],
    ['versions missing', raw({ versions: undefined }), ['versions: invalid']],
    ['one version', raw({ versions: [a] }), ['versions: invalid']],
    ['three versions', raw({ versions: [a, b, a] }), ['versions: invalid']],
    ['versions an object', raw({ versions: { 0: a, 1: b } }), ['versions: invalid']],
    ['a version of another item', raw({ versions: [a, { ...b, itemId: 'i-2' }] }), ['versions.1.itemId: keyMismatch']],
    ['a version not an object', raw({ versions: [a, 'b'] }), ['versions.1: notAnObject']],
    ['a version with an unknown state', raw({ versions: [{ ...a, state: 'maybe' }, b] }), ['versions.0.state: invalidEnum']],
    ['a version without vv', raw({ versions: [a, { ...b, vv: undefined }] }), ['versions.1.vv: missing']],
    ['bad key and bad version', raw({ key: 'x', versions: [a, { ...b, rev: -1 }] }), ['key: keyMismatch', 'versions.1.rev: outOfRange']],
  ])('%s → %j', (_, record, problems) => {
    expect(validateSyncConflict(record)).toEqual(problems)
  })
})
