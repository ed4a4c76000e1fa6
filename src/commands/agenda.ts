/**
 * Commands on the Digitale Agenda: the one write path for agendas and their status history. Each
 * command stamps the change (time, user, device) and calls the repository (src/db/agendas.ts),
 * which writes it in one transaction and refuses what would break the agenda's rules. Results carry
 * codes (never user text): `{ ok: false, error: { code, params, issues? } }` leaves everything as it was.
 */
import * as repo from '@/db/agendas'
import { newId } from '@/db/ids'
import type { AgendaFromRecommendationsOptions } from '@/domain/agenda/create'
import type { AgendaHeaderPatch, EntryPatch, NewEntryInput } from '@/domain/agenda/edit'
import type { AgendaStatus } from '@/domain/agenda/types'
import type { Recommendation } from '@/domain/analysis/prioritisation'
import { makeStamp } from './stamp'

export type { AgendaWriteError, AgendaWriteErrorCode, AgendaWriteResult } from '@/db/agendas'

/** What a new agenda needs besides the recommendations (ids, stamp and phases' ids are made here). */
export type NewAgendaOptions = Omit<AgendaFromRecommendationsOptions, 'id' | 'stamp' | 'newId'>

/**
 * A new agenda from a round's prioritised recommendations (`analysis.recommendations`): the legal
 * duties, the best `maxLeitprojekte` (default 10) Leitprojekte and the quick wins, all 'planned'.
 * Pass [] for an empty agenda. `missingPrerequisites` names picked measures whose recommended
 * prerequisite is not on the agenda.
 */
export async function createAgenda(recommendations: readonly Recommendation[], options: NewAgendaOptions) {
  return repo.createAgenda(recommendations, options, await makeStamp())
}

/** Name, version, horizon, phases, Handlungsfelder or source of an agenda. */
export async function updateAgendaHeader(agendaId: string, patch: AgendaHeaderPatch) {
  return repo.updateHeader(agendaId, patch, await makeStamp())
}

/** A fresh id for a phase or Handlungsfeld a form adds (random, so copies merged from other devices do not collide). */
export function newAgendaPartId(): string {
  return newId()
}

/** A new entry (e.g. the group's own measure: `{ kind: 'measure', title: '…' }`). */
export async function addAgendaEntry(agendaId: string, input: NewEntryInput) {
  return repo.addEntry(agendaId, input, await makeStamp())
}

/** Owner, dates, budget, note, title, Handlungsfeld, order … of an entry; never its status. */
export async function updateAgendaEntry(agendaId: string, entryId: string, patch: EntryPatch) {
  return repo.editEntry(agendaId, entryId, patch, await makeStamp())
}

/**
 * geplant → in Umsetzung → umgesetzt (or zurückgestellt): writes the entry and its StatusEvent in
 * one transaction. Refused with 'agenda.sameStatus', 'agenda.transitionNotAllowed' or
 * 'agenda.noteRequired' (reopening a done entry needs a note).
 */
export async function changeAgendaEntryStatus(agendaId: string, entryId: string, to: AgendaStatus, note?: string) {
  return repo.changeEntryStatus(agendaId, entryId, to, { stamp: await makeStamp(), note })
}

/** Removes an entry (its history stays; a merge of an older copy will not bring it back). */
export async function removeAgendaEntry(agendaId: string, entryId: string) {
  return repo.deleteEntry(agendaId, entryId, await makeStamp())
}

/** Deletes a whole agenda with its history (leaves a tombstone). */
export async function removeAgenda(agendaId: string): Promise<void> {
  await repo.removeAgenda(agendaId, await makeStamp())
}
