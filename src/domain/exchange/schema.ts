/**
 * Shape of the exchange files — full backup (`digitalisierungs-check/backup`, format version 3;
 * versions 1 and 2 are still read) and department package / return (`digitalisierungs-check/package`,
 * format version 1) — and the limits they are checked against. All three share these records; only
 * the backup carries the Digitale Agenda (agendas, agendaEvents) and the Leistungsinventar (services),
 * whose rules beyond their shape are the domain's (`validateAgenda`, `checkService`, see parse.ts).
 *
 * The outer structure (organisations, departments, rounds, assessments) is checked with zod;
 * included catalogues by `validateCatalog` from catalog/catalog-schema.ts. Answers are checked by the hand-written `checkAnswer` below: a large backup carries about
 * 100,000 of them and a plain loop is several times faster than a zod object per answer, while the
 * rules stay the same.
 *
 * Every schema strips unknown keys: they are never stored. Prototype-polluting keys (`__proto__`,
 * `constructor`, `prototype`) are rejected before any schema runs (see `scanJsonTree`).
 */
import { daysInMonth, isCalendarDate } from '@/domain/model/dates'
import { z } from 'zod'
import { AGENDA_ENTRY_KINDS, AGENDA_STATUSES, type Agenda, type AgendaEntry, type EntryTombstone, type StatusEvent } from '@/domain/agenda/types'
import { isAgendaPeriod } from '@/domain/agenda/periods'
import { copyAnswer, isFiveStepLevel, isLevel } from '@/domain/model/answers'
import { isCriterionRating } from '@/domain/services/maturity'
import { FORM_TYPES, SERVICE_CHANNELS, SERVICE_LIMITS, type CriterionRating, type ServiceRecord } from '@/domain/services/types'
import { isPlainRecord } from '@/domain/model/stored-guard'
import {
  ANSWER_KEYS,
  ANSWER_STATES,
  ASSESSMENT_ROLES,
  ASSESSMENT_STATUSES,
  BUNDESLAENDER,
  DEPARTMENT_KINDS,
  ORGANISATION_TYPES,
  RECORD_KINDS,
  type Answer,
  type AnswerState,
  type Department,
  type Level,
  type Organisation,
  type Round,
  type Tombstone,
  type VersionVector,
} from '@/domain/model/types'
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_LIMITS, PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION, PACKAGE_KINDS } from './formats'

/** Keys that could change an object's prototype when copied naively; never allowed anywhere. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype'])
/** `FORBIDDEN_KEYS.has(key)` as plain comparisons (the quick tree walk asks it for every key). */
const isForbiddenKey = (key: string): boolean => key === '__proto__' || key === 'constructor' || key === 'prototype'

/** ISO 8601 timestamp with mandatory time zone (`Z` or ±hh:mm), as `Date.toISOString()` writes. */
export const ISO_DATETIME_RE =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/
/** ISO date shape YYYY-MM-DD (the calendar check is isCalendarDate). */
export const ISO_DATE_RE = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/

/** Tags on custom zod issues so they map to specific error codes. */
export type CustomIssueKind = 'level' | 'fiveStepLevel' | 'isoDateTime' | 'isoDate' | 'answersMap' | 'agendaPeriod' | 'criterionRating' | 'versionVector'

export { isPlainRecord }

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

const id = z.string().min(1).max(BACKUP_LIMITS.idMax)
const name = z.string().min(1).max(BACKUP_LIMITS.nameMax)
const optionalName = z.string().max(BACKUP_LIMITS.nameMax)
const shortText = z.string().max(BACKUP_LIMITS.shortTextMax)
/** An ISO timestamp whose date part exists in the calendar (no 2025-02-31T…). */
export function isIsoDateTime(v: unknown): v is string {
  if (typeof v !== 'string' || !ISO_DATETIME_RE.test(v)) return false
  // The pattern fixed the digits of YYYY-MM-DD, month 01–12 and day 01–31: only the month's
  // length is left to check (as isCalendarDate does, without its second pattern and copies).
  const digit = (i: number) => v.charCodeAt(i) - 48
  const year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)
  return digit(8) * 10 + digit(9) <= daysInMonth(year, digit(5) * 10 + digit(6))
}
const isoDateTime = z.custom<string>(isIsoDateTime, { params: { kind: 'isoDateTime' } })
const isoDate = z.custom<string>((v) => isCalendarDate(v), { params: { kind: 'isoDate' } })
const isoDateOrEmpty = z.custom<string>((v) => v === '' || isCalendarDate(v), { params: { kind: 'isoDate' } })
const level = z.custom<Level>(isLevel, { params: { kind: 'level' } })
const fiveStepLevel = z.custom<Level>(isFiveStepLevel, { params: { kind: 'fiveStepLevel' } })
const count = (max: number) => z.number().int().min(0).max(max).nullable()
/** Provenance of a record ('' device id only in data upgraded from format 1). */
const provenance = {
  updatedAt: isoDateTime,
  updatedBy: optionalName,
  deviceId: z.string().max(BACKUP_LIMITS.idMax),
  rev: z.number().int().min(0).max(BACKUP_LIMITS.revMax),
}

// ---------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------

export const organisationSchema = z.object({
  id,
  name,
  type: z.enum(ORGANISATION_TYPES),
  bundesland: z.enum(BUNDESLAENDER),
  inhabitants: count(BACKUP_LIMITS.inhabitantsMax),
  staff: count(BACKUP_LIMITS.staffMax),
  createdAt: isoDateTime,
  ...provenance,
}) satisfies z.ZodType<Organisation>

export const departmentSchema = z.object({
  id,
  orgId: id,
  name,
  code: shortText,
  parentUnit: optionalName,
  head: optionalName,
  staff: count(BACKUP_LIMITS.staffMax),
  kind: z.enum(DEPARTMENT_KINDS),
  createdAt: isoDateTime,
  ...provenance,
}) satisfies z.ZodType<Department>

export const roundSchema = z.object({
  id,
  orgId: id,
  name,
  startDate: isoDate,
  endDate: isoDateOrEmpty,
  catalogId: id,
  catalogVersion: z.string().min(1).max(BACKUP_LIMITS.shortTextMax),
  dimensionTargets: z.record(id, level),
  createdAt: isoDateTime,
  ...provenance,
}) satisfies z.ZodType<Round>

/**
 * Assessment without its answers: `answers` only has to be an object here; `checkAnswers` checks
 * each entry (fast path) and builds the stripped copy.
 */
export const assessmentShellSchema = z.object({
  id,
  orgId: id,
  roundId: id,
  departmentId: id,
  respondent: optionalName,
  role: z.enum(ASSESSMENT_ROLES),
  status: z.enum(ASSESSMENT_STATUSES),
  answers: z.custom<Record<string, unknown>>(isPlainRecord, { params: { kind: 'answersMap' } }),
  createdAt: isoDateTime,
  ...provenance,
  activityAt: isoDateTime,
  submittedAt: isoDateTime.nullable(),
})

export const tombstoneSchema = z.object({
  id,
  kind: z.enum(RECORD_KINDS),
  orgId: id,
  deletedAt: isoDateTime,
  deletedBy: optionalName,
  deviceId: z.string().max(BACKUP_LIMITS.idMax),
}) satisfies z.ZodType<Tombstone>

// ---------------------------------------------------------------------------------------------
// Digitale Agenda and Leistungsinventar (full backups from format 3 on)
// ---------------------------------------------------------------------------------------------

/** Planned start or end of an agenda entry: an ISO month `YYYY-MM` or date `YYYY-MM-DD`. */
const agendaPeriod = z.custom<string>(isAgendaPeriod, { params: { kind: 'agendaPeriod' } })
const year = z.number().int().min(1000).max(9999)
const rev = z.number().int().min(0).max(BACKUP_LIMITS.revMax)

/** Device id → number of changes (whole number ≥ 1), at most `maxVectorEntries` devices (as `isVersionVector`). */
const versionVector = z
  .record(id, z.number().int().min(1).max(BACKUP_LIMITS.revMax))
  .refine((vv) => Object.keys(vv).length <= BACKUP_LIMITS.maxVectorEntries, { params: { kind: 'versionVector' } })
  .meta({ description: 'Version vector: device id → number of changes that device made (whole number ≥ 1).', maxProperties: BACKUP_LIMITS.maxVectorEntries })

export const agendaEntrySchema = z.object({
  id,
  measureId: id.nullable(),
  title: optionalName,
  kind: z.enum(AGENDA_ENTRY_KINDS),
  handlungsfeldId: id.nullable(),
  ownerDepartmentId: id.nullable(),
  start: agendaPeriod.nullable(),
  end: agendaPeriod.nullable(),
  budgetEstimate: z.number().int().min(0).max(BACKUP_LIMITS.budgetMax).nullable(),
  status: z.enum(AGENDA_STATUSES),
  note: z.string().max(BACKUP_LIMITS.commentMax),
  order: z.number(),
  createdAt: isoDateTime,
  ...provenance,
  vv: versionVector,
}) satisfies z.ZodType<AgendaEntry>

export const entryTombstoneSchema = z.object({
  id,
  deletedAt: isoDateTime,
  deletedBy: optionalName,
  deviceId: z.string().max(BACKUP_LIMITS.idMax),
}) satisfies z.ZodType<EntryTombstone>

const parts = <T extends z.ZodType>(schema: T) => z.array(schema).max(BACKUP_LIMITS.maxAgendaParts)

export const agendaSchema = z.object({
  id,
  orgId: id,
  name,
  version: z.string().min(1).max(BACKUP_LIMITS.shortTextMax),
  horizon: z.object({ startYear: year, years: z.number().int().min(1) }),
  phases: parts(z.object({ id, name: optionalName, startYear: year, endYear: year })),
  handlungsfelder: parts(z.object({ id, title: name })),
  source: z.object({ roundId: id, catalogId: id, catalogVersion: z.string().min(1).max(BACKUP_LIMITS.shortTextMax) }).nullable(),
  entries: z.array(agendaEntrySchema).max(BACKUP_LIMITS.maxEntriesPerAgenda),
  removedEntries: z.array(entryTombstoneSchema).max(BACKUP_LIMITS.maxEntriesPerAgenda),
  createdAt: isoDateTime,
  ...provenance,
}) satisfies z.ZodType<Agenda>

export const statusEventSchema = z.object({
  id,
  agendaId: id,
  entryId: id,
  from: z.enum(AGENDA_STATUSES),
  to: z.enum(AGENDA_STATUSES),
  at: isoDateTime,
  by: optionalName,
  deviceId: z.string().max(BACKUP_LIMITS.idMax),
  rev,
  note: z.string().max(BACKUP_LIMITS.commentMax),
}) satisfies z.ZodType<StatusEvent>

const criterionRating = z.custom<CriterionRating>(isCriterionRating, { params: { kind: 'criterionRating' } })

export const serviceSchema = z.object({
  id,
  orgId: id,
  name: z.string().min(1).max(SERVICE_LIMITS.nameMax),
  leikaKey: z.string().max(BACKUP_LIMITS.shortTextMax).optional(),
  departmentId: id.optional(),
  channels: z.array(z.enum(SERVICE_CHANNELS)).max(SERVICE_CHANNELS.length),
  onlineSince: isoDate.optional(),
  casesPerYear: z.number().int().min(0).max(SERVICE_LIMITS.casesMax).optional(),
  onlinePayment: z.boolean(),
  formType: z.enum(FORM_TYPES),
  maturity: z.object({
    model: z.string().min(1).max(BACKUP_LIMITS.shortTextMax),
    ratings: z.record(id, criterionRating).refine((r) => Object.keys(r).length <= BACKUP_LIMITS.maxRatings).meta({ maxProperties: BACKUP_LIMITS.maxRatings }),
  }),
  note: z.string().max(SERVICE_LIMITS.noteMax).optional(),
  starterId: id.optional(),
  createdAt: isoDateTime,
  ...provenance,
}) satisfies z.ZodType<ServiceRecord>

const table = <T extends z.ZodType>(schema: T) => z.array(schema).max(BACKUP_LIMITS.maxRecordsPerTable)

/** The header and tables every exchange file has (after format-1 files were upgraded). */
const exchangeShell = {
  exportedAt: isoDateTime,
  appVersion: z.string().min(1).max(BACKUP_LIMITS.shortTextMax),
  scoringModelVersion: z.string().min(1).max(BACKUP_LIMITS.shortTextMax),
  /** Device that wrote the file ('' in files upgraded from format 1). */
  deviceId: z.string().max(BACKUP_LIMITS.idMax),
  organisations: table(organisationSchema),
  departments: table(departmentSchema),
  rounds: table(roundSchema),
  assessments: table(assessmentShellSchema),
  /** Each entry is checked by `validateCatalog` (catalog/catalog-schema.ts), the rules every catalogue obeys. */
  catalogs: z.array(z.unknown()).max(BACKUP_LIMITS.maxCatalogs),
  tombstones: table(tombstoneSchema),
}

/** `sha256:<hex>` of the file's canonical text without this field (see exchange/checksum.ts); always last. */
const checksum = z.string().regex(/^sha256:[0-9a-f]{64}$/).optional()

/** Everything after the header checks (format, formatVersion) passed; older backups were upgraded to it. */
export const backupShellSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  ...exchangeShell,
  agendas: table(agendaSchema),
  agendaEvents: table(statusEventSchema),
  services: table(serviceSchema),
  checksum,
})

/** What a department package or return file is about. */
export const packageScopeSchema = z.object({
  orgId: id,
  roundId: id,
  departmentId: id,
  /** The questionnaires it carries (one respondent, or all of the department). */
  assessmentIds: z.array(id).min(1).max(BACKUP_LIMITS.maxRecordsPerTable),
})

export const packageShellSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.literal(PACKAGE_FORMAT_VERSION),
  kind: z.enum(PACKAGE_KINDS),
  scope: packageScopeSchema,
  ...exchangeShell,
  checksum,
})

/** Record schemas whose declared keys are compared against the file to report ignored keys. */
export const RECORD_KEYS = {
  organisations: Object.keys(organisationSchema.shape),
  departments: Object.keys(departmentSchema.shape),
  rounds: Object.keys(roundSchema.shape),
  assessments: Object.keys(assessmentShellSchema.shape),
  agendas: Object.keys(agendaSchema.shape),
  agendaEvents: Object.keys(statusEventSchema.shape),
  services: Object.keys(serviceSchema.shape),
} as const

export const TOP_LEVEL_KEYS: readonly string[] = Object.keys(backupShellSchema.shape)
export const PACKAGE_TOP_LEVEL_KEYS: readonly string[] = Object.keys(packageShellSchema.shape)

// ---------------------------------------------------------------------------------------------
// Fast answer checker
// ---------------------------------------------------------------------------------------------

/** One problem found in an answer; `path` is relative to the answer. */
export interface AnswerIssue {
  kind:
    | 'notAnObject'
    | 'missing'
    | 'invalidType'
    | 'invalidLevel'
    | 'invalidFiveStepLevel'
    | 'invalidEnum'
    | 'tooLong'
    | 'invalidDateTime'
    | 'stateMismatch'
    | 'outOfRange'
    | 'invalidVector'
  field?: (typeof ANSWER_KEYS)[number]
  expected?: string
  max?: number
  allowed?: readonly string[]
}

function checkNullableLevel(
  raw: Record<string, unknown>,
  field: 'ist' | 'bedarf' | 'potenzial' | 'target',
  issues: AnswerIssue[],
): void {
  if (!(field in raw)) issues.push({ kind: 'missing', field })
  else {
    const v = raw[field]
    const ok = field === 'ist' || field === 'target' ? isLevel(v) : isFiveStepLevel(v)
    if (v !== null && !ok) issues.push({ kind: field === 'ist' || field === 'target' ? 'invalidLevel' : 'invalidFiveStepLevel', field })
  }
}

/**
 * Checks one raw answer with the same rules a zod schema would state, plus the state rule from
 * model/types.ts: `ist` is a level exactly when state is 'level' (n/a and "weiß nicht" are never 0).
 * Returns a stripped copy (only declared keys, see `copyAnswer`) or the issues.
 */
export function checkAnswer(
  raw: unknown,
): { ok: true; answer: Answer } | { ok: false; issues: AnswerIssue[] } {
  const issues = answerIssues(raw)
  if (issues.length > 0) return { ok: false, issues }
  // Every field was checked: a copy with exactly the declared fields (unknown keys stripped).
  return { ok: true, answer: copyAnswer(raw as unknown as Answer) }
}

/**
 * What `checkAnswer` finds wrong with an answer; empty when it is valid (then `raw` is an Answer,
 * possibly with unknown keys, which `copyAnswer` strips).
 */
export function answerIssues(raw: unknown): AnswerIssue[] {
  if (!isPlainRecord(raw)) return [{ kind: 'notAnObject' }]
  const issues: AnswerIssue[] = []
  const { itemId, state, comment, updatedAt } = raw
  if (itemId === undefined) issues.push({ kind: 'missing', field: 'itemId' })
  else if (typeof itemId !== 'string') issues.push({ kind: 'invalidType', field: 'itemId', expected: 'string' })
  else if (itemId.length === 0 || itemId.length > BACKUP_LIMITS.idMax)
    issues.push({ kind: 'tooLong', field: 'itemId', max: BACKUP_LIMITS.idMax })
  if (state === undefined) issues.push({ kind: 'missing', field: 'state' })
  else if (!ANSWER_STATES.includes(state as AnswerState))
    issues.push({ kind: 'invalidEnum', field: 'state', allowed: ANSWER_STATES })
  checkNullableLevel(raw, 'ist', issues)
  checkNullableLevel(raw, 'bedarf', issues)
  checkNullableLevel(raw, 'potenzial', issues)
  checkNullableLevel(raw, 'target', issues)
  if (comment === undefined) issues.push({ kind: 'missing', field: 'comment' })
  else if (typeof comment !== 'string') issues.push({ kind: 'invalidType', field: 'comment', expected: 'string' })
  else if (comment.length > BACKUP_LIMITS.commentMax)
    issues.push({ kind: 'tooLong', field: 'comment', max: BACKUP_LIMITS.commentMax })
  if (updatedAt === undefined) issues.push({ kind: 'missing', field: 'updatedAt' })
  else if (typeof updatedAt !== 'string') issues.push({ kind: 'invalidType', field: 'updatedAt', expected: 'string' })
  else if (!isIsoDateTime(updatedAt)) issues.push({ kind: 'invalidDateTime', field: 'updatedAt' })
  const { updatedBy, deviceId, rev, vv } = raw
  checkString(updatedBy, 'updatedBy', BACKUP_LIMITS.nameMax, issues)
  checkString(deviceId, 'deviceId', BACKUP_LIMITS.idMax, issues)
  if (rev === undefined) issues.push({ kind: 'missing', field: 'rev' })
  else if (typeof rev !== 'number') issues.push({ kind: 'invalidType', field: 'rev', expected: 'int' })
  else if (!Number.isInteger(rev) || rev < 0 || rev > BACKUP_LIMITS.revMax) issues.push({ kind: 'outOfRange', field: 'rev', max: BACKUP_LIMITS.revMax })
  if (vv === undefined) issues.push({ kind: 'missing', field: 'vv' })
  else if (!isPlainRecord(vv)) issues.push({ kind: 'invalidType', field: 'vv', expected: 'object' })
  else if (!isVersionVector(vv)) issues.push({ kind: 'invalidVector', field: 'vv' })
  // 'na' and 'unknown' never carry an Ist level. 'level' without one is valid: the Ist question is
  // still open while Bedarf, Potenzial or a comment were already given (see Answer in model/types.ts).
  if (issues.length === 0 && state !== 'level' && raw.ist !== null) issues.push({ kind: 'stateMismatch', field: 'ist' })
  return issues
}

function checkString(value: unknown, field: 'updatedBy' | 'deviceId', max: number, issues: AnswerIssue[]): void {
  if (value === undefined) issues.push({ kind: 'missing', field })
  else if (typeof value !== 'string') issues.push({ kind: 'invalidType', field, expected: 'string' })
  else if (value.length > max) issues.push({ kind: 'tooLong', field, max })
}

/** Device id → positive whole number of changes; at most `maxVectorEntries` devices. */
export function isVersionVector(value: unknown): value is VersionVector {
  if (!isPlainRecord(value)) return false
  const keys = Object.keys(value)
  if (keys.length > BACKUP_LIMITS.maxVectorEntries) return false
  for (const k of keys) {
    const n = value[k]
    if (k.length === 0 || k.length > BACKUP_LIMITS.idMax || typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > BACKUP_LIMITS.revMax) return false
  }
  return true
}

/** Assessment as parsed by the shell schema, before its answers are checked. */
export type AssessmentShell = z.infer<typeof assessmentShellSchema>

// ---------------------------------------------------------------------------------------------
// Tree scan (prototype-polluting keys, nesting depth)
// ---------------------------------------------------------------------------------------------

export type TreeProblem =
  | { kind: 'forbiddenKey'; key: string; path: (string | number)[] }
  | { kind: 'tooDeep'; path: (string | number)[] }

/**
 * Walks parsed JSON iteratively (no recursion, so hostile nesting cannot overflow the stack) and
 * returns the first forbidden key or over-deep value, or null.
 */
export function scanJsonTree(root: unknown, maxDepth: number = BACKUP_LIMITS.maxDepth): TreeProblem | null {
  // The usual file has no problem: a quick walk that only says whether there is one (no nodes, no
  // key lists) decides; the walk below names the first problem when there is.
  if (typeof root !== 'object' || root === null || !treeMayHaveProblem(root, maxDepth)) return null
  return firstTreeProblem(root, maxDepth)
}

/**
 * True if a forbidden key or an over-deep value may be in the tree: never false when
 * `firstTreeProblem` finds one (it visits the same own keys; `for…in` adds inherited enumerable
 * ones at most, which can only make this answer true more often).
 */
function treeMayHaveProblem(root: object, maxDepth: number): boolean {
  const values: object[] = [root]
  const depths: number[] = [0]
  while (values.length > 0) {
    const value = values.pop()!
    const depth = depths.pop()!
    if (depth >= maxDepth) return true
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const child: unknown = value[i]
        if (typeof child === 'object' && child !== null) {
          values.push(child)
          depths.push(depth + 1)
        }
      }
    } else {
      for (const key in value) {
        if (isForbiddenKey(key)) return true
        const child: unknown = (value as Record<string, unknown>)[key]
        if (typeof child === 'object' && child !== null) {
          values.push(child)
          depths.push(depth + 1)
        }
      }
    }
  }
  return false
}

function firstTreeProblem(root: object, maxDepth: number): TreeProblem | null {
  // Each node links to its parent; a path is only built for the problem found (a 20 MB backup has
  // some 200,000 objects: copying the path for each was most of the scan's time). Same visiting
  // order as a stack of paths, so the same first problem is reported.
  interface Node { value: object; key: string | number; parent: Node | null; depth: number }
  const pathOf = (node: Node | null, last?: string): (string | number)[] => {
    const out: (string | number)[] = last === undefined ? [] : [last]
    for (let n = node; n !== null && n.parent !== null; n = n.parent) out.push(n.key)
    return out.reverse()
  }
  const stack: Node[] = [{ value: root, key: '', parent: null, depth: 0 }]
  while (stack.length > 0) {
    const node = stack.pop()!
    const value = node.value
    if (node.depth >= maxDepth) return { kind: 'tooDeep', path: pathOf(node) }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const child: unknown = value[i]
        if (typeof child === 'object' && child !== null) stack.push({ value: child, key: i, parent: node, depth: node.depth + 1 })
      }
    } else {
      for (const key of Object.keys(value)) {
        if (FORBIDDEN_KEYS.has(key)) return { kind: 'forbiddenKey', key, path: pathOf(node, key) }
        const child: unknown = (value as Record<string, unknown>)[key]
        if (typeof child === 'object' && child !== null) stack.push({ value: child, key, parent: node, depth: node.depth + 1 })
      }
    }
  }
  return null
}

// ---------------------------------------------------------------------------------------------
// Answer schema (documentation only)
// ---------------------------------------------------------------------------------------------

/**
 * The rules of `checkAnswer` stated as a zod schema. Files are never parsed with it (the fast
 * checker above does that); it generates the answer part of docs/schema/*.schema.json
 * (scripts/exchange-schema.ts), and tests/unit/answer-schema.test.ts checks that both accept and
 * reject the same answers. The `.meta` entries carry the two rules JSON Schema cannot take from a
 * refinement: at most `maxVectorEntries` devices, and no Ist level unless state is 'level'.
 */
export const answerSchema = z
  .object({
    itemId: id,
    state: z.enum(ANSWER_STATES),
    ist: level.nullable(),
    bedarf: fiveStepLevel.nullable(),
    potenzial: fiveStepLevel.nullable(),
    target: level.nullable(),
    comment: z.string().max(BACKUP_LIMITS.commentMax),
    ...provenance,
    vv: z
      .record(id, z.number().int().min(1).max(BACKUP_LIMITS.revMax))
      .refine((vv) => Object.keys(vv).length <= BACKUP_LIMITS.maxVectorEntries)
      .meta({
        description: 'Version vector: device id → number of changes that device made to this answer (whole number ≥ 1). Empty in answers upgraded from backup format 1.',
        maxProperties: BACKUP_LIMITS.maxVectorEntries,
      }),
  })
  .refine((a) => a.state === 'level' || a.ist === null, { path: ['ist'] })
  .meta({
    description: "One answer, stored under its item id. 'na' (nicht zutreffend) and 'unknown' (weiß nicht) never carry an Ist level; 'level' with ist null means the Ist question is still open.",
    if: { properties: { state: { enum: ['na', 'unknown'] } }, required: ['state'] },
    then: { properties: { ist: { type: 'null' } } },
  }) satisfies z.ZodType<Answer>
