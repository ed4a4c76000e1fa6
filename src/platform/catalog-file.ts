/**
 * Reads a catalogue file as consultants have it: JSON (the catalogue format), YAML (the same
 * structure, easier to write by hand) or a spreadsheet filled in from the template (XLSX, ODS or
 * CSV, see docs/catalog-format.md). Returns the raw candidate for `validateCatalog`, or why the file
 * cannot be read (codes for i18n namespace `catalogFile`).
 *
 * The YAML and spreadsheet libraries are large: both are imported only when such a file is read
 * (own chunks, never in the first load). Text files are read as strict UTF-8 (`readUtf8`).
 */
import { catalogFromSheets, type SheetIssue } from '@/domain/catalog/sheet-catalog'
import { TABLE_READ_LIMITS, type TableReadErrorCode, type TableReadLimits } from '@/domain/results/table-import'
import { readUtf8 } from './read-text'
import { readSpreadsheet, SpreadsheetReadError, type ReadSheet } from './spreadsheet'

export type CatalogFileSource = 'json' | 'yaml' | 'sheet'
export type CatalogFileErrorKey = 'notUtf8' | 'notJson' | 'notYaml' | 'unreadableSheet' | 'unknownType'

export type CatalogFileResult =
  | { ok: true; raw: unknown; source: CatalogFileSource; warnings: SheetIssue[] }
  /** `line`/`column` (1-based) for a YAML syntax error; `reason` (+ `params`) why a spreadsheet is unreadable. */
  | { ok: false; key: CatalogFileErrorKey; line?: number; column?: number; reason?: TableReadErrorCode; params?: Record<string, string | number> }
  | { ok: false; sheetIssues: SheetIssue[] }

/** What `<input type="file" accept>` offers for catalogues. */
export const CATALOG_FILE_ACCEPT = '.json,.yaml,.yml,.xlsx,.ods,.csv'

/**
 * Spreadsheet limits for catalogues: the Fragen sheet has one row per item and level, so a large
 * model (2,000 items × 8 levels at most) needs more rows than an inventory table.
 */
export const CATALOG_SHEET_LIMITS: TableReadLimits = { ...TABLE_READ_LIMITS, maxRows: 20_000 }

const YAML_OPTIONS = { prettyErrors: true, uniqueKeys: true, maxAliasCount: 100, logLevel: 'error' } as const

/** The kind of file by extension, else by MIME type; null = not a catalogue file. */
export function catalogFileKind(file: Pick<File, 'name' | 'type'>): CatalogFileSource | null {
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase()
  if (ext === 'json') return 'json'
  if (ext === 'yaml' || ext === 'yml') return 'yaml'
  if (ext === 'xlsx' || ext === 'ods' || ext === 'csv') return 'sheet'
  const type = file.type.toLowerCase()
  if (type === 'application/json') return 'json'
  if (/^(application|text)\/(x-)?yaml$/.test(type)) return 'yaml'
  if (type === 'text/csv' || type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' || type === 'application/vnd.oasis.opendocument.spreadsheet') return 'sheet'
  return null
}

/**
 * Reads `file` as a catalogue candidate (not yet validated): JSON and YAML parsed as they are
 * (YAML: duplicate keys refused, at most 100 aliases, line and column of a syntax error), a
 * spreadsheet converted by `catalogFromSheets` (its warnings passed on; `today` = YYYY-MM-DD is the
 * publication date of a CSV catalogue). Never throws for a bad file.
 */
export async function readCatalogFile(file: File, today: string): Promise<CatalogFileResult> {
  const kind = catalogFileKind(file)
  if (kind === null) return { ok: false, key: 'unknownType' }
  if (kind === 'sheet') return readSheetCatalog(file, today)
  const read = await readUtf8(file)
  if (!read.ok) return { ok: false, key: 'notUtf8' }
  if (kind === 'json') {
    try {
      return { ok: true, raw: JSON.parse(read.text) as unknown, source: 'json', warnings: [] }
    } catch {
      return { ok: false, key: 'notJson' }
    }
  }
  const YAML = await import('yaml')
  try {
    return { ok: true, raw: YAML.parse(read.text, YAML_OPTIONS) as unknown, source: 'yaml', warnings: [] }
  } catch (error) {
    const at = error instanceof YAML.YAMLError ? error.linePos?.[0] : undefined
    return at ? { ok: false, key: 'notYaml', line: at.line, column: at.col } : { ok: false, key: 'notYaml' }
  }
}

/** A sheet as read back into rows of cells, with its original row numbers (blank rows before the header kept). */
function sheetRows(sheet: ReadSheet): string[][] {
  const blank = Array.from({ length: Math.max(0, sheet.firstRowNumber - 2) }, () => [] as string[])
  return [...blank, sheet.headers, ...sheet.rows.map((r) => sheet.headers.map((h) => r[h] ?? ''))]
}

async function readSheetCatalog(file: File, today: string): Promise<CatalogFileResult> {
  let sheets: ReadSheet[]
  try {
    // readSpreadsheet (not sheet_to_json with raw: false): cells as saved, not as formatted —
    // a 0.25 shown as "0,3" or "25 %" stays 0.25, a date cell is "2025-03-01".
    sheets = (await readSpreadsheet(file, CATALOG_SHEET_LIMITS)).sheets
  } catch (error) {
    if (error instanceof SpreadsheetReadError) {
      if (error.code === 'not_utf8') return { ok: false, key: 'notUtf8' }
      return { ok: false, key: 'unreadableSheet', reason: error.code, params: error.params }
    }
    return { ok: false, key: 'unreadableSheet', reason: 'unreadable' }
  }
  const tables: Record<string, string[][]> = {}
  for (const sheet of sheets) tables[sheet.name] = sheetRows(sheet)
  const result = catalogFromSheets(tables, { fileName: file.name, today })
  return result.ok ? { ok: true, raw: result.candidate, source: 'sheet', warnings: result.warnings } : { ok: false, sheetIssues: result.issues }
}
