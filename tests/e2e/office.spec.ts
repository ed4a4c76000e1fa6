/**
 * Office exports in a real browser (issue "From check to strategy", point 5): the dashboard heatmap
 * saved as XLSX and as ODS through its buttons, read back in Node with the same library (SheetJS CE,
 * @e965/xlsx), holds exactly what the table on screen shows — numbers as number cells; the measures
 * table likewise. The spreadsheet library is its own chunk: the start page and the dashboard do not
 * load it, the first press of an export button does.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as XLSX from '@e965/xlsx'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoA11yViolations, gotoApp, loadDemoFromStart, openBrowser, type BrowserSession } from './browser'

let dir: string
let s: BrowserSession

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dc-office-'))
  s = await openBrowser()
})
afterAll(async () => {
  await s?.dispose()
  rmSync(dir, { recursive: true, force: true })
})

/** Requests of the pages (not the service worker's precaching) for the spreadsheet library chunk. */
const libraryLoads = () => s.requests.filter((r) => !r.fromServiceWorker && /\/assets\/xlsx-[\w-]+\.js$/.test(r.url))

/** Presses an export button of a named button group and saves the download; returns its name and path. */
async function exportVia(page: Page, group: string, button: string): Promise<{ name: string; file: string }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('group', { name: group }).getByRole('button', { name: button }).click()])
  const file = path.join(dir, dl.suggestedFilename())
  await dl.saveAs(file)
  return { name: dl.suggestedFilename(), file }
}

/** The sheets of a workbook file as rows of typed cells (null for an empty cell). */
function readBook(file: string): { names: string[]; rows: (string | number | boolean | null)[][][] } {
  const wb = XLSX.read(readFileSync(file), { type: 'buffer' })
  return { names: wb.SheetNames, rows: wb.SheetNames.map((n) => XLSX.utils.sheet_to_json<(string | number | boolean | null)[]>(wb.Sheets[n]!, { header: 1, raw: true, defval: null })) }
}

/** Header cells and body/footer rows of a table as the screen shows them (whitespace squashed). */
async function screenTable(page: Page, testId: string): Promise<{ head: string[]; rows: string[][] }> {
  return page.getByTestId(testId).evaluate((table) => {
    const clean = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()
    return {
      head: [...table.querySelectorAll(':scope > thead > tr > th')].map(clean),
      rows: [...table.querySelectorAll(':scope > tbody > tr, :scope > tfoot > tr')].map((tr) => [...tr.children].map(clean)),
    }
  })
}

const de1 = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
const de2 = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2, useGrouping: false })

/**
 * A heatmap sheet written back as the screen would show it: scores (number cells) with one decimal
 * and a decimal comma, "–" for an empty cell, "*" where the last column names the value as uncertain.
 */
function heatmapAsScreen(rows: (string | number | boolean | null)[][]): { head: string[]; rows: string[][]; uncertainHeader: string } {
  const [header, ...body] = rows
  const head = (header ?? []).slice(0, -1).map(String)
  const titles = head.slice(1)
  return {
    head,
    uncertainHeader: String(header?.at(-1)),
    rows: body.map((row) => {
      const uncertain = new Set(typeof row.at(-1) === 'string' ? String(row.at(-1)).split('; ') : [])
      return row.slice(0, -1).map((cell, i) => {
        if (i === 0) return String(cell)
        if (cell !== null && typeof cell !== 'number') throw new Error(`Zelle ist keine Zahl: ${JSON.stringify(cell)}`)
        return `${cell === null ? '–' : de1.format(cell)}${uncertain.has(titles[i - 1]!) ? '*' : ''}`
      })
    }),
  }
}

describe('Heatmap und Maßnahmen als XLSX und ODS', () => {
  it('the start page and the dashboard do not load the spreadsheet library', async () => {
    const { page } = s
    await loadDemoFromStart(page)
    await gotoApp(page, '/')
    await page.getByRole('heading', { level: 2, name: 'Musterstadt' }).waitFor()
    expect(libraryLoads()).toEqual([])
    await gotoApp(page, '/dashboard')
    await page.getByTestId('heatmap').waitFor()
    await page.getByRole('group', { name: 'Heatmap herunterladen' }).waitFor()
    expect(libraryLoads()).toEqual([])
    await expectNoA11yViolations(page, 'Übersicht mit Export-Schaltflächen')
  })

  it.each([['xlsx', 'Als Excel (XLSX)'], ['ods', 'Als OpenDocument (ODS)']])('heatmap as %s: the same cells as on screen', async (format, button) => {
    const { page } = s
    await gotoApp(page, '/dashboard')
    await page.getByTestId('heatmap').waitFor()
    const screen = await screenTable(page, 'heatmap')
    const { name, file } = await exportVia(page, 'Heatmap herunterladen', button)
    expect(name).toMatch(new RegExp(`^Musterstadt-.+-Reifegrade\\.${format}$`))
    expect(libraryLoads().length).toBeGreaterThan(0) // loaded now, on the first press

    const book = readBook(file)
    expect(book.names).toEqual(['Reifegrade'])
    const sheet = book.rows[0]!
    // Numbers are number cells: the first department's first score, and the total.
    expect(typeof sheet[1]![1]).toBe('number')
    const asScreen = heatmapAsScreen(sheet)
    expect(asScreen.uncertainHeader).toBe('Unsichere Werte (*)')
    expect(asScreen.head).toEqual(screen.head)
    expect(asScreen.rows).toEqual(screen.rows)
    expect(screen.rows.length).toBe(11) // ten departments and the municipality
    expect(screen.rows[0]![0]).toMatch(/^\d+ · /)
  })

  it('measures as xlsx: the matrix table as on screen', async () => {
    const { page } = s
    await gotoApp(page, '/recommendations')
    await page.getByTestId('matrix-table').waitFor()
    const screen = await page.getByTestId('matrix-table').evaluate((wrap) => {
      const clean = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()
      return {
        head: [...wrap.querySelectorAll('thead th')].map(clean),
        rows: [...wrap.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map(clean)),
      }
    })
    const { name, file } = await exportVia(page, 'Maßnahmen herunterladen', 'Als Excel (XLSX)')
    expect(name).toMatch(/^Musterstadt-.+-Massnahmen\.xlsx$/)
    const book = readBook(file)
    expect(book.names).toEqual(['Maßnahmen'])
    const [header, ...body] = book.rows[0]!
    expect(header).toEqual(screen.head)
    const numeric = screen.head.map((h) => ['Rang', 'Aufwand', 'Personentage (PT)', 'Wirkung', 'Priorität'].includes(h))
    expect(body.length).toBe(screen.rows.length)
    expect(body.length).toBeGreaterThan(0)
    body.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (numeric[c] && cell !== null) expect(typeof cell, `${r}/${c}`).toBe('number')
        expect(cell === null ? '–' : typeof cell === 'number' ? de2.format(cell) : String(cell), `Zeile ${r + 1}, Spalte ${c + 1}`).toBe(screen.rows[r]![c])
      }),
    )
    s.assertClean()
  })
})
