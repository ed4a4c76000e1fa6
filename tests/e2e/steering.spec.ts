/**
 * The steering group's screens with the demo "Musterstadt": dashboard, comparison of rounds, the
 * management report as a printed PDF, and the data page – backup round trip, bad files, markup in
 * names shown as text, and the backup reminder.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dumpIndexedDb, expectNoA11yViolations, gotoApp, loadDemoFromStart, openBrowser, putMetaInIndexedDb, type BrowserSession } from './browser'
import { CATALOG_DIMENSIONS, parseScore, tableRows } from './flows'
import { pdfPagesText } from './pdf'
import { makeProfileDir, removeProfile } from './support.mjs'

const DEP_ID = 'demo-musterstadt-dep-12'
const DEP_NAME = 'IT und Digitalisierung'
const DEP_ROW = `12 · ${DEP_NAME}`
const XSS_NAME = '<img src=x onerror="window.__xss=1">Teststadt'

/** The number as displayed ("45,3"), without badges such as "unsicher" or "*"; "–" if none. */
const shown = (text: string | undefined): string => /-?\d+,\d/.exec(text ?? '')?.[0] ?? '–'

async function heatmapRowKeys(page: Page): Promise<string[]> {
  return (await tableRows(page, 'heatmap')).map((r) => r.key)
}

/** Visible text of the heatmap table (what the steering group reads). */
async function heatmapText(page: Page): Promise<string> {
  await gotoApp(page, '/dashboard')
  await page.getByTestId('heatmap').locator('tbody tr').first().waitFor()
  return page.getByTestId('heatmap').innerText()
}

/** Clicks "Sicherung herunterladen" on the data screen and saves the file; returns its path. */
async function downloadBackup(page: Page, dir: string, name: string): Promise<string> {
  await gotoApp(page, '/data')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Sicherung herunterladen' }).click()])
  expect(download.suggestedFilename()).toMatch(/^digitalisierungs-check-sicherung-\d{4}-\d{2}-\d{2}\.json$/)
  const file = path.join(dir, name)
  await download.saveAs(file)
  await page.getByTestId('last-export').filter({ hasText: /^Letzte Sicherung: / }).waitFor()
  return file
}

function restoreInput(page: Page) {
  return page.getByLabel('Sicherungsdatei auswählen (.json)')
}

describe('Lenkungsgruppe: Übersicht, Vergleich, Bericht, Sicherung', () => {
  let s: BrowserSession
  let dir = ''
  beforeAll(async () => {
    dir = makeProfileDir('dc-e2e-files-')
    s = await openBrowser()
    await loadDemoFromStart(s.page)
  })
  afterAll(async () => {
    await s?.dispose()
    if (dir) removeProfile(dir)
  })

  it('Übersicht: Heatmap wie im Fachbereichsergebnis, Sortierung, Filter nach Einheit, weitere Tabellen', async () => {
    const { page } = s
    await gotoApp(page, '/dashboard')
    const heat = page.getByTestId('heatmap')
    await heat.locator('tbody tr').first().waitFor()

    const headers = await heat.locator('thead th').allInnerTexts()
    expect(headers).toHaveLength(1 + 9 + 1)
    expect(headers[0]?.trim()).toBe('Fachbereich')
    expect(headers.at(-1)?.trim()).toBe('Gesamt')
    const dimHeaders = headers.slice(1, -1).map((h) => h.trim())
    expect(new Set(dimHeaders)).toEqual(new Set(CATALOG_DIMENSIONS.map((d) => d.title.de)))
    const rows = await tableRows(page, 'heatmap')
    expect(rows).toHaveLength(10)
    for (const r of rows) expect(r.cells).toHaveLength(10)
    const orgRow = await tableRows(page, 'heatmap', 'tfoot')
    expect(orgRow).toHaveLength(1)
    expect(orgRow[0]!.key).toBe('Kommune')
    expect(orgRow[0]!.cells.every((c) => /^\d+,\d$/.test(c))).toBe(true)

    // The numbers of one department equal those of its result page (same formatting)
    const itRow = rows.find((r) => r.key === DEP_ROW)!
    const heatByDim = new Map(dimHeaders.map((h, i) => [h, shown(itRow.cells[i])]))
    const heatTotal = shown(itRow.cells.at(-1))
    await gotoApp(page, '/')
    const href = (await page.getByRole('link', { name: `Ergebnis – ${DEP_NAME}` }).getAttribute('href')) ?? ''
    expect(href).toContain(`/${DEP_ID}`)
    await gotoApp(page, href.replace(/^.*#/, ''))
    await page.getByTestId('dimension-table').locator('tbody tr').first().waitFor()
    const resultRows = await tableRows(page, 'dimension-table')
    expect(resultRows).toHaveLength(9)
    for (const r of resultRows) expect(shown(r.cells[0]), r.key).toBe(heatByDim.get(r.key))
    expect(shown((await page.getByRole('region', { name: 'Zusammenfassung' }).locator('.big-score').textContent()) ?? '')).toBe(heatTotal)

    // Sorting by a column header sets aria-sort and changes the order
    await gotoApp(page, '/dashboard')
    await heat.locator('tbody tr').first().waitFor()
    const initial = await heatmapRowKeys(page)
    expect(initial[0]).toMatch(/^10 · /) // by code
    const dimTitle = 'Informationssicherheit und Datenschutz'
    const th = heat.locator('thead th').filter({ has: page.getByRole('button', { name: dimTitle, exact: true }) })
    expect(await th.getAttribute('aria-sort')).toBeNull()
    await page.getByRole('button', { name: dimTitle, exact: true }).click()
    await expect.poll(() => th.getAttribute('aria-sort')).toBe('descending')
    const sorted = await heatmapRowKeys(page)
    expect(sorted).not.toEqual(initial)
    expect([...sorted].sort()).toEqual([...initial].sort())
    const col = dimHeaders.indexOf(dimTitle)
    const values = (await tableRows(page, 'heatmap')).map((r) => parseScore(r.cells[col]))
    const numbers = values.filter((v): v is number => v !== null)
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a))
    expect(await heat.locator('thead th[aria-sort]').count()).toBe(1)
    await page.getByRole('button', { name: dimTitle, exact: true }).click()
    await expect.poll(() => th.getAttribute('aria-sort')).toBe('ascending')

    // Parent unit filter
    await page.getByLabel('Übergeordnete Einheit').selectOption({ label: 'Dezernat III' })
    await expect.poll(() => heat.locator('tbody tr').count()).toBe(2)
    expect((await heatmapRowKeys(page)).sort()).toEqual(['61 · Stadtplanung und Umwelt', '63 · Bauordnung'])
    await expectNoA11yViolations(page, 'Übersicht (sortiert, gefiltert)')
    await page.getByLabel('Übergeordnete Einheit').selectOption({ label: 'alle' })
    await expect.poll(() => heat.locator('tbody tr').count()).toBe(10)

    // Ranking, completeness, distribution
    expect(await tableRows(page, 'ranking')).toHaveLength(10)
    const completeness = await tableRows(page, 'completeness')
    expect(completeness).toHaveLength(10)
    expect(completeness.find((r) => r.key === '63 · Bauordnung')?.cells[2]).toBe('0 %')
    const dist = await tableRows(page, 'distribution')
    expect(dist).toHaveLength(9)
    for (const r of dist) expect(r.cells.every((c) => /^\d+$/.test(c))).toBe(true)
    s.assertClean()
  })

  it('Vergleich: die zwei Demo-Runden (Katalog 1.0.0 und 2.0.0), zugeordnete Fragen, Veränderungen und Verlauf', async () => {
    const { page } = s
    await gotoApp(page, '/compare')
    const year = new Date().getFullYear()
    const selected = async (label: string) => page.getByLabel(label).evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent?.trim())
    await page.getByTestId('compare-dimensions').waitFor()
    expect(await selected('Frühere Runde')).toBe(`Digitalisierungs-Check ${year - 2}`)
    expect(await selected('Spätere Runde')).toBe(`Digitalisierungs-Check ${year}`)
    // The earlier round uses catalogue 1.0.0, the current one 2.0.0: compared on the mapped items.
    const note = ((await page.getByTestId('catalog-note').textContent()) ?? '').replace(/\s+/g, ' ').trim()
    expect(note).toBe(
      'Die Runden verwenden die Katalogversionen 1.0.0 und 2.0.0. Verglichen wird auf den 70 Fragen, die die neuere Version den Fragen der älteren zuordnet, beide nach der Methode der neueren Version. Nicht vergleichbar (neu gefasst, zusammengelegt, neu oder entfallen): 11 Fragen aus 1.0.0 und 29 Fragen aus 2.0.0.',
    )
    const notComparable = page.getByTestId('not-comparable')
    await notComparable.locator('summary').click()
    expect(await notComparable.getByRole('listitem').count()).toBe(11 + 29)
    expect(await notComparable.getByRole('listitem').first().textContent()).toMatch(/^ozg-01: /)
    const dims = await tableRows(page, 'compare-dimensions')
    expect(dims).toHaveLength(9)
    for (const r of dims) {
      expect(r.cells[0]).toMatch(/^\d+,\d$/)
      expect(r.cells[1]).toMatch(/^\d+,\d$/)
      expect(r.cells[2]).toMatch(/^[▲▼=] [+-]?\d+,\d \((gestiegen|gesunken|unverändert)\)$/)
    }
    expect(dims.some((r) => /gestiegen/.test(r.cells[2] ?? ''))).toBe(true)
    const deps = await tableRows(page, 'compare-departments')
    expect(deps).toHaveLength(10)
    const trend = await tableRows(page, 'trend')
    expect(trend.map((r) => r.key)).toEqual([`Digitalisierungs-Check ${year - 2}`, `Digitalisierungs-Check ${year}`])
    // The two rounds use catalogue 1.0.0 and 2.0.0: the chart does not join them with a line, and says why.
    expect(await page.getByTestId('trend-split').textContent()).toContain('nicht durch eine Linie verbunden')
    s.assertClean()
  })

  it('Bericht: gedrucktes PDF mit allen Abschnitten und dem Reifegrad der Ergebnisseite', async () => {
    const { page } = s
    await gotoApp(page, '/results')
    // The screen may show "–" for a moment while the round's answers arrive; wait for the score.
    await expect.poll(async () => shown((await page.getByTestId('org-score').textContent()) ?? ''), { timeout: 10_000 }).toMatch(/^\d+,\d$/)
    const orgScore = shown((await page.getByTestId('org-score').textContent()) ?? '')

    await gotoApp(page, '/report')
    await page.getByTestId('report').waitFor()
    await page.emulateMedia({ media: 'print' })
    let pdf: Buffer
    try {
      pdf = await page.pdf({ format: 'A4' })
    } finally {
      await page.emulateMedia({ media: 'screen' })
    }
    const pages = await pdfPagesText(pdf)
    expect(pages.length).toBeGreaterThan(3)
    const text = pages.join(' \n ')
    // The screen-only controls are not printed
    expect(text).not.toContain('Drucken / als PDF speichern')
    const sections = ['Managementbericht', 'Musterstadt', '1. Zusammenfassung', '2. Methode', '3. Reifegrade', '4. Wichtigste Maßnahmen', '5. Roadmap', '6. Digitale Agenda', '7. Leistungsinventar', '8. Anhang']
    let last = -1
    for (const sec of sections) {
      const at = text.indexOf(sec, sec === 'Musterstadt' ? 0 : last + 1)
      expect(at, `Abschnitt „${sec}“ im PDF`).toBeGreaterThanOrEqual(0)
      if (/^\d\./.test(sec)) {
        expect(at, `Reihenfolge: „${sec}“`).toBeGreaterThan(last)
        last = at
      }
    }
    const annex = text.slice(text.indexOf('8. Anhang'))
    expect(annex).toContain(DEP_ROW)
    expect(annex).toContain('63 · Bauordnung')
    // Method 2.0: the demo's result is capped by its Fundament; the summary gives both numbers.
    const capped = /Das\s+Gesamtergebnis\s+liegt\s+bei\s+(\d+,\d)\s+von\s+100/.exec(text)
    expect(capped, 'Satz mit dem Gesamtergebnis in der Zusammenfassung').not.toBeNull()
    const mean = /läge\s+der\s+Mittelwert\s+bei\s+(\d+,\d)/.exec(text)
    expect(mean, 'Mittelwert ohne Begrenzung in der Zusammenfassung').not.toBeNull()
    expect(mean![1]).toBe(orgScore)
    expect(Number((capped![1] ?? '').replace(',', '.'))).toBeLessThan(Number(orgScore.replace(',', '.')))
    s.assertClean()
  })

  it('Sicherung: herunterladen, alles löschen, wiederherstellen – die Übersicht ist danach gleich', async () => {
    const { page } = s
    const before = await heatmapText(page)
    const file = await downloadBackup(page, dir, 'sicherung.json')
    const backup = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown[]>
    expect(backup.organisations).toHaveLength(1)
    expect(backup.departments).toHaveLength(10)

    // Delete everything (with confirmation)
    await page.getByRole('button', { name: 'Alle Daten löschen' }).click()
    const dialog = page.getByRole('dialog', { name: 'Alle Daten in diesem Browser löschen' })
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Alle Daten löschen' }).click()
    await page.getByRole('status').filter({ hasText: 'Alle Daten wurden gelöscht.' }).waitFor()
    await gotoApp(page, '/')
    await page.getByRole('heading', { level: 2, name: 'Noch keine Kommune angelegt' }).waitFor()
    const emptied = await dumpIndexedDb(page)
    for (const store of ['organisations', 'departments', 'rounds', 'assessments']) expect(emptied[store], store).toEqual([])

    // Restore: the file is merged; the preview counts what it would add
    await gotoApp(page, '/data')
    await restoreInput(page).setInputFiles(file)
    const preview = page.getByTestId('import-preview')
    await preview.waitFor()
    const row = preview.locator('tbody tr').first()
    const details = ((await row.locator('td').first().textContent()) ?? '').replace(/\s+/g, ' ')
    expect(details).toContain('Kommunen: 1 neu, 0 aktualisiert, 0 gelöscht')
    expect(details).toContain('Fachbereiche: 10 neu, 0 aktualisiert')
    expect(details).toContain('Erhebungsrunden: 2 neu, 0 aktualisiert')
    expect(details).toContain(`Fragebögen: ${backup.assessments!.length} neu, 0 aktualisiert`)
    const answers = (backup.assessments as { answers: Record<string, unknown> }[]).reduce((n, a) => n + Object.keys(a.answers).length, 0)
    expect((await row.locator('td').allTextContents()).slice(1).map((c) => c.trim())).toEqual([String(answers), '0', '0', '0'])
    await expectNoA11yViolations(page, 'Daten & Sicherung (Vorschau der Wiederherstellung)')
    await page.getByTestId('import-apply').click()
    await page.getByTestId('import-done').waitFor()
    // The demo's Digitale Agenda (one, with its status changes) and Leistungsinventar are restored too.
    const strategy = backup.agendas!.length + backup.agendaEvents!.length + backup.services!.length
    expect(strategy).toBe(1 + 9 + 12)
    expect(await page.getByTestId('import-done').textContent()).toContain(`${1 + 10 + 2 + backup.assessments!.length + strategy} Einträge geschrieben`)

    expect(await heatmapText(page)).toBe(before)

    // The same file again: nothing to restore
    await gotoApp(page, '/data')
    await restoreInput(page).setInputFiles(file)
    await preview.waitFor()
    await preview.getByText('Diese Datei ändert nichts an Ihren Daten.').waitFor()
    expect(await page.getByTestId('import-apply').isDisabled()).toBe(true)
    await page.getByRole('button', { name: 'Abbrechen' }).click()
    await preview.waitFor({ state: 'hidden' })
    s.assertClean()
  })

  it('fehlerhafte Dateien: deutsche Fehlerliste, IndexedDB unverändert, Markup bleibt Text', async () => {
    const { page } = s
    const good = await downloadBackup(page, dir, 'vorlage.json')
    const text = readFileSync(good, 'utf8')
    const before = await dumpIndexedDb(page)
    const errors = page.getByTestId('import-preview').getByRole('alert')

    // Truncated JSON
    await gotoApp(page, '/data')
    await restoreInput(page).setInputFiles({ name: 'abgeschnitten.json', mimeType: 'application/json', buffer: Buffer.from(text.slice(0, Math.floor(text.length / 2))) })
    await errors.waitFor()
    expect(await errors.textContent()).toContain('„abgeschnitten.json“ wird nicht übernommen')
    expect(await errors.getByRole('listitem').allTextContents()).toEqual(['Die Datei endet unerwartet – sie ist vermutlich unvollständig gespeichert oder übertragen worden.'])
    await errors.getByText('Es wurde nichts verändert.').waitFor()
    await expectNoA11yViolations(page, 'Daten & Sicherung (Fehlerliste)')
    expect(await dumpIndexedDb(page)).toEqual(before)

    // Markup in a name and a wrong format version
    const evil = JSON.parse(text) as { formatVersion: number; organisations: { name: string }[] }
    evil.formatVersion = 99
    evil.organisations[0]!.name = '<script>window.__xss=2</script><img src=x onerror="window.__xss=3">Musterstadt'
    const evilFile = path.join(dir, 'boese.json')
    writeFileSync(evilFile, JSON.stringify(evil))
    await restoreInput(page).setInputFiles(evilFile)
    await errors.filter({ hasText: 'boese.json' }).waitFor()
    expect(await dumpIndexedDb(page)).toEqual(before)
    const items = await errors.getByRole('listitem').allTextContents()
    expect(items.join('\n')).toMatch(/Die Datensicherung hat die Formatversion 99; diese App kann nur Version \d+ lesen/)
    expect(await errors.locator('script, img').count()).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()
    expect(await dumpIndexedDb(page)).toEqual(before)
    s.assertClean()
  })

  it('Erinnerung an die Sicherung erscheint nach 10 Tagen und verschwindet nach dem Export', async () => {
    const { page } = s
    await gotoApp(page, '/')
    await putMetaInIndexedDb(page, 'firstUnexportedChangeAt', new Date(Date.now() - 10 * 24 * 60 * 60 * 1000).toISOString())
    await page.reload()
    const reminder = page.getByTestId('backup-reminder')
    await reminder.waitFor()
    expect(await reminder.textContent()).toContain('Seit 10 Tagen gibt es Änderungen, die in keiner Sicherung enthalten sind.')
    await downloadBackup(page, dir, 'erinnerung.json')
    await gotoApp(page, '/')
    await page.getByRole('heading', { level: 2, name: 'Musterstadt' }).waitFor()
    expect(await reminder.count()).toBe(0)
    await page.reload()
    await page.getByRole('heading', { level: 2, name: 'Musterstadt' }).waitFor()
    expect(await reminder.count()).toBe(0)
    s.assertClean()
  })

  it('Markup im Namen einer neuen Kommune wird als Text gezeigt, nicht ausgeführt', async () => {
    const { page } = s
    await gotoApp(page, '/setup')
    await page.getByRole('button', { name: 'Neue Kommune' }).click()
    await page.getByLabel('Name der Kommune').fill(XSS_NAME)
    await page.getByRole('button', { name: 'Speichern' }).click()
    const orgSection = page.getByRole('region', { name: 'Kommune' })
    await orgSection.locator('strong').filter({ hasText: 'Teststadt' }).waitFor()
    expect(await orgSection.locator('strong').first().textContent()).toBe(XSS_NAME)
    const select = page.getByLabel('Kommune wählen')
    await expect.poll(() => select.evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe(XSS_NAME)
    expect(await select.locator('option').allTextContents()).toContain('Musterstadt')
    await gotoApp(page, '/')
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe(XSS_NAME)
    // The only image is the installation's logo in the header (src="logo.svg"); nothing from the name.
    expect(await page.locator('main img, header img:not(.logo)').count()).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()
    s.assertClean()
  })
})
