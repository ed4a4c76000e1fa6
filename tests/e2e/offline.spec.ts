/**
 * Offline: after one online visit the service worker (vite-plugin-pwa, generateSW) serves the app
 * shell, lazy route chunks and the catalogue from its precache; data comes from IndexedDB.
 * A control run with a fresh profile shows that the offline emulation really cuts the network.
 */
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { appUrl, assessmentIdFromUrl, baseURL, gotoApp, loadDemoFromStart, openBrowser, type BrowserSession } from './browser'
import { andWaitForSave, istRadio, questionCards, questionnaireLink } from './flows'

/** Waits until a service worker is active and controls the page (reloads once if needed). */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
  })
  const controlled = () => page.evaluate(() => navigator.serviceWorker.controller !== null)
  if (!(await controlled())) {
    await page.reload()
    await page.locator('main h1').first().waitFor()
  }
  await expect.poll(controlled, { timeout: 15_000 }).toBe(true)
}

describe('Offline-Betrieb', () => {
  let session: BrowserSession | undefined
  afterEach(async () => {
    await session?.dispose()
    session = undefined
  })

  it('lädt nach einem Online-Besuch ohne Netz: Startseite, Fragebogen (lazy) und gespeicherte Antworten', async () => {
    session = await openBrowser()
    const { page, context } = session

    // Online: demo, one answer in a questionnaire.
    await loadDemoFromStart(page)
    await questionnaireLink(page, 'Fachbereichsleitung', 'Schule, Kultur und Sport').click()
    await page.getByRole('heading', { level: 1, name: /^Schule, Kultur und Sport:/ }).waitFor()
    const assessmentId = assessmentIdFromUrl(page)
    const card = questionCards(page).nth(0)
    const current = await istGroup0Checked(page)
    const level = current === 3 ? 1 : 3
    await andWaitForSave(page, () => istRadio(card, level).check())
    await waitForServiceWorker(page)

    // Offline: reload the start screen.
    await context.setOffline(true)
    await gotoApp(page, '/')
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Willkommen beim Digitalisierungs-Check' }).waitFor()
    await page.getByRole('heading', { level: 2, name: 'Musterstadt' }).waitFor()
    await page.getByRole('table', { name: 'Fachbereiche und Fortschritt' }).waitFor()
    expect(await page.evaluate(() => navigator.onLine)).toBe(false)

    // The questionnaire's lazy chunk is fetched now, in this offline document, from the precache.
    const chunkResponses: { url: string; fromSW: boolean; status: number }[] = []
    page.on('response', (r) => {
      if (/\/assets\/QuestionnaireView-[^/]+\.js$/.test(r.url())) chunkResponses.push({ url: r.url(), fromSW: r.fromServiceWorker(), status: r.status() })
    })
    await questionnaireLink(page, 'Fachbereichsleitung', 'Schule, Kultur und Sport').click()
    await page.getByRole('heading', { level: 1, name: /^Schule, Kultur und Sport:/ }).waitFor()
    expect(assessmentIdFromUrl(page)).toBe(assessmentId)
    await page.getByRole('heading', { level: 2, name: /Strategie und Steuerung/ }).waitFor()
    expect(await istRadio(questionCards(page).nth(0), level).isChecked()).toBe(true)
    expect(chunkResponses.length, 'Fragebogen-Chunk wurde offline geladen').toBeGreaterThan(0)
    expect(chunkResponses.every((r) => r.fromSW && r.status === 200), JSON.stringify(chunkResponses)).toBe(true)

    // A full offline navigation straight to the questionnaire address works too.
    await page.goto(appUrl(`/assessment/${assessmentId}`))
    await page.getByRole('heading', { level: 1, name: /^Schule, Kultur und Sport:/ }).waitFor()
    expect(await istRadio(questionCards(page).nth(0), level).isChecked()).toBe(true)

    session.assertClean()
  })

  it('erste Sitzung: nach der Meldung „ohne Netzwerk verfügbar“ öffnen sich Seiten ohne Neuladen auch offline', async () => {
    session = await openBrowser()
    const { page, context } = session
    await gotoApp(page, '/')
    await page.getByRole('status').filter({ hasText: 'Die Anwendung ist jetzt auch ohne Netzwerk verfügbar.' }).waitFor()
    // The worker must control this very page (clientsClaim), not only the next one.
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
    await context.setOffline(true)
    await page.getByRole('link', { name: 'Kommune anlegen' }).click()
    await page.getByRole('heading', { level: 1, name: 'Einrichtung' }).waitFor()
    await page.getByLabel('Name der Kommune').waitFor()
    session.assertClean()
  })

  it('Gegenprobe: ohne vorherigen Besuch schlägt der Offline-Aufruf fehl', async () => {
    session = await openBrowser()
    await session.context.setOffline(true)
    const error = await session.page.goto(baseURL()).then(
      () => null,
      (e: Error) => e,
    )
    expect(error?.message).toMatch(/ERR_INTERNET_DISCONNECTED/)
    expect(await session.page.getByRole('heading', { name: 'Willkommen beim Digitalisierungs-Check' }).count()).toBe(0)
  })
})

/** The Ist level chosen in the first question card of the screen (null if none). */
async function istGroup0Checked(page: Page): Promise<number | null> {
  const card = questionCards(page).nth(0)
  for (let l = 0; l <= 4; l++) if (await istRadio(card, l).isChecked()) return l
  return null
}
