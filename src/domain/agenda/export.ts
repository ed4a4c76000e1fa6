/**
 * The agenda as one office table (XLSX/ODS via TableExportButtons): one row per entry in agenda
 * order. Words come from the caller's i18n (useAgendaTexts().exportWords); budgets stay numbers,
 * dates stay as entered.
 */
import type { ExportTable } from '@/domain/results/table-export'
import { isLate } from './status'
import type { Agenda, AgendaEntry } from './types'

export interface AgendaExportWords {
  sheet: string
  headers: string[]
  title: (e: AgendaEntry) => string
  kind: (e: AgendaEntry) => string
  status: (e: AgendaEntry) => string
  owner: (e: AgendaEntry) => string
  late: string
}

/** Columns: title, kind, Handlungsfeld, owner, start, end, budget, status, late, note. */
export function agendaExportTable(agenda: Agenda, today: string, w: AgendaExportWords): ExportTable {
  const fields = new Map(agenda.handlungsfelder.map((h) => [h.id, h.title]))
  return {
    name: w.sheet,
    headers: w.headers,
    rows: agenda.entries.map((e) => [
      w.title(e),
      w.kind(e),
      e.handlungsfeldId ? (fields.get(e.handlungsfeldId) ?? '') : '',
      w.owner(e),
      e.start ?? '',
      e.end ?? '',
      e.budgetEstimate,
      w.status(e),
      isLate(e, today) ? w.late : '',
      e.note,
    ]),
  }
}
