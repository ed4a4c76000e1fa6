/** App-specific steps shared by the specs (German UI terms, roles and labels instead of CSS). */
import type { Locator, Page } from 'playwright-core'
import catalogV1Json from '../../src/catalogs/dc-kommune/1.0.0.json'
import catalogJson from '../../src/catalogs/dc-kommune/2.0.0.json'
import { gotoApp, saveCount, waitFor } from './browser'

interface CatalogItemJson {
  id: string
  dimensionId: string
  appliesTo: 'all' | 'central' | 'organisation'
  question: { de: string }
  levels: { de: string }[]
}
const ITEMS = (catalogJson as unknown as { items: CatalogItemJson[] }).items
/** Items of both built-in versions (2.0.0 first): the demo's earlier round still uses 1.0.0. */
const ALL_ITEMS = [...ITEMS, ...(catalogV1Json as unknown as { items: CatalogItemJson[] }).items]

/** The catalogue item shown in a question card (found by its question text). */
export async function itemOfCard(card: Locator): Promise<CatalogItemJson> {
  const question = ((await card.getByRole('heading', { level: 3 }).textContent()) ?? '').trim()
  const item = ALL_ITEMS.find((i) => i.question.de === question)
  if (!item) throw new Error(`Frage nicht im Katalog gefunden: ${question}`)
  return item
}

/** All question cards of the dimension on screen. */
export function questionCards(page: Page): Locator {
  return page.getByRole('main').getByRole('article')
}

/** The radio group "Ist-Stand" of a card. */
export function istGroup(card: Locator): Locator {
  return card.getByRole('group', { name: /^(Ist-Stand|Current state): /i })
}

/** The Ist radio for a level (0–4) of a card; its accessible name starts with "Stufe n:". */
export function istRadio(card: Locator, level: number): Locator {
  return istGroup(card).getByRole('radio', { name: new RegExp(`^Stufe ${level}:`) })
}

/**
 * Runs an action and waits until one more answer write has committed (data-save-count of the save
 * indicator grew) and the indicator shows "Gespeichert".
 */
export async function andWaitForSave(page: Page, action: () => Promise<void>): Promise<number> {
  const before = await saveCount(page)
  await action()
  const indicator = page.getByTestId('save-state')
  const after = await waitFor(
    async () => ({ count: await saveCount(page), text: (await indicator.textContent()) ?? '' }),
    (s) => s.count > before && /Gespeichert/.test(s.text),
    'Speichern der Antwort („Gespeichert“)',
  )
  return after.count
}

/** Chooses an Ist level by clicking the level's description text (as a user would). */
export async function chooseLevelByText(page: Page, card: Locator, level: number): Promise<CatalogItemJson> {
  const item = await itemOfCard(card)
  const text = item.levels[level]?.de
  if (!text) throw new Error(`Stufe ${level} fehlt bei ${item.id}`)
  await andWaitForSave(page, () => istGroup(card).getByText(text, { exact: false }).click())
  return item
}

/** Goes to a dimension with the stepper ("Dimensionen"), by the start of its title. */
export async function openDimension(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^${title}`) }).click()
  await page.getByRole('heading', { level: 2, name: new RegExp(title) }).waitFor()
}

/** The catalogue items of the default catalogue (dc-kommune 2.0.0). */
export const CATALOG_ITEMS: readonly CatalogItemJson[] = ITEMS
export const CATALOG_DIMENSIONS = (catalogJson as unknown as { dimensions: { id: string; title: { de: string } }[] }).dimensions

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * The link of a respondent's questionnaire on the start screen. Its name starts with the visible
 * text ("Beginnen", "Fortsetzen" or "Öffnen" – by status – then the respondent) and ends with the
 * department: "Fortsetzen: Amtsleitung – Bürgerservice und Ordnung".
 */
export function questionnaireLink(page: Page, respondent: string, department: string): Locator {
  return page.getByRole('link', { name: new RegExp(`^(Beginnen|Fortsetzen|Öffnen): ${escapeRe(respondent)} – ${escapeRe(department)}$`) })
}

/** A score as shown on screen ("45,3", maybe followed by "unsicher" or "*") → 45.3; "–"/none → null. */
export function parseScore(text: string | null | undefined): number | null {
  const m = /-?\d+(?:,\d+)?/.exec(text ?? '')
  return m ? Number(m[0].replace(',', '.')) : null
}

/** Rows of a table (data-testid) as [row header text, cell texts…], whitespace collapsed. */
export async function tableRows(page: Page, testId: string, section: 'tbody' | 'tfoot' = 'tbody'): Promise<{ key: string; cells: string[]; dimension: string | null }[]> {
  return page.getByTestId(testId).evaluate(
    (table, section) =>
      [...table.querySelectorAll(`:scope > ${section} > tr`)].map((tr) => {
        const clean = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()
        const th = tr.querySelector('th')
        return { key: th ? clean(th) : '', cells: [...tr.querySelectorAll('td')].map(clean), dimension: tr.getAttribute('data-dimension') }
      }),
    section,
  )
}

/** Score column (first cell) of a table, keyed by row header. */
export async function scoresByRow(page: Page, testId: string): Promise<Map<string, number | null>> {
  return new Map((await tableRows(page, testId)).map((r) => [r.key, parseScore(r.cells[0])]))
}

/**
 * A new organisation working with its own catalogue, set up as a consultant would: the organisation
 * on Einrichtung, the catalogue file imported on Daten, one department and a round on that
 * catalogue (`catalogLabel` = its entry in the round form, e.g. "Titel, Version 1.0.0 (importiert)").
 */
export async function setUpOwnCatalogue(
  page: Page,
  o: { organisation: string; file: { name: string; mimeType: string; buffer: Buffer }; department: string; code: string; round: string; catalogLabel: string },
): Promise<void> {
  await gotoApp(page, '/setup?new=1')
  await page.getByLabel('Name der Kommune').fill(o.organisation)
  await page.getByRole('button', { name: 'Speichern' }).click()
  await page.getByRole('region', { name: 'Kommune' }).getByText(o.organisation).waitFor()

  await gotoApp(page, '/data')
  await page.getByLabel('Katalogdatei auswählen (JSON, YAML, Excel-/Calc-Tabelle oder CSV)').setInputFiles(o.file)
  await page.getByTestId('catalog-imported').waitFor()

  await gotoApp(page, '/setup')
  const deptSection = page.getByRole('region', { name: 'Fachbereiche' })
  await deptSection.getByRole('button', { name: 'Fachbereich hinzufügen' }).click()
  await deptSection.getByLabel('Bezeichnung').fill(o.department)
  await deptSection.getByLabel('Kürzel').fill(o.code)
  await deptSection.getByRole('radio', { name: 'Fachbereich / Fachamt' }).check()
  await deptSection.getByRole('button', { name: 'Speichern' }).click()
  await deptSection.getByRole('cell', { name: o.department, exact: true }).waitFor()
  const roundSection = page.getByRole('region', { name: 'Erhebungsrunden' })
  await roundSection.getByRole('button', { name: 'Erhebungsrunde hinzufügen' }).click()
  await roundSection.getByLabel('Bezeichnung').fill(o.round)
  await roundSection.getByLabel('Fragenkatalog').selectOption({ label: o.catalogLabel })
  await roundSection.getByRole('button', { name: 'Speichern' }).click()
  await roundSection.getByRole('cell', { name: o.round, exact: true }).waitFor()
}

/** Opens a first questionnaire of `department` in the selected round from the start screen. */
export async function beginQuestionnaire(page: Page, department: string, respondent: string, round: string): Promise<void> {
  await gotoApp(page, '/')
  await page.getByRole('button', { name: `Beginnen – ${department}` }).click()
  await page.getByLabel('Name oder Funktion').fill(respondent)
  await page.getByRole('button', { name: 'Fragebogen öffnen' }).click()
  await page.getByRole('heading', { level: 1, name: `${department}: ${round}` }).waitFor()
}

/** Words of the heatmap's column headers that the layout breaks across lines (a Range over such a word has two boxes). */
export function brokenHeaderWords(page: Page): Promise<string[]> {
  return page.locator('[data-testid="heatmap"] thead .dim-label').evaluateAll((labels) =>
    labels.flatMap((label) => {
      const node = label.firstChild
      if (!node || node.nodeType !== Node.TEXT_NODE) return [`kein Text: ${label.textContent}`]
      const text = node.textContent ?? ''
      const out: string[] = []
      for (const m of text.matchAll(/\S+/g)) {
        const r = document.createRange()
        r.setStart(node, m.index)
        r.setEnd(node, m.index + m[0].length)
        if (r.getClientRects().length !== 1) out.push(m[0])
      }
      return out
    }),
  )
}
