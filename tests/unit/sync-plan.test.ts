// The bridge between local records and the replication copy (domain/sync/plan.ts): what to write
// into the copy for one record (`planMirror`) and how the server's revisions are merged in
// (`mergeIncoming`). The property at the end is the core promise of issue 15: two devices that
// edited one questionnaire concurrently end with the same questionnaire, whichever merges first.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { applyAnswerPatch, type AnswerPatch } from '@/domain/model/answers'
import { mergeExchange } from '@/domain/exchange/merge'
import type { BackupData } from '@/domain/exchange/formats'
import { syncConflictOf, type StoredSyncConflict } from '@/domain/sync/conflicts'
import { absorbs, emptyData, mergeIncoming, planMirror, type IncomingDoc, type Leaf, type LocalView } from '@/domain/sync/plan'
import { ANSWER_VALUE_KEYS, type Answer, type Assessment, type Stamp } from '@/domain/model/types'
import { compareByTime, joinVectors } from '@/domain/model/provenance'
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
import { sortedState } from '../fixtures/merge-helpers'

const RUNS = { numRuns: Number(process.env.MERGE_RUNS ?? 300) }

const leaf = (rev: string, data: unknown, readable = true): Leaf & { readable: boolean } => ({ rev, data, readable })

/** ass-1 as every device starts: i-1 and i-2 answered on device 'base'. */
const base = (): Assessment =>
  makeAssessment({
    deviceId: 'base',
    answers: {
      'i-1': makeVersionedAnswer('i-1', { base: 1 }, { ist: 1 }),
      'i-2': makeVersionedAnswer('i-2', { base: 1 }, { ist: 1 }),
    },
  })

/** `a` with one answer changed by `deviceId` at `minutes` after T0 (as saveAnswer does). */
function edit(a: Assessment, itemId: string, patch: AnswerPatch, deviceId: string, minutes: number): Assessment {
  const stamp: Stamp = { at: at(minutes), by: deviceId, deviceId }
  return { ...a, answers: { ...a.answers, [itemId]: applyAnswerPatch(a.answers[itemId], itemId, patch, stamp) }, activityAt: stamp.at }
}

const values = (a: Answer | undefined) => (a ? Object.fromEntries(ANSWER_VALUE_KEYS.map((k) => [k, a[k]])) : undefined)

describe('planMirror', () => {
  const old = base()
  const newer = edit(old, 'i-1', { ist: 3 }, 'dev-a', 5)
  const theirs = edit(old, 'i-2', { ist: 4 }, 'dev-b', 6)
  const both = mergeIncoming({ ...emptyData(), assessments: [newer] }, [{ table: 'assessments', keyText: 'ass-1', leaves: [theirs] }]).state.assessments[0]!
  const tombLater = makeTombstone({ deletedAt: at(60), deviceId: 'dev-a' })
  const tombEarlier = makeTombstone({ deletedAt: at(1), deviceId: 'dev-a' })

  it.each<{ name: string; local: LocalView; leaves: (Leaf & { readable: boolean })[]; plan: ReturnType<typeof planMirror> }>([
    { name: 'no leaves, record here → put as a new document', local: { record: newer }, leaves: [], plan: { action: 'write', put: { parentRev: null, data: newer }, deleteRevs: [] } },
    { name: 'no leaves, gone with a tombstone → nothing', local: { record: undefined, tombstone: tombLater }, leaves: [], plan: { action: 'none' } },
    { name: 'no leaves, gone without a tombstone → nothing', local: { record: undefined }, leaves: [], plan: { action: 'none' } },
    { name: 'gone without a tombstone, leaves on the server → nothing deleted there', local: { record: undefined }, leaves: [leaf('3-a', newer), leaf('3-b', theirs)], plan: { action: 'none' } },
    { name: 'winner equal → nothing', local: { record: newer }, leaves: [leaf('2-a', structuredClone(newer))], plan: { action: 'none' } },
    { name: 'winner older and absorbed → put on the winner', local: { record: newer }, leaves: [leaf('1-a', old)], plan: { action: 'write', put: { parentRev: '1-a', data: newer }, deleteRevs: [] } },
    { name: 'a leaf with a newer answer not merged yet → defer', local: { record: newer }, leaves: [leaf('2-a', newer), leaf('2-b', theirs)], plan: { action: 'defer' } },
    { name: 'the winner newer than here → defer', local: { record: old }, leaves: [leaf('2-a', newer)], plan: { action: 'defer' } },
    { name: 'an unreadable leaf → defer', local: { record: newer }, leaves: [leaf('2-a', newer), leaf('2-b', { junk: true }, false)], plan: { action: 'defer' } },
    { name: 'two absorbed leaves → put on the winner, delete the other', local: { record: both }, leaves: [leaf('2-b', theirs), leaf('2-a', newer)], plan: { action: 'write', put: { parentRev: '2-b', data: both }, deleteRevs: ['2-a'] } },
    { name: 'winner equal, one other absorbed leaf → only the delete', local: { record: both }, leaves: [leaf('3-a', both), leaf('2-b', theirs)], plan: { action: 'write', put: null, deleteRevs: ['2-b'] } },
    { name: 'gone, tombstone newer than all leaves → delete every leaf', local: { record: undefined, tombstone: tombLater }, leaves: [leaf('2-a', newer), leaf('2-b', theirs)], plan: { action: 'write', put: null, deleteRevs: ['2-a', '2-b'] } },
    { name: 'gone, a leaf changed after the deletion → defer (it brings the record back)', local: { record: undefined, tombstone: tombEarlier }, leaves: [leaf('2-a', newer)], plan: { action: 'defer' } },
  ])('$name', ({ local, leaves, plan }) => {
    expect(planMirror('assessments', local, leaves)).toEqual(plan)
  })

  it('catalogues: stored here → absorbs any leaf (immutable); equal winner → nothing', () => {
    const c = makeCatalog()
    expect(planMirror('catalogs', { record: c }, [leaf('1-a', structuredClone(c))])).toEqual({ action: 'none' })
    expect(absorbs('catalogs', { record: undefined }, c)).toBe(false)
  })

  it('a leaf of another organisation does not block (it can never be taken in)', () => {
    const dep = makeDepartment()
    const foreign = makeDepartment({ orgId: 'org-2', updatedAt: at(10) })
    expect(absorbs('departments', { record: dep }, foreign)).toBe(true)
    expect(planMirror('departments', { record: dep }, [leaf('2-x', foreign)])).toEqual({ action: 'write', put: { parentRev: '2-x', data: dep }, deleteRevs: [] })
  })

  describe('conflict records', () => {
    const a = makeVersionedAnswer('i-1', { base: 1, 'dev-a': 1 }, { ist: 3, updatedAt: at(5), deviceId: 'dev-a' })
    const b = makeVersionedAnswer('i-1', { base: 1, 'dev-b': 1 }, { ist: 4, updatedAt: at(6), deviceId: 'dev-b' })
    const stored: StoredSyncConflict = syncConflictOf({ assessmentId: 'ass-1', itemId: 'i-1', local: a, incoming: b, winner: 'incoming' }, 'org-1')
    const provisional: Answer = { ...b, vv: joinVectors(a.vv, b.vv), rev: 2 }
    const decided: Answer = { ...a, vv: { base: 1, 'dev-a': 2, 'dev-b': 1 }, rev: 4, updatedAt: at(9) }

    it.each<{ name: string; local: LocalView; leaves: (Leaf & { readable: boolean })[]; plan: ReturnType<typeof planMirror> }>([
      { name: 'settled here, removed here → delete on the server', local: { record: undefined, answer: decided }, leaves: [leaf('1-a', stored)], plan: { action: 'write', put: null, deleteRevs: ['1-a'] } },
      { name: 'answer gone here → settled → delete', local: { record: undefined, answer: undefined }, leaves: [leaf('1-a', stored)], plan: { action: 'write', put: null, deleteRevs: ['1-a'] } },
      { name: 'unsettled, not known here yet → defer', local: { record: undefined, answer: provisional }, leaves: [leaf('1-a', stored)], plan: { action: 'defer' } },
      { name: 'unsettled, same record here → nothing', local: { record: stored, answer: provisional }, leaves: [leaf('1-a', structuredClone(stored))], plan: { action: 'none' } },
      { name: 'found here first → put', local: { record: stored, answer: provisional }, leaves: [], plan: { action: 'write', put: { parentRev: null, data: stored }, deleteRevs: [] } },
    ])('$name', ({ local, leaves, plan }) => {
      expect(planMirror('syncConflicts', local, leaves)).toEqual(plan)
    })
  })
})

describe('mergeIncoming', () => {
  const org = makeOrganisation({ deviceId: 'base' })
  const dataWith = (a: Assessment): BackupData => makeSmallData({ organisations: [org], assessments: [a] })

  it('two revisions changing different answers: both answers kept, no conflict', () => {
    const revA = edit(base(), 'i-1', { ist: 3 }, 'dev-a', 5)
    const revB = edit(base(), 'i-2', { ist: 4 }, 'dev-b', 6)
    const r = mergeIncoming(dataWith(base()), [{ table: 'assessments', keyText: 'ass-1', leaves: [revA, revB] }])
    expect(r.conflicts).toEqual([])
    expect(r.refused).toEqual([])
    const merged = r.state.assessments[0]!
    expect(merged.answers['i-1']).toEqual(revA.answers['i-1'])
    expect(merged.answers['i-2']).toEqual(revB.answers['i-2'])
    expect(merged.activityAt).toBe(at(6))
  })

  it('one answer changed concurrently to different values: one conflict, the later change taken', () => {
    const revA = edit(base(), 'i-1', { ist: 3 }, 'dev-a', 5)
    const revB = edit(base(), 'i-1', { ist: 4 }, 'dev-b', 6)
    const r = mergeIncoming(dataWith(revA), [{ table: 'assessments', keyText: 'ass-1', leaves: [revB] }])
    expect(r.conflicts).toEqual([{ assessmentId: 'ass-1', itemId: 'i-1', local: revA.answers['i-1'], incoming: revB.answers['i-1'], winner: 'incoming' }])
    expect(r.state.assessments[0]!.answers['i-1']).toEqual({ ...revB.answers['i-1'], vv: { base: 1, 'dev-a': 1, 'dev-b': 1 }, rev: 2 })
  })

  it('the same conflict found in two layers is reported once', () => {
    const revA = edit(base(), 'i-1', { ist: 3 }, 'dev-a', 5)
    const revB = edit(base(), 'i-1', { ist: 4 }, 'dev-b', 6)
    const r = mergeIncoming(dataWith(base()), [{ table: 'assessments', keyText: 'ass-1', leaves: [revA, revB] }])
    expect(r.conflicts.map((c) => [c.itemId, c.winner])).toEqual([['i-1', 'incoming']])
  })

  it('a layer with one record of another organisation: that document refused, the others merged', () => {
    const local = makeSmallData({ organisations: [org], departments: [makeDepartment()] })
    const foreign = makeAssessment({ orgId: 'org-2', updatedAt: at(3) })
    const renamed = makeDepartment({ name: 'Bürgeramt', updatedAt: at(4), rev: 2 })
    const round = makeRound({ name: 'Erhebung 2026', updatedAt: at(4), rev: 2 })
    const docs: IncomingDoc[] = [
      { table: 'assessments', keyText: 'ass-1', leaves: [foreign] },
      { table: 'departments', keyText: 'dep-1', leaves: [renamed] },
      { table: 'rounds', keyText: 'round-1', leaves: [round] },
    ]
    const r = mergeIncoming(local, docs)
    expect(r.refused).toEqual(['ass-1'])
    expect(r.state.departments).toEqual([renamed])
    expect(r.state.rounds).toEqual([round])
    expect(r.state.assessments).toEqual(local.assessments)
  })

  it('a catalogue that differs from the stored one under the same id and version is refused alone', () => {
    const c = makeCatalog()
    const other = makeCatalog({ title: { de: 'Anders', en: 'Other' } })
    const r = mergeIncoming({ ...emptyData(), catalogs: [c] }, [
      { table: 'catalogs', keyText: 'eigener-katalog\u00001.0.0', leaves: [other] },
      { table: 'organisations', keyText: 'org-1', leaves: [org] },
    ])
    expect(r.refused).toEqual(['eigener-katalog\u00001.0.0'])
    expect(r.state.catalogs).toEqual([c])
    expect(r.state.organisations).toEqual([org])
  })

  it('no documents → the base unchanged', () => {
    const b = dataWith(base())
    expect(mergeIncoming(b, [])).toEqual({ state: b, conflicts: [], refused: [] })
  })
})

// ---------------------------------------------------------------------------------------------
// Two replicas of one questionnaire
// ---------------------------------------------------------------------------------------------

const ITEMS = ['i-1', 'i-2', 'i-3', 'i-4'] as const
const patchArb: fc.Arbitrary<AnswerPatch> = fc.oneof(
  fc.integer({ min: 0, max: 4 }).map((ist) => ({ ist: ist as 0 | 1 | 2 | 3 | 4 })),
  fc.constantFrom<AnswerPatch>({ state: 'na' }, { state: 'unknown' }, { comment: 'x' }, { comment: 'y' }, { bedarf: 2 }, { bedarf: 4 }),
)
const editsArb = fc.array(fc.record({ item: fc.integer({ min: 0, max: ITEMS.length - 1 }), dt: fc.integer({ min: 0, max: 2 }), patch: patchArb }), { maxLength: 8 })

function start(): BackupData {
  const prov = { deviceId: 'base', updatedAt: T0 }
  return makeSmallData({
    organisations: [makeOrganisation(prov)],
    departments: [makeDepartment(prov)],
    rounds: [makeRound(prov)],
    assessments: [
      makeAssessment({
        ...prov,
        answers: { 'i-1': makeVersionedAnswer('i-1', { base: 1 }, prov), 'i-2': makeVersionedAnswer('i-2', { base: 1 }, { ...prov, state: 'na', ist: null }) },
      }),
    ],
  })
}

/** A replica after its edits: its state and which items it changed. */
function replica(deviceId: string, edits: readonly { item: number; dt: number; patch: AnswerPatch }[], clockStart: number): { state: BackupData; changed: Set<string> } {
  let a = start().assessments[0]!
  let clock = clockStart
  const changed = new Set<string>()
  for (const e of edits) {
    clock += e.dt
    const itemId = ITEMS[e.item]!
    a = edit(a, itemId, e.patch, deviceId, clock)
    changed.add(itemId)
  }
  return { state: { ...start(), assessments: [a] }, changed }
}

const docOf = (...leaves: Assessment[]): IncomingDoc[] => [{ table: 'assessments', keyText: 'ass-1', leaves }]

describe('two replicas converge (property)', () => {
  it('A merges B, B merges A: same questionnaire, one-sided changes kept, concurrent ones reported on both sides, idempotent', () => {
    fc.assert(
      fc.property(editsArb, editsArb, fc.integer({ min: 0, max: 3 }), (editsA, editsB, skew) => {
        const A = replica('dev-a', editsA, 1)
        const B = replica('dev-b', editsB, 1 + skew)
        const assA = A.state.assessments[0]!
        const assB = B.state.assessments[0]!

        const atA = mergeIncoming(A.state, docOf(assB))
        const atB = mergeIncoming(B.state, docOf(assA))
        expect(atA.refused).toEqual([])
        expect(atB.refused).toEqual([])
        // Convergence.
        expect(sortedState(atA.state)).toEqual(sortedState(atB.state))
        const merged = atA.state.assessments[0]!

        for (const itemId of ITEMS) {
          const ca = A.changed.has(itemId)
          const cb = B.changed.has(itemId)
          const got = merged.answers[itemId]
          if (ca && !cb) expect(got).toEqual(assA.answers[itemId])
          if (cb && !ca) expect(got).toEqual(assB.answers[itemId])
          if (!ca && !cb) expect(got).toEqual(start().assessments[0]!.answers[itemId])
          const ownA = assA.answers[itemId]
          const ownB = assB.answers[itemId]
          const differ = ca && cb && JSON.stringify(values(ownA)) !== JSON.stringify(values(ownB))
          const onA = atA.conflicts.filter((c) => c.itemId === itemId)
          const onB = atB.conflicts.filter((c) => c.itemId === itemId)
          expect(onA.length).toBe(differ ? 1 : 0)
          expect(onB.length).toBe(differ ? 1 : 0)
          if (ca && cb) {
            // The later change (time, then device id) is taken, with the history of both.
            const later = compareByTime(ownA!, ownB!) > 0 ? ownA! : ownB!
            expect(values(got)).toEqual(values(later))
            expect(got!.vv).toEqual(joinVectors(ownA!.vv, ownB!.vv))
          }
          if (differ) {
            // The same stored conflict, whichever side found it.
            expect(syncConflictOf(onA[0]!, 'org-1')).toEqual(syncConflictOf(onB[0]!, 'org-1'))
            expect(onA[0]!.winner).toBe(onB[0]!.winner === 'local' ? 'incoming' : 'local')
          }
        }

        // Both versions as two leaves of one document, either order, against a base without the
        // questionnaire and against each side's own version.
        const noRecord = { ...start(), assessments: [] }
        for (const [b, leaves] of [
          [noRecord, [assA, assB]],
          [noRecord, [assB, assA]],
          [A.state, [assA, assB]],
          [A.state, [assB, assA]],
          [B.state, [assB, assA]],
        ] as [BackupData, Assessment[]][]) {
          const r = mergeIncoming(b, docOf(...leaves))
          expect(sortedState(r.state)).toEqual(sortedState(atA.state))
          expect(r.conflicts.map((c) => c.itemId).sort()).toEqual(atA.conflicts.map((c) => c.itemId).sort())
        }

        // Idempotent: merging either version again changes nothing; the copy needs no new write.
        for (const again of [assA, assB, merged]) {
          const r = mergeExchange(atA.state, { ...emptyData(), assessments: [again] })
          expect(r.ok && r.changed).toBe(false)
          expect(mergeIncoming(atA.state, docOf(again)).state.assessments).toEqual(atA.state.assessments)
        }
        expect(planMirror('assessments', { record: merged }, [leaf('3-x', structuredClone(merged))])).toEqual({ action: 'none' })
        // With the two versions still on the server as leaves, the merged record goes on the winner and the other is deleted.
        expect(planMirror('assessments', { record: merged }, [leaf('2-a', assA), leaf('2-b', assB)])).toEqual(
          deepEq(merged, assA) ? { action: 'write', put: null, deleteRevs: ['2-b'] } : { action: 'write', put: { parentRev: '2-a', data: merged }, deleteRevs: ['2-b'] },
        )
      }),
      RUNS,
    )
  })
})

const deepEq = (a: unknown, b: unknown): boolean => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b))
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys)
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]))
  return v
}

describe('three concurrent revisions of one document (property)', () => {
  it('any order of the leaves gives the same questionnaire; afterwards every leaf is absorbed (no endless defer)', () => {
    fc.assert(
      fc.property(editsArb, editsArb, editsArb, fc.integer({ min: 0, max: 5 }), (ea, eb, ec, rot) => {
        const revs = [replica('dev-a', ea, 1), replica('dev-b', eb, 2), replica('dev-c', ec, 1)].map((r) => r.state.assessments[0]!)
        const orders = [
          [0, 1, 2],
          [0, 2, 1],
          [1, 0, 2],
          [1, 2, 0],
          [2, 0, 1],
          [2, 1, 0],
        ]
        const noRecord = { ...start(), assessments: [] }
        const results = orders.map((o) => mergeIncoming(noRecord, docOf(...o.map((i) => revs[i]!))))
        for (const r of results) expect(sortedState(r.state)).toEqual(sortedState(results[0]!.state))
        const merged = results[rot]!.state.assessments[0]!
        const leaves = orders[rot]!.map((i, j) => leaf(`2-${j}`, revs[i]))
        const plan = planMirror('assessments', { record: merged }, leaves)
        expect(plan.action).not.toBe('defer')
        // Every device that merged writes the same record on the same winner and deletes the same others.
        if (plan.action === 'write') expect(plan.deleteRevs).toEqual(['2-1', '2-2'])
        // Merging one replica's own version, then the others one by one, ends in the same place.
        const stepwise = mergeIncoming(mergeIncoming({ ...start(), assessments: [revs[0]!] }, docOf(revs[1]!)).state, docOf(revs[2]!))
        expect(sortedState(stepwise.state)).toEqual(sortedState(results[0]!.state))
      }),
      RUNS,
    )
  })
})
