/**
 * Replication with CouchDB at the scale of a Kreis (issue "Beyond one browser"), on the production
 * build (BENCH_DIST, default dist/) in Chromium, against the local CouchDB double (pouchdb-server,
 * tests/e2e/couch.mjs) behind the same-origin proxy /couchdb:
 *
 *   node bench/sync-bench.mjs          (also part of `npm run bench`)
 *
 * 1. Profile A restores the large municipality (bench/make-large-backup.ts) and switches sync on:
 *    time from the click on "Synchronisation einschalten" until the status says "synchronisiert"
 *    with nothing waiting (the initial push of every record), and the documents on the server.
 * 2. Profile B, empty, joins the database ("Verbinden und Daten holen"): time from the click until
 *    B holds every questionnaire of the file and its status says "synchronisiert" with nothing
 *    waiting — the initial sync of the large municipality to an empty second profile.
 * 3. One answer changed in A until B has it (median of 3).
 * No budget in the issue: the figures are printed. Times are the Node side's clock (polling every
 * 50 ms), so they include up to 50 ms of polling delay.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { launchChromium, makeProfileDir, removeProfile, ROOT } from '../tests/e2e/support.mjs'
import { COUCH_ADMIN, basicAuth, provisionDatabase, startAppServer, startCouch, stopAll } from '../tests/e2e/couch.mjs'
import { DIST, instrument, runIfMain } from './bench-page.mjs'
import { ensureDist, median } from './browser-bench.mjs'
import { makeLargeBackup, measureImport } from './large-bench.mjs'

const BACKUP_FILE = path.join(ROOT, '.bench-out', 'large-backup.json')
const DB = 'dc-bench-kreis'
const USER = { user: 'kreis', password: 'bench-pw' }
const EDITS = 3
const ms = (x) => `${x.toFixed(0)} ms`

async function until(fn, predicate, what, timeoutMs) {
  const end = Date.now() + timeoutMs
  let last
  while (Date.now() < end) {
    last = await fn()
    if (predicate(last)) return last
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`Zeitüberschreitung beim Warten auf ${what}: ${JSON.stringify(last)?.slice(0, 300)}`)
}

const status = (page) =>
  page.evaluate(() => {
    const el = document.querySelector('[data-testid="sync-status"]')
    return el ? { phase: el.getAttribute('data-phase'), text: el.textContent ?? '' } : null
  })
const caughtUp = (s) => s?.phase === 'idle' && /Keine Änderungen warten/.test(s.text)

/** Questionnaires in the app's database (raw IndexedDB count). */
const countAssessments = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('digitalisierungs-check')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const idb = open.result
          if (!idb.objectStoreNames.contains('assessments')) return resolve(0)
          const req = idb.transaction('assessments').objectStore('assessments').count()
          req.onsuccess = () => {
            idb.close()
            resolve(req.result)
          }
        }
      }),
  )
/** One questionnaire as stored (raw IndexedDB read), or null. */
const readAssessment = (page, id) =>
  page.evaluate(
    (id) =>
      new Promise((resolve) => {
        const open = indexedDB.open('digitalisierungs-check')
        open.onsuccess = () => {
          const idb = open.result
          const req = idb.transaction('assessments').objectStore('assessments').get(id)
          req.onsuccess = () => {
            idb.close()
            resolve(req.result ?? null)
          }
        }
      }),
    id,
  )

async function fill(page, s) {
  await page.getByLabel('Serveradresse').fill(s.url)
  await page.getByLabel('Datenbank').fill(s.db)
  await page.getByLabel('Benutzername').fill(s.user)
  await page.getByLabel('Passwort', { exact: true }).fill(s.password)
}

export async function runSyncBench() {
  ensureDist()
  console.log(`\n== Synchronisation mit CouchDB (lokales Double pouchdb-server hinter /couchdb, Build ${DIST}) ==`)
  if (!existsSync(path.join(ROOT, 'tools', 'couch-double', 'node_modules', 'pouchdb-server'))) {
    throw new Error('pouchdb-server fehlt – zuerst `npm ci --ignore-scripts --no-audit --no-fund --prefix tools/couch-double` ausführen')
  }
  const facts = makeLargeBackup()
  const backup = JSON.parse(readFileSync(BACKUP_FILE, 'utf8'))
  const couch = await startCouch()
  await provisionDatabase(couch.url, { db: DB, ...USER })
  const app = await startAppServer({ dist: DIST, couchUrl: couch.url })
  const profiles = [makeProfileDir('dc-bench-sync-a-'), makeProfileDir('dc-bench-sync-b-')]
  const contexts = []
  const out = { failures: [] }
  try {
    for (const p of profiles) {
      const c = await launchChromium(p)
      c.setDefaultTimeout(120_000)
      await instrument(c)
      contexts.push(c)
    }
    const [a, b] = await Promise.all(contexts.map(async (c) => c.pages()[0] ?? (await c.newPage())))
    const settings = { url: '/couchdb', db: DB, ...USER }

    const restore = await measureImport(a, app.baseURL, '/data', 'Daten & Sicherung', 'restore-file', BACKUP_FILE)
    console.log(`  A: große Kommune wiederhergestellt (${(statSync(BACKUP_FILE).size / 1e6).toFixed(1)} MB, ${facts.assessments} Fragebögen, ${facts.answers} Antworten) in ${ms(restore.totalMs)}`)

    // 1. A switches sync on: initial push.
    await a.goto(`${app.baseURL}#/sync`)
    await fill(a, settings)
    await a.getByTestId('sync-save').click()
    await a.getByTestId('sync-notice').getByText('Die Einstellungen wurden gespeichert.').waitFor()
    let t0 = Date.now()
    await a.getByTestId('sync-toggle').click()
    await until(() => status(a), caughtUp, 'A synchronisiert', 600_000)
    out.pushMs = Date.now() - t0
    const info = await (await fetch(`${couch.url}/${DB}`, { headers: { Authorization: basicAuth(COUCH_ADMIN.name, COUCH_ADMIN.password) } })).json()
    out.serverDocs = info.doc_count
    console.log(`  A: Synchronisation eingeschaltet bis „synchronisiert“, nichts wartet (erstes Hochladen): ${ms(out.pushMs)}; ${out.serverDocs} Dokumente auf dem Server`)

    // 2. B joins from an empty profile: initial sync.
    await b.goto(`${app.baseURL}#/sync`)
    await fill(b, settings)
    t0 = Date.now()
    await b.getByTestId('sync-join').click()
    await until(() => countAssessments(b), (n) => n === backup.assessments.length, `B hat ${backup.assessments.length} Fragebögen`, 600_000)
    out.dataMs = Date.now() - t0
    await until(() => status(b), caughtUp, 'B synchronisiert', 600_000)
    out.initialSyncMs = Date.now() - t0
    console.log(`  B (leeres Profil) verbindet sich: alle ${backup.assessments.length} Fragebögen da nach ${ms(out.dataMs)}, „synchronisiert“ und nichts wartet nach ${ms(out.initialSyncMs)}`)

    // 3. One answer from A to B: the first question of the questionnaire, another Ist level each time.
    const target = backup.assessments.find((x) => x.status === 'in_progress') ?? backup.assessments[0]
    await a.goto(`${app.baseURL}#/assessment/${encodeURIComponent(target.id)}`)
    await a.locator('main article fieldset.ist').first().waitFor()
    const runs = []
    for (let i = 0; i < EDITS; i++) {
      const group = await a.evaluate(() => {
        const radios = [...document.querySelectorAll('main article fieldset.ist')[0].querySelectorAll('input[type="radio"]')]
        return { name: radios[0].name, checked: radios.find((r) => r.checked)?.value ?? '' }
      })
      const level = ['1', '3', '2', '4'].find((v) => v !== group.checked)
      const start = Date.now()
      await a.locator(`input[type="radio"][name="${group.name}"][value="${level}"]`).check()
      const latest = await until(
        async () => Object.values((await readAssessment(a, target.id)).answers).reduce((x, y) => (y.updatedAt > x.updatedAt ? y : x)),
        (ans) => String(ans.ist) === level,
        'A hat gespeichert',
        30_000,
      )
      await until(() => readAssessment(b, target.id), (r) => String(r?.answers?.[latest.itemId]?.ist) === level, `B hat Ist ${level}`, 120_000)
      runs.push(Date.now() - start)
    }
    out.editMs = median(runs)
    console.log(`  eine geänderte Antwort von A bis B (Klick in A bis IndexedDB in B): median ${ms(out.editMs)} [${runs.map((x) => x.toFixed(0)).join(', ')}]`)
  } finally {
    for (const c of contexts) await c.close()
    for (const p of profiles) removeProfile(p)
    await stopAll(app, couch)
  }
  return out
}

runIfMain(import.meta.url, runSyncBench)
