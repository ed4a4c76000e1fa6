/** The validated catalogue for a (reactive) pinned reference, loaded through the catalogue store. */
import { shallowRef, watch, type ShallowRef } from 'vue'
import { useCatalogStore } from '@/stores/catalogs'
import { catalogRefKey } from '@/domain/model/keys'
import type { Catalog, CatalogRef } from '@/domain/model/types'

export function useCatalog(refGetter: () => CatalogRef | undefined): { catalog: ShallowRef<Catalog | undefined>; error: ShallowRef<Error | null> } {
  const store = useCatalogStore()
  const catalog = shallowRef<Catalog | undefined>()
  const error = shallowRef<Error | null>(null)
  watch(
    () => {
      const r = refGetter()
      return r ? catalogRefKey(r) : ''
    },
    async (k, _previous, onCleanup) => {
      // A later reference supersedes this load: its result must not overwrite the newer one.
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
        const loaded = await store.load(r)
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
