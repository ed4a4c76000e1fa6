/**
 * The words for the codes the domain reports (hardening #8/#9): every exchange-file error and
 * warning and every catalogue issue in German (the texts users knew) and English, catalogue
 * places in words, and a catalogue that could not be loaded.
 */
import { createI18n } from 'vue-i18n'
import { describe, expect, it } from 'vitest'
import { errorTexts } from '@/composables/useErrorTexts'
import { validateCatalog, type CatalogIssue, type CatalogLocation } from '@/domain/catalog/catalog-schema'
import type { BackupError, BackupErrorCode, BackupWarning } from '@/domain/exchange/formats'
import { i18n as appI18n } from '@/i18n'
import { CatalogLoadError } from '@/stores/catalogs'
import catalogJson from '@/catalogs/dc-kommune/1.0.0.json'
import type { Catalog } from '@/domain/model/types'
import { allDe as de, allEn as en } from '../fixtures/i18n'

function textsIn(locale: 'de' | 'en') {
  const i18n = createI18n({
    legacy: false,
    locale,
    messages: { de, en },
    numberFormats: { de: appI18n.global.getNumberFormat('de'), en: appI18n.global.getNumberFormat('en') },
  })
  const g = i18n.global
  return errorTexts({ t: (key, params) => g.t(key, params), te: (key) => g.te(key), n: (value, options) => g.n(value, options) })
}
const DE = textsIn('de')
const EN = textsIn('en')

const issue = (code: CatalogIssue['code'], params: CatalogIssue['params'], location: CatalogLocation): CatalogIssue => ({ code, params, path: [], location })
const FILE: CatalogLocation = { entity: 'catalog', field: '' }
const emptyDimensions = issue('tooFewEntries', { min: 1 }, { entity: 'catalog', field: 'dimensions' })

/** Every error code with typical parameters: [code, params, German, English]. */
const ERRORS: [BackupErrorCode, BackupError['params'], string, string][] = [
  ['backup.empty', {}, 'Die Datei ist leer.', 'The file is empty.'],
  [
    'backup.notUtf8',
    {},
    'Die Datei ist nicht in UTF-8 gespeichert (vermutlich Windows-1252/ANSI, Umlaute würden verfälscht). Erwartet wird UTF-8: Speichern Sie die Datei als UTF-8 oder exportieren Sie sie erneut aus dem Digitalisierungs-Check. Es wurde nichts geändert.',
    'The file is not saved as UTF-8 (probably Windows-1252/ANSI; umlauts would be garbled). UTF-8 is expected: save the file as UTF-8 or export it again from the Digitalisierungs-Check. Nothing was changed.',
  ],
  ['backup.tooLarge', { bytes: 31457347, maxBytes: 20971520, sizeMb: 30, maxMb: 20 }, 'Die Datei ist zu groß (30,0 MB). Erlaubt sind höchstens 20,0 MB.', 'The file is too large (30.0 MB). At most 20.0 MB are allowed.'],
  ['backup.tooLarge', { bytes: 2132, maxBytes: 1000, sizeMb: 0, maxMb: 0 }, 'Die Datei ist zu groß (0,0 MB). Erlaubt sind höchstens 0,0 MB.', 'The file is too large (0.0 MB). At most 0.0 MB are allowed.'],
  ['backup.truncatedJson', {}, 'Die Datei endet unerwartet – sie ist vermutlich unvollständig gespeichert oder übertragen worden.', 'The file ends unexpectedly – it was probably saved or transferred incompletely.'],
  ['backup.invalidJson', { position: 71, line: 4, column: 3 }, 'Die Datei ist kein gültiges JSON (Fehler in Zeile 4, Spalte 3).', 'The file is not valid JSON (error in line 4, column 3).'],
  ['backup.invalidJson', {}, 'Die Datei ist kein gültiges JSON.', 'The file is not valid JSON.'],
  ['backup.notAnObject', { actual: 'array' }, 'Die Datei enthält keine Datensicherung (gefunden: Liste).', 'The file does not contain a backup (found: list).'],
  ['backup.catalogFile', {}, 'Das ist eine Katalogdatei, keine Datensicherung. Kataloge werden unter „Kataloge“ importiert.', 'This is a catalogue file, not a backup. Catalogues are imported under “Catalogues”.'],
  ['backup.unknownFormat', { format: 'excel-export' }, 'Die Datei ist keine Datensicherung des Digitalisierungs-Checks (Formatkennung fehlt oder ist unbekannt).', 'The file is not a Digitalisierungs-Check backup (the format marker is missing or unknown).'],
  ['backup.invalidFormatVersion', { version: '1' }, 'Die Formatversion der Datensicherung fehlt oder ist ungültig.', 'The format version of the backup is missing or invalid.'],
  ['backup.unsupportedVersion', { version: 3, supported: 2 }, 'Die Datensicherung hat die Formatversion 3; diese App kann nur Version 2 lesen. Bitte aktualisieren Sie die App.', 'The backup has format version 3; this app can only read version 2. Please update the app.'],
  ['backup.forbiddenKey', { key: '__proto__' }, 'Die Datei enthält den unzulässigen Schlüssel „__proto__“ und wird aus Sicherheitsgründen abgelehnt.', 'The file contains the forbidden key “__proto__” and is refused for security reasons.'],
  ['backup.tooDeep', { maxDepth: 32 }, 'Die Datei ist zu tief verschachtelt (mehr als 32 Ebenen) und kann keine gültige Datensicherung sein.', 'The file is nested too deeply (more than 32 levels) and cannot be a valid backup.'],
  ['backup.missingField', { field: 'assessments' }, 'Pflichtangabe „assessments“ fehlt.', 'Required field “assessments” is missing.'],
  ['backup.invalidType', { expected: 'array', actual: 'object' }, 'Falscher Datentyp: erwartet Liste, gefunden Objekt.', 'Wrong data type: expected list, found object.'],
  ['backup.invalidType', { expected: 'number', actual: 'string' }, 'Falscher Datentyp: erwartet Zahl, gefunden Text.', 'Wrong data type: expected number, found text.'],
  ['backup.invalidType', { expected: 'int', actual: 'boolean' }, 'Falscher Datentyp: erwartet ganze Zahl, gefunden Wahrheitswert.', 'Wrong data type: expected whole number, found true/false value.'],
  ['backup.invalidType', { expected: 'bigint', actual: 'undefined' }, 'Falscher Datentyp: erwartet bigint, gefunden nichts.', 'Wrong data type: expected bigint, found nothing.'],
  ['backup.notAnInteger', { value: '12.5' }, 'Hier ist eine ganze Zahl erforderlich (gefunden: 12.5).', 'A whole number is required here (found: 12.5).'],
  ['backup.invalidValue', { value: 'chef', allowed: 'respondent, consensus' }, 'Ungültiger Wert „chef“. Erlaubt: respondent, consensus.', 'Invalid value “chef”. Allowed: respondent, consensus.'],
  ['backup.invalidLevel', { value: '8' }, 'Ungültige Stufe „8“ – erlaubt sind die ganzen Zahlen 0 bis 7 (Stufen einer Antwortskala).', 'Invalid level “8” – the whole numbers 0 to 7 are allowed (levels of an answer scale).'],
  ['backup.invalidDate', { value: '2025-13-01' }, 'Ungültiges Datum „2025-13-01“ – erwartet JJJJ-MM-TT.', 'Invalid date “2025-13-01” – expected YYYY-MM-DD.'],
  [
    'backup.invalidDateTime',
    { value: 'gestern' },
    'Ungültiger Zeitstempel „gestern“ – erwartet ISO 8601 mit Zeitzone, z. B. 2025-03-01T09:30:00.000Z.',
    'Invalid timestamp “gestern” – expected ISO 8601 with time zone, e.g. 2025-03-01T09:30:00.000Z.',
  ],
  ['backup.required', {}, 'Diese Angabe darf nicht leer sein.', 'This field must not be empty.'],
  ['backup.tooLong', { length: 101, max: 100 }, 'Der Text ist zu lang (101 Zeichen, höchstens 100).', 'The text is too long (101 characters, at most 100).'],
  ['backup.outOfRange', { value: '-1', min: 0, max: 1000000000 }, 'Der Wert -1 liegt außerhalb des erlaubten Bereichs (0 bis 1000000000).', 'The value -1 is outside the allowed range (0 to 1000000000).'],
  ['backup.tooManyEntries', { max: 5000 }, 'Zu viele Einträge (höchstens 5000).', 'Too many entries (at most 5000).'],
  ['backup.invalidStructure', {}, 'Der Eintrag hat nicht den erwarteten Aufbau.', 'The entry does not have the expected structure.'],
  ['backup.answerStateMismatch', { state: 'na' }, 'Eine Antwort „nicht zutreffend“ oder „weiß nicht“ darf keine Ist-Stufe haben.', 'An answer “not applicable” or “don’t know” must not have a current-state level.'],
  ['backup.answerKeyMismatch', { key: 'str-01', itemId: 'str-03' }, 'Die Antwort ist unter „str-01“ abgelegt, gehört aber zu Item „str-03“.', 'The answer is stored under “str-01” but belongs to item “str-03”.'],
  ['backup.duplicateId', { table: 'organisations', id: 'org-1' }, 'Die ID „org-1“ kommt in „organisations“ mehrfach vor.', 'The id “org-1” occurs more than once in “organisations”.'],
  ['backup.duplicateCatalog', { catalogId: 'eigen', catalogVersion: '1.0.0' }, 'Katalog eigen Version 1.0.0 ist mehrfach enthalten.', 'Catalogue eigen version 1.0.0 is included more than once.'],
  ['backup.missingReference', { field: 'orgId', id: 'org-404', table: 'organisations' }, 'Verweis ins Leere: orgId „org-404“ gibt es in „organisations“ nicht.', 'Reference to nothing: there is no orgId “org-404” in “organisations”.'],
  [
    'backup.inconsistentReference',
    { field: 'orgId', actual: 'org-2', expected: 'org-1', reason: 'roundOrganisation' },
    'Widersprüchliche Zuordnung: orgId ist „org-2“, erwartet „org-1“ (Organisation der Erhebungsrunde).',
    'Contradicting assignment: orgId is “org-2”, expected “org-1” (organisation of the assessment round).',
  ],
  [
    'backup.inconsistentReference',
    { field: 'orgId', actual: 'org-2', expected: 'org-1', reason: 'departmentOrganisation' },
    'Widersprüchliche Zuordnung: orgId ist „org-2“, erwartet „org-1“ (Organisation des Fachbereichs).',
    'Contradicting assignment: orgId is “org-2”, expected “org-1” (organisation of the department).',
  ],
  ['backup.unknownCatalog', { catalogId: 'dc-kommune', catalogVersion: '9.9.9' }, 'Katalog dc-kommune Version 9.9.9 ist nicht vorhanden. Importieren Sie zuerst diesen Katalog.', 'Catalogue dc-kommune version 9.9.9 is not available. Import this catalogue first.'],
  ['backup.unknownItem', { itemId: 'gibts-nicht', catalogId: 'dc-kommune', catalogVersion: '1.0.0' }, 'Item „gibts-nicht“ gibt es in Katalog dc-kommune Version 1.0.0 nicht.', 'Catalogue dc-kommune version 1.0.0 has no item “gibts-nicht”.'],
  ['backup.tooManyErrors', { max: 20 }, 'Es wurden mehr als 20 Fehler gefunden; die Prüfung wurde abgebrochen.', 'More than 20 errors were found; the check was stopped.'],
  ['backup.invalidVersionVector', { max: 256 }, 'Ungültiger Versionsvektor: Erwartet wird je Gerätekennung eine positive ganze Zahl (höchstens 256 Geräte).', 'Invalid version vector: a positive whole number per device id is expected (at most 256 devices).'],
  ['backup.checksumMissing', {}, 'Die Prüfsumme der Datei fehlt. Die Datei wurde nicht von dieser App geschrieben oder nachträglich verändert.', 'The file’s checksum is missing. The file was not written by this app or was changed afterwards.'],
  ['backup.checksumMismatch', {}, 'Die Prüfsumme stimmt nicht: Die Datei wurde nach dem Speichern verändert oder ist beschädigt. Bitte lassen Sie sie neu erstellen.', 'The checksum does not match: the file was changed after saving or is damaged. Please have it created again.'],
  ['backup.packageFile', {}, 'Das ist ein Fragebogen-Paket oder eine Rücksendung, keine Datensicherung. Öffnen Sie es unter „Fragebögen austauschen“.', 'This is a questionnaire package or a return, not a backup. Open it under “Exchange questionnaires”.'],
  ['backup.backupFile', {}, 'Das ist eine vollständige Datensicherung, kein Fragebogen-Paket. Sie wird unter „Daten“ wiederhergestellt.', 'This is a full backup, not a questionnaire package. It is restored under “Data”.'],
  ['backup.scopeMismatch', { detail: 'rounds ≠ scope.roundId' }, 'Das Paket ist in sich widersprüchlich: rounds ≠ scope.roundId.', 'The package contradicts itself: rounds ≠ scope.roundId.'],
  [
    'backup.builtinCatalog',
    { catalogId: 'dc-kommune', catalogVersion: '2.0.0' },
    'Die Datei enthält einen Katalog mit Kennung und Version des eingebauten Katalogs (dc-kommune 2.0.0). Eingebaute Kataloge können nicht ersetzt werden.',
    'The file contains a catalogue with the id and version of the built-in catalogue (dc-kommune 2.0.0). Built-in catalogues cannot be replaced.',
  ],
  ['backup.invalidAgenda', { name: 'Digitale Agenda', issue: 'agenda.phasesOverlap' }, 'Die Digitale Agenda „Digitale Agenda“ ist in sich widersprüchlich (Regel agenda.phasesOverlap).', 'The digital agenda “Digitale Agenda” contradicts itself (rule agenda.phasesOverlap).'],
  ['backup.invalidService', { name: 'Hundesteuer', field: 'leikaKey', issue: 'invalid_leika' }, 'Die Leistung „Hundesteuer“ hat eine ungültige Angabe in „leikaKey“ (invalid_leika).', 'The service “Hundesteuer” has an invalid “leikaKey” (invalid_leika).'],
]

describe('exchange-file errors in words', () => {
  it.each(ERRORS)('%s %j', (code, params, german, english) => {
    expect(DE.backupError({ code, params })).toBe(german)
    expect(EN.backupError({ code, params })).toBe(english)
  })

  it('covers every message of the exchangeErrors namespace', () => {
    // Helpers, and the three messages tested below (invalidJsonAt in the table, as backup.invalidJson with a line).
    const helpers = ['quoted', 'reason', 'type', 'invalidJsonAt', 'ignoredKeys', 'invalidCatalog']
    const covered = new Set(ERRORS.map(([code]) => code.slice('backup.'.length)))
    expect(Object.keys(de.exchangeErrors).filter((k) => !helpers.includes(k) && !covered.has(k))).toEqual([])
  })

  it('an invalid included catalogue names what is wrong and where', () => {
    const error: BackupError = { code: 'backup.invalidCatalog', params: { catalogId: 'eigen' }, path: 'catalogs[0].dimensions', catalogIssue: emptyDimensions }
    expect(DE.backupError(error)).toBe('Der enthaltene Katalog eigen ist ungültig: Feld „dimensions“: Zu wenige Einträge (mindestens 1).')
    expect(EN.backupError(error)).toBe('The included catalogue eigen is invalid: Field “dimensions”: Too few entries (at least 1).')
  })

  it('the warning about ignored fields quotes each example', () => {
    const warning: BackupWarning = { code: 'backup.ignoredKeys', params: { count: 3, examples: ['extraTopLevel', 'organisations[0].secret', 'assessments[0].answers.str-01.score'] } }
    expect(DE.backupWarning(warning)).toBe(
      '3 unbekannte Angaben in der Datei wurden ignoriert und nicht übernommen (z. B. „extraTopLevel“, „organisations[0].secret“, „assessments[0].answers.str-01.score“).',
    )
    expect(EN.backupWarning(warning)).toBe(
      '3 unknown fields in the file were ignored and not taken over (e.g. “extraTopLevel”, “organisations[0].secret”, “assessments[0].answers.str-01.score”).',
    )
  })
})

describe('catalogue issues in words', () => {
  it.each<[string, CatalogLocation, string, string]>([
    ['the file as a whole', FILE, 'Katalogdatei', 'Catalogue file'],
    ['a top-level field', { entity: 'catalog', field: 'publishedAt' }, 'Feld „publishedAt“', 'Field “publishedAt”'],
    ['a level text of a question', { entity: 'item', id: 'str-01', level: 3, field: '', language: 'de' }, 'Frage str-01, Stufe 3, deutscher Text', 'Question str-01, level 3, German text'],
    ['a question without an id', { entity: 'item', position: 8, field: 'id' }, 'Frage Nr. 8, Feld „id“', 'Question no. 8, field “id”'],
    ['a measure field', { entity: 'measure', id: 'm-dms', field: 'triggers[0].itemId' }, 'Maßnahme m-dms, Feld „triggers[0].itemId“', 'Measure m-dms, field “triggers[0].itemId”'],
    ['a scale entry', { entity: 'scale', id: 'ist', entry: 3, field: 'label', language: 'en' }, 'Skala „ist“, Eintrag 3, Feld „label“, englischer Text', 'Scale “ist”, entry 3, field “label”, English text'],
    ['a dimension', { entity: 'dimension', id: 'strategie', field: '' }, 'Dimension strategie', 'Dimension strategie'],
    ['a source', { entity: 'source', position: 2, field: 'url' }, 'Quelle Nr. 2, Feld „url“', 'Source no. 2, field “url”'],
    ['a predecessor mapping', { entity: 'predecessor', id: '1.0.0', field: 'items.str-01' }, 'Vorgängerversion 1.0.0, Feld „items.str-01“', 'Previous version 1.0.0, field “items.str-01”'],
  ])('%s', (_name, location, german, english) => {
    expect(DE.catalogLocation(location)).toBe(german)
    expect(EN.catalogLocation(location)).toBe(english)
  })

  it('words every issue of a broken catalogue in both languages', () => {
    const c = structuredClone(catalogJson) as unknown as Catalog
    c.items[5]!.levels[3]!.de = ''
    ;(c.items[2] as { appliesTo: string }).appliesTo = 'some'
    const result = validateCatalog(c)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues.map(DE.catalogIssue)).toEqual([
      'Frage str-03, Feld „appliesTo“: Unerwarteter Wert (erlaubt: all, central, organisation).',
      'Frage str-06, Stufe 3, deutscher Text: Wert zu klein oder Text leer (Minimum 1).',
    ])
    expect(result.issues.map(EN.catalogIssue)).toEqual([
      'Question str-03, field “appliesTo”: Unexpected value (allowed: all, central, organisation).',
      'Question str-06, level 3, German text: Value too small or text empty (minimum 1).',
    ])
  })

  it.each<[CatalogIssue, string, string]>([
    [issue('invalidType', { expected: 'object' }, FILE), 'Katalogdatei: Falscher Datentyp (erwartet: Objekt).', 'Catalogue file: Wrong data type (expected: object).'],
    [issue('measureUnknownMeasure', { measureId: 'm-a', dependency: 'm-x' }, { entity: 'measure', id: 'm-a', field: 'dependsOn[0]' }), 'Maßnahme m-a, Feld „dependsOn[0]“: Die Maßnahme „m-a“ hängt von der unbekannten Maßnahme „m-x“ ab.', 'Measure m-a, field “dependsOn[0]”: The measure “m-a” depends on the unknown measure “m-x”.'],
    [issue('unknownFields', { keys: ['foo', 'bar'] }, FILE), 'Katalogdatei: Unbekannte Felder: foo, bar.', 'Catalogue file: Unknown fields: foo, bar.'],
    [issue('levelCountMismatch', { itemId: 'q2', expected: 2, actual: 3 }, { entity: 'item', id: 'q2', field: 'levels' }), 'Frage q2, Feld „levels“: Die Frage „q2“ hat 3 Stufentexte, ihre Antwortskala aber 2 Stufen.', 'Question q2, field “levels”: The question “q2” has 3 level texts, but its answer scale has 2 levels.'],
    [issue('scaleNotIncreasing', { scale: 'ja-nein' }, { entity: 'scale', id: 'ja-nein', field: 'levels' }), 'Skala „ja-nein“, Feld „levels“: Die Werte der Skala „ja-nein“ müssen von Stufe zu Stufe steigen.', 'Scale “ja-nein”, field “levels”: The values of the scale “ja-nein” must rise from level to level.'],
    [issue('emptyGroup', { groupId: 'g' }, { entity: 'group', id: 'g', field: '' }), 'Gruppe g: Die Gruppe „g“ enthält weder Gruppen noch Dimensionen.', 'Group g: The group “g” contains neither groups nor dimensions.'],
  ])('%j', (i, german, english) => {
    expect(DE.catalogIssue(i)).toBe(german)
    expect(EN.catalogIssue(i)).toBe(english)
  })

  it('every catalogue issue code has German and English words', () => {
    expect(Object.keys(en.catalogErrors.issue)).toEqual(Object.keys(de.catalogErrors.issue))
  })
})

describe('a catalogue that could not be loaded', () => {
  const ref = { catalogId: 'eigen', catalogVersion: '1.2.0' }

  it('missing in this browser', () => {
    const error = new CatalogLoadError(ref, [issue('notAvailable', {}, FILE)])
    expect(DE.catalogLoadError(error)).toBe('Katalog eigen 1.2.0: Dieser Katalog ist in diesem Browser nicht vorhanden.')
    expect(EN.catalogLoadError(error)).toBe('Catalogue eigen 1.2.0: This catalogue is not available in this browser.')
  })

  it('invalid: names the first five issues', () => {
    const many = Array.from({ length: 6 }, (_, k) => issue('duplicateId', { id: `x-${k}` }, { entity: 'item', id: `x-${k}`, field: 'id' }))
    const text = EN.catalogLoadError(new CatalogLoadError(ref, many))
    expect(text.startsWith('Catalogue eigen 1.2.0: Question x-0, field “id”: The id “x-0” occurs more than once.; ')).toBe(true)
    expect(text.endsWith('Question x-4, field “id”: The id “x-4” occurs more than once.; …')).toBe(true)
  })

  it('any other error: its own message', () => {
    expect(EN.catalogLoadError(new Error('IndexedDB closed'))).toBe('IndexedDB closed')
  })
})
