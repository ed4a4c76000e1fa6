/** Custom and imported catalogues stored in the browser (built-in ones live in src/catalogs). */
import type { Catalog } from '@/domain/model/types'
import { db, type StoredCatalog } from './database'
import { nowIso } from './ids'
import { readableAll, readableOne } from './quarantine'

export function listStoredCatalogs(): Promise<StoredCatalog[]> {
  return readableAll('catalogs', () => db.catalogs.toArray())
}

export async function getStoredCatalog(id: string, version: string): Promise<Catalog | undefined> {
  return (await readableOne<StoredCatalog>('catalogs', await db.catalogs.get([id, version])))?.catalog
}

/** Stores a validated catalogue. A stored version is never overwritten with different content. */
export async function saveCatalog(catalog: Catalog): Promise<'added' | 'unchanged'> {
  return db.transaction('rw', db.catalogs, async () => {
    const existing = await db.catalogs.get([catalog.id, catalog.version])
    if (existing) {
      if (JSON.stringify(existing.catalog) === JSON.stringify(catalog)) return 'unchanged'
      throw new Error(`catalog ${catalog.id} ${catalog.version} exists with different content`)
    }
    await db.catalogs.add({ id: catalog.id, version: catalog.version, importedAt: nowIso(), catalog })
    return 'added'
  })
}

/**
 * Deletes a stored catalogue version unless a round of any organisation uses it ('inUse'); built-in
 * catalogues are not stored and cannot be deleted.
 */
export async function deleteStoredCatalog(id: string, version: string): Promise<'deleted' | 'inUse' | 'missing'> {
  return db.transaction('rw', db.catalogs, db.rounds, async () => {
    if (!(await db.catalogs.get([id, version]))) return 'missing'
    const used = await db.rounds.filter((r) => r.catalogId === id && r.catalogVersion === version).count()
    if (used > 0) return 'inUse'
    await db.catalogs.delete([id, version])
    return 'deleted'
  })
}

/** How many rounds use each catalogue version (key `id@version`), for the catalogue list. */
export async function catalogUsage(): Promise<Map<string, number>> {
  const usage = new Map<string, number>()
  await db.rounds.each((r) => {
    const key = `${r.catalogId}@${r.catalogVersion}`
    usage.set(key, (usage.get(key) ?? 0) + 1)
  })
  return usage
}
