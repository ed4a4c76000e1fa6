/** Small persisted settings and bookkeeping (active organisation, last change, last export). */
import { db } from './database'

export const META_KEYS = {
  activeOrgId: 'activeOrgId',
  lastChangeAt: 'lastChangeAt',
  lastExportAt: 'lastExportAt',
} as const

export async function getMeta<T>(key: string): Promise<T | undefined> {
  const rec = await db.meta.get(key)
  return rec?.value as T | undefined
}

export async function setMeta(key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value })
}

/** Records that user data changed now (drives the backup reminder). Call inside write transactions. */
export function touchChange(at: string): Promise<string> {
  return db.meta.put({ key: META_KEYS.lastChangeAt, value: at })
}
