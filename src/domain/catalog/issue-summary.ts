/** Summary of a rejected catalogue's problems (kept free of zod, so screens can word it without loading the validator). */
import type { CatalogEntity, CatalogIssue } from './catalog-schema'

/**
 * How many problems a rejected catalogue has and in how many records of each kind ("12 Fehler in
 * 3 Fragen und 1 Dimension"): records counted once however many problems they have; problems of
 * the file as a whole count under 'catalog'. Entities in a fixed order, only those with problems.
 */
export function issueSummary(issues: readonly CatalogIssue[]): { total: number; places: { entity: CatalogEntity; count: number }[] } {
  const seen = new Map<CatalogEntity, Set<string>>()
  for (const i of issues) {
    const key = i.location.id ?? `#${i.location.position ?? ''}`
    const set = seen.get(i.location.entity) ?? new Set<string>()
    set.add(key)
    seen.set(i.location.entity, set)
  }
  const order: CatalogEntity[] = ['catalog', 'scale', 'group', 'dimension', 'item', 'measure', 'source', 'predecessor']
  return { total: issues.length, places: order.filter((e) => seen.has(e)).map((entity) => ({ entity, count: (seen.get(entity) as Set<string>).size })) }
}
