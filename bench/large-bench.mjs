/**
 * Browser benchmark with the "large municipality" (60 departments × 3 respondents × 120 items ×
 * 5 rounds, synthetic catalogue; bench/make-large-backup.ts) on the production build in Chromium:
 *
 *   node bench/large-bench.mjs          (also part of `npm run bench`)
 *
 * 1. Restore through the data screen in a fresh profile:
 *    check = from the file input's change event until the preview is in the DOM (read + parse +
 *            validate + plan), apply = from the click on "Jetzt wiederherstellen" until
 *            [data-testid="restore-done"]; restore = check + apply. Budget: < 3 s.
 *    Both are timed in the page (performance.now() in a capturing change listener / right before
 *    the click, and in a MutationObserver), so the transfer of the file from Node into the browser
 *    (setInputFiles) does not count.
 * 1b. Merge of 60 return files (one per department, every answer present, every third changed on
 *    the respondent's device) on the exchange screen: check + apply. Budget: < 2 s.
 * 2. Export with that data: click on "Sicherung herunterladen" until the download event (Node side).
 * 3. Recommendations screen of "Synthetische Stadt", newest round: from the hash change to
 *    #/recommendations until the count and the first recommendation are rendered (median of 3;
 *    between runs the start screen). Budget: < 1 s. Also the department result screen (median of 3).
 */
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { launchChromium, makeProfileDir, removeProfile, ROOT, startPreview } from '../tests/e2e/support.mjs'
import { ensureDist, median } from './browser-bench.mjs'

export const BUDGET_RESTORE_MS = 3000
export const BUDGET_RECOMMENDATIONS_MS = 1000
export const BUDGET_RETURNS_MS = 2000
const BACKUP_FILE = path.join(ROOT, '.bench-out', 'large-backup.json')
const RETURNS_DIR = path.join(ROOT, '.bench-out', 'returns')
const ORG_NAME = 'Synthetische Stadt'
const RUNS = 3
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB (${(bytes / 1024 / 1024).toFixed(1)} MiB)`
const ms = (x) => `${x.toFixed(0)} ms`

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

/** Waits in the page until a selector matches; resolves with performance.now() at that moment. */
function observeScript() {
  // Shared page-side helper, installed once per document.
  window.__benchWait = (test, timeoutMs = 60_000) =>
    new Promise((resolve, reject) => {
      if (test()) return resolve(performance.now())
      const timer = setTimeout(() => {
        obs.disconnect()
        reject(new Error('Zeitüberschreitung im Benchmark'))
      }, timeoutMs)
      const obs = new MutationObserver(() => {
        if (test()) {
          const t = performance.now()
          obs.disconnect()
          clearTimeout(timer)
          resolve(t)
        }
      })
      obs.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true })
    })
}

/**
 * Imports files through an import panel (data screen: the backup; exchange screen: returns) and
 * times it in the page: check = change event of the file input until the preview (or an error) is
 * in the DOM (read + parse + validate + read local records + merge); apply = click on "Übernehmen"
 * until [data-testid="import-done"]. Returns { checkMs, applyMs, totalMs, rows }.
 */
export async function measureImport(page, baseURL, route, heading, inputId, files) {
  await page.goto(`${baseURL}#${route}`)
  await page.getByRole('heading', { level: 1, name: heading }).waitFor()
  await page.evaluate(observeScript)
  const previewShown = page.evaluate((inputId) => {
    const input = document.getElementById(inputId)
    let t0 = 0
    input.addEventListener('change', () => (t0 = performance.now()), { capture: true, once: true })
    const test = () => document.querySelector('[data-testid="import-preview"]') || document.querySelector('[data-testid="import-failed"]')
    return window.__benchWait(test).then((t1) => {
      const table = document.querySelector('[data-testid="import-preview"]')
      const alerts = table ? [...table.querySelectorAll('[role="alert"]')].map((a) => a.textContent) : [document.querySelector('[data-testid="import-failed"]')?.textContent ?? '']
      return { checkMs: t1 - t0, alerts }
    })
  }, inputId)
  await page.locator(`#${inputId}`).setInputFiles(files)
  const check = await previewShown
  if (check.alerts.length) throw new Error(`Import abgelehnt: ${check.alerts.join(' | ').slice(0, 500)}`)
  const rows = await page.getByTestId('import-preview').evaluate((el) =>
    [...el.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td.num')].map((td) => Number(td.textContent))),
  )
  const applyMs = await page.evaluate(() => {
    const button = document.querySelector('[data-testid="import-apply"]')
    if (!button || button.disabled) throw new Error('Knopf „Übernehmen“ fehlt oder ist gesperrt')
    const done = window.__benchWait(() => document.querySelector('[data-testid="import-done"]') || document.querySelector('[data-testid="import-failed"]'))
    const t0 = performance.now()
    button.click()
    return done.then((t1) => {
      if (document.querySelector('[data-testid="import-failed"]')) throw new Error(document.querySelector('[data-testid="import-failed"]').textContent)
      return t1 - t0
    })
  })
  return { checkMs: check.checkMs, applyMs, totalMs: check.checkMs + applyMs, rows }
}

/** Restores the backup through the data screen (a merge into the empty database). */
export async function measureRestore(page, baseURL, file) {
  const r = await measureImport(page, baseURL, '/data', 'Daten & Sicherung', 'restore-file', file)
  const [added, updated, unchanged, conflicts] = r.rows[0] ?? []
  return { checkMs: r.checkMs, applyMs: r.applyMs, restoreMs: r.totalMs, preview: { answersAdded: added, updated, unchanged, conflicts } }
}

/** Imports the 60 return files in one go on the exchange screen. */
export async function measureReturns(page, baseURL, files) {
  const r = await measureImport(page, baseURL, '/exchange', 'Fragebögen austauschen', 'exchange-files', files)
  const sum = (k) => r.rows.reduce((n, row) => n + (row[k] ?? 0), 0)
  return { ...r, files: r.rows.length, added: sum(0), updated: sum(1), unchanged: sum(2), conflicts: sum(3) }
}

/** Clicks "Sicherung herunterladen" and waits for the download; returns { ms, bytes }. */
export async function measureExport(page, baseURL) {
  await page.goto(`${baseURL}#/data`)
  await page.getByRole('heading', { level: 1, name: 'Daten & Sicherung' }).waitFor()
  const button = page.getByRole('button', { name: 'Sicherung herunterladen' })
  await button.waitFor()
  const t0 = performance.now()
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()])
  const elapsed = performance.now() - t0
  const file = await download.path()
  return { ms: elapsed, bytes: statSync(file).size }
}

/** Time from setting location.hash until `selector` test passes (page-side), after the start screen. */
async function timeRoute(page, hash, testSource) {
  await page.evaluate(() => (location.hash = '#/'))
  await page.getByRole('heading', { level: 1, name: 'Willkommen beim Digitalisierungs-Check' }).waitFor()
  await page.getByRole('table', { name: 'Fachbereiche und Fortschritt' }).waitFor()
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))))
  return page.evaluate(
    ({ hash, testSource }) => {
      const test = new Function(`return (${testSource})`)()
      const done = window.__benchWait(test)
      const t0 = performance.now()
      location.hash = hash
      return done.then((t1) => t1 - t0)
    },
    { hash, testSource },
  )
}

export async function measureScreens(page, baseURL, { roundId, departmentId }) {
  await page.goto(`${baseURL}#/`)
  const orgSelect = page.getByLabel('Kommune wählen')
  await orgSelect.selectOption({ label: ORG_NAME })
  await page.getByRole('heading', { level: 2, name: ORG_NAME }).waitFor()
  await page.getByLabel('Erhebungsrunde').selectOption(roundId)
  await page.getByRole('table', { name: 'Fachbereiche und Fortschritt' }).waitFor()
  await page.evaluate(observeScript)

  const recTest = `() => {
    const count = document.querySelector('[data-testid="rec-count"]')
    const first = document.querySelector('main .rec-list > li h3')
    return !!(count && /\\d+ Maßnahmen?/.test(count.textContent || '') && first && first.textContent.trim())
  }`
  const recommendations = []
  for (let i = 0; i < RUNS; i++) recommendations.push(await timeRoute(page, '#/recommendations', recTest))
  const recCount = ((await page.getByTestId('rec-count').textContent()) ?? '').trim()

  const depTest = `() => !!document.querySelector('[data-testid="dimension-table"] tbody tr')`
  const department = []
  for (let i = 0; i < RUNS; i++) department.push(await timeRoute(page, `#/result/${roundId}/${departmentId}`, depTest))
  const depTitle = ((await page.locator('main h1').first().textContent()) ?? '').trim()
  return { recommendations, recommendationsMedian: median(recommendations), recCount, department, departmentMedian: median(department), depTitle }
}

export async function runLargeBench() {
  ensureDist()
  console.log('\n== Große Kommune: Sicherung wiederherstellen, exportieren, Maßnahmen anzeigen (Chromium) ==')
  const facts = makeLargeBackup()
  const bytes = statSync(BACKUP_FILE).size
  const backup = JSON.parse(readFileSync(BACKUP_FILE, 'utf8'))
  const newest = [...backup.rounds].sort((a, b) => b.startDate.localeCompare(a.startDate))[0]
  const departmentId = backup.departments[0].id
  console.log(`  Datei: ${path.relative(ROOT, BACKUP_FILE)}, ${mb(bytes)} (${facts.departments} Fachbereiche, ${facts.assessments} Fragebögen, ${facts.answers} Antworten)`)

  const server = await startPreview()
  const profile = makeProfileDir('dc-bench-large-')
  const out = {}
  let context
  try {
    context = await launchChromium(profile)
    context.setDefaultTimeout(60_000)
    const page = context.pages()[0] ?? (await context.newPage())
    const errors = []
    context.on('weberror', (e) => errors.push(String(e.error())))

    const r = await measureRestore(page, server.baseURL, BACKUP_FILE)
    out.restore = { ...r, bytes }
    console.log(`  Wiederherstellen, Prüfen (lesen + parsen + validieren + planen): ${ms(r.checkMs)}`)
    console.log(`  Wiederherstellen, Anwenden (Klick bis „abgeschlossen“):          ${ms(r.applyMs)}`)
    console.log(`  Wiederherstellen gesamt: ${ms(r.restoreMs)} – budget < ${BUDGET_RESTORE_MS} ms: ${r.restoreMs < BUDGET_RESTORE_MS ? 'OK' : 'EXCEEDED'}`)
    console.log(`  Vorschau: ${JSON.stringify(r.preview)}`)

    const returns = generate('bench/make-returns.ts')
    const files = readdirSync(RETURNS_DIR).sort().map((f) => path.join(RETURNS_DIR, f))
    const m = await measureReturns(page, server.baseURL, files)
    out.returns = { ...m, answersInFiles: returns.answers, changedInFiles: returns.changed }
    console.log(`  ${m.files} Rücksendungen (${returns.answers} Antworten, davon ${returns.changed} dort geändert) zusammenführen: Prüfen ${ms(m.checkMs)} + Übernehmen ${ms(m.applyMs)} = ${ms(m.totalMs)} – budget < ${BUDGET_RETURNS_MS} ms: ${m.totalMs < BUDGET_RETURNS_MS ? 'OK' : 'EXCEEDED'}`)
    console.log(`  Vorschau: ${m.added} neu, ${m.updated} aktualisiert, ${m.unchanged} unverändert, ${m.conflicts} Konflikte`)
    if (m.updated !== returns.changed || m.conflicts !== 0) throw new Error(`Rücksendungen: erwartet ${returns.changed} aktualisiert und 0 Konflikte`)

    const e = await measureExport(page, server.baseURL)
    out.export = e
    console.log(`  Export (Klick bis Download): ${ms(e.ms)}, Datei ${mb(e.bytes)}`)

    const sc = await measureScreens(page, server.baseURL, { roundId: newest.id, departmentId })
    out.screens = sc
    console.log(`  Maßnahmen (${ORG_NAME}, ${newest.name}, ${sc.recCount}): median ${ms(sc.recommendationsMedian)} [${sc.recommendations.map((x) => x.toFixed(0)).join(', ')}] – budget < ${BUDGET_RECOMMENDATIONS_MS} ms: ${sc.recommendationsMedian < BUDGET_RECOMMENDATIONS_MS ? 'OK' : 'EXCEEDED'}`)
    console.log(`  Ergebnis eines Fachbereichs (${sc.depTitle}): median ${ms(sc.departmentMedian)} [${sc.department.map((x) => x.toFixed(0)).join(', ')}]`)
    if (errors.length) {
      console.log(`  Seitenfehler: ${errors.join(' | ')}`)
      throw new Error(`Seitenfehler im Benchmark: ${errors[0]}`)
    }
  } finally {
    await context?.close()
    removeProfile(profile)
    await server.stop()
  }
  return out
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  runLargeBench().catch((e) => {
    console.error(e)
    process.exitCode = 1
  })
}
