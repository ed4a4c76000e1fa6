import { describe, expect, it } from 'vitest'
import { createBackup, serializeBackup } from '@/domain/exchange/serialise'
import { formatPath } from '@/domain/exchange/messages'
import { parseBackup } from '@/domain/exchange/parse'
import { checkAnswer, scanJsonTree } from '@/domain/exchange/schema'
import {
  META,
  knownItems,
  makeAnswer,
  makeAssessment,
  makeCatalog,
  makeDepartment,
  makeLargeData,
  makeOrganisation,
  makeRound,
  makeSmallData,
  roundTrip,
  sealRaw,
} from '../fixtures/backup-builders'

describe('createBackup', () => {
  it('adds the header and copies records field by field', () => {
    const org = { ...makeOrganisation(), extra: 'weg' } as ReturnType<typeof makeOrganisation>
    const backup = createBackup(makeSmallData({ organisations: [org] }), META)
    expect(backup.format).toBe('digitalisierungs-check/backup')
    expect(backup.formatVersion).toBe(3)
    expect(backup.exportedAt).toBe('2025-04-02T12:00:00.000Z')
    expect(backup.appVersion).toBe('0.1.0')
    expect(backup.scoringModelVersion).toBe('1')
    expect(backup.deviceId).toBe('dev-export')
    expect(backup.organisations[0]).toEqual(makeOrganisation())
    expect(Object.keys(backup.organisations[0]!)).not.toContain('extra')
    expect(backup.organisations[0]).not.toBe(org)
  })
})

describe('serializeBackup', () => {
  it('starts with the header, puts one answer per line and ends with a newline', () => {
    const text = serializeBackup(createBackup(makeSmallData(), META))
    const lines = text.split('\n')
    expect(lines.slice(0, 7)).toEqual([
      '{',
      '  "format": "digitalisierungs-check/backup",',
      '  "formatVersion": 3,',
      '  "exportedAt": "2025-04-02T12:00:00.000Z",',
      '  "appVersion": "0.1.0",',
      '  "scoringModelVersion": "1",',
      '  "deviceId": "dev-export",',
    ])
    expect(lines).toContain(
      '        "str-01": {"itemId":"str-01","state":"level","ist":2,"bedarf":3,"potenzial":3,"target":null,"comment":"","updatedAt":"2025-03-01T09:30:00.000Z","updatedBy":"","deviceId":"dev-test","rev":1,"vv":{"dev-test":1}},',
    )
    expect(lines.slice(-3)).toEqual([expect.stringMatching(/^ {2}"checksum": "sha256:[0-9a-f]{64}"$/), '}', ''])
    expect(text.endsWith('}\n')).toBe(true)
  })

  it('is stable: key order and answer order do not depend on the input', () => {
    const a = makeAssessment()
    const shuffled = {
      ...a,
      answers: { 'str-02': a.answers['str-02']!, 'str-01': a.answers['str-01']! },
    }
    const reordered = Object.fromEntries(Object.entries(shuffled).reverse()) as unknown as typeof a
    const one = serializeBackup(createBackup(makeSmallData({ assessments: [a] }), META))
    const two = serializeBackup(createBackup(makeSmallData({ assessments: [reordered] }), META))
    expect(two).toBe(one)
    expect(serializeBackup(JSON.parse(one))).toBe(one)
  })
})

describe('round trip export → parse', () => {
  it('gives back the small data set unchanged', () => {
    const data = makeSmallData()
    const result = roundTrip(data)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const { format, formatVersion, exportedAt, appVersion, scoringModelVersion, deviceId, checksum, ...tables } = result.backup
    expect({ format, formatVersion, exportedAt, appVersion, scoringModelVersion, deviceId }).toEqual({
      format: 'digitalisierungs-check/backup',
      formatVersion: 3,
      exportedAt: '2025-04-02T12:00:00.000Z',
      appVersion: '0.1.0',
      scoringModelVersion: '1',
      deviceId: 'dev-export',
    })
    expect(checksum).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(tables).toEqual(data)
    expect(result.warnings).toEqual([])
  })

  it('keeps a custom catalogue and answers pinned to it (no callback needed)', () => {
    const data = makeSmallData({
      catalogs: [makeCatalog()],
      rounds: [makeRound({ catalogId: 'eigener-katalog', catalogVersion: '1.0.0' })],
      assessments: [makeAssessment({ answers: { 'str-03': makeAnswer('str-03', { ist: 4 }) } })],
    })
    const result = roundTrip(data, {})
    expect(result.ok && result.backup.catalogs).toEqual(data.catalogs)
    expect(result.ok && result.backup.assessments).toEqual(data.assessments)
  })

  it('keeps markup, umlauts, emoji and empty values exactly (the UI escapes, we do not)', () => {
    const data = makeSmallData({
      organisations: [makeOrganisation({ name: '<script>alert(1)</script>', inhabitants: null, staff: null })],
      departments: [makeDepartment({ name: '<img src=x onerror=alert(1)>', head: 'Ärger & „Zitat“ 😀', parentUnit: '' })],
      assessments: [
        makeAssessment({
          respondent: '',
          status: 'submitted',
          submittedAt: '2025-03-02T10:00:00+01:00',
          answers: {
            'str-01': makeAnswer('str-01', { comment: 'Zeile 1\r\nZeile 2\t"x"\u0000\u2028', target: 4 }),
            'str-02': makeAnswer('str-02', { state: 'unknown', ist: null, bedarf: null, potenzial: null }),
          },
        }),
      ],
    })
    const result = roundTrip(data)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.backup.organisations[0]!.name).toBe('<script>alert(1)</script>')
    expect(result.backup.departments[0]!.name).toBe('<img src=x onerror=alert(1)>')
    const { organisations, departments, rounds, assessments, catalogs, tombstones, agendas, agendaEvents, services } = result.backup
    expect({ organisations, departments, rounds, assessments, catalogs, tombstones, agendas, agendaEvents, services }).toEqual(data)
  })

  it('handles 900 assessments × 120 answers (108,000 answers) exactly', () => {
    const data = makeLargeData()
    const text = serializeBackup(createBackup(data, META))
    const result = parseBackup(text, { knownCatalogItems: knownItems() })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.backup.assessments).toHaveLength(900)
    expect(result.backup.assessments.reduce((n, a) => n + Object.keys(a.answers).length, 0)).toBe(108_000)
    expect(result.backup.assessments).toEqual(data.assessments)
  })
})

describe('parseBackup details', () => {
  it('strips unknown keys on records and answers and reports them as a warning', () => {
    const backup = createBackup(makeSmallData(), META) as unknown as Record<string, unknown>
    const raw = JSON.parse(JSON.stringify(backup))
    raw.extraTopLevel = true
    raw.organisations[0].secret = 'x'
    raw.assessments[0].answers['str-01'].score = 99
    const result = parseBackup(sealRaw(raw), { knownCatalogItems: knownItems() })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(Object.keys(result.backup)).not.toContain('extraTopLevel')
    expect(Object.keys(result.backup.organisations[0]!)).not.toContain('secret')
    expect(Object.keys(result.backup.assessments[0]!.answers['str-01']!)).not.toContain('score')
    expect(result.warnings).toEqual([
      {
        code: 'backup.ignoredKeys',
        params: { count: 3, examples: ['extraTopLevel', 'organisations[0].secret', 'assessments[0].answers.str-01.score'] },
      },
    ])
  })

  it('stops after 20 errors with a final marker', () => {
    const answers = Object.fromEntries(
      Array.from({ length: 50 }, (_, i) => [`i-${i}`, makeAnswer(`i-${i}`, { ist: 9 as 0 })]),
    )
    const text = sealRaw(createBackup(makeSmallData({ assessments: [makeAssessment({ answers })] }), META) as unknown as Record<string, unknown>)
    const result = parseBackup(text, { knownCatalogItems: knownItems() })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toHaveLength(21)
    expect(result.errors[0]).toMatchObject({ code: 'backup.invalidLevel', path: 'assessments[0].answers.i-0.ist' })
    expect(result.errors[20]).toEqual({ code: 'backup.tooManyErrors', params: { max: 20 } })
  })

  it('formats paths with brackets for odd keys', () => {
    expect(formatPath(['assessments', 3, 'answers', 'str-01', 'ist'])).toBe('assessments[3].answers.str-01.ist')
    expect(formatPath(['rounds', 0, 'dimensionTargets', 'a.b'])).toBe('rounds[0].dimensionTargets["a.b"]')
  })

  it('checkAnswer: "na" and "unknown" never carry an Ist level; "level" may still have an open Ist', () => {
    // The questionnaire stores state 'level' with ist null when only Bedarf, Potenzial or a comment
    // were given so far; a backup of such data must restore.
    expect(checkAnswer(makeAnswer('a', { state: 'level', ist: null, bedarf: 3 })).ok).toBe(true)
    expect(checkAnswer(makeAnswer('a', { state: 'level', ist: 2 })).ok).toBe(true)
    expect(checkAnswer(makeAnswer('a', { state: 'na', ist: 0 })).ok).toBe(false)
    expect(checkAnswer(makeAnswer('a', { state: 'unknown', ist: 3 })).ok).toBe(false)
    expect(checkAnswer(makeAnswer('a', { state: 'na', ist: null })).ok).toBe(true)
  })

  it('scanJsonTree finds forbidden keys at any depth and handles deep nesting without recursion', () => {
    expect(scanJsonTree(JSON.parse('{"a":[{"b":{"constructor":1}}]}'))).toEqual({
      kind: 'forbiddenKey',
      key: 'constructor',
      path: ['a', 0, 'b', 'constructor'],
    })
    let deep: unknown = 1
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(scanJsonTree(deep)?.kind).toBe('tooDeep')
    expect(scanJsonTree({ a: { b: [1, 2, { c: 'd' }] } })).toBeNull()
  })
})
