/** Calendar dates: impossible dates are rejected everywhere a date is read (issue "Hardening" #5). */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { daysInMonth, isCalendarDate } from '@/domain/model/dates'
import { isIsoDateTime } from '@/domain/exchange/schema'
import { validateCatalog } from '@/domain/catalog/catalog-schema'
import catalog2 from '@/catalogs/dc-kommune/2.0.0.json'

describe('isCalendarDate', () => {
  it.each([
    ['2025-02-28', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2025-02-29', false],
    ['2025-02-31', false],
    ['2025-04-31', false],
    ['2025-12-31', true],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-01-00', false],
    ['2025-1-01', false],
    ['', false],
    [20250101, false],
  ])('%s → %s', (v, ok) => expect(isCalendarDate(v)).toBe(ok))

  it('agrees with the calendar of Date.UTC for every day of 400 years', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1600, max: 2399 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
        const real = new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === iso
        return isCalendarDate(iso) === real && (d <= daysInMonth(y, m)) === real
      }),
    )
  })

  it('timestamps need a real date too', () => {
    expect(isIsoDateTime('2025-02-28T10:00:00.000Z')).toBe(true)
    expect(isIsoDateTime('2025-02-31T10:00:00.000Z')).toBe(false)
  })

  it('a catalogue with an impossible date is rejected with a message', () => {
    const valid = catalog2 as Record<string, unknown>
    const r = validateCatalog({ ...valid, publishedAt: '2025-02-31' })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues).toEqual([{ code: 'noSuchDate', params: {}, path: ['publishedAt'], location: { entity: 'catalog', field: 'publishedAt' } }])
    expect(validateCatalog({ ...valid, publishedAt: '2024-02-29' }).ok).toBe(true)
  })
})
