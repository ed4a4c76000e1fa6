/**
 * CSV export for Excel: ';' separator, CRLF line endings, UTF-8 with BOM (so Excel detects the
 * encoding and umlauts survive), RFC 4180 quoting. Column titles and labels come from the caller
 * (the UI's i18n); numbers and dates follow the language: German with decimal comma and
 * dd.mm.yyyy hh:mm, English with decimal point and yyyy-mm-dd hh:mm (ISO order, unambiguous).
 *
 * Text cells are defended against CSV/formula injection: a cell starting with = + - @ tab or CR gets
 * a leading apostrophe, so Excel and LibreOffice show it as text instead of running it (OWASP
 * "CSV Injection"). Number cells are never prefixed, so negative numbers stay numbers.
 *
 * Timestamps are shown in German time (Europe/Berlin, EU summer-time rule computed here, no Intl or
 * host time zone involved) unless `timeZone: 'UTC'` is passed.
 */
import { appliesTo } from '@/domain/model/catalog-index'
import { localize } from '@/domain/model/localize'
import type { AnswerState, Assessment, Catalog, CatalogItem, Department, LocalizedText, Organisation, Round } from '@/domain/model/types'

export type CsvCell = string | number | null | undefined

/** Language of numbers and dates in a CSV file (and of catalogue texts in the answers export). */
export type CsvLanguage = 'de' | 'en'

/** Per column or one value for all columns. */
type PerColumn = number | readonly (number | undefined)[]

export interface CsvOptions {
  /**
   * Maximum decimals for number cells (default 2). Numbers are rounded half away from zero;
   * trailing zeros beyond `minDecimals` are dropped (62.50 → "62,5", 62 → "62").
   */
  decimals?: PerColumn
  /** Decimals always written (default 0), e.g. 1 for scores: 62 → "62,0". */
  minDecimals?: PerColumn
  /** Decimal comma ('de', default) or point ('en'). */
  language?: CsvLanguage
  /** Prefix the UTF-8 byte order mark (default true; Excel needs it to read UTF-8). */
  bom?: boolean
}

export const CSV_SEPARATOR = ';'
export const CSV_LINE_END = '\r\n'
export const UTF8_BOM = '\uFEFF'

const DEFAULT_DECIMALS = 2

/**
 * Number text for a CSV cell: decimal comma (German) or point (English), no thousands separator
 * (Excel would misread "1.000" as 1 in some settings), at most `decimals` and at least
 * `minDecimals` decimals. Non-finite numbers give ''.
 */
export function formatDecimal(value: number, decimals: number = DEFAULT_DECIMALS, options: { minDecimals?: number; language?: CsvLanguage } = {}): string {
  if (!Number.isFinite(value)) return ''
  const d = Math.max(0, Math.min(10, Math.trunc(decimals)))
  const min = Math.max(0, Math.min(d, Math.trunc(options.minDecimals ?? 0)))
  // Round via exponent notation so 1.005 → 1.01 (value * 100 would be 100.49999…).
  const abs = Math.abs(value)
  const rounded = abs < 1e15 ? Number(`${Math.round(Number(`${abs}e${d}`))}e-${d}`) : abs
  const sign = value < 0 && rounded !== 0 ? '-' : ''
  let text = rounded.toFixed(d)
  if (d > min) {
    const [whole, fraction = ''] = text.split('.')
    const kept = fraction.replace(/0+$/, '').padEnd(min, '0')
    text = kept === '' ? whole! : `${whole}.${kept}`
  }
  return sign + (options.language === 'en' ? text : text.replace('.', ','))
}

const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[;"\r\n]|^\s|\s$/

/** One text cell: formula guard first, then RFC 4180 quoting (quotes doubled). */
export function escapeCsvText(text: string): string {
  const guarded = FORMULA_START.test(text) ? `'${text}` : text
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded
}

/** Builds the CSV text: BOM, header line, one line per row, every line ending in CRLF. */
export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  const at = (spec: PerColumn | undefined, column: number, fallback: number): number => (typeof spec === 'number' ? spec : (spec?.[column] ?? fallback))
  const cellText = (cell: CsvCell, column: number): string => {
    if (cell === null || cell === undefined) return ''
    if (typeof cell === 'number') return formatDecimal(cell, at(options.decimals, column, DEFAULT_DECIMALS), { minDecimals: at(options.minDecimals, column, 0), language: options.language })
    return escapeCsvText(cell)
  }
  const lines = [headers.map((h) => escapeCsvText(h)).join(CSV_SEPARATOR)]
  for (const row of rows) lines.push(row.map(cellText).join(CSV_SEPARATOR))
  return (options.bom === false ? '' : UTF8_BOM) + lines.map((l) => l + CSV_LINE_END).join('')
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

export type CsvTimeZone = 'Europe/Berlin' | 'UTC'

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/

/** Last Sunday of a month (UTC day of month). */
function lastSunday(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0))
  return lastDay.getUTCDate() - lastDay.getUTCDay()
}

/**
 * Offset of German time from UTC in minutes at an instant: +120 (MESZ) from the last Sunday of March
 * 01:00 UTC to the last Sunday of October 01:00 UTC, otherwise +60 (MEZ). The EU rule since 1996.
 */
export function berlinOffsetMinutes(epochMs: number): number {
  const year = new Date(epochMs).getUTCFullYear()
  const start = Date.UTC(year, 2, lastSunday(year, 2), 1)
  const end = Date.UTC(year, 9, lastSunday(year, 9), 1)
  return epochMs >= start && epochMs < end ? 120 : 60
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * A date for a CSV cell. German: "dd.mm.yyyy hh:mm" for an ISO timestamp with zone (Z or ±hh:mm),
 * "dd.mm.yyyy" for an ISO date; English: "yyyy-mm-dd hh:mm" and "yyyy-mm-dd". A timestamp without
 * zone is taken as already local. Empty or unreadable input is returned as is.
 */
export function formatCsvDate(iso: string | null | undefined, language: CsvLanguage = 'de', timeZone: CsvTimeZone = 'Europe/Berlin'): string {
  if (!iso) return ''
  const m = ISO_RE.exec(iso)
  if (!m) return iso
  const [, y, mo, d, h, mi, s, frac, zone] = m
  const day = (year: string | number, month: string, date: string) => (language === 'en' ? `${year}-${month}-${date}` : `${date}.${month}.${year}`)
  if (h === undefined) return day(y!, mo!, d!)
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), Number((frac ?? '0').slice(0, 3).padEnd(3, '0')))
  let local = wall
  if (zone !== undefined) {
    const zoneMinutes = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)))
    const utc = wall - zoneMinutes * 60_000
    local = utc + (timeZone === 'UTC' ? 0 : berlinOffsetMinutes(utc)) * 60_000
  }
  const t = new Date(local)
  return `${day(t.getUTCFullYear(), pad(t.getUTCMonth() + 1), pad(t.getUTCDate()))} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`
}

// ---------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------

/** The columns of the answers export, in order; their titles come from the caller. */
export const ANSWERS_CSV_COLUMNS = [
  'organisation',
  'round',
  'department',
  'code',
  'respondent',
  'dimension',
  'itemId',
  'question',
  'status',
  'ist',
  'bedarf',
  'potenzial',
  'target',
  'comment',
  'updatedAt',
] as const
export type AnswersCsvColumn = (typeof ANSWERS_CSV_COLUMNS)[number]

export type AnswerStatusKey = AnswerState | 'open'

export interface AnswersCsvLabels {
  headers: Readonly<Record<AnswersCsvColumn, string>>
  /** The status column: a level, not applicable, don't know, or not answered yet. */
  status: Readonly<Record<AnswerStatusKey, string>>
  /** Shown as respondent for the values agreed in a workshop (role 'consensus'). */
  consensus: string
}

export interface AnswersCsvInput {
  organisations: readonly Organisation[]
  departments: readonly Department[]
  rounds: readonly Round[]
  /** Exported in this order. */
  assessments: readonly Assessment[]
  /** The catalogue version a round pins, or undefined if not available. */
  catalogFor: (catalogId: string, version: string) => Catalog | undefined
}

export interface AnswersCsvOptions extends Pick<CsvOptions, 'bom'> {
  labels: AnswersCsvLabels
  /** Language of catalogue texts (questions, dimension titles; German fallback) and dates. Default 'de'. */
  language?: CsvLanguage
  timeZone?: CsvTimeZone
}

function localized(text: LocalizedText | undefined, language: CsvLanguage): string {
  return text === undefined ? '' : localize(text, language)
}

/**
 * One row per assessment × item. Items are those of the pinned catalogue that apply to the
 * department (all items for central departments, 'all' items for specialist ones) in catalogue
 * order, unanswered ones with status "open"; answers to items the catalogue lacks (or all answers,
 * if the catalogue is unavailable) follow in item-id order. Ist is only filled for status "level";
 * the target is the respondent's own (empty if none). The rows of a workshop's consensus assessment
 * carry `labels.consensus` as respondent, so they are not read as an anonymous respondent.
 */
export function answersCsv(input: AnswersCsvInput, options: AnswersCsvOptions): string {
  const language = options.language ?? 'de'
  const { labels } = options
  const orgs = new Map(input.organisations.map((o) => [o.id, o]))
  const departments = new Map(input.departments.map((d) => [d.id, d]))
  const rounds = new Map(input.rounds.map((r) => [r.id, r]))
  const rows: CsvCell[][] = []

  for (const a of input.assessments) {
    const round = rounds.get(a.roundId)
    const department = departments.get(a.departmentId)
    const catalog = round ? input.catalogFor(round.catalogId, round.catalogVersion) : undefined
    const dimensions = new Map((catalog?.dimensions ?? []).map((d) => [d.id, d]))
    const items: { id: string; item?: CatalogItem }[] = []
    const listed = new Set<string>()
    for (const item of catalog?.items ?? []) {
      // Items that do not apply are listed only when answered (an unknown department applies to nothing central).
      if (!appliesTo(item, { kind: department?.kind ?? 'specialist' }) && a.answers[item.id] === undefined) continue
      items.push({ id: item.id, item })
      listed.add(item.id)
    }
    for (const id of Object.keys(a.answers).sort()) if (!listed.has(id)) items.push({ id })

    const who = a.role === 'consensus' ? labels.consensus : a.respondent
    const base = [orgs.get(a.orgId)?.name ?? '', round?.name ?? '', department?.name ?? '', department?.code ?? '', who]
    for (const { id, item } of items) {
      const answer = a.answers[id]
      const dimension = item ? dimensions.get(item.dimensionId) : undefined
      rows.push([
        ...base,
        localized(dimension?.title, language),
        id,
        localized(item?.question, language),
        labels.status[answer?.state ?? 'open'],
        answer?.state === 'level' ? answer.ist : null,
        answer?.bedarf,
        answer?.potenzial,
        answer?.target,
        answer?.comment,
        formatCsvDate(answer?.updatedAt, language, options.timeZone),
      ])
    }
  }
  return toCsv(
    ANSWERS_CSV_COLUMNS.map((c) => labels.headers[c]),
    rows,
    { decimals: 0, language, bom: options.bom },
  )
}

// ---------------------------------------------------------------------------------------------
// Scores
// ---------------------------------------------------------------------------------------------

/** The columns of the scores export; 'modelVersion' only when a model version is given. */
export const SCORES_CSV_COLUMNS = ['department', 'dimension', 'score', 'coverage', 'modelVersion'] as const
export type ScoresCsvColumn = (typeof SCORES_CSV_COLUMNS)[number]

export interface ScoreCsvRow {
  department: string
  dimensionTitle: string
  /** Maturity 0–100; null = not applicable / nothing answered (empty cell). */
  score: number | null
  /** Share of applicable items answered, 0–1 (written as percent); null = empty cell. */
  coverage: number | null
}

export interface ResultsCsvOptions<C extends string> extends Pick<CsvOptions, 'bom'> {
  headers: Readonly<Record<C, string>>
  /** Decimal comma ('de', default) or point ('en'). */
  language?: CsvLanguage
  /** The scoring model version the numbers come from (see SCORING_MODEL_VERSION): adds a last column. */
  modelVersion?: string
}

/**
 * One row per department × dimension, with the precision the screens show: score with exactly one
 * decimal (62 → "62,0"), coverage in whole percent. With `modelVersion`, a last column names the
 * scoring model version the numbers come from.
 */
export function scoresCsv(rows: readonly ScoreCsvRow[], options: ResultsCsvOptions<ScoresCsvColumn>): string {
  const withModel = options.modelVersion !== undefined
  const columns = SCORES_CSV_COLUMNS.filter((c) => withModel || c !== 'modelVersion')
  return toCsv(
    columns.map((c) => options.headers[c]),
    rows.map((r) => {
      const cells: CsvCell[] = [r.department, r.dimensionTitle, r.score, r.coverage === null ? null : r.coverage * 100]
      return withModel ? [...cells, options.modelVersion] : cells
    }),
    { decimals: [0, 0, 1, 0, 0], minDecimals: [0, 0, 1, 0, 0], language: options.language, bom: options.bom },
  )
}

// ---------------------------------------------------------------------------------------------
// Measures
// ---------------------------------------------------------------------------------------------

/** The columns of the measures export; 'modelVersion' only when a model version is given. */
export const MEASURES_CSV_COLUMNS = ['rank', 'measure', 'class', 'priority', 'effort', 'impact', 'obligation', 'departments', 'rationale', 'modelVersion'] as const
export type MeasuresCsvColumn = (typeof MEASURES_CSV_COLUMNS)[number]

export interface MeasureCsvRow {
  rank: number
  title: string
  /** Display label of the class, e.g. "Rechtspflicht", "Quick Win", "Leitprojekt". */
  classLabel: string
  priority: number
  /** 1–5 */
  effort: number
  /** 1–5 */
  impact: number
  /** Law or rule that makes the measure mandatory, e.g. "§ 4 EGovG"; null if none. */
  obligation: string | null
  departments: readonly string[]
  rationale: string
}

/**
 * One row per measure in the given order; departments joined with ", ", priority with up to two
 * decimals (as on screen); optional model-version column.
 */
export function measuresCsv(rows: readonly MeasureCsvRow[], options: ResultsCsvOptions<MeasuresCsvColumn>): string {
  const withModel = options.modelVersion !== undefined
  const columns = MEASURES_CSV_COLUMNS.filter((c) => withModel || c !== 'modelVersion')
  return toCsv(
    columns.map((c) => options.headers[c]),
    rows.map((r) => [
      r.rank,
      r.title,
      r.classLabel,
      r.priority,
      r.effort,
      r.impact,
      r.obligation,
      r.departments.join(', '),
      r.rationale,
      ...(withModel ? [options.modelVersion] : []),
    ]),
    { decimals: [0, 0, 0, 2, 0, 0], language: options.language, bom: options.bom },
  )
}
