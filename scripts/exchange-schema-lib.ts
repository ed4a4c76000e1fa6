/**
 * Generates the JSON Schemas (draft 2020-12) of the exchange files from the zod validators in
 * src/domain/exchange/schema.ts: `docs/schema/backup.schema.json` (full backup, format 2) and
 * `docs/schema/package.schema.json` (department package and return, format 1).
 *
 * The validators are the source of truth; this module only fills in what the app checks outside
 * zod: the answers (hand-written `checkAnswer`, stated as `answerSchema`), the included catalogues
 * (`catalogSchema`) and the few `z.custom` building blocks (timestamps, dates, levels), which
 * become shared `$defs`. A custom check this module does not know makes generation fail, so a new
 * rule cannot silently turn into "anything goes".
 *
 * Used by scripts/exchange-schema.ts (`npm run schema`, writes the files) and by
 * tests/unit/exchange-schema.test.ts (regenerates in memory; the committed files must be identical).
 */
import { z } from 'zod'
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_LIMITS, PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION } from '../src/domain/exchange/formats'
import {
  ISO_DATETIME_RE,
  ISO_DATE_RE,
  answerSchema,
  assessmentShellSchema,
  backupShellSchema,
  departmentSchema,
  organisationSchema,
  packageScopeSchema,
  packageShellSchema,
  roundSchema,
  tombstoneSchema,
} from '../src/domain/exchange/schema'
import { catalogSchema } from '../src/domain/catalog/catalog-schema'

type Json = Record<string, unknown>

/** Output file names (in docs/schema/) and their `$id`. */
export const SCHEMA_FILES = {
  backup: 'backup.schema.json',
  package: 'package.schema.json',
} as const

const SCHEMA_IDS = {
  backup: `urn:digitalisierungs-check:schema:backup:${BACKUP_FORMAT_VERSION}`,
  package: `urn:digitalisierungs-check:schema:package:${PACKAGE_FORMAT_VERSION}`,
} as const

// -------------------------------------------------------------------------------------------------
// Named definitions ($defs). Registered once per process (module scope) in zod's global registry,
// which is where `.meta()` in exchange/schema.ts put the answer rules too.
// -------------------------------------------------------------------------------------------------

const answerDef = answerSchema.meta({ id: 'answer', title: 'Answer (Antwort)' })

const answersMap = z.record(answerSchema.shape.itemId, answerDef).meta({
  description: `Answers keyed by item id; each key equals the answer's itemId. At most ${BACKUP_LIMITS.maxAnswersPerAssessment} per questionnaire. Every key must be an item of the round's catalogue version.`,
  maxProperties: BACKUP_LIMITS.maxAnswersPerAssessment,
})

const organisationDef = organisationSchema.meta({
  id: 'organisation',
  title: 'Organisation (Kommune)',
  description: 'The municipality: Gemeinde, Stadt or Kreis.',
})
const departmentDef = departmentSchema.meta({
  id: 'department',
  title: 'Department (Fachbereich)',
  description: "A department of the organisation. kind 'central' = Querschnitt (IT, Hauptamt, Personal …), 'specialist' = Fachamt.",
})
const roundDef = roundSchema.meta({
  id: 'round',
  title: 'Round (Erhebungsrunde)',
  description: 'One assessment round; pins one catalogue id and version.',
})
const assessmentDef = assessmentShellSchema.extend({ answers: answersMap }).meta({
  id: 'assessment',
  title: 'Questionnaire (Fragebogen)',
  description: "One round × one department × one respondent. role 'consensus' = the values agreed in a workshop (at most one per department and round). Header provenance (updatedAt … rev) belongs to respondent, role and status; activityAt is the last change of anything, answers included.",
})
const tombstoneDef = tombstoneSchema.meta({
  id: 'tombstone',
  title: 'Tombstone (Löschvermerk)',
  description: 'Left behind by a deletion, so that merging an older file cannot bring the record back.',
})
const catalogDef = catalogSchema.meta({
  id: 'catalog',
  title: 'Catalogue (Fragenkatalog)',
  description: 'A custom catalogue (built-in catalogues ship with the app and may not be included). Cross-references (unique ids, dimensions, triggers, dependencies) are checked as well.',
})
const scopeDef = packageScopeSchema.meta({
  id: 'scope',
  title: 'Package scope',
  description: 'What a package or return is about: exactly one organisation, round and department, and the questionnaires it carries.',
})

/** The parts every exchange file has, as the documentation states them (answers and catalogues included). */
const documentedTables = {
  organisations: z.array(organisationDef).max(BACKUP_LIMITS.maxRecordsPerTable),
  departments: z.array(departmentDef).max(BACKUP_LIMITS.maxRecordsPerTable),
  rounds: z.array(roundDef).max(BACKUP_LIMITS.maxRecordsPerTable),
  assessments: z.array(assessmentDef).max(BACKUP_LIMITS.maxRecordsPerTable),
  catalogs: z.array(catalogDef).max(BACKUP_LIMITS.maxCatalogs),
  tombstones: z.array(tombstoneDef).max(BACKUP_LIMITS.maxRecordsPerTable),
}

/** In format 2 / package format 1 the checksum is required (it is optional in the shell only for upgraded format-1 files). */
const documentedBackup = backupShellSchema.extend({ ...documentedTables, checksum: backupShellSchema.shape.checksum.unwrap() })
const documentedPackage = packageShellSchema.extend({ ...documentedTables, scope: scopeDef, checksum: packageShellSchema.shape.checksum.unwrap() })

// -------------------------------------------------------------------------------------------------
// The z.custom building blocks of exchange/schema.ts
// -------------------------------------------------------------------------------------------------

const CUSTOM_DEFS: Record<string, Json> = {
  isoDateTime: {
    type: 'string',
    pattern: ISO_DATETIME_RE.source,
    description: 'ISO 8601 timestamp with time zone (Z or ±hh:mm), as Date.toISOString() writes it, e.g. 2025-03-01T09:30:00.000Z.',
  },
  isoDate: { type: 'string', pattern: ISO_DATE_RE.source, description: 'Calendar date YYYY-MM-DD.' },
  isoDateOrEmpty: { anyOf: [{ type: 'string', const: '' }, { $ref: '#/$defs/isoDate' }], description: "Calendar date YYYY-MM-DD, or '' when not set." },
  level: { type: 'integer', minimum: 0, maximum: 4, description: 'Maturity level 0–4.' },
}

/** Maps a `z.custom` of exchange/schema.ts (tagged with `params.kind`) to a reference into CUSTOM_DEFS. */
function customToJson(ctx: { zodSchema: z.core.$ZodTypes; path: (string | number)[] }): Json {
  const def = ctx.zodSchema._zod.def
  const kind: unknown = def.type === 'custom' ? (def as z.core.$ZodCustomDef).params?.kind : undefined
  const where = ctx.path.join('.') || '(root)'
  if (kind === 'isoDateTime' || kind === 'level') return { $ref: `#/$defs/${kind}` }
  if (kind === 'isoDate') {
    // Both a required date and "date or ''" are tagged 'isoDate': the check itself tells them apart.
    const allowsEmpty = z.safeParse(ctx.zodSchema, '').success
    return { $ref: allowsEmpty ? '#/$defs/isoDateOrEmpty' : '#/$defs/isoDate' }
  }
  throw new Error(`exchange-schema: no JSON Schema for ${def.type} ${JSON.stringify(kind ?? null)} at ${where}; add it to CUSTOM_DEFS`)
}

// -------------------------------------------------------------------------------------------------
// Descriptions of fields (zod holds types and limits; the meaning is written here)
// -------------------------------------------------------------------------------------------------

const HEADER_FIELDS: Record<string, string> = {
  format: 'Format marker: which kind of exchange file this is.',
  formatVersion: 'Version of the file format.',
  kind: "'package' = Fragebogen-Paket sent out to a department; 'return' = Rücksendung, the answers sent back.",
  scope: 'What the package is about.',
  exportedAt: 'When the file was written.',
  appVersion: 'Version of the app that wrote the file.',
  scoringModelVersion: 'Version of the scoring model of that app (see docs/scoring.md).',
  deviceId: 'Random id of the browser profile that wrote the file.',
  organisations: 'Kommunen.',
  departments: 'Fachbereiche.',
  rounds: 'Erhebungsrunden.',
  assessments: 'Questionnaires (Fragebögen) with their answers.',
  catalogs: 'Custom catalogues the rounds use (built-in catalogues are never included).',
  tombstones: 'Deletions, so that a merge elsewhere deletes the records too and never revives them.',
  checksum: "sha256:<64 hex digits> over the file's canonical text without this field. Detects changes and damage; it is not a signature.",
}

/** Provenance, the same on every record (see Provenance in src/domain/model/types.ts). */
const PROVENANCE: Record<string, string> = {
  createdAt: 'When the record was created.',
  updatedAt: 'Provenance: time of the last change.',
  updatedBy: "Provenance: name or role of whoever made the last change ('' = not given).",
  deviceId: "Provenance: random id of the browser profile that made the last change ('' in data upgraded from backup format 1).",
  rev: 'Provenance: how many changes this record has had (0 in data upgraded from backup format 1).',
}
const RECORD: Record<string, string> = { id: 'Random id, unique in its table.', orgId: 'Id of the organisation the record belongs to.' }

/** Field descriptions per definition. */
const DEF_FIELDS: Record<string, Record<string, string>> = {
  organisation: {
    ...RECORD,
    type: 'Gemeinde, Stadt or Kreis.',
    bundesland: 'Federal state (two-letter code).',
    inhabitants: 'Number of inhabitants (null = not given).',
    staff: 'Number of staff (null = not given).',
    ...PROVENANCE,
  },
  department: {
    ...RECORD,
    code: "Short code, e.g. 'FB 2' ('' = none).",
    parentUnit: "Parent unit (Dezernat / Geschäftsbereich), free text ('' = none).",
    head: "Head of the department ('' = not given).",
    staff: 'Number of staff (null = not given).',
    kind: "'central' = Querschnitt, 'specialist' = Fachamt.",
    ...PROVENANCE,
  },
  round: {
    ...RECORD,
    startDate: 'First day of the round.',
    endDate: "Last day of the round ('' = open).",
    catalogId: 'Pinned catalogue id.',
    catalogVersion: 'Pinned catalogue version; a later version never reinterprets old answers.',
    dimensionTargets: 'Target level per dimension id for this round (overrides the catalogue default).',
    ...PROVENANCE,
  },
  assessment: {
    ...RECORD,
    roundId: 'Id of the round.',
    departmentId: 'Id of the department.',
    respondent: "Name or role of the respondent ('' = anonymous).",
    role: "'respondent' = one person's questionnaire; 'consensus' = agreed in a workshop.",
    status: 'Progress of the questionnaire.',
    ...PROVENANCE,
    activityAt: 'Last change of anything in the questionnaire, answers included.',
    submittedAt: 'When the questionnaire was submitted (null = not submitted).',
  },
  answer: {
    itemId: 'Id of the catalogue item; equals the key the answer is stored under.',
    state: "'level' = an Ist level (or still open), 'na' = nicht zutreffend (left out of every score), 'unknown' = weiß nicht (counts as unanswered). Never stored as 0.",
    ist: "Ist level (current state), only with state 'level'; null = not answered yet.",
    bedarf: 'Bedarf (need), null = not given.',
    potenzial: 'Potenzial (potential), null = not given.',
    target: "Target level set by the respondent, null = use the round's target.",
    comment: "Free-text comment ('' = none).",
    updatedAt: 'Provenance: time of the last change of this answer.',
    updatedBy: "Provenance: name or role of whoever made the last change ('' = not given).",
    deviceId: "Provenance: browser profile that made the last change ('' in answers upgraded from backup format 1).",
    rev: 'Provenance: number of changes of this answer over all devices (0 in answers upgraded from backup format 1).',
  },
  tombstone: {
    id: 'Id of the deleted record.',
    kind: 'Which table the deleted record was in.',
    orgId: 'Organisation the deleted record belonged to.',
    deletedAt: 'When it was deleted.',
    deletedBy: "Who deleted it ('' = not given).",
    deviceId: 'Browser profile on which it was deleted.',
  },
  scope: {
    orgId: 'The one organisation in the file.',
    roundId: 'The one round in the file.',
    departmentId: 'The one department in the file.',
    assessmentIds: 'The questionnaires the file carries (exactly those in assessments).',
  },
}

const withDescription = (schema: unknown, description: string): unknown =>
  typeof schema === 'object' && schema !== null && !('description' in schema) ? { description, ...schema } : schema

function describeProperties(schema: Json, descriptions: Record<string, string>): void {
  const props = schema.properties as Record<string, unknown> | undefined
  if (!props) return
  for (const [key, text] of Object.entries(descriptions)) if (key in props) props[key] = withDescription(props[key], text)
}

// -------------------------------------------------------------------------------------------------
// Generation
// -------------------------------------------------------------------------------------------------

function toJsonSchema(schema: z.ZodType, meta: { $id: string; title: string; description: string }): Json {
  const generated = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    // Files are input: unknown keys are allowed (the app ignores them with a warning).
    io: 'input',
    unrepresentable: customToJson,
  }) as Json
  const { $schema, $defs, ...rest } = generated
  describeProperties(rest, HEADER_FIELDS)
  const defs: Record<string, Json> = { ...($defs as Record<string, Json>), ...CUSTOM_DEFS }
  for (const [name, def] of Object.entries(defs)) describeProperties(def, DEF_FIELDS[name] ?? {})
  const sortedDefs = Object.fromEntries(Object.keys(defs).sort().map((k) => [k, defs[k]]))
  return { $schema, $id: meta.$id, title: meta.title, description: meta.description, ...rest, $defs: sortedDefs }
}

/** Pretty JSON with a final newline, as the files are written. */
export function schemaText(schema: Json): string {
  return `${JSON.stringify(schema, null, 2)}\n`
}

/** The schema objects, keyed by file name. */
export function generateExchangeSchemas(): Record<string, Json> {
  return {
    [SCHEMA_FILES.backup]: toJsonSchema(documentedBackup, {
      $id: SCHEMA_IDS.backup,
      title: `Digitalisierungs-Check: Datensicherung (full backup), format ${BACKUP_FORMAT_VERSION}`,
      description: `A full backup of everything one browser stores ("${BACKUP_FORMAT}", formatVersion ${BACKUP_FORMAT_VERSION}). Generated from the app's validators by scripts/exchange-schema.ts; see docs/exchange.md. The app additionally checks the checksum, unique ids, references between tables, that every answered item exists in the round's catalogue version, and that no built-in catalogue is included. Format-1 backups (no provenance, no checksum) are still read and upgraded on import.`,
    }),
    [SCHEMA_FILES.package]: toJsonSchema(documentedPackage, {
      $id: SCHEMA_IDS.package,
      title: `Digitalisierungs-Check: Fragebogen-Paket / Rücksendung (department package / return), format ${PACKAGE_FORMAT_VERSION}`,
      description: `A department package sent out to respondents (kind 'package') or the answers sent back (kind 'return') ("${PACKAGE_FORMAT}", formatVersion ${PACKAGE_FORMAT_VERSION}). Exactly one organisation, round and department; only the questionnaires named in scope.assessmentIds. Generated from the app's validators by scripts/exchange-schema.ts; see docs/exchange.md. The app additionally checks the checksum, the scope, references, catalogue items and built-in catalogue ids.`,
    }),
  }
}

/** The file texts, keyed by file name (what `npm run schema` writes to docs/schema/). */
export function generateExchangeSchemaFiles(): Record<string, string> {
  return Object.fromEntries(Object.entries(generateExchangeSchemas()).map(([name, schema]) => [name, schemaText(schema)]))
}
