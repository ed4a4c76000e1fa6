/**
 * Nothing entered may be lost when IndexedDB refuses writes (a full disk, QuotaExceededError): three
 * answer changes and a comment fail, the save indicator says so, and after the storage works again
 * one click on the retry button stores all four – checked in IndexedDB itself.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assessmentIdFromUrl, loadDemoFromStart, openBrowser, readAssessmentFromIndexedDb, saveCount, waitFor, type BrowserSession } from './browser'
import { istGroup, istRadio, itemOfCard, questionCards } from './flows'

const DEPT = 'Bürgerservice und Ordnung'
const RESPONDENT = 'Speicherfehler-Test'
const COMMENT = 'Notiert, während der Speicher voll war.'

interface FailureProbe {
  __e2eRefusedWrites?: number
  __e2eRestoreIdb?: () => void
}

/**
 * Makes every IndexedDB write of the page throw QuotaExceededError. Dexie 4 writes `add`/`put`
 * through its DBCore `mutate` (also for Collection.modify, which saveAnswer uses); IDBCursor.update
 * is patched too so no write path is left open. Counts the refused writes.
 */
async function refuseIndexedDbWrites(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probe = window as unknown as FailureProbe
    const originals = {
      put: IDBObjectStore.prototype.put,
      add: IDBObjectStore.prototype.add,
      update: IDBCursor.prototype.update,
    }
    probe.__e2eRefusedWrites = 0
    const refuse = (): never => {
      probe.__e2eRefusedWrites = (probe.__e2eRefusedWrites ?? 0) + 1
      throw new DOMException('Simulated full disk (e2e test)', 'QuotaExceededError')
    }
    IDBObjectStore.prototype.put = refuse
    IDBObjectStore.prototype.add = refuse
    IDBCursor.prototype.update = refuse
    probe.__e2eRestoreIdb = () => {
      IDBObjectStore.prototype.put = originals.put
      IDBObjectStore.prototype.add = originals.add
      IDBCursor.prototype.update = originals.update
    }
  })
}

async function restoreIndexedDbWrites(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as FailureProbe).__e2eRestoreIdb?.())
}

const refusedWrites = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as FailureProbe).__e2eRefusedWrites ?? 0)

/** Runs an action and waits until the page has tried (and been refused) `total` writes in all. */
async function andWaitForRefusal(page: Page, total: number, action: () => Promise<void>): Promise<void> {
  await action()
  await waitFor(() => refusedWrites(page), (n) => n >= total, `${total} abgewiesene Schreibversuche`)
}

describe('Speichern schlägt fehl: nichts geht verloren', () => {
  let s: BrowserSession
  beforeAll(async () => {
    s = await openBrowser()
  })
  afterAll(async () => {
    await s?.dispose()
  })

  it('hält drei Antworten und eine Anmerkung fest, die nicht gespeichert werden konnten, und speichert alle nach „Speichern“', async () => {
    const { page } = s
    await loadDemoFromStart(page)
    await page.getByRole('button', { name: `Weitere Person – ${DEPT}` }).click()
    await page.getByLabel('Name oder Funktion').fill(RESPONDENT)
    await page.getByRole('button', { name: 'Fragebogen öffnen' }).click()
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${DEPT}:`) }).waitFor()
    await page.getByText(`Befragte Person: ${RESPONDENT}`).waitFor()
    const assessmentId = assessmentIdFromUrl(page)
    const cards = questionCards(page)
    expect(await cards.count()).toBeGreaterThanOrEqual(3)
    const [item1, item2, item3] = [await itemOfCard(cards.nth(0)), await itemOfCard(cards.nth(1)), await itemOfCard(cards.nth(2))]
    const countBefore = await saveCount(page)

    await refuseIndexedDbWrites(page)
    // Two changes of the same question (Ist, then Bedarf), one of another, then a typed comment that
    // is left to the debounce (no blur): four failed writes.
    await andWaitForRefusal(page, 1, () => istGroup(cards.nth(0)).getByText(item1.levels[2]!.de, { exact: false }).click())
    await andWaitForRefusal(page, 2, () => istGroup(cards.nth(1)).getByText(item2.levels[3]!.de, { exact: false }).click())
    await andWaitForRefusal(page, 3, () => cards.nth(0).getByRole('group', { name: 'Bedarf' }).getByText('3 – hoch', { exact: true }).click())
    await andWaitForRefusal(page, 4, () => cards.nth(2).getByLabel('Anmerkung (optional)').fill(COMMENT))

    const indicator = page.getByTestId('save-state')
    await expect.poll(() => indicator.textContent()).toContain('4 Änderungen konnten nicht gespeichert werden – bitte erneut versuchen.')
    expect(await indicator.getAttribute('class')).toContain('error')
    expect(await saveCount(page)).toBe(countBefore)
    const before = await readAssessmentFromIndexedDb(page, assessmentId)
    expect(before?.answers).toEqual({})

    // The storage works again; one click on the retry button stores everything.
    await restoreIndexedDbWrites(page)
    await indicator.getByRole('button', { name: 'Speichern' }).click()
    await waitFor(
      async () => ({ count: await saveCount(page), text: (await indicator.textContent()) ?? '' }),
      (x) => x.count >= countBefore + 4 && /Gespeichert um/.test(x.text),
      'alle vier Änderungen gespeichert („Gespeichert um …“)',
    )
    expect(await saveCount(page)).toBe(countBefore + 4)

    const stored = await readAssessmentFromIndexedDb(page, assessmentId)
    expect(stored, 'Fragebogen in IndexedDB').not.toBeNull()
    expect(Object.keys(stored!.answers).sort()).toEqual([item1.id, item2.id, item3.id].sort())
    expect(stored!.answers[item1.id], item1.id).toMatchObject({ state: 'level', ist: 2, bedarf: 3 })
    expect(stored!.answers[item2.id], item2.id).toMatchObject({ state: 'level', ist: 3 })
    expect(stored!.answers[item3.id], item3.id).toMatchObject({ comment: COMMENT })

    // And after a reload the screen shows them from the database.
    await page.reload()
    await page.getByText(`Befragte Person: ${RESPONDENT}`).waitFor()
    expect(await istRadio(questionCards(page).nth(0), 2).isChecked()).toBe(true)
    expect(await questionCards(page).nth(0).getByRole('group', { name: 'Bedarf' }).getByRole('radio', { name: '3 – hoch' }).isChecked()).toBe(true)
    expect(await istRadio(questionCards(page).nth(1), 3).isChecked()).toBe(true)
    expect(await questionCards(page).nth(2).getByLabel('Anmerkung (optional)').inputValue()).toBe(COMMENT)

    // The four refused writes are logged on purpose; nothing else may show up.
    s.assertClean({ ignoreConsole: [/saving answer failed/] })
  })
})
