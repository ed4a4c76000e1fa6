/**
 * Digitale Agenda: one document per agenda in `agendas` (entries and entry tombstones embedded) and
 * its append-only status history in `agendaEvents`. Every change is one read-modify-write of the
 * agenda in a transaction with the "last change" record; a status change writes the entry and its
 * event in the same transaction, so status and history never disagree. An edit that would leave the
 * agenda breaking `validateAgenda` is refused and nothing is written (an invalid agenda would be
 * quarantined and left out of backups). Writers take a `Stamp` from the command layer.
 */
import { createAgendaFromRecommendations, type AgendaFromRecommendationsOptions } from '@/domain/agenda/create'
import { newEntry, putEntry, removeEntry, updateAgendaHeader, updateEntry, type AgendaHeaderPatch, type EntryPatch, type NewEntryInput } from '@/domain/agenda/edit'
import type { Recommendation } from '@/domain/analysis/prioritisation'
import { changeStatus, type StatusChangeErrorCode } from '@/domain/agenda/status'
import type { Agenda, AgendaEntry, AgendaIssue, AgendaStatus, StatusEvent } from '@/domain/agenda/types'
import { validateAgenda } from '@/domain/agenda/validate'
import type { Stamp } from '@/domain/model/types'
import { db } from './database'
import { newId } from './ids'
import { touchChange } from './meta'
import { tombstone } from './tombstones'

import { getAgenda } from './agenda-reads'

export { getAgenda, getAgendaWithHistory, listAgendaEvents, listAgendas } from './agenda-reads'

export type AgendaWriteErrorCode = 'agenda.notFound' | 'agenda.entryNotFound' | 'agenda.invalid' | StatusChangeErrorCode

/** Why a write was refused (nothing was written). `issues`: the rules an edit would have broken. */
export interface AgendaWriteError {
  code: AgendaWriteErrorCode
  params: Record<string, string>
  issues?: AgendaIssue[]
}

export type AgendaWriteResult<T> = ({ ok: true; agenda: Agenda } & T) | { ok: false; error: AgendaWriteError }

const invalid = (issues: AgendaIssue[]): { ok: false; error: AgendaWriteError } => ({ ok: false, error: { code: 'agenda.invalid', params: {}, issues } })

/**
 * Creates an agenda from a round's recommendations (`createAgendaFromRecommendations`; pass [] for
 * an empty one) and stores it. Refused when the result breaks `validateAgenda`.
 */
export async function createAgenda(
  recommendations: readonly Recommendation[],
  options: Omit<AgendaFromRecommendationsOptions, 'id' | 'stamp' | 'newId'>,
  stamp: Stamp,
): Promise<AgendaWriteResult<{ missingPrerequisites: { measureId: string; prerequisiteId: string }[] }>> {
  const { agenda, missingPrerequisites } = createAgendaFromRecommendations(recommendations, { ...options, id: newId(), stamp, newId })
  const issues = validateAgenda(agenda)
  if (issues.length > 0) return invalid(issues)
  await db.transaction('rw', db.agendas, db.meta, async () => {
    await db.agendas.add(agenda)
    await touchChange(stamp.at)
  })
  return { ok: true, agenda, missingPrerequisites }
}

/**
 * One read-modify-write of an agenda: `edit` returns the new agenda (or an error), which is
 * validated with the agenda's history and written with the "last change" in one transaction.
 */
async function editAgenda<T extends object>(id: string, stamp: Stamp, edit: (agenda: Agenda) => AgendaWriteResult<T>): Promise<AgendaWriteResult<T>> {
  return db.transaction('rw', [db.agendas, db.agendaEvents, db.meta], async (): Promise<AgendaWriteResult<T>> => {
    const current = await getAgenda(id)
    if (!current) return { ok: false, error: { code: 'agenda.notFound', params: { id } } }
    const result = edit(current)
    if (!result.ok) return result
    const history = await db.agendaEvents.where('agendaId').equals(id).toArray()
    const issues = validateAgenda(result.agenda, { history })
    if (issues.length > 0) return invalid(issues)
    await db.agendas.put(result.agenda)
    await touchChange(stamp.at)
    return result
  })
}

/** Changes the header (name, version, horizon, phases, Handlungsfelder, source). */
export function updateHeader(id: string, patch: AgendaHeaderPatch, stamp: Stamp): Promise<AgendaWriteResult<object>> {
  return editAgenda<object>(id, stamp, (agenda) => ({ ok: true, agenda: updateAgendaHeader(agenda, patch, stamp) }))
}

/** Adds an entry (status 'planned' unless given; order after the last entry unless given). */
export function addEntry(agendaId: string, input: NewEntryInput, stamp: Stamp): Promise<AgendaWriteResult<{ entry: AgendaEntry }>> {
  return editAgenda<{ entry: AgendaEntry }>(agendaId, stamp, (agenda) => {
    const entry = newEntry(agenda, input, newId(), stamp)
    return { ok: true, agenda: putEntry(agenda, entry), entry }
  })
}

/** Edits an entry's values (never its status: see `changeEntryStatus`). */
export function editEntry(agendaId: string, entryId: string, patch: EntryPatch, stamp: Stamp): Promise<AgendaWriteResult<{ entry: AgendaEntry }>> {
  return editAgenda<{ entry: AgendaEntry }>(agendaId, stamp, (agenda) => {
    const current = agenda.entries.find((e) => e.id === entryId)
    if (!current) return { ok: false, error: { code: 'agenda.entryNotFound', params: { id: agendaId, entryId } } }
    const entry = updateEntry(current, patch, stamp)
    return { ok: true, agenda: putEntry(agenda, entry), entry }
  })
}

/** Removes an entry; an entry tombstone stays in the agenda and its status events stay in the history. */
export function deleteEntry(agendaId: string, entryId: string, stamp: Stamp): Promise<AgendaWriteResult<object>> {
  return editAgenda<object>(agendaId, stamp, (agenda) => {
    if (!agenda.entries.some((e) => e.id === entryId)) return { ok: false, error: { code: 'agenda.entryNotFound', params: { id: agendaId, entryId } } }
    return { ok: true, agenda: removeEntry(agenda, entryId, stamp) }
  })
}

/**
 * Moves an entry to another status: the new entry version and its StatusEvent are written in ONE
 * transaction (the event is added, never replaced: should that fail, neither is written). Refused
 * with the domain's code when the change is not allowed (`STATUS_TRANSITIONS`, note required).
 */
export async function changeEntryStatus(
  agendaId: string,
  entryId: string,
  to: AgendaStatus,
  options: { stamp: Stamp; note?: string; eventId?: string },
): Promise<AgendaWriteResult<{ entry: AgendaEntry; event: StatusEvent }>> {
  const { stamp } = options
  return db.transaction('rw', [db.agendas, db.agendaEvents, db.meta], async (): Promise<AgendaWriteResult<{ entry: AgendaEntry; event: StatusEvent }>> => {
    const agenda = await getAgenda(agendaId)
    if (!agenda) return { ok: false, error: { code: 'agenda.notFound', params: { id: agendaId } } }
    const current = agenda.entries.find((e) => e.id === entryId)
    if (!current) return { ok: false, error: { code: 'agenda.entryNotFound', params: { id: agendaId, entryId } } }
    const changed = changeStatus(current, to, { agendaId, eventId: options.eventId ?? newId(), stamp, note: options.note })
    if (!changed.ok) return { ok: false, error: changed.error }
    const next = putEntry(agenda, changed.entry)
    await db.agendas.put(next)
    await db.agendaEvents.add(changed.event)
    await touchChange(stamp.at)
    return { ok: true, agenda: next, entry: changed.entry, event: changed.event }
  })
}

/** Deletes an agenda with its history and leaves a tombstone (so a merge of an older copy cannot bring it back). */
export async function removeAgenda(id: string, stamp: Stamp): Promise<void> {
  await db.transaction('rw', [db.agendas, db.agendaEvents, db.tombstones, db.meta], async () => {
    const agenda = await db.agendas.get(id)
    if (!agenda) return
    await db.agendaEvents.where('agendaId').equals(id).delete()
    await db.tombstones.put(tombstone(id, 'agenda', agenda.orgId, stamp))
    await db.agendas.delete(id)
    await touchChange(stamp.at)
  })
}
