/**
 * Issue 13, a long model in a real browser: a catalogue of 20 dimensions with long titles (and
 * short titles) is imported as a JSON file, a round is created on it and a few items answered. At
 * 1366 px and 390 px the questionnaire starts at dimension 1, the dashboard's chart tables list all
 * 20 dimensions with their full titles and the charts grow with them, the printed report's heatmap
 * is split into two tables ("Teil 1 von 2") whose headers never break a word and which fit the
 * page; axe finds nothing on the dashboard and the questionnaire.
 * Set E2E_SHOTS=<folder> to keep screenshots and the printed PDF for a look.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dumpIndexedDb, expectNoA11yViolations, gotoApp, openBrowser, waitForStableScreen, type BrowserSession } from './browser'
import { andWaitForSave, beginQuestionnaire, brokenHeaderWords, istRadio, questionCards, setUpOwnCatalogue, tableRows } from './flows'
import { pdfPagesText, printToPdf } from './pdf'
import { largeCatalog, largeDimensionShortTitle, largeDimensionTitle } from '../fixtures/large-catalog'

const CATALOG = largeCatalog(20, 15)
const TITLES = CATALOG.dimensions.map((d) => d.title.de!)
const SHOTS = process.env.E2E_SHOTS
const DEPARTMENT = 'Bürgeramt'
const ROUND = 'Langer Check 2026'

/** A screenshot of the viewport, or of one element, when E2E_SHOTS names a folder. */
async function shot(page: Page, name: string, selector?: string): Promise<void> {
  if (!SHOTS) return
  mkdirSync(SHOTS, { recursive: true })
  const file = path.join(SHOTS, `${name}.png`)
  if (selector) await page.locator(selector).first().screenshot({ path: file })
  else await page.screenshot({ path: file })
}

describe('Langes Modell (20 Dimensionen, lange Titel)', () => {
  let s: BrowserSession
  let questionnaireUrl = ''
  beforeAll(async () => {
    s = await openBrowser()
    const { page } = s
    await page.setViewportSize({ width: 1366, height: 900 })

    await setUpOwnCatalogue(page, {
      organisation: 'Langhausen',
      file: { name: 'langer-katalog.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(CATALOG), 'utf8') },
      department: DEPARTMENT,
      code: '32',
      round: ROUND,
      catalogLabel: 'Großer Testkatalog mit langen Titeln, Version 1.0.0 (importiert)',
    })
    await beginQuestionnaire(page, DEPARTMENT, 'Amtsleitung', ROUND)
    questionnaireUrl = page.url()

    // A few answers in the first dimension.
    const cards = questionCards(page)
    for (const [i, level] of [[0, 1], [1, 3], [2, 4]] as const) {
      await andWaitForSave(page, () => istRadio(cards.nth(i), level).check())
    }
  })
  afterAll(async () => {
    await s?.dispose()
  })

  it.each([1366, 390])('Fragebogen bei %i px: beginnt bei Dimension 1, Stepper mit Kurztiteln, ohne axe-Verstoß', async (width) => {
    const { page } = s
    await page.setViewportSize({ width, height: 900 })
    await page.goto(questionnaireUrl)
    const heading = page.getByRole('heading', { level: 2, name: new RegExp(TITLES[0]!.replace(/[()]/g, '.')) })
    await heading.waitFor()
    expect(((await heading.textContent()) ?? '').replace(/\s+/g, ' ')).toContain('Dimension 1 von 20')
    // All 15 questions of dimension 1 (one of them listed last in the file), numbered 1 … 15.
    const cards = questionCards(page)
    expect(await cards.count()).toBe(15)
    expect(((await cards.first().textContent()) ?? '').replace(/\s+/g, ' ')).toContain('Frage 1 von 300')
    expect(((await cards.last().textContent()) ?? '').replace(/\s+/g, ' ')).toContain('Frage 15 von 300')
    expect((await cards.last().getByRole('heading', { level: 3 }).textContent())?.trim()).toMatch(/^Frage 15 zu „Steuerung“ \(Dimension 1\)/)
    const steps = page.getByRole('navigation', { name: 'Dimensionen' }).getByRole('button')
    expect(await steps.count()).toBe(20)
    expect((await steps.first().locator('.title').textContent())?.trim()).toBe(largeDimensionShortTitle(0))
    // No sideways scrolling of the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    await shot(page, `questionnaire-stepper-${width}`, 'nav.stepper')
    await expectNoA11yViolations(page, `Fragebogen (${width} px)`)
  })

  it.each([1366, 390])('Dashboard bei %i px: die Tabellen neben den Diagrammen nennen alle 20 Dimensionen', async (width) => {
    const { page } = s
    await page.setViewportSize({ width, height: 900 })
    await gotoApp(page, '/dashboard')
    await page.getByTestId('profile-table').waitFor()
    await waitForStableScreen(page)
    expect((await tableRows(page, 'profile-table')).map((r) => r.key)).toEqual(TITLES)
    expect((await tableRows(page, 'distribution')).map((r) => r.key)).toEqual(TITLES)
    // The profile chart grows with the dimensions (34 px a row): room for every label.
    const canvas = page.locator('section[aria-labelledby="profile-h"] canvas')
    await canvas.waitFor()
    expect((await canvas.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(20 * 34)
    // The heatmap scrolls inside its region; the department column stays in view.
    const heatWrap = page.locator('.table-wrap:has([data-testid="heatmap"])')
    const scroll = await heatWrap.evaluate((el) => ({ scrolls: el.scrollWidth > el.clientWidth, sticky: getComputedStyle(el.querySelector('tbody th')!).position }))
    expect(scroll.sticky).toBe('sticky')
    if (width === 390) expect(scroll.scrolls).toBe(true)
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    await shot(page, `dashboard-profile-${width}`, 'section[aria-labelledby="profile-h"]')
    await shot(page, `dashboard-heatmap-${width}`, 'section[aria-labelledby="heat-h"]')
    await shot(page, `dashboard-distribution-${width}`, 'section[aria-labelledby="dist-h"]')
    await expectNoA11yViolations(page, `Dashboard (${width} px)`)
  })

  it('Ergebnis des Fachbereichs: das Netzdiagramm mit Kurztiteln, die Tabelle mit allen vollen Titeln', async () => {
    const { page } = s
    await page.setViewportSize({ width: 1366, height: 900 })
    const db = (await dumpIndexedDb(page)) as Record<string, { id: string; name: string }[]>
    const roundId = db.rounds?.find((r) => r.name === ROUND)?.id
    const departmentId = db.departments?.find((d) => d.name === DEPARTMENT)?.id
    await gotoApp(page, `/result/${roundId}/${departmentId}`)
    const canvas = page.locator('main canvas')
    await canvas.first().waitFor()
    await waitForStableScreen(page)
    expect((await tableRows(page, 'dimension-table')).map((r) => r.key)).toEqual(TITLES)
    await shot(page, 'department-radar', 'main canvas')
    await expectNoA11yViolations(page, 'Ergebnis des Fachbereichs')
  })

  it('gedruckter Bericht: die Heatmap in zwei Tabellen („Teil 1 von 2“), Kopfzeilen ohne Worttrennung, in der Seitenbreite', async () => {
    const { page } = s
    await page.setViewportSize({ width: 1366, height: 900 })
    await gotoApp(page, '/report')
    const parts = page.getByTestId('heatmap-part')
    await parts.first().waitFor()
    expect(await parts.count()).toBe(2)
    const captions = (await page.locator('[data-testid="heatmap-part"] caption').allTextContents()).map((c) => c.trim())
    expect(captions).toEqual([expect.stringMatching(/\(Teil 1 von 2\)$/), expect.stringMatching(/\(Teil 2 von 2\)$/)])
    // Short titles head the columns; the department column is in both tables.
    const headers = (await page.locator('[data-testid="heatmap"] thead .dim-label').allTextContents()).map((x) => x.trim())
    expect(headers).toEqual([...CATALOG.dimensions.map((_, i) => largeDimensionShortTitle(i)).slice(0, 10), ...CATALOG.dimensions.map((_, i) => largeDimensionShortTitle(i)).slice(10), 'Gesamt'])
    for (let i = 0; i < 2; i++) expect(await parts.nth(i).locator('tbody th').allTextContents()).toEqual([`32 · ${DEPARTMENT}`])
    expect(await page.getByTestId('dim-legend').textContent()).toContain(`${largeDimensionShortTitle(19)} = ${largeDimensionTitle(19)}`)

    await page.emulateMedia({ media: 'print' })
    try {
      expect(await brokenHeaderWords(page)).toEqual([])
      const fit = await page.evaluate(() => {
        const report = document.querySelector('.report') ?? document.querySelector('main')!
        const limit = report.getBoundingClientRect().width
        return [...document.querySelectorAll('[data-testid="heatmap"]')].map((t) => t.getBoundingClientRect().width <= limit + 1)
      })
      expect(fit).toEqual([true, true])
      await shot(page, 'report-print-heatmap', '.report-heatmap')
    } finally {
      await page.emulateMedia({ media: 'screen' })
    }
    const pdf = await printToPdf(page)
    const heatPage = (await pdfPagesText(pdf)).find((text) => text.includes('(Teil 1 von 2)'))
    expect(heatPage, 'Seite mit der geteilten Heatmap im PDF').toBeDefined()
    expect(heatPage).toContain('(Teil 2 von 2)')
    if (SHOTS) writeFileSync(path.join(SHOTS, 'report.pdf'), pdf)
    s.assertClean()
  })
})
