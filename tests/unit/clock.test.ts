/** localToday: the calendar day of a moment in the user's own time zone, as ISO YYYY-MM-DD. */
import { describe, expect, it } from 'vitest'
import { localToday } from '@/platform/clock'

describe('localToday', () => {
  it.each([
    [new Date(2026, 0, 1, 0, 5), '2026-01-01'],
    [new Date(2026, 11, 31, 23, 55), '2026-12-31'],
    [new Date(2024, 1, 29, 12), '2024-02-29'],
    [new Date(987, 8, 9, 9), '0987-09-09'],
  ])('%s → %s', (now, expected) => {
    expect(localToday(now)).toBe(expected)
  })
})
