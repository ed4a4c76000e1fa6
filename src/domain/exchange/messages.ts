/**
 * How a problem in an exchange file becomes a `BackupError`: the German default text per code (the
 * UI renders `code` + `params` with its own translations), value formatting for the parameters,
 * file paths such as `assessments[3].answers.str-01.ist`, and the collector that stops after
 * `BACKUP_LIMITS.maxErrors` problems with a final `backup.tooManyErrors` marker.
 */
import { BACKUP_LIMITS, type BackupError, type BackupErrorCode, type BackupMessageParams, type BackupWarningCode } from './formats'

const GERMAN_TYPE: Record<string, string> = {
  string: 'Text',
  number: 'Zahl',
  int: 'ganze Zahl',
  boolean: 'Wahrheitswert',
  object: 'Objekt',
  array: 'Liste',
  null: 'null',
  undefined: 'nichts',
}

export function germanType(type: string): string {
  return GERMAN_TYPE[type] ?? type
}

/** German default texts; the UI uses `code` + `params` with its own translations. */
export function backupMessage(code: BackupErrorCode | BackupWarningCode, p: BackupMessageParams): string {
  switch (code) {
    case 'backup.empty':
      return 'Die Datei ist leer.'
    case 'backup.notUtf8':
      return 'Die Datei ist nicht in UTF-8 gespeichert (vermutlich Windows-1252/ANSI, Umlaute würden verfälscht). Erwartet wird UTF-8: Speichern Sie die Datei als UTF-8 oder exportieren Sie sie erneut aus dem Digitalisierungs-Check. Es wurde nichts geändert.'
    case 'backup.tooLarge':
      return `Die Datei ist zu groß (${p.sizeMb} MB). Erlaubt sind höchstens ${p.maxMb} MB.`
    case 'backup.truncatedJson':
      return 'Die Datei endet unerwartet – sie ist vermutlich unvollständig gespeichert oder übertragen worden.'
    case 'backup.invalidJson':
      return p.line !== undefined
        ? `Die Datei ist kein gültiges JSON (Fehler in Zeile ${p.line}, Spalte ${p.column}).`
        : 'Die Datei ist kein gültiges JSON.'
    case 'backup.notAnObject':
      return `Die Datei enthält keine Datensicherung (gefunden: ${p.actual}).`
    case 'backup.catalogFile':
      return 'Das ist eine Katalogdatei, keine Datensicherung. Kataloge werden unter „Kataloge“ importiert.'
    case 'backup.unknownFormat':
      return 'Die Datei ist keine Datensicherung des Digitalisierungs-Checks (Formatkennung fehlt oder ist unbekannt).'
    case 'backup.invalidFormatVersion':
      return 'Die Formatversion der Datensicherung fehlt oder ist ungültig.'
    case 'backup.unsupportedVersion':
      return `Die Datensicherung hat die Formatversion ${p.version}; diese App kann nur Version ${p.supported} lesen. Bitte aktualisieren Sie die App.`
    case 'backup.forbiddenKey':
      return `Die Datei enthält den unzulässigen Schlüssel „${p.key}“ und wird aus Sicherheitsgründen abgelehnt.`
    case 'backup.tooDeep':
      return `Die Datei ist zu tief verschachtelt (mehr als ${p.maxDepth} Ebenen) und kann keine gültige Datensicherung sein.`
    case 'backup.missingField':
      return `Pflichtangabe „${p.field}“ fehlt.`
    case 'backup.invalidType':
      return `Falscher Datentyp: erwartet ${p.expected}, gefunden ${p.actual}.`
    case 'backup.notAnInteger':
      return `Hier ist eine ganze Zahl erforderlich (gefunden: ${p.value}).`
    case 'backup.invalidValue':
      return `Ungültiger Wert „${p.value}“. Erlaubt: ${p.allowed}.`
    case 'backup.invalidLevel':
      return `Ungültige Stufe „${p.value}“ – erlaubt sind die ganzen Zahlen 0 bis 4.`
    case 'backup.invalidDate':
      return `Ungültiges Datum „${p.value}“ – erwartet JJJJ-MM-TT.`
    case 'backup.invalidDateTime':
      return `Ungültiger Zeitstempel „${p.value}“ – erwartet ISO 8601 mit Zeitzone, z. B. 2025-03-01T09:30:00.000Z.`
    case 'backup.required':
      return 'Diese Angabe darf nicht leer sein.'
    case 'backup.tooLong':
      return `Der Text ist zu lang (${p.length} Zeichen, höchstens ${p.max}).`
    case 'backup.outOfRange':
      return `Der Wert ${p.value} liegt außerhalb des erlaubten Bereichs (${p.min} bis ${p.max}).`
    case 'backup.tooManyEntries':
      return `Zu viele Einträge (höchstens ${p.max}).`
    case 'backup.invalidStructure':
      return 'Der Eintrag hat nicht den erwarteten Aufbau.'
    case 'backup.answerStateMismatch':
      return 'Eine Antwort „nicht zutreffend“ oder „weiß nicht“ darf keine Ist-Stufe haben.'
    case 'backup.answerKeyMismatch':
      return `Die Antwort ist unter „${p.key}“ abgelegt, gehört aber zu Item „${p.itemId}“.`
    case 'backup.duplicateId':
      return `Die ID „${p.id}“ kommt in „${p.table}“ mehrfach vor.`
    case 'backup.duplicateCatalog':
      return `Katalog ${p.catalogId} Version ${p.catalogVersion} ist mehrfach enthalten.`
    case 'backup.invalidCatalog':
      return `Der enthaltene Katalog ${p.catalogId} ist ungültig: ${p.detail}`
    case 'backup.missingReference':
      return `Verweis ins Leere: ${p.field} „${p.id}“ gibt es in „${p.table}“ nicht.`
    case 'backup.inconsistentReference':
      return `Widersprüchliche Zuordnung: ${p.field} ist „${p.actual}“, erwartet „${p.expected}“ (${p.reason}).`
    case 'backup.unknownCatalog':
      return `Katalog ${p.catalogId} Version ${p.catalogVersion} ist nicht vorhanden. Importieren Sie zuerst diesen Katalog.`
    case 'backup.unknownItem':
      return `Item „${p.itemId}“ gibt es in Katalog ${p.catalogId} Version ${p.catalogVersion} nicht.`
    case 'backup.tooManyErrors':
      return `Es wurden mehr als ${p.max} Fehler gefunden; die Prüfung wurde abgebrochen.`
    case 'backup.invalidVersionVector':
      return `Ungültiger Versionsvektor: Erwartet wird je Gerätekennung eine positive ganze Zahl (höchstens ${p.max} Geräte).`
    case 'backup.checksumMissing':
      return 'Die Prüfsumme der Datei fehlt. Die Datei wurde nicht von dieser App geschrieben oder nachträglich verändert.'
    case 'backup.checksumMismatch':
      return 'Die Prüfsumme stimmt nicht: Die Datei wurde nach dem Speichern verändert oder ist beschädigt. Bitte lassen Sie sie neu erstellen.'
    case 'backup.packageFile':
      return 'Das ist ein Fragebogen-Paket oder eine Rücksendung, keine Datensicherung. Öffnen Sie es unter „Fragebögen austauschen“.'
    case 'backup.backupFile':
      return 'Das ist eine vollständige Datensicherung, kein Fragebogen-Paket. Sie wird unter „Daten“ wiederhergestellt.'
    case 'backup.scopeMismatch':
      return `Das Paket ist in sich widersprüchlich: ${p.detail}.`
    case 'backup.builtinCatalog':
      return `Die Datei enthält einen Katalog mit Kennung und Version des eingebauten Katalogs (${p.catalogId} ${p.catalogVersion}). Eingebaute Kataloge können nicht ersetzt werden.`
    case 'backup.ignoredKeys':
      return `${p.count} unbekannte Angaben in der Datei wurden ignoriert und nicht übernommen (z. B. „${p.examples}“).`
  }
}

export function describeType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'Liste'
  return germanType(typeof value)
}

/** Short printable form of a rejected value for messages. */
export function show(value: unknown): string {
  const s = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
  return s.length > 40 ? s.slice(0, 40) + '…' : s
}

export type PathSeg = string | number

/** `assessments[3].answers.str-01.ist`; keys that are not simple ids are bracket-quoted. */
export function formatPath(path: readonly PathSeg[]): string {
  let out = ''
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`
    else if (/^[A-Za-z0-9_-]+$/.test(seg)) out += out === '' ? seg : `.${seg}`
    else out += `[${JSON.stringify(seg.length > 60 ? seg.slice(0, 60) + '…' : seg)}]`
  }
  return out
}

export class ErrorCollector {
  readonly errors: BackupError[] = []
  full = false

  add(code: BackupErrorCode, params: BackupMessageParams = {}, path?: readonly PathSeg[] | string): void {
    if (this.full) return
    if (this.errors.length >= BACKUP_LIMITS.maxErrors) {
      this.full = true
      const p = { max: BACKUP_LIMITS.maxErrors }
      this.errors.push({ code: 'backup.tooManyErrors', params: p, message: backupMessage('backup.tooManyErrors', p) })
      return
    }
    const error: BackupError = { code, params, message: backupMessage(code, params) }
    if (path !== undefined && path.length > 0) error.path = typeof path === 'string' ? path : formatPath(path)
    this.errors.push(error)
  }
}

export function fail(code: BackupErrorCode, params: BackupMessageParams = {}, path?: readonly PathSeg[]): { ok: false; errors: BackupError[] } {
  const c = new ErrorCollector()
  c.add(code, params, path)
  return { ok: false, errors: c.errors }
}
