/**
 * Planned start and end of an agenda entry are an ISO month (`YYYY-MM`, "im März 2026") or an ISO date
 * (`YYYY-MM-DD`). A month starts on its first and ends on its last day. Bounds given to the report
 * (`since`, `today`, `statusAt`) are ISO dates or timestamps; a bare date is a UTC day (pass a
 * timestamp with offset where the local midnight matters).
 */
import { daysInMonth, isCalendarDate } from '@/domain/model/dates'

const ISO_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/
const DAY_MS = 86_400_000

/** True for `YYYY-MM` (month 01–12) or a real calendar date `YYYY-MM-DD`. */
export function isAgendaPeriod(value: unknown): value is string {
  return typeof value === 'string' && (ISO_MONTH.test(value) || isCalendarDate(value))
}

/** First day (ISO date) of a period: '2026-03' → '2026-03-01'; a date is its own first day. */
export function periodFirstDay(period: string): string {
  return ISO_MONTH.test(period) ? `${period}-01` : period
}

/** Last day (ISO date) of a period: '2026-02' → '2026-02-28'; a date is its own last day. */
export function periodLastDay(period: string): string {
  const m = ISO_MONTH.exec(period)
  if (!m) return period
  return `${period}-${String(daysInMonth(Number(m[1]), Number(m[2]))).padStart(2, '0')}`
}

/** Calendar year of a period. */
export function periodYear(period: string): number {
  return Number(period.slice(0, 4))
}

/**
 * The instant (ms since the epoch) of a bound: a timestamp as it is; a date `YYYY-MM-DD` as the first
 * ('start') or last ('end') millisecond of that UTC day. NaN for anything else.
 */
export function instantOf(value: string, edge: 'start' | 'end'): number {
  if (isCalendarDate(value)) {
    const start = Date.parse(`${value}T00:00:00.000Z`)
    return edge === 'start' ? start : start + DAY_MS - 1
  }
  return Date.parse(value)
}

/** Whole days from ISO date `from` to ISO date `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00.000Z`) - Date.parse(`${from}T00:00:00.000Z`)) / DAY_MS)
}
