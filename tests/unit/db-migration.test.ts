import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { CheckDatabase, DB_VERSION, DEVICE_ID_KEY, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, type LegacyAnswerRow } from '@/db/database'
import { summarizeAssessment } from '@/domain/model/assessment-summary'
import type { Assessment } from '@/domain/model/types'
import { isReadable } from '@/domain/model/stored-guard'
import { validateStored } from '@/domain/exchange/stored-records'

const NAME = 'migration-test'

afterEach(async () => {
  await Dexie.delete(NAME)
})

/** Writes a database exactly as schema version 1 stored it. */
async function writeV1(answerCount: number): Promise<LegacyAnswerRow[]> {
  const v1 = new Dexie(NAME)
  v1.version(1).stores(SCHEMA_V1)
  await v1.open()
  await v1.table('organisations').add({ id: 'o1', name: 'Altstadt', type: 'stadt', bundesland: 'HE', inhabitants: 20000, staff: 180, createdAt: 't', updatedAt: 't' })
  await v1.table('rounds').add({ id: 'r1', orgId: 'o1', name: 'R', startDate: '2025-01-01', endDate: '', catalogId: 'dc-kommune', catalogVersion: '1.0.0', dimensionTargets: {}, createdAt: 't', updatedAt: 't' })
  await v1.table('departments').add({ id: 'd1', orgId: 'o1', name: 'Bauamt', code: '63', parentUnit: '', head: '', staff: 10, kind: 'specialist', createdAt: 't', updatedAt: 't' })
  for (const id of ['a1', 'a2', 'a3']) {
    await v1.table('assessments').add({ id, roundId: 'r1', departmentId: 'd1', respondent: id, status: 'in_progress', createdAt: 't', updatedAt: 't', submittedAt: null })
  }
  const rows: LegacyAnswerRow[] = []
  const states = ['level', 'na', 'unknown'] as const
  for (let i = 0; i < answerCount; i++) {
    const state = states[i % 3]!
    rows.push({ assessmentId: ['a1', 'a2'][i % 2]!, itemId: `item-${i}`, state, ist: state === 'level' ? i % 5 : null, bedarf: (i + 1) % 5, potenzial: null, target: i % 7 === 0 ? 4 : null, comment: i % 10 === 0 ? `Kommentar ${i} – äöü` : '', updatedAt: `2025-02-${String((i % 28) + 1).padStart(2, '0')}` })
  }
  await v1.table('answers').bulkAdd(rows)
  v1.close()
  return rows
}

describe('schema upgrade v1 → v2 → v3 → v4 → v5 (opening a v1 database)', () => {
  it('moves every answer into its assessment and loses none', async () => {
    const rows = await writeV1(500)
    const db = new CheckDatabase(NAME)
    await db.open()
    expect(db.verno).toBe(DB_VERSION)
    const assessments = await db.assessments.toArray()
    const migrated = assessments.flatMap((a) => Object.values(a.answers).map((ans) => ({ assessmentId: a.id, ...ans })))
    expect(migrated).toHaveLength(500)
    const byKey = new Map(migrated.map((m) => [`${m.assessmentId}/${m.itemId}`, m]))
    // Every v1 field survives unchanged; v3 adds provenance on top.
    for (const row of rows) expect(byKey.get(`${row.assessmentId}/${row.itemId}`)).toMatchObject(row)
    db.close()
  })

  it('gives every assessment an answers map and the organisation id of its round', async () => {
    await writeV1(4)
    const db = new CheckDatabase(NAME)
    const a3 = await db.assessments.get('a3')
    expect(a3!.answers).toEqual({})
    expect(a3!.orgId).toBe('o1')
    expect(await db.assessments.where('orgId').equals('o1').count()).toBe(3)
    expect(await db.assessmentSummaries.toArray()).toEqual((await db.assessments.toArray()).map(summarizeAssessment))
    db.close()
  })

  it('repairs an assessment whose round is gone from its department; one with neither is reported, never exported', async () => {
    await writeV1(0)
    const v1 = new Dexie(NAME)
    v1.version(1).stores(SCHEMA_V1)
    await v1.open()
    await v1.table('assessments').add({ id: 'orphan-round', roundId: 'gone', departmentId: 'd1', respondent: 'x', status: 'in_progress', createdAt: 't', updatedAt: 't', submittedAt: null })
    await v1.table('assessments').add({ id: 'orphan-all', roundId: 'gone', departmentId: 'gone', respondent: 'y', status: 'in_progress', createdAt: 't', updatedAt: 't', submittedAt: null })
    v1.close()
    const db = new CheckDatabase(NAME)
    expect((await db.assessments.get('orphan-round'))?.orgId).toBe('o1')
    const lost = await db.assessments.get('orphan-all')
    expect(lost?.orgId).toBe('')
    // The quarantine's full validation rejects it, so it is listed under "Beschädigte Datensätze"
    // and left out of every backup (a backup the app writes is always one it can read).
    expect(isReadable('assessments', lost)).toBe(true)
    // (the fixture's v1 timestamps are placeholders; only the organisation id matters here)
    const orgProblems = (raw: unknown) => validateStored('assessments', raw).filter((p) => p.startsWith('orgId'))
    expect(orgProblems(lost)).not.toEqual([])
    expect(orgProblems(await db.assessments.get('orphan-round'))).toEqual([])
    db.close()
  })

  it('keeps organisations, departments and rounds unchanged', async () => {
    await writeV1(0)
    const db = new CheckDatabase(NAME)
    expect((await db.organisations.get('o1'))!.name).toBe('Altstadt')
    expect((await db.departments.get('d1'))!.code).toBe('63')
    expect((await db.rounds.get('r1'))!.catalogVersion).toBe('1.0.0')
    db.close()
  })
})

/** Writes a database exactly as schema version 2 stored it (answers embedded, no provenance). */
async function writeV2(): Promise<{ answers: Record<string, Record<string, unknown>> }> {
  const v2 = new Dexie(NAME)
  v2.version(1).stores(SCHEMA_V1)
  v2.version(2).stores(SCHEMA_V2)
  await v2.open()
  const t = '2026-03-01T10:00:00.000Z'
  await v2.table('organisations').add({ id: 'o1', name: 'Altstadt', type: 'stadt', bundesland: 'HE', inhabitants: 20000, staff: 180, createdAt: t, updatedAt: t })
  await v2.table('departments').add({ id: 'd1', orgId: 'o1', name: 'Bauamt', code: '63', parentUnit: '', head: '', staff: 10, kind: 'specialist', createdAt: t, updatedAt: t })
  await v2.table('rounds').add({ id: 'r1', orgId: 'o1', name: 'R', startDate: '2026-01-01', endDate: '', catalogId: 'dc-kommune', catalogVersion: '1.0.0', dimensionTargets: {}, createdAt: t, updatedAt: t })
  const answers: Record<string, Record<string, unknown>> = {}
  for (let i = 0; i < 300; i++) {
    const state = (['level', 'na', 'unknown'] as const)[i % 3]!
    answers[`item-${i}`] = { itemId: `item-${i}`, state, ist: state === 'level' ? i % 5 : null, bedarf: i % 4, potenzial: null, target: null, comment: i % 9 === 0 ? `Notiz ${i} – ß` : '', updatedAt: `2026-03-${String((i % 28) + 1).padStart(2, '0')}T08:00:00.000Z` }
  }
  await v2.table('assessments').add({ id: 'a1', orgId: 'o1', roundId: 'r1', departmentId: 'd1', respondent: 'Amtsleitung', status: 'in_progress', answers, createdAt: t, updatedAt: '2026-03-05T09:00:00.000Z', submittedAt: null })
  await v2.table('assessments').add({ id: 'a2', orgId: 'o1', roundId: 'r1', departmentId: 'd1', respondent: '', status: 'not_started', answers: {}, createdAt: t, updatedAt: t, submittedAt: null })
  await v2.table('meta').put({ key: 'activeOrgId', value: 'o1' })
  v2.close()
  return { answers }
}

describe('schema upgrade v2 → v3 → v4 → v5', () => {
  it('keeps every answer and record and adds provenance, role, activity time and a device id', async () => {
    const { answers } = await writeV2()
    const db = new CheckDatabase(NAME)
    await db.open()
    expect(db.verno).toBe(DB_VERSION)
    const deviceId = (await db.meta.get(DEVICE_ID_KEY))?.value as string
    expect(deviceId).toMatch(/^[0-9a-z]{12}$/)
    const a1 = (await db.assessments.get('a1'))!
    expect(Object.keys(a1.answers)).toHaveLength(300)
    for (const [itemId, before] of Object.entries(answers)) {
      expect(a1.answers[itemId]).toEqual({ ...before, updatedBy: 'Amtsleitung', deviceId, rev: 1, vv: { [deviceId]: 1 } })
    }
    expect(a1).toMatchObject({ role: 'respondent', activityAt: '2026-03-05T09:00:00.000Z', updatedAt: '2026-03-05T09:00:00.000Z', updatedBy: '', deviceId, rev: 1 })
    expect(await db.assessments.get('a2')).toMatchObject({ role: 'respondent', answers: {} })
    expect(await db.organisations.get('o1')).toMatchObject({ name: 'Altstadt', updatedBy: '', deviceId, rev: 1 })
    expect(await db.departments.get('d1')).toMatchObject({ code: '63', deviceId, rev: 1 })
    expect(await db.rounds.get('r1')).toMatchObject({ catalogVersion: '1.0.0', deviceId, rev: 1 })
    expect((await db.meta.get('activeOrgId'))?.value).toBe('o1')
    expect(await db.tombstones.count()).toBe(0)
    // The v5 upgrade runs after v3's: the summaries see the upgraded assessments.
    expect(await db.assessmentSummaries.toArray()).toEqual((await db.assessments.toArray()).map(summarizeAssessment))
    db.close()
  })

  it('keeps an existing device id and is idempotent on reopening', async () => {
    await writeV2()
    const first = new CheckDatabase(NAME)
    await first.open()
    const id = (await first.meta.get(DEVICE_ID_KEY))?.value
    const snapshot = await first.assessments.toArray()
    first.close()
    const second = new CheckDatabase(NAME)
    await second.open()
    expect((await second.meta.get(DEVICE_ID_KEY))?.value).toBe(id)
    expect(await second.assessments.toArray()).toEqual(snapshot)
    second.close()
  })
})

/** Writes a database exactly as schema version 3 stored it (provenance, tombstones; no agenda, no inventory). */
async function writeV3(): Promise<Record<string, unknown[]>> {
  const v3 = new Dexie(NAME)
  v3.version(1).stores(SCHEMA_V1)
  v3.version(2).stores(SCHEMA_V2)
  v3.version(3).stores(SCHEMA_V3)
  await v3.open()
  const t = '2026-03-01T10:00:00.000Z'
  const prov = { updatedAt: t, updatedBy: 'Beratung', deviceId: 'k3v9q2m7x1dp', rev: 2 }
  const answers: Record<string, unknown> = {}
  for (let i = 0; i < 120; i++) {
    answers[`item-${i}`] = { itemId: `item-${i}`, state: 'level', ist: i % 5, bedarf: null, potenzial: 2, target: null, comment: i % 11 === 0 ? 'Notiz – ä' : '', ...prov, vv: { k3v9q2m7x1dp: 2 } }
  }
  const rows: Record<string, unknown[]> = {
    organisations: [{ id: 'o1', name: 'Altstadt', type: 'stadt', bundesland: 'HE', inhabitants: 20000, staff: 180, createdAt: t, ...prov }],
    departments: [{ id: 'd1', orgId: 'o1', name: 'Bauamt', code: '63', parentUnit: '', head: '', staff: 10, kind: 'specialist', createdAt: t, ...prov }],
    rounds: [{ id: 'r1', orgId: 'o1', name: 'R', startDate: '2026-01-01', endDate: '', catalogId: 'dc-kommune', catalogVersion: '1.0.0', dimensionTargets: {}, createdAt: t, ...prov }],
    assessments: [{ id: 'a1', orgId: 'o1', roundId: 'r1', departmentId: 'd1', respondent: 'Amtsleitung', role: 'respondent', status: 'in_progress', answers, createdAt: t, ...prov, activityAt: t, submittedAt: null }],
    tombstones: [{ id: 'd0', kind: 'department', orgId: 'o1', deletedAt: t, deletedBy: 'Beratung', deviceId: 'k3v9q2m7x1dp' }],
    meta: [{ key: 'activeOrgId', value: 'o1' }, { key: DEVICE_ID_KEY, value: 'k3v9q2m7x1dp' }],
  }
  for (const [table, list] of Object.entries(rows)) await v3.table(table).bulkAdd(list)
  v3.close()
  return rows
}

describe('schema upgrade v3 → v4 (Digitale Agenda, Leistungsinventar)', () => {
  it('keeps every record, answer, tombstone and setting unchanged and adds three empty, indexed tables', async () => {
    const before = await writeV3()
    const db = new CheckDatabase(NAME)
    await db.open()
    expect(db.verno).toBe(DB_VERSION)
    for (const [table, list] of Object.entries(before)) expect(await db.table(table).toArray()).toEqual(list)
    expect([await db.agendas.count(), await db.agendaEvents.count(), await db.services.count()]).toEqual([0, 0, 0])
    expect(db.agendas.schema.indexes.map((i) => i.name)).toEqual(['orgId'])
    expect(db.agendaEvents.schema.indexes.map((i) => i.name)).toEqual(['agendaId', '[agendaId+entryId]'])
    expect(db.services.schema.indexes.map((i) => i.name)).toEqual(['orgId'])
    db.close()
  })
})

/** Writes a database exactly as schema version 4 stored it: several assessments, one unreadable. */
async function writeV4(): Promise<Record<string, unknown>[]> {
  const v4 = new Dexie(NAME)
  v4.version(1).stores(SCHEMA_V1)
  v4.version(2).stores(SCHEMA_V2)
  v4.version(3).stores(SCHEMA_V3)
  v4.version(4).stores(SCHEMA_V4)
  await v4.open()
  const prov = { updatedBy: 'Beratung', deviceId: 'k3v9q2m7x1dp', rev: 1 }
  const answer = (itemId: string, state: string, ist: number | null) => ({ itemId, state, ist, bedarf: null, potenzial: null, target: null, comment: '', updatedAt: 't', ...prov, vv: { k3v9q2m7x1dp: 1 } })
  const assessments: Record<string, unknown>[] = []
  for (let i = 0; i < 12; i++) {
    const answers: Record<string, unknown> = {}
    for (let j = 0; j < i * 3; j++) answers[`item-${j}`] = answer(`item-${j}`, (['level', 'na', 'unknown'] as const)[j % 3]!, j % 3 === 0 ? (j % 4 === 0 ? null : 2) : null)
    assessments.push({
      id: `a${i}`,
      orgId: i < 8 ? 'o1' : 'o2',
      roundId: `r${i % 3}`,
      departmentId: `d${i % 4}`,
      respondent: i % 5 === 0 ? '' : `Person ${i}`,
      role: i === 7 ? 'consensus' : 'respondent',
      status: (['not_started', 'in_progress', 'submitted'] as const)[i % 3],
      answers,
      createdAt: `2026-01-${String(i + 1).padStart(2, '0')}T08:00:00.000Z`,
      updatedAt: `2026-02-${String(i + 1).padStart(2, '0')}T08:00:00.000Z`,
      activityAt: `2026-03-${String(12 - i).padStart(2, '0')}T08:00:00.000Z`,
      submittedAt: null,
      ...prov,
    })
  }
  // Fails the readable guard (no answers map): kept as it is, but gets no summary.
  const broken = { id: 'broken', orgId: 'o1', roundId: 'r0', departmentId: 'd0', status: 'in_progress', createdAt: 't', activityAt: 't' }
  await v4.table('assessments').bulkAdd([...assessments, broken])
  v4.close()
  return [...assessments, broken]
}

describe('schema upgrade v4 → v5 (assessment summaries)', () => {
  it('fills one summary per readable assessment, equal to summarizeAssessment, and leaves the assessments unchanged', async () => {
    const before = await writeV4()
    const db = new CheckDatabase(NAME)
    await db.open()
    expect(db.verno).toBe(DB_VERSION)
    expect(await db.assessments.toArray()).toEqual([...before].sort((a, b) => String(a.id).localeCompare(String(b.id))))
    const summaries = await db.assessmentSummaries.toArray()
    const readable = before.filter((a) => a.id !== 'broken') as unknown as Assessment[]
    expect(summaries).toHaveLength(readable.length)
    for (const a of readable) expect(await db.assessmentSummaries.get(a.id)).toEqual(summarizeAssessment(a))
    // Spot check of the derived field: a5 has 15 answers, items 0, 3, 6, 9, 12 are levels (0 and 12 without Ist), 1, 4, 7, 10, 13 n/a.
    expect((await db.assessmentSummaries.get('a5'))!.answered).toEqual(['item-1', 'item-3', 'item-4', 'item-6', 'item-7', 'item-9', 'item-10', 'item-13'])
    expect(await db.assessmentSummaries.get('broken')).toBeUndefined()
    expect(db.assessmentSummaries.schema.indexes.map((i) => i.name)).toEqual(['roundId', '[orgId+open+activityAt]'])
    db.close()
  })

  it('keeps the summaries on reopening, and writes after the upgrade keep them in step', async () => {
    await writeV4()
    const first = new CheckDatabase(NAME)
    await first.open()
    const snapshot = await first.assessmentSummaries.toArray()
    first.close()
    const second = new CheckDatabase(NAME)
    await second.open()
    expect(await second.assessmentSummaries.toArray()).toEqual(snapshot)
    await second.assessments.update('a1', { status: 'submitted' })
    expect((await second.assessmentSummaries.get('a1'))!.status).toBe('submitted')
    second.close()
  })
})

describe('schema upgrade v5 → v6 (sync outbox and conflicts)', () => {
  it('adds the two empty stores and leaves every record as it was; a write after the upgrade is noted in the outbox', async () => {
    const before = await writeV4()
    const v5 = new Dexie(NAME)
    v5.version(1).stores(SCHEMA_V1)
    v5.version(2).stores(SCHEMA_V2)
    v5.version(3).stores(SCHEMA_V3)
    v5.version(4).stores(SCHEMA_V4)
    v5.version(5).stores(SCHEMA_V5)
    await v5.open()
    const dump = async (d: Dexie) => Object.fromEntries(await Promise.all(['organisations', 'departments', 'rounds', 'assessments', 'meta'].map(async (t) => [t, await d.table(t).toArray()] as const)))
    const at5 = await dump(v5)
    v5.close()
    const db = new CheckDatabase(NAME)
    await db.open()
    expect(db.verno).toBe(6)
    expect(await dump(db)).toEqual(at5)
    expect(await db.assessments.count()).toBe(before.length)
    expect(await db.syncOutbox.count()).toBe(0)
    expect(await db.syncConflicts.count()).toBe(0)
    await db.assessments.update('a1', { status: 'submitted' })
    expect((await db.syncOutbox.toArray()).map((e) => e.key)).toEqual(['assessments\u0000a1'])
    db.close()
  })
})
