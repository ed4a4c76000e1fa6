// A local CouchDB double for the browser tests and the benchmark: pouchdb-server (CouchDB HTTP and
// replication API, installed in tools/couch-double) on 127.0.0.1 with admin party off, plus a small
// app server that serves a production build and reverse-proxies /couchdb/ to it under the same
// origin, as the municipal reverse proxy does (so the app's CSP `connect-src 'self'` holds).
// Plain ESM, like support.mjs, so that the benchmark can use it without a TypeScript loader.
//
// Install once: npm ci --ignore-scripts --no-audit --no-fund --prefix tools/couch-double
import { spawn } from 'node:child_process'
import { createReadStream, existsSync, statSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { HOST, ROOT, freePort, makeProfileDir, removeProfile } from './support.mjs'

/** The server admin every double is started with (admin party is off). */
export const COUCH_ADMIN = Object.freeze({ name: 'admin', password: 'admin-pw' })
/** Path prefix under which startAppServer forwards requests to CouchDB. */
export const COUCH_PROXY_PREFIX = '/couchdb'

const COUCH_DIR = path.join(ROOT, 'tools', 'couch-double')
const LAUNCHER = path.join(COUCH_DIR, 'server.mjs')
const STOP_GRACE_MS = 5_000

/** Every child started here and not yet stopped, and the temp folders created for them. */
const running = new Set()
const createdDirs = new Set()

// Last resort against stray servers when a test run dies without calling stop().
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

/** `Basic …` header value for name/password. */
export function basicAuth(name, password) {
  return 'Basic ' + Buffer.from(`${name}:${password}`).toString('base64')
}

function stripSlash(url) {
  return url.replace(/\/+$/, '')
}

async function waitForCouch(url, child, timeoutMs, output) {
  const until = Date.now() + timeoutMs
  let lastError
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`pouchdb-server exited early (${child.exitCode ?? child.signalCode})\n${output()}`)
    }
    try {
      const res = await fetch(url + '/')
      await res.arrayBuffer()
      if (res.ok) return
      lastError = new Error(`HTTP ${res.status}`)
    } catch (e) {
      lastError = e
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`pouchdb-server did not answer at ${url} within ${timeoutMs} ms: ${lastError}\n${output()}`)
}

function stopChild(child) {
  running.delete(child)
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const t = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS)
    child.once('exit', () => {
      clearTimeout(t)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/**
 * Starts pouchdb-server on 127.0.0.1 with its LevelDB files, config.json and log.txt in `dir`
 * (a new temp folder unless given). Admin party is off: the server admin is COUCH_ADMIN.
 * Pass the `dir` and `port` of a stopped server to restart it with its data on the same address.
 * Returns { url, port, dir, pid, stop(), output() }; stop() keeps `dir` (see stopAll / removeProfile).
 */
export async function startCouch({ dir, port, timeoutMs = 30_000 } = {}) {
  if (!existsSync(path.join(COUCH_DIR, 'node_modules', 'pouchdb-server', 'package.json'))) {
    throw new Error('pouchdb-server is missing – run `npm ci --ignore-scripts --no-audit --no-fund --prefix tools/couch-double` first.')
  }
  if (!dir) {
    dir = makeProfileDir('dc-couch-')
    createdDirs.add(dir)
  }
  const configPath = path.join(dir, 'config.json')
  // A plain-text admin password in config.json is hashed (pbkdf2) by the server when it starts, so
  // admin party is off from the first request on; a restart finds the hashed entry and keeps it.
  if (!existsSync(configPath)) {
    writeFileSync(configPath, JSON.stringify({ admins: { [COUCH_ADMIN.name]: COUCH_ADMIN.password } }, null, 2))
  }
  const fixedPort = port !== undefined
  let lastErr
  for (let attempt = 0; attempt < (fixedPort ? 1 : 3); attempt++) {
    const usePort = fixedPort ? port : await freePort()
    const args = [LAUNCHER, '--host', HOST, '--port', String(usePort), '--dir', dir + path.sep, '--config', configPath, '--no-stdout-logs', '--no-color']
    const child = spawn(process.execPath, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } })
    running.add(child)
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (out += d))
    const output = () => out
    const url = `http://${HOST}:${usePort}`
    try {
      await waitForCouch(url, child, timeoutMs, output)
      const session = await fetch(url + '/_session', { headers: { Authorization: basicAuth(COUCH_ADMIN.name, COUCH_ADMIN.password) } })
      const body = await session.json()
      if (!body.userCtx?.roles?.includes('_admin')) throw new Error(`admin login failed: ${JSON.stringify(body)}`)
    } catch (e) {
      await stopChild(child)
      lastErr = e
      continue // the port may have been taken in between; try another one
    }
    return { url, port: usePort, dir, pid: child.pid, output, stop: () => stopChild(child) }
  }
  throw lastErr
}

async function couchRequest(url, method, auth, body) {
  const res = await fetch(url, {
    method,
    headers: { Authorization: auth, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: await res.json() }
}

/**
 * As COUCH_ADMIN: creates or updates the user `org.couchdb.user:<user>` in _users, creates
 * database `db` if it is missing and makes `user` its only member (no db admins).
 * Returns { url, db, user, password } where url is the database URL without credentials.
 */
export async function provisionDatabase(couchUrl, { db, user, password, admin = COUCH_ADMIN }) {
  const base = stripSlash(couchUrl)
  const auth = basicAuth(admin.name, admin.password)
  const userUrl = `${base}/_users/${encodeURIComponent('org.couchdb.user:' + user)}`
  const existing = await couchRequest(userUrl, 'GET', auth)
  const userDoc = { _id: `org.couchdb.user:${user}`, name: user, password, type: 'user', roles: [] }
  if (existing.status === 200) userDoc._rev = existing.body._rev
  const putUser = await couchRequest(userUrl, 'PUT', auth, userDoc)
  if (putUser.status !== 201 && putUser.status !== 202) throw new Error(`creating user ${user}: ${putUser.status} ${JSON.stringify(putUser.body)}`)
  const dbUrl = `${base}/${encodeURIComponent(db)}`
  const putDb = await couchRequest(dbUrl, 'PUT', auth)
  if (putDb.status !== 201 && putDb.status !== 412) throw new Error(`creating db ${db}: ${putDb.status} ${JSON.stringify(putDb.body)}`)
  const security = { admins: { names: [], roles: [] }, members: { names: [user], roles: [] } }
  const putSec = await couchRequest(`${dbUrl}/_security`, 'PUT', auth, security)
  if (putSec.status !== 200) throw new Error(`securing db ${db}: ${putSec.status} ${JSON.stringify(putSec.body)}`)
  return { url: dbUrl, db, user, password }
}

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

// Connection-level headers are not forwarded (RFC 9110 §7.6.1); node sets its own.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade'])

function forwardHeaders(headers) {
  const out = {}
  for (const [name, value] of Object.entries(headers)) {
    if (!HOP_BY_HOP.has(name.toLowerCase()) && value !== undefined) out[name] = value
  }
  return out
}

// What nginx answers when its upstream refuses the connection.
const BAD_GATEWAY_BODY = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n'

function serveStatic(dist, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method Not Allowed')
    return
  }
  let pathname
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname)
  } catch {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad Request')
    return
  }
  if (pathname.endsWith('/')) pathname += 'index.html'
  const file = path.join(dist, pathname)
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()]
  let stat
  try {
    stat = (file.startsWith(dist + path.sep) && type && statSync(file)) || undefined
  } catch {
    stat = undefined
  }
  if (!stat?.isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }).end('Not Found')
    return
  }
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': stat.size, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' })
  if (req.method === 'HEAD') res.end()
  else createReadStream(file).pipe(res)
}

/**
 * A node:http server on a free 127.0.0.1 port that serves the build in `dist` (default: E2E_DIST
 * or dist/) and forwards everything under /couchdb/ to `couchUrl` with the prefix stripped:
 * method, headers (incl. Authorization), body and the streamed answer with its status code.
 * When CouchDB cannot be reached it answers 502 with nginx's HTML page; if CouchDB goes away in the
 * middle of an answer, the connection to the browser is cut.
 * Returns { baseURL, couchURL, port, setCouchUrl(url), stop() }.
 */
export async function startAppServer({ dist, couchUrl } = {}) {
  const root = path.resolve(dist ?? process.env.E2E_DIST ?? path.join(ROOT, 'dist'))
  if (!existsSync(path.join(root, 'index.html'))) throw new Error(`${root}/index.html is missing – build the app first.`)
  let upstream = couchUrl ? new URL(stripSlash(couchUrl)) : undefined
  const agent = new http.Agent({ keepAlive: true })
  let baseURL = ''

  const proxy = (req, res) => {
    let rest = req.url.slice(COUCH_PROXY_PREFIX.length)
    if (!rest.startsWith('/')) rest = '/' + rest
    if (!upstream) {
      res.writeHead(502, { 'Content-Type': 'text/html' }).end(BAD_GATEWAY_BODY)
      return
    }
    const target = upstream
    const upstreamReq = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: target.pathname.replace(/\/$/, '') + rest,
        headers: { ...forwardHeaders(req.headers), host: target.host },
      },
      (upstreamRes) => {
        const headers = forwardHeaders(upstreamRes.headers)
        // proxy_redirect: a Location that points at CouchDB itself must point at the proxy.
        const location = headers.location
        if (typeof location === 'string' && location.startsWith(target.origin)) {
          headers.location = baseURL.replace(/\/$/, '') + COUCH_PROXY_PREFIX + location.slice(target.origin.length)
        }
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, headers)
        res.flushHeaders() // long-poll _changes: the browser sees the status before the first change
        upstreamRes.pipe(res)
        upstreamRes.on('error', () => res.destroy())
        upstreamRes.on('aborted', () => res.destroy())
      },
    )
    upstreamReq.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/html' }).end(BAD_GATEWAY_BODY)
      else res.destroy()
    })
    // The browser gave up (e.g. PouchDB cancelled a long poll): drop the upstream request too.
    res.on('close', () => {
      if (!res.writableFinished) upstreamReq.destroy()
    })
    req.pipe(upstreamReq)
  }

  const server = http.createServer((req, res) => {
    const url = req.url ?? '/'
    if (url === COUCH_PROXY_PREFIX || url.startsWith(COUCH_PROXY_PREFIX + '/') || url.startsWith(COUCH_PROXY_PREFIX + '?')) proxy(req, res)
    else serveStatic(root, req, res)
  })
  const port = await freePort()
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, HOST, resolve)
  })
  baseURL = `http://${HOST}:${port}/`
  return {
    baseURL,
    couchURL: `http://${HOST}:${port}${COUCH_PROXY_PREFIX}`,
    port,
    setCouchUrl(url) {
      upstream = url ? new URL(stripSlash(url)) : undefined
    },
    stop() {
      return new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
        agent.destroy()
      })
    },
  }
}

/** Stops the given CouchDB doubles / app servers and removes the temp folders startCouch created. */
export async function stopAll(...servers) {
  await Promise.all(servers.filter(Boolean).map((s) => s.stop()))
  await Promise.all([...running].map((child) => stopChild(child)))
  for (const dir of createdDirs) removeProfile(dir)
  createdDirs.clear()
}
