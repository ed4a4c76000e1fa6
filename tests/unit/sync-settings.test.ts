// Synchronisation settings (domain/sync/settings.ts): what the settings screen accepts, the database
// address derived from it, the suggested database name and how request errors are told apart.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { checkSettings, classifyError, databaseUrl, normaliseSettings, suggestDatabaseName } from '@/domain/sync/settings'
import type { SyncError, SyncSettings, SyncSettingsIssue } from '@/domain/sync/types'

const PAGE = 'https://check.kreis.de/app/#/sync'
const settings = (over: Partial<SyncSettings> = {}): SyncSettings => ({ url: 'https://couch.kreis.de', db: 'dc-kreis', user: 'hauptamt', enabled: true, ...over })

describe('checkSettings', () => {
  it.each<[string, SyncSettingsIssue[]]>([
    ['', [{ field: 'url', code: 'required' }]],
    ['   ', [{ field: 'url', code: 'required' }]],
    ['ftp://x', [{ field: 'url', code: 'invalidUrl' }]],
    ['javascript:alert(1)', [{ field: 'url', code: 'invalidUrl' }]],
    ['https://', [{ field: 'url', code: 'invalidUrl' }]],
    ['couch.kreis.de', [{ field: 'url', code: 'invalidUrl' }]],
    ['couchdb', [{ field: 'url', code: 'invalidUrl' }]],
    ['//evil.example', [{ field: 'url', code: 'invalidUrl' }]],
    ['//evil.example/couchdb', [{ field: 'url', code: 'invalidUrl' }]],
    ['http://couch.kreis.de', [{ field: 'url', code: 'insecure' }]],
    ['http://localhost.evil.example:5984', [{ field: 'url', code: 'insecure' }]],
    ['http://10.0.0.5:5984', [{ field: 'url', code: 'insecure' }]],
    ['http://localhost:5984', []],
    ['HTTP://LOCALHOST:5984', []],
    ['http://127.0.0.1:5984/', []],
    ['http://[::1]:5984', []],
    ['https://user:pw@x', [{ field: 'url', code: 'credentialsInUrl' }]],
    ['https://user@couch.kreis.de', [{ field: 'url', code: 'credentialsInUrl' }]],
    ['http://user:pw@couch.kreis.de', [{ field: 'url', code: 'credentialsInUrl' }]],
    ['https://couch.kreis.de', []],
    ['https://couch.kreis.de:6984/couchdb/', []],
    [' https://couch.kreis.de ', []],
    ['/couchdb', []],
    ['/couchdb/', []],
    ['/', []],
  ])('url %j → %j', (url, issues) => {
    expect(checkSettings(settings({ url }))).toEqual(issues)
  })

  // Suspected bug: these pass as "a path on the app's own origin", but the URL parser reads a
  // backslash (or a slash after an inner tab/newline) as "//": the database address, and with it
  // the password, goes to another host.
  it.each(['/\\evil.example', '/\t/evil.example', '/\n/evil.example', '/\\evil.example/couchdb'])('url %j → invalidUrl (it leaves the origin)', (url) => {
    expect(new URL(url, PAGE).origin).toBe('https://evil.example')
    expect(checkSettings(settings({ url }))).toEqual([{ field: 'url', code: 'invalidUrl' }])
  })

  it('an accepted path always gives a database address on the page origin (property)', () => {
    const path = fc.string({ unit: fc.constantFrom('/', '\\', '\t', '\n', '.', 'a', '%', ' ', '?', '#', '@', ':'), minLength: 1, maxLength: 8 }).map((p) => `/${p}`)
    fc.assert(
      fc.property(path, (url) => {
        fc.pre(checkSettings(settings({ url })).length === 0)
        expect(new URL(databaseUrl(settings({ url }), PAGE)).origin).toBe('https://check.kreis.de')
      }),
      { numRuns: 500 },
    )
  })

  const long = (n: number) => `d${'b'.repeat(n - 1)}`
  it.each<[string, SyncSettingsIssue[]]>([
    ['dc-kreis', []],
    ['a', []],
    ['dc_kreis$(1)+2/3-x', []],
    [' dc-kreis ', []],
    [long(238), []],
    [long(239), [{ field: 'db', code: 'invalidName' }]],
    ['', [{ field: 'db', code: 'required' }]],
    ['Dc', [{ field: 'db', code: 'invalidName' }]],
    ['dc-Kreis', [{ field: 'db', code: 'invalidName' }]],
    ['1abc', [{ field: 'db', code: 'invalidName' }]],
    ['_users', [{ field: 'db', code: 'invalidName' }]],
    ['-dc', [{ field: 'db', code: 'invalidName' }]],
    ['dc kreis', [{ field: 'db', code: 'invalidName' }]],
    ['dc.kreis', [{ field: 'db', code: 'invalidName' }]],
    ['dc-köln', [{ field: 'db', code: 'invalidName' }]],
  ])('db %j → %j', (db, issues) => {
    expect(checkSettings(settings({ db }))).toEqual(issues)
  })

  it.each<[string, SyncSettingsIssue[]]>([
    ['hauptamt', []],
    ['', [{ field: 'user', code: 'required' }]],
    ['   ', [{ field: 'user', code: 'required' }]],
  ])('user %j → %j', (user, issues) => {
    expect(checkSettings(settings({ user }))).toEqual(issues)
  })

  it('all three fields wrong: one issue each, in field order', () => {
    expect(checkSettings({ url: 'ftp://x', db: '', user: ' ', enabled: false })).toEqual([
      { field: 'url', code: 'invalidUrl' },
      { field: 'db', code: 'required' },
      { field: 'user', code: 'required' },
    ])
  })

  it('normaliseSettings trims the three texts and keeps the switch', () => {
    expect(normaliseSettings({ url: ' /couchdb ', db: ' dc-kreis\n', user: '\thauptamt ', enabled: false })).toEqual({ url: '/couchdb', db: 'dc-kreis', user: 'hauptamt', enabled: false })
  })
})

describe('databaseUrl', () => {
  it.each<[Partial<SyncSettings>, string, string]>([
    [{ url: '/couchdb/' }, PAGE, 'https://check.kreis.de/couchdb/dc-kreis'],
    [{ url: '/couchdb' }, PAGE, 'https://check.kreis.de/couchdb/dc-kreis'],
    [{ url: '/' }, PAGE, 'https://check.kreis.de/dc-kreis'],
    [{ url: '/couchdb//' }, 'http://localhost:5173/', 'http://localhost:5173/couchdb/dc-kreis'],
    [{ url: 'https://couch.kreis.de' }, PAGE, 'https://couch.kreis.de/dc-kreis'],
    [{ url: ' https://couch.kreis.de:6984/couch/?x=1#top ' }, PAGE, 'https://couch.kreis.de:6984/couch/dc-kreis'],
    [{ url: '/couchdb', db: 'kreis/dc' }, PAGE, 'https://check.kreis.de/couchdb/kreis%2Fdc'],
    [{ url: '/couchdb', db: 'dc$(a)+b' }, PAGE, 'https://check.kreis.de/couchdb/dc%24(a)%2Bb'],
    [{ url: '/couchdb', db: ' dc-kreis ' }, PAGE, 'https://check.kreis.de/couchdb/dc-kreis'],
  ])('%j on %s → %s', (over, page, expected) => {
    expect(databaseUrl(settings(over), page)).toBe(expected)
  })
})

describe('suggestDatabaseName', () => {
  it.each([
    ['Landkreis Märkisch-Oderland', 'dc-landkreis-maerkisch-oderland'],
    ['Stadt Köln', 'dc-stadt-koeln'],
    ['Gemeinde Weißenburg i. Bay.', 'dc-gemeinde-weissenburg-i-bay'],
    ['ÜBERLINGEN', 'dc-ueberlingen'],
    ['Île-de-France', 'dc-ile-de-france'],
    ['  Kreis  Höxter  (Verwaltung) ', 'dc-kreis-hoexter-verwaltung'],
    ['Samtgemeinde 2000', 'dc-samtgemeinde-2000'],
    ['', 'dc'],
    ['---', 'dc'],
    ['東京', 'dc'],
  ])('%j → %j', (name, expected) => {
    expect(suggestDatabaseName(name)).toBe(expected)
  })

  it('a long name is cut to 238 characters without a trailing hyphen', () => {
    const name = suggestDatabaseName(`${'a'.repeat(234)} bcd`)
    expect(name).toBe(`dc-${'a'.repeat(234)}`)
    expect(name).toHaveLength(237)
  })

  it('every suggestion is a valid database name (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (orgName) => {
        expect(checkSettings(settings({ db: suggestDatabaseName(orgName) }))).toEqual([])
      }),
      { numRuns: 300 },
    )
  })
})

describe('classifyError', () => {
  const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError')
  it.each<[string, unknown, SyncError]>([
    ['401', { status: 401, name: 'unauthorized' }, { code: 'unauthorized', status: 401 }],
    ['name unauthorized without status', { name: 'unauthorized' }, { code: 'unauthorized', status: 401 }],
    ['403', { status: 403, name: 'forbidden' }, { code: 'forbidden', status: 403 }],
    ['404', { status: 404, name: 'not_found' }, { code: 'notFound', status: 404 }],
    ['502', { status: 502 }, { code: 'unreachable', status: 502 }],
    ['503', { status: 503 }, { code: 'unreachable', status: 503 }],
    ['504', { status: 504 }, { code: 'unreachable', status: 504 }],
    ['500', { status: 500, name: 'unknown_error' }, { code: 'server', status: 500 }],
    ['501', { status: 501 }, { code: 'server', status: 501 }],
    ['TypeError without status (fetch: nothing answers)', new TypeError('Failed to fetch'), { code: 'unreachable', status: null }],
    ['PouchDB unknown_error, status 0', { status: 0, name: 'unknown_error' }, { code: 'unreachable', status: null }],
    ['AbortError', { name: 'AbortError' }, { code: 'unreachable', status: null }],
    ['QuotaExceededError', quota, { code: 'storage', status: null }],
    ['indexed_db_went_bad', { name: 'indexed_db_went_bad', status: 500 }, { code: 'server', status: 500 }],
    ['indexed_db_went_bad without status', { name: 'indexed_db_went_bad' }, { code: 'storage', status: null }],
    ['418', { status: 418 }, { code: 'invalidResponse', status: 418 }],
    ['400 bad_request', { status: 400, name: 'bad_request' }, { code: 'invalidResponse', status: 400 }],
    ['200 (no error status)', { status: 200 }, { code: 'unknown', status: 200 }],
    ['status as text', { status: '401' }, { code: 'unknown', status: null }],
    ['{}', {}, { code: 'unknown', status: null }],
    ['null', null, { code: 'unknown', status: null }],
    ['a string', 'boom', { code: 'unknown', status: null }],
    ['an Error', new Error('boom'), { code: 'unknown', status: null }],
  ])('%s', (_, err, expected) => {
    expect(classifyError(err)).toEqual(expected)
  })

  // Suspected bug: PouchDB's http adapter reads every answer with response.json() before it looks
  // at the status, so an HTML answer (the app's own index.html when /couchdb is not proxied, or a
  // reverse proxy's "502 Bad Gateway" page) rejects with a SyntaxError and no status. That is
  // exactly "the address answers, but not as CouchDB", yet it is classified 'unknown'.
  it('a non-JSON answer (SyntaxError from response.json()) → invalidResponse', () => {
    expect(classifyError(new SyntaxError('Unexpected token \'<\', "<!DOCTYPE "... is not valid JSON'))).toEqual({ code: 'invalidResponse', status: null })
  })
})
