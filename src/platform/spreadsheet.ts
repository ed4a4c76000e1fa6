/**
 * Office files (XLSX, ODS) in the browser, through SheetJS Community Edition (npm `@e965/xlsx`, see
 * docs/architecture.md "Dependencies"). The library is large, so it is imported only when a file is
 * written or read: it lands in its own chunk and never in the first load. What goes into a sheet
 * (names, cells, widths) is decided by the pure src/domain/results/table-export.ts; what comes out of
 * one (records, limits, CSV) by src/domain/results/table-import.ts.
 *
 * Reading never evaluates anything: formulas are not even read, only the value the office program
 * saved with them (SheetJS CE has no calculation engine). Macros, styles and embedded files are
 * skipped.
 */
import { cleanCell, columnWidths, numberFormat, sanitizeSheetNames, tableToRows, type ExportTable } from '@/domain/results/table-export'
import { dateCellText, parseCsv, rowsToRecords, TABLE_READ_LIMITS, type TableReadErrorCode, type TableReadLimits, type TableRecords } from '@/domain/results/table-import'
import { downloadBlob, safeFileName } from './download'
import { readUtf8 } from './read-text'

export type OfficeFormat = 'xlsx' | 'ods'
export type { ExportTable } from '@/domain/results/table-export'

type SheetJs = typeof import('@e965/xlsx')

const MIME: Record<OfficeFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
}

let library: Promise<SheetJs> | null = null
/** The spreadsheet library, loaded on first use (a separate chunk; precached by the service worker). */
function loadLibrary(): Promise<SheetJs> {
  library ??= import('@e965/xlsx').catch((error: unknown) => {
    library = null // a failed load (e.g. offline before the first caching) may be retried
    throw error
  })
  return library
}

/**
 * The workbook file of `tables`, one sheet per table in order: names made valid and unique, numbers
 * as number cells (with the table's fixed decimals as display format), empty cells for null, column
 * widths fitted to the content. Header cells are plain text: SheetJS CE writes no cell styles (bold).
 */
export async function workbookBytes(format: OfficeFormat, tables: readonly ExportTable[]): Promise<Uint8Array> {
  if (tables.length === 0) throw new Error('A workbook needs at least one table.')
  const X = await loadLibrary()
  const names = sanitizeSheetNames(tables.map((t) => t.name))
  const wb = X.utils.book_new()
  tables.forEach((table, i) => {
    const rows = tableToRows(table)
    const ws = X.utils.aoa_to_sheet(rows)
    table.decimals?.forEach((d, c) => {
      if (d === undefined) return
      const z = numberFormat(d)
      for (let r = 1; r < rows.length; r++) {
        const cell = ws[X.utils.encode_cell({ r, c })] as { t?: string; z?: string } | undefined
        if (cell?.t === 'n') cell.z = z
      }
    })
    ws['!cols'] = columnWidths(rows, table.decimals).map((wch) => ({ wch }))
    X.utils.book_append_sheet(wb, ws, names[i])
  })
  const out: unknown = X.write(wb, { bookType: format, type: 'array', compression: true })
  return new Uint8Array(out as ArrayBuffer)
}

/**
 * Writes `tables` as an XLSX or ODS workbook and saves it as `<fileName>.<format>` (the name made
 * safe for office PCs). Rejects when the library cannot be loaded (offline before it was cached).
 */
export async function exportTables(format: OfficeFormat, sheets: readonly ExportTable[], fileName: string): Promise<void> {
  const bytes = await workbookBytes(format, sheets)
  const base = safeFileName(fileName.replace(new RegExp(`\\.${format}$`, 'i'), ''))
  downloadBlob(`${base}.${format}`, new Blob([bytes as BlobPart], { type: MIME[format] }))
}

/** A sheet read from a file: records keyed by the header row (see `rowsToRecords`). */
export interface ReadSheet extends TableRecords {
  name: string
}

export interface ReadSpreadsheet {
  format: 'csv' | OfficeFormat
  sheets: ReadSheet[]
}

/** A file that cannot be read as a table; `code` and `params` for i18n `office.readError.<code>`. */
export class SpreadsheetReadError extends Error {
  constructor(
    readonly code: TableReadErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`Spreadsheet not readable: ${code}`)
    this.name = 'SpreadsheetReadError'
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b)

/**
 * Reads a table file: CSV (strict UTF-8, ';' or ',' separated, values as written), XLSX or ODS (every
 * sheet; values as saved: text as is, numbers as plain digits with '.' for decimals, dates as ISO
 * "2024-03-01", yes/no cells as "true"/"false", formulas by their saved result). Limits: file size,
 * rows and columns per sheet (`TABLE_READ_LIMITS`). Old .xls files, password-protected workbooks and
 * anything else are refused. Throws `SpreadsheetReadError`.
 */
export async function readSpreadsheet(file: File, limits: TableReadLimits = TABLE_READ_LIMITS): Promise<ReadSpreadsheet> {
  if (file.size > limits.maxBytes) throw new SpreadsheetReadError('too_large', { max: Math.floor(limits.maxBytes / (1024 * 1024)) })
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer())
  if (startsWith(head, ZIP_MAGIC)) return readWorkbook(new Uint8Array(await file.arrayBuffer()), limits)
  if (/\.(csv|txt)$/i.test(file.name) || /^text\/(csv|plain)\b/.test(file.type)) return readCsv(file, limits)
  throw new SpreadsheetReadError('unsupported_format', { file: file.name })
}

async function readCsv(file: File, limits: TableReadLimits): Promise<ReadSpreadsheet> {
  const text = await readUtf8(file)
  if (!text.ok) throw new SpreadsheetReadError('not_utf8', { file: file.name })
  const parsed = parseCsv(text.text, { maxRows: limits.maxRows })
  if (!parsed.ok) throw new SpreadsheetReadError(parsed.error.code, parsed.error.params)
  const table = rowsToRecords(parsed.rows, limits)
  if (!table.ok) throw new SpreadsheetReadError(table.error.code, table.error.params)
  return { format: 'csv', sheets: [{ name: file.name.replace(/\.[^.]*$/, ''), ...table.table }] }
}

interface SheetCell {
  t?: string
  v?: unknown
  w?: string
}

/** A cell's value as text (see `readSpreadsheet`). */
function cellText(cell: SheetCell | undefined): string {
  if (!cell) return ''
  switch (cell.t) {
    case 's':
      return typeof cell.v === 'string' ? (cleanCell(cell.v) as string) : ''
    case 'n':
      return typeof cell.v === 'number' && Number.isFinite(cell.v) ? String(cell.v) : ''
    case 'b':
      return cell.v === true ? 'true' : cell.v === false ? 'false' : ''
    case 'd':
      return cell.v instanceof Date ? dateCellText(cell.v) : typeof cell.v === 'string' ? cell.v : ''
    case 'e':
      return cell.w ?? ''
    default:
      return ''
  }
}

async function readWorkbook(bytes: Uint8Array, limits: TableReadLimits): Promise<ReadSpreadsheet> {
  const X = await loadLibrary()
  let wb: ReturnType<SheetJs['read']>
  try {
    wb = X.read(bytes, {
      type: 'array',
      dense: true,
      cellFormula: false,
      cellHTML: false,
      cellNF: false,
      cellStyles: false,
      cellDates: true,
      UTC: true,
      bookVBA: false,
      bookFiles: false,
      bookDeps: false,
    })
  } catch {
    throw new SpreadsheetReadError('unreadable')
  }
  const bookType = (wb as { bookType?: string }).bookType
  const format: OfficeFormat | null = bookType === 'xlsx' || bookType === 'xlsm' ? 'xlsx' : bookType === 'ods' ? 'ods' : null
  if (format === null) throw new SpreadsheetReadError('unsupported_format', { file: bookType ?? '' })
  const sheets: ReadSheet[] = []
  for (const name of wb.SheetNames) {
    const data = ((wb.Sheets[name] as { '!data'?: (SheetCell[] | undefined)[] } | undefined)?.['!data']) ?? []
    const rows: string[][] = []
    let firstFilled = -1
    for (let r = 0; r < data.length; r++) {
      const cells = data[r] ?? []
      // A sparse row may end far right (a stray cell in column XFD): check the width before filling it.
      if (cells.length > limits.maxColumns && cells.slice(limits.maxColumns).some((c) => cellText(c).trim() !== '')) {
        throw new SpreadsheetReadError('too_many_columns', { max: limits.maxColumns })
      }
      const row = Array.from({ length: Math.min(cells.length, limits.maxColumns) }, (_, c) => cellText(cells[c]))
      rows.push(row)
      if (row.every((c) => c.trim() === '')) continue
      if (firstFilled < 0) firstFilled = r
      else if (r - firstFilled > limits.maxRows) throw new SpreadsheetReadError('too_many_rows', { max: limits.maxRows })
    }
    const table = rowsToRecords(rows, limits)
    if (!table.ok) throw new SpreadsheetReadError(table.error.code, table.error.params)
    sheets.push({ name, ...table.table })
  }
  return { format, sheets }
}
