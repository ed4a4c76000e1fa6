/**
 * When the last full backup was exported and since when changes wait for one: the backup
 * reminder on the start screen reads it, so it lives apart from the heavy backup code in
 * backup.ts (which the first load does not need).
 */
import { db } from './database'
import { META_KEYS } from './meta'

/** Notes that a full backup was exported now (clears the backup reminder). */
export async function markExported(at: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: META_KEYS.lastExportAt, value: at })
    await db.meta.delete(META_KEYS.firstUnexportedChangeAt)
  })
}

export async function backupStatus(): Promise<{ lastExportAt: string | null; firstUnexportedChangeAt: string | null }> {
  const [a, b] = await Promise.all([db.meta.get(META_KEYS.lastExportAt), db.meta.get(META_KEYS.firstUnexportedChangeAt)])
  // Validated like every read: a damaged value counts as missing (the quarantine lists it).
  const isoOrNull = (v: unknown) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? v : null)
  return { lastExportAt: isoOrNull(a?.value), firstUnexportedChangeAt: isoOrNull(b?.value) }
}
