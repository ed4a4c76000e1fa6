/**
 * Catalogues from the spreadsheet template (src/domain/catalog/sheet-catalog.ts) and catalogue files
 * in every accepted format (src/platform/catalog-file.ts): the full template → an exact candidate,
 * every issue code with its place, decimal commas, single-table (CSV) mode, the built-in catalogues
 * written to sheets and read back unchanged, and real XLSX, CSV, YAML and JSON files.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import * as XLSX from '@e965/xlsx'
import { describe, expect, it } from 'vitest'
import { validateCatalog } from '@/domain/catalog/catalog-schema'
import { catalogFromSheets, catalogToSheets, parseNumber, slugFromFileName, TEMPLATE_COLUMNS, type SheetCatalogSource, type SheetIssue } from '@/domain/catalog/sheet-catalog'
import { catalogFileKind, readCatalogFile } from '@/platform/catalog-file'
import catalog100 from '@/catalogs/dc-kommune/1.0.0.json'
import catalog200 from '@/catalogs/dc-kommune/2.0.0.json'

const OPTS = { fileName: 'beispiel.xlsx', today: '2026-12-03' }
type Sheets = Record<string, string[][]>

const ITEM_HEADER = ['item', 'dimension', 'scale', 'level', 'question_de', 'question_en', 'help_de', 'help_en', 'text_de', 'text_en', 'weight', 'defaultTarget', 'appliesTo', 'owner_de', 'owner_en', 'stage', 'dependsOn']
/** A Fragen row from the named cells (the rest empty). */
const itemRow = (cells: Partial<Record<(typeof ITEM_HEADER)[number], string>>) => ITEM_HEADER.map((h) => cells[h] ?? '')

/** The template filled with a small example: yes/no scale, a group, decimal commas, one measure. */
function makeSheets(): Sheets {
  return {
    Anleitung: [['Dieses Blatt wird nicht gelesen.']],
    Katalog: [
      ['key', 'value'],
      ['id', 'beispiel'],
      ['version', '1.0.0'],
      ['title_de', 'Beispiel'],
      ['title_en', 'Example'],
      ['description_de', 'Ein Beispiel.'],
      ['publishedAt', '2026-12-01'],
      ['license', 'CC BY 4.0'],
      ['authors', 'A; B'],
      ['modelScore_de', 'Reifegrad'],
      ['modelScore_decimals', '2'],
      ['aggregation', 'min'],
      [],
      ['vocabulary', 'organisation'],
    ],
    Skalen: [
      ['scale', 'level', 'value', 'label_de', 'label_en', 'description_de', 'description_en'],
      ['ist', '0', '0', 'nein', 'no', 'gar nicht', ''],
      ['ist', '1', '0,25', 'etwas', 'some', '', ''],
      ['ist', '2', '0.5', 'viel', 'much', '', ''],
      ['ist', '3', '1', 'ganz', 'fully', '', ''],
      ['ja-nein', '1', '1', 'Ja', 'Yes', '', ''],
      ['ja-nein', '0', '', 'Nein', 'No', '', ''],
      ['aufwand', '0', '1', 'klein', '', '', ''],
    ],
    Gruppen: [
      ['id', 'parent', 'title_de', 'title_en', 'short_de', 'short_en', 'aggregation', 'weight'],
      ['g1', '', 'Gruppe', 'Group', 'G', '', 'sum', '2'],
    ],
    Dimensionen: [
      ['id', 'parent', 'title_de', 'title_en', 'short_de', 'short_en', 'description_de', 'description_en', 'weight', 'defaultTarget', 'aggregation'],
      ['d1', 'g1', 'Dimension 1', 'Dimension one', 'D1', '', 'Beschreibung', '', '1,5', '2', 'mean'],
      ['d2', '', 'Dimension 2', '', '', '', 'Zwei', '', '', '1', ''],
    ],
    Fragen: [
      [...ITEM_HEADER],
      itemRow({ item: 'i1', dimension: 'd1', level: '0', question_de: 'Frage 1?', question_en: 'Item 1?', help_de: 'Hilfe', text_de: 'Stufe 0', text_en: 'Level 0', weight: '0,5', appliesTo: 'organisation', owner_de: 'Hauptamt', stage: '1' }),
      itemRow({ item: 'i1', dimension: 'd1', level: '2', text_de: 'Stufe 2', weight: '0.5' }),
      itemRow({ item: 'i1', dimension: 'd1', level: '1', text_de: 'Stufe 1' }),
      itemRow({ item: 'i1', dimension: 'd1', level: '3', text_de: 'Stufe 3' }),
      ['', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', ''],
      itemRow({ item: 'i2', dimension: 'd2', scale: 'ja-nein', level: '0', question_de: 'Frage 2?', help_de: 'Hilfe 2', text_de: 'Nein', defaultTarget: '1', dependsOn: 'i1, i3' }),
      itemRow({ item: 'i2', level: '1', text_de: 'Ja', appliesTo: '' }),
      itemRow({ item: 'i3', dimension: 'd2', scale: 'ist', level: '0', question_de: 'Frage 3?', help_de: 'Hilfe 3', text_de: 'a', appliesTo: 'zentral' }),
      itemRow({ item: 'i3', level: '1', text_de: 'b' }),
      itemRow({ item: 'i3', level: '2', text_de: 'c' }),
      itemRow({ item: 'i3', level: '3', text_de: 'd' }),
    ],
    Maßnahmen: [
      ['id', 'title_de', 'title_en', 'description_de', 'description_en', 'dimensions', 'triggers', 'effort', 'impact', 'dependsOn'],
      ['m1', 'Maßnahme', 'Measure', 'Tun', '', 'd1, d2', 'i1<=1; i2 <= 0', '2', '5', ''],
    ],
  }
}

const EXPECTED = {
  format: 'digitalisierungs-check/catalog',
  formatVersion: 1,
  id: 'beispiel',
  version: '1.0.0',
  title: { de: 'Beispiel', en: 'Example' },
  description: { de: 'Ein Beispiel.' },
  publishedAt: '2026-12-01',
  license: 'CC BY 4.0',
  authors: ['A', 'B'],
  modelScore: { label: { de: 'Reifegrad' }, decimals: 2 },
  aggregation: 'min',
  vocabulary: 'organisation',
  sources: [],
  scales: {
    ist: [
      { value: 0, label: { de: 'nein', en: 'no' }, description: { de: 'gar nicht' } },
      { value: 0.25, label: { de: 'etwas', en: 'some' } },
      { value: 0.5, label: { de: 'viel', en: 'much' } },
      { value: 1, label: { de: 'ganz', en: 'fully' } },
    ],
    effort: [{ value: 1, label: { de: 'klein' } }],
  },
  answerScales: [
    {
      id: 'ja-nein',
      levels: [
        { value: 0, label: { de: 'Nein', en: 'No' } },
        { value: 1, label: { de: 'Ja', en: 'Yes' } },
      ],
    },
  ],
  groups: [{ id: 'g1', title: { de: 'Gruppe', en: 'Group' }, shortTitle: { de: 'G' }, aggregation: 'sum', weight: 2 }],
  dimensions: [
    { id: 'd1', parentId: 'g1', title: { de: 'Dimension 1', en: 'Dimension one' }, shortTitle: { de: 'D1' }, description: { de: 'Beschreibung' }, weight: 1.5, defaultTarget: 2, aggregation: 'mean' },
    { id: 'd2', title: { de: 'Dimension 2' }, description: { de: 'Zwei' }, defaultTarget: 1 },
  ],
  items: [
    {
      id: 'i1',
      dimensionId: 'd1',
      question: { de: 'Frage 1?', en: 'Item 1?' },
      help: { de: 'Hilfe' },
      levels: [{ de: 'Stufe 0', en: 'Level 0' }, { de: 'Stufe 1' }, { de: 'Stufe 2' }, { de: 'Stufe 3' }],
      appliesTo: 'organisation',
      owner: { de: 'Hauptamt' },
      weight: 0.5,
      stage: 1,
    },
    { id: 'i2', dimensionId: 'd2', question: { de: 'Frage 2?' }, help: { de: 'Hilfe 2' }, scale: 'ja-nein', levels: [{ de: 'Nein' }, { de: 'Ja' }], appliesTo: 'all', defaultTarget: 1, dependsOn: ['i1', 'i3'] },
    { id: 'i3', dimensionId: 'd2', question: { de: 'Frage 3?' }, help: { de: 'Hilfe 3' }, levels: [{ de: 'a' }, { de: 'b' }, { de: 'c' }, { de: 'd' }], appliesTo: 'central' },
  ],
  measures: [
    {
      id: 'm1',
      title: { de: 'Maßnahme', en: 'Measure' },
      description: { de: 'Tun' },
      dimensionIds: ['d1', 'd2'],
      triggers: [
        { itemId: 'i1', maxLevel: 1 },
        { itemId: 'i2', maxLevel: 0 },
      ],
      effort: 2,
      impact: 5,
      dependsOn: [],
    },
  ],
}

/** The example with one cell changed: sheet, row (1-based), column header, new value. */
function withCell(sheet: string, row: number, column: string, value: string, sheets = makeSheets()): Sheets {
  const rows = sheets[sheet]!
  const c = rows[0]!.indexOf(column)
  if (c < 0) throw new Error(`no column ${column}`)
  rows[row - 1]![c] = value
  return sheets
}
function without(sheet: string): Sheets {
  const sheets = makeSheets()
  delete sheets[sheet]
  return sheets
}
function withoutColumns(sheet: string, ...columns: string[]): Sheets {
  const sheets = makeSheets()
  const drop = new Set(columns.map((column) => sheets[sheet]![0]!.indexOf(column)))
  sheets[sheet] = sheets[sheet]!.map((r) => r.filter((_, i) => !drop.has(i)))
  return sheets
}
function issuesOf(sheets: Sheets, opts = OPTS): SheetIssue[] {
  const result = catalogFromSheets(sheets, opts)
  if (result.ok) throw new Error('expected issues')
  return result.issues
}

describe('catalogFromSheets: the full template', () => {
  it('turns the example into exactly the expected candidate, skipping empty rows and the instructions sheet', () => {
    const result = catalogFromSheets(makeSheets(), OPTS)
    expect(result).toEqual({ ok: true, candidate: EXPECTED, warnings: [] })
  })

  it('accepts English sheet names and German, mixed-case headers', () => {
    const sheets = makeSheets()
    const renamed: Sheets = {
      CATALOG: sheets.Katalog!,
      scales: sheets.Skalen!,
      Groups: sheets.Gruppen!,
      Dimensions: [['ID', 'Übergeordnet', 'Titel_DE', 'titel_en', 'Kurztitel_de', 'kurztitel_en', 'Beschreibung_de', 'beschreibung_en', 'Gewicht', 'Zielstufe', 'Aggregation'], ...sheets.Dimensionen!.slice(1)],
      Items: [['Frage', 'Dimension', 'Skala', 'Stufe', 'Fragetext_de', 'Fragetext_en', 'Hilfe_de', 'Hilfe_en', 'Stufentext_de', 'Stufentext_en', 'Gewicht', 'Zielstufe', 'Gilt für', 'Zuständig_de', 'Zuständig_en', 'Modellstufe', 'Abhängig von'], ...sheets.Fragen!.slice(1)],
      measures: sheets.Maßnahmen!,
    }
    renamed.CATALOG = [['Schlüssel', 'Wert'], ...renamed.CATALOG!.slice(1).map((r) => (r[0] === 'publishedAt' ? ['Veröffentlicht', r[1]!] : r))]
    expect(catalogFromSheets(renamed, OPTS)).toEqual({ ok: true, candidate: EXPECTED, warnings: [] })
  })

  it('reports unknown columns and keys as warnings and ignores them', () => {
    const sheets = makeSheets()
    sheets.Fragen = sheets.Fragen!.map((r, i) => [...r, i === 0 ? 'Bemerkung' : r.some((c) => c !== '') ? 'x' : ''])
    sheets.Katalog!.push(['farbe', 'blau'])
    const result = catalogFromSheets(sheets, OPTS)
    expect(result).toEqual({
      ok: true,
      candidate: EXPECTED,
      warnings: [
        { code: 'unknownKey', params: { key: 'farbe' }, sheet: 'Katalog', row: 15, column: 'key' },
        { code: 'unknownColumn', params: { column: 'Bemerkung' }, sheet: 'Fragen', row: 1, column: 'Bemerkung' },
      ],
    })
  })

  it('keeps the optional sheets optional: no Gruppen → no groups, no Maßnahmen → no measures', () => {
    const sheets = without('Gruppen')
    delete sheets.Maßnahmen
    const result = catalogFromSheets(sheets, OPTS)
    expect(result.ok).toBe(true)
    const c = (result as { candidate: Record<string, unknown> }).candidate
    expect(c.groups).toBeUndefined()
    expect(c.measures).toEqual([])
  })

  it('allows repeated item-level values when they agree ("0,5" = "0.5", "i1, i3" = "i1;i3")', () => {
    const sheets = withCell('Fragen', 3, 'weight', '0,5')
    sheets.Fragen![7]![ITEM_HEADER.indexOf('dependsOn')] = 'i1;i3'
    expect(catalogFromSheets(sheets, OPTS)).toEqual({ ok: true, candidate: EXPECTED, warnings: [] })
  })

  it.each([
    ['0', 0],
    ['0,25', 0.25],
    ['0.25', 0.25],
    [' 1,5 ', 1.5],
    ['-2', -2],
    [',5', 0.5],
    ['1.000,5', undefined],
    ['1e3', undefined],
    ['25 %', undefined],
    ['', undefined],
  ])('parseNumber(%j) = %j', (text, expected) => {
    expect(parseNumber(text)).toBe(expected)
  })
})

describe('catalogFromSheets: issues with their place', () => {
  it.each<[string, Sheets, SheetIssue[]]>([
    ['missing Katalog sheet', without('Katalog'), [{ code: 'missingSheet', params: { names: 'Katalog / Catalog' }, sheet: 'Katalog' }]],
    ['missing Skalen sheet', without('Skalen'), [{ code: 'missingSheet', params: { names: 'Skalen / Scales' }, sheet: 'Skalen' }]],
    ['missing Dimensionen sheet', without('Dimensionen'), [{ code: 'missingSheet', params: { names: 'Dimensionen / Dimensions' }, sheet: 'Dimensionen' }]],
    ['missing Fragen sheet', without('Fragen'), [{ code: 'missingSheet', params: { names: 'Fragen / Items' }, sheet: 'Fragen' }]],
    ['two sheets for one table', { ...makeSheets(), Items: makeSheets().Fragen! }, [{ code: 'duplicateSheet', params: { names: 'Fragen / Items' }, sheet: 'Items' }]],
    ['empty required sheet', { ...makeSheets(), Dimensionen: [[], ['']] }, [{ code: 'emptySheet', params: {}, sheet: 'Dimensionen' }]],
    ['missing column', withoutColumns('Fragen', 'level'), [{ code: 'missingColumn', params: { column: 'level' }, sheet: 'Fragen', row: 1, column: 'level' }]],
    [
      'missing column with alternatives',
      withoutColumns('Skalen', 'label_de', 'label_en'),
      [{ code: 'missingColumn', params: { column: 'label_de / label_en' }, sheet: 'Skalen', row: 1, column: 'label_de / label_en' }],
    ],
    ['duplicate column', withCell('Fragen', 1, 'stage', 'Level'), [{ code: 'duplicateColumn', params: { column: 'Level' }, sheet: 'Fragen', row: 1, column: 'Level' }]],
    ['not a number', withCell('Dimensionen', 2, 'weight', 'hoch'), [{ code: 'notANumber', params: { value: 'hoch' }, sheet: 'Dimensionen', row: 2, column: 'weight' }]],
    ['not a number, repeated alike (reported once, no conflict)', withCell('Fragen', 3, 'weight', 'halb', withCell('Fragen', 2, 'weight', 'halb')), [{ code: 'notANumber', params: { value: 'halb' }, sheet: 'Fragen', row: 2, column: 'weight' }]],
    ['not a whole number', withCell('Dimensionen', 3, 'defaultTarget', '1,5'), [{ code: 'notAnInteger', params: { value: '1,5' }, sheet: 'Dimensionen', row: 3, column: 'defaultTarget' }]],
    ['level not a whole number', withCell('Fragen', 4, 'level', '1.5'), [{ code: 'notAnInteger', params: { value: '1.5' }, sheet: 'Fragen', row: 4, column: 'level' }]],
    [
      'empty item id (its other rows then lack level 0)',
      withCell('Fragen', 9, 'item', ''),
      [
        { code: 'missingValue', params: {}, sheet: 'Fragen', row: 9, column: 'item' },
        { code: 'levelGap', params: { id: 'i3', level: 0 }, sheet: 'Fragen', row: 10, column: 'level' },
      ],
    ],
    ['empty level', withCell('Fragen', 3, 'level', ''), [{ code: 'missingValue', params: {}, sheet: 'Fragen', row: 3, column: 'level' }]],
    ['level gap', withCell('Fragen', 5, 'level', '4'), [{ code: 'levelGap', params: { id: 'i1', level: 3 }, sheet: 'Fragen', row: 2, column: 'level' }]],
    ['levels not from 0', withCell('Skalen', 7, 'level', '2'), [{ code: 'levelGap', params: { id: 'ja-nein', level: 0 }, sheet: 'Skalen', row: 6, column: 'level' }]],
    ['duplicate level', withCell('Fragen', 4, 'level', '2'), [{ code: 'duplicateLevel', params: { id: 'i1', level: 2 }, sheet: 'Fragen', row: 4, column: 'level' }]],
    ['interrupted item rows', withCell('Fragen', 8, 'level', '4', withCell('Fragen', 8, 'item', 'i1')), [{ code: 'rowsNotGrouped', params: { id: 'i1', firstRow: 2 }, sheet: 'Fragen', row: 8, column: 'item' }]],
    ['interrupted scale rows', withCell('Skalen', 8, 'level', '4', withCell('Skalen', 8, 'scale', 'ist')), [{ code: 'rowsNotGrouped', params: { id: 'ist', firstRow: 2 }, sheet: 'Skalen', row: 8, column: 'scale' }]],
    [
      'conflicting repeat',
      withCell('Fragen', 3, 'weight', '2'),
      [{ code: 'conflictingValue', params: { id: 'i1', value: '2', first: '0,5', firstRow: 2 }, sheet: 'Fragen', row: 3, column: 'weight' }],
    ],
    [
      'conflicting dimension',
      withCell('Fragen', 4, 'dimension', 'd2'),
      [{ code: 'conflictingValue', params: { id: 'i1', value: 'd2', first: 'd1', firstRow: 2 }, sheet: 'Fragen', row: 4, column: 'dimension' }],
    ],
    ['unreadable trigger', withCell('Maßnahmen', 2, 'triggers', 'i1<=1; i2 = 0'), [{ code: 'invalidTrigger', params: { value: 'i2 = 0' }, sheet: 'Maßnahmen', row: 2, column: 'triggers' }]],
    ['trigger level not whole', withCell('Maßnahmen', 2, 'triggers', 'i1<=1,5'), [{ code: 'invalidTrigger', params: { value: 'i1<=1,5' }, sheet: 'Maßnahmen', row: 2, column: 'triggers' }]],
    ['effort not a number', withCell('Maßnahmen', 2, 'effort', 'viel'), [{ code: 'notANumber', params: { value: 'viel' }, sheet: 'Maßnahmen', row: 2, column: 'effort' }]],
    [
      'duplicate catalogue key',
      { ...makeSheets(), Katalog: [...makeSheets().Katalog!, ['Kennung', 'anders']] },
      [{ code: 'duplicateKey', params: { key: 'Kennung', firstRow: 2 }, sheet: 'Katalog', row: 15, column: 'key' }],
    ],
    ['modelScore decimals not a number', withCell('Katalog', 11, 'value', 'zwei'), [{ code: 'notANumber', params: { value: 'zwei' }, sheet: 'Katalog', row: 11, column: 'value' }]],
  ])('%s', (_name, sheets, expected) => {
    expect(issuesOf(sheets)).toEqual(expected)
  })

  it('a column is missing only when none of its alternatives is there (an English-only scale needs no label_de)', () => {
    expect(catalogFromSheets(withoutColumns('Skalen', 'label_de'), OPTS).ok).toBe(true)
  })

  it('reports every problem at once, not only the first', () => {
    const sheets = withCell('Fragen', 5, 'level', '7')
    sheets.Dimensionen![1]![8] = 'x'
    expect(issuesOf(sheets).map((i) => i.code)).toEqual(['notANumber', 'levelGap'])
  })
})

/** The single table of a CSV catalogue: a default 0/0,5/1 scale, one yes/no item, one item without scale cells. */
const SINGLE: string[][] = [
  ['item', 'dimension', 'dimension_title_de', 'dimension_title_en', 'level', 'value', 'label_de', 'label_en', 'question_de', 'question_en', 'help_de', 'text_de', 'text_en', 'weight', 'dimension_target'],
  ['a1', 'd1', 'Strategie', 'Strategy', '0', '0', 'nein', 'no', 'Frage 1?', 'Item 1?', 'Hilfe 1', 'T0', 'L0', '1,5', ''],
  ['a1', 'd1', '', '', '1', '0,5', 'teils', 'partly', '', '', '', 'T1', '', '', ''],
  ['a1', 'd1', 'Strategie', '', '2', '1', 'ja', 'yes', '', '', '', 'T2', '', '', ''],
  ['a2', 'd2', 'Daten', '', '0', '0', 'nein', 'no', 'Frage 2?', '', 'Hilfe 2', 'U0', '', '', '1'],
  ['a2', 'd2', '', '', '1', '0.5', 'teils', 'partly', '', '', '', 'U1', '', '', ''],
  ['a2', 'd2', '', '', '2', '1', 'ja', 'yes', '', '', '', 'U2', '', '', ''],
  ['a3', 'd2', '', '', '0', '', '', '', 'Frage 3?', '', 'Hilfe 3', 'V0', '', '', ''],
  ['a3', 'd2', '', '', '1', '', '', '', '', '', '', 'V1', '', '', ''],
  ['a3', 'd2', '', '', '2', '', '', '', '', '', '', 'V2', '', '', ''],
  ['a4', 'd1', '', '', '0', '0', 'Nein', 'No', 'Frage 4?', '', 'Hilfe 4', 'N', '', '', ''],
  ['a4', 'd1', '', '', '1', '1', 'Ja', 'Yes', '', '', '', 'J', '', '', ''],
]
const SINGLE_OPTS = { fileName: 'Reifegrad Schulen 2025.csv', today: '2026-12-03' }
const SINGLE_EXPECTED = {
  format: 'digitalisierungs-check/catalog',
  formatVersion: 1,
  id: 'reifegrad-schulen-2025',
  version: '1.0.0',
  title: { de: 'Reifegrad Schulen 2025', en: 'Reifegrad Schulen 2025' },
  description: { de: 'Reifegrad Schulen 2025', en: 'Reifegrad Schulen 2025' },
  publishedAt: '2026-12-03',
  sources: [],
  scales: {
    ist: [
      { value: 0, label: { de: 'nein', en: 'no' } },
      { value: 0.5, label: { de: 'teils', en: 'partly' } },
      { value: 1, label: { de: 'ja', en: 'yes' } },
    ],
  },
  answerScales: [
    {
      id: 'scale-2',
      levels: [
        { value: 0, label: { de: 'Nein', en: 'No' } },
        { value: 1, label: { de: 'Ja', en: 'Yes' } },
      ],
    },
  ],
  dimensions: [
    { id: 'd1', title: { de: 'Strategie', en: 'Strategy' }, description: { de: 'Strategie', en: 'Strategy' }, defaultTarget: 2 },
    { id: 'd2', title: { de: 'Daten' }, description: { de: 'Daten' }, defaultTarget: 1 },
  ],
  items: [
    { id: 'a1', dimensionId: 'd1', question: { de: 'Frage 1?', en: 'Item 1?' }, help: { de: 'Hilfe 1' }, levels: [{ de: 'T0', en: 'L0' }, { de: 'T1' }, { de: 'T2' }], appliesTo: 'all', weight: 1.5 },
    { id: 'a2', dimensionId: 'd2', question: { de: 'Frage 2?' }, help: { de: 'Hilfe 2' }, levels: [{ de: 'U0' }, { de: 'U1' }, { de: 'U2' }], appliesTo: 'all' },
    { id: 'a3', dimensionId: 'd2', question: { de: 'Frage 3?' }, help: { de: 'Hilfe 3' }, levels: [{ de: 'V0' }, { de: 'V1' }, { de: 'V2' }], appliesTo: 'all' },
    { id: 'a4', dimensionId: 'd1', question: { de: 'Frage 4?' }, help: { de: 'Hilfe 4' }, scale: 'scale-2', levels: [{ de: 'N' }, { de: 'J' }], appliesTo: 'all' },
  ],
  measures: [],
}

describe('catalogFromSheets: single-table mode (a CSV file)', () => {
  it('reads the one table: id and title from the file name, scales from the value and label cells, dimensions from their columns', () => {
    expect(catalogFromSheets({ 'Reifegrad Schulen 2025': SINGLE }, SINGLE_OPTS)).toEqual({ ok: true, candidate: SINGLE_EXPECTED, warnings: [] })
  })

  it('reports conflicting dimension titles and level gaps in the one table', () => {
    const rows = SINGLE.map((r) => [...r])
    rows[3]![2] = 'Steuerung'
    rows[9]![4] = '3'
    expect(issuesOf({ t: rows }, SINGLE_OPTS)).toEqual([
      { code: 'levelGap', params: { id: 'a3', level: 2 }, sheet: 't', row: 8, column: 'level' },
      { code: 'conflictingValue', params: { id: 'd1', value: 'Steuerung', first: 'Strategie', firstRow: 2 }, sheet: 't', row: 4, column: 'dimension_title_de' },
    ])
  })

  it('marks an English-only table as defaultLanguage en and names dimensions by id when no title is given', () => {
    const rows = [
      ['Item', 'Dimension', 'Level', 'Value', 'Label_EN', 'Question_EN', 'Help_EN', 'Text_EN'],
      ['x1', 'dim', '0', '0', 'No', 'Q?', 'H', 'no'],
      ['x1', 'dim', '1', '1', 'Yes', '', '', 'yes'],
    ]
    const result = catalogFromSheets({ 'My model': rows }, { fileName: 'My model.csv', today: '2026-01-02' })
    expect(result.ok && (result.candidate as Record<string, unknown>)).toMatchObject({ id: 'my-model', defaultLanguage: 'en', dimensions: [{ id: 'dim', title: { en: 'dim' }, description: { en: 'dim' }, defaultTarget: 1 }] })
  })

  it('needs the Fragen columns', () => {
    expect(issuesOf({ t: [['item', 'dimension', 'text_de'], ['a', 'b', 'c']] }, SINGLE_OPTS).map((i) => [i.code, i.params.column])).toEqual([
      ['missingColumn', 'level'],
      ['missingColumn', 'question_de / question_en'],
    ])
  })

  it.each([
    ['Reifegrad Schulen 2025.csv', 'reifegrad-schulen-2025'],
    ['C:\\Daten\\Öffentliche Ämter.xlsx', 'oeffentliche-aemter'],
    ['__Straße--Süd__.csv', 'strasse-sued'],
    ['.csv', 'catalog'],
    ['Ünïcödé café.csv', 'uenicoede-cafe'],
  ])('slugFromFileName(%j) = %j', (name, slug) => {
    expect(slugFromFileName(name)).toBe(slug)
  })
})

/** A built-in catalogue without what the template has no place for (see catalogToSheets). */
function coveredByTemplate(catalog: Record<string, unknown>): Record<string, unknown> {
  const { predecessors: _p, extensions: _e, ...rest } = structuredClone(catalog)
  const strip = (list: unknown, keys: string[]) =>
    (list as Record<string, unknown>[]).map((entry) => Object.fromEntries(Object.entries(entry).filter(([k]) => !keys.includes(k))))
  return {
    ...rest,
    sources: [],
    items: strip(rest.items, ['sourceIds', 'extensions']),
    measures: strip(rest.measures, ['sourceIds', 'obligation', 'inventory', 'extensions']),
    dimensions: strip(rest.dimensions, ['extensions']),
  }
}

describe('catalogToSheets → catalogFromSheets: the built-in catalogues survive the round trip', () => {
  it.each([
    ['1.0.0', catalog100],
    ['2.0.0', catalog200],
  ])('dc-kommune %s', (_version, json) => {
    const valid = validateCatalog(json)
    if (!valid.ok) throw new Error('the built-in catalogue is invalid')
    const source: SheetCatalogSource = valid.catalog
    const result = catalogFromSheets(catalogToSheets(source), OPTS)
    if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)))
    expect(result.warnings).toEqual([])
    expect(result.candidate).toEqual(coveredByTemplate(json as unknown as Record<string, unknown>))
    expect(validateCatalog(result.candidate).ok).toBe(true)
  })

  it('writes the template sheets with the template headers, one Fragen row per item and level', () => {
    const sheets = catalogToSheets(EXPECTED as unknown as SheetCatalogSource)
    expect(Object.keys(sheets)).toEqual(['Katalog', 'Skalen', 'Gruppen', 'Dimensionen', 'Fragen', 'Massnahmen'])
    expect(sheets.Fragen![0]).toEqual(TEMPLATE_COLUMNS.items.map(([en]) => en))
    expect(sheets.Fragen!.length).toBe(1 + 4 + 2 + 4)
    expect(sheets.Massnahmen![1]).toEqual(['m1', 'Maßnahme', 'Measure', 'Tun', '', 'd1, d2', 'i1<=1; i2<=0', '2', '5', ''])
    expect(catalogFromSheets(sheets, OPTS)).toEqual({ ok: true, candidate: EXPECTED, warnings: [] })
  })
})

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

/** A workbook file of `sheets`; numeric-looking cells of the given columns become number cells. */
function workbookFile(sheets: Sheets, name: string, bookType: 'xlsx' | 'ods' = 'xlsx'): File {
  const wb = XLSX.utils.book_new()
  for (const [sheetName, rows] of Object.entries(sheets)) {
    const numeric = new Set(['level', 'value', 'defaultTarget', 'effort', 'impact', 'stage'])
    const header = rows[0] ?? []
    const cells = rows.map((r, i) => r.map((c, j) => (i > 0 && numeric.has(header[j] ?? '') && /^\d+(\.\d+)?$/.test(c) ? Number(c) : c)))
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(cells), sheetName)
  }
  const bytes = XLSX.write(wb, { bookType, type: 'array' }) as ArrayBuffer
  return new File([bytes], name)
}

describe('readCatalogFile', () => {
  it.each(['xlsx', 'ods'] as const)('reads a %s workbook of the template (number cells, empty rows, the instructions sheet)', async (bookType) => {
    const result = await readCatalogFile(workbookFile(makeSheets(), `beispiel.${bookType}`, bookType), '2026-12-03')
    expect(result).toEqual({ ok: true, raw: EXPECTED, source: 'sheet', warnings: [] })
  })

  it('reads cells as saved, not as formatted: a date cell is YYYY-MM-DD, a 0.25 shown as "25%" stays 0.25', async () => {
    const wb = XLSX.utils.book_new()
    const sheets = makeSheets()
    for (const [name, rows] of Object.entries(sheets)) {
      const ws = XLSX.utils.aoa_to_sheet(rows.map((r) => r.map((c) => (c === '2026-12-01' ? new Date(Date.UTC(2026, 11, 1)) : c === '0,25' ? 0.25 : c))))
      for (const address of Object.keys(ws)) {
        const cell = ws[address] as { t?: string; v?: unknown; z?: string }
        if (cell.t === 'n' && cell.v === 0.25) cell.z = '0%'
      }
      XLSX.utils.book_append_sheet(wb, ws, name)
    }
    const file = new File([XLSX.write(wb, { bookType: 'xlsx', type: 'array' }) as ArrayBuffer], 'beispiel.xlsx')
    expect(await readCatalogFile(file, '2026-12-03')).toEqual({ ok: true, raw: EXPECTED, source: 'sheet', warnings: [] })
  })

  it('reads a CSV file (semicolons, decimal commas, UTF-8 with BOM) in single-table mode', async () => {
    const text = '\ufeff' + SINGLE.map((r) => r.map((c) => (c.includes(';') ? `"${c}"` : c)).join(';')).join('\r\n')
    const result = await readCatalogFile(new File([text], 'Reifegrad Schulen 2025.csv', { type: 'text/csv' }), '2026-12-03')
    expect(result).toEqual({ ok: true, raw: SINGLE_EXPECTED, source: 'sheet', warnings: [] })
  })

  it('returns sheet issues of a workbook with their place', async () => {
    const result = await readCatalogFile(workbookFile(without('Fragen'), 'k.xlsx'), '2026-12-03')
    expect(result).toEqual({ ok: false, sheetIssues: [{ code: 'missingSheet', params: { names: 'Fragen / Items' }, sheet: 'Fragen' }] })
  })

  it('keeps the row numbers of a sheet whose header is not in row 1', async () => {
    const sheets = makeSheets()
    sheets.Dimensionen = [[], [], ...sheets.Dimensionen!]
    sheets.Dimensionen[3]![8] = 'schwer'
    const result = await readCatalogFile(workbookFile(sheets, 'k.xlsx'), '2026-12-03')
    expect(result).toEqual({ ok: false, sheetIssues: [{ code: 'notANumber', params: { value: 'schwer' }, sheet: 'Dimensionen', row: 4, column: 'weight' }] })
  })

  it('reads YAML (comments, anchors) into the same structure as JSON', async () => {
    const { stringify } = await import('yaml')
    const yaml = `# Beispielkatalog\n${stringify(EXPECTED)}`
    expect(await readCatalogFile(new File([yaml], 'beispiel.yaml'), '2026-12-03')).toEqual({ ok: true, raw: EXPECTED, source: 'yaml', warnings: [] })
    const anchors = 'help: &h\n  de: Hilfe\nother: *h\nversion: 1.0.0\npublishedAt: 2026-12-01\n'
    expect(await readCatalogFile(new File([anchors], 'a.yml'), '2026-12-03')).toEqual({ ok: true, raw: { help: { de: 'Hilfe' }, other: { de: 'Hilfe' }, version: '1.0.0', publishedAt: '2026-12-01' }, source: 'yaml', warnings: [] })
  })

  it.each([
    ['a mapping written inline', 'id: beispiel\nversion: 1.0.0\ntitle: de: Beispiel\nlicense: CC BY 4.0\n', 3],
    ['an unclosed quote (reported where the file ends)', 'id: beispiel\ntitle:\n  de: "nicht geschlossen\n', 4],
    ['a duplicate key', 'id: beispiel\nversion: 1.0.0\nid: doppelt\n', 3],
    ['a tab indentation', 'id: beispiel\ntitle:\n\tde: x\n', 3],
  ])('reports the line of %s in YAML', async (_name, yaml, line) => {
    const result = await readCatalogFile(new File([yaml], 'kaputt.yaml'), '2026-12-03')
    expect(result).toMatchObject({ ok: false, key: 'notYaml', line })
    expect((result as { column?: number }).column).toBeGreaterThan(0)
  })

  it('refuses YAML with too many aliases (a "billion laughs" file)', async () => {
    const yaml = `a: &a [x, x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 120 }, (_, i) => `k${i}: *a`).join('\n')}\n`
    expect(await readCatalogFile(new File([yaml], 'bombe.yaml'), '2026-12-03')).toMatchObject({ ok: false, key: 'notYaml' })
  })

  it.each<[string, File, unknown]>([
    ['JSON', new File([JSON.stringify(EXPECTED)], 'k.json'), { ok: true, raw: EXPECTED, source: 'json', warnings: [] }],
    ['JSON by MIME type', new File(['{"a":1}'], 'katalog', { type: 'application/json' }), { ok: true, raw: { a: 1 }, source: 'json', warnings: [] }],
    ['broken JSON', new File(['{"a":'], 'k.json'), { ok: false, key: 'notJson' }],
    ['JSON in Windows-1252', new File([new Uint8Array([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xfc, 0x22, 0x7d])], 'k.json'), { ok: false, key: 'notUtf8' }],
    ['YAML in Windows-1252', new File([new Uint8Array([0x74, 0x3a, 0x20, 0xfc])], 'k.yml'), { ok: false, key: 'notUtf8' }],
    ['CSV in Windows-1252', new File([new Uint8Array([0x69, 0x74, 0x65, 0x6d, 0x0a, 0xfc])], 'k.csv'), { ok: false, key: 'notUtf8' }],
    ['a text file', new File(['hallo'], 'k.txt'), { ok: false, key: 'unknownType' }],
    ['an old .xls workbook', new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0])], 'k.xls'), { ok: false, key: 'unknownType' }],
    ['no workbook behind .xlsx', new File(['kein zip'], 'k.xlsx'), { ok: false, key: 'unreadableSheet', reason: 'unsupported_format', params: { file: 'k.xlsx' } }],
  ])('%s', async (_name, file, expected) => {
    expect(await readCatalogFile(file, '2026-12-03')).toEqual(expected)
  })

  it.each([
    [{ name: 'k.JSON', type: '' }, 'json'],
    [{ name: 'k.yml', type: '' }, 'yaml'],
    [{ name: 'k', type: 'application/yaml' }, 'yaml'],
    [{ name: 'k.ODS', type: '' }, 'sheet'],
    [{ name: 'k', type: 'text/csv' }, 'sheet'],
    [{ name: 'k.pdf', type: 'application/pdf' }, null],
  ])('catalogFileKind(%j) = %j', (file, kind) => {
    expect(catalogFileKind(file)).toBe(kind)
  })
})

describe('the template file public/katalog-vorlage.xlsx (npm run catalog-template)', () => {
  const bytes = readFileSync(resolve(process.cwd(), 'public/katalog-vorlage.xlsx'))

  it('has every sheet with exactly the template headers', () => {
    const wb = XLSX.read(bytes, { type: 'buffer' })
    expect(wb.SheetNames).toEqual(['Anleitung', 'Katalog', 'Skalen', 'Gruppen', 'Dimensionen', 'Fragen', 'Massnahmen'])
    const headers = (name: string) => (XLSX.utils.sheet_to_json(wb.Sheets[name]!, { header: 1 }) as string[][])[0]
    for (const [sheet, kind] of [['Skalen', 'scales'], ['Gruppen', 'groups'], ['Dimensionen', 'dimensions'], ['Fragen', 'items'], ['Massnahmen', 'measures']] as const) {
      expect(headers(sheet)).toEqual(TEMPLATE_COLUMNS[kind].map(([en]) => en))
    }
  })

  it('is read without warnings into a catalogue that passes validateCatalog (2 dimensions, 3 items, a yes/no scale, 1 measure)', async () => {
    const result = await readCatalogFile(new File([bytes], 'katalog-vorlage.xlsx'), '2026-12-03')
    if (!result.ok) throw new Error(JSON.stringify(result))
    expect(result.warnings).toEqual([])
    const valid = validateCatalog(result.raw)
    if (!valid.ok) throw new Error(JSON.stringify(valid.issues.slice(0, 3)))
    expect(valid.catalog.dimensions.map((d) => d.id)).toEqual(['strategie', 'dokumente'])
    expect(valid.catalog.items.map((i) => [i.id, i.levels.length])).toEqual([
      ['str-01', 5],
      ['str-02', 2],
      ['dok-01', 5],
    ])
    expect(valid.catalog.measures.map((m) => m.id)).toEqual(['m-strategie'])
  })
})

describe('DataView: a catalogue from a spreadsheet', () => {
  /** Mounts the Daten screen, chooses `file` as catalogue file and returns what the alerts say. */
  async function choose(file: File): Promise<{ errors: string[]; imported: string; warnings: string[] }> {
    const [{ flushPromises, mount }, { createPinia }, { default: DataView }, { makeI18n }, { db }] = await Promise.all([
      import('@vue/test-utils'),
      import('pinia'),
      import('@/views/DataView.vue'),
      import('../fixtures/i18n'),
      import('@/db/database'),
    ])
    await db.delete()
    await db.open()
    const wrapper = mount(DataView, { global: { plugins: [makeI18n(), createPinia()], stubs: { RouterLink: true, ImportPanel: true, RoundPicker: true, ConfirmDialog: true } } })
    const input = wrapper.get<HTMLInputElement>('#catalog-file')
    Object.defineProperty(input.element, 'files', { value: [file] })
    await input.trigger('change')
    for (let i = 0; i < 20 && !wrapper.find('[data-testid^="catalog-"][role]').exists(); i++) {
      await flushPromises()
      await new Promise((r) => setTimeout(r, 10))
    }
    const result = {
      errors: wrapper.findAll('[data-testid="catalog-errors"] li').map((li) => li.text()),
      imported: wrapper.find('[data-testid="catalog-imported"]').exists() ? wrapper.get('[data-testid="catalog-imported"] p').text() : '',
      warnings: wrapper.findAll('[data-testid="catalog-warnings"] li').map((li) => li.text()),
    }
    wrapper.unmount()
    return result
  }

  it('offers the template and accepts the new file types', async () => {
    const [{ mount }, { createPinia }, { default: DataView }, { makeI18n }] = await Promise.all([import('@vue/test-utils'), import('pinia'), import('@/views/DataView.vue'), import('../fixtures/i18n')])
    const wrapper = mount(DataView, { global: { plugins: [makeI18n(), createPinia()], stubs: { RouterLink: true, ImportPanel: true, RoundPicker: true, ConfirmDialog: true } } })
    expect(wrapper.get('#catalog-file').attributes('accept')).toBe('.json,.yaml,.yml,.xlsx,.ods,.csv')
    expect(wrapper.get('[data-testid="catalog-template"] a').attributes('href')).toBe('katalog-vorlage.xlsx')
    wrapper.unmount()
  })

  it('names the place of a sheet problem in words', async () => {
    expect(await choose(workbookFile(withCell('Fragen', 5, 'level', '4'), 'k.xlsx'))).toEqual({
      errors: ['Tabellenblatt Fragen, Zeile 2, Spalte level: Bei „i1“ fehlt die Stufe 3. Die Stufen müssen bei 0 beginnen und lückenlos aufeinander folgen (0, 1, 2 …).'],
      imported: '',
      warnings: [],
    })
  })

  it('lists the catalogue problems and then the notes on ignored columns when the candidate is invalid', async () => {
    const sheets = makeSheets()
    sheets.Fragen = sheets.Fragen!.map((r, i) => [...r, i === 0 ? 'Bemerkung' : ''])
    const { errors } = await choose(workbookFile(sheets, 'k.xlsx'))
    expect(errors.length).toBeGreaterThan(1)
    expect(errors[errors.length - 1]).toBe('Hinweis – Tabellenblatt Fragen, Zeile 1, Spalte Bemerkung: Die Spalte Bemerkung ist in der Vorlage nicht vorgesehen und wurde nicht übernommen.')
  })

  it('shows at most 20 messages and counts the rest', async () => {
    const sheets = makeSheets()
    for (const row of sheets.Dimensionen!.slice(1)) row[8] = 'x'
    for (let i = 0; i < 25; i++) sheets.Maßnahmen!.push([`m${i + 2}`, 'T', '', '', '', 'd1', 'kaputt', '1', '1', ''])
    const { errors } = await choose(workbookFile(sheets, 'k.xlsx'))
    expect(errors).toHaveLength(21)
    expect(errors[20]).toBe('… und 7 weitere Meldungen.')
  })

  it('words a YAML syntax error with its line', async () => {
    expect((await choose(new File(['id: x\ntitle: de: y\n'], 'k.yaml'))).errors).toEqual(['Die Datei ist kein gültiges YAML (Fehler in Zeile 2, Spalte 8).'])
  })

  it('imports the template file and lists ignored columns as notes', async () => {
    const wb = XLSX.read(readFileSync(resolve(process.cwd(), 'public/katalog-vorlage.xlsx')), { type: 'buffer' })
    XLSX.utils.sheet_add_aoa(wb.Sheets.Fragen!, [['Bemerkung']], { origin: { r: 0, c: TEMPLATE_COLUMNS.items.length } })
    const result = await choose(new File([XLSX.write(wb, { bookType: 'xlsx', type: 'array' }) as ArrayBuffer], 'vorlage.xlsx'))
    expect(result.errors).toEqual([])
    expect(result.imported).toBe('Der Katalog „Beispielkatalog Digitalisierung“, Version 1.0.0, mit 3 Fragen wurde importiert.')
    expect(result.warnings).toEqual(['Tabellenblatt Fragen, Zeile 1, Spalte Bemerkung: Die Spalte Bemerkung ist in der Vorlage nicht vorgesehen und wurde nicht übernommen.'])
  })
})
