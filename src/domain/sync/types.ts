/**
 * Replication with Apache CouchDB (optional): the shapes the sync engine, its store and its screen
 * share. Plain data and codes only; the screen words them (i18n group 'sync').
 */
import type { AnswerConflict } from '@/domain/exchange/merge'

/** Where and as whom an organisation replicates. The password is kept apart (never in this record). */
export interface SyncSettings {
  /**
   * The CouchDB server: an absolute http(s) URL (https://daten.kreis.de/couchdb) or a path on the
   * app's own origin (/couchdb), the recommended set-up behind the municipal reverse proxy.
   */
  url: string
  /** The organisation's CouchDB database (one per organisation). */
  db: string
  /** The CouchDB user (a member of the database's `_security`). */
  user: string
  /** Whether replication runs (switched on and off on the settings screen). */
  enabled: boolean
}

/**
 * - off: not configured or switched off
 * - connecting: starting, before the first answer of the server
 * - syncing: changes are being transferred
 * - idle: everything is up to date with the server (as of `lastSyncAt`)
 * - offline: the server cannot be reached (no network, server down); retried automatically
 * - error: the server refused (wrong password, no access, database missing); needs the user
 * - otherTab: another tab of this browser replicates (one at a time; this tab takes over when it closes)
 */
export type SyncPhase = 'off' | 'connecting' | 'syncing' | 'idle' | 'offline' | 'error' | 'otherTab'

export const SYNC_ERROR_CODES = ['unauthorized', 'forbidden', 'notFound', 'unreachable', 'server', 'invalidResponse', 'storage', 'emptyDatabase', 'otherOrganisation', 'unknown'] as const
/**
 * - unauthorized: 401, name or password wrong
 * - forbidden: 403, the user is no member of the database
 * - notFound: 404, the database does not exist
 * - unreachable: no answer (network down, wrong address, CORS/CSP blocked, proxy 502/503/504)
 * - server: another 5xx
 * - invalidResponse: the address answers, but not as CouchDB
 * - storage: this browser's storage failed (full, blocked)
 * - emptyDatabase: joining from a browser without data, but the database holds no organisation yet
 *   (the first device starts sync from its own data)
 * - otherOrganisation: the database holds another organisation's data (or several)
 * - unknown: anything else
 */
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number]

export interface SyncError {
  code: SyncErrorCode
  /** HTTP status when there was one (shown to the IT department). */
  status: number | null
}

/** Problems with the settings before anything is sent (field → code). */
export type SyncSettingsIssue =
  | { field: 'url'; code: 'required' | 'invalidUrl' | 'insecure' | 'credentialsInUrl' }
  | { field: 'db'; code: 'required' | 'invalidName' }
  | { field: 'user'; code: 'required' }

export interface SyncStatus {
  phase: SyncPhase
  /** Last time this browser and the server were known to be in step (ISO). */
  lastSyncAt: string | null
  /** Local changes not yet on the server (records). */
  waiting: number
  error: SyncError | null
  /** Records from the server left out because they break the import rules (see the data screen). */
  rejected: number
}

/** An answer conflict found while merging a record from the server, kept until someone decides. */
export interface SyncConflict extends AnswerConflict {
  /** `conflictKey(assessmentId, itemId)`. */
  key: string
  orgId: string
  /** When the merge found it (ISO). */
  foundAt: string
}

/** Outcome of "Verbindung testen". */
export type ConnectionTest = { ok: true; docCount: number } | { ok: false; error: SyncError }

/** Outcome of joining a database from this browser: the organisation found there. */
export type JoinResult = { ok: true; orgId: string; name: string } | { ok: false; error: SyncError }
