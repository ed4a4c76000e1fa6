/** Loading the demo municipality (button on the start screen, `?demo=1`, or the first start of a demo build). */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { DEFAULT_CATALOG, DEMO_PREVIOUS_CATALOG } from '@/catalogs'
import { listOrganisations } from '@/db/organisations'
import { readLocal, writeLocal } from '@/platform/local-settings'
import { useCatalogStore } from './catalogs'
import { useSessionStore } from './session'

/**
 * Set (in localStorage, outside the database) once a demo build has started in this browser.
 * "Alle Daten löschen" empties the database only, so the demo does not come back after it.
 */
export const DEMO_AUTOLOAD_KEY = 'dc.demoAutoloadDone'

/**
 * Whether this start loads the demo by itself: only in a build that asks for it (`npm start`,
 * mode demo), only into a browser without any municipality, and only on the very first start of
 * that browser — never again once the user has deleted the data.
 */
export function shouldAutoloadDemo(o: { enabled: boolean; hasOrganisations: boolean; doneBefore: boolean }): boolean {
  return o.enabled && !o.hasOrganisations && !o.doneBefore
}

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

  /**
   * At start-up: loads the demo if the address asks for it (`requested`, always) or if this is the
   * first start of a demo build (`autoload`) in a browser without data. Returns whether it loaded.
   */
  async function loadOnStart(o: { requested: boolean; autoload: boolean }): Promise<boolean> {
    if (o.requested) {
      await load()
      return true
    }
    if (!o.autoload) return false
    const doneBefore = readLocal(DEMO_AUTOLOAD_KEY) !== null
    const hasOrganisations = (await listOrganisations()).length > 0
    // Decided once per browser: a browser that already had data never gets the demo by itself later.
    if (!doneBefore) writeLocal(DEMO_AUTOLOAD_KEY, new Date().toISOString())
    if (!shouldAutoloadDemo({ enabled: o.autoload, hasOrganisations, doneBefore })) return false
    await load()
    return true
  }

  return { busy, load, loadOnStart }
})
