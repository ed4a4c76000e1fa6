import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '@/db/database'
import { listDepartments } from '@/db/departments'
import { getAssessment, listAssessmentsOfRound } from '@/db/assessments'
import { quarantineList, scanStoredData, STORED_CHECK_KEY, storedDataCheckDue } from '@/db/quarantine'
import { validateStored } from '@/domain/exchange/stored-records'
import { isReadable, type StoredTable } from '@/domain/model/stored-guard'
import { makeAnswer, makeAssessment, makeDepartment, makeOrganisation, makeRound } from '../fixtures/backup-builders'

describe('isReadable (the cheap guard on every read) and validateStored (the import rules)', () => {
  const dep = makeDepartment()
  it.each<[string, StoredTable, unknown, boolean, boolean]>([
    ['a valid department', 'departments', dep, true, true],
    ['not an object', 'departments', 'Bauamt', false, false],
    ['department without code (would break sorting)', 'departments', { ...dep, code: undefined }, false, false],
    ['department kind unknown', 'departments', { ...dep, kind: 'chef' }, false, false],
    ['department with an impossible time (readable, but not valid)', 'departments', { ...dep, updatedAt: 'gestern' }, true, false],
    ['assessment whose answers are no object', 'assessments', { ...makeAssessment(), answers: [] }, false, false],
    ['assessment with an answer at level 9', 'assessments', makeAssessment({ answers: { 'str-01': { ...makeAnswer('str-01'), ist: 9 as 0 } } }), true, false],
    ['assessment whose answer is filed under another item', 'assessments', makeAssessment({ answers: { 'str-02': makeAnswer('str-01') } }), true, false],
    ['a valid assessment', 'assessments', makeAssessment(), true, true],
    ['round with a month 13', 'rounds', makeRound({ startDate: '2031-13-01' }), true, false],
    ['organisation whose name is a number', 'organisations', { ...makeOrganisation(), name: 42 }, false, false],
    ['tombstone of an unknown kind', 'tombstones', { id: 't', kind: 'planet', orgId: 'o', deletedAt: '2025-01-01T00:00:00.000Z', deletedBy: '', deviceId: '' }, false, false],
    ['meta device id that is a number', 'meta', { key: 'deviceId', value: 7 }, true, false],
    ['meta of a key the app does not know', 'meta', { key: 'somethingElse', value: 7 }, true, true],
    ['stored catalogue that is no catalogue', 'catalogs', { id: 'x', version: '1', importedAt: '', catalog: { format: 'x' } }, true, false],
  ])('%s', (_name, table, raw, readable, valid) => {
    expect(isReadable(table, raw)).toBe(readable)
    expect(validateStored(table, raw).length === 0).toBe(valid)
  })
})

describe('validated reads with a quarantine list', () => {
  beforeEach(async () => {
    await db.delete()
    await db.open()
  })

  it('leaves out unreadable records at once and quarantined ones after a scan; deletes nothing', async () => {
    await db.organisations.put(makeOrganisation())
    await db.rounds.put(makeRound())
    await db.departments.bulkPut([makeDepartment(), makeDepartment({ id: 'dep-2', code: '20', updatedAt: 'gestern' })])
    await db.table('departments').put({ id: 'dep-3', orgId: 'org-1', name: 'ohne Kennziffer', kind: 'central' })
    await db.assessments.bulkPut([makeAssessment(), makeAssessment({ id: 'ass-2', answers: { 'str-01': { ...makeAnswer('str-01'), ist: 9 as 0 } } })])

    // Before a scan: only the unreadable one is left out.
    expect((await listDepartments('org-1')).map((d) => d.id)).toEqual(['dep-1', 'dep-2'])
    expect((await listAssessmentsOfRound('round-1')).map((a) => a.id).sort()).toEqual(['ass-1', 'ass-2'])

    const found = await scanStoredData(validateStored)
    expect(found.map((e) => [e.table, e.key])).toEqual([['departments', 'dep-2'], ['departments', 'dep-3'], ['assessments', 'ass-2']])
    expect(await quarantineList()).toEqual(found)
    expect((await listDepartments('org-1')).map((d) => d.id)).toEqual(['dep-1'])
    expect((await listAssessmentsOfRound('round-1')).map((a) => a.id)).toEqual(['ass-1'])
    expect(await getAssessment('ass-2')).toBeUndefined()
    // Nothing was deleted.
    expect(await db.departments.count()).toBe(3)
    expect(await db.assessments.count()).toBe(2)
  })

  it('clears the list when the data is repaired', async () => {
    await db.table('departments').put({ ...makeDepartment(), updatedAt: 'gestern' })
    expect(await scanStoredData(validateStored)).toHaveLength(1)
    await db.departments.put(makeDepartment())
    expect(await scanStoredData(validateStored)).toEqual([])
    expect(await quarantineList()).toEqual([])
  })
})

describe('when the background check runs (storedDataCheckDue)', () => {
  beforeEach(async () => {
    await db.delete()
    await db.open()
  })

  it('is not due on an empty database, which is recorded as checked with these rules', async () => {
    expect(await storedDataCheckDue('rules-a')).toBe(false)
    expect((await db.meta.get(STORED_CHECK_KEY))?.value).toBe(`rules-a/${db.verno}`)
    // Data written afterwards by the app or a validated import needs no check under the same rules.
    await db.organisations.put(makeOrganisation())
    expect(await storedDataCheckDue('rules-a')).toBe(false)
  })

  it('is due for data never checked, and for data checked with other rules (an update), until a scan with these rules', async () => {
    await db.organisations.put(makeOrganisation())
    expect(await storedDataCheckDue('rules-a')).toBe(true)
    await scanStoredData(validateStored, 'rules-a')
    expect(await storedDataCheckDue('rules-a')).toBe(false)
    expect(await storedDataCheckDue('rules-b')).toBe(true)
    // A scan without a rules id (the data screen's own check in tests) records nothing.
    await scanStoredData(validateStored)
    expect(await storedDataCheckDue('rules-b')).toBe(true)
  })
})
