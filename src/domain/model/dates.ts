/** Calendar dates as the app stores them: ISO `YYYY-MM-DD`, checked against the real calendar. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

/**
 * True for an ISO date `YYYY-MM-DD` that exists in the calendar: "2024-02-29" yes, "2025-02-29",
 * "2025-02-31", "2025-04-31" and "2025-13-01" no (JavaScript's Date would silently roll them over).
 */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const year = Number(m[1])
  const month = Number(m[2])
  const day = Number(m[3])
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}
