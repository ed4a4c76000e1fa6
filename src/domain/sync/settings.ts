/** Checking the synchronisation settings and deriving the database address from them. */
import type { SyncError, SyncSettings, SyncSettingsIssue } from './types'

/** CouchDB's rule for database names (lower-case letter first; at most 238 characters). */
const DB_NAME_RE = /^[a-z][a-z0-9_$()+/-]*$/
const DB_NAME_MAX = 238
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

/** The settings with surrounding blanks removed (what is stored). */
export function normaliseSettings(s: SyncSettings): SyncSettings {
  return { url: s.url.trim(), db: s.db.trim(), user: s.user.trim(), enabled: s.enabled }
}

/**
 * Problems of the settings (none = usable). The address is either a path on the app's own origin
 * ("/couchdb", the reverse-proxy set-up) or an absolute https URL; plain http only to this
 * computer (the password travels with every request). Credentials never belong into the address.
 */
export function checkSettings(raw: SyncSettings): SyncSettingsIssue[] {
  const s = normaliseSettings(raw)
  const issues: SyncSettingsIssue[] = []
  if (s.url === '') issues.push({ field: 'url', code: 'required' })
  else if (s.url.startsWith('/') && !s.url.startsWith('//')) {
    // A path must stay on the app's origin ("/\\host" and control characters would leave it).
    if (/[\\\u0000-\u001f\u007f]/.test(s.url) || !staysOnOrigin(s.url)) issues.push({ field: 'url', code: 'invalidUrl' })
  } else {
    let u: URL | null = null
    try {
      u = new URL(s.url)
    } catch {
      u = null
    }
    if (!u || (u.protocol !== 'https:' && u.protocol !== 'http:') || u.hostname === '') issues.push({ field: 'url', code: 'invalidUrl' })
    else if (u.username !== '' || u.password !== '') issues.push({ field: 'url', code: 'credentialsInUrl' })
    else if (u.protocol === 'http:' && !LOOPBACK.has(u.hostname)) issues.push({ field: 'url', code: 'insecure' })
  }
  if (s.db === '') issues.push({ field: 'db', code: 'required' })
  else if (!DB_NAME_RE.test(s.db) || s.db.length > DB_NAME_MAX) issues.push({ field: 'db', code: 'invalidName' })
  if (s.user === '') issues.push({ field: 'user', code: 'required' })
  return issues
}

const PROBE = 'https://origin.invalid/'
function staysOnOrigin(path: string): boolean {
  try {
    return new URL(path, PROBE).origin === new URL(PROBE).origin
  } catch {
    return false
  }
}

/**
 * The database's absolute address (`pageUrl` resolves a path on the app's origin). Only for
 * settings `checkSettings` accepts; a path that would leave the origin throws.
 */
export function databaseUrl(s: SyncSettings, pageUrl: string): string {
  const url = s.url.trim()
  if (url.startsWith('/') && !url.startsWith('//') && !staysOnOrigin(url)) throw new Error('sync address leaves the origin')
  const base = new URL(url, pageUrl)
  base.search = ''
  base.hash = ''
  const path = base.pathname.replace(/\/+$/, '')
  return `${base.origin}${path}/${encodeURIComponent(s.db.trim())}`
}

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' }

/** A database name to suggest for an organisation: "dc-" and its name in CouchDB's letters. */
export function suggestDatabaseName(orgName: string): string {
  const slug = orgName
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => UMLAUTS[c]!)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return `dc-${slug}`.slice(0, DB_NAME_MAX).replace(/-+$/, '')
}

/** What went wrong with a request, as a code (PouchDB and fetch errors carry `status` and `name`). */
export function classifyError(err: unknown): SyncError {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { status?: unknown; name?: unknown; message?: unknown }
  const status = typeof e.status === 'number' && e.status > 0 ? e.status : null
  const name = typeof e.name === 'string' ? e.name : ''
  if (status === 401 || name === 'unauthorized') return { code: 'unauthorized', status: status ?? 401 }
  if (status === 403 || name === 'forbidden') return { code: 'forbidden', status: status ?? 403 }
  if (status === 404 || name === 'not_found') return { code: 'notFound', status: status ?? 404 }
  if (status === 502 || status === 503 || status === 504) return { code: 'unreachable', status }
  if (status !== null && status >= 500) return { code: 'server', status }
  if (name === 'QuotaExceededError' || name === 'indexed_db_went_bad' || name === 'DataError') return { code: 'storage', status: null }
  // An answer that is not JSON (a web page where CouchDB was expected).
  if (name === 'SyntaxError') return { code: 'invalidResponse', status }
  // fetch rejects with a TypeError when nothing answers (network, DNS, blocked by CSP or CORS).
  if (status === null && (name === 'TypeError' || name === 'unknown_error' || name === 'AbortError' || name === 'TimeoutError')) return { code: 'unreachable', status: null }
  if (status !== null && status >= 400) return { code: 'invalidResponse', status }
  return { code: 'unknown', status }
}
