/**
 * The cheap part of validating what comes back from IndexedDB (see stored-records.ts): a structural
 * guard run on every read. It imports no schema library, so it adds nothing to the first load.
 */
import { DEPARTMENT_KINDS, RECORD_KINDS } from '@/domain/model/types'

/** A JSON object (not null, not an array). */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
const str = (v: unknown): v is string => typeof v === 'string'

/** The stores that hold user data (meta is checked per known key). */
export const STORED_TABLES = ['organisations', 'departments', 'rounds', 'assessments', 'catalogs', 'tombstones', 'agendas', 'agendaEvents', 'services', 'meta'] as const
export type StoredTable = (typeof STORED_TABLES)[number]

/** A stored record that failed validation: where it is and what is wrong (codes, not text). */
export interface QuarantineEntry {
  table: StoredTable
  /** Primary key as text (catalogues: "id version"). */
  key: string
  /** Paths and zod/answer issue kinds, e.g. "answers.str-01.ist: invalidLevel". */
  problems: string[]
}


/** Cheap guard against records that would break screens (wrong shape, missing ids). */
export function isReadable(table: StoredTable, raw: unknown): boolean {
  if (!isPlainRecord(raw)) return false
  switch (table) {
    case 'organisations':
      return str(raw.id) && str(raw.name)
    case 'departments':
      return str(raw.id) && str(raw.orgId) && str(raw.name) && str(raw.code) && (DEPARTMENT_KINDS as readonly unknown[]).includes(raw.kind)
    case 'rounds':
      return str(raw.id) && str(raw.orgId) && str(raw.name) && str(raw.startDate) && str(raw.createdAt) && str(raw.catalogId) && str(raw.catalogVersion) && isPlainRecord(raw.dimensionTargets)
    case 'assessments': {
      if (!(str(raw.id) && str(raw.orgId) && str(raw.roundId) && str(raw.departmentId) && str(raw.createdAt) && str(raw.activityAt) && str(raw.status) && isPlainRecord(raw.answers))) return false
      for (const a of Object.values(raw.answers)) if (!isPlainRecord(a) || !str(a.itemId) || !str(a.state)) return false
      return true
    }
    case 'catalogs':
      return str(raw.id) && str(raw.version) && isPlainRecord(raw.catalog)
    case 'tombstones':
      return str(raw.id) && (RECORD_KINDS as readonly unknown[]).includes(raw.kind) && str(raw.orgId)
    case 'agendas': {
      if (!(str(raw.id) && str(raw.orgId) && str(raw.name) && isPlainRecord(raw.horizon) && Array.isArray(raw.phases) && Array.isArray(raw.handlungsfelder) && Array.isArray(raw.entries) && Array.isArray(raw.removedEntries))) return false
      for (const e of raw.entries) if (!isPlainRecord(e) || !str(e.id) || !str(e.status) || !str(e.kind) || !isPlainRecord(e.vv)) return false
      return true
    }
    case 'agendaEvents':
      return str(raw.id) && str(raw.agendaId) && str(raw.entryId) && str(raw.from) && str(raw.to) && str(raw.at)
    case 'services':
      return str(raw.id) && str(raw.orgId) && str(raw.name) && Array.isArray(raw.channels) && str(raw.formType) && isPlainRecord(raw.maturity) && isPlainRecord(raw.maturity.ratings)
    case 'meta':
      return str(raw.key)
  }
}

/** The key of a stored record as text, for the list. */
export function storedKey(table: StoredTable, raw: unknown): string {
  if (!isPlainRecord(raw)) return '?'
  if (table === 'catalogs') return `${String(raw.id)} ${String(raw.version)}`
  if (table === 'meta') return String(raw.key)
  return String(raw.id)
}
