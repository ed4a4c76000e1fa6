/** The validated catalogue for a (reactive) pinned reference, loaded through the catalogue store. */
import type { ShallowRef } from 'vue'
import { useCatalogStore } from '@/stores/catalogs'
import type { Catalog, CatalogRef } from '@/domain/model/types'

export function useCatalog(refGetter: () => CatalogRef | undefined): { catalog: ShallowRef<Catalog | undefined>; error: ShallowRef<Error | null> } {
  return useCatalogStore().track(refGetter)
}
