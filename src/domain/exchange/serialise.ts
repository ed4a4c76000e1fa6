/**
 * Writing exchange files: building a full backup or a department package from records, and the
 * canonical text (records copied field by field in declaration order, answers sorted by item id,
 * one answer per line) that the checksum covers and that two exports can be diffed on.
 */
import { canonicalCopy } from '@/domain/agenda/merge'
import { AGENDA_ENTRY_KEYS, type Agenda, type AgendaEntry, type StatusEvent } from '@/domain/agenda/types'
import { copyAnswer } from '@/domain/model/answers'
import type { Assessment, Catalog, Department, Organisation, Round, Tombstone } from '@/domain/model/types'
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
  type BackupData,
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

function copyCheckTables(data: CheckTables): CheckTables {
  return {
    organisations: data.organisations.map(copyOrganisation),
    departments: data.departments.map(copyDepartment),
    rounds: data.rounds.map(copyRound),
    assessments: data.assessments.map(copyAssessment),
    catalogs: data.catalogs.map(copyCatalog),
    tombstones: data.tombstones.map(copyTombstone),
  }
}

function copyTables(data: ExchangeData): BackupData {
  const all = withStrategyTables(data)
  return {
    ...copyCheckTables(all),
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
    ...copyTables(data),
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
  return `${canonical.slice(0, -3)}${checksumTail(checksum)}`
}

/** What replaces the canonical text's last three characters (`\n}\n`, always ASCII): the checksum line and the end. */
export function checksumTail(checksum: string): string {
  return `,\n  "checksum": ${JSON.stringify(checksum)}\n}\n`
}

/**
 * The canonical text of a full backup of `data`: the same as `canonicalText(createBackup(data,
 * meta))`, but the records are copied once, not twice (a large backup has 100,000 answers).
 */
export function canonicalBackupText(data: ExchangeData, meta: BackupMeta): string {
  const out: string[] = []
  printJson(createBackup(data, meta), '', out)
  out.push('\n')
  return out.join('')
}

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
      ? { format: PACKAGE_FORMAT, formatVersion: PACKAGE_FORMAT_VERSION, kind: file.kind, scope: { ...file.scope, assessmentIds: [...file.scope.assessmentIds] }, ...head, ...copyCheckTables(file) }
      : backupVersion < STRATEGY_FORMAT_VERSION
        ? { format: BACKUP_FORMAT, formatVersion: backupVersion, ...head, ...copyCheckTables(file) }
        : { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, ...head, ...copyTables(file) }
  const out: string[] = []
  printJson(canonical, '', out)
  out.push('\n')
  return out.join('')
}
