/**
 * Names of replicated records: document kinds and document ids (the tables and key texts the outbox
 * middleware needs on the first load are in record-keys.ts). No validation imports.
 */
import { SYNC_TABLES, type SyncTable } from './record-keys'

export { keyTextOfRecord, recordKeyText, SYNC_TABLES, type SyncTable } from './record-keys'
/** Version of the document body; a later app that changes it must still read 1. */
export const SYNC_DOC_SCHEMA = 1

/** Dexie tables that are replicated, with the `kind` (and id prefix) of their documents. */
export const SYNC_KINDS = {
  organisations: 'organisation',
  departments: 'department',
  rounds: 'round',
  assessments: 'assessment',
  catalogs: 'catalog',
  tombstones: 'tombstone',
  agendas: 'agenda',
  services: 'service',
  syncConflicts: 'conflict',
} as const satisfies Record<SyncTable, string>

export type SyncKind = (typeof SYNC_KINDS)[SyncTable]
const TABLE_OF_KIND = new Map<string, SyncTable>(SYNC_TABLES.map((t) => [SYNC_KINDS[t], t]))

/** A document as the app writes it (CouchDB adds `_rev`, and `_deleted` on deletion). */
export interface SyncDoc {
  _id: string
  _rev?: string
  _deleted?: boolean
  kind: SyncKind
  schema: typeof SYNC_DOC_SCHEMA
  data: unknown
}

/** The record's key as Dexie stores it (catalogues: [id, version]). */
export function recordKeyFromText(table: SyncTable, text: string): string | [string, string] {
  if (table !== 'catalogs') return text
  const i = text.indexOf('\u0000')
  return [text.slice(0, i), text.slice(i + 1)]
}

const TWO_PART: ReadonlySet<SyncTable> = new Set(['catalogs', 'syncConflicts'])

/**
 * One part of a document id: URI-encoded, and a lone surrogate (which `encodeURIComponent` refuses)
 * as `%uXXXX`, so that every id the import rules accept has a document id and comes back unchanged.
 */
function encodePart(part: string): string {
  return part.replace(/[\ud800-\udbff][\udc00-\udfff]|[\s\S]/g, (ch) => (ch.length === 1 && ch >= '\ud800' && ch <= '\udfff' ? `%u${ch.charCodeAt(0).toString(16).toUpperCase()}` : encodeURIComponent(ch)))
}

function decodePart(part: string): string {
  return part.split(/(%u[0-9A-F]{4})/).map((piece) => (/^%u[0-9A-F]{4}$/.test(piece) ? String.fromCharCode(parseInt(piece.slice(2), 16)) : decodeURIComponent(piece))).join('')
}

/**
 * Document id of a record: `<kind>:<key>`; catalogues `catalog:<id>:<version>` and conflicts
 * `conflict:<questionnaire>:<item>` (split at the first NUL of the key text), parts encoded.
 */
export function docIdOf(table: SyncTable, keyText: string): string {
  const cut = TWO_PART.has(table) ? keyText.indexOf('\u0000') : -1
  const parts = cut >= 0 ? [keyText.slice(0, cut), keyText.slice(cut + 1)] : [keyText]
  return `${SYNC_KINDS[table]}:${parts.map(encodePart).join(':')}`
}

/** The table and key text of a document id, or null for ids the app does not write. */
export function parseDocId(id: string): { table: SyncTable; keyText: string } | null {
  const i = id.indexOf(':')
  if (i <= 0) return null
  const table = TABLE_OF_KIND.get(id.slice(0, i))
  if (!table) return null
  const parts = id.slice(i + 1).split(':')
  if (parts.some((p) => p === '') || parts.length !== (TWO_PART.has(table) ? 2 : 1)) return null
  try {
    return { table, keyText: parts.map(decodePart).join('\u0000') }
  } catch {
    return null
  }
}

/**
 * The organisation a record belongs to, or null where the record does not say (catalogues are
 * shared).
 */
export function orgOfRecord(table: SyncTable, record: Record<string, unknown>): string | null {
  if (table === 'organisations') return typeof record.id === 'string' ? record.id : null
  if (table === 'catalogs') return null
  return typeof record.orgId === 'string' ? record.orgId : null
}
