/**
 * Issue 13, "Bring your own model", in a real browser: a consultant fills in the spreadsheet
 * template (XLSX, a three-level scale, a yes/no question, no Bedarf/Potenzial and no measures),
 * imports it, a department answers, the results show the scores on that scale. A corrected version
 * (one question removed, one moved to the other dimension) comes as YAML; the round is moved to it
 * after a preview whose counts are checked, and the results follow. The catalogue list shows both
 * versions, the unused one can be deleted once the round has moved. axe stays clean.
 */
import * as XLSX from '@e965/xlsx'
import { stringify } from 'yaml'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoA11yViolations, gotoApp, openBrowser, waitForStableScreen, type BrowserSession } from './browser'
import { andWaitForSave, beginQuestionnaire, istRadio, questionCards, setUpOwnCatalogue, tableRows } from './flows'

const DEPARTMENT = 'Ordnungsamt'
const ROUND = 'Eigenes Modell 2026'

/** Version 1.0.0 as the spreadsheet template has it: one row per question and level. */
function templateWorkbook(): Buffer {
  const wb = XLSX.utils.book_new()
  const sheet = (name: string, rows: (string | number)[][]) => XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name)
  sheet('Katalog', [
    ['key', 'value'],
    ['id', 'eigenes-modell'],
    ['version', '1.0.0'],
    ['title_de', 'Eigenes Reifegradmodell'],
    ['description_de', 'Drei Stufen, eine Ja/Nein-Frage, ohne Bedarf und Maßnahmen.'],
    ['publishedAt', '2026-11-01'],
  ])
  sheet('Skalen', [
    ['scale', 'level', 'value', 'label_de'],
    ['ist', 0, 0, 'nicht begonnen'],
    ['ist', 1, 1, 'begonnen'],
    ['ist', 2, 2, 'umgesetzt'],
    ['ja-nein', 0, 0, 'Nein'],
    ['ja-nein', 1, 1, 'Ja'],
  ])
  sheet('Dimensionen', [
    ['id', 'title_de', 'description_de', 'defaultTarget'],
    ['steuerung', 'Steuerung', 'Wie gesteuert wird.', 2],
    ['technik', 'Technik', 'Welche Technik da ist.', 2],
  ])
  const item = (id: string, dim: string, question: string, texts: string[], scale = '') =>
    texts.map((text, level) => [id, dim, scale, level, level === 0 ? question : '', level === 0 ? 'Hilfe zur Frage.' : '', text])
  sheet('Fragen', [
    ['item', 'dimension', 'scale', 'level', 'question_de', 'help_de', 'text_de'],
    ...item('st-1', 'steuerung', 'Gibt es Ziele?', ['Keine Ziele', 'Ziele im Entwurf', 'Ziele beschlossen']),
    ...item('st-2', 'steuerung', 'Gibt es ein Budget?', ['Kein Budget', 'Budget im Einzelfall', 'Budget im Haushalt']),
    ...item('te-1', 'technik', 'Gibt es eine E-Akte?', ['Keine E-Akte', 'E-Akte in Teilen', 'E-Akte überall']),
    ...item('te-2', 'technik', 'Gibt es WLAN?', ['Kein WLAN', 'WLAN vorhanden'], 'ja-nein'),
  ])
  return XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer
}

/** Version 1.1.0 as YAML: st-2 moved to Technik, te-1 removed. */
function correctedYaml(): string {
  const levels = (...de: string[]) => de.map((t) => ({ de: t }))
  const q = (id: string, dimensionId: string, question: string, texts: { de: string }[], scale?: string) => ({ id, dimensionId, question: { de: question }, help: { de: 'Hilfe zur Frage.' }, ...(scale ? { scale } : {}), levels: texts, appliesTo: 'all' })
  return stringify({
    format: 'digitalisierungs-check/catalog',
    formatVersion: 1,
    id: 'eigenes-modell',
    version: '1.1.0',
    title: { de: 'Eigenes Reifegradmodell' },
    description: { de: 'Korrigierte Fassung.' },
    publishedAt: '2026-11-20',
    sources: [],
    scales: { ist: [0, 1, 2].map((v, i) => ({ value: v, label: { de: ['nicht begonnen', 'begonnen', 'umgesetzt'][i] } })) },
    answerScales: [{ id: 'ja-nein', levels: [{ value: 0, label: { de: 'Nein' } }, { value: 1, label: { de: 'Ja' } }] }],
    dimensions: [
      { id: 'steuerung', title: { de: 'Steuerung' }, description: { de: 'Wie gesteuert wird.' }, defaultTarget: 2 },
      { id: 'technik', title: { de: 'Technik' }, description: { de: 'Welche Technik da ist.' }, defaultTarget: 2 },
    ],
    items: [
      q('st-1', 'steuerung', 'Gibt es Ziele?', levels('Keine Ziele', 'Ziele im Entwurf', 'Ziele beschlossen')),
      q('st-2', 'technik', 'Gibt es ein Budget?', levels('Kein Budget', 'Budget im Einzelfall', 'Budget im Haushalt')),
      q('te-2', 'technik', 'Gibt es WLAN?', levels('Kein WLAN', 'WLAN vorhanden'), 'ja-nein'),
    ],
    measures: [],
  })
}

/** The dimension scores of the results screen, by dimension title. */
async function dimensionScores(s: BrowserSession): Promise<Record<string, string>> {
  const { page } = s
  await gotoApp(page, '/results')
  await page.getByTestId('org-dimensions').waitFor()
  await waitForStableScreen(page)
  return Object.fromEntries((await tableRows(page, 'org-dimensions')).map((r) => [r.key, (r.cells[0] ?? '').replace(/\s+/g, ' ')]))
}

describe('Eigenes Modell aus der Tabellenvorlage, neue Version, Runde umstellen', () => {
  let s: BrowserSession
  beforeAll(async () => {
    s = await openBrowser()
    await s.page.setViewportSize({ width: 1366, height: 900 })
  })
  afterAll(async () => {
    await s?.dispose()
  })

  it('imports the filled-in spreadsheet template', async () => {
    const { page } = s
    await setUpOwnCatalogue(page, {
      organisation: 'Modellstadt',
      file: { name: 'eigenes-modell.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: templateWorkbook() },
      department: DEPARTMENT,
      code: '32',
      round: ROUND,
      catalogLabel: 'Eigenes Reifegradmodell, Version 1.0.0 (importiert)',
    })
    await gotoApp(page, '/data')
    await page.getByLabel('Katalogdatei auswählen (JSON, YAML, Excel-/Calc-Tabelle oder CSV)').setInputFiles({ name: 'eigenes-modell.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: templateWorkbook() })
    const ok = page.getByTestId('catalog-imported')
    await ok.waitFor()
    // The same file again: already there, nothing changed.
    expect(await ok.innerText()).toContain('Der Katalog „Eigenes Reifegradmodell“, Version 1.0.0, ist bereits vorhanden.')
    const list = page.getByTestId('catalog-list')
    await list.locator('tr[data-catalog="eigenes-modell@1.0.0"]').waitFor()
    await list.locator('tr[data-catalog="eigenes-modell@1.0.0"]').getByRole('button', { name: /^Vorschau/ }).click()
    const preview = page.getByTestId('catalog-preview')
    await preview.getByText('nicht begonnen · begonnen · umgesetzt').waitFor()
    expect(await preview.innerText()).toContain('0 Gruppen, 2 Dimensionen, 4 Fragen, 0 Maßnahmen')
    expect(await preview.innerText()).toContain('keine (nur Ist-Stand)')
    await expectNoA11yViolations(page, 'Daten (Katalogverwaltung mit Vorschau)')
  })

  it('answers on the model’s own scales and shows its scores', async () => {
    const { page } = s
    // The round targets offer the three levels of the model's scale.
    await gotoApp(page, '/setup')
    const roundSection = page.getByRole('region', { name: 'Erhebungsrunden' })
    await roundSection.getByRole('button', { name: 'Erhebungsrunde hinzufügen' }).click()
    await roundSection.getByLabel('Fragenkatalog').selectOption({ label: 'Eigenes Reifegradmodell, Version 1.0.0 (importiert)' })
    expect(await roundSection.getByLabel('Steuerung').locator('option').count()).toBe(4)
    await roundSection.getByRole('button', { name: 'Abbrechen' }).click()

    await beginQuestionnaire(page, DEPARTMENT, 'Amtsleitung', ROUND)
    const cards = questionCards(page)
    await cards.nth(1).waitFor()
    // Three levels, no Bedarf/Potenzial asked.
    expect(await cards.nth(0).getByRole('radio').count()).toBe(5) // 3 levels + n/a + weiß nicht
    expect(await cards.nth(0).getByRole('group', { name: /^Bedarf/ }).count()).toBe(0)
    await andWaitForSave(page, () => istRadio(cards.nth(0), 2).check())
    await andWaitForSave(page, () => istRadio(cards.nth(1), 1).check())
    await expectNoA11yViolations(page, 'Fragebogen (eigenes Modell)')
    await page.getByRole('button', { name: /^Technik/ }).click()
    await page.getByRole('heading', { level: 2, name: /Technik/ }).waitFor()
    await andWaitForSave(page, () => istRadio(cards.nth(0), 2).check())
    // The yes/no question offers two levels.
    expect(await cards.nth(1).getByRole('radio').count()).toBe(4)
    await andWaitForSave(page, () => istRadio(cards.nth(1), 1).check())

    // Steuerung: (100 + 50) / 2; Technik: (100 + 100) / 2.
    const scores = await dimensionScores(s)
    expect(parseFloat(scores.Steuerung!.replace(',', '.'))).toBe(75)
    expect(parseFloat(scores.Technik!.replace(',', '.'))).toBe(100)
    await expectNoA11yViolations(page, 'Ergebnisse (eigenes Modell, ohne Maßnahmen)')
  })

  it('moves the round to the corrected version after a preview with the right counts', async () => {
    const { page } = s
    await gotoApp(page, '/data')
    await page.getByLabel('Katalogdatei auswählen (JSON, YAML, Excel-/Calc-Tabelle oder CSV)').setInputFiles({ name: 'eigenes-modell-1.1.yaml', mimeType: 'application/yaml', buffer: Buffer.from(correctedYaml(), 'utf8') })
    await page.getByTestId('catalog-imported').getByText('Version 1.1.0').waitFor()
    await page.getByLabel('Umzustellende Erhebungsrunde').selectOption({ label: `${ROUND} (eigenes-modell 1.0.0)` })
    await page.getByLabel('Neue Katalogversion').selectOption({ label: 'Eigenes Reifegradmodell, Version 1.1.0' })
    await page.getByRole('button', { name: 'Vorschau der Umstellung' }).click()
    const plan = page.getByTestId('migration-preview')
    await plan.waitFor()
    const count = async (key: string) => (await plan.locator(`li[data-count="${key}"]`).innerText()).trim()
    expect(await count('questionnaires')).toBe('ein Fragebogen')
    expect(await count('kept')).toBe('3 Antworten werden übernommen')
    expect(await count('movedDimension')).toBe('davon eine in einer anderen Dimension')
    expect(await count('lost')).toBe('eine Antwort geht verloren')
    expect(await count('newItems')).toBe('keine neue Frage')
    expect(await plan.locator('tr[data-item="te-1"]').innerText()).toContain('entfällt')
    expect(await plan.locator('tr[data-item="st-2"]').innerText()).toContain('anderen Dimension')
    await expectNoA11yViolations(page, 'Daten (Vorschau der Umstellung)')
    await plan.getByRole('button', { name: 'Runde umstellen' }).click()
    const dialog = page.getByRole('dialog', { name: 'Runde auf eine andere Katalogversion umstellen' })
    await dialog.getByRole('button', { name: 'Runde umstellen' }).click()
    await page.getByTestId('catalogs-status').getByText('3 Antworten übernommen, 1 entfallen').waitFor()

    // Steuerung: st-1 only (100); Technik: st-2 (50) and te-2 (100).
    const scores = await dimensionScores(s)
    expect(parseFloat(scores.Steuerung!.replace(',', '.'))).toBe(100)
    expect(parseFloat(scores.Technik!.replace(',', '.'))).toBe(75)
  })

  it.each([
    ['/', 'Start'],
    ['/dashboard', 'Dashboard'],
    ['/results', 'Ergebnisse'],
    ['/compare', 'Vergleich'],
    ['/recommendations', 'Empfehlungen'],
    ['/roadmap', 'Roadmap'],
    ['/agenda', 'Digitale Agenda'],
    ['/report', 'Bericht'],
  ])('%s works with a model without Bedarf and measures (%s): no error, axe clean', async (route, name) => {
    const { page } = s
    await gotoApp(page, route)
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    await waitForStableScreen(page)
    expect(await page.locator('.kern-alert--danger').count(), `${name}: error alert`).toBe(0)
    if (process.env.E2E_SHOTS) await page.screenshot({ path: `${process.env.E2E_SHOTS}/model-${name}.png`, fullPage: true })
    await expectNoA11yViolations(page, `${name} (eigenes Modell)`)
  })

  it('lets the unused version go and keeps the used one', async () => {
    const { page } = s
    await gotoApp(page, '/data')
    const list = page.getByTestId('catalog-list')
    const used = list.locator('tr[data-catalog="eigenes-modell@1.1.0"]')
    await used.waitFor()
    // Once the rounds are counted: the used version cannot be deleted, the unused one can.
    await expect.poll(() => used.locator('td').nth(1).textContent()).toBe('1')
    expect(await used.getByRole('button', { name: /^Löschen/ }).isDisabled()).toBe(true)
    const old = list.locator('tr[data-catalog="eigenes-modell@1.0.0"]')
    await expect.poll(() => old.locator('td').nth(1).textContent()).toBe('0')
    await old.getByRole('button', { name: /^Löschen/ }).click()
    await page.getByRole('dialog', { name: 'Katalogversion löschen?' }).getByRole('button', { name: 'Löschen' }).click()
    await old.waitFor({ state: 'detached' })
    s.assertClean()
  })
})
