// The Sachstandsbericht's figures for one worked agenda, with every expected value written out, and
// the maturity movement taken from the round comparison.
import { describe, expect, it } from 'vitest'
import { maturityMovement, progressReport, roundFiguresFromComparison, type ProgressReport } from '@/domain/agenda/report'
import type { AgendaEntry, AgendaStatus, StatusEvent } from '@/domain/agenda/types'
import { compareRounds } from '@/domain/results/compare'
import { makeDepartment, makeRound } from '../fixtures/builders'
import { assess, catalogV1, catalogV2, roundData } from '../fixtures/compare-builders'
import { makeAgenda, makeEntry, makeEvent } from '../fixtures/agenda-builders'

const e = (id: string, order: number, over: Partial<AgendaEntry>) => makeEntry({ id, order, ...over })
const ev = (id: string, entryId: string, at: string, from: AgendaStatus, to: AgendaStatus, by = 'Frau Meier', note = '') => makeEvent({ id, entryId, at, from, to, by, note })

// Report of 15 Nov 2025; the last one was made on 30 Jun 2025.
const entries: AgendaEntry[] = [
  e('e-1', 1, { kind: 'leitprojekt', title: 'E-Akte', handlungsfeldId: 'hf-1', start: '2025-01', end: '2026-12', budgetEstimate: 250000, status: 'in_progress' }),
  e('e-2', 2, { kind: 'quick_win', title: 'Online-Terminvergabe', handlungsfeldId: 'hf-2', start: '2025-03', end: '2025-06', budgetEstimate: 8000, status: 'done' }),
  e('e-3', 3, { kind: 'quick_win', title: 'Mängelmelder', handlungsfeldId: 'hf-2', start: '2025-05', end: '2025-09', budgetEstimate: 12000, status: 'done' }),
  // A duty in progress, planned to end on 31 Oct: 15 days late.
  e('e-4', 4, { kind: 'pflicht', title: 'E-Rechnung', handlungsfeldId: 'hf-1', start: '2025-01', end: '2025-10-31', budgetEstimate: 30000, status: 'in_progress' }),
  e('e-5', 5, { kind: 'leitprojekt', title: 'Sperrmüllkarte online', handlungsfeldId: 'hf-2', start: '2025-12', end: '2026-06', budgetEstimate: null }),
  e('e-6', 6, { kind: 'measure', title: 'Gartenwasserzähler online', handlungsfeldId: null, start: '2026-04', end: '2026-09', budgetEstimate: 5000 }),
  // Planned to end in August, never started: 76 days late (31 Aug → 15 Nov).
  e('e-7', 7, { kind: 'measure', title: 'WLAN in Sitzungsräumen', handlungsfeldId: 'hf-1', start: null, end: '2025-08', budgetEstimate: 4000 }),
  e('e-8', 8, { kind: 'leitprojekt', title: 'Digitale Bauakte', handlungsfeldId: 'hf-1', start: '2027-01', end: '2029-12', budgetEstimate: 400000, status: 'deferred' }),
  // Added after the last report and done at once.
  e('e-9', 9, { kind: 'quick_win', title: 'Abfallkalender-App', handlungsfeldId: 'hf-2', start: '2025-07', end: '2025-07', budgetEstimate: 3000, status: 'done', createdAt: '2025-07-01T08:00:00.000Z' }),
  // Done in May, reopened in August; a Handlungsfeld id the agenda does not know.
  e('e-10', 10, { kind: 'measure', title: 'Ratsinformationssystem', handlungsfeldId: 'hf-x', budgetEstimate: 10000, status: 'in_progress' }),
  // Created after the report's date: not in the report.
  e('e-11', 11, { kind: 'measure', title: 'Später', createdAt: '2025-12-01T08:00:00.000Z', budgetEstimate: 999 }),
  // Started the day after the report's date: still planned in it.
  e('e-12', 12, { kind: 'measure', title: 'Bewohnerparkausweis online', handlungsfeldId: 'hf-1', start: '2025-11', end: '2026-03', budgetEstimate: 2000, status: 'in_progress' }),
  // Done five days after the report's date, planned to end in October: in progress and late in it.
  e('e-13', 13, { kind: 'measure', title: 'Online-Bezahlung', handlungsfeldId: 'hf-2', start: '2025-06', end: '2025-10', budgetEstimate: 6000, status: 'done' }),
]
const history: StatusEvent[] = [
  ev('ev-1a', 'e-1', '2025-02-01T08:00:00.000Z', 'planned', 'in_progress'),
  ev('ev-2a', 'e-2', '2025-03-10T08:00:00.000Z', 'planned', 'in_progress'),
  ev('ev-2b', 'e-2', '2025-06-20T08:00:00.000Z', 'in_progress', 'done'),
  ev('ev-3a', 'e-3', '2025-05-02T08:00:00.000Z', 'planned', 'in_progress'),
  ev('ev-3b', 'e-3', '2025-09-30T14:00:00.000Z', 'in_progress', 'done', 'Herr Kaya'),
  ev('ev-4a', 'e-4', '2025-04-01T08:00:00.000Z', 'planned', 'in_progress'),
  ev('ev-8a', 'e-8', '2025-07-15T08:00:00.000Z', 'planned', 'deferred', 'Lenkungsgruppe', 'Haushaltssperre'),
  ev('ev-9a', 'e-9', '2025-07-20T08:00:00.000Z', 'planned', 'done'),
  ev('ev-10a', 'e-10', '2025-05-01T08:00:00.000Z', 'planned', 'done'),
  ev('ev-10b', 'e-10', '2025-08-01T08:00:00.000Z', 'done', 'in_progress', 'Herr Kaya', 'Schnittstelle fehlt'),
  ev('ev-12a', 'e-12', '2025-11-16T08:00:00.000Z', 'planned', 'in_progress'),
  ev('ev-13a', 'e-13', '2025-06-02T08:00:00.000Z', 'planned', 'in_progress'),
  ev('ev-13b', 'e-13', '2025-11-20T08:00:00.000Z', 'in_progress', 'done'),
  // Another agenda's event is ignored.
  makeEvent({ id: 'foreign', agendaId: 'ag-2', entryId: 'e-5', at: '2025-08-01T08:00:00.000Z', to: 'done' }),
]
const agenda = makeAgenda({ entries: [...entries].reverse() })

const ids = (list: { id: string }[]) => list.map((x) => x.id)

describe('progressReport', () => {
  const r = progressReport(agenda, history, { since: '2025-06-30', today: '2025-11-15' })

  it('done since the last report, in progress, late', () => {
    expect(r.doneSince.map((d) => [d.entry.id, d.doneAt, d.doneBy])).toEqual([
      ['e-3', '2025-09-30T14:00:00.000Z', 'Herr Kaya'],
      ['e-9', '2025-07-20T08:00:00.000Z', 'Frau Meier'],
    ])
    expect(ids(r.inProgress)).toEqual(['e-1', 'e-4', 'e-10', 'e-13'])
    expect(r.late.map((l) => [l.entry.id, l.entry.status, l.daysLate])).toEqual([
      ['e-4', 'in_progress', 15],
      ['e-7', 'planned', 76],
      ['e-13', 'in_progress', 15],
    ])
  })

  it('next steps: starting within six months by start, then filled up by agenda order to five', () => {
    expect(r.nextSteps.map((n) => [n.entry.id, n.entry.status, n.reason])).toEqual([
      ['e-12', 'planned', 'starts_soon'],
      ['e-5', 'planned', 'starts_soon'],
      ['e-6', 'planned', 'starts_soon'],
      ['e-7', 'planned', 'next_in_order'],
    ])
  })

  it.each<[number, number, [string, string][]]>([
    [3, 5, [['e-12', 'starts_soon'], ['e-5', 'starts_soon'], ['e-6', 'next_in_order'], ['e-7', 'next_in_order']]],
    [3, 1, [['e-12', 'starts_soon'], ['e-5', 'starts_soon']]],
    [0, 2, [['e-12', 'starts_soon'], ['e-5', 'next_in_order']]],
    [0, 0, [['e-12', 'starts_soon']]],
  ])('next steps within %i months, at least %i', (nextMonths, nextCount, expected) => {
    const x = progressReport(agenda, history, { since: '2025-06-30', today: '2025-11-15', nextMonths, nextCount })
    expect(x.nextSteps.map((n) => [n.entry.id, n.reason])).toEqual(expected)
  })

  it('status changes since the last report', () => {
    expect(ids(r.changes)).toEqual(['ev-8a', 'ev-9a', 'ev-10b', 'ev-3b'])
  })

  it('counts per status, kind and Handlungsfeld', () => {
    const expected: Pick<ProgressReport, 'total' | 'byStatus' | 'byKind' | 'byHandlungsfeld'> = {
      total: 12,
      byStatus: { planned: 4, in_progress: 4, done: 3, deferred: 1 },
      byKind: { leitprojekt: 3, quick_win: 3, pflicht: 1, measure: 5 },
      byHandlungsfeld: [
        { handlungsfeldId: 'hf-1', total: 5, byStatus: { planned: 2, in_progress: 2, done: 0, deferred: 1 }, budget: 686000 },
        { handlungsfeldId: 'hf-2', total: 5, byStatus: { planned: 1, in_progress: 1, done: 3, deferred: 0 }, budget: 29000 },
        { handlungsfeldId: 'hf-x', total: 1, byStatus: { planned: 0, in_progress: 1, done: 0, deferred: 0 }, budget: 10000 },
        { handlungsfeldId: null, total: 1, byStatus: { planned: 1, in_progress: 0, done: 0, deferred: 0 }, budget: 5000 },
      ],
    }
    expect({ total: r.total, byStatus: r.byStatus, byKind: r.byKind, byHandlungsfeld: r.byHandlungsfeld }).toEqual(expected)
  })

  it('budget totals', () => {
    expect(r.budget).toEqual({ total: 730000, byStatus: { planned: 11000, in_progress: 296000, done: 23000, deferred: 400000 }, withoutEstimate: 1 })
  })

  it('a later cut-off (timestamp) leaves nothing new', () => {
    const x = progressReport(agenda, history, { since: '2025-09-30T15:00:00.000Z', today: '2025-11-15' })
    expect([x.doneSince, x.changes]).toEqual([[], []])
  })

  it('a report for an earlier date judges every status on that date', () => {
    const x = progressReport(agenda, history, { since: '2025-01-31', today: '2025-06-30' })
    expect([x.total, x.byStatus]).toEqual([11, { planned: 5, in_progress: 4, done: 2, deferred: 0 }])
    expect(x.doneSince.map((d) => d.entry.id)).toEqual(['e-2', 'e-10'])
    expect(ids(x.inProgress)).toEqual(['e-1', 'e-3', 'e-4', 'e-13'])
  })

  it('an empty agenda', () => {
    const x = progressReport(makeAgenda({ handlungsfelder: [] }), [], { since: '2025-06-30', today: '2025-11-15' })
    expect(x).toEqual({
      since: '2025-06-30',
      today: '2025-11-15',
      total: 0,
      doneSince: [],
      inProgress: [],
      late: [],
      nextSteps: [],
      changes: [],
      byStatus: { planned: 0, in_progress: 0, done: 0, deferred: 0 },
      byKind: { leitprojekt: 0, quick_win: 0, pflicht: 0, measure: 0 },
      byHandlungsfeld: [],
      budget: { total: 0, byStatus: { planned: 0, in_progress: 0, done: 0, deferred: 0 }, withoutEstimate: 0 },
      maturity: null,
    })
  })
})

describe('maturity movement', () => {
  // The rounds of tests/unit/compare.test.ts: A on catalogue 1.0.0, B on 2.0.0 with a new department
  // dep-3, compared on the shared items and on dep-1 and dep-2 only.
  const dep1 = makeDepartment({ id: 'dep-1', code: 'FB 1', name: 'Hauptamt' })
  const dep2 = makeDepartment({ id: 'dep-2', code: 'FB 2', name: 'Bauamt' })
  const dep3 = makeDepartment({ id: 'dep-3', code: 'FB 3', name: 'Schulamt' })
  const dataA = roundData(makeRound({ id: 'A', startDate: '2024-03-01', catalogId: 'cat', catalogVersion: '1.0.0' }), catalogV1(), [dep1, dep2], [
    assess('A', 'dep-1', { i1: 2, i2: 4, i3: 1, i4: 0, i5: 0 }),
    assess('A', 'dep-2', { i1: 1, i2: 'na', i3: 'unknown', i4: 3, i5: 2 }),
  ])
  const dataB = roundData(makeRound({ id: 'B', startDate: '2025-06-01', catalogId: 'cat', catalogVersion: '2.0.0' }), catalogV2(), [dep1, dep2, dep3], [
    assess('B', 'dep-1', { i1: 3, i2: 4, i3: 2, i5: 1, i6: 0 }),
    assess('B', 'dep-2', { i1: 1, i2: 'na', i3: 1, i5: 4, i6: 4 }),
    assess('B', 'dep-3', { i1: 1, i2: 2, i3: 3, i5: 2, i6: 1 }),
  ])

  it('takes the rounds from compareRounds (same departments, shared items)', () => {
    const rounds = roundFiguresFromComparison(compareRounds({ a: dataA, b: dataB }))
    expect(rounds).toEqual({
      previousRound: { score: 37.5, dimensions: [{ dimensionId: 'D1', score: 50 }, { dimensionId: 'D2', score: 25 }] },
      currentRound: { score: 46.875, dimensions: [{ dimensionId: 'D1', score: 56.25 }, { dimensionId: 'D2', score: 37.5 }] },
    })
    const x = progressReport(agenda, history, { since: '2025-06-30', today: '2025-11-15', ...rounds })
    expect(x.maturity).toEqual({
      organisation: { a: 37.5, b: 46.875, delta: 9.375, direction: 'up' },
      dimensions: [
        { dimensionId: 'D1', a: 50, b: 56.25, delta: 6.25, direction: 'up' },
        { dimensionId: 'D2', a: 25, b: 37.5, delta: 12.5, direction: 'up' },
      ],
    })
  })

  it.each<[string, Parameters<typeof maturityMovement>, ReturnType<typeof maturityMovement>]>([
    ['neither round', [undefined, undefined], null],
    [
      'only the current round',
      [undefined, { score: 60, dimensions: [{ dimensionId: 'D1', score: 60 }] }],
      { organisation: { a: null, b: 60, delta: null, direction: 'n/a' }, dimensions: [{ dimensionId: 'D1', a: null, b: 60, delta: null, direction: 'n/a' }] },
    ],
    [
      'dimensions in either round, a fall, a change below epsilon, an unscored dimension',
      [
        { score: 50, dimensions: [{ dimensionId: 'D1', score: 40 }, { dimensionId: 'D2', score: 70 }, { dimensionId: 'D3', score: null }] },
        { score: 50.01, dimensions: [{ dimensionId: 'D4', score: 10 }, { dimensionId: 'D2', score: 62.5 }, { dimensionId: 'D3', score: 20 }] },
      ],
      {
        organisation: { a: 50, b: 50.01, delta: 50.01 - 50, direction: 'same' },
        dimensions: [
          { dimensionId: 'D1', a: 40, b: null, delta: null, direction: 'n/a' },
          { dimensionId: 'D2', a: 70, b: 62.5, delta: -7.5, direction: 'down' },
          { dimensionId: 'D3', a: null, b: 20, delta: null, direction: 'n/a' },
          { dimensionId: 'D4', a: null, b: 10, delta: null, direction: 'n/a' },
        ],
      },
    ],
  ])('%s', (_name, args, expected) => {
    expect(maturityMovement(...args)).toEqual(expected)
  })

  it('epsilon decides what counts as the same', () => {
    const m = maturityMovement({ score: 50, dimensions: [] }, { score: 50.5, dimensions: [] }, 1)
    expect(m?.organisation.direction).toBe('same')
  })
})
