/**
 * Small settings kept in this browser's localStorage (language, analysis options). Reading and
 * writing never throw: storage may be blocked by policy or full; then a setting lasts for the
 * session only, and reading gives null.
 */
export function readLocal(key: string): string | null {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}

export function writeLocal(key: string, value: string): void {
  try {
    localStorage.setItem(key, value)
  } catch {
    // blocked or full: kept for this session only
  }
}

/** A JSON setting; undefined when missing or not readable. */
export function readLocalJson(key: string): unknown {
  const raw = readLocal(key)
  if (raw === null) return undefined
  try {
    return JSON.parse(raw) as unknown
  } catch {
    return undefined
  }
}
