// The Digitale Agenda and the Leistungsinventar in the database: commands (the one write path) and
// repositories, a status change written as entry + event in one transaction, refused and failed writes
// that change nothing, deletions with tombstones, "delete all data", the demo, and full backups.
import { beforeEach, describe, expect, it } from 'vitest'
import cat1 from '@/catalogs/dc-kommune/1.0.0.json'
import cat2 from '@/catalogs/dc-kommune/2.0.0.json'
import { addAgendaEntry, changeAgendaEntryStatus, createAgenda, removeAgenda, removeAgendaEntry, updateAgendaEntry, updateAgendaHeader } from '@/commands/agenda'
import { clearAllData } from '@/commands/data'
import { createOrganisation, removeOrganisation } from '@/commands/organisations'
import { addStarterServices, createService, importServices, removeService, updateService } from '@/commands/services'
import { resetIdentityCache, setUserName } from '@/commands/stamp'
import * as agendas from '@/db/agendas'
import { applyStateDiff, readMergeBase, readSnapshot, replaceAllData } from '@/db/backup'
import { db } from '@/db/database'
import { loadDemo } from '@/db/demo'
import { getMeta, META_KEYS } from '@/db/meta'
import { listServices } from '@/db/services'
import { scanStoredData } from '@/db/quarantine'
import { validateStored } from '@/domain/exchange/stored-records'
import { getAgendaWithHistory, listAgendas, useAgendaWithHistory, useOrgAgendas, useOrgServices } from '@/composables/strategy-queries'
import { effectScope } from 'vue'
import { DEMO_ORG_ID } from '@/domain/demo/musterstadt'
import { DEMO_AGENDA_ID } from '@/domain/demo/musterstadt-strategy'
import type { Recommendation } from '@/domain/analysis/prioritisation'
import { diffStates, mergeExchange } from '@/domain/exchange/merge'
import { parseBackup } from '@/domain/exchange/parse'
import { attachChecksum, createBackup, serializeBackup } from '@/domain/exchange/serialise'
import { checksumOf } from '@/domain/exchange/checksum'
import type { Catalog } from '@/domain/model/types'
import { OZG_RGM_2 } from '@/domain/services/maturity-model'
import { STARTER_SERVICES } from '@/domain/services/starter-services'

const current = cat2 as unknown as Catalog
const previous = cat1 as unknown as Catalog
const known = (id: string, version: string) => [current, previous].find((c) => c.id === id && c.version === version)?.items.map((i) => i.id)
const knownItems = (id: string, version: string) => {
  const items = known(id, version)
  return items ? new Set(items) : undefined
}

beforeEach(async () => {
  await db.delete()
  await db.open()
  resetIdentityCache()
})

/** A minimal recommendation: only what createAgendaFromRecommendations reads. */
function rec(measureId: string, cls: Recommendation['class'], rank: number): Recommendation {
  return { measureId, class: cls, rank, triggered: true, dependsOn: [] } as unknown as Recommendation
}

async function seedAgenda() {
  const org = await createOrganisation({ name: 'Teststadt', type: 'stadt', bundesland: 'NW', inhabitants: 30000, staff: 250 })
  const created = await createAgenda([rec('m-2', 'quick_win', 2), rec('m-1', 'leitprojekt', 1), rec('m-3', 'ergaenzung', 3)], { orgId: org.id, name: 'Digitale Agenda', startYear: 2026, years: 10 })
  if (!created.ok) throw new Error(created.error.code)
  return { org, agenda: created.agenda }
}

describe('agenda commands and repository', () => {
  it('creates an agenda from recommendations (Leitprojekt and quick win; no Ergänzung), stamped, and lists it', async () => {
    await setUserName('Frau Meier')
    const { org, agenda } = await seedAgenda()
    expect(agenda.entries.map((e) => [e.measureId, e.kind, e.status, e.order, e.updatedBy, e.rev])).toEqual([
      ['m-1', 'leitprojekt', 'planned', 1, 'Frau Meier', 1],
      ['m-2', 'quick_win', 'planned', 2, 'Frau Meier', 1],
    ])
    expect(agenda.phases.map((p) => [p.startYear, p.endYear])).toEqual([
      [2026, 2027],
      [2028, 2030],
      [2031, 2035],
    ])
    expect(await listAgendas(org.id)).toEqual([agenda])
    expect(await getAgendaWithHistory(agenda.id)).toEqual({ agenda, history: [] })
    expect(await getMeta(META_KEYS.lastChangeAt)).toBe(agenda.createdAt)
  })

  it('a status change writes the entry and its event together; the history reads oldest first', async () => {
    const { agenda } = await seedAgenda()
    const e1 = agenda.entries[0]!.id
    const started = await changeAgendaEntryStatus(agenda.id, e1, 'in_progress')
    const done = await changeAgendaEntryStatus(agenda.id, e1, 'done')
    if (!started.ok || !done.ok) throw new Error('refused')
    const read = (await getAgendaWithHistory(agenda.id))!
    expect(read.agenda.entries[0]).toMatchObject({ status: 'done', rev: 3 })
    expect(read.history.map((e) => [e.entryId, e.from, e.to, e.rev])).toEqual([
      [e1, 'planned', 'in_progress', 2],
      [e1, 'in_progress', 'done', 3],
    ])
    expect(read.history).toEqual([started.event, done.event])
    expect(await db.agendaEvents.where('[agendaId+entryId]').equals([agenda.id, e1]).count()).toBe(2)
  })

  it('a refused status change (done → planned; reopening without a note) writes nothing', async () => {
    const { agenda } = await seedAgenda()
    const e1 = agenda.entries[0]!.id
    await changeAgendaEntryStatus(agenda.id, e1, 'done')
    const before = await getAgendaWithHistory(agenda.id)
    expect(await changeAgendaEntryStatus(agenda.id, e1, 'planned')).toEqual({ ok: false, error: { code: 'agenda.transitionNotAllowed', params: { id: e1, from: 'done', to: 'planned' } } })
    expect(await changeAgendaEntryStatus(agenda.id, e1, 'in_progress')).toEqual({ ok: false, error: { code: 'agenda.noteRequired', params: { id: e1, from: 'done', to: 'in_progress' } } })
    expect(await changeAgendaEntryStatus(agenda.id, 'nope', 'done')).toEqual({ ok: false, error: { code: 'agenda.entryNotFound', params: { id: agenda.id, entryId: 'nope' } } })
    expect(await getAgendaWithHistory(agenda.id)).toEqual(before)
    expect((await changeAgendaEntryStatus(agenda.id, e1, 'in_progress', 'Nacharbeit nötig')).ok).toBe(true)
  })

  it('a failed write changes nothing: the event cannot be stored, so the entry keeps its status', async () => {
    const { agenda } = await seedAgenda()
    const e1 = agenda.entries[0]!.id
    await db.agendaEvents.add({ id: 'taken', agendaId: agenda.id, entryId: e1, from: 'planned', to: 'planned', at: agenda.createdAt, by: '', deviceId: 'x', rev: 1, note: '' })
    const before = await db.agendas.get(agenda.id)
    const lastChange = await getMeta(META_KEYS.lastChangeAt)
    const stamp = { at: '2030-01-01T00:00:00.000Z', by: 'Test', deviceId: 'dev-t' }
    await expect(agendas.changeEntryStatus(agenda.id, e1, 'in_progress', { stamp, eventId: 'taken' })).rejects.toMatchObject({ name: 'ConstraintError' })
    expect(await db.agendas.get(agenda.id)).toEqual(before)
    expect((await db.agendaEvents.toArray()).map((e) => e.id)).toEqual(['taken'])
    expect(await getMeta(META_KEYS.lastChangeAt)).toBe(lastChange)
  })

  it('edits entries and the header; an edit that breaks the agenda’s rules is refused and writes nothing', async () => {
    const { agenda } = await seedAgenda()
    const e2 = agenda.entries[1]!.id
    const edited = await updateAgendaEntry(agenda.id, e2, { start: '2026-03', end: '2026-09', budgetEstimate: 4500, note: 'mit IT' })
    if (!edited.ok) throw new Error(edited.error.code)
    expect(edited.entry).toMatchObject({ start: '2026-03', end: '2026-09', budgetEstimate: 4500, note: 'mit IT', rev: 2, status: 'planned' })
    const before = await db.agendas.get(agenda.id)
    const wrong = await updateAgendaEntry(agenda.id, e2, { end: '2026-01' })
    expect(wrong).toEqual({ ok: false, error: { code: 'agenda.invalid', params: {}, issues: [{ code: 'agenda.endBeforeStart', params: { id: e2, start: '2026-03', end: '2026-01' } }] } })
    const shorter = await updateAgendaHeader(agenda.id, { horizon: { startYear: 2027, years: 3 } })
    expect(shorter.ok ? [] : shorter.error.issues!.map((i) => i.code)).toEqual(['agenda.phaseOutsideHorizon', 'agenda.phaseOutsideHorizon', 'agenda.phaseOutsideHorizon', 'agenda.dateOutsideHorizon', 'agenda.dateOutsideHorizon'])
    expect(await db.agendas.get(agenda.id)).toEqual(before)
    const renamed = await updateAgendaHeader(agenda.id, { name: 'Digitalstrategie', version: '1.1' })
    expect(renamed.ok && [renamed.agenda.name, renamed.agenda.version, renamed.agenda.rev]).toEqual(['Digitalstrategie', '1.1', 2])
  })

  it('adds an own entry after the last, removes one (an entry tombstone stays, its history too)', async () => {
    const { agenda } = await seedAgenda()
    const own = await addAgendaEntry(agenda.id, { kind: 'measure', title: 'WLAN in allen Schulen' })
    if (!own.ok) throw new Error(own.error.code)
    expect(own.entry).toMatchObject({ order: 3, measureId: null, status: 'planned' })
    expect(await addAgendaEntry(agenda.id, { kind: 'measure' })).toMatchObject({ ok: false, error: { code: 'agenda.invalid', issues: [{ code: 'agenda.entryUntitled' }] } })
    await changeAgendaEntryStatus(agenda.id, own.entry.id, 'in_progress')
    const removed = await removeAgendaEntry(agenda.id, own.entry.id)
    if (!removed.ok) throw new Error(removed.error.code)
    const read = (await getAgendaWithHistory(agenda.id))!
    expect(read.agenda.entries.map((e) => e.id)).not.toContain(own.entry.id)
    expect(read.agenda.removedEntries.map((t) => t.id)).toEqual([own.entry.id])
    expect(read.history.map((e) => e.entryId)).toEqual([own.entry.id])
  })

  it('deleting an agenda removes it with its history and leaves a tombstone', async () => {
    const { org, agenda } = await seedAgenda()
    await changeAgendaEntryStatus(agenda.id, agenda.entries[0]!.id, 'in_progress')
    await removeAgenda(agenda.id)
    expect([await db.agendas.count(), await db.agendaEvents.count()]).toEqual([0, 0])
    expect(await db.tombstones.toArray()).toEqual([expect.objectContaining({ id: agenda.id, kind: 'agenda', orgId: org.id })])
  })
})

/** Waits until `read()` is not undefined (a live query delivers asynchronously). */
async function until<T>(read: () => T | undefined, test: (v: T) => boolean = () => true): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = read()
    if (v !== undefined && test(v)) return v
    await new Promise((r) => setTimeout(r, 10))
  }
  throw new Error('live query did not deliver')
}

describe('live reads for screens (composables/strategy-queries.ts)', () => {
  it('agendas of an organisation, one agenda with its history and the inventory follow every write', async () => {
    const { org, agenda } = await seedAgenda()
    const scope = effectScope()
    const live = scope.run(() => ({ list: useOrgAgendas(() => org.id), one: useAgendaWithHistory(() => agenda.id), services: useOrgServices(() => org.id), none: useAgendaWithHistory(() => null) }))!
    expect((await until(() => live.list.data.value)).map((a) => a.id)).toEqual([agenda.id])
    expect(await until(() => live.one.data.value)).toEqual({ agenda, history: [] })
    expect(await until(() => live.services.data.value)).toEqual([])
    expect(await until(() => live.none.data.value, (v) => v === null)).toBeNull()
    await changeAgendaEntryStatus(agenda.id, agenda.entries[0]!.id, 'in_progress')
    const moved = await until(() => live.one.data.value, (v) => v !== null && v.history.length === 1)
    expect([moved!.agenda.entries[0]!.status, moved!.history[0]!.to]).toEqual(['in_progress', 'in_progress'])
    await createService(org.id, { name: 'Wohngeld', channels: [], onlinePayment: false, formType: 'none', maturity: { model: OZG_RGM_2.key, ratings: {} } })
    expect((await until(() => live.services.data.value, (v) => v.length === 1)).map((x) => x.name)).toEqual(['Wohngeld'])
    scope.stop()
  })
})

describe('validated reads', () => {
  it('a stored agenda or service that breaks the rules is set aside: left out of reads and backups (with its history)', async () => {
    const { org, agenda } = await seedAgenda()
    await changeAgendaEntryStatus(agenda.id, agenda.entries[0]!.id, 'in_progress')
    await createService(org.id, { name: 'Wohngeld', channels: [], onlinePayment: false, formType: 'none', maturity: { model: OZG_RGM_2.key, ratings: {} } })
    const service = (await db.services.toArray())[0]!
    await db.agendas.put({ ...agenda, phases: [{ id: 'p', name: '', startYear: 2030, endYear: 2027 }] })
    await db.services.put({ ...service, channels: ['post', 'post'] })
    await db.agendaEvents.put({ id: 'odd', agendaId: 'x', entryId: 'y', from: 'planned', to: 'weg' as 'done', at: agenda.createdAt, by: '', deviceId: 'd', rev: 1, note: '' })
    expect(await scanStoredData(validateStored)).toEqual([
      { table: 'agendas', key: agenda.id, problems: ['(record): agenda.phaseReversed p'] },
      { table: 'agendaEvents', key: 'odd', problems: ['to: invalid_value'] },
      { table: 'services', key: service.id, problems: ['channels: duplicate_channel'] },
    ])
    expect([await listAgendas(org.id), await listServices(org.id), await getAgendaWithHistory(agenda.id)]).toEqual([[], [], undefined])
    const snapshot = await readSnapshot()
    expect([snapshot.agendas, snapshot.agendaEvents, snapshot.services]).toEqual([[], [], []])
  })
})

describe('service commands and repository', () => {
  it('creates, lists by name, updates (an optional field removed) and deletes with a tombstone', async () => {
    const org = await createOrganisation({ name: 'Teststadt', type: 'stadt', bundesland: 'NW', inhabitants: null, staff: null })
    const model = { model: OZG_RGM_2.key, ratings: {} }
    const a = await createService(org.id, { name: 'Wohngeld', channels: ['post'], casesPerYear: 300, onlinePayment: false, formType: 'pdf', maturity: model })
    const b = await createService(org.id, { name: 'Anwohnerparken', channels: ['online'], onlinePayment: true, formType: 'html-form', maturity: model, leikaKey: '99050012104000' })
    if (!a.ok || !b.ok) throw new Error('refused')
    expect(a.services[0]).toMatchObject({ orgId: org.id, rev: 1, createdAt: a.services[0]!.updatedAt })
    expect((await listServices(org.id)).map((s) => s.name)).toEqual(['Anwohnerparken', 'Wohngeld'])
    const updated = await updateService(a.services[0]!.id, { casesPerYear: undefined, maturity: { model: OZG_RGM_2.key, ratings: { information: 3 } } })
    expect(updated?.ok && updated.service).toMatchObject({ rev: 2, maturity: { ratings: { information: 3 } } })
    expect(updated?.ok && 'casesPerYear' in updated.service).toBe(false)
    expect(await updateService('missing', { name: 'x' })).toBeUndefined()
    await removeService(b.services[0]!.id)
    expect((await listServices(org.id)).map((s) => s.name)).toEqual(['Wohngeld'])
    expect(await db.tombstones.toArray()).toEqual([expect.objectContaining({ id: b.services[0]!.id, kind: 'service', orgId: org.id })])
  })

  it('refuses what checkService rejects and writes nothing; an import is all or none', async () => {
    const model = { model: OZG_RGM_2.key, ratings: {} }
    const good = { id: 'i-1', name: 'Fundsachen', channels: ['counter' as const], onlinePayment: false, formType: 'none' as const, maturity: model }
    const bad = { id: 'i-2', name: 'Gewerbe', channels: ['post' as const], onlinePayment: false, formType: 'none' as const, maturity: model, leikaKey: '123' }
    expect(await importServices('org-1', [good, bad])).toEqual({ ok: false, issues: [{ index: 1, issues: [{ field: 'leikaKey', code: 'invalid_leika', params: { value: '123' } }] }] })
    expect(await db.services.count()).toBe(0)
    const done = await importServices('org-1', [good])
    expect(done.ok && done.services.map((s) => s.id)).toEqual(['i-1'])
    expect(await updateService('i-1', { name: ' ' })).toEqual({ ok: false, issues: [{ index: 0, issues: [{ field: 'name', code: 'required', params: {} }] }] })
    expect((await db.services.get('i-1'))!.name).toBe('Fundsachen')
  })

  it('adds starter services in the chosen language, unrated', async () => {
    const added = await addStarterServices('org-1', STARTER_SERVICES.slice(0, 2), 'en')
    expect(added.ok && added.services.map((s) => [s.name, s.starterId, s.channels, s.maturity.ratings])).toEqual([
      ['Bulky waste collection request', 'sperrmuell', [], {}],
      ['Register a garden water meter', 'gartenwasserzaehler', [], {}],
    ])
  })
})

describe('deleting an organisation, deleting all data', () => {
  it('deleting an organisation takes its agendas (with history) and services and leaves tombstones', async () => {
    const { org, agenda } = await seedAgenda()
    await changeAgendaEntryStatus(agenda.id, agenda.entries[0]!.id, 'in_progress')
    await createService(org.id, { name: 'Wohngeld', channels: [], onlinePayment: false, formType: 'none', maturity: { model: OZG_RGM_2.key, ratings: {} } })
    await removeOrganisation(org.id)
    expect([await db.agendas.count(), await db.agendaEvents.count(), await db.services.count()]).toEqual([0, 0, 0])
    expect((await db.tombstones.toArray()).map((t) => t.kind).sort()).toEqual(['agenda', 'organisation', 'service'])
  })

  it('"Alle Daten löschen" empties the agenda, its history and the inventory too', async () => {
    await loadDemo(current, previous, '2026-11-21T12:00:00.000Z')
    expect([await db.agendas.count(), await db.agendaEvents.count(), await db.services.count()]).toEqual([1, 9, 12])
    const deviceId = (await db.meta.get('deviceId'))?.value
    await clearAllData()
    expect([await db.agendas.count(), await db.agendaEvents.count(), await db.services.count(), await db.organisations.count()]).toEqual([0, 0, 0, 0])
    expect((await db.meta.get('deviceId'))?.value).toBe(deviceId)
  })
})

describe('the demo and full backups through the database', () => {
  const NOW = '2026-11-21T12:00:00.000Z'
  const meta = { now: new Date('2026-11-22T08:00:00.000Z'), appVersion: 'test', scoringModelVersion: '2.0.0', deviceId: 'dev-local' }

  async function restore(text: string) {
    const parsed = parseBackup(text, { knownCatalogItems: knownItems })
    if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.code} ${JSON.stringify(e.params)} ${e.path ?? ''}`).join('; '))
    const base = await readMergeBase([parsed.backup])
    const merged = mergeExchange(base, parsed.backup)
    if (!merged.ok) throw new Error(merged.errors.map((e) => e.code).join('; '))
    return applyStateDiff(diffStates(base, merged.state), '2026-11-22T09:00:00.000Z')
  }

  it('loads the demo with its agenda, history and inventory; the screens’ reads return them', async () => {
    expect(await loadDemo(current, previous, NOW)).toBe('loaded')
    const read = (await getAgendaWithHistory(DEMO_AGENDA_ID))!
    expect([read.agenda.name, read.agenda.version, read.agenda.entries.length, read.history.length]).toEqual(['Digitale Agenda', '1.0', 19, 9])
    expect((await listServices(DEMO_ORG_ID)).length).toBe(12)
    expect(await loadDemo(current, previous, NOW)).toBe('exists')
  })

  it('export → delete everything → restore gives the same agenda, history and inventory; restoring again writes nothing', async () => {
    await loadDemo(current, previous, NOW)
    await changeAgendaEntryStatus(DEMO_AGENDA_ID, `${DEMO_AGENDA_ID}-e5`, 'in_progress', 'Start vorgezogen')
    const before = await readSnapshot()
    expect([before.agendas.length, before.agendaEvents.length, before.services.length]).toEqual([1, 10, 12])
    const text = serializeBackup(createBackup(before, meta))
    await clearAllData()
    expect(await restore(text)).toBe(
      before.organisations.length + before.departments.length + before.rounds.length + before.assessments.length + 1 + 10 + 12,
    )
    expect(await readSnapshot()).toEqual(before)
    expect(await restore(text)).toBe(0)
  })

  it('a backup without the new tables (format 2) merges into data that has an agenda without touching it; "replace everything" empties them', async () => {
    await loadDemo(current, previous, NOW)
    const before = await readSnapshot()
    // The same data as an app with backup format 2 wrote it: no strategy tables, its own checksum.
    const v3 = serializeBackup(createBackup({ ...before, agendas: [], agendaEvents: [], services: [] }, meta))
    const canonical = v3
      .replace('  "formatVersion": 3,\n', '  "formatVersion": 2,\n')
      .replace('  "agendas": [],\n  "agendaEvents": [],\n  "services": [],\n', '')
      .replace(/,\n {2}"checksum": "sha256:[0-9a-f]{64}"\n\}\n$/, '\n}\n')
    const v2Text = attachChecksum(canonical, checksumOf(canonical))
    expect(JSON.parse(v2Text)).not.toHaveProperty('agendas')
    expect(await restore(v2Text)).toBe(0)
    expect(await readSnapshot()).toEqual(before)
    const parsed = parseBackup(v2Text, { knownCatalogItems: knownItems })
    if (!parsed.ok) throw new Error('not readable')
    await replaceAllData(parsed.backup)
    expect([await db.agendas.count(), await db.agendaEvents.count(), await db.services.count(), await db.assessments.count()]).toEqual([0, 0, 0, before.assessments.length])
  })

  it('the merge base holds every local event of an agenda the file touches', async () => {
    await loadDemo(current, previous, NOW)
    const snapshot = await readSnapshot()
    const base = await readMergeBase([{ ...snapshot, organisations: [], departments: [], rounds: [], assessments: [], agendaEvents: [], services: [] }])
    expect([base.agendas.map((a) => a.id), base.agendaEvents.length, base.services.length, base.assessments.length]).toEqual([[DEMO_AGENDA_ID], 9, 0, 0])
  })
})
