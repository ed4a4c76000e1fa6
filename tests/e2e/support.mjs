// Shared by the e2e tests (tests/e2e/*.ts) and the browser benchmark (bench/browser-bench.mjs):
// starting `vite preview` on a free loopback port and launching Debian's Chromium through
// playwright-core. Plain ESM so that the benchmark can use it without a TypeScript loader.
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const HOST = '127.0.0.1'
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
/** Flags for a quiet, sandbox-free headless Chromium on a machine with a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** A TCP port that is free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, HOST, () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => resolve(port))
    })
  })
}

async function waitForHttp(url, child, timeoutMs) {
  const until = Date.now() + timeoutMs
  let lastError
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`vite preview exited early with code ${child.exitCode}`)
    try {
      const res = await fetch(url)
      if (res.ok) return
      lastError = new Error(`HTTP ${res.status}`)
    } catch (e) {
      lastError = e
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs} ms: ${lastError}`)
}

/**
 * Serves the production build in dist/ with `vite preview --host 127.0.0.1 --port <free> --strictPort`.
 * Returns { baseURL, port, outDir, stop() }. Throws if dist/ is missing (run `npm run build` first).
 *
 * With snapshot (default) it serves a copy of dist/ in a temp folder, so that a rebuild during the
 * run (another terminal, a watcher) cannot swap chunk hashes under an open page.
 * E2E_DIST names another build folder instead of dist/.
 */
export async function startPreview({ timeoutMs = 30_000, snapshot = true } = {}) {
  // E2E_DIST lets parallel local work build into and test its own folder (`vite build --outDir …`).
  const dist = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.join(ROOT, 'dist')
  if (!existsSync(path.join(dist, 'index.html'))) {
    throw new Error('dist/index.html fehlt – bitte zuerst `npm run build` ausführen.')
  }
  let outDir = dist
  if (snapshot) {
    outDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'dc-dist-')), 'dist')
    cpSync(dist, outDir, { recursive: true })
  }
  const viteBin = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js')
  let lastErr
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort()
    // The vite CLI directly (what `npx vite` runs), so that stop() ends exactly this process.
    const child = spawn(process.execPath, [viteBin, 'preview', '--host', HOST, '--port', String(port), '--strictPort', '--outDir', outDir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', BROWSER: 'none' },
    })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    const baseURL = `http://${HOST}:${port}/`
    try {
      await waitForHttp(baseURL, child, timeoutMs)
    } catch (e) {
      child.kill('SIGTERM')
      lastErr = new Error(`${e.message}\n${output}`)
      continue // the port may have been taken in between; try another one
    }
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) {
        await new Promise((resolve) => {
          const t = setTimeout(() => child.kill('SIGKILL'), 5_000)
          child.once('exit', () => {
            clearTimeout(t)
            resolve()
          })
          child.kill('SIGTERM')
        })
      }
      if (snapshot) removeProfile(path.dirname(outDir))
    }
    return { baseURL, port, outDir, stop, pid: child.pid }
  }
  if (snapshot) removeProfile(path.dirname(outDir))
  throw lastErr
}

/** A new, empty Chromium profile directory (remove it with removeProfile). */
export function makeProfileDir(prefix = 'dc-e2e-') {
  return mkdtempSync(path.join(os.tmpdir(), prefix))
}

export function removeProfile(dir) {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 })
  } catch {
    // a leftover temp folder is harmless
  }
}

/** launchPersistentContext with Debian's Chromium and the flags above. Never downloads a browser. */
export async function launchChromium(userDataDir, options = {}) {
  const { chromium } = await import('playwright-core')
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    viewport: { width: 1280, height: 900 },
    ...options,
  })
}
