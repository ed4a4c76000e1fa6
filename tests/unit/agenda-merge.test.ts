// Merge of two copies of an agenda: header, entries by version vector (conflicts), entry tombstones,
// status histories as unions; the user's decisions; and properties over random histories of three
// devices (commutative, idempotent, status always the latest event's, no event lost, no deletion
// undone by an older change). AGENDA_MERGE_RUNS=20000 runs more cases locally.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { newEntry, removeEntry, updateAgendaHeader, updateEntry } from '@/domain/agenda/edit'
import { applyAgendaDecisions, canonicalCopy, mergeAgenda, mergeEntry, unionHistory, type AgendaConflictDecision, type AgendaCopy, type AgendaMergeResult } from '@/domain/agenda/merge'
import { changeStatus, latestEvents } from '@/domain/agenda/status'
import { AGENDA_STATUSES, type Agenda, type AgendaEntry, type AgendaStatus, type StatusEvent } from '@/domain/agenda/types'
import { validateAgenda } from '@/domain/agenda/validate'
import type { ConflictDecision } from '@/domain/exchange/merge'
import { makeAgenda, makeEntry, makeEvent, stampAt } from '../fixtures/agenda-builders'

const T1 = '2025-02-01T10:00:00.000Z'
const T2 = '2025-02-02T10:00:00.000Z'
const T3 = '2025-02-03T10:00:00.000Z'
const T4 = '2025-02-04T10:00:00.000Z'

function ok(r: AgendaMergeResult): Extract<AgendaMergeResult, { ok: true }> {
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r
}
const copy = (agenda: Agenda, history: StatusEvent[] = []): AgendaCopy => ({ agenda, history })
const base = () => makeAgenda({ entries: [makeEntry({ id: 'e-1', order: 1 }), makeEntry({ id: 'e-2', order: 2 })] })
const entryOf = (a: Agenda, id: string) => a.entries.find((e) => e.id === id)

// The decision type mirrors the exchange merge's: `npm run typecheck` fails here if they drift apart.
type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false
const decisionsAgree: Equal<AgendaConflictDecision, ConflictDecision> = true
void decisionsAgree

describe('mergeAgenda: tables', () => {
  it('two identical copies: nothing changes', () => {
    const r = ok(mergeAgenda(copy(base()), copy(base())))
    expect(r.changed).toBe(false)
    expect(r.counts).toEqual({ header: 'unchanged', entries: { added: 0, updated: 0, unchanged: 2, deleted: 0, restored: 0, keptDeleted: 0, conflicts: 0 }, events: { added: 0, unchanged: 0 } })
    expect(r.conflicts).toEqual([])
  })

  it('header: the later change wins; the earlier creation time is kept', () => {
    const mine = updateAgendaHeader(base(), { version: '1.1' }, stampAt(T1, 'dev-a'))
    const theirs = updateAgendaHeader({ ...base(), createdAt: '2025-01-01T00:00:00.000Z' }, { name: 'Digitalstrategie 2025–2034' }, stampAt(T2, 'dev-b'))
    const r = ok(mergeAgenda(copy(mine), copy(theirs)))
    expect([r.agenda.name, r.agenda.version, r.agenda.updatedAt, r.agenda.deviceId, r.agenda.createdAt, r.counts.header]).toEqual([
      'Digitalstrategie 2025–2034',
      '1.0',
      T2,
      'dev-b',
      '2025-01-01T00:00:00.000Z',
      'updated',
    ])
    // Same time: the device id decides, the same way on both sides.
    const x = updateAgendaHeader(base(), { version: 'X' }, stampAt(T1, 'dev-x'))
    const y = updateAgendaHeader(base(), { version: 'Y' }, stampAt(T1, 'dev-y'))
    expect([ok(mergeAgenda(copy(x), copy(y))).agenda.version, ok(mergeAgenda(copy(y), copy(x))).agenda.version]).toEqual(['Y', 'Y'])
    // Same provenance with other values (never written by the app): the values decide, on both sides.
    const z = updateAgendaHeader(base(), { version: 'Z' }, stampAt(T1, 'dev-y'))
    expect([ok(mergeAgenda(copy(z), copy(y))).agenda.version, ok(mergeAgenda(copy(y), copy(z))).agenda.version]).toEqual(['Z', 'Z'])
  })

  it('entries: added, kept, updated when the file has seen ours, kept when we have seen the file', () => {
    const b = base()
    const newer = updateEntry(entryOf(b, 'e-1')!, { note: 'aus der Datei' }, stampAt(T1, 'dev-b'))
    const ahead = updateEntry(entryOf(b, 'e-2')!, { note: 'hier weiter' }, stampAt(T2, 'dev-a'))
    const mine = { ...b, entries: [entryOf(b, 'e-1')!, ahead, makeEntry({ id: 'e-3', order: 3 })] }
    const theirs = { ...b, entries: [newer, entryOf(b, 'e-2')!, makeEntry({ id: 'e-4', order: 4, deviceId: 'dev-b', vv: { 'dev-b': 1 } })] }
    const r = ok(mergeAgenda(copy(mine), copy(theirs)))
    expect(r.agenda.entries.map((e) => [e.id, e.note, e.rev])).toEqual([
      ['e-1', 'aus der Datei', 2],
      ['e-2', 'hier weiter', 2],
      ['e-3', '', 1],
      ['e-4', '', 1],
    ])
    expect(r.counts.entries).toEqual({ added: 1, updated: 1, unchanged: 2, deleted: 0, restored: 0, keptDeleted: 0, conflicts: 0 })
    expect(r.changed).toBe(true)
  })

  it('concurrent edits of one entry: a conflict, the later change taken provisionally with both histories', () => {
    const e = makeEntry({ id: 'e-1', vv: { base: 1 }, deviceId: 'base' })
    // A edits twice (rev 3), B once but later (rev 2): B's values, the higher revision, both histories.
    const a = updateEntry(updateEntry(e, { budgetEstimate: 40000 }, stampAt('2025-01-31T10:00:00.000Z', 'dev-a')), { budgetEstimate: 50000 }, stampAt(T1, 'dev-a'))
    const b = updateEntry(e, { budgetEstimate: 80000, note: 'Angebot liegt vor' }, stampAt(T2, 'dev-b'))
    expect(mergeEntry(a, b)).toEqual({ entry: { ...b, vv: { base: 1, 'dev-a': 2, 'dev-b': 1 }, rev: 3 }, outcome: 'conflict', winner: 'incoming' })
    expect(mergeEntry(b, a)).toEqual({ entry: { ...b, vv: { base: 1, 'dev-a': 2, 'dev-b': 1 }, rev: 3 }, outcome: 'conflict', winner: 'local' })
    const r = ok(mergeAgenda(copy(makeAgenda({ entries: [a] })), copy(makeAgenda({ entries: [b] }))))
    expect(r.conflicts).toEqual([{ entryId: 'e-1', local: a, incoming: b, winner: 'incoming' }])
    expect(r.counts.entries.conflicts).toBe(1)
    expect(r.counts.entries.updated).toBe(1)
  })

  it('concurrent edits to the same values are no conflict', () => {
    const e = makeEntry({ id: 'e-1', vv: { base: 1 } })
    const a = updateEntry(e, { note: 'gleich' }, stampAt(T1, 'dev-a'))
    const b = updateEntry(e, { note: 'gleich' }, stampAt(T2, 'dev-b'))
    expect(mergeEntry(a, b).outcome).toBe('unchanged')
  })

  it('status on one side, a later note on the other: both survive, status from the history', () => {
    const e = makeEntry({ id: 'e-1', vv: { base: 1 } })
    const changed = changeStatus(e, 'in_progress', { agendaId: 'ag-1', eventId: 'ev-a', stamp: stampAt(T1, 'dev-a') })
    if (!changed.ok) throw new Error('refused')
    const noted = updateEntry(e, { note: 'Ausschreibung vorbereitet' }, stampAt(T2, 'dev-b'))
    for (const [l, i] of [
      [copy(makeAgenda({ entries: [changed.entry] }), [changed.event]), copy(makeAgenda({ entries: [noted] }))],
      [copy(makeAgenda({ entries: [noted] })), copy(makeAgenda({ entries: [changed.entry] }), [changed.event])],
    ] as const) {
      const r = ok(mergeAgenda(l, i))
      expect(r.agenda.entries.map((x) => [x.status, x.note, x.updatedAt])).toEqual([['in_progress', 'Ausschreibung vorbereitet', T2]])
      expect(r.history).toEqual([changed.event])
      expect(r.conflicts).toHaveLength(1)
    }
  })

  it('two concurrent status changes: the later event states the status, both events kept in order', () => {
    const e = makeEntry({ id: 'e-1', vv: { base: 1 } })
    const a = changeStatus(e, 'done', { agendaId: 'ag-1', eventId: 'ev-a', stamp: stampAt(T2, 'dev-a') })
    const b = changeStatus(e, 'deferred', { agendaId: 'ag-1', eventId: 'ev-b', stamp: stampAt(T1, 'dev-b') })
    if (!a.ok || !b.ok) throw new Error('refused')
    // B notes something later still, so its entry version wins by time; the status is A's later change.
    const bLater = updateEntry(b.entry, { note: 'Haushaltssperre' }, stampAt(T3, 'dev-b'))
    const r = ok(mergeAgenda(copy(makeAgenda({ entries: [a.entry] }), [a.event]), copy(makeAgenda({ entries: [bLater] }), [b.event])))
    expect(r.agenda.entries.map((x) => [x.status, x.note])).toEqual([['done', 'Haushaltssperre']])
    expect(r.history.map((x) => x.id)).toEqual(['ev-b', 'ev-a'])
    expect(r.counts.events).toEqual({ added: 1, unchanged: 0 })
  })

  it.each<[string, string, 'deleted' | 'unchanged']>([
    ['the file removed it after our last change', T3, 'deleted'],
    ['the file removed it before our last change', T1, 'unchanged'],
  ])('an entry removed in the file: %s', (_name, deletedAt, outcome) => {
    const mine = base()
    mine.entries[0] = updateEntry(mine.entries[0]!, { note: 'hier' }, stampAt(T2, 'dev-a'))
    const theirs = removeEntry(base(), 'e-1', stampAt(deletedAt, 'dev-b'))
    for (const r of [ok(mergeAgenda(copy(mine), copy(theirs))), ok(mergeAgenda(copy(theirs), copy(mine)))]) {
      expect(r.agenda.entries.map((e) => e.id)).toEqual(outcome === 'deleted' ? ['e-2'] : ['e-1', 'e-2'])
      expect(r.agenda.removedEntries.map((t) => t.id)).toEqual(outcome === 'deleted' ? ['e-1'] : [])
    }
    expect(ok(mergeAgenda(copy(mine), copy(theirs))).counts.entries[outcome]).toBe(outcome === 'deleted' ? 1 : 2)
  })

  it.each<[string, string, 'restored' | 'keptDeleted']>([
    ['changed in the file after our removal', T3, 'restored'],
    ['changed in the file before our removal', T1, 'keptDeleted'],
  ])('an entry removed here: %s', (_name, changedAt, outcome) => {
    const mine = removeEntry(base(), 'e-1', stampAt(T2, 'dev-a'))
    const theirs = base()
    theirs.entries[0] = updateEntry(theirs.entries[0]!, { note: 'dort' }, stampAt(changedAt, 'dev-b'))
    const r = ok(mergeAgenda(copy(mine), copy(theirs)))
    expect(r.counts.entries[outcome]).toBe(1)
    expect(r.agenda.entries.map((e) => e.id)).toEqual(outcome === 'restored' ? ['e-1', 'e-2'] : ['e-2'])
    expect(r.agenda.removedEntries.length).toBe(outcome === 'restored' ? 0 : 1)
    expect(r.changed).toBe(outcome === 'restored')
  })

  it('a status change after the removal elsewhere brings the entry back, with the new status', () => {
    const mine = removeEntry(base(), 'e-1', stampAt(T1, 'dev-a'))
    const c = changeStatus(base().entries[0]!, 'in_progress', { agendaId: 'ag-1', eventId: 'ev-1', stamp: stampAt(T2, 'dev-b') })
    if (!c.ok) throw new Error('refused')
    const r = ok(mergeAgenda(copy(mine), copy({ ...base(), entries: [c.entry, base().entries[1]!] }, [c.event])))
    expect(r.agenda.entries.map((e) => [e.id, e.status])).toEqual([
      ['e-1', 'in_progress'],
      ['e-2', 'planned'],
    ])
  })

  it('histories: union without duplicates, in event order; events of removed entries stay', () => {
    const ev = (id: string, at: string, entryId = 'e-1') => makeEvent({ id, entryId, at, from: 'planned', to: 'in_progress' })
    const mine = copy(removeEntry(base(), 'e-2', stampAt(T4)), [ev('ev-3', T3), ev('ev-1', T1), ev('ev-x', T2, 'e-2')])
    const theirs = copy(base(), [ev('ev-2', T2), ev('ev-1', T1)])
    mine.agenda.entries[0] = { ...mine.agenda.entries[0]!, status: 'in_progress' }
    const r = ok(mergeAgenda(mine, theirs))
    expect(r.history.map((e) => e.id)).toEqual(['ev-1', 'ev-2', 'ev-x', 'ev-3'])
    expect(r.counts.events).toEqual({ added: 1, unchanged: 1 })
    expect(unionHistory([ev('b', T1), ev('a', T1)], [ev('a', T1)]).map((e) => e.id)).toEqual(['a', 'b'])
  })

  it.each<[string, AgendaCopy, AgendaCopy, string]>([
    ['another agenda', copy(base()), copy(makeAgenda({ id: 'ag-2' })), 'agenda.differentAgenda'],
    ['another organisation', copy(base()), copy(makeAgenda({ orgId: 'org-2' })), 'agenda.foreignId'],
    ['another agenda’s events', copy(base()), copy(base(), [makeEvent({ id: 'ev', agendaId: 'ag-2', entryId: 'e-1', at: T1 })]), 'agenda.eventForeignAgenda'],
  ])('refuses %s', (_name, l, i, code) => {
    const r = mergeAgenda(l, i)
    expect(r.ok).toBe(false)
    expect(!r.ok && r.errors.map((e) => e.code)).toEqual([code])
  })

  it('changed is false for the same data in another stored order', () => {
    const a = base()
    const shuffled = { ...a, entries: [...a.entries].reverse() }
    expect(ok(mergeAgenda(copy(a), copy(shuffled))).changed).toBe(false)
  })
})

describe('applyAgendaDecisions', () => {
  // A: budget 50 000 and done (T1); B: budget 80 000 and a note (T2). Merge on A takes B's values, A's status.
  const e = makeEntry({ id: 'e-1', vv: { base: 1 }, order: 1 })
  const done = changeStatus(e, 'done', { agendaId: 'ag-1', eventId: 'ev-a', stamp: stampAt(T1, 'dev-a') })
  if (!done.ok) throw new Error('refused')
  const a = updateEntry(done.entry, { budgetEstimate: 50000 }, stampAt(T1, 'dev-a'))
  const b = updateEntry(e, { budgetEstimate: 80000, note: 'Angebot' }, stampAt(T2, 'dev-b'))
  const next = makeEntry({ id: 'e-2', order: 2 })
  const merged = ok(mergeAgenda(copy(makeAgenda({ entries: [a, next] }), [done.event]), copy(makeAgenda({ entries: [b, next] }))))
  const stamp = stampAt(T4, 'dev-a', 'Lenkungsgruppe')
  let n = 0
  const newId = () => `new-${++n}`
  const decide = (d: AgendaConflictDecision) => {
    n = 0
    return applyAgendaDecisions(merged, merged.conflicts, { 'e-1': d }, stamp, newId)
  }

  it('the merge took the later values and the status of the history', () => {
    expect(entryOf(merged.agenda, 'e-1')).toMatchObject({ budgetEstimate: 80000, note: 'Angebot', status: 'done' })
    expect(merged.conflicts.map((c) => c.entryId)).toEqual(['e-1'])
  })

  it('auto keeps the merged state', () => {
    expect(decide('auto')).toEqual({ agenda: merged.agenda, history: merged.history })
  })

  it('mine writes our values again as a new change on this device', () => {
    const r = decide('mine')
    expect(entryOf(r.agenda, 'e-1')).toEqual({ ...a, createdAt: a.createdAt, updatedAt: T4, updatedBy: 'Lenkungsgruppe', deviceId: 'dev-a', rev: 4, vv: { base: 1, 'dev-a': 3, 'dev-b': 1 } })
    expect(r.history).toEqual(merged.history)
  })

  it('theirs takes their values, and records the status it restores as an event', () => {
    const r = decide('theirs')
    expect(entryOf(r.agenda, 'e-1')).toMatchObject({ budgetEstimate: 80000, note: 'Angebot', status: 'planned', updatedAt: T4, rev: 4, vv: { base: 1, 'dev-a': 3, 'dev-b': 1 } })
    expect(r.history.map((x) => [x.id, x.from, x.to, x.at, x.by, x.rev])).toEqual([
      ['ev-a', 'planned', 'done', T1, 'Frau Meier', 2],
      ['new-1', 'done', 'planned', T4, 'Lenkungsgruppe', 4],
    ])
    // Status and history agree, and the decision wins a later merge with B's old copy.
    expect(validateAgenda(r.agenda, { history: r.history }).filter((i) => i.code === 'agenda.statusMismatch')).toEqual([])
    const again = ok(mergeAgenda(copy(r.agenda, r.history), copy(makeAgenda({ entries: [b, next] }))))
    expect([entryOf(again.agenda, 'e-1')?.status, entryOf(again.agenda, 'e-1')?.budgetEstimate, again.conflicts.length]).toEqual(['planned', 80000, 0])
  })

  it('both keeps ours and adds theirs as a new entry right after it', () => {
    const r = decide('both')
    expect(r.agenda.entries.map((x) => [x.id, x.order, x.budgetEstimate, x.status, x.rev])).toEqual([
      ['e-1', 1, 50000, 'done', 4],
      ['new-1', 1.5, 80000, 'planned', 1],
      ['e-2', 2, null, 'planned', 1],
    ])
    expect(entryOf(r.agenda, 'new-1')).toMatchObject({ createdAt: T4, updatedBy: 'Lenkungsgruppe', deviceId: 'dev-a', vv: { 'dev-a': 1 }, note: 'Angebot' })
  })
})

// ---------------------------------------------------------------------------------------------
// Properties over random histories
// ---------------------------------------------------------------------------------------------

const RUNS = { numRuns: Number(process.env.AGENDA_MERGE_RUNS ?? 200) }
const DEVICES = ['dev-a', 'dev-b', 'dev-c'] as const

type Op =
  | { t: 'edit'; dev: number; pick: number; field: 'note' | 'budgetEstimate' | 'order'; value: number }
  | { t: 'status'; dev: number; pick: number; to: AgendaStatus }
  | { t: 'add'; dev: number }
  | { t: 'remove'; dev: number; pick: number }
  | { t: 'header'; dev: number; value: number }
  | { t: 'sync'; dev: number; from: number }

const dev = fc.integer({ min: 0, max: 2 })
const pick = fc.nat(5)
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('edit' as const), dev, pick, field: fc.constantFrom('note' as const, 'budgetEstimate' as const, 'order' as const), value: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('status' as const), dev, pick, to: fc.constantFrom(...AGENDA_STATUSES) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('add' as const), dev }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('remove' as const), dev, pick }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('header' as const), dev, value: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('sync' as const), dev, from: dev }) },
)

/** Plays the operations on three devices that start from the same agenda; one op per second. */
function play(ops: readonly Op[]): AgendaCopy[] {
  const start = makeAgenda({ entries: [makeEntry({ id: 'e-1', order: 1, deviceId: 'base', vv: { base: 1 } }), makeEntry({ id: 'e-2', order: 2, deviceId: 'base', vv: { base: 1 } })] })
  const devices: AgendaCopy[] = DEVICES.map(() => ({ agenda: start, history: [] }))
  let clock = Date.parse('2025-03-01T00:00:00.000Z')
  let ids = 0
  for (const op of ops) {
    clock += 1000
    const stamp = stampAt(new Date(clock).toISOString(), DEVICES[op.dev])
    const me = devices[op.dev]!
    const target = (p: number): AgendaEntry | undefined => me.agenda.entries[p % Math.max(1, me.agenda.entries.length)]
    switch (op.t) {
      case 'edit': {
        const e = target(op.pick)
        if (!e) break
        const value = op.field === 'note' ? `n${op.value}` : op.field === 'budgetEstimate' ? op.value * 1000 : op.value
        const next = updateEntry(e, { [op.field]: value }, stamp)
        me.agenda = { ...me.agenda, entries: me.agenda.entries.map((x) => (x.id === e.id ? next : x)) }
        break
      }
      case 'status': {
        const e = target(op.pick)
        if (!e) break
        const r = changeStatus(e, op.to, { agendaId: 'ag-1', eventId: `ev-${++ids}`, stamp, note: 'weil' })
        if (!r.ok) break
        me.agenda = { ...me.agenda, entries: me.agenda.entries.map((x) => (x.id === e.id ? r.entry : x)) }
        me.history = [...me.history, r.event]
        break
      }
      case 'add':
        me.agenda = { ...me.agenda, entries: [...me.agenda.entries, newEntry(me.agenda, { kind: 'measure', title: 'neu' }, `n-${++ids}`, stamp)] }
        break
      case 'remove': {
        const e = target(op.pick)
        if (e) me.agenda = removeEntry(me.agenda, e.id, stamp)
        break
      }
      case 'header':
        me.agenda = updateAgendaHeader(me.agenda, { version: `1.${op.value}` }, stamp)
        break
      case 'sync': {
        if (op.from === op.dev) break
        const r = ok(mergeAgenda(me, devices[op.from]!))
        devices[op.dev] = { agenda: r.agenda, history: r.history }
        break
      }
    }
  }
  return devices
}

const lastChange = (e: AgendaEntry, history: readonly StatusEvent[]) =>
  Math.max(Date.parse(e.updatedAt), ...history.filter((x) => x.entryId === e.id).map((x) => Date.parse(x.at)))

describe('mergeAgenda: properties', () => {
  const histories = fc.array(opArb, { maxLength: 30 })

  it('is commutative on the result', () => {
    fc.assert(
      fc.property(histories, (ops) => {
        const [a, b, c] = play(ops) as [AgendaCopy, AgendaCopy, AgendaCopy]
        const pairs: [AgendaCopy, AgendaCopy][] = [[a, b], [b, c], [a, c]]
        for (const [x, y] of pairs) {
          const xy = ok(mergeAgenda(x, y))
          const yx = ok(mergeAgenda(y, x))
          expect(xy.agenda).toEqual(yx.agenda)
          expect(xy.history).toEqual(yx.history)
        }
      }),
      RUNS,
    )
  })

  it('is idempotent: merging either side again, or a copy with itself, changes nothing', () => {
    fc.assert(
      fc.property(histories, (ops) => {
        const [a, b] = play(ops)
        const m = ok(mergeAgenda(a!, b!))
        const merged = { agenda: m.agenda, history: m.history }
        for (const side of [a!, b!, merged]) {
          const again = ok(mergeAgenda(merged, side))
          expect(again.changed).toBe(false)
          expect(again.agenda).toEqual(m.agenda)
          expect(again.history).toEqual(m.history)
        }
        expect(ok(mergeAgenda(a!, a!)).changed).toBe(false)
      }),
      RUNS,
    )
  })

  it('keeps every event, states each status by the latest event, and never revives an entry with an older change', () => {
    fc.assert(
      fc.property(histories, (ops) => {
        const [a, b] = play(ops)
        const m = ok(mergeAgenda(a!, b!))
        expect(new Set(m.history.map((e) => e.id))).toEqual(new Set([...a!.history, ...b!.history].map((e) => e.id)))
        const latest = latestEvents(m.history)
        for (const e of m.agenda.entries) {
          const last = latest.get(e.id)
          if (last) expect(e.status).toBe(last.to)
          for (const t of [...a!.agenda.removedEntries, ...b!.agenda.removedEntries]) {
            if (t.id === e.id) expect(lastChange(e, m.history)).toBeGreaterThan(Date.parse(t.deletedAt))
          }
        }
        const issues = validateAgenda(m.agenda, { history: m.history }).filter((i) => i.code !== 'agenda.entryUntitled')
        expect(issues).toEqual([])
        expect(canonicalCopy(m).agenda).toEqual(m.agenda)
      }),
      RUNS,
    )
  })
})
