/**
 * Reading and writing for exchange files (full backups, department packages, returns). The formats
 * and the merge are pure (src/domain/exchange/, merge in merge.ts); this module reads the
 * records a file touches and writes a merge's difference in ONE transaction, so an import either
 * lands completely or not at all.
 */
import type { Agenda, StatusEvent } from '@/domain/agenda/types'
import { withStrategyTables, type BackupData, type ExchangeData } from '@/domain/exchange/formats'
import type { StateDiff } from '@/domain/exchange/merge'
import { deepEqualJson } from '@/domain/model/equal'
import type { Assessment, Catalog, Department, Organisation, Round, Tombstone } from '@/domain/model/types'
import type { ServiceRecord } from '@/domain/services/types'
import { db, type StoredCatalog } from './database'
import { quarantinedKeys, readable } from './quarantine'
import { nowIso } from './ids'
import { META_KEYS, touchChange } from './meta'

const DATA_TABLES = () => [db.organisations, db.departments, db.rounds, db.assessments, db.catalogs, db.tombstones, db.agendas, db.agendaEvents, db.services]

/** Everything the user entered, as plain data. */
export async function readSnapshot(): Promise<BackupData> {
  let rest: Omit<BackupData, 'assessments'> | undefined
  const assessments: Assessment[] = []
  await readSnapshotInSlices(
    (tables) => (rest = tables),
    (slice) => {
      for (const a of slice) assessments.push(a)
    },
  )
  return { ...rest!, assessments }
}

/** Questionnaires per read request of `readSnapshotInSlices` (a large one is some 25 KB). */
const READ_SLICE = 50

/**
 * The snapshot `readSnapshot` returns, handed over in pieces inside one read transaction (so one
 * consistent state): first every table but the questionnaires, then the questionnaires in slices,
 * in key order. All slices are requested at once, so the database reads ahead while the caller
 * works on one (the backup export prints a slice while the next is read). Quarantined records are
 * left out: a backup holds only data that passes the import rules (the data screen saves the
 * quarantined ones separately).
 */
export async function readSnapshotInSlices(onTables: (data: Omit<BackupData, 'assessments'>) => void, onAssessments: (slice: Assessment[]) => void): Promise<void> {
  await db.transaction('r', [...DATA_TABLES(), db.meta], async () => {
    const keys = db.assessments.toCollection().primaryKeys()
    const q = await quarantinedKeys()
    const [organisations, departments, rounds, catalogs, tombstones, agendas, agendaEvents, services] = await Promise.all([
      db.organisations.toArray().then((r) => readable<Organisation>('organisations', r, q)),
      db.departments.toArray().then((r) => readable<Department>('departments', r, q)),
      db.rounds.toArray().then((r) => readable<Round>('rounds', r, q)),
      db.catalogs.toArray().then((r) => readable<StoredCatalog>('catalogs', r, q)),
      db.tombstones.toArray().then((r) => readable<Tombstone>('tombstones', r, q)),
      db.agendas.toArray().then((r) => readable<Agenda>('agendas', r, q)),
      db.agendaEvents.toArray().then((r) => readable<StatusEvent>('agendaEvents', r, q)),
      db.services.toArray().then((r) => readable<ServiceRecord>('services', r, q)),
    ])
    // An event is only backed up with its agenda (a quarantined agenda takes its history along).
    const kept = new Set(agendas.map((a) => a.id))
    const ids = await keys
    const slices = []
    for (let i = 0; i < ids.length; i += READ_SLICE) {
      slices.push(db.assessments.where(':id').between(ids[i]!, ids[Math.min(i + READ_SLICE, ids.length) - 1]!, true, true).toArray())
    }
    onTables({
      organisations,
      departments,
      rounds,
      catalogs: catalogs.map((c) => c.catalog),
      tombstones,
      agendas,
      agendaEvents: agendaEvents.filter((e) => kept.has(e.agendaId)),
      services,
    })
    for (const slice of slices) onAssessments(readable<Assessment>('assessments', await slice, q))
  })
}

const present = <T>(rows: (T | undefined)[]): T[] => rows.filter((r): r is T => r !== undefined)

/** A table keyed by a string id (everything a merge base reads by id). */
interface IdTable<T> {
  toCollection(): { primaryKeys(): PromiseLike<string[]> }
  bulkGet(keys: string[]): PromiseLike<(T | undefined)[]>
}

/**
 * The stored records with these ids. The table's keys are read first (cheap: no values), so ids
 * the browser does not hold cost nothing (a restore into an empty database reads nothing). One
 * request per record: in Chromium faster than one getAll of a whole 20 MB table.
 */
async function storedWithIds<T>(table: IdTable<T>, ids: ReadonlySet<string>): Promise<T[]> {
  if (ids.size === 0) return []
  const keys = await table.toCollection().primaryKeys()
  const wanted = keys.filter((k) => ids.has(k))
  return wanted.length === 0 ? [] : present(await table.bulkGet(wanted))
}

/**
 * The local records a merge of these files needs: every record and tombstone sharing an id with a
 * file, the children of containers a file deletes, the status history of every agenda read, and
 * the stored catalogues. Much less than a full snapshot when sixty returns come in.
 */
export async function readMergeBase(files: readonly ExchangeData[]): Promise<BackupData> {
  const ids = {
    organisations: new Set<string>(),
    departments: new Set<string>(),
    rounds: new Set<string>(),
    assessments: new Set<string>(),
    agendas: new Set<string>(),
    services: new Set<string>(),
  }
  const deletedContainers = { orgId: new Set<string>(), roundId: new Set<string>(), departmentId: new Set<string>() }
  for (const f of files.map(withStrategyTables)) {
    for (const r of f.organisations) ids.organisations.add(r.id)
    for (const r of f.departments) ids.departments.add(r.id)
    for (const r of f.rounds) ids.rounds.add(r.id)
    for (const r of f.assessments) ids.assessments.add(r.id)
    for (const r of f.agendas) ids.agendas.add(r.id)
    for (const r of f.services) ids.services.add(r.id)
    for (const t of f.tombstones) {
      ids[`${t.kind}s` as keyof typeof ids].add(t.id)
      if (t.kind === 'organisation') deletedContainers.orgId.add(t.id)
      if (t.kind === 'round') deletedContainers.roundId.add(t.id)
      if (t.kind === 'department') deletedContainers.departmentId.add(t.id)
    }
  }
  return db.transaction('r', [...DATA_TABLES(), db.meta], async () => {
    const [organisations, departments, rounds, assessments, catalogs, agendas, services] = await Promise.all([
      storedWithIds(db.organisations, ids.organisations),
      storedWithIds(db.departments, ids.departments),
      storedWithIds(db.rounds, ids.rounds),
      storedWithIds(db.assessments, ids.assessments),
      db.catalogs.toArray(),
      storedWithIds(db.agendas, ids.agendas),
      storedWithIds(db.services, ids.services),
    ])
    // Quarantined local records are not merged with: a file's valid version of one replaces it.
    const q = await quarantinedKeys()
    const data = {
      organisations: readable<Organisation>('organisations', organisations, q),
      departments: readable<Department>('departments', departments, q),
      rounds: readable<Round>('rounds', rounds, q),
      assessments: readable<Assessment>('assessments', assessments, q),
      agendas: readable<Agenda>('agendas', agendas, q),
      services: readable<ServiceRecord>('services', services, q),
    }
    // Children of deleted containers (a deletion takes the older ones with it).
    const extra = <T extends { id: string }>(list: T[], rows: T[]): void => {
      const have = new Set(list.map((r) => r.id))
      for (const r of rows) if (!have.has(r.id)) list.push(r)
    }
    if (deletedContainers.orgId.size > 0) {
      const orgIds = [...deletedContainers.orgId]
      extra(data.departments, readable<Department>('departments', await db.departments.where('orgId').anyOf(orgIds).toArray(), q))
      extra(data.rounds, readable<Round>('rounds', await db.rounds.where('orgId').anyOf(orgIds).toArray(), q))
      extra(data.assessments, readable<Assessment>('assessments', await db.assessments.where('orgId').anyOf(orgIds).toArray(), q))
      extra(data.agendas, readable<Agenda>('agendas', await db.agendas.where('orgId').anyOf(orgIds).toArray(), q))
      extra(data.services, readable<ServiceRecord>('services', await db.services.where('orgId').anyOf(orgIds).toArray(), q))
    }
    if (deletedContainers.roundId.size > 0) extra(data.assessments, readable<Assessment>('assessments', await db.assessments.where('roundId').anyOf([...deletedContainers.roundId]).toArray(), q))
    if (deletedContainers.departmentId.size > 0) extra(data.assessments, readable<Assessment>('assessments', await db.assessments.where('departmentId').anyOf([...deletedContainers.departmentId]).toArray(), q))
    const allIds = [
      ...Object.values(ids).flatMap((set) => [...set]),
      ...data.departments.map((d) => d.id),
      ...data.rounds.map((r) => r.id),
      ...data.assessments.map((a) => a.id),
      ...data.agendas.map((a) => a.id),
      ...data.services.map((s) => s.id),
    ]
    const tombstones = readable<Tombstone>('tombstones', await storedWithIds(db.tombstones, new Set(allIds)), q)
    // The whole history of every agenda read: the merge unites histories and drops a deleted agenda's.
    const agendaEvents = data.agendas.length > 0 ? readable<StatusEvent>('agendaEvents', await db.agendaEvents.where('agendaId').anyOf(data.agendas.map((a) => a.id)).toArray(), q) : []
    return { ...data, catalogs: readable<StoredCatalog>('catalogs', catalogs, q).map((c) => c.catalog), tombstones, agendaEvents }
  })
}

/** Records per write call on the page: a large questionnaire is some 25 KB, so each slice is a short task. */
const WRITE_SLICE = 150

/**
 * Thrown by `applyStateDiff` with `expectBase` (its transaction undone, nothing written) when a
 * record the difference writes is no longer stored as in the base the merge started from.
 */
export class StaleMergeBaseError extends Error {
  constructor(readonly table: string, readonly id: string) {
    super(`Stored ${table} record ${id} changed since the merge`)
    this.name = 'StaleMergeBaseError'
  }
}

/** The tables a difference puts or removes records of by id (catalogue versions never change). */
const BASE_TABLES = ['organisations', 'departments', 'rounds', 'assessments', 'tombstones', 'agendas', 'agendaEvents', 'services'] as const

/**
 * Inside the caller's transaction: every record `diff` puts or removes must be stored exactly as
 * in `base`, or be absent from both (quarantined and unreadable records count as absent, as in
 * `readMergeBase`). Throws StaleMergeBaseError otherwise.
 */
async function assertBaseUnchanged(diff: StateDiff, exchangeBase: ExchangeData): Promise<void> {
  const base = withStrategyTables(exchangeBase)
  const q = await quarantinedKeys()
  for (const table of BASE_TABLES) {
    const ids = new Set<string>(diff.remove[table])
    for (const r of diff.put[table] as readonly { id: string }[]) ids.add(r.id)
    if (ids.size === 0) continue
    const stored = new Map(readable<{ id: string }>(table, await storedWithIds(db.table(table) as unknown as IdTable<unknown>, ids), q).map((r) => [r.id, r]))
    const before = new Map((base[table] as readonly { id: string }[]).map((r) => [r.id, r]))
    for (const id of ids) if (!deepEqualJson(stored.get(id), before.get(id))) throw new StaleMergeBaseError(table, id)
  }
}

/** How a large write is issued. */
export interface WriteOptions {
  /**
   * True off the page's thread (the exchange worker): all records in one request, so that the
   * browser stores the first while the rest are still being copied. On the page (default) the
   * questionnaires go in slices, each queued once the one before is written, so that the page
   * stays responsive (one bulkPut of 900 questionnaires is one long task).
   */
  offPage?: boolean
  /**
   * The records the difference was computed from (a merge base). The write then first checks, in
   * its transaction, that every record it puts or removes is still stored as in `expectBase`, and
   * otherwise writes nothing and throws StaleMergeBaseError, so that the caller merges again.
   */
  expectBase?: ExchangeData
}

/** Writes rows inside the caller's transaction (in slices on the page); it still lands completely or not at all. */
async function writeRows<T>(write: (rows: readonly T[]) => Promise<unknown>, rows: readonly T[], { offPage = false }: WriteOptions): Promise<void> {
  if (offPage) {
    await write(rows)
    return
  }
  for (let i = 0; i < rows.length; i += WRITE_SLICE) await write(rows.slice(i, i + WRITE_SLICE))
}

/** Writes a merge's difference atomically. Returns how many records were written or removed. */
export async function applyStateDiff(diff: StateDiff, at: string = nowIso(), options: WriteOptions = {}): Promise<number> {
  const { put, remove } = diff
  const count = (o: object) => (Object.values(o) as unknown[][]).reduce((n, x) => n + x.length, 0)
  const total = count(put) + count(remove)
  // Nothing to write: no transaction, and no "unexported change" for the backup reminder.
  if (total === 0) return 0
  await db.transaction('rw', [...DATA_TABLES(), db.meta], async () => {
    if (options.expectBase) await assertBaseUnchanged(diff, options.expectBase)
    await db.organisations.bulkPut(put.organisations)
    await db.departments.bulkPut(put.departments)
    await db.rounds.bulkPut(put.rounds)
    await writeRows((rows) => db.assessments.bulkPut(rows), put.assessments, options)
    await db.catalogs.bulkPut(put.catalogs.map((catalog: Catalog) => ({ id: catalog.id, version: catalog.version, importedAt: at, catalog })))
    await db.tombstones.bulkPut(put.tombstones)
    await db.agendas.bulkPut(put.agendas)
    await db.agendaEvents.bulkPut(put.agendaEvents)
    await db.services.bulkPut(put.services)
    await db.agendaEvents.bulkDelete(remove.agendaEvents)
    await db.agendas.bulkDelete(remove.agendas)
    await db.services.bulkDelete(remove.services)
    await db.assessments.bulkDelete(remove.assessments)
    await db.rounds.bulkDelete(remove.rounds)
    await db.departments.bulkDelete(remove.departments)
    await db.organisations.bulkDelete(remove.organisations)
    await db.tombstones.bulkDelete(remove.tombstones)
    await touchChange(at)
  })
  return total
}

/** How often `applyMergedDiff` computes a difference again when records changed in between. */
const MERGE_ATTEMPTS = 4

/**
 * Writes a difference computed from stored records (a merge base) without overwriting anything
 * written since it was read: `compute` reads what it needs and returns the base and the
 * difference; the write checks the base in its transaction (`expectBase`) and, when another tab,
 * the sync or a save came in between, `compute` runs again with `again` true (at most
 * MERGE_ATTEMPTS times in all, then the StaleMergeBaseError is passed on). Returns the records written.
 */
export async function applyMergedDiff(compute: (again: boolean) => Promise<{ base: ExchangeData; diff: StateDiff }>, at?: string, options: WriteOptions = {}): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const { base, diff } = await compute(attempt > 1)
    try {
      return await applyStateDiff(diff, at, { ...options, expectBase: base })
    } catch (e) {
      if (!(e instanceof StaleMergeBaseError) || attempt >= MERGE_ATTEMPTS) throw e
    }
  }
}

/**
 * "Replace everything": deletes all user data and writes the file's data instead, in one
 * transaction. Strategy tables missing from `data` (a backup before format 3) are left empty.
 */
export async function replaceAllData(exchangeData: ExchangeData, at: string = nowIso(), options: WriteOptions = {}): Promise<number> {
  const data = withStrategyTables(exchangeData)
  await db.transaction('rw', [...DATA_TABLES(), db.meta], async () => {
    await Promise.all(DATA_TABLES().map((t) => t.clear()))
    await db.organisations.bulkAdd(data.organisations)
    await db.departments.bulkAdd(data.departments)
    await db.rounds.bulkAdd(data.rounds)
    await writeRows((rows) => db.assessments.bulkAdd(rows), data.assessments, options)
    await db.catalogs.bulkAdd(data.catalogs.map((catalog) => ({ id: catalog.id, version: catalog.version, importedAt: at, catalog })))
    await db.tombstones.bulkAdd(data.tombstones)
    await db.agendas.bulkAdd(data.agendas)
    await db.agendaEvents.bulkAdd(data.agendaEvents)
    await db.services.bulkAdd(data.services)
    await touchChange(at)
  })
  return (
    data.organisations.length +
    data.departments.length +
    data.rounds.length +
    data.assessments.length +
    data.catalogs.length +
    data.agendas.length +
    data.agendaEvents.length +
    data.services.length
  )
}

/** The records of one department package: organisation, round, department, questionnaires, catalogue. */
export async function readPackageData(roundId: string, departmentId: string, assessmentIds?: readonly string[]) {
  return db.transaction('r', [db.organisations, db.departments, db.rounds, db.assessments, db.catalogs], async () => {
    const [round, department] = await Promise.all([db.rounds.get(roundId), db.departments.get(departmentId)])
    if (!round || !department) return undefined
    const organisation = await db.organisations.get(round.orgId)
    if (!organisation) return undefined
    const all = await db.assessments.where('[roundId+departmentId]').equals([roundId, departmentId]).toArray()
    const assessments = assessmentIds ? all.filter((a) => assessmentIds.includes(a.id)) : all
    const stored = await db.catalogs.get([round.catalogId, round.catalogVersion])
    return { organisation, round, department, assessments, catalog: stored?.catalog }
  })
}

/** Deletes all user data in this browser (after the user confirmed). The device id stays. */
export async function clearAllData(): Promise<void> {
  await db.transaction('rw', [...DATA_TABLES(), db.meta, db.syncOutbox, db.syncConflicts], async () => {
    const deviceId = await db.meta.get('deviceId')
    // The backup downloaded before still exists: "Letzte Sicherung" keeps its date after the wipe.
    const lastExport = await db.meta.get(META_KEYS.lastExportAt)
    // Sync settings and password go with meta; the server's data is not touched (nothing to send).
    await Promise.all([...DATA_TABLES(), db.meta].map((t) => t.clear()))
    await db.syncConflicts.clear()
    await db.syncOutbox.clear()
    if (deviceId) await db.meta.put(deviceId)
    if (lastExport) await db.meta.put(lastExport)
  })
}
