/**
 * What the sync engine reads and writes in this browser's database besides the data itself (which
 * it writes only through `applyStateDiff`, db/backup.ts): settings and password (meta, never
 * exported), the position in the replication copy's change feed, the outbox
 * (sync-outbox-middleware.ts) and the open answer conflicts.
 */
import type { Agenda, StatusEvent } from '@/domain/agenda/types'
import type { Assessment, Catalog, Department, Organisation, Round, Tombstone } from '@/domain/model/types'
import type { ServiceRecord } from '@/domain/services/types'
import { isSettled, type CurrentAnswer, type StoredSyncConflict } from '@/domain/sync/conflicts'
import { orgOfRecord, recordKeyFromText, type SyncTable } from '@/domain/sync/keys'
import type { LocalView } from '@/domain/sync/plan'
import { db, type StoredCatalog } from './database'
import { quarantinedKeys, readable } from './quarantine'
import Dexie from 'dexie'
import { OUTBOX_TABLE, outboxKey, type OutboxEntry } from './sync-outbox-middleware'

export { ALL_KEYS, outboxKey, type OutboxEntry } from './sync-outbox-middleware'

export * from './sync-settings'

// --- outbox ------------------------------------------------------------------------------------

/**
 * Calls `listener` after every change of the outbox, in this tab or another tab of this browser
 * (Dexie's storagemutated event). Returns the unsubscribe function.
 */
export function watchOutbox(listener: () => void): () => void {
  const part = `idb://${db.name}/${OUTBOX_TABLE}/`
  const handler = (parts: Record<string, unknown>) => {
    if (Object.keys(parts).some((k) => k.startsWith(part))) listener()
  }
  Dexie.on('storagemutated', handler)
  return () => Dexie.on('storagemutated').unsubscribe(handler)
}

export async function outboxEntries(): Promise<OutboxEntry[]> {
  return db.syncOutbox.toArray()
}

/** Local changes waiting for the organisation ('' = not known yet: catalogues, deletions). */
export async function outboxCount(orgId: string): Promise<number> {
  return db.syncOutbox.filter((e) => e.orgId === orgId || e.orgId === '').count()
}

/** Removes entries the engine has handled, unless the record was written again meanwhile. */
export async function settleOutbox(entries: readonly OutboxEntry[]): Promise<void> {
  if (entries.length === 0) return
  await db.transaction('rw', db.syncOutbox, async () => {
    const now = await db.syncOutbox.bulkGet(entries.map((e) => e.key))
    const done = entries.filter((e, i) => now[i]?.token === e.token).map((e) => e.key)
    await db.syncOutbox.bulkDelete(done)
  })
}

/** Puts entries in the outbox (the engine's "compare these again"), e.g. documents that had conflicts. */
export async function enqueue(items: readonly { table: SyncTable; keyText: string; orgId: string }[]): Promise<void> {
  if (items.length === 0) return
  const token = `e.${Date.now().toString(36)}.${Math.random().toString(36).slice(2, 8)}`
  await db.syncOutbox.bulkPut(items.map((i) => ({ key: outboxKey(i.table, i.keyText), table: i.table, keyText: i.keyText, orgId: i.orgId, token })))
}

/** The key texts of every record of the organisation in `table` (the full comparison when sync starts). */
export async function organisationKeys(orgId: string, table: SyncTable): Promise<string[]> {
  switch (table) {
    case 'organisations':
      return (await db.organisations.get(orgId)) ? [orgId] : []
    case 'catalogs': {
      // The stored catalogues its rounds use (built-in ones ship with the app).
      const rounds = await db.rounds.where('orgId').equals(orgId).toArray()
      const wanted = rounds.map((r) => [r.catalogId, r.catalogVersion] as [string, string])
      const stored = await db.catalogs.bulkGet(wanted)
      return stored.filter((c): c is StoredCatalog => c !== undefined).map((c) => `${c.id}\u0000${c.version}`)
    }
    case 'syncConflicts':
      return (await db.syncConflicts.where('orgId').equals(orgId).primaryKeys()) as string[]
    default:
      return (await db.table(table).where('orgId').equals(orgId).primaryKeys()) as string[]
  }
}

/**
 * The answers conflicts are about: the answer (undefined when the questionnaire has none), undefined
 * when the questionnaire was deleted here, 'unknown' when it has not arrived here yet.
 */
async function currentAnswers(refs: readonly { assessmentId: string; itemId: string }[], q?: ReadonlySet<string>): Promise<CurrentAnswer[]> {
  const quarantined = q ?? (await quarantinedKeys())
  const ids = refs.map((r) => r.assessmentId)
  const [rows, tombs] = await Promise.all([db.assessments.bulkGet(ids), db.tombstones.bulkGet(ids)])
  return refs.map((r, i) => {
    const a = rows[i] ? readable<Assessment>('assessments', [rows[i]], quarantined)[0] : undefined
    if (a) return a.answers[r.itemId]
    return tombs[i] ? undefined : 'unknown'
  })
}

// --- local side of records ---------------------------------------------------------------------

export interface LocalRecords {
  views: Map<string, LocalView>
  /** Keys (outbox form) of records that belong to another organisation: not replicated here. */
  foreign: Set<string>
}

/**
 * The local side of the given records, keyed like the outbox (`outboxKey`): the record in document
 * form (catalogue rows as their catalogue, agendas with their status history), its tombstone, and
 * for conflicts the answer they are about. Unreadable or quarantined records count as absent.
 */
export async function readLocalViews(orgId: string, items: readonly { table: SyncTable; keyText: string }[]): Promise<LocalRecords> {
  const views = new Map<string, LocalView>()
  const foreign = new Set<string>()
  const byTable = new Map<SyncTable, string[]>()
  for (const i of items) {
    const list = byTable.get(i.table)
    if (list) list.push(i.keyText)
    else byTable.set(i.table, [i.keyText])
  }
  await db.transaction('r', [db.organisations, db.departments, db.rounds, db.assessments, db.catalogs, db.tombstones, db.agendas, db.agendaEvents, db.services, db.syncConflicts, db.meta], async () => {
    const q = await quarantinedKeys()
    const tombIds = items.filter((i) => i.table !== 'catalogs' && i.table !== 'syncConflicts').map((i) => i.keyText)
    const tombs = new Map(readable<Tombstone>('tombstones', (await db.tombstones.bulkGet(tombIds)).filter(Boolean), q).map((t) => [t.id, t]))
    for (const [table, keyTexts] of byTable) {
      const put = (keyText: string, record: unknown) => {
        const key = outboxKey(table, keyText)
        const org = record === undefined ? null : orgOfRecord(table, (table === 'agendas' ? (record as { agenda: Agenda }).agenda : record) as Record<string, unknown>)
        const tomb = tombs.get(keyText)
        if ((org !== null && org !== orgId) || (tomb && tomb.orgId !== orgId)) foreign.add(key)
        views.set(key, { record, tombstone: tomb })
      }
      if (table === 'syncConflicts') {
        const rows = await db.syncConflicts.bulkGet(keyTexts)
        const answers = await currentAnswers(keyTexts.map((k) => ({ assessmentId: k.slice(0, k.indexOf('\u0000')), itemId: k.slice(k.indexOf('\u0000') + 1) })), q)
        keyTexts.forEach((k, i) => {
          const row = rows[i]
          if (row && row.orgId !== orgId) foreign.add(outboxKey(table, k))
          views.set(outboxKey(table, k), { record: row, answer: answers[i] })
        })
        continue
      }
      if (table === 'catalogs') {
        const rows = readable<StoredCatalog>('catalogs', (await db.catalogs.bulkGet(keyTexts.map((k) => recordKeyFromText('catalogs', k) as [string, string]))).filter(Boolean), q)
        const byKey = new Map(rows.map((r) => [`${r.id}\u0000${r.version}`, r.catalog]))
        for (const k of keyTexts) put(k, byKey.get(k))
        continue
      }
      const rows = (await db.table(table).bulkGet(keyTexts)) as unknown[]
      const ok = new Map(readable<{ id: string }>(table, rows.filter(Boolean), q).map((r) => [r.id, r]))
      if (table === 'agendas') {
        const events = readable<StatusEvent>('agendaEvents', await db.agendaEvents.where('agendaId').anyOf(keyTexts).toArray(), q)
        const history = new Map<string, StatusEvent[]>()
        for (const e of events) {
          const list = history.get(e.agendaId)
          if (list) list.push(e)
          else history.set(e.agendaId, [e])
        }
        for (const k of keyTexts) {
          const agenda = ok.get(k) as Agenda | undefined
          put(k, agenda ? { agenda, events: (history.get(k) ?? []).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) } : undefined)
        }
        continue
      }
      for (const k of keyTexts) put(k, ok.get(k) as Organisation | Department | Round | Assessment | ServiceRecord | Catalog | Tombstone | undefined)
    }
  })
  return { views, foreign }
}

// --- answer conflicts of replication -------------------------------------------------------------

export async function listSyncConflicts(orgId: string): Promise<StoredSyncConflict[]> {
  return db.syncConflicts.where('orgId').equals(orgId).toArray()
}

/** Keeps conflicts (from this merge or from the server) that the answers here do not settle yet. */
export async function keepSyncConflicts(conflicts: readonly StoredSyncConflict[]): Promise<void> {
  if (conflicts.length === 0) return
  await db.transaction('rw', [db.syncConflicts, db.assessments, db.tombstones, db.meta], async () => {
    const answers = await currentAnswers(conflicts)
    const open = conflicts.filter((c, i) => !isSettled(c, answers[i]!))
    await db.syncConflicts.bulkPut(open)
  })
}

/** Removes the organisation's conflicts the answers here settle (decided here or elsewhere). */
export async function removeSettledConflicts(orgId: string): Promise<number> {
  return db.transaction('rw', [db.syncConflicts, db.assessments, db.tombstones, db.meta], async () => {
    const all = await db.syncConflicts.where('orgId').equals(orgId).toArray()
    if (all.length === 0) return 0
    const answers = await currentAnswers(all)
    const settled = all.filter((c, i) => isSettled(c, answers[i]!)).map((c) => c.key)
    await db.syncConflicts.bulkDelete(settled)
    return settled.length
  })
}

/** The open conflicts among `keys` (not settled by the answers as they are now). */
export async function openSyncConflicts(orgId: string, keys: ReadonlySet<string>): Promise<StoredSyncConflict[]> {
  const stored = (await listSyncConflicts(orgId)).filter((c) => keys.has(c.key))
  const answers = await currentAnswers(stored)
  return stored.filter((c, i) => !isSettled(c, answers[i]!))
}

/** Questionnaires by id (readable, not quarantined), for deciding conflicts and naming them. */
export async function readAssessments(ids: readonly string[]): Promise<Assessment[]> {
  const [rows, q] = await Promise.all([db.assessments.bulkGet([...new Set(ids)]), quarantinedKeys()])
  return readable<Assessment>('assessments', rows.filter(Boolean), q)
}

/** Names for the conflict list: departments and rounds by id. */
export async function readConflictNames(assessments: readonly Assessment[]): Promise<{ departments: Department[]; rounds: Round[] }> {
  const [departments, rounds] = await Promise.all([
    db.departments.bulkGet([...new Set(assessments.map((a) => a.departmentId))]),
    db.rounds.bulkGet([...new Set(assessments.map((a) => a.roundId))]),
  ])
  return { departments: departments.filter((d): d is Department => d !== undefined), rounds: rounds.filter((r): r is Round => r !== undefined) }
}
