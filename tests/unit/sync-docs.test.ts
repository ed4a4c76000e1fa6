// Document ids and document bodies of replication (domain/sync/keys.ts, docs.ts): every record has
// one id that names it back, and a document from the server is read with the import rules.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { docIdOf, parseDoc, parseDocId, recordKeyFromText, SYNC_TABLES, toDoc, type SyncTable } from '@/domain/sync/docs'
import { syncConflictOf } from '@/domain/sync/conflicts'
import {
  makeAnswer,
  makeAssessment,
  makeCatalog,
  makeDepartment,
  makeOrganisation,
  makeRound,
  makeService,
  makeTombstone,
  makeVersionedAnswer,
} from '../fixtures/backup-builders'
import { makeAgenda, makeEntry, makeEvent } from '../fixtures/agenda-builders'

const RUNS = { numRuns: 300 }

describe('docIdOf / parseDocId', () => {
  it.each<[SyncTable, string, string]>([
    ['organisations', 'org-1', 'organisation:org-1'],
    ['departments', 'dep-1', 'department:dep-1'],
    ['rounds', 'round-1', 'round:round-1'],
    ['assessments', 'ass-1', 'assessment:ass-1'],
    ['tombstones', 'ass-1', 'tombstone:ass-1'],
    ['agendas', 'ag-1', 'agenda:ag-1'],
    ['services', 'sv-1', 'service:sv-1'],
    ['catalogs', 'eigener-katalog\u00001.0.0', 'catalog:eigener-katalog:1.0.0'],
    ['syncConflicts', 'ass-1\u0000str-01', 'conflict:ass-1:str-01'],
    ['assessments', 'a:b%c/d', 'assessment:a%3Ab%25c%2Fd'],
    ['catalogs', 'kat:alog\u00001.0.0+b:1', 'catalog:kat%3Aalog:1.0.0%2Bb%3A1'],
    ['departments', 'Bürgerbüro 🏛', 'department:B%C3%BCrgerb%C3%BCro%20%F0%9F%8F%9B'],
  ])('%s %j → %s and back', (table, keyText, id) => {
    expect(docIdOf(table, keyText)).toBe(id)
    expect(parseDocId(id)).toEqual({ table, keyText })
  })

  it.each([
    ['', 'empty'],
    [':x', 'no kind'],
    ['assessment', 'no colon'],
    ['assessment:', 'empty key'],
    ['assessment:a:b', 'two parts for a one-part kind'],
    ['catalog:only-id', 'catalogue without version'],
    ['catalog:id:', 'catalogue with empty version'],
    ['catalog:a:b:c', 'three parts'],
    ['conflict:ass-1', 'conflict without item'],
    ['agendaEvent:ev-1', 'status events travel with their agenda'],
    ['_design/app', 'design document'],
    ['_local/abc', 'local document'],
    ['Assessment:ass-1', 'kind is case-sensitive'],
    ['assessment:%E0%A4%A', 'broken escape'],
    ['meta:deviceId', 'meta is never replicated'],
    ['assessmentSummaries:x', 'table name instead of kind'],
  ])('%j → null (%s)', (id) => {
    expect(parseDocId(id)).toBeNull()
  })

  // Ids the import rules accept: 1–100 characters; lone surrogates excluded here (see the bug test below).
  const keyPart = fc.string({ unit: fc.oneof(fc.constantFrom(':', '%', '/', '+', ' ', 'ä', '🏛', '\u00e9', '#', '?'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), minLength: 1, maxLength: 30 }).filter((k) => !k.includes('\u0000'))
  const oneTable = fc.constantFrom<SyncTable>('organisations', 'departments', 'rounds', 'assessments', 'tombstones', 'agendas', 'services')

  it('round trip of one-part keys (property)', () => {
    fc.assert(
      fc.property(oneTable, keyPart, (table, key) => {
        expect(parseDocId(docIdOf(table, key))).toEqual({ table, keyText: key })
      }),
      RUNS,
    )
  })

  it('round trip of two-part keys: catalogue id + version, conflict key (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom<SyncTable>('catalogs', 'syncConflicts'), keyPart, keyPart, (table, a, b) => {
        const keyText = `${a}\u0000${b}`
        const id = docIdOf(table, keyText)
        expect(id.split(':')).toHaveLength(3)
        expect(parseDocId(id)).toEqual({ table, keyText })
        if (table === 'catalogs') expect(recordKeyFromText('catalogs', keyText)).toEqual([a, b])
      }),
      RUNS,
    )
  })

  it('different records never share a document id (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SYNC_TABLES), keyPart, fc.constantFrom(...SYNC_TABLES), keyPart, (t1, k1, t2, k2) => {
        const two = (t: SyncTable, k: string) => (t === 'catalogs' || t === 'syncConflicts' ? `${k}\u0000v` : k)
        fc.pre(t1 !== t2 || k1 !== k2)
        expect(docIdOf(t1, two(t1, k1))).not.toBe(docIdOf(t2, two(t2, k2)))
      }),
      RUNS,
    )
  })

  // Suspected bug: the import rules accept any id of 1–100 characters (schema.ts `id`), but a
  // record whose id holds NUL or a lone surrogate has no document id that names it back.
  it.each([
    ['NUL in an id', 'ass\u00001'],
    ['lone surrogate in an id', 'ass-\ud800'],
  ])('an id the import rules accept has a document id that names it back (%s)', (_, id) => {
    let parsed: ReturnType<typeof parseDocId> | 'threw' = 'threw'
    try {
      parsed = parseDocId(docIdOf('assessments', id))
    } catch {
      parsed = 'threw'
    }
    expect(parsed).toEqual({ table: 'assessments', keyText: id })
  })
})

const conflict = syncConflictOf(
  {
    assessmentId: 'ass-1',
    itemId: 'str-01',
    local: makeVersionedAnswer('str-01', { base: 1, 'dev-a': 1 }, { ist: 1 }),
    incoming: makeVersionedAnswer('str-01', { base: 1, 'dev-b': 1 }, { ist: 3 }),
    winner: 'incoming',
  },
  'org-1',
)

const agendaDoc = {
  agenda: makeAgenda({ entries: [makeEntry({ id: 'e-1', status: 'in_progress' })] }),
  events: [makeEvent({ id: 'ev-1', entryId: 'e-1', at: '2025-02-01T09:00:00.000Z' })],
}

describe('toDoc / parseDoc', () => {
  const valid: [SyncTable, unknown, string][] = [
    ['organisations', makeOrganisation(), 'organisation:org-1'],
    ['departments', makeDepartment(), 'department:dep-1'],
    ['rounds', makeRound(), 'round:round-1'],
    ['assessments', makeAssessment(), 'assessment:ass-1'],
    ['tombstones', makeTombstone(), 'tombstone:ass-1'],
    ['catalogs', makeCatalog(), 'catalog:eigener-katalog:1.0.0'],
    ['agendas', agendaDoc, 'agenda:ag-1'],
    ['services', makeService({ id: 'sv-1' }), 'service:sv-1'],
    ['syncConflicts', conflict, 'conflict:ass-1:str-01'],
  ]

  it.each(valid)('%s: a valid record is read back as the same record', (table, record, id) => {
    const doc = toDoc(table, record)
    expect(doc).toEqual({ _id: id, kind: expect.any(String), schema: 1, data: record })
    const back = parseDoc(JSON.parse(JSON.stringify(doc)), 'org-1')
    expect(back).toEqual({ ok: true, table, keyText: parseDocId(id)!.keyText, record })
  })

  it('a stored catalogue row is replicated as its catalogue', () => {
    const catalog = makeCatalog()
    const doc = toDoc('catalogs', { id: catalog.id, version: catalog.version, catalog })
    expect(doc._id).toBe('catalog:eigener-katalog:1.0.0')
    expect(doc.kind).toBe('catalog')
    expect(doc.data).toBe(catalog)
  })

  it('kinds match the id prefix', () => {
    expect(valid.map(([t, r]) => toDoc(t, r).kind)).toEqual(['organisation', 'department', 'round', 'assessment', 'tombstone', 'catalog', 'agenda', 'service', 'conflict'])
  })

  const ok = toDoc('assessments', makeAssessment())
  it.each<{ name: string; doc: unknown; reason: string }>([
    { name: 'not an object', doc: 'assessment:ass-1', reason: 'invalid' },
    { name: 'null', doc: null, reason: 'invalid' },
    { name: 'no id', doc: { ...ok, _id: undefined }, reason: 'unknownId' },
    { name: 'id of a kind the app does not write', doc: { ...ok, _id: '_design/x' }, reason: 'unknownId' },
    { name: 'wrong kind', doc: { ...ok, kind: 'round' }, reason: 'kindMismatch' },
    { name: 'kind missing', doc: { ...ok, kind: undefined }, reason: 'kindMismatch' },
    { name: 'schema 2', doc: { ...ok, schema: 2 }, reason: 'schema' },
    { name: 'schema as text', doc: { ...ok, schema: '1' }, reason: 'schema' },
    { name: 'data missing', doc: { ...ok, data: undefined }, reason: 'invalid' },
    { name: 'data an array', doc: { ...ok, data: [makeAssessment()] }, reason: 'invalid' },
    { name: 'id not matching the data', doc: { ...ok, _id: 'assessment:ass-2' }, reason: 'idMismatch' },
    { name: 'record of another organisation', doc: toDoc('assessments', makeAssessment({ orgId: 'org-2' })), reason: 'otherOrganisation' },
    { name: 'another organisation itself', doc: toDoc('organisations', makeOrganisation({ id: 'org-2' })), reason: 'otherOrganisation' },
    { name: 'tombstone of another organisation', doc: toDoc('tombstones', makeTombstone({ orgId: 'org-2' })), reason: 'otherOrganisation' },
    { name: 'agenda of another organisation', doc: toDoc('agendas', { agenda: makeAgenda({ orgId: 'org-2' }), events: [] }), reason: 'otherOrganisation' },
    { name: 'conflict of another organisation', doc: toDoc('syncConflicts', { ...conflict, orgId: 'org-2' }), reason: 'otherOrganisation' },
  ])('$name → $reason', ({ doc, reason }) => {
    const r = parseDoc(doc, 'org-1')
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toBe(reason)
  })

  it('catalogues belong to no organisation: any organisation reads them', () => {
    expect(parseDoc(toDoc('catalogs', makeCatalog()), 'org-9').ok).toBe(true)
  })

  it('an invalid answer in a questionnaire → invalid, naming the answer', () => {
    const bad = makeAssessment({ answers: { 'str-01': makeAnswer('str-01', { state: 'maybe' as 'na' }), 'str-02': makeAnswer('str-02', { rev: -1 }) } })
    expect(parseDoc(toDoc('assessments', bad), 'org-1')).toEqual({
      ok: false,
      reason: 'invalid',
      problems: ['answers.str-01.state: invalidEnum', 'answers.str-02.rev: outOfRange'],
    })
  })

  it('an answer filed under another item → invalid (keyMismatch)', () => {
    const bad = makeAssessment({ answers: { 'str-01': makeAnswer('str-02') } })
    expect(parseDoc(toDoc('assessments', bad), 'org-1')).toEqual({ ok: false, reason: 'invalid', problems: ['answers.str-01.itemId: keyMismatch'] })
  })

  it('an agenda with a status event of another agenda → invalid (events.i.agendaId: keyMismatch)', () => {
    const doc = toDoc('agendas', {
      agenda: agendaDoc.agenda,
      events: [agendaDoc.events[0], makeEvent({ id: 'ev-2', entryId: 'e-1', at: '2025-02-02T09:00:00.000Z', agendaId: 'ag-2' })],
    })
    expect(parseDoc(doc, 'org-1')).toEqual({ ok: false, reason: 'invalid', problems: ['events.1.agendaId: keyMismatch'] })
  })

  // Suspected bug: an imported backup checks an agenda together with its history
  // (integrity.ts: validateAgenda(agenda, { history })); parseDoc checks the agenda without it, so
  // a history that contradicts the agenda is taken over.
  it.each<[string, unknown]>([
    ['an event for an entry the agenda does not have', { ...agendaDoc, events: [makeEvent({ id: 'ev-1', entryId: 'e-404', at: '2025-02-01T09:00:00.000Z' })] }],
    ['two events with one id', { ...agendaDoc, events: [agendaDoc.events[0], { ...agendaDoc.events[0], at: '2025-02-02T09:00:00.000Z' }] }],
    ['an entry whose status is not the one its history ends with', { agenda: makeAgenda({ entries: [makeEntry({ id: 'e-1', status: 'planned' })] }), events: agendaDoc.events }],
  ])('an agenda document whose history contradicts it → invalid (%s)', (_, data) => {
    const r = parseDoc(toDoc('agendas', data), 'org-1')
    expect(r.ok ? 'ok' : r.reason).toBe('invalid')
  })

  it('an agenda without its history list → invalid (events: invalid)', () => {
    expect(parseDoc(toDoc('agendas', { agenda: agendaDoc.agenda }), 'org-1')).toEqual({ ok: false, reason: 'invalid', problems: ['events: invalid'] })
  })

  it('an agenda document without an agenda → invalid', () => {
    const r = parseDoc({ _id: 'agenda:ag-1', kind: 'agenda', schema: 1, data: { events: [] } }, 'org-1')
    expect(r).toEqual({ ok: false, reason: 'invalid', problems: ['agenda.(record): shape'] })
  })

  // Suspected bug: an imported file's records are stripped to their declared fields (checkAnswer,
  // the zod schemas); parseDoc returns the document's data as it came, unknown fields included.
  it('unknown fields of a document are not taken over (as an import strips them)', () => {
    const clean = makeAssessment()
    const dirty = { ...clean, junk: 'J', answers: { ...clean.answers, 'str-01': { ...clean.answers['str-01']!, extra: 'E' } } }
    expect(parseDoc(toDoc('assessments', dirty), 'org-1')).toEqual({ ok: true, table: 'assessments', keyText: 'ass-1', record: clean })
  })

  it('a catalogue under another version → idMismatch', () => {
    const doc = { ...toDoc('catalogs', makeCatalog()), _id: 'catalog:eigener-katalog:2.0.0' }
    expect(parseDoc(doc, 'org-1')).toEqual({ ok: false, reason: 'idMismatch' })
  })

  it('a conflict whose key does not name its answer → invalid (key: keyMismatch)', () => {
    const doc = { _id: 'conflict:ass-1:str-02', kind: 'conflict', schema: 1, data: { ...conflict, key: 'ass-1\u0000str-02' } }
    expect(parseDoc(doc, 'org-1')).toEqual({ ok: false, reason: 'invalid', problems: ['key: keyMismatch'] })
  })
})
