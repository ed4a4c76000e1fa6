/**
 * The office exports (XLSX, ODS) as plain data: tables with headers and typed cells, sheet names a
 * spreadsheet program accepts, cells it can store, column widths. The spreadsheet library itself
 * is loaded lazily by src/platform/spreadsheet.ts, which only turns these arrays into a file.
 *
 * Unlike CSV, a workbook keeps numbers as numbers and text as text: a text cell "=1+1" stays text
 * (no formula guard needed), and no decimal comma or point is written — the office program shows
 * numbers in its own language. Words (headers, labels) come from the caller (the UI's i18n).
 */
import type { MeasureClass, Recommendation } from '@/domain/analysis/prioritisation'
import { formatDecimal } from './csv'
import type { Heatmap } from './heatmap'

export type TableCell = string | number | boolean | null

/** One table = one sheet of the workbook. */
export interface ExportTable {
  /** Sheet name as wished; made valid and unique by `sanitizeSheetNames`. */
  name: string
  headers: string[]
  rows: TableCell[][]
  /**
   * Decimals always shown for the number cells of a column (display format "0.0" for 1); undefined
   * = the program's general format. Only the display: round the values themselves beforehand.
   */
  decimals?: (number | undefined)[]
}

/** Excel's limit for a sheet name; LibreOffice accepts more, the stricter rule wins. */
export const SHEET_NAME_MAX = 31
/** Excel's limit for the text of one cell. */
export const CELL_TEXT_MAX = 32767

const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g
// C0 control characters other than tab and line feed are not allowed in XML 1.0 (ODS would be broken).
const XML_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g

/**
 * Valid, unique sheet names in the given order: the characters [ ] : * ? / \ and control characters
 * become spaces, runs of space one space, leading and trailing apostrophes and spaces are dropped,
 * at most 31 characters; an empty name becomes `fallback`; Excel's reserved name "History" and any
 * name already taken (Excel compares without case) gets " (2)", " (3)" … within the 31 characters.
 */
export function sanitizeSheetNames(names: readonly string[], fallback = 'Sheet'): string[] {
  const taken = new Set<string>()
  const key = (s: string) => s.toLocaleLowerCase('de')
  taken.add('history')
  return names.map((raw) => {
    const cleaned = raw
      .normalize('NFC')
      .replace(SHEET_NAME_FORBIDDEN, ' ')
      .replace(XML_UNSAFE, ' ')
      .replace(/[\t\r\n]/g, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^[\s']+|[\s']+$/g, '')
    const base = trimTo(cleaned === '' ? fallback : cleaned, SHEET_NAME_MAX)
    let name = base
    for (let n = 2; taken.has(key(name)); n++) {
      const suffix = ` (${n})`
      name = trimTo(base, SHEET_NAME_MAX - suffix.length).replace(/[\s']+$/, '') + suffix
    }
    taken.add(key(name))
    return name
  })
}

/** At most `max` UTF-16 units, never cutting a surrogate pair in half. */
function trimTo(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max)
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut
}

/**
 * A cell as a workbook can store it: text with line breaks as "\n" only (XLSX drops the "\r" of
 * "\r\n"), without characters XML forbids, at most 32,767 characters (longer text ends in "…");
 * numbers that are not finite become empty cells.
 */
export function cleanCell(cell: TableCell): TableCell {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null
  if (typeof cell !== 'string') return cell
  const text = cell.replace(/\r\n?/g, '\n').replace(XML_UNSAFE, '')
  return text.length > CELL_TEXT_MAX ? `${trimTo(text, CELL_TEXT_MAX - 1)}…` : text
}

/** The sheet as rows of cells: the header row, then every row padded or cut to the header's width. */
export function tableToRows(table: ExportTable): TableCell[][] {
  const width = table.headers.length
  const header = table.headers.map((h) => cleanCell(h))
  const body = table.rows.map((row) => Array.from({ length: width }, (_, i) => cleanCell(row[i] ?? null)))
  return [header, ...body]
}

/** Display format of a number column: 0 → "0", 1 → "0.0", 2 → "0.00" (at most 10 decimals). */
export function numberFormat(decimals: number): string {
  const d = Math.max(0, Math.min(10, Math.trunc(decimals)))
  return d === 0 ? '0' : `0.${'0'.repeat(d)}`
}

/**
 * Column widths in characters, roughly fitted: the longest line of any cell (numbers as written
 * with the column's decimals), plus one, clamped to [min, max] (default 8 and 60).
 */
export function columnWidths(rows: readonly (readonly TableCell[])[], decimals: readonly (number | undefined)[] = [], limits: { min?: number; max?: number } = {}): number[] {
  const min = limits.min ?? 8
  const max = limits.max ?? 60
  const widths: number[] = []
  for (const row of rows) {
    row.forEach((cell, i) => {
      let length = 0
      if (typeof cell === 'string') length = Math.max(...cell.split('\n').map((line) => [...line].length))
      else if (typeof cell === 'number') length = (decimals[i] === undefined ? String(cell) : cell.toFixed(Math.max(0, Math.min(10, decimals[i]!)))).length
      else if (typeof cell === 'boolean') length = 5
      widths[i] = Math.max(widths[i] ?? 0, length)
    })
  }
  return Array.from({ length: widths.length }, (_, i) => Math.min(max, Math.max(min, (widths[i] ?? 0) + 1)))
}

/**
 * A number rounded as the screen shows it with `decimals` decimals (the same rounding as vue-i18n's
 * number format and the CSV: half away from zero on the decimal value, so 0.15 → 0.2); null and
 * non-finite values give null.
 */
export function roundAsShown(value: number | null | undefined, decimals: number): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null
  return Number(formatDecimal(value, decimals, { language: 'en' }))
}

/** Words of the heatmap sheet, in the UI language. */
export interface HeatmapTableLabels {
  sheet: string
  department: string
  total: string
  orgRow: string
  /** Header of the last column, which names the values marked * (uncertain) on screen. */
  uncertain: string
  dimTitle: (id: string) => string
}

/**
 * The heatmap as shown (same rows, order and filter): "code · name", one column per dimension and
 * the total, scores rounded to one decimal as numbers (empty where the screen shows "–"), then the
 * organisation row. The last column lists what the screen marks with * (dimension titles and the
 * total, joined by "; " since titles hold commas), since a number cell cannot carry the mark.
 */
export function heatmapTable(data: Heatmap, labels: HeatmapTableLabels): ExportTable {
  const uncertainOf = (cells: readonly { dimensionId: string; uncertain: boolean }[], total: boolean): string | null => {
    const names = [...cells.filter((c) => c.uncertain).map((c) => labels.dimTitle(c.dimensionId)), ...(total ? [labels.total] : [])]
    return names.length === 0 ? null : names.join('; ')
  }
  const line = (label: string, cells: readonly { dimensionId: string; score: number | null; uncertain: boolean }[], score: number | null, uncertain: boolean): TableCell[] => [
    label,
    ...cells.map((c) => roundAsShown(c.score, 1)),
    roundAsShown(score, 1),
    uncertainOf(cells, uncertain),
  ]
  return {
    name: labels.sheet,
    headers: [labels.department, ...data.columns.map((c) => labels.dimTitle(c)), labels.total, labels.uncertain],
    rows: [...data.rows.map((r) => line(`${r.code} · ${r.name}`, r.cells, r.score, r.uncertain)), line(labels.orgRow, data.orgRow.cells, data.orgRow.score, data.orgRow.uncertain)],
    decimals: [undefined, ...data.columns.map(() => 1), 1, undefined],
  }
}

/** Words of the measures sheet, in the UI language. */
export interface MeasuresTableLabels {
  sheet: string
  rank: string
  measure: string
  class: string
  effort: string
  /** Method 2.0 only; without it the column is left out (as on screen). */
  personDays?: string
  impact: string
  priority: string
  measureTitle: (measureId: string) => string
  classLabel: (c: MeasureClass) => string
}

/**
 * The measures table as shown (the list after the screen's filters and sort): rank, title, class,
 * effort, person-days (method 2.0), impact, and the priority rounded to two decimals as on screen.
 */
export function measuresTable(list: readonly Recommendation[], labels: MeasuresTableLabels): ExportTable {
  const days = labels.personDays !== undefined
  return {
    name: labels.sheet,
    headers: [labels.rank, labels.measure, labels.class, labels.effort, ...(days ? [labels.personDays!] : []), labels.impact, labels.priority],
    rows: list.map((r) => [r.rank, labels.measureTitle(r.measureId), labels.classLabel(r.class), r.effort, ...(days ? [r.effortDays ?? null] : []), r.impact, roundAsShown(r.priority, 2)]),
  }
}
