/**
 * Sync settings, password and bookkeeping in meta (never exported in a backup or package). Light on
 * purpose: the app reads `syncWanted` at start, before anything of sync is loaded.
 */
import type { SyncSettings } from '@/domain/sync/types'
import { db } from './database'

const SETTINGS_PREFIX = 'sync.settings.'

const keys = (orgId: string) => ({
  settings: `${SETTINGS_PREFIX}${orgId}`,
  password: `sync.password.${orgId}`,
  seq: `sync.seq.${orgId}`,
  last: `sync.last.${orgId}`,
})

const isSettings = (v: unknown): v is SyncSettings => {
  const s = v as SyncSettings | undefined
  return typeof s === 'object' && s !== null && typeof s.url === 'string' && typeof s.db === 'string' && typeof s.user === 'string' && typeof s.enabled === 'boolean'
}

export async function readSyncSettings(orgId: string): Promise<SyncSettings | null> {
  const v = (await db.meta.get(keys(orgId).settings))?.value
  return isSettings(v) ? v : null
}

/** Whether sync is switched on for the organisation (read at start, before anything of sync loads). */
export async function syncWanted(orgId: string): Promise<boolean> {
  return (await readSyncSettings(orgId))?.enabled === true
}

export async function hasSyncPassword(orgId: string): Promise<boolean> {
  return typeof (await db.meta.get(keys(orgId).password))?.value === 'string'
}

/** The password, kept only here: meta is never exported in a backup or package. */
export async function readSyncPassword(orgId: string): Promise<string | null> {
  const v = (await db.meta.get(keys(orgId).password))?.value
  return typeof v === 'string' ? v : null
}

/** Stores the settings; `password` null keeps the stored one. */
export async function writeSyncSettings(orgId: string, settings: SyncSettings, password: string | null): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const k = keys(orgId)
    const before = await readSyncSettings(orgId)
    await db.meta.put({ key: k.settings, value: settings })
    if (password !== null) await db.meta.put({ key: k.password, value: password })
    // Another server or database is another change feed: start reading it from the beginning.
    if (before && (before.url !== settings.url || before.db !== settings.db)) await db.meta.delete(k.seq)
  })
}

/** Removes settings, password, feed position and last sync of the organisation (data and conflicts stay). */
export async function removeSyncSettings(orgId: string): Promise<void> {
  const k = keys(orgId)
  await db.meta.bulkDelete([k.settings, k.password, k.seq, k.last])
}

/** Organisations with sync settings in this browser (switched on or not). */
export async function syncedOrganisations(): Promise<Set<string>> {
  const rows = await db.meta.where('key').startsWith(SETTINGS_PREFIX).toArray()
  return new Set(rows.filter((r) => isSettings(r.value)).map((r) => r.key.slice(SETTINGS_PREFIX.length)))
}

/** When this browser was last in step with the server (ISO), kept over restarts. */
export async function readLastSync(orgId: string): Promise<string | null> {
  const v = (await db.meta.get(keys(orgId).last))?.value
  return typeof v === 'string' ? v : null
}

export async function writeLastSync(orgId: string, at: string): Promise<void> {
  await db.meta.put({ key: keys(orgId).last, value: at })
}

export async function readFeedPosition(orgId: string): Promise<string | number | null> {
  const v = (await db.meta.get(keys(orgId).seq))?.value
  return typeof v === 'string' || typeof v === 'number' ? v : null
}

export async function writeFeedPosition(orgId: string, seq: string | number | null): Promise<void> {
  if (seq === null) await db.meta.delete(keys(orgId).seq)
  else await db.meta.put({ key: keys(orgId).seq, value: seq })
}
