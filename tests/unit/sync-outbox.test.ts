/**
 * The local side of replication (db/sync-outbox-middleware.ts, db/sync.ts, db/sync-settings.ts,
 * commands/sync.ts) on a real IndexedDB (fake-indexeddb), seeded with the app's commands: every
 * write of replicated data is noted in `syncOutbox` in the same transaction, the engine's reads
 * give records in document form, answer conflicts are kept until an answer settles them, and the
 * password never leaves `meta`.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { removeAssessment, saveAnswer, setAssessmentStatus } from '@/commands/assessments'
import { addAgendaEntry, changeAgendaEntryStatus, createAgenda, removeAgenda } from '@/commands/agenda'
import { clearAllData, importCatalog } from '@/commands/data'
import { createDepartment, createOrganisation, updateDepartment } from '@/commands/organisations'
import { deviceIdentity, resetIdentityCache } from '@/commands/stamp'
import { decideSyncConflicts } from '@/commands/sync'
import { applyStateDiff, readSnapshot } from '@/db/backup'
import { db } from '@/db/database'
import {
  keepSyncConflicts,
  listSyncConflicts,
  outboxCount,
  outboxEntries,
  readLocalViews,
  readSyncPassword,
  readFeedPosition,
  readSyncSettings,
  removeSettledConflicts,
  removeSyncSettings,
  syncedOrganisations,
  syncWanted,
  writeFeedPosition,
  settleOutbox,
  writeSyncSettings,
  type OutboxEntry,
} from '@/db/sync'
import { buildBackupBlob } from '@/workers/exchange-session'
import { createBackup, serializeBackup } from '@/domain/exchange/serialise'
import { diffStates } from '@/domain/exchange/merge'
import { compareVectors, joinVectors } from '@/domain/model/provenance'
import type { Answer, Assessment } from '@/domain/model/types'
import { isSettled, syncConflictOf, type StoredSyncConflict } from '@/domain/sync/conflicts'
import { mergeIncoming } from '@/domain/sync/plan'
import type { SyncSettings } from '@/domain/sync/types'
import { META, makeCatalog, makeVersionedAnswer } from '../fixtures/backup-builders'
import { seedTeststadt } from '../fixtures/db-seed'

beforeEach(async () => {
  await db.delete()
  await db.open()
  resetIdentityCache()
})

const seed = seedTeststadt

async function seedAgenda(orgId: string) {
  const created = await createAgenda([], { orgId, name: 'Digitale Agenda', startYear: 2026, years: 5 })
  if (!created.ok) throw new Error(created.error.code)
  const added = await addAgendaEntry(created.agenda.id, { kind: 'leitprojekt', title: 'E-Akte einführen' })
  if (!added.ok) throw new Error(added.error.code)
  return { agendaId: created.agenda.id, entryId: added.entry.id }
}

const byKey = (a: OutboxEntry, b: OutboxEntry) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
/** The outbox without tokens (they are random), sorted by key. */
async function outbox(): Promise<Omit<OutboxEntry, 'token'>[]> {
  return (await outboxEntries()).sort(byKey).map(({ token: _token, ...rest }) => rest)
}
const entry = (table: OutboxEntry['table'], keyText: string, orgId: string) => ({ key: `${table}\u0000${keyText}`, table, keyText, orgId })

describe('syncOutbox: every write of replicated data is noted', () => {
  it('creating organisation, department, round and questionnaire notes each with its organisation', async () => {
    const { org, dep, round, a } = await seed()
    expect(await outbox()).toEqual(
      [entry('organisations', org.id, org.id), entry('departments', dep.id, org.id), entry('rounds', round.id, org.id), entry('assessments', a.id, org.id)].sort((x, y) => (x.key < y.key ? -1 : 1)),
    )
  })

  it("saveAnswer notes the questionnaire ('assessments' NUL id) with its organisation, nothing else", async () => {
    const { org, a } = await seed()
    await db.syncOutbox.clear()
    await saveAnswer(a.id, 'str-01', { state: 'level', ist: 2 })
    expect(await outbox()).toEqual([entry('assessments', a.id, org.id)])
    expect((await outboxEntries())[0]!.key).toBe(`assessments\u0000${a.id}`)
  })

  it('a status event notes its agenda', async () => {
    const { org } = await seed()
    const { agendaId, entryId } = await seedAgenda(org.id)
    await db.syncOutbox.clear()
    const r = await changeAgendaEntryStatus(agendaId, entryId, 'in_progress')
    expect(r.ok).toBe(true)
    expect(await db.agendaEvents.count()).toBe(1)
    const out = await outbox()
    expect(out.map((e) => e.key)).toEqual([`agendas\u0000${agendaId}`])
    expect(['', org.id]).toContain(out[0]!.orgId)
    expect(await outboxCount(org.id)).toBe(1)
  })

  it('only a status event written (no agenda write) still notes the agenda', async () => {
    const { org } = await seed()
    const { agendaId, entryId } = await seedAgenda(org.id)
    await db.syncOutbox.clear()
    await db.agendaEvents.put({ id: 'ev-x', agendaId, entryId, from: 'planned', to: 'in_progress', at: '2026-01-01T00:00:00.000Z', by: '', deviceId: 'd', rev: 2, note: '' })
    expect(await outbox()).toEqual([entry('agendas', agendaId, '')])
  })

  it('removeAssessment notes the questionnaire and its tombstone', async () => {
    const { org, a } = await seed()
    await db.syncOutbox.clear()
    await removeAssessment(a.id)
    expect(await outbox()).toEqual([entry('assessments', a.id, ''), entry('tombstones', a.id, org.id)])
  })

  it('removing an agenda notes the agenda (its events go with it) and its tombstone', async () => {
    const { org } = await seed()
    const { agendaId, entryId } = await seedAgenda(org.id)
    await changeAgendaEntryStatus(agendaId, entryId, 'in_progress')
    await db.syncOutbox.clear()
    await removeAgenda(agendaId)
    expect(await db.agendaEvents.count()).toBe(0)
    expect(await outbox()).toEqual([entry('agendas', agendaId, ''), entry('tombstones', agendaId, org.id)])
  })

  it("clearing a table notes '*' for it", async () => {
    await seed()
    await db.syncOutbox.clear()
    await db.departments.clear()
    expect(await outbox()).toEqual([entry('departments', '*', '')])
  })

  it('a stored catalogue is noted by id NUL version, without organisation', async () => {
    await seed()
    await db.syncOutbox.clear()
    expect(await importCatalog(makeCatalog())).toBe('added')
    expect(await outbox()).toEqual([entry('catalogs', 'eigener-katalog\u00001.0.0', '')])
  })

  it('writes of tables that are not replicated (meta, summaries) note nothing', async () => {
    await seed()
    await db.syncOutbox.clear()
    await db.meta.put({ key: 'userName', value: 'X' })
    await db.assessmentSummaries.clear()
    expect(await outbox()).toEqual([])
  })

  it('a transaction that throws after a write leaves no outbox entry (atomic)', async () => {
    const { a } = await seed()
    await db.syncOutbox.clear()
    await expect(
      db.transaction('rw', db.assessments, db.departments, async () => {
        await db.assessments.put({ ...a, respondent: 'Neu' })
        await db.departments.delete('nope')
        throw new Error('abort')
      }),
    ).rejects.toThrow('abort')
    expect(await outbox()).toEqual([])
    expect((await db.assessments.get(a.id))!.respondent).toBe('Amtsleitung')
  })

  it('a failed command (saveAnswer on a missing questionnaire) leaves no entry', async () => {
    await seed()
    await db.syncOutbox.clear()
    await expect(saveAnswer('missing', 'str-01', { ist: 1 })).rejects.toThrow()
    expect(await outbox()).toEqual([])
  })

  it('one entry per record however often it is written; the token changes with every write', async () => {
    const { a } = await seed()
    await db.syncOutbox.clear()
    const tokens: string[] = []
    for (const ist of [1, 2, 3] as const) {
      await saveAnswer(a.id, 'str-01', { ist })
      const all = await outboxEntries()
      expect(all).toHaveLength(1)
      tokens.push(all[0]!.token)
    }
    await setAssessmentStatus(a.id, 'submitted')
    expect(await outboxEntries()).toHaveLength(1)
    tokens.push((await outboxEntries())[0]!.token)
    expect(new Set(tokens).size).toBe(4)
  })

  it('settleOutbox removes only entries whose token is unchanged', async () => {
    const { org, dep, a } = await seed()
    const before = await outboxEntries()
    expect(before).toHaveLength(4)
    await saveAnswer(a.id, 'str-01', { ist: 1 })
    await settleOutbox(before)
    expect(await outbox()).toEqual([entry('assessments', a.id, org.id)])
    // The current token settles it.
    await settleOutbox(await outboxEntries())
    expect(await outbox()).toEqual([])
    // Unknown entries are no error.
    await settleOutbox([{ ...entry('departments', dep.id, org.id), token: 'x' }])
    expect(await outbox()).toEqual([])
  })
})

describe('readLocalViews', () => {
  it('records in document form: agenda with its events, catalogue row as catalogue, tombstone, conflicts with their answer', async () => {
    const { org, dep, a } = await seed()
    const { agendaId, entryId } = await seedAgenda(org.id)
    await changeAgendaEntryStatus(agendaId, entryId, 'in_progress')
    const catalog = makeCatalog()
    await importCatalog(catalog)
    await removeAssessment(a.id)
    const { views, foreign } = await readLocalViews(org.id, [
      { table: 'agendas', keyText: agendaId },
      { table: 'catalogs', keyText: 'eigener-katalog\u00001.0.0' },
      { table: 'assessments', keyText: a.id },
      { table: 'tombstones', keyText: a.id },
      { table: 'departments', keyText: dep.id },
      { table: 'departments', keyText: 'unknown' },
    ])
    expect(foreign.size).toBe(0)
    const agenda = await db.agendas.get(agendaId)
    const events = await db.agendaEvents.where('agendaId').equals(agendaId).toArray()
    expect(events).toHaveLength(1)
    expect(views.get(`agendas\u0000${agendaId}`)).toEqual({ record: { agenda, events }, tombstone: undefined })
    expect(views.get('catalogs\u0000eigener-katalog\u00001.0.0')!.record).toEqual(catalog)
    const tomb = await db.tombstones.get(a.id)
    expect(tomb).toMatchObject({ id: a.id, kind: 'assessment', orgId: org.id })
    expect(views.get(`assessments\u0000${a.id}`)).toEqual({ record: undefined, tombstone: tomb })
    expect(views.get(`tombstones\u0000${a.id}`)!.record).toEqual(tomb)
    expect(views.get(`departments\u0000${dep.id}`)).toEqual({ record: await db.departments.get(dep.id), tombstone: undefined })
    expect(views.get('departments\u0000unknown')).toEqual({ record: undefined, tombstone: undefined })
  })

  it("another organisation's record is `foreign`", async () => {
    const { org, dep } = await seed()
    const other = await createOrganisation({ name: 'Nachbarstadt', type: 'stadt', bundesland: 'BY', inhabitants: 1000, staff: 10 })
    const otherDep = await createDepartment({ orgId: other.id, name: 'Bauamt', code: '60', parentUnit: '', head: '', staff: 3, kind: 'specialist' })
    const { views, foreign } = await readLocalViews(org.id, [
      { table: 'departments', keyText: dep.id },
      { table: 'departments', keyText: otherDep.id },
      { table: 'organisations', keyText: other.id },
      { table: 'organisations', keyText: org.id },
    ])
    expect([...foreign].sort()).toEqual([`departments\u0000${otherDep.id}`, `organisations\u0000${other.id}`].sort())
    expect(views.get(`departments\u0000${otherDep.id}`)!.record).toEqual(await db.departments.get(otherDep.id))
  })

  it("a tombstone of another organisation's record makes it `foreign`", async () => {
    const { org } = await seed()
    const other = await createOrganisation({ name: 'Nachbarstadt', type: 'stadt', bundesland: 'BY', inhabitants: 1000, staff: 10 })
    const otherDep = await createDepartment({ orgId: other.id, name: 'Bauamt', code: '60', parentUnit: '', head: '', staff: 3, kind: 'specialist' })
    await db.departments.delete(otherDep.id)
    await db.tombstones.put({ id: otherDep.id, kind: 'department', orgId: other.id, deletedAt: '2026-01-01T00:00:00.000Z', deletedBy: '', deviceId: 'd' })
    const { foreign } = await readLocalViews(org.id, [{ table: 'departments', keyText: otherDep.id }])
    expect([...foreign]).toEqual([`departments\u0000${otherDep.id}`])
  })
})

// ---------------------------------------------------------------------------------------------
// Answer conflicts
// ---------------------------------------------------------------------------------------------

const EARLY = '2000-01-01T00:00:00.000Z'
const LATE = '2999-01-01T00:00:00.000Z'

/** Merges another device's version of the questionnaire (its changes of `changes`) like the engine's pull. */
async function mergeFromOther(assessmentId: string, changes: Record<string, Partial<Answer>>): Promise<StoredSyncConflict[]> {
  const base = await readSnapshot()
  const mine = base.assessments.find((x) => x.id === assessmentId)!
  const theirs: Assessment = { ...mine, answers: { ...mine.answers } }
  for (const [itemId, over] of Object.entries(changes)) theirs.answers[itemId] = makeVersionedAnswer(itemId, { 'dev-other': 1 }, { updatedBy: 'Herr B', ...over })
  const merged = mergeIncoming(base, [{ table: 'assessments', keyText: assessmentId, leaves: [theirs] }])
  await applyStateDiff(diffStates(base, merged.state))
  const found = merged.conflicts.map((c) => syncConflictOf(c, mine.orgId))
  await keepSyncConflicts(found)
  return found
}

const answerOf = async (assessmentId: string, itemId: string) => (await db.assessments.get(assessmentId))!.answers[itemId]

describe('sync conflicts in the database', () => {
  it('keepSyncConflicts stores only the ones the answers here do not settle', async () => {
    const { org, a } = await seed()
    await saveAnswer(a.id, 'str-01', { ist: 1 })
    await saveAnswer(a.id, 'str-02', { ist: 1 })
    const found = await mergeFromOther(a.id, { 'str-01': { ist: 3, updatedAt: EARLY }, 'str-02': { ist: 4, updatedAt: EARLY } })
    expect(found.map((c) => c.itemId)).toEqual(['str-01', 'str-02'])
    expect((await listSyncConflicts(org.id)).map((c) => c.itemId).sort()).toEqual(['str-01', 'str-02'])
    // A conflict from the server that a later change here already settles is not kept.
    await db.syncConflicts.clear()
    await saveAnswer(a.id, 'str-02', { ist: 2 })
    await keepSyncConflicts(found)
    expect((await listSyncConflicts(org.id)).map((c) => c.itemId)).toEqual(['str-01'])
    // Conflicts are replicated records: their writes are noted in the outbox.
    expect((await outbox()).filter((e) => e.table === 'syncConflicts')).toEqual([
      entry('syncConflicts', '*', ''),
      entry('syncConflicts', `${a.id}\u0000str-01`, org.id),
      entry('syncConflicts', `${a.id}\u0000str-02`, org.id),
    ])
  })

  // Suspected bug: `isSettled` reads "no answer here" as "deleted", also when the questionnaire has
  // simply not arrived yet (the replication copy fills in batches; a conflict document can come
  // before its questionnaire). The conflict is then dropped here, and the drain (`planMirror` with
  // no record and no answer) deletes every revision of it on the server.
  it('a conflict whose questionnaire has not arrived yet (no tombstone) is kept', async () => {
    const { org } = await seed()
    const a1 = makeVersionedAnswer('str-01', { 'dev-a': 1 }, { ist: 1 })
    const b1 = makeVersionedAnswer('str-01', { 'dev-b': 1 }, { ist: 3 })
    const c = syncConflictOf({ assessmentId: 'ass-not-here-yet', itemId: 'str-01', local: a1, incoming: b1, winner: 'incoming' }, org.id)
    expect(await db.tombstones.get('ass-not-here-yet')).toBeUndefined()
    await keepSyncConflicts([c])
    expect(await listSyncConflicts(org.id)).toEqual([c])
  })

  it('removeSettledConflicts removes a conflict after saveAnswer on that item, and only that one', async () => {
    const { org, a } = await seed()
    await saveAnswer(a.id, 'str-01', { ist: 1 })
    await saveAnswer(a.id, 'str-02', { ist: 1 })
    await mergeFromOther(a.id, { 'str-01': { ist: 3, updatedAt: EARLY }, 'str-02': { ist: 4, updatedAt: EARLY } })
    expect(await removeSettledConflicts(org.id)).toBe(0)
    await saveAnswer(a.id, 'str-01', { ist: 2 })
    expect(await removeSettledConflicts(org.id)).toBe(1)
    expect((await listSyncConflicts(org.id)).map((c) => c.itemId)).toEqual(['str-02'])
  })

  it("decideSyncConflicts: 'mine', 'theirs', 'auto' write the chosen values with a vector that settles the conflict", async () => {
    const { org, a } = await seed()
    const { deviceId } = await deviceIdentity()
    for (const item of ['str-01', 'str-02', 'str-03', 'str-04']) await saveAnswer(a.id, item, { ist: 1 })
    const found = await mergeFromOther(a.id, {
      'str-01': { ist: 3, updatedAt: EARLY },
      'str-02': { ist: 3, updatedAt: EARLY },
      'str-03': { ist: 3, updatedAt: EARLY },
      'str-04': { ist: 4, updatedAt: LATE },
    })
    expect(found).toHaveLength(4)
    // The later change taken provisionally: mine for str-01..03, theirs for str-04.
    expect((await answerOf(a.id, 'str-01'))!.ist).toBe(1)
    expect((await answerOf(a.id, 'str-04'))!.ist).toBe(4)
    const key = (item: string) => `${a.id}\u0000${item}`
    const settled = await decideSyncConflicts(org.id, { [key('str-01')]: 'mine', [key('str-02')]: 'theirs', [key('str-03')]: 'auto', [key('str-04')]: 'auto' })
    expect(settled).toBe(4)
    expect(await listSyncConflicts(org.id)).toEqual([])
    const expected = { 'str-01': 1, 'str-02': 3, 'str-03': 1, 'str-04': 4 } as const
    for (const c of found) {
      const now = (await answerOf(a.id, c.itemId))!
      expect(now.ist).toBe(expected[c.itemId as keyof typeof expected])
      expect(now.deviceId).toBe(deviceId)
      expect(now.vv).toEqual({ [deviceId]: 2, 'dev-other': 1 })
      expect(compareVectors(now.vv, joinVectors(c.versions[0].vv, c.versions[1].vv))).toBe('after')
      expect(isSettled(c, now)).toBe(true)
    }
  })

  it("decideSyncConflicts 'both': mine stays in the questionnaire, theirs goes into a copy named after its author", async () => {
    const { org, a } = await seed()
    const { deviceId } = await deviceIdentity()
    await saveAnswer(a.id, 'str-01', { ist: 1 })
    await mergeFromOther(a.id, { 'str-01': { ist: 3, updatedAt: LATE } })
    expect(await decideSyncConflicts(org.id, { [`${a.id}\u0000str-01`]: 'both' })).toBe(1)
    const all = await db.assessments.where('departmentId').equals(a.departmentId).toArray()
    expect(all).toHaveLength(2)
    const original = all.find((x) => x.id === a.id)!
    const copy = all.find((x) => x.id !== a.id)!
    expect(original.answers['str-01']).toMatchObject({ ist: 1, deviceId, vv: { [deviceId]: 2, 'dev-other': 1 } })
    expect(copy.respondent).toBe('Herr B')
    expect(copy.answers['str-01']).toMatchObject({ ist: 3, deviceId: 'dev-other', vv: { 'dev-other': 1 } })
    expect(await listSyncConflicts(org.id)).toEqual([])
    expect((await outbox()).some((e) => e.key === `assessments\u0000${copy.id}` && e.orgId === org.id)).toBe(true)
  })

  // Suspected bug: a conflict already settled by a later change (not yet removed: the engine removes
  // settled ones only at the end of its pump, and the screen decides from the list it loaded) is
  // still decided, and the decision (a vector after everything) overwrites that later change.
  it('decideSyncConflicts does not overwrite a later change that already settled the conflict', async () => {
    const { org, a } = await seed()
    await saveAnswer(a.id, 'str-01', { ist: 1 })
    await mergeFromOther(a.id, { 'str-01': { ist: 3, updatedAt: EARLY } })
    await saveAnswer(a.id, 'str-01', { ist: 0, comment: 'später geändert' })
    expect(await listSyncConflicts(org.id)).toHaveLength(1)
    await decideSyncConflicts(org.id, { [`${a.id}\u0000str-01`]: 'theirs' })
    expect(await answerOf(a.id, 'str-01')).toMatchObject({ ist: 0, comment: 'später geändert' })
    expect(await listSyncConflicts(org.id)).toEqual([])
  })

  it('decideSyncConflicts without matching decisions changes nothing', async () => {
    const { org, a } = await seed()
    await saveAnswer(a.id, 'str-01', { ist: 1 })
    await mergeFromOther(a.id, { 'str-01': { ist: 3, updatedAt: EARLY } })
    const before = await db.assessments.get(a.id)
    expect(await decideSyncConflicts(org.id, { 'other\u0000str-01': 'mine' })).toBe(0)
    expect(await db.assessments.get(a.id)).toEqual(before)
    expect(await listSyncConflicts(org.id)).toHaveLength(1)
  })
})

// ---------------------------------------------------------------------------------------------
// Settings and password
// ---------------------------------------------------------------------------------------------

const SETTINGS: SyncSettings = { url: '/couchdb', db: 'dc-teststadt', user: 'hauptamt', enabled: true }
const PASSWORD = 'Geheim!Passwort-4711'

describe('sync settings and password', () => {
  it('clearAllData empties syncOutbox and syncConflicts and removes settings and password; the device id stays', async () => {
    const { org, a } = await seed()
    const { deviceId } = await deviceIdentity()
    await saveAnswer(a.id, 'str-01', { ist: 1 })
    await mergeFromOther(a.id, { 'str-01': { ist: 3, updatedAt: EARLY } })
    await writeSyncSettings(org.id, SETTINGS, PASSWORD)
    expect(await db.syncConflicts.count()).toBe(1)
    expect(await db.syncOutbox.count()).toBeGreaterThan(0)
    expect(await readSyncPassword(org.id)).toBe(PASSWORD)
    await clearAllData()
    expect(await db.syncOutbox.count()).toBe(0)
    expect(await db.syncConflicts.count()).toBe(0)
    expect(await readSyncSettings(org.id)).toBeNull()
    expect(await readSyncPassword(org.id)).toBeNull()
    expect((await db.meta.get('deviceId'))?.value).toBe(deviceId)
  })

  it('a full backup never contains the sync password or settings', async () => {
    const { org, a } = await seed()
    await saveAnswer(a.id, 'str-01', { ist: 1 })
    await writeSyncSettings(org.id, SETTINGS, PASSWORD)
    expect(await readSyncPassword(org.id)).toBe(PASSWORD)
    const snapshot = await readSnapshot()
    expect(snapshot.organisations.map((o) => o.id)).toEqual([org.id])
    const text = serializeBackup(createBackup(snapshot, META))
    expect(text).toContain('Teststadt')
    expect(text).not.toContain(PASSWORD)
    expect(text).not.toContain('dc-teststadt')
    const file = await (await buildBackupBlob({ now: '2026-01-01T00:00:00.000Z', appVersion: 'test', scoringModelVersion: '1', deviceId: 'dev-x' })).text()
    expect(file).toContain('Teststadt')
    expect(file).not.toContain(PASSWORD)
    expect(file).not.toContain('dc-teststadt')
  })

  it('settings: password null keeps the stored one; another database restarts the feed; remove takes everything', async () => {
    const { org } = await seed()
    await writeSyncSettings(org.id, SETTINGS, PASSWORD)
    await writeFeedPosition(org.id, '42-abc')
    await writeSyncSettings(org.id, { ...SETTINGS, enabled: false }, null)
    expect(await readSyncPassword(org.id)).toBe(PASSWORD)
    expect(await readFeedPosition(org.id)).toBe('42-abc')
    expect(await syncWanted(org.id)).toBe(false)
    await writeSyncSettings(org.id, { ...SETTINGS, db: 'dc-andere' }, 'neu')
    expect(await readFeedPosition(org.id)).toBeNull()
    expect(await readSyncPassword(org.id)).toBe('neu')
    expect(await readSyncSettings(org.id)).toEqual({ ...SETTINGS, db: 'dc-andere' })
    expect(await syncWanted(org.id)).toBe(true)
    expect([...(await syncedOrganisations())]).toEqual([org.id])
    await removeSyncSettings(org.id)
    expect(await readSyncSettings(org.id)).toBeNull()
    expect(await readSyncPassword(org.id)).toBeNull()
    expect([...(await syncedOrganisations())]).toEqual([])
  })

  it('writing settings changes no replicated record (meta only)', async () => {
    const { org } = await seed()
    await db.syncOutbox.clear()
    await writeSyncSettings(org.id, SETTINGS, PASSWORD)
    expect(await outbox()).toEqual([])
  })

  it('a department update is noted with its organisation', async () => {
    const { org, dep } = await seed()
    await db.syncOutbox.clear()
    await updateDepartment(dep.id, { orgId: org.id, name: 'Bürgeramt', code: '32', parentUnit: '', head: '', staff: 12, kind: 'specialist' })
    expect(await outbox()).toEqual([entry('departments', dep.id, org.id)])
  })
})
