// Full backups through the database: parse → read the merge base → merge → write the difference.
import { beforeEach, describe, expect, it } from 'vitest'
import catalogJson from '@/catalogs/dc-kommune/1.0.0.json'
import { saveAnswer } from '@/db/assessments'
import { applyStateDiff, clearAllData, readMergeBase, readSnapshot, readSnapshotInSlices, replaceAllData, StaleMergeBaseError } from '@/db/backup'
import { backupStatus, markExported } from '@/db/backup-status'
import { QUARANTINE_KEY } from '@/db/quarantine'
import { db } from '@/db/database'
import { applyAnswerPatch } from '@/domain/model/answers'
import { createBackup, serializeBackup } from '@/domain/exchange/serialise'
import { parseBackup } from '@/domain/exchange/parse'
import type { BackupData } from '@/domain/exchange/formats'
import { buildDemo, DEMO_ORG_ID } from '@/domain/demo/musterstadt'
import { diffStates, mergeExchange } from '@/domain/exchange/merge'
import type { Assessment, Catalog, Stamp, Tombstone } from '@/domain/model/types'

const catalog = catalogJson as unknown as Catalog
const known = (id: string, version: string) => (id === catalog.id && version === catalog.version ? new Set(catalog.items.map((i) => i.id)) : undefined)
/** The demo data is built at T; every later change is stamped minutes after it. */
const T = '2026-11-21T12:00:00.000Z'
const at = (minutes: number) => new Date(Date.parse(T) + minutes * 60_000).toISOString()
const stamp = (minutes: number, deviceId = 'dev-local'): Stamp => ({ at: at(minutes), by: 'Test', deviceId })
const meta = (minutes: number, deviceId = 'dev-local') => ({ now: new Date(at(minutes)), appVersion: 'test', scoringModelVersion: '1.0.0', deviceId })

const A1 = `${DEMO_ORG_ID}-dep-12-a1`
const DEP_12 = `${DEMO_ORG_ID}-dep-12`

function demoData(): BackupData {
  const d = buildDemo(catalog, T)
  return { organisations: [d.organisation], departments: d.departments, rounds: [d.previousRound, d.round], assessments: d.assessments, catalogs: [], tombstones: [], agendas: [], agendaEvents: [], services: [] }
}

beforeEach(async () => {
  await db.delete()
  await db.open()
})

/** What the import screen does for one backup: merge it into the records it touches and write the difference. */
async function restoreText(text: string) {
  const parsed = parseBackup(text, { knownCatalogItems: known })
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.code} ${JSON.stringify(e.params)} ${e.path ?? ''}`).join('; '))
  const base = await readMergeBase([parsed.backup])
  const merged = mergeExchange(base, parsed.backup)
  if (!merged.ok) throw new Error(merged.errors.map((e) => e.code).join('; '))
  const written = await applyStateDiff(diffStates(base, merged.state), at(100))
  return { written, changed: merged.changed, conflicts: merged.conflicts, counts: merged.counts }
}

const count = (d: BackupData) => d.organisations.length + d.departments.length + d.rounds.length + d.assessments.length

describe('full backup through the database', () => {
  it('export → wipe → restore gives identical data', async () => {
    await replaceAllData(demoData(), T)
    await saveAnswer(`${DEMO_ORG_ID}-dep-32-a1`, 'str-01', { comment: 'Sonderzeichen ; " ä\nzweite Zeile <b>fett</b>' }, stamp(1))
    const before = await readSnapshot()
    const text = serializeBackup(createBackup(before, meta(2)))
    await clearAllData()
    expect(await db.assessments.count()).toBe(0)
    const result = await restoreText(text)
    expect(result.written).toBe(count(before))
    expect(await readSnapshot()).toEqual(before)
  })

  it('deleting all data keeps the date of the last backup (the file still exists) and nothing to back up', async () => {
    await replaceAllData(demoData(), T)
    await markExported('2025-03-02T09:00:00.000Z')
    await clearAllData()
    expect(await backupStatus()).toEqual({ lastExportAt: '2025-03-02T09:00:00.000Z', firstUnexportedChangeAt: null })
  })

  it('restoring the same backup twice writes nothing the second time', async () => {
    await replaceAllData(demoData(), T)
    const text = serializeBackup(createBackup(await readSnapshot(), meta(1)))
    await clearAllData()
    await restoreText(text)
    const after1 = await readSnapshot()
    const second = await restoreText(text)
    expect(second).toMatchObject({ written: 0, changed: false, conflicts: [] })
    expect(await readSnapshot()).toEqual(after1)
  })

  it('keeps records that are not in the backup and never drops a local answer newer than the file’s', async () => {
    await replaceAllData(demoData(), T)
    const text = serializeBackup(createBackup(await readSnapshot(), meta(1)))
    // After the export: a change on this device and an organisation the backup does not know.
    const newer = await saveAnswer(A1, 'str-01', { ist: 4 }, stamp(2))
    const other = { ...demoData().organisations[0]!, id: 'other', name: 'Nachbargemeinde' }
    await db.organisations.add(other)
    const before = await readSnapshot()
    const result = await restoreText(text)
    expect(result).toMatchObject({ written: 0, changed: false, conflicts: [] })
    expect(await readSnapshot()).toEqual(before)
    expect((await db.assessments.get(A1))!.answers['str-01']).toEqual(newer)
    expect(await db.organisations.get('other')).toEqual(other)
  })

  it('takes a later change from the file and keeps the later side of a concurrent one (a conflict)', async () => {
    await replaceAllData(demoData(), T)
    const base = await readSnapshot()
    // Another device changed str-01 (at +3) and str-02 (at +1) of the same questionnaire …
    const theirs = structuredClone(base)
    const a = theirs.assessments.find((x) => x.id === A1)!
    a.answers['str-01'] = applyAnswerPatch(a.answers['str-01'], 'str-01', { ist: 0 }, stamp(3, 'dev-other'))
    a.answers['str-02'] = applyAnswerPatch(a.answers['str-02'], 'str-02', { comment: 'von drüben' }, stamp(1, 'dev-other'))
    a.activityAt = at(3)
    const text = serializeBackup(createBackup(theirs, meta(4, 'dev-other')))
    // … while this device changed str-02 later (at +2).
    const mine = await saveAnswer(A1, 'str-02', { comment: 'von hier' }, stamp(2))
    const result = await restoreText(text)
    expect(result.written).toBe(1)
    expect(result.counts.answers).toMatchObject({ updated: 1, conflicts: 1 })
    expect(result.conflicts.map((c) => [c.itemId, c.winner])).toEqual([['str-02', 'local']])
    const stored = (await db.assessments.get(A1))!
    expect(stored.answers['str-01']).toEqual(a.answers['str-01'])
    expect(stored.answers['str-02']).toEqual({ ...mine, vv: { demo: 1, 'dev-local': 1, 'dev-other': 1 }, rev: 2 })
  })

  it('a deletion in the file removes the department and its older questionnaires and keeps tombstones', async () => {
    await replaceAllData(demoData(), T)
    const theirs = await readSnapshot()
    const gone = theirs.assessments.filter((x) => x.departmentId === DEP_12)
    const tomb = (id: string, kind: Tombstone['kind']): Tombstone => ({ id, kind, orgId: DEMO_ORG_ID, deletedAt: at(5), deletedBy: 'Admin', deviceId: 'dev-other' })
    const file: BackupData = {
      ...theirs,
      departments: theirs.departments.filter((d) => d.id !== DEP_12),
      assessments: theirs.assessments.filter((x) => x.departmentId !== DEP_12),
      tombstones: [tomb(DEP_12, 'department'), ...gone.map((x) => tomb(x.id, 'assessment'))],
    }
    const result = await restoreText(serializeBackup(createBackup(file, meta(6, 'dev-other'))))
    expect(result.counts.departments.deleted).toBe(1)
    expect(result.counts.assessments.deleted).toBe(gone.length)
    expect(await db.departments.get(DEP_12)).toBeUndefined()
    expect(await db.assessments.where('departmentId').equals(DEP_12).count()).toBe(0)
    expect((await db.tombstones.toArray()).map((t) => t.id).sort()).toEqual([DEP_12, ...gone.map((x) => x.id)].sort())
  })

  it('reads only the records a package touches as the merge base (plus the children of deleted containers)', async () => {
    await replaceAllData(demoData(), T)
    const all = await readSnapshot()
    const one: BackupData = {
      organisations: all.organisations,
      departments: all.departments.filter((d) => d.id === DEP_12),
      rounds: all.rounds.filter((r) => r.id === all.assessments.find((x) => x.id === A1)!.roundId),
      assessments: all.assessments.filter((x) => x.id === A1),
      catalogs: [],
      tombstones: [],
      agendas: [],
      agendaEvents: [],
      services: [],
    }
    expect(await readMergeBase([one])).toEqual(one)
    const deleting: BackupData = { ...one, departments: [], assessments: [], tombstones: [{ id: DEP_12, kind: 'department', orgId: DEMO_ORG_ID, deletedAt: at(5), deletedBy: '', deviceId: 'dev-other' }] }
    const base = await readMergeBase([deleting])
    expect(base.departments.map((d) => d.id)).toEqual([DEP_12])
    expect(base.assessments.map((x: Assessment) => x.id).sort()).toEqual(all.assessments.filter((x) => x.departmentId === DEP_12).map((x) => x.id).sort())
  })

  it('"replace everything" leaves exactly the file’s data', async () => {
    await replaceAllData(demoData(), T)
    const text = serializeBackup(createBackup(await readSnapshot(), meta(1)))
    await saveAnswer(A1, 'str-01', { ist: 4 }, stamp(2))
    await db.organisations.add({ ...demoData().organisations[0]!, id: 'other', name: 'Nachbargemeinde' })
    const parsed = parseBackup(text, { knownCatalogItems: known })
    if (!parsed.ok) throw new Error('backup rejected')
    await replaceAllData(parsed.backup, at(3))
    const { organisations, departments, rounds, assessments, catalogs, tombstones, agendas, agendaEvents, services } = parsed.backup
    expect(await readSnapshot()).toEqual({ organisations, departments, rounds, assessments, catalogs, tombstones, agendas, agendaEvents, services })
  })

  it('a rejected file changes nothing', async () => {
    await replaceAllData(demoData(), T)
    const before = await readSnapshot()
    const text = serializeBackup(createBackup(before, meta(1)))
    const parsed = parseBackup(text.slice(0, text.length / 2), { knownCatalogItems: known })
    expect(parsed.ok).toBe(false)
    expect(await readSnapshot()).toEqual(before)
  })

  it('tracks unexported changes for the reminder and clears them on export', async () => {
    expect(await backupStatus()).toEqual({ lastExportAt: null, firstUnexportedChangeAt: null })
    await replaceAllData(demoData(), T)
    await markExported(at(1))
    await saveAnswer(A1, 'str-01', { ist: 1 }, stamp(2))
    expect(await backupStatus()).toEqual({ lastExportAt: at(1), firstUnexportedChangeAt: at(2) })
    await saveAnswer(A1, 'str-02', { ist: 2 }, stamp(3))
    expect((await backupStatus()).firstUnexportedChangeAt).toBe(at(2))
    await markExported(at(4))
    expect(await backupStatus()).toEqual({ lastExportAt: at(4), firstUnexportedChangeAt: null })
  })
})

describe('readSnapshotInSlices', () => {
  it('hands over the other tables first, then every questionnaire once, in key order, in slices of at most 50; quarantined ones left out', async () => {
    const data = demoData()
    const base = data.assessments[0]!
    // 120 questionnaires in an order that is not their key order.
    const many = Array.from({ length: 120 }, (_, i) => ({ ...base, id: `q-${String((i * 37) % 120).padStart(3, '0')}` }))
    await replaceAllData({ ...data, assessments: many })
    await db.meta.put({ key: QUARANTINE_KEY, value: [{ table: 'assessments', key: 'q-007', problems: ['x'] }] })
    const calls: string[] = []
    const slices: string[][] = []
    let tables: Omit<BackupData, 'assessments'> | undefined
    await readSnapshotInSlices(
      (t) => {
        calls.push('tables')
        tables = t
      },
      (slice) => {
        calls.push('slice')
        slices.push(slice.map((a) => a.id))
      },
    )
    const expected = many.map((a) => a.id).filter((id) => id !== 'q-007').sort()
    expect(calls[0]).toBe('tables')
    expect(slices.map((s) => s.length)).toEqual([49, 50, 20])
    expect(slices.flat()).toEqual(expected)
    const whole = await readSnapshot()
    expect(whole.assessments.map((a) => a.id)).toEqual(expected)
    expect({ ...tables, assessments: whole.assessments }).toEqual(whole)
    expect(tables!.departments).toEqual(data.departments.slice().sort((a, b) => (a.id < b.id ? -1 : 1)))
  })

  it('an empty database gives empty tables and no slice', async () => {
    const slices: unknown[] = []
    let tables: Omit<BackupData, 'assessments'> | undefined
    await readSnapshotInSlices((t) => (tables = t), (slice) => slices.push(slice))
    expect(slices).toEqual([])
    expect(Object.values(tables!).every((rows) => Array.isArray(rows) && rows.length === 0)).toBe(true)
  })
})

describe('applyStateDiff with expectBase', () => {
  /** The demo stored, a backup of it with one answer changed elsewhere, and the merge of that backup. */
  async function checked() {
    await replaceAllData(demoData(), T)
    const file = await readSnapshot()
    const a1 = file.assessments.find((a) => a.id === A1)!
    a1.answers['str-01'] = applyAnswerPatch(a1.answers['str-01'], 'str-01', { state: 'level', ist: 4 }, stamp(5, 'dev-remote'))
    const base = await readMergeBase([file])
    const r = mergeExchange(base, file)
    if (!r.ok) throw new Error('merge failed')
    return { base, diff: diffStates(base, r.state) }
  }

  it('writes when every record it puts is still stored as in the base', async () => {
    const { base, diff } = await checked()
    expect(diff.put.assessments.map((a) => a.id)).toEqual([A1])
    expect(await applyStateDiff(diff, at(6), { expectBase: base })).toBe(1)
    expect((await db.assessments.get(A1))!.answers['str-01']!.ist).toBe(4)
  })

  it('writes nothing and says so when such a record changed since the merge', async () => {
    const { base, diff } = await checked()
    await saveAnswer(A1, 'str-02', { state: 'level', ist: 1 }, stamp(5))
    const before = await readSnapshot()
    await expect(applyStateDiff(diff, at(6), { expectBase: base })).rejects.toBeInstanceOf(StaleMergeBaseError)
    expect(await readSnapshot()).toEqual(before)
  })

  it('a change to a record the difference does not write does not stop it', async () => {
    const { base, diff } = await checked()
    const other = base.assessments.find((a) => a.id !== A1)!
    await saveAnswer(other.id, 'str-02', { state: 'level', ist: 1 }, stamp(5))
    expect(await applyStateDiff(diff, at(6), { expectBase: base })).toBe(1)
  })

  it('a record deleted since the merge stops it', async () => {
    const { base, diff } = await checked()
    await db.assessments.delete(A1)
    await expect(applyStateDiff(diff, at(6), { expectBase: base })).rejects.toBeInstanceOf(StaleMergeBaseError)
    expect(await db.assessments.get(A1)).toBeUndefined()
  })
})
