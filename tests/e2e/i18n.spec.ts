/**
 * English users read English (hardening #8/#9), in the production build: after switching to English
 * in the settings, a refused restore file, an invalid catalogue and the CSV export speak English
 * (titles, labels, decimal point, ISO dates). The domain reports codes; the screens word them.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { gotoApp, loadDemoFromStart, openBrowser, type BrowserSession } from './browser'

describe('English screens explain problems in English', () => {
  let s: BrowserSession | undefined
  let dir = ''
  afterAll(async () => {
    await s?.dispose()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('switched to English in the settings', async () => {
    s = await openBrowser()
    dir = mkdtempSync(path.join(tmpdir(), 'dc-i18n-'))
    const { page } = s
    await loadDemoFromStart(page)
    await gotoApp(page, '/settings')
    await page.getByLabel('English', { exact: true }).check()
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor()
    await gotoApp(page, '/data')
    await page.getByRole('heading', { level: 1, name: 'Data & backup' }).waitFor()
  })

  it('a broken backup file is refused with English messages', async () => {
    const { page } = s!
    await page.getByLabel('Choose backup file (.json)', { exact: true }).setInputFiles([
      { name: 'newer.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"digitalisierungs-check/backup","formatVersion":99}') },
      { name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"digitalisierungs-check/backup",') },
    ])
    const preview = page.getByTestId('import-preview')
    await preview.waitFor()
    const rows = preview.locator('tr[data-file]')
    await expect.poll(() => rows.count()).toBe(2)
    expect(await rows.nth(0).locator('.errors').innerText()).toContain('“newer.json” will not be applied:')
    expect(await rows.nth(0).locator('.errors li').allInnerTexts()).toEqual(['The backup has format version 99; this app can only read version 3. Please update the app. (formatVersion)'])
    expect(await rows.nth(1).locator('.errors li').allInnerTexts()).toEqual(['The file ends unexpectedly – it was probably saved or transferred incompletely.'])
    expect(await page.getByTestId('import-apply').isDisabled()).toBe(true)
  })

  it('an invalid catalogue is refused with English messages that name the place in words', async () => {
    const { page } = s!
    const catalog = JSON.parse(readFileSync(path.resolve('src/catalogs/dc-kommune/2.0.0.json'), 'utf8')) as {
      id: string
      items: { id: string; levels: { de: string }[] }[]
      measures: { id: string; dependsOn: string[] }[]
    }
    catalog.id = 'dc-kommune-broken'
    catalog.items[5]!.levels[3]!.de = ''
    const item = catalog.items[5]!.id
    await page.getByLabel('Choose a catalogue file (JSON, YAML, Excel/Calc spreadsheet or CSV)', { exact: true }).setInputFiles({ name: 'catalogue.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(catalog), 'utf8') })
    const errors = page.getByTestId('catalog-errors')
    await errors.waitFor()
    expect(await errors.innerText()).toContain('The catalogue was not imported:')
    expect(await errors.locator('li').allInnerTexts()).toEqual([`Question ${item}, level 3, German text: Value too small or text empty (minimum 1).`])
  })

  it('the CSV export of maturity levels has English titles and decimal points', async () => {
    const { page } = s!
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Maturity levels (CSV)' }).click()])
    const file = path.join(dir, 'scores.csv')
    await download.saveAs(file)
    const lines = readFileSync(file, 'utf8').split('\r\n')
    expect(lines[0]).toBe('\uFEFFDepartment;Dimension;Maturity (0–100);Coverage (%);Scoring model')
    const numbers = lines.slice(1).filter((l) => l !== '').map((l) => l.split(';').slice(2, 4))
    expect(numbers.length).toBeGreaterThan(10)
    for (const [score, coverage] of numbers) {
      expect(score ?? '').toMatch(/^(\d+\.\d|)$/)
      expect(coverage ?? '').toMatch(/^\d*$/)
    }
    expect(numbers.some(([score]) => score !== '')).toBe(true)
    s!.assertClean()
  })
})
