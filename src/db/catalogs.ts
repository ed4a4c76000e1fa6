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
