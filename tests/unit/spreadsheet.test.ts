/**
 * Office files through the real spreadsheet library (SheetJS CE from @e965/xlsx): an XLSX and an ODS
 * written by src/platform/spreadsheet.ts and read back with the same library give exactly the same
 * cells (text as text, numbers as numbers); readSpreadsheet's formats and limits.
 */
import * as XLSX from '@e965/xlsx'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { tableToRows, type ExportTable, type TableCell } from '@/domain/results/table-export'
import { TABLE_READ_LIMITS } from '@/domain/results/table-import'
import { exportTables, readSpreadsheet, SpreadsheetReadError, workbookBytes, type OfficeFormat } from '@/platform/spreadsheet'

const downloads = vi.hoisted(() => [] as { name: string; blob: Blob }[])
vi.mock('@/platform/download', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/platform/download')>()),
  downloadBlob: (name: string, blob: Blob) => downloads.push({ name, blob }),
}))
afterEach(() => {
  downloads.length = 0
})

const LONG = `Die Kommune führt die E-Akte ein: ${'Größe „Übergang“ ß – '.repeat(400)}Ende.\nZweite Zeile.`
const TABLES: ExportTable[] = [
  {
    name: 'Reifegrad je Fachbereich und Dimension',
    headers: ['Fachbereich', 'Strategie & Steuerung', 'Daten', 'Gesamt', 'Hinweis'],
    rows: [
      ['12 · IT und Digitalisierung', 62.5, 50, 56.3, null],
      ['3 · Straßen- und Grünflächenamt „Süd“', null, 12.5, 0.1, 'Äußerst unsicher, ß'],
      ['=SUMME(B2:B3)', -7.25, 1234567.891, 0, LONG],
      ['Kommune', 70.2, 10, 40, true],
    ],
    decimals: [undefined, 1, 1, 1, undefined],
  },
  { name: 'Maßnahmen: Ist/Soll', headers: ['Rang', 'Maßnahme', 'Priorität'], rows: [[1, 'Online-Terminvergabe', 7.46], [2, 'Mängelmelder', 3]] },
  { name: 'maßnahmen: ist/soll', headers: ['leer'], rows: [] },
]

/** Every cell of a sheet read with the library, as typed values (null for no cell). */
function cellsOf(ws: XLSX.WorkSheet): TableCell[][] {
  const range = XLSX.utils.decode_range(ws['!ref'] ?? 'A1:A1')
  const out: TableCell[][] = []
  for (let r = 0; r <= range.e.r; r++) {
    const row: TableCell[] = []
    for (let c = 0; c <= range.e.c; c++) {
      const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined
      row.push(cell === undefined || cell.t === 'z' ? null : (cell.v as TableCell))
    }
    out.push(row)
  }
  return out
}

describe.each<OfficeFormat>(['xlsx', 'ods'])('%s written and read back with the same library', (format) => {
  it('gives exactly the same cells, sheet names valid and unique, numbers as number cells', async () => {
    const bytes = await workbookBytes(format, TABLES)
    const wb = XLSX.read(bytes, { type: 'array', cellNF: true, cellStyles: true })
    expect((wb as { bookType?: string }).bookType).toBe(format)
    expect(wb.SheetNames).toEqual(['Reifegrad je Fachbereich und Di', 'Maßnahmen Ist Soll', 'maßnahmen ist soll (2)'])
    TABLES.forEach((table, i) => {
      const ws = wb.Sheets[wb.SheetNames[i]!]!
      expect(cellsOf(ws)).toEqual(tableToRows(table))
    })
    const heat = wb.Sheets[wb.SheetNames[0]!]!
    // Number cells (not text), with the one-decimal display format; text that looks like a formula stays text.
    expect(heat.B2).toMatchObject({ t: 'n', v: 62.5, z: '0.0' })
    expect(heat.D3).toMatchObject({ t: 'n', v: 0.1 })
    expect(heat.C4).toMatchObject({ t: 'n', v: 1234567.891 })
    expect(heat.A4).toMatchObject({ t: 's', v: '=SUMME(B2:B3)' })
    expect(heat.A4.f).toBeUndefined()
    expect(heat.E4).toMatchObject({ t: 's', v: LONG })
    expect(wb.Sheets[wb.SheetNames[1]!]!.C2).toMatchObject({ t: 'n', v: 7.46 })
    if (format === 'xlsx') expect((heat['!cols'] ?? []).map((c) => c.wch)).toEqual([38, 22, 10, 8, 60])
  })

  it('reads back as records with readSpreadsheet: text as is, numbers as plain digits', async () => {
    const bytes = await workbookBytes(format, TABLES)
    const read = await readSpreadsheet(new File([bytes as BlobPart], `export.${format}`))
    expect(read.format).toBe(format)
    expect(read.sheets.map((s) => s.name)).toEqual(['Reifegrad je Fachbereich und Di', 'Maßnahmen Ist Soll', 'maßnahmen ist soll (2)'])
    const heat = read.sheets[0]!
    expect(heat.headers).toEqual(TABLES[0]!.headers)
    expect(heat.firstRowNumber).toBe(2)
    expect(heat.rows).toEqual([
      { Fachbereich: '12 · IT und Digitalisierung', 'Strategie & Steuerung': '62.5', Daten: '50', Gesamt: '56.3', Hinweis: '' },
      { Fachbereich: '3 · Straßen- und Grünflächenamt „Süd“', 'Strategie & Steuerung': '', Daten: '12.5', Gesamt: '0.1', Hinweis: 'Äußerst unsicher, ß' },
      { Fachbereich: '=SUMME(B2:B3)', 'Strategie & Steuerung': '-7.25', Daten: '1234567.891', Gesamt: '0', Hinweis: LONG },
      { Fachbereich: 'Kommune', 'Strategie & Steuerung': '70.2', Daten: '10', Gesamt: '40', Hinweis: 'true' },
    ])
    expect(read.sheets[2]).toEqual({ name: 'maßnahmen ist soll (2)', headers: ['leer'], rows: [], firstRowNumber: 2 })
  })
})

describe('exportTables', () => {
  it('saves <name>.xlsx and <name>.ods with the office MIME types and a safe file name', async () => {
    await exportTables('xlsx', TABLES.slice(0, 1), 'Musterstadt Übersicht')
    await exportTables('ods', TABLES.slice(0, 1), 'Musterstadt-Übersicht.ods')
    expect(downloads.map((d) => [d.name, d.blob.type])).toEqual([
      ['Musterstadt-Uebersicht.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['Musterstadt-Uebersicht.ods', 'application/vnd.oasis.opendocument.spreadsheet'],
    ])
    const wb = XLSX.read(new Uint8Array(await downloads[1]!.blob.arrayBuffer()), { type: 'array' })
    expect(cellsOf(wb.Sheets[wb.SheetNames[0]!]!)).toEqual(tableToRows(TABLES[0]!))
  })

  it('refuses a workbook without tables', async () => {
    await expect(workbookBytes('xlsx', [])).rejects.toThrow()
  })
})

/** A workbook written directly with the library (cells as an office program would save them). */
function book(format: 'xlsx' | 'ods' | 'xlsb', rows: unknown[][], name = 'Leistungen'): Uint8Array {
  const wb = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name)
  return new Uint8Array(XLSX.write(wb, { bookType: format, type: 'array' }) as ArrayBuffer)
}

async function readError(file: File): Promise<{ code: string; params: Record<string, unknown> } | null> {
  try {
    await readSpreadsheet(file)
    return null
  } catch (e) {
    if (e instanceof SpreadsheetReadError) return { code: e.code, params: e.params }
    throw e
  }
}

const windows1252 = (text: string) => Uint8Array.from([...text].map((ch) => ch.charCodeAt(0)))

describe('readSpreadsheet', () => {
  it('reads a UTF-8 CSV with ; and one with , (BOM dropped, values as written)', async () => {
    const semi = await readSpreadsheet(new File(['\uFEFFLeistung;Fallzahl;Online seit\r\nHundesteuer;1.200;01.03.2024\r\n„Sperrmüllkarte“;12,5;\r\n'], 'Leistungen.csv', { type: 'text/csv' }))
    expect(semi).toEqual({
      format: 'csv',
      sheets: [
        {
          name: 'Leistungen',
          headers: ['Leistung', 'Fallzahl', 'Online seit'],
          rows: [
            { Leistung: 'Hundesteuer', Fallzahl: '1.200', 'Online seit': '01.03.2024' },
            { Leistung: '„Sperrmüllkarte“', Fallzahl: '12,5', 'Online seit': '' },
          ],
          firstRowNumber: 2,
        },
      ],
    })
    const comma = await readSpreadsheet(new File(['name,cases\n"Fundsachen, Bürgerbüro",40\n'], 'services.txt'))
    expect(comma.sheets[0]!.rows).toEqual([{ name: 'Fundsachen, Bürgerbüro', cases: '40' }])
  })

  it('refuses a CSV saved as Windows-1252 (strict UTF-8)', async () => {
    const bytes = windows1252('Leistung;Zuständig\nGroßbürgermeisterei;Müller\n')
    expect(bytes).toContain(0xdf) // ß as one byte: not UTF-8
    expect(await readError(new File([bytes], 'ansi.csv', { type: 'text/csv' }))).toEqual({ code: 'not_utf8', params: { file: 'ansi.csv' } })
  })

  it('refuses a file over 10 MB before reading it', async () => {
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'gross.xlsx')
    expect(await readError(big)).toEqual({ code: 'too_large', params: { max: 10 } })
    // Exactly 10 MB is allowed (and then fails for what it is: no table format).
    expect((await readError(new File([new Uint8Array(10 * 1024 * 1024)], 'null.bin')))?.code).toBe('unsupported_format')
  })

  // The default limit (5,000) in XLSX and CSV; ODS (the slowest to write here) with a limit of 200 rows.
  it.each<['xlsx' | 'ods' | 'csv', number]>([
    ['xlsx', 5000],
    ['ods', 200],
    ['csv', 5000],
  ])('%s: %s data rows pass, one more is too many', async (format, max) => {
    const limits = { ...TABLE_READ_LIMITS, maxRows: max }
    const rows = (n: number) => [['Leistung', 'Fallzahl'], ...Array.from({ length: n }, (_, i) => [`Leistung ${i + 1}`, i])]
    const file = (n: number) =>
      format === 'csv' ? new File([rows(n).map((r) => r.join(';')).join('\n')], 'liste.csv') : new File([book(format, rows(n)) as BlobPart], `liste.${format}`)
    const ok = await readSpreadsheet(file(max), limits)
    expect(ok.sheets[0]!.rows).toHaveLength(max)
    expect(ok.sheets[0]!.rows[max - 1]).toEqual({ Leistung: `Leistung ${max}`, Fallzahl: String(max - 1) })
    const tooMany = file(max + 1)
    await expect(readSpreadsheet(tooMany, limits)).rejects.toMatchObject({ code: 'too_many_rows', params: { max } })
    if (max === TABLE_READ_LIMITS.maxRows) expect(await readError(tooMany)).toEqual({ code: 'too_many_rows', params: { max: 5000 } })
  })

  it('refuses a sheet wider than 200 columns', async () => {
    const wide = [Array.from({ length: 201 }, (_, i) => `Spalte ${i + 1}`)]
    expect(await readError(new File([book('xlsx', wide) as BlobPart], 'breit.xlsx'))).toEqual({ code: 'too_many_columns', params: { max: 200 } })
  })

  it('takes the saved value of a formula and never evaluates it; dates as ISO text', async () => {
    const rows = [
      ['Leistung', 'Fallzahl', 'Online seit', 'Zeitpunkt', 'Bezahlung'],
      ['Hundesteuer', { t: 'n', v: 42, f: '1+2' }, { t: 'n', v: 45352, z: 'dd.mm.yyyy' }, { t: 'n', v: 45352.75, z: 'yyyy-mm-dd hh:mm' }, true],
    ]
    // The library's ODS writer logs that it cannot express these Excel date formats (it keeps the dates).
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
    const files = (['xlsx', 'ods'] as const).map((format) => new File([book(format, rows) as BlobPart], `formel.${format}`))
    quiet.mockRestore()
    for (const file of files) {
      const read = await readSpreadsheet(file)
      expect(read.sheets[0]!.rows).toEqual([{ Leistung: 'Hundesteuer', Fallzahl: '42', 'Online seit': '2024-03-01', Zeitpunkt: '2024-03-01T18:00', Bezahlung: 'true' }])
    }
  })

  it.each<[string, () => File, string]>([
    ['an XLSB workbook (a zip, but not XLSX or ODS)', () => new File([book('xlsb', [['a']]) as BlobPart], 'alt.xlsb'), 'unsupported_format'],
    ['an old .xls (or password-protected) file', () => new File([Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])], 'alt.xls'), 'unsupported_format'],
    ['a broken zip', () => new File([Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5])], 'kaputt.xlsx'), 'unreadable'],
    ['a PDF', () => new File(['%PDF-1.7'], 'bericht.pdf', { type: 'application/pdf' }), 'unsupported_format'],
  ])('refuses %s', async (_, file, code) => {
    expect((await readError(file()))?.code).toBe(code)
  })
})
