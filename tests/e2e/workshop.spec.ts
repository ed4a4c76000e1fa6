/**
 * Workshop mode with the demo municipality "Musterstadt": a moderator records agreed values for five
 * items by keyboard alone; they are on screen, in IndexedDB (one assessment with role 'consensus',
 * not a respondent) and replace the respondents' median in the department result.
 */
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dumpIndexedDb, expectNoA11yViolations, gotoApp, loadDemoFromStart, openBrowser, waitFor, type BrowserSession } from './browser'
import { CATALOG_ITEMS } from './flows'

/** A specialist department with two respondents who disagree on some items ("zu besprechen"). */
const DEP_ID = 'demo-musterstadt-dep-32'
const DEP_NAME = 'Bürgerservice und Ordnung'
const RESPONDENTS = 'Befragte: Amtsleitung, Teamleitung Bürgerbüro'

interface StoredAssessment {
  id: string
  departmentId: string
  roundId: string
  role: string
  respondent: string
  answers: Record<string, { state: string; ist: number | null }>
}

/** Round id of the newest demo round, from the start screen's result link of the department. */
async function currentRoundId(page: Page): Promise<string> {
  await gotoApp(page, '/')
  const href = (await page.getByRole('link', { name: `Ergebnis – ${DEP_NAME}` }).getAttribute('href')) ?? ''
  const m = /#\/result\/([^/]+)\/([^/?]+)/.exec(href)
  if (!m?.[1] || m[2] !== DEP_ID) throw new Error(`Ergebnis-Link unerwartet: ${href}`)
  return decodeURIComponent(m[1])
}

/** The question shown in the workshop: its item id, its counter line and the agreed-value radio group. */
async function shownItem(page: Page): Promise<{ itemId: string; counter: string; group: Locator }> {
  const article = page.getByRole('main').getByRole('article')
  const itemId = (await article.getAttribute('data-item-id')) ?? ''
  const counter = ((await article.getByRole('heading', { level: 2 }).textContent()) ?? '').replace(/\s+/g, ' ').trim()
  return { itemId, counter, group: article.getByRole('group', { name: 'Gemeinsam festgehaltener Ist-Stand' }) }
}

/** Waits until the workshop shows question n (counter "Frage n von total"). */
async function waitForQuestion(page: Page, n: number, total: number): Promise<void> {
  await page.getByRole('main').getByRole('heading', { level: 2, name: new RegExp(`^Frage ${n} von ${total}\\b`) }).waitFor()
}

/** The "Zu besprechen" table of the department result: the question texts listed in it. */
async function toDiscussQuestions(page: Page): Promise<string[]> {
  const section = page.getByRole('region', { name: 'Zu besprechen' })
  if ((await section.count()) === 0) return []
  return section.locator('tbody tr td:first-child').allTextContents().then((list) => list.map((x) => x.trim()))
}

async function openResult(page: Page, roundId: string): Promise<void> {
  await gotoApp(page, `/result/${roundId}/${DEP_ID}`)
  await page.getByRole('heading', { level: 1, name: `Ergebnis: ${DEP_NAME}` }).waitFor()
  await page.getByTestId('dimension-table').locator('tbody tr').first().waitFor()
}

describe('Workshop-Modus', () => {
  let s: BrowserSession
  beforeAll(async () => {
    s = await openBrowser()
  })
  afterAll(async () => {
    await s?.dispose()
  })

  it('hält fünf Werte nur mit der Tastatur fest; sie stehen in IndexedDB und ersetzen den Median im Ergebnis', async () => {
    const { page } = s
    await loadDemoFromStart(page)
    const roundId = await currentRoundId(page)

    // Before the workshop: the result lists disputed items.
    await openResult(page, roundId)
    const disputedBefore = await toDiscussQuestions(page)
    expect(disputedBefore.length).toBeGreaterThan(0)
    expect(await page.getByTestId('workshop-note').count()).toBe(0)

    // Entry point on the result page.
    await page.getByRole('link', { name: 'Workshop-Modus' }).click()
    await page.getByRole('heading', { level: 1, name: `Workshop: ${DEP_NAME}` }).waitFor()
    const first = await shownItem(page)
    const total = Number(/^Frage 1 von (\d+)/.exec(first.counter)?.[1])
    expect(total).toBe(51) // items asked of every department in catalogue 2.0.0
    // Disputed items come first: the first one shown is flagged "zu besprechen".
    await page.getByRole('main').getByRole('article').getByText('zu besprechen', { exact: true }).waitFor()
    expect(disputedBefore).toContain(CATALOG_ITEMS.find((i) => i.id === first.itemId)?.question.de)
    // The respondents' answers are shown side by side (two respondents).
    expect(await page.getByTestId('workshop-answers').locator('tbody tr').count()).toBe(2)
    // Focus is inside the workshop, so the keys work without a click.
    expect(await page.evaluate(() => !!document.activeElement?.closest('.workshop'))).toBe(true)

    // Keyboard only: a key per item, then an arrow / page key to the next one.
    const steps: { key: string; move: string; stored: { state: string; ist: number | null }; radio: RegExp; said: string }[] = [
      { key: '3', move: 'ArrowRight', stored: { state: 'level', ist: 3 }, radio: /^Stufe 3:/, said: 'Stufe 3 für Frage 1 festgehalten' },
      { key: '0', move: 'ArrowDown', stored: { state: 'level', ist: 0 }, radio: /^Stufe 0:/, said: 'Stufe 0 für Frage 2 festgehalten' },
      { key: 'n', move: 'PageDown', stored: { state: 'na', ist: null }, radio: /^Nicht zutreffend$/, said: '„Nicht zutreffend“ für Frage 3 festgehalten' },
      { key: 'w', move: 'ArrowRight', stored: { state: 'unknown', ist: null }, radio: /^Weiß nicht$/, said: '„Weiß nicht“ für Frage 4 festgehalten' },
      { key: '4', move: '', stored: { state: 'level', ist: 4 }, radio: /^Stufe 4:/, said: 'Stufe 4 für Frage 5 festgehalten' },
    ]
    const recorded: { itemId: string; radio: RegExp; stored: { state: string; ist: number | null } }[] = []
    for (const [i, step] of steps.entries()) {
      await waitForQuestion(page, i + 1, total)
      const shown = await shownItem(page)
      expect(recorded.map((r) => r.itemId)).not.toContain(shown.itemId)
      await page.keyboard.press(step.key)
      await page.getByTestId('workshop-announcement').filter({ hasText: step.said }).waitFor()
      await waitFor(() => shown.group.getByRole('radio', { name: step.radio }).isChecked(), (v) => v, `Auswahl ${step.radio} bei Frage ${i + 1}`)
      recorded.push({ itemId: shown.itemId, radio: step.radio, stored: step.stored })
      if (step.move) await page.keyboard.press(step.move)
    }
    // 'weiß nicht' decides nothing: four of the five count as agreed.
    await page.getByText(`4 von ${total} Fragen festgehalten`).waitFor()

    // Back with the arrow keys: the earlier values are still on screen.
    await page.keyboard.press('ArrowLeft')
    await waitForQuestion(page, 4, total)
    expect(await (await shownItem(page)).group.getByRole('radio', { name: /^Weiß nicht$/ }).isChecked()).toBe(true)
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('PageUp')
    await waitForQuestion(page, 2, total)
    expect(await (await shownItem(page)).group.getByRole('radio', { name: /^Stufe 0:/ }).isChecked()).toBe(true)
    await expect.poll(() => page.getByTestId('save-state').textContent()).toMatch(/Gespeichert um \d\d:\d\d:\d\d/)

    // Raw IndexedDB: one consensus assessment of the department with exactly these five answers.
    const dump = await dumpIndexedDb(page)
    const own = (dump.assessments as StoredAssessment[]).filter((a) => a.departmentId === DEP_ID && a.roundId === roundId)
    const consensus = own.filter((a) => a.role === 'consensus')
    expect(consensus).toHaveLength(1)
    expect(own.filter((a) => a.role === 'respondent')).toHaveLength(2)
    expect(Object.keys(consensus[0]!.answers).sort()).toEqual(recorded.map((r) => r.itemId).sort())
    for (const r of recorded) expect(consensus[0]!.answers[r.itemId], r.itemId).toMatchObject(r.stored)

    await expectNoA11yViolations(page, 'Workshop-Modus')

    // The department result: the agreed item is no longer "zu besprechen", the note says how many
    // values were agreed, and the workshop is not listed as a respondent.
    await page.getByRole('link', { name: 'Zum Ergebnis des Fachbereichs' }).click()
    await page.getByRole('heading', { level: 1, name: `Ergebnis: ${DEP_NAME}` }).waitFor()
    await page.getByTestId('workshop-note').filter({ hasText: '4 Fragen wurden im Workshop festgehalten.' }).waitFor()
    const agreedQuestion = CATALOG_ITEMS.find((i) => i.id === recorded[0]!.itemId)!.question.de
    const disputedAfter = await toDiscussQuestions(page)
    expect(disputedAfter).not.toContain(agreedQuestion)
    expect(disputedAfter.length).toBeLessThan(disputedBefore.length)
    await page.getByText(RESPONDENTS, { exact: true }).waitFor()

    s.assertClean()
  })
})
