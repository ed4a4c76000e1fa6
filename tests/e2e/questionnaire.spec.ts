/**
 * A new user with an empty browser sets up a municipality, answers five questions, and the answers
 * survive a reload and a browser restart with the same profile – and really are in IndexedDB.
 */
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { appUrl, assessmentIdFromUrl, gotoApp, openBrowser, readAssessmentFromIndexedDb, type BrowserSession } from './browser'
import { andWaitForSave, chooseLevelByText, istRadio, itemOfCard, openDimension, questionCards } from './flows'
import { removeProfile } from './support.mjs'

const COMMENT = 'Pilot im Bürgerbüro läuft, Ausweitung geplant.'

interface Expected {
  itemId: string
  dimension: string
  index: number
  check: (page: Page) => Promise<void>
  stored: Record<string, unknown>
}

describe('Fragebogen: Ersterfassung und dauerhafte Speicherung', () => {
  const sessions: BrowserSession[] = []
  let profile = ''
  afterAll(async () => {
    for (const s of sessions) await s.close()
    if (profile) removeProfile(profile)
  })

  it('legt Kommune, Fachbereich und Runde an, beantwortet fünf Fragen und findet sie nach Neuladen und Neustart wieder', async () => {
    const first = await openBrowser({ keepProfile: true })
    sessions.push(first)
    profile = first.userDataDir
    const { page } = first

    // Start: empty browser
    await gotoApp(page, '/')
    await page.getByRole('heading', { level: 2, name: 'Noch keine Kommune angelegt' }).waitFor()
    await page.getByRole('link', { name: 'Kommune anlegen' }).click()

    // Einrichtung: Kommune
    await page.getByRole('heading', { level: 1, name: 'Einrichtung' }).waitFor()
    await page.getByLabel('Name der Kommune').fill('Testhausen')
    await page.getByLabel('Art', { exact: true }).selectOption({ label: 'Gemeinde' })
    await page.getByLabel('Bundesland').selectOption({ label: 'Hessen' })
    await page.getByLabel('Einwohnerzahl').fill('12500')
    await page.getByRole('button', { name: 'Speichern' }).click()
    const orgSection = page.getByRole('region', { name: 'Kommune' })
    await orgSection.getByText('Testhausen').waitFor()

    // Fachbereich
    const deptSection = page.getByRole('region', { name: 'Fachbereiche' })
    await deptSection.getByRole('button', { name: 'Fachbereich hinzufügen' }).click()
    await deptSection.getByLabel('Bezeichnung').fill('Bürgeramt')
    await deptSection.getByLabel('Kürzel').fill('32')
    await deptSection.getByLabel('Beschäftigte').fill('14')
    await deptSection.getByRole('radio', { name: 'Fachbereich / Fachamt' }).check()
    await deptSection.getByRole('button', { name: 'Speichern' }).click()
    await deptSection.getByRole('cell', { name: 'Bürgeramt', exact: true }).waitFor()

    // Erhebungsrunde
    const roundSection = page.getByRole('region', { name: 'Erhebungsrunden' })
    await roundSection.getByRole('button', { name: 'Erhebungsrunde hinzufügen' }).click()
    await roundSection.getByLabel('Bezeichnung').fill('Digitalisierungs-Check Testhausen')
    await roundSection.getByRole('button', { name: 'Speichern' }).click()
    await roundSection.getByRole('cell', { name: 'Digitalisierungs-Check Testhausen', exact: true }).waitFor()

    // Start → Fragebogen des Fachbereichs
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Start' }).click()
    await page.getByRole('heading', { level: 2, name: 'Testhausen' }).waitFor()
    await page.getByRole('button', { name: 'Beginnen – Bürgeramt' }).click()
    await page.getByLabel('Name oder Funktion').fill('Amtsleitung')
    await page.getByRole('button', { name: 'Fragebogen öffnen' }).click()
    await page.getByRole('heading', { level: 1, name: 'Bürgeramt: Digitalisierungs-Check Testhausen' }).waitFor()
    await page.getByText('Befragte Person: Amtsleitung').waitFor()
    const assessmentId = assessmentIdFromUrl(page)

    // Five answers: four in the first dimension (all of it), one in the second.
    await page.getByRole('heading', { level: 2, name: /Strategie und Steuerung/ }).waitFor()
    const cards = questionCards(page)
    expect(await cards.count()).toBeGreaterThanOrEqual(4)
    const expected: Expected[] = []

    // 1: Ist "Stufe 2" + Bedarf "3 – hoch"
    const i1 = await chooseLevelByText(page, cards.nth(0), 2)
    await andWaitForSave(page, () => cards.nth(0).getByRole('group', { name: 'Bedarf' }).getByText('3 – hoch', { exact: true }).click())
    expected.push({
      itemId: i1.id, dimension: 'Strategie und Steuerung', index: 0,
      stored: { state: 'level', ist: 2, bedarf: 3 },
      check: async (p) => {
        const card = questionCards(p).nth(0)
        expect(await istRadio(card, 2).isChecked()).toBe(true)
        expect(await card.getByRole('group', { name: 'Bedarf' }).getByRole('radio', { name: '3 – hoch' }).isChecked()).toBe(true)
      },
    })

    // 2: Ist "Stufe 0" + Anmerkung
    const i2 = await chooseLevelByText(page, cards.nth(1), 0)
    await andWaitForSave(page, async () => {
      await cards.nth(1).getByLabel('Anmerkung (optional)').fill(COMMENT)
      await cards.nth(1).getByLabel('Anmerkung (optional)').blur()
    })
    expected.push({
      itemId: i2.id, dimension: 'Strategie und Steuerung', index: 1,
      stored: { state: 'level', ist: 0, comment: COMMENT },
      check: async (p) => {
        const card = questionCards(p).nth(1)
        expect(await istRadio(card, 0).isChecked()).toBe(true)
        expect(await card.getByLabel('Anmerkung (optional)').inputValue()).toBe(COMMENT)
      },
    })

    // 3: "Nicht zutreffend" (the Bedarf/Potenzial scales disappear)
    const card3 = cards.nth(2)
    const i3 = await itemOfCard(card3)
    await andWaitForSave(page, () => card3.getByText('Nicht zutreffend', { exact: true }).click())
    await card3.getByText('nicht zutreffend', { exact: true }).waitFor()
    expect(await card3.getByRole('group', { name: 'Bedarf' }).count()).toBe(0)
    expected.push({
      itemId: i3.id, dimension: 'Strategie und Steuerung', index: 2,
      stored: { state: 'na', ist: null },
      check: async (p) => {
        const card = questionCards(p).nth(2)
        expect((await card.getByRole('heading', { level: 3 }).textContent())?.trim()).toBe(i3.question.de)
        expect(await card.getByRole('radio', { name: 'Nicht zutreffend' }).isChecked()).toBe(true)
      },
    })

    // 4: Ist "Stufe 4" – the last open question of the dimension; the screen must stay on it.
    const i4 = await chooseLevelByText(page, cards.nth(3), 4)
    expected.push({
      itemId: i4.id, dimension: 'Strategie und Steuerung', index: 3,
      stored: { state: 'level', ist: 4 },
      check: async (p) => expect(await istRadio(questionCards(p).nth(3), 4).isChecked()).toBe(true),
    })
    await page.getByRole('heading', { level: 2, name: /Strategie und Steuerung/ }).waitFor()
    expect(await istRadio(cards.nth(3), 4).isChecked()).toBe(true)

    // 5: next dimension, Ist "Stufe 1"
    await page.getByRole('button', { name: /Nächste Dimension/ }).click()
    await page.getByRole('heading', { level: 2, name: /Online-Dienste und OZG/ }).waitFor()
    const i5 = await chooseLevelByText(page, questionCards(page).nth(0), 1)
    expected.push({
      itemId: i5.id, dimension: 'Online-Dienste und OZG', index: 0,
      stored: { state: 'level', ist: 1 },
      check: async (p) => expect(await istRadio(questionCards(p).nth(0), 1).isChecked()).toBe(true),
    })

    await expect.poll(() => page.getByTestId('save-state').textContent()).toMatch(/Gespeichert um \d\d:\d\d:\d\d/)
    expect(await page.getByRole('progressbar').first().getAttribute('aria-valuenow')).toBe('5')

    async function verifyOnScreen(p: Page): Promise<void> {
      for (const e of expected) {
        await openDimension(p, e.dimension)
        await e.check(p)
      }
    }
    async function verifyInIndexedDb(p: Page): Promise<void> {
      const stored = await readAssessmentFromIndexedDb(p, assessmentId)
      expect(stored, 'Fragebogen in IndexedDB').not.toBeNull()
      expect(Object.keys(stored!.answers).sort()).toEqual(expected.map((e) => e.itemId).sort())
      for (const e of expected) expect(stored!.answers[e.itemId], e.itemId).toMatchObject(e.stored)
    }

    await verifyInIndexedDb(page)

    // Reload: still there.
    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Bürgeramt: Digitalisierungs-Check Testhausen' }).waitFor()
    await verifyOnScreen(page)
    first.assertClean()

    // Close the browser and start it again with the same profile.
    await first.close()
    const second = await openBrowser({ userDataDir: profile, keepProfile: true })
    sessions.push(second)
    await gotoApp(second.page, '/')
    await second.page.getByRole('heading', { level: 2, name: 'Testhausen' }).waitFor()
    await second.page.getByRole('button', { name: 'Weitermachen, wo ich aufgehört habe' }).click()
    await second.page.getByRole('heading', { level: 1, name: 'Bürgeramt: Digitalisierungs-Check Testhausen' }).waitFor()
    expect(assessmentIdFromUrl(second.page)).toBe(assessmentId)
    await verifyOnScreen(second.page)
    await verifyInIndexedDb(second.page)
    expect(second.page.url()).toContain(appUrl('/assessment/'))
    second.assertClean()
  })
})
