/**
 * The CouchDB double (tests/e2e/couch.mjs): pouchdb-server with admin party off, a provisioned
 * database behind the app server's same-origin /couchdb/ proxy, data that survives a restart,
 * and clean shutdown. No browser: plain fetch from node.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COUCH_ADMIN, basicAuth, provisionDatabase, startAppServer, startCouch, stopAll, type AppServer, type CouchDouble } from './couch.mjs'
import { ROOT, removeProfile } from './support.mjs'

const DIST = path.resolve(process.env.E2E_DIST ?? path.join(ROOT, 'dist'))
const ANNA = { name: 'anna', password: 'pw-anna' }
const annaJson = { Authorization: basicAuth(ANNA.name, ANNA.password), 'Content-Type': 'application/json', Accept: 'application/json' }
const BAD_LOGIN = { error: 'unauthorized', reason: 'Name or password is incorrect.' }

function isAlive(pid: number | undefined): boolean {
  if (pid === undefined) return false
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('CouchDB double', () => {
  let couch: CouchDouble
  let app: AppServer
  let db: string // http://127.0.0.1:<app>/couchdb/dc-test
  const pids: Array<number | undefined> = []

  beforeAll(async () => {
    couch = await startCouch()
    pids.push(couch.pid)
    await provisionDatabase(couch.url, { db: 'dc-test', user: ANNA.name, password: ANNA.password })
    app = await startAppServer({ dist: DIST, couchUrl: couch.url })
    db = `${app.couchURL}/dc-test`
  })

  afterAll(async () => {
    await stopAll(app, couch)
    removeProfile(couch.dir)
  })

  it('runs without admin party', async () => {
    const anonymous = await fetch(`${couch.url}/_config`)
    expect(anonymous.status).toBe(401)
    const wrongAdmin = await fetch(`${couch.url}/_session`, { headers: { Authorization: basicAuth(COUCH_ADMIN.name, 'nope') } })
    expect(wrongAdmin.status).toBe(401)
    expect(await wrongAdmin.json()).toEqual(BAD_LOGIN)
  })

  it('lets the member in through the proxy and keeps everybody else out', async () => {
    const member = await fetch(db, { headers: annaJson })
    expect(member.status).toBe(200)
    expect(await member.json()).toMatchObject({ db_name: 'dc-test' })

    const wrong = await fetch(db, { headers: { Authorization: basicAuth(ANNA.name, 'pw-wrong'), Accept: 'application/json' } })
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toEqual(BAD_LOGIN)

    const anonymous = await fetch(db, { headers: { Accept: 'application/json' } })
    expect(anonymous.status).toBe(401)
    expect(await anonymous.json()).toEqual({ error: 'unauthorized', reason: 'You are not authorized to access this db.' })
  })

  it('answers the requests replication needs, through the proxy', async () => {
    const put = await fetch(`${db}/doc-1`, { method: 'PUT', headers: annaJson, body: JSON.stringify({ title: 'Erfassung' }) })
    expect(put.status).toBe(201)
    const { rev } = (await put.json()) as { rev: string }
    expect(put.headers.get('location')).toBe(`${db}/doc-1`)

    const read = await fetch(`${db}/doc-1`, { headers: annaJson })
    expect(await read.json()).toMatchObject({ _id: 'doc-1', _rev: rev, title: 'Erfassung' })

    const bulk = await fetch(`${db}/_bulk_docs`, { method: 'POST', headers: annaJson, body: JSON.stringify({ docs: [{ _id: 'doc-2' }, { _id: 'doc-3' }] }) })
    expect(bulk.status).toBe(201)
    expect(await bulk.json()).toHaveLength(2)

    const diff = await fetch(`${db}/_revs_diff`, { method: 'POST', headers: annaJson, body: JSON.stringify({ 'doc-1': [rev, '2-abc'] }) })
    expect(await diff.json()).toEqual({ 'doc-1': { missing: ['2-abc'] } })

    const changes = await fetch(`${db}/_changes?style=all_docs`, { headers: annaJson })
    const feed = (await changes.json()) as { results: Array<{ id: string }> }
    expect(feed.results.map((r) => r.id).sort()).toEqual(['doc-1', 'doc-2', 'doc-3'])

    const local = await fetch(`${db}/_local/checkpoint`, { method: 'PUT', headers: annaJson, body: JSON.stringify({ last_seq: 3 }) })
    expect(local.status).toBe(201)
  })

  it('streams a long-poll _changes answer as soon as a change arrives', async () => {
    const poll = fetch(`${db}/_changes?feed=longpoll&since=now&timeout=20000`, { headers: annaJson })
    // Give the poll time to reach the server before the write it waits for.
    await new Promise((resolve) => setTimeout(resolve, 300))
    await fetch(`${db}/doc-live`, { method: 'PUT', headers: annaJson, body: '{}' })
    const res = await poll
    expect(res.status).toBe(200)
    const body = (await res.json()) as { results: Array<{ id: string }> }
    expect(body.results.map((r) => r.id)).toEqual(['doc-live'])
  })

  it('refuses database creation by a member without crashing (pouchdb-server#374)', async () => {
    const create = await fetch(`${app.couchURL}/other-db`, { method: 'PUT', headers: annaJson })
    expect(create.status).toBe(401)
    expect(await create.json()).toEqual({ error: 'unauthorized', reason: 'You are not a server admin.' })
    expect((await fetch(db, { headers: annaJson })).status).toBe(200)
  })

  it('serves the build next to the proxy', async () => {
    const index = await fetch(app.baseURL)
    expect(index.status).toBe(200)
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await index.text()).toBe(readFileSync(path.join(DIST, 'index.html'), 'utf8'))

    const manifest = await fetch(`${app.baseURL}manifest.webmanifest`)
    expect(manifest.headers.get('content-type')).toBe('application/manifest+json; charset=utf-8')

    expect((await fetch(`${app.baseURL}no-such-file.js`)).status).toBe(404)
    // An existing file outside the build must stay out of reach.
    const outside = encodeURIComponent(path.relative(DIST, path.join(ROOT, 'package.json')))
    expect((await fetch(`${app.baseURL}${outside}`)).status).toBe(404)
  })

  it('keeps its data over a restart on the same port, and answers 502 while down', async () => {
    await couch.stop()
    expect(isAlive(couch.pid)).toBe(false)
    const down = await fetch(db, { headers: annaJson })
    expect(down.status).toBe(502)
    await down.text()

    couch = await startCouch({ dir: couch.dir, port: couch.port })
    pids.push(couch.pid)
    const doc = await fetch(`${db}/doc-1`, { headers: annaJson })
    expect(doc.status).toBe(200)
    expect(await doc.json()).toMatchObject({ _id: 'doc-1', title: 'Erfassung' })
  })

  it('follows setCouchUrl to a server restarted on another port', async () => {
    await couch.stop()
    couch = await startCouch({ dir: couch.dir })
    pids.push(couch.pid)
    app.setCouchUrl(couch.url)
    const doc = await fetch(`${db}/doc-1`, { headers: annaJson })
    expect(doc.status).toBe(200)
    expect(await doc.json()).toMatchObject({ _id: 'doc-1' })
  })

  it('stops everything it started', async () => {
    await stopAll(app, couch)
    for (const pid of pids) expect(isAlive(pid)).toBe(false)
    await expect(fetch(app.baseURL)).rejects.toThrow()
  })
})
