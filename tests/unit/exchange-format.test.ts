// Exchange file formats: department packages and returns, the checksum, format-1 backups, and what
// a file may not claim (scope, built-in catalogues, future versions).
import { describe, expect, it } from 'vitest'
import { createBackup, createPackage, serializeBackup } from '@/domain/exchange/serialise'
import { parseBackup, parseExchange } from '@/domain/exchange/parse'
import type { CheckTables, ExchangeFile, PackageKind, ParseBackupOptions } from '@/domain/exchange/formats'
import { checksumOf } from '@/domain/exchange/checksum'
import {
  META,
  at,
  knownItems,
  makeAnswer,
  makeAssessment,
  makeCatalog,
  makeDepartment,
  makeOrganisation,
  makeRound,
  makeSmallData,
  makeTombstone,
  sealRaw,
} from '../fixtures/backup-builders'

const OPTIONS: ParseBackupOptions = { knownCatalogItems: knownItems() }
const CHECKSUM_LINE = /,\n {2}"checksum": "(sha256:[0-9a-f]{64})"\n\}\n$/

const tablesOf = ({ organisations, departments, rounds, assessments, catalogs, tombstones }: CheckTables): CheckTables => ({
  organisations,
  departments,
  rounds,
  assessments,
  catalogs,
  tombstones,
})

/** One department's package: its organisation, round, department and questionnaires. */
function packageData(over: { catalog?: boolean } = {}) {
  const custom = over.catalog === true
  return {
    organisation: makeOrganisation(),
    round: custom ? makeRound({ catalogId: 'eigener-katalog', catalogVersion: '1.0.0' }) : makeRound(),
    department: makeDepartment(),
    assessments: [
      makeAssessment({ answers: { 'str-01': makeAnswer('str-01', { comment: 'Bitte prüfen' }) } }),
      makeAssessment({ id: 'ass-2', respondent: 'Sachbearbeitung', answers: {} }),
    ],
    catalog: custom ? makeCatalog() : undefined,
    tombstones: [makeTombstone({ id: 'ass-0', deletedAt: at(5) })],
  }
}

const packageText = (kind: PackageKind = 'package', over: { catalog?: boolean } = {}) => serializeBackup(createPackage(kind, packageData(over), META))
const backupText = () => serializeBackup(createBackup(makeSmallData({ assessments: [makeAssessment({ answers: { 'str-01': makeAnswer('str-01', { comment: 'Bitte prüfen' }) } })] }), META))

function parsed(text: string, options: ParseBackupOptions = OPTIONS): ExchangeFile {
  const result = parseExchange(text, options)
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.code} ${e.path ?? ''}`).join('; '))
  return result.file
}

/** The codes and paths of a rejected file. */
function rejected(text: string, options: ParseBackupOptions = OPTIONS) {
  const result = parseExchange(text, options)
  return result.ok ? 'accepted' : result.errors.map((e) => ({ code: e.code, path: e.path }))
}

describe('department packages and returns', () => {
  it.each<[PackageKind, boolean]>([
    ['package', false],
    ['return', false],
    ['package', true],
    ['return', true],
  ])('%s (custom catalogue: %s) survives createPackage → serialize → parse', (kind, catalog) => {
    const data = packageData({ catalog })
    const file = parsed(packageText(kind, { catalog }))
    expect(file.format).toBe('digitalisierungs-check/package')
    if (file.format !== 'digitalisierungs-check/package') return
    expect({ formatVersion: file.formatVersion, kind: file.kind, scope: file.scope, exportedAt: file.exportedAt, deviceId: file.deviceId }).toEqual({
      formatVersion: 1,
      kind,
      scope: { orgId: 'org-1', roundId: 'round-1', departmentId: 'dep-1', assessmentIds: ['ass-1', 'ass-2'] },
      exportedAt: '2025-04-02T12:00:00.000Z',
      deviceId: 'dev-export',
    })
    expect(tablesOf(file)).toEqual({
      organisations: [data.organisation],
      departments: [data.department],
      rounds: [data.round],
      assessments: data.assessments,
      catalogs: data.catalog ? [data.catalog] : [],
      tombstones: data.tombstones,
    })
  })

  it('a full backup keeps its tombstones and device id', () => {
    const data = makeSmallData({ tombstones: [makeTombstone({ id: 'ass-0', deletedAt: at(5), deletedBy: 'Admin' })] })
    const file = parsed(serializeBackup(createBackup(data, META)))
    expect(file).toMatchObject({ format: 'digitalisierungs-check/backup', formatVersion: 3, deviceId: 'dev-export', agendas: [], agendaEvents: [], services: [] })
    expect(tablesOf(file)).toEqual(tablesOf(data))
  })

  it('parseBackup refuses a package and says where to open it', () => {
    const result = parseBackup(packageText(), OPTIONS)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toEqual([
      {
        code: 'backup.packageFile',
        params: {},
        path: 'format',
      },
    ])
  })

  it.each<[string, (raw: Record<string, unknown>) => void, { code: string; path: string }[]]>([
    [
      'scope names another department',
      (raw) => ((raw.scope as Record<string, unknown>).departmentId = 'dep-9'),
      [
        { code: 'backup.scopeMismatch', path: 'departments' },
        { code: 'backup.scopeMismatch', path: 'assessments[0]' },
        { code: 'backup.scopeMismatch', path: 'assessments[1]' },
      ],
    ],
    [
      'scope names another round',
      (raw) => ((raw.scope as Record<string, unknown>).roundId = 'round-9'),
      [
        { code: 'backup.scopeMismatch', path: 'rounds' },
        { code: 'backup.scopeMismatch', path: 'assessments[0]' },
        { code: 'backup.scopeMismatch', path: 'assessments[1]' },
      ],
    ],
    [
      'a questionnaire the scope does not list',
      (raw) => ((raw.scope as Record<string, unknown>).assessmentIds = ['ass-1']),
      [
        { code: 'backup.scopeMismatch', path: 'assessments[1]' },
        { code: 'backup.scopeMismatch', path: 'scope.assessmentIds' },
      ],
    ],
    [
      'a second department',
      (raw) => (raw.departments as unknown[]).push(makeDepartment({ id: 'dep-2' })),
      [{ code: 'backup.scopeMismatch', path: 'departments' }],
    ],
  ])('a package whose scope does not fit its records → backup.scopeMismatch: %s', (_name, change, errors) => {
    const raw = JSON.parse(packageText()) as Record<string, unknown>
    change(raw)
    expect(rejected(sealRaw(raw))).toEqual(errors)
  })
})

describe('checksum', () => {
  it.each([
    ['backup', backupText],
    ['package', () => packageText()],
  ])('%s: the checksum is the last field, SHA-256 over the text without it', (_name, make) => {
    const text = make()
    const raw = JSON.parse(text) as Record<string, unknown>
    expect(Object.keys(raw).at(-1)).toBe('checksum')
    const [, checksum] = CHECKSUM_LINE.exec(text)!
    expect(raw.checksum).toBe(checksum)
    expect(checksumOf(text.replace(CHECKSUM_LINE, '\n}\n'))).toBe(checksum)
    // A parsed file serialises to the same text (the checksum covers a canonical form).
    expect(serializeBackup(parsed(text))).toBe(text)
  })

  it.each([
    ['backup', backupText],
    ['package', () => packageText()],
  ])('%s: one changed character in a comment → backup.checksumMismatch', (_name, make) => {
    const text = make()
    expect(text).toContain('"comment":"Bitte prüfen"')
    expect(rejected(text.replace('"comment":"Bitte prüfen"', '"comment":"Bitte prüfeN"'))).toEqual([{ code: 'backup.checksumMismatch', path: 'checksum' }])
  })

  it.each([
    ['backup', backupText],
    ['package', () => packageText()],
  ])('%s: without the checksum line → backup.checksumMissing', (_name, make) => {
    const text = make().replace(CHECKSUM_LINE, '\n}\n')
    expect(JSON.parse(text)).not.toHaveProperty('checksum')
    expect(rejected(text)).toEqual([{ code: 'backup.checksumMissing', path: 'checksum' }])
  })

  it('a checksum that is no sha256 value → backup.invalidStructure', () => {
    const text = backupText().replace(CHECKSUM_LINE, ',\n  "checksum": "md5:1234"\n}\n')
    expect(rejected(text)).toEqual([{ code: 'backup.invalidStructure', path: 'checksum' }])
  })

  it('covers the content, not the layout: the same file re-indented is accepted', () => {
    const text = backupText()
    expect(tablesOf(parsed(JSON.stringify(JSON.parse(text))))).toEqual(tablesOf(parsed(text)))
  })
})

describe('format versions', () => {
  /** A backup as format 1 wrote it: no provenance, no version vectors, no roles, no tombstones, no checksum. */
  const v1 = {
    format: 'digitalisierungs-check/backup',
    formatVersion: 1,
    exportedAt: '2024-11-02T12:00:00.000Z',
    appVersion: '0.0.9',
    scoringModelVersion: '1',
    organisations: [
      { id: 'org-1', name: 'Gemeinde Musterstadt', type: 'gemeinde', bundesland: 'NW', inhabitants: 12500, staff: 180, createdAt: '2024-10-01T08:00:00.000Z', updatedAt: '2024-10-02T08:00:00.000Z' },
    ],
    departments: [
      { id: 'dep-1', orgId: 'org-1', name: 'Hauptamt', code: '10', parentUnit: '', head: '', staff: null, kind: 'central', createdAt: '2024-10-01T08:00:00.000Z', updatedAt: '2024-10-01T08:00:00.000Z' },
    ],
    rounds: [
      {
        id: 'round-1',
        orgId: 'org-1',
        name: 'Erhebung 2024',
        startDate: '2024-10-01',
        endDate: '',
        catalogId: 'dc-kommune',
        catalogVersion: '1.0.0',
        dimensionTargets: {},
        createdAt: '2024-10-01T08:00:00.000Z',
        updatedAt: '2024-10-01T08:00:00.000Z',
      },
    ],
    assessments: [
      {
        id: 'ass-1',
        orgId: 'org-1',
        roundId: 'round-1',
        departmentId: 'dep-1',
        respondent: 'Amtsleitung',
        status: 'submitted',
        answers: {
          'str-01': { itemId: 'str-01', state: 'level', ist: 2, bedarf: 3, potenzial: null, target: null, comment: 'alt', updatedAt: '2024-10-05T09:00:00.000Z' },
        },
        createdAt: '2024-10-01T08:00:00.000Z',
        updatedAt: '2024-10-06T10:00:00.000Z',
        submittedAt: '2024-10-06T10:00:00.000Z',
      },
    ],
    catalogs: [],
  }

  it('reads a format-1 backup and fills what format 1 did not have', () => {
    const old = { updatedBy: '', deviceId: '', rev: 0 }
    const [org, dep, round, ass] = [v1.organisations[0]!, v1.departments[0]!, v1.rounds[0]!, v1.assessments[0]!]
    expect(parsed(JSON.stringify(v1, null, 2))).toEqual({
      format: 'digitalisierungs-check/backup',
      formatVersion: 3,
      exportedAt: '2024-11-02T12:00:00.000Z',
      appVersion: '0.0.9',
      scoringModelVersion: '1',
      deviceId: '',
      organisations: [{ ...org, ...old }],
      departments: [{ ...dep, ...old }],
      rounds: [{ ...round, ...old }],
      assessments: [
        {
          ...ass,
          ...old,
          role: 'respondent',
          activityAt: '2024-10-06T10:00:00.000Z',
          answers: { 'str-01': { ...ass.answers['str-01'], ...old, vv: {} } },
        },
      ],
      catalogs: [],
      tombstones: [],
      agendas: [],
      agendaEvents: [],
      services: [],
    })
  })

  it('a format-1 backup with provenance fields already present keeps them', () => {
    const raw = structuredClone(v1) as unknown as { assessments: { role?: string; activityAt?: string }[] }
    raw.assessments[0]!.role = 'consensus'
    raw.assessments[0]!.activityAt = '2024-10-07T10:00:00.000Z'
    const file = parsed(JSON.stringify(raw))
    expect(file.assessments[0]).toMatchObject({ role: 'consensus', activityAt: '2024-10-07T10:00:00.000Z' })
  })

  it.each([
    ['backup format 4', () => ({ ...JSON.parse(backupText()), formatVersion: 4 }), { version: 4, supported: 3 }],
    ['package format 2', () => ({ ...JSON.parse(packageText()), formatVersion: 2 }), { version: 2, supported: 1 }],
  ])('a future version is refused: %s → backup.unsupportedVersion', (_name, make, params) => {
    const result = parseExchange(sealRaw(make()), OPTIONS)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toEqual([expect.objectContaining({ code: 'backup.unsupportedVersion', params, path: 'formatVersion' })])
  })

  it('a format-2 backup cannot pass as format 1 to skip its checksum', () => {
    // Format 1 had no checksum; a file that claims format 1 but carries format-2 fields was altered.
    const raw = JSON.parse(backupText()) as { formatVersion: number; assessments: { answers: Record<string, { ist: unknown }> }[] }
    raw.formatVersion = 1
    raw.assessments[0]!.answers['str-01']!.ist = 3
    expect(rejected(JSON.stringify(raw))).toEqual([{ code: 'backup.checksumMismatch', path: 'formatVersion' }])
  })

  it('a format-1 file stripped of the format-2 header still passes every record check', () => {
    const raw = JSON.parse(backupText()) as Record<string, unknown> & { assessments: { answers: Record<string, { ist: unknown }> }[] }
    raw.formatVersion = 1
    delete raw.checksum
    delete raw.tombstones
    delete raw.deviceId
    for (const table of ['agendas', 'agendaEvents', 'services']) delete raw[table]
    raw.assessments[0]!.answers['str-01']!.ist = 9
    expect(rejected(JSON.stringify(raw))).toEqual([{ code: 'backup.invalidLevel', path: 'assessments[0].answers.str-01.ist' }])
  })
})

describe('built-in catalogues', () => {
  const withCatalog = () =>
    serializeBackup(
      createBackup(
        makeSmallData({ catalogs: [makeCatalog()], rounds: [makeRound({ catalogId: 'eigener-katalog', catalogVersion: '1.0.0' })], assessments: [makeAssessment({ answers: {} })] }),
        META,
      ),
    )

  it('a file may not carry a catalogue with the id and version of a built-in one → backup.builtinCatalog', () => {
    const result = parseExchange(withCatalog(), { builtinCatalogs: [{ id: 'eigener-katalog', version: '1.0.0' }] })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toEqual([expect.objectContaining({ code: 'backup.builtinCatalog', params: { catalogId: 'eigener-katalog', catalogVersion: '1.0.0' }, path: 'catalogs[0]' })])
  })

  it('another version of the same catalogue id is fine', () => {
    expect(parseExchange(withCatalog(), { builtinCatalogs: [{ id: 'eigener-katalog', version: '2.0.0' }] }).ok).toBe(true)
  })
})

describe('checksum with a native SHA-256 (WebCrypto), as the browser uses it', () => {
  it('gives the same checksum as the pure-JS hash, and a deferred check accepts and refuses like the built-in one', async () => {
    const { checksumOf, checksumOfAsync } = await import('@/domain/exchange/checksum')
    const { attachChecksum, canonicalText, createBackup } = await import('@/domain/exchange/serialise')
    const { parseExchange, verifyDeferredChecksum } = await import('@/domain/exchange/parse')
    const file = createBackup(makeSmallData(), META)
    const text = canonicalText(file)
    const native = await checksumOfAsync(text, globalThis.crypto.subtle)
    expect(native).toBe(checksumOf(text))
    expect(await checksumOfAsync(text, undefined)).toBe(native)
    const written = attachChecksum(text, native)
    const sha = (s: string) => checksumOfAsync(s, globalThis.crypto.subtle)
    const good = parseExchange(written, { knownCatalogItems: knownItems(), deferChecksum: true })
    expect(good.ok && good.checksum && (await verifyDeferredChecksum(good.checksum, sha))).toBe(true)
    const bad = parseExchange(written.replace('"Amtsleitung"', '"Amtsleitunk"'), { knownCatalogItems: knownItems(), deferChecksum: true })
    expect(bad.ok && bad.checksum && (await verifyDeferredChecksum(bad.checksum, sha))).toBe(false)
    // Re-formatted by a tool: the fast path fails, the canonical print still matches.
    const pretty = JSON.stringify(JSON.parse(written), null, 4)
    const reformatted = parseExchange(pretty, { knownCatalogItems: knownItems(), deferChecksum: true })
    expect(reformatted.ok && reformatted.checksum?.fastText).toBe(null)
    expect(reformatted.ok && reformatted.checksum && (await verifyDeferredChecksum(reformatted.checksum, sha))).toBe(true)
  })
})
