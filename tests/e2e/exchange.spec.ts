/**
 * Many hands, many devices (issue "Many hands"): two separate browser profiles on the production
 * build exchange a department package and its return; the consultant's concurrent edits survive,
 * the one true conflict is shown and decided; importing the same return again changes nothing;
 * twenty returns are imported in one go; an answer saved in a second tab while a preview is open is
 * not overwritten when the import is applied.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPackage, serializeBackup } from '../../src/domain/exchange/serialise'
import type { BackupData } from '../../src/domain/exchange/formats'
import { applyAnswerPatch } from '../../src/domain/model/answers'
import { dumpIndexedDb, expectNoA11yViolations, gotoApp, loadDemoFromStart, openBrowser, readAssessmentFromIndexedDb, type BrowserSession } from './browser'
import { andWaitForSave, istRadio, itemOfCard, questionCards, questionnaireLink } from './flows'

let dir: string
let a: BrowserSession
let b: BrowserSession

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dc-exchange-'))
  a = await openBrowser()
  b = await openBrowser()
})
afterAll(async () => {
  await a?.dispose()
  await b?.dispose()
  rmSync(dir, { recursive: true, force: true })
})

async function download(page: Page, click: () => Promise<void>, name: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()])
  const file = path.join(dir, name)
  await dl.saveAs(file)
  return file
}

/** Answers question cards in order across dimensions; returns { itemId: level } of what was set. */
async function answerItems(page: Page, count: number, levelOf: (i: number) => number, skip = 0): Promise<Record<string, number>> {
  const set: Record<string, number> = {}
  let seen = 0
  for (;;) {
    const cards = questionCards(page)
    const n = await cards.count()
    for (let i = 0; i < n && Object.keys(set).length < count; i++) {
      const card: Locator = cards.nth(i)
      if (seen++ < skip) continue
      const item = await itemOfCard(card)
      const level = levelOf(Object.keys(set).length)
      await andWaitForSave(page, () => istRadio(card, level).check())
      set[item.id] = level
    }
    if (Object.keys(set).length >= count) return set
    const url = page.url()
    await page.getByRole('button', { name: /Nächste Dimension/ }).click()
    await page.waitForURL((u) => u.toString() !== url)
    await page.getByRole('main').getByRole('article').first().waitFor()
  }
}

const DEPARTMENT = 'Bauordnung'
let packageFile = ''
let returnFile = ''
let bSet: Record<string, number> = {}
let aSet: Record<string, number> = {}
let conflictItem = ''
let assessmentId = ''

describe('department package and return between two browser profiles', () => {
  it('A exports a package; B opens it with no set-up and lands in the questionnaire', async () => {
    await loadDemoFromStart(a.page)
    await gotoApp(a.page, '/exchange')
    packageFile = await download(a.page, () => a.page.getByRole('button', { name: `Paket für ${DEPARTMENT}` }).click(), 'paket.json')
    await expectNoA11yViolations(a.page, 'Fragebögen austauschen')

    await gotoApp(b.page, '/')
    await b.page.getByTestId('open-package').click()
    await b.page.getByLabel('Dateien auswählen').setInputFiles(packageFile)
    await b.page.getByTestId('import-preview').waitFor()
    await expectNoA11yViolations(b.page, 'Vorschau Paket')
    await b.page.getByTestId('import-apply').click()
    await b.page.waitForURL(/#\/assessment\//)
    await b.page.getByRole('heading', { level: 1, name: new RegExp(DEPARTMENT) }).waitFor()
    assessmentId = b.page.url().split('/assessment/')[1]!.split('?')[0]!
  })

  it('B answers 10 items and returns them; meanwhile A changes 2 other items and one of B’s', async () => {
    bSet = await answerItems(b.page, 10, (i) => (i % 4) + 1)
    expect(Object.keys(bSet)).toHaveLength(10)
    returnFile = await download(b.page, () => b.page.getByTestId('return-answers').click(), 'rueckgabe.json')

    // A opens the same questionnaire on the start screen and answers: its first item (one of B's,
    // to a different level), then two items after B's ten.
    await gotoApp(a.page, '/')
    await questionnaireLink(a.page, 'Amtsleitung', DEPARTMENT).click()
    await a.page.getByRole('heading', { level: 1, name: new RegExp(DEPARTMENT) }).waitFor()
    const first = await answerItems(a.page, 1, () => 0)
    conflictItem = Object.keys(first)[0]!
    expect(bSet[conflictItem]).toBeDefined()
    // Still on the first dimension: skip B's ten items and answer the next two.
    const later = await answerItems(a.page, 2, () => 3, 10)
    aSet = { ...first, ...later }
    for (const id of Object.keys(later)) expect(bSet[id]).toBeUndefined()
  })

  it('A imports B’s return: all of B’s answers and A’s later ones are there, the conflict is decided as chosen', async () => {
    await gotoApp(a.page, '/exchange')
    await a.page.getByLabel('Dateien auswählen').setInputFiles(returnFile)
    const row = a.page.getByTestId('import-preview').locator('tbody tr')
    await row.first().waitFor()
    const cells = await row.first().locator('td').allTextContents()
    // new, updated, unchanged, conflicts (answers)
    expect(cells.slice(1).map((c) => c.trim())).toEqual(['9', '0', '0', '1'])
    const conflict = a.page.getByTestId('conflicts').locator(`fieldset[data-item="${conflictItem}"]`)
    await expect(conflict.textContent()).resolves.toContain('Aus der Datei')
    await expectNoA11yViolations(a.page, 'Konflikt')
    await a.page.setViewportSize({ width: 390, height: 844 })
    await expectNoA11yViolations(a.page, 'Konflikt (390 px)')
    await a.page.setViewportSize({ width: 1280, height: 900 })
    await conflict.getByRole('radio', { name: 'Stand aus der Datei übernehmen' }).check()
    await a.page.getByTestId('import-apply').click()
    await a.page.getByTestId('import-done').waitFor()

    const stored = await readAssessmentFromIndexedDb(a.page, assessmentId)
    for (const [itemId, level] of Object.entries(bSet)) expect(stored!.answers[itemId]?.ist, itemId).toBe(level)
    for (const [itemId, level] of Object.entries(aSet)) if (itemId !== conflictItem) expect(stored!.answers[itemId]?.ist, itemId).toBe(level)
    expect(stored!.answers[conflictItem]?.ist).toBe(bSet[conflictItem])
  })

  it('importing the same return again changes nothing', async () => {
    const before = await dumpIndexedDb(a.page)
    await gotoApp(a.page, '/exchange')
    await a.page.getByLabel('Dateien auswählen').setInputFiles(returnFile)
    const row = a.page.getByTestId('import-preview').locator('tbody tr').first()
    await row.waitFor()
    expect((await row.locator('td').allTextContents()).slice(1).map((c) => c.trim())).toEqual(['0', '0', '10', '0'])
    await row.getByText('Diese Datei ändert nichts an Ihren Daten.').waitFor()
    expect(await a.page.getByTestId('import-apply').isDisabled()).toBe(true)
    const after = await dumpIndexedDb(a.page)
    expect(after.assessments).toEqual(before.assessments)
    expect(after.organisations).toEqual(before.organisations)
  })

  it('imports 20 return files in one go', async () => {
    const dump = await dumpIndexedDb(a.page)
    const data = dump as unknown as BackupData
    const org = data.organisations.find((o) => o.id === 'demo-musterstadt')!
    const round = data.rounds.filter((r) => r.orgId === org.id).sort((x, y) => y.startDate.localeCompare(x.startDate))[0]!
    const departments = data.departments.filter((d) => d.orgId === org.id)
    const files: string[] = []
    mkdirSync(path.join(dir, 'ordner'))
    const expected: { assessmentId: string; itemId: string; ist: number }[] = []
    // Twenty respondents on other devices: a new questionnaire each, for the ten departments twice.
    for (let i = 0; i < 20; i++) {
      const dep = departments[i % departments.length]!
      const device = `device${String(i).padStart(2, '0')}`
      const at = new Date(Date.UTC(2026, 10, 29, 10, i)).toISOString()
      const stamp = { at, by: `Person ${i}`, deviceId: device }
      const assessment = {
        id: `e2e-return-${i}`, orgId: org.id, roundId: round.id, departmentId: dep.id, respondent: `Person ${i}`, role: 'respondent' as const,
        status: 'submitted' as const, answers: {} as BackupData['assessments'][number]['answers'], createdAt: at, updatedAt: at, updatedBy: `Person ${i}`,
        deviceId: device, rev: 1, activityAt: at, submittedAt: at,
      }
      const sample = data.assessments.find((x) => x.departmentId === dep.id && x.roundId === round.id)!
      const itemIds = Object.keys(sample.answers).slice(0, 5)
      itemIds.forEach((itemId, k) => {
        const ist = ((i + k) % 5) as 0 | 1 | 2 | 3 | 4
        assessment.answers[itemId] = applyAnswerPatch(undefined, itemId, { state: 'level', ist }, stamp)
        expected.push({ assessmentId: assessment.id, itemId, ist })
      })
      const file = createPackage('return', { organisation: org, round, department: dep, assessments: [assessment] }, { now: new Date(at), appVersion: 'e2e', scoringModelVersion: '1.0.0', deviceId: device })
      const name = path.join(dir, 'ordner', `rueckgabe-${i}.json`)
      writeFileSync(name, serializeBackup(file))
      files.push(name)
    }
    await gotoApp(a.page, '/exchange')
    await a.page.getByLabel('Dateien auswählen').setInputFiles(files)
    const rows = a.page.getByTestId('import-preview').locator('tbody tr')
    await rows.nth(19).waitFor()
    expect(await rows.count()).toBe(20)
    for (let i = 0; i < 20; i++) expect((await rows.nth(i).locator('td').allTextContents()).map((c) => c.trim()).slice(1), await rows.nth(i).textContent() ?? '').toEqual(['5', '0', '0', '0'])
    await a.page.getByTestId('import-apply').click()
    await a.page.getByTestId('import-done').waitFor()
    for (const e of expected) {
      const stored = await readAssessmentFromIndexedDb(a.page, e.assessmentId)
      expect(stored?.answers[e.itemId]?.ist, `${e.assessmentId}/${e.itemId}`).toBe(e.ist)
    }
    // The same twenty again, as a whole folder: all unchanged.
    await gotoApp(a.page, '/exchange')
    await a.page.getByLabel('Oder einen ganzen Ordner auswählen').setInputFiles(path.join(dir, 'ordner'))
    await rows.nth(19).waitFor()
    expect(await rows.count()).toBe(20)
    for (let i = 0; i < 20; i++) expect((await rows.nth(i).locator('td').allTextContents()).map((c) => c.trim()).slice(1)).toEqual(['0', '0', '5', '0'])
    expect(await a.page.getByTestId('import-apply').isDisabled()).toBe(true)
    a.assertClean()
    b.assertClean()
  })

  it('an answer saved in a second tab while the preview is open is kept when the import is applied', async () => {
    const data = (await dumpIndexedDb(a.page)) as unknown as BackupData
    const stored = data.assessments.find((x) => x.id === assessmentId)!
    const org = data.organisations.find((o) => o.id === stored.orgId)!
    const round = data.rounds.find((r) => r.id === stored.roundId)!
    const department = data.departments.find((d) => d.id === stored.departmentId)!
    // The return changes one answer (X) on another device, later than anything here.
    const fromFile = Object.keys(bSet)[1]!
    const stamp = { at: '2026-12-01T10:00:00.000Z', by: 'Außendienst', deviceId: 'device-late' }
    const changed = { ...stored, answers: { ...stored.answers, [fromFile]: applyAnswerPatch(stored.answers[fromFile], fromFile, { state: 'level', ist: 4 }, stamp) } }
    const file = createPackage('return', { organisation: org, round, department, assessments: [changed] }, { now: new Date(stamp.at), appVersion: 'e2e', scoringModelVersion: '1.0.0', deviceId: stamp.deviceId })
    const name = path.join(dir, 'rueckgabe-spaet.json')
    writeFileSync(name, serializeBackup(file))

    await gotoApp(a.page, '/exchange')
    await a.page.getByLabel('Dateien auswählen').setInputFiles(name)
    const row = a.page.getByTestId('import-preview').locator('tbody tr').first()
    await row.waitFor()
    expect((await row.locator('td').allTextContents()).slice(1).map((c) => c.trim())).toEqual(['0', '1', String(Object.keys(stored.answers).length - 1), '0'])

    // Meanwhile, in a second tab, another answer (Y) of the same questionnaire is saved.
    const second = await a.context.newPage()
    await gotoApp(second, `/assessment/${assessmentId}`)
    await second.getByRole('heading', { level: 1, name: new RegExp(DEPARTMENT) }).waitFor()
    const cards = questionCards(second)
    let inTab = ''
    let level = 0
    for (let i = 0; (await cards.count()) > i && !inTab; i++) {
      const item = await itemOfCard(cards.nth(i))
      if (item.id === fromFile) continue
      level = stored.answers[item.id]?.ist === 1 ? 2 : 1
      await andWaitForSave(second, () => istRadio(cards.nth(i), level).check())
      inTab = item.id
    }
    expect(inTab).not.toBe('')
    await second.close()

    await a.page.getByTestId('import-apply').click()
    await a.page.getByTestId('import-done').waitFor()
    const after = await readAssessmentFromIndexedDb(a.page, assessmentId)
    expect(after!.answers[fromFile]?.ist, 'the answer from the file').toBe(4)
    expect(after!.answers[inTab]?.ist, 'the answer saved in the second tab during the preview').toBe(level)
    a.assertClean()
  })

  it('a package dropped anywhere on the app opens on the exchange screen with its preview', async () => {
    await gotoApp(b.page, '/')
    const text = readFileSync(packageFile, 'utf8')
    await b.page.evaluate((content) => {
      const dt = new DataTransfer()
      dt.items.add(new File([content], 'paket.json', { type: 'application/json' }))
      document.querySelector('main')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }))
    }, text)
    await b.page.waitForURL(/#\/exchange/)
    const row = b.page.getByTestId('import-preview').locator('tbody tr').first()
    await row.waitFor()
    expect(await row.locator('th').textContent()).toContain('paket.json')
    b.assertClean()
  })
})
