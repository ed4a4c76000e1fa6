/**
 * Import of a service list from CSV or a spreadsheet. The caller parses the file into rows (one
 * record per line, keyed by the header cells); this module maps German or English headers to
 * fields, validates every cell and returns the valid services AND every error with its row and
 * column. A row with an error yields no service; whether to take the valid rows or nothing is the
 * caller's decision. Errors are codes with parameters; i18n renders them.
 */
import { SERVICE_CHANNELS, SERVICE_LIMITS, type FormType, type MunicipalService, type ServiceChannel } from './types'
import { normalizeLeikaKey, parseDate, parseGermanInteger, parseYesNo } from './values'
import { OZG_RGM_2 } from './maturity-model'

/** The columns the import understands; i18n: `inventory.column.<column>`. */
export const IMPORT_COLUMNS = ['name', 'leikaKey', 'department', 'channels', 'casesPerYear', 'onlineSince', 'onlinePayment', 'formType', 'note'] as const
export type ImportColumn = (typeof IMPORT_COLUMNS)[number]

/**
 * Accepted headers per column, in normalised form (see `normalizeHeader`: lower case, umlauts as
 * ae/oe/ue/ss, punctuation as spaces). "Leistung", "LeiKa-Schlüssel", "Fälle pro Jahr",
 * "Online-Bezahlung", "Form type" all match.
 */
export const COLUMN_HEADERS: Readonly<Record<ImportColumn, readonly string[]>> = {
  name: ['leistung', 'name', 'bezeichnung', 'leistungsname', 'leistungsbezeichnung', 'dienstleistung', 'service', 'service name'],
  leikaKey: ['leika', 'leika schluessel', 'leikaschluessel', 'leistungsschluessel', 'leika key', 'leika id'],
  department: ['fachbereich', 'amt', 'organisationseinheit', 'zustaendigkeit', 'zustaendig', 'department', 'unit'],
  channels: ['kanaele', 'kanal', 'zugangswege', 'zugangsweg', 'channels', 'channel'],
  casesPerYear: ['fallzahl', 'fallzahlen', 'faelle', 'faelle pro jahr', 'fallzahl pro jahr', 'fallzahl jahr', 'cases', 'cases per year', 'annual cases'],
  onlineSince: ['online seit', 'online ab', 'online since'],
  onlinePayment: ['online bezahlung', 'onlinebezahlung', 'online zahlung', 'e payment', 'epayment', 'online payment'],
  formType: ['formular', 'formulartyp', 'formularart', 'form', 'form type'],
  note: ['bemerkung', 'bemerkungen', 'anmerkung', 'notiz', 'hinweis', 'note', 'notes', 'comment'],
}

/** Accepted channel words (normalised), several per cell separated by , ; / or |. */
const CHANNEL_WORDS: Readonly<Record<ServiceChannel, readonly string[]>> = {
  counter: ['schalter', 'vor ort', 'persoenlich', 'buergerbuero', 'buergeramt', 'counter', 'in person'],
  post: ['post', 'brief', 'schriftlich', 'postal', 'letter'],
  email: ['e mail', 'email'],
  phone: ['telefon', 'telefonisch', 'phone', 'telephone'],
  fax: ['fax', 'telefax'],
  online: ['online', 'internet', 'portal', 'online portal', 'web'],
}

/** Accepted form-type words (normalised); an empty cell means 'none'. */
const FORM_WORDS: Readonly<Record<FormType, readonly string[]>> = {
  none: ['kein', 'keins', 'keine', 'keines', 'ohne', 'none', 'no form'],
  pdf: ['pdf', 'pdf formular', 'pdf form'],
  'html-form': ['html', 'html formular', 'online formular', 'webformular', 'formularserver', 'html form', 'web form', 'online form'],
  'end-to-end': ['ende zu ende', 'e2e', 'end to end', 'medienbruchfrei'],
}

/** Error codes of the import; i18n: `inventory.importError.<code>`. */
export const IMPORT_ERROR_CODES = [
  'missing_column',
  'duplicate_column',
  'required',
  'too_long',
  'invalid_value',
  'invalid_leika',
  'unknown_department',
  'ambiguous_department',
  'invalid_channel',
  'invalid_number',
  'invalid_date',
  'date_in_future',
  'invalid_boolean',
  'invalid_form_type',
  'duplicate_service',
] as const
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number]

export interface ImportError {
  /** Line number as the spreadsheet shows it (header = firstRowNumber − 1). */
  row: number
  column: ImportColumn | null
  code: ImportErrorCode
  params: Record<string, string | number>
}

export interface ImportResult {
  services: MunicipalService[]
  errors: ImportError[]
  /** Non-empty data rows read (valid or not). */
  rowsRead: number
  skippedEmptyRows: number
  /** Header cells that map to no column (ignored), as written in the file. */
  ignoredHeaders: string[]
}

export interface ImportOptions {
  /** Id for the service made from data row `index` (0-based among all rows); called for valid rows only. */
  makeId: (index: number) => string
  /** Departments a "Fachbereich" cell may name (by id, code or name, case-insensitive). */
  departments?: readonly { id: string; name: string; code?: string }[]
  /** Line number of the first data row; default 2 (header on line 1). */
  firstRowNumber?: number
  /** ISO date; given, an "Online seit" after it is an error. */
  today?: string
  /** Model key stamped on the (empty) ratings; default the current model. */
  modelKey?: string
  /**
   * The header cells as the file has them, when the caller knows them (a parser can return a
   * header line without rows). Default: the keys of the rows. With neither, nothing is checked.
   */
  headers?: readonly string[]
}

/** Lower case, umlauts folded (ä→ae …), punctuation and runs of space as one space. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[-_/.:()[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

function lookup<K extends string>(table: Readonly<Record<K, readonly string[]>>, word: string): K | undefined {
  for (const key of Object.keys(table) as K[]) if (table[key].includes(word)) return key
  return undefined
}

type Cell = { kind: 'empty' } | { kind: 'text'; text: string } | { kind: 'number'; value: number } | { kind: 'boolean'; value: boolean } | { kind: 'other'; type: string }

function readCell(value: unknown): Cell {
  if (value === undefined || value === null) return { kind: 'empty' }
  if (typeof value === 'string') return value.trim() === '' ? { kind: 'empty' } : { kind: 'text', text: value.trim() }
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'other', type: 'number' }
  if (typeof value === 'boolean') return { kind: 'boolean', value }
  return { kind: 'other', type: typeof value }
}

/** Text of a cell for fields that are text; numbers are written plainly (a LeiKa key read as a number). */
function cellText(cell: Cell): string | null {
  if (cell.kind === 'text') return cell.text
  if (cell.kind === 'number') return String(cell.value)
  return null
}

const squash = (s: string) => s.trim().replace(/\s+/g, ' ').toLocaleLowerCase('de')

/**
 * Maps, validates and converts rows into services (see the module comment). Every non-empty row
 * yields either one service or at least one error. Empty rows (all cells blank) are skipped.
 */
export function importServiceRows(rows: readonly Readonly<Record<string, unknown>>[], options: ImportOptions): ImportResult {
  const first = options.firstRowNumber ?? 2
  const headerRow = first - 1
  const errors: ImportError[] = []

  // Header → column. An empty list without headers has nothing to check (and nothing to import).
  const headers: string[] = [...(options.headers ?? [])]
  for (const row of rows) for (const h of Object.keys(row)) if (!headers.includes(h)) headers.push(h)
  if (headers.length === 0) return { services: [], errors: [], rowsRead: 0, skippedEmptyRows: rows.length, ignoredHeaders: [] }
  const headerOf = new Map<ImportColumn, string>()
  const ignoredHeaders: string[] = []
  for (const h of headers) {
    const column = lookup(COLUMN_HEADERS, normalizeHeader(h))
    if (column === undefined) {
      ignoredHeaders.push(h)
      continue
    }
    const earlier = headerOf.get(column)
    if (earlier !== undefined) errors.push({ row: headerRow, column, code: 'duplicate_column', params: { first: earlier, second: h } })
    else headerOf.set(column, h)
  }
  if (!headerOf.has('name')) errors.push({ row: headerRow, column: 'name', code: 'missing_column', params: {} })
  if (errors.length > 0) {
    const nonEmpty = rows.filter((r) => Object.values(r).some((v) => readCell(v).kind !== 'empty')).length
    return { services: [], errors, rowsRead: nonEmpty, skippedEmptyRows: rows.length - nonEmpty, ignoredHeaders }
  }

  const departments = options.departments ?? []
  const services: MunicipalService[] = []
  const firstRowOfService = new Map<string, number>()
  let rowsRead = 0
  let skippedEmptyRows = 0

  rows.forEach((row, index) => {
    const rowNumber = first + index
    const cell = (column: ImportColumn): Cell => {
      const h = headerOf.get(column)
      return h === undefined ? { kind: 'empty' } : readCell(row[h])
    }
    if (IMPORT_COLUMNS.every((c) => cell(c).kind === 'empty')) {
      skippedEmptyRows++
      return
    }
    rowsRead++
    const rowErrors: ImportError[] = []
    const fail = (column: ImportColumn, code: ImportErrorCode, params: Record<string, string | number> = {}) => {
      rowErrors.push({ row: rowNumber, column, code, params })
    }
    const textOf = (column: ImportColumn): string | null | undefined => {
      const c = cell(column)
      if (c.kind === 'empty') return null
      const t = cellText(c)
      if (t === null) {
        fail(column, 'invalid_value', { type: c.kind === 'other' ? c.type : c.kind })
        return undefined
      }
      return t
    }

    // Name (required).
    let name = ''
    const nameText = textOf('name')
    if (nameText === null) fail('name', 'required')
    else if (nameText !== undefined) {
      name = nameText.replace(/\s+/g, ' ')
      if (name.length > SERVICE_LIMITS.nameMax) fail('name', 'too_long', { max: SERVICE_LIMITS.nameMax })
    }

    // LeiKa key.
    let leikaKey: string | undefined
    const leikaText = textOf('leikaKey')
    if (leikaText) {
      const key = normalizeLeikaKey(leikaText)
      if (key === null) fail('leikaKey', 'invalid_leika', { value: leikaText })
      else leikaKey = key
    }

    // Department.
    let departmentId: string | undefined
    const deptText = textOf('department')
    if (deptText) {
      const wanted = squash(deptText)
      const byId = departments.filter((d) => d.id === deptText)
      const byCode = departments.filter((d) => d.code !== undefined && squash(d.code) === wanted)
      const byName = departments.filter((d) => squash(d.name) === wanted)
      const matches = byId.length > 0 ? byId : byCode.length > 0 ? byCode : byName
      if (matches.length === 1) departmentId = matches[0]!.id
      else if (matches.length === 0) fail('department', 'unknown_department', { value: deptText })
      else fail('department', 'ambiguous_department', { value: deptText, count: matches.length })
    }

    // Channels.
    const channels: ServiceChannel[] = []
    const channelText = textOf('channels')
    if (channelText) {
      for (const part of channelText.split(/[,;/|]/)) {
        const word = normalizeHeader(part)
        if (word === '') continue
        const channel = lookup(CHANNEL_WORDS, word)
        if (channel === undefined) fail('channels', 'invalid_channel', { value: part.trim() })
        else if (!channels.includes(channel)) channels.push(channel)
      }
      channels.sort((a, b) => SERVICE_CHANNELS.indexOf(a) - SERVICE_CHANNELS.indexOf(b))
    }

    // Cases per year.
    let casesPerYear: number | undefined
    const casesCell = cell('casesPerYear')
    if (casesCell.kind === 'number') {
      if (Number.isInteger(casesCell.value) && casesCell.value >= 0 && casesCell.value <= SERVICE_LIMITS.casesMax) casesPerYear = casesCell.value
      else fail('casesPerYear', 'invalid_number', { value: String(casesCell.value) })
    } else if (casesCell.kind === 'text') {
      const n = parseGermanInteger(casesCell.text)
      if (n === null || n > SERVICE_LIMITS.casesMax) fail('casesPerYear', 'invalid_number', { value: casesCell.text })
      else casesPerYear = n
    } else if (casesCell.kind !== 'empty') fail('casesPerYear', 'invalid_value', { type: casesCell.kind === 'other' ? casesCell.type : casesCell.kind })

    // Online since.
    let onlineSince: string | undefined
    const dateCell = cell('onlineSince')
    if (dateCell.kind === 'text') {
      const iso = parseDate(dateCell.text)
      if (iso === null) fail('onlineSince', 'invalid_date', { value: dateCell.text })
      else if (options.today !== undefined && iso > options.today) fail('onlineSince', 'date_in_future', { value: dateCell.text })
      else onlineSince = iso
    } else if (dateCell.kind === 'number') fail('onlineSince', 'invalid_date', { value: String(dateCell.value) })
    else if (dateCell.kind !== 'empty') fail('onlineSince', 'invalid_value', { type: dateCell.kind === 'other' ? dateCell.type : dateCell.kind })

    // Online payment (empty = no).
    let onlinePayment = false
    const payCell = cell('onlinePayment')
    if (payCell.kind === 'boolean') onlinePayment = payCell.value
    else if (payCell.kind === 'text' || payCell.kind === 'number') {
      const t = payCell.kind === 'text' ? payCell.text : String(payCell.value)
      const yes = parseYesNo(t)
      if (yes === undefined) fail('onlinePayment', 'invalid_boolean', { value: t })
      else onlinePayment = yes === true
    } else if (payCell.kind === 'other') fail('onlinePayment', 'invalid_value', { type: payCell.type })

    // Form type (empty = none).
    let formType: FormType = 'none'
    const formText = textOf('formType')
    if (formText) {
      const word = normalizeHeader(formText)
      const found = word === '' ? 'none' : lookup(FORM_WORDS, word)
      if (found === undefined) fail('formType', 'invalid_form_type', { value: formText })
      else formType = found
    }

    // Note.
    let note: string | undefined
    const noteText = textOf('note')
    if (noteText) {
      if (noteText.length > SERVICE_LIMITS.noteMax) fail('note', 'too_long', { max: SERVICE_LIMITS.noteMax })
      else note = noteText
    }

    // The same service twice in one file (same name and department).
    if (name !== '' && rowErrors.length === 0) {
      const key = `${squash(name)}\u0000${departmentId ?? ''}`
      const earlier = firstRowOfService.get(key)
      if (earlier !== undefined) fail('name', 'duplicate_service', { firstRow: earlier })
      else firstRowOfService.set(key, rowNumber)
    }

    if (rowErrors.length > 0) {
      errors.push(...rowErrors)
      return
    }
    const service: MunicipalService = {
      id: options.makeId(index),
      name,
      channels,
      onlinePayment,
      formType,
      maturity: { model: options.modelKey ?? OZG_RGM_2.key, ratings: {} },
    }
    if (leikaKey !== undefined) service.leikaKey = leikaKey
    if (departmentId !== undefined) service.departmentId = departmentId
    if (onlineSince !== undefined) service.onlineSince = onlineSince
    if (casesPerYear !== undefined) service.casesPerYear = casesPerYear
    if (note !== undefined) service.note = note
    services.push(service)
  })

  return { services, errors, rowsRead, skippedEmptyRows, ignoredHeaders }
}
