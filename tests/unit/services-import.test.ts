/** Service-list import (CSV / spreadsheet rows) and the field rules it shares with the form. */
import { describe, expect, it } from 'vitest'
import { importServiceRows, normalizeHeader, type ImportOptions } from '@/domain/services/import'
import { checkService, isLeikaKey, normalizeLeikaKey, parseDate, parseGermanInteger, parseYesNo } from '@/domain/services/values'
import { OZG_RGM_2 } from '@/domain/services/maturity-model'
import { makeService } from './services-builders'

const DEPARTMENTS = [
  { id: 'd-33', name: 'Bürgerbüro', code: '33' },
  { id: 'd-20', name: 'Kämmerei / Steueramt', code: '20' },
  { id: 'd-x1', name: 'Ordnungsamt' },
  { id: 'd-x2', name: 'ordnungsamt' },
]
const OPTIONS: ImportOptions = { makeId: (i) => `imp-${i}`, departments: DEPARTMENTS, today: '2026-06-30' }

describe('parseGermanInteger', () => {
  it.each([
    ['12500', 12500],
    ['12.500', 12500],
    ['1.234.567', 1234567],
    ['12 500', 12500],
    ['12\u00a0500', 12500],
    ['12\u202f500', 12500],
    ['12.500,00', 12500],
    ['7,0', 7],
    [' 0 ', 0],
    ['12,5', null],
    ['12,500', null],
    ['12.5', null],
    ['1.23.456', null],
    ['12.50', null],
    ['-5', null],
    ['+5', null],
    ['ca. 500', null],
    ['500 Fälle', null],
    ['', null],
    ['1e3', null],
    ['99999999999999999999', null],
  ])('%j → %s', (text, n) => expect(parseGermanInteger(text)).toBe(n))
})

describe('parseDate', () => {
  it.each([
    ['01.03.2024', '2024-03-01'],
    ['1.3.2024', '2024-03-01'],
    ['2024-03-01', '2024-03-01'],
    ['29.02.2024', '2024-02-29'],
    [' 31.12.2025 ', '2025-12-31'],
    ['29.02.2025', null],
    ['31.04.2024', null],
    ['01.13.2024', null],
    ['2024-3-1', null],
    ['01.03.24', null],
    ['03/01/2024', null],
    ['', null],
  ])('%j → %s', (text, iso) => expect(parseDate(text)).toBe(iso))
})

describe('parseYesNo', () => {
  it.each([
    ['ja', true], ['Ja', true], ['x', true], ['yes', true], ['1', true], ['TRUE', true], ['wahr', true],
    ['nein', false], ['Nein', false], ['no', false], ['0', false], ['-', false], ['falsch', false],
    ['', null], ['  ', null],
    ['vielleicht', undefined], ['teilweise', undefined],
  ])('%j → %s', (text, v) => expect(parseYesNo(text)).toBe(v))
})

describe('LeiKa keys', () => {
  it.each([
    ['99050012104000', '99050012104000'],
    ['99 050 012 104 000', '99050012104000'],
    [' 99050012104000 ', '99050012104000'],
    ['9905001210400', null],
    ['990500121040000', null],
    ['99.050.012.104.000', null],
    ['9905001210400A', null],
    ['', null],
  ])('%j → %s', (text, key) => expect(normalizeLeikaKey(text)).toBe(key))

  it.each([['99050012104000', true], ['99 050 012 104 000', false], [99050012104000, false], [undefined, false]])('isLeikaKey(%j) → %s', (v, ok) => expect(isLeikaKey(v)).toBe(ok))
})

describe('normalizeHeader', () => {
  it.each([
    ['Leistung', 'leistung'],
    ['LeiKa-Schlüssel', 'leika schluessel'],
    ['Fälle pro Jahr', 'faelle pro jahr'],
    [' Online-Bezahlung: ', 'online bezahlung'],
    ['Form_Type', 'form type'],
    ['Fallzahl (Jahr)', 'fallzahl jahr'],
    ['Straße', 'strasse'],
  ])('%j → %j', (h, n) => expect(normalizeHeader(h)).toBe(n))
})

describe('importServiceRows', () => {
  it('reads German headers, German numbers and dates into services', () => {
    const rows = [
      { Leistung: 'Meldebescheinigung', LeiKa: '99 050 012 104 000', Fachbereich: 'Bürgerbüro', Fallzahl: '12.500', 'Online seit': '01.03.2024', 'Online-Bezahlung': 'ja', Formular: 'HTML-Formular', Kanäle: 'Schalter, Online; E-Mail', Bemerkung: 'über Serviceportal' },
      { Leistung: 'Sperrmüll', LeiKa: '', Fachbereich: '', Fallzahl: '', 'Online seit': '', 'Online-Bezahlung': '', Formular: '', Kanäle: '', Bemerkung: '' },
    ]
    const result = importServiceRows(rows, OPTIONS)
    expect(result.errors).toEqual([])
    expect(result.services).toEqual([
      {
        id: 'imp-0',
        name: 'Meldebescheinigung',
        leikaKey: '99050012104000',
        departmentId: 'd-33',
        channels: ['counter', 'email', 'online'],
        casesPerYear: 12500,
        onlineSince: '2024-03-01',
        onlinePayment: true,
        formType: 'html-form',
        note: 'über Serviceportal',
        maturity: { model: OZG_RGM_2.key, ratings: {} },
      },
      { id: 'imp-1', name: 'Sperrmüll', channels: [], onlinePayment: false, formType: 'none', maturity: { model: OZG_RGM_2.key, ratings: {} } },
    ])
    expect(result).toMatchObject({ rowsRead: 2, skippedEmptyRows: 0, ignoredHeaders: [] })
  })

  it('reads English headers, spreadsheet numbers and booleans, ISO dates', () => {
    const rows = [{ Name: 'Business registration', 'LeiKa key': 99050012104000, Department: '20', 'Cases per year': 800, 'Online since': '2023-11-15', 'Online payment': true, 'Form type': 'end-to-end', Channels: 'online' }]
    const result = importServiceRows(rows, OPTIONS)
    expect(result.errors).toEqual([])
    expect(result.services[0]).toEqual({
      id: 'imp-0', name: 'Business registration', leikaKey: '99050012104000', departmentId: 'd-20', channels: ['online'],
      casesPerYear: 800, onlineSince: '2023-11-15', onlinePayment: true, formType: 'end-to-end', maturity: { model: OZG_RGM_2.key, ratings: {} },
    })
  })

  it('reports every bad cell with its line and column, and yields no service for that row', () => {
    const rows = [
      { Leistung: 'Gute Zeile', Fallzahl: '100' },
      { Leistung: '', LeiKa: '123', Fallzahl: '12,5', 'Online seit': '31.02.2024', 'Online-Bezahlung': 'vielleicht', Formular: 'Fax-Vorlage', Kanäle: 'Brieftaube', Fachbereich: 'Bauamt' },
      { Leistung: 'Zukunft', 'Online seit': '01.01.2027' },
      { Leistung: 'Doppelt', Fachbereich: 'ordnungsamt' },
    ]
    const result = importServiceRows(rows, OPTIONS)
    expect(result.services.map((s) => s.name)).toEqual(['Gute Zeile'])
    expect(result.errors).toEqual([
      { row: 3, column: 'name', code: 'required', params: {} },
      { row: 3, column: 'leikaKey', code: 'invalid_leika', params: { value: '123' } },
      { row: 3, column: 'department', code: 'unknown_department', params: { value: 'Bauamt' } },
      { row: 3, column: 'channels', code: 'invalid_channel', params: { value: 'Brieftaube' } },
      { row: 3, column: 'casesPerYear', code: 'invalid_number', params: { value: '12,5' } },
      { row: 3, column: 'onlineSince', code: 'invalid_date', params: { value: '31.02.2024' } },
      { row: 3, column: 'onlinePayment', code: 'invalid_boolean', params: { value: 'vielleicht' } },
      { row: 3, column: 'formType', code: 'invalid_form_type', params: { value: 'Fax-Vorlage' } },
      { row: 4, column: 'onlineSince', code: 'date_in_future', params: { value: '01.01.2027' } },
      { row: 5, column: 'department', code: 'ambiguous_department', params: { value: 'ordnungsamt', count: 2 } },
    ])
    expect(result.rowsRead).toBe(4)
  })

  it('the same service twice (name and department) is reported on the second line', () => {
    const rows = [
      { Leistung: 'Hundesteuer', Fachbereich: '20' },
      { Leistung: 'hundesteuer ', Fachbereich: 'Kämmerei / Steueramt' },
      { Leistung: 'Hundesteuer', Fachbereich: '33' },
    ]
    const result = importServiceRows(rows, OPTIONS)
    expect(result.services.map((s) => s.id)).toEqual(['imp-0', 'imp-2'])
    expect(result.errors).toEqual([{ row: 3, column: 'name', code: 'duplicate_service', params: { firstRow: 2 } }])
  })

  it('a file without a name column is rejected as a whole', () => {
    const result = importServiceRows([{ Fallzahl: '10', Sonstiges: 'x' }, { Fallzahl: '', Sonstiges: '' }], OPTIONS)
    expect(result).toEqual({ services: [], errors: [{ row: 1, column: 'name', code: 'missing_column', params: {} }], rowsRead: 1, skippedEmptyRows: 1, ignoredHeaders: ['Sonstiges'] })
  })

  it('no rows and no headers: nothing to import, nothing to report', () => {
    expect(importServiceRows([], OPTIONS)).toEqual({ services: [], errors: [], rowsRead: 0, skippedEmptyRows: 0, ignoredHeaders: [] })
  })

  it('a header line without rows is still checked when the caller passes it', () => {
    expect(importServiceRows([], { ...OPTIONS, headers: ['Fallzahl'] }).errors).toEqual([{ row: 1, column: 'name', code: 'missing_column', params: {} }])
    expect(importServiceRows([], { ...OPTIONS, headers: ['Leistung', 'Fallzahl'] })).toEqual({ services: [], errors: [], rowsRead: 0, skippedEmptyRows: 0, ignoredHeaders: [] })
  })

  it('two headers for one column are reported, nothing is imported', () => {
    const result = importServiceRows([{ Leistung: 'A', Name: 'B' }], OPTIONS)
    expect(result.services).toEqual([])
    expect(result.errors).toEqual([{ row: 1, column: 'name', code: 'duplicate_column', params: { first: 'Leistung', second: 'Name' } }])
  })

  it('skips empty rows, ignores unknown headers and counts lines from firstRowNumber', () => {
    const rows = [
      { Leistung: 'A', Zuständige_Person: 'Frau X' },
      { Leistung: '  ', Zuständige_Person: '' },
      { Leistung: null, Zuständige_Person: undefined },
      { Leistung: 'B', Fallzahl: 'viele' },
    ]
    const result = importServiceRows(rows, { ...OPTIONS, firstRowNumber: 5 })
    expect(result.services.map((s) => s.id)).toEqual(['imp-0'])
    expect(result.errors).toEqual([{ row: 8, column: 'casesPerYear', code: 'invalid_number', params: { value: 'viele' } }])
    expect(result).toMatchObject({ rowsRead: 2, skippedEmptyRows: 2, ignoredHeaders: ['Zuständige_Person'] })
  })

  it.each([
    [{ Leistung: 'A', Fallzahl: 12.5 }, 'casesPerYear', 'invalid_number', { value: '12.5' }],
    [{ Leistung: 'A', Fallzahl: -3 }, 'casesPerYear', 'invalid_number', { value: '-3' }],
    [{ Leistung: 'A', Fallzahl: true }, 'casesPerYear', 'invalid_value', { type: 'boolean' }],
    [{ Leistung: 'A', 'Online seit': 45352 }, 'onlineSince', 'invalid_date', { value: '45352' }],
    [{ Leistung: 'A', 'Online seit': { y: 2024 } }, 'onlineSince', 'invalid_value', { type: 'object' }],
    [{ Leistung: { text: 'A' } }, 'name', 'invalid_value', { type: 'object' }],
    [{ Leistung: 'A'.repeat(201) }, 'name', 'too_long', { max: 200 }],
    [{ Leistung: 'A', Bemerkung: 'x'.repeat(2001) }, 'note', 'too_long', { max: 2000 }],
    [{ Leistung: 'A', 'Online-Bezahlung': 2 }, 'onlinePayment', 'invalid_boolean', { value: '2' }],
    [{ Leistung: 'A', LeiKa: 9905001210400 }, 'leikaKey', 'invalid_leika', { value: '9905001210400' }],
  ])('bad cell, case %#', (row, column, code, params) => {
    const result = importServiceRows([row], OPTIONS)
    expect(result.services).toEqual([])
    expect(result.errors).toEqual([{ row: 2, column, code, params }])
  })

  it.each([
    ['kein', 'none'], ['-', 'none'], ['PDF', 'pdf'], ['PDF-Formular', 'pdf'], ['Online-Formular', 'html-form'],
    ['Formularserver', 'html-form'], ['Ende-zu-Ende', 'end-to-end'], ['E2E', 'end-to-end'], ['html-form', 'html-form'],
  ])('form type %j → %s', (text, formType) => {
    expect(importServiceRows([{ Leistung: 'A', Formular: text }], OPTIONS).services[0]?.formType).toBe(formType)
  })

  it('channels: synonyms, duplicates dropped, canonical order', () => {
    const s = importServiceRows([{ Leistung: 'A', Zugangswege: 'Internet | Telefon / vor Ort; persönlich, Fax, Brief, online' }], OPTIONS).services[0]
    expect(s?.channels).toEqual(['counter', 'post', 'phone', 'fax', 'online'])
  })

  it('without a department list, any department value is unknown', () => {
    const result = importServiceRows([{ Leistung: 'A', Amt: 'Bürgerbüro' }], { makeId: (i) => `i${i}` })
    expect(result.errors).toEqual([{ row: 2, column: 'department', code: 'unknown_department', params: { value: 'Bürgerbüro' } }])
  })

  it('matches a department by id first, then code, then name (case and spaces ignored)', () => {
    const depts = [{ id: '20', name: 'Bürgerbüro' }, { id: 'd-b', name: 'Zwanzig', code: '20' }, { id: 'd-c', name: ' BÜRGERBÜRO ' }, { id: 'd-d', name: 'Amt  für Schulen', code: 'FB 4' }]
    const dept = (v: string) => importServiceRows([{ Leistung: 'A', Fachbereich: v }], { makeId: () => 'x', departments: depts })
    expect(dept('20').services[0]?.departmentId).toBe('20')
    expect(dept('fb  4').services[0]?.departmentId).toBe('d-d')
    expect(dept('amt für schulen').services[0]?.departmentId).toBe('d-d')
    expect(dept('Zwanzig').services[0]?.departmentId).toBe('d-b')
    expect(dept('bürgerbüro').errors).toEqual([{ row: 2, column: 'department', code: 'ambiguous_department', params: { value: 'bürgerbüro', count: 2 } }])
  })

  it('calls makeId with the data row index, for valid rows only', () => {
    const seen: number[] = []
    importServiceRows([{ Leistung: 'A' }, { Leistung: '' , Fallzahl: '1'}, { Leistung: 'C' }], { makeId: (i) => (seen.push(i), `id${i}`) })
    expect(seen).toEqual([0, 2])
  })
})

describe('checkService', () => {
  it('a complete, valid service has no issues', () => {
    expect(checkService(makeService({ leikaKey: '99050012104000', casesPerYear: 0, onlineSince: '2024-02-29', channels: ['counter', 'online'], ratings: { a: 3, b: 'na' } }), '2026-01-01')).toEqual([])
  })

  it.each([
    [{ name: '  ' }, [{ field: 'name', code: 'required', params: {} }]],
    [{ name: 'x'.repeat(201) } as object, [{ field: 'name', code: 'too_long', params: { max: 200 } }]],
    [{ leikaKey: '123' }, [{ field: 'leikaKey', code: 'invalid_leika', params: { value: '123' } }]],
    [{ casesPerYear: 1.5 }, [{ field: 'casesPerYear', code: 'invalid_number', params: { value: '1.5' } }]],
    [{ casesPerYear: -1 }, [{ field: 'casesPerYear', code: 'invalid_number', params: { value: '-1' } }]],
    [{ casesPerYear: Number.NaN }, [{ field: 'casesPerYear', code: 'invalid_number', params: { value: 'NaN' } }]],
    [{ onlineSince: '2025-02-29' }, [{ field: 'onlineSince', code: 'invalid_date', params: { value: '2025-02-29' } }]],
    [{ onlineSince: '2026-01-02' }, [{ field: 'onlineSince', code: 'date_in_future', params: { value: '2026-01-02' } }]],
    [{ channels: ['online', 'online'] }, [{ field: 'channels', code: 'duplicate_channel', params: { value: 'online' } }]],
    [{ channels: ['carrier-pigeon'] }, [{ field: 'channels', code: 'invalid_channel', params: { value: 'carrier-pigeon' } }]],
    [{ formType: 'word' }, [{ field: 'formType', code: 'invalid_form_type', params: { value: 'word' } }]],
    [{ note: 'x'.repeat(2001) }, [{ field: 'note', code: 'too_long', params: { max: 2000 } }]],
    [{ ratings: { a: 9 } }, [{ field: 'maturity', code: 'invalid_rating', params: { criterion: 'a', value: '9' } }]],
  ])('field issue, case %#', (overrides, issues) => {
    expect(checkService(makeService(overrides as Parameters<typeof makeService>[0]), '2026-01-01')).toEqual(issues)
  })

  it('without today, a future date is not checked', () => {
    expect(checkService(makeService({ onlineSince: '2099-01-01' }))).toEqual([])
  })
})
