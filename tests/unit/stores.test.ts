/**
 * Pinia stores against a real (fake-indexeddb) database, fresh per test: the exchange store's
 * import flow (check → preview → apply, repeat, damaged file, conflicts), the quarantine scan, the
 * session's active organisation and the backup text. Data is written through src/commands, the
 * app's one write path; the clock is pinned (only `Date` is faked) so every stamp is exact.
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { deviceIdentity, resetIdentityCache } from '@/commands/stamp'
import { createAssessment, saveAnswer } from '@/commands/assessments'
import { createDepartment, createOrganisation, createRound } from '@/commands/organisations'
import { readSnapshot } from '@/db/backup'
import { db } from '@/db/database'
import { getMeta, META_KEYS } from '@/db/meta'
import { SCORING_MODEL_VERSION } from '@/domain/analysis/method'
import { parseBackup, parseExchange } from '@/domain/exchange/parse'
import { createPackage, serializeBackup } from '@/domain/exchange/serialise'
import { conflictKey } from '@/domain/exchange/merge'
import { applyAnswerPatch, type AnswerPatch } from '@/domain/model/answers'
import { nextProvenance } from '@/domain/model/provenance'
import type { Answer, Assessment, Department, Organisation, Round } from '@/domain/model/types'
import { useBackupStore } from '@/stores/backup'
import { useExchangeStore } from '@/stores/exchange'
import { useQuarantineStore } from '@/stores/quarantine'
import { useSessionStore } from '@/stores/session'
import catalogJson from '@/catalogs/dc-kommune/1.0.0.json'

/** T0 set-up here, T1 the change on the other device, T2 a change here, T3 the import. */
const T0 = '2025-03-01T09:30:00.000Z'
const T1 = '2025-03-10T14:00:00.000Z'
const T2 = '2025-03-12T08:15:00.000Z'
const T3 = '2025-03-20T16:45:00.000Z'
const REMOTE = 'dev-remote'
const FILE_NAME = 'rueckgabe.json'
const catalogItems = new Set((catalogJson as { items: { id: string }[] }).items.map((i) => i.id))
/** The built-in catalogue's items, as the app passes them to the file checker. */
const knownItems = (id: string, version: string) => (id === 'dc-kommune' && version === '1.0.0' ? catalogItems : undefined)

function clockAt(iso: string): void {
  vi.setSystemTime(new Date(iso))
}

beforeEach(async () => {
  // Only Date: Dexie and fake-indexeddb keep their real timers.
  vi.useFakeTimers({ toFake: ['Date'] })
  clockAt(T0)
  await db.delete()
  await db.open()
  resetIdentityCache()
  setActivePinia(createPinia())
})

afterEach(() => {
  vi.useRealTimers()
})

interface Seed {
  org: Organisation
  department: Department
  round: Round
  assessment: Assessment
}

/** One organisation, department, round (built-in catalogue) and an empty questionnaire, via the commands. */
async function seed(): Promise<Seed> {
  const org = await createOrganisation({ name: 'Gemeinde Musterstadt', type: 'gemeinde', bundesland: 'NW', inhabitants: 12500, staff: 180 })
  const department = await createDepartment({ orgId: org.id, name: 'Bauamt', code: '60', parentUnit: 'Dezernat III', head: '', staff: 14, kind: 'specialist' })
  const round = await createRound({ orgId: org.id, name: 'Erhebung 2025', startDate: '2025-03-01', endDate: '', catalogId: 'dc-kommune', catalogVersion: '1.0.0', dimensionTargets: {} })
  const assessment = await createAssessment({ orgId: org.id, roundId: round.id, departmentId: department.id, respondent: 'Herr Weber' })
  return { org, department, round, assessment }
}

/** The questionnaire as the other device changed it at T1 (same rules as saving an answer there). */
function changedElsewhere(a: Assessment, patches: Record<string, AnswerPatch>): Assessment {
  const stamp = { at: T1, by: 'Herr Weber', deviceId: REMOTE }
  const answers: Record<string, Answer> = { ...a.answers }
  for (const [itemId, patch] of Object.entries(patches)) answers[itemId] = applyAnswerPatch(answers[itemId], itemId, patch, stamp)
  return { ...a, status: 'in_progress', ...nextProvenance(a, stamp), activityAt: T1, answers }
}

/** The return file text for the seeded department with this questionnaire, written by the other device. */
function returnText(s: Seed, assessment: Assessment): string {
  const file = createPackage(
    'return',
    { organisation: s.org, round: s.round, department: s.department, assessments: [assessment] },
    { now: new Date(T1), appVersion: 'test', scoringModelVersion: SCORING_MODEL_VERSION, deviceId: REMOTE },
  )
  return serializeBackup(file)
}

const asFile = (text: string) => new File([text], FILE_NAME)
const stored = async (id: string) => (await db.assessments.get(id))!

describe('useExchangeStore: importing a return file', () => {
  it('checks a return (preview with counts), applies it (answers stored), and finds nothing new the second time', async () => {
    const s = await seed()
    const filled = changedElsewhere(s.assessment, { 'str-01': { state: 'level', ist: 3, bedarf: 4 }, 'str-02': { state: 'na', ist: null, comment: 'Pilot läuft' } })
    const file = asFile(returnText(s, filled))
    clockAt(T3)
    const exchange = useExchangeStore()

    await exchange.check([file])
    expect(exchange.phase).toBe('preview')
    expect(exchange.conflicts).toEqual([])
    expect(exchange.applicable()).toBe(true)
    expect(exchange.entries).toHaveLength(1)
    const none = { added: 0, updated: 0, unchanged: 0, deleted: 0, restored: 0, keptDeleted: 0 }
    expect(exchange.entries[0]).toEqual({
      name: FILE_NAME,
      kind: 'return',
      parseErrors: [],
      mergeErrors: [],
      warnings: [],
      counts: {
        organisations: { ...none, unchanged: 1 },
        departments: { ...none, unchanged: 1 },
        rounds: { ...none, unchanged: 1 },
        assessments: { ...none, updated: 1 },
        answers: { added: 2, updated: 0, unchanged: 0, conflicts: 0 },
        catalogs: { added: 0, unchanged: 0 },
        // A return carries no agenda and no inventory: nothing counted there.
        agendas: none,
        agendaEntries: { ...none, conflicts: 0 },
        agendaEvents: { added: 0, unchanged: 0 },
        services: none,
      },
      notes: [],
      conflicts: 0,
      changed: true,
      organisation: 'Gemeinde Musterstadt',
      round: 'Erhebung 2025',
      department: 'Bauamt',
      respondents: ['Herr Weber'],
    })
    // The preview writes nothing.
    expect((await stored(s.assessment.id)).answers).toEqual({})

    await exchange.apply()
    expect(exchange.phase).toBe('done')
    expect(exchange.failure).toBeNull()
    expect(exchange.outcome).toEqual({ written: 1, openAssessmentId: null, orgId: s.org.id, replaced: false })
    const after = await stored(s.assessment.id)
    expect(after.answers).toEqual({
      'str-01': { itemId: 'str-01', state: 'level', ist: 3, bedarf: 4, potenzial: null, target: null, comment: '', updatedAt: T1, updatedBy: 'Herr Weber', deviceId: REMOTE, rev: 1, vv: { [REMOTE]: 1 } },
      'str-02': { itemId: 'str-02', state: 'na', ist: null, bedarf: null, potenzial: null, target: null, comment: 'Pilot läuft', updatedAt: T1, updatedBy: 'Herr Weber', deviceId: REMOTE, rev: 1, vv: { [REMOTE]: 1 } },
    })
    expect(after.status).toBe('in_progress')

    await exchange.check([file])
    expect(exchange.phase).toBe('preview')
    expect(exchange.entries[0]?.changed).toBe(false)
    expect(exchange.entries[0]?.counts?.answers).toEqual({ added: 0, updated: 0, unchanged: 2, conflicts: 0 })
    expect(exchange.entries[0]?.counts?.assessments).toEqual({ ...none, unchanged: 1 })
  })

  it('rejects a file with one changed character (checksum) and writes nothing', async () => {
    const s = await seed()
    const text = returnText(s, changedElsewhere(s.assessment, { 'str-02': { state: 'na', ist: null, comment: 'Pilot läuft' } }))
    const damaged = text.replace('Pilot läuft', 'Pilot lauft')
    expect(damaged).not.toBe(text)
    const before = await readSnapshot()
    const exchange = useExchangeStore()

    await exchange.check([asFile(damaged)])
    expect(exchange.entries).toHaveLength(1)
    const entry = exchange.entries[0]!
    expect(entry.parseErrors.map((e) => e.code)).toEqual(['backup.checksumMismatch'])
    expect(entry).toMatchObject({ name: FILE_NAME, kind: null, counts: null, changed: false, conflicts: 0 })
    expect(exchange.conflicts).toEqual([])
    expect(exchange.applicable()).toBe(false)

    // A forced apply does nothing: there is nothing that could be applied.
    await exchange.apply()
    expect(exchange.phase).toBe('preview')
    expect(exchange.outcome).toBeNull()
    expect(await readSnapshot()).toEqual(before)
  })

  it('refuses a file that is not UTF-8 (a Windows-1252 backup) with a message and writes nothing', async () => {
    const s = await seed()
    const text = returnText(s, changedElsewhere(s.assessment, { 'str-02': { state: 'na', ist: null, comment: 'Großbürgermeisterei Müllheim' } }))
    // Encode the same text as Windows-1252 / Latin-1: every character here is below U+0100.
    expect([...text].every((c) => c.charCodeAt(0) < 256)).toBe(true)
    const latin1 = Uint8Array.from([...text].map((c) => c.charCodeAt(0)))
    const before = await readSnapshot()
    const exchange = useExchangeStore()

    await exchange.check([new File([latin1], FILE_NAME, { type: 'application/json' })])
    const entry = exchange.entries[0]!
    expect(entry.parseErrors.map((e) => e.code)).toEqual(['backup.notUtf8'])
    expect(exchange.applicable()).toBe(false)
    expect(await readSnapshot()).toEqual(before)

    // The same content as UTF-8 (with a byte-order mark, as Windows editors write it) is read.
    await exchange.check([new File(['\uFEFF' + text], FILE_NAME, { type: 'application/json' })])
    expect(exchange.entries[0]?.parseErrors).toEqual([])
  })

  describe('an answer changed here and in the file to different values', () => {
    /**
     * Here: str-01 = 1 at T0 (exported), then 2 at T2. There: the exported 1 changed to 3 at T1.
     * The two vectors have each seen a change the other has not: a conflict; the later one (here) is preselected.
     */
    async function conflictSetUp() {
      const s = await seed()
      await saveAnswer(s.assessment.id, 'str-01', { state: 'level', ist: 1 })
      const exported = await stored(s.assessment.id)
      const file = asFile(returnText(s, changedElsewhere(exported, { 'str-01': { ist: 3, bedarf: 4, potenzial: 2, comment: 'Fachverfahren eingeführt' } })))
      clockAt(T2)
      await saveAnswer(s.assessment.id, 'str-01', { ist: 2, comment: 'hier geändert' })
      clockAt(T3)
      const { deviceId } = await deviceIdentity()
      const exchange = useExchangeStore()
      await exchange.check([file])
      return { s, exchange, here: deviceId, key: conflictKey({ assessmentId: s.assessment.id, itemId: 'str-01' }) }
    }

    const mine = (here: string): Answer => ({ itemId: 'str-01', state: 'level', ist: 2, bedarf: null, potenzial: null, target: null, comment: 'hier geändert', updatedAt: T2, updatedBy: 'Herr Weber', deviceId: here, rev: 2, vv: { [here]: 2 } })
    const theirs = (here: string): Answer => ({ itemId: 'str-01', state: 'level', ist: 3, bedarf: 4, potenzial: 2, target: null, comment: 'Fachverfahren eingeführt', updatedAt: T1, updatedBy: 'Herr Weber', deviceId: REMOTE, rev: 2, vv: { [here]: 1, [REMOTE]: 1 } })

    it('lists the conflict with both versions, preselects "auto", and "theirs" stores the file’s value', async () => {
      const { s, exchange, here, key } = await conflictSetUp()
      expect(exchange.phase).toBe('preview')
      expect(exchange.entries[0]).toMatchObject({ changed: true, conflicts: 1, counts: { answers: { added: 0, updated: 0, unchanged: 0, conflicts: 1 } } })
      expect(exchange.conflicts).toEqual([
        {
          assessmentId: s.assessment.id,
          itemId: 'str-01',
          local: mine(here),
          incoming: theirs(here),
          winner: 'local',
          key,
          fileName: FILE_NAME,
          department: 'Bauamt',
          round: 'Erhebung 2025',
          respondent: 'Herr Weber',
          catalogId: 'dc-kommune',
          catalogVersion: '1.0.0',
        },
      ])
      expect(exchange.decisions).toEqual({ [key]: 'auto' })

      exchange.decide(key, 'theirs')
      expect(exchange.decisions).toEqual({ [key]: 'theirs' })
      await exchange.apply()
      expect(exchange.phase).toBe('done')
      // The file's values, written again as a new change here (so it wins wherever this is merged later).
      expect((await stored(s.assessment.id)).answers['str-01']).toEqual({
        ...theirs(here),
        updatedAt: T3,
        deviceId: here,
        rev: 3,
        vv: { [here]: 3, [REMOTE]: 1 },
      })
      expect(await db.assessments.count()).toBe(1)
    })

    it('"both" keeps mine here and puts the file’s version into a second questionnaire', async () => {
      const { s, exchange, here, key } = await conflictSetUp()
      exchange.decide(key, 'both')
      await exchange.apply()
      expect(exchange.phase).toBe('done')

      const all = await db.assessments.where('[roundId+departmentId]').equals([s.round.id, s.department.id]).toArray()
      expect(all).toHaveLength(2)
      const original = all.find((a) => a.id === s.assessment.id)!
      const second = all.find((a) => a.id !== s.assessment.id)!
      expect(original.respondent).toBe('Herr Weber')
      expect(original.answers['str-01']).toEqual({ ...mine(here), updatedAt: T3, rev: 3, vv: { [here]: 3, [REMOTE]: 1 } })
      expect(second).toMatchObject({ orgId: s.org.id, roundId: s.round.id, departmentId: s.department.id, respondent: 'Herr Weber (2)', role: 'respondent', createdAt: T3, deviceId: here, rev: 1 })
      expect(second.answers).toEqual({ 'str-01': theirs(here) })
    })
  })

  it('an answer saved here between the check and "Übernehmen" is kept: the import merges again with it', async () => {
    const s = await seed()
    const filled = changedElsewhere(s.assessment, { 'str-01': { state: 'level', ist: 3, bedarf: 4 } })
    const exchange = useExchangeStore()
    await exchange.check([asFile(returnText(s, filled))])
    expect(exchange.phase).toBe('preview')
    // Another tab (or the sync) saves an answer of the same questionnaire while the preview is open.
    clockAt(T2)
    await saveAnswer(s.assessment.id, 'str-03', { state: 'level', ist: 1, comment: 'während der Vorschau' })
    clockAt(T3)
    await exchange.apply()
    expect(exchange.phase).toBe('done')
    const answers = (await stored(s.assessment.id)).answers
    expect(answers['str-01']).toMatchObject({ ist: 3, bedarf: 4, deviceId: REMOTE })
    expect(answers['str-03']).toMatchObject({ ist: 1, comment: 'während der Vorschau', updatedAt: T2 })
  })
})

describe('useQuarantineStore', () => {
  it('finds a stored department with an impossible time and keeps the finding', async () => {
    const { org, department } = await seed()
    await db.table('departments').put({ ...department, id: 'dep-kaputt', code: '99', name: 'Kaputt', updatedAt: 'gestern' })
    const quarantine = useQuarantineStore()
    expect(quarantine.entries).toBeNull()

    const found = await quarantine.scan()
    expect(found).toEqual([{ table: 'departments', key: 'dep-kaputt', problems: ['updatedAt: custom'] }])
    expect(quarantine.entries).toEqual(found)
    expect(quarantine.scanning).toBe(false)
    // Nothing was deleted; the valid records stay.
    expect((await db.departments.toArray()).map((d) => d.id).sort()).toEqual([department.id, 'dep-kaputt'].sort())
    expect(await db.organisations.get(org.id)).toEqual(org)
  })
})

describe('useSessionStore', () => {
  let live: { $dispose(): void }[] = []
  afterEach(() => {
    // The store's live query of the organisations ends with it.
    for (const s of live) s.$dispose()
    live = []
  })

  /** A session as after a page load: init() and the organisations list has arrived. */
  async function startSession() {
    const session = useSessionStore()
    live.push(session)
    await session.init()
    await vi.waitFor(() => expect(session.organisations.data).toHaveLength(2))
    return session
  }

  it('persists the active organisation in meta, and a new session starts with it', async () => {
    const first = await createOrganisation({ name: 'Amt Nord', type: 'gemeinde', bundesland: 'SH', inhabitants: null, staff: null })
    const second = await createOrganisation({ name: 'Kreis Süd', type: 'kreis', bundesland: 'BY', inhabitants: null, staff: null })
    const session = await startSession()
    expect(session.ready).toBe(true)
    // Nothing chosen yet: the first by name is active.
    expect(session.activeOrgId).toBe(first.id)

    await session.setActiveOrg(second.id)
    expect(session.activeOrgId).toBe(second.id)
    expect(session.activeOrg?.name).toBe('Kreis Süd')
    expect(await getMeta<string>(META_KEYS.activeOrgId)).toBe(second.id)

    // Page reload: a fresh Pinia reads the choice back (not the default first organisation).
    setActivePinia(createPinia())
    const reloaded = await startSession()
    expect(reloaded.activeOrgId).toBe(second.id)
  })
})

describe('useBackupStore', () => {
  it('builds a backup text that the file checker accepts, with the organisations written before', async () => {
    const s = await seed()
    await saveAnswer(s.assessment.id, 'str-01', { state: 'level', ist: 2 })
    const other = await createOrganisation({ name: 'Nachbargemeinde', type: 'stadt', bundesland: 'NW', inhabitants: 8000, staff: 90 })
    const { deviceId } = await deviceIdentity()

    const text = await useBackupStore().buildBackupText(new Date(T3))
    const parsed = parseBackup(text, { knownCatalogItems: knownItems })
    if (!parsed.ok) throw new Error(`rejected: ${parsed.errors.map((e) => e.code).join(', ')}`)
    const b = parsed.backup
    expect(b).toMatchObject({ format: 'digitalisierungs-check/backup', exportedAt: T3, deviceId, scoringModelVersion: SCORING_MODEL_VERSION })
    expect(b.organisations.map((o) => o.name).sort()).toEqual(['Gemeinde Musterstadt', 'Nachbargemeinde'])
    expect(b.organisations.find((o) => o.id === other.id)).toEqual(other)
    expect(b.organisations.find((o) => o.id === s.org.id)).toEqual(s.org)
    expect(b.departments).toEqual([s.department])
    expect(b.rounds).toEqual([s.round])
    expect(b.assessments.map((a) => Object.keys(a.answers))).toEqual([['str-01']])
    // The same text is also a valid exchange file (the import path).
    const exchange = parseExchange(text, { knownCatalogItems: knownItems })
    expect(exchange.ok && exchange.file.format).toBe('digitalisierungs-check/backup')
    expect(text.endsWith('\n}\n')).toBe(true)
  })
})
