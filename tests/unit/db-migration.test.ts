import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { CheckDatabase, SCHEMA_V1, type LegacyAnswerRow } from '@/db/database'

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

describe('schema upgrade v1 → v2', () => {
  it('moves every answer into its assessment and loses none', async () => {
    const rows = await writeV1(500)
    const db = new CheckDatabase(NAME)
    await db.open()
    expect(db.verno).toBe(2)
    const assessments = await db.assessments.toArray()
    const migrated = assessments.flatMap((a) => Object.values(a.answers).map((ans) => ({ assessmentId: a.id, ...ans })))
    expect(migrated).toHaveLength(500)
    const byKey = new Map(migrated.map((m) => [`${m.assessmentId}/${m.itemId}`, m]))
    for (const row of rows) expect(byKey.get(`${row.assessmentId}/${row.itemId}`)).toEqual(row)
    db.close()
  })

  it('gives every assessment an answers map and the organisation id of its round', async () => {
    await writeV1(4)
    const db = new CheckDatabase(NAME)
    const a3 = await db.assessments.get('a3')
    expect(a3!.answers).toEqual({})
    expect(a3!.orgId).toBe('o1')
    expect(await db.assessments.where('orgId').equals('o1').count()).toBe(3)
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
