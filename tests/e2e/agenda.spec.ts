/**
 * Digitale Agenda and Sachstandsbericht (issue 12, points 1 and 2) with the demo municipality
 * "Musterstadt": three planned entries move geplant → in Umsetzung → umgesetzt through the status
 * dialog, their history lists both changes, the Sachstandsbericht prints on at most two A4 pages and
 * lists the three under "seit dem letzten Bericht umgesetzt". In a fresh browser the demo agenda is
 * deleted and a new one is created from the recommendations (at most ten Leitprojekte, all quick
 * wins). The header dialog ("Agenda bearbeiten") adds a Handlungsfeld an entry is then moved into.
 * axe finds nothing on both screens and the header dialog at 1366 and 390 px.
 */
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoA11yViolations, gotoApp, loadDemoFromStart, openBrowser, type BrowserSession } from './browser'
import { pdfPagesText, printToPdf } from './pdf'

const WIDTHS = [1366, 390] as const

async function axeAtWidths(page: Page, screen: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 })
    await expectNoA11yViolations(page, `${screen} (${width} px)`)
  }
  await page.setViewportSize({ width: 1366, height: 900 })
}

const entries = (page: Page) => page.getByTestId('agenda-entry')
const live = (page: Page) => page.getByTestId('agenda-live')

async function changeStatus(page: Page, entry: Locator, title: string, to: string): Promise<void> {
  const opener = entry.getByRole('button', { name: `Status ändern: ${title}` })
  await opener.click()
  const dialog = page.getByRole('dialog', { name: `Status ändern: ${title}` })
  await dialog.waitFor()
  await dialog.getByLabel('Neuer Status').selectOption({ label: to })
  await dialog.getByRole('button', { name: 'Status ändern' }).click()
  await dialog.waitFor({ state: 'hidden' })
  await expect.poll(() => live(page).textContent()).toBe('Gespeichert.')
  await expect.poll(() => entry.getByTestId('entry-status').textContent()).toBe(to)
  // Focus is back on the button that opened the dialog.
  expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true)
}

async function countOfClass(page: Page, label: string): Promise<number> {
  await page.getByLabel('Klasse').selectOption({ label })
  const text = (await page.getByTestId('rec-count').textContent()) ?? ''
  return text.startsWith('Keine') ? 0 : Number(/(\d+)/.exec(text)?.[1] ?? NaN)
}

describe('Digitale Agenda und Sachstandsbericht', () => {
  let s: BrowserSession
  beforeAll(async () => {
    s = await openBrowser()
    await s.page.setViewportSize({ width: 1366, height: 900 })
  })
  afterAll(async () => {
    await s?.dispose()
  })

  it('Demo-Agenda: drei Einträge durch ihre Status, Verlauf, Sachstandsbericht auf höchstens zwei A4-Seiten', async () => {
    const { page } = s
    await loadDemoFromStart(page)
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Digitale Agenda' }).click()
    await page.getByRole('heading', { level: 2, name: 'Digitale Agenda 1.0' }).waitFor()
    expect(await entries(page).count()).toBeGreaterThan(3)
    await axeAtWidths(page, 'Digitale Agenda (Demo)')
    const doneBefore = Number(await page.getByTestId('agenda-counts').locator('[data-status="done"] dd').textContent())

    // Three entries that are still planned.
    const planned = entries(page).filter({ has: page.getByTestId('entry-status').getByText('geplant', { exact: true }) })
    const picked: { id: string; title: string }[] = []
    for (let i = 0; i < 3; i++) {
      const e = planned.nth(i)
      picked.push({ id: (await e.getAttribute('data-entry'))!, title: ((await e.locator('h4').textContent()) ?? '').trim() })
    }
    expect(new Set(picked.map((p) => p.id)).size).toBe(3)

    for (const [i, p] of picked.entries()) {
      const entry = page.locator(`[data-entry="${p.id}"]`)
      await changeStatus(page, entry, p.title, 'in Umsetzung')
      if (i === 0) {
        // The status dialog is checked by axe too (open, with its fields).
        await entry.getByRole('button', { name: `Status ändern: ${p.title}` }).click()
        await page.getByRole('dialog', { name: `Status ändern: ${p.title}` }).waitFor()
        await expectNoA11yViolations(page, 'Status ändern (Dialog)')
        await page.keyboard.press('Escape')
        await page.getByRole('dialog').waitFor({ state: 'hidden' })
      }
      await changeStatus(page, entry, p.title, 'umgesetzt')
      await entry.getByText(/^Verlauf \(\d+\)$/).click()
      const rows = entry.getByTestId('agenda-history').locator('tbody tr')
      const changes = await rows.evaluateAll((trs) => trs.map((tr) => tr.children[1]?.textContent?.trim() ?? ''))
      expect(changes.slice(-2)).toEqual(['geplant → in Umsetzung', 'in Umsetzung → umgesetzt'])
    }
    expect(Number(await page.getByTestId('agenda-counts').locator('[data-status="done"] dd').textContent())).toBe(doneBefore + 3)

    // Sachstandsbericht
    await page.getByRole('link', { name: 'Sachstandsbericht' }).click()
    await page.getByRole('heading', { level: 1, name: 'Sachstandsbericht' }).waitFor()
    const doneList = page.getByTestId('done-since')
    await doneList.waitFor()
    for (const p of picked) await doneList.locator(`[data-entry="${p.id}"]`).waitFor()
    await axeAtWidths(page, 'Sachstandsbericht')

    const pages = await pdfPagesText(await printToPdf(page))
    expect(pages.length).toBeLessThanOrEqual(2)
    // Page numbers in words on every page, also when the management report was never opened before.
    pages.forEach((p, i) => expect(p.replace(/\s+/g, ' ')).toContain(`Seite ${i + 1} von ${pages.length}`))
    const text = pages.join(' ')
    expect(text).not.toContain('report.pageOf')
    expect(text).not.toContain('Drucken / als PDF speichern')
    const start = text.indexOf('Seit dem letzten Bericht umgesetzt')
    const end = text.indexOf('In Umsetzung (', start)
    expect(start).toBeGreaterThanOrEqual(0)
    expect(end).toBeGreaterThan(start)
    const doneSection = text.slice(start, end)
    for (const p of picked) expect(doneSection, p.title).toContain(p.title.replace(/\s+/g, ' '))
    for (const heading of ['Verspätet gegenüber der Planung', 'Nächste Schritte', 'Zahlen im Überblick', 'Entwicklung des Reifegrads']) expect(text).toContain(heading)
    s.assertClean()
  })

  it('Agenda bearbeiten: neues Handlungsfeld, ein Eintrag wird ihm zugeordnet und erscheint in der Gruppierung', async () => {
    const fresh = await openBrowser()
    try {
      const { page } = fresh
      await page.setViewportSize({ width: 1366, height: 900 })
      await loadDemoFromStart(page)
      await gotoApp(page, '/agenda')
      await page.getByRole('heading', { level: 2, name: 'Digitale Agenda 1.0' }).waitFor()

      const opener = page.getByRole('button', { name: 'Agenda bearbeiten' })
      await opener.click()
      const dialog = page.getByRole('dialog', { name: 'Agenda bearbeiten: Digitale Agenda 1.0' })
      await dialog.waitFor()
      await dialog.getByRole('button', { name: 'Handlungsfeld hinzufügen' }).click()
      const fields = dialog.getByLabel(/^Handlungsfeld \d+: Titel$/)
      const added = fields.last()
      await expect.poll(() => added.evaluate((el) => el === document.activeElement)).toBe(true)
      await added.fill('Bürgerservice digital')
      await axeAtWidths(page, 'Agenda bearbeiten (Dialog)')
      await dialog.getByRole('button', { name: 'Speichern' }).click()
      await dialog.waitFor({ state: 'hidden' })
      await expect.poll(() => live(page).textContent()).toBe('Gespeichert.')
      expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true)
      await page.getByTestId('agenda-fields').getByText('Bürgerservice digital (0 Einträge)', { exact: true }).waitFor()

      // One entry into the new field through the entry dialog.
      const entry = entries(page).first()
      const id = (await entry.getAttribute('data-entry'))!
      const title = ((await entry.locator('h4').textContent()) ?? '').trim()
      await entry.getByRole('button', { name: `Bearbeiten: ${title}` }).click()
      const edit = page.getByRole('dialog', { name: `Eintrag bearbeiten: ${title}` })
      await edit.waitFor()
      await edit.getByLabel('Handlungsfeld', { exact: true }).selectOption({ label: 'Bürgerservice digital' })
      await edit.getByRole('button', { name: 'Speichern' }).click()
      await edit.waitFor({ state: 'hidden' })
      await page.getByTestId('agenda-fields').getByText('Bürgerservice digital (1 Eintrag)', { exact: true }).waitFor()

      await page.getByLabel('Gruppieren nach').selectOption({ label: 'Handlungsfeld' })
      const group = page.locator('section.group').filter({ has: page.getByRole('heading', { level: 3, name: 'Bürgerservice digital (1)' }) })
      await group.locator(`[data-entry="${id}"]`).waitFor()
      expect(await group.getByTestId('agenda-entry').count()).toBe(1)
      fresh.assertClean()
    } finally {
      await fresh.dispose()
    }
  })

  it('neue Agenda aus den Empfehlungen: höchstens zehn Leitprojekte und alle Quick Wins', async () => {
    const fresh = await openBrowser()
    try {
      const { page } = fresh
      await page.setViewportSize({ width: 1366, height: 900 })
      await loadDemoFromStart(page)

      // What the current round recommends (all measures, not only the focus).
      await gotoApp(page, '/recommendations')
      const all = page.locator('#rec-scope-all')
      await page.getByTestId('rec-count').waitFor()
      if ((await all.count()) > 0) await all.check()
      const leit = await countOfClass(page, 'Leitprojekt')
      const quick = await countOfClass(page, 'Quick Win')
      expect(leit).toBeGreaterThan(0)
      expect(quick).toBeGreaterThan(0)

      await gotoApp(page, '/agenda')
      await page.getByRole('heading', { level: 2, name: 'Digitale Agenda 1.0' }).waitFor()
      await page.getByRole('button', { name: 'Agenda löschen' }).click()
      const confirm = page.getByRole('dialog', { name: 'Agenda löschen?' })
      await confirm.getByRole('button', { name: 'Agenda löschen' }).click()
      await page.getByRole('heading', { level: 2, name: 'Agenda aus den Empfehlungen erstellen' }).waitFor()
      await axeAtWidths(page, 'Digitale Agenda (ohne Agenda)')

      await page.getByLabel('Version').fill('2.0')
      await page.getByRole('button', { name: 'Agenda erstellen' }).click()
      await page.getByRole('heading', { level: 2, name: 'Digitale Agenda 2.0' }).waitFor()
      await expect.poll(() => live(page).textContent()).toMatch(/^Die Agenda wurde mit \d+ Einträgen erstellt\./)
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('agenda-h')

      const groupCount = async (name: string) => {
        const h = page.getByRole('heading', { level: 3, name: new RegExp(`^${name} \\(\\d+\\)$`) })
        if ((await h.count()) === 0) return 0
        return Number(/\((\d+)\)$/.exec(((await h.textContent()) ?? '').trim())?.[1])
      }
      expect(await groupCount('Leitprojekte')).toBe(Math.min(10, leit))
      expect(await groupCount('Quick Wins')).toBe(quick)
      const statuses = await page.getByTestId('entry-status').allTextContents()
      expect(new Set(statuses)).toEqual(new Set(['geplant']))

      // Grouped by Handlungsfeld: a new agenda has none yet, so everything is "Ohne Handlungsfeld".
      await page.getByLabel('Gruppieren nach').selectOption({ label: 'Handlungsfeld' })
      await page.getByRole('heading', { level: 3, name: /^Ohne Handlungsfeld/ }).waitFor()
      await axeAtWidths(page, 'Digitale Agenda (neu erstellt)')
      fresh.assertClean()
    } finally {
      await fresh.dispose()
    }
  })
})
