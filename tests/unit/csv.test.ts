/**
 * CSV exports (hardening #9): ';' separator, CRLF, BOM, formula guard; column titles and labels from
 * i18n (German and English, via useCsvLabels' pure `csvLabels`), decimal comma and dd.mm.yyyy in
 * German, decimal point and yyyy-mm-dd in English, numbers with the precision the screens show.
 */
import { createI18n } from 'vue-i18n'
import { describe, expect, it } from 'vitest'
import { csvLabels } from '@/composables/useCsvLabels'
import { answersCsv, berlinOffsetMinutes, escapeCsvText, formatCsvDate, formatDecimal, measuresCsv, scoresCsv, toCsv } from '@/domain/results/csv'
import { measureRows } from '@/domain/results/export-rows'
import type { AnalysisResult } from '@/domain/analysis/analysis'
import {
  makeAnswer,
  makeAssessment,
  makeCatalog,
  makeCatalogItem,
  makeDepartment,
  makeOrganisation,
  makeRound,
} from '../fixtures/backup-builders'
import { makeCatalog as makeFullCatalog, makeDepartment as makeDept, makeItem, makeMeasure, makeRecommendation, text } from '../fixtures/builders'
import { allDe as de, allEn as en } from '../fixtures/i18n'

const BOM = '\uFEFF'

function labelsIn(locale: 'de' | 'en') {
  const g = createI18n({ legacy: false, locale, messages: { de, en } }).global
  return csvLabels((key, params) => g.t(key, params ?? {}), locale)
}
const DE = labelsIn('de')
const EN = labelsIn('en')

describe('formatDecimal', () => {
  it.each([
    [62.5, 1, '62,5'],
    [62, 1, '62'],
    [62.04, 1, '62'],
    [62.06, 1, '62,1'],
    [1.005, 2, '1,01'],
    [2.5, 0, '3'],
    [-2.5, 0, '-3'],
    [-0.04, 1, '0'],
    [-3.25, 1, '-3,3'],
    [1234567.891, 2, '1234567,89'],
    [0.1 + 0.2, 2, '0,3'],
    [Number.NaN, 2, ''],
    [Number.POSITIVE_INFINITY, 2, ''],
  ])('%s with %s decimals → %s', (value, decimals, expected) => {
    expect(formatDecimal(value, decimals)).toBe(expected)
  })

  it.each([
    [62, 1, 1, 'de', '62,0'],
    [62, 1, 1, 'en', '62.0'],
    [62.04, 1, 1, 'de', '62,0'],
    [100 / 3, 1, 1, 'en', '33.3'],
    [8.25, 2, 0, 'en', '8.25'],
    [8.2, 2, 1, 'de', '8,2'],
    [-3.25, 1, 1, 'en', '-3.3'],
    [1234567.891, 2, 0, 'en', '1234567.89'],
  ] as const)('%s with %s to %s decimals in %s → %s', (value, decimals, minDecimals, language, expected) => {
    expect(formatDecimal(value, decimals, { minDecimals, language })).toBe(expected)
  })
})

describe('escapeCsvText', () => {
  it.each([
    ['Straßenverkehrsamt', 'Straßenverkehrsamt'],
    ['Größe; Übersicht', '"Größe; Übersicht"'],
    ['Er sagte "Hallo"', '"Er sagte ""Hallo"""'],
    ['Zeile 1\nZeile 2', '"Zeile 1\nZeile 2"'],
    ['Zeile 1\r\nZeile 2', '"Zeile 1\r\nZeile 2"'],
    [' führend', '" führend"'],
    ['folgend ', '"folgend "'],
    ['=SUMME(A1:A2)', "'=SUMME(A1:A2)"],
    ['+49 30 123', "'+49 30 123"],
    ['-1+1', "'-1+1"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', '"\'\r=1"'],
    ['=HYPERLINK("http://x";"klick")', '"\'=HYPERLINK(""http://x"";""klick"")"'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(escapeCsvText(input)).toBe(expected)
  })
})

describe('toCsv', () => {
  it('writes BOM, semicolons, CRLF, decimal comma, empty cells for null/undefined', () => {
    const csv = toCsv(
      ['Name', 'Wert', 'Anteil', 'Leer'],
      [
        ['Bürgerbüro', 62.5, 0.125, null],
        ['Ämter; Höfe', -3, 7, undefined],
      ],
      { decimals: [0, 1, 3] },
    )
    expect(csv).toBe(
      BOM + 'Name;Wert;Anteil;Leer\r\n' + 'Bürgerbüro;62,5;0,125;\r\n' + '"Ämter; Höfe";-3;7;\r\n',
    )
  })

  it('keeps negative numbers as numbers but guards text that looks like one', () => {
    expect(toCsv(['a', 'b'], [[-1.5, '-1,5']], { bom: false })).toBe("a;b\r\n-1,5;'-1,5\r\n")
  })

  it('can leave out the BOM and handles no rows', () => {
    expect(toCsv(['Fachbereich'], [], { bom: false })).toBe('Fachbereich\r\n')
  })

  it('starts with exactly one BOM by default', () => {
    const csv = toCsv(['x'], [['ß']])
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv.charCodeAt(1)).toBe('x'.charCodeAt(0))
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]))
  })

  it('writes a decimal point in English and keeps the semicolon separator', () => {
    expect(toCsv(['Name', 'Value'], [['Building; roads', 62.5]], { decimals: 1, minDecimals: 1, language: 'en', bom: false })).toBe('Name;Value\r\n"Building; roads";62.5\r\n')
  })
})

describe('formatCsvDate', () => {
  it.each([
    ['2025-01-15T08:05:00.000Z', 'UTC', '15.01.2025 08:05'],
    ['2025-01-15T08:05:00.000Z', 'Europe/Berlin', '15.01.2025 09:05'],
    ['2025-07-01T22:30:00Z', 'Europe/Berlin', '02.07.2025 00:30'],
    ['2025-03-30T00:59:00Z', 'Europe/Berlin', '30.03.2025 01:59'],
    ['2025-03-30T01:00:00Z', 'Europe/Berlin', '30.03.2025 03:00'],
    ['2025-10-26T00:59:00Z', 'Europe/Berlin', '26.10.2025 02:59'],
    ['2025-10-26T01:00:00Z', 'Europe/Berlin', '26.10.2025 02:00'],
    ['2025-12-31T23:30:00+01:00', 'Europe/Berlin', '31.12.2025 23:30'],
    ['2025-12-31T23:30:00-05:00', 'UTC', '01.01.2026 04:30'],
    ['2025-05-04', 'Europe/Berlin', '04.05.2025'],
    ['', 'UTC', ''],
    ['kein Datum', 'UTC', 'kein Datum'],
  ] as const)('%s in %s → %s', (iso, zone, expected) => {
    expect(formatCsvDate(iso, 'de', zone)).toBe(expected)
  })

  it('knows summer time boundaries in other years', () => {
    expect(berlinOffsetMinutes(Date.UTC(2024, 2, 31, 0, 59))).toBe(60)
    expect(berlinOffsetMinutes(Date.UTC(2024, 2, 31, 1, 0))).toBe(120)
    expect(berlinOffsetMinutes(Date.UTC(2024, 9, 27, 1, 0))).toBe(60)
  })

  it.each([
    ['2025-01-15T08:05:00.000Z', 'UTC', '2025-01-15 08:05'],
    ['2025-07-01T22:30:00Z', 'Europe/Berlin', '2025-07-02 00:30'],
    ['2025-05-04', 'Europe/Berlin', '2025-05-04'],
    ['', 'UTC', ''],
    ['kein Datum', 'UTC', 'kein Datum'],
  ] as const)('English: %s in %s → %s', (iso, zone, expected) => {
    expect(formatCsvDate(iso, 'en', zone)).toBe(expected)
  })
})

describe('answersCsv', () => {
  const catalog = makeCatalog({ id: 'dc-kommune', version: '1.0.0' }, [])
  catalog.items = [
    makeCatalogItem('str-01', { question: { de: 'Gibt es eine Digitalstrategie?', en: 'Is there a strategy?' } }),
    makeCatalogItem('str-02', { question: { de: 'Wer steuert „Digitales“; wie?' } }),
    makeCatalogItem('str-03', { appliesTo: 'central', question: { de: 'Nur Querschnitt' } }),
    makeCatalogItem('str-04', { question: { de: 'Noch offen' } }),
  ]
  const input = {
    organisations: [makeOrganisation({ name: 'Gemeinde Süßen' })],
    departments: [makeDepartment({ kind: 'specialist', name: 'Ordnungsamt', code: '32' })],
    rounds: [makeRound({ name: 'Erhebung 2025' })],
    assessments: [
      makeAssessment({
        respondent: 'Frau Öztürk',
        answers: {
          'str-01': makeAnswer('str-01', { ist: 2, bedarf: 3, potenzial: 4, target: 3, comment: '=1+1', updatedAt: '2025-06-01T10:15:00.000Z' }),
          'str-02': makeAnswer('str-02', { state: 'na', ist: null, bedarf: null, potenzial: null, comment: 'Zeile 1\nZeile 2 "zitiert"' }),
          'x-99': makeAnswer('x-99', { state: 'unknown', ist: null, bedarf: null, potenzial: null }),
        },
      }),
    ],
    catalogFor: (id: string, version: string) => (id === 'dc-kommune' && version === '1.0.0' ? catalog : undefined),
  }

  it('German: one row per applicable item plus stray answers, German titles, labels and dates', () => {
    const base = 'Gemeinde Süßen;Erhebung 2025;Ordnungsamt;32;Frau Öztürk;'
    expect(answersCsv(input, { labels: DE.answers, timeZone: 'UTC' })).toBe(
      BOM +
        'Organisation;Runde;Fachbereich;Kürzel;Befragte Person;Dimension;Item-ID;Frage;Status;Ist;Bedarf;Potenzial;Ziel;Kommentar;Geändert am\r\n' +
        base + "Strategie;str-01;Gibt es eine Digitalstrategie?;Stufe;2;3;4;3;'=1+1;01.06.2025 10:15\r\n" +
        base + 'Strategie;str-02;"Wer steuert „Digitales“; wie?";nicht zutreffend;;;;;"Zeile 1\nZeile 2 ""zitiert""";01.03.2025 09:30\r\n' +
        base + 'Strategie;str-04;Noch offen;offen;;;;;;\r\n' +
        base + ';x-99;;weiß nicht;;;;;;01.03.2025 09:30\r\n',
    )
  })

  it('English: English titles, labels, catalogue texts (German fallback) and dates, German time by default', () => {
    const base = 'Gemeinde Süßen;Erhebung 2025;Ordnungsamt;32;Frau Öztürk;'
    expect(answersCsv(input, { language: EN.language, labels: EN.answers })).toBe(
      BOM +
        'Municipality;Round;Department;Code;Respondent;Dimension;Item ID;Question;Status;Current state;Need;Potential;Target;Comment;Changed on\r\n' +
        base + "Strategie;str-01;Is there a strategy?;level;2;3;4;3;'=1+1;2025-06-01 12:15\r\n" +
        base + 'Strategie;str-02;"Wer steuert „Digitales“; wie?";not applicable;;;;;"Zeile 1\nZeile 2 ""zitiert""";2025-03-01 10:30\r\n' +
        base + 'Strategie;str-04;Noch offen;open;;;;;;\r\n' +
        base + ';x-99;;don’t know;;;;;;2025-03-01 10:30\r\n',
    )
  })

  it('lists central-only items for central departments', () => {
    const central = { ...input, departments: [makeDepartment({ kind: 'central' })] }
    expect(answersCsv(central, { labels: DE.answers }).split('\r\n').filter((l) => l.includes(';str-03;'))).toHaveLength(1)
    expect(answersCsv(input, { labels: DE.answers }).split('\r\n').filter((l) => l.includes(';str-03;'))).toHaveLength(0)
  })
})

describe('scoresCsv', () => {
  const rows = [
    { department: 'Bürgeramt', dimensionTitle: 'Strategie & Führung', score: 62.5, coverage: 0.875 },
    { department: 'Bürgeramt', dimensionTitle: 'Prozesse', score: 100 / 3, coverage: 1 },
    { department: 'Bürgeramt', dimensionTitle: 'E-Akte', score: 62, coverage: 0.5 },
    { department: 'Bauamt', dimensionTitle: 'IT-Sicherheit', score: null, coverage: null },
  ]

  it('German: score with one decimal as on screen (62 → 62,0), coverage in whole percent; null stays empty', () => {
    expect(scoresCsv(rows, { headers: DE.scores })).toBe(
      BOM +
        'Fachbereich;Dimension;Reifegrad (0–100);Abdeckung (%)\r\n' +
        'Bürgeramt;Strategie & Führung;62,5;88\r\n' +
        'Bürgeramt;Prozesse;33,3;100\r\n' +
        'Bürgeramt;E-Akte;62,0;50\r\n' +
        'Bauamt;IT-Sicherheit;;\r\n',
    )
  })

  it('English: the same numbers with a decimal point', () => {
    expect(scoresCsv(rows, { headers: EN.scores, language: EN.language })).toBe(
      BOM +
        'Department;Dimension;Maturity (0–100);Coverage (%)\r\n' +
        'Bürgeramt;Strategie & Führung;62.5;88\r\n' +
        'Bürgeramt;Prozesse;33.3;100\r\n' +
        'Bürgeramt;E-Akte;62.0;50\r\n' +
        'Bauamt;IT-Sicherheit;;\r\n',
    )
  })
})

describe('measuresCsv', () => {
  const rows = [
    {
      rank: 1,
      title: 'E-Rechnung empfangen',
      classLabel: 'Pflicht',
      priority: 8.25,
      effort: 2,
      impact: 4,
      obligation: '§ 4 EGovG',
      departments: ['Kämmerei', 'Stadtkasse'],
      rationale: 'Gesetzliche Frist; "dringend"',
    },
    {
      rank: 2,
      title: '-Schnellstart Portal',
      classLabel: 'Quick Win',
      priority: 6,
      effort: 1,
      impact: 3,
      obligation: null,
      departments: [],
      rationale: '',
    },
  ]

  it('German: law, joined departments, guarded text, priority with up to two decimals as on screen', () => {
    expect(measuresCsv(rows, { headers: DE.measures })).toBe(
      BOM +
        'Rang;Maßnahme;Klasse;Priorität;Aufwand;Wirkung;Pflicht (Gesetz);Betroffene Fachbereiche;Begründung\r\n' +
        '1;E-Rechnung empfangen;Pflicht;8,25;2;4;§ 4 EGovG;Kämmerei, Stadtkasse;"Gesetzliche Frist; ""dringend"""\r\n' +
        "2;'-Schnellstart Portal;Quick Win;6;1;3;;;\r\n",
    )
  })

  it('English: English titles and a decimal point', () => {
    expect(measuresCsv(rows, { headers: EN.measures, language: EN.language })).toBe(
      BOM +
        'Rank;Measure;Class;Priority;Effort;Impact;Obligation (law);Departments concerned;Rationale\r\n' +
        '1;E-Rechnung empfangen;Pflicht;8.25;2;4;§ 4 EGovG;Kämmerei, Stadtkasse;"Gesetzliche Frist; ""dringend"""\r\n' +
        "2;'-Schnellstart Portal;Quick Win;6;1;3;;;\r\n",
    )
  })
})

describe('words inside the cells of the measures export', () => {
  it.each([
    ['de', DE, '1,5', '32 str-01 „Gibt es eine Strategie?“: Ist 1,5, Ziel 3, Lücke 1,5', 'Rechtspflicht'],
    ['en', EN, '1.5', '32 str-01 “Gibt es eine Strategie?”: current 1.5, target 3, gap 1.5', 'Legal obligation'],
  ] as const)('%s', (_locale, labels, half, reason, classLabel) => {
    expect(labels.measureRows.reason({ code: '32', itemId: 'str-01', question: 'Gibt es eine Strategie?', ist: half, target: '3', gap: half })).toBe(reason)
    expect(labels.measureRows.obligation({ law: '§ 4 EGovG', date: '18.04.2020' })).toBe('§ 4 EGovG (18.04.2020)')
    expect(labels.measureRows.obligation({ law: '§ 4 EGovG', date: '' })).toBe('§ 4 EGovG')
    expect(labels.measureRows.classLabel('pflicht')).toBe(classLabel)
  })

  it('a reason without department code does not start with a space', () => {
    expect(DE.measureRows.reason({ code: '', itemId: 'str-01', question: 'Q', ist: '0', target: '3', gap: '3' })).toBe('str-01 „Q“: Ist 0, Ziel 3, Lücke 3')
  })
})

describe('measureRows: rows of the measures export from an analysis', () => {
  const catalog = makeFullCatalog({
    items: [makeItem({ id: 'str-01', question: { de: 'Gibt es eine Strategie?', en: 'Is there a strategy?' } })],
    measures: [makeMeasure({ id: 'm-1', title: { de: 'Strategie beschließen', en: 'Adopt a strategy' } }), makeMeasure({ id: 'm-2', title: text('E-Rechnung') })],
  })
  const department = makeDept({ id: 'dep-1', code: '32', name: 'Ordnungsamt' })
  const reason = { departmentId: 'dep-1', itemId: 'str-01', ist: 1.5, target: 3, gap: 1.5, bedarf: null, potenzial: null, weight: 1, contribution: 1.5, answers: [] }
  const analysis = {
    departments: [{ departmentId: 'dep-1', department }],
    recommendations: [
      makeRecommendation({ measureId: 'm-1', rank: 1, class: 'leitprojekt', priority: 4.125, reasons: [reason] }),
      // Catalogue 2.0 obligations carry inForceSince instead of date.
      makeRecommendation({ measureId: 'm-2', rank: 2, class: 'pflicht', obligation: { law: '§ 4 EGovG', description: text('x'), inForceSince: '2020-04-18' } }),
    ],
  } as unknown as AnalysisResult

  it.each([
    ['de', DE, 'Strategie beschließen', '32 str-01 „Gibt es eine Strategie?“: Ist 1,5, Ziel 3, Lücke 1,5', 'Leitprojekt', '§ 4 EGovG (18.04.2020)'],
    ['en', EN, 'Adopt a strategy', '32 str-01 “Is there a strategy?”: current 1.5, target 3, gap 1.5', 'Lead project', '§ 4 EGovG (2020-04-18)'],
  ] as const)('%s', (locale, labels, title, rationale, classLabel, obligation) => {
    const rows = measureRows(analysis, catalog, locale, labels.measureRows)
    expect(rows[0]).toMatchObject({ rank: 1, title, classLabel, priority: 4.125, obligation: null, departments: ['Ordnungsamt'], rationale })
    expect(rows[1]).toMatchObject({ rank: 2, title: 'E-Rechnung', obligation, rationale: '' })
  })
})

describe('scoring model version in exported results', () => {
  it('adds a "Bewertungsmodell" / "Scoring model" column to scores and measures when a version is given', () => {
    const scores = scoresCsv([{ department: '32 Bürgerbüro', dimensionTitle: 'Strategie', score: 62.5, coverage: 0.8 }], { headers: DE.scores, modelVersion: '1.0.0' })
    expect(scores).toBe('\uFEFFFachbereich;Dimension;Reifegrad (0–100);Abdeckung (%);Bewertungsmodell\r\n32 Bürgerbüro;Strategie;62,5;80;1.0.0\r\n')
    const measure = { rank: 1, title: 'E-Akte', classLabel: 'Leitprojekt', priority: 12.25, effort: 5, impact: 5, obligation: null, departments: ['Bauamt'], rationale: 'x' }
    const measures = measuresCsv([measure], { headers: DE.measures, modelVersion: '1.0.0' })
    expect(measures.split('\r\n')[0]!.endsWith(';Bewertungsmodell')).toBe(true)
    expect(measures.split('\r\n')[1]).toBe('1;E-Akte;Leitprojekt;12,25;5;5;;Bauamt;x;1.0.0')
    expect(measuresCsv([measure], { headers: EN.measures, language: 'en', modelVersion: '1.0.0' }).split('\r\n')[0]!.endsWith(';Scoring model')).toBe(true)
  })
})
