/**
 * The calendar day of `now` in the user's own time zone, as ISO `YYYY-MM-DD` (the form the app stores
 * dates in). Unlike `toISOString().slice(0, 10)`, which gives the UTC day, it does not say "yesterday"
 * in Germany between midnight and 1 or 2 a.m.
 */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
