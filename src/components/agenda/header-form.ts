/**
 * The agenda header form's values and checks, apart from its template: the values as typed, the
 * patch they make, and the domain's findings (validateAgenda on the agenda with the new header)
 * sorted to the input they concern. Keys of inputs: 'name', 'version', 'startYear', 'years',
 * `phase:<id>:name|from|to`, `field:<id>`; a finding with input null is shown above the buttons.
 */
import type { AgendaHeaderPatch } from '@/domain/agenda/edit'
import type { Agenda, AgendaIssue } from '@/domain/agenda/types'
import { validateAgenda } from '@/domain/agenda/validate'

export interface PhaseRow {
  id: string
  name: string
  startYear: string
  endYear: string
}
export interface FieldRow {
  id: string
  title: string
}
export interface HeaderFormValues {
  name: string
  version: string
  startYear: string
  years: string
  phases: PhaseRow[]
  handlungsfelder: FieldRow[]
}

/** A finding: a domain issue (its text from `agenda.issue.*`) or one of the form's own (`agenda.header.*`, counted by `n`). */
export type HeaderFinding =
  | { input: string | null; issue: AgendaIssue }
  | { input: string | null; own: 'yearInvalid' | 'entriesOutsideHorizon' | 'fieldInUse'; params: Record<string, string | number>; n: number }

export const phaseInput = (id: string, part: 'name' | 'from' | 'to') => `phase:${id}:${part}`
export const fieldInput = (id: string) => `field:${id}`

export function headerFormValues(agenda: Agenda): HeaderFormValues {
  return {
    name: agenda.name,
    version: agenda.version,
    startYear: String(agenda.horizon.startYear),
    years: String(agenda.horizon.years),
    phases: agenda.phases.map((p) => ({ id: p.id, name: p.name, startYear: String(p.startYear), endYear: String(p.endYear) })),
    handlungsfelder: agenda.handlungsfelder.map((h) => ({ id: h.id, title: h.title })),
  }
}

/** A four-digit year as typed, else NaN (a number input would accept "27" or "2e3"). */
const year = (text: string): number => (/^\d{4}$/.test(text.trim()) ? Number(text.trim()) : NaN)
const whole = (text: string): number => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN)

/** The header as the form would save it: texts trimmed, phases in the order of their years. */
export function headerPatch(v: HeaderFormValues): Required<Pick<AgendaHeaderPatch, 'name' | 'version' | 'horizon' | 'phases' | 'handlungsfelder'>> {
  return {
    name: v.name.trim(),
    version: v.version.trim(),
    horizon: { startYear: year(v.startYear), years: whole(v.years) },
    phases: v.phases
      .map((p) => ({ id: p.id, name: p.name.trim(), startYear: year(p.startYear), endYear: year(p.endYear) }))
      .sort((a, b) => a.startYear - b.startYear || a.endYear - b.endYear),
    handlungsfelder: v.handlungsfelder.map((h) => ({ id: h.id, title: h.title.trim() })),
  }
}

/** How many of the agenda's entries are in the Handlungsfeld. */
export const entriesInField = (agenda: Pick<Agenda, 'entries'>, fieldId: string): number => agenda.entries.filter((e) => e.handlungsfeldId === fieldId).length

const key = (i: AgendaIssue) => `${i.code} ${JSON.stringify(i.params)}`

/**
 * What keeps the new header from being saved (empty = it can be saved). Rules of the domain the stored
 * agenda already breaks are not the form's business and are left out; entries' dates the new horizon
 * leaves out, or entries in a Handlungsfeld that is gone, are summed up in one finding each.
 */
export function checkHeader(agenda: Agenda, v: HeaderFormValues): HeaderFinding[] {
  const out: HeaderFinding[] = []
  const typed = new Set<string>()
  for (const p of v.phases) {
    for (const [part, text] of [['from', p.startYear], ['to', p.endYear]] as const) {
      if (Number.isNaN(year(text))) {
        out.push({ input: phaseInput(p.id, part), own: 'yearInvalid', params: { value: text }, n: 1 })
        typed.add(p.id)
      }
    }
  }
  const patch = headerPatch(v)
  // Phases with a year that is not one are reported above; the domain judges the others.
  const candidate: Agenda = { ...agenda, ...patch, phases: patch.phases.filter((p) => !typed.has(p.id)) }
  const before = new Set(validateAgenda(agenda).map(key))
  const outside = new Set<string>()
  const orphaned = new Map<string, number>()
  for (const issue of validateAgenda(candidate)) {
    if (before.has(key(issue))) continue
    const id = String(issue.params.id ?? '')
    switch (issue.code) {
      case 'agenda.nameRequired':
        out.push({ input: 'name', issue })
        break
      case 'agenda.versionRequired':
        out.push({ input: 'version', issue })
        break
      case 'agenda.invalidStartYear':
        out.push({ input: 'startYear', issue })
        break
      case 'agenda.invalidHorizon':
      case 'agenda.horizonTooLong':
        out.push({ input: 'years', issue })
        break
      case 'agenda.phaseReversed':
        out.push({ input: phaseInput(id, 'to'), issue })
        break
      case 'agenda.phaseOutsideHorizon':
        out.push({ input: phaseInput(id, Number(issue.params.startYear) < Number(issue.params.horizonStart) ? 'from' : 'to'), issue })
        break
      case 'agenda.phasesOverlap':
        out.push({ input: phaseInput(String(issue.params.otherId), 'from'), issue })
        break
      case 'agenda.handlungsfeldTitleRequired':
        out.push({ input: fieldInput(id), issue })
        break
      case 'agenda.dateOutsideHorizon':
        outside.add(id)
        break
      case 'agenda.unknownHandlungsfeld': {
        const field = String(issue.params.handlungsfeldId)
        orphaned.set(field, (orphaned.get(field) ?? 0) + 1)
        break
      }
      default:
        out.push({ input: null, issue })
    }
  }
  if (outside.size > 0) {
    const { startYear, years } = patch.horizon
    // At the input that moved the horizon: the first year if it changed, else the number of years.
    const input = startYear !== agenda.horizon.startYear ? 'startYear' : 'years'
    out.push({ input, own: 'entriesOutsideHorizon', params: { n: outside.size, from: startYear, to: startYear + years - 1 }, n: outside.size })
  }
  for (const [field, n] of orphaned) {
    const title = agenda.handlungsfelder.find((h) => h.id === field)?.title ?? field
    out.push({ input: null, own: 'fieldInUse', params: { n, title }, n })
  }
  return out
}
