/**
 * The sync engine of one organisation: keeps a PouchDB copy of the organisation's records (the
 * "mirror"), replicates it live with the CouchDB database, and bridges it with this browser's data.
 *
 *   Dexie ──(outbox, drain)──▶ mirror ◀──(PouchDB.sync, live, retry)──▶ CouchDB
 *   Dexie ◀──(pull: validate, merge, applyStateDiff)── mirror
 *
 * One `pump` at a time does both directions: first it merges what changed in the mirror (documents
 * from the server) into the data, through the same merge and the same write (`applyStateDiff`) as
 * an imported file; then it copies the records the outbox names into the mirror (`planMirror`:
 * only what the data has taken in, on top of CouchDB's winning revision, other revisions deleted).
 * Local changes wait in the outbox while the server is unreachable and go out when it is back.
 * The rules are pure and tested in src/domain/sync/; this file only moves data.
 */
import { applyMergedDiff, readMergeBase } from '@/db/backup'
import {
  enqueue,
  keepSyncConflicts,
  organisationKeys,
  outboxCount,
  outboxEntries,
  readFeedPosition,
  readLocalViews,
  removeSettledConflicts,
  settleOutbox,
  syncedOrganisations,
  watchOutbox,
  writeFeedPosition,
  writeLastSync,
  ALL_KEYS,
  outboxKey,
  type OutboxEntry,
} from '@/db/sync'
import { diffStates } from '@/domain/exchange/merge'
import { syncConflictOf, type StoredSyncConflict } from '@/domain/sync/conflicts'
import { docIdOf, parseDoc, parseDocId, SYNC_KINDS, SYNC_TABLES, toDoc, type SyncTable } from '@/domain/sync/docs'
import { addRecord, emptyData, mergeIncoming, planMirror, type IncomingDoc, type MergeTable } from '@/domain/sync/plan'
import { classifyError } from '@/domain/sync/settings'
import type { ConnectionTest, JoinResult, SyncError, SyncStatus } from '@/domain/sync/types'
import { mirrorName } from './mirrors'
import { loadPouch, type PouchDatabase, type PouchDocBase, type PouchEmitter, type PouchStatic } from './pouch'

export interface RemoteAccess {
  /** The database's absolute address (`databaseUrl`). */
  url: string
  user: string
  password: string
}

export interface EngineOptions {
  orgId: string
  remote: RemoteAccess
  /** Every change of the status (the store shows it). */
  onStatus: (status: SyncStatus) => void
  /** After conflicts were found or settled (the store re-reads them). */
  onConflicts: () => void
}

export interface SyncEngine {
  stop(): Promise<void>
  /** Runs a pump now (e.g. after the user decided conflicts). */
  kick(): void
}

/** Documents per step of the pull and the drain (small steps keep each transaction short). */
const BATCH = 200
/** Retry delays while the server is unreachable: 1 s doubling up to 15 s. */
const backOff = (delay: number): number => (delay === 0 ? 1_000 : Math.min(delay * 2, 15_000))

/**
 * fetch for PouchDB: an error answer that is not JSON (the reverse proxy's "502 Bad Gateway" page
 * while CouchDB is down) becomes a JSON error with the same status, so it reads as "server not
 * reachable" (and PouchDB retries) instead of an unreadable answer.
 */
async function fetchWithJsonErrors(url: string, init?: RequestInit): Promise<Response> {
  const res = await fetch(url, init)
  if (res.ok) return res
  const text = await res.clone().text()
  try {
    JSON.parse(text)
    return res
  } catch {
    return new Response(JSON.stringify({ error: `http_${res.status}`, reason: res.statusText }), { status: res.status, headers: { 'Content-Type': 'application/json' } })
  }
}

const remoteDb = (Pouch: PouchStatic, r: RemoteAccess): PouchDatabase =>
  new Pouch(r.url, { skip_setup: true, auth: { username: r.user, password: r.password }, fetch: fetchWithJsonErrors })

/**
 * Asks the database for its info (GET /<db>) with the access data. PouchDB's own `info()` of a
 * remote database ignores the HTTP status, so the answer is read here.
 */
async function probe(db: PouchDatabase): Promise<ConnectionTest> {
  try {
    const res = await db.fetch('', { method: 'GET', headers: new Headers({ Accept: 'application/json' }) })
    type Info = { db_name?: unknown; doc_count?: unknown; error?: unknown }
    const body = (await res.json().catch(() => null)) as Info | null
    if (!res.ok) return { ok: false, error: classifyError({ status: res.status, name: body?.error }) }
    if (typeof body?.db_name !== 'string' || typeof body.doc_count !== 'number') return { ok: false, error: { code: 'invalidResponse', status: res.status } }
    return { ok: true, docCount: body.doc_count }
  } catch (e) {
    return { ok: false, error: classifyError(e) }
  }
}

/** "Verbindung testen": the database's info with these credentials (nothing is stored or replicated). */
export async function testConnection(remote: RemoteAccess): Promise<ConnectionTest> {
  try {
    const Pouch = await loadPouch()
    const db = remoteDb(Pouch, remote)
    try {
      return await probe(db)
    } finally {
      void db.close().catch(() => undefined)
    }
  } catch (e) {
    return { ok: false, error: classifyError(e) }
  }
}

/**
 * The organisation a database holds (one database per organisation): for a browser that joins
 * without data of its own. `expected` refuses a database of another organisation.
 */
export async function findOrganisation(remote: RemoteAccess, expected: string | null = null): Promise<JoinResult> {
  try {
    const Pouch = await loadPouch()
    const db = remoteDb(Pouch, remote)
    try {
      const kind = SYNC_KINDS.organisations
      const rows = (await db.allDocs({ startkey: `${kind}:`, endkey: `${kind}:\uffff`, include_docs: true })).rows
      const orgs = rows.flatMap((r) => {
        const data = r.doc && !r.doc._deleted ? (r.doc.data as { id?: unknown; name?: unknown } | undefined) : undefined
        return typeof data?.id === 'string' ? [{ id: data.id, name: typeof data.name === 'string' ? data.name : '' }] : []
      })
      if (orgs.length === 0) return { ok: false, error: { code: 'emptyDatabase', status: null } }
      if (orgs.length > 1 || (expected !== null && orgs[0]!.id !== expected)) return { ok: false, error: { code: 'otherOrganisation', status: null } }
      return { ok: true, orgId: orgs[0]!.id, name: orgs[0]!.name }
    } finally {
      void db.close().catch(() => undefined)
    }
  } catch (e) {
    return { ok: false, error: classifyError(e) }
  }
}

/**
 * Starts the engine of an organisation, one per browser: tabs share the data, the outbox and the
 * replication copy, so only the tab holding the Web Lock `dc-sync-<orgId>` replicates; another tab
 * shows 'otherTab' (its changes go out through the outbox all the same) and takes over when the
 * first one closes.
 */
export async function startEngine(options: EngineOptions): Promise<SyncEngine> {
  const locks = globalThis.navigator?.locks
  if (!locks) return runEngine(options)
  let inner: SyncEngine | null = null
  let stopped = false
  let release: (() => void) | null = null
  const held = new Promise<void>((resolve) => (release = resolve))
  let acquired: (value: boolean) => void = () => undefined
  const first = new Promise<boolean>((resolve) => (acquired = resolve))
  const run = async () => {
    acquired(true)
    if (stopped) return
    inner = await runEngine(options)
    await held
  }
  void locks.request(`dc-sync-${options.orgId}`, { ifAvailable: true }, async (lock) => {
    if (lock) return run()
    acquired(false)
    // Another tab replicates: wait for its lock in the background.
    options.onStatus({ phase: 'otherTab', lastSyncAt: null, waiting: 0, error: null, rejected: 0 })
    return locks.request(`dc-sync-${options.orgId}`, run)
  })
  await first
  return {
    kick: () => inner?.kick(),
    async stop() {
      stopped = true
      await inner?.stop()
      release?.()
    },
  }
}

async function runEngine(options: EngineOptions): Promise<SyncEngine> {
  const { orgId } = options
  const Pouch = await loadPouch()
  const mirror = new Pouch(mirrorName(orgId), { auto_compaction: true })
  const remote = remoteDb(Pouch, options.remote)

  let stopped = false
  let status: SyncStatus = { phase: 'connecting', lastSyncAt: null, waiting: 0, error: null, rejected: 0 }
  const rejectedIds = new Set<string>()
  /** Documents this engine wrote into the mirror, by id → revision (their echo in the feed is skipped). */
  const written = new Map<string, string>()
  /** Documents written into the mirror and not yet known to be on the server. */
  const unpushed = new Set<string>()

  const emit = (patch: Partial<SyncStatus>) => {
    status = { ...status, ...patch }
    if (!stopped) options.onStatus(status)
  }
  /**
   * The server as replication last saw it: 'ok' (reachable), 'offline' (retrying) or 'refused'
   * (wrong password, no access: waits for new settings). Local changes go into the copy only while
   * 'ok', so the outbox counts what waits.
   */
  let net: 'ok' | 'offline' | 'refused' = 'offline'
  /** The last pump failed (this browser's storage): shown, and retried. */
  let pumpFailed = false
  const refreshWaiting = async () => emit({ waiting: (await outboxCount(orgId)) + unpushed.size, rejected: rejectedIds.size })

  // --- one pump at a time ----------------------------------------------------------------------
  let running: Promise<void> = Promise.resolve()
  let again = false
  let scheduled: ReturnType<typeof setTimeout> | null = null
  function kick(delay = 0): void {
    if (stopped) return
    if (scheduled) return
    scheduled = setTimeout(() => {
      scheduled = null
      running = running.then(async () => {
        do {
          again = false
          await pump()
        } while (again && !stopped)
      })
    }, delay)
  }
  const schedule = () => {
    again = true
    kick(150)
  }

  async function pump(): Promise<void> {
    if (stopped) return
    try {
      await pull()
      await absorbDeferred()
      if (net === 'ok') await drain()
      // What the drain deferred is merged now and written by the next pump.
      if (deferred.size > 0) again = true
      if ((await removeSettledConflicts(orgId)) > 0) options.onConflicts()
      await refreshWaiting()
      if (pumpFailed) {
        pumpFailed = false
        if (net === 'ok') emit({ phase: 'idle', error: null })
      }
    } catch (e) {
      if (stopped) return
      const error = classifyError(e)
      // A failure here is this browser's (storage): shown, and tried again in a while.
      pumpFailed = true
      emit({ phase: 'error', error: error.code === 'unknown' ? { code: 'storage', status: null } : error })
      again = true
      setTimeout(() => kick(), 5_000)
    }
  }

  // --- in: mirror → data -----------------------------------------------------------------------
  async function pull(): Promise<void> {
    let since = (await readFeedPosition(orgId)) ?? 0
    for (;;) {
      const res = await mirror.changes({ since, limit: BATCH, include_docs: true, conflicts: true, style: 'all_docs' })
      if (res.results.length === 0 || stopped) return
      await absorb(res.results.map((c) => ({ id: c.id, doc: c.doc })), true)
      await writeFeedPosition(orgId, res.last_seq)
      since = res.last_seq
    }
  }

  /**
   * Documents the drain could not write because the data here has not taken in all their revisions
   * (e.g. after "Alles ersetzen" with an older backup, the copy holds newer versions the change feed
   * has already passed): merged here again, so the next drain finds them absorbed.
   */
  const deferred = new Set<string>()
  /** Merged again in the last round: deferred once more, they wait for a new revision (no loop). */
  let absorbedAgain = new Set<string>()
  async function absorbDeferred(): Promise<void> {
    const ids = [...deferred]
    deferred.clear()
    absorbedAgain = new Set(ids)
    if (ids.length === 0) return
    for (let i = 0; i < ids.length && !stopped; i += BATCH) {
      const rows = (await mirror.allDocs({ keys: ids.slice(i, i + BATCH), include_docs: true, conflicts: true })).rows
      await absorb(rows.map((r) => ({ id: r.key, doc: r.doc ?? undefined })), false)
    }
  }

  /**
   * Validates documents of the copy (each with all its live revisions) and merges them into the data
   * through the merge of imported files and `applyStateDiff`. `skipOwn`: documents whose winning
   * revision this engine wrote itself (their echo in the change feed) are left out.
   */
  async function absorb(changes: readonly { id: string; doc: PouchDocBase | undefined }[], skipOwn: boolean): Promise<void> {
    const docs: IncomingDoc[] = []
    const conflictRecords: StoredSyncConflict[] = []
    const revisit: { table: SyncTable; keyText: string; orgId: string }[] = []
    const withConflicts = changes.filter((c) => (c.doc?._conflicts?.length ?? 0) > 0)
    const losers = withConflicts.length > 0 ? await readRevisions(withConflicts.flatMap((c) => c.doc!._conflicts!.map((rev) => ({ id: c.id, rev })))) : new Map<string, PouchDocBase[]>()
    for (const change of changes) {
      const doc = change.doc
      if (!doc || doc._deleted) continue
      const extra = losers.get(change.id) ?? []
      if (skipOwn && extra.length === 0 && written.get(change.id) === doc._rev) continue
      const records: unknown[] = []
      let where: { table: SyncTable; keyText: string } | null = null
      let refused = false
      for (const leaf of [doc, ...extra]) {
        const parsed = parseDoc(leaf, orgId)
        if (!parsed.ok) {
          // For the IT department: which document, and why (the screen shows the count).
          if (!rejectedIds.has(change.id)) console.warn('sync: document from the server left out', change.id, leaf._rev, parsed.reason, parsed.problems ?? [])
          refused = true
          continue
        }
        where = parsed
        records.push(parsed.record)
      }
      if (refused) rejectedIds.add(change.id)
      else rejectedIds.delete(change.id)
      if (!where || records.length === 0) continue
      if (extra.length > 0) revisit.push({ table: where.table, keyText: where.keyText, orgId })
      if (where.table === 'syncConflicts') conflictRecords.push(...(records as StoredSyncConflict[]))
      else docs.push({ table: where.table as MergeTable, keyText: where.keyText, leaves: records })
    }
    if (docs.length > 0) {
      const touched = emptyData()
      for (const d of docs) for (const leaf of d.leaves) addRecord(touched, d.table, leaf)
      // Merged with what is stored at the moment of the write (an answer saved meanwhile is kept).
      let conflicts: ReturnType<typeof mergeIncoming>['conflicts'] = []
      await applyMergedDiff(async () => {
        const base = await readMergeBase([touched])
        const merged = mergeIncoming(base, docs)
        conflicts = merged.conflicts
        return { base, diff: diffStates(base, merged.state) }
      })
      conflictRecords.push(...conflicts.map((c) => syncConflictOf(c, orgId)))
    }
    if (conflictRecords.length > 0) {
      await keepSyncConflicts(conflictRecords)
      options.onConflicts()
    }
    // Documents with concurrent revisions: the drain writes the merged record and deletes the rest.
    await enqueue(revisit)
  }

  /** The given revisions' documents, grouped by id (unreadable ones left out). */
  async function readRevisions(wanted: { id: string; rev: string }[]): Promise<Map<string, PouchDocBase[]>> {
    const out = new Map<string, PouchDocBase[]>()
    if (wanted.length === 0) return out
    const res = await mirror.bulkGet({ docs: wanted })
    for (const r of res.results) {
      for (const d of r.docs) {
        if (!('ok' in d) || d.ok._deleted) continue
        const list = out.get(r.id)
        if (list) list.push(d.ok)
        else out.set(r.id, [d.ok])
      }
    }
    return out
  }

  // --- out: data → mirror ----------------------------------------------------------------------
  async function drain(): Promise<void> {
    const entries = await outboxEntries()
    if (entries.length === 0) return
    const synced = await syncedOrganisations()
    // "Every record of a table" (after it was cleared): this organisation's records and documents.
    const items = new Map<string, { table: SyncTable; keyText: string; entries: OutboxEntry[] }>()
    const add = (table: SyncTable, keyText: string, entry: OutboxEntry | null) => {
      const key = outboxKey(table, keyText)
      const item = items.get(key) ?? { table, keyText, entries: [] }
      if (entry) item.entries.push(entry)
      items.set(key, item)
    }
    const wholeTables: OutboxEntry[] = []
    for (const e of entries) {
      if (e.keyText !== ALL_KEYS) {
        add(e.table, e.keyText, e)
        continue
      }
      wholeTables.push(e)
      for (const k of await organisationKeys(orgId, e.table)) add(e.table, k, null)
      const kind = SYNC_KINDS[e.table]
      const docs = await mirror.allDocs({ startkey: `${kind}:`, endkey: `${kind}:\uffff` })
      for (const row of docs.rows) {
        const where = parseDocId(row.key)
        if (where) add(where.table, where.keyText, null)
      }
    }
    const usedCatalogs = new Set(await organisationKeys(orgId, 'catalogs'))
    const all = [...items.values()]
    const handled: OutboxEntry[] = [...wholeTables]
    for (let i = 0; i < all.length && !stopped; i += BATCH) {
      const batch = all.slice(i, i + BATCH)
      const { views, foreign } = await readLocalViews(orgId, batch)
      const ids = batch.map((b) => docIdOf(b.table, b.keyText))
      const rows = (await mirror.allDocs({ keys: ids, include_docs: true, conflicts: true })).rows
      const losers = await readRevisions(rows.flatMap((r) => (r.doc?._conflicts ?? []).map((rev) => ({ id: r.key, rev }))))
      const writes: object[] = []
      const writtenFor = new Map<string, OutboxEntry[]>()
      batch.forEach((item, j) => {
        const key = outboxKey(item.table, item.keyText)
        const row = rows[j]!
        const view = views.get(key) ?? { record: undefined }
        const own = (item.entries[0]?.orgId ?? '') === '' || item.entries[0]?.orgId === orgId
        // Another organisation's record: its own sync (if it has one) sends it; else nothing to do.
        if (foreign.has(key) || (!own && view.record === undefined)) {
          if (!item.entries.some((e) => e.orgId !== '' && synced.has(e.orgId))) handled.push(...item.entries)
          return
        }
        if (item.table === 'catalogs' && !usedCatalogs.has(item.keyText)) {
          handled.push(...item.entries)
          return
        }
        const live = row.doc && !row.doc._deleted ? [row.doc, ...(losers.get(row.key) ?? [])] : []
        const leaves = live.map((d) => {
          const parsed = parseDoc(d, orgId)
          return { rev: d._rev, data: parsed.ok ? parsed.record : undefined, readable: parsed.ok }
        })
        const plan = planMirror(item.table, view, leaves)
        if (plan.action === 'defer') {
          if (!absorbedAgain.has(ids[j]!)) deferred.add(ids[j]!)
          return
        }
        if (plan.action === 'none') {
          handled.push(...item.entries)
          return
        }
        const docId = ids[j]!
        if (plan.put) {
          const parent = plan.put.parentRev ?? (row.value?.deleted ? row.value.rev : undefined)
          writes.push({ ...toDoc(item.table, plan.put.data), ...(parent ? { _rev: parent } : {}) })
        }
        for (const rev of plan.deleteRevs) writes.push({ _id: docId, _rev: rev, _deleted: true })
        writtenFor.set(docId, item.entries)
      })
      if (writes.length > 0) {
        const results = await mirror.bulkDocs(writes)
        const failed = new Set(results.filter((r) => r.error).map((r) => r.id))
        for (const r of results) {
          if (r.error || !r.rev) continue
          written.set(r.id, r.rev)
          unpushed.add(r.id)
        }
        for (const [docId, es] of writtenFor) if (!failed.has(docId)) handled.push(...es)
      }
    }
    await settleOutbox(handled)
  }

  // --- replication with the server -------------------------------------------------------------
  let replications: PouchEmitter[] = []
  let feed: PouchEmitter | null = null
  let unwatch: (() => void) | null = null

  const onError = (error: SyncError) => {
    net = error.code === 'unreachable' || error.code === 'server' ? 'offline' : 'refused'
    emit({ phase: net === 'offline' ? 'offline' : 'error', error })
  }

  /**
   * Two live replications (push and pull) rather than PouchDB's `sync`, whose 'paused' event drops
   * the error: each direction's pause says whether it is caught up or cannot reach the server.
   */
  function replicate(): void {
    cancelReplication()
    const paused = { push: false, pull: false }
    const failed: { push: SyncError | null; pull: SyncError | null } = { push: null, pull: null }
    const opts = { live: true, retry: true, batch_size: 100, back_off_function: backOff }
    const onPaused = (dir: 'push' | 'pull') => (err?: unknown) => {
      paused[dir] = true
      failed[dir] = err ? classifyError(err) : null
      const error = failed.push ?? failed.pull
      if (error) return onError(error)
      if (!paused.push || !paused.pull || !online()) return
      // Caught up with the server in both directions.
      net = 'ok'
      unpushed.clear()
      const at = new Date().toISOString()
      emit({ phase: 'idle', lastSyncAt: at, error: null })
      void writeLastSync(orgId, at)
      // Changes that waited while the server was away go out now.
      schedule()
    }
    const onActive = (dir: 'push' | 'pull') => () => {
      paused[dir] = false
      failed[dir] = null
      if (!online()) return
      net = 'ok'
      emit({ phase: 'syncing', error: null })
    }
    const onDenied = (err: unknown) => {
      const id = (err as { doc?: { id?: unknown }; id?: unknown })?.doc?.id ?? (err as { id?: unknown })?.id
      if (typeof id === 'string') rejectedIds.add(id)
      void refreshWaiting()
    }
    const push = Pouch.replicate(mirror, remote, opts)
      .on('active', onActive('push'))
      .on('paused', onPaused('push'))
      .on('denied', onDenied)
      .on('error', (err: unknown) => onError(classifyError(err)))
    const pull = Pouch.replicate(remote, mirror, opts)
      .on('active', onActive('pull'))
      .on('paused', onPaused('pull'))
      .on('change', schedule)
      .on('denied', onDenied)
      .on('error', (err: unknown) => onError(classifyError(err)))
    replications = [push, pull]
  }

  function cancelReplication(): void {
    for (const r of replications) r.cancel()
    replications = []
  }

  /** The browser's own idea of the network (false when the cable is out or the Wi-Fi is off). */
  const online = (): boolean => globalThis.navigator?.onLine !== false

  const onOnline = () => {
    // Back online: try at once instead of waiting for the back-off.
    if (!stopped && net !== 'refused') {
      emit({ phase: 'connecting', error: null })
      replicate()
    }
  }
  const onOffline = () => {
    if (stopped || net === 'refused') return
    net = 'offline'
    emit({ phase: 'offline', error: { code: 'unreachable', status: null } })
  }

  async function connect(): Promise<void> {
    const probed = await probe(remote)
    if (!probed.ok) {
      const error = probed.error
      // Refused: the user has to change the settings; nothing is replicated until then.
      onError(error)
      // Refused: nothing is replicated until the settings change (the store starts a new engine).
      if (net === 'refused') return
    } else {
      // One database per organisation: never mix this organisation's data into another one's.
      const found = await findOrganisation(options.remote, orgId)
      if (!found.ok && found.error.code === 'otherOrganisation') return onError(found.error)
      net = 'ok'
      schedule()
    }
    if (!stopped && online()) replicate()
  }

  // First start of this copy: compare every record of the organisation with it.
  const state = await mirror.get('_local/dc-sync').catch(() => null)
  if (!state) {
    const all: { table: SyncTable; keyText: string; orgId: string }[] = []
    for (const table of SYNC_TABLES) for (const keyText of await organisationKeys(orgId, table)) all.push({ table, keyText, orgId })
    await enqueue(all)
    await writeFeedPosition(orgId, null)
    await mirror.put({ _id: '_local/dc-sync', orgId, createdAt: new Date().toISOString() })
  }

  options.onStatus(status)
  feed = mirror.changes({ live: true, since: 'now' }).on('change', schedule)
  unwatch = watchOutbox(schedule)
  globalThis.addEventListener?.('online', onOnline)
  globalThis.addEventListener?.('offline', onOffline)
  kick()
  if (online()) void connect()
  else onOffline()

  return {
    kick: () => schedule(),
    async stop() {
      stopped = true
      if (scheduled) clearTimeout(scheduled)
      globalThis.removeEventListener?.('online', onOnline)
      globalThis.removeEventListener?.('offline', onOffline)
      unwatch?.()
      feed?.cancel()
      cancelReplication()
      await running.catch(() => undefined)
      await Promise.all([mirror.close().catch(() => undefined), remote.close().catch(() => undefined)])
    },
  }
}
