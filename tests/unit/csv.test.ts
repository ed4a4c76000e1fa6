import { describe, expect, it } from 'vitest'
import { answersCsv, berlinOffsetMinutes, escapeCsvText, formatDateTimeDe, formatDecimal, measuresCsv, scoresCsv, toCsv } from '@/domain/results/csv'
import {
  makeAnswer,
  makeAssessment,
  makeCatalog,
  makeCatalogItem,
  makeDepartment,
  makeOrganisation,
  makeRound,
} from '../fixtures/backup-builders'

const BOM = '\uFEFF'

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
})

describe('formatDateTimeDe', () => {
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
    expect(formatDateTimeDe(iso, zone)).toBe(expected)
  })

  it('knows summer time boundaries in other years', () => {
    expect(berlinOffsetMinutes(Date.UTC(2024, 2, 31, 0, 59))).toBe(60)
    expect(berlinOffsetMinutes(Date.UTC(2024, 2, 31, 1, 0))).toBe(120)
    expect(berlinOffsetMinutes(Date.UTC(2024, 9, 27, 1, 0))).toBe(60)
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

  it('writes one row per applicable item plus stray answers, with German status labels', () => {
    const base = 'Gemeinde Süßen;Erhebung 2025;Ordnungsamt;32;Frau Öztürk;'
    expect(answersCsv(input, { timeZone: 'UTC' })).toBe(
      BOM +
        'Organisation;Runde;Fachbereich;Kürzel;Befragte Person;Dimension;Item-ID;Frage;Status;Ist;Bedarf;Potenzial;Ziel;Kommentar;Geändert am\r\n' +
        base + "Strategie;str-01;Gibt es eine Digitalstrategie?;Stufe;2;3;4;3;'=1+1;01.06.2025 10:15\r\n" +
        base + 'Strategie;str-02;"Wer steuert „Digitales“; wie?";nicht zutreffend;;;;;"Zeile 1\nZeile 2 ""zitiert""";01.03.2025 09:30\r\n' +
        base + 'Strategie;str-04;Noch offen;offen;;;;;;\r\n' +
        base + ';x-99;;weiß nicht;;;;;;01.03.2025 09:30\r\n',
    )
  })

  it('uses English catalogue texts and given labels when asked, German time by default', () => {
    const csv = answersCsv(input, {
      language: 'en',
      bom: false,
      headers: ['Org', 'Round', 'Dept', 'Code', 'Resp', 'Dim', 'Item', 'Question', 'Status', 'Ist', 'Need', 'Pot', 'Target', 'Comment', 'Changed'],
      statusLabels: { level: 'level', na: 'n/a', unknown: "don't know", open: 'open' },
    })
    const lines = csv.split('\r\n')
    expect(lines[0]).toBe('Org;Round;Dept;Code;Resp;Dim;Item;Question;Status;Ist;Need;Pot;Target;Comment;Changed')
    expect(lines[1]).toBe("Gemeinde Süßen;Erhebung 2025;Ordnungsamt;32;Frau Öztürk;Strategie;str-01;Is there a strategy?;level;2;3;4;3;'=1+1;01.06.2025 12:15")
  })

  it('lists central-only items for central departments', () => {
    const central = { ...input, departments: [makeDepartment({ kind: 'central' })] }
    expect(answersCsv(central).split('\r\n').filter((l) => l.includes(';str-03;'))).toHaveLength(1)
    expect(answersCsv(input).split('\r\n').filter((l) => l.includes(';str-03;'))).toHaveLength(0)
  })
})

describe('scoresCsv', () => {
  it('writes score with one decimal and coverage in percent; null stays empty', () => {
    expect(
      scoresCsv([
        { department: 'Bürgeramt', dimensionTitle: 'Strategie & Führung', score: 62.5, coverage: 0.875 },
        { department: 'Bürgeramt', dimensionTitle: 'Prozesse', score: 100 / 3, coverage: 1 },
        { department: 'Bauamt', dimensionTitle: 'IT-Sicherheit', score: null, coverage: null },
      ]),
    ).toBe(
      BOM +
        'Fachbereich;Dimension;Reifegrad (0–100);Abdeckung (%)\r\n' +
        'Bürgeramt;Strategie & Führung;62,5;88\r\n' +
        'Bürgeramt;Prozesse;33,3;100\r\n' +
        'Bauamt;IT-Sicherheit;;\r\n',
    )
  })
})

describe('measuresCsv', () => {
  it('writes measures with law, joined departments and guarded text', () => {
    expect(
      measuresCsv([
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
      ]),
    ).toBe(
      BOM +
        'Rang;Maßnahme;Klasse;Priorität;Aufwand;Nutzen;Pflicht (Gesetz);Betroffene Fachbereiche;Begründung\r\n' +
        '1;E-Rechnung empfangen;Pflicht;8,3;2;4;§ 4 EGovG;Kämmerei, Stadtkasse;"Gesetzliche Frist; ""dringend"""\r\n' +
        "2;'-Schnellstart Portal;Quick Win;6;1;3;;;\r\n",
    )
  })
})

describe('scoring model version in exported results', () => {
  it('adds a "Bewertungsmodell" column to scores and measures when a version is given', () => {
    const scores = scoresCsv([{ department: '32 Bürgerbüro', dimensionTitle: 'Strategie', score: 62.5, coverage: 0.8 }], { modelVersion: '1.0.0' })
    expect(scores).toBe('\uFEFFFachbereich;Dimension;Reifegrad (0–100);Abdeckung (%);Bewertungsmodell\r\n32 Bürgerbüro;Strategie;62,5;80;1.0.0\r\n')
    const measures = measuresCsv(
      [{ rank: 1, title: 'E-Akte', classLabel: 'Leitprojekt', priority: 12.25, effort: 5, impact: 5, obligation: null, departments: ['Bauamt'], rationale: 'x' }],
      { modelVersion: '1.0.0' },
    )
    expect(measures.split('\r\n')[0]!.endsWith(';Bewertungsmodell')).toBe(true)
    expect(measures.split('\r\n')[1]).toBe('1;E-Akte;Leitprojekt;12,3;5;5;;Bauamt;x;1.0.0')
  })
})
