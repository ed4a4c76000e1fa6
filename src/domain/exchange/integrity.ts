/**
 * Integrity of a parsed exchange file: duplicate ids, references between tables, pinned
 * catalogues and answered items, (for packages) that the file holds exactly its scope, and (for
 * backups) the rules of the Digitale Agenda and the Leistungsinventar beyond their shape.
 */
import type { StatusEvent } from '@/domain/agenda/types'
import { validateAgenda } from '@/domain/agenda/validate'
import { catalogKey } from '@/domain/model/keys'
import { checkService } from '@/domain/services/values'
import { BACKUP_FORMAT, type BackupData, type ExchangeFile, type InconsistentReferenceReason, type PackageFile, type ParseBackupOptions } from './formats'
import type { ErrorCollector, PathSeg } from './messages'

/** A package holds exactly its organisation, round and department, and only the named questionnaires. */
export function checkScope(file: PackageFile, errors: ErrorCollector): void {
  const { scope } = file
  const mismatch = (detail: string, path: PathSeg[]) => errors.add('backup.scopeMismatch', { detail }, path)
  if (file.organisations.length !== 1 || file.organisations[0]!.id !== scope.orgId) mismatch('organisations ≠ scope.orgId', ['organisations'])
  if (file.rounds.length !== 1 || file.rounds[0]!.id !== scope.roundId) mismatch('rounds ≠ scope.roundId', ['rounds'])
  if (file.departments.length !== 1 || file.departments[0]!.id !== scope.departmentId) mismatch('departments ≠ scope.departmentId', ['departments'])
  const ids = new Set(scope.assessmentIds)
  file.assessments.forEach((a, i) => {
    if (!ids.has(a.id) || a.roundId !== scope.roundId || a.departmentId !== scope.departmentId) mismatch(`assessments[${i}] ∉ scope`, ['assessments', i])
  })
  if (file.assessments.length !== ids.size) mismatch('assessments ≠ scope.assessmentIds', ['scope', 'assessmentIds'])
}

function indexById<T extends { id: string }>(
  table: keyof BackupData,
  records: readonly T[],
  errors: ErrorCollector,
): Map<string, T> {
  const map = new Map<string, T>()
  records.forEach((r, i) => {
    if (map.has(r.id)) errors.add('backup.duplicateId', { table, id: r.id }, [table, i, 'id'])
    else map.set(r.id, r)
  })
  return map
}

/** Duplicate ids, references between tables, pinned catalogues and answered items. */
export function checkIntegrity(backup: ExchangeFile, options: ParseBackupOptions, errors: ErrorCollector): void {
  const orgs = indexById('organisations', backup.organisations, errors)
  const departments = indexById('departments', backup.departments, errors)
  const rounds = indexById('rounds', backup.rounds, errors)
  indexById('assessments', backup.assessments, errors)
  if (backup.format === BACKUP_FORMAT) checkStrategy(backup, orgs, errors)

  const included = new Map<string, ReadonlySet<string>>()
  backup.catalogs.forEach((c, i) => {
    const key = catalogKey(c.id, c.version)
    if (included.has(key)) {
      errors.add('backup.duplicateCatalog', { catalogId: c.id, catalogVersion: c.version }, ['catalogs', i])
    } else included.set(key, new Set(c.items.map((item) => item.id)))
  })

  const missing = (field: string, id: string, table: string, path: PathSeg[]) =>
    errors.add('backup.missingReference', { field, id, table }, path)

  backup.departments.forEach((d, i) => {
    if (!orgs.has(d.orgId)) missing('orgId', d.orgId, 'organisations', ['departments', i, 'orgId'])
  })

  const itemsByRound = new Map<string, ReadonlySet<string>>()
  backup.rounds.forEach((r, i) => {
    if (!orgs.has(r.orgId)) missing('orgId', r.orgId, 'organisations', ['rounds', i, 'orgId'])
    const items =
      included.get(catalogKey(r.catalogId, r.catalogVersion)) ??
      options.knownCatalogItems?.(r.catalogId, r.catalogVersion)
    if (items === undefined) {
      errors.add(
        'backup.unknownCatalog',
        { catalogId: r.catalogId, catalogVersion: r.catalogVersion },
        ['rounds', i, 'catalogVersion'],
      )
    } else itemsByRound.set(r.id, items)
  })

  for (let i = 0; i < backup.assessments.length && !errors.full; i++) {
    const a = backup.assessments[i]!
    if (!orgs.has(a.orgId)) missing('orgId', a.orgId, 'organisations', ['assessments', i, 'orgId'])
    const round = rounds.get(a.roundId)
    const department = departments.get(a.departmentId)
    if (round === undefined) missing('roundId', a.roundId, 'rounds', ['assessments', i, 'roundId'])
    else if (round.orgId !== a.orgId) {
      errors.add(
        'backup.inconsistentReference',
        { field: 'orgId', actual: a.orgId, expected: round.orgId, reason: 'roundOrganisation' satisfies InconsistentReferenceReason },
        ['assessments', i, 'orgId'],
      )
    }
    if (department === undefined) {
      missing('departmentId', a.departmentId, 'departments', ['assessments', i, 'departmentId'])
    } else if (department.orgId !== a.orgId) {
      errors.add(
        'backup.inconsistentReference',
        { field: 'orgId', actual: a.orgId, expected: department.orgId, reason: 'departmentOrganisation' satisfies InconsistentReferenceReason },
        ['assessments', i, 'orgId'],
      )
    }
    const items = itemsByRound.get(a.roundId)
    if (items === undefined || round === undefined) continue
    for (const key of Object.keys(a.answers)) {
      if (!items.has(key)) {
        errors.add(
          'backup.unknownItem',
          { itemId: key, catalogId: round.catalogId, catalogVersion: round.catalogVersion },
          ['assessments', i, 'answers', key],
        )
      }
    }
  }
}


/**
 * The Digitale Agenda and the Leistungsinventar of a backup: unique ids, the organisation of every
 * agenda and service, the agenda of every status event, and the domain's own rules
 * (`validateAgenda` with the agenda's history, `checkService`). Owner departments, the source round
 * and measure ids are not required to exist: a department or round deleted later stays named there.
 */
function checkStrategy(backup: BackupData, orgs: ReadonlyMap<string, unknown>, errors: ErrorCollector): void {
  const agendas = indexById('agendas', backup.agendas, errors)
  indexById('agendaEvents', backup.agendaEvents, errors)
  indexById('services', backup.services, errors)
  const missing = (field: string, id: string, table: string, path: PathSeg[]) => errors.add('backup.missingReference', { field, id, table }, path)

  const eventIndex = new Map<string, number>()
  const history = new Map<string, StatusEvent[]>()
  backup.agendaEvents.forEach((e, i) => {
    eventIndex.set(e.id, i)
    if (!agendas.has(e.agendaId)) missing('agendaId', e.agendaId, 'agendas', ['agendaEvents', i, 'agendaId'])
    else history.set(e.agendaId, [...(history.get(e.agendaId) ?? []), e])
  })
  for (let i = 0; i < backup.agendas.length && !errors.full; i++) {
    const a = backup.agendas[i]!
    if (!orgs.has(a.orgId)) missing('orgId', a.orgId, 'organisations', ['agendas', i, 'orgId'])
    for (const issue of validateAgenda(a, { history: history.get(a.id) ?? [] })) {
      const entry = a.entries.findIndex((e) => e.id === issue.params.id)
      const event = typeof issue.params.eventId === 'string' ? eventIndex.get(issue.params.eventId) : undefined
      const path: PathSeg[] = event !== undefined ? ['agendaEvents', event] : entry >= 0 ? ['agendas', i, 'entries', entry] : ['agendas', i]
      errors.add('backup.invalidAgenda', { name: a.name, issue: issue.code }, path, undefined, issue)
    }
  }
  for (let i = 0; i < backup.services.length && !errors.full; i++) {
    const service = backup.services[i]!
    if (!orgs.has(service.orgId)) missing('orgId', service.orgId, 'organisations', ['services', i, 'orgId'])
    for (const issue of checkService(service)) {
      errors.add('backup.invalidService', { name: service.name, field: issue.field, issue: issue.code }, ['services', i, issue.field], undefined, { code: issue.code, params: issue.params })
    }
  }
}
