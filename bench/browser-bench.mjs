/**
 * Browser benchmark of the production build in Debian's Chromium via playwright-core.
 *
 *   node bench/browser-bench.mjs        (builds once if the build folder is missing)
 *   BENCH_DIST=/tmp/my-dist node bench/browser-bench.mjs   (measures and serves that build instead of dist/)
 *
 * Measures
 * 1. Answer save latency: from just before the click on an Ist level (page-side performance.now()
 *    in the same evaluate that clicks the radio) until the answer is durable in IndexedDB, i.e. the
 *    save indicator [data-testid="save-state"] increments data-save-count – which happens only after
 *    the Dexie transaction committed (src/composables/useAutosave.ts). A MutationObserver in the
 *    page timestamps it. At least 200 clicks. Budget: p95 < 20 ms.
 * 2. First-load JS (gzip -9), static view: the entry script and the modulepreload links of
 *    index.html. Budget: ≤ 120 KB. (The requests Chromium really makes are measured in
 *    bench/large-bench.mjs.) Also the gzip size of every lazy chunk with charts (Chart.js must load
 *    only on the screens that show charts).
 * 3. Cold start screen of the demo "Musterstadt" (the reference for the large municipality in
 *    bench/large-bench.mjs): a new page load until the progress table and the "Weitermachen" card
 *    are shown, median of 3.
 *
 * The measuring functions are exported so that more measurements can reuse them.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { launchChromium, makeProfileDir, removeProfile, ROOT, startPreview } from '../tests/e2e/support.mjs'
import { coldStart, DIST, gzipSize, instrument, kb, runIfMain } from './bench-page.mjs'

export const BUDGET_SAVE_P95_MS = 20
export const SAVE_CLICKS = 200
export const START_RUNS = 3
/** First-load CSS (KERN subset + app base styles), gzip -9. */
export const BUDGET_FIRST_LOAD_CSS_KB = 30
export const BUDGET_FIRST_LOAD_KB = 120
/** Present in the Chart.js library code (its internal `$chartjs` property and CSS class names). */
const CHARTJS_MARKER = 'chartjs'

export function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b)
  if (s.length === 0) return NaN
  const rank = (p / 100) * (s.length - 1)
  const lo = Math.floor(rank)
  const hi = Math.ceil(rank)
  return s[lo] + (s[hi] - s[lo]) * (rank - lo)
}

export const median = (values) => percentile(values, 50)

/** Builds the app into DIST (BENCH_DIST or dist/) if it has no index.html yet. */
export function ensureDist() {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    console.log(`${DIST} fehlt – vite build --outDir ${DIST} …`)
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', DIST, '--emptyOutDir'], { cwd: ROOT, stdio: 'inherit' })
  }
}

// ---------------------------------------------------------------------------------------------
// First-load JS
// ---------------------------------------------------------------------------------------------

/** The JS files dist/index.html loads for the first paint: entry module script + modulepreloads. */
export function firstLoadScripts(distDir = DIST) {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8')
  const files = new Set()
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
    const src = /\bsrc="([^"]+)"/.exec(tag)?.[1]
    if (src && /type="module"/.test(tag)) files.add(src)
  }
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1]
    if (href && /rel="modulepreload"/.test(tag)) files.add(href)
  }
  return [...files].map((f) => path.join(distDir, f.replace(/^\.?\//, '')))
}

/** The stylesheets dist/index.html links (app CSS with KERN, and the deploy-time theme.css). */
export function measureFirstLoadCss(distDir = DIST) {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8')
  const files = []
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1]
    if (href && /rel="stylesheet"/.test(tag)) files.push(href.replace(/^\.?\//, ''))
  }
  const first = files.map((f) => {
    const buf = readFileSync(path.join(distDir, f))
    return { file: f, raw: buf.length, gzip: gzipSize(buf) }
  })
  const fonts = readdirSync(path.join(distDir, 'assets'))
    .filter((f) => f.endsWith('.woff2'))
    .map((f) => ({ file: path.join('assets', f), raw: readFileSync(path.join(distDir, 'assets', f)).length }))
  const totalGzip = first.reduce((s, f) => s + f.gzip, 0)
  return { first, totalGzip, totalKB: totalGzip / 1024, fonts, fontsKB: fonts.reduce((s, f) => s + f.raw, 0) / 1024 }
}

/**
 * Gzip (-9) sizes of the first-load JS, and of every lazy chunk that belongs to the charts
 * (file name contains "chart", or the code contains the Chart.js library).
 */
export function measureFirstLoadJs(distDir = DIST) {
  const first = firstLoadScripts(distDir).map((file) => {
    const buf = readFileSync(file)
    return { file: path.relative(distDir, file), raw: buf.length, gzip: gzipSize(buf), hasChartJs: buf.includes(CHARTJS_MARKER) }
  })
  const firstSet = new Set(first.map((f) => f.file))
  const assets = path.join(distDir, 'assets')
  const chartChunks = readdirSync(assets)
    .filter((f) => f.endsWith('.js') && !firstSet.has(path.join('assets', f)))
    .map((f) => ({ f, buf: readFileSync(path.join(assets, f)) }))
    .filter(({ f, buf }) => /chart/i.test(f) || buf.includes(CHARTJS_MARKER))
    .map(({ f, buf }) => ({ file: path.join('assets', f), raw: buf.length, gzip: gzipSize(buf), chartJsLibrary: buf.includes(CHARTJS_MARKER) }))
    .sort((a, b) => b.gzip - a.gzip)
  const totalGzip = first.reduce((s, f) => s + f.gzip, 0)
  return { first, totalGzip, totalKB: totalGzip / 1024, chartJsInFirstLoad: first.some((f) => f.hasChartJs), chartChunks }
}

// ---------------------------------------------------------------------------------------------
// Answer save latency
// ---------------------------------------------------------------------------------------------

/** Loads the demo municipality on the start screen (no-op if it is there already). */
export async function loadDemo(page, baseURL) {
  await page.goto(baseURL)
  await page.locator('main h1').first().waitFor()
  const button = page.getByRole('button', { name: 'Demo „Musterstadt“ laden' })
  if (await page.getByRole('heading', { level: 2, name: 'Musterstadt' }).count()) return
  await button.click()
  await page.getByRole('table', { name: 'Fachbereiche und Fortschritt' }).waitFor()
}

/** Opens the questionnaire of the demo's IT department (central: every question applies). */
export async function openDemoQuestionnaire(page, baseURL) {
  await loadDemo(page, baseURL)
  await page.getByRole('link', { name: /^(Beginnen|Fortsetzen|Öffnen): .* – IT und Digitalisierung$/ }).first().click()
  await page.getByRole('heading', { level: 1, name: /^IT und Digitalisierung:/ }).waitFor()
  await page.getByTestId('save-state').waitFor()
}

/**
 * One click on an Ist radio (by input name and value) timed in the page: performance.now() before
 * input.click(), and again in a MutationObserver when data-save-count of the save indicator grows.
 * Resolves with the milliseconds in between.
 */
export async function timeOneSave(page, name, value, timeoutMs = 5000) {
  return page.evaluate(
    ({ name, value, timeoutMs }) =>
      new Promise((resolve, reject) => {
        const indicator = document.querySelector('[data-testid="save-state"]')
        const input = document.querySelector(`input[type="radio"][name="${CSS.escape(name)}"][value="${CSS.escape(value)}"]`)
        if (!indicator || !input) return reject(new Error(`Element fehlt: ${name}=${value}`))
        const before = Number(indicator.getAttribute('data-save-count'))
        let t0 = 0
        const timer = setTimeout(() => {
          obs.disconnect()
          reject(new Error(`kein Speichern nach ${timeoutMs} ms (${name}=${value})`))
        }, timeoutMs)
        const obs = new MutationObserver(() => {
          if (Number(indicator.getAttribute('data-save-count')) > before) {
            const t1 = performance.now()
            obs.disconnect()
            clearTimeout(timer)
            resolve(t1 - t0)
          }
        })
        obs.observe(indicator, { attributes: true, attributeFilter: ['data-save-count'] })
        t0 = performance.now()
        input.click()
      }),
    { name, value, timeoutMs },
  )
}

/** Lets the page settle between clicks (live queries re-render after each write), like a user's pause. */
async function settle(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 30)))))
}

/** Ist radio groups on screen: [{ name, checked }] for each question card. */
async function istGroups(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('main article fieldset.ist')].map((fs) => {
      const radios = [...fs.querySelectorAll('input[type="radio"]')]
      return { name: radios[0]?.name ?? '', checked: radios.find((r) => r.checked)?.value ?? '' }
    }),
  )
}

/**
 * Clicks `clicks` different Ist levels in the open questionnaire (after `warmup` unmeasured ones),
 * moving through the questions of the dimensions, always to a level that was not chosen before.
 * Verifies the last click with a raw IndexedDB read. Returns the samples and statistics in ms.
 */
export async function measureAnswerSave(page, { clicks = SAVE_CLICKS, warmup = 5 } = {}) {
  const samples = []
  let last = null
  let step = 0
  const dimensionButtons = page.getByRole('navigation', { name: 'Dimensionen' }).first().getByRole('button')
  const dimensionCount = await dimensionButtons.count()
  let dim = 0
  while (samples.length < clicks) {
    const groups = await istGroups(page)
    for (const g of groups) {
      if (samples.length >= clicks) break
      const current = g.checked === '' || Number.isNaN(Number(g.checked)) ? -1 : Number(g.checked)
      const value = String((current + 1 + (step % 4)) % 5 === current ? (current + 1) % 5 : (current + 1 + (step % 4)) % 5)
      step++
      const ms = await timeOneSave(page, g.name, value)
      if (step > warmup) samples.push(ms)
      last = { name: g.name, value }
      await settle(page)
    }
    dim = (dim + 1) % dimensionCount
    await dimensionButtons.nth(dim).click()
    await page.locator('main article').first().waitFor()
    await settle(page)
  }
  const verified = last ? await verifyInIndexedDb(page, last) : false
  return { samples, median: median(samples), p95: percentile(samples, 95), min: Math.min(...samples), max: Math.max(...samples), verified }
}

/** Reads the assessment with the raw IndexedDB API and checks the answer of the last click. */
export async function verifyInIndexedDb(page, { name, value }) {
  const itemId = /^item-(.+)-ist$/.exec(name)?.[1]
  const assessmentId = decodeURIComponent(/#\/assessment\/([^?/]+)/.exec(page.url())?.[1] ?? '')
  const answer = await page.evaluate(
    ({ assessmentId, itemId }) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('digitalisierungs-check')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const idb = open.result
          const get = idb.transaction('assessments', 'readonly').objectStore('assessments').get(assessmentId)
          get.onsuccess = () => {
            idb.close()
            resolve(get.result?.answers?.[itemId] ?? null)
          }
          get.onerror = () => reject(get.error)
        }
      }),
    { assessmentId, itemId },
  )
  return answer !== null && answer.state === 'level' && String(answer.ist) === value
}

// ---------------------------------------------------------------------------------------------
// Runner
// ---------------------------------------------------------------------------------------------

export async function runBrowserBench({ clicks = SAVE_CLICKS } = {}) {
  ensureDist()
  /** ok: all budgets met and all checks passed; failures: reasons why a measurement is not valid. */
  const out = { ok: true, failures: [] }

  console.log(`\nBuild: ${DIST}`)
  console.log('\n== Erster Ladevorgang: JavaScript laut index.html (statisch, gzip -9) ==')
  const js = measureFirstLoadJs()
  for (const f of js.first) console.log(`  ${f.file.padEnd(52)} ${kb(f.raw).padStart(7)} KB roh  ${kb(f.gzip).padStart(6)} KB gzip`)
  const jsOk = js.totalKB <= BUDGET_FIRST_LOAD_KB
  console.log(`  Summe erster Ladevorgang (index.html): ${kb(js.totalGzip)} KB gzip – budget ≤ ${BUDGET_FIRST_LOAD_KB} KB: ${jsOk ? 'OK' : 'EXCEEDED'}`)
  console.log(`  Chart.js im ersten Ladevorgang: ${js.chartJsInFirstLoad ? 'JA (sollte lazy sein)' : 'nein'}`)
  if (js.chartChunks.length === 0) console.log('  Lazy-Chunks mit Diagrammen: keine')
  else {
    console.log('  Lazy-Chunks mit Diagrammen:')
    for (const c of js.chartChunks) console.log(`    ${c.file.padEnd(50)} ${kb(c.gzip).padStart(6)} KB gzip${c.chartJsLibrary ? '  (Chart.js-Bibliothek)' : ''}`)
  }
  out.firstLoad = js
  out.ok &&= jsOk && !js.chartJsInFirstLoad

  console.log('\n== Erster Ladevorgang: CSS (gzip -9) und Schriften ==')
  const css = measureFirstLoadCss()
  for (const f of css.first) console.log(`  ${f.file.padEnd(52)} ${kb(f.raw).padStart(7)} KB roh  ${kb(f.gzip).padStart(6)} KB gzip`)
  const cssOk = css.totalKB <= BUDGET_FIRST_LOAD_CSS_KB
  console.log(`  Summe CSS erster Ladevorgang: ${kb(css.totalGzip)} KB gzip – budget ≤ ${BUDGET_FIRST_LOAD_CSS_KB} KB: ${cssOk ? 'OK' : 'EXCEEDED'}`)
  console.log(`  Schriften (Fira Sans aus @kern-ux/native, woff2, lokal, bei Bedarf geladen): ${css.fonts.length} Dateien, ${kb(css.fontsKB * 1024)} KB`)
  out.firstLoadCss = css
  out.ok &&= cssOk

  console.log(`\n== Antwort speichern: Klick → IndexedDB (${clicks} Klicks, Chromium) ==`)
  const server = await startPreview()
  const profile = makeProfileDir('dc-bench-')
  let context
  try {
    context = await launchChromium(profile)
    await instrument(context)
    const page = context.pages()[0] ?? (await context.newPage())
    const errors = []
    context.on('weberror', (e) => errors.push(String(e.error())))
    await openDemoQuestionnaire(page, server.baseURL)
    const r = await measureAnswerSave(page, { clicks })
    const saveOk = r.p95 < BUDGET_SAVE_P95_MS
    console.log(`  median ${r.median.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms (min ${r.min.toFixed(1)}, max ${r.max.toFixed(1)}, n=${r.samples.length})`)
    console.log(`  IndexedDB-Prüfung (rohe API) der letzten Antwort: ${r.verified ? 'OK' : 'FEHLT'}`)
    console.log(`  budget p95 < ${BUDGET_SAVE_P95_MS} ms: ${saveOk ? 'OK' : 'EXCEEDED'}`)
    if (errors.length) console.log(`  Seitenfehler: ${errors.join(' | ')}`)
    out.answerSave = r
    out.ok &&= saveOk && r.verified && errors.length === 0
    if (!r.verified) out.failures.push('Antwort speichern: letzte Antwort nicht in IndexedDB gefunden')
    if (errors.length) out.failures.push(`Antwort speichern: Seitenfehler ${errors.join(' | ')}`)

    console.log(`\n== Startbildschirm kalt, Demo „Musterstadt“ (neuer Seitenaufruf bis Fortschrittstabelle und „Weitermachen“, ${START_RUNS} Läufe) ==`)
    const runs = []
    for (let i = 0; i < START_RUNS; i++) runs.push(await coldStart(page, server.baseURL))
    const ms = runs.map((r) => r.ms)
    out.demoStart = { runs, median: median(ms) }
    console.log(`  median ${out.demoStart.median.toFixed(0)} ms [${ms.map((x) => x.toFixed(0)).join(', ')}] (Tabelle/Weitermachen: ${runs.map((r) => `${r.tableMs.toFixed(0)}/${r.continueMs.toFixed(0)}`).join(', ')}) – Vergleichswert für die große Kommune`)
  } finally {
    await context?.close()
    removeProfile(profile)
    await server.stop()
  }
  return out
}

runIfMain(import.meta.url, runBrowserBench)
