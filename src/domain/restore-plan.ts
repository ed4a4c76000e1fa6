/**
 * Restore plan: what restoring a (validated) backup would change in the database, before anything
 * is written.
 *
 * Restoring is an upsert by id: every record in the backup replaces the stored record with the same
 * id (catalogues: same id and version); stored records the backup does not contain stay untouched.
 * A record whose content is deep-equal to the stored one is "unchanged" and not written, so restoring
 * the same backup twice writes nothing the second time.
 */
import type { Backup, BackupData } from './backup'
import type { Answer, Assessment, Catalog, Department, Organisation, Round } from './types'

/** Per-table preview. `*Labels` are display labels (names) for the preview list. */
export interface TablePlan<T> {
  added: number
  replaced: number
  unchanged: number
  /**
   * Replaced records whose stored `updatedAt` is later than the backup's: restoring overwrites
   * newer work. Always 0 for catalogues (they have no updatedAt).
   */
  replacedNewer: number
  addedLabels: string[]
  replacedLabels: string[]
  toAdd: T[]
  toReplace: T[]
}

export interface AnswerPlan {
  /** Answers in the backup that the stored assessment (or no stored assessment) lacks. */
  added: number
  /** Answers stored with different content. */
  changed: number
  unchanged: number
  /**
   * Answers that exist only in the stored version of a replaced assessment: replacing the
   * assessment removes them. The UI should warn when this is not 0.
   */
  removed: number
}

export interface RestorePlan {
  organisations: TablePlan<Organisation>
  departments: TablePlan<Department>
  rounds: TablePlan<Round>
  assessments: TablePlan<Assessment>
  catalogs: TablePlan<Catalog>
  answers: AnswerPlan
  /** True when nothing would be written. */
  isNoop: boolean
}

/**
 * Deep equality of JSON-like data. Object key order does not matter; a property that is undefined
 * equals a missing one (JSON drops both, so a backup round trip cannot tell them apart).
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

function planTable<T>(
  current: readonly T[],
  incoming: readonly T[],
  keyOf: (r: T) => string,
  labelOf: (r: T) => string,
  updatedAtOf: (r: T) => string | undefined,
  onPair?: (before: T | undefined, after: T) => void,
): TablePlan<T> {
  const stored = new Map<string, T>()
  for (const r of current) stored.set(keyOf(r), r)
  const plan: TablePlan<T> = {
    added: 0,
    replaced: 0,
    unchanged: 0,
    replacedNewer: 0,
    addedLabels: [],
    replacedLabels: [],
    toAdd: [],
    toReplace: [],
  }
  for (const r of incoming) {
    const before = stored.get(keyOf(r))
    onPair?.(before, r)
    if (before === undefined) {
      plan.added++
      plan.addedLabels.push(labelOf(r))
      plan.toAdd.push(r)
    } else if (deepEqualJson(before, r)) {
      plan.unchanged++
    } else {
      plan.replaced++
      plan.replacedLabels.push(labelOf(r))
      plan.toReplace.push(r)
      const storedAt = updatedAtOf(before)
      const incomingAt = updatedAtOf(r)
      if (storedAt !== undefined && incomingAt !== undefined && Date.parse(storedAt) > Date.parse(incomingAt)) {
        plan.replacedNewer++
      }
    }
  }
  return plan
}

function countAnswers(
  before: Record<string, Answer> | undefined,
  after: Record<string, Answer>,
  plan: AnswerPlan,
): void {
  for (const [key, answer] of Object.entries(after)) {
    const old = before?.[key]
    if (old === undefined) plan.added++
    else if (deepEqualJson(old, answer)) plan.unchanged++
    else plan.changed++
  }
  if (before === undefined) return
  for (const key of Object.keys(before)) if (!(key in after)) plan.removed++
}

/**
 * Compares the stored data with an incoming backup. Labels: organisation/department/round name,
 * "Fachbereich – Befragte Person (Runde)" for assessments, "Titel Version" for catalogues.
 */
export function planRestore(current: BackupData, incoming: Backup | BackupData): RestorePlan {
  const deptNames = new Map<string, string>()
  for (const d of [...current.departments, ...incoming.departments]) deptNames.set(d.id, d.name)
  const roundNames = new Map<string, string>()
  for (const r of [...current.rounds, ...incoming.rounds]) roundNames.set(r.id, r.name)

  const answers: AnswerPlan = { added: 0, changed: 0, unchanged: 0, removed: 0 }
  const byId = (r: { id: string }) => r.id
  const updated = (r: { updatedAt: string }) => r.updatedAt
  const plan: Omit<RestorePlan, 'isNoop'> = {
    organisations: planTable(current.organisations, incoming.organisations, byId, (o) => o.name, updated),
    departments: planTable(current.departments, incoming.departments, byId, (d) => d.name, updated),
    rounds: planTable(current.rounds, incoming.rounds, byId, (r) => r.name, updated),
    assessments: planTable(
      current.assessments,
      incoming.assessments,
      byId,
      (a) =>
        `${deptNames.get(a.departmentId) ?? a.departmentId} – ${a.respondent || 'anonym'} (${roundNames.get(a.roundId) ?? a.roundId})`,
      updated,
      (before, after) => countAnswers(before?.answers, after.answers, answers),
    ),
    catalogs: planTable(
      current.catalogs,
      incoming.catalogs,
      (c) => `${c.id}\u0000${c.version}`,
      (c) => `${c.title.de} ${c.version}`,
      () => undefined,
    ),
    answers,
  }
  const tables = [plan.organisations, plan.departments, plan.rounds, plan.assessments, plan.catalogs]
  return { ...plan, isNoop: tables.every((t) => t.added === 0 && t.replaced === 0) }
}

/** Records to upsert, per table: only added and replaced ones (unchanged records are skipped). */
export function recordsToWrite(plan: RestorePlan): BackupData {
  const pick = <T>(t: TablePlan<T>): T[] => [...t.toAdd, ...t.toReplace]
  return {
    organisations: pick(plan.organisations),
    departments: pick(plan.departments),
    rounds: pick(plan.rounds),
    assessments: pick(plan.assessments),
    catalogs: pick(plan.catalogs),
  }
}

/**
 * What the database holds after the restore (pure model of the upsert, for tests and previews):
 * stored records in their order with replacements in place, then the added ones.
 */
export function applyRestore(current: BackupData, plan: RestorePlan): BackupData {
  const upsert = <T>(rows: readonly T[], t: TablePlan<T>, keyOf: (r: T) => string): T[] => {
    const replacements = new Map(t.toReplace.map((r) => [keyOf(r), r] as const))
    return [...rows.map((r) => replacements.get(keyOf(r)) ?? r), ...t.toAdd]
  }
  const byId = (r: { id: string }) => r.id
  return {
    organisations: upsert(current.organisations, plan.organisations, byId),
    departments: upsert(current.departments, plan.departments, byId),
    rounds: upsert(current.rounds, plan.rounds, byId),
    assessments: upsert(current.assessments, plan.assessments, byId),
    catalogs: upsert(current.catalogs, plan.catalogs, (c) => `${c.id}\u0000${c.version}`),
  }
}
