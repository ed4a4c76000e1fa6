/** Small persisted settings and bookkeeping (active organisation, last change, last export). */
import { db } from './database'

export const META_KEYS = {
  activeOrgId: 'activeOrgId',
  lastChangeAt: 'lastChangeAt',
  lastExportAt: 'lastExportAt',
  /** The first change not yet covered by an exported backup (drives the reminder). */
  firstUnexportedChangeAt: 'firstUnexportedChangeAt',
} as const

export async function getMeta<T>(key: string): Promise<T | undefined> {
  const rec = await db.meta.get(key)
  return rec?.value as T | undefined
}

export async function setMeta(key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value })
}

/**
 * Records that user data changed now (drives the backup reminder). Call inside write transactions that
 * include `db.meta`. The write and the read go out together (one round trip, not two).
 */
export async function touchChange(at: string): Promise<void> {
  const [, firstUnexported] = await Promise.all([db.meta.put({ key: META_KEYS.lastChangeAt, value: at }), db.meta.get(META_KEYS.firstUnexportedChangeAt)])
  if (!firstUnexported) await db.meta.put({ key: META_KEYS.firstUnexportedChangeAt, value: at })
}
