/**
 * Deploy-time details of the operator (the Kommune that runs this installation), read from
 * `operator.json` next to index.html: the name of the public body, the feedback contact and the
 * Land's enforcement or conciliation body for the accessibility statement, and optionally newer
 * dates of the statement. The municipality edits the file in the deployed folder, like theme.css and
 * logo.svg (README, "Betreiberangaben").
 *
 * The file is untrusted input: every field is checked on its own, a bad field is dropped and
 * reported as an issue (code + path), and a missing, unreadable or broken file gives the defaults.
 * Nothing here throws.
 */
import { isCalendarDate } from '@/domain/model/dates'

/** Dates of the accessibility statement shipped with this version (ISO). Keep them up to date. */
export const STATEMENT_DATES = {
  /** The statement was first prepared. */
  preparedOn: '2026-11-21',
  /** The last self-assessment (axe on every screen at 1366 and 390 px, keyboard walk-through). */
  assessedOn: '2026-12-02',
  /** The statement was last reviewed. */
  reviewedOn: '2026-12-02',
} as const

/**
 * The federal conciliation body (§ 16 BGG). Responsible for federal public bodies; a Kommune falls
 * under its Land's law, whose body the operator names in operator.json.
 */
export const FEDERAL_CONCILIATION_BODY = {
  url: 'https://www.schlichtungsstelle-bgg.de',
  label: 'www.schlichtungsstelle-bgg.de',
} as const

/** How to reach a person or body; every field optional. */
export interface OperatorContact {
  /** Unit or person, e.g. "Stabsstelle Digitalisierung". */
  name?: string
  email?: string
  phone?: string
  /** An http(s) page, e.g. a contact form. */
  url?: string
  address?: string
}

export interface StatementDates {
  preparedOn: string
  assessedOn: string
  reviewedOn: string
}

export interface OperatorConfig {
  /** Name of the public body, e.g. "Stadt Musterstadt". */
  organisation?: string
  /** The address of this installation the statement applies to. */
  appUrl?: string
  /** The Land law the statement refers to, e.g. "BGG NRW und BITVNRW". */
  legalBasis?: string
  /** Where users report barriers (feedback mechanism). */
  contact: OperatorContact
  /** The Land's enforcement, ombuds or conciliation body. */
  enforcement: OperatorContact
  /** Dates of the statement: the operator's, else STATEMENT_DATES. */
  statement: StatementDates
}

export type OperatorIssueCode =
  | 'http-status'
  | 'unreachable'
  | 'too-large'
  | 'not-json'
  | 'not-object'
  | 'not-string'
  | 'too-long'
  | 'invalid-text'
  | 'invalid-email'
  | 'invalid-phone'
  | 'invalid-url'
  | 'invalid-date'
  | 'unknown-key'

/** A problem with operator.json: what (code) and where (dotted path, '' for the whole file). */
export interface OperatorIssue {
  code: OperatorIssueCode
  path: string
  /** e.g. the HTTP status */
  detail?: string
}

export interface OperatorConfigResult {
  config: OperatorConfig
  issues: OperatorIssue[]
  /** Where the config came from: the file, or built-in defaults (file missing or unusable). */
  source: 'file' | 'defaults'
}

/** Longest accepted text field; longer values are dropped (a statement, not a document). */
export const MAX_FIELD_LENGTH = 300
/** Largest accepted file in characters. */
export const MAX_FILE_LENGTH = 64 * 1024

const EMAIL = /^[^\s@<>()[\]",;:]+@[^\s@<>()[\]",;:]+\.[^\s@<>()[\]",;:]+$/
const PHONE = /^[+0-9][0-9 ()/.-]{2,40}$/
// Control characters (other than tab and line breaks) have no place in a name or an address.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

/** The configuration when there is no usable file: no operator details, the shipped dates. */
export function defaultOperatorConfig(): OperatorConfig {
  return { contact: {}, enforcement: {}, statement: { ...STATEMENT_DATES } }
}

/** True when a contact has at least one way to reach it (a name alone is not enough). */
export function isReachable(c: OperatorContact): boolean {
  return Boolean(c.email || c.phone || c.url || c.address)
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

type FieldKind = 'text' | 'email' | 'phone' | 'url' | 'date'
const INVALID: Record<FieldKind, OperatorIssueCode> = { text: 'invalid-text', email: 'invalid-email', phone: 'invalid-phone', url: 'invalid-url', date: 'invalid-date' }

/**
 * One field: undefined when absent or empty (the template ships empty strings), the trimmed text when
 * valid, otherwise undefined plus an issue. Names and addresses may span lines (kept as typed).
 */
function field(obj: Record<string, unknown>, key: string, kind: FieldKind, path: string, issues: OperatorIssue[]): string | undefined {
  const raw = obj[key]
  if (raw === undefined || raw === null) return undefined
  const at = path ? `${path}.${key}` : key
  if (typeof raw !== 'string') {
    issues.push({ code: 'not-string', path: at })
    return undefined
  }
  const value = raw.trim()
  if (value === '') return undefined
  if (value.length > MAX_FIELD_LENGTH) {
    issues.push({ code: 'too-long', path: at })
    return undefined
  }
  const ok =
    kind === 'email' ? EMAIL.test(value)
    : kind === 'phone' ? PHONE.test(value)
    : kind === 'url' ? isHttpUrl(value)
    : kind === 'date' ? isCalendarDate(value)
    : !CONTROL.test(value)
  if (!ok) {
    issues.push({ code: INVALID[kind], path: at })
    return undefined
  }
  return value
}

/** An absolute http or https address (no javascript:, data: or relative links in a statement). */
function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value)
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== ''
  } catch {
    return false
  }
}

/** Reports keys that are not in `known`; keys starting with "_" or "$" are comments and allowed. */
function unknownKeys(obj: Record<string, unknown>, known: readonly string[], path: string, issues: OperatorIssue[]): void {
  for (const key of Object.keys(obj)) {
    if (!known.includes(key) && !key.startsWith('_') && !key.startsWith('$')) issues.push({ code: 'unknown-key', path: path ? `${path}.${key}` : key })
  }
}

const CONTACT_KEYS = ['name', 'email', 'phone', 'url', 'address'] as const
const TOP_KEYS = ['organisation', 'appUrl', 'legalBasis', 'contact', 'enforcement', 'statement'] as const
const DATE_KEYS = ['preparedOn', 'assessedOn', 'reviewedOn'] as const

function contact(obj: Record<string, unknown>, key: string, issues: OperatorIssue[]): OperatorContact {
  const raw = obj[key]
  if (raw === undefined || raw === null) return {}
  if (!isRecord(raw)) {
    issues.push({ code: 'not-object', path: key })
    return {}
  }
  unknownKeys(raw, CONTACT_KEYS, key, issues)
  const out: OperatorContact = {}
  const kinds: Record<(typeof CONTACT_KEYS)[number], FieldKind> = { name: 'text', email: 'email', phone: 'phone', url: 'url', address: 'text' }
  for (const k of CONTACT_KEYS) {
    const v = field(raw, k, kinds[k], key, issues)
    if (v !== undefined) out[k] = v
  }
  return out
}

/**
 * Checks parsed operator.json content field by field. Returns the usable fields over the defaults
 * (valid fields are kept even when others are wrong) and one issue per rejected field or unknown key.
 * Input that is not an object gives the defaults and a 'not-object' issue.
 */
export function parseOperatorConfig(raw: unknown): { config: OperatorConfig; issues: OperatorIssue[] } {
  const issues: OperatorIssue[] = []
  const config = defaultOperatorConfig()
  if (!isRecord(raw)) {
    issues.push({ code: 'not-object', path: '' })
    return { config, issues }
  }
  unknownKeys(raw, TOP_KEYS, '', issues)
  const organisation = field(raw, 'organisation', 'text', '', issues)
  const appUrl = field(raw, 'appUrl', 'url', '', issues)
  const legalBasis = field(raw, 'legalBasis', 'text', '', issues)
  if (organisation !== undefined) config.organisation = organisation
  if (appUrl !== undefined) config.appUrl = appUrl
  if (legalBasis !== undefined) config.legalBasis = legalBasis
  config.contact = contact(raw, 'contact', issues)
  config.enforcement = contact(raw, 'enforcement', issues)
  const statement = raw.statement
  if (isRecord(statement)) {
    unknownKeys(statement, DATE_KEYS, 'statement', issues)
    for (const k of DATE_KEYS) {
      const v = field(statement, k, 'date', 'statement', issues)
      if (v !== undefined) config.statement[k] = v
    }
  } else if (statement !== undefined && statement !== null) {
    issues.push({ code: 'not-object', path: 'statement' })
  }
  return { config, issues }
}

/** Parses the text of operator.json (size-limited JSON), then checks it with parseOperatorConfig. */
export function parseOperatorJson(text: string): OperatorConfigResult {
  if (text.length > MAX_FILE_LENGTH) return { config: defaultOperatorConfig(), issues: [{ code: 'too-large', path: '' }], source: 'defaults' }
  let raw: unknown
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown
  } catch {
    return { config: defaultOperatorConfig(), issues: [{ code: 'not-json', path: '' }], source: 'defaults' }
  }
  const { config, issues } = parseOperatorConfig(raw)
  return { config, issues, source: isRecord(raw) ? 'file' : 'defaults' }
}

type FetchLike = (input: string, init?: RequestInit) => Promise<Pick<Response, 'ok' | 'status' | 'text'>>

/** Address of the file, relative to index.html (works under any sub-path). */
export const OPERATOR_FILE = './operator.json'

/**
 * Reads operator.json from this server. The first request carries a query so that the service
 * worker's precache (which holds the file as it was when the worker installed) does not answer it:
 * an edit by the operator shows on the next visit. Only when the browser is offline or the network
 * fails is the precached copy used. A missing file (HTTP error), broken JSON or an unreachable server
 * gives the defaults with an issue; this never throws.
 */
export async function loadOperatorConfig(
  fetchFn: FetchLike = (input, init) => fetch(input, init),
  online: boolean = typeof navigator === 'undefined' || navigator.onLine !== false,
): Promise<OperatorConfigResult> {
  let response: Awaited<ReturnType<FetchLike>>
  try {
    // Offline, skip the request that cannot succeed (it would only log a network error).
    if (!online) throw new Error('offline')
    response = await fetchFn(`${OPERATOR_FILE}?live`, { cache: 'no-cache', credentials: 'same-origin' })
  } catch {
    try {
      response = await fetchFn(OPERATOR_FILE, { credentials: 'same-origin' })
    } catch {
      return { config: defaultOperatorConfig(), issues: [{ code: 'unreachable', path: '' }], source: 'defaults' }
    }
  }
  if (!response.ok) return { config: defaultOperatorConfig(), issues: [{ code: 'http-status', path: '', detail: String(response.status) }], source: 'defaults' }
  let text: string
  try {
    text = await response.text()
  } catch {
    return { config: defaultOperatorConfig(), issues: [{ code: 'unreachable', path: '' }], source: 'defaults' }
  }
  return parseOperatorJson(text)
}
