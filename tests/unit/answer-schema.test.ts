// The hand-written answer checker (`checkAnswer`, used to read files) and the zod `answerSchema`
// (used for the JSON Schema in docs/schema/) must state the same rules: same verdict on every answer,
// and the same stripped copy when valid.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { BACKUP_LIMITS } from '@/domain/exchange/formats'
import { answerSchema, checkAnswer } from '@/domain/exchange/schema'

const VALID = {
  itemId: 'str-01',
  state: 'level',
  ist: 2,
  bedarf: 3,
  potenzial: null,
  target: 4,
  comment: 'E-Akte im Aufbau',
  updatedAt: '2025-03-01T09:30:00.000Z',
  updatedBy: 'Leitung FB 2',
  deviceId: 'dev-a',
  rev: 3,
  vv: { 'dev-a': 2, 'dev-b': 1 },
}

type Raw = Record<string, unknown>
const withField = (key: string, value: unknown): Raw => ({ ...VALID, [key]: value })
const without = (key: string): Raw => {
  const copy: Raw = { ...VALID }
  delete copy[key]
  return copy
}
const long = (n: number) => 'x'.repeat(n)
const vector = (n: number, value = 1) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`d${i}`, value]))

function agree(raw: unknown): { checker: boolean; schema: boolean } {
  const checked = checkAnswer(raw)
  const parsed = answerSchema.safeParse(raw)
  if (checked.ok && parsed.success) expect(parsed.data).toEqual(checked.answer)
  return { checker: checked.ok, schema: parsed.success }
}

const validCases: [string, unknown][] = [
  ['a full answer', VALID],
  ["'na' without Ist", { ...VALID, state: 'na', ist: null }],
  ["'unknown' without Ist", { ...VALID, state: 'unknown', ist: null, bedarf: null, target: null }],
  ["'level' with the Ist question still open", { ...VALID, ist: null }],
  ['level 0', { ...VALID, ist: 0, bedarf: 0, potenzial: 0, target: 0 }],
  ['level 4', { ...VALID, ist: 4, bedarf: 4, potenzial: 4, target: 4 }],
  ['longest comment', withField('comment', long(BACKUP_LIMITS.commentMax))],
  ['empty comment', withField('comment', '')],
  ['longest name', withField('updatedBy', long(BACKUP_LIMITS.nameMax))],
  ['no name', withField('updatedBy', '')],
  ['no device (format 1)', withField('deviceId', '')],
  ['longest item id', { ...VALID, itemId: long(BACKUP_LIMITS.idMax) }],
  ['rev 0', withField('rev', 0)],
  ['highest rev', withField('rev', BACKUP_LIMITS.revMax)],
  ['empty vector (format 1)', withField('vv', {})],
  ['largest vector', withField('vv', vector(BACKUP_LIMITS.maxVectorEntries))],
  ['highest count in a vector', withField('vv', { d: BACKUP_LIMITS.revMax })],
  ['time zone offset', withField('updatedAt', '2025-03-01T10:30:00+01:00')],
  ['time without seconds', withField('updatedAt', '2025-03-01T09:30Z')],
  ['unknown keys (stripped)', { ...VALID, extra: 1, note: 'x' }],
]

const invalidCases: [string, unknown][] = [
  ['null', null],
  ['an array', [VALID]],
  ['a string', 'str-01'],
  ['a number', 42],
  ...(Object.keys(VALID).map((k) => [`missing ${k}`, without(k)]) as [string, unknown][]),
  ['empty item id', withField('itemId', '')],
  ['item id too long', withField('itemId', long(BACKUP_LIMITS.idMax + 1))],
  ['item id a number', withField('itemId', 1)],
  ['unknown state', withField('state', 'done')],
  ['state null', withField('state', null)],
  ['Ist 8', withField('ist', 8)],
  ['Bedarf 5', withField('bedarf', 5)],
  ['target 8', withField('target', 8)],
  ['Ist -1', withField('ist', -1)],
  ['Ist 1.5', withField('ist', 1.5)],
  ['Ist as text', withField('ist', '2')],
  ['Bedarf 7', withField('bedarf', 7)],
  ['Potenzial as text', withField('potenzial', 'hoch')],
  ['target false', withField('target', false)],
  ["'na' with an Ist level", { ...VALID, state: 'na', ist: 0 }],
  ["'unknown' with an Ist level", { ...VALID, state: 'unknown', ist: 3 }],
  ['comment too long', withField('comment', long(BACKUP_LIMITS.commentMax + 1))],
  ['comment null', withField('comment', null)],
  ['date without time', withField('updatedAt', '2025-03-01')],
  ['time without zone', withField('updatedAt', '2025-03-01T09:30:00')],
  ['timestamp as number', withField('updatedAt', 1740821400000)],
  ['name too long', withField('updatedBy', long(BACKUP_LIMITS.nameMax + 1))],
  ['name null', withField('updatedBy', null)],
  ['device id too long', withField('deviceId', long(BACKUP_LIMITS.idMax + 1))],
  ['device id a number', withField('deviceId', 5)],
  ['negative rev', withField('rev', -1)],
  ['fractional rev', withField('rev', 1.5)],
  ['rev too large', withField('rev', BACKUP_LIMITS.revMax + 1)],
  ['rev as text', withField('rev', '1')],
  ['vector null', withField('vv', null)],
  ['vector an array', withField('vv', [1])],
  ['vector count 0', withField('vv', { d: 0 })],
  ['vector count fractional', withField('vv', { d: 1.5 })],
  ['vector count as text', withField('vv', { d: '1' })],
  ['vector count too large', withField('vv', { d: BACKUP_LIMITS.revMax + 1 })],
  ['vector with empty device id', withField('vv', { '': 1 })],
  ['vector device id too long', withField('vv', { [long(BACKUP_LIMITS.idMax + 1)]: 1 })],
  ['vector with too many devices', withField('vv', vector(BACKUP_LIMITS.maxVectorEntries + 1))],
]

describe('checkAnswer and answerSchema', () => {
  it.each(validCases)('both accept %s', (_, raw) => {
    expect(agree(raw)).toEqual({ checker: true, schema: true })
  })

  it.each(invalidCases)('both reject %s', (_, raw) => {
    expect(agree(raw)).toEqual({ checker: false, schema: false })
  })

  it('agree on random answers mixing valid and invalid fields', () => {
    const choice = (...values: unknown[]) => fc.constantFrom(...values)
    const fields: Record<string, fc.Arbitrary<unknown>> = {
      itemId: choice('str-01', '', long(BACKUP_LIMITS.idMax), long(BACKUP_LIMITS.idMax + 1), 7, null),
      state: choice('level', 'na', 'unknown', 'LEVEL', 0, null),
      ist: choice(null, 0, 2, 4, 5, -1, 2.5, '2', true),
      bedarf: choice(null, 0, 4, 5, '1'),
      potenzial: choice(null, 1, 3, -2, {}),
      target: choice(null, 4, 9, []),
      comment: choice('', 'ok', long(BACKUP_LIMITS.commentMax + 1), 3, null),
      updatedAt: choice('2025-03-01T09:30:00.000Z', '2025-03-01T09:30:00+0100', '2025-03-01', '2025-02-30T25:00:00Z', 0),
      updatedBy: choice('', 'Kämmerei', long(BACKUP_LIMITS.nameMax + 1), null),
      deviceId: choice('', 'dev-a', long(BACKUP_LIMITS.idMax + 1), 1),
      rev: choice(0, 1, BACKUP_LIMITS.revMax, BACKUP_LIMITS.revMax + 1, -1, 0.5, '3'),
      vv: choice({}, { a: 1 }, { a: 0 }, { '': 2 }, { a: 1.5 }, [], null, 'x', vector(BACKUP_LIMITS.maxVectorEntries + 1)),
    }
    const answer = fc.record(fields, { requiredKeys: [] })
    // Mostly-valid answers too, so the accepting branch is exercised as well.
    const mostlyValid = fc.record(
      Object.fromEntries(Object.entries(fields).map(([k, arb]) => [k, fc.oneof({ weight: 6, arbitrary: fc.constant(VALID[k as keyof typeof VALID]) }, { weight: 1, arbitrary: arb })])),
    )
    let accepted = 0
    fc.assert(
      fc.property(fc.oneof(answer, mostlyValid), (raw) => {
        const verdict = agree(raw)
        expect(verdict.schema).toBe(verdict.checker)
        if (verdict.checker) accepted++
      }),
      { numRuns: 1000, seed: 20250301 },
    )
    expect(accepted).toBeGreaterThan(50)
  })
})
