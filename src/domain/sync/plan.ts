/**
 * The two directions of the bridge between this browser's data and its replication copy:
 *
 * - in (`mergeIncoming`): the live revisions of the documents that changed on the server are merged
 *   into the local records with the merge of imported files, one "layer" per revision (CouchDB
 *   keeps concurrent revisions of one document side by side in `_conflicts`: all are merged, so
 *   two devices that changed different answers of one questionnaire both keep theirs);
 * - out (`planMirror`): what to write into the copy for one record: the local record on top of
 *   CouchDB's winning revision, and the other revisions deleted — but only once the local record
 *   has taken in every revision (`absorbs`); otherwise nothing is written yet (`defer`), so a
 *   revision that arrived in between is never overwritten unmerged.
 */
import { mergeExchange, type AnswerConflict } from '@/domain/exchange/merge'
import type { BackupData } from '@/domain/exchange/formats'
import { deepEqualJson } from '@/domain/model/equal'
import type { Catalog, Tombstone } from '@/domain/model/types'
import { isSettled, type CurrentAnswer, type StoredSyncConflict } from './conflicts'
import type { AgendaWithHistory, SyncTable } from './docs'

/** A record as the bridge handles it: as in a document's `data` (agendas with their history). */
export type MergeTable = Exclude<SyncTable, 'syncConflicts'>

export function emptyData(): BackupData {
  return { organisations: [], departments: [], rounds: [], assessments: [], catalogs: [], tombstones: [], agendas: [], agendaEvents: [], services: [] }
}

/** Adds one record (in document form) to exchange data. */
export function addRecord(data: BackupData, table: MergeTable, record: unknown): void {
  if (table === 'agendas') {
    const a = record as AgendaWithHistory
    data.agendas.push(a.agenda)
    data.agendaEvents.push(...a.events)
  } else if (table === 'catalogs') data.catalogs.push(record as Catalog)
  else (data[table] as unknown[]).push(record)
}

/** This browser's side of one record: the record (document form), its tombstone, and for a conflict the answer now. */
export interface LocalView {
  record: unknown
  tombstone?: Tombstone | undefined
  /** Conflicts only: the answer the conflict is about, as stored here now ('unknown': questionnaire not here). */
  answer?: CurrentAnswer
}

/** Whether the local side already holds everything `leaf` carries (merging it would change nothing). */
export function absorbs(table: SyncTable, local: LocalView, leaf: unknown): boolean {
  if (table === 'syncConflicts') return deepEqualJson(local.record, leaf) || isSettled(leaf as StoredSyncConflict, local.answer)
  // Catalogues never change once stored (a different one under the same id and version is refused).
  if (table === 'catalogs') return local.record !== undefined
  const mine = emptyData()
  if (local.record !== undefined) addRecord(mine, table, local.record)
  if (local.tombstone) mine.tombstones.push(local.tombstone)
  const theirs = emptyData()
  addRecord(theirs, table, leaf)
  const r = mergeExchange(mine, theirs)
  // A revision the merge refuses (another organisation's id) can never be taken in: it does not block.
  return !r.ok || !r.changed
}

/** A live revision of a document (the winner first, as CouchDB orders them). */
export interface Leaf {
  rev: string
  data: unknown
}

export type MirrorPlan =
  | { action: 'none' }
  | { action: 'defer' }
  | { action: 'write'; put: { parentRev: string | null; data: unknown } | null; deleteRevs: string[] }

/**
 * What to write into the replication copy for one record. `leaves` are the document's live
 * revisions, winner first; a revision that could not be read counts as not absorbed (it is left
 * alone until a newer app reads it). `local.record` undefined means the record is gone here: its
 * document is deleted only when a tombstone says it was deleted (a conflict: when it is settled);
 * a record merely missing here (all data of this browser cleared) deletes nothing on the server.
 */
export function planMirror(table: SyncTable, local: LocalView, leaves: readonly (Leaf & { readable: boolean })[]): MirrorPlan {
  const gone = local.record === undefined
  if (gone && table !== 'syncConflicts' && !local.tombstone) return { action: 'none' }
  if (leaves.length === 0) return gone ? { action: 'none' } : { action: 'write', put: { parentRev: null, data: local.record }, deleteRevs: [] }
  for (const leaf of leaves) if (!leaf.readable || !absorbs(table, local, leaf.data)) return { action: 'defer' }
  if (gone) return { action: 'write', put: null, deleteRevs: leaves.map((l) => l.rev) }
  const winner = leaves[0]!
  const put = deepEqualJson(winner.data, local.record) ? null : { parentRev: winner.rev, data: local.record }
  const deleteRevs = leaves.slice(1).map((l) => l.rev)
  return put === null && deleteRevs.length === 0 ? { action: 'none' } : { action: 'write', put, deleteRevs }
}

/** A changed document from the server: its readable live revisions, winner first. */
export interface IncomingDoc {
  table: MergeTable
  keyText: string
  leaves: unknown[]
}

export interface IncomingMerge {
  state: BackupData
  conflicts: AnswerConflict[]
  /** Documents (key text) a revision of which the merge refused. */
  refused: string[]
}

/**
 * Merges the documents' revisions into `base` (the local records they touch, `readMergeBase`): all
 * winners first, then every document's second revision, and so on. When the merge refuses a layer
 * (one record of another organisation, a catalogue that differs from the stored one), its
 * documents are merged one by one, so one bad record holds up no other.
 */
export function mergeIncoming(base: BackupData, docs: readonly IncomingDoc[]): IncomingMerge {
  let state = base
  const conflicts = new Map<string, AnswerConflict>()
  const refused: string[] = []
  const depth = docs.reduce((n, d) => Math.max(n, d.leaves.length), 0)
  const take = (r: ReturnType<typeof mergeExchange>): boolean => {
    if (!r.ok) return false
    state = r.state
    for (const c of r.conflicts) conflicts.set(`${c.assessmentId}\u0000${c.itemId}`, c)
    return true
  }
  for (let i = 0; i < depth; i++) {
    const layerDocs = docs.filter((d) => d.leaves.length > i)
    const layer = emptyData()
    for (const d of layerDocs) addRecord(layer, d.table, d.leaves[i])
    if (take(mergeExchange(state, layer))) continue
    for (const d of layerDocs) {
      const single = emptyData()
      addRecord(single, d.table, d.leaves[i])
      if (!take(mergeExchange(state, single))) refused.push(d.keyText)
    }
  }
  return { state, conflicts: [...conflicts.values()], refused }
}
