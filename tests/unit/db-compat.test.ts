/**
 * An older app must not open a newer database (hardening #3): the check reads version and stores
 * with the raw API, never creates a database, and says 'newer' for a higher version or unknown stores.
 */
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { checkDatabaseCompatibility } from '@/db/compat'
import { CheckDatabase, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6 } from '@/db/database'

const NAME = 'compat-test'
afterEach(async () => {
  await Dexie.delete(NAME)
})

/** Creates a native IndexedDB database with the given version and stores. */
function createNative(version: number, stores: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(NAME, version)
    req.onupgradeneeded = () => {
      for (const s of stores) req.result.createObjectStore(s)
    }
    req.onsuccess = () => {
      req.result.close()
      resolve()
    }
    req.onerror = () => reject(req.error)
  })
}

describe('checkDatabaseCompatibility', () => {
  it('no database: ok, and none is created', async () => {
    expect(await checkDatabaseCompatibility(NAME)).toEqual({ status: 'ok' })
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(NAME)
  })
  it("the app's own database: ok", async () => {
    const db = new CheckDatabase(NAME)
    await db.open()
    db.close()
    expect(await checkDatabaseCompatibility(NAME)).toEqual({ status: 'ok' })
  })
  it('a higher version (a newer app): newer', async () => {
    await createNative(70, Object.keys(SCHEMA_V6))
    expect(await checkDatabaseCompatibility(NAME)).toEqual({ status: 'newer', version: 7, unknownStores: [] })
  })
  it('a database of the previous version (4, before the assessment summaries): ok, Dexie upgrades it', async () => {
    await createNative(40, Object.keys(SCHEMA_V4))
    expect(await checkDatabaseCompatibility(NAME)).toEqual({ status: 'ok' })
  })
  it('a database of version 5 (before the sync outbox): ok, Dexie upgrades it', async () => {
    await createNative(50, Object.keys(SCHEMA_V5))
    expect(await checkDatabaseCompatibility(NAME)).toEqual({ status: 'ok' })
  })
  it('the same version with a store this app does not know: newer, and nothing is changed', async () => {
    await createNative(60, [...Object.keys(SCHEMA_V6).filter((s) => s !== 'meta'), 'futureStore'])
    expect(await checkDatabaseCompatibility(NAME)).toEqual({ status: 'newer', version: 6, unknownStores: ['futureStore'] })
    const dbs = await indexedDB.databases()
    expect(dbs.find((d) => d.name === NAME)?.version).toBe(60)
  })
})
