/**
 * The replicated tables and the text that names a record in each, as the outbox middleware (part
 * of the first load) writes them: tiny on purpose. Document kinds and ids are in keys.ts.
 */
export const SYNC_TABLES = ['organisations', 'departments', 'rounds', 'assessments', 'catalogs', 'tombstones', 'agendas', 'services', 'syncConflicts'] as const
export type SyncTable = (typeof SYNC_TABLES)[number]

/**
 * The record's key as text: its id; catalogues `id` + NUL + `version`; conflicts their key. The
 * same text the outbox uses (`outboxKey`), so both sides name a record the same way.
 */
export function recordKeyText(table: SyncTable, key: unknown): string {
  if (table === 'catalogs' && Array.isArray(key)) return `${String(key[0])}\u0000${String(key[1])}`
  return String(key)
}

/** Key text of a stored record of `table` (StoredCatalog rows and plain catalogues alike). */
export function keyTextOfRecord(table: SyncTable, record: Record<string, unknown>): string {
  if (table === 'catalogs') {
    const c = (record.catalog ?? record) as { id: string; version: string }
    return `${c.id}\u0000${c.version}`
  }
  if (table === 'syncConflicts') return String(record.key)
  return String(record.id)
}
