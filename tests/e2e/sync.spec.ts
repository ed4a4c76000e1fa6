/**
 * Beyond one browser (issue "Beyond one browser"): two separate Chromium profiles replicate through
 * a local CouchDB double (pouchdb-server, tests/e2e/couch.mjs) served under the app's own origin at
 * /couchdb, as the municipal reverse proxy does — so the app's CSP (connect-src 'self') holds.
 *
 * A loads the demo and switches sync on; B starts empty and joins. Both go offline, change
 * different answers of one questionnaire and one common answer, and reconnect: they converge,
 * every different answer is kept, the common one is decided by the merge rules and shown as a
 * conflict on both. Then the server stops mid-sync and comes back; wrong password and an
 * unreachable server give a clear German message; backups never carry the password.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dumpIndexedDb, expectNoA11yViolations, openBrowser, readAssessmentFromIndexedDb, waitFor, type BrowserSession } from './browser'
import { removeProfile } from './support.mjs'
import { COUCH_ADMIN, basicAuth, provisionDatabase, startAppServer, startCouch, stopAll, type AppServer, type CouchDouble } from './couch.mjs'
import { andWaitForSave, istGroup, istRadio, itemOfCard, questionCards } from './flows'

const DB = 'dc-musterstadt'
const ANNA = { user: 'anna', password: 'pw-anna-Ä1' }
const BEN = { user: 'ben', password: 'pw-ben-2' }

let couch: CouchDouble
/** A's full backup, taken in the password test (restored later over newer data). */
let backupText = ''
let app: AppServer
let a: BrowserSession
let b: BrowserSession

const admin = { Authorization: basicAuth(COUCH_ADMIN.name, COUCH_ADMIN.password), 'Content-Type': 'application/json' }

beforeAll(async () => {
  couch = await startCouch()
  await provisionDatabase(couch.url, { db: DB, user: ANNA.user, password: ANNA.password })
  await provisionDatabase(couch.url, { db: 'dc-other', user: BEN.user, password: BEN.password })
  // Ben is a member of the Musterstadt database too (one CouchDB user per person).
  const sec = await fetch(`${couch.url}/${DB}/_security`, {
    method: 'PUT',
    headers: admin,
    body: JSON.stringify({ admins: { names: [], roles: [] }, members: { names: [ANNA.user, BEN.user], roles: [] } }),
  })
  expect(sec.status).toBe(200)
  app = await startAppServer({ couchUrl: couch.url })
  // A's profile is reopened in one test (browser closed while the server was down).
  a = await openBrowser({ keepProfile: true })
  b = await openBrowser()
})

afterAll(async () => {
  await a?.dispose()
  if (a) removeProfile(a.userDataDir)
  await b?.dispose()
  await stopAll(app, couch)
})

async function go(page: Page, route: string): Promise<void> {
  await page.goto(`${app.baseURL}#${route}`)
}

async function fillSettings(page: Page, s: { url: string; db: string; user: string; password: string }): Promise<void> {
  await page.getByLabel('Serveradresse').fill(s.url)
  await page.getByLabel('Datenbank').fill(s.db)
  await page.getByLabel('Benutzername').fill(s.user)
  await page.getByLabel('Passwort', { exact: true }).fill(s.password)
}

/** The status panel of the sync screen: phase and text. */
async function syncStatus(page: Page): Promise<{ phase: string | null; text: string }> {
  const panel = page.getByTestId('sync-status')
  return { phase: await panel.getAttribute('data-phase'), text: (await panel.innerText()).replace(/\s+/g, ' ') }
}

async function waitForIdle(page: Page, what: string, timeout = 40_000): Promise<void> {
  await waitFor(() => syncStatus(page), (s) => s.phase === 'idle' && /Keine Änderungen warten/.test(s.text), what, timeout)
}

/** The header strip's status text (always visible while sync is on). */
async function indicatorText(page: Page): Promise<string> {
  return ((await page.locator('.sync-strip').innerText().catch(() => '')) ?? '').replace(/\s+/g, ' ')
}

async function serverDoc(id: string): Promise<{ _rev: string; _conflicts?: string[]; data: { answers: Record<string, { ist: number | null }> } }> {
  const res = await fetch(`${couch.url}/${DB}/${encodeURIComponent(id)}?conflicts=true`, { headers: admin })
  return res.json()
}

type Stored = { id: string; status: string; answers: Record<string, Record<string, unknown>> }

/** A level other than the given ones (0–4). */
const otherLevel = (...not: unknown[]): number => [1, 3, 2, 0, 4].find((l) => !not.includes(l))!

describe('replication with CouchDB', () => {
  let shared: Stored
  const chosen: Record<string, number> = {}
  let items: { a: string; b: string; common: string }

  it('A switches sync on from its data; B joins from an empty profile and receives every record', async () => {
    await go(a.page, '/')
    await a.page.getByRole('button', { name: 'Demo „Musterstadt“ laden' }).click()
    await a.page.getByRole('table', { name: 'Fachbereiche und Fortschritt' }).waitFor()
    await go(a.page, '/sync')
    await a.page.getByRole('heading', { level: 1, name: 'Synchronisation' }).waitFor()
    await fillSettings(a.page, { url: '/couchdb', db: DB, ...ANNA })
    await a.page.getByTestId('sync-test').click()
    await waitFor(() => a.page.getByTestId('sync-notice').innerText(), (t) => /Die Verbindung funktioniert/.test(t), 'Verbindung funktioniert')
    await a.page.getByTestId('sync-save').click()
    await a.page.getByTestId('sync-notice').getByText('Die Einstellungen wurden gespeichert.').waitFor()
    await a.page.getByTestId('sync-toggle').click()
    await waitForIdle(a.page, 'A synchronisiert')
    await waitFor(() => indicatorText(a.page), (t) => /Synchronisiert/.test(t), 'Anzeige „Synchronisiert“ unter dem Kopf')
    await expectNoA11yViolations(a.page, 'Synchronisation (eingeschaltet)')
    // At 390 px the status stays visible below the header, nothing scrolls sideways, axe is clean.
    await a.page.setViewportSize({ width: 390, height: 844 })
    await waitFor(() => indicatorText(a.page), (t) => /Synchronisiert/.test(t), 'Anzeige bei 390 px')
    expect(await a.page.locator('.sync-strip').isVisible()).toBe(true)
    expect(await a.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    await expectNoA11yViolations(a.page, 'Synchronisation bei 390 px')
    await a.page.setViewportSize({ width: 1366, height: 900 })

    // B: a new PC without data joins the database and gets the organisation.
    await go(b.page, '/sync')
    await b.page.getByRole('heading', { level: 2, name: 'Mit einem vorhandenen Datenbestand verbinden' }).waitFor()
    await expectNoA11yViolations(b.page, 'Synchronisation (ohne Daten)')
    await fillSettings(b.page, { url: '/couchdb', db: DB, ...BEN })
    await b.page.getByTestId('sync-join').click()
    await b.page.getByTestId('sync-notice').getByText('Verbunden mit „Musterstadt“.', { exact: false }).waitFor()
    await b.page.getByTestId('sync-org').getByText('Musterstadt', { exact: false }).waitFor({ timeout: 30_000 })
    await waitForIdle(b.page, 'B synchronisiert', 60_000)

    const dumpA = await dumpIndexedDb(a.page)
    const dumpB = await waitFor(
      () => dumpIndexedDb(b.page),
      (d) => (d.assessments?.length ?? 0) === dumpA.assessments!.length,
      'B hat alle Fragebögen',
      30_000,
    )
    const byId = (rows: unknown[]) => Object.fromEntries((rows as { id: string }[]).map((r) => [r.id, r]))
    for (const table of ['organisations', 'departments', 'rounds', 'assessments', 'agendas', 'services'] as const) {
      expect(byId(dumpB[table]!), table).toEqual(byId(dumpA[table]!))
    }
    const answers = (dumpA.assessments as Stored[]).reduce((n, x) => n + Object.keys(x.answers).length, 0)
    expect(answers).toBeGreaterThan(1000)
    shared = (dumpA.assessments as Stored[]).find((x) => x.status === 'in_progress')!
    expect(shared).toBeTruthy()
  })

  it('offline on both, different answers and one common answer: they converge, the common one is a conflict on both', async () => {
    for (const s of [a, b]) await go(s.page, `/assessment/${shared.id}`)
    const cardsA = questionCards(a.page)
    const cardsB = questionCards(b.page)
    await cardsA.first().waitFor()
    await cardsB.first().waitFor()
    items = { a: (await itemOfCard(cardsA.nth(0))).id, b: (await itemOfCard(cardsA.nth(1))).id, common: (await itemOfCard(cardsA.nth(2))).id }

    await a.context.setOffline(true)
    await b.context.setOffline(true)
    const now = (await readAssessmentFromIndexedDb(a.page, shared.id))!.answers
    chosen.a = otherLevel(now[items.a]?.ist)
    chosen.b = otherLevel(now[items.b]?.ist)
    chosen.commonA = otherLevel(now[items.common]?.ist)
    chosen.commonB = otherLevel(now[items.common]?.ist, chosen.commonA)
    // A first, B a little later: B's change of the common answer is the later one.
    await andWaitForSave(a.page, () => istRadio(cardsA.nth(0), chosen.a!).check())
    await andWaitForSave(a.page, () => istRadio(cardsA.nth(2), chosen.commonA!).check())
    await andWaitForSave(b.page, () => istRadio(cardsB.nth(1), chosen.b!).check())
    await andWaitForSave(b.page, () => istRadio(cardsB.nth(2), chosen.commonB!).check())
    await waitFor(() => indicatorText(a.page), (t) => /Offline|nicht erreichbar/.test(t) && /warten/.test(t), 'A zeigt offline und wartende Änderungen')
    await waitFor(() => indicatorText(b.page), (t) => /Offline|nicht erreichbar/.test(t) && /warten/.test(t), 'B zeigt offline und wartende Änderungen')

    await a.context.setOffline(false)
    await b.context.setOffline(false)
    const settle = async () => {
      const [ra, rb] = await Promise.all([readAssessmentFromIndexedDb(a.page, shared.id), readAssessmentFromIndexedDb(b.page, shared.id)])
      return { ra, rb }
    }
    const { ra, rb } = await waitFor(settle, ({ ra, rb }) => isDeepStrictEqual(ra, rb) && ra?.answers[items.a]?.ist === chosen.a && ra?.answers[items.b]?.ist === chosen.b, 'A und B gleich', 60_000)
    expect(rb).toEqual(ra)
    // The later change of the common answer is taken (merge rules), and both versions have been seen.
    expect(ra!.answers[items.common]!.ist).toBe(chosen.commonB)
    const vv = ra!.answers[items.common]!.vv as Record<string, number>
    expect(Object.keys(vv).length).toBe(2)

    // Shown as a conflict on both devices, with both values.
    for (const s of [a, b]) {
      await go(s.page, '/sync')
      const conflict = s.page.getByTestId('sync-conflicts').locator(`[data-item="${items.common}"]`)
      await conflict.waitFor({ timeout: 30_000 })
      const text = await conflict.innerText()
      expect(text).toContain(String(chosen.commonA))
      expect(text).toContain(String(chosen.commonB))
    }
    await expectNoA11yViolations(a.page, 'Synchronisation mit Konflikt')
    // CouchDB's concurrent revisions were merged and the losing ones deleted.
    await waitFor(() => serverDoc(`assessment:${shared.id}`), (d) => !d._conflicts?.length && d.data.answers[items.a]?.ist === chosen.a && d.data.answers[items.b]?.ist === chosen.b, 'keine _conflicts auf dem Server', 30_000)
    await waitForIdle(a.page, 'A wieder synchron')
    await waitForIdle(b.page, 'B wieder synchron')
  })

  it('deciding the conflict on one device settles it on the other', async () => {
    const conflict = a.page.getByTestId('sync-conflicts').locator(`[data-item="${items.common}"]`)
    // A keeps its own value ("mine" on A is A's version).
    await conflict.getByRole('radio', { name: 'Stand dieses Geräts übernehmen' }).check()
    await a.page.getByTestId('sync-decide').click()
    await a.page.getByTestId('sync-conflicts').waitFor({ state: 'detached' })
    const both = async () => Promise.all([readAssessmentFromIndexedDb(a.page, shared.id), readAssessmentFromIndexedDb(b.page, shared.id)])
    await waitFor(both, ([ra, rb]) => ra?.answers[items.common]?.ist === chosen.commonA && rb?.answers[items.common]?.ist === chosen.commonA, 'Entscheidung auf beiden Geräten', 40_000)
    await b.page.getByTestId('sync-conflicts').waitFor({ state: 'detached', timeout: 30_000 })
  })

  it('server stopped mid-sync: a clear status, nothing lost, sync resumes when it is back', async () => {
    await go(a.page, `/assessment/${shared.id}`)
    const cards = questionCards(a.page)
    await cards.first().waitFor()
    const item = (await itemOfCard(cards.nth(3))).id
    const before = (await readAssessmentFromIndexedDb(a.page, shared.id))!.answers[item]?.ist
    const level = otherLevel(before)
    await couch.stop()
    await andWaitForSave(a.page, () => istRadio(cards.nth(3), level).check())
    await waitFor(() => indicatorText(a.page), (t) => /nicht erreichbar|Offline/.test(t), 'A zeigt: Server nicht erreichbar', 40_000)
    await go(a.page, '/sync')
    await waitFor(() => syncStatus(a.page), (s) => s.phase === 'offline' && /nicht erreichbar/.test(s.text) && /warten/.test(s.text), 'Status offline mit wartender Änderung', 40_000)
    // Work goes on locally meanwhile.
    expect((await readAssessmentFromIndexedDb(a.page, shared.id))!.answers[item]!.ist).toBe(level)

    couch = await startCouch({ dir: couch.dir, port: couch.port })
    await waitForIdle(a.page, 'A nach Neustart des Servers synchron', 60_000)
    await waitFor(() => readAssessmentFromIndexedDb(b.page, shared.id), (r) => r?.answers[item]?.ist === level, 'B hat die Änderung', 60_000)
  })

  it('a change made while the server is down survives closing the browser and goes out at the next start', async () => {
    await go(a.page, `/assessment/${shared.id}`)
    const cards = questionCards(a.page)
    await cards.first().waitFor()
    const item = (await itemOfCard(cards.nth(4))).id
    const level = otherLevel((await readAssessmentFromIndexedDb(a.page, shared.id))!.answers[item]?.ist)
    await couch.stop()
    await andWaitForSave(a.page, () => istRadio(cards.nth(4), level).check())
    await waitFor(() => indicatorText(a.page), (t) => /Offline/.test(t) && /warten/.test(t), 'A: offline, Änderung wartet', 40_000)
    await a.close()
    couch = await startCouch({ dir: couch.dir, port: couch.port })
    a = await openBrowser({ userDataDir: a.userDataDir, keepProfile: true })
    await go(a.page, '/')
    // Sync starts by itself with the app (it is switched on) and sends what waited.
    await waitFor(() => indicatorText(a.page), (t) => /Synchronisiert/.test(t) && !/warten/.test(t), 'A nach dem Neustart synchron', 60_000)
    await waitFor(() => readAssessmentFromIndexedDb(b.page, shared.id), (r) => r?.answers[item]?.ist === level, 'B hat die Änderung', 60_000)
  })

  it('wrong password and an unreachable server: a clear German message, the app keeps working', async () => {
    await go(b.page, '/sync')
    await b.page.getByTestId('sync-form').waitFor()
    await b.page.getByLabel('Passwort', { exact: true }).fill('falsch')
    await b.page.getByTestId('sync-test').click()
    await waitFor(() => b.page.getByTestId('sync-notice').innerText(), (t) => /Benutzername oder Passwort ist falsch/.test(t) && /HTTP-Status 401/.test(t), 'Meldung: falsches Passwort')
    await b.page.getByLabel('Serveradresse').fill(`http://127.0.0.1:${couch.port + 1}`)
    await b.page.getByLabel('Passwort', { exact: true }).fill(BEN.password)
    await b.page.getByTestId('sync-test').click()
    await waitFor(() => b.page.getByTestId('sync-notice').innerText(), (t) => /Der Server ist nicht erreichbar/.test(t), 'Meldung: Server nicht erreichbar')
    // Nothing was stored by testing: B still synchronises with the saved settings, and answers save.
    await waitForIdle(b.page, 'B weiter synchron')
    await go(b.page, `/assessment/${shared.id}`)
    const cards = questionCards(b.page)
    await cards.first().waitFor()
    const current = (await readAssessmentFromIndexedDb(b.page, shared.id))!.answers[(await itemOfCard(cards.nth(4))).id]?.ist
    await andWaitForSave(b.page, () => istGroup(cards.nth(4)).getByRole('radio', { name: new RegExp(`^Stufe ${otherLevel(current)}:`) }).check())
  })

  it('two tabs of one browser: one replicates, the other says so and takes over when the first closes', async () => {
    const second = await a.context.newPage()
    await second.goto(`${app.baseURL}#/sync`)
    await waitFor(() => syncStatus(second), (s) => s.phase === 'otherTab' && /anderen Tab/.test(s.text), 'zweiter Tab: Synchronisation läuft in einem anderen Tab')
    await a.page.close()
    await waitForIdle(second, 'zweiter Tab übernimmt', 40_000)
    a.page = second
  })

  it('a backup or a department package never contains the sync password', async () => {
    await go(a.page, '/data')
    const [dl] = await Promise.all([a.page.waitForEvent('download'), a.page.getByRole('button', { name: /Sicherung herunterladen|Datensicherung/ }).first().click()])
    const file = await dl.path()
    const text = readFileSync(file!, 'utf8')
    backupText = text
    expect(text).toContain('"digitalisierungs-check/backup"')
    expect(text).not.toContain(ANNA.password)
    expect(text).not.toContain('sync.password')
    // Nor does a department package.
    await go(a.page, '/exchange')
    const [pkg] = await Promise.all([a.page.waitForEvent('download'), a.page.getByRole('button', { name: 'Paket für Bauordnung' }).click()])
    const pkgText = readFileSync((await pkg.path())!, 'utf8')
    expect(pkgText).toContain('"digitalisierungs-check/package"')
    expect(pkgText).not.toContain(ANNA.password)
    expect(pkgText).not.toContain('sync.')
    a.assertClean({ ignoreConsole: [/status of 404/, /status of 401/, /ERR_INTERNET_DISCONNECTED/, /ERR_CONNECTION_REFUSED/, /status of 502/, /net::ERR/] })
  })

  it('"Alles ersetzen" with an older backup while sync is on: the newer versions on the server come back, nothing stays waiting', async () => {
    await go(b.page, `/assessment/${shared.id}`)
    const cards = questionCards(b.page)
    await cards.first().waitFor()
    const item = (await itemOfCard(cards.nth(1))).id
    const level = otherLevel((await readAssessmentFromIndexedDb(b.page, shared.id))!.answers[item]?.ist)
    await andWaitForSave(b.page, () => istRadio(cards.nth(1), level).check())
    await waitFor(() => readAssessmentFromIndexedDb(a.page, shared.id), (r) => r?.answers[item]?.ist === level, 'A hat Bs Änderung', 40_000)

    const file = path.join(os.tmpdir(), `dc-sync-backup-${process.pid}.json`)
    writeFileSync(file, backupText)
    await go(a.page, '/data')
    await a.page.locator('#restore-file').setInputFiles(file)
    await a.page.getByTestId('import-preview').waitFor()
    await a.page.getByRole('button', { name: 'Alles ersetzen …' }).click()
    await a.page.getByRole('button', { name: 'Ja, alles ersetzen' }).click()
    await a.page.getByTestId('import-done').waitFor()
    rmSync(file, { force: true })
    // The restore put back the older answer here; the server's newer one is merged in again.
    await waitFor(() => readAssessmentFromIndexedDb(a.page, shared.id), (r) => r?.answers[item]?.ist === level, 'A hat die neuere Antwort wieder', 40_000)
    await go(a.page, '/sync')
    await waitForIdle(a.page, 'A synchron, nichts wartet', 40_000)
  })

  it('"Einstellungen entfernen": settings, password and the replication copy of this browser go, the data stays', async () => {
    const copies = () => a.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name).filter((n) => n?.startsWith('_pouch_dc-sync-')))
    expect((await copies()).length).toBe(1)
    await go(a.page, '/sync')
    await a.page.getByTestId('sync-forget').click()
    await a.page.getByRole('dialog', { name: 'Einstellungen entfernen?' }).getByRole('button', { name: 'Entfernen' }).click()
    await waitFor(() => syncStatus(a.page), (s) => s.phase === 'off', 'Synchronisation aus')
    expect(await copies()).toEqual([])
    expect(await a.page.getByLabel('Serveradresse').inputValue()).toBe('')
    const meta = ((await dumpIndexedDb(a.page)).meta as { key: string }[]).map((m) => m.key)
    expect(meta.filter((k) => k.startsWith('sync.'))).toEqual([])
    expect((await readAssessmentFromIndexedDb(a.page, shared.id))?.id).toBe(shared.id)
    expect(await a.page.locator('.sync-strip').count()).toBe(0)
  })
})
