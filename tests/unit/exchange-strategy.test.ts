// The Digitale Agenda and the Leistungsinventar in exchange files (backup format 3): writing, reading
// (format 2 backups without them, the domain rules as codes), packages without them, and the merge
// (agendas by mergeAgenda, services record by record, tombstones of kind 'agenda' and 'service').
import { describe, expect, it } from 'vitest'
import { changeStatus } from '@/domain/agenda/status'
import { putEntry, removeEntry, updateEntry } from '@/domain/agenda/edit'
import type { Agenda, StatusEvent } from '@/domain/agenda/types'
import { checksumOf } from '@/domain/exchange/checksum'
import { BACKUP_FORMAT_VERSION, type BackupData } from '@/domain/exchange/formats'
import { agendaConflictKey, applyDecisions, diffStates, mergeExchange, mergeFiles } from '@/domain/exchange/merge'
import { parseBackup, parseExchange } from '@/domain/exchange/parse'
import { attachChecksum, createBackup, createPackage, serializeBackup } from '@/domain/exchange/serialise'
import type { Tombstone } from '@/domain/model/types'
import type { ServiceRecord } from '@/domain/services/types'
import { makeAgenda, makeEntry, stampAt } from '../fixtures/agenda-builders'
import { META, T0, knownItems, makeAssessment, makeDepartment, makeOrganisation, makeRound, makeService, makeSmallData, sealRaw } from '../fixtures/backup-builders'
import { mergeOk } from '../fixtures/merge-helpers'

const OPTIONS = { knownCatalogItems: knownItems() }
// After T0 (2025-03-01), when every record of the fixtures was last changed.
const T1 = '2025-03-10T10:00:00.000Z'
const T2 = '2025-03-11T10:00:00.000Z'
const T3 = '2025-03-12T10:00:00.000Z'

/** Agenda ag-1 of org-1 with two entries; e-1 moved to 'in_progress' at T0 (one event). */
function agendaWithHistory(): { agenda: Agenda; history: StatusEvent[] } {
  const base = makeAgenda({ entries: [makeEntry({ id: 'e-1', order: 1 }), makeEntry({ id: 'e-2', order: 2, title: 'Eigenes Projekt' })] })
  const moved = changeStatus(base.entries[0]!, 'in_progress', { agendaId: 'ag-1', eventId: 'ev-1', stamp: stampAt(T0) })
  if (!moved.ok) throw new Error('status change refused')
  return { agenda: putEntry(base, moved.entry), history: [moved.event] }
}

function strategyData(over: Partial<BackupData> = {}): BackupData {
  const { agenda, history } = agendaWithHistory()
  return makeSmallData({ agendas: [agenda], agendaEvents: history, services: [makeService()], ...over })
}

const errorsOf = (text: string) => {
  const r = parseBackup(text, OPTIONS)
  return r.ok ? [] : r.errors.map((e) => ({ code: e.code, params: e.params, path: e.path, rule: e.ruleIssue?.code }))
}

/** The file as an app with backup format 2 wrote it: no strategy tables, its own checksum. */
function format2Text(data: BackupData = makeSmallData()): string {
  const v3 = serializeBackup(createBackup(data, META))
  const canonical = v3
    .replace('  "formatVersion": 3,\n', '  "formatVersion": 2,\n')
    .replace('  "agendas": [],\n  "agendaEvents": [],\n  "services": [],\n', '')
    .replace(/,\n {2}"checksum": "sha256:[0-9a-f]{64}"\n\}\n$/, '\n}\n')
  return attachChecksum(canonical, checksumOf(canonical))
}

describe('backup format 3: agenda, status history and inventory', () => {
  it('writes the three tables after the deletions, entries one per line, and reads back the same records', () => {
    const data = strategyData()
    const text = serializeBackup(createBackup(data, META))
    expect(BACKUP_FORMAT_VERSION).toBe(3)
    expect(Object.keys(JSON.parse(text))).toEqual([
      'format', 'formatVersion', 'exportedAt', 'appVersion', 'scoringModelVersion', 'deviceId',
      'organisations', 'departments', 'rounds', 'assessments', 'catalogs', 'tombstones', 'agendas', 'agendaEvents', 'services', 'checksum',
    ])
    expect(text).toContain(
      '\n        {"id":"e-1","measureId":null,"title":"Eintrag e-1","kind":"measure","handlungsfeldId":null,"ownerDepartmentId":null,"start":null,"end":null,"budgetEstimate":null,"status":"in_progress","note":"","order":1,"createdAt":"2025-01-15T09:00:00.000Z","updatedAt":"2025-03-01T09:30:00.000Z","updatedBy":"Frau Meier","deviceId":"dev-a","rev":2,"vv":{"dev-a":2}},\n',
    )
    const parsed = parseBackup(text, OPTIONS)
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    const { format: _f, formatVersion, exportedAt: _e, appVersion: _a, scoringModelVersion: _s, deviceId: _d, checksum: _c, ...tables } = parsed.backup
    expect(formatVersion).toBe(3)
    expect(tables).toEqual(data)
    expect(parsed.warnings).toEqual([])
  })

  it('a service without its optional fields stays without them (no undefined keys, no nulls)', () => {
    const bare = makeService({ departmentId: undefined, casesPerYear: undefined })
    const text = serializeBackup(createBackup(makeSmallData({ services: [bare] }), META))
    const parsed = parseBackup(text, OPTIONS)
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    expect(Object.keys(parsed.backup.services[0]!)).toEqual(['id', 'orgId', 'name', 'channels', 'onlinePayment', 'formType', 'maturity', 'createdAt', 'updatedAt', 'updatedBy', 'deviceId', 'rev'])
  })

  it('reads a format-2 backup (written before the agenda existed) with empty tables — also re-formatted', () => {
    const text = format2Text()
    for (const variant of [text, `${JSON.stringify(JSON.parse(text), null, 4)}\n`]) {
      const parsed = parseBackup(variant, OPTIONS)
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
      expect(parsed.backup).toMatchObject({ formatVersion: 3, agendas: [], agendaEvents: [], services: [] })
      expect(parsed.backup.assessments).toEqual(makeSmallData().assessments)
    }
  })

  it('a format-2 backup cannot carry agenda data past its checksum (it does not cover them)', () => {
    const raw = JSON.parse(format2Text()) as Record<string, unknown>
    raw.services = [makeService()]
    expect(errorsOf(JSON.stringify(raw))).toEqual([{ code: 'backup.checksumMismatch', params: {}, path: 'formatVersion', rule: undefined }])
  })

  it('a changed status in a format-3 file is caught by the checksum', () => {
    const text = serializeBackup(createBackup(strategyData(), META)).replace('"status":"in_progress"', '"status":"done"')
    expect(errorsOf(text)).toEqual([{ code: 'backup.checksumMismatch', params: {}, path: 'checksum', rule: undefined }])
  })

  it.each<[string, (raw: { agendas: Agenda[]; agendaEvents: StatusEvent[]; services: ServiceRecord[] }) => void, { code: string; params: object; path: string; rule?: string }[]]>([
    [
      'overlapping phases',
      (r) => void (r.agendas[0]!.phases[1]!.startYear = 2026),
      [{ code: 'backup.invalidAgenda', params: { name: 'Digitale Agenda', issue: 'agenda.phasesOverlap' }, path: 'agendas[0]', rule: 'agenda.phasesOverlap' }],
    ],
    [
      'an entry that ends before it starts',
      (r) => Object.assign(r.agendas[0]!.entries[1]!, { start: '2026-05', end: '2026-02' }),
      [{ code: 'backup.invalidAgenda', params: { name: 'Digitale Agenda', issue: 'agenda.endBeforeStart' }, path: 'agendas[0].entries[1]', rule: 'agenda.endBeforeStart' }],
    ],
    [
      'a planned start that is no month or date',
      (r) => void (r.agendas[0]!.entries[0]!.start = 'März 2026'),
      [{ code: 'backup.invalidDate', params: { value: 'März 2026' }, path: 'agendas[0].entries[0].start', rule: undefined }],
    ],
    [
      'a status that disagrees with the history',
      (r) => void (r.agendas[0]!.entries[0]!.status = 'done'),
      [{ code: 'backup.invalidAgenda', params: { name: 'Digitale Agenda', issue: 'agenda.statusMismatch' }, path: 'agendas[0].entries[0]', rule: 'agenda.statusMismatch' }],
    ],
    [
      'an event for an entry the agenda never had',
      (r) => void (r.agendaEvents[0]!.entryId = 'e-9'),
      [{ code: 'backup.invalidAgenda', params: { name: 'Digitale Agenda', issue: 'agenda.eventUnknownEntry' }, path: 'agendaEvents[0]', rule: 'agenda.eventUnknownEntry' }],
    ],
    [
      'an event of an agenda not in the file',
      (r) => void (r.agendaEvents[0]!.agendaId = 'ag-9'),
      [{ code: 'backup.missingReference', params: { field: 'agendaId', id: 'ag-9', table: 'agendas' }, path: 'agendaEvents[0].agendaId' }],
    ],
    [
      'an agenda of an organisation not in the file',
      (r) => void (r.agendas[0]!.orgId = 'org-9'),
      [{ code: 'backup.missingReference', params: { field: 'orgId', id: 'org-9', table: 'organisations' }, path: 'agendas[0].orgId' }],
    ],
    [
      'a LeiKa key that is not 14 digits',
      (r) => void (r.services[0]!.leikaKey = '99 050'),
      [{ code: 'backup.invalidService', params: { name: 'Hundesteuer: Hund anmelden', field: 'leikaKey', issue: 'invalid_leika' }, path: 'services[0].leikaKey', rule: 'invalid_leika' }],
    ],
    [
      'a rating above level 7',
      (r) => void (r.services[0]!.maturity.ratings.information = 9 as 7),
      [{ code: 'backup.invalidValue', params: { value: '9', allowed: '0, 1, 2, 3, 4, 5, 6, 7, na' }, path: 'services[0].maturity.ratings.information' }],
    ],
    [
      'a channel twice',
      (r) => void (r.services[0]!.channels = ['post', 'post']),
      [{ code: 'backup.invalidService', params: { name: 'Hundesteuer: Hund anmelden', field: 'channels', issue: 'duplicate_channel' }, path: 'services[0].channels', rule: 'duplicate_channel' }],
    ],
    [
      'the same service id twice',
      (r) => void r.services.push(makeService({ name: 'Doppelt' })),
      [{ code: 'backup.duplicateId', params: { table: 'services', id: 'svc-1' }, path: 'services[1].id' }],
    ],
  ])('refuses %s with a code', (_name, edit, expected) => {
    const raw = JSON.parse(serializeBackup(createBackup(strategyData(), META))) as Record<string, unknown> & { agendas: Agenda[]; agendaEvents: StatusEvent[]; services: ServiceRecord[] }
    edit(raw)
    expect(errorsOf(sealRaw(raw))).toEqual(expected.map((e) => ({ rule: undefined, ...e })))
  })
})

describe('Fragebogen-Paket and Rücksendung', () => {
  const pkgData = { organisation: makeOrganisation(), round: makeRound(), department: makeDepartment(), assessments: [makeAssessment()] }

  it('never carries agenda, history or inventory', () => {
    const file = createPackage('package', pkgData, META)
    expect(Object.keys(file)).not.toContain('agendas')
    const text = serializeBackup(file)
    expect(text).not.toMatch(/agendas|agendaEvents|"services"/)
    const parsed = parseExchange(text, OPTIONS)
    expect(parsed.ok && Object.keys(parsed.file)).not.toContain('services')
  })

  it('agenda data smuggled into a package is ignored (warning), and merging a package leaves the local agenda as it is', () => {
    const raw = JSON.parse(serializeBackup(createPackage('return', pkgData, META))) as Record<string, unknown>
    raw.agendas = [makeAgenda()]
    const parsed = parseExchange(sealRaw(raw), OPTIONS)
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    expect(parsed.warnings).toEqual([{ code: 'backup.ignoredKeys', params: { count: 1, examples: ['agendas'] } }])
    expect('agendas' in parsed.file).toBe(false)
    const local = strategyData()
    const merged = mergeOk(mergeExchange(local, parsed.file))
    expect(merged.state.agendas).toEqual(local.agendas)
    expect(merged.state.agendaEvents).toEqual(local.agendaEvents)
    expect(merged.state.services).toEqual(local.services)
    expect(merged.changed).toBe(false)
  })
})

describe('merge: agendas', () => {
  /** Two devices start from the same backup (A's copy here, B's in the file). */
  const start = () => strategyData()
  const edit = (data: BackupData, fn: (a: Agenda) => Agenda): BackupData => ({ ...data, agendas: data.agendas.map(fn) })
  const entry = (a: Agenda, id: string) => a.entries.find((e) => e.id === id)!

  it('concurrent edits of different entries: both kept, no conflict, the same on both sides', () => {
    const onA = edit(start(), (a) => putEntry(a, updateEntry(entry(a, 'e-1'), { note: 'Ausschreibung läuft' }, stampAt(T1, 'dev-a'))))
    const onB = edit(start(), (a) => putEntry(a, updateEntry(entry(a, 'e-2'), { ownerDepartmentId: 'dep-1', budgetEstimate: 12_000 }, stampAt(T2, 'dev-b'))))
    const ab = mergeOk(mergeExchange(onA, onB))
    const ba = mergeOk(mergeExchange(onB, onA))
    expect(ab.agendaConflicts).toEqual([])
    expect(ab.state.agendas).toEqual(ba.state.agendas)
    const merged = ab.state.agendas[0]!
    expect(entry(merged, 'e-1')).toEqual(entry(onA.agendas[0]!, 'e-1'))
    expect(entry(merged, 'e-2')).toEqual(entry(onB.agendas[0]!, 'e-2'))
    expect([ab.counts.agendas, ab.counts.agendaEntries]).toEqual([
      { added: 0, updated: 1, unchanged: 0, deleted: 0, restored: 0, keptDeleted: 0 },
      { added: 0, updated: 1, unchanged: 1, deleted: 0, restored: 0, keptDeleted: 0, conflicts: 0 },
    ])
    expect(diffStates(onA, ab.state).put.agendas).toEqual([merged])
  })

  it('concurrent edits of the same entry: a conflict, the later change taken provisionally; "mine" writes A’s again as a new change', () => {
    const onA = edit(start(), (a) => putEntry(a, updateEntry(entry(a, 'e-2'), { note: 'von A' }, stampAt(T1, 'dev-a'))))
    const onB = edit(start(), (a) => putEntry(a, updateEntry(entry(a, 'e-2'), { note: 'von B' }, stampAt(T2, 'dev-b'))))
    const r = mergeOk(mergeExchange(onA, onB))
    const local = entry(onA.agendas[0]!, 'e-2')
    const incoming = entry(onB.agendas[0]!, 'e-2')
    expect(r.agendaConflicts).toEqual([{ agendaId: 'ag-1', entryId: 'e-2', local, incoming, winner: 'incoming' }])
    expect(r.counts.agendaEntries.conflicts).toBe(1)
    expect(entry(r.state.agendas[0]!, 'e-2')).toEqual({ ...incoming, vv: { 'dev-a': 2, 'dev-b': 1 }, rev: 2 })
    // The user decides: keep mine.
    const decided = applyDecisions(r.state, [], {}, stampAt(T3, 'dev-a', 'Lenkungsgruppe'), () => 'new-id', {
      conflicts: r.agendaConflicts,
      decisions: { [agendaConflictKey(r.agendaConflicts[0]!)]: 'mine' },
    })
    expect(entry(decided.agendas[0]!, 'e-2')).toEqual({ ...local, updatedAt: T3, updatedBy: 'Lenkungsgruppe', deviceId: 'dev-a', rev: 3, vv: { 'dev-a': 3, 'dev-b': 1 } })
    // Without a decision (auto) the merged state is written as it is.
    expect(applyDecisions(r.state, [], {}, stampAt(T3), () => 'x', { conflicts: r.agendaConflicts, decisions: {} })).toEqual(r.state)
  })

  it('status changes on both devices: both events kept, each entry at its latest status', () => {
    const move = (data: BackupData, entryId: string, to: 'done' | 'deferred', at: string, device: string, eventId: string): BackupData => {
      const a = data.agendas[0]!
      const r = changeStatus(entry(a, entryId), to, { agendaId: 'ag-1', eventId, stamp: stampAt(at, device), note: to === 'deferred' ? 'Haushalt' : '' })
      if (!r.ok) throw new Error(r.error.code)
      return { ...data, agendas: [putEntry(a, r.entry)], agendaEvents: [...data.agendaEvents, r.event] }
    }
    const onA = move(start(), 'e-1', 'done', T1, 'dev-a', 'ev-a')
    const onB = move(start(), 'e-2', 'deferred', T2, 'dev-b', 'ev-b')
    const r = mergeOk(mergeExchange(onA, onB))
    expect(r.state.agendaEvents.map((e) => e.id)).toEqual(['ev-1', 'ev-a', 'ev-b'])
    expect(r.state.agendas[0]!.entries.map((e) => e.status)).toEqual(['done', 'deferred'])
    expect(r.counts.agendaEvents).toEqual({ added: 1, unchanged: 1 })
    expect(diffStates(onA, r.state).put.agendaEvents.map((e) => e.id)).toEqual(['ev-b'])
  })

  it('an agenda deleted here stays deleted when the file’s copy is older, and comes back when it changed later', () => {
    const deleted: Tombstone = { id: 'ag-1', kind: 'agenda', orgId: 'org-1', deletedAt: T2, deletedBy: 'Admin', deviceId: 'dev-a' }
    const local = makeSmallData({ tombstones: [deleted] })
    const older = mergeOk(mergeExchange(local, start()))
    expect([older.state.agendas, older.state.agendaEvents, older.counts.agendas.keptDeleted]).toEqual([[], [], 1])
    expect(older.notes).toEqual([{ code: 'keptDeleted', kind: 'agenda', id: 'ag-1', deletedAt: T2, deletedBy: 'Admin' }])
    // A status change after the deletion is a later change of the agenda.
    const later = edit(start(), (a) => a)
    const moved = changeStatus(entry(later.agendas[0]!, 'e-2'), 'in_progress', { agendaId: 'ag-1', eventId: 'ev-late', stamp: stampAt(T3, 'dev-b') })
    if (!moved.ok) throw new Error(moved.error.code)
    later.agendas = [putEntry(later.agendas[0]!, moved.entry)]
    later.agendaEvents = [...later.agendaEvents, moved.event]
    const back = mergeOk(mergeExchange(local, later))
    expect([back.state.agendas.map((a) => a.id), back.state.agendaEvents.map((e) => e.id), back.state.tombstones, back.counts.agendas.restored]).toEqual([['ag-1'], ['ev-1', 'ev-late'], [], 1])
  })

  it('a deletion in the file removes the older local agenda with its history; a newer one stays', () => {
    const tomb = (at: string): Tombstone => ({ id: 'ag-1', kind: 'agenda', orgId: 'org-1', deletedAt: at, deletedBy: 'Admin', deviceId: 'dev-b' })
    const local = start()
    const gone = mergeOk(mergeExchange(local, { ...makeSmallData(), tombstones: [tomb(T1)] }))
    expect([gone.state.agendas, gone.state.agendaEvents, gone.counts.agendas.deleted]).toEqual([[], [], 1])
    expect(diffStates(local, gone.state).remove).toMatchObject({ agendas: ['ag-1'], agendaEvents: ['ev-1'] })
    // Removing an entry is a change of the agenda after the deletion.
    const changed = edit(start(), (a) => removeEntry(a, 'e-2', stampAt(T2)))
    const kept = mergeOk(mergeExchange(changed, { ...makeSmallData(), tombstones: [tomb(T1)] }))
    expect([kept.state.agendas.map((a) => a.id), kept.counts.agendas.unchanged, kept.notes.map((n) => n.code)]).toEqual([['ag-1'], 1, ['keptNewer']])
  })

  it('an agenda id that belongs to another organisation here → merge.foreignId', () => {
    const local = strategyData()
    const foreign = { ...makeSmallData({ organisations: [makeOrganisation({ id: 'org-2' })], departments: [], rounds: [], assessments: [] }), agendas: [{ ...local.agendas[0]!, orgId: 'org-2' }] }
    expect(mergeExchange(local, foreign)).toEqual({ ok: false, errors: [{ code: 'merge.foreignId', params: { kind: 'agenda', id: 'ag-1' } }] })
  })
})

describe('merge: services', () => {
  it('the later change wins as a whole record; the same time: the higher device id, on both sides', () => {
    const mine = makeService({ casesPerYear: 700, updatedAt: T1, deviceId: 'dev-a', rev: 2 })
    const theirs = makeService({ channels: ['online'], updatedAt: T2, deviceId: 'dev-b', rev: 2 })
    const r = mergeOk(mergeExchange(makeSmallData({ services: [mine] }), makeSmallData({ services: [theirs] })))
    expect([r.state.services, r.counts.services.updated]).toEqual([[theirs], 1])
    const x = makeService({ note: 'x', updatedAt: T1, deviceId: 'dev-x' })
    const y = makeService({ note: 'y', updatedAt: T1, deviceId: 'dev-y' })
    expect(mergeOk(mergeExchange(makeSmallData({ services: [x] }), makeSmallData({ services: [y] }))).state.services).toEqual([y])
    expect(mergeOk(mergeExchange(makeSmallData({ services: [y] }), makeSmallData({ services: [x] }))).state.services).toEqual([y])
  })

  it('a service deleted here is not revived by an older copy; a copy changed after the deletion brings it back', () => {
    const deleted: Tombstone = { id: 'svc-1', kind: 'service', orgId: 'org-1', deletedAt: T2, deletedBy: 'Admin', deviceId: 'dev-a' }
    const local = makeSmallData({ tombstones: [deleted] })
    const older = mergeOk(mergeExchange(local, makeSmallData({ services: [makeService({ updatedAt: T1 })] })))
    expect([older.state.services, older.state.tombstones, older.counts.services, older.changed]).toEqual([
      [],
      [deleted],
      { added: 0, updated: 0, unchanged: 0, deleted: 0, restored: 0, keptDeleted: 1 },
      false,
    ])
    expect(older.notes).toEqual([{ code: 'keptDeleted', kind: 'service', id: 'svc-1', deletedAt: T2, deletedBy: 'Admin' }])
    const later = makeService({ updatedAt: T3, rev: 2 })
    const back = mergeOk(mergeExchange(local, makeSmallData({ services: [later] })))
    expect([back.state.services, back.state.tombstones, back.counts.services.restored]).toEqual([[later], [], 1])
  })

  it('a deletion in the file removes the older local service and is stored; a newer local one stays', () => {
    const tomb: Tombstone = { id: 'svc-1', kind: 'service', orgId: 'org-1', deletedAt: T2, deletedBy: 'Admin', deviceId: 'dev-b' }
    const gone = mergeOk(mergeExchange(makeSmallData({ services: [makeService({ updatedAt: T1 })] }), makeSmallData({ tombstones: [tomb] })))
    expect([gone.state.services, gone.state.tombstones, gone.counts.services.deleted]).toEqual([[], [tomb], 1])
    const kept = mergeOk(mergeExchange(makeSmallData({ services: [makeService({ updatedAt: T3 })] }), makeSmallData({ tombstones: [tomb] })))
    expect([kept.state.services.length, kept.notes.map((n) => n.code)]).toEqual([1, ['keptNewer']])
  })
})

describe('merge: deleting an organisation', () => {
  it('takes its older agendas (with their history) and services with it; later ones keep it alive', () => {
    const t = (id: string, kind: Tombstone['kind']): Tombstone => ({ id, kind, orgId: 'org-1', deletedAt: T2, deletedBy: 'Admin', deviceId: 'dev-b' })
    const all = ['org-1', 'organisation', 'dep-1', 'department', 'round-1', 'round', 'ass-1', 'assessment'] as const
    const tombs = [0, 2, 4, 6].map((i) => t(all[i]!, all[i + 1] as Tombstone['kind']))
    const file = { ...makeSmallData({ organisations: [], departments: [], rounds: [], assessments: [] }), tombstones: tombs }
    const local = strategyData()
    const r = mergeOk(mergeExchange(local, file))
    expect([r.state.organisations, r.state.agendas, r.state.agendaEvents, r.state.services]).toEqual([[], [], [], []])
    expect(r.state.tombstones.filter((x) => x.kind === 'agenda' || x.kind === 'service').map((x) => [x.id, x.kind])).toEqual([
      ['ag-1', 'agenda'],
      ['svc-1', 'service'],
    ])
    // A service changed after the deletion survives and brings its organisation back.
    const newer = { ...local, services: [makeService({ updatedAt: T3, rev: 2 })] }
    const kept = mergeOk(mergeExchange(newer, file))
    expect([kept.state.organisations.map((o) => o.id), kept.state.services.map((s) => s.id), kept.state.agendas]).toEqual([['org-1'], ['svc-1'], []])
  })

  it('several files: mergeFiles folds agendas like everything else and is idempotent', () => {
    const a = strategyData()
    const twice = mergeFiles(makeSmallData(), [{ data: a }, { data: a }])
    expect(twice.state.agendas).toEqual(a.agendas)
    expect(twice.results.map((r) => r.ok && r.changed)).toEqual([true, false])
  })
})
