/**
 * Shared pieces of the browser benchmarks (bench/browser-bench.mjs, bench/large-bench.mjs):
 * which build is measured (BENCH_DIST), the page-side instrumentation every benchmark page gets
 * from its first byte (long tasks, layout shifts, start-screen readiness), waiting for an idle main
 * thread, the JS a page really requests, and cold loads of a screen.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import zlib from 'node:zlib'
import { ROOT } from '../tests/e2e/support.mjs'

/** The production build the benchmark reads and serves: BENCH_DIST, default dist/. */
export const DIST = path.resolve(process.env.BENCH_DIST || path.join(ROOT, 'dist'))
// tests/e2e/support.mjs startPreview() serves E2E_DIST: point it at the same build.
process.env.E2E_DIST = DIST

export const gzipSize = (buf) => zlib.gzipSync(buf, { level: 9 }).length
export const kb = (bytes) => (bytes / 1024).toFixed(1)

/** Stable texts of the start screen (German UI, see src/i18n/de.ts start.*). */
export const START_TABLE_CAPTION = 'Fachbereiche und Fortschritt'
export const CONTINUE_TEXT = 'Weitermachen'

/**
 * Installed with context.addInitScript, so it runs in every document before the app:
 * - window.__bench.longtasks: every long task (PerformanceObserver 'longtask', buffered);
 * - window.__bench.shifts: every layout shift without recent input ('layout-shift', buffered);
 * - window.__bench.startTableAt / startContinueAt: performance.now() when the start screen's
 *   progress table (with rows) and its "Weitermachen" button first appeared in this document
 *   (only for documents loaded on the start screen; the observer ends after 60 s);
 * - window.__benchWait(test): resolves with performance.now() when test() first holds (checked on
 *   every DOM mutation);
 * - window.__benchIdle(): resolves after two animation frames and two idle callbacks in a row that
 *   had at least 40 ms of idle time, i.e. when the main thread is quiet.
 */
export function pageInit({ caption, continueText }) {
  if (window.__bench) return
  const bench = { longtasks: [], shifts: [], startTableAt: null, startContinueAt: null }
  window.__bench = bench
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longtasks.push({ start: e.startTime, duration: e.duration })
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    bench.longtaskUnsupported = true
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) bench.shifts.push({ at: e.startTime, value: e.value })
    }).observe({ type: 'layout-shift', buffered: true })
  } catch {
    bench.layoutShiftUnsupported = true
  }
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
      obs.observe(document, { childList: true, subtree: true, attributes: true, characterData: true })
    })
  window.__benchIdle = (capMs = 5000) =>
    new Promise((resolve) => {
      let quiet = 0
      // A page that never goes quiet (an animation) must not hang the benchmark.
      setTimeout(() => resolve(performance.now()), capMs)
      const step = () =>
        requestIdleCallback(
          (deadline) => {
            quiet = !deadline.didTimeout && deadline.timeRemaining() >= 40 ? quiet + 1 : 0
            if (quiet >= 2) resolve(performance.now())
            else setTimeout(step, 20)
          },
          { timeout: 1000 },
        )
      requestAnimationFrame(() => requestAnimationFrame(step))
    })
  // Content tests of the analysis screens (a count, or null while not shown), installed here and
  // not passed as source: the app's CSP forbids eval. Keys as in bench/large-bench.mjs SCREENS.
  const distinct = (els) => new Set([...els].map((e) => e.getAttribute('data-measure'))).size
  window.__benchCounts = {
    dashboard: () => document.querySelectorAll('main [data-testid="ranking"] tbody tr').length || null,
    results: () => document.querySelectorAll('main [data-testid="org-departments"] tbody tr').length || null,
    department: () => document.querySelectorAll('main [data-testid="dimension-table"] tbody tr').length || null,
    recommendations: () => {
      const m = /(\d[\d.]*)/.exec(document.querySelector('main [data-testid="rec-count"]')?.textContent ?? '')
      if (!m) return null
      const n = Number(m[1].replace(/\./g, ''))
      return n === 0 || document.querySelector('main [data-measure] h3, main .rec-list > li h3') ? n : null
    },
    roadmap: () => distinct(document.querySelectorAll('main [data-measure]')) || null,
    report: () => (document.querySelector('main [data-testid="report"]') ? distinct(document.querySelectorAll('main [data-testid="report"] [data-measure]')) || null : null),
    agenda: () => (document.querySelector('main [data-testid="agenda-name"]') || document.querySelector('main form h2') ? 1 : null),
  }
  /** Is the round's name shown: the selected option of a round picker, else anywhere in the text of main. */
  window.__benchRoundShown = (name) => {
    const main = document.querySelector('main') ?? document.body
    const selects = [...main.querySelectorAll('select')].filter((s) => [...s.options].some((o) => o.textContent.trim() === name))
    if (selects.length) return selects.some((s) => s.selectedOptions[0]?.textContent.trim() === name)
    return main.innerText.includes(name)
  }
  if (location.hash === '' || location.hash === '#/' || location.hash === '#') {
    const check = () => {
      if (bench.startTableAt === null) {
        const table = [...document.querySelectorAll('main table')].find((t) => t.caption?.textContent?.trim() === caption)
        if (table && table.querySelector('tbody tr')) bench.startTableAt = performance.now()
      }
      if (bench.startContinueAt === null && [...document.querySelectorAll('main button')].some((b) => (b.textContent ?? '').includes(continueText))) {
        bench.startContinueAt = performance.now()
      }
      return bench.startTableAt !== null && bench.startContinueAt !== null
    }
    const obs = new MutationObserver(() => {
      if (check()) obs.disconnect()
    })
    obs.observe(document, { childList: true, subtree: true, characterData: true })
    // Only the start screen of this page load counts: leaving it or 60 s end the observer.
    window.addEventListener('hashchange', () => obs.disconnect(), { once: true })
    setTimeout(() => obs.disconnect(), 60_000)
  }
}

/** Adds the instrumentation above to every page of the context (call before the first goto). */
export async function instrument(context) {
  await context.addInitScript(pageInit, { caption: START_TABLE_CAPTION, continueText: CONTINUE_TEXT })
}

/** Waits until the page's main thread is idle (see __benchIdle). */
export async function waitIdle(page) {
  await page.evaluate(() => window.__benchIdle())
}

/** The longest long task that overlaps [from, to] (page clock), in ms; 0 if there was none. */
export async function longestTask(page, from, to) {
  return page.evaluate(
    ({ from, to }) => {
      if (window.__bench.longtaskUnsupported) return null
      const hits = window.__bench.longtasks.filter((t) => t.start < to && t.start + t.duration > from)
      return hits.reduce((m, t) => Math.max(m, t.duration), 0)
    },
    { from, to },
  )
}

/** Sum of the layout shifts without recent input in this document so far (CLS of the page load). */
export async function layoutShiftSum(page) {
  return page.evaluate(() => (window.__bench.layoutShiftUnsupported ? null : window.__bench.shifts.reduce((s, x) => s + x.value, 0)))
}

/**
 * Records every JavaScript response the page receives (page 'response' events: what Chromium
 * really requests for this page, served from network, HTTP cache or service worker). stop()
 * returns [{ file, gzip, raw, at }] with gzip -9 of the served file in DIST and the Node-side
 * Date.now() of the response.
 */
export function recordJs(page, baseURL) {
  const urls = new Map()
  const onResponse = (response) => {
    const url = new URL(response.url())
    if (url.origin === new URL(baseURL).origin && url.pathname.endsWith('.js') && !urls.has(url.pathname)) urls.set(url.pathname, Date.now())
  }
  page.on('response', onResponse)
  return {
    stop() {
      page.off('response', onResponse)
      return [...urls].map(([p, at]) => {
        const file = path.join(DIST, decodeURIComponent(p).replace(/^\/+/, ''))
        if (!existsSync(file)) return { file: p, raw: 0, gzip: 0, at, missing: true }
        const buf = readFileSync(file)
        return { file: p.replace(/^\/+/, ''), raw: buf.length, gzip: gzipSize(buf), at }
      })
    },
  }
}

/** Waits until no request of the page has been pending for `quietMs`. */
export async function networkQuiet(page, quietMs = 500, timeoutMs = 30_000) {
  let pending = 0
  let last = Date.now()
  const up = () => {
    pending++
    last = Date.now()
  }
  const down = () => {
    pending = Math.max(0, pending - 1)
    last = Date.now()
  }
  page.on('request', up)
  page.on('requestfinished', down)
  page.on('requestfailed', down)
  const until = Date.now() + timeoutMs
  try {
    while (Date.now() < until && (pending > 0 || Date.now() - last < quietMs)) await new Promise((r) => setTimeout(r, 50))
  } finally {
    page.off('request', up)
    page.off('requestfinished', down)
    page.off('requestfailed', down)
  }
}

/** A new document for `url` (about:blank first, so that a hash-only difference still reloads). */
export async function freshLoad(page, url) {
  await page.goto('about:blank')
  await page.goto(url)
}

/**
 * Cold start screen: a new page load of the start screen until the progress table (with rows) and
 * the "Weitermachen" card are shown, timed from the navigation start (page clock 0). Also the
 * layout shifts of that load (after the main thread went idle). Returns { ms, tableMs, continueMs, cls }.
 */
export async function coldStart(page, baseURL, timeoutMs = 60_000) {
  await freshLoad(page, baseURL)
  await page.waitForFunction(() => window.__bench && window.__bench.startTableAt !== null && window.__bench.startContinueAt !== null, null, { timeout: timeoutMs, polling: 100 })
  await waitIdle(page)
  await page.waitForTimeout(300)
  const r = await page.evaluate(() => ({ tableMs: window.__bench.startTableAt, continueMs: window.__bench.startContinueAt }))
  return { ms: Math.max(r.tableMs, r.continueMs), ...r, cls: await layoutShiftSum(page) }
}

/**
 * Runs `run` when `moduleUrl` is the script node was started with (`node bench/x.mjs`), reporting
 * its failures; a module imported by bench/run.mjs does nothing.
 */
export function runIfMain(moduleUrl, run) {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(path.resolve(process.argv[1])).href) return
  run()
    .then((r) => {
      for (const f of r.failures) console.error(`Fehlgeschlagen: ${f}`)
      process.exitCode = r.failures.length ? 1 : 0
    })
    .catch((e) => {
      console.error(e)
      process.exitCode = 1
    })
}
