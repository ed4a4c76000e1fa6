/**
 * Privacy: during a whole session – start, demo, questionnaire, results, every screen of the
 * navigation, settings – no request leaves 127.0.0.1 (pages and service worker alike, recorded with
 * context.on('request')), no cookies are set and the console stays free of errors.
 */
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { gotoApp, isLocalUrl, loadDemoFromStart, openBrowser, waitForStableScreen, type BrowserSession } from './browser'
import { andWaitForSave, istRadio, questionCards, questionnaireLink } from './flows'

const DEPT = 'Jugend, Familie und Soziales'

/** Route paths (hash) of all links in the main and footer navigation. */
async function navRoutes(page: Page): Promise<string[]> {
  const hrefs = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement>('header nav a[href], footer nav a[href]')].map((a) => a.getAttribute('href') ?? ''),
  )
  return [...new Set(hrefs.map((h) => h.replace(/^.*#/, '')).filter((h) => h.startsWith('/')))]
}

describe('Datenschutz: nichts verlässt das Gerät', () => {
  let s: BrowserSession | undefined
  afterAll(async () => {
    await s?.dispose()
  })

  it('eine ganze Sitzung ohne Anfrage an fremde Hosts und ohne Konsolenfehler', async () => {
    s = await openBrowser()
    const { page, context } = s

    await loadDemoFromStart(page)

    // Questionnaire: one answer
    await questionnaireLink(page, 'Amtsleitung', DEPT).click()
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${DEPT}:`) }).waitFor()
    const card = questionCards(page).nth(0)
    const level = (await istRadio(card, 2).isChecked()) ? 3 : 2
    await andWaitForSave(page, () => istRadio(card, level).check())

    // Department result
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Start' }).click()
    await page.getByRole('link', { name: `Ergebnis – ${DEPT}` }).click()
    await page.getByRole('heading', { level: 1, name: `Ergebnis: ${DEPT}` }).waitFor()

    // Every screen reachable from the navigation (results, settings, …)
    const routes = await navRoutes(page)
    expect(routes).toEqual(expect.arrayContaining(['/', '/setup', '/settings', '/privacy']))
    for (const route of routes) {
      await gotoApp(page, route)
      await waitForStableScreen(page) // lazy charts and their chunks included
    }
    await gotoApp(page, '/settings')
    await page.getByTestId('persist-state').waitFor()

    // Let the service worker finish whatever it fetches (precache) and look at everything recorded.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
    await page.waitForLoadState('networkidle')

    expect(s.requests.length).toBeGreaterThan(10)
    const fromWorker = s.requests.filter((r) => r.fromServiceWorker)
    expect(fromWorker.length, 'Anfragen des Service Workers werden mitgeschnitten').toBeGreaterThan(0)
    expect(fromWorker.every((r) => isLocalUrl(r.url))).toBe(true)
    expect(await context.cookies()).toEqual([])
    s.assertClean()
  })

  it('Gegenprobe: eine Anfrage an einen fremden Host würde erkannt', async () => {
    const probe = await openBrowser()
    try {
      // about:blank has no CSP of the app; 192.0.2.1 is a documentation address (TEST-NET-1).
      await probe.page.goto('about:blank')
      await probe.page.evaluate(() => fetch('http://192.0.2.1:9/probe', { signal: AbortSignal.timeout(500) }).catch(() => undefined))
      expect(probe.foreignRequests().map((r) => r.url)).toEqual(['http://192.0.2.1:9/probe'])
      expect(() => probe.assertClean()).toThrow(/fremden Host/)
    } finally {
      await probe.dispose()
    }
  })
})
