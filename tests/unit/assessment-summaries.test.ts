/**
 * The assessment summaries (v5) never go stale: after every kind of write of `db.assessments` the
 * stored summaries equal the summaries recomputed from the stored assessments. The summary table is
 * kept by a DBCore middleware, so this covers the repositories, restore, merge, the demo and raw
 * Dexie calls alike; a property test runs random write sequences.
 */
import { liveQuery } from 'dexie'
import fc from 'fast-check'
import { beforeEach, describe, expect, it } from 'vitest'
import catalog1 from '@/catalogs/dc-kommune/1.0.0.json'
import catalog2 from '@/catalogs/dc-kommune/2.0.0.json'
import { createAssessment, ensureConsensusAssessment, removeAssessment, renameRespondent, saveAnswer, setAssessmentStatus } from '@/commands/assessments'
import { createRound, removeDepartment, removeOrganisation, removeRound } from '@/commands/organisations'
import { makeStamp, resetIdentityCache } from '@/commands/stamp'
import { applyStateDiff, clearAllData, readSnapshot, replaceAllData } from '@/db/backup'
import { db } from '@/db/database'
import { loadDemo } from '@/db/demo'
import { QUARANTINE_KEY } from '@/db/quarantine'
import { migrateRoundRecords } from '@/db/rounds'
import { lastOpenAssessment, listSummariesOfRound } from '@/db/summaries'
import { applicableItems } from '@/domain/model/catalog-index'
import { assessmentProgress } from '@/domain/model/answers'
import { summarizeAssessment, summaryProgress, type AssessmentSummary } from '@/domain/model/assessment-summary'
import { summarizeCatalog } from '@/domain/model/catalog-summary'
import { isReadable } from '@/domain/model/stored-guard'
import { DEPARTMENT_KINDS, type Assessment, type Catalog } from '@/domain/model/types'
import { levelAnswer, makeAnswer, makeAssessment, naAnswer, unknownAnswer } from '../fixtures/builders'
import { seedTeststadtWithIt } from '../fixtures/db-seed'

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id)

/** Stored summaries and the summaries recomputed from the stored assessments. */
async function bothSides(): Promise<{ stored: AssessmentSummary[]; expected: AssessmentSummary[] }> {
  const [stored, assessments] = await Promise.all([db.assessmentSummaries.toArray(), db.assessments.toArray()])
  const expected = assessments.filter((a) => isReadable('assessments', a)).map(summarizeAssessment)
  return { stored: stored.sort(byId), expected: expected.sort(byId) }
}

async function expectInSync(): Promise<void> {
  const { stored, expected } = await bothSides()
  expect(stored).toEqual(expected)
}

beforeEach(async () => {
  await db.delete()
  await db.open()
  resetIdentityCache()
})

const seed = seedTeststadtWithIt

describe('assessment summaries after each kind of write', () => {
  it('add (create, consensus), modify (saveAnswer), put (status, respondent), delete (remove)', async () => {
    const { org, dep, round, a, b } = await seed()
    await expectInSync()
    expect(await db.assessmentSummaries.count()).toBe(2)
    await ensureConsensusAssessment({ orgId: org.id, roundId: round.id, departmentId: dep.id })
    await expectInSync()
    await saveAnswer(a.id, 'str-01', { state: 'level', ist: 2 })
    await saveAnswer(a.id, 'str-02', { state: 'unknown' })
    await saveAnswer(a.id, 'str-03', { state: 'na' })
    await expectInSync()
    expect((await db.assessmentSummaries.get(a.id))!.answered).toEqual(['str-01', 'str-03'])
    expect((await db.assessmentSummaries.get(a.id))!.status).toBe('in_progress')
    await setAssessmentStatus(a.id, 'submitted')
    await renameRespondent(b.id, 'Neue Leitung')
    await expectInSync()
    expect((await db.assessmentSummaries.get(b.id))!.respondent).toBe('Neue Leitung')
    await removeAssessment(b.id)
    await expectInSync()
    expect(await db.assessmentSummaries.get(b.id)).toBeUndefined()
  })

  it('bulkDelete when a round, a department or an organisation is removed', async () => {
    const { org, dep, dep2, round, a } = await seed()
    const round2 = await createRound({ orgId: org.id, name: 'Check 2027', startDate: '2027-09-01', endDate: '', catalogId: 'dc-kommune', catalogVersion: '1.0.0', dimensionTargets: {} })
    await createAssessment({ orgId: org.id, roundId: round2.id, departmentId: dep.id, respondent: 'X' })
    await createAssessment({ orgId: org.id, roundId: round2.id, departmentId: dep2.id, respondent: 'Y' })
    await saveAnswer(a.id, 'str-01', { state: 'level', ist: 1 })
    await removeRound(round.id)
    await expectInSync()
    expect(await db.assessmentSummaries.count()).toBe(2)
    await removeDepartment(dep.id)
    await expectInSync()
    expect(await db.assessmentSummaries.count()).toBe(1)
    await removeOrganisation(org.id)
    await expectInSync()
    expect(await db.assessmentSummaries.count()).toBe(0)
  })

  it('bulkPut of a catalogue migration, merge apply, restore (clear + bulkAdd) and deleting all data', async () => {
    const { round, a, b } = await seed()
    await saveAnswer(a.id, 'str-01', { state: 'level', ist: 1 })
    await migrateRoundRecords(round.id, { catalogId: 'dc-kommune', catalogVersion: '2.0.0' }, (_r, list) => ({ dimensionTargets: {}, answers: new Map(list.map((x) => [x.id, { 'str-09': naAnswer('str-09') }])) }), await makeStamp())
    await expectInSync()
    expect((await db.assessmentSummaries.get(a.id))!.answered).toEqual(['str-09'])

    const snapshot = await readSnapshot()
    const changed = { ...snapshot.assessments.find((x) => x.id === a.id)!, status: 'submitted' as const, answers: { 'str-02': levelAnswer('str-02', 3) } }
    const added = makeAssessment({ id: 'merged-1', orgId: a.orgId, roundId: a.roundId, departmentId: a.departmentId, status: 'in_progress', answers: [naAnswer('str-05')] })
    const empty = { organisations: [], departments: [], rounds: [], assessments: [], catalogs: [], tombstones: [], agendas: [], agendaEvents: [], services: [] }
    await applyStateDiff({ put: { ...empty, assessments: [changed, added] }, remove: { ...empty, assessments: [b.id] } } as never)
    await expectInSync()
    expect((await db.assessmentSummaries.get('merged-1'))!.answered).toEqual(['str-05'])
    expect(await db.assessmentSummaries.get(b.id)).toBeUndefined()

    await replaceAllData({ ...snapshot, assessments: [snapshot.assessments[0]!] })
    await expectInSync()
    expect(await db.assessmentSummaries.count()).toBe(1)

    await clearAllData()
    await expectInSync()
    expect(await db.assessmentSummaries.count()).toBe(0)
  })

  it('loading the demo', async () => {
    expect(await loadDemo(catalog2 as unknown as Catalog, catalog1 as unknown as Catalog, '2026-06-01T10:00:00.000Z')).toBe('loaded')
    await expectInSync()
    expect(await db.assessmentSummaries.count()).toBe(await db.assessments.count())
    expect(await db.assessmentSummaries.count()).toBeGreaterThan(10)
  })

  it('raw Dexie writes: update, upsert, bulkUpdate, collection modify and delete, clear', async () => {
    const { a, b, round } = await seed()
    await db.assessments.update(a.id, { respondent: 'per update' })
    await db.assessments.upsert(b.id, { status: 'submitted' })
    await expectInSync()
    await db.assessments.bulkUpdate([{ key: a.id, changes: { activityAt: '2030-01-01T00:00:00.000Z' } }])
    await db.assessments.toCollection().modify((x) => {
      x.answers['str-04'] = levelAnswer('str-04', 2)
    })
    await expectInSync()
    await db.assessments.where('id').equals(a.id).delete()
    await expectInSync()
    await db.assessments.where('roundId').equals(round.id).delete()
    await expectInSync()
    await db.assessments.bulkAdd([makeAssessment({ id: 'x1' }), makeAssessment({ id: 'x2' })])
    await db.assessments.clear()
    await expectInSync()
    expect(await db.assessmentSummaries.count()).toBe(0)
  })

  it('keeps no summary of a record that fails the readable guard, and rolls back with an aborted transaction', async () => {
    const { a } = await seed()
    await db.assessments.put({ ...a, answers: null } as unknown as Assessment)
    await expectInSync()
    expect(await db.assessmentSummaries.get(a.id)).toBeUndefined()
    await db.assessments.put(a)
    await expect(
      db.transaction('rw', db.assessments, async () => {
        await db.assessments.put({ ...a, respondent: 'verworfen' })
        throw new Error('abort')
      }),
    ).rejects.toThrow('abort')
    await expectInSync()
    expect((await db.assessmentSummaries.get(a.id))!.respondent).toBe('Amtsleitung')
  })

  it('wakes live queries on the summaries when an answer is saved', async () => {
    const { a, round } = await seed()
    const seen: string[][] = []
    const sub = liveQuery(() => listSummariesOfRound(round.id)).subscribe((rows) => seen.push(rows.find((r) => r.id === a.id)?.answered ?? []))
    await expect.poll(() => seen.length).toBeGreaterThan(0)
    await saveAnswer(a.id, 'str-01', { state: 'level', ist: 3 })
    await expect.poll(() => seen.at(-1)).toEqual(['str-01'])
    sub.unsubscribe()
  })
})

describe('assessment summaries: random write sequences (property)', () => {
  const ids = ['a1', 'a2', 'a3', 'a4']
  const items = ['str-01', 'str-02', 'str-03', 'org-01']
  const answer = fc.tuple(fc.constantFrom(...items), fc.constantFrom('level', 'na', 'unknown', 'levelNull')).map(([itemId, s]) =>
    s === 'level' ? levelAnswer(itemId, 1) : s === 'na' ? naAnswer(itemId) : s === 'unknown' ? unknownAnswer(itemId) : makeAnswer({ itemId, state: 'level', ist: null }),
  )
  const record = fc
    .record({ id: fc.constantFrom(...ids), roundId: fc.constantFrom('r1', 'r2'), status: fc.constantFrom('not_started', 'in_progress', 'submitted'), answers: fc.array(answer, { maxLength: 4 }), broken: fc.boolean() })
    .map(({ broken, ...r }) => (broken && r.id === 'a4' ? ({ ...makeAssessment(r), orgId: 7 } as unknown as Assessment) : makeAssessment({ ...r, status: r.status as Assessment['status'] })))
  const op = fc.oneof(
    fc.record({ kind: fc.constant('put' as const), values: fc.array(record, { minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constant('add' as const), value: record }),
    fc.record({ kind: fc.constant('delete' as const), keys: fc.subarray(ids) }),
    fc.record({ kind: fc.constant('modify' as const), id: fc.constantFrom(...ids), answer }),
    fc.record({ kind: fc.constant('deleteRound' as const), roundId: fc.constantFrom('r1', 'r2') }),
    fc.record({ kind: fc.constant('clear' as const) }),
    fc.record({ kind: fc.constant('tx' as const), values: fc.array(record, { minLength: 1, maxLength: 2 }), abort: fc.boolean() }),
  )

  it('stored summaries always equal the summaries of the stored assessments', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 8 }), async (ops) => {
        await db.assessments.clear()
        for (const o of ops) {
          switch (o.kind) {
            case 'put':
              // The last of duplicate keys in one bulkPut wins, as in IndexedDB.
              await db.assessments.bulkPut(o.values)
              break
            case 'add':
              await db.assessments.add(o.value).catch(() => undefined)
              break
            case 'delete':
              await db.assessments.bulkDelete(o.keys)
              break
            case 'modify':
              await db.assessments
                .where('id')
                .equals(o.id)
                .modify((a) => {
                  a.answers[o.answer.itemId] = o.answer
                })
                .catch(() => undefined)
              break
            case 'deleteRound':
              await db.assessments.where('roundId').equals(o.roundId).delete()
              break
            case 'clear':
              await db.assessments.clear()
              break
            case 'tx':
              await db
                .transaction('rw', db.assessments, db.meta, async () => {
                  await db.assessments.bulkPut(o.values)
                  if (o.abort) throw new Error('abort')
                })
                .catch(() => undefined)
              break
          }
          const { stored, expected } = await bothSides()
          expect(stored).toEqual(expected)
        }
      }),
      { numRuns: 40 },
    )
  })
})

describe('summary reads', () => {
  it('lastOpenAssessment: the newest open respondent questionnaire, never a submitted, consensus or quarantined one', async () => {
    const put = (id: string, activityAt: string, extra: Partial<Assessment> = {}) => db.assessments.put(makeAssessment({ id, orgId: 'o1', roundId: 'r1', status: 'in_progress', activityAt, ...extra }))
    await put('old', '2026-01-01T00:00:00.000Z')
    await put('newer', '2026-02-01T00:00:00.000Z')
    await put('submitted', '2026-03-01T00:00:00.000Z', { status: 'submitted' })
    await put('consensus', '2026-04-01T00:00:00.000Z', { role: 'consensus' })
    await put('other-org', '2026-05-01T00:00:00.000Z', { orgId: 'o2' })
    expect((await lastOpenAssessment('o1'))?.id).toBe('newer')
    await put('quarantined', '2026-06-01T00:00:00.000Z')
    await db.meta.put({ key: QUARANTINE_KEY, value: [{ table: 'assessments', key: 'quarantined', problems: ['x'] }] })
    expect((await lastOpenAssessment('o1'))?.id).toBe('newer')
    expect((await listSummariesOfRound('r1')).map((s) => s.id).sort()).toEqual(['consensus', 'newer', 'old', 'other-org', 'submitted'])
    expect(await lastOpenAssessment('o3')).toBeUndefined()
  })

  it('progress from a summary equals assessmentProgress over the catalogue, for every kind and both built-in catalogues', () => {
    for (const json of [catalog1, catalog2]) {
      const catalog = json as unknown as Catalog
      const { applicable } = summarizeCatalog(catalog)
      const itemIds = catalog.items.map((i) => i.id)
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.constantFrom(...itemIds, 'unknown-item'), fc.constantFrom('level', 'na', 'unknown')), { maxLength: 40 }), (list) => {
          const a = makeAssessment({ answers: list.map(([id, s]) => (s === 'level' ? levelAnswer(id, 1) : s === 'na' ? naAnswer(id) : unknownAnswer(id))) })
          for (const kind of DEPARTMENT_KINDS) expect(summaryProgress(applicable[kind], summarizeAssessment(a))).toEqual(assessmentProgress(applicableItems(catalog, kind), a.answers))
        }),
        { numRuns: 50 },
      )
    }
  })

  it('a summary is much smaller than its assessment (a fully answered central questionnaire)', () => {
    const catalog = catalog2 as unknown as Catalog
    const a = makeAssessment({ answers: catalog.items.map((i) => levelAnswer(i.id, 2, { comment: '' })) })
    const summary = JSON.stringify(summarizeAssessment(a)).length
    expect(summary).toBeLessThan(JSON.stringify(a).length / 10)
  })
})
