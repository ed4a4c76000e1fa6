/**
 * The Leistungsinventar on the Maßnahmen screen (issue "From check to strategy", point 3: "the ten
 * most used services first"): with the demo loaded, the measures whose catalogue measure names an
 * `inventory` focus show the figures and the services the domain computes from the demo's own
 * inventory (inventoryForMeasure), with a link to /leistungen; axe at 1366 and 390 px.
 */
import type { Locator } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import cat1 from '@/catalogs/dc-kommune/1.0.0.json'
import cat2 from '@/catalogs/dc-kommune/2.0.0.json'
import { maturityLabel } from '@/components/inventory/inventory-texts'
import { buildDemo } from '@/domain/demo/musterstadt'
import { buildDemoStrategy } from '@/domain/demo/musterstadt-strategy'
import type { Catalog, InventoryFocus } from '@/domain/model/types'
import { inventoryForMeasure, type FocusResult } from '@/domain/services/focus'
import { DEFAULT_ONLINE_LEVEL, OZG_RGM_2 } from '@/domain/services/maturity-model'
import deAnalysis from '@/i18n/analysis.de'
import { expectNoA11yViolations, gotoApp, loadDemoFromStart, openBrowser, type BrowserSession } from './browser'

let s: BrowserSession
beforeAll(async () => {
  s = await openBrowser()
})
afterAll(async () => {
  await s?.dispose()
})

// The demo's inventory as the app builds it; names, cases and ratings do not depend on `now`.
const current = cat2 as unknown as Catalog
const demo = buildDemo(current, '2026-12-02T12:00:00.000Z', undefined, cat1 as unknown as Catalog)
const { services } = buildDemoStrategy(demo, current, '2026-12-02T12:00:00.000Z')
const expected = (focus: InventoryFocus): FocusResult => inventoryForMeasure(services, focus, { model: OZG_RGM_2, onlineLevel: DEFAULT_ONLINE_LEVEL, limit: 10 })

/** The German words of the screen for a listed service ("Name: 3.100 Fälle pro Jahr, Reifegrad Stufe 2"). */
const words = deAnalysis.rec.inventory
const fill = (template: string, params: Record<string, unknown>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k]))
const lookup = (key: string): string => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], words) as string
function line(r: FocusResult['listed'][number]): string {
  const cases = r.casesPerYear === null ? words.noCases : fill(words.cases.split(' | ')[r.casesPerYear === 1 ? 0 : 1]!, { n: r.casesPerYear.toLocaleString('de-DE') })
  const maturity = maturityLabel(r.maturity, (key, params) => fill(lookup(key.replace(/^inventory\./, '')), params ?? {}))
  return `${r.name}: ${fill(words.item, { cases, maturity })}`
}

const card = (id: string) => s.page.locator(`.rec-list > li[data-measure="${id}"]`)
const block = (id: string) => card(id).getByTestId('measure-inventory')
const clean = async (l: Locator) => ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim()
const items = async (id: string) => (await block(id).getByTestId('inventory-services').getByRole('listitem').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim())

describe('Maßnahmen aus dem Leistungsinventar', () => {
  it('the Top-10 measure lists the most used services not yet online, as the domain computes them; axe is clean', async () => {
    const { page } = s
    await page.setViewportSize({ width: 1366, height: 900 })
    await loadDemoFromStart(page)
    await gotoApp(page, '/recommendations')
    await page.getByTestId('rec-count').waitFor()

    // In the focus list (a legal duty): "Top-10-Leistungen über den Formularserver des Landes online anbieten".
    const top = expected('most_used')
    expect(top.listed.length).toBeGreaterThan(3) // the demo has services not yet online
    const top10 = card('m-top10-formularserver')
    await expect.poll(() => clean(top10.getByRole('heading', { level: 3 }))).toBe('Top-10-Leistungen über den Formularserver des Landes online anbieten')
    await block('m-top10-formularserver').waitFor()
    expect(await clean(block('m-top10-formularserver').getByRole('heading', { level: 4 }))).toBe('Aus dem Leistungsinventar')
    expect(await items('m-top10-formularserver')).toEqual(top.listed.map(line))
    expect(await clean(block('m-top10-formularserver').getByTestId('inventory-figures'))).toBe(
      fill(top.matchingWithoutCases > 0 ? words.figures.most_used_without_cases : words.figures.most_used, { matching: top.matching, total: 12, level: DEFAULT_ONLINE_LEVEL, n: top.matchingWithoutCases }),
    )
    const link = block('m-top10-formularserver').getByRole('link', { name: 'Leistungsinventar öffnen' })
    expect(await link.getAttribute('href')).toBe('#/leistungen')
    await expectNoA11yViolations(page, 'Maßnahmen mit Leistungsinventar (1366 px)')

    // All measures: the other foci of the demo's round.
    await page.getByRole('radio', { name: /^Alle Maßnahmen \(\d+\)$/ }).check()
    const record = expected('record')
    await block('m-leistungsinventar-ozg').waitFor()
    expect(await clean(block('m-leistungsinventar-ozg').getByTestId('inventory-figures'))).toBe(fill(words.figures.record, { total: record.total, unrated: record.unrated }))
    expect(await items('m-leistungsinventar-ozg')).toEqual(record.listed.map(line))
    expect(record.listed.length).toBeGreaterThan(0)
    expect(await items('m-online-formulare')).toEqual(expected('forms').listed.map(line))
    expect(await items('m-epayment-integration')).toEqual(expected('payment').listed.map(line))
    expect(await items('m-online-leistungen-programm')).toEqual(top.listed.map(line))
    // A measure without a focus shows nothing of the inventory.
    expect(await card('m-efa-nachnutzung').count()).toBe(1)
    expect(await card('m-efa-nachnutzung').getByTestId('measure-inventory').count()).toBe(0)

    // The link leads to the inventory.
    await link.click()
    await page.getByRole('heading', { level: 1, name: 'Leistungsinventar: Musterstadt' }).waitFor()

    // 390 px: no horizontal scrolling, axe clean.
    await page.setViewportSize({ width: 390, height: 844 })
    await gotoApp(page, '/recommendations')
    await block('m-top10-formularserver').waitFor()
    await expectNoA11yViolations(page, 'Maßnahmen mit Leistungsinventar (390 px)')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
  })
})
