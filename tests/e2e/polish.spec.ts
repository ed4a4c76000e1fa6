/**
 * Polish (issue "Hardening and polish" #8, #9, #13, #17) in the production build: a compact header
 * on a phone with the navigation behind a "Menü" disclosure; the language switch in the header; the
 * questionnaire's step bar in one row that never covers the focused element; the demo on a real
 * municipality only after a confirmation; units and distinct names on screen; axe clean at 1366 and
 * 390 px on start, questionnaire and Methode.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dumpIndexedDb, expectNoA11yViolations, gotoApp, loadDemoFromStart, openBrowser, type BrowserSession } from './browser'

/** The IT department's questionnaire of the demo: every item, several dimensions. */
const QUESTIONNAIRE = '/assessment/demo-musterstadt-dep-12-a1'
/** Finanzen's questionnaire, still in progress with open questions: the bar's widest form. */
const IN_PROGRESS = '/assessment/demo-musterstadt-dep-20-a1'

const header = (page: Page) => page.getByRole('banner')
const menuButton = (page: Page) => header(page).getByRole('button', { name: /^Menü/ })
const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Hauptnavigation' })
const stepBar = (page: Page) => page.getByRole('navigation', { name: 'Blättern und Abschließen' })

async function heightOf(page: Page, selector: 'header' | 'bar'): Promise<number> {
  const box = await (selector === 'header' ? header(page) : stepBar(page)).boundingBox()
  if (!box) throw new Error(`${selector} nicht sichtbar`)
  return box.height
}

const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)

/** Waits until the page stops scrolling (KERN scrolls smoothly, also when the focus moves). */
const scrollSettled = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let last = -1
        let same = 0
        const tick = (): void => {
          same = window.scrollY === last ? same + 1 : 0
          last = window.scrollY
          if (same >= 3) resolve()
          else requestAnimationFrame(tick)
        }
        requestAnimationFrame(tick)
      }),
  )

describe('Feinschliff im echten Browser', () => {
  let s: BrowserSession
  beforeAll(async () => {
    s = await openBrowser()
    await loadDemoFromStart(s.page)
  })
  afterAll(async () => {
    await s?.dispose()
  })

  it('bei 390 px ist die Kopfzeile höchstens 80 px hoch; die Navigation liegt hinter „Menü“ (Tastatur, Escape)', async () => {
    const { page } = s
    await page.setViewportSize({ width: 390, height: 844 })
    await gotoApp(page, '/')
    const before = await heightOf(page, 'header')
    expect(before, `Kopfzeile ${before} px`).toBeLessThanOrEqual(80)
    expect(await scrollsSideways(page)).toBe(false)

    const button = menuButton(page)
    expect(await button.getAttribute('aria-expanded')).toBe('false')
    expect(await mainNav(page).isVisible()).toBe(false)
    // Open with the keyboard: the menu follows the button, Tab goes into it.
    await button.focus()
    await page.keyboard.press('Enter')
    expect(await button.getAttribute('aria-expanded')).toBe('true')
    const controls = await button.getAttribute('aria-controls')
    expect(controls).toBeTruthy()
    expect(await page.locator(`#${controls}`).isVisible()).toBe(true)
    await mainNav(page).getByRole('link', { name: 'Ergebnisse' }).waitFor()
    expect(await scrollsSideways(page)).toBe(false)
    await page.keyboard.press('Tab')
    expect(await page.evaluate((id) => document.getElementById(id)?.contains(document.activeElement) ?? false, controls!)).toBe(true)
    // Escape closes it and gives the focus back to the button.
    await page.keyboard.press('Escape')
    expect(await button.getAttribute('aria-expanded')).toBe('false')
    expect(await mainNav(page).isVisible()).toBe(false)
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true)
    // A chosen link navigates and closes the menu.
    await button.click()
    await mainNav(page).getByRole('link', { name: 'Ergebnisse' }).click()
    await page.getByRole('heading', { level: 1, name: /^Ergebnis der Kommune/ }).waitFor()
    expect(await button.getAttribute('aria-expanded')).toBe('false')
    expect(await heightOf(page, 'header')).toBeLessThanOrEqual(80)
    console.info(`Kopfzeile bei 390 px: ${before} px`)
  })

  it('bei 1366 px steht die Navigation offen in der Kopfzeile, ohne Menü-Knopf', async () => {
    const { page } = s
    await page.setViewportSize({ width: 1366, height: 900 })
    await gotoApp(page, '/')
    expect(await mainNav(page).getByRole('link', { name: 'Maßnahmen' }).isVisible()).toBe(true)
    expect(await menuButton(page).isVisible()).toBe(false)
    expect(await page.getByLabel('Kommune wählen').isVisible()).toBe(true)
    console.info(`Kopfzeile bei 1366 px: ${await heightOf(page, 'header')} px`)
  })

  for (const width of [390, 700, 1366]) {
    it(`die Leiste des Fragebogens bei ${width} px: eine Zeile (≤ 64 px), bleibt unten sichtbar und verdeckt kein fokussiertes Element`, async () => {
      const { page } = s
      await page.setViewportSize({ width, height: 800 })
      // From another screen: the questionnaire keeps its step in the address (?d=…).
      await gotoApp(page, '/')
      await gotoApp(page, IN_PROGRESS)
      await stepBar(page).waitFor()
      const height = await heightOf(page, 'bar')
      console.info(`Leiste bei ${width} px: ${height} px`)
      expect(height, `Leiste ${height} px`).toBeLessThanOrEqual(64)
      expect(await scrollsSideways(page)).toBe(false)
      // Its buttons have names (also where they show only an arrow).
      for (const name of ['Vorige Dimension', 'Nächste Dimension', 'Zur ersten offenen Frage', 'Fragebogen abschließen']) expect(await stepBar(page).getByRole('button', { name }).count(), name).toBe(1)

      // It sticks to the bottom of the window while the questions scroll behind it.
      await page.evaluate(() => window.scrollTo(0, 0))
      const stuck = await stepBar(page).evaluate((el) => Math.round(el.getBoundingClientRect().bottom) === window.innerHeight)
      expect(stuck).toBe(true)

      // Walk through the first questions with Tab: no focused element lies under the bar (WCAG 2.4.11).
      await page.getByRole('main').getByRole('article').first().getByRole('radio').first().focus()
      const covered: string[] = []
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab')
        await scrollSettled(page)
        const hit = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null
          const bar = document.querySelector('nav[aria-label="Blättern und Abschließen"]')
          if (!el || !bar || bar.contains(el) || !el.closest('main')) return null
          const a = el.getBoundingClientRect()
          const b = bar.getBoundingClientRect()
          const overlaps = a.bottom > b.top + 1 && a.top < b.bottom - 1 && a.height > 0
          return overlaps ? `${el.tagName.toLowerCase()} ${el.getAttribute('name') ?? el.id} (${Math.round(a.top)}–${Math.round(a.bottom)} unter der Leiste ${Math.round(b.top)}–${Math.round(b.bottom)})` : null
        })
        if (hit) covered.push(hit)
      }
      expect(covered).toEqual([])
    })
  }

  it('die Sprache lässt sich in der Kopfzeile wechseln: <html lang>, bleibt nach dem Neuladen, wie unter Einstellungen', async () => {
    const { page } = s
    await page.setViewportSize({ width: 1366, height: 900 })
    await gotoApp(page, '/')
    await header(page).getByRole('button', { name: /English/ }).click()
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en')
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Results' }).waitFor()
    await page.reload()
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Results' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    await gotoApp(page, '/settings')
    expect(await page.getByRole('radio', { name: 'English' }).isChecked()).toBe(true)

    // On a phone the switch is in the menu.
    await page.setViewportSize({ width: 390, height: 844 })
    await header(page).getByRole('button', { name: /^Menu/ }).click()
    await header(page).getByRole('button', { name: /Deutsch/ }).click()
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('de')
    expect(await page.getByRole('radio', { name: 'Deutsch' }).isChecked()).toBe(true)
    await page.reload()
    await menuButton(page).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de')
    await page.setViewportSize({ width: 1366, height: 900 })
  })

  for (const width of [1366, 390]) {
    it(`axe ohne Verstöße bei ${width} px auf Start, Fragebogen und Methode (bei 390 px auch mit offenem Menü)`, async () => {
      const { page } = s
      await page.setViewportSize({ width, height: 900 })
      for (const [name, route] of [['Start', '/'], ['Fragebogen', QUESTIONNAIRE], ['Methode', '/method']] as const) {
        await gotoApp(page, route)
        await expectNoA11yViolations(page, `${name} bei ${width} px`)
        expect(await scrollsSideways(page), name).toBe(false)
      }
      if (width === 390) {
        await menuButton(page).click()
        await mainNav(page).getByRole('link', { name: 'Ergebnisse' }).waitFor()
        await expectNoA11yViolations(page, 'offenes Menü bei 390 px')
        await page.keyboard.press('Escape')
      }
      s.assertClean()
    }, 120_000)
  }

  it('Methode: kein Verweis auf docs/scoring.md; „Wirkung“ (1–5) und „Lückensumme“ sind getrennt benannt; die Formeln stehen auf der Seite', async () => {
    const { page } = s
    await page.setViewportSize({ width: 1366, height: 900 })
    await gotoApp(page, '/method')
    await page.getByText('Methode 1.0 (Erhebungsrunden mit Katalog 1.0.0)').click()
    const text = (await page.getByRole('main').textContent()) ?? ''
    expect(text).not.toContain('docs/scoring.md')
    expect(text).not.toMatch(/\bNutzen\b/)
    expect(text).toContain('Lückensumme × Wirkung ÷ Aufwand')
    await page.getByRole('heading', { level: 2, name: 'Formeln auf einen Blick' }).waitFor()
    expect(text).toContain('Priorität = Wert × Wirkung × Dringlichkeit ÷ Personentage')
  })

  it('Maßnahmen: die Katalogwirkung heißt „Wirkung“ mit ihrer Skala, nicht „Nutzen“', async () => {
    const { page } = s
    await gotoApp(page, '/recommendations')
    await page.getByRole('heading', { level: 2, name: 'Wirkungs-Aufwand-Matrix' }).waitFor()
    const text = (await page.getByRole('main').textContent()) ?? ''
    expect(text).not.toMatch(/\bNutzen\b/)
    expect(text).toContain('× Wirkung (1–5) ×')
    expect(await page.getByRole('columnheader', { name: 'Wirkung', exact: true }).count()).toBe(1)
    // Each measure shows its Wirkung on the scale of 5.
    expect(text).toMatch(/Wirkung\s*[1-5] \/ 5/)
  })

  it('Roadmap nach Methode 1.0: die Auslastung nennt ihre Einheit; Einrichtung: große Zahlen mit Tausenderpunkt', async () => {
    const { page } = s
    await gotoApp(page, '/roadmap')
    const picker = page.getByLabel('Erhebungsrunde')
    // The picker's options come from a live query: wait for both rounds before choosing one.
    await expect.poll(() => picker.locator('option').count()).toBe(2)
    const earlier = (await picker.locator('option').allTextContents()).find((o) => o.includes(String(new Date().getFullYear() - 2)))
    expect(earlier).toBeDefined()
    await picker.selectOption({ label: earlier! })
    const year1 = page.getByRole('heading', { level: 3, name: /^Jahr 1/ })
    await year1.waitFor()
    expect(((await year1.textContent()) ?? '').replace(/\s+/g, ' ')).toMatch(/Jahr 1 · Auslastung: \d+(,\d+)? Aufwandspunkte$/)
    await picker.selectOption({ index: 0 })

    await gotoApp(page, '/setup')
    const orgSection = page.getByRole('region', { name: 'Kommune' })
    expect(((await orgSection.textContent()) ?? '').replace(/\s+/g, ' ')).toContain('Einwohnerzahl: 48.300 · Beschäftigte der Verwaltung: 612')
  })
})

describe('Demo auf einer echten Kommune', () => {
  let s: BrowserSession
  beforeAll(async () => {
    s = await openBrowser()
  })
  afterAll(async () => {
    await s?.dispose()
  })

  it('fragt vor dem Laden nach, sagt was passiert und lässt die Daten der Kommune unverändert', async () => {
    const { page } = s
    await gotoApp(page, '/setup?new=1')
    await page.getByLabel('Name der Kommune').fill('Testhausen')
    await page.getByRole('button', { name: 'Speichern' }).click()
    await page.getByRole('region', { name: 'Kommune' }).getByText('Testhausen').waitFor()
    await gotoApp(page, '/')
    await page.getByRole('heading', { level: 2, name: 'Testhausen' }).waitFor()
    const before = await dumpIndexedDb(page)

    const demoButton = page.getByRole('button', { name: 'Demo „Musterstadt“ laden' })
    await demoButton.click()
    const dialog = page.getByRole('dialog', { name: 'Demo-Kommune „Musterstadt“ hinzufügen?' })
    await dialog.waitFor()
    const said = ((await dialog.textContent()) ?? '').replace(/\s+/g, ' ')
    expect(said).toContain('„Musterstadt“')
    expect(said).toContain('„Testhausen“')
    expect(said).toMatch(/bleiben unverändert/)
    await expectNoA11yViolations(page, 'Demo-Dialog')
    // Cancel: nothing happens.
    await dialog.getByRole('button', { name: 'Abbrechen' }).click()
    await dialog.waitFor({ state: 'hidden' })
    expect(await page.getByRole('heading', { level: 2, name: 'Testhausen' }).count()).toBe(1)
    expect((await dumpIndexedDb(page)).organisations).toEqual(before.organisations)

    // Confirm: Musterstadt is added beside Testhausen, which stays as it was.
    await demoButton.click()
    await dialog.getByRole('button', { name: 'Demo hinzufügen' }).click()
    await page.getByRole('status').filter({ hasText: 'Die Demo-Kommune „Musterstadt“ wurde geladen.' }).waitFor()
    await page.getByRole('heading', { level: 2, name: 'Musterstadt' }).waitFor()
    // The button is gone with the demo open; the focus is in the main region, not lost.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')
    const after = await dumpIndexedDb(page)
    const testhausen = (before.organisations as { name: string }[]).find((o) => o.name === 'Testhausen')
    expect(after.organisations).toContainEqual(testhausen)
    expect(await page.getByLabel('Kommune wählen').locator('option').allTextContents()).toEqual(expect.arrayContaining(['Testhausen', 'Musterstadt']))
    s.assertClean()
  })
})
