/**
 * Full backup of everything the browser stores: create, serialise and parse (validate) the JSON file.
 *
 * Parsing never throws and never trusts the file: size, JSON syntax, format marker and version,
 * prototype-polluting keys and nesting depth are checked first, then the structure (zod), then each
 * answer (fast checker, see backup-schema.ts), then ids, references and catalogue items. Problems
 * come back as `BackupError` (stable `code`, `params`, German default `message`, `path`), at most
 * `BACKUP_LIMITS.maxErrors` of them plus a final `backup.tooManyErrors` marker.
 */
import type { z } from 'zod'
import {
  ANSWER_KEYS,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_LIMITS,
  CATALOG_FORMAT,
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  PACKAGE_TOP_LEVEL_KEYS,
  RECORD_KEYS,
  TOP_LEVEL_KEYS,
  backupShellSchema,
  checkAnswer,
  isPlainRecord,
  packageShellSchema,
  scanJsonTree,
  type AnswerIssue,
  type CustomIssueKind,
  PACKAGE_KINDS,
} from './backup-schema'
import { validateCatalog } from './catalog-schema'
import { checksumOf } from './exchange/checksum'
import type { Answer, Assessment, Catalog, Department, Organisation, Round, Tombstone } from './types'

export { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_LIMITS, PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION } from './backup-schema'

/** The tables an exchange file carries; also the shape of a database snapshot for the merge. */
export interface BackupData {
  organisations: Organisation[]
  departments: Department[]
  rounds: Round[]
  assessments: Assessment[]
  /** Custom catalogues stored in the browser (built-in catalogues ship with the app). */
  catalogs: Catalog[]
  /** Deleted records (so that a merge elsewhere deletes them too and never revives them). */
  tombstones: Tombstone[]
}

interface ExchangeHeader {
  /** ISO timestamp of the export. */
  exportedAt: string
  appVersion: string
  scoringModelVersion: string
  /** Device that wrote the file ('' for files upgraded from backup format 1). */
  deviceId: string
  /** `sha256:…` of the canonical text without this field; absent only in format-1 backups. */
  checksum?: string
}

export interface Backup extends BackupData, ExchangeHeader {
  format: typeof BACKUP_FORMAT
  formatVersion: typeof BACKUP_FORMAT_VERSION
}

export type PackageKind = (typeof PACKAGE_KINDS)[number]

export interface PackageScope {
  orgId: string
  roundId: string
  departmentId: string
  assessmentIds: string[]
}

/**
 * A department package ("Fragebogen-Paket", kind 'package') or the answers sent back ('return'):
 * one organisation, one round, one department, its questionnaires, and the round's catalogue when
 * it is not built in.
 */
export interface PackageFile extends BackupData, ExchangeHeader {
  format: typeof PACKAGE_FORMAT
  formatVersion: typeof PACKAGE_FORMAT_VERSION
  kind: PackageKind
  scope: PackageScope
}

export type ExchangeFile = Backup | PackageFile

export interface BackupMeta {
  now: Date
  appVersion: string
  scoringModelVersion: string
  deviceId: string
}

export type BackupErrorCode =
  | 'backup.empty'
  | 'backup.tooLarge'
  | 'backup.truncatedJson'
  | 'backup.invalidJson'
  | 'backup.notAnObject'
  | 'backup.catalogFile'
  | 'backup.unknownFormat'
  | 'backup.invalidFormatVersion'
  | 'backup.unsupportedVersion'
  | 'backup.forbiddenKey'
  | 'backup.tooDeep'
  | 'backup.missingField'
  | 'backup.invalidType'
  | 'backup.notAnInteger'
  | 'backup.invalidValue'
  | 'backup.invalidLevel'
  | 'backup.invalidDate'
  | 'backup.invalidDateTime'
  | 'backup.required'
  | 'backup.tooLong'
  | 'backup.outOfRange'
  | 'backup.tooManyEntries'
  | 'backup.invalidStructure'
  | 'backup.answerStateMismatch'
  | 'backup.answerKeyMismatch'
  | 'backup.duplicateId'
  | 'backup.duplicateCatalog'
  | 'backup.invalidCatalog'
  | 'backup.missingReference'
  | 'backup.inconsistentReference'
  | 'backup.unknownCatalog'
  | 'backup.unknownItem'
  | 'backup.tooManyErrors'
  | 'backup.invalidVersionVector'
  | 'backup.checksumMissing'
  | 'backup.checksumMismatch'
  | 'backup.packageFile'
  | 'backup.backupFile'
  | 'backup.scopeMismatch'
  | 'backup.builtinCatalog'

export type BackupMessageParams = Record<string, string | number>

export interface BackupError {
  /** Stable i18n key. */
  code: BackupErrorCode
  /** Values for the i18n message. */
  params: BackupMessageParams
  /** German default text. */
  message: string
  /** Location in the file, e.g. `assessments[3].answers.str-01.ist`. */
  path?: string
}

export type BackupWarningCode = 'backup.ignoredKeys'

/** Not a reason to reject the file, but worth telling the user. */
export interface BackupWarning {
  code: BackupWarningCode
  params: BackupMessageParams
  message: string
}

export interface ParseBackupOptions {
  /**
   * Item ids of a catalogue version the app knows (built-in or stored), or undefined if unknown.
   * Catalogues included in the backup itself are always known. Without this callback only the
   * included catalogues are known.
   */
  knownCatalogItems?: (catalogId: string, version: string) => ReadonlySet<string> | undefined
  /** Maximum file size in UTF-8 bytes; default `BACKUP_LIMITS.maxBytes` (200 MB). */
  maxBytes?: number
  /** Catalogues that ship with the app: a file may not carry one with the same id and version. */
  builtinCatalogs?: readonly { id: string; version: string }[]
  /**
   * Leave the checksum check to the caller (result field `checksum`, see `verifyDeferredChecksum`),
   * which can then use a native SHA-256. Default: checked here with the pure-JS one.
   */
  deferChecksum?: boolean
}

export type ParseBackupResult =
  | { ok: true; backup: Backup; warnings: BackupWarning[] }
  | { ok: false; errors: BackupError[] }

export type ParseExchangeResult =
  | { ok: true; file: ExchangeFile; warnings: BackupWarning[]; checksum?: DeferredChecksum }
  | { ok: false; errors: BackupError[] }

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

const GERMAN_TYPE: Record<string, string> = {
  string: 'Text',
  number: 'Zahl',
  int: 'ganze Zahl',
  boolean: 'Wahrheitswert',
  object: 'Objekt',
  array: 'Liste',
  null: 'null',
  undefined: 'nichts',
}

function germanType(type: string): string {
  return GERMAN_TYPE[type] ?? type
}

/** German default texts; the UI uses `code` + `params` with its own translations. */
export function backupMessage(code: BackupErrorCode | BackupWarningCode, p: BackupMessageParams): string {
  switch (code) {
    case 'backup.empty':
      return 'Die Datei ist leer.'
    case 'backup.tooLarge':
      return `Die Datei ist zu groß (${p.sizeMb} MB). Erlaubt sind höchstens ${p.maxMb} MB.`
    case 'backup.truncatedJson':
      return 'Die Datei endet unerwartet – sie ist vermutlich unvollständig gespeichert oder übertragen worden.'
    case 'backup.invalidJson':
      return p.line !== undefined
        ? `Die Datei ist kein gültiges JSON (Fehler in Zeile ${p.line}, Spalte ${p.column}).`
        : 'Die Datei ist kein gültiges JSON.'
    case 'backup.notAnObject':
      return `Die Datei enthält keine Datensicherung (gefunden: ${p.actual}).`
    case 'backup.catalogFile':
      return 'Das ist eine Katalogdatei, keine Datensicherung. Kataloge werden unter „Kataloge“ importiert.'
    case 'backup.unknownFormat':
      return 'Die Datei ist keine Datensicherung des Digitalisierungs-Checks (Formatkennung fehlt oder ist unbekannt).'
    case 'backup.invalidFormatVersion':
      return 'Die Formatversion der Datensicherung fehlt oder ist ungültig.'
    case 'backup.unsupportedVersion':
      return `Die Datensicherung hat die Formatversion ${p.version}; diese App kann nur Version ${p.supported} lesen. Bitte aktualisieren Sie die App.`
    case 'backup.forbiddenKey':
      return `Die Datei enthält den unzulässigen Schlüssel „${p.key}“ und wird aus Sicherheitsgründen abgelehnt.`
    case 'backup.tooDeep':
      return `Die Datei ist zu tief verschachtelt (mehr als ${p.maxDepth} Ebenen) und kann keine gültige Datensicherung sein.`
    case 'backup.missingField':
      return `Pflichtangabe „${p.field}“ fehlt.`
    case 'backup.invalidType':
      return `Falscher Datentyp: erwartet ${p.expected}, gefunden ${p.actual}.`
    case 'backup.notAnInteger':
      return `Hier ist eine ganze Zahl erforderlich (gefunden: ${p.value}).`
    case 'backup.invalidValue':
      return `Ungültiger Wert „${p.value}“. Erlaubt: ${p.allowed}.`
    case 'backup.invalidLevel':
      return `Ungültige Stufe „${p.value}“ – erlaubt sind die ganzen Zahlen 0 bis 4.`
    case 'backup.invalidDate':
      return `Ungültiges Datum „${p.value}“ – erwartet JJJJ-MM-TT.`
    case 'backup.invalidDateTime':
      return `Ungültiger Zeitstempel „${p.value}“ – erwartet ISO 8601 mit Zeitzone, z. B. 2025-03-01T09:30:00.000Z.`
    case 'backup.required':
      return 'Diese Angabe darf nicht leer sein.'
    case 'backup.tooLong':
      return `Der Text ist zu lang (${p.length} Zeichen, höchstens ${p.max}).`
    case 'backup.outOfRange':
      return `Der Wert ${p.value} liegt außerhalb des erlaubten Bereichs (${p.min} bis ${p.max}).`
    case 'backup.tooManyEntries':
      return `Zu viele Einträge (höchstens ${p.max}).`
    case 'backup.invalidStructure':
      return 'Der Eintrag hat nicht den erwarteten Aufbau.'
    case 'backup.answerStateMismatch':
      return 'Eine Antwort „nicht zutreffend“ oder „weiß nicht“ darf keine Ist-Stufe haben.'
    case 'backup.answerKeyMismatch':
      return `Die Antwort ist unter „${p.key}“ abgelegt, gehört aber zu Item „${p.itemId}“.`
    case 'backup.duplicateId':
      return `Die ID „${p.id}“ kommt in „${p.table}“ mehrfach vor.`
    case 'backup.duplicateCatalog':
      return `Katalog ${p.catalogId} Version ${p.catalogVersion} ist mehrfach enthalten.`
    case 'backup.invalidCatalog':
      return `Der enthaltene Katalog ${p.catalogId} ist ungültig: ${p.detail}`
    case 'backup.missingReference':
      return `Verweis ins Leere: ${p.field} „${p.id}“ gibt es in „${p.table}“ nicht.`
    case 'backup.inconsistentReference':
      return `Widersprüchliche Zuordnung: ${p.field} ist „${p.actual}“, erwartet „${p.expected}“ (${p.reason}).`
    case 'backup.unknownCatalog':
      return `Katalog ${p.catalogId} Version ${p.catalogVersion} ist nicht vorhanden. Importieren Sie zuerst diesen Katalog.`
    case 'backup.unknownItem':
      return `Item „${p.itemId}“ gibt es in Katalog ${p.catalogId} Version ${p.catalogVersion} nicht.`
    case 'backup.tooManyErrors':
      return `Es wurden mehr als ${p.max} Fehler gefunden; die Prüfung wurde abgebrochen.`
    case 'backup.invalidVersionVector':
      return `Ungültiger Versionsvektor: Erwartet wird je Gerätekennung eine positive ganze Zahl (höchstens ${p.max} Geräte).`
    case 'backup.checksumMissing':
      return 'Die Prüfsumme der Datei fehlt. Die Datei wurde nicht von dieser App geschrieben oder nachträglich verändert.'
    case 'backup.checksumMismatch':
      return 'Die Prüfsumme stimmt nicht: Die Datei wurde nach dem Speichern verändert oder ist beschädigt. Bitte lassen Sie sie neu erstellen.'
    case 'backup.packageFile':
      return 'Das ist ein Fragebogen-Paket oder eine Rücksendung, keine Datensicherung. Öffnen Sie es unter „Fragebögen austauschen“.'
    case 'backup.backupFile':
      return 'Das ist eine vollständige Datensicherung, kein Fragebogen-Paket. Sie wird unter „Daten“ wiederhergestellt.'
    case 'backup.scopeMismatch':
      return `Das Paket ist in sich widersprüchlich: ${p.detail}.`
    case 'backup.builtinCatalog':
      return `Die Datei enthält einen Katalog mit Kennung und Version des eingebauten Katalogs (${p.catalogId} ${p.catalogVersion}). Eingebaute Kataloge können nicht ersetzt werden.`
    case 'backup.ignoredKeys':
      return `${p.count} unbekannte Angaben in der Datei wurden ignoriert und nicht übernommen (z. B. „${p.examples}“).`
  }
}

// ---------------------------------------------------------------------------------------------
// Create and serialise
// ---------------------------------------------------------------------------------------------

function sortedRecord<V>(map: Record<string, V>, copy: (v: V) => V): Record<string, V> {
  const out: Record<string, V> = {}
  for (const key of Object.keys(map).sort()) out[key] = copy(map[key] as V)
  return out
}

const copyOrganisation = (o: Organisation): Organisation => ({
  id: o.id,
  name: o.name,
  type: o.type,
  bundesland: o.bundesland,
  inhabitants: o.inhabitants,
  staff: o.staff,
  createdAt: o.createdAt,
  updatedAt: o.updatedAt,
  updatedBy: o.updatedBy,
  deviceId: o.deviceId,
  rev: o.rev,
})

const copyDepartment = (d: Department): Department => ({
  id: d.id,
  orgId: d.orgId,
  name: d.name,
  code: d.code,
  parentUnit: d.parentUnit,
  head: d.head,
  staff: d.staff,
  kind: d.kind,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
  updatedBy: d.updatedBy,
  deviceId: d.deviceId,
  rev: d.rev,
})

const copyRound = (r: Round): Round => ({
  id: r.id,
  orgId: r.orgId,
  name: r.name,
  startDate: r.startDate,
  endDate: r.endDate,
  catalogId: r.catalogId,
  catalogVersion: r.catalogVersion,
  dimensionTargets: sortedRecord(r.dimensionTargets, (v) => v),
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  updatedBy: r.updatedBy,
  deviceId: r.deviceId,
  rev: r.rev,
})

const copyAnswer = (a: Answer): Answer => ({
  itemId: a.itemId,
  state: a.state,
  ist: a.ist,
  bedarf: a.bedarf,
  potenzial: a.potenzial,
  target: a.target,
  comment: a.comment,
  updatedAt: a.updatedAt,
  updatedBy: a.updatedBy,
  deviceId: a.deviceId,
  rev: a.rev,
  vv: sortedRecord(a.vv, (v) => v),
})

const copyAssessment = (a: Assessment): Assessment => ({
  id: a.id,
  orgId: a.orgId,
  roundId: a.roundId,
  departmentId: a.departmentId,
  respondent: a.respondent,
  role: a.role,
  status: a.status,
  answers: sortedRecord(a.answers, copyAnswer),
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
  updatedBy: a.updatedBy,
  deviceId: a.deviceId,
  rev: a.rev,
  activityAt: a.activityAt,
  submittedAt: a.submittedAt,
})

const copyTombstone = (t: Tombstone): Tombstone => ({
  id: t.id,
  kind: t.kind,
  orgId: t.orgId,
  deletedAt: t.deletedAt,
  deletedBy: t.deletedBy,
  deviceId: t.deviceId,
})

/** Catalogues keep their authored key order; a JSON copy drops undefined and foreign objects. */
const copyCatalog = (c: Catalog): Catalog => JSON.parse(JSON.stringify(c)) as Catalog

function copyTables(data: BackupData): BackupData {
  return {
    organisations: data.organisations.map(copyOrganisation),
    departments: data.departments.map(copyDepartment),
    rounds: data.rounds.map(copyRound),
    assessments: data.assessments.map(copyAssessment),
    catalogs: data.catalogs.map(copyCatalog),
    tombstones: data.tombstones.map(copyTombstone),
  }
}

/**
 * Builds the backup object from a snapshot of all tables. Records are copied field by field in
 * declaration order (extra properties are dropped, answer keys sorted), tables keep their order.
 */
export function createBackup(data: BackupData, meta: BackupMeta): Backup {
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    ...header(meta),
    ...copyTables(data),
  }
}

function header(meta: BackupMeta): ExchangeHeader {
  return { exportedAt: meta.now.toISOString(), appVersion: meta.appVersion, scoringModelVersion: meta.scoringModelVersion, deviceId: meta.deviceId }
}

/**
 * Builds a department package or return file from the records of one round and department. The
 * caller passes exactly the records in scope (see db/exchange.ts); `catalog` only when it is not
 * built in.
 */
export function createPackage(
  kind: PackageKind,
  data: { organisation: Organisation; round: Round; department: Department; assessments: Assessment[]; catalog?: Catalog; tombstones?: Tombstone[] },
  meta: BackupMeta,
): PackageFile {
  return {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    kind,
    scope: {
      orgId: data.organisation.id,
      roundId: data.round.id,
      departmentId: data.department.id,
      assessmentIds: data.assessments.map((a) => a.id),
    },
    ...header(meta),
    ...copyTables({
      organisations: [data.organisation],
      departments: [data.department],
      rounds: [data.round],
      assessments: data.assessments,
      catalogs: data.catalog ? [data.catalog] : [],
      tombstones: data.tombstones ?? [],
    }),
  }
}

const isScalar = (v: unknown): boolean => typeof v !== 'object' || v === null

/**
 * Printed on one line: arrays of scalars, and records whose values are scalars or flat records of
 * scalars (an answer with its version vector `vv`, a round with its `dimensionTargets`).
 */
function isLeaf(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(isScalar)
  if (isPlainRecord(value)) return Object.values(value).every((v) => isScalar(v) || (isPlainRecord(v) && Object.values(v).every(isScalar)))
  return true
}

/** Pretty printer: nested structures indented by two spaces, leaf objects/arrays on one line. */
function printJson(value: unknown, indent: string, out: string[]): void {
  if (isLeaf(value)) {
    out.push(JSON.stringify(value) ?? 'null')
    return
  }
  const inner = indent + '  '
  if (Array.isArray(value)) {
    out.push('[\n')
    value.forEach((v, i) => {
      out.push(inner)
      printJson(v, inner, out)
      out.push(i < value.length - 1 ? ',\n' : '\n')
    })
    out.push(indent, ']')
    return
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
  out.push('{\n')
  entries.forEach(([k, v], i) => {
    out.push(inner, JSON.stringify(k), ': ')
    printJson(v, inner, out)
    out.push(i < entries.length - 1 ? ',\n' : '\n')
  })
  out.push(indent, '}')
}

/**
 * Serialises a backup: header fields first, records in declaration order, answers sorted by item id,
 * one answer (and any other flat object) per line so two exports diff line by line. Ends with '\n'.
 */
export function serializeBackup(file: ExchangeFile): string {
  const text = canonicalText(file)
  return attachChecksum(text, checksumOf(text))
}

/**
 * The checksum goes last, over the text without it: `…\n}` becomes `…,\n  "checksum": "…"\n}`.
 * With `canonicalText` this lets a caller hash with a faster (asynchronous) SHA-256.
 */
export function attachChecksum(canonical: string, checksum: string): string {
  return `${canonical.slice(0, -3)},\n  "checksum": ${JSON.stringify(checksum)}\n}\n`
}

/** A checksum check left to the caller (`parseExchange` with `deferChecksum`), e.g. to use WebCrypto. */
export interface DeferredChecksum {
  expected: string
  /** The file text without its checksum line, if the file ends as the app writes it. */
  fastText: string | null
  /** The canonical print of the parsed data (the slow path, for re-formatted files). */
  canonical: () => string
}

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

/** The canonical text of a file without its checksum (what the checksum covers). */
export function canonicalText(file: ExchangeFile): string {
  const head = {
    exportedAt: file.exportedAt,
    appVersion: file.appVersion,
    scoringModelVersion: file.scoringModelVersion,
    deviceId: file.deviceId,
  }
  const canonical =
    file.format === PACKAGE_FORMAT
      ? { format: PACKAGE_FORMAT, formatVersion: PACKAGE_FORMAT_VERSION, kind: file.kind, scope: { ...file.scope, assessmentIds: [...file.scope.assessmentIds] }, ...head, ...copyTables(file) }
      : { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, ...head, ...copyTables(file) }
  const out: string[] = []
  printJson(canonical, '', out)
  out.push('\n')
  return out.join('')
}

// ---------------------------------------------------------------------------------------------
// Parse
// ---------------------------------------------------------------------------------------------

type PathSeg = string | number

/** `assessments[3].answers.str-01.ist`; keys that are not simple ids are bracket-quoted. */
export function formatPath(path: readonly PathSeg[]): string {
  let out = ''
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`
    else if (/^[A-Za-z0-9_-]+$/.test(seg)) out += out === '' ? seg : `.${seg}`
    else out += `[${JSON.stringify(seg.length > 60 ? seg.slice(0, 60) + '…' : seg)}]`
  }
  return out
}

class ErrorCollector {
  readonly errors: BackupError[] = []
  full = false

  add(code: BackupErrorCode, params: BackupMessageParams = {}, path?: readonly PathSeg[] | string): void {
    if (this.full) return
    if (this.errors.length >= BACKUP_LIMITS.maxErrors) {
      this.full = true
      const p = { max: BACKUP_LIMITS.maxErrors }
      this.errors.push({ code: 'backup.tooManyErrors', params: p, message: backupMessage('backup.tooManyErrors', p) })
      return
    }
    const error: BackupError = { code, params, message: backupMessage(code, params) }
    if (path !== undefined && path.length > 0) error.path = typeof path === 'string' ? path : formatPath(path)
    this.errors.push(error)
  }
}

function fail(code: BackupErrorCode, params: BackupMessageParams = {}, path?: readonly PathSeg[]): { ok: false; errors: BackupError[] } {
  const c = new ErrorCollector()
  c.add(code, params, path)
  return { ok: false, errors: c.errors }
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

function describeType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'Liste'
  return germanType(typeof value)
}

/** Short printable form of a rejected value for messages. */
function show(value: unknown): string {
  const s = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
  return s.length > 40 ? s.slice(0, 40) + '…' : s
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
      else errors.add('backup.invalidType', { expected: germanType(issue.expected), actual: describeType(value) }, path)
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
      else if (kind === 'isoDate') errors.add('backup.invalidDate', { value: show(value) }, path)
      else if (kind === 'isoDateTime') errors.add('backup.invalidDateTime', { value: show(value) }, path)
      else if (kind === 'answersMap')
        errors.add('backup.invalidType', { expected: germanType('object'), actual: describeType(value) }, path)
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
      errors.add('backup.invalidType', { expected: germanType('object'), actual: describeType(raw) }, path)
      return
    case 'missing':
      errors.add('backup.missingField', { field: issue.field ?? '' }, path)
      return
    case 'invalidType':
      errors.add('backup.invalidType', { expected: germanType(issue.expected ?? ''), actual: describeType(value) }, path)
      return
    case 'invalidLevel':
      errors.add('backup.invalidLevel', { value: show(value) }, path)
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

/**
 * Fills the fields format 1 did not have, so a format-1 backup is checked by the same rules:
 * provenance '' / rev 0 / an empty version vector (such answers merge by time only), role
 * 'respondent', activityAt = updatedAt, no tombstones, no checksum.
 */
function upgradeFormat1(root: Record<string, unknown>): void {
  root.formatVersion = BACKUP_FORMAT_VERSION
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
  for (const table of ['organisations', 'departments', 'rounds', 'assessments'] as const) {
    const rawTable = root[table] as unknown[]
    rawTable.forEach((rec, i) => ignored.check(rec, RECORD_KEYS[table], [table, i]))
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
    const answers: Record<string, Answer> = {}
    for (const key of keys) {
      const raw = rawAnswers[key]
      const path = ['assessments', i, 'answers', key]
      const checked = checkAnswer(raw)
      if (!checked.ok) {
        for (const issue of checked.issues) reportAnswerIssue(issue, raw, path, errors)
        if (errors.full) break
        continue
      }
      if (Object.keys(raw as object).length !== ANSWER_KEYS.length) ignored.check(raw, ANSWER_KEYS, path)
      if (checked.answer.itemId !== key) {
        errors.add('backup.answerKeyMismatch', { key, itemId: checked.answer.itemId }, [...path, 'itemId'])
        continue
      }
      answers[key] = checked.answer
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
    for (const issue of result.issues) {
      const sub = issue.path === '(Datei)' ? '' : `.${issue.path}`
      errors.add('backup.invalidCatalog', { catalogId, detail: issue.message }, `catalogs[${i}]${sub}`)
    }
  })
  if (errors.errors.length > 0) return { ok: false, errors: errors.errors }

  const file: ExchangeFile = { ...shell.data, assessments, catalogs } as ExchangeFile
  // Fast path: the text as the app wrote it. Otherwise (re-formatted by a tool, keys re-ordered)
  // the data is printed canonically again, so only changed values are refused.
  const deferred: DeferredChecksum | undefined =
    !legacy && options.deferChecksum ? { expected: file.checksum!, fastText: checksumCoveredText(body, file.checksum), canonical: () => canonicalText(file) } : undefined
  if (!legacy && !deferred && !checksumMatches(body, file.checksum) && checksumOf(canonicalText(file)) !== file.checksum) {
    return fail('backup.checksumMismatch', {}, ['checksum'])
  }
  checkIntegrity(file, options, errors)
  if (file.format === PACKAGE_FORMAT) checkScope(file, errors)
  if (errors.errors.length > 0) return { ok: false, errors: errors.errors }

  const warnings: BackupWarning[] = []
  if (ignored.count > 0) {
    const params = { count: ignored.count, examples: ignored.examples.join('“, „') }
    warnings.push({ code: 'backup.ignoredKeys', params, message: backupMessage('backup.ignoredKeys', params) })
  }
  return deferred ? { ok: true, file, warnings, checksum: deferred } : { ok: true, file, warnings }
}

/** The error a caller reports when its deferred checksum check failed. */
export function checksumMismatchError(): BackupError {
  return fail('backup.checksumMismatch', {}, ['checksum']).errors[0]!
}

/** A package holds exactly its organisation, round and department, and only the named questionnaires. */
function checkScope(file: PackageFile, errors: ErrorCollector): void {
  const { scope } = file
  const mismatch = (detail: string, path: PathSeg[]) => errors.add('backup.scopeMismatch', { detail }, path)
  if (file.organisations.length !== 1 || file.organisations[0]!.id !== scope.orgId) mismatch('organisations ≠ scope.orgId', ['organisations'])
  if (file.rounds.length !== 1 || file.rounds[0]!.id !== scope.roundId) mismatch('rounds ≠ scope.roundId', ['rounds'])
  if (file.departments.length !== 1 || file.departments[0]!.id !== scope.departmentId) mismatch('departments ≠ scope.departmentId', ['departments'])
  const ids = new Set(scope.assessmentIds)
  file.assessments.forEach((a, i) => {
    if (!ids.has(a.id) || a.roundId !== scope.roundId || a.departmentId !== scope.departmentId) mismatch(`assessments[${i}] ∉ scope`, ['assessments', i])
  })
  if (file.assessments.length !== ids.size) mismatch('assessments ≠ scope.assessmentIds', ['scope', 'assessmentIds'])
}

function toMb(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1).replace('.', ',')
}

function indexById<T extends { id: string }>(
  table: keyof BackupData,
  records: readonly T[],
  errors: ErrorCollector,
): Map<string, T> {
  const map = new Map<string, T>()
  records.forEach((r, i) => {
    if (map.has(r.id)) errors.add('backup.duplicateId', { table, id: r.id }, [table, i, 'id'])
    else map.set(r.id, r)
  })
  return map
}

/** Duplicate ids, references between tables, pinned catalogues and answered items. */
function checkIntegrity(backup: ExchangeFile, options: ParseBackupOptions, errors: ErrorCollector): void {
  const orgs = indexById('organisations', backup.organisations, errors)
  const departments = indexById('departments', backup.departments, errors)
  const rounds = indexById('rounds', backup.rounds, errors)
  indexById('assessments', backup.assessments, errors)

  const included = new Map<string, ReadonlySet<string>>()
  backup.catalogs.forEach((c, i) => {
    const key = `${c.id}\u0000${c.version}`
    if (included.has(key)) {
      errors.add('backup.duplicateCatalog', { catalogId: c.id, catalogVersion: c.version }, ['catalogs', i])
    } else included.set(key, new Set(c.items.map((item) => item.id)))
  })

  const missing = (field: string, id: string, table: string, path: PathSeg[]) =>
    errors.add('backup.missingReference', { field, id, table }, path)

  backup.departments.forEach((d, i) => {
    if (!orgs.has(d.orgId)) missing('orgId', d.orgId, 'organisations', ['departments', i, 'orgId'])
  })

  const itemsByRound = new Map<string, ReadonlySet<string>>()
  backup.rounds.forEach((r, i) => {
    if (!orgs.has(r.orgId)) missing('orgId', r.orgId, 'organisations', ['rounds', i, 'orgId'])
    const items =
      included.get(`${r.catalogId}\u0000${r.catalogVersion}`) ??
      options.knownCatalogItems?.(r.catalogId, r.catalogVersion)
    if (items === undefined) {
      errors.add(
        'backup.unknownCatalog',
        { catalogId: r.catalogId, catalogVersion: r.catalogVersion },
        ['rounds', i, 'catalogVersion'],
      )
    } else itemsByRound.set(r.id, items)
  })

  for (let i = 0; i < backup.assessments.length && !errors.full; i++) {
    const a = backup.assessments[i]!
    if (!orgs.has(a.orgId)) missing('orgId', a.orgId, 'organisations', ['assessments', i, 'orgId'])
    const round = rounds.get(a.roundId)
    const department = departments.get(a.departmentId)
    if (round === undefined) missing('roundId', a.roundId, 'rounds', ['assessments', i, 'roundId'])
    else if (round.orgId !== a.orgId) {
      errors.add(
        'backup.inconsistentReference',
        { field: 'orgId', actual: a.orgId, expected: round.orgId, reason: 'Organisation der Erhebungsrunde' },
        ['assessments', i, 'orgId'],
      )
    }
    if (department === undefined) {
      missing('departmentId', a.departmentId, 'departments', ['assessments', i, 'departmentId'])
    } else if (department.orgId !== a.orgId) {
      errors.add(
        'backup.inconsistentReference',
        { field: 'orgId', actual: a.orgId, expected: department.orgId, reason: 'Organisation des Fachbereichs' },
        ['assessments', i, 'orgId'],
      )
    }
    const items = itemsByRound.get(a.roundId)
    if (items === undefined || round === undefined) continue
    for (const key of Object.keys(a.answers)) {
      if (!items.has(key)) {
        errors.add(
          'backup.unknownItem',
          { itemId: key, catalogId: round.catalogId, catalogVersion: round.catalogVersion },
          ['assessments', i, 'answers', key],
        )
      }
    }
  }
}
