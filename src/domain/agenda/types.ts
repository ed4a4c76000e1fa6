/**
 * Types of the Digitale Agenda: the steering group's plan built from the recommendations (Leitprojekte,
 * quick wins, duties, further measures in Handlungsfelder, over a horizon of up to ten years in phases),
 * and the append-only history of status changes the Sachstandsbericht is made from.
 *
 * Provenance follows the rest of the data (docs/exchange.md): the agenda header carries the record
 * provenance of organisations and rounds (later change wins); every entry carries the provenance of an
 * answer including a version vector (merged one by one, concurrent changes are conflicts); a removed
 * entry leaves an entry tombstone inside the agenda; status events are never changed or removed.
 * Absent optional values are `null` (never `undefined`), as in answers, so a file round trip keeps them.
 */
import type { VersionVector } from '@/domain/model/types'

/**
 * What an entry is: a Leitprojekt (lead project), a Quick Win, a legal duty (Pflichtaufgabe) kept from
 * the recommendations, or any other measure (an Ergänzung from the catalogue or the group's own idea).
 * The spellings are those of the measure classes (`MeasureClass`).
 */
export const AGENDA_ENTRY_KINDS = ['leitprojekt', 'quick_win', 'pflicht', 'measure'] as const
export type AgendaEntryKind = (typeof AGENDA_ENTRY_KINDS)[number]

/** geplant, in Umsetzung, umgesetzt, zurückgestellt. */
export const AGENDA_STATUSES = ['planned', 'in_progress', 'done', 'deferred'] as const
export type AgendaStatus = (typeof AGENDA_STATUSES)[number]

/** First and number of calendar years the agenda covers (1–10, e.g. 2025 + 10 = 2025–2034). */
export interface AgendaHorizon {
  startYear: number
  years: number
}

/** A phase of the horizon in calendar years (inclusive). `name` '' = the screen says "Phase n". */
export interface AgendaPhase {
  id: string
  name: string
  startYear: number
  endYear: number
}

/** A field of action the steering group groups its entries into. */
export interface Handlungsfeld {
  id: string
  title: string
}

/** The round and pinned catalogue the entries' `measureId`s come from. */
export interface AgendaSource {
  roundId: string
  catalogId: string
  catalogVersion: string
}

/** Left in the agenda when an entry is removed, so a merge of an older copy cannot bring it back. */
export interface EntryTombstone {
  /** The removed entry's id. */
  id: string
  deletedAt: string
  deletedBy: string
  deviceId: string
}

/** One line of the agenda. */
export interface AgendaEntry {
  id: string
  /** Catalogue measure (of `Agenda.source`'s catalogue); null for the group's own entry. */
  measureId: string | null
  /** Own title; '' = the catalogue measure's title. An entry without measure needs one. */
  title: string
  kind: AgendaEntryKind
  handlungsfeldId: string | null
  /** Responsible department (Fachbereich), by id. */
  ownerDepartmentId: string | null
  /** Planned start and end: ISO month `YYYY-MM` or date `YYYY-MM-DD` (a month ends on its last day). */
  start: string | null
  end: string | null
  /** Estimated cost in whole euros. */
  budgetEstimate: number | null
  /** Current status; changed only by `changeStatus`, which also writes the StatusEvent. */
  status: AgendaStatus
  note: string
  /** Position in the agenda (ascending; ties by id). Fractions allowed for inserting between two. */
  order: number
  createdAt: string
  /** Provenance of the last change, as on an answer. */
  updatedAt: string
  updatedBy: string
  deviceId: string
  rev: number
  vv: VersionVector
}

/** Every field of an entry, in declaration order; `satisfies` keeps it in step with the type. */
export const AGENDA_ENTRY_KEYS = [
  'id',
  'measureId',
  'title',
  'kind',
  'handlungsfeldId',
  'ownerDepartmentId',
  'start',
  'end',
  'budgetEstimate',
  'status',
  'note',
  'order',
  'createdAt',
  'updatedAt',
  'updatedBy',
  'deviceId',
  'rev',
  'vv',
] as const satisfies readonly (keyof AgendaEntry)[]
type OnlyNever<T extends never> = T
/** Compiles only while AGENDA_ENTRY_KEYS lists every field of AgendaEntry. */
export type AgendaEntryKeysComplete = OnlyNever<Exclude<keyof AgendaEntry, (typeof AGENDA_ENTRY_KEYS)[number]>>

/** The fields the steering group states (compared by the merge; everything but id and provenance). */
export const AGENDA_ENTRY_VALUE_KEYS = [
  'measureId',
  'title',
  'kind',
  'handlungsfeldId',
  'ownerDepartmentId',
  'start',
  'end',
  'budgetEstimate',
  'status',
  'note',
  'order',
] as const satisfies readonly (keyof AgendaEntry)[]
export type AgendaEntryValueKey = (typeof AGENDA_ENTRY_VALUE_KEYS)[number]
export type AgendaEntryValues = Pick<AgendaEntry, AgendaEntryValueKey>

/** The agenda of one organisation ("Digitale Agenda 1.0"); an organisation may keep several versions. */
export interface Agenda {
  id: string
  orgId: string
  /** e.g. "Digitale Agenda" — the municipality's own name for it. */
  name: string
  /** e.g. "1.0". */
  version: string
  horizon: AgendaHorizon
  phases: AgendaPhase[]
  handlungsfelder: Handlungsfeld[]
  source: AgendaSource | null
  /** Ascending by order, then id (the merge writes this order). */
  entries: AgendaEntry[]
  /** Ascending by id. */
  removedEntries: EntryTombstone[]
  createdAt: string
  /** Provenance of the header (name, version, horizon, phases, Handlungsfelder, source). */
  updatedAt: string
  updatedBy: string
  deviceId: string
  rev: number
}

/** The header fields (what the header's provenance covers). */
export const AGENDA_HEADER_VALUE_KEYS = ['name', 'version', 'horizon', 'phases', 'handlungsfelder', 'source'] as const satisfies readonly (keyof Agenda)[]

/**
 * One status change of one entry, kept for good (append-only). Ordered by `compareEvents`: time,
 * then device, then the entry revision the change produced, then id — the order "later change wins"
 * uses, so the last event always states the entry's merged status.
 */
export interface StatusEvent {
  id: string
  agendaId: string
  entryId: string
  from: AgendaStatus
  to: AgendaStatus
  /** ISO 8601 timestamp with time zone. */
  at: string
  /** Author: the user's (or respondent's) name or role; '' = not given. */
  by: string
  deviceId: string
  /** The entry's `rev` after this change. */
  rev: number
  note: string
}

/** A finding about an agenda: a stable code and its parameters; i18n renders the text. */
export interface AgendaIssue {
  code: AgendaIssueCode
  params: Record<string, string | number>
}

export type AgendaIssueCode =
  | 'agenda.nameRequired'
  | 'agenda.versionRequired'
  | 'agenda.invalidStartYear'
  | 'agenda.invalidHorizon'
  | 'agenda.horizonTooLong'
  | 'agenda.duplicateId'
  | 'agenda.phaseReversed'
  | 'agenda.phaseOutsideHorizon'
  | 'agenda.phasesOverlap'
  | 'agenda.handlungsfeldTitleRequired'
  | 'agenda.entryUntitled'
  | 'agenda.invalidDate'
  | 'agenda.dateOutsideHorizon'
  | 'agenda.endBeforeStart'
  | 'agenda.invalidBudget'
  | 'agenda.unknownHandlungsfeld'
  | 'agenda.unknownDepartment'
  | 'agenda.unknownMeasure'
  | 'agenda.removedEntryPresent'
  | 'agenda.statusMismatch'
  | 'agenda.eventUnknownEntry'
  | 'agenda.eventForeignAgenda'
