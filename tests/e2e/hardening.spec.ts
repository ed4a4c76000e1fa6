/**
 * Hardening against what testers found (issue "Hardening and polish"), in the production build:
 * a comment typed just before the browser closes is not lost (#1); a restore whose write fails says
 * so and changes nothing (#2); a Windows-1252 file is refused naming the expected encoding (#4); an
 * impossible date is refused (#5).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { removeProfile } from './support.mjs'
import { appUrl, dumpIndexedDb, gotoApp, loadDemoFromStart, openBrowser, readAssessmentFromIndexedDb, type BrowserSession } from './browser'
import { APP_DB_VERSION } from '@/db/compat'
import type { ExchangeFile } from '@/domain/exchange/formats'
import { serializeBackup } from '@/domain/exchange/serialise'

/** Encodes text as Windows-1252 (ANSI), as an old editor on a Windows PC saves it. */
function windows1252(text: string): Buffer {
  const special: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '™': 0x99 }
  return Buffer.from([...text].map((c) => special[c] ?? (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)))
}

/** The native IndexedDB version of a database one schema version newer than this app's. */
const NEWER_NATIVE_VERSION = (APP_DB_VERSION + 1) * 10

/** A specialist department's questionnaire of the demo (Standesamt, one anonymous respondent). */
const ASSESSMENT_ID = 'demo-musterstadt-dep-34-a1'
const TEXT = 'Abstimmung mit dem Standesamt des Kreises läuft noch'

describe('Härtung im echten Browser', () => {
  const sessions: BrowserSession[] = []
  let profile = ''
  afterAll(async () => {
    for (const s of sessions) await s.close()
    if (profile) removeProfile(profile)
  })

  it('eine Anmerkung, getippt 50 ms bevor der Browser schließt, ist nach dem Neustart da', async () => {
    const first = await openBrowser({ keepProfile: true })
    sessions.push(first)
    profile = first.userDataDir
    await loadDemoFromStart(first.page)
    await gotoApp(first.page, `/assessment/${ASSESSMENT_ID}`)
    const comment = first.page.getByLabel('Anmerkung (optional)').first()
    await comment.waitFor()
    await comment.fill('')
    await comment.pressSequentially(TEXT)
    await first.page.waitForTimeout(50)
    await first.close()

    const second = await openBrowser({ userDataDir: profile, keepProfile: true })
    sessions.push(second)
    await gotoApp(second.page, `/assessment/${ASSESSMENT_ID}`)
    const again = second.page.getByLabel('Anmerkung (optional)').first()
    await again.waitFor()
    await expect.poll(() => again.inputValue()).toBe(TEXT)
    const stored = await readAssessmentFromIndexedDb(second.page, ASSESSMENT_ID)
    expect(Object.values(stored?.answers ?? {}).some((a) => a.comment === TEXT)).toBe(true)
    second.assertClean()
  })

  describe('Wiederherstellen und Dateien prüfen', () => {
    let s: BrowserSession
    let dir = ''
    let backupFile = ''
    afterAll(async () => {
      await s?.dispose()
      if (dir) rmSync(dir, { recursive: true, force: true })
    })

    const restoreInput = (page: Page) => page.getByLabel('Sicherungsdatei auswählen (.json)')
    const storesOf = async (page: Page) => {
      const dump = await dumpIndexedDb(page)
      return ['organisations', 'departments', 'rounds', 'assessments'].map((name) => (dump[name] ?? []).length)
    }

    it('vorbereitet: Demo gesichert und alle Daten gelöscht', async () => {
      s = await openBrowser()
      dir = mkdtempSync(path.join(tmpdir(), 'dc-hardening-'))
      const { page } = s
      await loadDemoFromStart(page)
      await gotoApp(page, '/data')
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Sicherung herunterladen' }).click()])
      backupFile = path.join(dir, 'sicherung.json')
      await download.saveAs(backupFile)
      await page.getByRole('button', { name: 'Alle Daten löschen' }).click()
      const dialog = page.getByRole('dialog', { name: 'Alle Daten in diesem Browser löschen' })
      await dialog.getByRole('button', { name: 'Alle Daten löschen' }).click()
      await page.getByRole('status').filter({ hasText: 'Alle Daten wurden gelöscht.' }).waitFor()
      expect(await storesOf(page)).toEqual([0, 0, 0, 0])
    })

    it('#2: schlägt das Schreiben fehl, sagt die Wiederherstellung es und ändert nichts', async () => {
      const { page } = s
      await gotoApp(page, '/data')
      await restoreInput(page).setInputFiles(backupFile)
      await page.getByTestId('import-preview').waitFor()
      // Every IndexedDB write of the exchange worker (which checked the file and writes the
      // restore) now fails as on a full disk.
      const worker = page.workers().find((w) => w.url().includes('exchange.worker'))
      expect(worker, 'the exchange worker runs').toBeDefined()
      await worker!.evaluate(() => {
        const refuse = (): never => {
          throw new DOMException('Simulated full disk (e2e test)', 'QuotaExceededError')
        }
        IDBObjectStore.prototype.put = refuse
        IDBObjectStore.prototype.add = refuse
        IDBCursor.prototype.update = refuse
      })
      await page.getByTestId('import-apply').click()
      const failed = page.getByTestId('import-failed')
      await failed.waitFor()
      expect(await failed.textContent()).toMatch(/Das Schreiben ist fehlgeschlagen \([\s\S]*QuotaExceededError[\s\S]*\)\. Es wurde nichts geändert\./)
      expect(await storesOf(page)).toEqual([0, 0, 0, 0])
      s.assertClean({ ignoreConsole: [/import failed/, /QuotaExceededError/] })
    })

    it('#4: eine Sicherung in Windows-1252 wird mit Hinweis auf UTF-8 abgelehnt, nichts ändert sich', async () => {
      const { page } = s
      const text = readFileSync(backupFile, 'utf8').replaceAll('Musterstadt', 'Großbürgermeisterei Müllheim')
      await gotoApp(page, '/data')
      await restoreInput(page).setInputFiles({ name: 'sicherung-ansi.json', mimeType: 'application/json', buffer: windows1252(text) })
      const preview = page.getByTestId('import-preview')
      await preview.waitFor()
      await preview.getByText(/nicht in UTF-8 gespeichert/).waitFor()
      expect(await page.getByTestId('import-apply').isDisabled()).toBe(true)
      expect(await storesOf(page)).toEqual([0, 0, 0, 0])
    })

    it('#4: auch ein Fragenkatalog in Windows-1252 wird mit Hinweis auf UTF-8 abgelehnt', async () => {
      const { page } = s
      const catalog = readFileSync(path.resolve('src/catalogs/dc-kommune/2.0.0.json'), 'utf8').replace('"id": "dc-kommune"', '"id": "dc-kommune-ansi"')
      await gotoApp(page, '/data')
      await page.getByLabel('Katalogdatei auswählen (JSON, YAML, Excel-/Calc-Tabelle oder CSV)').setInputFiles({ name: 'katalog-ansi.json', mimeType: 'application/json', buffer: windows1252(catalog) })
      const errors = page.getByTestId('catalog-errors')
      await errors.waitFor()
      expect(await errors.textContent()).toContain('nicht in UTF-8 gespeichert')
      const dump = await dumpIndexedDb(page)
      expect(dump.catalogs ?? []).toEqual([])
    })

    it('#5: ein unmögliches Datum (31. Februar) wird abgelehnt, nichts ändert sich', async () => {
      const { page } = s
      const backup = JSON.parse(readFileSync(backupFile, 'utf8')) as ExchangeFile & { checksum?: unknown }
      delete backup.checksum
      backup.rounds[0]!.startDate = '2025-02-31'
      // Written like the app writes a file (valid checksum), so only the date is wrong.
      const text = serializeBackup(backup)
      await gotoApp(page, '/data')
      await restoreInput(page).setInputFiles({ name: 'sicherung-datum.json', mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') })
      const preview = page.getByTestId('import-preview')
      await preview.waitFor()
      await preview.getByText(/2025-02-31/).first().waitFor()
      expect(await page.getByTestId('import-apply').isDisabled()).toBe(true)
      expect(await storesOf(page)).toEqual([0, 0, 0, 0])
      s.assertClean({ ignoreConsole: [/import failed/, /QuotaExceededError/] })
    })
  })

  it('#3: Daten einer neueren Version öffnet diese Version nicht und ändert sie nicht', async () => {
    const b = await openBrowser()
    try {
      const { page } = b
      await loadDemoFromStart(page)
      // A newer app raised the database one version beyond this app's (native = Dexie version × 10) and added a store.
      const raised = await page.evaluate(
        (version: number) =>
          new Promise<number>((resolve, reject) => {
            const req = indexedDB.open('digitalisierungs-check', version)
            req.onupgradeneeded = () => req.result.createObjectStore('sync')
            req.onsuccess = () => {
              const v = req.result.version
              req.result.close()
              resolve(v)
            }
            req.onerror = () => reject(req.error)
          }),
        NEWER_NATIVE_VERSION,
      )
      expect(raised).toBe(NEWER_NATIVE_VERSION)
      await page.reload()
      const alert = page.getByRole('alert')
      await alert.getByText('Ihre Daten stammen von einer neueren Version').waitFor()
      expect(await alert.textContent()).toContain('Bitte laden Sie die neuere Version')
      const after = await page.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'digitalisierungs-check')?.version)
      expect(after).toBe(NEWER_NATIVE_VERSION)
      b.assertClean()
    } finally {
      await b.dispose()
    }
  })

  it('#3: kann die Datenbank nicht geöffnet werden, nennt die Meldung den Grund des Browsers', async () => {
    const b = await openBrowser()
    try {
      const { page } = b
      await page.addInitScript(() => {
        IDBFactory.prototype.open = function open(): never {
          throw new DOMException('Simulierte Sperre durch eine Richtlinie (e2e)', 'SecurityError')
        }
      })
      // Not gotoApp: it waits for the app to be ready, which it never is without its database.
      await page.goto(appUrl('/'))
      const cause = page.getByTestId('storage-cause')
      await cause.waitFor()
      expect(await cause.textContent()).toContain('Simulierte Sperre durch eine Richtlinie (e2e)')
      expect(await page.getByRole('alert').first().textContent()).toContain('konnten nicht geöffnet werden')
      // Without a database the background check of stored records fails too; that is expected here.
      b.assertClean({ ignoreConsole: [/Simulierte Sperre/, /stored data check failed/] })
    } finally {
      await b.dispose()
    }
  })

  it('#14: neu geladen auf „Einrichtung“ zeigt die gewählte Kommune, kein leeres Formular', async () => {
    const b = await openBrowser()
    try {
      const { page } = b
      await loadDemoFromStart(page)
      await gotoApp(page, '/setup')
      await page.reload()
      const org = page.getByRole('region', { name: 'Kommune' }).or(page.locator('section[aria-labelledby="org-h"]'))
      await org.getByText('Musterstadt', { exact: true }).waitFor()
      expect(await page.getByRole('button', { name: 'Kommune bearbeiten' }).count()).toBe(1)
      expect(await page.getByLabel('Name der Kommune').count()).toBe(0)
      b.assertClean()
    } finally {
      await b.dispose()
    }
  })

  it('#11: der Rundenvergleich vergleicht Gleiches mit Gleichem und nennt, was fehlt', async () => {
    const b = await openBrowser()
    try {
      const { page } = b
      await loadDemoFromStart(page)
      await gotoApp(page, '/compare')
      // The demo's Bauordnung answered in the earlier round only.
      const note = page.getByTestId('scope-note')
      await note.waitFor()
      expect(await note.textContent()).toContain('Verglichen werden nur die 9 Fachbereiche, die in beiden Runden bewertet wurden')
      expect(await page.getByTestId('scope-left-out').textContent()).toContain('Nicht im Vergleich: 63 · Bauordnung')
      const headline = page.getByTestId('compare-headline')
      const common = await headline.textContent()
      await page.getByLabel(/Alle Fachbereiche einbeziehen/).check()
      await expect.poll(() => headline.textContent()).not.toBe(common)
      expect(await note.textContent()).toContain('Jede Runde mit allen ihren Fachbereichen (10 und 9 bewertete Fachbereiche)')
      expect(await page.getByTestId('compare-coverage').textContent()).toMatch(/^Abdeckung der verglichenen Antworten: \d+\s%\s→\s\d+\s%$/)
      b.assertClean()
    } finally {
      await b.dispose()
    }
  })

  it('#19: jede Maßnahme der Matrix trägt ihre Nummer, die Tabelle steht daneben', async () => {
    const b = await openBrowser()
    try {
      const { page } = b
      await page.setViewportSize({ width: 1366, height: 900 })
      await loadDemoFromStart(page)
      await gotoApp(page, '/recommendations')
      await page.getByLabel(/Alle Maßnahmen/).check()
      const table = page.getByTestId('matrix-table')
      await table.waitFor()
      expect(await table.isVisible()).toBe(true)
      const canvas = page.locator('#matrix-h ~ .matrix canvas')
      await canvas.waitFor()
      const [chartBox, tableBox] = [await canvas.boundingBox(), await table.boundingBox()]
      // Side by side at office width: the table starts to the right of the chart, at the same height.
      expect(tableBox!.x).toBeGreaterThan(chartBox!.x + chartBox!.width - 1)
      expect(Math.abs(tableBox!.y - chartBox!.y)).toBeLessThan(40)
      // Non-overlap of the bubbles is the pure layout's property (tests/unit/charts.test.ts).
      const ranks = await table.locator('tbody tr td:first-child').allTextContents()
      expect(ranks.length).toBeGreaterThan(20)
      b.assertClean()
    } finally {
      await b.dispose()
    }
  })
})
