// Rules of an agenda: one change per case against a valid agenda, with the exact codes and parameters.
import { describe, expect, it } from 'vitest'
import { validateAgenda, type AgendaValidationContext } from '@/domain/agenda/validate'
import type { Agenda, AgendaIssue } from '@/domain/agenda/types'
import { makeAgenda, makeEntry, makeEvent } from '../fixtures/agenda-builders'

/** Valid: horizon 2025–2034, three phases, two Handlungsfelder, two entries, a consistent history. */
function valid(): Agenda {
  return makeAgenda({
    entries: [
      makeEntry({ id: 'e-1', measureId: 'm-1', title: '', kind: 'leitprojekt', handlungsfeldId: 'hf-1', ownerDepartmentId: 'dep-1', start: '2025-03', end: '2026-06-30', budgetEstimate: 120000, status: 'in_progress', order: 1 }),
      makeEntry({ id: 'e-2', title: 'Abfallkalender-App', kind: 'quick_win', start: '2025-01-01', end: '2025-01', budgetEstimate: 0, order: 2 }),
    ],
    removedEntries: [{ id: 'e-0', deletedAt: '2025-02-01T00:00:00.000Z', deletedBy: '', deviceId: 'dev-a' }],
  })
}
const history = [makeEvent({ id: 'ev-1', entryId: 'e-1', at: '2025-03-01T08:00:00.000Z', to: 'in_progress' }), makeEvent({ id: 'ev-0', entryId: 'e-0', at: '2025-01-20T08:00:00.000Z', to: 'deferred' })]
const context: AgendaValidationContext = { history, departmentIds: ['dep-1', 'dep-2'], measureIds: ['m-1', 'm-2'] }

const entry = (a: Agenda, i: number) => a.entries[i]!

describe('validateAgenda', () => {
  it('accepts a valid agenda', () => {
    expect(validateAgenda(valid(), context)).toEqual([])
  })

  it.each<[string, (a: Agenda) => void, AgendaIssue[]]>([
    ['empty name and version', (a) => ((a.name = '  '), (a.version = '')), [{ code: 'agenda.nameRequired', params: {} }, { code: 'agenda.versionRequired', params: {} }]],
    ['start year not a whole number', (a) => (a.horizon.startYear = 2025.5), [{ code: 'agenda.invalidStartYear', params: { value: 2025.5 } }]],
    ['zero years', (a) => (a.horizon.years = 0), [{ code: 'agenda.invalidHorizon', params: { years: 0 } }]],
    [
      'eleven years',
      (a) => (a.horizon.years = 11),
      [{ code: 'agenda.horizonTooLong', params: { years: 11, max: 10 } }],
    ],
    [
      'a five-year horizon leaves the last phase outside',
      (a) => (a.horizon.years = 5),
      [{ code: 'agenda.phaseOutsideHorizon', params: { id: 'ph-3', startYear: 2030, endYear: 2034, horizonStart: 2025, horizonEnd: 2029 } }],
    ],
    [
      'a phase before the horizon',
      (a) => (a.phases[0]!.startYear = 2024),
      [{ code: 'agenda.phaseOutsideHorizon', params: { id: 'ph-1', startYear: 2024, endYear: 2026, horizonStart: 2025, horizonEnd: 2034 } }],
    ],
    ['a reversed phase', (a) => (a.phases[1]!.endYear = 2026), [{ code: 'agenda.phaseReversed', params: { id: 'ph-2', startYear: 2027, endYear: 2026 } }]],
    ['overlapping phases', (a) => (a.phases[1]!.startYear = 2026), [{ code: 'agenda.phasesOverlap', params: { id: 'ph-1', otherId: 'ph-2' } }]],
    [
      'duplicate ids of phases, Handlungsfelder and entries',
      (a) => {
        a.phases[2]!.id = 'ph-1'
        a.handlungsfelder[1]!.id = 'hf-1'
        entry(a, 1).id = 'e-1'
        entry(a, 1).status = 'in_progress'
      },
      [
        { code: 'agenda.duplicateId', params: { kind: 'phase', id: 'ph-1' } },
        { code: 'agenda.duplicateId', params: { kind: 'handlungsfeld', id: 'hf-1' } },
        { code: 'agenda.duplicateId', params: { kind: 'entry', id: 'e-1' } },
      ],
    ],
    ['an untitled Handlungsfeld', (a) => (a.handlungsfelder[0]!.title = ' '), [{ code: 'agenda.handlungsfeldTitleRequired', params: { id: 'hf-1' } }]],
    ['an own entry without title', (a) => (entry(a, 1).title = ''), [{ code: 'agenda.entryUntitled', params: { id: 'e-2' } }]],
    [
      'invalid dates',
      (a) => ((entry(a, 0).start = '2025-13'), (entry(a, 1).end = '2025-02-30')),
      [
        { code: 'agenda.invalidDate', params: { id: 'e-1', field: 'start', value: '2025-13' } },
        { code: 'agenda.invalidDate', params: { id: 'e-2', field: 'end', value: '2025-02-30' } },
      ],
    ],
    [
      'dates outside the horizon',
      (a) => ((entry(a, 0).start = '2024-12'), (entry(a, 0).end = '2035-01-01')),
      [
        { code: 'agenda.dateOutsideHorizon', params: { id: 'e-1', field: 'start', value: '2024-12', horizonStart: 2025, horizonEnd: 2034 } },
        { code: 'agenda.dateOutsideHorizon', params: { id: 'e-1', field: 'end', value: '2035-01-01', horizonStart: 2025, horizonEnd: 2034 } },
      ],
    ],
    ['end before start', (a) => ((entry(a, 0).start = '2026-07'), (entry(a, 0).end = '2026-06')), [{ code: 'agenda.endBeforeStart', params: { id: 'e-1', start: '2026-07', end: '2026-06' } }]],
    [
      'budgets negative or with cents',
      (a) => ((entry(a, 0).budgetEstimate = -1), (entry(a, 1).budgetEstimate = 99.5)),
      [
        { code: 'agenda.invalidBudget', params: { id: 'e-1', value: -1 } },
        { code: 'agenda.invalidBudget', params: { id: 'e-2', value: 99.5 } },
      ],
    ],
    [
      'references that do not resolve',
      (a) => {
        entry(a, 0).handlungsfeldId = 'hf-9'
        entry(a, 0).ownerDepartmentId = 'dep-9'
        entry(a, 0).measureId = 'm-9'
      },
      [
        { code: 'agenda.unknownHandlungsfeld', params: { id: 'e-1', handlungsfeldId: 'hf-9' } },
        { code: 'agenda.unknownDepartment', params: { id: 'e-1', departmentId: 'dep-9' } },
        { code: 'agenda.unknownMeasure', params: { id: 'e-1', measureId: 'm-9' } },
      ],
    ],
    ['an entry present and removed', (a) => a.removedEntries.push({ id: 'e-2', deletedAt: '2025-02-01T00:00:00.000Z', deletedBy: '', deviceId: 'dev-a' }), [{ code: 'agenda.removedEntryPresent', params: { id: 'e-2' } }]],
    ['status and history disagree', (a) => (entry(a, 0).status = 'done'), [{ code: 'agenda.statusMismatch', params: { id: 'e-1', status: 'done', historyStatus: 'in_progress' } }]],
  ])('%s', (_name, change, issues) => {
    const a = structuredClone(valid())
    change(a)
    expect(validateAgenda(a, context)).toEqual(issues)
  })

  it('checks the history: duplicate, foreign and dangling events', () => {
    const events = [
      ...history,
      makeEvent({ id: 'ev-1', entryId: 'e-1', at: '2025-03-01T08:00:00.000Z' }),
      makeEvent({ id: 'ev-2', agendaId: 'ag-2', entryId: 'e-1', at: '2025-04-01T08:00:00.000Z', to: 'done' }),
      makeEvent({ id: 'ev-3', entryId: 'e-9', at: '2025-04-01T08:00:00.000Z' }),
    ]
    expect(validateAgenda(valid(), { history: events })).toEqual([
      { code: 'agenda.duplicateId', params: { kind: 'event', id: 'ev-1' } },
      { code: 'agenda.eventForeignAgenda', params: { eventId: 'ev-2', agendaId: 'ag-2' } },
      { code: 'agenda.eventUnknownEntry', params: { eventId: 'ev-3', entryId: 'e-9' } },
    ])
  })

  it('leaves owners, measures and history alone without context', () => {
    const a = valid()
    entry(a, 0).ownerDepartmentId = 'dep-9'
    entry(a, 0).measureId = 'm-9'
    entry(a, 0).status = 'done'
    expect(validateAgenda(a)).toEqual([])
  })

  it('does not judge dates against a horizon that is itself invalid', () => {
    const a = valid()
    a.horizon.years = -3
    expect(validateAgenda(a).map((i) => i.code)).toEqual(['agenda.invalidHorizon'])
  })
})
