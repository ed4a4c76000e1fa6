/**
 * Validated reads. Every read leaves out records that could break a screen (`isReadable`, a cheap
 * guard) and records that failed the full validation (their keys are kept in meta 'quarantine',
 * written by `scanStoredData`). Nothing is deleted: the data screen lists the quarantined records
 * and saves them as a file. Reading the quarantine list inside a live query also makes every screen
 * re-read when a scan finds something.
 */
import { isReadable, storedKey, STORED_TABLES, type QuarantineEntry, type StoredTable } from '@/domain/model/stored-guard'
import { db } from './database'

export const QUARANTINE_KEY = 'quarantine'
/** Meta key: the rules id (and schema version) the stored data was last fully checked with. */
export const STORED_CHECK_KEY = 'storedDataCheckedWith'

const mark = (table: StoredTable, key: string) => `${table}\u0000${key}`

/** Keys of quarantined records ("table\0key"). Call inside the read (so live queries observe it). */
export async function quarantinedKeys(): Promise<ReadonlySet<string>> {
  const value = (await db.meta.get(QUARANTINE_KEY))?.value
  if (!Array.isArray(value)) return new Set()
  return new Set(value.filter((e): e is QuarantineEntry => typeof e?.table === 'string' && typeof e?.key === 'string').map((e) => mark(e.table, e.key)))
}

/** The rows of `table` that may be shown: readable and not quarantined. */
export function readable<T>(table: StoredTable, rows: readonly unknown[], quarantined: ReadonlySet<string>): T[] {
  return rows.filter((r) => isReadable(table, r) && (quarantined.size === 0 || !quarantined.has(mark(table, storedKey(table, r))))) as T[]
}

/** One record (or undefined when it is missing, unreadable or quarantined). */
export async function readableOne<T>(table: StoredTable, row: unknown): Promise<T | undefined> {
  if (row === undefined) return undefined
  return readable<T>(table, [row], await quarantinedKeys())[0]
}

/** Rows of a table read raw, then filtered: `readableAll('rounds', () => db.rounds.where(…).toArray())`. */
export async function readableAll<T>(table: StoredTable, read: () => Promise<unknown[]>): Promise<T[]> {
  const [rows, q] = await Promise.all([read(), quarantinedKeys()])
  return readable<T>(table, rows, q)
}

/**
 * Whether the background check of stored data is due: the data was last checked with other rules or
 * another schema version (an update of the app), or never, and there is data (an empty database is
 * recorded as checked). Counting rows only:
 * nothing is read in full and no validator is loaded when it is not due.
 */
export async function storedDataCheckDue(rulesId: string): Promise<boolean> {
  const key = `${rulesId}/${db.verno}`
  if ((await db.meta.get(STORED_CHECK_KEY))?.value === key) return false
  for (const table of STORED_TABLES) if (table !== 'meta' && (await db.table(table).count()) > 0) return true
  // No data: nothing to check, and what is stored from now on passes these rules (validated imports, the app's writes).
  await db.meta.put({ key: STORED_CHECK_KEY, value: key })
  return false
}

/**
 * Validates every stored record with `validate` (the full import rules, loaded lazily by the caller)
 * and records the failing ones as the quarantine list (written only when it changed). Returns it.
 */
export async function scanStoredData(validate: (table: StoredTable, raw: unknown) => string[], rulesId?: string): Promise<QuarantineEntry[]> {
  const found: QuarantineEntry[] = []
  for (const table of STORED_TABLES) {
    const rows: unknown[] = await db.table(table).toArray()
    for (const raw of rows) {
      if (table === 'meta' && (storedKey('meta', raw) === QUARANTINE_KEY || storedKey('meta', raw) === STORED_CHECK_KEY)) continue
      const problems = validate(table, raw)
      if (problems.length > 0) found.push({ table, key: storedKey(table, raw), problems })
    }
  }
  const before = (await db.meta.get(QUARANTINE_KEY))?.value
  if (JSON.stringify(before ?? []) !== JSON.stringify(found)) {
    if (found.length === 0) await db.meta.delete(QUARANTINE_KEY)
    else await db.meta.put({ key: QUARANTINE_KEY, value: found })
  }
  if (rulesId !== undefined) await db.meta.put({ key: STORED_CHECK_KEY, value: `${rulesId}/${db.verno}` })
  return found
}

/** The quarantine list as stored (for the data screen and the notice). */
export async function quarantineList(): Promise<QuarantineEntry[]> {
  const value = (await db.meta.get(QUARANTINE_KEY))?.value
  return Array.isArray(value) ? (value as QuarantineEntry[]) : []
}

/** The raw quarantined records, to save them as a file (nothing is lost). */
export async function readQuarantined(entries: readonly QuarantineEntry[]): Promise<{ table: StoredTable; key: string; problems: string[]; record: unknown }[]> {
  const out: { table: StoredTable; key: string; problems: string[]; record: unknown }[] = []
  for (const table of STORED_TABLES) {
    const wanted = entries.filter((e) => e.table === table)
    if (wanted.length === 0) continue
    const rows: unknown[] = await db.table(table).toArray()
    for (const e of wanted) out.push({ ...e, record: rows.find((r) => storedKey(table, r) === e.key) ?? null })
  }
  return out
}
