/**
 * Accessibility: axe-core (WCAG 2.0/2.1 A and AA) on every screen, with the demo municipality
 * "Musterstadt", and a keyboard-only walk from the start screen into a questionnaire.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { a11yViolations, assessmentIdFromUrl, expectNoA11yViolations, gotoApp, loadDemoFromStart, openBrowser, readAssessmentFromIndexedDb, saveCount, waitFor, type BrowserSession } from './browser'
import { openDimension, questionCards, questionnaireLink } from './flows'

const DEPT = 'Bürgerservice und Ordnung'

/** Opens every "Erläuterung" (help) of the question cards on screen. */
async function openAllHelp(page: Page): Promise<void> {
  const cards = questionCards(page)
  const n = await cards.count()
  expect(n).toBeGreaterThan(0)
  for (let i = 0; i < n; i++) {
    const summary = cards.nth(i).getByText('Erläuterung', { exact: true })
    await summary.click()
  }
  expect(await page.locator('main details[open]').count()).toBe(n)
}

describe('Barrierefreiheit (axe, WCAG 2.1 AA)', () => {
  let s: BrowserSession
  beforeAll(async () => {
    s = await openBrowser()
  })
  afterAll(async () => {
    await s?.dispose()
  })

  it('alle Bildschirme ohne axe-Verstöße', async () => {
    const { page } = s
    const footer = page.getByRole('contentinfo')

    // Start, empty
    await gotoApp(page, '/')
    await page.getByRole('heading', { level: 2, name: 'Noch keine Kommune angelegt' }).waitFor()
    await expectNoA11yViolations(page, 'Start (leer)')

    // Start with the demo
    await loadDemoFromStart(page)
    await expectNoA11yViolations(page, 'Start (Demo Musterstadt)')

    // Start: respondent form open
    await page.getByRole('button', { name: `Weitere Person – ${DEPT}` }).click()
    await page.getByLabel('Name oder Funktion').waitFor()
    await expectNoA11yViolations(page, 'Start (Formular „Weitere Person“)')
    await page.getByRole('button', { name: 'Abbrechen' }).click()

    // Einrichtung with department and round forms open
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Einrichtung' }).click()
    await page.getByRole('heading', { level: 1, name: 'Einrichtung' }).waitFor()
    await page.getByRole('cell', { name: new RegExp(`^${DEPT}`) }).first().waitFor()
    await expectNoA11yViolations(page, 'Einrichtung')
    await page.getByRole('button', { name: 'Fachbereich hinzufügen' }).click()
    await page.getByRole('button', { name: 'Erhebungsrunde hinzufügen' }).click()
    await page.getByRole('heading', { level: 3, name: 'Erhebungsrunde hinzufügen' }).waitFor()
    await page.getByRole('group', { name: 'Zielstufen je Dimension' }).waitFor()
    await expectNoA11yViolations(page, 'Einrichtung (Formulare Fachbereich und Erhebungsrunde)')
    // … with validation errors shown
    const deptSection = page.getByRole('region', { name: 'Fachbereiche' })
    await deptSection.getByRole('button', { name: 'Speichern' }).click()
    await deptSection.getByText('Bitte geben Sie einen Namen an.').waitFor()
    await expectNoA11yViolations(page, 'Einrichtung (Fehlermeldungen im Formular)')
    await deptSection.getByRole('button', { name: 'Abbrechen' }).click()
    await page.getByRole('region', { name: 'Erhebungsrunden' }).getByRole('button', { name: 'Abbrechen' }).click()
    // … edit form of the municipality and the delete confirmation dialog (cancelled)
    await page.getByRole('button', { name: 'Kommune bearbeiten' }).click()
    await page.getByLabel('Name der Kommune').waitFor()
    await expectNoA11yViolations(page, 'Einrichtung (Kommune bearbeiten)')
    await page.getByRole('region', { name: 'Kommune' }).getByRole('button', { name: 'Abbrechen' }).click()
    await page.getByRole('button', { name: 'Kommune löschen' }).click()
    const dialog = page.getByRole('dialog', { name: 'Kommune löschen' })
    await dialog.waitFor()
    await expectNoA11yViolations(page, 'Einrichtung (Löschdialog)')
    await dialog.getByRole('button', { name: 'Abbrechen' }).click()
    await dialog.waitFor({ state: 'hidden' })

    // Questionnaire: first dimension and another one, help texts open
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Start' }).click()
    await questionnaireLink(page, 'Amtsleitung', DEPT).click()
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${DEPT}:`) }).waitFor()
    await openDimension(page, 'Strategie und Steuerung')
    await openAllHelp(page)
    await expectNoA11yViolations(page, 'Fragebogen (Strategie und Steuerung, Erläuterungen offen)')
    await openDimension(page, 'Informationssicherheit und Datenschutz')
    await openAllHelp(page)
    await expectNoA11yViolations(page, 'Fragebogen (Informationssicherheit und Datenschutz, Erläuterungen offen)')
    // a "Nicht zutreffend" answer hides the scales; the submit dialog
    await page.getByRole('button', { name: 'Fragebogen abschließen' }).click()
    const submitDialog = page.getByRole('dialog', { name: 'Fragebogen abschließen' })
    if (await submitDialog.isVisible()) {
      await expectNoA11yViolations(page, 'Fragebogen (Dialog „abschließen“)')
      await submitDialog.getByRole('button', { name: 'Abbrechen' }).click()
    }

    // Department result
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Start' }).click()
    await page.getByRole('link', { name: `Ergebnis – ${DEPT}` }).click()
    await page.getByRole('heading', { level: 1, name: `Ergebnis: ${DEPT}` }).waitFor()
    await page.getByRole('table').first().waitFor()
    // the radar chart (Chart.js, lazy) is a labelled image with a table of the same values
    await page.getByRole('img', { name: /^Netzdiagramm: Reifegrad von Bürgerservice und Ordnung/ }).waitFor()
    await expectNoA11yViolations(page, 'Ergebnis des Fachbereichs')

    // Footer pages
    await footer.getByRole('link', { name: 'Einstellungen' }).click()
    await page.getByRole('heading', { level: 1, name: 'Einstellungen' }).waitFor()
    await page.getByTestId('persist-state').waitFor()
    await expectNoA11yViolations(page, 'Einstellungen')
    await footer.getByRole('link', { name: 'Datenschutz' }).click()
    await page.getByRole('heading', { level: 1, name: 'Datenschutz' }).waitFor()
    await expectNoA11yViolations(page, 'Datenschutz')
    await footer.getByRole('link', { name: 'Barrierefreiheit' }).click()
    await page.getByRole('heading', { level: 1, name: 'Erklärung zur Barrierefreiheit' }).waitFor()
    await expectNoA11yViolations(page, 'Barrierefreiheit')

    // Not found
    await gotoApp(page, '/gibt-es-nicht')
    await page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }).waitFor()
    await expectNoA11yViolations(page, 'Seite nicht gefunden')

    s.assertClean()
  }, 240_000) // every screen with axe: slower than the default on a busy 2-core machine

  it('alle weiteren Bildschirme der Navigation (mit Demo) ohne axe-Verstöße', async () => {
    const { page } = s
    await gotoApp(page, '/')
    await page.getByRole('heading', { level: 2 }).first().waitFor()
    if ((await page.getByRole('heading', { level: 2, name: 'Musterstadt' }).count()) === 0) await loadDemoFromStart(page)
    const covered = new Set(['/', '/setup', '/settings', '/privacy', '/accessibility'])
    const routes = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('header nav a[href], footer nav a[href]')].map((a) => (a.getAttribute('href') ?? '').replace(/^.*#/, '')),
    )
    const extra = [...new Set(routes)].filter((r) => r.startsWith('/') && !covered.has(r))
    const found: string[] = []
    for (const route of extra) {
      await gotoApp(page, route)
      const title = (await page.locator('main h1').first().textContent())?.trim()
      for (const line of await a11yViolations(page)) found.push(`${route} („${title}“): ${line}`)
    }
    expect(found, `axe-Verstöße:\n${found.join('\n')}`).toEqual([])
    s.assertClean()
  }, 240_000) // every screen with axe: slower than the default on a busy 2-core machine

  it('Tastatur allein: Fragebogen von der Startseite öffnen, Ist-Stufe mit Pfeiltasten wählen, Fokus sichtbar', async () => {
    const { page } = s
    // Independent of the test above: load the demo if it is not there yet.
    await gotoApp(page, '/')
    await page.getByRole('heading', { level: 2 }).first().waitFor()
    if ((await page.getByRole('heading', { level: 2, name: 'Musterstadt' }).count()) === 0) await loadDemoFromStart(page)
    // A fresh document: focus starts at the top of the page.
    await page.reload()
    await page.getByRole('table', { name: 'Fachbereiche und Fortschritt' }).waitFor()

    // The skip link comes first and is visible when focused.
    await page.keyboard.press('Tab')
    expect((await focusInfo(page)).name).toBe('Zum Inhalt springen')
    await expectFocusVisible(page)

    // Tab to "Weitere Person – Bürgerservice und Ordnung", open the form with Enter.
    await tabTo(page, (f) => f.tag === 'BUTTON' && f.name === `Weitere Person – ${DEPT}`)
    await expectFocusVisible(page)
    await page.keyboard.press('Enter')
    // The button disappears with the form opening; focus must move into the form, not get lost.
    await expect.poll(async () => (await focusInfo(page)).name).toBe('Name oder Funktion')
    await page.keyboard.type('Tastatur-Test')
    // Shift+Tab goes back to where we came from, Tab returns to the field.
    await page.keyboard.press('Shift+Tab')
    expect((await focusInfo(page)).name).not.toBe('Name oder Funktion')
    await page.keyboard.press('Tab')
    expect((await focusInfo(page)).name).toBe('Name oder Funktion')
    await page.keyboard.press('Enter') // submits the form: "Fragebogen öffnen"
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${DEPT}:`) }).waitFor()
    await page.getByText('Befragte Person: Tastatur-Test').waitFor()
    const assessmentId = assessmentIdFromUrl(page)

    // Tab into the first Ist radio group (nothing chosen yet: focus lands on "Stufe 0").
    const first = await tabTo(page, (f) => f.tag === 'INPUT' && f.type === 'radio' && /Stufe 0:/.test(f.name), 60)
    expect(first.checked).toBe(false)
    await expectFocusVisible(page)
    const radioName = first.groupName
    const before = await saveCount(page)
    await page.keyboard.press('ArrowRight') // → Stufe 1 (chosen and saved)
    await page.keyboard.press('ArrowRight') // → Stufe 2
    await page.keyboard.press('ArrowLeft') // → Stufe 1
    let f = await focusInfo(page)
    expect(f.name).toMatch(/Stufe 1:/)
    expect(f.checked).toBe(true)
    expect(f.groupName).toBe(radioName)
    await waitFor(() => saveCount(page), (n) => n >= before + 3, 'drei gespeicherte Änderungen')
    await expect.poll(() => page.getByTestId('save-state').textContent()).toMatch(/Gespeichert/)

    // Space on an already chosen radio changes nothing; Tab leaves the group, Shift+Tab returns to the chosen level.
    await page.keyboard.press('Space')
    await page.keyboard.press('Tab')
    expect((await focusInfo(page)).groupName).not.toBe(radioName)
    await page.keyboard.press('Shift+Tab')
    f = await focusInfo(page)
    expect(f.name).toMatch(/Stufe 1:/)
    expect(f.groupName).toBe(radioName)

    const stored = await readAssessmentFromIndexedDb(page, assessmentId)
    const answers = Object.values(stored?.answers ?? {})
    expect(answers).toHaveLength(1)
    expect(answers[0]).toMatchObject({ state: 'level', ist: 1 })

    s.assertClean()
  })
})

interface FocusInfo {
  tag: string
  type: string
  name: string
  checked: boolean | null
  groupName: string
}

/** What has focus: tag, input type, accessible-ish name (aria-label, label text or text) and radio group. */
async function focusInfo(page: Page): Promise<FocusInfo> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return { tag: 'BODY', type: '', name: '', checked: null, groupName: '' }
    const input = el instanceof HTMLInputElement ? el : null
    const labelText = input?.labels?.[0]?.textContent ?? ''
    const name = (el.getAttribute('aria-label') ?? (labelText || el.textContent) ?? '').replace(/\s+/g, ' ').trim()
    return { tag: el.tagName, type: input?.type ?? '', name, checked: input?.type === 'radio' ? input.checked : null, groupName: input?.name ?? '' }
  })
}

/** Presses Tab until the focused element matches (fails after `max` presses). */
async function tabTo(page: Page, match: (f: FocusInfo) => boolean, max = 150): Promise<FocusInfo> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    const f = await focusInfo(page)
    if (match(f)) return f
  }
  throw new Error(`Ziel nach ${max}× Tab nicht erreicht; Fokus zuletzt: ${JSON.stringify(await focusInfo(page))}`)
}

/** The focused element matches :focus-visible and has a visible outline. */
async function expectFocusVisible(page: Page): Promise<void> {
  const r = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement
    const cs = getComputedStyle(el)
    return { focusVisible: el.matches(':focus-visible'), outlineStyle: cs.outlineStyle, outlineWidth: cs.outlineWidth, boxShadow: cs.boxShadow }
  })
  expect(r.focusVisible, JSON.stringify(r)).toBe(true)
  expect(r.outlineStyle, JSON.stringify(r)).not.toBe('none')
  expect(parseFloat(r.outlineWidth), JSON.stringify(r)).toBeGreaterThan(0)
}
