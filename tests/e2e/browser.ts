/**
 * Helpers for the real-browser tests: a Chromium session with a persistent profile that records
 * console errors, page errors and every request (any host other than 127.0.0.1 is a failure: the
 * app promises that nothing leaves the device), plus an axe-core check for WCAG 2.1 A/AA.
 */
import AxeBuilder from '@axe-core/playwright'
import type { BrowserContext, ConsoleMessage, Page, Request } from 'playwright-core'
import { expect, inject } from 'vitest'
import { launchChromium, makeProfileDir, removeProfile } from './support.mjs'

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** Address of the `vite preview` server started by global-setup.ts (ends with '/'). */
export function baseURL(): string {
  const url = inject('baseURL') ?? process.env.E2E_BASE_URL
  if (!url) throw new Error('baseURL fehlt – läuft die Suite mit vitest.e2e.config.ts?')
  return url
}

/** Absolute URL of an app route (hash routing): appUrl('/setup') → http://127.0.0.1:port/#/setup */
export function appUrl(route = '/'): string {
  return `${baseURL()}#${route}`
}

export interface RecordedRequest {
  url: string
  method: string
  resourceType: string
  fromServiceWorker: boolean
}

export interface BrowserSession {
  context: BrowserContext
  page: Page
  userDataDir: string
  /** console.error messages (and console warnings about CSP) of all pages of the context. */
  consoleErrors: string[]
  /** Uncaught exceptions and unhandled rejections of all pages. */
  pageErrors: string[]
  /** Every request of the context, pages and service worker alike. */
  requests: RecordedRequest[]
  /** Requests whose URL does not point to 127.0.0.1 (should stay empty). */
  foreignRequests(): RecordedRequest[]
  /** Fails with a readable list if there were foreign requests, console errors or page errors. */
  assertClean(options?: { ignoreConsole?: RegExp[] }): void
  /** Closes the browser; the profile folder stays (for a relaunch with the same profile). */
  close(): Promise<void>
  /** Closes the browser and deletes the profile folder (unless keepProfile). */
  dispose(): Promise<void>
}

const ALLOWED_SCHEMES = new Set(['data:', 'blob:', 'about:'])

export function isLocalUrl(raw: string): boolean {
  let u: URL
  try {
    u = new URL(raw)
  } catch {
    return false
  }
  if (ALLOWED_SCHEMES.has(u.protocol)) return true
  return u.hostname === '127.0.0.1'
}

/**
 * Launches Chromium with a persistent profile. Without userDataDir a fresh temporary profile is made;
 * pass the same userDataDir again to reopen a profile (IndexedDB, service worker and cache survive).
 */
export async function openBrowser(options: { userDataDir?: string; keepProfile?: boolean } = {}): Promise<BrowserSession> {
  const userDataDir = options.userDataDir ?? makeProfileDir()
  const context = await launchChromium(userDataDir)
  context.setDefaultTimeout(15_000)
  context.setDefaultNavigationTimeout(30_000)
  const consoleErrors: string[] = []
  const pageErrors: string[] = []
  const requests: RecordedRequest[] = []

  const onConsole = (msg: ConsoleMessage): void => {
    const text = msg.text()
    if (msg.type() === 'error' || (msg.type() === 'warning' && /Content Security Policy/i.test(text))) {
      const where = msg.location()?.url ? ` (${msg.location().url})` : ''
      consoleErrors.push(`${text}${where}`)
    }
  }
  const onRequest = (req: Request): void => {
    requests.push({ url: req.url(), method: req.method(), resourceType: req.resourceType(), fromServiceWorker: req.serviceWorker() !== null })
  }
  context.on('console', onConsole)
  context.on('weberror', (err) => pageErrors.push(String(err.error()?.stack ?? err.error())))
  context.on('request', onRequest)

  const page = context.pages()[0] ?? (await context.newPage())
  let closed = false
  const close = async (): Promise<void> => {
    if (closed) return
    closed = true
    await context.close()
  }
  return {
    context,
    page,
    userDataDir,
    consoleErrors,
    pageErrors,
    requests,
    foreignRequests: () => requests.filter((r) => !isLocalUrl(r.url)),
    assertClean({ ignoreConsole = [] } = {}) {
      const foreign = requests.filter((r) => !isLocalUrl(r.url)).map((r) => `${r.method} ${r.url}${r.fromServiceWorker ? ' [service worker]' : ''}`)
      const consoleLeft = consoleErrors.filter((m) => !ignoreConsole.some((re) => re.test(m)))
      const problems = [
        ...foreign.map((x) => `Anfrage an fremden Host: ${x}`),
        ...consoleLeft.map((x) => `Konsolenfehler: ${x}`),
        ...pageErrors.map((x) => `Seitenfehler: ${x}`),
      ]
      expect(problems, problems.join('\n')).toEqual([])
    },
    close,
    async dispose() {
      await close()
      if (!options.keepProfile) removeProfile(userDataDir)
    },
  }
}

type StaleMarks = { __e2eStaleH1?: WeakSet<Element> }

/**
 * Opens a route and waits until the app has rendered the main heading of THAT screen. With hash
 * routing a route change keeps the document, so the heading of the previous screen is marked first
 * and only a new heading counts (otherwise axe might check the old screen).
 */
export async function gotoApp(page: Page, route = '/'): Promise<void> {
  const target = appUrl(route)
  const current = page.url()
  if (current.startsWith(baseURL())) {
    await page.evaluate(() => {
      ;(window as unknown as StaleMarks).__e2eStaleH1 = new WeakSet(document.querySelectorAll('main h1'))
    })
  }
  if (current === target) await page.reload()
  else await page.goto(target)
  await page.waitForFunction(() => {
    const stale = (window as unknown as StaleMarks).__e2eStaleH1
    return [...document.querySelectorAll('main h1')].some((h) => !stale?.has(h))
  })
}

/**
 * Runs axe-core with the WCAG 2.0/2.1 A and AA rules and fails with one line per violation
 * (rule id, impact, help and the CSS targets of every node).
 */
export async function expectNoA11yViolations(page: Page, screen: string): Promise<void> {
  const lines = await a11yViolations(page)
  expect(lines, `axe-Verstöße auf „${screen}“ (${page.url()}):\n${lines.join('\n')}`).toEqual([])
}

/**
 * Waits until the main region stops changing (async components such as the lazily loaded charts
 * have rendered): the same markup size and canvas count over three polls 100 ms apart.
 */
export async function waitForStableScreen(page: Page, timeout = 8_000): Promise<void> {
  const snapshot = () => page.evaluate(() => {
    const main = document.querySelector('main')
    return `${main?.innerHTML.length ?? 0}/${main?.querySelectorAll('canvas').length ?? 0}`
  })
  const until = Date.now() + timeout
  let last = await snapshot()
  let same = 0
  while (same < 3 && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100))
    const now = await snapshot()
    same = now === last ? same + 1 : 0
    last = now
  }
}

/** axe-core violations (WCAG 2.0/2.1 A, AA) as readable lines: "[impact] rule-id: help → targets". */
export async function a11yViolations(page: Page): Promise<string[]> {
  await waitForStableScreen(page)
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()
  return results.violations.map((v) => {
    const targets = v.nodes.map((n) => n.target.map(String).join(' ')).join(' | ')
    return `[${v.impact ?? '?'}] ${v.id}: ${v.help} → ${targets}`
  })
}

/** Polls a page-side condition (vitest's expect.poll with a readable timeout). */
export async function waitFor<T>(fn: () => Promise<T> | T, predicate: (v: T) => boolean, what: string, timeout = 10_000): Promise<T> {
  const until = Date.now() + timeout
  let last: T | undefined
  while (Date.now() < until) {
    last = await fn()
    if (predicate(last)) return last
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`Zeitüberschreitung (${timeout} ms) beim Warten auf: ${what}; zuletzt: ${JSON.stringify(last)}`)
}

/** Current value of data-save-count of the save indicator (number of committed answer writes). */
export async function saveCount(page: Page): Promise<number> {
  return Number((await page.getByTestId('save-state').getAttribute('data-save-count')) ?? '0')
}

/** Waits until at least `count` answer writes have committed and the indicator says "Gespeichert". */
export async function waitForSaved(page: Page, count: number): Promise<void> {
  const indicator = page.getByTestId('save-state')
  await waitFor(
    async () => ({ count: await saveCount(page), text: (await indicator.textContent()) ?? '' }),
    (s) => s.count >= count && /Gespeichert/.test(s.text),
    `${count} gespeicherte Antworten („Gespeichert“)`,
  )
}

/** Reads one assessment record straight from IndexedDB (raw API, no Dexie). */
export async function readAssessmentFromIndexedDb(page: Page, assessmentId: string): Promise<{ id: string; answers: Record<string, Record<string, unknown>> } | null> {
  return page.evaluate(
    (id) =>
      new Promise<{ id: string; answers: Record<string, Record<string, unknown>> } | null>((resolve, reject) => {
        const open = indexedDB.open('digitalisierungs-check')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const idb = open.result
          const tx = idb.transaction('assessments', 'readonly')
          const get = tx.objectStore('assessments').get(id)
          get.onsuccess = () => {
            resolve((get.result as { id: string; answers: Record<string, Record<string, unknown>> } | undefined) ?? null)
            idb.close()
          }
          get.onerror = () => reject(get.error)
        }
      }),
    assessmentId,
  )
}

/** The assessment id of the open questionnaire (route /assessment/:id). */
export function assessmentIdFromUrl(page: Page): string {
  const m = /#\/assessment\/([^?/]+)/.exec(page.url())
  if (!m?.[1]) throw new Error(`Kein Fragebogen geöffnet: ${page.url()}`)
  return decodeURIComponent(m[1])
}

/** Loads the demo municipality with the button on the start screen (confirming it where a real municipality is open). */
export async function loadDemoFromStart(page: Page): Promise<void> {
  await gotoApp(page, '/')
  await page.getByRole('button', { name: 'Demo „Musterstadt“ laden' }).click()
  const loaded = page.getByRole('status').filter({ hasText: 'Die Demo-Kommune „Musterstadt“ wurde geladen.' })
  const confirm = page.getByRole('dialog', { name: 'Demo-Kommune „Musterstadt“ hinzufügen?' })
  await loaded.or(confirm).first().waitFor()
  if (await confirm.isVisible()) await confirm.getByRole('button', { name: 'Demo hinzufügen' }).click()
  await loaded.waitFor()
  await page.getByRole('table', { name: 'Fachbereiche und Fortschritt' }).waitFor()
}

/**
 * Every record of every object store of the app database, read with the raw IndexedDB API
 * (store name → records in key order). For "nothing changed" checks.
 */
export async function dumpIndexedDb(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open('digitalisierungs-check')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const idb = open.result
          const names = [...idb.objectStoreNames]
          const out: Record<string, unknown[]> = {}
          const tx = idb.transaction(names, 'readonly')
          for (const name of names) {
            const req = tx.objectStore(name).getAll()
            req.onsuccess = () => {
              out[name] = req.result
            }
          }
          tx.oncomplete = () => {
            idb.close()
            resolve(out)
          }
          tx.onerror = () => reject(tx.error)
        }
      }),
  )
}

/** Writes one record { key, value } into the 'meta' store with the raw IndexedDB API. */
export async function putMetaInIndexedDb(page: Page, key: string, value: unknown): Promise<void> {
  await page.evaluate(
    ({ key, value }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('digitalisierungs-check')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const idb = open.result
          const tx = idb.transaction('meta', 'readwrite')
          tx.objectStore('meta').put({ key, value })
          tx.oncomplete = () => {
            idb.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
        }
      }),
    { key, value },
  )
}
