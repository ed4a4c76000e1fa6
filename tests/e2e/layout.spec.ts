/**
 * Layout (KERN): with the demo loaded, no screen scrolls sideways at a 1366 px office screen or a
 * 390 px phone (wide tables scroll inside their own region), axe finds nothing at either width,
 * the KERN typeface comes from this server, and nothing is requested from another host.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoA11yViolations, gotoApp, loadDemoFromStart, openBrowser, type BrowserSession } from './browser'

/** Every screen of the main and footer navigation, plus a questionnaire and a department result. */
const ROUTES: [string, string][] = [
  ['Start', '/'],
  ['Ergebnisse', '/results'],
  ['Übersicht', '/dashboard'],
  ['Maßnahmen', '/recommendations'],
  ['Roadmap', '/roadmap'],
  ['Digitale Agenda', '/agenda'],
  ['Sachstandsbericht', '/agenda/bericht'],
  ['Leistungsinventar', '/leistungen'],
  ['Vergleich', '/compare'],
  ['Bericht', '/report'],
  ['Einrichtung', '/setup'],
  ['Austausch', '/exchange'],
  ['Daten & Sicherung', '/data'],
  ['Methode', '/method'],
  ['Datenschutz', '/privacy'],
  ['Barrierefreiheit', '/accessibility'],
  ['Einstellungen', '/settings'],
  ['Synchronisation', '/sync'],
  ['Fragebogen (IT, alle Fragen)', '/assessment/demo-musterstadt-dep-12-a1'],
]

describe('Layout bei 1366 px und 390 px (KERN)', () => {
  let s: BrowserSession
  beforeAll(async () => {
    s = await openBrowser()
    await loadDemoFromStart(s.page)
  })
  afterAll(async () => {
    await s?.dispose()
  })

  for (const width of [1366, 390]) {
    it(`kein Bildschirm scrollt seitlich bei ${width} px, axe ohne Verstöße`, async () => {
      const { page } = s
      await page.setViewportSize({ width, height: 900 })
      const overflowing: string[] = []
      for (const [name, route] of ROUTES) {
        await gotoApp(page, route)
        await page.locator('main h1').first().waitFor()
        // Let lazy data and charts settle before measuring.
        await page.waitForLoadState('networkidle')
        await page.waitForTimeout(300)
        const sizes = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }))
        if (sizes.scroll > sizes.inner) overflowing.push(`${name} (${route}): ${sizes.scroll} px > ${sizes.inner} px`)
        await expectNoA11yViolations(page, `${name} bei ${width} px`)
      }
      expect(overflowing).toEqual([])
      s.assertClean()
    }, 300_000) // 19 screens with axe each: slower than the default on a busy 2-core machine
  }

  it('die KERN-Schrift Fira Sans kommt vom eigenen Server', async () => {
    const { page } = s
    await gotoApp(page, '/')
    await page.locator('main h1').first().waitFor()
    const loaded = await page.evaluate(async () => {
      await document.fonts.ready
      return document.fonts.check('600 16px "Fira Sans"') && [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Fira Sans' && f.status === 'loaded')
    })
    expect(loaded).toBe(true)
    const fontRequests = s.requests.filter((r) => r.url.endsWith('.woff2'))
    expect(fontRequests.length).toBeGreaterThan(0)
    expect(s.foreignRequests()).toEqual([])
  })
})
