/**
 * Field rules of a service, shared by the edit form and the import: LeiKa key, German numbers and
 * dates, yes/no — and one check of a whole service that returns codes (never text).
 */
import { isCalendarDate } from '@/domain/model/dates'
import { isCriterionRating } from './maturity'
import { FORM_TYPES, SERVICE_CHANNELS, SERVICE_LIMITS, type MunicipalService } from './types'

/** True for a LeiKa-Leistungsschlüssel as stored: exactly 14 digits. */
export function isLeikaKey(value: unknown): value is string {
  return typeof value === 'string' && /^\d{14}$/.test(value)
}

/**
 * A LeiKa key as typed or pasted ("99 050 012 104 000", "99050012104000") → 14 digits, or null.
 * Only spaces are dropped; anything else that is not a digit makes the key invalid.
 */
export function normalizeLeikaKey(text: string): string | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '')
  return isLeikaKey(compact) ? compact : null
}

/**
 * A whole non-negative number in German notation → number, or null.
 * Accepted: "12500", "12.500", "1.234.567", "12 500" (space, no-break or narrow space as
 * thousands separator), and a zero decimal part ("12.500,00", "7,0"). Not accepted: a real
 * decimal ("12,5"), English grouping ("12,500" is 12,5 in German and so not whole), a dot that
 * does not group three digits ("12.5"), signs, units or text.
 */
export function parseGermanInteger(text: string): number | null {
  const t = text.trim().replace(/[\u00a0\u202f\u2009]/g, ' ')
  const m = /^(\d{1,3}(?:\.\d{3})+|\d{1,3}(?: \d{3})+|\d+)(?:,0+)?$/.exec(t)
  if (!m) return null
  const n = Number(m[1]!.replace(/[. ]/g, ''))
  return Number.isSafeInteger(n) ? n : null
}

/** "01.03.2024", "1.3.2024" or ISO "2024-03-01" → ISO date, or null (also for impossible dates). */
export function parseDate(text: string): string | null {
  const t = text.trim()
  if (isCalendarDate(t)) return t
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t)
  if (!m) return null
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`
  return isCalendarDate(iso) ? iso : null
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'x', 'true', 'wahr', '1'])
const NO = new Set(['nein', 'n', 'no', 'false', 'falsch', '0', '-'])

/** "ja"/"nein" and English, "x", 1/0, true/false → boolean; empty → null; anything else → undefined. */
export function parseYesNo(text: string): boolean | null | undefined {
  const t = text.trim().toLowerCase()
  if (t === '') return null
  if (YES.has(t)) return true
  if (NO.has(t)) return false
  return undefined
}

/** Problem codes of a service field; i18n: `inventory.issue.<code>`. */
export const SERVICE_ISSUE_CODES = [
  'required',
  'too_long',
  'invalid_leika',
  'invalid_number',
  'invalid_date',
  'date_in_future',
  'invalid_channel',
  'duplicate_channel',
  'invalid_form_type',
  'invalid_rating',
] as const
export type ServiceIssueCode = (typeof SERVICE_ISSUE_CODES)[number]

export interface ServiceIssue {
  field: keyof MunicipalService
  code: ServiceIssueCode
  params: Record<string, string | number>
}

/**
 * Checks one service as the form would save it (or as it is read back from storage) and returns
 * every problem. `today` (ISO date) is optional; given, an online-since date after it is reported.
 * Ratings are checked as values only; which criteria they belong to is the model's concern.
 */
export function checkService(service: MunicipalService, today?: string): ServiceIssue[] {
  const issues: ServiceIssue[] = []
  const name = service.name.trim()
  if (name === '') issues.push({ field: 'name', code: 'required', params: {} })
  else if (name.length > SERVICE_LIMITS.nameMax) issues.push({ field: 'name', code: 'too_long', params: { max: SERVICE_LIMITS.nameMax } })
  if (service.leikaKey !== undefined && !isLeikaKey(service.leikaKey)) issues.push({ field: 'leikaKey', code: 'invalid_leika', params: { value: service.leikaKey } })
  if (service.casesPerYear !== undefined && !(Number.isInteger(service.casesPerYear) && service.casesPerYear >= 0 && service.casesPerYear <= SERVICE_LIMITS.casesMax)) {
    issues.push({ field: 'casesPerYear', code: 'invalid_number', params: { value: String(service.casesPerYear) } })
  }
  if (service.onlineSince !== undefined) {
    if (!isCalendarDate(service.onlineSince)) issues.push({ field: 'onlineSince', code: 'invalid_date', params: { value: service.onlineSince } })
    else if (today !== undefined && service.onlineSince > today) issues.push({ field: 'onlineSince', code: 'date_in_future', params: { value: service.onlineSince } })
  }
  const seen = new Set<string>()
  for (const c of service.channels) {
    if (!(SERVICE_CHANNELS as readonly string[]).includes(c)) issues.push({ field: 'channels', code: 'invalid_channel', params: { value: String(c) } })
    else if (seen.has(c)) issues.push({ field: 'channels', code: 'duplicate_channel', params: { value: c } })
    seen.add(c)
  }
  if (!(FORM_TYPES as readonly string[]).includes(service.formType)) issues.push({ field: 'formType', code: 'invalid_form_type', params: { value: String(service.formType) } })
  if (service.note !== undefined && service.note.length > SERVICE_LIMITS.noteMax) issues.push({ field: 'note', code: 'too_long', params: { max: SERVICE_LIMITS.noteMax } })
  for (const [criterion, rating] of Object.entries(service.maturity.ratings)) {
    if (rating !== undefined && !isCriterionRating(rating)) issues.push({ field: 'maturity', code: 'invalid_rating', params: { criterion, value: String(rating) } })
  }
  return issues
}
