// The shortcuts taken for large exchange files must give exactly the results of the general way:
// the checksum over the file's bytes, the answer equality of the merge, the backup's canonical text
// printed from one copy, and a merge that leaves an unchanged questionnaire as it is.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { checksumCoveredBytes, checksumOf, checksumOfBytesAsync } from '@/domain/exchange/checksum'
import { mergeExchange } from '@/domain/exchange/merge'
import { copyAnswer, isCanonicalAnswer, sameAnswer } from '@/domain/model/answers'
import { isCalendarDate } from '@/domain/model/dates'
import { parseExchange } from '@/domain/exchange/parse'
import { attachChecksum, backupTextParts, canonicalBackupText, canonicalText, checksumTail, createBackup, serializeBackup } from '@/domain/exchange/serialise'
import { ISO_DATETIME_RE, isIsoDateTime, scanJsonTree } from '@/domain/exchange/schema'
import { deepEqualJson } from '@/domain/model/equal'
import type { Answer } from '@/domain/model/types'
import { META, knownItems, makeAnswer, makeAssessment, makeSmallData, sealRaw, T0 } from '../fixtures/backup-builders'
import { mergeOk } from '../fixtures/merge-helpers'

const utf8 = (text: string) => new TextEncoder().encode(text)
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes)
const file = serializeBackup(createBackup(makeSmallData(), META))
const canonical = canonicalText(createBackup(makeSmallData(), META))
const checksum = checksumOf(canonical)

describe('checksumCoveredBytes', () => {
  it.each([
    ['as written', file],
    ['with a byte-order mark', `\uFEFF${file}`],
    ['without the final newline', file.slice(0, -1)],
  ])('finds the covered text of a file %s', (_, text) => {
    const found = checksumCoveredBytes(utf8(text))
    expect(found?.expected).toBe(checksum)
    expect(decode(found!.covered)).toBe(canonical)
  })

  it.each([
    ['CRLF line endings (the text path handles them)', file.replace(/\n/g, '\r\n')],
    ['re-formatted', JSON.stringify(JSON.parse(file), null, 4)],
    ['upper-case hex', file.replace(checksum, checksum.toUpperCase().replace('SHA256', 'sha256'))],
    ['a short hash', file.replace(checksum, checksum.slice(0, -2))],
    ['two final newlines', `${file}\n`],
    ['no checksum', canonical],
    ['empty', ''],
  ])('gives up on a file with %s', (_, text) => {
    expect(checksumCoveredBytes(utf8(text))).toBeNull()
  })

  it('the checksum of the covered bytes is the file checksum', async () => {
    const found = checksumCoveredBytes(utf8(file))!
    expect(await checksumOfBytesAsync(found.covered, undefined)).toBe(checksum)
    expect(await checksumOfBytesAsync(found.covered, globalThis.crypto.subtle)).toBe(checksum)
  })

  it('keeps non-ASCII text byte for byte', () => {
    const data = makeSmallData()
    data.organisations[0]!.name = 'Großbürgermeisterei Müllheim 🏛'
    const text = serializeBackup(createBackup(data, META))
    const found = checksumCoveredBytes(utf8(text))!
    expect(checksumOf(decode(found.covered))).toBe(found.expected)
  })
})

describe('sameAnswer', () => {
  const base = makeAnswer('str-01', { vv: { a: 2, b: 1 } })
  it.each<[string, Answer, Answer, boolean]>([
    ['the same object', base, base, true],
    ['an equal copy', base, { ...base, vv: { b: 1, a: 2 } }, true],
    ['another comment', base, { ...base, comment: 'x' }, false],
    ['another vector', base, { ...base, vv: { a: 3, b: 1 } }, false],
    ['a vector with one more device', base, { ...base, vv: { a: 2, b: 1, c: 1 } }, false],
    ['an extra field', base, { ...base, extra: 1 } as Answer, false],
    ['an undefined extra field', base, { ...base, extra: undefined } as Answer, true],
    ['a missing field', base, { ...base, target: undefined } as unknown as Answer, false],
  ])('%s', (_, a, b, expected) => {
    expect(sameAnswer(a, b)).toBe(expected)
    expect(sameAnswer(b, a)).toBe(expected)
    expect(deepEqualJson(a, b)).toBe(expected)
  })

  it('always agrees with deepEqualJson', () => {
    const value = fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 4 }), fc.constantFrom('', 'a', 'level', 'na'), fc.constant(undefined), fc.constant(Number.NaN))
    const vector = fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant(Number.NaN)))
    const answer = fc.record({
      itemId: fc.constantFrom('i1', 'i2'),
      state: value,
      ist: value,
      bedarf: value,
      potenzial: value,
      target: value,
      comment: value,
      updatedAt: fc.constantFrom(T0, '2025-03-02T00:00:00.000Z'),
      updatedBy: value,
      deviceId: fc.constantFrom('a', 'b'),
      rev: fc.integer({ min: 0, max: 2 }),
      vv: fc.oneof(vector, fc.constant(null)),
      extra: fc.option(value, { nil: undefined }),
    }, { requiredKeys: ['itemId', 'state', 'ist', 'vv'] })
    fc.assert(
      fc.property(answer, answer, fc.boolean(), (a, b, copy) => {
        const other = (copy ? structuredClone(a) : b) as unknown as Answer
        expect(sameAnswer(a as unknown as Answer, other)).toBe(deepEqualJson(a, other))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('canonicalBackupText', () => {
  it('is the canonical text of the backup built from the same data', () => {
    const data = makeSmallData()
    expect(canonicalBackupText(data, META)).toBe(canonicalText(createBackup(data, META)))
  })

  it('printed in parts (the questionnaires one by one, the list given apart) it is the same text', () => {
    const answers = { 'str-01': makeAnswer('str-01'), 'str-02': makeAnswer('str-02', { comment: 'Ä "zitiert"\n' }) }
    const list = [makeAssessment({ id: 'a-1', answers }), makeAssessment({ id: 'a-2', answers: {} }), makeAssessment({ id: 'a-3', answers })]
    for (const assessments of [[], list.slice(0, 1), list]) {
      const data = makeSmallData({ assessments })
      // The parts never read the list they are given: only the questionnaires printed count.
      const withOtherList = { ...data, assessments: list }
      const parts = backupTextParts(withOtherList, META)
      const text = parts.head + assessments.map((a, i) => parts.assessment(a, i)).join('') + parts.close(assessments.length) + parts.tail
      expect(text).toBe(canonicalText(createBackup(data, META)))
    }
  })

  it('with the checksum tail it is the file serializeBackup writes', () => {
    const text = canonicalBackupText(makeSmallData(), META)
    expect(text.endsWith('\n}\n')).toBe(true)
    expect(text.slice(0, -3) + checksumTail(checksumOf(text))).toBe(file)
    expect(attachChecksum(text, checksumOf(text))).toBe(file)
  })
})

describe('scanJsonTree', () => {
  const deep = (n: number): unknown => (n === 0 ? {} : { a: deep(n - 1) })
  it.each<[string, unknown, ReturnType<typeof scanJsonTree>]>([
    ['a forbidden key in an array', JSON.parse('{"t":[{"x":1},{"prototype":2}]}'), { kind: 'forbiddenKey', key: 'prototype', path: ['t', 1, 'prototype'] }],
    ['a forbidden key at the top', JSON.parse('{"__proto__":{}}'), { kind: 'forbiddenKey', key: '__proto__', path: ['__proto__'] }],
    // Depth first from the last key (a stack), as the scan always went.
    ['the first of two problems found', JSON.parse('{"a":{"constructor":1},"b":{"__proto__":1}}'), { kind: 'forbiddenKey', key: '__proto__', path: ['b', '__proto__'] }],
    ['too deep', deep(4), { kind: 'tooDeep', path: ['a', 'a', 'a'] }],
    ['nothing wrong', { a: [1, { b: null }], c: 'constructor', d: [] }, null],
    ['a scalar', 5, null],
  ])('%s', (_, value, expected) => {
    expect(scanJsonTree(value, 3)).toEqual(expected)
  })
})

describe('scanJsonTree against the path-copying scan it replaced', () => {
  // The earlier implementation, kept here as the reference.
  function reference(root: unknown, maxDepth: number): ReturnType<typeof scanJsonTree> {
    const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }]
    while (stack.length > 0) {
      const { value, path } = stack.pop()!
      if (typeof value !== 'object' || value === null) continue
      if (path.length >= maxDepth) return { kind: 'tooDeep', path }
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) if (typeof value[i] === 'object' && value[i] !== null) stack.push({ value: value[i], path: [...path, i] })
      } else {
        for (const key of Object.keys(value)) {
          if (['__proto__', 'constructor', 'prototype'].includes(key)) return { kind: 'forbiddenKey', key, path: [...path, key] }
          const child: unknown = (value as Record<string, unknown>)[key]
          if (typeof child === 'object' && child !== null) stack.push({ value: child, path: [...path, key] })
        }
      }
    }
    return null
  }
  it('finds the same first problem', () => {
    const key = fc.constantFrom('a', 'b', 'c', 'constructor', 'prototype', '__proto__')
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.constant(null), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(key, tie('node'), { maxKeys: 3 })),
    })).node
    fc.assert(
      fc.property(tree, fc.integer({ min: 1, max: 5 }), (value, maxDepth) => {
        const parsed: unknown = JSON.parse(JSON.stringify(value))
        expect(scanJsonTree(parsed, maxDepth)).toEqual(reference(parsed, maxDepth))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('mergeExchange of unchanged questionnaires', () => {
  it('keeps the local record itself, so nothing is written', () => {
    const local = makeSmallData({ assessments: [makeAssessment({ answers: { 'str-01': makeAnswer('str-01') } })] })
    const incoming = structuredClone(local)
    const r = mergeOk(mergeExchange(local, incoming))
    expect(r.state.assessments[0]).toBe(local.assessments[0])
    expect(r.changed).toBe(false)
    expect(r.counts.answers.unchanged).toBe(1)
  })

  it('copies it when only the header changed', () => {
    const local = makeSmallData({ assessments: [makeAssessment({ answers: { 'str-01': makeAnswer('str-01') } })] })
    const incoming = structuredClone(local)
    incoming.assessments[0]!.status = 'submitted'
    incoming.assessments[0]!.updatedAt = '2030-01-01T00:00:00.000Z'
    const r = mergeOk(mergeExchange(local, incoming))
    expect(r.state.assessments[0]).not.toBe(local.assessments[0])
    expect(r.state.assessments[0]!.status).toBe('submitted')
    expect(r.state.assessments[0]!.answers['str-01']).toBe(local.assessments[0]!.answers['str-01'])
    expect(r.changed).toBe(true)
  })
})

describe('isCanonicalAnswer', () => {
  const canonical = makeAnswer('str-01', { vv: { a: 1, b: 2 } })
  const reordered = Object.fromEntries(Object.entries(canonical).reverse()) as unknown as Answer
  it.each<[string, Answer, boolean]>([
    ['an answer as the app writes it', canonical, true],
    ['its copy', copyAnswer(canonical), true],
    ['fields in another order', reordered, false],
    ['an unknown field', { ...canonical, extra: 1 } as Answer, false],
    ['a missing field', (({ comment: _c, ...rest }) => rest)(canonical) as Answer, false],
    ['an unsorted version vector', { ...canonical, vv: { b: 2, a: 1 } }, false],
    ['an empty version vector', { ...canonical, vv: {} }, true],
  ])('%s: %s', (_, answer, expected) => {
    expect(isCanonicalAnswer(answer)).toBe(expected)
  })

  const field = fc.constantFrom('itemId', 'state', 'ist', 'bedarf', 'potenzial', 'target', 'comment', 'updatedAt', 'updatedBy', 'deviceId', 'rev', 'vv', 'extra')
  const answerLike = fc
    .tuple(fc.uniqueArray(field, { minLength: 10, maxLength: 13 }), fc.dictionary(fc.constantFrom('dev-a', 'dev-b', 'dev-c', 'x'), fc.integer({ min: 1, max: 9 }), { maxKeys: 4 }))
    .map(([fields, vv]) => Object.fromEntries(fields.map((f) => [f, f === 'vv' ? vv : f === 'rev' ? 1 : 'x'])) as unknown as Answer)

  it('is only true when copyAnswer would print the same (so keeping the answer changes nothing)', () => {
    fc.assert(
      fc.property(answerLike, (a) => {
        if (isCanonicalAnswer(a)) expect(JSON.stringify(a)).toBe(JSON.stringify(copyAnswer(a)))
      }),
      { numRuns: 3000 },
    )
  })

  it('is true for every copy of an answer with named device ids', () => {
    fc.assert(
      fc.property(answerLike, (a) => {
        if (Object.prototype.hasOwnProperty.call(a, 'vv')) expect(isCanonicalAnswer(copyAnswer(a))).toBe(true)
      }),
      { numRuns: 1000 },
    )
  })
})

describe('parseExchange keeps answers already in canonical form, copies the others', () => {
  const answers = { 'str-01': makeAnswer('str-01', { vv: { 'dev-a': 2, 'dev-b': 1 } }), 'str-02': makeAnswer('str-02') }
  const data = makeSmallData({ assessments: [makeAssessment({ answers })] })
  const parsedAnswers = (raw: Record<string, unknown>) => {
    const result = parseExchange(sealRaw(raw), { knownCatalogItems: knownItems() })
    expect(result.ok ? 'ok' : JSON.stringify(result.errors)).toBe('ok')
    return result.ok ? { answers: result.file.assessments[0]!.answers, warnings: result.warnings } : null
  }
  const rawWith = (edit: (a: Record<string, Record<string, unknown>>) => void) => {
    const raw = JSON.parse(JSON.stringify({ format: 'digitalisierungs-check/backup', formatVersion: 3, ...META, exportedAt: META.now.toISOString(), ...data })) as Record<string, unknown>
    delete raw.now
    edit((raw.assessments as { answers: Record<string, Record<string, unknown>> }[])[0]!.answers)
    return raw
  }
  const expected = JSON.stringify({ 'str-01': copyAnswer(answers['str-01']), 'str-02': copyAnswer(answers['str-02']) })

  it.each<[string, (a: Record<string, Record<string, unknown>>) => void, number]>([
    ['as written', () => undefined, 0],
    ['fields re-ordered', (a) => (a['str-01'] = Object.fromEntries(Object.entries(a['str-01']!).reverse())), 0],
    ['an unknown field (dropped, counted)', (a) => (a['str-02']!.extra = 1), 1],
    ['an unsorted version vector', (a) => (a['str-01']!.vv = { 'dev-b': 1, 'dev-a': 2 }), 0],
  ])('%s: the answers are those copyAnswer makes, in the same order', (_, edit, ignored) => {
    const out = parsedAnswers(rawWith(edit))!
    expect(JSON.stringify(out.answers)).toBe(expected)
    expect(out.warnings.length).toBe(ignored)
  })
})

describe('isIsoDateTime', () => {
  const two = (n: number) => String(n).padStart(2, '0')
  const dateTime = fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.constantFrom('T09:30:00.000Z', 'T23:59:59+01:00', 'T24:00:00Z', 'T12:00Z', ' 12:00:00Z', ''))
    .map(([y, m, d, time]) => `${String(y).padStart(4, '0')}-${two(m)}-${two(d)}${time}`)

  it('says what the pattern and the calendar check say together', () => {
    fc.assert(
      fc.property(fc.oneof(dateTime, fc.string({ maxLength: 30 })), (s) => {
        expect(isIsoDateTime(s)).toBe(ISO_DATETIME_RE.test(s) && isCalendarDate(s.slice(0, 10)))
      }),
      { numRuns: 5000 },
    )
  })

  it.each([
    ['2024-02-29T00:00:00Z', true],
    ['2025-02-29T00:00:00Z', false],
    ['2000-02-29T00:00:00Z', true],
    ['1900-02-29T00:00:00Z', false],
    ['2025-04-31T00:00:00Z', false],
    ['2025-12-31T23:59:59.999+01:00', true],
  ])('%s → %s', (s, expected) => {
    expect(isIsoDateTime(s)).toBe(expected)
  })
})
