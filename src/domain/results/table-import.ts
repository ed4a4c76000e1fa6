/**
 * Reading tables back (a service list, later other lists): CSV text into rows of cells, rows of
 * cells into records keyed by the header, with limits. Pure: the file is read and the workbook
 * parsed in src/platform/spreadsheet.ts; every value arrives here as text.
 */

/** Limits of a table read from a file (a service list has hundreds of rows, not millions). */
export interface TableReadLimits {
  /** File size in bytes. */
  maxBytes: number
  /** Data rows per sheet (after the header row, up to the last non-empty row). */
  maxRows: number
  /** Columns per sheet (up to the last non-empty cell). */
  maxColumns: number
}

export const TABLE_READ_LIMITS: TableReadLimits = { maxBytes: 10 * 1024 * 1024, maxRows: 5000, maxColumns: 200 }

/** Why a table cannot be read; i18n: `office.readError.<code>`. */
export type TableReadErrorCode = 'too_large' | 'too_many_rows' | 'too_many_columns' | 'not_utf8' | 'unterminated_quote' | 'unsupported_format' | 'unreadable'

export interface TableReadError {
  code: TableReadErrorCode
  params: Record<string, string | number>
}

export type CsvSeparator = ';' | ',' | '\t'

/**
 * The separator of a CSV file, read from its first line (outside quotes): the most frequent of
 * ';', ',' and tab; on a tie or with none, ';' (the German default) wins over ',', and ',' over tab. Only
 * the first line counts, because in German files the data rows are full of decimal commas.
 */
export function detectCsvSeparator(text: string): CsvSeparator {
  const counts: Record<CsvSeparator, number> = { ';': 0, ',': 0, '\t': 0 }
  let quoted = false
  for (const ch of text) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && (ch === '\n' || ch === '\r')) break
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++
  }
  let best: CsvSeparator = ';'
  for (const s of [',', '\t'] as const) if (counts[s] > counts[best]) best = s
  return best
}

/**
 * RFC 4180 CSV (with `separator`, default detected): quoted fields may hold separators, line breaks
 * and doubled quotes; lines end in CRLF, LF or CR; a final line break adds no row. Values stay as
 * written (no number or date guessing, no trimming). More than `maxRows` rows from the first
 * non-empty row to a later non-empty row (the rule of `rowsToRecords`), or a quote left open, is an error.
 */
export function parseCsv(text: string, options: { separator?: CsvSeparator; maxRows?: number } = {}): { ok: true; rows: string[][]; separator: CsvSeparator } | { ok: false; error: TableReadError } {
  const separator = options.separator ?? detectCsvSeparator(text)
  const maxRows = options.maxRows ?? TABLE_READ_LIMITS.maxRows
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let quoteLine = 0
  let firstFilled = -1
  // Rows after the first non-empty one up to the last non-empty one count (as in rowsToRecords);
  // blank rows are capped separately so a file of empty lines cannot fill the memory.
  const maxLines = 2 * maxRows + 100
  const endRow = (): boolean => {
    row.push(field)
    field = ''
    const index = rows.length
    rows.push(row)
    const blank = row.every((c) => c.trim() === '')
    row = []
    if (rows.length > maxLines) return false
    if (blank) return true
    if (firstFilled < 0) firstFilled = index
    return index - firstFilled <= maxRows
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++
        field += ch
      }
    } else if (ch === '"' && field === '') {
      quoted = true
      quoteLine = line
    } else if (ch === separator) {
      row.push(field)
      field = ''
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      line++
      if (!endRow()) return { ok: false, error: { code: 'too_many_rows', params: { max: maxRows } } }
    } else field += ch
  }
  if (quoted) return { ok: false, error: { code: 'unterminated_quote', params: { line: quoteLine } } }
  if (field !== '' || row.length > 0) {
    if (!endRow()) return { ok: false, error: { code: 'too_many_rows', params: { max: maxRows } } }
  }
  return { ok: true, rows, separator }
}

/** A sheet as records: what an import gets. */
export interface TableRecords {
  /** Header cells as keys: trimmed; an empty header is named by its column letter, a repeated one gets " (2)". */
  headers: string[]
  /** One record per row after the header up to the last non-empty row (blank rows kept, so row numbers hold). */
  rows: Record<string, string>[]
  /** Row number (1-based, as the spreadsheet shows it) of the first record; the header is the row before. */
  firstRowNumber: number
}

/** Column letters as spreadsheets show them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1
  let s = ''
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

/**
 * Rows of text cells → records. The first non-empty row is the header; columns after the last
 * non-empty cell of the sheet are dropped, and so are trailing blank rows. Records are built with
 * own properties only (a header "__proto__" is a plain key). Limits: see `TableReadLimits`.
 */
export function rowsToRecords(rows: readonly (readonly string[])[], limits: Pick<TableReadLimits, 'maxRows' | 'maxColumns'> = TABLE_READ_LIMITS): { ok: true; table: TableRecords } | { ok: false; error: TableReadError } {
  const isBlank = (r: readonly string[] | undefined) => r === undefined || r.every((c) => c.trim() === '')
  let first = 0
  while (first < rows.length && isBlank(rows[first])) first++
  let last = rows.length - 1
  while (last > first && isBlank(rows[last])) last--
  if (first >= rows.length) return { ok: true, table: { headers: [], rows: [], firstRowNumber: 2 } }
  const dataRows = last - first
  if (dataRows > limits.maxRows) return { ok: false, error: { code: 'too_many_rows', params: { max: limits.maxRows } } }
  let width = 0
  for (let r = first; r <= last; r++) {
    const row = rows[r]!
    for (let c = row.length - 1; c >= width; c--) {
      if (row[c]!.trim() !== '') {
        width = c + 1
        break
      }
    }
  }
  if (width > limits.maxColumns) return { ok: false, error: { code: 'too_many_columns', params: { max: limits.maxColumns } } }

  const headers: string[] = []
  const taken = new Set<string>()
  const headerRow = rows[first]!
  for (let c = 0; c < width; c++) {
    const base = (headerRow[c] ?? '').trim() || columnLetter(c)
    let name = base
    for (let n = 2; taken.has(name); n++) name = `${base} (${n})`
    taken.add(name)
    headers.push(name)
  }
  const records = rows.slice(first + 1, last + 1).map((row) => Object.fromEntries(headers.map((h, c) => [h, row[c] ?? ''])) as Record<string, string>)
  return { ok: true, table: { headers, rows: records, firstRowNumber: first + 2 } }
}

/**
 * A date cell as text: ISO date "2024-03-01" at midnight, else "2024-03-01T18:00" (seconds only when
 * not zero). Read in UTC: the spreadsheet library returns a cell's calendar time as a UTC instant.
 */
export function dateCellText(date: Date): string {
  if (Number.isNaN(date.getTime())) return ''
  const iso = date.toISOString()
  const day = iso.slice(0, 10)
  const time = iso.slice(11, 19)
  if (time === '00:00:00') return day
  return `${day}T${time.endsWith(':00') ? time.slice(0, 5) : time}`
}
