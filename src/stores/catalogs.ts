/**
 * Loads catalogues by pinned reference (built-in or stored in the browser), validates them once and
 * caches the result for the session.
 */
import { defineStore } from 'pinia'
import { markRaw, shallowRef } from 'vue'
import { BUILTIN_CATALOGS } from '@/catalogs'
import { getStoredCatalog } from '@/db/catalogs'
import type { CatalogIssue } from '@/domain/catalog/catalog-schema'
import { catalogRefKey } from '@/domain/model/keys'
import type { Catalog, CatalogRef } from '@/domain/model/types'

/**
 * A pinned catalogue that could not be loaded: missing here (issue `notAvailable`) or invalid. The
 * screens word `issues` (i18n `catalogErrors`); `message` is a technical summary for logs.
 */
export class CatalogLoadError extends Error {
  constructor(
    readonly ref: CatalogRef,
    readonly issues: CatalogIssue[],
  ) {
    super(`Catalogue ${ref.catalogId} ${ref.catalogVersion}: ${issues.map((i) => `${i.path.join('.') || '(file)'} ${i.code}`).join('; ')}`)
    this.name = 'CatalogLoadError'
  }
}


export const useCatalogStore = defineStore('catalogs', () => {
  const loaded = shallowRef<Record<string, Catalog>>({})
  const pending = new Map<string, Promise<Catalog>>()

  async function fetchRaw(ref: CatalogRef): Promise<unknown> {
    const builtin = BUILTIN_CATALOGS.find((c) => c.catalogId === ref.catalogId && c.catalogVersion === ref.catalogVersion)
    if (builtin) return builtin.load()
    return getStoredCatalog(ref.catalogId, ref.catalogVersion)
  }

  /** The validated catalogue for a pinned reference; throws CatalogLoadError with its issues. */
  function load(ref: CatalogRef): Promise<Catalog> {
    const k = catalogRefKey(ref)
    const cached = loaded.value[k]
    if (cached) return Promise.resolve(cached)
    let p = pending.get(k)
    if (!p) {
      // The validator (with zod) is loaded together with the catalogue, not with the first screen.
      p = Promise.all([fetchRaw(ref), import('@/domain/catalog/catalog-schema')]).then(([raw, { validateCatalog }]) => {
        if (raw === undefined) throw new CatalogLoadError(ref, [{ code: 'notAvailable', params: {}, path: [], location: { entity: 'catalog', field: '' } }])
        const result = validateCatalog(raw)
        if (!result.ok) throw new CatalogLoadError(ref, result.issues)
        loaded.value = { ...loaded.value, [k]: markRaw(result.catalog) }
        return result.catalog
      })
      p.finally(() => pending.delete(k)).catch(() => undefined)
      pending.set(k, p)
    }
    return p
  }

  function get(ref: CatalogRef): Catalog | undefined {
    return loaded.value[catalogRefKey(ref)]
  }

  return { loaded, load, get }
})
