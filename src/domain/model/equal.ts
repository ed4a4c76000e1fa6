/**
 * Deep equality of JSON-like data. Object key order does not matter; a property that is undefined
 * equals a missing one (JSON drops both, so a file round trip cannot tell them apart).
 */
export function deepEqualJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return Number.isNaN(a) && Number.isNaN(b)
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!deepEqualJson(a[i], b[i])) return false
    return true
  }
  const ra = a as Record<string, unknown>
  const rb = b as Record<string, unknown>
  const keysA = Object.keys(ra).filter((k) => ra[k] !== undefined)
  const keysB = Object.keys(rb).filter((k) => rb[k] !== undefined)
  if (keysA.length !== keysB.length) return false
  for (const k of keysA) {
    if (!Object.prototype.hasOwnProperty.call(rb, k) || !deepEqualJson(ra[k], rb[k])) return false
  }
  return true
}
