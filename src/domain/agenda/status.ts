/**
 * Status of agenda entries: which changes are allowed, the change itself (a new entry version plus
 * the StatusEvent that records it), the order of events, the status on a given date and whether an
 * entry is late against its planned end.
 */
import { bumpVector } from '@/domain/model/provenance'
import type { Stamp } from '@/domain/model/types'
import { instantOf, periodLastDay } from './periods'
import type { AgendaEntry, AgendaStatus, StatusEvent } from './types'

/**
 * Allowed changes. Everything may move between planned, in progress and deferred, and be completed.
 * Done is a fact the committee has been told, so it is never silently undone: it can only be
 * reopened as in progress, with a note saying why (done → planned or done → deferred would erase that
 * work happened; reopen first, then defer if need be). A change to the same status is no change.
 */
export const STATUS_TRANSITIONS: Readonly<Record<AgendaStatus, readonly AgendaStatus[]>> = {
  planned: ['in_progress', 'done', 'deferred'],
  in_progress: ['planned', 'done', 'deferred'],
  deferred: ['planned', 'in_progress', 'done'],
  done: ['in_progress'],
}

/** Changes that need a note (reopening something reported as done). */
export function noteRequired(from: AgendaStatus, to: AgendaStatus): boolean {
  return from === 'done' && to !== 'done'
}

export function canChangeStatus(from: AgendaStatus, to: AgendaStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to)
}

export type StatusChangeErrorCode = 'agenda.sameStatus' | 'agenda.transitionNotAllowed' | 'agenda.noteRequired'

export type StatusChangeResult =
  | { ok: true; entry: AgendaEntry; event: StatusEvent }
  | { ok: false; error: { code: StatusChangeErrorCode; params: Record<string, string> } }

export interface StatusChangeOptions {
  agendaId: string
  /** Id of the new event (the caller makes ids). */
  eventId: string
  stamp: Stamp
  note?: string
}

/**
 * Moves an entry to `to`: the new entry (status set, provenance and version vector bumped like an
 * answer edit) and the event to append to the history. Refused with a code when the change is no
 * change, not allowed (STATUS_TRANSITIONS) or reopens a done entry without a note.
 */
export function changeStatus(entry: AgendaEntry, to: AgendaStatus, options: StatusChangeOptions): StatusChangeResult {
  const from = entry.status
  const note = (options.note ?? '').trim()
  if (from === to) return { ok: false, error: { code: 'agenda.sameStatus', params: { id: entry.id, status: to } } }
  if (!canChangeStatus(from, to)) return { ok: false, error: { code: 'agenda.transitionNotAllowed', params: { id: entry.id, from, to } } }
  if (noteRequired(from, to) && note === '') return { ok: false, error: { code: 'agenda.noteRequired', params: { id: entry.id, from, to } } }
  const { stamp } = options
  const next: AgendaEntry = {
    ...entry,
    status: to,
    updatedAt: stamp.at,
    updatedBy: stamp.by,
    deviceId: stamp.deviceId,
    rev: entry.rev + 1,
    vv: bumpVector(entry.vv, stamp.deviceId),
  }
  const event: StatusEvent = {
    id: options.eventId,
    agendaId: options.agendaId,
    entryId: entry.id,
    from,
    to,
    at: stamp.at,
    by: stamp.by,
    deviceId: stamp.deviceId,
    rev: next.rev,
    note,
  }
  return { ok: true, entry: next, event }
}

/**
 * Total order of events: time, then device id, then entry revision, then event id — "later change
 * wins, ties by device" as for every other record, so every device orders a history the same way.
 */
export function compareEvents(a: StatusEvent, b: StatusEvent): number {
  const ta = Date.parse(a.at)
  const tb = Date.parse(b.at)
  if (ta !== tb) return ta < tb ? -1 : 1
  if (a.deviceId !== b.deviceId) return a.deviceId < b.deviceId ? -1 : 1
  if (a.rev !== b.rev) return a.rev - b.rev
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** The events of one entry, oldest first (input not modified). */
export function entryHistory(history: readonly StatusEvent[], entryId: string): StatusEvent[] {
  return history.filter((e) => e.entryId === entryId).sort(compareEvents)
}

/** The latest event per entry id. */
export function latestEvents(history: readonly StatusEvent[]): Map<string, StatusEvent> {
  const out = new Map<string, StatusEvent>()
  for (const e of history) {
    const seen = out.get(e.entryId)
    if (!seen || compareEvents(e, seen) > 0) out.set(e.entryId, e)
  }
  return out
}

/**
 * Status of an entry at `at` (ISO timestamp, or a date = the end of that UTC day): the `to` of the
 * latest event not after it; before the first event, that event's `from`; without events, the
 * entry's status. Null when the entry did not exist yet (`at` before its creation and before any of
 * its events). Events of other entries are ignored.
 */
export function statusAt(entry: Pick<AgendaEntry, 'id' | 'status' | 'createdAt'>, history: readonly StatusEvent[], at: string): AgendaStatus | null {
  const t = instantOf(at, 'end')
  const events = entryHistory(history, entry.id)
  let last: StatusEvent | undefined
  for (const e of events) if (Date.parse(e.at) <= t) last = e
  if (last) return last.to
  if (t < Date.parse(entry.createdAt)) return null
  return events[0]?.from ?? entry.status
}

/**
 * Late against plan on `today` (ISO date): a planned end lies before today (a month ends on its last
 * day) and the entry is still planned or in progress. Done entries are never late; deferred ones
 * neither — deferring is the group's decision to move it, and the report lists them as deferred.
 * Pass `status` to judge another status than the entry's own (the report uses the status on `today`).
 */
export function isLate(entry: Pick<AgendaEntry, 'end' | 'status'>, today: string, status: AgendaStatus = entry.status): boolean {
  if (entry.end === null || (status !== 'planned' && status !== 'in_progress')) return false
  return periodLastDay(entry.end) < today
}
