/**
 * Writing exchange files: building a full backup or a department package from records, and the
 * canonical text (records copied field by field in declaration order, answers sorted by item id,
 * one answer per line) that the checksum covers and that two exports can be diffed on.
 */
import { canonicalCopy } from '@/domain/agenda/merge'
import { AGENDA_ENTRY_KEYS, type Agenda, type AgendaEntry, type StatusEvent } from '@/domain/agenda/types'
import { copyAnswer } from '@/domain/model/answers'
import { ANSWER_KEYS, type Answer, type Assessment, type Catalog, type Department, type Organisation, type Round, type Tombstone } from '@/domain/model/types'
import { SERVICE_RECORD_KEYS, type ServiceRecord } from '@/domain/services/types'
import { checksumOf } from './checksum'
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  type Backup,
  STRATEGY_FORMAT_VERSION,
  withStrategyTables,
  type BackupMeta,
  type CheckTables,
  type ExchangeData,
  type ExchangeFile,
  type ExchangeHeader,
  type PackageFile,
  type PackageKind,
} from './formats'
import { isPlainRecord } from './schema'

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

/** An assessment copied field by field, with `answers` as given (a copy, or an `AnswerMap` to print). */
const assessmentWith = <M>(a: Assessment, answers: M): Omit<Assessment, 'answers'> & { answers: M } => ({
  id: a.id,
  orgId: a.orgId,
  roundId: a.roundId,
  departmentId: a.departmentId,
  respondent: a.respondent,
  role: a.role,
  status: a.status,
  answers,
  createdAt: a.createdAt,
  updatedAt: a.updatedAt,
  updatedBy: a.updatedBy,
  deviceId: a.deviceId,
  rev: a.rev,
  activityAt: a.activityAt,
  submittedAt: a.submittedAt,
})

const copyAssessment = (a: Assessment): Assessment => assessmentWith(a, sortedRecord(a.answers, copyAnswer))

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

/** A copy with exactly `keys`, in that order; absent (undefined) optional fields stay absent. */
function pick<T extends object>(r: T, keys: readonly (keyof T)[]): T {
  const out: Partial<T> = {}
  for (const k of keys) if (r[k] !== undefined) out[k] = r[k]
  return out as T
}

const copyEntry = (e: AgendaEntry): AgendaEntry => ({ ...pick(e, AGENDA_ENTRY_KEYS), vv: sortedRecord(e.vv, (v) => v) })

/** Entries in stored order (order, then id), removed entries by id, every part field by field. */
const copyAgenda = (raw: Agenda): Agenda => {
  const a = canonicalCopy({ agenda: raw, history: [] }).agenda
  return {
    id: a.id,
    orgId: a.orgId,
    name: a.name,
    version: a.version,
    horizon: { startYear: a.horizon.startYear, years: a.horizon.years },
    phases: a.phases.map((p) => ({ id: p.id, name: p.name, startYear: p.startYear, endYear: p.endYear })),
    handlungsfelder: a.handlungsfelder.map((h) => ({ id: h.id, title: h.title })),
    source: a.source && { roundId: a.source.roundId, catalogId: a.source.catalogId, catalogVersion: a.source.catalogVersion },
    entries: a.entries.map(copyEntry),
    removedEntries: a.removedEntries.map((t) => ({ id: t.id, deletedAt: t.deletedAt, deletedBy: t.deletedBy, deviceId: t.deviceId })),
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    updatedBy: a.updatedBy,
    deviceId: a.deviceId,
    rev: a.rev,
  }
}

const copyEvent = (e: StatusEvent): StatusEvent => ({
  id: e.id,
  agendaId: e.agendaId,
  entryId: e.entryId,
  from: e.from,
  to: e.to,
  at: e.at,
  by: e.by,
  deviceId: e.deviceId,
  rev: e.rev,
  note: e.note,
})

const copyService = (s: ServiceRecord): ServiceRecord => ({
  ...pick(s, SERVICE_RECORD_KEYS),
  channels: [...s.channels],
  maturity: { model: s.maturity.model, ratings: sortedRecord(s.maturity.ratings, (v) => v) },
})

/** The check tables copied; assessments with `assessment` (a full copy, or one for printing). */
function copyCheckTables<A>(data: CheckTables, assessment: (a: Assessment) => A) {
  return {
    organisations: data.organisations.map(copyOrganisation),
    departments: data.departments.map(copyDepartment),
    rounds: data.rounds.map(copyRound),
    assessments: data.assessments.map(assessment),
    catalogs: data.catalogs.map(copyCatalog),
    tombstones: data.tombstones.map(copyTombstone),
  }
}

function copyTables<A>(data: ExchangeData, assessment: (a: Assessment) => A) {
  const all = withStrategyTables(data)
  return {
    ...copyCheckTables(all, assessment),
    agendas: all.agendas.map(copyAgenda),
    agendaEvents: all.agendaEvents.map(copyEvent),
    services: all.services.map(copyService),
  }
}

/**
 * Builds the backup object from a snapshot of all tables. Records are copied field by field in
 * declaration order (extra properties are dropped, answer keys sorted), tables keep their order.
 * Strategy tables missing from `data` are written empty.
 */
export function createBackup(data: ExchangeData, meta: BackupMeta): Backup {
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    ...header(meta),
    ...copyTables(data, copyAssessment),
  }
}

function header(meta: BackupMeta): ExchangeHeader {
  return { exportedAt: meta.now.toISOString(), appVersion: meta.appVersion, scoringModelVersion: meta.scoringModelVersion, deviceId: meta.deviceId }
}

/**
 * Builds a department package or return file from the records of one round and department. The
 * caller passes exactly the records in scope (see db/exchange.ts); `catalog` only when it is not
 * built in. A package never carries the Digitale Agenda or the Leistungsinventar.
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
    ...copyCheckTables({
      organisations: [data.organisation],
      departments: [data.department],
      rounds: [data.round],
      assessments: data.assessments,
      catalogs: data.catalog ? [data.catalog] : [],
      tombstones: data.tombstones ?? [],
    }, copyAssessment),
  }
}

const isScalar = (v: unknown): boolean => typeof v !== 'object' || v === null

/**
 * Printed on one line: arrays of scalars, and records whose values are scalars or flat records of
 * scalars (an answer with its version vector `vv`, a round with its `dimensionTargets`). Never an
 * `AnswerMap` (it is not empty, and every answer has a version vector).
 */
function isLeaf(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(isScalar)
  if (value instanceof AnswerMap) return false
  if (isPlainRecord(value)) return Object.values(value).every((v) => isScalar(v) || (isPlainRecord(v) && !(v instanceof AnswerMap) && Object.values(v).every(isScalar)))
  return true
}

/** Pretty printer: nested structures indented by two spaces, leaf objects/arrays on one line. */
function printJson(value: unknown, indent: string, out: string[]): void {
  if (value === LIST_SLOT) {
    out.push(LIST_SLOT_TEXT)
    return
  }
  if (value instanceof AnswerMap) {
    out.push(printAnswers(value, indent))
    return
  }
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

/** `printJson` of a whole file or record, with the final newline. */
function printed(value: unknown): string {
  const out: string[] = []
  printJson(value, '', out)
  out.push('\n')
  return out.join('')
}

/** Strings remembered by one `quoter` (states, names, device and item ids repeat in every questionnaire). */
const QUOTED_MAX = 4096

/** False when `JSON.stringify` escapes a character of `s` (quote, backslash, control character, surrogate). */
function isPlainText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return false
  }
  return true
}

/** A function that quotes strings exactly as `JSON.stringify` does, remembering the first `QUOTED_MAX`. */
function quoter(): (s: string) => string {
  const known = new Map<string, string>()
  return (s) => {
    let quoted = known.get(s)
    if (quoted === undefined) {
      quoted = isPlainText(s) ? `"${s}"` : JSON.stringify(s)
      if (known.size < QUOTED_MAX) known.set(s, quoted)
    }
    return quoted
  }
}

/**
 * The answers of one assessment as the canonical text takes them: not copied (a large backup has
 * 100,000 answers) but printed by `printAnswers` straight from the record, in the order of `keys`.
 */
class AnswerMap {
  constructor(
    readonly answers: Record<string, Answer>,
    readonly keys: readonly string[],
    readonly quote: (s: string) => string,
  ) {}
}

/**
 * A key that a plain object keeps in insertion order as an own property: not an array index (those
 * start with a digit and come first) and not `__proto__` (which sets the prototype instead).
 */
function isNamedKey(key: string): boolean {
  const first = key.charCodeAt(0)
  return !(first >= 0x30 && first <= 0x39) && key !== '__proto__'
}

/**
 * Copies assessments for the canonical text only: `answers` becomes an `AnswerMap` when the sorted
 * item ids are plain names (always, for valid data). An empty map (an assessment without answers
 * prints on one line) and odd keys get the copy `copyAssessment` makes, so they print as they always did.
 */
function textAssessments() {
  const quote = quoter()
  return (a: Assessment) => {
    const answers = a.answers
    const keys = Object.keys(answers).sort()
    return assessmentWith(a, keys.length > 0 && keys.every(isNamedKey) ? new AnswerMap(answers, keys, quote) : sortedRecord(answers, copyAnswer))
  }
}

/** A string, number, boolean or null as `JSON.stringify` writes it as a record's value; undefined for anything else. */
function scalarJson(v: unknown, quote: (s: string) => string): string | undefined {
  switch (typeof v) {
    case 'string':
      return quote(v)
    case 'number':
      return Number.isFinite(v) ? String(v) : 'null'
    case 'boolean':
      return v ? 'true' : 'false'
    default:
      return v === null ? 'null' : undefined
  }
}

/** `"key":` before each answer field, in the order of `copyAnswer` (ANSWER_KEYS). */
const ANSWER_FIELD_PREFIXES = ANSWER_KEYS.map((k, i) => `${i === 0 ? '{' : ','}${JSON.stringify(k)}:`)

/** The version vector as `JSON.stringify(sortedVector(vv))` writes it, or undefined when it is not plain names to scalars. */
function vectorJson(vv: unknown, quote: (s: string) => string): string | undefined {
  if (typeof vv !== 'object' || vv === null) return undefined
  const devices = Object.keys(vv).sort()
  let json = '{'
  for (let i = 0; i < devices.length; i++) {
    const device = devices[i] as string
    const count = scalarJson((vv as Record<string, unknown>)[device], quote)
    if (count === undefined || !isNamedKey(device)) return undefined
    json += `${i === 0 ? '' : ','}${quote(device)}:${count}`
  }
  return `${json}}`
}

/**
 * One answer's line, exactly what `printJson(copyAnswer(answer))` prints when every field is a
 * string, number, boolean or null and the version vector maps device ids to such values (always,
 * for valid data); undefined for anything else, which then goes that general way.
 */
function answerLine(answer: unknown, quote: (s: string) => string): string | undefined {
  if (typeof answer !== 'object' || answer === null) return undefined
  const record = answer as Record<string, unknown>
  let line = ''
  for (let i = 0; i < ANSWER_KEYS.length; i++) {
    const key = ANSWER_KEYS[i] as (typeof ANSWER_KEYS)[number]
    const json = key === 'vv' ? vectorJson(record[key], quote) : scalarJson(record[key], quote)
    if (json === undefined) return undefined
    line += (ANSWER_FIELD_PREFIXES[i] as string) + json
  }
  return `${line}}`
}

/**
 * An answers map as `printJson(sortedRecord(answers, copyAnswer), indent)` prints it: one answer per
 * line. The lines are joined here, so that what is kept until the whole file is joined is one flat
 * string per assessment, not a tree of small pieces for the garbage collector to move.
 */
function printAnswers(map: AnswerMap, indent: string): string {
  const inner = indent + '  '
  const lines: string[] = []
  for (const key of map.keys) {
    const answer = map.answers[key]
    let line = answerLine(answer, map.quote)
    if (line === undefined) {
      const out: string[] = []
      printJson(copyAnswer(answer as Answer), inner, out)
      line = out.join('')
    }
    lines.push(`${map.quote(key)}: ${line}`)
  }
  return `{\n${inner}${lines.join(`,\n${inner}`)}\n${indent}}`
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
  return `${canonical.slice(0, -3)}${checksumTail(checksum)}`
}

/** What replaces the canonical text's last three characters (`\n}\n`, always ASCII): the checksum line and the end. */
export function checksumTail(checksum: string): string {
  return `,\n  "checksum": ${JSON.stringify(checksum)}\n}\n`
}

/**
 * The canonical text of a full backup of `data`: the same as `canonicalText(createBackup(data,
 * meta))`, but the records are copied once, not twice, and the answers (a large backup has 100,000)
 * not at all: they are printed straight from the records (see `printAnswers`).
 */
export function canonicalBackupText(data: ExchangeData, meta: BackupMeta): string {
  const parts = backupTextParts(data, meta)
  return parts.head + data.assessments.map(parts.assessment).join('') + parts.close(data.assessments.length) + parts.tail
}

/** The canonical text of a full backup in parts, for a writer that gets the questionnaires in slices. */
export interface BackupTextParts {
  /** Everything before the questionnaires (up to `"assessments": `). */
  head: string
  /** The text of the questionnaire at `index` of the list (with what separates it from the one before). */
  assessment(a: Assessment, index: number): string
  /** What ends the list of `count` questionnaires. */
  close(count: number): string
  /** Everything after the questionnaires. */
  tail: string
}

/**
 * `canonicalBackupText` in parts: `head + assessment(a₀, 0) + … + assessment(aₙ₋₁, n − 1) +
 * close(n) + tail` is exactly `canonicalBackupText(data, meta)` with `data.assessments` = [a₀ … aₙ₋₁]
 * (`data.assessments` itself is not read). So the backup export can print each slice of
 * questionnaires while the database is still reading the next.
 */
export function backupTextParts(data: Omit<ExchangeData, 'assessments'>, meta: BackupMeta): BackupTextParts {
  const file = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, ...header(meta), ...copyTables({ ...data, assessments: [] }, (a) => a) }
  // The list is printed as a marker the printer never writes otherwise (JSON escapes U+0000).
  const [head, tail] = printed({ ...file, assessments: LIST_SLOT }).split(LIST_SLOT_TEXT) as [string, string]
  const copy = textAssessments()
  // How printJson prints a list of records inside the file's top-level object (indent '  ').
  const itemIndent = '    '
  return {
    head,
    assessment(a, index) {
      const out: string[] = [index === 0 ? `[\n${itemIndent}` : `,\n${itemIndent}`]
      printJson(copy(a), itemIndent, out)
      return out.join('')
    },
    close: (count) => (count === 0 ? '[]' : '\n  ]'),
    tail,
  }
}

/** Stands for the list of questionnaires in `backupTextParts`; printed as `LIST_SLOT_TEXT`. */
class ListSlot {}
const LIST_SLOT = new ListSlot()
const LIST_SLOT_TEXT = '\u0000'

/**
 * The canonical text of a file without its checksum (what the checksum covers). `backupVersion`
 * prints a backup as an earlier format wrote it (2: without the strategy tables), to check the
 * checksum of a re-formatted older file.
 */
export function canonicalText(file: ExchangeFile, backupVersion: number = BACKUP_FORMAT_VERSION): string {
  const head = {
    exportedAt: file.exportedAt,
    appVersion: file.appVersion,
    scoringModelVersion: file.scoringModelVersion,
    deviceId: file.deviceId,
  }
  const canonical =
    file.format === PACKAGE_FORMAT
      ? { format: PACKAGE_FORMAT, formatVersion: PACKAGE_FORMAT_VERSION, kind: file.kind, scope: { ...file.scope, assessmentIds: [...file.scope.assessmentIds] }, ...head, ...copyCheckTables(file, textAssessments()) }
      : backupVersion < STRATEGY_FORMAT_VERSION
        ? { format: BACKUP_FORMAT, formatVersion: backupVersion, ...head, ...copyCheckTables(file, textAssessments()) }
        : { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, ...head, ...copyTables(file, textAssessments()) }
  return printed(canonical)
}
