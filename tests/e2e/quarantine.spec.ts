/**
 * Validated reads: a database holding one corrupted record in each store. The app starts, shows the
 * rest, keeps the corrupted records aside (not shown, not analysed, not deleted) and lists them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dumpIndexedDb, expectNoA11yViolations, gotoApp, loadDemoFromStart, openBrowser, type BrowserSession } from './browser'

let s: BrowserSession
beforeAll(async () => {
  s = await openBrowser()
})
afterAll(async () => {
  await s?.dispose()
})

/**
 * One broken record per store, written with the raw IndexedDB API (as a faulty browser or an earlier
 * app version might), and the data marked as not yet checked by this version's rules.
 */
async function corrupt(): Promise<void> {
  await s.page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('digitalisierungs-check')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const idb = open.result
          const tx = idb.transaction(['organisations', 'departments', 'rounds', 'assessments', 'catalogs', 'tombstones', 'meta'], 'readwrite')
          const t = '2026-11-01T10:00:00.000Z'
          tx.objectStore('organisations').put({ id: 'kaputt-org', name: 42 })
          tx.objectStore('departments').put({ id: 'kaputt-dep', orgId: 'demo-musterstadt', name: 'Kaputtes Amt', code: '99', parentUnit: '', head: '', staff: null, kind: 'central', createdAt: t, updatedAt: 'gestern', updatedBy: '', deviceId: 'x', rev: 1 })
          tx.objectStore('rounds').put({ id: 'kaputt-round', orgId: 'demo-musterstadt', name: 'Kaputte Runde', startDate: '2031-13-01', endDate: '', catalogId: 'dc-kommune', catalogVersion: '1.0.0', dimensionTargets: {}, createdAt: t, updatedAt: t, updatedBy: '', deviceId: 'x', rev: 1 })
          const req = tx.objectStore('assessments').get('demo-musterstadt-dep-10-a1')
          req.onsuccess = () => {
            const a = req.result as { answers: Record<string, { ist: unknown }> }
            const first = Object.keys(a.answers)[0]!
            a.answers[first]!.ist = 9
            tx.objectStore('assessments').put(a)
          }
          tx.objectStore('catalogs').put({ id: 'kaputt', version: '1', importedAt: t, catalog: { format: 'unbekannt' } })
          tx.objectStore('tombstones').put({ id: 'kaputt-tomb', kind: 'planet', orgId: 'demo-musterstadt', deletedAt: t, deletedBy: '', deviceId: 'x' })
          tx.objectStore('meta').put({ key: 'lastExportAt', value: { kaputt: true } })
          // As after an update of the app: this version's rules have not checked the stored data yet.
          tx.objectStore('meta').delete('storedDataCheckedWith')
          tx.oncomplete = () => {
            idb.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
        }
      }),
  )
}

describe('validated reads and quarantine', () => {
  it('starts with one corrupted record in every store, shows the rest and lists the corrupted ones', async () => {
    await loadDemoFromStart(s.page)
    await corrupt()
    const before = await dumpIndexedDb(s.page)
    await s.page.reload()
    const notice = s.page.getByTestId('quarantine-notice')
    await notice.waitFor()
    expect(await notice.textContent()).toContain('7 gespeicherte Datensätze sind beschädigt')
    // The rest is shown: the municipality, its ten departments, not the broken ones.
    await s.page.getByRole('heading', { level: 2, name: 'Musterstadt' }).waitFor()
    const table = s.page.getByRole('table', { name: 'Fachbereiche und Fortschritt' })
    await table.waitFor()
    expect(await table.locator('tbody tr').count()).toBe(10)
    expect(await s.page.getByLabel('Erhebungsrunde').locator('option').allTextContents()).not.toContain('Kaputte Runde')
    expect(await s.page.getByLabel('Kommune wählen').locator('option').count()).toBe(1)

    await gotoApp(s.page, '/data')
    const section = s.page.getByTestId('quarantine')
    const rows = section.locator('tbody tr')
    await rows.nth(6).waitFor()
    expect((await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-table')))).sort()).toEqual(
      ['assessments', 'catalogs', 'departments', 'meta', 'organisations', 'rounds', 'tombstones'],
    )
    expect(await section.locator('tr[data-table="assessments"] td.key').textContent()).toBe('demo-musterstadt-dep-10-a1')
    await expectNoA11yViolations(s.page, 'Daten & Sicherung (beschädigte Datensätze)')

    // Nothing was deleted; the other screens still work without errors.
    const after = await dumpIndexedDb(s.page)
    for (const store of ['organisations', 'departments', 'rounds', 'assessments', 'catalogs', 'tombstones']) expect(after[store], store).toEqual(before[store])
    for (const route of ['/results', '/dashboard', '/recommendations', '/compare']) {
      await gotoApp(s.page, route)
      await s.page.waitForTimeout(300)
    }
    s.assertClean({ ignoreConsole: [/stored data check/] })
  })
})
