/**
 * Catalogues from spreadsheets: the template consultants fill in (XLSX, ODS or CSV; one row per item
 * and level, see docs/catalog-format.md "Spreadsheet template") read as tables of cell strings and
 * turned into a catalogue candidate in the JSON format — and a catalogue written back into such
 * tables (for the template and a later spreadsheet export).
 *
 * Only the shape of the tables is checked here (sheets, columns, numbers, level rows, repeated values):
 * what the candidate means (ids, references, scales, texts) is checked once, by `validateCatalog`.
 * Problems are codes with parameters and the place (sheet, row as the spreadsheet shows it, column
 * header); the UI words them (i18n namespace `catalogFile`). Nothing here reads files or the clock.
 */
import { CATALOG_FORMAT } from '@/domain/model/types'

/** What is wrong with a sheet; `params` of each code in brackets. */
export type SheetIssueCode =
  | 'missingSheet' // { names: 'Fragen / Items' }: a required sheet is not in the file (`sheet` = its German name)
  | 'duplicateSheet' // { names }: two sheets stand for the same table (e.g. "Fragen" and "Items")
  | 'emptySheet' // {}: a required sheet has no header row
  | 'missingColumn' // { column: 'text_de / text_en' }: none of these header names is in the header row
  | 'duplicateColumn' // { column }: two header cells name the same column
  | 'unknownColumn' // { column }: WARNING only, the column is ignored (header as written)
  | 'unknownKey' // { key }: WARNING only, a key of the Katalog sheet the template does not know, ignored
  | 'duplicateKey' // { key, firstRow }: a key of the Katalog sheet given twice
  | 'missingValue' // {}: a cell that identifies the row (item, scale, level, id) is empty
  | 'notANumber' // { value }: a number cell holds no number (decimal comma or point allowed)
  | 'notAnInteger' // { value }: a level, target, stage, effort or impact is not a whole number
  | 'levelGap' // { id, level }: the level rows of item/scale `id` do not run 0..n-1; `level` is the first missing one
  | 'duplicateLevel' // { id, level }: item/scale `id` has two rows for `level`
  | 'rowsNotGrouped' // { id, firstRow }: the rows of item/scale `id` are interrupted by rows of another one
  | 'conflictingValue' // { id, value, first, firstRow }: an item-level cell repeated with a different value
  | 'invalidTrigger' // { value }: a trigger is not written as `item<=level`

export interface SheetIssue {
  code: SheetIssueCode
  params: Record<string, string | number>
  /** The sheet's name as in the file (for a missing sheet: the template's German name). */
  sheet: string
  /** Row number, 1-based, as the spreadsheet shows it. */
  row?: number
  /** The column's header as in the file (for a missing column: the template's header names). */
  column?: string
}

export type SheetCatalogResult = { ok: true; candidate: unknown; warnings: SheetIssue[] } | { ok: false; issues: SheetIssue[] }

export interface SheetCatalogOptions {
  /** Name of the file read (single-table mode derives the catalogue's id and title from it). */
  fileName: string
  /** Today as YYYY-MM-DD: `publishedAt` of a catalogue read in single-table mode. */
  today: string
}

// ---------------------------------------------------------------------------------------------
// The template: sheet names and columns (English name first, then the German one; both accepted,
// case-insensitive, umlauts may be written out: "Maßnahmen" = "Massnahmen")
// ---------------------------------------------------------------------------------------------

export const TEMPLATE_SHEETS = {
  catalog: { de: 'Katalog', en: 'Catalog' },
  scales: { de: 'Skalen', en: 'Scales' },
  groups: { de: 'Gruppen', en: 'Groups' },
  dimensions: { de: 'Dimensionen', en: 'Dimensions' },
  items: { de: 'Fragen', en: 'Items' },
  measures: { de: 'Massnahmen', en: 'Measures' },
} as const
export type TemplateSheet = keyof typeof TEMPLATE_SHEETS
type TableSheet = Exclude<TemplateSheet, 'catalog'>

type Column = readonly [en: string, de: string]
/** The two language columns of a text: `title_de`, `title_en` / `titel_de`, `titel_en`. */
const texts = (en: string, de: string): Column[] => [
  [`${en}_de`, `${de}_de`],
  [`${en}_en`, `${de}_en`],
]

/** The keys of the Katalog sheet (column A key, column B value). */
export const CATALOG_KEYS: readonly Column[] = [
  ['id', 'kennung'],
  ['version', 'version'],
  ...texts('title', 'titel'),
  ...texts('description', 'beschreibung'),
  ['publishedAt', 'veroeffentlicht'],
  ['defaultLanguage', 'standardsprache'],
  ['license', 'lizenz'],
  ['authors', 'autoren'],
  ...texts('modelScore', 'modellwert'),
  ['modelScore_decimals', 'modellwert_nachkommastellen'],
  ['aggregation', 'aggregation'],
  ['scoringModel', 'bewertungsmodell'],
  ['vocabulary', 'wortwahl'],
]

/** The columns of each table sheet, in the order the template writes them. */
export const TEMPLATE_COLUMNS: Readonly<Record<TableSheet, readonly Column[]>> = {
  scales: [['scale', 'skala'], ['level', 'stufe'], ['value', 'wert'], ...texts('label', 'bezeichnung'), ...texts('description', 'beschreibung')],
  groups: [['id', 'id'], ['parent', 'uebergeordnet'], ...texts('title', 'titel'), ...texts('short', 'kurztitel'), ...texts('description', 'beschreibung'), ['aggregation', 'aggregation'], ['weight', 'gewicht']],
  dimensions: [
    ['id', 'id'],
    ['parent', 'uebergeordnet'],
    ...texts('title', 'titel'),
    ...texts('short', 'kurztitel'),
    ...texts('description', 'beschreibung'),
    ['weight', 'gewicht'],
    ['defaultTarget', 'zielstufe'],
    ['aggregation', 'aggregation'],
  ],
  items: [
    ['item', 'frage'],
    ['dimension', 'dimension'],
    ['scale', 'skala'],
    ['level', 'stufe'],
    ...texts('question', 'fragetext'),
    ...texts('help', 'hilfe'),
    ...texts('text', 'stufentext'),
    ['weight', 'gewicht'],
    ['defaultTarget', 'zielstufe'],
    ['appliesTo', 'gilt_fuer'],
    ...texts('owner', 'zustaendig'),
    ['stage', 'modellstufe'],
    ['dependsOn', 'abhaengig_von'],
  ],
  measures: [
    ['id', 'id'],
    ...texts('title', 'titel'),
    ...texts('description', 'beschreibung'),
    ['dimensions', 'dimensionen'],
    ['triggers', 'ausloeser'],
    ['effort', 'aufwand'],
    ['impact', 'nutzen'],
    ['dependsOn', 'abhaengig_von'],
  ],
}

/** Extra columns of the single table (a CSV file): the dimension's texts and the level's scale entry. */
export const SINGLE_TABLE_EXTRA_COLUMNS: readonly Column[] = [
  ...texts('dimension_title', 'dimension_titel'),
  ...texts('dimension_description', 'dimension_beschreibung'),
  ['dimension_target', 'dimension_zielstufe'],
  ['value', 'wert'],
  ...texts('label', 'bezeichnung'),
]

/** Columns a sheet must have: each entry lists alternatives (one of them is enough). */
const REQUIRED: Readonly<Record<TableSheet | 'single', readonly (readonly string[])[]>> = {
  scales: [['scale'], ['level'], ['label_de', 'label_en']],
  groups: [['id'], ['title_de', 'title_en']],
  dimensions: [['id'], ['title_de', 'title_en'], ['defaultTarget']],
  items: [['item'], ['dimension'], ['level'], ['question_de', 'question_en'], ['text_de', 'text_en']],
  measures: [['id'], ['title_de', 'title_en'], ['dimensions'], ['triggers'], ['effort'], ['impact']],
  single: [['item'], ['dimension'], ['level'], ['question_de', 'question_en'], ['text_de', 'text_en']],
}

/** Scale ids of the Skalen sheet that fill `scales.<id>`; every other id is an `answerScales` entry. */
const FIXED_SCALES: Readonly<Record<string, string>> = { ist: 'ist', bedarf: 'bedarf', potenzial: 'potenzial', effort: 'effort', aufwand: 'effort', impact: 'impact', nutzen: 'impact' }
const APPLIES: Readonly<Record<string, string>> = { alle: 'all', zentral: 'central', querschnitt: 'central', fundament: 'organisation' }

/** A header or sheet name compared: trimmed, lower case, umlauts written out, blanks and dashes as "_". */
function norm(s: string): string {
  return s.trim().toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').replace(/[\s-]+/g, '_')
}

// ---------------------------------------------------------------------------------------------
// Reading a table
// ---------------------------------------------------------------------------------------------

interface Row {
  /** 1-based, as the spreadsheet shows it. */
  n: number
  cells: readonly string[]
}

class Table {
  constructor(
    readonly sheet: string,
    /** canonical column name → index */
    readonly columns: ReadonlyMap<string, number>,
    /** canonical column name → header as written */
    readonly headers: ReadonlyMap<string, string>,
    readonly rows: readonly Row[],
  ) {}
  has(key: string): boolean {
    return this.columns.has(key)
  }
  get(row: Row, key: string): string {
    const c = this.columns.get(key)
    return c === undefined ? '' : (row.cells[c] ?? '').trim()
  }
  header(key: string): string {
    return this.headers.get(key) ?? key
  }
}

const isBlank = (cells: readonly string[] | undefined) => cells === undefined || cells.every((c) => (c ?? '').trim() === '')

class Reader {
  readonly issues: SheetIssue[] = []
  readonly warnings: SheetIssue[] = []

  issue(code: SheetIssueCode, sheet: string, params: SheetIssue['params'] = {}, row?: number, column?: string): void {
    this.issues.push(place({ code, params, sheet }, row, column))
  }

  /**
   * The table of a sheet: the first non-empty row is the header; known columns by either name,
   * unknown ones reported as warnings, missing required ones as issues (the rows are then not
   * read); empty rows skipped. Null when the sheet has no header row.
   */
  table(sheet: string, cells: readonly (readonly string[])[], known: readonly Column[], required: readonly (readonly string[])[]): Table | null {
    const start = cells.findIndex((r) => !isBlank(r))
    if (start < 0) return null
    const lookup = new Map<string, string>()
    for (const [en, de] of known) {
      lookup.set(norm(en), en)
      lookup.set(norm(de), en)
    }
    const columns = new Map<string, number>()
    const headers = new Map<string, string>()
    ;(cells[start] ?? []).forEach((raw, c) => {
      const header = (raw ?? '').trim()
      if (header === '') return
      const key = lookup.get(norm(header))
      if (key === undefined) this.warnings.push({ code: 'unknownColumn', params: { column: header }, sheet, row: start + 1, column: header })
      else if (columns.has(key)) this.issue('duplicateColumn', sheet, { column: header }, start + 1, header)
      else {
        columns.set(key, c)
        headers.set(key, header)
      }
    })
    let complete = true
    for (const alternatives of required) {
      if (!alternatives.some((k) => columns.has(k))) {
        const names = alternatives.join(' / ')
        this.issue('missingColumn', sheet, { column: names }, start + 1, names)
        complete = false
      }
    }
    // Without a required column every row would repeat the same problem: the rows are not read.
    if (!complete) return new Table(sheet, columns, headers, [])
    const rows: Row[] = []
    for (let r = start + 1; r < cells.length; r++) {
      const row = cells[r]
      if (!isBlank(row)) rows.push({ n: r + 1, cells: row ?? [] })
    }
    return new Table(sheet, columns, headers, rows)
  }

  /** A number cell (decimal comma or point); empty = undefined; not a number = an issue and undefined. */
  number(t: Table, row: Row, key: string, integer = false): number | undefined {
    const text = t.get(row, key)
    if (text === '') return undefined
    const value = parseNumber(text)
    if (value === undefined) {
      this.issue('notANumber', t.sheet, { value: text }, row.n, t.header(key))
      return undefined
    }
    if (integer && !Number.isInteger(value)) {
      this.issue('notAnInteger', t.sheet, { value: text }, row.n, t.header(key))
      return undefined
    }
    return value
  }

  /**
   * Rows grouped by the id in column `key`, in the order of first appearance. A row without id is an
   * issue; an id whose rows are interrupted by another id's is an issue (`rowsNotGrouped`).
   */
  groups(t: Table, key: string): Map<string, Row[]> {
    const out = new Map<string, Row[]>()
    let last: string | undefined
    for (const row of t.rows) {
      const id = t.get(row, key)
      if (id === '') {
        this.issue('missingValue', t.sheet, {}, row.n, t.header(key))
        continue
      }
      const rows = out.get(id)
      if (rows === undefined) out.set(id, [row])
      else {
        if (last !== id) this.issue('rowsNotGrouped', t.sheet, { id, firstRow: rows[0]!.n }, row.n, t.header(key))
        rows.push(row)
      }
      last = id
    }
    return out
  }

  /** The rows of item or scale `id` ordered by level, which must run 0..n-1; null after an issue. */
  levels(t: Table, id: string, rows: readonly Row[]): Row[] | null {
    const byLevel = new Map<number, Row>()
    let ok = true
    for (const row of rows) {
      if (t.get(row, 'level') === '') {
        this.issue('missingValue', t.sheet, {}, row.n, t.header('level'))
        ok = false
        continue
      }
      const level = this.number(t, row, 'level', true)
      if (level === undefined) ok = false
      else if (byLevel.has(level)) {
        this.issue('duplicateLevel', t.sheet, { id, level }, row.n, t.header('level'))
        ok = false
      } else byLevel.set(level, row)
    }
    if (!ok) return null
    const ordered: Row[] = []
    for (let level = 0; level < byLevel.size; level++) {
      const row = byLevel.get(level)
      if (row === undefined) {
        this.issue('levelGap', t.sheet, { id, level }, rows[0]!.n, t.header('level'))
        return null
      }
      ordered.push(row)
    }
    return ordered
  }

  /**
   * An item-level cell: the first non-empty one among the item's rows. A later row repeating it with
   * another value is an issue (`conflictingValue`); numbers compare by value ("0,5" = "0.5").
   */
  first(t: Table, id: string, rows: readonly Row[], key: string, compare: (a: string, b: string) => boolean = (a, b) => a === b): { value: string; row?: Row } {
    let found: { value: string; row?: Row } = { value: '' }
    for (const row of rows) {
      const value = t.get(row, key)
      if (value === '') continue
      if (found.row === undefined) found = { value, row }
      else if (!compare(found.value, value)) this.issue('conflictingValue', t.sheet, { id, value, first: found.value, firstRow: found.row.n }, row.n, t.header(key))
    }
    return found
  }
}

function place(issue: SheetIssue, row: number | undefined, column: string | undefined): SheetIssue {
  if (row !== undefined) issue.row = row
  if (column !== undefined) issue.column = column
  return issue
}

/** "0,25", "0.25", " 3 " → number; anything else (thousands separators, units, "") → undefined. */
export function parseNumber(text: string): number | undefined {
  const s = text.trim().replace(/[\u00a0\u202f ]/g, '')
  if (!/^[+-]?(\d+([.,]\d+)?|[.,]\d+)$/.test(s)) return undefined
  return Number(s.replace(',', '.'))
}

const sameNumber = (a: string, b: string) => a === b || (parseNumber(a) !== undefined && parseNumber(a) === parseNumber(b))
const sameList = (a: string, b: string) => splitList(a).join(',') === splitList(b).join(',')
/** "a, b; c" → ['a', 'b', 'c']. */
function splitList(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

type Text = { de?: string; en?: string }
/** A localised text from two cells; undefined when both are empty. */
function localized(de: string, en: string): Text | undefined {
  if (de === '' && en === '') return undefined
  const out: Text = {}
  if (de !== '') out.de = de
  if (en !== '') out.en = en
  return out
}
function rowText(t: Table, row: Row, base: string): Text | undefined {
  return localized(t.get(row, `${base}_de`), t.get(row, `${base}_en`))
}

/** Sets `obj[key] = value` unless value is undefined (candidates carry no undefined fields). */
function put(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined) obj[key] = value
}

// ---------------------------------------------------------------------------------------------
// Sheets → candidate
// ---------------------------------------------------------------------------------------------

/**
 * A catalogue candidate (the JSON format, still to be checked by `validateCatalog`) from the tables
 * of a spreadsheet, keyed by sheet name, each a list of rows of cell strings (row 1 first). With a
 * Katalog/Catalog sheet the file is read as the full template; without one, a file holding a single
 * table (a CSV file) is read in single-table mode (the Fragen table with the dimension's titles and
 * the level's scale entry on each row; id and title from the file name, `publishedAt` = `today`).
 * Sheets the template does not know are ignored; unknown columns and keys are ignored and returned
 * as warnings. Fails with every structural issue found (sheet, row, column).
 */
export function catalogFromSheets(sheets: Readonly<Record<string, readonly (readonly string[])[]>>, opts: SheetCatalogOptions): SheetCatalogResult {
  const reader = new Reader()
  const found = new Map<TemplateSheet, string>()
  for (const name of Object.keys(sheets)) {
    const kind = (Object.keys(TEMPLATE_SHEETS) as TemplateSheet[]).find((k) => norm(name) === norm(TEMPLATE_SHEETS[k].de) || norm(name) === norm(TEMPLATE_SHEETS[k].en))
    if (kind === undefined) continue
    const earlier = found.get(kind)
    if (earlier !== undefined) reader.issue('duplicateSheet', name, { names: `${earlier} / ${name}` })
    else found.set(kind, name)
  }
  const filled = Object.keys(sheets).filter((name) => (sheets[name] ?? []).some((r) => !isBlank(r)))
  const candidate = !found.has('catalog') && filled.length === 1 ? singleTable(reader, filled[0]!, sheets[filled[0]!]!, opts) : fullTemplate(reader, sheets, found)
  return reader.issues.length > 0 ? { ok: false, issues: reader.issues } : { ok: true, candidate, warnings: reader.warnings }
}

function fullTemplate(reader: Reader, sheets: Readonly<Record<string, readonly (readonly string[])[]>>, found: ReadonlyMap<TemplateSheet, string>): Record<string, unknown> {
  const table = (kind: TableSheet, optional: boolean): Table | null => {
    const name = found.get(kind)
    if (name === undefined) {
      if (!optional) reader.issue('missingSheet', TEMPLATE_SHEETS[kind].de, { names: `${TEMPLATE_SHEETS[kind].de} / ${TEMPLATE_SHEETS[kind].en}` })
      return null
    }
    const t = reader.table(name, sheets[name] ?? [], TEMPLATE_COLUMNS[kind], REQUIRED[kind])
    if (t === null && !optional) reader.issue('emptySheet', name)
    return t
  }
  const out: Record<string, unknown> = { format: CATALOG_FORMAT, formatVersion: 1 }
  const catalogName = found.get('catalog')
  if (catalogName === undefined) reader.issue('missingSheet', TEMPLATE_SHEETS.catalog.de, { names: `${TEMPLATE_SHEETS.catalog.de} / ${TEMPLATE_SHEETS.catalog.en}` })
  else readCatalogSheet(reader, catalogName, sheets[catalogName] ?? [], out)
  out.sources = []

  const scales = table('scales', false)
  if (scales) readScales(reader, scales, out)
  const groups = table('groups', true)
  if (groups && groups.rows.length > 0) out.groups = groups.rows.map((row) => readNode(reader, groups, row, false))
  const dimensions = table('dimensions', false)
  if (dimensions) out.dimensions = dimensions.rows.map((row) => readNode(reader, dimensions, row, true))
  const items = table('items', false)
  if (items) out.items = readItems(reader, items)
  const measures = table('measures', true)
  out.measures = measures ? measures.rows.map((row) => readMeasure(reader, measures, row)) : []
  return out
}

function readCatalogSheet(reader: Reader, sheet: string, cells: readonly (readonly string[])[], out: Record<string, unknown>): void {
  const lookup = new Map<string, string>()
  for (const [en, de] of CATALOG_KEYS) {
    lookup.set(norm(en), en)
    lookup.set(norm(de), en)
  }
  const values = new Map<string, { value: string; row: number }>()
  let header = true
  cells.forEach((cellsOfRow, r) => {
    if (isBlank(cellsOfRow)) return
    const rawKey = (cellsOfRow[0] ?? '').trim()
    const value = (cellsOfRow[1] ?? '').trim()
    // An optional header row "key | value" / "Schlüssel | Wert".
    if (header && (norm(rawKey) === 'key' || norm(rawKey) === 'schluessel')) {
      header = false
      return
    }
    header = false
    const key = lookup.get(norm(rawKey))
    if (key === undefined) {
      reader.warnings.push({ code: 'unknownKey', params: { key: rawKey }, sheet, row: r + 1, column: 'key' })
      return
    }
    const earlier = values.get(key)
    if (earlier !== undefined) reader.issue('duplicateKey', sheet, { key: rawKey, firstRow: earlier.row }, r + 1, 'key')
    else values.set(key, { value, row: r + 1 })
  })
  const get = (key: string) => values.get(key)?.value ?? ''
  const integer = (key: string): number | undefined => {
    const v = values.get(key)
    if (v === undefined || v.value === '') return undefined
    const n = parseNumber(v.value)
    if (n === undefined) reader.issue('notANumber', sheet, { value: v.value }, v.row, 'value')
    else if (!Number.isInteger(n)) reader.issue('notAnInteger', sheet, { value: v.value }, v.row, 'value')
    else return n
    return undefined
  }
  for (const key of ['id', 'version', 'publishedAt', 'defaultLanguage', 'license', 'aggregation', 'scoringModel', 'vocabulary']) {
    if (get(key) !== '') out[key] = get(key)
  }
  put(out, 'title', localized(get('title_de'), get('title_en')))
  put(out, 'description', localized(get('description_de'), get('description_en')))
  const authors = get('authors')
    .split(/[;\n]/)
    .map((a) => a.trim())
    .filter((a) => a !== '')
  if (authors.length > 0) out.authors = authors
  const scoreLabel = localized(get('modelScore_de'), get('modelScore_en'))
  const decimals = integer('modelScore_decimals')
  if (scoreLabel !== undefined || decimals !== undefined) {
    const modelScore: Record<string, unknown> = {}
    put(modelScore, 'label', scoreLabel)
    put(modelScore, 'decimals', decimals)
    out.modelScore = modelScore
  }
}

/** One scale entry: value (empty = the level position), label, description. */
function scaleEntry(reader: Reader, t: Table, row: Row, position: number): Record<string, unknown> {
  const entry: Record<string, unknown> = { value: reader.number(t, row, 'value') ?? position }
  put(entry, 'label', rowText(t, row, 'label'))
  put(entry, 'description', rowText(t, row, 'description'))
  return entry
}

function readScales(reader: Reader, t: Table, out: Record<string, unknown>): void {
  const scales: Record<string, unknown> = {}
  const answerScales: { id: string; levels: unknown[] }[] = []
  for (const [id, rows] of reader.groups(t, 'scale')) {
    const ordered = reader.levels(t, id, rows)
    if (ordered === null) continue
    const levels = ordered.map((row, position) => scaleEntry(reader, t, row, position))
    const fixed = FIXED_SCALES[norm(id)]
    if (fixed !== undefined) scales[fixed] = levels
    else answerScales.push({ id, levels })
  }
  out.scales = scales
  if (answerScales.length > 0) out.answerScales = answerScales
}

/** A group (`dimension` false) or dimension row. */
function readNode(reader: Reader, t: Table, row: Row, dimension: boolean): Record<string, unknown> {
  const node: Record<string, unknown> = {}
  put(node, 'id', t.get(row, 'id') || undefined)
  put(node, 'title', rowText(t, row, 'title'))
  put(node, 'shortTitle', rowText(t, row, 'short'))
  put(node, 'description', rowText(t, row, 'description'))
  put(node, 'parentId', t.get(row, 'parent') || undefined)
  put(node, 'weight', reader.number(t, row, 'weight'))
  if (dimension) put(node, 'defaultTarget', reader.number(t, row, 'defaultTarget', true))
  put(node, 'aggregation', t.get(row, 'aggregation') || undefined)
  return node
}

/** The items of the Fragen table (one row per item and level), in the sheet's order. */
function readItems(reader: Reader, t: Table): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = []
  for (const [id, rows] of reader.groups(t, 'item')) {
    const item = readItem(reader, t, id, rows)
    if (item) items.push(item.item)
  }
  return items
}

/** One item from its rows; also its level rows in order (single-table mode reads the scale from them). */
function readItem(reader: Reader, t: Table, id: string, rows: readonly Row[]): { item: Record<string, unknown>; ordered: Row[] } | null {
  const field = (key: string, compare?: (a: string, b: string) => boolean) => reader.first(t, id, rows, key, compare)
  const text = (base: string) => localized(field(`${base}_de`).value, field(`${base}_en`).value)
  const num = (key: string, integer: boolean): number | undefined => {
    const f = field(key, sameNumber)
    return f.row === undefined ? undefined : reader.number(t, f.row, key, integer)
  }
  const item: Record<string, unknown> = { id }
  put(item, 'dimensionId', field('dimension').value || undefined)
  put(item, 'question', text('question'))
  put(item, 'help', text('help'))
  const scale = field('scale').value
  if (scale !== '' && norm(scale) !== 'ist') item.scale = scale
  const ordered = reader.levels(t, id, rows)
  if (ordered !== null) item.levels = ordered.map((row) => rowText(t, row, 'text') ?? {})
  const applies = field('appliesTo').value
  item.appliesTo = applies === '' ? 'all' : (APPLIES[norm(applies)] ?? applies)
  put(item, 'owner', text('owner'))
  put(item, 'weight', num('weight', false))
  put(item, 'defaultTarget', num('defaultTarget', true))
  put(item, 'stage', num('stage', true))
  const dependsOn = splitList(field('dependsOn', sameList).value)
  if (dependsOn.length > 0) item.dependsOn = dependsOn
  return ordered === null ? null : { item, ordered }
}

function readMeasure(reader: Reader, t: Table, row: Row): Record<string, unknown> {
  const measure: Record<string, unknown> = {}
  put(measure, 'id', t.get(row, 'id') || undefined)
  put(measure, 'title', rowText(t, row, 'title'))
  put(measure, 'description', rowText(t, row, 'description'))
  measure.dimensionIds = splitList(t.get(row, 'dimensions'))
  const triggers: { itemId: string; maxLevel: number }[] = []
  for (const part of t
    .get(row, 'triggers')
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')) {
    const m = /^(\S+?)\s*(?:<=|≤)\s*(\S+)$/.exec(part)
    const level = m ? parseNumber(m[2]!) : undefined
    if (!m || level === undefined || !Number.isInteger(level)) reader.issue('invalidTrigger', t.sheet, { value: part }, row.n, t.header('triggers'))
    else triggers.push({ itemId: m[1]!, maxLevel: level })
  }
  measure.triggers = triggers
  put(measure, 'effort', reader.number(t, row, 'effort', true))
  put(measure, 'impact', reader.number(t, row, 'impact', true))
  measure.dependsOn = splitList(t.get(row, 'dependsOn'))
  return measure
}

/** A catalogue id from a file name: "Reifegrad Schulen 2025.csv" → "reifegrad-schulen-2025". */
export function slugFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '')
  const slug = base
    .trim()
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[^a-z0-9]+|[-._]+$/g, '')
    .slice(0, 80)
    .replace(/[-._]+$/, '')
  return slug === '' ? 'catalog' : slug
}

/** Single-table mode (a CSV file): the Fragen table plus dimension texts and the level's scale entry per row. */
function singleTable(reader: Reader, sheet: string, cells: readonly (readonly string[])[], opts: SheetCatalogOptions): Record<string, unknown> {
  const t = reader.table(sheet, cells, [...TEMPLATE_COLUMNS.items, ...SINGLE_TABLE_EXTRA_COLUMNS], REQUIRED.single)
  const base = opts.fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '').trim() || 'Katalog'
  const out: Record<string, unknown> = {
    format: CATALOG_FORMAT,
    formatVersion: 1,
    id: slugFromFileName(opts.fileName),
    version: '1.0.0',
    title: { de: base, en: base },
    description: { de: base, en: base },
    publishedAt: opts.today,
    sources: [],
  }
  if (t === null) {
    reader.issue('emptySheet', sheet)
    return out
  }
  const onlyEnglish = !t.has('question_de') && !t.has('text_de')
  if (onlyEnglish) out.defaultLanguage = 'en'

  // Items, and per item the scale entries its level rows give (value, label).
  const items: Record<string, unknown>[] = []
  const scaleOf: { item: Record<string, unknown>; entries: Record<string, unknown>[] | null }[] = []
  const dimensionRows = new Map<string, Row[]>()
  for (const [id, rows] of reader.groups(t, 'item')) {
    const read = readItem(reader, t, id, rows)
    if (!read) continue
    const dimension = read.item.dimensionId
    if (typeof dimension === 'string') dimensionRows.set(dimension, [...(dimensionRows.get(dimension) ?? []), ...rows])
    items.push(read.item)
    delete read.item.scale // the scales of single-table mode come from the value and label cells
    const given = read.ordered.some((row) => t.get(row, 'value') !== '' || t.get(row, 'label_de') !== '' || t.get(row, 'label_en') !== '')
    scaleOf.push({ item: read.item, entries: given ? read.ordered.map((row, position) => scaleEntry(reader, t, row, position)) : null })
  }
  // The default scale is the first item's; items whose entries differ get their own answer scale.
  const ist = scaleOf.find((s) => s.entries !== null)?.entries ?? []
  const answerScales: { id: string; levels: Record<string, unknown>[] }[] = []
  const key = (entries: readonly Record<string, unknown>[]) => JSON.stringify(entries)
  for (const { item, entries } of scaleOf) {
    if (entries === null || key(entries) === key(ist)) continue
    let scale = answerScales.find((s) => key(s.levels) === key(entries))
    if (!scale) {
      scale = { id: `scale-${answerScales.length + 2}`, levels: entries }
      answerScales.push(scale)
    }
    item.scale = scale.id
  }
  out.scales = { ist }
  if (answerScales.length > 0) out.answerScales = answerScales

  const top = Math.max(0, ist.length - 1)
  out.dimensions = [...dimensionRows].map(([id, rows]) => {
    const field = (key: string, compare?: (a: string, b: string) => boolean) => reader.first(t, id, rows, key, compare)
    const title = localized(field('dimension_title_de').value, field('dimension_title_en').value) ?? (onlyEnglish ? { en: id } : { de: id })
    const target = field('dimension_target', sameNumber)
    return {
      id,
      title,
      description: localized(field('dimension_description_de').value, field('dimension_description_en').value) ?? title,
      defaultTarget: target.row === undefined ? top : (reader.number(t, target.row, 'dimension_target', true) ?? top),
    }
  })
  out.items = items
  out.measures = []
  return out
}

// ---------------------------------------------------------------------------------------------
// Catalogue → sheets
// ---------------------------------------------------------------------------------------------

interface ScaleEntryLike {
  value: number
  label: Text
  description?: Text
}
interface NodeLike {
  id: string
  title: Text
  shortTitle?: Text
  description?: Text
  parentId?: string
  weight?: number
  aggregation?: string
}

/** What `catalogToSheets` reads of a catalogue (every valid catalogue has this shape). */
export interface SheetCatalogSource {
  id: string
  version: string
  title: Text
  description: Text
  publishedAt: string
  defaultLanguage?: string
  license?: string
  authors?: readonly string[]
  aggregation?: string
  modelScore?: { label: Text; decimals?: number }
  scoringModel?: string
  vocabulary?: string
  scales: { readonly [id: string]: readonly ScaleEntryLike[] | undefined }
  answerScales?: readonly { id: string; levels: readonly ScaleEntryLike[] }[]
  groups?: readonly NodeLike[]
  dimensions: readonly (NodeLike & { defaultTarget: number })[]
  items: readonly {
    id: string
    dimensionId: string
    question: Text
    help: Text
    scale?: string
    levels: readonly Text[]
    appliesTo: string
    owner?: Text
    weight?: number
    defaultTarget?: number
    stage?: number
    dependsOn?: readonly string[]
  }[]
  measures: readonly {
    id: string
    title: Text
    description: Text
    dimensionIds: readonly string[]
    triggers: readonly { itemId: string; maxLevel: number }[]
    effort: number
    impact: number
    dependsOn: readonly string[]
  }[]
}

const cell = (v: string | number | undefined): string => (v === undefined ? '' : String(v))
const de = (t: Text | undefined) => t?.de ?? ''
const en = (t: Text | undefined) => t?.en ?? ''
const header = (kind: TableSheet) => TEMPLATE_COLUMNS[kind].map(([name]) => name)

/**
 * The template's sheets (German sheet names, English headers) filled with `catalog`: one Katalog
 * key per field given, one Skalen row per scale entry, one Fragen row per item and level (item,
 * dimension and scale on every row, the other item fields on the level-0 row only). Numbers are
 * written with a decimal point. Not written, because the template has no place for them: sources,
 * sourceIds, measure obligations and inventory focuses, predecessors and extensions.
 */
export function catalogToSheets(catalog: SheetCatalogSource): Record<string, string[][]> {
  const meta: string[][] = [['key', 'value']]
  const add = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') meta.push([key, String(value)])
  }
  add('id', catalog.id)
  add('version', catalog.version)
  add('title_de', de(catalog.title))
  add('title_en', en(catalog.title))
  add('description_de', de(catalog.description))
  add('description_en', en(catalog.description))
  add('publishedAt', catalog.publishedAt)
  add('defaultLanguage', catalog.defaultLanguage)
  add('license', catalog.license)
  add('authors', catalog.authors?.join('; '))
  add('modelScore_de', de(catalog.modelScore?.label))
  add('modelScore_en', en(catalog.modelScore?.label))
  add('modelScore_decimals', catalog.modelScore?.decimals)
  add('aggregation', catalog.aggregation)
  add('scoringModel', catalog.scoringModel)
  add('vocabulary', catalog.vocabulary)

  const scaleRows = (id: string, entries: readonly ScaleEntryLike[]) => entries.map((e, level) => [id, cell(level), cell(e.value), de(e.label), en(e.label), de(e.description), en(e.description)])
  const scales = [
    header('scales'),
    ...['ist', 'bedarf', 'potenzial', 'effort', 'impact'].flatMap((id) => scaleRows(id, catalog.scales[id] ?? [])),
    ...(catalog.answerScales ?? []).flatMap((s) => scaleRows(s.id, s.levels)),
  ]
  const groups = [
    header('groups'),
    ...(catalog.groups ?? []).map((g) => [g.id, cell(g.parentId), de(g.title), en(g.title), de(g.shortTitle), en(g.shortTitle), de(g.description), en(g.description), cell(g.aggregation), cell(g.weight)]),
  ]
  const dimensions = [
    header('dimensions'),
    ...catalog.dimensions.map((d) => [d.id, cell(d.parentId), de(d.title), en(d.title), de(d.shortTitle), en(d.shortTitle), de(d.description), en(d.description), cell(d.weight), cell(d.defaultTarget), cell(d.aggregation)]),
  ]
  const items = [
    header('items'),
    ...catalog.items.flatMap((item) =>
      item.levels.map((text, level) => {
        const first = level === 0
        const f = (v: string) => (first ? v : '')
        return [
          item.id,
          item.dimensionId,
          cell(item.scale),
          cell(level),
          f(de(item.question)),
          f(en(item.question)),
          f(de(item.help)),
          f(en(item.help)),
          de(text),
          en(text),
          f(cell(item.weight)),
          f(cell(item.defaultTarget)),
          f(item.appliesTo),
          f(de(item.owner)),
          f(en(item.owner)),
          f(cell(item.stage)),
          f((item.dependsOn ?? []).join(', ')),
        ]
      }),
    ),
  ]
  const measures = [
    header('measures'),
    ...catalog.measures.map((m) => [
      m.id,
      de(m.title),
      en(m.title),
      de(m.description),
      en(m.description),
      m.dimensionIds.join(', '),
      m.triggers.map((tr) => `${tr.itemId}<=${tr.maxLevel}`).join('; '),
      cell(m.effort),
      cell(m.impact),
      m.dependsOn.join(', '),
    ]),
  ]
  return {
    [TEMPLATE_SHEETS.catalog.de]: meta,
    [TEMPLATE_SHEETS.scales.de]: scales,
    [TEMPLATE_SHEETS.groups.de]: groups,
    [TEMPLATE_SHEETS.dimensions.de]: dimensions,
    [TEMPLATE_SHEETS.items.de]: items,
    [TEMPLATE_SHEETS.measures.de]: measures,
  }
}
