/** When to remind the user to export a backup. */

export const BACKUP_REMINDER_DAYS = 7
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * True when there are changes not covered by an exported backup and the oldest of them is at least
 * `days` old. No changes since the last export → never due. Timestamps are ISO strings.
 */
export function backupReminderDue(firstUnexportedChangeAt: string | null, now: string, days = BACKUP_REMINDER_DAYS): boolean {
  if (!firstUnexportedChangeAt) return false
  const since = Date.parse(firstUnexportedChangeAt)
  const at = Date.parse(now)
  if (Number.isNaN(since) || Number.isNaN(at)) return false
  return at - since >= days * DAY_MS
}

/** Whole days between two ISO timestamps (floor, never negative). */
export function daysBetween(fromIso: string, toIso: string): number {
  return Math.max(0, Math.floor((Date.parse(toIso) - Date.parse(fromIso)) / DAY_MS))
}
