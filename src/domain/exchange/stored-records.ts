/**
 * Validation of what comes back from IndexedDB, with the same rules as imported files.
 *
 * Two levels: `isReadable` is a cheap structural guard applied on every read (no zod, so it costs
 * nothing on the first load): a record that fails it could crash a screen and is left out at once.
 * `validateStored` applies the full import schemas; the app runs it over all stored data in the
 * background after start and on the data screen, and keeps the ids of failing records aside
 * ("quarantine"), so every read leaves them out and the data screen lists them. Nothing is deleted.
 */
import { agendaSchema, assessmentShellSchema, checkAnswer, departmentSchema, organisationSchema, roundSchema, serviceSchema, statusEventSchema, tombstoneSchema } from '@/domain/exchange/schema'
import { validateCatalog } from '@/domain/catalog/catalog-schema'
import { validateAgenda } from '@/domain/agenda/validate'
import { checkService } from '@/domain/services/values'
import { isReadable, type StoredTable } from '@/domain/model/stored-guard'
import { formatPath } from './messages'
export { STORED_TABLES, isReadable, storedKey, type QuarantineEntry, type StoredTable } from '@/domain/model/stored-guard'

const str = (v: unknown): v is string => typeof v === 'string'

const zodProblems = (issues: readonly { path: PropertyKey[]; code: string }[]): string[] =>
  issues.map((i) => `${i.path.map(String).join('.') || '(record)'}: ${i.code}`)

/** Meta keys with a known type; unknown keys are left alone. */
const META_RULES: Record<string, (v: unknown) => boolean> = {
  deviceId: (v) => str(v) && v.length > 0 && v.length <= 100,
  userName: str,
  activeOrgId: str,
  lastChangeAt: str,
  lastExportAt: str,
  firstUnexportedChangeAt: str,
}

/** Full validation of one stored record with the import rules; [] when it is valid. */
export function validateStored(table: StoredTable, raw: unknown): string[] {
  if (!isReadable(table, raw)) return ['(record): shape']
  const r = raw as Record<string, unknown>
  switch (table) {
    case 'organisations':
      return zodProblems(organisationSchema.safeParse(r).error?.issues ?? [])
    case 'departments':
      return zodProblems(departmentSchema.safeParse(r).error?.issues ?? [])
    case 'rounds':
      return zodProblems(roundSchema.safeParse(r).error?.issues ?? [])
    case 'tombstones':
      return zodProblems(tombstoneSchema.safeParse(r).error?.issues ?? [])
    case 'agendas': {
      // The status history lives in its own table; here the agenda's own rules (without history).
      const parsed = agendaSchema.safeParse(r)
      if (!parsed.success) return zodProblems(parsed.error.issues)
      return validateAgenda(parsed.data).map((i) => `(record): ${i.code}${i.params.id !== undefined ? ` ${String(i.params.id)}` : ''}`)
    }
    case 'agendaEvents':
      return zodProblems(statusEventSchema.safeParse(r).error?.issues ?? [])
    case 'services': {
      const parsed = serviceSchema.safeParse(r)
      if (!parsed.success) return zodProblems(parsed.error.issues)
      return checkService(parsed.data).map((i) => `${i.field}: ${i.code}`)
    }
    case 'assessments': {
      const problems = zodProblems(assessmentShellSchema.safeParse(r).error?.issues ?? [])
      for (const [key, answer] of Object.entries(r.answers as Record<string, unknown>)) {
        const checked = checkAnswer(answer)
        if (!checked.ok) problems.push(...checked.issues.map((i) => `answers.${key}${i.field ? `.${i.field}` : ''}: ${i.kind}`))
        else if (checked.answer.itemId !== key) problems.push(`answers.${key}.itemId: keyMismatch`)
      }
      return problems
    }
    case 'catalogs': {
      const result = validateCatalog(r.catalog)
      const problems = result.ok ? [] : result.issues.map((i) => `${formatPath(['catalog', ...i.path])}: ${i.code}`)
      if (result.ok && (result.catalog.id !== r.id || result.catalog.version !== r.version)) problems.push('(record): keyMismatch')
      return problems
    }
    case 'meta': {
      const rule = META_RULES[r.key as string]
      return rule && !rule(r.value) ? [`value: invalid`] : []
    }
  }
}

