// Writes public/katalog-vorlage.xlsx: the spreadsheet template for catalogues (docs/catalog-format.md,
// "Spreadsheet template"), filled with a small worked example (2 dimensions in 1 group, 3 items, one
// of them on a yes/no scale, German and English texts, 1 measure). The app offers it for download on
// the Daten screen and reads it back with src/domain/catalog/sheet-catalog.ts; the headers here must
// stay those of TEMPLATE_COLUMNS there (tests/unit/sheet-catalog.test.ts reads this file and checks).
// Run: npm run catalog-template
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import * as XLSX from '@e965/xlsx'

const out = fileURLToPath(new URL('../public/katalog-vorlage.xlsx', import.meta.url))

const instructions = [
  ['Vorlage für einen eigenen Fragenkatalog (Digitalisierungs-Check)'],
  [''],
  ['So füllen Sie die Vorlage aus:'],
  ['1. Katalog: je Zeile eine Angabe (Spalte A) und ihr Wert (Spalte B) – Kennung, Version (z. B. 1.0.0), Titel, Beschreibung, Veröffentlichungsdatum (JJJJ-MM-TT).'],
  ['2. Skalen: je Stufe einer Skala eine Zeile. „ist“ ist die Antwortskala aller Fragen ohne eigene Skala; bedarf, potenzial, effort (Aufwand) und impact (Nutzen) haben je fünf Stufen; jede andere Kennung (z. B. „ja-nein“) ist eine weitere Antwortskala.'],
  ['3. Gruppen (optional): Ebenen über den Dimensionen, z. B. Handlungsfelder.'],
  ['4. Dimensionen: je Dimension eine Zeile; zielstufe = Stufe (ab 0), die als Ziel vorgeschlagen wird.'],
  ['5. Fragen: JE FRAGE UND STUFE EINE ZEILE. Die Stufen beginnen bei 0 und folgen lückenlos; die Zeilen einer Frage stehen untereinander. Fragetext, Hilfe, Gewicht usw. genügen in der ersten Zeile der Frage.'],
  ['6. Massnahmen (optional): dimensions = Dimensionen durch Komma getrennt; triggers = Frage<=Stufe, mehrere durch Semikolon getrennt (die Maßnahme wird vorgeschlagen, wenn die Antwort höchstens diese Stufe erreicht).'],
  [''],
  ['Zahlen dürfen ein Dezimalkomma oder einen Dezimalpunkt haben (0,25 oder 0.25). Spalten mit _de/_en enthalten den deutschen bzw. englischen Text; Englisch ist optional.'],
  ['Spaltennamen und Blattnamen dürfen auch deutsch geschrieben werden (z. B. Titel_de statt title_de, Fragen statt Items); Groß- und Kleinschreibung spielt keine Rolle. Dieses Blatt wird beim Import nicht gelesen.'],
  [''],
  ['How to fill in this template: one row per key in "Katalog", one row per scale level in "Skalen", one row per ITEM AND LEVEL in "Fragen" (levels from 0 without gaps).'],
  ['Sheet and column names may be written in English or German, in any case. This sheet is not read on import.'],
]

const catalog = [
  ['key', 'value'],
  ['id', 'beispiel-kommune'],
  ['version', '1.0.0'],
  ['title_de', 'Beispielkatalog Digitalisierung'],
  ['title_en', 'Example digitalisation catalogue'],
  ['description_de', 'Kleines Beispiel für die Tabellenvorlage: zwei Dimensionen, drei Fragen, eine Maßnahme.'],
  ['description_en', 'Small example of the spreadsheet template: two dimensions, three items, one measure.'],
  ['publishedAt', '2026-12-03'],
  ['defaultLanguage', 'de'],
  ['license', 'CC BY 4.0'],
  ['authors', 'Beispiel-Beratung'],
  ['aggregation', 'mean'],
]

const five = (id, labels, values = [0, 1, 2, 3, 4]) => labels.map(([de, en, dDe, dEn], level) => [id, level, values[level], de, en, dDe, dEn])
const scales = [
  ['scale', 'level', 'value', 'label_de', 'label_en', 'description_de', 'description_en'],
  ...five('ist', [
    ['nicht vorhanden', 'none', 'Es gibt dazu nichts oder nur Einzelinitiativen.', 'Nothing exists, or only isolated efforts.'],
    ['Anfänge', 'beginnings', 'Erste Schritte sind gemacht.', 'First steps have been taken.'],
    ['teilweise', 'partly', 'In Teilen der Verwaltung umgesetzt.', 'Implemented in parts of the administration.'],
    ['weitgehend', 'largely', 'In den meisten Bereichen umgesetzt.', 'Implemented in most areas.'],
    ['vollständig', 'fully', 'Überall umgesetzt und gepflegt.', 'Implemented and maintained everywhere.'],
  ]),
  ...five('bedarf', [
    ['kein', 'none', '', ''],
    ['gering', 'low', '', ''],
    ['mittel', 'medium', '', ''],
    ['hoch', 'high', '', ''],
    ['sehr hoch', 'very high', '', ''],
  ]),
  ...five('potenzial', [
    ['kein', 'none', '', ''],
    ['gering', 'low', '', ''],
    ['mittel', 'medium', '', ''],
    ['hoch', 'high', '', ''],
    ['sehr hoch', 'very high', '', ''],
  ]),
  ...five(
    'effort',
    [
      ['bis 5 Personentage', 'up to 5 person-days', '', ''],
      ['6 bis 20 Personentage', '6 to 20 person-days', '', ''],
      ['21 bis 60 Personentage', '21 to 60 person-days', '', ''],
      ['61 bis 200 Personentage', '61 to 200 person-days', '', ''],
      ['über 200 Personentage', 'over 200 person-days', '', ''],
    ],
    [1, 2, 3, 4, 5],
  ),
  ...five(
    'impact',
    [
      ['gering', 'small', '', ''],
      ['begrenzt', 'limited', '', ''],
      ['spürbar', 'noticeable', '', ''],
      ['hoch', 'high', '', ''],
      ['sehr hoch', 'very high', '', ''],
    ],
    [1, 2, 3, 4, 5],
  ),
  ['ja-nein', 0, 0, 'Nein', 'No', '', ''],
  ['ja-nein', 1, 1, 'Ja', 'Yes', '', ''],
]

const groups = [
  ['id', 'parent', 'title_de', 'title_en', 'short_de', 'short_en', 'description_de', 'description_en', 'aggregation', 'weight'],
  ['steuerung', '', 'Steuerung und Grundlagen', 'Governance and foundations', 'Steuerung', 'Governance', 'Wie die Verwaltung Digitalisierung steuert und welche Grundlagen sie hat.', 'How the administration steers digitalisation and which foundations it has.', 'mean', 1],
]

const dimensions = [
  ['id', 'parent', 'title_de', 'title_en', 'short_de', 'short_en', 'description_de', 'description_en', 'weight', 'defaultTarget', 'aggregation'],
  ['strategie', 'steuerung', 'Strategie und Steuerung', 'Strategy and governance', 'Strategie', 'Strategy', 'Ob die Verwaltung Digitalisierung mit klaren Zielen und Zuständigkeiten steuert.', 'Whether the administration steers digitalisation with clear goals and responsibilities.', 1, 3, ''],
  ['dokumente', 'steuerung', 'Dokumente und E-Akte', 'Documents and e-files', 'E-Akte', 'E-files', 'Wie Schriftgut elektronisch geführt und aufbewahrt wird.', 'How records are kept and archived electronically.', 1.5, 3, ''],
]

const itemHeader = ['item', 'dimension', 'scale', 'level', 'question_de', 'question_en', 'help_de', 'help_en', 'text_de', 'text_en', 'weight', 'defaultTarget', 'appliesTo', 'owner_de', 'owner_en', 'stage', 'dependsOn']
/** One row per level; the item's own fields only in its first row. */
const item = (fields, levels) =>
  levels.map(([de, en], level) =>
    itemHeader.map((h) => {
      if (h === 'level') return level
      if (h === 'text_de') return de
      if (h === 'text_en') return en
      if (h === 'item' || h === 'dimension' || h === 'scale' || level === 0) return fields[h] ?? ''
      return ''
    }),
  )
const items = [
  itemHeader,
  ...item(
    {
      item: 'str-01',
      dimension: 'strategie',
      question_de: 'Gibt es eine beschlossene Digitalstrategie für die gesamte Verwaltung?',
      question_en: 'Is there an adopted digital strategy for the whole administration?',
      help_de: 'Gemeint ist ein schriftliches Zielbild mit Handlungsfeldern und priorisierten Maßnahmen.',
      help_en: 'A written target picture with fields of action and prioritised measures.',
      weight: 2,
      appliesTo: 'organisation',
      owner_de: 'Hauptamt',
      owner_en: 'Central administration',
    },
    [
      ['Es gibt keine Digitalstrategie.', 'There is no digital strategy.'],
      ['Einzelne Ziele stehen in Konzepten; ein Strategiepapier fehlt.', 'Individual goals appear in concepts; a strategy paper is missing.'],
      ['Ein Strategieentwurf liegt vor, ist aber nicht beschlossen.', 'A draft strategy exists but is not adopted.'],
      ['Die Strategie ist beschlossen und enthält priorisierte Maßnahmen.', 'The strategy is adopted and contains prioritised measures.'],
      ['Die Strategie wird regelmäßig überprüft und fortgeschrieben.', 'The strategy is reviewed and updated regularly.'],
    ],
  ),
  ...item(
    {
      item: 'str-02',
      dimension: 'strategie',
      scale: 'ja-nein',
      question_de: 'Gibt es eine benannte Ansprechperson für Digitalisierung?',
      question_en: 'Is there a named contact person for digitalisation?',
      help_de: 'Zum Beispiel eine oder ein Digitalisierungsbeauftragte(r) mit Zeitanteil für diese Aufgabe.',
      help_en: 'For example a digitalisation officer with time set aside for the task.',
      defaultTarget: 1,
      appliesTo: 'all',
    },
    [
      ['Nein, niemand ist benannt.', 'No, nobody is named.'],
      ['Ja, eine Ansprechperson ist benannt und bekannt.', 'Yes, a contact person is named and known.'],
    ],
  ),
  ...item(
    {
      item: 'dok-01',
      dimension: 'dokumente',
      question_de: 'Werden Akten elektronisch geführt (E-Akte)?',
      question_en: 'Are files kept electronically (e-file)?',
      help_de: 'Maßgeblich ist die führende Akte, nicht der eingescannte Posteingang allein.',
      help_en: 'What counts is the leading record, not the scanned incoming mail alone.',
      weight: 1,
      appliesTo: 'all',
      dependsOn: 'str-01',
    },
    [
      ['Akten werden nur auf Papier geführt.', 'Files are kept on paper only.'],
      ['Einzelne Vorgänge liegen elektronisch vor.', 'Single cases exist electronically.'],
      ['Ein Dokumentenmanagementsystem ist in Teilen im Einsatz.', 'A document management system is in use in parts.'],
      ['Die E-Akte ist die führende Akte in den meisten Bereichen.', 'The e-file is the leading record in most areas.'],
      ['Die E-Akte ist überall führend, einschließlich Aussonderung.', 'The e-file leads everywhere, including disposal.'],
    ],
  ),
]

const measures = [
  ['id', 'title_de', 'title_en', 'description_de', 'description_en', 'dimensions', 'triggers', 'effort', 'impact', 'dependsOn'],
  [
    'm-strategie',
    'Digitalstrategie erarbeiten und beschließen',
    'Draw up and adopt a digital strategy',
    'Erarbeiten Sie mit den Fachbereichen ein Zielbild mit Handlungsfeldern und lassen Sie es von Verwaltungsspitze oder Rat beschließen. Benennen Sie eine verantwortliche Ansprechperson.',
    'Draw up a target picture with fields of action together with the departments and have it adopted by the leadership or council. Name a responsible contact person.',
    'strategie',
    'str-01<=1; str-02<=0',
    3,
    4,
    '',
  ],
]

const sheets = [
  ['Anleitung', instructions],
  ['Katalog', catalog],
  ['Skalen', scales],
  ['Gruppen', groups],
  ['Dimensionen', dimensions],
  ['Fragen', items],
  ['Massnahmen', measures],
]

const wb = XLSX.utils.book_new()
for (const [name, rows] of sheets) {
  const ws = XLSX.utils.aoa_to_sheet(rows)
  // Column widths from the longest cell, capped so long texts wrap in the office program.
  const widths = []
  for (const row of rows) row.forEach((cell, c) => (widths[c] = Math.min(60, Math.max(widths[c] ?? 8, String(cell).length + 2))))
  ws['!cols'] = widths.map((wch) => ({ wch: name === 'Anleitung' ? 120 : wch }))
  XLSX.utils.book_append_sheet(wb, ws, name)
}
// A fixed date, so regenerating an unchanged template gives the same workbook properties.
wb.Props = { Title: 'Katalogvorlage Digitalisierungs-Check', CreatedDate: new Date('2026-12-03T00:00:00Z') }
writeFileSync(out, XLSX.write(wb, { bookType: 'xlsx', type: 'buffer', compression: true }))
console.log(`Written ${out}`)
