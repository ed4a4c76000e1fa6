/**
 * Browser benchmark with the "large municipality" (60 departments × 3 respondents × 120 items ×
 * 5 rounds, synthetic catalogue; bench/make-large-backup.ts) on the production build (BENCH_DIST,
 * default dist/) in Chromium, in one fresh profile:
 *
 *   node bench/large-bench.mjs          (also part of `npm run bench`)
 *
 * 1. First-load JS from the requests Chromium really makes (page 'response' events for .js; size =
 *    gzip -9 of the served file in the build folder): (a) empty profile, start screen until the
 *    main thread is idle and the network quiet; (b) with the large municipality restored, a new page
 *    load of the start screen until the progress table is shown, idle and quiet. Budget ≤ 120 KB.
 * 2. Restore through the data screen, three times: into the empty database, the same file again over
 *    the data, and a variant with 6,300 changed answers (bench/make-restore-variant.ts) over the data.
 *    restore = check (file input's change event until the preview is in the DOM) + apply (click on
 *    "Übernehmen" until [data-testid="import-done"]), both timed in the page. Its physical floor,
 *    measured right after in the same page: file.text() + JSON.parse + ONE raw IndexedDB transaction
 *    (plain indexedDB API) writing the records this restore writes into a scratch database with the
 *    app's stores and indexes (read from the app's database). Empty database: every record of the
 *    file; same file: nothing (the merge finds nothing new); variant: the 180 changed questionnaires.
 *    Over existing data the scratch database is filled with the file's data beforehand (untimed),
 *    and the floor also reads what any restore that keeps newer local answers must compare the file
 *    with: the stored record of each of the file's records (one get per record, all issued at once,
 *    in the same raw transaction before the writes; in Chromium faster than a getAll per store).
 *    Budget: restore ≤ 1.3 × floor; longest main-thread task during check and apply ≤ 200 ms
 *    (PerformanceObserver 'longtask', buffered, installed before the app runs). Also restore into the
 *    empty database < 3 s.
 * 3. Merge of 60 return files on the exchange screen: check + apply. Budget: < 2 s.
 * 4. Export: from the click on "Sicherung herunterladen" until the app clicks the download link
 *    (page clock). Floor: one raw IndexedDB read of all stores + JSON.stringify + Blob, right after
 *    in the same page. Three runs (new page load each); the ratio printed and judged is the median
 *    of the three runs' ratios, all three are printed. Budget ≤ 1.3 × floor; longest task ≤ 200 ms
 *    (largest of the three).
 * 5. Cold start screen: new page load until the progress table and the "Weitermachen" card are
 *    shown (median of 3; compared with the demo in bench/browser-bench.mjs), and CLS of the start,
 *    dashboard and results screens per page load (layout shifts without recent input). Budget < 0.05.
 * 6. Every analysis screen: after an idle main thread on the start screen, from the hash change until
 *    the screen shows the round ("Runde 5") and its content (a count per screen, e.g. the number of
 *    measures); the first run's count is the expected one, every run must show the same, also after
 *    the page went idle again. Median of 3. Budget < 1 s.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { launchChromium, makeProfileDir, removeProfile, ROOT, startPreview } from '../tests/e2e/support.mjs'
import { coldStart, DIST, freshLoad, instrument, kb, layoutShiftSum, longestTask, networkQuiet, recordJs, waitIdle, runIfMain } from './bench-page.mjs'
import { BUDGET_FIRST_LOAD_KB, ensureDist, median, START_RUNS } from './browser-bench.mjs'

export const BUDGET_RESTORE_MS = 3000
export const BUDGET_RETURNS_MS = 2000
/** Restore and export against their physical floor. */
export const BUDGET_FLOOR_RATIO = 1.3
export const BUDGET_LONGTASK_MS = 200
export const BUDGET_SCREEN_MS = 1000
/** Start screen of the large municipality against the demo's. */
export const BUDGET_START_RATIO = 1.3
export const BUDGET_CLS = 0.05
const BACKUP_FILE = path.join(ROOT, '.bench-out', 'large-backup.json')
const VARIANT_FILE = path.join(ROOT, '.bench-out', 'large-backup-variant.json')
const RETURNS_DIR = path.join(ROOT, '.bench-out', 'returns')
const APP_DB = 'digitalisierungs-check'
const ORG_NAME = 'Synthetische Stadt'
const RUNS = 3
const SCREEN_TIMEOUT_MS = 30_000
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB (${(bytes / 1024 / 1024).toFixed(1)} MiB)`
const ms = (x) => `${x.toFixed(0)} ms`
const okText = (ok) => (ok ? 'OK' : 'EXCEEDED')

/** Runs a bench/*.ts generator and returns the JSON facts it prints last. */
function generate(script) {
  const r = spawnSync('npx', ['tsx', script], { cwd: ROOT, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`${script} fehlgeschlagen (${r.status ?? r.signal}): ${r.stderr}`)
  const line = r.stdout.trim().split('\n').pop() ?? '{}'
  return JSON.parse(line)
}

/** Writes .bench-out/large-backup.json (deterministic) and returns its facts. */
export function makeLargeBackup() {
  return generate('bench/make-large-backup.ts')
}

// ---------------------------------------------------------------------------------------------
// Import (restore, returns)
// ---------------------------------------------------------------------------------------------

/**
 * Reads the import preview table by its column headers ("neu", "aktualisiert", "unverändert",
 * "Konflikte"; the cells also carry them as data-label): one { file, added, updated, unchanged,
 * conflicts } per file row; a count that is not a number (a rejected file) is null.
 */
async function readPreview(page) {
  return page.getByTestId('import-preview').evaluate((table) => {
    const norm = (s) => (s ?? '').trim().toLowerCase()
    const heads = [...table.querySelectorAll('thead tr:last-child > *')].map((th) => norm(th.textContent))
    const columns = { added: 'neu', updated: 'aktualisiert', unchanged: 'unverändert', conflicts: 'konflikte' }
    const missing = Object.values(columns).filter((c) => !heads.includes(c))
    if (missing.length) throw new Error(`Vorschau-Tabelle: Spalten fehlen (${missing.join(', ')}); Köpfe: ${heads.join(' | ')}`)
    return [...table.querySelectorAll('tbody > tr')].map((tr) => {
      const cells = [...tr.children]
      const row = { file: tr.getAttribute('data-file') ?? cells[0]?.textContent?.trim() ?? '' }
      for (const [key, head] of Object.entries(columns)) {
        const cell = cells.find((c) => norm(c.getAttribute('data-label')) === head) ?? cells[heads.indexOf(head)]
        const digits = (cell?.textContent ?? '').replace(/[^\d]/g, '')
        row[key] = digits === '' ? null : Number(digits)
      }
      return row
    })
  })
}

/**
 * Imports files through an import panel (data screen: a backup; exchange screen: returns) in a new
 * page load of `route`, timed in the page: check = change event of the file input until the preview
 * (or an error) is in the DOM (read + parse + validate + read local records + merge); apply = click
 * on "Übernehmen" until [data-testid="import-done"]. With `nothingToApply` a disabled "Übernehmen"
 * is expected when the preview changes nothing (apply = 0). Returns the times, the page-clock
 * windows of both steps and the preview rows.
 */
export async function measureImport(page, baseURL, route, heading, inputId, files, { nothingToApply = false } = {}) {
  await freshLoad(page, `${baseURL}#${route}`)
  await page.getByRole('heading', { level: 1, name: heading }).waitFor()
  await waitIdle(page)
  const previewShown = page.evaluate((inputId) => {
    const input = document.getElementById(inputId)
    let t0 = 0
    input.addEventListener('change', () => (t0 = performance.now()), { capture: true, once: true })
    const test = () => document.querySelector('[data-testid="import-preview"]') || document.querySelector('[data-testid="import-failed"]')
    return window.__benchWait(test).then((t1) => {
      const table = document.querySelector('[data-testid="import-preview"]')
      const alerts = table ? [...table.querySelectorAll('[role="alert"]')].map((a) => a.textContent) : [document.querySelector('[data-testid="import-failed"]')?.textContent ?? '']
      return { t0, t1, alerts }
    })
  }, inputId)
  await page.locator(`#${inputId}`).setInputFiles(files)
  const check = await previewShown
  if (check.alerts.length) throw new Error(`Import abgelehnt: ${check.alerts.join(' | ').slice(0, 500)}`)
  const rows = await readPreview(page)
  const apply = await page.evaluate((nothingToApply) => {
    const button = document.querySelector('[data-testid="import-apply"]')
    if (!button) throw new Error('Knopf „Übernehmen“ fehlt')
    if (button.disabled) {
      if (nothingToApply) return null
      throw new Error('Knopf „Übernehmen“ ist gesperrt')
    }
    const done = window.__benchWait(() => document.querySelector('[data-testid="import-done"]') || document.querySelector('[data-testid="import-failed"]'))
    const t0 = performance.now()
    button.click()
    return done.then((t1) => {
      if (document.querySelector('[data-testid="import-failed"]')) throw new Error(document.querySelector('[data-testid="import-failed"]').textContent)
      return { t0, t1 }
    })
  }, nothingToApply)
  const checkMs = check.t1 - check.t0
  const applyMs = apply ? apply.t1 - apply.t0 : 0
  await waitIdle(page)
  const longest = Math.max(await longestTask(page, check.t0, check.t1), apply ? await longestTask(page, apply.t0, apply.t1) : 0)
  return { checkMs, applyMs, totalMs: checkMs + applyMs, applied: apply !== null, longestTaskMs: longest, rows }
}

/**
 * The physical floor of a restore, in the current page: file.text() + JSON.parse + one raw
 * IndexedDB transaction writing `writes` ('all' records of the file, 'none', or { assessments: ids })
 * into a new scratch database with the stores and indexes of the app's database. With `prefill` the
 * scratch database first gets all records of the file (untimed), like the app's database before a
 * restore over existing data; then the timed transaction first reads the stored record of each of
 * the file's records (one get each), as a merge must. Returns { ms, records, readRecords }.
 */
export async function measureRestoreFloor(page, file, { writes, prefill = false }) {
  await page.evaluate(() => {
    let input = document.getElementById('bench-floor-file')
    if (!input) {
      input = Object.assign(document.createElement('input'), { type: 'file', id: 'bench-floor-file', hidden: true })
      document.body.append(input)
    }
  })
  await page.locator('#bench-floor-file').setInputFiles(file)
  await waitIdle(page)
  return page.evaluate(
    async ({ appDb, writes, prefill }) => {
      const req = (r) => new Promise((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))))
      const done = (tx) => new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = () => reject(tx.error)), (tx.onabort = () => reject(tx.error))))
      const app = await req(indexedDB.open(appDb))
      const schema = [...app.objectStoreNames].map((name) => {
        const store = app.transaction(name, 'readonly').objectStore(name)
        const indexes = [...store.indexNames].map((i) => {
          const index = store.index(i)
          return { name: i, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry }
        })
        return { name, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes }
      })
      app.close()
      const scratchName = `bench-floor-${Date.now()}`
      const open = indexedDB.open(scratchName, 1)
      open.onupgradeneeded = () => {
        for (const s of schema) {
          const store = open.result.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement })
          for (const i of s.indexes) store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry })
        }
      }
      const db = await req(open)
      const at = new Date().toISOString()
      // The records restore writes per store: data tables as in the file, catalogues wrapped as the
      // app stores them, and the "unexported change" meta record every write sets.
      const recordsOf = (data, only) => {
        const out = []
        for (const s of schema) {
          let rows
          if (s.name === 'catalogs') rows = (data.catalogs ?? []).map((c) => ({ id: c.id, version: c.version, importedAt: at, catalog: c }))
          else if (s.name === 'meta') rows = [{ key: 'firstUnexportedChangeAt', value: at }]
          else rows = Array.isArray(data[s.name]) ? data[s.name] : []
          if (only && s.name !== 'meta') rows = s.name === 'assessments' ? rows.filter((r) => only.has(r.id)) : []
          if (rows.length) out.push([s.name, rows])
        }
        return out
      }
      // Reads the stored record of each of `reads` ([store, rows]; one get per row, all issued at
      // once) and then writes `records`, in one transaction. Returns how many records were found.
      const keyOf = (keyPath, row) => (Array.isArray(keyPath) ? keyPath.map((p) => row[p]) : row[keyPath])
      const readAndWrite = async (reads, records) => {
        const names = [...new Set([...reads, ...records].map(([name]) => name))]
        if (names.length === 0) return 0
        const tx = db.transaction(names, records.length > 0 ? 'readwrite' : 'readonly')
        const gets = reads.flatMap(([name, rows]) => {
          const store = tx.objectStore(name)
          return rows.map((row) => req(store.get(keyOf(store.keyPath, row))))
        })
        const found = await Promise.all(gets)
        for (const [name, rows] of records) {
          const store = tx.objectStore(name)
          for (const r of rows) store.put(r)
        }
        await done(tx)
        return found.filter((r) => r !== undefined).length
      }
      const file = document.getElementById('bench-floor-file').files[0]
      if (prefill) await readAndWrite([], recordsOf(JSON.parse(await file.text()), null))
      await window.__benchIdle()
      const t0 = performance.now()
      const data = JSON.parse(await file.text())
      const records = writes === 'none' ? [] : recordsOf(data, writes === 'all' ? null : new Set(writes.assessments))
      // The stored counterpart of every record of the file (catalogues by id and version).
      const reads = prefill ? recordsOf(data, null).filter(([name]) => name !== 'meta') : []
      const readRecords = await readAndWrite(reads, records)
      const t1 = performance.now()
      db.close()
      await req(indexedDB.deleteDatabase(scratchName)).catch(() => undefined)
      return { ms: t1 - t0, records: records.reduce((n, [, rows]) => n + rows.length, 0), readRecords }
    },
    { appDb: APP_DB, writes, prefill },
  )
}

/** One restore through the data screen and its floor in the same page. */
export async function measureRestore(page, baseURL, file, { writes, prefill = false, nothingToApply = false }) {
  const r = await measureImport(page, baseURL, '/data', 'Daten & Sicherung', 'restore-file', file, { nothingToApply })
  const floor = await measureRestoreFloor(page, file, { writes, prefill })
  const sum = (k) => r.rows.reduce((n, row) => (row[k] === null || n === null ? null : n + row[k]), 0)
  const preview = { added: sum('added'), updated: sum('updated'), unchanged: sum('unchanged'), conflicts: sum('conflicts') }
  return { ...r, restoreMs: r.totalMs, floor, ratio: r.totalMs / floor.ms, preview }
}

/** Imports the 60 return files in one go on the exchange screen. */
export async function measureReturns(page, baseURL, files) {
  const r = await measureImport(page, baseURL, '/exchange', 'Fragebögen austauschen', 'exchange-files', files)
  const sum = (k) => r.rows.reduce((n, row) => n + (row[k] ?? 0), 0)
  return { ...r, files: r.rows.length, added: sum('added'), updated: sum('updated'), unchanged: sum('unchanged'), conflicts: sum('conflicts') }
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

/**
 * Clicks "Sicherung herunterladen" on the data screen (new page load) and times in the page from the
 * click until the app clicks the download link (the file is complete as a Blob then). Then the floor
 * in the same page: one raw IndexedDB read of all stores + JSON.stringify + Blob. Returns { ms,
 * bytes, longestTaskMs, floor: { ms, bytes }, ratio }.
 */
export async function measureExport(page, baseURL) {
  await freshLoad(page, `${baseURL}#/data`)
  await page.getByRole('heading', { level: 1, name: 'Daten & Sicherung' }).waitFor()
  const button = page.getByRole('button', { name: 'Sicherung herunterladen' })
  await button.waitFor()
  await page.evaluate(() => {
    // Timestamp the moment the app hands the file to the browser (src/platform/download.ts clicks a link with download).
    const click = HTMLAnchorElement.prototype.click
    window.__benchDownload = new Promise((resolve) => {
      HTMLAnchorElement.prototype.click = function () {
        if (this.download) resolve(performance.now())
        return click.call(this)
      }
    })
  })
  await waitIdle(page)
  const downloaded = page.waitForEvent('download', { timeout: 120_000 })
  const t = await page.evaluate(() => {
    const b = [...document.querySelectorAll('main button')].find((x) => x.textContent?.trim() === 'Sicherung herunterladen')
    const t0 = performance.now()
    b.click()
    return window.__benchDownload.then((t1) => ({ t0, t1 }))
  })
  const download = await downloaded
  const bytes = statSync(await download.path()).size
  await waitIdle(page)
  const longestTaskMs = await longestTask(page, t.t0, t.t1)
  const floor = await page.evaluate(async (appDb) => {
    const req = (r) => new Promise((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))))
    const db = await req(indexedDB.open(appDb))
    await window.__benchIdle()
    const t0 = performance.now()
    const tx = db.transaction([...db.objectStoreNames], 'readonly')
    const names = [...db.objectStoreNames]
    const all = await Promise.all(names.map((n) => req(tx.objectStore(n).getAll())))
    const text = JSON.stringify(Object.fromEntries(names.map((n, i) => [n, all[i]])))
    const blob = new Blob([text], { type: 'application/json' })
    const t1 = performance.now()
    db.close()
    return { ms: t1 - t0, bytes: blob.size }
  }, APP_DB)
  const msTotal = t.t1 - t.t0
  return { ms: msTotal, bytes, longestTaskMs, floor, ratio: msTotal / floor.ms }
}

// ---------------------------------------------------------------------------------------------
// First-load JS, start screen, CLS
// ---------------------------------------------------------------------------------------------

/**
 * Runs `load` (which resolves when the screen is shown) while recording the JS responses of the
 * page; the recording ends when the main thread is idle and the network quiet for 500 ms. Also how
 * much of it arrived before the screen was shown (Node-side clock).
 */
async function firstLoadJs(page, baseURL, load) {
  const rec = recordJs(page, baseURL)
  await load()
  const shownAt = Date.now()
  await waitIdle(page)
  await networkQuiet(page, 500)
  const files = rec.stop().sort((a, b) => b.gzip - a.gzip)
  const totalGzip = files.reduce((s, f) => s + f.gzip, 0)
  const beforeShown = files.filter((f) => f.at <= shownAt).reduce((s, f) => s + f.gzip, 0)
  return { files, totalGzip, totalKB: totalGzip / 1024, beforeShownGzip: beforeShown, missing: files.filter((f) => f.missing).map((f) => f.file) }
}

function printFirstLoad(title, r) {
  console.log(`  ${title}: ${r.files.length} JS-Dateien angefragt, ${kb(r.totalGzip)} KB gzip – budget ≤ ${BUDGET_FIRST_LOAD_KB} KB: ${okText(r.totalKB <= BUDGET_FIRST_LOAD_KB)}`)
  console.log(`    davon angekommen, bevor der Bildschirm stand: ${kb(r.beforeShownGzip)} KB; danach (bis Leerlauf und 500 ms Netzruhe): ${kb(r.totalGzip - r.beforeShownGzip)} KB`)
  const shown = r.files.filter((f, i) => i < 8 || f.missing)
  for (const f of shown) console.log(`    ${f.file.padEnd(52)} ${kb(f.raw).padStart(7)} KB roh  ${kb(f.gzip).padStart(6)} KB gzip${f.missing ? '  (nicht im Build-Ordner!)' : ''}`)
  const rest = r.files.filter((f) => !shown.includes(f))
  if (rest.length) console.log(`    … ${rest.length} weitere Dateien, zusammen ${kb(rest.reduce((s, f) => s + f.gzip, 0))} KB gzip`)
}

/**
 * The analysis screens; `key` names the page-side content test in window.__benchCounts
 * (bench/bench-page.mjs), `what` says what it counts.
 */
const SCREENS = (roundId, departmentId) => [
  { key: 'dashboard', name: 'Dashboard', hash: '#/dashboard', what: 'Zeilen der Rangfolge' },
  { key: 'results', name: 'Ergebnisse', hash: '#/results', what: 'Fachbereichszeilen' },
  { key: 'department', name: 'Ergebnis eines Fachbereichs', hash: `#/result/${roundId}/${departmentId}`, what: 'Dimensionszeilen' },
  { key: 'recommendations', name: 'Maßnahmen', hash: '#/recommendations', what: 'Maßnahmen laut rec-count' },
  { key: 'roadmap', name: 'Roadmap', hash: '#/roadmap', what: 'Maßnahmen im Plan' },
  { key: 'report', name: 'Bericht', hash: '#/report', what: 'Maßnahmen in der Zusammenfassung' },
  { key: 'agenda', name: 'Digitale Agenda', hash: '#/agenda', what: 'Agenda oder Formular zum Anlegen', roundCheck: 'auto' },
]

/** The start screen of the current document, idle. */
async function toStartIdle(page) {
  await page.evaluate(() => (location.hash = '#/'))
  await page.getByRole('table', { name: 'Fachbereiche und Fortschritt' }).waitFor()
  await waitIdle(page)
}

/**
 * Page-side: from location.hash = hash until the screen shows its count (`expected`, or any count
 * when null) and, with checkRound, the round's name. Also the first count that was on screen.
 */
async function timeScreen(page, screen, roundName, checkRound, expected = null) {
  return page.evaluate(
    ({ hash, key, roundName, checkRound, expected, timeoutMs }) => {
      const count = window.__benchCounts[key]
      const roundShown = window.__benchRoundShown
      let first = null
      let seen = null
      const test = () => {
        const n = count()
        if (n !== null && first === null) first = n
        if (n === null || (expected !== null && n !== expected) || (checkRound && !roundShown(roundName))) return false
        seen = n
        return true
      }
      const done = window.__benchWait(test, timeoutMs)
      const t0 = performance.now()
      location.hash = hash
      return done.then(
        (t1) => ({ ms: t1 - t0, t0, t1, count: seen, first }),
        () => ({ ms: null, count: count(), first }),
      )
    },
    { hash: screen.hash, key: screen.key, roundName, checkRound, expected, timeoutMs: SCREEN_TIMEOUT_MS },
  )
}

/** Count and round visibility of the screen on display now. */
async function screenState(page, screen, roundName) {
  return page.evaluate(
    ({ key, roundName }) => ({ count: window.__benchCounts[key](), round: window.__benchRoundShown(roundName) }),
    { key: screen.key, roundName },
  )
}

export async function measureScreens(page, baseURL, { roundId, roundName, departmentId }) {
  await freshLoad(page, `${baseURL}#/`)
  const orgSelect = page.getByLabel('Kommune wählen')
  if (await orgSelect.count()) await orgSelect.selectOption({ label: ORG_NAME })
  await page.getByRole('heading', { level: 2, name: ORG_NAME }).waitFor()
  await page.getByLabel('Erhebungsrunde').selectOption(roundId)
  await page.getByRole('table', { name: 'Fachbereiche und Fortschritt' }).waitFor()
  const out = {}
  for (const screen of SCREENS(roundId, departmentId)) {
    // Calibration (unmeasured, also loads the screen's chunks): open the screen, let it settle and
    // read the count it ends with (the expected one) and whether it names the round at all.
    await toStartIdle(page)
    const calibration = await timeScreen(page, screen, roundName, false)
    await waitIdle(page)
    await page.waitForTimeout(200)
    const settled = await screenState(page, screen, roundName)
    const checkRound = screen.roundCheck === 'auto' ? settled.round : true
    const expected = settled.count
    const problems = []
    if (calibration.ms === null || expected === null) problems.push(`Inhalt erschien nicht (${screen.what})`)
    if (checkRound && !settled.round) problems.push(`„${roundName}“ nicht sichtbar`)
    const runs = []
    for (let i = 0; i < RUNS && problems.length === 0; i++) {
      await toStartIdle(page)
      const r = await timeScreen(page, screen, roundName, checkRound, expected)
      await waitIdle(page)
      await page.waitForTimeout(200)
      const after = await screenState(page, screen, roundName)
      runs.push({ ...r, longestTaskMs: r.ms === null ? null : await longestTask(page, r.t0, r.t1) })
      if (r.ms === null) problems.push(`Lauf ${i + 1}: ${expected} ${screen.what} erschienen nicht (zuletzt ${r.count})`)
      else if (after.count !== expected) problems.push(`Lauf ${i + 1}: nach Ruhe ${after.count} statt ${expected} ${screen.what}`)
      if (checkRound && !after.round) problems.push(`Lauf ${i + 1}: „${roundName}“ nach Ruhe nicht mehr sichtbar`)
    }
    const times = runs.map((r) => r.ms).filter((x) => x !== null)
    const firstCounts = [...new Set(runs.map((r) => r.first).filter((n) => n !== null && n !== expected))]
    out[screen.key] = {
      name: screen.name,
      what: screen.what,
      checkRound,
      runs: times,
      median: problems.length === 0 && times.length === RUNS ? median(times) : null,
      count: expected,
      firstCounts,
      longestTaskMs: Math.max(0, ...runs.map((r) => r.longestTaskMs ?? 0)),
      problems,
    }
  }
  return out
}

/** New page load of a screen until its content (count) is shown and the page is idle; the CLS of that load. */
async function clsOf(page, url, key) {
  await freshLoad(page, url)
  await page.waitForFunction((key) => window.__benchCounts[key]() !== null, key, { timeout: 60_000, polling: 100 })
  await waitIdle(page)
  await page.waitForTimeout(500)
  return layoutShiftSum(page)
}

// ---------------------------------------------------------------------------------------------
// Runner
// ---------------------------------------------------------------------------------------------

export async function runLargeBench() {
  ensureDist()
  console.log(`\n== Große Kommune (Chromium, Build ${DIST}) ==`)
  const facts = makeLargeBackup()
  const variant = generate('bench/make-restore-variant.ts')
  const returns = generate('bench/make-returns.ts')
  const bytes = statSync(BACKUP_FILE).size
  const backup = JSON.parse(readFileSync(BACKUP_FILE, 'utf8'))
  const newest = [...backup.rounds].sort((a, b) => b.startDate.localeCompare(a.startDate))[0]
  const departmentId = backup.departments[0].id
  console.log(`  Datei: ${path.relative(ROOT, BACKUP_FILE)}, ${mb(bytes)} (${facts.departments} Fachbereiche, ${facts.assessments} Fragebögen, ${facts.answers} Antworten)`)
  console.log(`  Variante: ${path.relative(ROOT, VARIANT_FILE)}, ${variant.changed} Antworten in ${variant.assessmentIds.length} Fragebögen (${variant.round}) geändert`)

  const server = await startPreview()
  const profile = makeProfileDir('dc-bench-large-')
  const out = { failures: [] }
  let context
  try {
    context = await launchChromium(profile)
    context.setDefaultTimeout(60_000)
    await instrument(context)
    const page = context.pages()[0] ?? (await context.newPage())
    const errors = []
    context.on('weberror', (e) => errors.push(String(e.error())))

    console.log('\n== Erster Ladevorgang: JavaScript, wie Chromium es anfragt (gzip -9 der ausgelieferten Dateien) ==')
    out.firstLoadEmpty = await firstLoadJs(page, server.baseURL, async () => {
      await page.goto(server.baseURL)
      await page.getByRole('button', { name: 'Demo „Musterstadt“ laden' }).waitFor()
    })
    printFirstLoad('(a) leeres Profil, Startbildschirm', out.firstLoadEmpty)

    console.log('\n== Sicherung wiederherstellen (Datenbildschirm) gegen die physische Untergrenze ==')
    const printRestore = (label, r) => {
      console.log(`  ${label}: Prüfen ${ms(r.checkMs)} + Anwenden ${r.applied ? ms(r.applyMs) : '– (nichts zu übernehmen)'} = ${ms(r.restoreMs)}`)
      const io = r.floor.readRecords > 0 ? `${r.floor.readRecords} gespeicherte Datensätze lesen und ${r.floor.records} schreiben` : `${r.floor.records} Datensätze schreiben`
      console.log(`    Untergrenze (text + JSON.parse + ${io}, in einer rohen IndexedDB-Transaktion): ${ms(r.floor.ms)} → Faktor ${r.ratio.toFixed(2)} – budget ≤ ${BUDGET_FLOOR_RATIO}: ${okText(r.ratio <= BUDGET_FLOOR_RATIO)}`)
      console.log(`    längste Aufgabe im Hauptthread: ${r.longestTaskMs === 0 ? 'keine über 50 ms' : ms(r.longestTaskMs)} – budget ≤ ${BUDGET_LONGTASK_MS} ms: ${okText(r.longestTaskMs <= BUDGET_LONGTASK_MS)}`)
      console.log(`    Vorschau: ${r.preview.added} neu, ${r.preview.updated} aktualisiert, ${r.preview.unchanged} unverändert, ${r.preview.conflicts} Konflikte`)
    }
    const empty = await measureRestore(page, server.baseURL, BACKUP_FILE, { writes: 'all' })
    out.restore = { ...empty, bytes }
    printRestore('in leere Datenbank', empty)
    console.log(`    gesamt ${ms(empty.restoreMs)} – budget < ${BUDGET_RESTORE_MS} ms: ${okText(empty.restoreMs < BUDGET_RESTORE_MS)}`)
    if (!(empty.preview.added > 0) || empty.preview.conflicts !== 0) throw new Error(`Wiederherstellen: Vorschau ${JSON.stringify(empty.preview)} – erwartet neue Antworten und 0 Konflikte`)

    out.firstLoadData = await firstLoadJs(page, server.baseURL, async () => {
      await freshLoad(page, server.baseURL)
      await page.waitForFunction(() => window.__bench?.startTableAt != null, null, { timeout: 60_000, polling: 100 })
    })
    printFirstLoad('\n  (b) mit der großen Kommune, neuer Seitenaufruf bis zur Fortschrittstabelle', out.firstLoadData)
    console.log('')

    const same = await measureRestore(page, server.baseURL, BACKUP_FILE, { writes: 'none', prefill: true, nothingToApply: true })
    out.restoreSame = same
    printRestore('dieselbe Datei erneut, über vorhandene Daten', same)
    if (same.preview.added !== 0 || same.preview.updated !== 0 || same.preview.conflicts !== 0) {
      out.failures.push(`Wiederherstellen derselben Datei: Vorschau ${JSON.stringify(same.preview)} – erwartet nichts Neues (die Untergrenze schreibt dann nichts)`)
    }

    const changed = await measureRestore(page, server.baseURL, VARIANT_FILE, { writes: { assessments: variant.assessmentIds }, prefill: true })
    out.restoreVariant = changed
    printRestore(`geänderte Sicherung (${variant.changed} Antworten), über vorhandene Daten`, changed)
    if (changed.preview.updated !== variant.changed || changed.preview.conflicts !== 0) throw new Error(`Variante: erwartet ${variant.changed} aktualisiert und 0 Konflikte, Vorschau ${JSON.stringify(changed.preview)}`)

    console.log('\n== Rücksendungen zusammenführen (Austausch-Bildschirm) ==')
    const files = readdirSync(RETURNS_DIR).sort().map((f) => path.join(RETURNS_DIR, f))
    const m = await measureReturns(page, server.baseURL, files)
    out.returns = { ...m, answersInFiles: returns.answers, changedInFiles: returns.changed }
    console.log(`  ${m.files} Rücksendungen (${returns.answers} Antworten, davon ${returns.changed} dort geändert): Prüfen ${ms(m.checkMs)} + Übernehmen ${ms(m.applyMs)} = ${ms(m.totalMs)} – budget < ${BUDGET_RETURNS_MS} ms: ${okText(m.totalMs < BUDGET_RETURNS_MS)}`)
    console.log(`  Vorschau: ${m.added} neu, ${m.updated} aktualisiert, ${m.unchanged} unverändert, ${m.conflicts} Konflikte; längste Aufgabe ${ms(m.longestTaskMs)}`)
    if (m.updated !== returns.changed || m.conflicts !== 0) throw new Error(`Rücksendungen: erwartet ${returns.changed} aktualisiert und 0 Konflikte`)

    console.log('\n== Sicherung exportieren gegen die physische Untergrenze ==')
    const exports = []
    for (let i = 0; i < RUNS; i++) exports.push(await measureExport(page, server.baseURL))
    const byRatio = [...exports].sort((a, b) => a.ratio - b.ratio)
    const e = { ...byRatio[Math.floor(RUNS / 2)], runs: exports, longestTaskMs: Math.max(...exports.map((x) => x.longestTaskMs)) }
    out.export = e
    console.log(`  ${RUNS} Läufe (Klick bis Download-Link, im Seitentakt) gegen ihre Untergrenze (ein rohes IndexedDB-Lesen aller Tabellen + JSON.stringify + Blob), Datei ${mb(e.bytes)}:`)
    for (const x of exports) console.log(`    Export ${ms(x.ms)} / Untergrenze ${ms(x.floor.ms)} → Faktor ${x.ratio.toFixed(2)}`)
    console.log(`  Median der Faktoren: ${e.ratio.toFixed(2)} (Export ${ms(e.ms)} / Untergrenze ${ms(e.floor.ms)}) – budget ≤ ${BUDGET_FLOOR_RATIO}: ${okText(e.ratio <= BUDGET_FLOOR_RATIO)}`)
    console.log(`  längste Aufgabe im Hauptthread (größte der ${RUNS}): ${ms(e.longestTaskMs)} – budget ≤ ${BUDGET_LONGTASK_MS} ms: ${okText(e.longestTaskMs <= BUDGET_LONGTASK_MS)}`)

    console.log(`\n== Startbildschirm kalt, große Kommune (neuer Seitenaufruf bis Fortschrittstabelle und „Weitermachen“, ${START_RUNS} Läufe) ==`)
    const starts = []
    for (let i = 0; i < START_RUNS; i++) starts.push(await coldStart(page, server.baseURL))
    out.start = { runs: starts, median: median(starts.map((r) => r.ms)), cls: Math.max(...starts.map((r) => r.cls)) }
    console.log(`  median ${ms(out.start.median)} [${starts.map((r) => r.ms.toFixed(0)).join(', ')}] (Tabelle/Weitermachen: ${starts.map((r) => `${r.tableMs.toFixed(0)}/${r.continueMs.toFixed(0)}`).join(', ')})`)

    console.log('\n== Layout-Verschiebungen (CLS je Seitenaufruf, ohne Eingabe) ==')
    out.cls = {
      start: out.start.cls,
      dashboard: await clsOf(page, `${server.baseURL}#/dashboard`, 'dashboard'),
      results: await clsOf(page, `${server.baseURL}#/results`, 'results'),
    }
    for (const [k, v] of Object.entries(out.cls)) console.log(`  ${k.padEnd(10)} ${v === null ? '—' : v.toFixed(3)} – budget < ${BUDGET_CLS}: ${v === null ? 'NICHT GEMESSEN' : okText(v < BUDGET_CLS)}${k === 'start' ? ` (größter von ${START_RUNS} Aufrufen)` : ''}`)

    console.log(`\n== Auswertungsbildschirme: Hash-Wechsel bis „${newest.name}“ und Inhalt sichtbar (nach Leerlauf, Median von ${RUNS}) ==`)
    const sc = await measureScreens(page, server.baseURL, { roundId: newest.id, roundName: newest.name, departmentId })
    out.screens = sc
    for (const s of Object.values(sc)) {
      const figure = s.median === null ? 'NICHT GEMESSEN' : `median ${ms(s.median).padStart(7)} [${s.runs.map((x) => x.toFixed(0)).join(', ')}]`
      const note = `${s.checkRound ? '' : ' (zeigt die Runde nicht: ohne Rundenprüfung)'}${s.firstCounts.length ? ` (zuerst kurz ${s.firstCounts.join('/')} angezeigt)` : ''}; längste Aufgabe ${ms(s.longestTaskMs)}`
      console.log(`  ${s.name.padEnd(28)} ${figure}, ${s.count} ${s.what}${note} – budget < ${BUDGET_SCREEN_MS} ms: ${s.median === null ? 'NICHT GEMESSEN' : okText(s.median < BUDGET_SCREEN_MS)}`)
      for (const p of s.problems) out.failures.push(`${s.name}: ${p}`)
    }
    if (errors.length) {
      console.log(`  Seitenfehler: ${errors.join(' | ')}`)
      out.failures.push(`Seitenfehler im Benchmark: ${errors[0]}`)
    }
  } finally {
    await context?.close()
    removeProfile(profile)
    await server.stop()
  }
  return out
}

runIfMain(import.meta.url, runLargeBench)
