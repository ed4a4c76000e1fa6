/**
 * Async loads must not let an older load overwrite a newer one (hardening #7): useCatalog and
 * useOrgRounds load catalogues through the store; here the first load is slow and the second fast.
 */
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { useCatalog } from '@/composables/useCatalog'
import { useCatalogStore } from '@/stores/catalogs'
import type { Catalog, CatalogRef } from '@/domain/model/types'
import { makeCatalog } from '../fixtures/builders'

/** A store.load whose results arrive when the test resolves them, in any order. */
function controllableLoads() {
  const pending = new Map<string, (c: Catalog) => void>()
  const load = vi.fn((r: CatalogRef) => new Promise<Catalog>((resolve) => pending.set(r.catalogVersion, resolve)))
  const resolve = (version: string) => pending.get(version)?.(makeCatalog({ id: 'k', version }))
  return { load, resolve }
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await nextTick()
}

describe('useCatalog', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => vi.restoreAllMocks())

  it('keeps the catalogue of the newest reference when an older load finishes last', async () => {
    const store = useCatalogStore()
    const loads = controllableLoads()
    vi.spyOn(store, 'load').mockImplementation(loads.load)
    const version = ref('1.0.0')
    const scope = effectScope()
    const { catalog } = scope.run(() => useCatalog(() => ({ catalogId: 'k', catalogVersion: version.value })))!
    await flush()
    version.value = '2.0.0'
    await flush()
    expect(loads.load).toHaveBeenCalledTimes(2)
    loads.resolve('2.0.0') // the newer one first …
    await flush()
    expect(catalog.value?.version).toBe('2.0.0')
    loads.resolve('1.0.0') // … then the older, slower one
    await flush()
    expect(catalog.value?.version).toBe('2.0.0')
    scope.stop()
  })
})
