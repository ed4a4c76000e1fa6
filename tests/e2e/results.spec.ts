/**
 * Scores, recommendations and roadmap of the demo municipality "Musterstadt" in a real browser:
 * the screens show numbers, the measures can be filtered and explain themselves ("Warum?"), and
 * changing ONE answer changes exactly the scores it should – also live in a second tab.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoA11yViolations, gotoApp, loadDemoFromStart, openBrowser, readAssessmentFromIndexedDb, waitFor, type BrowserSession } from './browser'
import { andWaitForSave, CATALOG_DIMENSIONS, CATALOG_ITEMS, istRadio, openDimension, parseScore, questionCards, scoresByRow, tableRows } from './flows'

/** A central department with a single respondent: the arithmetic of one change stays simple. */
const DEP_ID = 'demo-musterstadt-dep-12'
const DEP_NAME = 'IT und Digitalisierung'
const DEP_ROW = `12 · ${DEP_NAME}`
const ASSESSMENT_ID = `${DEP_ID}-a1`
const DEMO_DEPARTMENTS = ['Hauptamt und Bürgermeisterbüro', 'Personal und Organisation', 'IT und Digitalisierung', 'Finanzen und Kämmerei', 'Bürgerservice und Ordnung', 'Standesamt', 'Schule, Kultur und Sport', 'Jugend, Familie und Soziales', 'Stadtplanung und Umwelt', 'Bauordnung']

interface StoredAnswer {
  state: 'level' | 'na' | 'unknown'
  ist: number | null
}

/** "12 Maßnahmen" / "1 Maßnahme" / "Keine Maßnahmen" → number. */
async function recCount(page: Page): Promise<number> {
  const text = ((await page.getByTestId('rec-count').textContent()) ?? '').trim()
  if (/^Keine Maßnahmen$/.test(text)) return 0
  const m = /^(\d+) Maßnahmen?$/.exec(text)
  if (!m) throw new Error(`Unerwarteter Text der Anzahl: „${text}“`)
  return Number(m[1])
}

/** Round id of the newest demo round, from the start screen's result link of the department. */
async function currentRoundId(page: Page): Promise<string> {
  await gotoApp(page, '/')
  const href = (await page.getByRole('link', { name: `Ergebnis – ${DEP_NAME}` }).getAttribute('href')) ?? ''
  const m = /#\/result\/([^/]+)\/([^/?]+)/.exec(href)
  if (!m?.[1] || m[2] !== DEP_ID) throw new Error(`Ergebnis-Link unerwartet: ${href}`)
  return decodeURIComponent(m[1])
}

/** The dimension table of the department result: dimension id → displayed score. */
async function departmentScores(page: Page): Promise<Map<string, number | null>> {
  const rows = await tableRows(page, 'dimension-table')
  return new Map(rows.map((r) => [r.dimension ?? r.key, parseScore(r.cells[0])]))
}

async function openDepartmentResult(page: Page, roundId: string): Promise<void> {
  await gotoApp(page, `/result/${roundId}/${DEP_ID}`)
  await page.getByRole('heading', { level: 1, name: `Ergebnis: ${DEP_NAME}` }).waitFor()
  await page.getByTestId('dimension-table').locator('tbody tr').first().waitFor()
}

interface OrgView {
  total: number | null
  dimensions: Map<string, number | null>
  departments: Map<string, number | null>
}

async function readOrgResults(page: Page): Promise<OrgView> {
  await gotoApp(page, '/results')
  await page.getByTestId('org-departments').locator('tbody tr').first().waitFor()
  return {
    total: parseScore(await page.getByTestId('org-score').textContent()),
    dimensions: await scoresByRow(page, 'org-dimensions'),
    departments: await scoresByRow(page, 'org-departments'),
  }
}

/** Sets the Ist level of one item in the open questionnaire and waits until it is stored. */
async function setIst(page: Page, itemId: string, level: number): Promise<void> {
  const item = CATALOG_ITEMS.find((i) => i.id === itemId)!
  const dimTitle = CATALOG_DIMENSIONS.find((d) => d.id === item.dimensionId)!.title.de
  await openDimension(page, dimTitle)
  const card = questionCards(page).filter({ has: page.getByRole('heading', { level: 3, name: item.question.de, exact: true }) })
  expect(await card.count()).toBe(1)
  await andWaitForSave(page, () => istRadio(card, level).check())
  const stored = await readAssessmentFromIndexedDb(page, ASSESSMENT_ID)
  expect(stored?.answers[itemId]).toMatchObject({ state: 'level', ist: level })
}

describe('Ergebnisse, Maßnahmen und Roadmap (Demo „Musterstadt“)', () => {
  let s: BrowserSession
  beforeAll(async () => {
    s = await openBrowser()
    await loadDemoFromStart(s.page)
  })
  afterAll(async () => {
    await s?.dispose()
  })

  it('zeigen Reifegrade, filterbare Maßnahmen mit Begründung, die Roadmap und die Methode', async () => {
    const { page } = s

    // Ergebnisse: organisation score and a department table with numbers
    const org = await readOrgResults(page)
    expect(org.total).not.toBeNull()
    expect(org.total!).toBeGreaterThan(0)
    expect(org.total!).toBeLessThanOrEqual(100)
    expect(org.departments.size).toBe(10)
    const withScore = [...org.departments.values()].filter((x) => x !== null)
    expect(withScore.length).toBeGreaterThanOrEqual(9) // 63 Bauordnung has no answers in the demo
    expect(org.dimensions.size).toBe(9)

    // Maßnahmen
    await gotoApp(page, '/recommendations')
    await page.getByTestId('rec-count').waitFor()
    const total = await recCount(page)
    expect(total).toBeGreaterThan(0)
    const chart = page.getByRole('img', { name: /^Blasendiagramm: Maßnahmen nach Aufwand/ })
    await chart.waitFor()
    expect(await chart.evaluate((el) => el.tagName)).toBe('CANVAS')
    // The table stands beside the chart, open (hardening #19).
    const matrixTable = page.getByRole('table', { name: 'Maßnahmen nach Aufwand und Wirkung' })
    await matrixTable.waitFor()
    expect(await matrixTable.locator('tbody tr').count()).toBe(total)

    // The measure cards only: a card may hold a list of its own (services from the Leistungsinventar).
    const list = page.getByRole('region', { name: 'Maßnahmen', exact: true }).locator('ol.rec-list > li')
    expect(await list.count()).toBe(total)
    // A recommendation with reasons: "Warum?" lists triggering departments and questions.
    const withReasons = list.filter({ has: page.locator('summary', { hasText: /^Warum\? \d+ Begründungen? anzeigen$/ }) }).first()
    const summary = withReasons.locator('summary', { hasText: /^Warum\?/ })
    const reasonCount = Number(/(\d+)/.exec((await summary.textContent()) ?? '')?.[1])
    expect(reasonCount).toBeGreaterThan(0)
    await summary.click()
    const reasons = withReasons.getByRole('table', { name: 'Begründung: auslösende Fachbereiche und Fragen' })
    await reasons.waitFor()
    const reasonRows = await reasons.evaluate((t) => [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())))
    expect(reasonRows).toHaveLength(reasonCount)
    const questions = new Set(CATALOG_ITEMS.map((i) => i.question.de))
    for (const [department, question] of reasonRows) {
      // Fundament reasons belong to the whole administration (method 2.0).
      expect([...DEMO_DEPARTMENTS, 'Gesamtverwaltung'], `Fachbereich in der Begründung: ${department}`).toContain(department)
      expect(questions.has(question ?? ''), `Frage in der Begründung: ${question}`).toBe(true)
    }
    await expectNoA11yViolations(page, 'Maßnahmen (Tabelle der Matrix und „Warum?“ geöffnet)')

    // Filter by class: each class shows fewer, together all of them
    const classSelect = page.getByLabel('Klasse')
    let sum = 0
    const counts: Record<string, number> = {}
    for (const label of ['Rechtspflicht', 'Quick Win', 'Leitprojekt', 'Ergänzung']) {
      await classSelect.selectOption({ label })
      await expect.poll(async () => (await recCount(page)) === (await list.count())).toBe(true)
      const n = await recCount(page)
      counts[label] = n
      for (const badge of await list.locator('.kern-badge').filter({ hasText: /^(Rechtspflicht|Quick Win|Leitprojekt|Ergänzung)$/ }).allTextContents()) expect(badge.trim()).toBe(label)
      sum += n
    }
    expect(sum, JSON.stringify(counts)).toBe(total)
    expect(Object.values(counts).some((n) => n > 0 && n < total), JSON.stringify(counts)).toBe(true)
    await classSelect.selectOption({ label: 'alle' })
    await expect.poll(() => recCount(page)).toBe(total)

    // Method 2.0 opens on the focus: every Rechtspflicht plus the 10 most important other measures.
    const focusCount = total
    await page.getByRole('radio', { name: /Alle Maßnahmen \(\d+\)/ }).check()
    await expect.poll(() => recCount(page)).toBeGreaterThan(focusCount)
    const duties = await list.locator('.kern-badge').filter({ hasText: /^Rechtspflicht$/ }).count()
    expect(focusCount).toBe(duties + 10)

    // Roadmap: calendar years, phases and capacity in person-days
    await gotoApp(page, '/roadmap')
    const plan = page.getByTestId('roadmap-v2')
    await plan.waitFor()
    const year = new Date().getFullYear()
    expect(await page.getByTestId('horizon').textContent()).toBe(`${year}–${year + 9}`)
    expect(await page.getByTestId('capacity').textContent()).toBe('306 PT je Jahr (aus 612 Beschäftigten abgeleitet)')
    const phase1 = page.getByRole('region', { name: new RegExp(`^Phase 1: ${year}`) })
    await phase1.waitFor()
    const entries = phase1.getByRole('listitem')
    expect(await entries.count()).toBeGreaterThan(0)
    const load = await tableRows(page, 'load')
    expect(load[0]?.key).toBe(String(year))
    expect(parseScore(load[0]?.cells[1]) ?? Infinity).toBeLessThanOrEqual(306) // year 1 fits the default capacity

    // Methode: 2.0 first, 1.0 folded away
    await gotoApp(page, '/method')
    await page.getByRole('heading', { level: 1, name: 'Methode' }).waitFor()
    await page.getByRole('heading', { level: 2, name: '1. Fundament und Gesamtergebnis' }).waitFor()
    await page.getByText('Stufe 0 = 0, Stufe 1 = 25, Stufe 2 = 50, Stufe 3 = 75, Stufe 4 = 100', { exact: false }).first().waitFor()
    await page.getByText('Methode 1.0 (Erhebungsrunden mit Katalog 1.0.0)').waitFor()
    s.assertClean()
  })

  it('eine geänderte Antwort ändert genau die Reifegrade, die sie ändern soll', async () => {
    const { page } = s
    const roundId = await currentRoundId(page)

    // The stored answers of the single respondent of "12 · IT und Digitalisierung"
    const stored = await readAssessmentFromIndexedDb(page, ASSESSMENT_ID)
    expect(stored).not.toBeNull()
    const answers = stored!.answers as unknown as Record<string, StoredAnswer>
    const dimensionId = 'daten'
    // Fundament items belong to the organisation, not to the department's score (method 2.0).
    const dimItems = CATALOG_ITEMS.filter((i) => i.dimensionId === dimensionId && i.appliesTo !== 'organisation')
    const answered = dimItems.filter((i) => answers[i.id]?.state === 'level' && answers[i.id]?.ist !== null)
    expect(answered.length).toBeGreaterThan(1)
    const weight = (id: string) => (CATALOG_ITEMS.find((i) => i.id === id) as unknown as { weight?: number }).weight ?? 1
    const sumW = answered.reduce((s, i) => s + weight(i.id), 0)
    const item = answered[0]!
    const oldLevel = answers[item.id]!.ist!
    const newLevel = oldLevel >= 2 ? oldLevel - 2 : oldLevel + 2
    const expectedBefore = answered.reduce((s, i) => s + 25 * answers[i.id]!.ist! * weight(i.id), 0) / sumW
    const expectedDelta = (25 * (newLevel - oldLevel) * weight(item.id)) / sumW

    // Before
    await openDepartmentResult(page, roundId)
    const before = await departmentScores(page)
    expect(before.size).toBe(9)
    expect(before.get(dimensionId)).toBeCloseTo(expectedBefore, 1)
    const orgBefore = await readOrgResults(page)
    const dimTitle = CATALOG_DIMENSIONS.find((d) => d.id === dimensionId)!.title.de

    // Change one Ist level in the questionnaire
    await gotoApp(page, `/assessment/${ASSESSMENT_ID}`)
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${DEP_NAME}:`) }).waitFor()
    await setIst(page, item.id, newLevel)

    // After: only that dimension of that department moved, by the computed amount
    await openDepartmentResult(page, roundId)
    const after = await departmentScores(page)
    for (const [dim, score] of before) {
      if (dim === dimensionId) {
        expect(after.get(dim)).not.toBe(score)
        expect(Math.abs(after.get(dim)! - score! - expectedDelta), `Δ ${dim}: ${score} → ${after.get(dim)}, erwartet ${expectedDelta.toFixed(2)}`).toBeLessThanOrEqual(0.11)
      } else {
        expect(after.get(dim), `Dimension ${dim} unverändert`).toBe(score)
      }
    }
    const orgAfter = await readOrgResults(page)
    for (const [dep, score] of orgBefore.departments) {
      if (dep === DEP_ROW) expect(orgAfter.departments.get(dep), 'Gesamtwert des Fachbereichs').not.toBe(score)
      else expect(orgAfter.departments.get(dep), `Fachbereich ${dep} unverändert`).toBe(score)
    }
    for (const [dim, score] of orgBefore.dimensions) {
      if (dim === dimTitle) {
        const change = orgAfter.dimensions.get(dim)! - score!
        expect(change, `Kommune, ${dim}`).not.toBe(0)
        expect(Math.sign(change)).toBe(Math.sign(expectedDelta))
        expect(Math.abs(change)).toBeLessThan(Math.abs(expectedDelta))
      } else {
        expect(orgAfter.dimensions.get(dim), `Kommune, ${dim} unverändert`).toBe(score)
      }
    }
    expect(orgAfter.total).not.toBe(orgBefore.total)

    // Put it back: the original numbers return
    await gotoApp(page, `/assessment/${ASSESSMENT_ID}`)
    await setIst(page, item.id, oldLevel)
    await openDepartmentResult(page, roundId)
    expect(await departmentScores(page)).toEqual(before)
    s.assertClean()
  })

  it('live in einem zweiten Tab: das Ergebnis aktualisiert sich ohne Neuladen', async () => {
    const { page: pageA, context } = s
    const roundId = await currentRoundId(pageA)
    const pageB = await context.newPage()
    try {
      await openDepartmentResult(pageB, roundId)
      await pageB.evaluate(() => {
        ;(window as unknown as { __sameDocument: boolean }).__sameDocument = true
      })
      const before = await departmentScores(pageB)

      const stored = await readAssessmentFromIndexedDb(pageA, ASSESSMENT_ID)
      const answers = stored!.answers as unknown as Record<string, StoredAnswer>
      const item = CATALOG_ITEMS.find((i) => i.dimensionId === 'sicherheit' && i.appliesTo !== 'organisation' && answers[i.id]?.state === 'level')!
      const oldLevel = answers[item.id]!.ist!
      // Tab A in front (a hidden tab's timers are throttled), tab B stays open behind it.
      await pageA.bringToFront()
      await gotoApp(pageA, `/assessment/${ASSESSMENT_ID}`)
      await setIst(pageA, item.id, oldLevel >= 2 ? oldLevel - 2 : oldLevel + 2)

      const after = await waitFor(() => departmentScores(pageB), (m) => m.get('sicherheit') !== before.get('sicherheit'), 'Aktualisierung in Tab B')
      for (const [dim, score] of before) if (dim !== 'sicherheit') expect(after.get(dim)).toBe(score)
      expect(await pageB.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true)

      await setIst(pageA, item.id, oldLevel)
      await waitFor(() => departmentScores(pageB), (m) => m.get('sicherheit') === before.get('sicherheit'), 'Rückkehr zum alten Wert in Tab B')
    } finally {
      await pageB.close()
    }
    s.assertClean()
  })

  it('die frühere Runde mit Katalog 1.0.0 wird weiter nach Methode 1.0 ausgewertet', async () => {
    const { page } = s
    const year = new Date().getFullYear()
    await gotoApp(page, '/dashboard')
    const picker = page.getByLabel('Erhebungsrunde')
    await picker.selectOption({ label: `Digitalisierungs-Check ${year - 2}` })
    await expect.poll(async () => (await tableRows(page, 'heatmap')).length).toBe(10)
    expect(await page.getByTestId('readiness').count()).toBe(0) // no Fundament gate under method 1.0

    await gotoApp(page, '/recommendations')
    await page.getByTestId('rec-count').waitFor()
    expect(await recCount(page)).toBeGreaterThan(0)
    expect(await page.getByTestId('focus-filter').count()).toBe(0)

    await gotoApp(page, '/roadmap')
    await page.getByRole('region', { name: 'Kurzfristig (bis 12 Monate)' }).waitFor()
    expect(await page.getByTestId('roadmap-v2').count()).toBe(0)

    await gotoApp(page, '/report')
    await page.getByTestId('method-line').waitFor()
    expect(await page.getByTestId('method-line').textContent()).toBe('Methode 1.0')
    expect(await page.getByText('dc-kommune 1.0.0', { exact: false }).count()).toBeGreaterThan(0)

    // Back to the current round (2.0.0, method 2.0)
    await gotoApp(page, '/dashboard')
    await page.getByLabel('Erhebungsrunde').selectOption({ label: `Digitalisierungs-Check ${year}` })
    await page.getByTestId('readiness').waitFor()
    s.assertClean()
  })
})
