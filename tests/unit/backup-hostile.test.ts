// Malformed and hostile backup files: each must be rejected with a specific code and a German message.
import { describe, expect, it } from 'vitest'
import { createBackup, serializeBackup } from '@/domain/exchange/serialise'
import { parseBackup } from '@/domain/exchange/parse'
import type { BackupErrorCode, ParseBackupOptions } from '@/domain/exchange/formats'
import {
  META,
  knownItems,
  makeAnswer,
  makeAssessment,
  makeCatalog,
  makeDepartment,
  makeOrganisation,
  makeSmallData,
  makeTombstone,
  sealRaw,
} from '../fixtures/backup-builders'

type Seg = string | number

/** A valid small backup as plain JSON, to be broken in one place. */
function validRaw(): Record<string, unknown> {
  return JSON.parse(serializeBackup(createBackup(makeSmallData(), META))) as Record<string, unknown>
}

function edit(raw: unknown, path: readonly Seg[], change: (parent: Record<Seg, unknown>, key: Seg) => void): void {
  let cur = raw as Record<Seg, unknown>
  for (const seg of path.slice(0, -1)) cur = cur[seg] as Record<Seg, unknown>
  change(cur, path[path.length - 1]!)
}

/**
 * Valid file with one value replaced (or deleted when `value` is DELETE). The checksum is
 * recomputed (`sealRaw`), so the file is rejected for the broken value, not for the checksum.
 */
const DELETE = Symbol('delete')
function withValue(path: readonly Seg[], value: unknown): () => string {
  return () => {
    const raw = validRaw()
    edit(raw, path, (parent, key) => {
      if (value === DELETE) delete parent[key]
      else parent[key] = value
    })
    return sealRaw(raw)
  }
}

/** Valid file changed by a function (checksum recomputed). */
function withRaw(change: (raw: Record<string, unknown>) => void): () => string {
  return () => {
    const raw = validRaw()
    change(raw)
    return sealRaw(raw)
  }
}

const DEFAULT_OPTIONS: ParseBackupOptions = { knownCatalogItems: knownItems() }
const MB = 1024 * 1024
const HEADER = '{"format":"digitalisierungs-check/backup","formatVersion":1,'

interface Case {
  name: string
  input: () => string
  code: BackupErrorCode
  /** Part of the German default message. */
  message: string | RegExp
  path?: string
  options?: ParseBackupOptions
}

const cases: Case[] = [
  { name: 'empty file', input: () => '', code: 'backup.empty', message: 'Die Datei ist leer.' },
  { name: 'whitespace only', input: () => ' \n\t\r\n  ', code: 'backup.empty', message: 'Die Datei ist leer.' },
  { name: 'BOM only', input: () => '\uFEFF', code: 'backup.empty', message: 'Die Datei ist leer.' },
  {
    name: 'truncated JSON',
    input: () => {
      const text = serializeBackup(createBackup(makeSmallData(), META))
      return text.slice(0, Math.floor(text.length / 2))
    },
    code: 'backup.truncatedJson',
    message: 'Die Datei endet unerwartet',
  },
  {
    name: 'syntax error with position',
    input: () => '{\n  "format": "digitalisierungs-check/backup",\n  "formatVersion": 1,\n  oops\n}',
    code: 'backup.invalidJson',
    message: 'Die Datei ist kein gültiges JSON (Fehler in Zeile 4, Spalte 3).',
  },
  { name: 'array', input: () => '[1, 2, 3]', code: 'backup.notAnObject', message: 'keine Datensicherung (gefunden: Liste)' },
  { name: 'number', input: () => '42', code: 'backup.notAnObject', message: 'gefunden: Zahl' },
  { name: 'string', input: () => '"Sicherung"', code: 'backup.notAnObject', message: 'gefunden: Text' },
  { name: 'null', input: () => 'null', code: 'backup.notAnObject', message: 'gefunden: null' },
  {
    name: 'wrong format marker',
    input: withValue(['format'], 'excel-export'),
    code: 'backup.unknownFormat',
    message: 'keine Datensicherung des Digitalisierungs-Checks',
    path: 'format',
  },
  { name: 'missing format marker', input: withValue(['format'], DELETE), code: 'backup.unknownFormat', message: 'Formatkennung fehlt' },
  {
    name: 'catalogue file instead of backup',
    input: () => JSON.stringify(makeCatalog()),
    code: 'backup.catalogFile',
    message: 'Das ist eine Katalogdatei, keine Datensicherung.',
  },
  {
    name: 'unknown formatVersion 3',
    input: withValue(['formatVersion'], 3),
    code: 'backup.unsupportedVersion',
    message: 'Die Datensicherung hat die Formatversion 3; diese App kann nur Version 2 lesen.',
    path: 'formatVersion',
  },
  { name: 'formatVersion as string', input: withValue(['formatVersion'], '1'), code: 'backup.invalidFormatVersion', message: 'Formatversion' },
  {
    name: 'missing table',
    input: withValue(['assessments'], DELETE),
    code: 'backup.missingField',
    message: 'Pflichtangabe „assessments“ fehlt.',
    path: 'assessments',
  },
  {
    name: 'table is not a list',
    input: withValue(['rounds'], { 'round-1': {} }),
    code: 'backup.invalidType',
    message: 'Falscher Datentyp: erwartet Liste, gefunden Objekt.',
    path: 'rounds',
  },
  {
    name: 'string for inhabitants',
    input: withValue(['organisations', 0, 'inhabitants'], '12500'),
    code: 'backup.invalidType',
    message: 'Falscher Datentyp: erwartet Zahl, gefunden Text.',
    path: 'organisations[0].inhabitants',
  },
  {
    name: 'fractional inhabitants',
    input: withValue(['organisations', 0, 'inhabitants'], 12.5),
    code: 'backup.notAnInteger',
    message: 'ganze Zahl',
    path: 'organisations[0].inhabitants',
  },
  {
    name: 'negative staff',
    input: withValue(['departments', 0, 'staff'], -3),
    code: 'backup.outOfRange',
    message: 'Der Wert -3 liegt außerhalb des erlaubten Bereichs',
    path: 'departments[0].staff',
  },
  {
    name: 'number for name',
    input: withValue(['organisations', 0, 'name'], 42),
    code: 'backup.invalidType',
    message: 'erwartet Text, gefunden Zahl',
    path: 'organisations[0].name',
  },
  {
    name: 'unknown Bundesland',
    input: withValue(['organisations', 0, 'bundesland'], 'XX'),
    code: 'backup.invalidValue',
    message: 'Ungültiger Wert „XX“. Erlaubt: BW, BY',
    path: 'organisations[0].bundesland',
  },
  {
    name: 'level 5',
    input: withValue(['assessments', 0, 'answers', 'str-01', 'ist'], 5),
    code: 'backup.invalidLevel',
    message: 'Ungültige Stufe „5“ – erlaubt sind die ganzen Zahlen 0 bis 4.',
    path: 'assessments[0].answers.str-01.ist',
  },
  {
    name: 'level 2.5',
    input: withValue(['assessments', 0, 'answers', 'str-01', 'bedarf'], 2.5),
    code: 'backup.invalidLevel',
    message: 'Ungültige Stufe „2.5“',
    path: 'assessments[0].answers.str-01.bedarf',
  },
  {
    name: 'level -1',
    input: withValue(['assessments', 0, 'answers', 'str-01', 'potenzial'], -1),
    code: 'backup.invalidLevel',
    message: 'Ungültige Stufe „-1“',
    path: 'assessments[0].answers.str-01.potenzial',
  },
  {
    name: 'level as string in round targets',
    input: withValue(['rounds', 0, 'dimensionTargets', 'str'], '3'),
    code: 'backup.invalidLevel',
    message: 'Ungültige Stufe „3“',
    path: 'rounds[0].dimensionTargets.str',
  },
  {
    name: "state 'maybe'",
    input: withValue(['assessments', 0, 'answers', 'str-01', 'state'], 'maybe'),
    code: 'backup.invalidValue',
    message: 'Ungültiger Wert „maybe“. Erlaubt: level, na, unknown.',
    path: 'assessments[0].answers.str-01.state',
  },
  {
    name: "state 'na' stored with an Ist level",
    input: withValue(['assessments', 0, 'answers', 'str-02', 'ist'], 0),
    code: 'backup.answerStateMismatch',
    message: 'darf keine Ist-Stufe haben',
    path: 'assessments[0].answers.str-02.ist',
  },
  {
    name: 'answer field missing',
    input: withValue(['assessments', 0, 'answers', 'str-01', 'comment'], DELETE),
    code: 'backup.missingField',
    message: 'Pflichtangabe „comment“ fehlt.',
    path: 'assessments[0].answers.str-01.comment',
  },
  {
    name: 'version vector missing in a format-2 answer',
    input: withValue(['assessments', 0, 'answers', 'str-01', 'vv'], DELETE),
    code: 'backup.missingField',
    message: 'Pflichtangabe „vv“ fehlt.',
    path: 'assessments[0].answers.str-01.vv',
  },
  {
    name: 'negative count in a version vector',
    input: withValue(['assessments', 0, 'answers', 'str-01', 'vv'], { 'dev-test': -1 }),
    code: 'backup.invalidVersionVector',
    message: 'Ungültiger Versionsvektor',
    path: 'assessments[0].answers.str-01.vv',
  },
  {
    name: 'negative answer revision',
    input: withValue(['assessments', 0, 'answers', 'str-01', 'rev'], -1),
    code: 'backup.outOfRange',
    message: 'Der Wert -1 liegt außerhalb des erlaubten Bereichs (0 bis 1000000000).',
    path: 'assessments[0].answers.str-01.rev',
  },
  {
    name: 'unknown questionnaire role',
    input: withValue(['assessments', 0, 'role'], 'chef'),
    code: 'backup.invalidValue',
    message: 'Ungültiger Wert „chef“. Erlaubt: respondent, consensus.',
    path: 'assessments[0].role',
  },
  {
    name: 'tombstone of an unknown kind',
    input: withValue(['tombstones'], [{ ...makeTombstone(), kind: 'catalog' }]),
    code: 'backup.invalidValue',
    message: 'Ungültiger Wert „catalog“',
    path: 'tombstones[0].kind',
  },
  {
    name: 'answers is a list',
    input: withValue(['assessments', 0, 'answers'], []),
    code: 'backup.invalidType',
    message: 'erwartet Objekt, gefunden Liste',
    path: 'assessments[0].answers',
  },
  {
    name: 'timestamp that is no ISO date',
    input: withValue(['organisations', 0, 'createdAt'], 'gestern'),
    code: 'backup.invalidDateTime',
    message: 'Ungültiger Zeitstempel „gestern“',
    path: 'organisations[0].createdAt',
  },
  {
    name: 'timestamp without time zone',
    input: withValue(['assessments', 0, 'answers', 'str-01', 'updatedAt'], '2025-03-01T09:30:00'),
    code: 'backup.invalidDateTime',
    message: 'Ungültiger Zeitstempel',
    path: 'assessments[0].answers.str-01.updatedAt',
  },
  {
    name: 'impossible date',
    input: withValue(['rounds', 0, 'startDate'], '2025-13-01'),
    code: 'backup.invalidDate',
    message: 'Ungültiges Datum „2025-13-01“ – erwartet JJJJ-MM-TT.',
    path: 'rounds[0].startDate',
  },
  {
    name: 'empty id',
    input: withValue(['organisations', 0, 'id'], ''),
    code: 'backup.required',
    message: 'Diese Angabe darf nicht leer sein.',
    path: 'organisations[0].id',
  },
  {
    name: 'id longer than 100 characters',
    input: withValue(['departments', 0, 'id'], 'd'.repeat(101)),
    code: 'backup.tooLong',
    message: 'Der Text ist zu lang (101 Zeichen, höchstens 100).',
    path: 'departments[0].id',
  },
  {
    name: 'name with 10,000 characters',
    input: withValue(['organisations', 0, 'name'], 'Ä'.repeat(10_000)),
    code: 'backup.tooLong',
    message: 'Der Text ist zu lang (10000 Zeichen, höchstens 300).',
    path: 'organisations[0].name',
  },
  {
    name: 'comment of 1 MB',
    input: withValue(['assessments', 0, 'answers', 'str-01', 'comment'], 'x'.repeat(MB)),
    code: 'backup.tooLong',
    message: 'Der Text ist zu lang (1048576 Zeichen, höchstens 5000).',
    path: 'assessments[0].answers.str-01.comment',
  },
  {
    name: 'duplicate organisation ids',
    input: withRaw((raw) => {
      const orgs = raw.organisations as unknown[]
      orgs.push({ ...(orgs[0] as object), name: 'Doppelgänger' })
    }),
    code: 'backup.duplicateId',
    message: 'Die ID „org-1“ kommt in „organisations“ mehrfach vor.',
    path: 'organisations[1].id',
  },
  {
    name: 'department pointing to a missing organisation',
    input: withRaw((raw) => {
      raw.departments = [...(raw.departments as unknown[]), makeDepartment({ id: 'dep-2', orgId: 'org-404' })]
    }),
    code: 'backup.missingReference',
    message: 'Verweis ins Leere: orgId „org-404“ gibt es in „organisations“ nicht.',
    path: 'departments[1].orgId',
  },
  {
    name: 'assessment pointing to a missing round',
    input: withValue(['assessments', 0, 'roundId'], 'round-404'),
    code: 'backup.missingReference',
    message: 'Verweis ins Leere: roundId „round-404“ gibt es in „rounds“ nicht.',
    path: 'assessments[0].roundId',
  },
  {
    name: 'assessment in another organisation than its round',
    input: withRaw((raw) => {
      raw.organisations = [...(raw.organisations as unknown[]), makeOrganisation({ id: 'org-2' })]
      raw.departments = [...(raw.departments as unknown[]), makeDepartment({ id: 'dep-2', orgId: 'org-2' })]
      raw.assessments = [makeAssessment({ orgId: 'org-2', departmentId: 'dep-2' })]
    }),
    code: 'backup.inconsistentReference',
    message: 'Widersprüchliche Zuordnung: orgId ist „org-2“, erwartet „org-1“ (Organisation der Erhebungsrunde).',
    path: 'assessments[0].orgId',
  },
  {
    name: 'answers key differs from itemId',
    input: withValue(['assessments', 0, 'answers', 'str-01', 'itemId'], 'str-03'),
    code: 'backup.answerKeyMismatch',
    message: 'Die Antwort ist unter „str-01“ abgelegt, gehört aber zu Item „str-03“.',
    path: 'assessments[0].answers.str-01.itemId',
  },
  {
    name: 'answer to an item the catalogue does not have',
    input: withValue(['assessments', 0, 'answers', 'gibts-nicht'], makeAnswer('gibts-nicht')),
    code: 'backup.unknownItem',
    message: 'Item „gibts-nicht“ gibt es in Katalog dc-kommune Version 1.0.0 nicht.',
    path: 'assessments[0].answers.gibts-nicht',
  },
  {
    name: 'unknown catalogue version',
    input: withValue(['rounds', 0, 'catalogVersion'], '9.9.9'),
    code: 'backup.unknownCatalog',
    message: 'Katalog dc-kommune Version 9.9.9 ist nicht vorhanden.',
    path: 'rounds[0].catalogVersion',
  },
  {
    name: 'included catalogue that breaks the catalogue rules',
    input: withValue(['catalogs'], [{ ...makeCatalog(), dimensions: [] }]),
    code: 'backup.invalidCatalog',
    message: 'Der enthaltene Katalog eigener-katalog ist ungültig:',
    path: 'catalogs[0].dimensions',
  },
  {
    name: '__proto__ key in answers',
    input: () =>
      serializeBackup(createBackup(makeSmallData(), META)).replace(
        '"str-01": {',
        '"__proto__": {"polluted": true}, "str-01": {',
      ),
    code: 'backup.forbiddenKey',
    message: 'unzulässigen Schlüssel „__proto__“',
    path: 'assessments[0].answers.__proto__',
  },
  {
    name: 'constructor key in a record',
    input: () => serializeBackup(createBackup(makeSmallData(), META)).replace('{"id":"org-1"', '{"constructor":{"prototype":{}},"id":"org-1"'),
    code: 'backup.forbiddenKey',
    message: 'unzulässigen Schlüssel „constructor“',
    path: 'organisations[0].constructor',
  },
  {
    name: 'file larger than maxBytes',
    input: () => serializeBackup(createBackup(makeSmallData(), META)),
    options: { ...DEFAULT_OPTIONS, maxBytes: 1000 },
    code: 'backup.tooLarge',
    message: 'Die Datei ist zu groß (0,0 MB). Erlaubt sind höchstens 0,0 MB.',
  },
  {
    name: 'file larger than maxBytes only in UTF-8 bytes (umlauts)',
    input: () => HEADER + '"x":"' + 'ü'.repeat(400) + '"}',
    options: { ...DEFAULT_OPTIONS, maxBytes: 800 },
    code: 'backup.tooLarge',
    message: 'Die Datei ist zu groß',
  },
  {
    name: 'real 30 MB file over a 20 MB limit',
    input: () => HEADER + '"x":"' + 'a'.repeat(30 * MB) + '"}',
    options: { ...DEFAULT_OPTIONS, maxBytes: 20 * MB },
    code: 'backup.tooLarge',
    message: 'Die Datei ist zu groß (30,0 MB). Erlaubt sind höchstens 20,0 MB.',
  },
  {
    name: 'real 30 MB truncated file under the default limit',
    input: () => HEADER + '"organisations":[' + '{"id":"a","name":"b"},'.repeat(1_400_000),
    code: 'backup.truncatedJson',
    message: 'Die Datei endet unerwartet',
  },
  {
    name: 'deeply nested junk',
    input: () => HEADER + '"organisations":' + '['.repeat(50_000) + ']'.repeat(50_000) + '}',
    code: 'backup.tooDeep',
    message: 'Die Datei ist zu tief verschachtelt (mehr als 32 Ebenen)',
  },
  {
    name: 'nested junk in an unknown key',
    input: withValue(['junk'], JSON.parse('{"a":'.repeat(100) + '1' + '}'.repeat(100)) as unknown),
    code: 'backup.tooDeep',
    message: 'zu tief verschachtelt',
  },
]

describe('parseBackup rejects hostile and malformed files', () => {
  it('has at least 24 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(24)
  })

  it('the unbroken file the cases start from is accepted (so each case fails for its own break)', () => {
    expect(parseBackup(sealRaw(validRaw()), DEFAULT_OPTIONS)).toMatchObject({ ok: true, warnings: [] })
  })

  it.each(cases)('$name → $code', ({ input, code, message, path, options }) => {
    const text = input()
    const result = parseBackup(text, options ?? DEFAULT_OPTIONS)
    expect(result.ok).toBe(false)
    if (result.ok) return
    const first = result.errors[0]!
    expect(first.code).toBe(code)
    if (typeof message === 'string') expect(first.message).toContain(message)
    else expect(first.message).toMatch(message)
    if (path !== undefined) expect(first.path).toBe(path)
  })

  it('does not pollute Object.prototype', () => {
    const text = serializeBackup(createBackup(makeSmallData(), META)).replace('"str-01": {', '"__proto__": {"polluted": true}, "str-01": {')
    parseBackup(text, DEFAULT_OPTIONS)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('parseBackup accepts what is odd but valid', () => {
  it('accepts a BOM-prefixed file', () => {
    const text = '\uFEFF' + serializeBackup(createBackup(makeSmallData(), META))
    const result = parseBackup(text, DEFAULT_OPTIONS)
    expect(result.ok).toBe(true)
  })

  it('accepts a file of exactly maxBytes', () => {
    const text = serializeBackup(createBackup(makeSmallData(), META))
    const bytes = new TextEncoder().encode(text).length
    expect(parseBackup(text, { ...DEFAULT_OPTIONS, maxBytes: bytes }).ok).toBe(true)
    expect(parseBackup(text, { ...DEFAULT_OPTIONS, maxBytes: bytes - 1 }).ok).toBe(false)
  })

  it.each(['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'])(
    'accepts markup %s in names and comments and keeps it unchanged',
    (markup) => {
      const data = makeSmallData({
        organisations: [makeOrganisation({ name: markup })],
        departments: [makeDepartment({ name: markup, head: markup })],
        assessments: [makeAssessment({ respondent: markup, answers: { 'str-01': makeAnswer('str-01', { comment: markup }) } })],
      })
      const result = parseBackup(serializeBackup(createBackup(data, META)), DEFAULT_OPTIONS)
      expect(result.ok).toBe(true)
      if (!result.ok) return
      expect(result.backup.organisations[0]!.name).toBe(markup)
      expect(result.backup.departments[0]!.name).toBe(markup)
      expect(result.backup.departments[0]!.head).toBe(markup)
      expect(result.backup.assessments[0]!.respondent).toBe(markup)
      expect(result.backup.assessments[0]!.answers['str-01']!.comment).toBe(markup)
    },
  )
})
