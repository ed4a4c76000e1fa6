/**
 * CSV export for German Excel: ';' separator, CRLF line endings, UTF-8 with BOM (so Excel detects
 * the encoding and umlauts survive), decimal comma, RFC 4180 quoting.
 *
 * Text cells are defended against CSV/formula injection: a cell starting with = + - @ tab or CR gets
 * a leading apostrophe, so Excel and LibreOffice show it as text instead of running it (OWASP
 * "CSV Injection"). Number cells are never prefixed, so negative numbers stay numbers.
 *
 * Timestamps are shown as dd.mm.yyyy hh:mm in German time (Europe/Berlin, EU summer-time rule
 * computed here, no Intl or host time zone involved) unless `timeZone: 'UTC'` is passed.
 */
import { appliesTo } from '@/domain/model/catalog-index'
import type { AnswerState, Assessment, Catalog, CatalogItem, Department, Organisation, Round } from '@/domain/model/types'

export type CsvCell = string | number | null | undefined

export interface CsvOptions {
  /**
   * Maximum decimals for number cells, one value for all columns or one per column (default 2).
   * Numbers are rounded half away from zero; trailing zeros are dropped (62.50 → "62,5", 62 → "62").
   */
  decimals?: number | readonly (number | undefined)[]
  /** Prefix the UTF-8 byte order mark (default true; Excel needs it to read UTF-8). */
  bom?: boolean
}

export const CSV_SEPARATOR = ';'
export const CSV_LINE_END = '\r\n'
export const UTF8_BOM = '\uFEFF'

const DEFAULT_DECIMALS = 2

/**
 * German number text: decimal comma, no thousands separator (Excel would misread "1.000" as 1 in
 * some settings), at most `decimals` decimals. Non-finite numbers give ''.
 */
export function formatDecimal(value: number, decimals: number = DEFAULT_DECIMALS): string {
  if (!Number.isFinite(value)) return ''
  const d = Math.max(0, Math.min(10, Math.trunc(decimals)))
  // Round via exponent notation so 1.005 → 1.01 (value * 100 would be 100.49999…).
  const abs = Math.abs(value)
  const rounded = abs < 1e15 ? Number(`${Math.round(Number(`${abs}e${d}`))}e-${d}`) : abs
  const sign = value < 0 && rounded !== 0 ? '-' : ''
  let text = rounded.toFixed(d)
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '')
  return sign + text.replace('.', ',')
}

const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[;"\r\n]|^\s|\s$/

/** One text cell: formula guard first, then RFC 4180 quoting (quotes doubled). */
export function escapeCsvText(text: string): string {
  const guarded = FORMULA_START.test(text) ? `'${text}` : text
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded
}

function cellText(cell: CsvCell, decimals: number): string {
  if (cell === null || cell === undefined) return ''
  if (typeof cell === 'number') return formatDecimal(cell, decimals)
  return escapeCsvText(cell)
}

/** Builds the CSV text: BOM, header line, one line per row, every line ending in CRLF. */
export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[], options: CsvOptions = {}): string {
  const decimalsFor = (column: number): number => {
    const d = options.decimals
    if (typeof d === 'number') return d
    return d?.[column] ?? DEFAULT_DECIMALS
  }
  const lines = [headers.map((h) => escapeCsvText(h)).join(CSV_SEPARATOR)]
  for (const row of rows) lines.push(row.map((cell, i) => cellText(cell, decimalsFor(i))).join(CSV_SEPARATOR))
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
 * "dd.mm.yyyy hh:mm" for an ISO timestamp with zone (Z or ±hh:mm), "dd.mm.yyyy" for an ISO date.
 * A timestamp without zone is taken as already local. Empty or unreadable input is returned as is.
 */
export function formatDateTimeDe(iso: string | null | undefined, timeZone: CsvTimeZone = 'Europe/Berlin'): string {
  if (!iso) return ''
  const m = ISO_RE.exec(iso)
  if (!m) return iso
  const [, y, mo, d, h, mi, s, frac, zone] = m
  if (h === undefined) return `${d}.${mo}.${y}`
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), Number((frac ?? '0').slice(0, 3).padEnd(3, '0')))
  let local = wall
  if (zone !== undefined) {
    const zoneMinutes = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)))
    const utc = wall - zoneMinutes * 60_000
    local = utc + (timeZone === 'UTC' ? 0 : berlinOffsetMinutes(utc)) * 60_000
  }
  const t = new Date(local)
  return `${pad(t.getUTCDate())}.${pad(t.getUTCMonth() + 1)}.${t.getUTCFullYear()} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`
}

// ---------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------

export const ANSWERS_CSV_HEADERS = [
  'Organisation',
  'Runde',
  'Fachbereich',
  'Kürzel',
  'Befragte Person',
  'Dimension',
  'Item-ID',
  'Frage',
  'Status',
  'Ist',
  'Bedarf',
  'Potenzial',
  'Ziel',
  'Kommentar',
  'Geändert am',
] as const

export type AnswerStatusKey = AnswerState | 'open'

export const ANSWER_STATUS_LABELS_DE: Readonly<Record<AnswerStatusKey, string>> = {
  level: 'Stufe',
  na: 'nicht zutreffend',
  unknown: 'weiß nicht',
  open: 'offen',
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
  /** Language of catalogue texts (questions, dimension titles); German fallback. Default 'de'. */
  language?: 'de' | 'en'
  /** Column titles (default `ANSWERS_CSV_HEADERS`), e.g. translated by the UI. */
  headers?: readonly string[]
  statusLabels?: Readonly<Record<AnswerStatusKey, string>>
  timeZone?: CsvTimeZone
  /** "Befragte Person" of the rows of a workshop's consensus assessment (default `CONSENSUS_RESPONDENT_DE`). */
  consensusLabel?: string
}

/** Shown as "Befragte Person" for the values agreed in a workshop (role 'consensus'). */
export const CONSENSUS_RESPONDENT_DE = 'Konsens (Workshop)'

function localized(text: { de: string; en?: string } | undefined, language: 'de' | 'en'): string {
  if (text === undefined) return ''
  return language === 'en' && text.en ? text.en : text.de
}

/**
 * One row per assessment × item. Items are those of the pinned catalogue that apply to the
 * department (all items for central departments, 'all' items for specialist ones) in catalogue
 * order, unanswered ones with status "offen"; answers to items the catalogue lacks (or all answers,
 * if the catalogue is unavailable) follow in item-id order. Ist is only filled for status "Stufe";
 * "Ziel" is the respondent's own target (empty if none). The rows of a workshop's consensus
 * assessment carry `consensusLabel` as "Befragte Person", so they are not read as an anonymous
 * respondent.
 */
export function answersCsv(input: AnswersCsvInput, options: AnswersCsvOptions = {}): string {
  const language = options.language ?? 'de'
  const labels = options.statusLabels ?? ANSWER_STATUS_LABELS_DE
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

    const who = a.role === 'consensus' ? (options.consensusLabel ?? CONSENSUS_RESPONDENT_DE) : a.respondent
    const base = [orgs.get(a.orgId)?.name ?? '', round?.name ?? '', department?.name ?? '', department?.code ?? '', who]
    for (const { id, item } of items) {
      const answer = a.answers[id]
      const dimension = item ? dimensions.get(item.dimensionId) : undefined
      rows.push([
        ...base,
        localized(dimension?.title, language),
        id,
        localized(item?.question, language),
        labels[answer?.state ?? 'open'],
        answer?.state === 'level' ? answer.ist : null,
        answer?.bedarf,
        answer?.potenzial,
        answer?.target,
        answer?.comment,
        formatDateTimeDe(answer?.updatedAt, options.timeZone),
      ])
    }
  }
  return toCsv(options.headers ?? ANSWERS_CSV_HEADERS, rows, { decimals: 0, bom: options.bom })
}

// ---------------------------------------------------------------------------------------------
// Scores
// ---------------------------------------------------------------------------------------------

export const SCORES_CSV_HEADERS = ['Fachbereich', 'Dimension', 'Reifegrad (0–100)', 'Abdeckung (%)'] as const

export interface ScoreCsvRow {
  department: string
  dimensionTitle: string
  /** Maturity 0–100; null = nicht zutreffend / nothing answered (empty cell). */
  score: number | null
  /** Share of applicable items answered, 0–1 (written as percent); null = empty cell. */
  coverage: number | null
}

/** Column title of the optional scoring-model column that results carry (see SCORING_MODEL_VERSION). */
export const MODEL_VERSION_HEADER = 'Bewertungsmodell'

/**
 * One row per department × dimension: score with one decimal, coverage in percent (whole numbers).
 * With `modelVersion`, a last column names the scoring model version the numbers come from.
 */
export function scoresCsv(
  rows: readonly ScoreCsvRow[],
  options: Pick<CsvOptions, 'bom'> & { headers?: readonly string[]; modelVersion?: string } = {},
): string {
  const headers = options.headers ?? SCORES_CSV_HEADERS
  const withModel = options.modelVersion !== undefined
  return toCsv(
    withModel ? [...headers, MODEL_VERSION_HEADER] : headers,
    rows.map((r) => {
      const cells: CsvCell[] = [r.department, r.dimensionTitle, r.score, r.coverage === null ? null : r.coverage * 100]
      return withModel ? [...cells, options.modelVersion] : cells
    }),
    { decimals: [0, 0, 1, 0, 0], bom: options.bom },
  )
}

// ---------------------------------------------------------------------------------------------
// Measures
// ---------------------------------------------------------------------------------------------

export const MEASURES_CSV_HEADERS = [
  'Rang',
  'Maßnahme',
  'Klasse',
  'Priorität',
  'Aufwand',
  'Nutzen',
  'Pflicht (Gesetz)',
  'Betroffene Fachbereiche',
  'Begründung',
] as const

export interface MeasureCsvRow {
  rank: number
  title: string
  /** Display label of the class, e.g. "Pflicht", "Quick Win", "Leitprojekt". */
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

/** One row per measure in the given order; departments joined with ", ", priority with one decimal; optional model-version column. */
export function measuresCsv(
  rows: readonly MeasureCsvRow[],
  options: Pick<CsvOptions, 'bom'> & { headers?: readonly string[]; modelVersion?: string } = {},
): string {
  const headers = options.headers ?? MEASURES_CSV_HEADERS
  return toCsv(
    options.modelVersion !== undefined ? [...headers, MODEL_VERSION_HEADER] : headers,
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
      ...(options.modelVersion !== undefined ? [options.modelVersion] : []),
    ]),
    { decimals: [0, 0, 0, 1, 0, 0], bom: options.bom },
  )
}
