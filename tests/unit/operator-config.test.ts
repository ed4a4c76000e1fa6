/** operator.json: the operator's details for the accessibility statement, read defensively (hardening #21). */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  defaultOperatorConfig,
  isReachable,
  loadOperatorConfig,
  MAX_FIELD_LENGTH,
  MAX_FILE_LENGTH,
  parseOperatorConfig,
  parseOperatorJson,
  STATEMENT_DATES,
} from '@/platform/operator-config'

const FULL = {
  organisation: 'Stadt Musterstadt',
  appUrl: 'https://intranet.musterstadt.example/digitalcheck/',
  legalBasis: 'BGG NRW und BITVNRW',
  contact: { name: 'Stabsstelle Digitalisierung', email: 'barrierefreiheit@musterstadt.example', phone: '+49 2389 123-456', url: 'https://musterstadt.example/barriere-melden', address: 'Rathausplatz 1\n59368 Musterstadt' },
  enforcement: { name: 'Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen', url: 'https://ombudsstelle.example/' },
  statement: { preparedOn: '2027-01-10', assessedOn: '2027-01-15', reviewedOn: '2027-01-20' },
}

/** A fetch that answers once per call from the list (an Error is thrown). */
function fakeFetch(...answers: ({ status: number; body: string } | Error)[]) {
  const calls: string[] = []
  const fn = async (input: string) => {
    calls.push(input)
    const a = answers[calls.length - 1]
    if (!a) throw new Error('unexpected request')
    if (a instanceof Error) throw a
    return { ok: a.status >= 200 && a.status < 300, status: a.status, text: async () => a.body }
  }
  return { fn, calls }
}

describe('parseOperatorConfig', () => {
  it('keeps every valid field', () => {
    const { config, issues } = parseOperatorConfig(FULL)
    expect(issues).toEqual([])
    expect(config).toEqual({ ...FULL, contact: { ...FULL.contact }, enforcement: { ...FULL.enforcement } })
  })

  it('the shipped template (empty fields) gives the defaults without issues', () => {
    const template = JSON.parse(readFileSync('public/operator.json', 'utf8')) as unknown
    expect(parseOperatorConfig(template)).toEqual({ config: defaultOperatorConfig(), issues: [] })
  })

  it('uses the shipped statement dates when the file has none', () => {
    expect(parseOperatorConfig({ organisation: 'Gemeinde X' }).config.statement).toEqual(STATEMENT_DATES)
    expect(parseOperatorConfig({ statement: { assessedOn: '2027-03-01' } }).config.statement).toEqual({ ...STATEMENT_DATES, assessedOn: '2027-03-01' })
  })

  it.each([
    ['null', null],
    ['an array', [FULL]],
    ['a string', 'Stadt Musterstadt'],
    ['a number', 42],
  ])('%s is no configuration: defaults', (_what, raw) => {
    expect(parseOperatorConfig(raw)).toEqual({ config: defaultOperatorConfig(), issues: [{ code: 'not-object', path: '' }] })
  })

  it.each([
    ['contact.email', { contact: { email: 'kein-mail' } }, 'invalid-email'],
    ['contact.email', { contact: { email: 'a@b' } }, 'invalid-email'],
    ['contact.email', { contact: { email: 'x@y.de<script>' } }, 'invalid-email'],
    ['contact.url', { contact: { url: 'javascript:alert(1)' } }, 'invalid-url'],
    ['contact.url', { contact: { url: 'data:text/html,x' } }, 'invalid-url'],
    ['contact.url', { contact: { url: '/relative' } }, 'invalid-url'],
    ['enforcement.url', { enforcement: { url: 'ftp://example.org' } }, 'invalid-url'],
    ['appUrl', { appUrl: 'intranet' }, 'invalid-url'],
    ['contact.phone', { contact: { phone: 'ruf an' } }, 'invalid-phone'],
    ['contact.name', { contact: { name: 42 } }, 'not-string'],
    ['contact.name', { contact: { name: 'a\u0000b' } }, 'invalid-text'],
    ['organisation', { organisation: 'x'.repeat(MAX_FIELD_LENGTH + 1) }, 'too-long'],
    ['organisation', { organisation: ['Stadt'] }, 'not-string'],
    ['statement.assessedOn', { statement: { assessedOn: '2027-02-31' } }, 'invalid-date'],
    ['statement.preparedOn', { statement: { preparedOn: '15.01.2027' } }, 'invalid-date'],
    ['contact', { contact: 'Stabsstelle' }, 'not-object'],
    ['enforcement', { enforcement: ['x'] }, 'not-object'],
    ['statement', { statement: '2027-01-01' }, 'not-object'],
    ['kontakt', { kontakt: {} }, 'unknown-key'],
    ['contact.mail', { contact: { mail: 'x@y.de' } }, 'unknown-key'],
  ])('%s: a bad field is dropped and reported (%#)', (path, raw, code) => {
    const { config, issues } = parseOperatorConfig(raw)
    expect(issues).toEqual([{ code, path }])
    expect(config).toEqual(defaultOperatorConfig())
  })

  it('keeps the valid fields next to a bad one', () => {
    const { config, issues } = parseOperatorConfig({ ...FULL, contact: { ...FULL.contact, email: 'kein-mail' } })
    expect(issues).toEqual([{ code: 'invalid-email', path: 'contact.email' }])
    expect(config.contact).toEqual({ name: FULL.contact.name, phone: FULL.contact.phone, url: FULL.contact.url, address: FULL.contact.address })
    expect(config.organisation).toBe('Stadt Musterstadt')
  })

  it('trims values, treats empty and null as absent, and allows comment keys', () => {
    const { config, issues } = parseOperatorConfig({ _hinweis: 'siehe README', $schema: 'x', organisation: '  Kreis Y ', legalBasis: '', contact: { email: null, name: '   ' } })
    expect(issues).toEqual([])
    expect(config).toEqual({ ...defaultOperatorConfig(), organisation: 'Kreis Y' })
  })

  it('returns a fresh default object each time (no shared state)', () => {
    const a = parseOperatorConfig({}).config
    a.contact.email = 'x@y.de'
    a.statement.assessedOn = '2000-01-01'
    expect(parseOperatorConfig({}).config).toEqual(defaultOperatorConfig())
    expect(STATEMENT_DATES.assessedOn).toBe('2026-12-02')
  })
})

describe('isReachable', () => {
  it.each([
    [{}, false],
    [{ name: 'Stabsstelle Digitalisierung' }, false],
    [{ email: 'a@b.de' }, true],
    [{ phone: '0211 1' }, true],
    [{ url: 'https://x.de' }, true],
    [{ address: 'Rathausplatz 1' }, true],
  ])('%o → %s', (c, ok) => expect(isReachable(c)).toBe(ok))
})

describe('parseOperatorJson', () => {
  it.each([
    ['', 'not-json'],
    ['{ "organisation": "Stadt", ', 'not-json'],
    ['<!doctype html><title>index</title>', 'not-json'],
    [' '.repeat(MAX_FILE_LENGTH + 1), 'too-large'],
  ])('%j → defaults with %s', (text, code) => {
    expect(parseOperatorJson(text)).toEqual({ config: defaultOperatorConfig(), issues: [{ code, path: '' }], source: 'defaults' })
  })

  it('reads a file with a byte order mark', () => {
    const r = parseOperatorJson(`\uFEFF${JSON.stringify({ organisation: 'Stadt Musterstadt' })}`)
    expect(r.source).toBe('file')
    expect(r.config.organisation).toBe('Stadt Musterstadt')
  })

  it('JSON that is no object gives the defaults', () => {
    expect(parseOperatorJson('[]')).toEqual({ config: defaultOperatorConfig(), issues: [{ code: 'not-object', path: '' }], source: 'defaults' })
  })
})

describe('loadOperatorConfig', () => {
  it('asks the server past the service worker precache first', async () => {
    const f = fakeFetch({ status: 200, body: JSON.stringify(FULL) })
    const r = await loadOperatorConfig(f.fn)
    expect(f.calls).toEqual(['./operator.json?live'])
    expect(r.source).toBe('file')
    expect(r.config.contact.email).toBe('barrierefreiheit@musterstadt.example')
  })

  it('offline: falls back to the precached copy', async () => {
    const f = fakeFetch(new TypeError('Failed to fetch'), { status: 200, body: JSON.stringify({ organisation: 'Stadt Musterstadt' }) })
    const r = await loadOperatorConfig(f.fn)
    expect(f.calls).toEqual(['./operator.json?live', './operator.json'])
    expect(r.config.organisation).toBe('Stadt Musterstadt')
  })

  it('when the browser says it is offline, only the precached copy is asked', async () => {
    const f = fakeFetch({ status: 200, body: JSON.stringify({ organisation: 'Stadt Musterstadt' }) })
    const r = await loadOperatorConfig(f.fn, false)
    expect(f.calls).toEqual(['./operator.json'])
    expect(r.config.organisation).toBe('Stadt Musterstadt')
  })

  it('offline without a copy: defaults', async () => {
    const f = fakeFetch(new TypeError('Failed to fetch'), new TypeError('Failed to fetch'))
    expect(await loadOperatorConfig(f.fn)).toEqual({ config: defaultOperatorConfig(), issues: [{ code: 'unreachable', path: '' }], source: 'defaults' })
  })

  it('a missing file (404) gives the defaults; the stale precached copy is not used', async () => {
    const f = fakeFetch({ status: 404, body: 'Not Found' })
    expect(await loadOperatorConfig(f.fn)).toEqual({ config: defaultOperatorConfig(), issues: [{ code: 'http-status', path: '', detail: '404' }], source: 'defaults' })
    expect(f.calls).toHaveLength(1)
  })

  it('a broken file gives the defaults', async () => {
    const f = fakeFetch({ status: 200, body: '{ kaputt' })
    expect((await loadOperatorConfig(f.fn)).issues).toEqual([{ code: 'not-json', path: '' }])
  })
})
