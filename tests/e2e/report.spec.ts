/**
 * The management report for the council, printed: the demo "Musterstadt" is loaded, the report is
 * printed with page.pdf (A4) and the PDF is read back. The summary page states the figures of the
 * results, dashboard, measures and roadmap screens; every page has the running header and "Seite x
 * von y"; no page is nearly empty; the charts are in the PDF as pictures beside their tables; the
 * printed layout fits the page width; the heatmap's headers never break a word; axe finds nothing.
 *
 * With REPORT_PDF=<path> the printed PDF is also written there (for a look at every page:
 * `pdftoppm -r 50 -png <path> page`).
 */
import { writeFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectNoA11yViolations, gotoApp, loadDemoFromStart, openBrowser, waitForStableScreen, type BrowserSession } from './browser'
import { brokenHeaderWords, CATALOG_DIMENSIONS } from './flows'
import { shortTitles } from '@/domain/results/short-titles'

/** The number as displayed ("45,3"), without badges; '–' if none. */
const shown = (text: string | null | undefined): string => /-?\d+,\d/.exec(text ?? '')?.[0] ?? '–'
const squash = (s: string) => s.replace(/\s+/g, ' ').trim()

/** A4 in points and the report's page margins (18 mm top, 16 mm bottom) in points. */
const MM = 72 / 25.4
const TOP_MARGIN = 18 * MM
const BOTTOM_MARGIN = 16 * MM

interface PdfPage {
  /** Body text (between the margins): items joined as pdfjs spaces them, line ends as spaces. */
  text: string
  /** Body text items with their baseline (points from the bottom). */
  items: { str: string; y: number }[]
  /** Body text in runs: the items between two line ends or spaces (a word broken across lines ends a run). */
  runs: string[]
  /** Text in the top / bottom margin (running header, page number). */
  header: string
  footer: string
  height: number
  images: number
}

/** Every page of a PDF: body text and items, margin texts, and how many pictures it paints. */
async function readPdf(data: Uint8Array): Promise<PdfPage[]> {
  const doc = await getDocument({ data: new Uint8Array(data), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise
  try {
    const pages: PdfPage[] = []
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i)
      const height = page.getViewport({ scale: 1 }).height
      const content = await page.getTextContent()
      const body: string[] = []
      const items: { str: string; y: number }[] = []
      const runs: string[] = []
      let run = ''
      const head: string[] = []
      const foot: string[] = []
      for (const item of content.items) {
        if (!('str' in item)) continue
        const y = item.transform[5] as number
        const eol = item.hasEOL ? ' ' : ''
        if (y > height - TOP_MARGIN) head.push(item.str, eol)
        else if (y < BOTTOM_MARGIN) foot.push(item.str, eol)
        else {
          body.push(item.str, eol)
          if (item.str.trim() !== '') items.push({ str: item.str, y })
          if (item.str.trim() === '' || item.hasEOL) {
            run += item.str.trim()
            if (run) runs.push(run)
            run = ''
          } else run += item.str
        }
      }
      if (run) runs.push(run)
      const ops = await page.getOperatorList()
      const images = ops.fnArray.filter((f) => f === OPS.paintImageXObject || f === OPS.paintInlineImageXObject).length
      pages.push({ text: squash(body.join('')), items, runs, header: squash(head.join('')), footer: squash(foot.join('')), height, images })
      page.cleanup()
    }
    return pages
  } finally {
    await doc.destroy()
  }
}

/** Share of the body height (between the margins) the page's text reaches down to. */
function fill(p: PdfPage): number {
  const top = p.height - TOP_MARGIN
  const lowest = Math.min(...p.items.map((x) => x.y))
  return p.items.length === 0 ? 0 : (top - lowest) / (top - BOTTOM_MARGIN)
}

/** Prints the open screen as the user's browser would (print media, A4) and reads the PDF back. */
async function printPdf(page: Page): Promise<{ pdf: Buffer; pages: PdfPage[] }> {
  await page.emulateMedia({ media: 'print' })
  let pdf: Buffer
  try {
    pdf = await page.pdf({ format: 'A4' })
  } finally {
    await page.emulateMedia({ media: 'screen' })
  }
  if (process.env.REPORT_PDF) writeFileSync(process.env.REPORT_PDF, pdf)
  return { pdf, pages: await readPdf(pdf) }
}

/** Measure ids of the measures screen's list, top to bottom, with their urgency badge. */
async function measureList(page: Page): Promise<{ id: string; title: string; urgency: string }[]> {
  return page.locator('.rec-list > li').evaluateAll((lis) =>
    lis.map((li) => ({
      id: li.getAttribute('data-measure') ?? '',
      title: (li.querySelector('h3')?.textContent ?? '').trim(),
      urgency: (li.querySelector('[data-testid="urgency"]')?.textContent ?? '').trim(),
    })),
  )
}

describe('Managementbericht: gedruckt für den Rat', () => {
  let s: BrowserSession
  let printed: Promise<PdfPage[]> | undefined
  /** Opens the report, waits for its charts and prints it once; later tests read the same PDF. */
  const openReport = async (): Promise<Page> => {
    const { page } = s
    await gotoApp(page, '/report')
    await page.getByTestId('report').waitFor()
    await expect.poll(() => page.getByTestId('report-chart').count()).toBe(2)
    await waitForStableScreen(page)
    return page
  }
  const pdfPages = (): Promise<PdfPage[]> => (printed ??= openReport().then(async (page) => (await printPdf(page)).pages))

  beforeAll(async () => {
    s = await openBrowser()
    await loadDemoFromStart(s.page)
  })
  afterAll(async () => {
    await s?.dispose()
  })

  interface ScreenFigures {
    /** Results screen: the organisation mean; dashboard: the result capped by the Fundament. */
    mean: string
    capped: string
    /** Measures screen as it opens (focus, by priority): the first ten rows. */
    top: { id: string; title: string }[]
    /** Duties overdue on the measures screen or "Frist gefährdet" on the roadmap, by id. */
    atRisk: string[]
    titles: Map<string, string>
  }
  let screens: Promise<ScreenFigures> | undefined
  /** What the results, dashboard, measures and roadmap screens show (read once). */
  const screenFigures = (): Promise<ScreenFigures> => (screens ??= readScreens())
  async function readScreens(): Promise<ScreenFigures> {
    const { page } = s
    await gotoApp(page, '/results')
    await expect.poll(async () => shown(await page.getByTestId('org-score').textContent()), { timeout: 10_000 }).toMatch(/^\d+,\d$/)
    const mean = shown(await page.getByTestId('org-score').textContent())

    await gotoApp(page, '/dashboard')
    await page.getByTestId('readiness').waitFor()
    const capped = shown(await page.getByTestId('readiness').locator('.big-score').textContent())

    await gotoApp(page, '/recommendations')
    await page.getByTestId('rec-count').waitFor()
    const top = (await measureList(page)).slice(0, 10)
    // Every duty: class Rechtspflicht over all measures; "Frist überschritten" = overdue.
    await page.getByRole('radio', { name: /^Alle Maßnahmen \(\d+\)$/ }).check()
    await page.getByLabel('Klasse').selectOption({ label: 'Rechtspflicht' })
    await expect.poll(async () => (await measureList(page)).length).toBeGreaterThan(0)
    const duties = await measureList(page)
    const overdue = duties.filter((d) => d.urgency === 'Frist überschritten').map((d) => d.id)

    // Roadmap screen: duties the plan cannot finish by their deadline.
    await gotoApp(page, '/roadmap')
    await page.getByTestId('roadmap-v2').waitFor()
    const atRiskOnPlan = await page.locator('.entries > li').evaluateAll((lis) =>
      lis.filter((li) => [...li.querySelectorAll('.badges .kern-badge')].some((b) => b.textContent?.trim() === 'Frist gefährdet')).map((li) => li.getAttribute('data-measure') ?? ''),
    )
    const dutyIds = new Set(duties.map((d) => d.id))
    const atRisk = [...new Set([...overdue, ...atRiskOnPlan.filter((id) => dutyIds.has(id))])].sort()
    return { mean, capped, top, atRisk, titles: new Map(duties.map((d) => [d.id, d.title])) }
  }

  it('die Bildschirme zeigen Ergebnis, Maßnahmen und gefährdete Rechtspflichten', async () => {
    const screen = await screenFigures()
    expect(screen.mean).toMatch(/^\d+,\d$/)
    expect(screen.capped).toMatch(/^\d+,\d$/)
    expect(screen.top).toHaveLength(10)
    expect(screen.atRisk.length).toBeGreaterThan(0)
    s.assertClean()
  })

  it('die Zusammenfassung auf dem Bildschirm nennt dieselben Zahlen', async () => {
    const screen = await screenFigures()
    const { page } = s
    await gotoApp(page, '/report')
    const summary = page.getByTestId('report-summary')
    await summary.waitFor()
    expect(shown(await page.getByTestId('summary-score').textContent())).toBe(screen.capped)
    expect(shown(await page.getByTestId('summary-mean').textContent())).toBe(screen.mean)
    const top = await page.getByTestId('summary-top').locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-measure') ?? ''))
    expect(top).toEqual(screen.top.map((x) => x.id))
    const duties = await page.getByTestId('summary-duties').locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-measure') ?? ''))
    expect([...duties].sort()).toEqual(screen.atRisk)
    expect(squash((await page.getByTestId('summary-duties-heading').textContent()) ?? '')).toBe(`Rechtspflichten in Gefahr: ${screen.atRisk.length}`)
    // The change since the previous round rests on the departments of both; Bauordnung answered too little this round.
    expect(squash((await page.getByTestId('summary-left-out').textContent()) ?? '')).toBe('Nicht berücksichtigt: 63 · Bauordnung (nur in der Vorrunde bewertet).')
    // Charts are pictures, drawn and described; each sits beside its table.
    const charts = page.getByTestId('report-chart')
    await expect.poll(() => charts.count()).toBe(2)
    for (const img of await charts.all()) {
      await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0)
      expect(await img.getAttribute('alt')).toMatch(/^Balkendiagramm: .+ Tabelle daneben\.$/)
      expect(await img.evaluate((el) => el.parentElement?.querySelector('table') !== null)).toBe(true)
    }
  })

  it('Digitale Agenda und Leistungsinventar: Bericht und Druck nennen dieselben Zahlen wie ihre Bildschirme', async () => {
    const { page } = s
    await gotoApp(page, '/agenda')
    const counts = page.getByTestId('agenda-counts')
    await counts.waitFor()
    const statuses = ['planned', 'in_progress', 'done', 'deferred'] as const
    const onAgenda = Object.fromEntries(await Promise.all(statuses.map(async (st) => [st, squash((await counts.locator(`[data-status="${st}"] dd`).textContent()) ?? '')] as const)))
    const agendaTitle = squash((await page.getByTestId('agenda-name').textContent()) ?? '')
    await gotoApp(page, '/leistungen')
    const figures = page.getByTestId('inventory-figures')
    await figures.waitFor()
    const figure = async (root: typeof figures, key: string) => squash((await root.locator(`[data-figure="${key}"]`).textContent()) ?? '')
    const keys = ['total', 'online', 'share', 'cases', 'unrated'] as const
    const onInventory = await Promise.all(keys.map((k) => figure(figures, k)))
    const topOnInventory = await page.getByTestId('inventory-top').locator('li').allTextContents()

    await openReport()
    const section = page.getByTestId('report-agenda')
    for (const st of statuses) expect(squash((await section.locator(`p [data-status="${st}"]`).textContent()) ?? '')).toMatch(new RegExp(`: ${onAgenda[st]}$`))
    const reportInventory = page.getByTestId('report-inventory')
    expect(await Promise.all(keys.map((k) => figure(reportInventory.getByTestId('inventory-figures'), k)))).toEqual(onInventory)
    expect(await reportInventory.getByTestId('inventory-top').locator('li').allTextContents()).toEqual(topOnInventory)
    expect(topOnInventory.length).toBeGreaterThan(0)

    const text = (await pdfPages()).map((p) => p.text).join(' ')
    expect(text).toContain(`6. ${agendaTitle}`)
    expect(text).toContain('7. Leistungsinventar')
    expect(text).toContain('8. Anhang')
    for (const line of topOnInventory) expect(text).toContain(squash(line))
  })

  it('gedruckt: Seitenzahl, Kopfzeile und Seite x von y auf jeder Seite, die erste Seite ist die Zusammenfassung', async () => {
    const screen = await screenFigures()
    const pages = await pdfPages()
    expect(pages.length).toBeGreaterThanOrEqual(10)
    expect(pages.length).toBeLessThanOrEqual(22)
    const year = new Date().getFullYear()
    pages.forEach((p, i) => {
      expect(p.header, `Kopfzeile auf Seite ${i + 1}`).toMatch(new RegExp(`^Managementbericht · Musterstadt · Digitalisierungs-Check ${year} · \\d{2}\\.\\d{2}\\.\\d{4}$`))
      expect(p.footer, `Seitenzahl auf Seite ${i + 1}`).toBe(`Seite ${i + 1} von ${pages.length}`)
    })

    // Page 1 holds the whole summary and states the screens' figures.
    const first = pages[0]!
    expect(first.text).toContain('1. Zusammenfassung')
    expect(first.text).toMatch(new RegExp(`Gesamtergebnis ${screen.capped} von 100`))
    expect(first.text).toContain(`Mittelwert ohne Begrenzung: ${screen.mean}`)
    expect(first.text).toContain(`Rechtspflichten in Gefahr: ${screen.atRisk.length}`)
    for (const id of screen.atRisk) expect(first.text, `gefährdete Pflicht ${id}`).toContain(screen.titles.get(id)!)
    const topText = first.text.slice(first.text.indexOf('Die 10 wichtigsten Maßnahmen'))
    let at = -1
    screen.top.forEach((m, i) => {
      const next = topText.indexOf(`${i + 1} ${m.title}`, at + 1)
      expect(next, `Top ${i + 1}: ${m.title}`).toBeGreaterThan(at)
      at = next
    })
    expect(pages[1]!.text).not.toContain('Die 10 wichtigsten Maßnahmen')
    // Sections in order: the demo has an agenda and an inventory, so the annex is number 8.
    const all = pages.map((p) => p.text).join(' ')
    let last = -1
    for (const sec of ['1. Zusammenfassung', '2. Methode', '3. Reifegrade', '4. Wichtigste Maßnahmen', '5. Roadmap', '6. Digitale Agenda 1.0', '7. Leistungsinventar', '8. Anhang']) {
      const i = all.indexOf(sec)
      expect(i, sec).toBeGreaterThan(last)
      last = i
    }
    expect(all).not.toContain('Drucken / als PDF speichern')
  })

  it('gedruckt: keine fast leere Seite, die Diagramme als Bild neben ihren Tabellen', async () => {
    const pages = await pdfPages()
    const fills = pages.map(fill)
    // Every page but the last is at least half full; the last holds more than a few lines.
    fills.slice(0, -1).forEach((f, i) => expect(f, `Seite ${i + 1} ist zu ${Math.round(f * 100)} % gefüllt`).toBeGreaterThan(0.5))
    expect(fills.at(-1)!, 'letzte Seite').toBeGreaterThan(0.2)
    const withChart = (title: string) => pages.find((p) => p.text.includes(title))
    const profile = withChart('Reifegrad je Dimension Dimension Reifegrad Abdeckung')
    const change = withChart('Veränderung je Dimension seit')
    expect(profile?.images, 'Diagramm „Reifegrad je Dimension“ im PDF').toBeGreaterThanOrEqual(1)
    expect(change?.images, 'Diagramm „Veränderung je Dimension“ im PDF').toBeGreaterThanOrEqual(1)
  })

  it('gedruckt: die Kopfzeilen der Heatmap sind kurze, ganze Wörter; die Legende nennt die vollen Titel', async () => {
    const pages = await pdfPages()
    const shorts = shortTitles(CATALOG_DIMENSIONS.map((d) => d.title.de))
    const heat = pages.find((p) => p.text.includes('Reifegrad je Fachbereich und Dimension'))
    expect(heat, 'Seite mit der Heatmap').toBeDefined()
    // A word broken across lines would come out as two text items.
    for (const short of shorts) expect(heat!.runs, `Kopf „${short}“`).toContain(short)
    for (const [i, d] of CATALOG_DIMENSIONS.entries()) {
      if (shorts[i] !== d.title.de) expect(heat!.text).toContain(`${shorts[i]} = ${d.title.de}`)
    }
    // In the print layout every header word sits on one line (a Range over a broken word has two boxes).
    const page = await openReport()
    expect(await page.locator('[data-testid="heatmap"] thead .dim-label').count()).toBe(shorts.length + 1)
    await page.emulateMedia({ media: 'print' })
    try {
      const broken = await brokenHeaderWords(page)
      expect(broken).toEqual([])
    } finally {
      await page.emulateMedia({ media: 'screen' })
    }
  })

  it('gedruckt: nichts ragt über die Seitenbreite hinaus', async () => {
    const page = await openReport()
    const size = page.viewportSize()!
    // A4 (210 mm) less the side margins (2 × 14 mm) = 182 mm ≈ 688 CSS pixels.
    await page.setViewportSize({ width: 688, height: 1000 })
    await page.emulateMedia({ media: 'print' })
    try {
      const { checked, wide } = await page.evaluate(() => {
        const w = document.documentElement.clientWidth
        const all = [...document.querySelectorAll('.report *')]
        const over = all
          .filter((el) => el.getBoundingClientRect().right > w + 0.5)
          .slice(0, 5)
          .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}: ${(el.textContent ?? '').slice(0, 40)}`)
        return { checked: all.length, wide: over }
      })
      expect(checked).toBeGreaterThan(500)
      expect(wide).toEqual([])
    } finally {
      await page.emulateMedia({ media: 'screen' })
      await page.setViewportSize(size)
    }
  })

  for (const width of [1366, 390]) {
    it(`Bericht bei ${width} px: axe ohne Verstöße, kein seitliches Scrollen`, async () => {
      const { page } = s
      await page.setViewportSize({ width, height: 900 })
      await gotoApp(page, '/report')
      await page.getByTestId('report').waitFor()
      await expect.poll(() => page.getByTestId('report-chart').count()).toBe(2)
      await expectNoA11yViolations(page, `Bericht bei ${width} px`)
      const sizes = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }))
      expect(sizes.scroll).toBeLessThanOrEqual(sizes.inner)
      s.assertClean()
    }, 120_000)
  }
})
