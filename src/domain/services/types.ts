/**
 * The Leistungsinventar (service inventory): a municipality's services with their channels, form
 * type, case numbers and per-criterion ratings on the OZG maturity model. Enums are const arrays;
 * the types derive from them, so a code is spelled once.
 */
import type { Provenance } from '@/domain/model/types'

/** How citizens reach a service today. `counter` = Schalter / Bürgerbüro / in person. */
export const SERVICE_CHANNELS = ['counter', 'post', 'email', 'phone', 'fax', 'online'] as const
export type ServiceChannel = (typeof SERVICE_CHANNELS)[number]

/**
 * The form a service offers: none, a PDF to print or fill, an HTML form on a form server
 * (data arrive as e-mail or file), or an end-to-end online procedure (data reach the back office
 * without re-typing).
 */
export const FORM_TYPES = ['none', 'pdf', 'html-form', 'end-to-end'] as const
export type FormType = (typeof FORM_TYPES)[number]

/** Levels of the OZG-Reifegradmodell 2.0: 0 (offline only) to 7 (fully end-to-end). */
export const MATURITY_LEVELS = [0, 1, 2, 3, 4, 5, 6, 7] as const
export type MaturityLevel = (typeof MATURITY_LEVELS)[number]

/** A criterion's rating: the highest level the service meets on it, or 'na' (not required here). */
export type CriterionRating = MaturityLevel | 'na'

/** Ratings of one service, stamped with the maturity model (and criteria set) they were given on. */
export interface ServiceRatings {
  /** `MaturityModel.key` the ratings belong to; ratings on another key are not mixed in. */
  model: string
  /** criterion id → rating; a missing id means "not rated yet" (never read as 0). */
  ratings: Partial<Record<string, CriterionRating>>
}

/** One service of the inventory. `name` and `note` are user data (plain text, usually German). */
export interface MunicipalService {
  id: string
  name: string
  /** LeiKa-Leistungsschlüssel: exactly 14 digits. */
  leikaKey?: string
  /** Responsible department (Fachbereich / Amt) of the organisation. */
  departmentId?: string
  channels: ServiceChannel[]
  /** ISO date `YYYY-MM-DD` since which the service is online. */
  onlineSince?: string
  /** Cases per year: a non-negative integer. */
  casesPerYear?: number
  onlinePayment: boolean
  formType: FormType
  maturity: ServiceRatings
  note?: string
  /** Id of the starter-list entry the service was created from, if any. */
  starterId?: string
}

/**
 * A service as stored and exchanged: the values above plus the organisation it belongs to, its
 * creation time and the provenance every record carries (like a Department: the later change wins
 * as a whole record; a deletion leaves a tombstone of kind 'service').
 */
export interface ServiceRecord extends MunicipalService, Provenance {
  orgId: string
  createdAt: string
}

/** Every field of a ServiceRecord in the order files are written (optional ones only when set). */
export const SERVICE_RECORD_KEYS = [
  'id',
  'orgId',
  'name',
  'leikaKey',
  'departmentId',
  'channels',
  'onlineSince',
  'casesPerYear',
  'onlinePayment',
  'formType',
  'maturity',
  'note',
  'starterId',
  'createdAt',
  'updatedAt',
  'updatedBy',
  'deviceId',
  'rev',
] as const satisfies readonly (keyof ServiceRecord)[]
type OnlyNever<T extends never> = T
/** Compiles only while SERVICE_RECORD_KEYS lists every field of ServiceRecord. */
export type ServiceRecordKeysComplete = OnlyNever<Exclude<keyof ServiceRecord, (typeof SERVICE_RECORD_KEYS)[number]>>

/** Field limits shared by the form check and the import. */
export const SERVICE_LIMITS = {
  nameMax: 200,
  noteMax: 2000,
  casesMax: 100_000_000,
} as const
