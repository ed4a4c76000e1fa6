/**
 * Office exports, pure part: sheet names a spreadsheet program accepts, cells it can store, widths,
 * rounding as on screen, and the heatmap and measures tables with the screen's labels and numbers.
 */
import { describe, expect, it } from 'vitest'
import type { Heatmap, HeatmapCell } from '@/domain/results/heatmap'
import { cleanCell, columnWidths, heatmapTable, measuresTable, numberFormat, roundAsShown, sanitizeSheetNames, tableToRows } from '@/domain/results/table-export'
import { makeRecommendation } from '../fixtures/builders'

describe('sanitizeSheetNames', () => {
  it.each<[string, string[], string[]]>([
    ['forbidden characters become spaces, runs collapse', ['Ist/Soll: [2024]*?\\x'], ['Ist Soll 2024 x']],
    ['31 characters at most', ['Reifegrad je Fachbereich und Dimension'], ['Reifegrad je Fachbereich und Di']],
    ['leading and trailing apostrophes and spaces go', ["  'Maßnahmen'  "], ['Maßnahmen']],
    ['empty → fallback', ['', '///'], ['Sheet', 'Sheet (2)']],
    ['duplicates (ignoring case) get a number', ['Heatmap', 'heatmap', 'HEATMAP'], ['Heatmap', 'heatmap (2)', 'HEATMAP (3)']],
    ['the suffix stays within 31 characters', ['Reifegrad je Fachbereich und Dimension', 'Reifegrad je Fachbereich und Dimension'], ['Reifegrad je Fachbereich und Di', 'Reifegrad je Fachbereich un (2)']],
    ['a name that becomes a duplicate after cleaning', ['a:b', 'a b'], ['a b', 'a b (2)']],
    ["Excel's reserved name History", ['History'], ['History (2)']],
    ['line breaks and control characters', ['Zeile\neins\u0001'], ['Zeile eins']],
    ['umlauts and ß stay', ['Größe & Übersicht „neu“'], ['Größe & Übersicht „neu“']],
    ['a surrogate pair is never cut in half', [`${'x'.repeat(30)}😀`], ['x'.repeat(30)]],
  ])('%s', (_, names, expected) => {
    const result = sanitizeSheetNames(names)
    expect(result).toEqual(expected)
    for (const n of result) {
      expect(n.length).toBeLessThanOrEqual(31)
      expect(n).not.toMatch(/[[\]:*?/\\]/)
    }
    expect(new Set(result.map((n) => n.toLowerCase())).size).toBe(result.length)
  })

  it('uses the given fallback', () => {
    expect(sanitizeSheetNames(['  '], 'Tabelle')).toEqual(['Tabelle'])
  })
})

describe('cleanCell and tableToRows', () => {
  it.each<[string, Parameters<typeof cleanCell>[0], ReturnType<typeof cleanCell>]>([
    ['text stays', 'Größe „x“', 'Größe „x“'],
    ['CRLF and CR become LF', 'a\r\nb\rc', 'a\nb\nc'],
    ['XML-forbidden control characters go, tab and LF stay', 'a\u0001b\tc\nd', 'ab\tc\nd'],
    ['a formula-looking text stays text', '=SUMME(A1)', '=SUMME(A1)'],
    ['number stays', 62.5, 62.5],
    ['NaN → empty', Number.NaN, null],
    ['Infinity → empty', Number.POSITIVE_INFINITY, null],
    ['boolean stays', true, true],
    ['null stays', null, null],
  ])('%s', (_, cell, expected) => {
    expect(cleanCell(cell)).toEqual(expected)
  })

  it('cuts text to 32,767 characters with an ellipsis', () => {
    const long = cleanCell('x'.repeat(40_000)) as string
    expect(long).toHaveLength(32_767)
    expect(long.endsWith('x…')).toBe(true)
    expect(cleanCell('x'.repeat(32_767))).toBe('x'.repeat(32_767))
  })

  it('puts the header first and pads or cuts rows to its width', () => {
    expect(tableToRows({ name: 's', headers: ['A', 'B', 'C'], rows: [[1], [1, 2, 3, 4], []] })).toEqual([
      ['A', 'B', 'C'],
      [1, null, null],
      [1, 2, 3],
      [null, null, null],
    ])
  })
})

describe('numberFormat, columnWidths, roundAsShown', () => {
  it.each([
    [0, '0'],
    [1, '0.0'],
    [2, '0.00'],
    [-1, '0'],
    [12, '0.0000000000'],
  ])('%s decimals → %s', (d, z) => {
    expect(numberFormat(d)).toBe(z)
  })

  it('fits widths to the longest line, numbers with their decimals, clamped to [8, 60]', () => {
    const rows = [
      ['Fachbereich', 'D1', 'lang'],
      ['12 · IT und Digitalisierung', 62, `kurz\n${'y'.repeat(80)}`],
      [null, 7.25, true],
    ]
    expect(columnWidths(rows, [undefined, 1])).toEqual([28, 8, 60])
    expect(columnWidths([['x', 123456.5]], [undefined, 3])).toEqual([8, 11])
  })

  it.each<[number | null, number, number | null]>([
    [62.45, 1, 62.5],
    [0.15, 1, 0.2],
    [62.04, 1, 62],
    [99.95, 1, 100],
    [3.14159, 2, 3.14],
    [-0.25, 1, -0.3],
    [null, 1, null],
    [Number.NaN, 1, null],
  ])('roundAsShown(%s, %s) → %s (as vue-i18n shows it)', (x, d, expected) => {
    expect(roundAsShown(x, d)).toBe(expected)
    if (x !== null && Number.isFinite(x)) {
      const shown = new Intl.NumberFormat('en', { maximumFractionDigits: d, useGrouping: false }).format(x)
      expect(roundAsShown(x, d)).toBe(Number(shown))
    }
  })
})

describe('heatmapTable', () => {
  const cell = (dimensionId: string, score: number | null, uncertain = false): HeatmapCell => ({ dimensionId, score, coverage: 1, uncertain, band: 'none' })
  const data: Heatmap = {
    columns: ['D1', 'D2'],
    rows: [
      { departmentId: 'b', code: '12', name: 'IT und Digitalisierung', parentUnit: '', score: 56.25, coverage: 1, uncertain: false, cells: [cell('D1', 62.45), cell('D2', 50.04)] },
      { departmentId: 'a', code: '3', name: 'Straßen „Süd“', parentUnit: '', score: null, coverage: null, uncertain: true, cells: [cell('D1', null), cell('D2', 12.5, true)] },
    ],
    orgRow: { score: 40.01, coverage: 1, uncertain: false, band: 'none', cells: [cell('D1', 70.15), cell('D2', 9.96)] },
  }
  const titles: Record<string, string> = { D1: 'Strategie & Steuerung', D2: 'Daten, KI und Kooperation' }

  it('has the screen rows in the screen order, one-decimal numbers, empty for "–", the uncertain column last', () => {
    const t = heatmapTable(data, { sheet: 'Heatmap', department: 'Fachbereich', total: 'Gesamt', orgRow: 'Kommune', uncertain: 'unsicher (*)', dimTitle: (id) => titles[id] ?? id })
    expect(t).toEqual({
      name: 'Heatmap',
      headers: ['Fachbereich', 'Strategie & Steuerung', 'Daten, KI und Kooperation', 'Gesamt', 'unsicher (*)'],
      rows: [
        ['12 · IT und Digitalisierung', 62.5, 50, 56.3, null],
        ['3 · Straßen „Süd“', null, 12.5, null, 'Daten, KI und Kooperation; Gesamt'],
        ['Kommune', 70.2, 10, 40, null],
      ],
      decimals: [undefined, 1, 1, 1, undefined],
    })
  })
})

describe('measuresTable', () => {
  const list = [
    makeRecommendation({ measureId: 'm2', rank: 1, class: 'pflicht', effort: 2, impact: 5, priority: 7.456, effortDays: 15 }),
    makeRecommendation({ measureId: 'm1', rank: 2, class: 'quick_win', effort: 1, impact: 3, priority: 3 }),
  ]
  const labels = {
    sheet: 'Maßnahmen',
    rank: 'Rang',
    measure: 'Maßnahme',
    class: 'Klasse',
    effort: 'Aufwand',
    impact: 'Wirkung',
    priority: 'Priorität',
    measureTitle: (id: string) => `Titel ${id}`,
    classLabel: (c: string) => `Klasse ${c}`,
  }

  it('method 1: rank, title, class, effort, impact, priority (two decimals)', () => {
    expect(measuresTable(list, labels)).toEqual({
      name: 'Maßnahmen',
      headers: ['Rang', 'Maßnahme', 'Klasse', 'Aufwand', 'Wirkung', 'Priorität'],
      rows: [
        [1, 'Titel m2', 'Klasse pflicht', 2, 5, 7.46],
        [2, 'Titel m1', 'Klasse quick_win', 1, 3, 3],
      ],
    })
  })

  it('method 2.0: with person-days, empty where the screen shows "–"', () => {
    const t = measuresTable(list, { ...labels, personDays: 'Personentage (PT)' })
    expect(t.headers).toEqual(['Rang', 'Maßnahme', 'Klasse', 'Aufwand', 'Personentage (PT)', 'Wirkung', 'Priorität'])
    expect(t.rows).toEqual([
      [1, 'Titel m2', 'Klasse pflicht', 2, 15, 5, 7.46],
      [2, 'Titel m1', 'Klasse quick_win', 1, null, 3, 3],
    ])
  })
})
