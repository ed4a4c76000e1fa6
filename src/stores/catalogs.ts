/**
 * Loads catalogues by pinned reference (built-in or stored in the browser; stored ones validated
 * once) and caches the result for the session.
 */
import { defineStore } from 'pinia'
import { markRaw, shallowRef, watch, type ShallowRef } from 'vue'
import { BUILTIN_CATALOGS } from '@/catalogs'
import { getStoredCatalog } from '@/db/catalogs'
import type { CatalogIssue } from '@/domain/catalog/catalog-schema'
import type { CatalogSummary } from '@/domain/model/catalog-summary'
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
  const summaries = new Map<string, Promise<CatalogSummary>>()

  const builtinOf = (ref: CatalogRef) => BUILTIN_CATALOGS.find((c) => c.catalogId === ref.catalogId && c.catalogVersion === ref.catalogVersion)

  /**
   * The catalogue for a pinned reference; throws CatalogLoadError with its issues. Built-in ones are
   * validated at build time (tests/unit/builtin-catalogs.test.ts); stored ones here, with zod.
   */
  function load(ref: CatalogRef): Promise<Catalog> {
    const k = catalogRefKey(ref)
    const cached = loaded.value[k]
    if (cached) return Promise.resolve(cached)
    let p = pending.get(k)
    if (!p) {
      const builtin = builtinOf(ref)
      // The validator (with zod) is loaded with a stored catalogue, never with the first screen.
      p = (
        builtin
          ? builtin.load()
          : Promise.all([getStoredCatalog(ref.catalogId, ref.catalogVersion), import('@/domain/catalog/catalog-schema')]).then(([raw, { validateCatalog }]) => {
              if (raw === undefined) throw new CatalogLoadError(ref, [{ code: 'notAvailable', params: {}, path: [], location: { entity: 'catalog', field: '' } }])
              const result = validateCatalog(raw)
              if (!result.ok) throw new CatalogLoadError(ref, result.issues)
              return result.catalog
            })
      ).then((catalog) => {
        loaded.value = { ...loaded.value, [k]: markRaw(catalog) }
        return catalog
      })
      p.finally(() => pending.delete(k)).catch(() => undefined)
      pending.set(k, p)
    }
    return p
  }

  /**
   * Wording and applicable item ids of a catalogue (`CatalogSummary`): generated for built-in
   * catalogues (no catalogue, no validator loaded). A stored catalogue was validated when it was
   * imported (and is checked again after app updates, see the stored-data check), so its summary is
   * read from the stored record without loading the validator; only if that fails (a damaged record)
   * does it go through the full load, which reports the problems.
   */
  async function readSummary(ref: CatalogRef): Promise<CatalogSummary> {
    const builtin = builtinOf(ref)
    if (builtin) return builtin.summary()
    const { summarizeCatalog } = await import('@/domain/model/catalog-summary')
    const cached = loaded.value[catalogRefKey(ref)]
    if (cached) return summarizeCatalog(cached)
    const stored = await getStoredCatalog(ref.catalogId, ref.catalogVersion)
    if (stored) {
      try {
        return summarizeCatalog(stored)
      } catch {
        // damaged: the full load below names the problems
      }
    }
    return summarizeCatalog(await load(ref))
  }

  /** `readSummary` once per catalogue version for the session (a version never changes); a failure is not kept. */
  function summary(ref: CatalogRef): Promise<CatalogSummary> {
    const k = catalogRefKey(ref)
    let p = summaries.get(k)
    if (!p) {
      p = readSummary(ref)
      p.catch(() => summaries.delete(k))
      summaries.set(k, p)
    }
    return p
  }

  /**
   * The catalogue of a reactive reference, loaded whenever the reference changes; a later reference
   * supersedes a load still running (its result never overwrites the newer one). Call inside a
   * component or effect scope (the watcher lives as long as it).
   */
  function track(refGetter: () => CatalogRef | undefined): { catalog: ShallowRef<Catalog | undefined>; error: ShallowRef<Error | null> } {
    const catalog = shallowRef<Catalog | undefined>()
    const error = shallowRef<Error | null>(null)
    watch(
      () => {
        const r = refGetter()
        return r ? catalogRefKey(r) : ''
      },
      async (k, _previous, onCleanup) => {
        let superseded = false
        onCleanup(() => {
          superseded = true
        })
        const r = refGetter()
        if (!k || !r) {
          catalog.value = undefined
          return
        }
        try {
          // Through the store instance (not the closure), like a component's call.
          const loaded = await useCatalogStore().load(r)
          if (superseded) return
          catalog.value = loaded
          error.value = null
        } catch (e) {
          if (superseded) return
          catalog.value = undefined
          error.value = e instanceof Error ? e : new Error(String(e))
        }
      },
      { immediate: true },
    )
    return { catalog, error }
  }

  function get(ref: CatalogRef): Catalog | undefined {
    return loaded.value[catalogRefKey(ref)]
  }

  return { loaded, load, summary, track, get }
})
