/**
 * Public-sector pages: the accessibility statement follows the EU model statement (Implementing
 * Decision (EU) 2018/1523: compliance status, non-accessible content with reasons and alternatives,
 * method and date, feedback contact, enforcement procedure) with the operator's details from
 * operator.json, or a clear placeholder without them; the start page links a page in Leichte Sprache.
 * axe finds nothing on either page at 1366 and 390 px.
 */
import type { Page, Route } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoA11yViolations, gotoApp, openBrowser, type BrowserSession } from './browser'

/** The operator file of a (fictitious) Kommune in Nordrhein-Westfalen. */
const OPERATOR = {
  organisation: 'Stadt Musterstadt',
  appUrl: 'https://intranet.musterstadt.example/digitalcheck/',
  legalBasis: 'BGG NRW und BITVNRW',
  contact: {
    name: 'Stabsstelle Digitalisierung',
    email: 'barrierefreiheit@musterstadt.example',
    phone: '+49 2389 123-456',
    address: 'Rathausplatz 1, 59368 Musterstadt',
  },
  enforcement: {
    name: 'Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen',
    url: 'https://ombudsstelle.example/',
  },
  statement: { assessedOn: '2027-01-15', reviewedOn: '2027-01-20' },
}

const PLACEHOLDER = 'Kontakt wird vom Betreiber eingetragen'

/** Serves operator.json (any query) with the given body and status for this page. */
async function serveOperatorFile(page: Page, body: string | null, status = 200): Promise<void> {
  await page.unroute('**/operator.json*')
  if (body === null) return
  await page.route('**/operator.json*', (route: Route) => route.fulfill({ status, contentType: 'application/json', body }))
}

/** Opens the statement and waits until the operator details (or the placeholder) are there. */
async function openStatement(page: Page): Promise<void> {
  await gotoApp(page, '/accessibility')
  await page.getByRole('heading', { level: 1, name: 'Erklärung zur Barrierefreiheit' }).waitFor()
  await page.getByTestId('feedback-contact').waitFor()
}

describe('Erklärung zur Barrierefreiheit und Leichte Sprache', () => {
  let s: BrowserSession
  beforeAll(async () => {
    s = await openBrowser()
  })
  afterAll(async () => {
    await s?.dispose()
  })

  it('die Erklärung folgt dem EU-Muster und zeigt die Angaben aus operator.json', async () => {
    const { page } = s
    await serveOperatorFile(page, JSON.stringify(OPERATOR))
    await openStatement(page)
    const main = page.getByRole('main')

    await expect.poll(() => main.textContent()).toContain('Stadt Musterstadt ist bemüht')
    await expect.poll(() => main.textContent()).toContain('https://intranet.musterstadt.example/digitalcheck/')
    await expect.poll(() => main.textContent()).toContain('BGG NRW und BITVNRW')

    // Compliance status
    const status = page.getByRole('region', { name: 'Stand der Vereinbarkeit mit den Anforderungen' })
    expect(await status.textContent()).toMatch(/teilweise vereinbar/)

    // Non-accessible content: each with a reason and an alternative
    const parts = page.getByRole('region', { name: 'Nicht barrierefreie Inhalte' })
    const items = parts.getByRole('listitem')
    expect(await items.count()).toBeGreaterThanOrEqual(4)
    const text = (await parts.textContent()) ?? ''
    for (const part of ['Diagramme', 'PDF', 'Gebärdensprache', 'Leichter Sprache']) expect(text).toContain(part)
    expect(text.match(/Grund:/g)?.length).toBe(await items.count())
    expect(text.match(/Alternative:/g)?.length).toBe(await items.count())

    // Method and dates: the operator's dates override the shipped ones
    const made = page.getByRole('region', { name: 'Erstellung dieser Erklärung' })
    const madeText = (await made.textContent()) ?? ''
    expect(madeText).toContain('Selbstbewertung')
    expect(madeText).toContain('axe')
    expect(madeText).toContain('15.01.2027')
    expect(madeText).toContain('20.01.2027')
    expect(madeText).toContain('21.11.2026')

    // Feedback contact of the Kommune
    const contact = page.getByTestId('feedback-contact')
    expect(await contact.textContent()).toContain('Stabsstelle Digitalisierung')
    expect(await contact.textContent()).toContain('Rathausplatz 1, 59368 Musterstadt')
    expect(await contact.getByRole('link', { name: 'barrierefreiheit@musterstadt.example' }).getAttribute('href')).toBe('mailto:barrierefreiheit@musterstadt.example')
    expect(await contact.getByRole('link', { name: '+49 2389 123-456' }).getAttribute('href')).toBe('tel:+492389123456')
    expect(await contact.textContent()).not.toContain(PLACEHOLDER)

    // Enforcement: the Land's body from the file, and the federal Schlichtungsstelle (§ 16 BGG)
    const enforcement = page.getByRole('region', { name: 'Durchsetzungsverfahren und Schlichtung' })
    const land = enforcement.getByRole('link', { name: OPERATOR.enforcement.name })
    expect(await land.getAttribute('href')).toBe('https://ombudsstelle.example/')
    expect(await enforcement.getByRole('link', { name: 'www.schlichtungsstelle-bgg.de' }).getAttribute('href')).toBe('https://www.schlichtungsstelle-bgg.de')
    expect(await enforcement.textContent()).toContain('§ 16')
    s.assertClean()
  })

  it('ohne, mit leerer oder mit kaputter operator.json: Platzhalter statt Kontakt, kein Absturz', async () => {
    const { page } = s
    // The template shipped in the build (empty fields)
    await serveOperatorFile(page, null)
    await openStatement(page)
    expect(await page.getByTestId('feedback-contact').textContent()).toContain(PLACEHOLDER)

    for (const [body, status] of [
      ['nicht gefunden', 404],
      ['{ "organisation": "Stadt Musterstadt", ', 200],
      ['<!doctype html><title>index</title>', 200],
      [JSON.stringify({ contact: { email: 'kein-mail', url: 'javascript:alert(1)' }, enforcement: 'x', statement: { assessedOn: '2027-02-31' } }), 200],
    ] as const) {
      await serveOperatorFile(page, body, status)
      await openStatement(page) // same address: reloads
      const contact = page.getByTestId('feedback-contact')
      expect(await contact.textContent(), body).toContain(PLACEHOLDER)
      expect(await contact.getByRole('link').count(), body).toBe(0)
      const made = (await page.getByRole('region', { name: 'Erstellung dieser Erklärung' }).textContent()) ?? ''
      expect(made, body).toContain('02.12.2026') // the shipped assessment date
      const enforcement = page.getByRole('region', { name: 'Durchsetzungsverfahren und Schlichtung' })
      expect(await enforcement.textContent(), body).toContain('wird vom Betreiber eingetragen')
      expect(await enforcement.getByRole('link', { name: 'www.schlichtungsstelle-bgg.de' }).count(), body).toBe(1)
    }
    await serveOperatorFile(page, null)
    // The 404 of the missing file is logged by the browser; nothing else may be.
    s.assertClean({ ignoreConsole: [/operator\.json.*404|404.*operator\.json|status of 404/] })
    s.consoleErrors.length = 0 // checked: the later tests start clean
  })

  it('die Startseite verlinkt die Seite in Leichter Sprache, die Seite ist ausgezeichnet und erklärt den Check', async () => {
    const { page } = s
    await gotoApp(page, '/')
    const link = page.getByRole('main').getByRole('link', { name: 'Leichte Sprache' })
    await link.click()
    const h1 = page.getByRole('heading', { level: 1 })
    await page.getByRole('heading', { level: 1, name: 'Der Digitalisierungs-Check in Leichter Sprache' }).waitFor()
    expect(await page.locator('main [lang="de"]').count()).toBeGreaterThan(0)
    await expect.poll(() => page.title()).toMatch(/^Leichte Sprache/)
    const text = (await page.getByRole('main').textContent()) ?? ''
    for (const words of ['Was ist der Digitalisierungs-Check?', 'Wer füllt den Check aus?', 'Ist bedeutet', 'Bedarf bedeutet', 'Potenzial bedeutet', 'Das Programm speichert jede Antwort sofort.', 'Hier bekommen Sie Hilfe', 'Barriere-Freiheit']) {
      expect(text).toContain(words)
    }
    expect(await page.getByRole('main').getByRole('heading', { level: 2 }).count()).toBeGreaterThanOrEqual(6)
    // The help section names the operator's contact, or says that the Kommune fills it in
    expect(await page.getByTestId('easy-contact').textContent()).toContain('Die Kontakt-Daten trägt Ihre Kommune hier bald ein.')
    // … and links the full statement
    await page.getByRole('main').getByRole('link', { name: 'Erklärung zur Barriere-Freiheit' }).click()
    await page.getByRole('heading', { level: 1, name: 'Erklärung zur Barrierefreiheit' }).waitFor()
    await page.getByRole('main').getByRole('link', { name: 'Die wichtigsten Inhalte dieser Erklärung in Leichter Sprache' }).click()
    await page.getByRole('heading', { level: 1, name: 'Der Digitalisierungs-Check in Leichter Sprache' }).waitFor()
    expect(await h1.count()).toBe(1)
    // Reachable from every page, too (footer)
    expect(await page.getByRole('contentinfo').getByRole('link', { name: 'Leichte Sprache' }).count()).toBe(1)
    s.assertClean()
  })

  it('offline: die Erklärung und die Seite in Leichter Sprache öffnen sich aus dem Cache, ohne Fehler', async () => {
    const { page, context } = s
    await serveOperatorFile(page, null)
    await gotoApp(page, '/')
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
    if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await gotoApp(page, '/') // same address: reloads
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 15_000 }).toBe(true)
    await context.setOffline(true)
    try {
      await openStatement(page)
      expect(await page.getByTestId('feedback-contact').textContent()).toContain(PLACEHOLDER)
      await gotoApp(page, '/leichte-sprache')
      await page.getByTestId('easy-contact').waitFor()
    } finally {
      await context.setOffline(false)
    }
    s.assertClean()
  })

  for (const width of [1366, 390]) {
    it(`axe ohne Verstöße auf beiden Seiten bei ${width} px, kein seitliches Scrollen`, async () => {
      const { page } = s
      await page.setViewportSize({ width, height: 900 })
      await serveOperatorFile(page, JSON.stringify(OPERATOR))
      await openStatement(page)
      await expectNoA11yViolations(page, `Erklärung zur Barrierefreiheit bei ${width} px`)
      const wide = () => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)
      expect(await wide()).toBe(false)
      await serveOperatorFile(page, null)
      await openStatement(page) // same address: reloads
      await expectNoA11yViolations(page, `Erklärung zur Barrierefreiheit (Platzhalter) bei ${width} px`)
      await gotoApp(page, '/leichte-sprache')
      await expectNoA11yViolations(page, `Leichte Sprache bei ${width} px`)
      expect(await wide()).toBe(false)
      s.assertClean()
    })
  }
})
