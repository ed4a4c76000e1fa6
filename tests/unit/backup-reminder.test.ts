import { describe, expect, it } from 'vitest'
import { backupReminderDue, daysBetween } from '@/domain/results/backup-reminder'

describe('backup reminder', () => {
  it.each([
    [null, '2026-11-21T10:00:00Z', 7, false],
    ['2026-11-20T10:00:00Z', '2026-11-21T10:00:00Z', 7, false],
    ['2026-11-14T10:00:01Z', '2026-11-21T10:00:00Z', 7, false],
    ['2026-11-14T10:00:00Z', '2026-11-21T10:00:00Z', 7, true],
    ['2026-10-01T00:00:00Z', '2026-11-21T10:00:00Z', 7, true],
    ['2026-11-20T10:00:00Z', '2026-11-21T10:00:00Z', 1, true],
    ['kaputt', '2026-11-21T10:00:00Z', 7, false],
  ])('first unexported change %s, now %s, after %i days → %s', (since, now, days, due) => {
    expect(backupReminderDue(since, now, days)).toBe(due)
  })

  it.each([
    ['2026-11-14T10:00:00Z', '2026-11-21T09:59:59Z', 6],
    ['2026-11-14T10:00:00Z', '2026-11-21T10:00:00Z', 7],
    ['2026-11-22T10:00:00Z', '2026-11-21T10:00:00Z', 0],
  ])('days between %s and %s = %i', (a, b, n) => {
    expect(daysBetween(a, b)).toBe(n)
  })
})
