/**
 * The order of departments and scores on the results screens: German numeric-aware collation for
 * codes and names, and a tolerance under which two scores tie.
 */

/** Collation for codes and names: German, numeric-aware ("FB 2" before "FB 10"). */
const collator = new Intl.Collator('de', { numeric: true })

/** Two scores closer than this count as equal (tie) when sorting and ranking. */
const SCORE_TIE_TOLERANCE = 1e-9

/** Compares two texts (names, parent units) by numeric-aware German collation. */
export function compareText(a: string, b: string): number {
  return collator.compare(a, b)
}

/**
 * Compares by code (numeric-aware German collation), then by department id so the order is
 * total and does not depend on the input order.
 */
export function compareByCode(
  a: { code: string; departmentId: string },
  b: { code: string; departmentId: string },
): number {
  const c = collator.compare(a.code, b.code)
  if (c !== 0) return c
  return a.departmentId < b.departmentId ? -1 : a.departmentId > b.departmentId ? 1 : 0
}

/** -1 / 0 / 1 for two non-null scores, 0 within SCORE_TIE_TOLERANCE. */
export function compareScores(a: number, b: number): number {
  return Math.abs(a - b) < SCORE_TIE_TOLERANCE ? 0 : a < b ? -1 : 1
}
