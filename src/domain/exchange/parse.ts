/**
 * Reading exchange files (full backup format 1, 2 or 3, department package or return format 1).
 *
 * Parsing never throws and never trusts the file: size, JSON syntax, format marker and version,
 * prototype-polluting keys and nesting depth are checked first, then the structure (zod, see
 * schema.ts), then each answer (fast checker), then the checksum, then ids, references and
 * catalogue items (integrity.ts). Problems come back as `BackupError` (messages.ts).
 */
import type { z } from 'zod'
import { validateCatalog } from '@/domain/catalog/catalog-schema'
import { AGENDA_ENTRY_KEYS } from '@/domain/agenda/types'
import { CATALOG_FORMAT, ANSWER_KEYS, type Answer, type Assessment, type Catalog } from '@/domain/model/types'
import { copyAnswer, isCanonicalAnswer } from '@/domain/model/answers'
import { checksumOf } from './checksum'
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_LIMITS,
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  STRATEGY_FORMAT_VERSION,
  STRATEGY_TABLES,
  type BackupError,
  type BackupErrorCode,
  type BackupMessageParams,
  type BackupWarning,
  type DeferredChecksum,
  type ExchangeFile,
  type ParseBackupOptions,
  type ParseBackupResult,
  type ParseExchangeResult,
} from './formats'
import { checkIntegrity, checkScope } from './integrity'
import { describeType, ErrorCollector, fail, formatPath, show, type PathSeg } from './messages'
import {
  PACKAGE_TOP_LEVEL_KEYS,
  RECORD_KEYS,
  TOP_LEVEL_KEYS,
  backupShellSchema,
  answerIssues,
  isPlainRecord,
  packageShellSchema,
  scanJsonTree,
  type AnswerIssue,
  type CustomIssueKind,
} from './schema'
import { canonicalText } from './serialise'

/** Runs a deferred checksum check with the given SHA-256 (returns `sha256:<hex>`). */
export async function verifyDeferredChecksum(d: DeferredChecksum, sha256: (text: string) => Promise<string>): Promise<boolean> {
  if (d.fastText !== null && (await sha256(d.fastText)) === d.expected) return true
  return (await sha256(d.canonical())) === d.expected
}

const CHECKSUM_TAIL = /,\n {2}"checksum": "(sha256:[0-9a-f]{64})"\n\}\n?$/

/**
 * Whether the file text is exactly what `serializeBackup` wrote: the checksum line is cut off and
 * the rest hashed as it is (no re-serialising, so a 20 MB backup costs one hash). Line endings
 * changed to CRLF on the way (mail, Windows tools) are tolerated: JSON strings cannot hold a raw CR,
 * so the canonical text has none. False only means "not byte-identical"; the caller then compares
 * the canonical print of the parsed data.
 */
function checksumMatches(text: string, expected: string | undefined): boolean {
  const fast = checksumCoveredText(text, expected)
  return fast !== null && checksumOf(fast) === expected
}

function checksumCoveredText(text: string, expected: string | undefined): string | null {
  const lf = text.includes('\r') ? text.replace(/\r\n/g, '\n') : text
  const m = CHECKSUM_TAIL.exec(lf)
  if (!m || m[1] !== expected) return null
  return `${lf.slice(0, m.index)}\n}\n`
}

/** UTF-8 byte length, stopping early once `limit` is passed. */
function utf8Length(text: string, limit: number): number {
  let bytes = 0
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4
      i++
    } else bytes += 3
  }
  return bytes
}

function jsonErrorParams(text: string, error: unknown): { code: BackupErrorCode; params: BackupMessageParams } {
  const msg = error instanceof Error ? error.message : String(error)
  if (/end of (JSON input|data)|Unexpected EOF|unterminated string/i.test(msg)) {
    return { code: 'backup.truncatedJson', params: {} }
  }
  const pos = /position (\d+)/.exec(msg)
  if (pos?.[1] !== undefined) {
    const position = Number(pos[1])
    // Newer engines (Chromium 12x+) report a cut-off file as "Expected ',' or '}' after property
    // value in JSON at position <end>" instead of "Unexpected end of JSON input".
    if (position >= text.trimEnd().length) return { code: 'backup.truncatedJson', params: {} }
    const before = text.slice(0, position)
    const line = before.split('\n').length
    const column = position - before.lastIndexOf('\n')
    return { code: 'backup.invalidJson', params: { position, line, column } }
  }
  const lc = /line (\d+) column (\d+)/.exec(msg)
  if (lc?.[1] !== undefined && lc[2] !== undefined) {
    return { code: 'backup.invalidJson', params: { line: Number(lc[1]), column: Number(lc[2]) } }
  }
  return { code: 'backup.invalidJson', params: {} }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let cur: unknown = root
  for (const seg of path) {
    if (typeof cur !== 'object' || cur === null || !Object.prototype.hasOwnProperty.call(cur, seg)) {
      return { found: false, value: undefined }
    }
    cur = (cur as Record<PropertyKey, unknown>)[seg]
  }
  return { found: true, value: cur }
}

function toPath(path: readonly PropertyKey[]): PathSeg[] {
  return path.map((s) => (typeof s === 'symbol' ? String(s) : s))
}

function reportZodIssue(issue: z.core.$ZodIssue, root: unknown, errors: ErrorCollector): void {
  const path = toPath(issue.path)
  const { found, value } = valueAt(root, issue.path)
  const field = String(path[path.length - 1] ?? '')
  if (!found && (issue.code === 'invalid_type' || issue.code === 'custom' || issue.code === 'invalid_value')) {
    errors.add('backup.missingField', { field }, path)
    return
  }
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') errors.add('backup.notAnInteger', { value: show(value) }, path)
      else errors.add('backup.invalidType', { expected: issue.expected, actual: describeType(value) }, path)
      return
    case 'invalid_value':
      errors.add('backup.invalidValue', { value: show(value), allowed: issue.values.map((v) => String(v)).join(', ') }, path)
      return
    case 'too_big':
    case 'too_small': {
      const limit = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum)
      if (issue.origin === 'string' && typeof value === 'string') {
        if (issue.code === 'too_small') errors.add('backup.required', {}, path)
        else errors.add('backup.tooLong', { length: value.length, max: limit }, path)
      } else if (issue.origin === 'array') {
        errors.add('backup.tooManyEntries', { max: limit }, path)
      } else {
        const [min, max] = rangeOf(issue, limit)
        errors.add('backup.outOfRange', { value: show(value), min, max }, path)
      }
      return
    }
    case 'custom': {
      const kind = (issue.params as { kind?: CustomIssueKind } | undefined)?.kind
      if (kind === 'level') errors.add('backup.invalidLevel', { value: show(value) }, path)
      else if (kind === 'fiveStepLevel') errors.add('backup.invalidValue', { value: show(value), allowed: '0, 1, 2, 3, 4' }, path)
      else if (kind === 'isoDate') errors.add('backup.invalidDate', { value: show(value) }, path)
      else if (kind === 'isoDateTime') errors.add('backup.invalidDateTime', { value: show(value) }, path)
      else if (kind === 'agendaPeriod') errors.add('backup.invalidDate', { value: show(value) }, path)
      else if (kind === 'criterionRating') errors.add('backup.invalidValue', { value: show(value), allowed: '0, 1, 2, 3, 4, 5, 6, 7, na' }, path)
      else if (kind === 'versionVector') errors.add('backup.invalidVersionVector', { max: BACKUP_LIMITS.maxVectorEntries }, path)
      else if (kind === 'answersMap')
        errors.add('backup.invalidType', { expected: 'object', actual: describeType(value) }, path)
      else errors.add('backup.invalidStructure', {}, path)
      return
    }
    default:
      errors.add('backup.invalidStructure', {}, path)
  }
}

function rangeOf(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall, limit: number): [number | string, number | string] {
  return issue.code === 'too_big' ? ['–', limit] : [limit, '–']
}

function reportAnswerIssue(
  issue: AnswerIssue,
  raw: unknown,
  basePath: readonly PathSeg[],
  errors: ErrorCollector,
): void {
  const path = issue.field !== undefined ? [...basePath, issue.field] : [...basePath]
  const value = issue.field !== undefined && isPlainRecord(raw) ? raw[issue.field] : raw
  switch (issue.kind) {
    case 'notAnObject':
      errors.add('backup.invalidType', { expected: 'object', actual: describeType(raw) }, path)
      return
    case 'missing':
      errors.add('backup.missingField', { field: issue.field ?? '' }, path)
      return
    case 'invalidType':
      errors.add('backup.invalidType', { expected: issue.expected ?? '', actual: describeType(value) }, path)
      return
    case 'invalidLevel':
      errors.add('backup.invalidLevel', { value: show(value) }, path)
      return
    case 'invalidFiveStepLevel':
      errors.add('backup.invalidValue', { value: show(value), allowed: '0, 1, 2, 3, 4' }, path)
      return
    case 'invalidEnum':
      errors.add('backup.invalidValue', { value: show(value), allowed: (issue.allowed ?? []).join(', ') }, path)
      return
    case 'tooLong':
      if (typeof value === 'string' && value.length === 0) errors.add('backup.required', {}, path)
      else errors.add('backup.tooLong', { length: typeof value === 'string' ? value.length : 0, max: issue.max ?? 0 }, path)
      return
    case 'invalidDateTime':
      errors.add('backup.invalidDateTime', { value: show(value) }, path)
      return
    case 'outOfRange':
      errors.add('backup.outOfRange', { value: show(value), min: 0, max: issue.max ?? 0 }, path)
      return
    case 'invalidVector':
      errors.add('backup.invalidVersionVector', { max: BACKUP_LIMITS.maxVectorEntries }, path)
      return
    case 'stateMismatch':
      errors.add('backup.answerStateMismatch', { state: isPlainRecord(raw) ? show(raw.state) : '' }, path)
  }
}

class IgnoredKeys {
  count = 0
  readonly examples: string[] = []
  check(raw: unknown, known: readonly string[], path: readonly PathSeg[]): void {
    if (!isPlainRecord(raw)) return
    for (const key of Object.keys(raw)) {
      if (known.includes(key)) continue
      this.count++
      if (this.examples.length < 3) this.examples.push(formatPath([...path, key]))
    }
  }
}

/**
 * Parses and validates a full backup. Never throws. A package or return file is rejected with a
 * message that says where to open it.
 */
export function parseBackup(text: string, options: ParseBackupOptions = {}): ParseBackupResult {
  const result = parseExchange(text, options)
  if (!result.ok) return result
  if (result.file.format !== BACKUP_FORMAT) return fail('backup.packageFile', {}, ['format'])
  return { ok: true, backup: result.file, warnings: result.warnings }
}

/** A backup written before format 3 has no agenda and no inventory: empty tables, same checks. */
function addStrategyTables(root: Record<string, unknown>): void {
  root.formatVersion = BACKUP_FORMAT_VERSION
  for (const table of STRATEGY_TABLES) root[table] = []
}

/**
 * Fills the fields format 1 did not have, so a format-1 backup is checked by the same rules:
 * provenance '' / rev 0 / an empty version vector (such answers merge by time only), role
 * 'respondent', activityAt = updatedAt, no tombstones, no checksum, no agenda, no inventory.
 */
function upgradeFormat1(root: Record<string, unknown>): void {
  addStrategyTables(root)
  root.deviceId = ''
  if (!('tombstones' in root)) root.tombstones = []
  const stamp = (r: unknown) => {
    if (!isPlainRecord(r)) return
    if (!('updatedBy' in r)) r.updatedBy = ''
    if (!('deviceId' in r)) r.deviceId = ''
    if (!('rev' in r)) r.rev = 0
  }
  for (const table of ['organisations', 'departments', 'rounds', 'assessments'] as const) {
    const rows = root[table]
    if (!Array.isArray(rows)) continue
    for (const r of rows) {
      stamp(r)
      if (table !== 'assessments' || !isPlainRecord(r)) continue
      if (!('role' in r)) r.role = 'respondent'
      if (!('activityAt' in r)) r.activityAt = r.updatedAt
      if (!isPlainRecord(r.answers)) continue
      for (const answer of Object.values(r.answers)) {
        stamp(answer)
        if (isPlainRecord(answer) && !('vv' in answer)) answer.vv = {}
      }
    }
  }
}

/**
 * Parses and validates any exchange file (full backup format 1 or 2, department package or return
 * format 1). Never throws. A BOM at the start is ignored. Unknown keys are stripped (reported as a
 * warning); everything else that is wrong is an error, and so is a checksum that does not match.
 */
export function parseExchange(text: string, options: ParseBackupOptions = {}): ParseExchangeResult {
  const maxBytes = options.maxBytes ?? BACKUP_LIMITS.maxBytes
  if (typeof text !== 'string') return fail('backup.empty')
  // Each UTF-16 unit is at least one UTF-8 byte, at most three: only count when it matters.
  if (text.length > maxBytes || (text.length * 3 > maxBytes && utf8Length(text, maxBytes) > maxBytes)) {
    const size = text.length > maxBytes ? text.length : utf8Length(text, maxBytes)
    return fail('backup.tooLarge', { bytes: size, maxBytes, sizeMb: toMb(size), maxMb: toMb(maxBytes) })
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (body.trim() === '') return fail('backup.empty')

  let root: unknown
  try {
    root = JSON.parse(body)
  } catch (error) {
    if (error instanceof RangeError) return fail('backup.tooDeep', { maxDepth: BACKUP_LIMITS.maxDepth })
    const { code, params } = jsonErrorParams(body, error)
    return fail(code, params)
  }

  if (!isPlainRecord(root)) return fail('backup.notAnObject', { actual: describeType(root) })
  if (root.format === CATALOG_FORMAT) return fail('backup.catalogFile', {}, ['format'])
  const isPackage = root.format === PACKAGE_FORMAT
  if (root.format !== BACKUP_FORMAT && !isPackage) return fail('backup.unknownFormat', { format: show(root.format) }, ['format'])
  const version = root.formatVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('backup.invalidFormatVersion', { version: show(version) }, ['formatVersion'])
  }
  const supported = isPackage ? PACKAGE_FORMAT_VERSION : BACKUP_FORMAT_VERSION
  if (version > supported) {
    return fail('backup.unsupportedVersion', { version, supported }, ['formatVersion'])
  }

  const problem = scanJsonTree(root)
  if (problem?.kind === 'forbiddenKey') return fail('backup.forbiddenKey', { key: problem.key }, problem.path)
  if (problem?.kind === 'tooDeep') return fail('backup.tooDeep', { maxDepth: BACKUP_LIMITS.maxDepth }, problem.path)

  const legacy = !isPackage && version === 1
  // Format 1 has no checksum: a file that claims format 1 but carries format-2 content was altered.
  if (legacy && ('checksum' in root || 'tombstones' in root || 'deviceId' in root)) return fail('backup.checksumMismatch', {}, ['formatVersion'])
  // The strategy tables came with format 3; an older version number cannot keep them out of the checksum.
  const readVersion = isPackage ? PACKAGE_FORMAT_VERSION : version
  if (!isPackage && version < STRATEGY_FORMAT_VERSION) {
    if (STRATEGY_TABLES.some((t) => t in root)) return fail('backup.checksumMismatch', {}, ['formatVersion'])
    if (!legacy) addStrategyTables(root)
  }
  if (legacy) upgradeFormat1(root)
  else if (typeof root.checksum !== 'string') return fail('backup.checksumMissing', {}, ['checksum'])

  const errors = new ErrorCollector()
  const shell = isPackage ? packageShellSchema.safeParse(root) : backupShellSchema.safeParse(root)
  if (!shell.success) {
    for (const issue of shell.error.issues) {
      reportZodIssue(issue, root, errors)
      if (errors.full) break
    }
    return { ok: false, errors: errors.errors }
  }

  const ignored = new IgnoredKeys()
  ignored.check(root, isPackage ? PACKAGE_TOP_LEVEL_KEYS : TOP_LEVEL_KEYS, [])
  for (const table of ['organisations', 'departments', 'rounds', 'assessments', ...(isPackage ? [] : STRATEGY_TABLES)] as const) {
    const rawTable = root[table] as unknown[]
    rawTable.forEach((rec, i) => {
      ignored.check(rec, RECORD_KEYS[table], [table, i])
      if (table === 'agendas' && isPlainRecord(rec)) (rec.entries as unknown[]).forEach((e, k) => ignored.check(e, AGENDA_ENTRY_KEYS, [table, i, 'entries', k]))
    })
  }

  // Answers: fast checker, key must equal itemId.
  const assessments: Assessment[] = []
  const shells = shell.data.assessments
  for (let i = 0; i < shells.length && !errors.full; i++) {
    const a = shells[i]!
    const rawAnswers = a.answers
    const keys = Object.keys(rawAnswers)
    if (keys.length > BACKUP_LIMITS.maxAnswersPerAssessment) {
      errors.add('backup.tooManyEntries', { max: BACKUP_LIMITS.maxAnswersPerAssessment }, ['assessments', i, 'answers'])
      continue
    }
    // The parsed answers are kept as they are when every one is valid and already in the shape the
    // app writes (no copy of 90,000 answers for a large backup); otherwise valid ones are copied.
    const checked: Answer[] = []
    let keep = true
    for (const key of keys) {
      const raw = rawAnswers[key]
      const issues = answerIssues(raw)
      if (issues.length > 0) {
        const path = ['assessments', i, 'answers', key]
        for (const issue of issues) reportAnswerIssue(issue, raw, path, errors)
        keep = false
        if (errors.full) break
        continue
      }
      const answer = raw as Answer
      if (answer.itemId !== key) {
        errors.add('backup.answerKeyMismatch', { key, itemId: answer.itemId }, ['assessments', i, 'answers', key, 'itemId'])
        keep = false
        continue
      }
      if (isCanonicalAnswer(answer)) checked.push(answer)
      else {
        if (Object.keys(answer).length !== ANSWER_KEYS.length) ignored.check(raw, ANSWER_KEYS, ['assessments', i, 'answers', key])
        checked.push(copyAnswer(answer))
        keep = false
      }
    }
    let answers = rawAnswers as Record<string, Answer>
    if (!keep) {
      answers = {}
      for (const answer of checked) answers[answer.itemId] = answer
    }
    assessments.push({ ...a, answers })
  }
  const catalogs: Catalog[] = []
  shell.data.catalogs.forEach((raw, i) => {
    const result = validateCatalog(raw)
    if (result.ok) {
      const c = result.catalog
      if (options.builtinCatalogs?.some((b) => b.id === c.id && b.version === c.version)) {
        errors.add('backup.builtinCatalog', { catalogId: c.id, catalogVersion: c.version }, ['catalogs', i])
      } else catalogs.push(c)
      return
    }
    const catalogId = isPlainRecord(raw) && typeof raw.id === 'string' ? show(raw.id) : `#${i + 1}`
    for (const issue of result.issues) errors.add('backup.invalidCatalog', { catalogId }, ['catalogs', i, ...issue.path], issue)
  })
  if (errors.errors.length > 0) return { ok: false, errors: errors.errors }

  const file: ExchangeFile = { ...shell.data, assessments, catalogs } as ExchangeFile
  // Fast path: the text as the app wrote it. Otherwise (re-formatted by a tool, keys re-ordered)
  // the data is printed canonically again, so only changed values are refused.
  const deferred: DeferredChecksum | undefined =
    !legacy && options.deferChecksum ? { expected: file.checksum!, fastText: checksumCoveredText(body, file.checksum), canonical: () => canonicalText(file, readVersion) } : undefined
  if (!legacy && !deferred && !checksumMatches(body, file.checksum) && checksumOf(canonicalText(file, readVersion)) !== file.checksum) {
    return fail('backup.checksumMismatch', {}, ['checksum'])
  }
  checkIntegrity(file, options, errors)
  if (file.format === PACKAGE_FORMAT) checkScope(file, errors)
  if (errors.errors.length > 0) return { ok: false, errors: errors.errors }

  const warnings: BackupWarning[] = []
  if (ignored.count > 0) {
    warnings.push({ code: 'backup.ignoredKeys', params: { count: ignored.count, examples: ignored.examples } })
  }
  return deferred ? { ok: true, file, warnings, checksum: deferred } : { ok: true, file, warnings }
}

/** The error for a file that is not valid UTF-8 (read by the platform's strict decoder). */
export function notUtf8Error(): BackupError {
  return fail('backup.notUtf8', {}, []).errors[0]!
}

/** The error a caller reports when its deferred checksum check failed. */
export function checksumMismatchError(): BackupError {
  return fail('backup.checksumMismatch', {}, ['checksum']).errors[0]!
}

/** Megabytes with one decimal, as a number (the UI formats it). */
function toMb(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10
}
