/**
 * Leistungsinventar in a real browser (issue "From check to strategy", point 3): the demo's twelve
 * services, adding one, rating two on the criteria (the level shown follows the minimum rule and
 * moves the "online" figure), importing ten from a CSV file with German headers, a CSV with one bad
 * row importing nothing and naming the line, the XLSX export read back, deleting with a
 * confirmation, and axe at 1366 and 390 px.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as XLSX from '@e965/xlsx'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoA11yViolations, gotoApp, loadDemoFromStart, openBrowser, waitFor, type BrowserSession } from './browser'

let dir: string
let s: BrowserSession

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dc-inventory-'))
  s = await openBrowser()
})
afterAll(async () => {
  await s?.dispose()
  rmSync(dir, { recursive: true, force: true })
})

const HEADER = 'Leistung;Fachbereich;Fallzahl;Online seit;Online-Bezahlung;Formular'
const TEN = [
  'Wohnsitzanmeldung;32;6.400;;nein;PDF',
  'Personalausweis beantragen;32;5.900;;ja;kein',
  'Eheschließung anmelden;34;310;;nein;PDF',
  'Geburtsurkunde;34;1.250;01.03.2023;ja;HTML-Formular',
  'Grundsteuer Auskunft;20;900;;nein;kein',
  'Sondernutzung Straße;61;420;;nein;PDF',
  'Baumfällgenehmigung;61;180;;nein;PDF',
  'Schulanmeldung;40;540;;nein;HTML-Formular',
  'Elternbeitrag Kita;51;1.100;;nein;PDF',
  'Bauantrag;63;260;;nein;PDF',
]

function csvFile(name: string, lines: string[]): string {
  const file = path.join(dir, name)
  writeFileSync(file, [HEADER, ...lines].join('\r\n') + '\r\n', 'utf8')
  return file
}

const table = (page: Page) => page.getByTestId('service-table')
const rowCount = (page: Page) => table(page).locator('tbody tr').count()
const figure = (page: Page, name: string) => page.locator(`[data-figure="${name}"]`).innerText()
const live = (page: Page) => page.getByTestId('inventory-live')
const maturityOf = (page: Page, name: string) => table(page).locator('tbody tr', { has: page.getByRole('rowheader', { name, exact: true }) }).getByTestId('service-maturity').innerText()
const panel = (page: Page) => page.locator('section.panel')

async function waitForRows(page: Page, n: number): Promise<void> {
  await waitFor(() => rowCount(page), (c) => c === n, `${n} Leistungen in der Tabelle`)
  await expect.poll(() => table(page).locator('xpath=..').getAttribute('aria-label')).toBe(`Leistungsinventar: ${n} Leistungen`)
}

/** Opens the form of a service, rates its criteria (label → option value) and returns the result line. */
async function rate(page: Page, service: string, ratings: Record<string, string>): Promise<string> {
  await page.getByRole('button', { name: `„${service}“ bearbeiten` }).click()
  const form = page.getByTestId('service-form')
  await form.waitFor()
  for (const [label, value] of Object.entries(ratings)) await form.getByLabel(label, { exact: true }).selectOption(value)
  return (await form.getByTestId('maturity-result').innerText()).replace(/\s+/g, ' ')
}

describe('Leistungsinventar', () => {
  it('shows the demo inventory, adds, rates, imports, refuses a bad file, exports and deletes', async () => {
    const { page } = s
    await page.setViewportSize({ width: 1366, height: 900 })
    await loadDemoFromStart(page)
    await gotoApp(page, '/leistungen')
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Leistungsinventar: Musterstadt')
    await waitForRows(page, 12)
    await expect.poll(() => page.getByTestId('criteria-provisional').innerText()).toContain('Vorläufige Arbeitskriterien – nicht die 13 amtlichen Kriterien des Reifegradmodells 2.0')
    expect(await figure(page, 'total')).toBe('12')
    expect(await figure(page, 'online')).toBe('5')
    expect(await page.getByTestId('inventory-top').locator('li').first().innerText()).toContain('Sperrmüllanmeldung (Sperrmüllkarte) – 3.100 Fälle pro Jahr')
    expect(await maturityOf(page, 'Kita-Platz anmelden (Vormerkung)')).toBe('höchstens Stufe 3')
    expect(await maturityOf(page, 'Fundsachen (Fundbüro)')).toBe('nicht bewertet')
    await expectNoA11yViolations(page, 'Leistungsinventar 1366 px')

    // Sorting by cases: the most used first, in German number format.
    await table(page).getByRole('button', { name: 'Fallzahl pro Jahr' }).click()
    await expect.poll(() => table(page).locator('tbody tr').first().innerText()).toContain('18.500')
    expect(await table(page).getByRole('columnheader', { name: /Fallzahl pro Jahr/ }).getAttribute('aria-sort')).toBe('descending')

    // Add a service; the focus returns to the button that opened the form.
    const add = page.getByRole('button', { name: 'Leistung hinzufügen' })
    await add.click()
    await expect.poll(() => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`)).toBe('H3 Leistung hinzufügen')
    const form = page.getByTestId('service-form')
    await form.getByRole('button', { name: 'Speichern' }).click()
    await expect.poll(() => form.getByText('Bitte ausfüllen.').count()).toBe(1)
    await form.getByLabel('Leistung', { exact: false }).first().fill('Anwohnerbeschwerde Lärm')
    await form.getByLabel('Fachbereich').selectOption({ label: '32 · Bürgerservice und Ordnung' })
    await form.getByLabel('Fallzahl pro Jahr').fill('1.200')
    await form.getByLabel('E-Mail').check()
    await form.getByRole('button', { name: 'Speichern' }).click()
    await waitForRows(page, 13)
    await expect.poll(() => live(page).innerText()).toBe('„Anwohnerbeschwerde Lärm“ wurde hinzugefügt.')
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Leistung hinzufügen')
    expect(await table(page).locator('tbody tr', { hasText: 'Anwohnerbeschwerde Lärm' }).innerText()).toContain('1.200')

    // Rate two services: the level is the minimum over the criteria and names what limits it.
    const all = (v: string, except: Record<string, string> = {}) => ({
      ...Object.fromEntries(['Leistungsinformation', 'Online-Antrag', 'Nutzerkonto (DeutschlandID / Organisationskonto)', 'Authentifizierung', 'Online-Bezahlung', 'Nachweise', 'Bescheid und Rückkanal (Postfach)', 'Statusinformation', 'Once-Only (Nachweise aus Registern)', 'Übergabe an das Fachverfahren', 'E-Akte', 'Buchung im HKR-Verfahren'].map((l) => [l, v])),
      ...except,
    })
    let result = await rate(page, 'Fundsachen (Fundbüro)', all('4', { 'Online-Antrag': '2', 'Online-Bezahlung': 'na', 'Buchung im HKR-Verfahren': 'na' }))
    expect(result).toContain('Stufe 2')
    expect(result).toContain('begrenzt durch: Online-Antrag')
    await page.getByTestId('service-form').getByRole('button', { name: 'Speichern' }).click()
    await expect.poll(() => maturityOf(page, 'Fundsachen (Fundbüro)')).toBe('Stufe 2')
    expect(await figure(page, 'online')).toBe('5')

    result = await rate(page, 'Gartenwasserzähler anmelden', all('5', { 'E-Akte': '3', 'Übergabe an das Fachverfahren': '3' }))
    expect(result).toContain('Stufe 3')
    expect(result).toContain('begrenzt durch: Übergabe an das Fachverfahren, E-Akte')
    await page.getByTestId('service-form').getByLabel('E-Akte', { exact: true }).selectOption('')
    expect((await page.getByTestId('maturity-result').innerText()).replace(/\s+/g, ' ')).toContain('höchstens Stufe 3')
    await page.getByTestId('service-form').getByLabel('E-Akte', { exact: true }).selectOption('6')
    await page.getByTestId('service-form').getByRole('button', { name: 'Speichern' }).click()
    await expect.poll(() => maturityOf(page, 'Gartenwasserzähler anmelden')).toBe('Stufe 3')
    await expect.poll(() => figure(page, 'online')).toBe('6')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('„Gartenwasserzähler anmelden“ bearbeiten')

    // The form open at 1366 px is accessible too.
    await add.click()
    await expectNoA11yViolations(page, 'Leistungsinventar, Formular')
    await page.getByTestId('service-form').getByRole('button', { name: 'Abbrechen' }).click()

    // A CSV with one bad row imports nothing and names the line.
    await page.getByRole('button', { name: 'Aus Datei importieren' }).click()
    await panel(page).getByLabel('Datei (CSV, XLSX oder ODS)').setInputFiles(csvFile('fehler.csv', [TEN[0]!, 'Hundesteuer Zweithund;20;zwölf;;nein;PDF', TEN[2]!]))
    await expect.poll(() => page.getByTestId('import-errors').innerText()).toBe('Zeile 3: „zwölf“ ist keine ganze Zahl (z. B. 12.500).')
    expect(await page.getByTestId('import-figures').innerText()).toContain('Gefundene Zeilen: 3')
    expect(await panel(page).getByRole('button', { name: /importieren$/ }).count()).toBe(0)
    await expectNoA11yViolations(page, 'Leistungsinventar, Importvorschau mit Fehler')
    expect(await rowCount(page)).toBe(13)

    // Ten services from a CSV file with German headers, all at once.
    await panel(page).getByLabel('Datei (CSV, XLSX oder ODS)').setInputFiles(csvFile('leistungen.csv', TEN))
    await expect.poll(() => page.getByTestId('import-figures').innerText()).toContain('Fehler: 0')
    expect((await page.getByTestId('import-figures').innerText()).replace(/\s+/g, ' ')).toBe('Gefundene Zeilen: 10 Fehlerfrei: 10 Fehler: 0')
    await panel(page).getByRole('button', { name: '10 Leistungen importieren' }).click()
    await waitForRows(page, 12 + 1 + 10)
    await expect.poll(() => live(page).innerText()).toBe('Importierte Leistungen: 10')
    expect(await figure(page, 'total')).toBe('23')
    expect(await table(page).locator('tbody tr', { hasText: 'Wohnsitzanmeldung' }).innerText()).toContain('Bürgerservice und Ordnung')
    expect(await table(page).locator('tbody tr', { hasText: 'Geburtsurkunde' }).innerText()).toMatch(/1\.250\s+01\.03\.2023\s+Ja\s+HTML-Formular \(Formularserver\)\s+nicht bewertet/)

    // The export holds what the table shows.
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('group', { name: 'Leistungsinventar herunterladen' }).getByRole('button', { name: 'Als Excel (XLSX)' }).click()])
    const file = path.join(dir, dl.suggestedFilename())
    await dl.saveAs(file)
    const wb = XLSX.read(readFileSync(file), { type: 'buffer' })
    const rows = XLSX.utils.sheet_to_json<(string | number | null)[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, raw: true, defval: null })
    expect(rows[0]).toEqual(['Leistung', 'LeiKa-Schlüssel', 'Fachbereich', 'Kanäle', 'Fallzahl pro Jahr', 'Online seit', 'Online-Bezahlung', 'Formular', 'Reifegrad', 'Bemerkung'])
    expect(rows).toHaveLength(24)
    expect(rows.find((r) => r[0] === 'Wohnsitzanmeldung')?.[4]).toBe(6400)

    // Delete with a confirmation; the focus goes to "Leistung hinzufügen".
    await page.getByRole('button', { name: '„Anwohnerbeschwerde Lärm“ löschen' }).click()
    const dialog = page.getByRole('dialog', { name: '„Anwohnerbeschwerde Lärm“ löschen?' })
    await dialog.getByRole('button', { name: 'Löschen' }).click()
    await waitForRows(page, 22)
    await expect.poll(() => live(page).innerText()).toBe('„Anwohnerbeschwerde Lärm“ wurde gelöscht.')
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Leistung hinzufügen')

    // 390 px: the table scrolls in its region, axe finds nothing.
    await page.setViewportSize({ width: 390, height: 844 })
    await gotoApp(page, '/leistungen')
    await waitForRows(page, 22)
    await expectNoA11yViolations(page, 'Leistungsinventar 390 px')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    s.assertClean()
  })
})
