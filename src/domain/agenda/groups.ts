/**
 * The agenda's entries by Handlungsfeld, in the order the steering group gave its fields; entries
 * without a field (or whose field was removed) come last under `fieldId: null`. Empty fields are left
 * out. Entries keep the agenda's order within a field.
 */
import type { Agenda, AgendaEntry, Handlungsfeld } from './types'

export interface FieldGroup {
  /** null = entries without a (known) Handlungsfeld. */
  field: Handlungsfeld | null
  entries: AgendaEntry[]
}

export function entriesByField(agenda: Pick<Agenda, 'handlungsfelder' | 'entries'>): FieldGroup[] {
  const known = new Set(agenda.handlungsfelder.map((h) => h.id))
  const groups: FieldGroup[] = agenda.handlungsfelder.map((field) => ({ field, entries: agenda.entries.filter((e) => e.handlungsfeldId === field.id) }))
  groups.push({ field: null, entries: agenda.entries.filter((e) => e.handlungsfeldId === null || !known.has(e.handlungsfeldId)) })
  return groups.filter((g) => g.entries.length > 0)
}

/** Sum of the entries' budget estimates in euros and how many entries have none. */
export function budgetTotal(entries: readonly Pick<AgendaEntry, 'budgetEstimate'>[]): { total: number; withoutEstimate: number } {
  let total = 0
  let withoutEstimate = 0
  for (const e of entries) {
    if (e.budgetEstimate === null) withoutEstimate++
    else total += e.budgetEstimate
  }
  return { total, withoutEstimate }
}
