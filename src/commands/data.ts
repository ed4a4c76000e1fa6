/** Commands on the data as a whole: imported catalogues, deleting everything. */
import { BUILTIN_CATALOGS } from '@/catalogs'
import * as backup from '@/db/backup'
import { saveCatalog } from '@/db/catalogs'
import type { Catalog } from '@/domain/model/types'
import { resetIdentityCache } from './stamp'

/**
 * Stores a validated catalogue. A stored version is never overwritten with different content
 * (throws), and no file may claim the id and version of a built-in catalogue ('builtin').
 */
export async function importCatalog(catalog: Catalog): Promise<'added' | 'unchanged' | 'builtin'> {
  if (BUILTIN_CATALOGS.some((b) => b.catalogId === catalog.id && b.catalogVersion === catalog.version)) return 'builtin'
  return saveCatalog(catalog)
}

export async function clearAllData(): Promise<void> {
  await backup.clearAllData()
  resetIdentityCache()
}
