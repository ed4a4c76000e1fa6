// The canonical text printed by serialise.ts must stay byte for byte what it was before answers
// were printed straight from the records (the file's checksum covers these bytes, older app versions
// read them). The reference below is that earlier implementation, copied verbatim; only the names of
// its entry points are prefixed with `reference`.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { canonicalCopy } from '@/domain/agenda/merge'
import { AGENDA_ENTRY_KEYS, type Agenda, type AgendaEntry, type StatusEvent } from '@/domain/agenda/types'
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
} from '@/domain/exchange/formats'
import { isPlainRecord } from '@/domain/exchange/schema'
import { canonicalBackupText, canonicalText, createBackup, createPackage, serializeBackup } from '@/domain/exchange/serialise'
import { copyAnswer } from '@/domain/model/answers'
import type { Answer, Assessment, Catalog, Department, Organisation, Round, Tombstone } from '@/domain/model/types'
import { SERVICE_RECORD_KEYS, type ServiceRecord } from '@/domain/services/types'
import { makeAgenda, makeEntry } from '../fixtures/agenda-builders'
import { META, makeAnswer, makeAssessment, makeCatalog, makeDepartment, makeLargeData, makeOrganisation, makeRound, makeSmallData, makeTombstone } from '../fixtures/backup-builders'

// ---------------------------------------------------------------------------------------------
// Reference: src/domain/exchange/serialise.ts before the answer printer (verbatim)
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
function referenceCreateBackup(data: ExchangeData, meta: BackupMeta): Backup {
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
function referenceCreatePackage(
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
 * The canonical text of a full backup of `data`: the same as `canonicalText(createBackup(data,
 * meta))`, but the records are copied once, not twice (a large backup has 100,000 answers).
 */
function referenceCanonicalBackupText(data: ExchangeData, meta: BackupMeta): string {
  const out: string[] = []
  printJson(referenceCreateBackup(data, meta), '', out)
  out.push('\n')
  return out.join('')
}

/**
 * The canonical text of a file without its checksum (what the checksum covers). `backupVersion`
 * prints a backup as an earlier format wrote it (2: without the strategy tables), to check the
 * checksum of a re-formatted older file.
 */
function referenceCanonicalText(file: ExchangeFile, backupVersion: number = BACKUP_FORMAT_VERSION): string {
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

// ---------------------------------------------------------------------------------------------
// Comparisons
// ---------------------------------------------------------------------------------------------

/** The text, or the kind of error thrown (a file that cannot be printed must still fail). */
function outcome(print: () => string): { text: string } | { error: string } {
  try {
    return { text: print() }
  } catch (e) {
    return { error: e instanceof Error ? e.name : typeof e }
  }
}

/** Asserts that every way of printing `data` gives the reference's text (or fails like it). */
function expectSameText(data: BackupData, meta: BackupMeta = META): void {
  const expected = outcome(() => referenceCanonicalBackupText(data, meta))
  expect(outcome(() => canonicalBackupText(data, meta))).toEqual(expected)
  const file = outcome(() => JSON.stringify(referenceCreateBackup(data, meta)))
  if ('text' in expected && 'text' in file) {
    // the backup object as written, and as read back from the file (what the import re-prints)
    expect(canonicalText(createBackup(data, meta))).toBe(expected.text)
    const parsed = JSON.parse(file.text) as ExchangeFile
    expect(canonicalText(parsed)).toBe(referenceCanonicalText(parsed))
    expect(canonicalText(parsed, 2)).toBe(referenceCanonicalText(parsed, 2))
  }
  // an uncopied snapshot printed as a file (the import's fallback prints what it was given)
  const raw = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, exportedAt: 'x', appVersion: 'a', scoringModelVersion: 's', deviceId: 'd', ...data } as ExchangeFile
  expect(outcome(() => canonicalText(raw))).toEqual(outcome(() => referenceCanonicalText(raw)))
  expect(outcome(() => canonicalText(raw, 2))).toEqual(outcome(() => referenceCanonicalText(raw, 2)))
}

const strategyData = (): BackupData =>
  makeSmallData({
    agendas: [makeAgenda({ entries: [makeEntry({ id: 'e-1', order: 1 }), makeEntry({ id: 'e-2', order: 2, title: 'Eigenes „Projekt“ \\ "A"' })] })],
    catalogs: [makeCatalog()],
    tombstones: [makeTombstone({ id: 'ass-9' })],
  })

describe('canonical text (answers printed straight from the records)', () => {
  it.each([
    ['the small backup', () => makeSmallData()],
    ['a backup with agenda, catalogue and tombstone', strategyData],
    ['an assessment without answers', () => makeSmallData({ assessments: [makeAssessment({ answers: {} })] })],
    ['no assessments', () => makeSmallData({ assessments: [] })],
  ])('is the reference text for %s', (_, data) => {
    expectSameText(data())
  })

  it('is the reference text for a large backup (180 questionnaires, 10,800 answers)', () => {
    expectSameText(makeLargeData(20, 3, 60, 3))
  })

  it('writes the same backup and package objects as the reference', () => {
    const data = strategyData()
    expect(createBackup(data, META)).toStrictEqual(referenceCreateBackup(data, META))
    const scope = { organisation: makeOrganisation(), round: makeRound(), department: makeDepartment(), assessments: [makeAssessment()], catalog: makeCatalog(), tombstones: [makeTombstone()] }
    expect(createPackage('return', scope, META)).toStrictEqual(referenceCreatePackage('return', scope, META))
  })

  it.each<[PackageKind, boolean]>([
    ['package', false],
    ['package', true],
    ['return', false],
    ['return', true],
  ])('is the reference text for a %s file (custom catalogue: %s)', (kind, withCatalog) => {
    const assessments = [
      makeAssessment(),
      makeAssessment({ id: 'ass-2', respondent: 'Sachgebiet „Bürgerbüro“', answers: { 'str-01': makeAnswer('str-01', { comment: 'Zeile 1\nZeile 2\t"zitiert" \\ Ende', vv: { 'dev-b': 2, 'dev-a': 1 } }) } }),
      makeAssessment({ id: 'ass-3', answers: {} }),
    ]
    const file = createPackage(kind, { organisation: makeOrganisation(), round: makeRound(), department: makeDepartment(), assessments, ...(withCatalog ? { catalog: makeCatalog() } : {}) }, META)
    const expected = referenceCanonicalText(file)
    expect(canonicalText(file)).toBe(expected)
    const parsed = JSON.parse(serializeBackup(file)) as ExchangeFile
    expect(canonicalText(parsed)).toBe(expected)
    expect(referenceCanonicalText(parsed)).toBe(expected)
  })

  it.each<[string, unknown]>([
    ['an answer that is null', null],
    ['an answer that is a number', 5],
    ['an answer without a version vector', { ...makeAnswer('str-01'), vv: undefined }],
    ['an answer whose version vector is null', { ...makeAnswer('str-01'), vv: null }],
  ])('fails like the reference on %s', (_, answer) => {
    const data = makeSmallData({ assessments: [makeAssessment({ answers: { 'str-01': answer as Answer } })] })
    const expected = outcome(() => referenceCanonicalBackupText(data, META))
    expect(expected).toEqual({ error: 'TypeError' })
    expect(outcome(() => canonicalBackupText(data, META))).toEqual(expected)
  })
})

// ---------------------------------------------------------------------------------------------
// Random backups with odd content
// ---------------------------------------------------------------------------------------------

const ODD_UNITS = ['"', '\\', '/', '\u0000', '\u0008', '\u001f', '\n', '\r', '\t', '\u007f', '\u2028', '\u2029', '\ud800', '\udbff', '\udc00', '\udfff', '😀', 'ä', 'ß', '\ufeff', 'a', 'Z', '0', '9', '-', '_', ' ']
const oddString = fc.string({ unit: fc.oneof(fc.constantFrom(...ODD_UNITS), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 12 })
const oddKey = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('str-01', 'str-02', 'str-10', 'a', 'b.1', 'Z', 'é') },
  { weight: 2, arbitrary: oddString },
  { weight: 1, arbitrary: fc.constantFrom('', '0', '1', '10', '01', '4294967295', '-1', '1.5', '__proto__', 'constructor', 'toString', 'hasOwnProperty') },
)
const oddNumber = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.1, 1e21, 1e-7, -1e21, 2 ** 53, Number.MAX_VALUE, Number.MIN_VALUE, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  fc.integer(),
  fc.double(),
)
const scalar = fc.oneof({ weight: 4, arbitrary: oddString }, { weight: 3, arbitrary: oddNumber }, { weight: 2, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.boolean() })
/** A value a hand-edited file or a damaged record might carry where a scalar belongs. */
const oddValue = fc.oneof(
  { weight: 12, arbitrary: scalar },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.dictionary(oddKey, scalar, { maxKeys: 2 }) },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 2 }) },
  { weight: 1, arbitrary: fc.dictionary(oddKey, fc.dictionary(oddKey, scalar, { maxKeys: 2 }), { maxKeys: 1 }) },
)
/** Objects with own properties in the given order (also `__proto__`, as JSON.parse makes them). */
const record = <T>(entries: [string, T][]): Record<string, T> => Object.fromEntries(entries) as Record<string, T>
const vector = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.tuple(oddKey, fc.oneof({ weight: 5, arbitrary: fc.nat() }, { weight: 1, arbitrary: oddValue })), { maxLength: 4 }).map(record) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>({}, [], [1, 2], 'vv', 7) },
)
const ANSWER_FIELDS = ['itemId', 'state', 'ist', 'bedarf', 'potenzial', 'target', 'comment', 'updatedAt', 'updatedBy', 'deviceId', 'rev'] as const
const answer = fc
  .record({
    fields: fc.tuple(...ANSWER_FIELDS.map(() => fc.oneof({ weight: 8, arbitrary: scalar }, { weight: 1, arbitrary: oddValue }))),
    vv: vector,
    extra: fc.option(fc.tuple(oddKey, oddValue), { nil: undefined }),
    shuffled: fc.boolean(),
  })
  .map(({ fields, vv, extra, shuffled }) => {
    const entries: [string, unknown][] = ANSWER_FIELDS.map((k, i) => [k, fields[i]])
    entries.push(['vv', vv])
    if (extra) entries.splice(3, 0, extra)
    // stored answers may carry their fields in any order (older versions, other devices)
    return record(shuffled ? entries.reverse() : entries) as unknown as Answer
  })
const answers = fc.array(fc.tuple(oddKey, answer), { maxLength: 5 }).map(record)
const assessment = fc.record({ respondent: oddString, answers }).map(({ respondent, answers }) => makeAssessment({ respondent, answers }))
const backupData = fc.record({ assessments: fc.array(assessment, { maxLength: 3 }), orgName: oddString }).map(({ assessments, orgName }) =>
  makeSmallData({ organisations: [makeOrganisation({ name: orgName })], assessments }),
)

describe('canonical text of random backups', () => {
  it('is the reference text (or fails like it) for odd strings, numbers, keys and shapes', () => {
    fc.assert(
      fc.property(backupData, (data) => {
        expectSameText(data)
      }),
      { numRuns: 400 },
    )
  })

  it('is the reference text for random package and return files', () => {
    fc.assert(
      fc.property(fc.constantFrom<PackageKind>('package', 'return'), fc.array(assessment, { maxLength: 3 }), (kind, assessments) => {
        const file = outcome(() => JSON.stringify(createPackage(kind, { organisation: makeOrganisation(), round: makeRound(), department: makeDepartment(), assessments }, META)))
        if (!('text' in file)) return
        const parsed = JSON.parse(file.text) as ExchangeFile
        expect(canonicalText(parsed)).toBe(referenceCanonicalText(parsed))
      }),
      { numRuns: 200 },
    )
  })
})
