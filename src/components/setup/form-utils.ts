/**
 * Parses an optional whole number typed by a user ("48.300", "48 300" and "48300" all work).
 * Returns null for an empty field and undefined for something that is not a whole number ≥ 0.
 */
export function parseCount(text: string): number | null | undefined {
  const cleaned = text.trim().replace(/[.\s\u00a0]/g, '')
  if (cleaned === '') return null
  if (!/^\d{1,9}$/.test(cleaned)) return undefined
  return Number(cleaned)
}
