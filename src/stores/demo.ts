/** Loading the demo municipality (button on the start screen, or `?demo=1` in the address). */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { DEFAULT_CATALOG } from '@/catalogs'
import { loadDemo } from '@/db/demo'
import { DEMO_ORG_ID } from '@/domain/demo/musterstadt'
import { useCatalogStore } from './catalogs'
import { useSessionStore } from './session'

export const useDemoStore = defineStore('demo', () => {
  const busy = ref(false)

  async function load(): Promise<'loaded' | 'exists'> {
    busy.value = true
    try {
      const catalog = await useCatalogStore().load(DEFAULT_CATALOG)
      const result = await loadDemo(catalog)
      await useSessionStore().setActiveOrg(DEMO_ORG_ID)
      return result
    } finally {
      busy.value = false
    }
  }

  return { busy, load }
})
