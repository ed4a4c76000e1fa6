/**
 * Issue 13, OWASP SAMM 2 in a real browser: the catalogue converted by tools/convert-samm.mjs
 * (tools/models/owasp-samm-2.json, English only, no Bedarf/Potenzial, no measures) is imported on
 * the Daten screen, a round is created on it, the six questions of the practice Strategy & Metrics
 * are answered in the questionnaire, and the department's result shows SAMM's own practice score
 * as the SAMM toolbox computes it: streams (most, half, no) = 1.5 and (some, some, no) = 0.5 →
 * practice 1.00. axe finds nothing on the questionnaire and the results at 1366 px.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoA11yViolations, gotoApp, openBrowser, waitForStableScreen, type BrowserSession } from './browser'
import { andWaitForSave, beginQuestionnaire, istRadio, questionCards, setUpOwnCatalogue } from './flows'

const CATALOG_TEXT = readFileSync(path.join(__dirname, '../../tools/models/owasp-samm-2.json'), 'utf8')
const CATALOG = JSON.parse(CATALOG_TEXT) as { title: { en: string }; version: string; items: { id: string; dimensionId: string; question: { en: string } }[]; dimensions: { id: string; title: { en: string } }[] }
const DEPARTMENT = 'AppSec-Team'
const ROUND = 'SAMM-Assessment 2026'
const [NO, SOME, HALF, MOST] = [0, 1, 2, 3] as const
/** Practice G-SM: stream A answered (most, half, no), stream B (some, some, no). */
const ANSWERS: Record<string, [number, number, number]> = { 'g-sm-a': [MOST, HALF, NO], 'g-sm-b': [SOME, SOME, NO] }
const title = (dimensionId: string) => CATALOG.dimensions.find((d) => d.id === dimensionId)!.title.en

describe('OWASP SAMM 2 (konvertiertes Modell)', () => {
  let s: BrowserSession
  let questionnaireUrl = ''
  let resultUrl = ''
  beforeAll(async () => {
    s = await openBrowser()
    const { page } = s
    await page.setViewportSize({ width: 1366, height: 900 })

    await setUpOwnCatalogue(page, {
      organisation: 'Beispiel GmbH',
      file: { name: 'owasp-samm-2.json', mimeType: 'application/json', buffer: Buffer.from(CATALOG_TEXT, 'utf8') },
      department: DEPARTMENT,
      code: 'AS',
      round: ROUND,
      catalogLabel: `${CATALOG.title.en}, Version ${CATALOG.version} (importiert)`,
    })
    await beginQuestionnaire(page, DEPARTMENT, 'Security Champion', ROUND)
    questionnaireUrl = page.url()
  })
  afterAll(async () => {
    await s?.dispose()
  })

  /** E2E_SHOTS=<folder> keeps full-page screenshots for a look. */
  async function shot(name: string): Promise<void> {
    if (process.env.E2E_SHOTS) await s.page.screenshot({ path: `${process.env.E2E_SHOTS}/samm-${name}.png`, fullPage: true })
  }

  it('answers the six questions of Strategy & Metrics with SAMM’s answer texts; axe finds nothing', async () => {
    const { page } = s
    for (const [dimensionId, levels] of Object.entries(ANSWERS)) {
      const heading = page.getByRole('heading', { level: 2, name: new RegExp(title(dimensionId)) })
      if ((await heading.count()) === 0) {
        await page.getByRole('navigation', { name: 'Dimensionen' }).getByRole('button', { name: new RegExp(title(dimensionId)) }).click()
      }
      await heading.waitFor()
      const cards = questionCards(page)
      const questions = CATALOG.items.filter((i) => i.dimensionId === dimensionId)
      expect(await cards.count()).toBe(3)
      for (const [i, level] of levels.entries()) {
        const card = cards.nth(i)
        expect(((await card.getByRole('heading', { level: 3 }).textContent()) ?? '').trim()).toBe(questions[i]!.question.en)
        // Four SAMM answers plus n/a and "weiß nicht"; no Bedarf/Potenzial asked.
        expect(await card.getByRole('radio').count()).toBe(6)
        expect(await card.getByRole('group', { name: /^Bedarf/ }).count()).toBe(0)
        await andWaitForSave(page, () => istRadio(card, level).click())
        expect(await istRadio(card, level).isChecked()).toBe(true)
      }
      if (dimensionId === 'g-sm-a') {
        // The answers are SAMM's own texts of the question's answer set (G-SM-A-1: set N).
        expect(await cards.nth(0).getByRole('radio', { name: /^Stufe 3: Yes, it covers risks and opportunities/ }).isChecked()).toBe(true)
        await cards.nth(0).locator('details.help summary').click()
        await shot('questionnaire-1366')
        await page.setViewportSize({ width: 390, height: 900 })
        await shot('questionnaire-390')
        await page.setViewportSize({ width: 1366, height: 900 })
        await expectNoA11yViolations(page, 'Fragebogen (OWASP SAMM)')
      }
    }
  })

  it('shows the practice score 1,00 (SAMM toolbox) on the department result; axe finds nothing', async () => {
    const { page } = s
    await gotoApp(page, '/')
    const link = page.getByRole('link', { name: `Ergebnis – ${DEPARTMENT}` })
    await link.waitFor()
    await link.click()
    await page.getByRole('heading', { level: 1, name: `Ergebnis: ${DEPARTMENT}` }).waitFor()
    resultUrl = page.url()
    const table = page.getByTestId('model-scores')
    await table.waitFor()
    await waitForStableScreen(page)
    const cell = async (id: string) => ((await table.locator(`tr[data-node-id="${id}"] td`).last().textContent()) ?? '').replace(/\s+/g, ' ').trim()
    // Streams: 1 + 0.5 + 0 = 1.5 and 0.25 + 0.25 + 0 = 0.5; practice = mean = 1.00.
    expect(await cell('g-sm-a')).toBe('1,50 (von 0 bis 3)')
    expect(await cell('g-sm-b')).toBe('0,50 (von 0 bis 3)')
    expect(await cell('g-sm')).toBe('1,00 (von 0 bis 3)')
    // A practice without answers: SAMM counts its open questions as 0 (toolbox), our 0–100 has no score.
    expect(await cell('g-pc')).toBe('0,00 (von 0 bis 3)')
    expect(((await table.locator('tr[data-node-id="g-pc"] td').first().textContent()) ?? '').trim()).toBe('–')
    // Governance: (1.00 + 0 + 0) / 3, as the toolbox's scorecard averages its three practices.
    expect(await cell('governance')).toBe('0,33 (von 0 bis 3)')
    expect(await table.locator('thead').textContent()).toContain('SAMM score (0–3)')
    await shot('department-result')
    await expectNoA11yViolations(page, 'Ergebnis des Fachbereichs (OWASP SAMM)')
  })

  it.each([
    ['/', 'Start'],
    ['/dashboard', 'Übersicht'],
    ['/compare', 'Vergleich'],
    ['/recommendations', 'Maßnahmen'],
    ['/roadmap', 'Roadmap'],
    ['/agenda', 'Digitale Agenda'],
    ['/report', 'Bericht'],
    ['/setup', 'Einrichtung'],
  ])('%s works with the English-only SAMM catalogue (%s): no error, axe clean', async (route, name) => {
    const { page } = s
    await gotoApp(page, route)
    await page.getByRole('heading', { level: 1 }).first().waitFor()
    await waitForStableScreen(page)
    expect(await page.locator('.kern-alert--danger').count(), `${name}: error alert`).toBe(0)
    await expectNoA11yViolations(page, `${name} (OWASP SAMM)`)
  })

  it('shows the same practice score on the organisation’s results; axe finds nothing', async () => {
    const { page } = s
    await gotoApp(page, '/results')
    const table = page.getByTestId('model-scores')
    await table.waitFor()
    await waitForStableScreen(page)
    expect(((await table.locator('tr[data-node-id="g-sm"] td').last().textContent()) ?? '').trim()).toBe('1,00 (von 0 bis 3)')
    await expectNoA11yViolations(page, 'Ergebnisse (OWASP SAMM)')
    expect(questionnaireUrl).not.toBe('')
    expect(resultUrl).toContain('/result/')
    s.assertClean()
  })
})
