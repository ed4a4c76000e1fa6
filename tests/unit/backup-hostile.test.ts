// Malformed and hostile backup files: each must be rejected with a specific code, its parameters and the place in the file.
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
  /** The message's language-neutral parameters (the UI words them; see tests/unit/error-texts.test.ts). */
  params: Record<string, unknown>
  catalogIssue?: unknown
  path?: string
  options?: ParseBackupOptions
}

const cases: Case[] = [
  { name: 'empty file', input: () => '', code: 'backup.empty', params: {} },
  { name: 'whitespace only', input: () => ' \n\t\r\n  ', code: 'backup.empty', params: {} },
  { name: 'BOM only', input: () => '\uFEFF', code: 'backup.empty', params: {} },
  {
    name: 'truncated JSON',
    input: () => {
      const text = serializeBackup(createBackup(makeSmallData(), META))
      return text.slice(0, Math.floor(text.length / 2))
    },
    code: 'backup.truncatedJson',
    params: {},
  },
  {
    name: 'syntax error with position',
    input: () => '{\n  "format": "digitalisierungs-check/backup",\n  "formatVersion": 1,\n  oops\n}',
    code: 'backup.invalidJson',
    params: { position: 71, line: 4, column: 3 },
  },
  { name: 'array', input: () => '[1, 2, 3]', code: 'backup.notAnObject', params: { actual: 'array' } },
  { name: 'number', input: () => '42', code: 'backup.notAnObject', params: { actual: 'number' } },
  { name: 'string', input: () => '"Sicherung"', code: 'backup.notAnObject', params: { actual: 'string' } },
  { name: 'null', input: () => 'null', code: 'backup.notAnObject', params: { actual: 'null' } },
  {
    name: 'wrong format marker',
    input: withValue(['format'], 'excel-export'),
    code: 'backup.unknownFormat',
    params: { format: 'excel-export' },
    path: 'format',
  },
  { name: 'missing format marker', input: withValue(['format'], DELETE), code: 'backup.unknownFormat', params: { format: 'undefined' } },
  {
    name: 'catalogue file instead of backup',
    input: () => JSON.stringify(makeCatalog()),
    code: 'backup.catalogFile',
    params: {},
  },
  {
    name: 'unknown formatVersion 4',
    input: withValue(['formatVersion'], 4),
    code: 'backup.unsupportedVersion',
    params: { version: 4, supported: 3 },
    path: 'formatVersion',
  },
  { name: 'formatVersion as string', input: withValue(['formatVersion'], '1'), code: 'backup.invalidFormatVersion', params: { version: '1' } },
  {
    name: 'missing table',
    input: withValue(['assessments'], DELETE),
    code: 'backup.missingField',
    params: { field: 'assessments' },
    path: 'assessments',
  },
  {
    name: 'table is not a list',
    input: withValue(['rounds'], { 'round-1': {} }),
    code: 'backup.invalidType',
    params: { expected: 'array', actual: 'object' },
    path: 'rounds',
  },
  {
    name: 'string for inhabitants',
    input: withValue(['organisations', 0, 'inhabitants'], '12500'),
    code: 'backup.invalidType',
    params: { expected: 'number', actual: 'string' },
    path: 'organisations[0].inhabitants',
  },
  {
    name: 'fractional inhabitants',
    input: withValue(['organisations', 0, 'inhabitants'], 12.5),
    code: 'backup.notAnInteger',
    params: { value: '12.5' },
    path: 'organisations[0].inhabitants',
  },
  {
    name: 'negative staff',
    input: withValue(['departments', 0, 'staff'], -3),
    code: 'backup.outOfRange',
    params: { value: '-3', min: 0, max: '–' },
    path: 'departments[0].staff',
  },
  {
    name: 'number for name',
    input: withValue(['organisations', 0, 'name'], 42),
    code: 'backup.invalidType',
    params: { expected: 'string', actual: 'number' },
    path: 'organisations[0].name',
  },
  {
    name: 'unknown Bundesland',
    input: withValue(['organisations', 0, 'bundesland'], 'XX'),
    code: 'backup.invalidValue',
    params: { value: 'XX', allowed: 'BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH' },
    path: 'organisations[0].bundesland',
  },
  {
    name: 'level 8 (scales have at most 8 levels: 0–7)',
    input: withValue(['assessments', 0, 'answers', 'str-01', 'ist'], 8),
    code: 'backup.invalidLevel',
    params: { value: '8' },
    path: 'assessments[0].answers.str-01.ist',
  },
  {
    name: 'level 2.5',
    input: withValue(['assessments', 0, 'answers', 'str-01', 'bedarf'], 2.5),
    code: 'backup.invalidValue',
    params: { value: '2.5', allowed: '0, 1, 2, 3, 4' },
    path: 'assessments[0].answers.str-01.bedarf',
  },
  {
    name: 'level -1',
    input: withValue(['assessments', 0, 'answers', 'str-01', 'potenzial'], -1),
    code: 'backup.invalidValue',
    params: { value: '-1', allowed: '0, 1, 2, 3, 4' },
    path: 'assessments[0].answers.str-01.potenzial',
  },
  {
    name: 'Bedarf 5 (the five-step scale ends at 4)',
    input: withValue(['assessments', 0, 'answers', 'str-01', 'bedarf'], 5),
    code: 'backup.invalidValue',
    params: { value: '5', allowed: '0, 1, 2, 3, 4' },
    path: 'assessments[0].answers.str-01.bedarf',
  },
  {
    name: 'Ist -1',
    input: withValue(['assessments', 0, 'answers', 'str-01', 'ist'], -1),
    code: 'backup.invalidLevel',
    params: { value: '-1' },
    path: 'assessments[0].answers.str-01.ist',
  },
  {
    name: 'level as string in round targets',
    input: withValue(['rounds', 0, 'dimensionTargets', 'str'], '3'),
    code: 'backup.invalidLevel',
    params: { value: '3' },
    path: 'rounds[0].dimensionTargets.str',
  },
  {
    name: "state 'maybe'",
    input: withValue(['assessments', 0, 'answers', 'str-01', 'state'], 'maybe'),
    code: 'backup.invalidValue',
    params: { value: 'maybe', allowed: 'level, na, unknown' },
    path: 'assessments[0].answers.str-01.state',
  },
  {
    name: "state 'na' stored with an Ist level",
    input: withValue(['assessments', 0, 'answers', 'str-02', 'ist'], 0),
    code: 'backup.answerStateMismatch',
    params: { state: 'na' },
    path: 'assessments[0].answers.str-02.ist',
  },
  {
    name: 'answer field missing',
    input: withValue(['assessments', 0, 'answers', 'str-01', 'comment'], DELETE),
    code: 'backup.missingField',
    params: { field: 'comment' },
    path: 'assessments[0].answers.str-01.comment',
  },
  {
    name: 'version vector missing in a format-2 answer',
    input: withValue(['assessments', 0, 'answers', 'str-01', 'vv'], DELETE),
    code: 'backup.missingField',
    params: { field: 'vv' },
    path: 'assessments[0].answers.str-01.vv',
  },
  {
    name: 'negative count in a version vector',
    input: withValue(['assessments', 0, 'answers', 'str-01', 'vv'], { 'dev-test': -1 }),
    code: 'backup.invalidVersionVector',
    params: { max: 256 },
    path: 'assessments[0].answers.str-01.vv',
  },
  {
    name: 'negative answer revision',
    input: withValue(['assessments', 0, 'answers', 'str-01', 'rev'], -1),
    code: 'backup.outOfRange',
    params: { value: '-1', min: 0, max: 1000000000 },
    path: 'assessments[0].answers.str-01.rev',
  },
  {
    name: 'unknown questionnaire role',
    input: withValue(['assessments', 0, 'role'], 'chef'),
    code: 'backup.invalidValue',
    params: { value: 'chef', allowed: 'respondent, consensus' },
    path: 'assessments[0].role',
  },
  {
    name: 'tombstone of an unknown kind',
    input: withValue(['tombstones'], [{ ...makeTombstone(), kind: 'catalog' }]),
    code: 'backup.invalidValue',
    params: { value: 'catalog', allowed: 'organisation, department, round, assessment, agenda, service' },
    path: 'tombstones[0].kind',
  },
  {
    name: 'answers is a list',
    input: withValue(['assessments', 0, 'answers'], []),
    code: 'backup.invalidType',
    params: { expected: 'object', actual: 'array' },
    path: 'assessments[0].answers',
  },
  {
    name: 'timestamp that is no ISO date',
    input: withValue(['organisations', 0, 'createdAt'], 'gestern'),
    code: 'backup.invalidDateTime',
    params: { value: 'gestern' },
    path: 'organisations[0].createdAt',
  },
  {
    name: 'timestamp without time zone',
    input: withValue(['assessments', 0, 'answers', 'str-01', 'updatedAt'], '2025-03-01T09:30:00'),
    code: 'backup.invalidDateTime',
    params: { value: '2025-03-01T09:30:00' },
    path: 'assessments[0].answers.str-01.updatedAt',
  },
  {
    name: 'impossible date',
    input: withValue(['rounds', 0, 'startDate'], '2025-13-01'),
    code: 'backup.invalidDate',
    params: { value: '2025-13-01' },
    path: 'rounds[0].startDate',
  },
  {
    name: 'empty id',
    input: withValue(['organisations', 0, 'id'], ''),
    code: 'backup.required',
    params: {},
    path: 'organisations[0].id',
  },
  {
    name: 'id longer than 100 characters',
    input: withValue(['departments', 0, 'id'], 'd'.repeat(101)),
    code: 'backup.tooLong',
    params: { length: 101, max: 100 },
    path: 'departments[0].id',
  },
  {
    name: 'name with 10,000 characters',
    input: withValue(['organisations', 0, 'name'], 'Ä'.repeat(10_000)),
    code: 'backup.tooLong',
    params: { length: 10000, max: 300 },
    path: 'organisations[0].name',
  },
  {
    name: 'comment of 1 MB',
    input: withValue(['assessments', 0, 'answers', 'str-01', 'comment'], 'x'.repeat(MB)),
    code: 'backup.tooLong',
    params: { length: 1048576, max: 5000 },
    path: 'assessments[0].answers.str-01.comment',
  },
  {
    name: 'duplicate organisation ids',
    input: withRaw((raw) => {
      const orgs = raw.organisations as unknown[]
      orgs.push({ ...(orgs[0] as object), name: 'Doppelgänger' })
    }),
    code: 'backup.duplicateId',
    params: { table: 'organisations', id: 'org-1' },
    path: 'organisations[1].id',
  },
  {
    name: 'department pointing to a missing organisation',
    input: withRaw((raw) => {
      raw.departments = [...(raw.departments as unknown[]), makeDepartment({ id: 'dep-2', orgId: 'org-404' })]
    }),
    code: 'backup.missingReference',
    params: { field: 'orgId', id: 'org-404', table: 'organisations' },
    path: 'departments[1].orgId',
  },
  {
    name: 'assessment pointing to a missing round',
    input: withValue(['assessments', 0, 'roundId'], 'round-404'),
    code: 'backup.missingReference',
    params: { field: 'roundId', id: 'round-404', table: 'rounds' },
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
    params: { field: 'orgId', actual: 'org-2', expected: 'org-1', reason: 'roundOrganisation' },
    path: 'assessments[0].orgId',
  },
  {
    name: 'answers key differs from itemId',
    input: withValue(['assessments', 0, 'answers', 'str-01', 'itemId'], 'str-03'),
    code: 'backup.answerKeyMismatch',
    params: { key: 'str-01', itemId: 'str-03' },
    path: 'assessments[0].answers.str-01.itemId',
  },
  {
    name: 'answer to an item the catalogue does not have',
    input: withValue(['assessments', 0, 'answers', 'gibts-nicht'], makeAnswer('gibts-nicht')),
    code: 'backup.unknownItem',
    params: { itemId: 'gibts-nicht', catalogId: 'dc-kommune', catalogVersion: '1.0.0' },
    path: 'assessments[0].answers.gibts-nicht',
  },
  {
    name: 'unknown catalogue version',
    input: withValue(['rounds', 0, 'catalogVersion'], '9.9.9'),
    code: 'backup.unknownCatalog',
    params: { catalogId: 'dc-kommune', catalogVersion: '9.9.9' },
    path: 'rounds[0].catalogVersion',
  },
  {
    name: 'included catalogue that breaks the catalogue rules',
    input: withValue(['catalogs'], [{ ...makeCatalog(), dimensions: [] }]),
    code: 'backup.invalidCatalog',
    params: { catalogId: 'eigener-katalog' },
    catalogIssue: { code: 'tooFewEntries', params: { min: 1 }, path: ['dimensions'], location: { entity: 'catalog', field: 'dimensions' } },
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
    params: { key: '__proto__' },
    path: 'assessments[0].answers.__proto__',
  },
  {
    name: 'constructor key in a record',
    input: () => serializeBackup(createBackup(makeSmallData(), META)).replace('{"id":"org-1"', '{"constructor":{"prototype":{}},"id":"org-1"'),
    code: 'backup.forbiddenKey',
    params: { key: 'constructor' },
    path: 'organisations[0].constructor',
  },
  {
    name: 'file larger than maxBytes',
    input: () => serializeBackup(createBackup(makeSmallData(), META)),
    options: { ...DEFAULT_OPTIONS, maxBytes: 1000 },
    code: 'backup.tooLarge',
    params: { bytes: 2189, maxBytes: 1000, sizeMb: 0, maxMb: 0 },
  },
  {
    name: 'file larger than maxBytes only in UTF-8 bytes (umlauts)',
    input: () => HEADER + '"x":"' + 'ü'.repeat(400) + '"}',
    options: { ...DEFAULT_OPTIONS, maxBytes: 800 },
    code: 'backup.tooLarge',
    params: { bytes: 801, maxBytes: 800, sizeMb: 0, maxMb: 0 },
  },
  {
    name: 'real 30 MB file over a 20 MB limit',
    input: () => HEADER + '"x":"' + 'a'.repeat(30 * MB) + '"}',
    options: { ...DEFAULT_OPTIONS, maxBytes: 20 * MB },
    code: 'backup.tooLarge',
    params: { bytes: 31457347, maxBytes: 20971520, sizeMb: 30, maxMb: 20 },
  },
  {
    name: 'real 30 MB truncated file under the default limit',
    input: () => HEADER + '"organisations":[' + '{"id":"a","name":"b"},'.repeat(1_400_000),
    code: 'backup.truncatedJson',
    params: {},
  },
  {
    name: 'deeply nested junk',
    input: () => HEADER + '"organisations":' + '['.repeat(50_000) + ']'.repeat(50_000) + '}',
    code: 'backup.tooDeep',
    params: { maxDepth: 32 },
  },
  {
    name: 'nested junk in an unknown key',
    input: withValue(['junk'], JSON.parse('{"a":'.repeat(100) + '1' + '}'.repeat(100)) as unknown),
    code: 'backup.tooDeep',
    params: { maxDepth: 32 },
  },
]

describe('parseBackup rejects hostile and malformed files', () => {
  it('has at least 24 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(24)
  })

  it('the unbroken file the cases start from is accepted (so each case fails for its own break)', () => {
    expect(parseBackup(sealRaw(validRaw()), DEFAULT_OPTIONS)).toMatchObject({ ok: true, warnings: [] })
  })

  it.each(cases)('$name → $code', ({ input, code, params, catalogIssue, path, options }) => {
    const text = input()
    const result = parseBackup(text, options ?? DEFAULT_OPTIONS)
    expect(result.ok).toBe(false)
    if (result.ok) return
    const first = result.errors[0]!
    expect(first.code).toBe(code)
    expect(first.params).toEqual(params)
    expect(first.catalogIssue).toEqual(catalogIssue)
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
