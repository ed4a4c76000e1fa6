/**
 * Generates the JSON Schemas (draft 2020-12) of the exchange files from the zod validators in
 * src/domain/exchange/schema.ts: `docs/schema/backup.schema.json` (full backup, format 3) and
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
  agendaEntrySchema,
  agendaSchema,
  answerSchema,
  assessmentShellSchema,
  backupShellSchema,
  departmentSchema,
  entryTombstoneSchema,
  organisationSchema,
  packageScopeSchema,
  packageShellSchema,
  roundSchema,
  serviceSchema,
  statusEventSchema,
  tombstoneSchema,
} from '../src/domain/exchange/schema'
import { catalogSchema } from '../src/domain/catalog/catalog-schema'

type Json = Record<string, unknown>

/** Output file names (in docs/schema/) and their `$id`. */
export const SCHEMA_FILES = {
  backup: 'backup.schema.json',
  package: 'package.schema.json',
  catalog: 'catalog.schema.json',
} as const

const SCHEMA_IDS = {
  backup: `urn:digitalisierungs-check:schema:backup:${BACKUP_FORMAT_VERSION}`,
  package: `urn:digitalisierungs-check:schema:package:${PACKAGE_FORMAT_VERSION}`,
  catalog: 'urn:digitalisierungs-check:schema:catalog:1',
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

const agendaEntryDef = agendaEntrySchema.meta({
  id: 'agendaEntry',
  title: 'Agenda entry (Eintrag der Digitalen Agenda)',
  description: 'One line of the agenda: a catalogue measure or the group’s own, with owner, plan, budget and status. Provenance as an answer (version vector vv); the status changes only together with a status event.',
})
const entryTombstoneDef = entryTombstoneSchema.meta({
  id: 'entryTombstone',
  title: 'Removed agenda entry',
  description: 'Left in the agenda when an entry is removed, so that merging an older copy cannot bring it back.',
})
const agendaDef = agendaSchema.extend({ entries: z.array(agendaEntryDef).max(BACKUP_LIMITS.maxEntriesPerAgenda), removedEntries: z.array(entryTombstoneDef).max(BACKUP_LIMITS.maxEntriesPerAgenda) }).meta({
  id: 'agenda',
  title: 'Digitale Agenda',
  description: 'The steering group’s plan built from the recommendations, with its entries embedded. The app also checks the rules of validateAgenda (src/domain/agenda/validate.ts): a horizon of 1–10 years, phases and dates inside it, known Handlungsfelder, unique ids, and a status that agrees with the history.',
})
const statusEventDef = statusEventSchema.meta({
  id: 'statusEvent',
  title: 'Status change (Statusänderung)',
  description: 'One status change of one agenda entry, kept for good (append-only): the Sachstandsbericht is made from them.',
})
const serviceDef = serviceSchema.meta({
  id: 'service',
  title: 'Service (Leistung des Leistungsinventars)',
  description: 'A service of the organisation with channels, form, case numbers and ratings on the OZG maturity model. The app also checks checkService (src/domain/services/values.ts): a LeiKa key has 14 digits, no channel twice.',
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

/** The strategy tables: full backups only (format 3). */
const documentedStrategyTables = {
  agendas: z.array(agendaDef).max(BACKUP_LIMITS.maxRecordsPerTable),
  agendaEvents: z.array(statusEventDef).max(BACKUP_LIMITS.maxRecordsPerTable),
  services: z.array(serviceDef).max(BACKUP_LIMITS.maxRecordsPerTable),
}

/** In backup format 3 / package format 1 the checksum is required (it is optional in the shell only for upgraded format-1 files). */
const documentedBackup = backupShellSchema.extend({ ...documentedTables, ...documentedStrategyTables, checksum: backupShellSchema.shape.checksum.unwrap() })
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
  level: { type: 'integer', minimum: 0, maximum: 7, description: "Level position 0–7 on the item's answer scale (scales have 2–8 levels; the built-in catalogues 0–4)." },
  fiveStepLevel: { type: 'integer', minimum: 0, maximum: 4, description: 'Level 0–4 of the five-step Bedarf and Potenzial scales.' },
  agendaPeriod: {
    type: 'string',
    pattern: '^\\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\\d|3[01]))?$',
    description: 'Planned start or end of an agenda entry: an ISO month YYYY-MM (a month ends on its last day) or a calendar date YYYY-MM-DD.',
  },
  criterionRating: {
    anyOf: [{ type: 'integer', minimum: 0, maximum: 7 }, { type: 'string', const: 'na' }],
    description: "The highest level 0–7 of the OZG maturity model the service meets on a criterion, or 'na' where the criterion allows it (not required for this service).",
  },
}

/** Maps a `z.custom` of exchange/schema.ts (tagged with `params.kind`) to a reference into CUSTOM_DEFS. */
function customToJson(ctx: { zodSchema: z.core.$ZodTypes; path: (string | number)[] }): Json {
  const def = ctx.zodSchema._zod.def
  const kind: unknown = def.type === 'custom' ? (def as z.core.$ZodCustomDef).params?.kind : undefined
  const where = ctx.path.join('.') || '(root)'
  if (kind === 'isoDateTime' || kind === 'level' || kind === 'fiveStepLevel' || kind === 'agendaPeriod' || kind === 'criterionRating') return { $ref: `#/$defs/${kind}` }
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
  agendas: 'Digitale Agenda: the plans of the organisations, entries embedded (full backups only).',
  agendaEvents: 'The status history of every agenda entry, append-only (full backups only).',
  services: 'Leistungsinventar: the services of the organisations (full backups only).',
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
  agenda: {
    ...RECORD,
    name: "The municipality's name for it, e.g. 'Digitale Agenda'.",
    version: "e.g. '1.0'.",
    horizon: 'First calendar year and number of years (1–10).',
    phases: "Phases of the horizon in calendar years (inclusive); name '' = 'Phase n'.",
    handlungsfelder: 'Fields of action the entries are grouped into.',
    source: 'The round and pinned catalogue the measure ids come from (null = none).',
    entries: 'The entries, ascending by order, then id.',
    removedEntries: 'Removed entries, ascending by id.',
    ...PROVENANCE,
    updatedAt: 'Provenance of the header (name, version, horizon, phases, Handlungsfelder, source): time of the last change.',
  },
  agendaEntry: {
    id: 'Random id, unique in its agenda.',
    measureId: "Catalogue measure of the agenda's source catalogue (null = the group's own entry).",
    title: "Own title ('' = the catalogue measure's title; required without measure).",
    kind: "'leitprojekt', 'quick_win', 'pflicht' (legal duty) or 'measure'.",
    handlungsfeldId: 'Handlungsfeld of the agenda (null = none).',
    ownerDepartmentId: 'Responsible department (null = none).',
    start: 'Planned start (null = not planned).',
    end: 'Planned end (null = not planned).',
    budgetEstimate: 'Estimated cost in whole euros (null = none).',
    status: "'planned' (geplant), 'in_progress' (in Umsetzung), 'done' (umgesetzt), 'deferred' (zurückgestellt).",
    note: "Free text ('' = none).",
    order: 'Position in the agenda (ascending; ties by id).',
    ...PROVENANCE,
    rev: 'Provenance: number of changes of this entry over all devices.',
  },
  entryTombstone: { id: 'Id of the removed entry.', deletedAt: 'When it was removed.', deletedBy: "Who removed it ('' = not given).", deviceId: 'Browser profile on which it was removed.' },
  statusEvent: {
    id: 'Random id.',
    agendaId: 'The agenda.',
    entryId: 'The entry (also a removed one: the history is kept).',
    from: 'Status before the change.',
    to: 'Status after the change.',
    at: 'When the status changed.',
    by: "Who changed it ('' = not given).",
    deviceId: 'Browser profile on which it was changed.',
    rev: "The entry's revision after this change.",
    note: "Why ('' = none; required when a done entry is reopened).",
  },
  service: {
    ...RECORD,
    name: 'Name of the service.',
    leikaKey: 'LeiKa-Leistungsschlüssel: exactly 14 digits (absent = none).',
    departmentId: 'Responsible department (absent = none).',
    channels: "How citizens reach it: 'counter', 'post', 'email', 'phone', 'fax', 'online'.",
    onlineSince: 'Since when the service is online (absent = not online or unknown).',
    casesPerYear: 'Cases per year (absent = unknown).',
    onlinePayment: 'Fees can be paid online.',
    formType: "'none', 'pdf', 'html-form' (form server) or 'end-to-end'.",
    maturity: "Ratings per criterion on the maturity model named by 'model' (a missing criterion = not rated yet, never 0).",
    note: 'Free text (absent = none).',
    starterId: 'Entry of the starter list it was created from (absent = none).',
    ...PROVENANCE,
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
  // Only the building blocks this file uses (a package has no agenda periods or ratings).
  const usedText = JSON.stringify([rest, $defs])
  const used = (name: string): boolean => usedText.includes(`"#/$defs/${name}"`) || (name === 'isoDate' && used('isoDateOrEmpty'))
  const customDefs = Object.fromEntries(Object.entries(CUSTOM_DEFS).filter(([name]) => used(name)))
  const defs: Record<string, Json> = { ...($defs as Record<string, Json>), ...customDefs }
  for (const [name, def] of Object.entries(defs)) describeProperties(def, DEF_FIELDS[name] ?? {})
  const sortedDefs = Object.fromEntries(Object.keys(defs).sort().map((k) => [k, defs[k]]))
  return { $schema, $id: meta.$id, title: meta.title, description: meta.description, ...rest, ...(Object.keys(sortedDefs).length > 0 ? { $defs: sortedDefs } : {}) }
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
      description: `A full backup of everything one browser stores ("${BACKUP_FORMAT}", formatVersion ${BACKUP_FORMAT_VERSION}), including the Digitale Agenda and the Leistungsinventar. Generated from the app's validators by scripts/exchange-schema.ts; see docs/exchange.md. The app additionally checks the checksum, unique ids, references between tables, that every answered item exists in the round's catalogue version, that no built-in catalogue is included, and the rules of agendas and services. Format-1 backups (no provenance, no checksum) and format-2 backups (no agenda, no inventory) are still read and upgraded on import.`,
    }),
    // The catalogue on its own (a catalogue file to import): the same validator, as its own file.
    [SCHEMA_FILES.catalog]: toJsonSchema(catalogSchema, {
      $id: SCHEMA_IDS.catalog,
      title: 'Digitalisierungs-Check: Fragenkatalog (catalogue file), format 1',
      description: 'A catalogue file to import ("digitalisierungs-check/catalog", formatVersion 1): the questions, their answer scales, dimensions and optional groups, aggregation rules and measures. Generated from the app\'s validator (src/domain/catalog/catalog-schema.ts) by scripts/exchange-schema.ts; see docs/catalog-format.md. The app additionally checks the cross references: unique ids, every item in a known dimension and on a declared scale with as many level texts as the scale has levels, scale values rising, targets and trigger levels within their scale, groups known and without cycles, texts in the default language.',
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
