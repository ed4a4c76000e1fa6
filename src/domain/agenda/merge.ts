/**
 * Merge of two copies of one agenda (this browser's and one from a file), with the rules of
 * `src/domain/exchange/merge.ts`:
 * - Header (name, version, horizon, phases, Handlungsfelder, source): the later change wins (time,
 *   then device id, then revision), as for organisations and rounds.
 * - Entries, one by one, like answers, by their version vectors: a version that has seen the other
 *   wins; two versions changed concurrently to different values are a conflict — the later change is
 *   taken provisionally and the conflict reported for the user to decide (`applyAgendaDecisions`).
 * - Status histories: the union of both, deduplicated by event id, ordered by `compareEvents`. An
 *   entry's merged status is the `to` of its latest event, so status and history never disagree
 *   (a status changed on one side and a note on the other both survive).
 * - An entry tombstone beats every change of the entry not later than the deletion; a later change
 *   brings the entry back. Status events of removed entries stay (the history is append-only).
 *
 * Pure, commutative and idempotent on the result (tests/unit/agenda-merge.test.ts). The caller
 * stores the result when `changed`.
 */
import { deepEqualJson } from '@/domain/model/equal'
import { bumpVector, compareByTime, compareVectors, isEmptyVector, joinVectors } from '@/domain/model/provenance'
import type { Stamp } from '@/domain/model/types'
import { compareEntries } from './edit'
import { compareEvents, latestEvents } from './status'
import { AGENDA_ENTRY_VALUE_KEYS, AGENDA_HEADER_VALUE_KEYS, type Agenda, type AgendaEntry, type AgendaEntryValues, type EntryTombstone, type StatusEvent } from './types'

/** One side of a merge: the agenda and its status events. */
export interface AgendaCopy {
  agenda: Agenda
  history: readonly StatusEvent[]
}

/** An entry changed on both sides to different values. `winner` is what the merge took provisionally. */
export interface AgendaEntryConflict {
  entryId: string
  local: AgendaEntry
  incoming: AgendaEntry
  winner: 'local' | 'incoming'
}

export interface AgendaMergeCounts {
  header: 'unchanged' | 'updated'
  entries: {
    added: number
    updated: number
    unchanged: number
    /** Removed here because the other copy removed it later than its last change. */
    deleted: number
    /** Removed here earlier, back because the other copy changed it later. */
    restored: number
    /** In the other copy, but removed here later: stays removed. */
    keptDeleted: number
    conflicts: number
  }
  events: { added: number; unchanged: number }
}

export type AgendaMergeErrorCode = 'agenda.differentAgenda' | 'agenda.foreignId' | 'agenda.eventForeignAgenda'

export type AgendaMergeResult =
  | { ok: true; agenda: Agenda; history: StatusEvent[]; counts: AgendaMergeCounts; conflicts: AgendaEntryConflict[]; changed: boolean }
  | { ok: false; errors: { code: AgendaMergeErrorCode; params: Record<string, string> }[] }

const cmpId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
const valuesOf = (e: AgendaEntry) => JSON.stringify(AGENDA_ENTRY_VALUE_KEYS.map((k) => e[k]))
const sameValues = (a: AgendaEntry, b: AgendaEntry) => AGENDA_ENTRY_VALUE_KEYS.every((k) => a[k] === b[k])

export interface EntryMerge {
  entry: AgendaEntry
  outcome: 'unchanged' | 'updated' | 'conflict'
  winner: 'local' | 'incoming'
}

/**
 * Two versions of one entry, as `mergeAnswer` merges two versions of an answer (the status is then
 * set from the merged history by `mergeAgenda`). Symmetric in its result `entry`; `createdAt` is the
 * earlier of both.
 */
export function mergeEntry(local: AgendaEntry, incoming: AgendaEntry): EntryMerge {
  const createdAt = Date.parse(incoming.createdAt) < Date.parse(local.createdAt) ? incoming.createdAt : local.createdAt
  if (deepEqualJson(local, incoming)) return { entry: local, outcome: 'unchanged', winner: 'local' }
  const order = isEmptyVector(local.vv) || isEmptyVector(incoming.vv) ? 'concurrent' : compareVectors(incoming.vv, local.vv)
  if (order === 'after') return { entry: { ...incoming, createdAt }, outcome: sameValues(local, incoming) ? 'unchanged' : 'updated', winner: 'incoming' }
  if (order === 'before') return { entry: { ...local, createdAt }, outcome: 'unchanged', winner: 'local' }
  const c = compareByTime(incoming, local)
  const incomingWins = c !== 0 ? c > 0 : valuesOf(incoming) > valuesOf(local)
  const w = incomingWins ? incoming : local
  const entry: AgendaEntry = { ...w, createdAt, vv: joinVectors(local.vv, incoming.vv), rev: Math.max(local.rev, incoming.rev) }
  const winner = incomingWins ? 'incoming' : 'local'
  if (sameValues(local, incoming)) return { entry, outcome: 'unchanged', winner }
  const conflict = order === 'concurrent' && !isEmptyVector(local.vv) && !isEmptyVector(incoming.vv)
  return { entry, outcome: conflict ? 'conflict' : incomingWins ? 'updated' : 'unchanged', winner }
}

/** Both histories as one: deduplicated by id (a clash of ids keeps the first in event order), ordered. */
export function unionHistory(a: readonly StatusEvent[], b: readonly StatusEvent[]): StatusEvent[] {
  const byId = new Map<string, StatusEvent>()
  for (const e of [...a, ...b]) {
    const seen = byId.get(e.id)
    if (!seen || compareEvents(e, seen) < 0 || (compareEvents(e, seen) === 0 && JSON.stringify(e) < JSON.stringify(seen))) byId.set(e.id, e)
  }
  return [...byId.values()].sort(compareEvents)
}

function laterTombstone(a: EntryTombstone, b: EntryTombstone): EntryTombstone {
  const ta = Date.parse(a.deletedAt)
  const tb = Date.parse(b.deletedAt)
  if (ta !== tb) return ta > tb ? a : b
  if (a.deviceId !== b.deviceId) return a.deviceId > b.deviceId ? a : b
  return a.deletedBy >= b.deletedBy ? a : b
}

const headerOf = (a: Agenda) => AGENDA_HEADER_VALUE_KEYS.map((k) => a[k])

/** A copy in stored order (entries by order and id, tombstones by id, history by event order). */
export function canonicalCopy(copy: AgendaCopy): { agenda: Agenda; history: StatusEvent[] } {
  return {
    agenda: { ...copy.agenda, entries: [...copy.agenda.entries].sort(compareEntries), removedEntries: [...copy.agenda.removedEntries].sort(cmpId) },
    history: unionHistory(copy.history, []),
  }
}

/**
 * Merges `incoming` into `local` (see the module comment). Refused when the copies are of different
 * agendas or organisations, or a history holds another agenda's events.
 */
export function mergeAgenda(local: AgendaCopy, incoming: AgendaCopy): AgendaMergeResult {
  const errors: { code: AgendaMergeErrorCode; params: Record<string, string> }[] = []
  if (local.agenda.id !== incoming.agenda.id) errors.push({ code: 'agenda.differentAgenda', params: { id: local.agenda.id, otherId: incoming.agenda.id } })
  else if (local.agenda.orgId !== incoming.agenda.orgId) errors.push({ code: 'agenda.foreignId', params: { id: incoming.agenda.id } })
  for (const e of [...local.history, ...incoming.history]) {
    if (e.agendaId !== local.agenda.id) errors.push({ code: 'agenda.eventForeignAgenda', params: { eventId: e.id, agendaId: e.agendaId } })
  }
  if (errors.length > 0) return { ok: false, errors }

  const mine = local.agenda
  const theirs = incoming.agenda
  const counts: AgendaMergeCounts = {
    header: 'unchanged',
    entries: { added: 0, updated: 0, unchanged: 0, deleted: 0, restored: 0, keptDeleted: 0, conflicts: 0 },
    events: { added: 0, unchanged: 0 },
  }

  // Header: later change wins; equal provenance with other values (never made by the app) by value.
  const byTime = compareByTime(theirs, mine)
  const header = byTime > 0 || (byTime === 0 && JSON.stringify(headerOf(theirs)) > JSON.stringify(headerOf(mine))) ? theirs : mine
  if (!deepEqualJson(headerOf(header), headerOf(mine))) counts.header = 'updated'

  // History: union.
  const history = unionHistory(local.history, incoming.history)
  const localEventIds = new Set(local.history.map((e) => e.id))
  for (const e of incoming.history) if (localEventIds.has(e.id)) counts.events.unchanged++
  counts.events.added = history.length - unionHistory(local.history, []).length
  const latest = latestEvents(history)

  // Tombstones: the later per entry.
  const tombs = new Map<string, EntryTombstone>()
  for (const t of [...mine.removedEntries, ...theirs.removedEntries]) {
    const seen = tombs.get(t.id)
    tombs.set(t.id, seen ? laterTombstone(seen, t) : t)
  }
  const localTombs = new Set(mine.removedEntries.map((t) => t.id))

  // Entries.
  const localById = new Map(mine.entries.map((e) => [e.id, e]))
  const incomingById = new Map(theirs.entries.map((e) => [e.id, e]))
  const conflicts: AgendaEntryConflict[] = []
  const entries: AgendaEntry[] = []
  const ids = [...new Set([...localById.keys(), ...incomingById.keys()])].sort()
  for (const id of ids) {
    const l = localById.get(id)
    const i = incomingById.get(id)
    let candidate: AgendaEntry
    if (l && i) {
      const m = mergeEntry(l, i)
      candidate = m.entry
      if (m.outcome === 'conflict') {
        counts.entries.conflicts++
        conflicts.push({ entryId: id, local: l, incoming: i, winner: m.winner })
      }
    } else candidate = (l ?? i)!
    const last = latest.get(id)
    if (last && last.to !== candidate.status) candidate = { ...candidate, status: last.to }
    const changedAt = Math.max(Date.parse(candidate.updatedAt), last ? Date.parse(last.at) : -Infinity)
    const tomb = tombs.get(id)
    const alive = !tomb || changedAt > Date.parse(tomb.deletedAt)
    if (alive) {
      tombs.delete(id)
      entries.push(candidate)
    }
    if (l && alive) {
      if (deepEqualJson(l, candidate)) counts.entries.unchanged++
      else counts.entries.updated++
    } else if (l) counts.entries.deleted++
    else if (alive) {
      if (localTombs.has(id)) counts.entries.restored++
      else counts.entries.added++
    } else counts.entries.keptDeleted++
  }

  const createdAt = Date.parse(theirs.createdAt) < Date.parse(mine.createdAt) ? theirs.createdAt : mine.createdAt
  const agenda: Agenda = {
    ...header,
    createdAt,
    entries: entries.sort(compareEntries),
    removedEntries: [...tombs.values()].sort(cmpId),
  }
  const before = canonicalCopy(local)
  const changed = !deepEqualJson(before.agenda, agenda) || !deepEqualJson(before.history, history)
  return { ok: true, agenda, history, counts, conflicts, changed }
}

/** As `ConflictDecision` of the exchange merge: keep the later change, mine, theirs, or both. */
export type AgendaConflictDecision = 'auto' | 'mine' | 'theirs' | 'both'

/**
 * Applies the user's decisions (by entry id; missing = 'auto') to a merged copy. 'mine' / 'theirs'
 * write that side's values again as a new change on this device, so they win wherever this copy is
 * merged later; when that changes the merged status, a status event records it (the decision restores
 * a status one side legitimately had, so STATUS_TRANSITIONS is not applied). 'both' keeps mine and adds
 * theirs as a new entry (new id, right after the original, its status without history). 'auto'
 * leaves the later change the merge took.
 */
export function applyAgendaDecisions(
  merged: AgendaCopy,
  conflicts: readonly AgendaEntryConflict[],
  decisions: Readonly<Record<string, AgendaConflictDecision>>,
  stamp: Stamp,
  newId: () => string,
): { agenda: Agenda; history: StatusEvent[] } {
  const entries = new Map(merged.agenda.entries.map((e) => [e.id, e]))
  const history = [...merged.history]
  const copies: AgendaEntry[] = []
  for (const c of conflicts) {
    const decision = decisions[c.entryId] ?? 'auto'
    const now = entries.get(c.entryId)
    if (decision === 'auto' || !now) continue
    const chosen = decision === 'theirs' ? c.incoming : c.local
    const rev = Math.max(now.rev, c.local.rev, c.incoming.rev) + 1
    const next: AgendaEntry = {
      ...now,
      ...(Object.fromEntries(AGENDA_ENTRY_VALUE_KEYS.map((k) => [k, chosen[k]])) as AgendaEntryValues),
      updatedAt: stamp.at,
      updatedBy: stamp.by,
      deviceId: stamp.deviceId,
      rev,
      vv: bumpVector(joinVectors(joinVectors(now.vv, c.local.vv), c.incoming.vv), stamp.deviceId),
    }
    if (next.status !== now.status) {
      history.push({ id: newId(), agendaId: merged.agenda.id, entryId: now.id, from: now.status, to: next.status, at: stamp.at, by: stamp.by, deviceId: stamp.deviceId, rev, note: '' })
    }
    entries.set(now.id, next)
    if (decision === 'both') {
      // Right after the original: halfway to the next entry's order.
      const following = [...entries.values(), ...copies].filter((e) => e.order > next.order).reduce((min, e) => Math.min(min, e.order), Infinity)
      copies.push({
        ...c.incoming,
        id: newId(),
        order: following === Infinity ? next.order + 1 : (next.order + following) / 2,
        createdAt: stamp.at,
        updatedAt: stamp.at,
        updatedBy: stamp.by,
        deviceId: stamp.deviceId,
        rev: 1,
        vv: { [stamp.deviceId]: 1 },
      })
    }
  }
  return {
    agenda: { ...merged.agenda, entries: [...entries.values(), ...copies].sort(compareEntries) },
    history: history.sort(compareEvents),
  }
}
