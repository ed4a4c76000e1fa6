/**
 * Changes to an agenda other than status changes, stamped with their provenance like every record and
 * answer (the command layer passes the stamp): a new entry, an edit of an entry's values, removing an
 * entry (which leaves an entry tombstone), an edit of the header. Status goes through `changeStatus`.
 */
import { bumpVector, nextProvenance } from '@/domain/model/provenance'
import type { Stamp } from '@/domain/model/types'
import { compareEvents } from './status'
import type { Agenda, AgendaEntry, AgendaEntryValues, EntryTombstone, StatusEvent } from './types'

/** What a new entry needs; everything else gets a default (status 'planned', nulls, ''). */
export type NewEntryInput = Pick<AgendaEntry, 'kind'> & Partial<AgendaEntryValues>

/**
 * A new entry with provenance rev 1 and vector {device: 1}. Its `order` defaults to one after the
 * largest in `agenda` (1 for the first). An initial status other than 'planned' has no event: use it
 * only to take over an existing plan; later changes go through `changeStatus`.
 */
export function newEntry(agenda: Pick<Agenda, 'entries'>, input: NewEntryInput, id: string, stamp: Stamp): AgendaEntry {
  const order = input.order ?? agenda.entries.reduce((max, e) => Math.max(max, e.order), 0) + 1
  return {
    id,
    measureId: input.measureId ?? null,
    title: input.title ?? '',
    kind: input.kind,
    handlungsfeldId: input.handlungsfeldId ?? null,
    ownerDepartmentId: input.ownerDepartmentId ?? null,
    start: input.start ?? null,
    end: input.end ?? null,
    budgetEstimate: input.budgetEstimate ?? null,
    status: input.status ?? 'planned',
    note: input.note ?? '',
    order,
    createdAt: stamp.at,
    updatedAt: stamp.at,
    updatedBy: stamp.by,
    deviceId: stamp.deviceId,
    rev: 1,
    vv: { [stamp.deviceId]: 1 },
  }
}

/** Values an edit may set; the status only changes through `changeStatus` (it writes the event). */
export type EntryPatch = Partial<Omit<AgendaEntryValues, 'status'>>

/** The entry with `patch` applied as one change (provenance and vector bumped, as an answer edit). */
export function updateEntry(entry: AgendaEntry, patch: EntryPatch, stamp: Stamp): AgendaEntry {
  const values: Partial<AgendaEntryValues> = { ...patch }
  delete values.status
  return {
    ...entry,
    ...values,
    updatedAt: stamp.at,
    updatedBy: stamp.by,
    deviceId: stamp.deviceId,
    rev: entry.rev + 1,
    vv: bumpVector(entry.vv, stamp.deviceId),
  }
}

/** Orders entries as the agenda stores them: order ascending, then id. */
export function compareEntries(a: Pick<AgendaEntry, 'order' | 'id'>, b: Pick<AgendaEntry, 'order' | 'id'>): number {
  if (a.order !== b.order) return a.order - b.order
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** The agenda with `entry` added or replaced (by id), entries in stored order. The header is untouched. */
export function putEntry(agenda: Agenda, entry: AgendaEntry): Agenda {
  return { ...agenda, entries: [...agenda.entries.filter((e) => e.id !== entry.id), entry].sort(compareEntries) }
}

/**
 * The agenda without the entry, and an entry tombstone for it (a merge of an older copy will not bring
 * it back; a later change elsewhere will). Its status events stay in the history. Unchanged if absent.
 */
export function removeEntry(agenda: Agenda, entryId: string, stamp: Stamp): Agenda {
  if (!agenda.entries.some((e) => e.id === entryId)) return agenda
  const tomb: EntryTombstone = { id: entryId, deletedAt: stamp.at, deletedBy: stamp.by, deviceId: stamp.deviceId }
  return {
    ...agenda,
    entries: agenda.entries.filter((e) => e.id !== entryId),
    removedEntries: [...agenda.removedEntries.filter((t) => t.id !== entryId), tomb].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  }
}

/** Header fields an edit may set. */
export type AgendaHeaderPatch = Partial<Pick<Agenda, 'name' | 'version' | 'horizon' | 'phases' | 'handlungsfelder' | 'source'>>

/** The agenda with its header changed as one change of the header's provenance. */
export function updateAgendaHeader(agenda: Agenda, patch: AgendaHeaderPatch, stamp: Stamp): Agenda {
  return { ...agenda, ...patch, ...nextProvenance(agenda, stamp) }
}

/**
 * Latest change anywhere in the agenda — header, entries, entry removals, status events — as an ISO
 * timestamp. Decides against a tombstone of the whole agenda, as `lastChangeOfAssessment` does for a
 * questionnaire.
 */
export function lastChangeOfAgenda(agenda: Agenda, history: readonly StatusEvent[] = []): string {
  let latest = agenda.updatedAt
  let t = Date.parse(latest)
  const consider = (iso: string) => {
    const x = Date.parse(iso)
    if (x > t) {
      t = x
      latest = iso
    }
  }
  for (const e of agenda.entries) consider(e.updatedAt)
  for (const r of agenda.removedEntries) consider(r.deletedAt)
  const own = history.filter((e) => e.agendaId === agenda.id).sort(compareEvents)
  const last = own[own.length - 1]
  if (last) consider(last.at)
  return latest
}
