/**
 * What the exchange files are: format markers and versions, the limits they are checked against,
 * and the types of a file, of its parse result and of the problems found. The other modules of
 * exchange/ write (serialise.ts), read (parse.ts, schema.ts, integrity.ts) and merge (merge.ts) them.
 */
import type { CatalogIssue } from '@/domain/catalog/catalog-schema'
import type { Agenda, StatusEvent } from '@/domain/agenda/types'
import type { Assessment, Catalog, Department, Organisation, Round, Tombstone } from '@/domain/model/types'
import type { ServiceRecord } from '@/domain/services/types'

export const BACKUP_FORMAT = 'digitalisierungs-check/backup' as const
/**
 * 3 adds the Digitale Agenda (agendas, agendaEvents) and the Leistungsinventar (services). Raised
 * so that an app that only knows 2 refuses such a backup ("unsupported version") instead of
 * restoring it without them. Versions 1 and 2 are still read (their strategy tables are empty).
 */
export const BACKUP_FORMAT_VERSION = 3 as const
/** The first backup format with the strategy tables (see `StrategyTables`). */
export const STRATEGY_FORMAT_VERSION = 3 as const
export const PACKAGE_FORMAT = 'digitalisierungs-check/package' as const
export const PACKAGE_FORMAT_VERSION = 1 as const
/** Package kinds: 'package' = sent out to a respondent, 'return' = answers sent back. */
export const PACKAGE_KINDS = ['package', 'return'] as const

/** Limits of format version 1. Strings are measured in UTF-16 code units (String.length). */
export const BACKUP_LIMITS = {
  /** Default maximum file size in bytes (UTF-8). */
  maxBytes: 200 * 1024 * 1024,
  idMax: 100,
  nameMax: 300,
  shortTextMax: 100,
  commentMax: 5000,
  /** Deepest nesting a valid file needs is about 7; anything far beyond is junk. */
  maxDepth: 32,
  maxRecordsPerTable: 200_000,
  maxAnswersPerAssessment: 5000,
  maxCatalogs: 500,
  /** Errors collected before parsing stops. */
  maxErrors: 20,
  /** Devices in one answer's version vector. */
  maxVectorEntries: 256,
  revMax: 1_000_000_000,
  inhabitantsMax: 100_000_000,
  staffMax: 10_000_000,
  /** Entries (and removed entries) of one agenda. */
  maxEntriesPerAgenda: 5000,
  /** Phases and Handlungsfelder of one agenda. */
  maxAgendaParts: 500,
  /** Budget estimate of one agenda entry in whole euros. */
  budgetMax: 1_000_000_000_000,
  /** Rated criteria of one service. */
  maxRatings: 100,
} as const

/** The tables every exchange file carries (a package or return carries only these). */
export interface CheckTables {
  organisations: Organisation[]
  departments: Department[]
  rounds: Round[]
  assessments: Assessment[]
  /** Custom catalogues stored in the browser (built-in catalogues ship with the app). */
  catalogs: Catalog[]
  /** Deleted records (so that a merge elsewhere deletes them too and never revives them). */
  tombstones: Tombstone[]
}

/**
 * The Digitale Agenda and the Leistungsinventar: in full backups (format 3) only, never in a
 * Fragebogen-Paket or a Rücksendung.
 */
export interface StrategyTables {
  /** Agendas with their entries and entry tombstones embedded. */
  agendas: Agenda[]
  /** The append-only status history of every agenda's entries. */
  agendaEvents: StatusEvent[]
  /** The Leistungsinventar: services of the organisations. */
  services: ServiceRecord[]
}

export const STRATEGY_TABLES = ['agendas', 'agendaEvents', 'services'] as const satisfies readonly (keyof StrategyTables)[]

/** Everything a full backup carries; also the shape of a database snapshot for the merge. */
export interface BackupData extends CheckTables, StrategyTables {}

/** What a merge or a backup can be built from: a package has no strategy tables (read as empty). */
export type ExchangeData = CheckTables & Partial<StrategyTables>

/** The data with every strategy table present (absent ones empty). */
export function withStrategyTables(data: ExchangeData): BackupData {
  return { ...data, agendas: data.agendas ?? [], agendaEvents: data.agendaEvents ?? [], services: data.services ?? [] }
}

export interface ExchangeHeader {
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
export interface PackageFile extends CheckTables, ExchangeHeader {
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
  | 'backup.notUtf8'
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
  | 'backup.invalidAgenda'
  | 'backup.invalidService'

/**
 * Language-neutral values for a message: numbers, ids, file paths, and codes such as the value types
 * `'string'`, `'number'`, `'int'`, `'boolean'`, `'object'`, `'array'`, `'null'` (params `expected` and
 * `actual` of `backup.invalidType` and `backup.notAnObject`) or a reason code; lists stay lists.
 */
export type BackupMessageParams = Record<string, string | number | readonly string[]>

/** Why two references disagree (`backup.inconsistentReference`, param `reason`). */
export type InconsistentReferenceReason = 'roundOrganisation' | 'departmentOrganisation'

export interface BackupError {
  /** Stable code; the UI words it (i18n namespace `exchangeErrors`). */
  code: BackupErrorCode
  /** Values for the message. */
  params: BackupMessageParams
  /** Location in the file, e.g. `assessments[3].answers.str-01.ist`. */
  path?: string
  /** `backup.invalidCatalog`: what is wrong with the included catalogue. */
  catalogIssue?: CatalogIssue
  /**
   * `backup.invalidAgenda` / `backup.invalidService`: the domain rule that was broken, as the
   * domain reports it (`AgendaIssue` of validateAgenda, `ServiceIssue` of checkService).
   */
  ruleIssue?: { code: string; params: Record<string, string | number> }
}

export type BackupWarningCode = 'backup.ignoredKeys'

/** Not a reason to reject the file, but worth telling the user. */
export interface BackupWarning {
  code: BackupWarningCode
  params: BackupMessageParams
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

/** A checksum check left to the caller (`parseExchange` with `deferChecksum`), e.g. to use WebCrypto. */
export interface DeferredChecksum {
  expected: string
  /** The file text without its checksum line, if the file ends as the app writes it. */
  fastText: string | null
  /** The canonical print of the parsed data (the slow path, for re-formatted files). */
  canonical: () => string
}
