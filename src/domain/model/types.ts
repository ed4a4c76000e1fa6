/**
 * Core domain types of the Digitalisierungs-Check.
 *
 * Plain data only: these shapes are what the database stores, what files carry and what the pure
 * functions in `src/domain` compute on. German domain words are kept where English would blur them
 * (see docs/glossary in README): Ist = current level, Bedarf = need, Potenzial = potential,
 * Fachbereich = department, Erhebungsrunde = round, Maßnahme = measure.
 */

/** Languages a catalogue text can be in. */
export const LANGUAGES = ['de', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

/**
 * A text in the catalogue, in one or both languages. The catalogue's `defaultLanguage` (German
 * unless declared) is always there (the validator checks it); `localize` falls back to it.
 */
export interface LocalizedText {
  de?: string
  en?: string
}

/**
 * A level position on an answer scale: 0 = lowest. Ist and target use the item's scale (the
 * catalogue's `scales.ist` or a declared `answerScales` entry, 2–8 levels, so 0–7); Bedarf and
 * Potenzial use their fixed five-step scales (0–4).
 */
export type Level = number
/** The five positions of the built-in 0–4 scales (Bedarf, Potenzial, and Ist of the built-in catalogues). */
export const LEVELS: readonly Level[] = [0, 1, 2, 3, 4]

// ---------------------------------------------------------------------------------------------
// Catalogue (versioned data, validated by src/domain/catalog/catalog-schema.ts when loaded)
// ---------------------------------------------------------------------------------------------

/**
 * Which departments an item is asked of: every department ('all'), only central ones (Querschnitt,
 * 'central'), or once for the whole administration ('organisation', a Fundament item: asked of the
 * central departments, combined into one organisation value, named owner unit in `owner`).
 */
export const APPLICABILITIES = ['all', 'central', 'organisation'] as const
export type Applicability = (typeof APPLICABILITIES)[number]

export interface CatalogSource {
  id: string
  title: string
  url: string
  note?: string
}

export interface CatalogDimension {
  id: string
  title: LocalizedText
  /** Short title for charts, table headers and the stepper (a long model's titles); absent = `title`. */
  shortTitle?: LocalizedText
  description: LocalizedText
  /** Weight of the dimension in the department score (default 1). */
  weight?: number
  /** Default target for the gap analysis when neither answer nor round sets one: a level of the catalogue's default scale (`scales.ist`). */
  defaultTarget: Level
  /** The group this dimension belongs to (`Catalog.groups`); absent = top level. */
  parentId?: string
  /** How the dimension's items combine; absent = weighted mean (the built-in method). */
  aggregation?: AggregationRule
  extensions?: Record<string, unknown>
}

/** How the scores of a node's children combine (see analysis/aggregation.ts). */
export const AGGREGATION_RULES = ['mean', 'sum', 'min'] as const
export type AggregationRule = (typeof AGGREGATION_RULES)[number]

/**
 * A level of hierarchy above the dimensions (OWASP SAMM: business function → practice; the
 * practice's streams are the dimensions). Groups nest through `parentId`.
 */
export interface CatalogGroup {
  id: string
  title: LocalizedText
  shortTitle?: LocalizedText
  description?: LocalizedText
  parentId?: string
  /** How the group's children (groups or dimensions) combine; absent = weighted mean. */
  aggregation?: AggregationRule
  weight?: number
  extensions?: Record<string, unknown>
}

/** A further answer scale a catalogue declares (e.g. yes/no), used by items through `scale`. */
export interface AnswerScale {
  id: string
  levels: ScaleDescription[]
}

export interface CatalogItem {
  id: string
  dimensionId: string
  question: LocalizedText
  help: LocalizedText
  /** The answer scale (`Catalog.answerScales` id); absent = the catalogue's `scales.ist`. */
  scale?: string
  /** One text per level of the item's scale, lowest first. */
  levels: LocalizedText[]
  appliesTo: Applicability
  /** The unit that answers an 'organisation' (Fundament) item for the whole administration. */
  owner?: LocalizedText
  /** Weight inside its dimension (default 1). */
  weight?: number
  /** Overrides the dimension's default target; a level of the item's own scale. */
  defaultTarget?: Level
  /** Ids from `Catalog.sources`. */
  sourceIds?: string[]
  /** The model's own level the item belongs to (DSOMM level 1–5, SAMM maturity level 1–3). */
  stage?: number
  /** Items that should be in place before this one (DSOMM activity dependencies). */
  dependsOn?: string[]
  extensions?: Record<string, unknown>
}

/** Aufwand / Nutzen scale 1–5, documented in the catalogue's `scales`. */
export type Scale5 = 1 | 2 | 3 | 4 | 5

export interface MeasureTrigger {
  itemId: string
  /** The measure is triggered when the (consensus) Ist level is at or below this level (of the item's scale). */
  maxLevel: Level
}

/**
 * Who a legal duty is addressed to: the Kommune as public authority, as Schulträger, as Unternehmer
 * (Betrieb gewerblicher Art, § 2b UStG), or municipal companies (Stadtwerke, Eigenbetriebe: not a duty
 * of the administration assessed, shown as a recommendation with a note).
 */
export const ADDRESSEES = ['kommune', 'schultraeger', 'kommune_unternehmer', 'kommunales_unternehmen'] as const
export type Addressee = (typeof ADDRESSEES)[number]

export interface LegalObligation {
  /** Short name of the law or rule, e.g. "DSGVO" or "EGovG NRW". */
  law: string
  /** Paragraph or article, e.g. "Art. 37 Abs. 1 lit. a" (catalogues from 2.0.0 on). */
  paragraph?: string
  description: LocalizedText
  /** ISO date since when or by when it applies (catalogue 1.0.0; later versions use inForceSince/deadline). */
  date?: string
  addressee?: Addressee
  /** Länder where the duty applies ('all' = federal or EU law). */
  bundeslaender?: 'all' | Bundesland[]
  /** ISO date since when the duty applies. */
  inForceSince?: string
  /** ISO date by which it must be met; null = applies since inForceSince. */
  deadline?: string | null
  /** Ids from `Catalog.sources`. */
  sourceIds?: string[]
}

export interface CatalogMeasure {
  id: string
  title: LocalizedText
  description: LocalizedText
  dimensionIds: string[]
  triggers: MeasureTrigger[]
  effort: Scale5
  impact: Scale5
  /** Ids of measures that must be done (or started) before this one. */
  dependsOn: string[]
  obligation?: LegalObligation
  sourceIds?: string[]
  /** What the Leistungsinventar contributes to this measure (see INVENTORY_FOCUSES); absent = nothing. */
  inventory?: InventoryFocus
  extensions?: Record<string, unknown>
}

/**
 * What the Leistungsinventar (service inventory) contributes to a measure (docs/catalog-2.0.md):
 * - `record`: the measure is about recording and rating services → how many are recorded, how many unrated;
 * - `most_used`: the most used services not yet online first (the ten with the most cases);
 * - `forms`: services not yet online that offer only a PDF or no form;
 * - `payment`: services online (or with an online form) that still lack e-payment (unless they have no fees).
 */
export const INVENTORY_FOCUSES = ['record', 'most_used', 'forms', 'payment'] as const
export type InventoryFocus = (typeof INVENTORY_FOCUSES)[number]

export interface ScaleDescription {
  value: number
  label: LocalizedText
  description?: LocalizedText
}

/** Words of the UI: municipal (Kommune, Fachbereich) or general (organisation, unit) for non-municipal models. */
export const VOCABULARIES = ['kommune', 'organisation'] as const
export type Vocabulary = (typeof VOCABULARIES)[number]

/** Format marker of a catalogue file. */
export const CATALOG_FORMAT = 'digitalisierungs-check/catalog' as const

export interface Catalog {
  /** Format marker so a file can be recognised. */
  format: typeof CATALOG_FORMAT
  formatVersion: 1
  id: string
  /** Semantic version; a round pins id + version. */
  version: string
  /** Language every text is given in; absent = German. */
  defaultLanguage?: Language
  title: LocalizedText
  description: LocalizedText
  publishedAt: string
  license?: string
  authors?: string[]
  sources: CatalogSource[]
  /**
   * The scales: `ist` is the default answer scale (2–8 levels, values rising; the built-in
   * catalogues declare 0–4), the others are the fixed five-step scales of Bedarf, Potenzial,
   * Aufwand and Nutzen. A catalogue without `bedarf` and `potenzial` does not ask them (the
   * questionnaire and workshop leave them out; the prioritisation counts them as missing).
   */
  scales: {
    ist: ScaleDescription[]
    /** Absent = the catalogue asks no Bedarf (an optional layer); so for Potenzial. */
    bedarf?: ScaleDescription[]
    potenzial?: ScaleDescription[]
    /** Texts of the Aufwand and Nutzen steps of measures; optional. */
    effort?: ScaleDescription[]
    impact?: ScaleDescription[]
  }
  /** Further answer scales items can use (`CatalogItem.scale`). */
  answerScales?: AnswerScale[]
  /** Hierarchy levels above the dimensions. */
  groups?: CatalogGroup[]
  /** How the top-level nodes combine into the overall score; absent = weighted mean. */
  aggregation?: AggregationRule
  /**
   * Present when the model has its own score (OWASP SAMM 0–3), shown next to the 0–100 maturity.
   * `unanswered`: how the model's own score counts an unanswered question — as its scale's lowest
   * level ('lowest', the default: the SAMM toolbox counts it as 0) or not at all ('skip').
   */
  modelScore?: { label: LocalizedText; decimals?: number; unanswered?: 'lowest' | 'skip' }
  dimensions: CatalogDimension[]
  items: CatalogItem[]
  measures: CatalogMeasure[]
  /** Scoring method the catalogue is written for (see docs/scoring.md); absent = '1.0'. */
  scoringModel?: ScoringModel
  /** Item mappings from earlier versions of this catalogue (for round comparisons). */
  predecessors?: CatalogPredecessor[]
  /** Wording of the UI; absent = 'kommune'. */
  vocabulary?: Vocabulary
  extensions?: Record<string, unknown>
}

export const SCORING_MODELS = ['1.0', '2.0'] as const
export type ScoringModel = (typeof SCORING_MODELS)[number]

/** How the items of an earlier version map to this one: new item id, or null = not comparable. */
export interface CatalogPredecessor {
  catalogVersion: string
  items: Record<string, string | null>
}

/** Reference to one exact catalogue version, pinned by a round. */
export interface CatalogRef {
  catalogId: string
  catalogVersion: string
}

// ---------------------------------------------------------------------------------------------
// Provenance (who changed what, when, where) — see docs/exchange.md
// ---------------------------------------------------------------------------------------------

/**
 * Stamped on every stored record and answer by the command layer. `updatedAt` is the time of the
 * last change, `updatedBy` the respondent's or user's name or role ('' = not given), `deviceId` the
 * random id of the browser profile that made it, `rev` counts the changes of this record.
 */
export interface Provenance {
  updatedAt: string
  updatedBy: string
  deviceId: string
  rev: number
}

/**
 * Version vector of one answer: per device id, how many changes that device made to it. An answer
 * whose vector is at least as large everywhere has seen the other; two answers neither of which has
 * seen the other were changed concurrently (a conflict when their values differ). Empty for answers
 * from format-1 files, which carry no history (merged by time only).
 */
export type VersionVector = Record<string, number>

/** What a merge or the command layer needs to stamp a change. */
export interface Stamp {
  at: string
  by: string
  deviceId: string
}

/** What a tombstone can stand for: the check's records, a Digitale Agenda, a service of the Leistungsinventar. */
export const RECORD_KINDS = ['organisation', 'department', 'round', 'assessment', 'agenda', 'service'] as const
export type RecordKind = (typeof RECORD_KINDS)[number]

/**
 * Left behind by a deletion so that a later merge of an older file cannot bring the record back.
 * Deleting an organisation, department or round leaves one tombstone per record it took with it.
 */
export interface Tombstone {
  id: string
  kind: RecordKind
  orgId: string
  deletedAt: string
  deletedBy: string
  deviceId: string
}

// ---------------------------------------------------------------------------------------------
// Organisation, departments, rounds, assessments, answers (stored in IndexedDB)
// ---------------------------------------------------------------------------------------------

export const ORGANISATION_TYPES = ['gemeinde', 'stadt', 'kreis'] as const
export type OrganisationType = (typeof ORGANISATION_TYPES)[number]

export const BUNDESLAENDER = [
  'BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH',
] as const
export type Bundesland = (typeof BUNDESLAENDER)[number]

export interface Organisation {
  id: string
  name: string
  type: OrganisationType
  bundesland: Bundesland
  inhabitants: number | null
  staff: number | null
  createdAt: string
  updatedAt: string
  updatedBy: string
  deviceId: string
  rev: number
}

/** central = Querschnitt (IT, Hauptamt, Personal …); specialist = Fachamt. */
export const DEPARTMENT_KINDS = ['central', 'specialist'] as const
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number]

export interface Department {
  id: string
  orgId: string
  name: string
  code: string
  /** Parent unit (Dezernat / Geschäftsbereich), free text; '' if none. */
  parentUnit: string
  head: string
  staff: number | null
  kind: DepartmentKind
  createdAt: string
  updatedAt: string
  updatedBy: string
  deviceId: string
  rev: number
}

export interface Round {
  id: string
  orgId: string
  name: string
  /** ISO dates YYYY-MM-DD; endDate may be ''. */
  startDate: string
  endDate: string
  catalogId: string
  catalogVersion: string
  /** Target level per dimension id, set for this round (overrides the catalogue default). */
  dimensionTargets: Record<string, Level>
  createdAt: string
  updatedAt: string
  updatedBy: string
  deviceId: string
  rev: number
}

export const ASSESSMENT_STATUSES = ['not_started', 'in_progress', 'submitted'] as const
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number]

/**
 * The state of one answer. 'level' carries an Ist level; 'na' (nicht zutreffend) removes the item
 * from every denominator; 'unknown' (weiß nicht) counts as unanswered. Neither is ever stored as 0.
 */
export const ANSWER_STATES = ['level', 'na', 'unknown'] as const
export type AnswerState = (typeof ANSWER_STATES)[number]

export interface Answer {
  itemId: string
  state: AnswerState
  /**
   * Ist level, only when state === 'level'. state 'level' with ist === null means the Ist question is
   * still open (only Bedarf, Potenzial, target or a comment were given): it counts as unanswered.
   */
  ist: Level | null
  bedarf: Level | null
  potenzial: Level | null
  /** Optional target level set by the respondent. */
  target: Level | null
  comment: string
  /** ISO timestamp of the last change. */
  updatedAt: string
  /** Who made the last change (respondent or moderator name/role; '' = not given). */
  updatedBy: string
  /** Device (browser profile) of the last change. */
  deviceId: string
  /** Number of changes of this answer over all devices. */
  rev: number
  /** Which changes of which devices this answer includes (drives the merge). */
  vv: VersionVector
}

/**
 * Every field of an Answer, in declaration order (the order files are written in). The copy, the
 * file checker and the merge iterate this list; `satisfies` below keeps it in step with the type.
 */
export const ANSWER_KEYS = [
  'itemId',
  'state',
  'ist',
  'bedarf',
  'potenzial',
  'target',
  'comment',
  'updatedAt',
  'updatedBy',
  'deviceId',
  'rev',
  'vv',
] as const satisfies readonly (keyof Answer)[]
type OnlyNever<T extends never> = T
/** Compiles only while ANSWER_KEYS lists every field of Answer. */
export type AnswerKeysComplete = OnlyNever<Exclude<keyof Answer, (typeof ANSWER_KEYS)[number]>>

/** The answer fields that carry the respondent's statement (compared by the merge, set by edits). */
export const ANSWER_VALUE_KEYS = ['state', 'ist', 'bedarf', 'potenzial', 'target', 'comment'] as const satisfies readonly (keyof Answer)[]
export type AnswerValueKey = (typeof ANSWER_VALUE_KEYS)[number]

/** 'respondent' = one person's questionnaire; 'consensus' = the values agreed in a workshop. */
export const ASSESSMENT_ROLES = ['respondent', 'consensus'] as const
export type AssessmentRole = (typeof ASSESSMENT_ROLES)[number]

/** One round × one department × one respondent, with its answers keyed by item id. */
export interface Assessment {
  id: string
  orgId: string
  roundId: string
  departmentId: string
  /** Name or role of the respondent; '' = anonymous. */
  respondent: string
  /** A department has at most one 'consensus' assessment per round (written in the workshop). */
  role: AssessmentRole
  status: AssessmentStatus
  answers: Record<string, Answer>
  createdAt: string
  /** Last change of the header (respondent, status, role); provenance below belongs to it. */
  updatedAt: string
  updatedBy: string
  deviceId: string
  rev: number
  /** Last change of anything in the assessment, answers included ("Weitermachen"). */
  activityAt: string
  submittedAt: string | null
}

/** What a user edits on a record; ids, creation time and provenance are set by the command layer. */
type Managed = 'id' | 'createdAt' | keyof Provenance
export type OrganisationInput = Omit<Organisation, Managed>
export type DepartmentInput = Omit<Department, Managed>
export type RoundInput = Omit<Round, Managed>
