/** Loading the demo municipality (button on the start screen, or `?demo=1` in the address). */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { DEFAULT_CATALOG, DEMO_PREVIOUS_CATALOG } from '@/catalogs'
import { useCatalogStore } from './catalogs'
import { useSessionStore } from './session'

export const useDemoStore = defineStore('demo', () => {
  const busy = ref(false)

  async function load(): Promise<'loaded' | 'exists'> {
    busy.value = true
    try {
      // The demo's data and builder load only when it is asked for (not part of the first load).
      const catalogs = useCatalogStore()
      const [catalog, previous, { loadDemo }, { DEMO_ORG_ID }] = await Promise.all([catalogs.load(DEFAULT_CATALOG), catalogs.load(DEMO_PREVIOUS_CATALOG), import('@/db/demo'), import('@/domain/demo/musterstadt')])
      const result = await loadDemo(catalog, previous)
      await useSessionStore().setActiveOrg(DEMO_ORG_ID)
      return result
    } finally {
      busy.value = false
    }
  }

  return { busy, load }
})
