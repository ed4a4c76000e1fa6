// The merge of exchange files (src/domain/exchange/merge.ts): exact resulting records, counts, notes.
import { describe, expect, it } from 'vitest'
import type { BackupData } from '@/domain/exchange/formats'
import {
  applyDecisions,
  conflictKey,
  diffStates,
  mergeAnswer,
  mergeExchange,
  mergeFiles,
  type AnswerConflict,
  type AnswerCounts,
  type AnswerMerge,
  type ConflictDecision,
  type MergeCounts,
  type RecordCounts,
} from '@/domain/exchange/merge'
import { compareVectors } from '@/domain/model/provenance'
import type { Answer, Assessment, Stamp, Tombstone } from '@/domain/model/types'
import {
  T0,
  at,
  makeAssessment,
  makeCatalog,
  makeDepartment,
  makeOrganisation,
  makeRound,
  makeSmallData,
  makeTombstone,
  makeVersionedAnswer,
} from '../fixtures/backup-builders'
import { mergeOk, sortedState } from '../fixtures/merge-helpers'

const EMPTY: BackupData = { organisations: [], departments: [], rounds: [], assessments: [], catalogs: [], tombstones: [], agendas: [], agendaEvents: [], services: [] }

type CountsOver = { [K in Exclude<keyof MergeCounts, 'answers' | 'catalogs' | 'agendaEntries' | 'agendaEvents'>]?: Partial<RecordCounts> } & {
  answers?: Partial<AnswerCounts>
  catalogs?: Partial<MergeCounts['catalogs']>
  agendaEntries?: Partial<MergeCounts['agendaEntries']>
  agendaEvents?: Partial<MergeCounts['agendaEvents']>
}

/** Full counts: everything 0 except what is given. */
function counts(over: CountsOver = {}): MergeCounts {
  const rec = (o: Partial<RecordCounts> = {}): RecordCounts => ({ added: 0, updated: 0, unchanged: 0, deleted: 0, restored: 0, keptDeleted: 0, ...o })
  return {
    organisations: rec(over.organisations),
    departments: rec(over.departments),
    rounds: rec(over.rounds),
    assessments: rec(over.assessments),
    answers: { added: 0, updated: 0, unchanged: 0, conflicts: 0, ...over.answers },
    catalogs: { added: 0, unchanged: 0, ...over.catalogs },
    agendas: rec(over.agendas),
    agendaEntries: { added: 0, updated: 0, unchanged: 0, deleted: 0, restored: 0, keptDeleted: 0, conflicts: 0, ...over.agendaEntries },
    agendaEvents: { added: 0, unchanged: 0, ...over.agendaEvents },
    services: rec(over.services),
  }
}

const sorted = sortedState
const ok = mergeOk

// ---------------------------------------------------------------------------------------------
// mergeAnswer
// ---------------------------------------------------------------------------------------------

/** An answer to str-01 with the given history. */
const v = (vv: Record<string, number>, over: Partial<Answer> = {}) => makeVersionedAnswer('str-01', vv, over)

const BASE = v({ base: 1 }, { deviceId: 'base', ist: 2, updatedAt: T0 })
const A_LATER = v({ base: 1, 'dev-a': 2 }, { ist: 3, updatedAt: at(7), updatedBy: 'Herr A' })
const B_EARLIER = v({ base: 1, 'dev-b': 1 }, { ist: 1, updatedAt: at(5), updatedBy: 'Frau B' })
const NO_HISTORY_LATE = v({}, { ist: 4, updatedAt: at(9), deviceId: '', rev: 0 })

describe('mergeAnswer', () => {
  it.each<[string, Answer, Answer, AnswerMerge]>([
    [
      'incoming descends (its vector is after) → taken',
      BASE,
      B_EARLIER,
      { answer: B_EARLIER, outcome: 'updated', winner: 'incoming' },
    ],
    [
      'incoming descends but carries an earlier clock → still taken (history beats time)',
      A_LATER,
      v({ base: 1, 'dev-a': 2, 'dev-b': 1 }, { ist: 0, updatedAt: at(1), deviceId: 'dev-b' }),
      { answer: v({ base: 1, 'dev-a': 2, 'dev-b': 1 }, { ist: 0, updatedAt: at(1), deviceId: 'dev-b' }), outcome: 'updated', winner: 'incoming' },
    ],
    [
      'incoming descends with the same values (only its provenance changed) → taken, unchanged',
      BASE,
      v({ base: 1, 'dev-b': 1 }, { ist: 2, updatedAt: at(5) }),
      { answer: v({ base: 1, 'dev-b': 1 }, { ist: 2, updatedAt: at(5) }), outcome: 'unchanged', winner: 'incoming' },
    ],
    [
      'local descends → kept, even when the file’s copy is later in time',
      v({ base: 1, 'dev-a': 1 }, { ist: 3, updatedAt: at(1) }),
      v({ base: 1 }, { ist: 2, updatedAt: at(9), deviceId: 'base' }),
      { answer: v({ base: 1, 'dev-a': 1 }, { ist: 3, updatedAt: at(1) }), outcome: 'unchanged', winner: 'local' },
    ],
    ['equal content → unchanged', B_EARLIER, { ...B_EARLIER }, { answer: B_EARLIER, outcome: 'unchanged', winner: 'local' }],
    [
      'concurrent, different values, incoming later → conflict; incoming taken with both histories and the larger rev',
      B_EARLIER,
      A_LATER,
      { answer: { ...A_LATER, vv: { base: 1, 'dev-a': 2, 'dev-b': 1 }, rev: 3 }, outcome: 'conflict', winner: 'incoming' },
    ],
    [
      'concurrent, different values, local later → conflict; local kept with both histories',
      A_LATER,
      B_EARLIER,
      { answer: { ...A_LATER, vv: { base: 1, 'dev-a': 2, 'dev-b': 1 }, rev: 3 }, outcome: 'conflict', winner: 'local' },
    ],
    [
      'concurrent, equal values → unchanged (the later provenance, both histories)',
      v({ base: 1, 'dev-a': 1 }, { ist: 3, updatedAt: at(4) }),
      v({ base: 1, 'dev-b': 1 }, { ist: 3, updatedAt: at(6) }),
      { answer: v({ base: 1, 'dev-b': 1 }, { ist: 3, updatedAt: at(6), vv: { base: 1, 'dev-a': 1, 'dev-b': 1 } }), outcome: 'unchanged', winner: 'incoming' },
    ],
    [
      'concurrent at the same time → the higher device id wins (dev-b over dev-a)',
      v({ base: 1, 'dev-b': 1 }, { ist: 1, updatedAt: at(5) }),
      v({ base: 1, 'dev-a': 1 }, { ist: 4, updatedAt: at(5) }),
      { answer: v({ base: 1, 'dev-b': 1 }, { ist: 1, updatedAt: at(5), vv: { base: 1, 'dev-a': 1, 'dev-b': 1 } }), outcome: 'conflict', winner: 'local' },
    ],
    [
      'same time, other side as local → same winner',
      v({ base: 1, 'dev-a': 1 }, { ist: 4, updatedAt: at(5) }),
      v({ base: 1, 'dev-b': 1 }, { ist: 1, updatedAt: at(5) }),
      { answer: v({ base: 1, 'dev-b': 1 }, { ist: 1, updatedAt: at(5), vv: { base: 1, 'dev-a': 1, 'dev-b': 1 } }), outcome: 'conflict', winner: 'incoming' },
    ],
    [
      'local without history (format 1), later → kept, never a conflict',
      NO_HISTORY_LATE,
      B_EARLIER,
      { answer: { ...NO_HISTORY_LATE, vv: { base: 1, 'dev-b': 1 }, rev: 2 }, outcome: 'unchanged', winner: 'local' },
    ],
    [
      'incoming without history (format 1), later → taken, never a conflict',
      B_EARLIER,
      NO_HISTORY_LATE,
      { answer: { ...NO_HISTORY_LATE, vv: { base: 1, 'dev-b': 1 }, rev: 2 }, outcome: 'updated', winner: 'incoming' },
    ],
    [
      'incoming without history, earlier → local kept',
      A_LATER,
      v({}, { ist: 0, updatedAt: at(1), deviceId: '', rev: 0 }),
      { answer: A_LATER, outcome: 'unchanged', winner: 'local' },
    ],
    [
      'neither side with history → later wins',
      v({}, { ist: 1, updatedAt: at(1), deviceId: '', rev: 0 }),
      v({}, { ist: 2, updatedAt: at(2), deviceId: '', rev: 0 }),
      { answer: v({}, { ist: 2, updatedAt: at(2), deviceId: '', rev: 0 }), outcome: 'updated', winner: 'incoming' },
    ],
    [
      'equal vectors but different values (damaged data) → later wins, no conflict',
      v({ base: 1 }, { ist: 1, updatedAt: at(1) }),
      v({ base: 1 }, { ist: 2, updatedAt: at(2) }),
      { answer: v({ base: 1 }, { ist: 2, updatedAt: at(2) }), outcome: 'updated', winner: 'incoming' },
    ],
  ])('%s', (_name, local, incoming, expected) => {
    expect(mergeAnswer(local, incoming)).toEqual(expected)
  })

  it.each<[string, Answer, Answer]>([
    ['concurrent, different times', B_EARLIER, A_LATER],
    ['concurrent, same time', v({ base: 1, 'dev-b': 1 }, { ist: 1, updatedAt: at(5) }), v({ base: 1, 'dev-a': 1 }, { ist: 4, updatedAt: at(5) })],
    ['same time and device, different values', v({ base: 1 }, { ist: 1, updatedAt: at(5) }), v({ base: 1 }, { ist: 4, updatedAt: at(5) })],
    ['one side without history', NO_HISTORY_LATE, B_EARLIER],
    ['descendant', BASE, B_EARLIER],
  ])('gives the same answer whichever side is local: %s', (_name, x, y) => {
    expect(mergeAnswer(x, y).answer).toEqual(mergeAnswer(y, x).answer)
  })
})

// ---------------------------------------------------------------------------------------------
// mergeExchange
// ---------------------------------------------------------------------------------------------

describe('mergeExchange: new and changed records', () => {
  it('adds new records, questionnaires and catalogues and counts them', () => {
    const incoming = makeSmallData({ catalogs: [makeCatalog()] })
    const result = ok(mergeExchange(EMPTY, incoming))
    expect(result.state).toEqual(incoming)
    expect(result.counts).toEqual(
      counts({ organisations: { added: 1 }, departments: { added: 1 }, rounds: { added: 1 }, assessments: { added: 1 }, answers: { added: 2 }, catalogs: { added: 1 } }),
    )
    expect(result).toMatchObject({ conflicts: [], notes: [], changed: true })
  })

  it('finds nothing to do in the same data (all unchanged, not changed)', () => {
    const data = makeSmallData({ catalogs: [makeCatalog()] })
    const result = ok(mergeExchange(data, structuredClone(data)))
    expect(result.state).toEqual(data)
    expect(result.counts).toEqual(
      counts({ organisations: { unchanged: 1 }, departments: { unchanged: 1 }, rounds: { unchanged: 1 }, assessments: { unchanged: 1 }, answers: { unchanged: 2 }, catalogs: { unchanged: 1 } }),
    )
    expect(result.changed).toBe(false)
  })

  const renamed = { updatedBy: 'Frau B', deviceId: 'dev-b', rev: 2 }
  it.each([
    ['organisation', 'organisations', makeOrganisation({ name: 'Neu', updatedAt: at(5), ...renamed }), makeOrganisation({ name: 'Hier', updatedAt: at(3), rev: 2 })],
    ['department', 'departments', makeDepartment({ name: 'Neu', updatedAt: at(5), ...renamed }), makeDepartment({ name: 'Hier', updatedAt: at(3), rev: 2 })],
    ['round', 'rounds', makeRound({ name: 'Neu', updatedAt: at(5), ...renamed }), makeRound({ name: 'Hier', updatedAt: at(3), rev: 2 })],
  ] as const)('%s changed later in the file replaces the local one; an older one does not', (_kind, table, later, localChange) => {
    const local = makeSmallData()
    const incoming = makeSmallData({ [table]: [later] })
    const taken = ok(mergeExchange(local, incoming))
    expect(taken.state).toEqual({ ...local, [table]: [later] })
    expect(taken.counts[table]).toEqual({ ...counts().organisations, updated: 1 })

    const newerHere = makeSmallData({ [table]: [{ ...localChange, updatedAt: at(9) }] })
    const kept = ok(mergeExchange(newerHere, incoming))
    expect(kept.state).toEqual(newerHere)
    expect(kept.counts[table]).toEqual({ ...counts().organisations, unchanged: 1 })
    expect(kept.changed).toBe(false)
  })

  it('a record changed at the same time: the higher device id wins on both sides', () => {
    const a = makeOrganisation({ name: 'A', updatedAt: at(5), deviceId: 'dev-a', rev: 2 })
    const b = makeOrganisation({ name: 'B', updatedAt: at(5), deviceId: 'dev-b', rev: 2 })
    expect(ok(mergeExchange(makeSmallData({ organisations: [a] }), makeSmallData({ organisations: [b] }))).state.organisations).toEqual([b])
    expect(ok(mergeExchange(makeSmallData({ organisations: [b] }), makeSmallData({ organisations: [a] }))).state.organisations).toEqual([b])
  })
})

/**
 * One questionnaire on two devices. Both start from str-01 and str-02 (history { base: 1 }).
 * Device A changed str-01 and answered str-03; device B answered str-03, str-04 and str-05.
 */
const base01 = makeVersionedAnswer('str-01', { base: 1 }, { ist: 2, deviceId: 'base' })
const base02 = makeVersionedAnswer('str-02', { base: 1 }, { state: 'na', ist: null, deviceId: 'base' })
const a01 = makeVersionedAnswer('str-01', { base: 1, 'dev-a': 1 }, { ist: 4, updatedAt: at(2), updatedBy: 'Herr A' })
const a03 = makeVersionedAnswer('str-03', { 'dev-a': 1 }, { ist: 1, updatedAt: at(4), updatedBy: 'Herr A' })
const b03 = makeVersionedAnswer('str-03', { 'dev-b': 1 }, { ist: 2, updatedAt: at(3), updatedBy: 'Frau B' })
const b04 = makeVersionedAnswer('str-04', { 'dev-b': 1 }, { ist: 3, updatedAt: at(3), updatedBy: 'Frau B' })
const b05 = makeVersionedAnswer('str-05', { 'dev-b': 1 }, { state: 'unknown', ist: null, updatedAt: at(3), updatedBy: 'Frau B' })
const onA = makeAssessment({ answers: { 'str-01': a01, 'str-02': base02, 'str-03': a03 }, activityAt: at(4) })
const onB = makeAssessment({ answers: { 'str-01': base01, 'str-02': base02, 'str-03': b03, 'str-04': b04, 'str-05': b05 }, activityAt: at(3) })
const a03merged: Answer = { ...a03, vv: { 'dev-a': 1, 'dev-b': 1 } }
const CONFLICT: AnswerConflict = { assessmentId: 'ass-1', itemId: 'str-03', local: a03, incoming: b03, winner: 'local' }

describe('mergeExchange: questionnaires answer by answer', () => {
  it('keeps every answer of both devices and reports exactly the one concurrent change', () => {
    const result = ok(mergeExchange(makeSmallData({ assessments: [onA] }), makeSmallData({ assessments: [onB] })))
    expect(result.state).toEqual(
      makeSmallData({ assessments: [{ ...onA, answers: { 'str-01': a01, 'str-02': base02, 'str-03': a03merged, 'str-04': b04, 'str-05': b05 }, activityAt: at(4) }] }),
    )
    expect(result.counts).toEqual(
      counts({ organisations: { unchanged: 1 }, departments: { unchanged: 1 }, rounds: { unchanged: 1 }, assessments: { updated: 1 }, answers: { added: 2, unchanged: 2, conflicts: 1 } }),
    )
    expect(result.conflicts).toEqual([CONFLICT])
    expect(result.notes).toEqual([])
  })

  it('the other way round gives the same questionnaire (and the same conflict, seen from B)', () => {
    const result = ok(mergeExchange(makeSmallData({ assessments: [onB] }), makeSmallData({ assessments: [onA] })))
    expect(result.state.assessments).toEqual([{ ...onB, answers: { 'str-01': a01, 'str-02': base02, 'str-03': a03merged, 'str-04': b04, 'str-05': b05 }, activityAt: at(4) }])
    expect(result.counts.answers).toEqual({ added: 0, updated: 1, unchanged: 1, conflicts: 1 })
    expect(result.conflicts).toEqual([{ assessmentId: 'ass-1', itemId: 'str-03', local: b03, incoming: a03, winner: 'incoming' }])
  })

  const header = { updatedAt: at(6), updatedBy: 'Frau B', deviceId: 'dev-b', rev: 2 }
  it.each<[string, Partial<Assessment>]>([
    ['status', { status: 'submitted', submittedAt: at(6), ...header }],
    ['respondent', { respondent: 'Frau B', ...header }],
  ])('the later header change wins: %s', (_name, change) => {
    const local = makeSmallData()
    const later = makeAssessment(change)
    const taken = ok(mergeExchange(local, makeSmallData({ assessments: [later] })))
    expect(taken.state.assessments).toEqual([later])
    expect(taken.counts.assessments).toEqual({ ...counts().assessments, updated: 1 })

    const newerHere = makeSmallData({ assessments: [makeAssessment({ respondent: 'Hier', updatedAt: at(8), rev: 2 })] })
    const kept = ok(mergeExchange(newerHere, makeSmallData({ assessments: [later] })))
    expect(kept.state).toEqual(newerHere)
    expect(kept.changed).toBe(false)
  })

  it('keeps the earlier creation time and the later activity of both copies', () => {
    const local = makeSmallData({ assessments: [makeAssessment({ createdAt: at(1), activityAt: at(2) })] })
    const file = makeSmallData({ assessments: [makeAssessment({ createdAt: T0, activityAt: at(1) })] })
    const expected = [makeAssessment({ createdAt: T0, activityAt: at(2) })]
    expect(ok(mergeExchange(local, file)).state.assessments).toEqual(expected)
    expect(ok(mergeExchange(file, local)).state.assessments).toEqual(expected)
  })

  it('header and answers merge independently (header from the file, answers from here)', () => {
    const local = makeSmallData({ assessments: [onA] })
    const theirs = { ...onB, status: 'submitted' as const, submittedAt: at(6), ...header, activityAt: at(6) }
    const result = ok(mergeExchange(local, makeSmallData({ assessments: [theirs] })))
    expect(result.state.assessments).toEqual([
      { ...theirs, answers: { 'str-01': a01, 'str-02': base02, 'str-03': a03merged, 'str-04': b04, 'str-05': b05 } },
    ])
  })
})

// ---------------------------------------------------------------------------------------------
// Tombstones
// ---------------------------------------------------------------------------------------------

const deleted = (over: Partial<Tombstone> = {}) => makeTombstone({ deletedAt: at(10), deletedBy: 'Admin', deviceId: 'dev-a', ...over })
/** ass-1 with its last change (an answer) at `minutes`. */
const changedAt = (minutes: number) =>
  makeAssessment({ answers: { 'str-01': makeVersionedAnswer('str-01', { 'dev-b': 1 }, { updatedAt: at(minutes) }) }, activityAt: at(minutes) })
const unchangedParents = { organisations: { unchanged: 1 }, departments: { unchanged: 1 }, rounds: { unchanged: 1 } }

describe('mergeExchange: deletions', () => {
  it('a local deletion newer than the file’s questionnaire stays: keptDeleted, nothing added', () => {
    const local = makeSmallData({ assessments: [], tombstones: [deleted()] })
    const result = ok(mergeExchange(local, makeSmallData({ assessments: [changedAt(9)] })))
    expect(result.state).toEqual(local)
    expect(result.counts).toEqual(counts({ ...unchangedParents, assessments: { keptDeleted: 1 } }))
    expect(result.notes).toEqual([{ code: 'keptDeleted', kind: 'assessment', id: 'ass-1', deletedAt: at(10), deletedBy: 'Admin' }])
    expect(result.changed).toBe(false)
  })

  it('a questionnaire changed in the file after the local deletion comes back: restored, tombstone removed', () => {
    const local = makeSmallData({ assessments: [], tombstones: [deleted()] })
    const result = ok(mergeExchange(local, makeSmallData({ assessments: [changedAt(11)] })))
    expect(result.state).toEqual(makeSmallData({ assessments: [changedAt(11)], tombstones: [] }))
    expect(result.counts).toEqual(counts({ ...unchangedParents, assessments: { restored: 1 }, answers: { added: 1 } }))
    expect(result.notes).toEqual([{ code: 'restored', kind: 'assessment', id: 'ass-1', deletedAt: at(10), deletedBy: 'Admin' }])
  })

  it('a deletion in the file newer than the local questionnaire deletes it and is stored', () => {
    const local = makeSmallData({ assessments: [changedAt(9)] })
    const result = ok(mergeExchange(local, makeSmallData({ assessments: [], tombstones: [deleted()] })))
    expect(result.state).toEqual(makeSmallData({ assessments: [], tombstones: [deleted()] }))
    expect(result.counts).toEqual(counts({ ...unchangedParents, assessments: { deleted: 1 } }))
    expect(result.notes).toEqual([{ code: 'deleted', kind: 'assessment', id: 'ass-1', deletedAt: at(10), deletedBy: 'Admin' }])
  })

  it('a deletion in the file older than the local change does not delete it: keptNewer', () => {
    const local = makeSmallData({ assessments: [changedAt(11)] })
    const result = ok(mergeExchange(local, makeSmallData({ assessments: [], tombstones: [deleted()] })))
    expect(result.state).toEqual(local)
    expect(result.counts).toEqual(counts({ ...unchangedParents, assessments: { unchanged: 1 } }))
    expect(result.notes).toEqual([{ code: 'keptNewer', kind: 'assessment', id: 'ass-1', deletedAt: at(10), deletedBy: 'Admin' }])
    expect(result.changed).toBe(false)
  })

  it('a deletion of a record this device never had is just stored', () => {
    const local = makeSmallData()
    const t = deleted({ id: 'ass-9' })
    const result = ok(mergeExchange(local, { ...EMPTY, tombstones: [t] }))
    expect(result.state).toEqual({ ...local, tombstones: [t] })
    expect(result.counts).toEqual(counts())
    expect(result.notes).toEqual([])
    expect(result.changed).toBe(true)
  })

  it('of two deletions of the same record the later one is kept', () => {
    const local = makeSmallData({ assessments: [], tombstones: [deleted({ deletedAt: at(10) })] })
    const later = deleted({ deletedAt: at(12), deviceId: 'dev-b', deletedBy: 'Frau B' })
    expect(ok(mergeExchange(local, { ...EMPTY, tombstones: [later] })).state.tombstones).toEqual([later])
    const earlier = deleted({ deletedAt: at(8), deviceId: 'dev-b' })
    expect(ok(mergeExchange(local, { ...EMPTY, tombstones: [earlier] })).state.tombstones).toEqual(local.tombstones)
  })

  it.each<[string, BackupData, BackupData]>([
    ['deletion here, change in the file', makeSmallData({ assessments: [], tombstones: [deleted()] }), makeSmallData({ assessments: [changedAt(10)] })],
    ['change here, deletion in the file', makeSmallData({ assessments: [changedAt(10)] }), makeSmallData({ assessments: [], tombstones: [deleted()] })],
  ])('a deletion at the very time of the last change wins, whichever side holds it: %s', (_name, local, incoming) => {
    const result = ok(mergeExchange(local, incoming))
    expect(result.state).toEqual(makeSmallData({ assessments: [], tombstones: [deleted()] }))
  })

  describe('a local deletion of a container takes the file’s older records this device never saw', () => {
    const t = (id: string, kind: Tombstone['kind']) => makeTombstone({ id, kind, deletedAt: at(20), deletedBy: 'Admin', deviceId: 'dev-a' })
    // Device A deleted the organisation at +20; device B had added a department at +15 (and a
    // questionnaire in it at +15, and one at +25) that A never saw.
    const dep2 = makeDepartment({ id: 'dep-2', name: 'Bauamt', createdAt: at(15), updatedAt: at(15), deviceId: 'dev-b' })
    const early = makeAssessment({ id: 'ass-2', departmentId: 'dep-2', answers: {}, createdAt: at(15), updatedAt: at(15), activityAt: at(15), deviceId: 'dev-b' })
    const late = makeAssessment({ id: 'ass-3', answers: {}, createdAt: at(25), updatedAt: at(25), activityAt: at(25), deviceId: 'dev-b' })
    const onA: BackupData = { ...EMPTY, tombstones: [t('ass-1', 'assessment'), t('dep-1', 'department'), t('org-1', 'organisation'), t('round-1', 'round')] }

    it('without a later record: everything stays deleted, in both directions', () => {
      const onB = makeSmallData({ departments: [makeDepartment(), dep2], assessments: [makeAssessment(), early] })
      const expected = { ...EMPTY, tombstones: [t('ass-1', 'assessment'), t('ass-2', 'assessment'), t('dep-1', 'department'), t('dep-2', 'department'), t('org-1', 'organisation'), t('round-1', 'round')] }
      const ab = ok(mergeExchange(onA, onB))
      expect(sorted(ab.state)).toEqual(expected)
      expect(ab.counts).toEqual(counts({ organisations: { keptDeleted: 1 }, departments: { keptDeleted: 2 }, rounds: { keptDeleted: 1 }, assessments: { keptDeleted: 2 } }))
      expect(ab.notes.filter((n) => n.id === 'dep-2')).toEqual([{ code: 'keptDeleted', kind: 'department', id: 'dep-2', deletedAt: at(20), deletedBy: 'Admin' }])
      expect(sorted(ok(mergeExchange(onB, onA)).state)).toEqual(expected)
    })

    it('with a later questionnaire: it survives with its parents, the older one of the new department does not', () => {
      const onB = makeSmallData({ departments: [makeDepartment(), dep2], assessments: [makeAssessment(), early, late] })
      const expected = makeSmallData({ assessments: [late], tombstones: [t('ass-1', 'assessment'), t('ass-2', 'assessment'), t('dep-2', 'department')] })
      expect(sorted(ok(mergeExchange(onA, onB)).state)).toEqual(expected)
      expect(sorted(ok(mergeExchange(onB, onA)).state)).toEqual(expected)
    })
  })

  it('deleting an organisation deletes its older records; a questionnaire changed after the deletion survives and keeps its parents', () => {
    const dep2 = makeDepartment({ id: 'dep-2', name: 'Bauamt' })
    const survivor = makeAssessment({
      id: 'ass-2',
      departmentId: 'dep-2',
      answers: { 'str-01': makeVersionedAnswer('str-01', { 'dev-b': 1 }, { updatedAt: at(30) }) },
      activityAt: at(30),
    })
    const local = makeSmallData({ departments: [makeDepartment(), dep2], assessments: [makeAssessment(), survivor] })
    // The deleting device's file: the organisation and everything it took with it, at +20.
    const t = (id: string, kind: Tombstone['kind']) => makeTombstone({ id, kind, deletedAt: at(20), deletedBy: 'Admin', deviceId: 'dev-a' })
    const incoming = { ...EMPTY, tombstones: [t('org-1', 'organisation'), t('dep-1', 'department'), t('dep-2', 'department'), t('round-1', 'round'), t('ass-1', 'assessment'), t('ass-2', 'assessment')] }
    const result = ok(mergeExchange(local, incoming))
    expect(sorted(result.state)).toEqual({
      organisations: [makeOrganisation()],
      departments: [dep2],
      rounds: [makeRound()],
      assessments: [survivor],
      catalogs: [],
      tombstones: [t('ass-1', 'assessment'), t('dep-1', 'department')],
      agendas: [],
      agendaEvents: [],
      services: [],
    })
    expect(result.counts).toEqual(counts({ departments: { deleted: 1 }, assessments: { deleted: 1, unchanged: 1 } }))
    const note = (code: string, kind: string, id: string) => ({ code, kind, id, deletedAt: at(20), deletedBy: 'Admin' })
    expect(result.notes).toEqual([
      // A parent that comes back for its child gets one note ("parentRestored"), not also "deleted".
      note('deleted', 'department', 'dep-1'),
      note('deleted', 'assessment', 'ass-1'),
      note('keptNewer', 'assessment', 'ass-2'),
      note('parentRestored', 'round', 'round-1'),
      note('parentRestored', 'department', 'dep-2'),
      note('parentRestored', 'organisation', 'org-1'),
    ])
  })

  it('a questionnaire from the file that outlived a local deletion of its organisation brings the organisation back', () => {
    const t = (id: string, kind: Tombstone['kind']) => makeTombstone({ id, kind, deletedAt: at(20), deletedBy: 'Admin', deviceId: 'dev-a' })
    const local = { ...EMPTY, tombstones: [t('org-1', 'organisation'), t('dep-1', 'department'), t('round-1', 'round'), t('ass-1', 'assessment')] }
    const result = ok(mergeExchange(local, makeSmallData({ assessments: [changedAt(30)] })))
    expect(sorted(result.state)).toEqual(makeSmallData({ assessments: [changedAt(30)], tombstones: [] }))
    expect(result.counts).toEqual(
      counts({ organisations: { restored: 1 }, departments: { restored: 1 }, rounds: { restored: 1 }, assessments: { restored: 1 }, answers: { added: 1 } }),
    )
    expect(result.notes.map((n) => [n.code, n.id])).toEqual([
      ['restored', 'ass-1'],
      ['parentRestored', 'round-1'],
      ['parentRestored', 'dep-1'],
      ['parentRestored', 'org-1'],
    ])
  })
})

// ---------------------------------------------------------------------------------------------
// Refusals
// ---------------------------------------------------------------------------------------------

describe('mergeExchange: refusals (no state)', () => {
  /** A file of organisation org-2 whose `kind` record reuses an id that is org-1's here. */
  const foreign = {
    department: makeSmallData({
      organisations: [makeOrganisation({ id: 'org-2' })],
      departments: [makeDepartment({ id: 'dep-1', orgId: 'org-2' })],
      rounds: [makeRound({ id: 'round-2', orgId: 'org-2' })],
      assessments: [],
    }),
    round: makeSmallData({
      organisations: [makeOrganisation({ id: 'org-2' })],
      departments: [makeDepartment({ id: 'dep-2', orgId: 'org-2' })],
      rounds: [makeRound({ id: 'round-1', orgId: 'org-2' })],
      assessments: [],
    }),
    assessment: makeSmallData({
      organisations: [makeOrganisation({ id: 'org-2' })],
      departments: [makeDepartment({ id: 'dep-2', orgId: 'org-2' })],
      rounds: [makeRound({ id: 'round-2', orgId: 'org-2' })],
      assessments: [makeAssessment({ id: 'ass-1', orgId: 'org-2', roundId: 'round-2', departmentId: 'dep-2' })],
    }),
  }
  it.each(['department', 'round', 'assessment'] as const)('a %s id that belongs to another organisation here → merge.foreignId', (kind) => {
    const ids = { department: 'dep-1', round: 'round-1', assessment: 'ass-1' }
    expect(mergeExchange(makeSmallData(), foreign[kind])).toEqual({ ok: false, errors: [{ code: 'merge.foreignId', params: { kind, id: ids[kind] } }] })
  })

  it('a deletion of another organisation’s record → merge.foreignId', () => {
    const t = makeTombstone({ id: 'dep-1', kind: 'department', orgId: 'org-2' })
    expect(mergeExchange(makeSmallData(), { ...EMPTY, tombstones: [t] })).toEqual({ ok: false, errors: [{ code: 'merge.foreignId', params: { kind: 'department', id: 'dep-1' } }] })
  })

  it('a record whose id was deleted here, in another organisation → merge.foreignId', () => {
    const local = { ...EMPTY, tombstones: [makeTombstone({ id: 'dep-1', kind: 'department', orgId: 'org-1' })] }
    expect(mergeExchange(local, foreign.department)).toEqual({ ok: false, errors: [{ code: 'merge.foreignId', params: { kind: 'department', id: 'dep-1' } }] })
  })

  it.each([
    [
      'unknown organisation',
      makeSmallData({
        organisations: [makeOrganisation({ id: 'org-9', name: 'Fremde Gemeinde' })],
        departments: [makeDepartment({ id: 'dep-9', orgId: 'org-9' })],
        rounds: [makeRound({ id: 'round-9', orgId: 'org-9' })],
        assessments: [makeAssessment({ id: 'ass-9', orgId: 'org-9', roundId: 'round-9', departmentId: 'dep-9' })],
      }),
      [{ code: 'merge.unknownOrganisation', params: { name: 'Fremde Gemeinde' } }],
    ],
    [
      'unknown round',
      makeSmallData({ rounds: [makeRound({ id: 'round-9', name: 'Andere Runde' })], assessments: [makeAssessment({ id: 'ass-9', roundId: 'round-9' })] }),
      [{ code: 'merge.unknownRound', params: { name: 'Andere Runde' } }],
    ],
    [
      'unknown department',
      makeSmallData({ departments: [makeDepartment({ id: 'dep-9', name: 'Anderes Amt' })], assessments: [makeAssessment({ id: 'ass-9', departmentId: 'dep-9' })] }),
      [{ code: 'merge.unknownDepartment', params: { name: 'Anderes Amt' } }],
    ],
  ])('a return for something not known here (requireExisting): %s', (_name, file, errors) => {
    expect(mergeExchange(makeSmallData(), file, { requireExisting: true })).toEqual({ ok: false, errors })
  })

  it('a return for a new questionnaire of a known round and department is accepted', () => {
    const file = makeSmallData({ assessments: [makeAssessment({ id: 'ass-9' })] })
    const result = ok(mergeExchange(makeSmallData(), file, { requireExisting: true }))
    expect(sorted(result.state).assessments.map((a) => a.id)).toEqual(['ass-1', 'ass-9'])
  })

  it('a return for something deleted here is accepted (and stays deleted)', () => {
    const t = (id: string, kind: Tombstone['kind']) => makeTombstone({ id, kind, deletedAt: at(20) })
    const local = { ...EMPTY, tombstones: [t('org-1', 'organisation'), t('dep-1', 'department'), t('round-1', 'round'), t('ass-1', 'assessment')] }
    const result = ok(mergeExchange(local, makeSmallData(), { requireExisting: true }))
    expect(result.state).toEqual(local)
    expect(result.counts).toEqual(counts({ organisations: { keptDeleted: 1 }, departments: { keptDeleted: 1 }, rounds: { keptDeleted: 1 }, assessments: { keptDeleted: 1 } }))
  })

  it('a catalogue with the same id and version but other content → merge.catalogConflict', () => {
    const local = makeSmallData({ catalogs: [makeCatalog()] })
    const file = makeSmallData({ catalogs: [makeCatalog({ title: { de: 'Anders' } })] })
    expect(mergeExchange(local, file)).toEqual({ ok: false, errors: [{ code: 'merge.catalogConflict', params: { id: 'eigener-katalog', version: '1.0.0' } }] })
  })
})

// ---------------------------------------------------------------------------------------------
// applyDecisions
// ---------------------------------------------------------------------------------------------

describe('applyDecisions', () => {
  const STAMP: Stamp = { at: at(60), by: 'Moderation', deviceId: 'dev-m' }
  const merged = ok(mergeExchange(makeSmallData({ assessments: [onA] }), makeSmallData({ assessments: [onB] })))
  const mergedAssessment = merged.state.assessments[0]!
  const decide = (d: ConflictDecision, conflicts = merged.conflicts) =>
    applyDecisions(merged.state, conflicts, { [conflictKey(CONFLICT)]: d }, STAMP, () => 'ass-copy')
  /** The chosen version written again as a new change of the moderating device. */
  const rewritten = (chosen: Answer): Answer => ({ ...chosen, updatedAt: at(60), deviceId: 'dev-m', rev: 2, vv: { 'dev-a': 1, 'dev-b': 1, 'dev-m': 1 } })

  it.each<[ConflictDecision, Answer]>([
    ['mine', a03],
    ['theirs', b03],
  ])('%s: the chosen values as a new change that has seen both sides', (decision, chosen) => {
    const state = decide(decision)
    const expected = rewritten(chosen)
    expect(state).toEqual({ ...merged.state, assessments: [{ ...mergedAssessment, answers: { ...mergedAssessment.answers, 'str-03': expected }, activityAt: at(60) }] })
    expect(compareVectors(expected.vv, a03.vv)).toBe('after')
    expect(compareVectors(expected.vv, b03.vv)).toBe('after')
    // … so it wins on every device that merges it later, whichever version that device has.
    for (const other of [a03, b03, a03merged]) expect(mergeAnswer(other, expected)).toMatchObject({ answer: expected, winner: 'incoming' })
  })

  it('both: keeps mine and puts theirs into a second questionnaire named after its author', () => {
    const state = decide('both')
    expect(state.assessments).toEqual([
      { ...mergedAssessment, answers: { ...mergedAssessment.answers, 'str-03': rewritten(a03) }, activityAt: at(60) },
      {
        ...mergedAssessment,
        id: 'ass-copy',
        respondent: 'Frau B',
        role: 'respondent',
        answers: { 'str-03': b03 },
        createdAt: at(60),
        updatedAt: at(60),
        updatedBy: 'Moderation',
        deviceId: 'dev-m',
        rev: 1,
        activityAt: at(60),
      },
    ])
    expect({ ...state, assessments: [] }).toEqual({ ...merged.state, assessments: [] })
  })

  it('both, for two conflicts of one questionnaire: one copy holding both of theirs', () => {
    const a04 = makeVersionedAnswer('str-04', { 'dev-a': 1 }, { ist: 0, updatedAt: at(4), updatedBy: 'Herr A' })
    const two = ok(mergeExchange(makeSmallData({ assessments: [{ ...onA, answers: { ...onA.answers, 'str-04': a04 } }] }), makeSmallData({ assessments: [onB] })))
    expect(two.conflicts.map((c) => c.itemId)).toEqual(['str-03', 'str-04'])
    const decisions = Object.fromEntries(two.conflicts.map((c) => [conflictKey(c), 'both' as const]))
    let n = 0
    const state = applyDecisions(two.state, two.conflicts, decisions, STAMP, () => `copy-${++n}`)
    expect(state.assessments.map((a) => [a.id, a.respondent, Object.keys(a.answers).sort()])).toEqual([
      ['ass-1', 'Amtsleitung', ['str-01', 'str-02', 'str-03', 'str-04', 'str-05']],
      ['copy-1', 'Frau B', ['str-03', 'str-04']],
    ])
    expect(state.assessments[1]!.answers).toEqual({ 'str-03': b03, 'str-04': b04 })
  })

  it.each([
    ['the author is the respondent of the questionnaire', 'Amtsleitung', 'Amtsleitung (2)'],
    ['the author is not known', '', 'Amtsleitung (2)'],
  ])('both: a distinct name for the copy when %s', (_name, author, respondent) => {
    const conflict = { ...CONFLICT, incoming: { ...b03, updatedBy: author } }
    const copy = decide('both', [conflict]).assessments.find((a) => a.id === 'ass-copy')!
    expect(copy.respondent).toBe(respondent)
    expect(copy.answers['str-03']!.updatedBy).toBe(author === '' ? 'Amtsleitung (2)' : author)
  })

  it('auto (or no decision) changes nothing', () => {
    expect(decide('auto')).toEqual(merged.state)
    expect(applyDecisions(merged.state, merged.conflicts, {}, STAMP, () => 'ass-copy')).toEqual(merged.state)
  })
})

// ---------------------------------------------------------------------------------------------
// diffStates, mergeFiles
// ---------------------------------------------------------------------------------------------

describe('diffStates', () => {
  it('lists exactly what to put and what to remove', () => {
    const oldTomb = makeTombstone({ id: 'ass-old' })
    const newTomb = makeTombstone({ id: 'ass-1', deletedAt: at(5) })
    const before = makeSmallData({ departments: [makeDepartment(), makeDepartment({ id: 'dep-2' })], catalogs: [makeCatalog()], tombstones: [oldTomb] })
    const renamed = makeOrganisation({ name: 'Neu', updatedAt: at(5), rev: 2 })
    const round2 = makeRound({ id: 'round-2' })
    const catalog2 = makeCatalog({ version: '2.0.0' })
    const after: BackupData = {
      organisations: [renamed],
      departments: [makeDepartment()],
      rounds: [makeRound(), round2],
      assessments: [],
      catalogs: [makeCatalog(), catalog2],
      tombstones: [newTomb],
      agendas: [],
      agendaEvents: [],
      services: [],
    }
    expect(diffStates(before, after)).toEqual({
      put: { organisations: [renamed], departments: [], rounds: [round2], assessments: [], catalogs: [catalog2], tombstones: [newTomb], agendas: [], agendaEvents: [], services: [] },
      remove: { organisations: [], departments: ['dep-2'], rounds: [], assessments: ['ass-1'], tombstones: ['ass-old'], agendas: [], agendaEvents: [], services: [] },
    })
  })

  it('is empty for equal states, whatever the order of keys and records', () => {
    const data = makeSmallData({ departments: [makeDepartment(), makeDepartment({ id: 'dep-2' })] })
    const shuffled = { ...data, departments: [...data.departments].reverse(), organisations: data.organisations.map((o) => Object.fromEntries(Object.entries(o).reverse()) as typeof o) }
    expect(diffStates(data, shuffled)).toEqual({
      put: { organisations: [], departments: [], rounds: [], assessments: [], catalogs: [], tombstones: [], agendas: [], agendaEvents: [], services: [] },
      remove: { organisations: [], departments: [], rounds: [], assessments: [], tombstones: [], agendas: [], agendaEvents: [], services: [] },
    })
  })
})

describe('mergeFiles', () => {
  const ass2 = makeAssessment({ id: 'ass-2', respondent: 'Zweite' })
  const ass3 = makeAssessment({ id: 'ass-3', respondent: 'Dritte' })
  const file1 = makeSmallData({ assessments: [ass2] })
  const file2 = makeSmallData({ assessments: [ass2, ass3] })

  it('folds the files in order; each file’s counts are against the state the files before left', () => {
    const { state, results } = mergeFiles(makeSmallData(), [{ data: file1 }, { data: file2, options: { requireExisting: true } }])
    expect(sorted(state).assessments).toEqual([makeAssessment(), ass2, ass3])
    expect(results.map((r) => ok(r).counts.assessments)).toEqual([
      { ...counts().assessments, added: 1 },
      { ...counts().assessments, added: 1, unchanged: 1 },
    ])
  })

  it('skips a file with an error and applies the others', () => {
    const bad = makeSmallData({ departments: [makeDepartment({ id: 'dep-1', orgId: 'org-2' })], organisations: [makeOrganisation({ id: 'org-2' })], rounds: [], assessments: [] })
    const { state, results } = mergeFiles(makeSmallData(), [{ data: file1 }, { data: bad }, { data: file2 }])
    expect(results.map((r) => r.ok)).toEqual([true, false, true])
    expect(results[1]).toEqual({ ok: false, errors: [{ code: 'merge.foreignId', params: { kind: 'department', id: 'dep-1' } }] })
    expect(sorted(state)).toEqual(sorted(makeSmallData({ assessments: [makeAssessment(), ass2, ass3] })))
  })

  it('order of files: with a deletion in between, an edit made before the deletion survives in one order only', () => {
    // A known limit of merging whole records against tombstones (see merge-properties.test.ts):
    // A changed str-02 at +1, B deleted the questionnaire at +2, C changed str-01 at +3.
    const a02 = makeVersionedAnswer('str-02', { base: 1, 'dev-a': 1 }, { comment: 'von A', updatedAt: at(1) })
    const c01 = makeVersionedAnswer('str-01', { base: 1, 'dev-c': 1 }, { ist: 4, updatedAt: at(3) })
    const onA = makeSmallData({ assessments: [makeAssessment({ answers: { 'str-01': base01, 'str-02': a02 }, activityAt: at(1) })] })
    const onB = makeSmallData({ assessments: [], tombstones: [makeTombstone({ deletedAt: at(2), deviceId: 'dev-b' })] })
    const onC = makeSmallData({ assessments: [makeAssessment({ answers: { 'str-01': c01, 'str-02': base02 }, activityAt: at(3) })] })
    // B first: A's version is deleted (changed before the deletion), C's brings the questionnaire back.
    expect(mergeFiles(onA, [{ data: onB }, { data: onC }]).state.assessments).toEqual(onC.assessments)
    // C first: A's and C's versions merge (last change +3), which the deletion at +2 does not beat.
    expect(mergeFiles(onA, [{ data: onC }, { data: onB }]).state.assessments).toEqual([
      makeAssessment({ answers: { 'str-01': c01, 'str-02': a02 }, activityAt: at(3) }),
    ])
  })

  it('order of files: with clocks that disagree, a concurrent answer can depend on the order', () => {
    // A known limit (see merge-properties.test.ts): C (clock ahead) set Ist 1 at +5; B saw it and
    // overwrote it with Ist 2, stamped +1 (clock behind); A set Ist 3 at +3 without seeing either.
    const c01 = makeVersionedAnswer('str-01', { base: 1, 'dev-c': 1 }, { ist: 1, updatedAt: at(5) })
    const b01 = makeVersionedAnswer('str-01', { base: 1, 'dev-c': 1, 'dev-b': 1 }, { ist: 2, updatedAt: at(1) })
    const a01 = makeVersionedAnswer('str-01', { base: 1, 'dev-a': 1 }, { ist: 3, updatedAt: at(3) })
    const file = (answer: Answer) => makeSmallData({ assessments: [makeAssessment({ answers: { 'str-01': answer } })] })
    const ist = (files: BackupData[]) => mergeFiles(file(a01), files.map((data) => ({ data }))).state.assessments[0]!.answers['str-01']!.ist
    // B first: A (+3) beats B (+1); C is older than the result. C first: C (+5) beats A, then B (+1)
    // loses against C's provenance although B had already overwritten C.
    expect([ist([file(b01), file(c01)]), ist([file(c01), file(b01)])]).toEqual([3, 1])
  })

  it('no files: the local state, no results', () => {
    const local = makeSmallData()
    expect(mergeFiles(local, [])).toEqual({ state: local, results: [] })
  })
})
