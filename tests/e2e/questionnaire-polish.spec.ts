/**
 * The questionnaire's finish (hardening #10, #15, #16, #18) with the demo municipality "Musterstadt":
 * keyboard shortcuts that move from question to question and set the Ist level, "Weitermachen" that
 * lands on the first open question (also after a reload), the save state next to each question,
 * and progress per respondent instead of a sum over respondents. axe stays clean at 1366 and 390 px.
 */
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { a11yViolations, gotoApp, loadDemoFromStart, openBrowser, readAssessmentFromIndexedDb, assessmentIdFromUrl, waitFor, type BrowserSession } from './browser'
import { CATALOG_ITEMS, andWaitForSave, chooseLevelByText, istGroup, istRadio, itemOfCard, questionCards } from './flows'

/** A specialist department with two demo respondents. */
const TWO_DEPT = 'Bürgerservice und Ordnung'
/** A specialist department with one demo respondent who has not begun. */
const DEPT = 'Bauordnung'
/** Questions asked of one specialist department (catalogue 2.0.0). */
const SPECIALIST_TOTAL = CATALOG_ITEMS.filter((i) => i.appliesTo === 'all').length

/** The card (article) that holds the focused element: its item id, or null. */
async function focusedCardItem(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.closest('article')?.id.replace(/^item-/, '') ?? null)
}

/** What the focused element is: tag, input type, value, and whether it is checked. */
async function focused(page: Page): Promise<{ tag: string; type: string; value: string; checked: boolean | null }> {
  return page.evaluate(() => {
    const el = document.activeElement
    const input = el instanceof HTMLInputElement ? el : null
    return { tag: el?.tagName ?? '', type: input?.type ?? '', value: (el as HTMLInputElement | HTMLTextAreaElement | null)?.value ?? '', checked: input?.type === 'radio' ? input.checked : null }
  })
}

/** True when the top of the element is inside the window (below a sticky header, above the bottom). */
async function topInView(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect()
    return r.top >= 0 && r.top < window.innerHeight * 0.6
  })
}

/** Opens a new questionnaire for `respondent` in `department` from the start screen. */
async function newQuestionnaire(page: Page, department: string, respondent: string): Promise<string> {
  await gotoApp(page, '/')
  await page.getByRole('button', { name: `Weitere Person – ${department}` }).click()
  await page.getByLabel('Name oder Funktion').fill(respondent)
  await page.getByRole('button', { name: 'Fragebogen öffnen' }).click()
  await page.getByText(`Befragte Person: ${respondent}`).waitFor()
  return assessmentIdFromUrl(page)
}

/** The save state shown in a question card (its own status region). */
const cardStatus = (card: Locator): Locator => card.getByRole('status')

/** Makes every IndexedDB write of the page fail like a full disk; returns a function that undoes it. */
async function refuseWrites(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(() => {
    const w = window as unknown as { __restoreIdb?: () => void }
    const put = IDBObjectStore.prototype.put
    const add = IDBObjectStore.prototype.add
    const update = IDBCursor.prototype.update
    const refuse = (): never => {
      throw new DOMException('Simulated full disk (e2e test)', 'QuotaExceededError')
    }
    IDBObjectStore.prototype.put = refuse
    IDBObjectStore.prototype.add = refuse
    IDBCursor.prototype.update = refuse
    w.__restoreIdb = () => {
      IDBObjectStore.prototype.put = put
      IDBObjectStore.prototype.add = add
      IDBCursor.prototype.update = update
    }
  })
  return async () => {
    await page.evaluate(() => (window as unknown as { __restoreIdb?: () => void }).__restoreIdb?.())
  }
}

describe('Fragebogen: Tastatur, Weitermachen, Speicherstand je Frage, Fortschritt je Person', () => {
  let s: BrowserSession
  beforeAll(async () => {
    s = await openBrowser()
    await loadDemoFromStart(s.page)
  })
  afterAll(async () => {
    await s?.dispose()
  })

  it('zeigt den Fortschritt je befragter Person, nicht die Summe über alle (#18)', async () => {
    const { page } = s
    await gotoApp(page, '/')
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(TWO_DEPT) }) })
    const bars = row.getByRole('progressbar')
    await expect.poll(() => bars.count()).toBe(2)
    const names = await bars.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))
    expect(names[0]).toMatch(new RegExp(`^Amtsleitung: \\d+ von ${SPECIALIST_TOTAL} beantwortet$`))
    expect(names[1]).toMatch(new RegExp(`^Teamleitung Bürgerbüro: \\d+ von ${SPECIALIST_TOTAL} beantwortet$`))
    expect(await row.textContent()).not.toContain(`von ${2 * SPECIALIST_TOTAL}`)

    // The questionnaire says whose progress it is.
    await row.getByRole('link', { name: /^Fortsetzen: Amtsleitung/ }).click()
    await page.getByText('Befragte Person: Amtsleitung').waitFor()
    const own = page.getByRole('main').getByRole('progressbar').first()
    expect(await own.getAttribute('aria-label')).toMatch(new RegExp(`^Ihr Fortschritt: \\d+ von ${SPECIALIST_TOTAL} Fragen beantwortet$`))
  })

  it('„Weitermachen“ öffnet die erste offene Frage („weiß nicht“ gilt als beantwortet), fokussiert, auch nach Neuladen (#15)', async () => {
    const { page } = s
    const assessmentId = await newQuestionnaire(page, DEPT, 'Weitermachen-Test')
    // Dimension 1: every question answered, one of them with "Weiß nicht".
    await page.getByRole('heading', { level: 2, name: /Strategie und Steuerung/ }).waitFor()
    const first = questionCards(page)
    const n1 = await first.count()
    expect(n1).toBeGreaterThanOrEqual(3)
    for (let i = 0; i < n1; i++) {
      if (i === 1) await andWaitForSave(page, () => first.nth(i).getByText('Weiß nicht', { exact: true }).click())
      else await chooseLevelByText(page, first.nth(i), 2)
    }
    // Dimension 2: the first two answered, the third is the first open one.
    await page.getByRole('button', { name: /Nächste Dimension/ }).click()
    await page.getByRole('heading', { level: 2, name: /Online-Dienste und OZG/ }).waitFor()
    const second = questionCards(page)
    await chooseLevelByText(page, second.nth(0), 1)
    await andWaitForSave(page, () => second.nth(1).getByText('Nicht zutreffend', { exact: true }).click())
    const expected = await itemOfCard(second.nth(2))
    const stored = await readAssessmentFromIndexedDb(page, assessmentId)
    expect(Object.values(stored?.answers ?? {}).filter((a) => a.state === 'unknown')).toHaveLength(1)

    // Back to the start screen, which offers to continue this questionnaire.
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Start' }).click()
    await page.getByText(/Bauordnung – Weitermachen-Test, zuletzt bearbeitet/).waitFor()
    await page.getByRole('button', { name: 'Weitermachen, wo ich aufgehört habe' }).click()
    await page.getByText('Befragte Person: Weitermachen-Test').waitFor()

    const expectAtOpenQuestion = async (): Promise<void> => {
      await page.getByRole('heading', { level: 2, name: /Online-Dienste und OZG/ }).waitFor()
      await expect.poll(() => focusedCardItem(page)).toBe(expected.id)
      // Focus is on the question's Ist choice (nothing chosen yet: the first level).
      expect(await focused(page)).toMatchObject({ tag: 'INPUT', type: 'radio', value: '0', checked: false })
      await expect.poll(() => topInView(page.locator(`#item-${expected.id}`))).toBe(true)
      expect(page.url()).toContain(`item=${expected.id}`)
    }
    await expectAtOpenQuestion()
    // The place is in the address: a reload comes back to it.
    await page.reload()
    await page.getByText('Befragte Person: Weitermachen-Test').waitFor()
    await expectAtOpenQuestion()
  })

  it('zeigt an jeder Frage, ob ihre Antwort gespeichert wurde – auch wenn das Speichern scheitert (#16)', async () => {
    const { page } = s
    await newQuestionnaire(page, DEPT, 'Speicherstand-Test')
    const cards = questionCards(page)
    // Nothing changed yet: no card claims anything.
    expect((await cardStatus(cards.nth(0)).textContent())?.trim()).toBe('')
    await chooseLevelByText(page, cards.nth(1), 3)
    await expect.poll(async () => (await cardStatus(cards.nth(1)).textContent())?.trim()).toBe('Gespeichert')
    expect(await cardStatus(cards.nth(1)).getAttribute('aria-live')).toBe('polite')
    expect((await cardStatus(cards.nth(0)).textContent())?.trim()).toBe('')

    // A full disk: the card says so where the user is looking, and offers to try again.
    const restore = await refuseWrites(page)
    const item = await itemOfCard(cards.nth(2))
    await istGroup(cards.nth(2)).getByText(item.levels[1]!.de, { exact: false }).click()
    await expect.poll(async () => (await cardStatus(cards.nth(2)).textContent())?.trim()).toBe('Nicht gespeichert')
    expect((await cardStatus(cards.nth(1)).textContent())?.trim()).toBe('Gespeichert')
    await restore()
    await cards.nth(2).getByRole('button', { name: /^Erneut speichern/ }).click()
    await expect.poll(async () => (await cardStatus(cards.nth(2)).textContent())?.trim()).toBe('Gespeichert')
    expect(await cards.nth(2).getByRole('button', { name: /^Erneut speichern/ }).count()).toBe(0)
    expect(await istRadio(cards.nth(2), 1).isChecked()).toBe(true)
  })

  it('Tastenkürzel: Alt + Pfeil wechselt die Frage, 0–4/N/W setzen den Ist-Stand nur in einer Frage, nie in Textfeldern (#10)', async () => {
    const { page } = s
    const assessmentId = await newQuestionnaire(page, DEPT, 'Tastenkürzel-Test')
    const main = page.getByRole('main')
    // The page says which keys there are – and no longer that Tab goes to the next question.
    const hint = main.getByText(/Alt \+ Pfeil runter/)
    await hint.waitFor()
    expect(await hint.isVisible()).toBe(true)
    expect(await main.textContent()).not.toContain('Mit Tab zur nächsten Frage')

    const cards = questionCards(page)
    const count = await cards.count()
    const items = await Promise.all([...Array(count).keys()].map((i) => itemOfCard(cards.nth(i))))
    await istRadio(cards.nth(0), 0).focus()

    // Alt+↓: next question, focused and in view.
    await page.keyboard.press('Alt+ArrowDown')
    await expect.poll(() => focusedCardItem(page)).toBe(items[1]!.id)
    expect(await focused(page)).toMatchObject({ type: 'radio', value: '0' })
    await expect.poll(() => topInView(cards.nth(1))).toBe(true)

    // A digit sets the Ist level of that question (saved) and focus follows the choice.
    await andWaitForSave(page, () => page.keyboard.press('3'))
    expect(await istRadio(cards.nth(1), 3).isChecked()).toBe(true)
    expect(await focused(page)).toMatchObject({ type: 'radio', value: '3', checked: true })
    // N and W: "nicht zutreffend" and "weiß nicht".
    await andWaitForSave(page, () => page.keyboard.press('n'))
    expect(await cards.nth(1).getByRole('radio', { name: 'Nicht zutreffend' }).isChecked()).toBe(true)
    await andWaitForSave(page, () => page.keyboard.press('w'))
    expect(await cards.nth(1).getByRole('radio', { name: 'Weiß nicht' }).isChecked()).toBe(true)

    // In a text field the keys type text and move nothing.
    const comment = cards.nth(1).getByLabel('Anmerkung (optional)')
    await comment.focus()
    await page.keyboard.type('4 Wochen')
    await page.keyboard.press('Alt+ArrowDown')
    expect(await comment.inputValue()).toBe('4 Wochen')
    expect(await focused(page)).toMatchObject({ tag: 'TEXTAREA' })
    expect(await cards.nth(1).getByRole('radio', { name: 'Weiß nicht' }).isChecked()).toBe(true)

    // Alt+↑: previous question.
    await istRadio(cards.nth(2), 0).focus()
    await page.keyboard.press('Alt+ArrowUp')
    await expect.poll(() => focusedCardItem(page)).toBe(items[1]!.id)
    // The chosen answer gets the focus ("Weiß nicht" is checked).
    expect(await focused(page)).toMatchObject({ type: 'radio', value: 'unknown', checked: true })

    // Outside a question, digits do nothing (WCAG 2.1.4: only where they apply).
    const stepper = page.getByRole('navigation', { name: 'Dimensionen' }).getByRole('button').first()
    await stepper.focus()
    await page.keyboard.press('2')
    await page.waitForTimeout(300)
    const stored = await readAssessmentFromIndexedDb(page, assessmentId)
    expect(Object.keys(stored?.answers ?? {}).sort()).toEqual([items[1]!.id])

    // From the last question of a dimension, Alt+↓ continues with the first question of the next one.
    await istRadio(cards.nth(count - 1), 0).focus()
    await page.keyboard.press('Alt+ArrowDown')
    await page.getByRole('heading', { level: 2, name: /Online-Dienste und OZG/ }).waitFor()
    const next = await itemOfCard(questionCards(page).nth(0))
    await expect.poll(() => focusedCardItem(page)).toBe(next.id)
    await waitFor(() => topInView(questionCards(page).nth(0)), (x) => x, 'erste Frage der nächsten Dimension sichtbar')
    // … and Alt+↑ goes back to the last question of the previous one.
    await page.keyboard.press('Alt+ArrowUp')
    await page.getByRole('heading', { level: 2, name: /Strategie und Steuerung/ }).waitFor()
    await expect.poll(() => focusedCardItem(page)).toBe(items[count - 1]!.id)
  })

  it('axe findet im Fragebogen mit Speicherstand und Tastaturhinweis nichts, bei 1366 und 390 px', async () => {
    const { page } = s
    await newQuestionnaire(page, DEPT, 'Barrierefreiheit-Test')
    const cards = questionCards(page)
    // One card saved, one that could not be saved (with its retry button).
    await chooseLevelByText(page, cards.nth(0), 2)
    const restore = await refuseWrites(page)
    await istGroup(cards.nth(1)).getByText((await itemOfCard(cards.nth(1))).levels[3]!.de, { exact: false }).click()
    await expect.poll(async () => (await cardStatus(cards.nth(1)).textContent())?.trim()).toBe('Nicht gespeichert')
    const found: string[] = []
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 })
      for (const line of await a11yViolations(page)) found.push(`${width} px: ${line}`)
      const sizes = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }))
      expect(sizes.scroll, `seitliches Scrollen bei ${width} px`).toBeLessThanOrEqual(sizes.inner)
    }
    expect(found, `axe-Verstöße:\n${found.join('\n')}`).toEqual([])
    await restore()
    await cards.nth(1).getByRole('button', { name: /^Erneut speichern/ }).click()
    await expect.poll(async () => (await cardStatus(cards.nth(1)).textContent())?.trim()).toBe('Gespeichert')
    // The only console errors are the refused writes of the save-state test (logged by the autosave).
    s.assertClean({ ignoreConsole: [/^saving answer failed/] })
  }, 120_000)
})
