/**
 * Full backup and restore of everything stored in this browser. The file format and its
 * validation are pure (src/domain/backup.ts); this module reads the snapshot and writes a restore
 * in ONE transaction, so a restore either lands completely or not at all.
 */
import type { BackupData } from '@/domain/backup'
import { recordsToWrite, type RestorePlan } from '@/domain/restore-plan'
import { db } from './database'
import { nowIso } from './ids'
import { META_KEYS } from './meta'

/** Everything the user entered, as plain data. */
export async function readSnapshot(): Promise<BackupData> {
  return db.transaction('r', [db.organisations, db.departments, db.rounds, db.assessments, db.catalogs], async () => {
    const [organisations, departments, rounds, assessments, catalogs] = await Promise.all([
      db.organisations.toArray(),
      db.departments.toArray(),
      db.rounds.toArray(),
      db.assessments.toArray(),
      db.catalogs.toArray(),
    ])
    return { organisations, departments, rounds, assessments, catalogs: catalogs.map((c) => c.catalog) }
  })
}

/** Writes the added and replaced records of a restore plan atomically. Returns how many records were written. */
export async function applyRestorePlan(plan: RestorePlan): Promise<number> {
  const data = recordsToWrite(plan)
  const at = nowIso()
  await db.transaction('rw', [db.organisations, db.departments, db.rounds, db.assessments, db.catalogs], async () => {
    await db.organisations.bulkPut(data.organisations)
    await db.departments.bulkPut(data.departments)
    await db.rounds.bulkPut(data.rounds)
    await db.assessments.bulkPut(data.assessments)
    await db.catalogs.bulkPut(data.catalogs.map((catalog) => ({ id: catalog.id, version: catalog.version, importedAt: at, catalog })))
  })
  return data.organisations.length + data.departments.length + data.rounds.length + data.assessments.length + data.catalogs.length
}

/** Notes that a full backup was exported now (clears the backup reminder). */
export async function markExported(at: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: META_KEYS.lastExportAt, value: at })
    await db.meta.delete(META_KEYS.firstUnexportedChangeAt)
  })
}

export async function backupStatus(): Promise<{ lastExportAt: string | null; firstUnexportedChangeAt: string | null }> {
  const [a, b] = await Promise.all([db.meta.get(META_KEYS.lastExportAt), db.meta.get(META_KEYS.firstUnexportedChangeAt)])
  return { lastExportAt: (a?.value as string | undefined) ?? null, firstUnexportedChangeAt: (b?.value as string | undefined) ?? null }
}

/** Deletes all user data in this browser (after the user confirmed). */
export async function clearAllData(): Promise<void> {
  await db.transaction('rw', [db.organisations, db.departments, db.rounds, db.assessments, db.catalogs, db.meta], async () => {
    await Promise.all([db.organisations.clear(), db.departments.clear(), db.rounds.clear(), db.assessments.clear(), db.catalogs.clear(), db.meta.clear()])
  })
}
