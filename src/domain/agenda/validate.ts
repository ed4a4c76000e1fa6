/**
 * Rules an agenda must keep beyond its shape (the file and storage schemas check types): unique ids,
 * a horizon of 1–10 years, phases and entry dates inside it, references that resolve, and a status
 * that agrees with the history. Returns codes and parameters, in the order the agenda is read.
 */
import { MAX_HORIZON_YEARS } from '@/domain/analysis/roadmap2'
import { isAgendaPeriod, periodFirstDay, periodLastDay, periodYear } from './periods'
import { latestEvents } from './status'
import type { Agenda, AgendaIssue, AgendaIssueCode, StatusEvent } from './types'

export interface AgendaValidationContext {
  /** The agenda's status events; without them status and history are not compared. */
  history?: readonly StatusEvent[]
  /** Departments of the organisation; without them owners are not checked. */
  departmentIds?: Iterable<string>
  /** Measures of the source catalogue; without them measure ids are not checked. */
  measureIds?: Iterable<string>
}

/** Earliest and latest start year accepted (four-digit years). */
const MIN_YEAR = 1000
const MAX_YEAR = 9999

/** Findings about the agenda (empty = valid). See AgendaIssueCode for the codes. */
export function validateAgenda(agenda: Agenda, context: AgendaValidationContext = {}): AgendaIssue[] {
  const issues: AgendaIssue[] = []
  const add = (code: AgendaIssueCode, params: Record<string, string | number> = {}) => issues.push({ code, params })

  if (agenda.name.trim() === '') add('agenda.nameRequired')
  if (agenda.version.trim() === '') add('agenda.versionRequired')
  const { startYear, years } = agenda.horizon
  const startOk = Number.isInteger(startYear) && startYear >= MIN_YEAR && startYear <= MAX_YEAR
  if (!startOk) add('agenda.invalidStartYear', { value: startYear })
  const yearsOk = Number.isInteger(years) && years >= 1
  if (!yearsOk) add('agenda.invalidHorizon', { years })
  else if (years > MAX_HORIZON_YEARS) add('agenda.horizonTooLong', { years, max: MAX_HORIZON_YEARS })
  const horizonOk = startOk && yearsOk
  const horizonStart = startYear
  const horizonEnd = startYear + years - 1

  const duplicates = (kind: string, ids: readonly string[]) => {
    const seen = new Set<string>()
    for (const id of ids) {
      if (seen.has(id)) add('agenda.duplicateId', { kind, id })
      seen.add(id)
    }
  }

  duplicates('phase', agenda.phases.map((p) => p.id))
  for (const p of agenda.phases) {
    if (p.startYear > p.endYear) add('agenda.phaseReversed', { id: p.id, startYear: p.startYear, endYear: p.endYear })
    else if (horizonOk && (p.startYear < horizonStart || p.endYear > horizonEnd)) {
      add('agenda.phaseOutsideHorizon', { id: p.id, startYear: p.startYear, endYear: p.endYear, horizonStart, horizonEnd })
    }
  }
  const byStart = agenda.phases.filter((p) => p.startYear <= p.endYear).sort((a, b) => a.startYear - b.startYear || a.endYear - b.endYear)
  for (let i = 1; i < byStart.length; i++) {
    const prev = byStart[i - 1]!
    const cur = byStart[i]!
    if (cur.startYear <= prev.endYear) add('agenda.phasesOverlap', { id: prev.id, otherId: cur.id })
  }

  duplicates('handlungsfeld', agenda.handlungsfelder.map((h) => h.id))
  for (const h of agenda.handlungsfelder) if (h.title.trim() === '') add('agenda.handlungsfeldTitleRequired', { id: h.id })

  duplicates('entry', agenda.entries.map((e) => e.id))
  const fields = new Set(agenda.handlungsfelder.map((h) => h.id))
  const departments = context.departmentIds ? new Set(context.departmentIds) : null
  const measures = context.measureIds ? new Set(context.measureIds) : null
  const removed = new Set(agenda.removedEntries.map((t) => t.id))
  for (const e of agenda.entries) {
    if (removed.has(e.id)) add('agenda.removedEntryPresent', { id: e.id })
    if (e.measureId === null && e.title.trim() === '') add('agenda.entryUntitled', { id: e.id })
    let datesOk = true
    for (const field of ['start', 'end'] as const) {
      const value = e[field]
      if (value === null) continue
      if (!isAgendaPeriod(value)) {
        add('agenda.invalidDate', { id: e.id, field, value })
        datesOk = false
      } else if (horizonOk && (periodYear(value) < horizonStart || periodYear(value) > horizonEnd)) {
        add('agenda.dateOutsideHorizon', { id: e.id, field, value, horizonStart, horizonEnd })
      }
    }
    if (datesOk && e.start !== null && e.end !== null && periodLastDay(e.end) < periodFirstDay(e.start)) {
      add('agenda.endBeforeStart', { id: e.id, start: e.start, end: e.end })
    }
    if (e.budgetEstimate !== null && !(Number.isSafeInteger(e.budgetEstimate) && e.budgetEstimate >= 0)) {
      add('agenda.invalidBudget', { id: e.id, value: e.budgetEstimate })
    }
    if (e.handlungsfeldId !== null && !fields.has(e.handlungsfeldId)) add('agenda.unknownHandlungsfeld', { id: e.id, handlungsfeldId: e.handlungsfeldId })
    if (departments && e.ownerDepartmentId !== null && !departments.has(e.ownerDepartmentId)) {
      add('agenda.unknownDepartment', { id: e.id, departmentId: e.ownerDepartmentId })
    }
    if (measures && e.measureId !== null && !measures.has(e.measureId)) add('agenda.unknownMeasure', { id: e.id, measureId: e.measureId })
  }

  if (context.history) {
    duplicates('event', context.history.map((ev) => ev.id))
    const known = new Set([...agenda.entries.map((e) => e.id), ...removed])
    for (const ev of context.history) {
      if (ev.agendaId !== agenda.id) add('agenda.eventForeignAgenda', { eventId: ev.id, agendaId: ev.agendaId })
      else if (!known.has(ev.entryId)) add('agenda.eventUnknownEntry', { eventId: ev.id, entryId: ev.entryId })
    }
    const latest = latestEvents(context.history.filter((ev) => ev.agendaId === agenda.id))
    for (const e of agenda.entries) {
      const last = latest.get(e.id)
      if (last && last.to !== e.status) add('agenda.statusMismatch', { id: e.id, status: e.status, historyStatus: last.to })
    }
  }
  return issues
}
