/**
 * Reading tables back, pure part: CSV with ';' or ',' (RFC 4180 quoting), rows → records keyed by
 * the header, limits on rows and columns, date cells as ISO text.
 */
import { describe, expect, it } from 'vitest'
import { columnLetter, dateCellText, detectCsvSeparator, parseCsv, rowsToRecords } from '@/domain/results/table-import'

describe('detectCsvSeparator', () => {
  it.each([
    ['Leistung;Fallzahl;Online seit\nHundesteuer;1,5;x,y,z,w', ';'],
    ['name,cases,since\n"a;b";1;2', ','],
    ['a\tb\tc\n1;2', '\t'],
    ['"Leistung; mit Semikolon",Fallzahl\n', ','],
    ['Leistung\nHundesteuer', ';'],
    ['a;b,c\n', ';'],
    ['', ';'],
  ])('%j → %j', (text, sep) => {
    expect(detectCsvSeparator(text)).toBe(sep)
  })
})

describe('parseCsv', () => {
  it.each<[string, string, string[][]]>([
    ['German CSV with decimal commas', 'Leistung;Wert\r\nHundesteuer;1,5\r\n', [['Leistung', 'Wert'], ['Hundesteuer', '1,5']]],
    ['comma CSV, LF, no final line break', 'a,b\n1,2', [['a', 'b'], ['1', '2']]],
    ['quotes: separator, doubled quote, line break inside', 'a;b\n"x;y";"sagt ""Hallo""\nzweite Zeile"\n', [['a', 'b'], ['x;y', 'sagt "Hallo"\nzweite Zeile']]],
    ['CR line ends', 'a;b\r1;2\r', [['a', 'b'], ['1', '2']]],
    ['empty fields and a trailing separator', 'a;b;c\n;;\n1;;\n', [['a', 'b', 'c'], ['', '', ''], ['1', '', '']]],
    ['values stay as written (no trimming, no number guessing)', 'a;b\n 007 ;01.03.2024\n', [['a', 'b'], [' 007 ', '01.03.2024']]],
    ['umlauts, ß and „quotes“', 'Straße;„Größe“\nÄÖÜ;ß\n', [['Straße', '„Größe“'], ['ÄÖÜ', 'ß']]],
  ])('%s', (_, text, rows) => {
    const r = parseCsv(text)
    expect(r.ok && r.rows).toEqual(rows)
  })

  it('an open quote is an error with its line', () => {
    expect(parseCsv('a;b\n1;2\n"offen;3\n4;5\n')).toEqual({ ok: false, error: { code: 'unterminated_quote', params: { line: 3 } } })
  })

  it('at most maxRows data rows from the first filled row; trailing blank lines do not count', () => {
    const header = 'Leistung;Fallzahl\n'
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `L${i};${i}\n`).join('')
    expect(parseCsv(header + rows(3), { maxRows: 3 }).ok).toBe(true)
    expect(parseCsv(`\n\n${header}${rows(3)}\n\n\n\n`, { maxRows: 3 }).ok).toBe(true)
    expect(parseCsv(header + rows(4), { maxRows: 3 })).toEqual({ ok: false, error: { code: 'too_many_rows', params: { max: 3 } } })
    expect(parseCsv(`${header}${rows(2)}\n\n${rows(1)}`, { maxRows: 3 }).ok).toBe(false)
  })

  it('a file of empty lines stops early', () => {
    expect(parseCsv('\n'.repeat(10_000), { maxRows: 3 })).toEqual({ ok: false, error: { code: 'too_many_rows', params: { max: 3 } } })
  })
})

describe('rowsToRecords', () => {
  const limits = { maxRows: 5, maxColumns: 4 }

  it('keys records by the trimmed header; blank leading rows shift the row numbers; trailing blank rows and columns go', () => {
    const r = rowsToRecords(
      [
        ['', ''],
        [' Leistung ', 'Fallzahl', '', ''],
        ['Hundesteuer', '1200'],
        ['', '', '', ''],
        ['Fundsachen', '', '', ''],
        ['', ''],
      ],
      limits,
    )
    expect(r).toEqual({
      ok: true,
      table: {
        headers: ['Leistung', 'Fallzahl'],
        rows: [
          { Leistung: 'Hundesteuer', Fallzahl: '1200' },
          { Leistung: '', Fallzahl: '' },
          { Leistung: 'Fundsachen', Fallzahl: '' },
        ],
        firstRowNumber: 3,
      },
    })
  })

  it('names an empty header by its column letter and numbers repeated ones', () => {
    const r = rowsToRecords([['Name', '', 'Name', 'C'], ['a', 'b', 'c', 'd']], limits)
    expect(r.ok && r.table.headers).toEqual(['Name', 'B', 'Name (2)', 'C'])
    expect(r.ok && r.table.rows).toEqual([{ Name: 'a', B: 'b', 'Name (2)': 'c', C: 'd' }])
  })

  it('a header "__proto__" is a plain key (no prototype pollution)', () => {
    const r = rowsToRecords([['__proto__', 'constructor'], ['{"polluted":1}', 'x']], limits)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const record = r.table.rows[0]!
    expect(Object.keys(record)).toEqual(['__proto__', 'constructor'])
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('an empty sheet has no headers and no rows', () => {
    expect(rowsToRecords([], limits)).toEqual({ ok: true, table: { headers: [], rows: [], firstRowNumber: 2 } })
    expect(rowsToRecords([[''], ['  ']], limits)).toEqual({ ok: true, table: { headers: [], rows: [], firstRowNumber: 2 } })
  })

  it.each<[string, string[][], string | null]>([
    ['5 data rows pass', [['h'], ...Array.from({ length: 5 }, () => ['x'])], null],
    ['6 data rows are too many', [['h'], ...Array.from({ length: 6 }, () => ['x'])], 'too_many_rows'],
    ['blank rows in between count', [['h'], ['x'], [''], [''], [''], [''], ['x']], 'too_many_rows'],
    ['4 columns pass', [['a', 'b', 'c', 'd']], null],
    ['a filled 5th column is too wide', [['a'], ['', '', '', '', 'x']], 'too_many_columns'],
    ['an empty 5th column is dropped', [['a', '', '', '', '  ']], null],
  ])('%s', (_, rows, code) => {
    const r = rowsToRecords(rows, limits)
    expect(r.ok ? null : r.error.code).toBe(code)
  })
})

describe('columnLetter and dateCellText', () => {
  it.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('%s → %s', (i, letter) => {
    expect(columnLetter(i)).toBe(letter)
  })

  it.each([
    ['2024-03-01T00:00:00.000Z', '2024-03-01'],
    ['2024-03-01T18:00:00.000Z', '2024-03-01T18:00'],
    ['2024-03-01T18:00:30.000Z', '2024-03-01T18:00:30'],
  ])('%s → %s', (iso, text) => {
    expect(dateCellText(new Date(iso))).toBe(text)
  })

  it('an invalid date is empty', () => {
    expect(dateCellText(new Date(Number.NaN))).toBe('')
  })
})
