/** Grouping the agenda by Handlungsfeld and summing its budget (report and agenda screen). */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { budgetTotal, entriesByField } from '@/domain/agenda/groups'
import { makeEntry } from '../fixtures/agenda-builders'

const fields = [
  { id: 'hf-a', title: 'Steuerung' },
  { id: 'hf-b', title: 'Online-Dienste' },
  { id: 'hf-empty', title: 'Leer' },
]

describe('entriesByField', () => {
  it('keeps the fields’ order, leaves empty fields out and puts unknown or missing fields last', () => {
    const entries = [
      makeEntry({ id: 'e1', handlungsfeldId: 'hf-b' }),
      makeEntry({ id: 'e2', handlungsfeldId: null }),
      makeEntry({ id: 'e3', handlungsfeldId: 'hf-a' }),
      makeEntry({ id: 'e4', handlungsfeldId: 'hf-removed' }),
      makeEntry({ id: 'e5', handlungsfeldId: 'hf-b' }),
    ]
    const groups = entriesByField({ handlungsfelder: fields, entries })
    expect(groups.map((g) => [g.field?.id ?? null, g.entries.map((e) => e.id)])).toEqual([
      ['hf-a', ['e3']],
      ['hf-b', ['e1', 'e5']],
      [null, ['e2', 'e4']],
    ])
  })

  it('an agenda without entries has no groups', () => {
    expect(entriesByField({ handlungsfelder: fields, entries: [] })).toEqual([])
  })

  it('every entry lands in exactly one group (property)', () => {
    const fieldId = fc.constantFrom('hf-a', 'hf-b', 'hf-empty', 'hf-x', null)
    fc.assert(
      fc.property(fc.array(fieldId, { maxLength: 30 }), (ids) => {
        const entries = ids.map((h, i) => makeEntry({ id: `e${i}`, handlungsfeldId: h }))
        const grouped = entriesByField({ handlungsfelder: fields, entries }).flatMap((g) => g.entries.map((e) => e.id))
        expect([...grouped].sort()).toEqual(entries.map((e) => e.id).sort())
      }),
    )
  })
})

describe('budgetTotal', () => {
  it.each([
    [[], { total: 0, withoutEstimate: 0 }],
    [[25_000, null, 8_000], { total: 33_000, withoutEstimate: 1 }],
    [[null, null], { total: 0, withoutEstimate: 2 }],
    [[0, 150_000], { total: 150_000, withoutEstimate: 0 }],
  ] as const)('%j → %j', (budgets, expected) => {
    expect(budgetTotal(budgets.map((b) => ({ budgetEstimate: b })))).toEqual(expected)
  })
})
