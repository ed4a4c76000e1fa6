/** The results screen's note on what the Leistungsinventar says about the online-services dimension. */
import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import cat2 from '@/catalogs/dc-kommune/2.0.0.json'
import DimensionInventoryNote from '@/components/results/DimensionInventoryNote.vue'
import { createOrganisation } from '@/commands/organisations'
import { importServices } from '@/commands/services'
import { resetIdentityCache } from '@/commands/stamp'
import { db } from '@/db/database'
import type { Catalog } from '@/domain/model/types'
import { OZG_RGM_2 } from '@/domain/services/maturity-model'
import { makeService } from '../unit/services-builders'
import { makeI18n } from '../fixtures/i18n'

const catalog = cat2 as unknown as Catalog
const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] })

beforeEach(async () => {
  await db.delete()
  await db.open()
  resetIdentityCache()
})

const service = (id: string, level: number | null, cases: number) => {
  const ratings = level === null ? {} : Object.fromEntries(OZG_RGM_2.criteria.map((c) => [c.id, level as 0]))
  const s = makeService({ id, name: id, ratings })
  s.maturity.model = OZG_RGM_2.key
  s.casesPerYear = cases
  return s
}

async function mountNote(orgId: string, cat: Catalog = catalog) {
  const w = mount(DimensionInventoryNote, { props: { orgId, catalog: cat, dimTitle: (id: string) => (id === 'onlinedienste' ? 'Online-Dienste und OZG' : id) }, global: { plugins: [makeI18n(), router] } })
  await flushPromises()
  await new Promise((r) => setTimeout(r, 0))
  await flushPromises()
  return w
}

describe('DimensionInventoryNote', () => {
  it('states the inventory figures for the online-services dimension', async () => {
    const org = await createOrganisation({ name: 'Teststadt', type: 'stadt', bundesland: 'NW', inhabitants: 30000, staff: 250 })
    // online (level ≥ 3): a (600 cases), b (200); not online: c (level 1, 800), d (unrated, 400)
    const result = await importServices(org.id, [service('a', 4, 600), service('b', 3, 200), service('c', 1, 800), service('d', null, 400)])
    expect(result.ok).toBe(true)
    const w = await mountNote(org.id)
    expect(w.get('[data-testid="dimension-inventory"]').text().replace(/\s+/g, ' ')).toBe(
      'Leistungsinventar zu „Online-Dienste und OZG“: 2 von 4 Leistungen sind online (ab Stufe 3, 50 %); 40 % der Fälle pro Jahr sind online möglich. Zum Leistungsinventar',
    )
    expect(w.get('a').attributes('href')).toBe('/leistungen')
  })

  it('says nothing while the inventory is empty', async () => {
    const org = await createOrganisation({ name: 'Leerstadt', type: 'stadt', bundesland: 'NW', inhabitants: null, staff: null })
    const w = await mountNote(org.id)
    expect(w.find('[data-testid="dimension-inventory"]').exists()).toBe(false)
  })

  it('says nothing for a catalogue without inventory measures', async () => {
    const org = await createOrganisation({ name: 'Teststadt', type: 'stadt', bundesland: 'NW', inhabitants: null, staff: null })
    await importServices(org.id, [service('a', 4, 600)])
    const w = await mountNote(org.id, { ...catalog, measures: catalog.measures.map(({ inventory: _omit, ...m }) => m) })
    expect(w.find('[data-testid="dimension-inventory"]').exists()).toBe(false)
  })
})
