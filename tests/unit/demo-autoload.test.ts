/**
 * The demo at start-up (hardening #17): a demo build (`npm start`) loads Musterstadt by itself only
 * on the very first start of a fresh browser — never again after "Alle Daten löschen", never into a
 * browser that already has data. `?demo=1` always loads it.
 */
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { clearAllData } from '@/commands/data'
import { createOrganisation } from '@/commands/organisations'
import { resetIdentityCache } from '@/commands/stamp'
import { db } from '@/db/database'
import { listOrganisations } from '@/db/organisations'
import { DEMO_AUTOLOAD_KEY, shouldAutoloadDemo, useDemoStore } from '@/stores/demo'

beforeEach(async () => {
  await db.delete()
  await db.open()
  resetIdentityCache()
  localStorage.clear()
  setActivePinia(createPinia())
})

const names = async () => (await listOrganisations()).map((o) => o.name)

describe('shouldAutoloadDemo', () => {
  it.each([
    { enabled: true, hasOrganisations: false, doneBefore: false, expected: true },
    { enabled: false, hasOrganisations: false, doneBefore: false, expected: false },
    { enabled: true, hasOrganisations: true, doneBefore: false, expected: false },
    { enabled: true, hasOrganisations: false, doneBefore: true, expected: false },
    { enabled: true, hasOrganisations: true, doneBefore: true, expected: false },
  ])('enabled $enabled, data $hasOrganisations, before $doneBefore → $expected', ({ expected, ...o }) => {
    expect(shouldAutoloadDemo(o)).toBe(expected)
  })
})

describe('demo at start-up', () => {
  it('a demo build loads it on the first start of an empty browser, and not again after "Alle Daten löschen"', async () => {
    expect(await useDemoStore().loadOnStart({ requested: false, autoload: true })).toBe(true)
    expect(await names()).toEqual(['Musterstadt'])
    expect(localStorage.getItem(DEMO_AUTOLOAD_KEY)).not.toBeNull()

    await clearAllData()
    expect(await names()).toEqual([])
    // The next start (a reload) of the same build
    setActivePinia(createPinia())
    expect(await useDemoStore().loadOnStart({ requested: false, autoload: true })).toBe(false)
    expect(await names()).toEqual([])
  })

  it('a browser that already has a municipality never gets the demo by itself, not even after deleting it', async () => {
    await createOrganisation({ name: 'Testhausen', type: 'gemeinde', bundesland: 'HE', inhabitants: null, staff: null })
    expect(await useDemoStore().loadOnStart({ requested: false, autoload: true })).toBe(false)
    expect(await names()).toEqual(['Testhausen'])
    await clearAllData()
    expect(await useDemoStore().loadOnStart({ requested: false, autoload: true })).toBe(false)
    expect(await names()).toEqual([])
  })

  it('a normal build never loads it by itself and leaves no mark; ?demo=1 loads it in any build, also after deleting', async () => {
    expect(await useDemoStore().loadOnStart({ requested: false, autoload: false })).toBe(false)
    expect(await names()).toEqual([])
    expect(localStorage.getItem(DEMO_AUTOLOAD_KEY)).toBeNull()
    localStorage.setItem(DEMO_AUTOLOAD_KEY, '2026-01-01T00:00:00.000Z')
    expect(await useDemoStore().loadOnStart({ requested: true, autoload: false })).toBe(true)
    expect(await names()).toEqual(['Musterstadt'])
  })
})
