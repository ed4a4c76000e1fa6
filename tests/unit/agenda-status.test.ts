// Status of agenda entries: allowed changes, the change and its event, event order, status on a
// date, lateness, and the entry periods behind them.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { daysBetween, instantOf, isAgendaPeriod, periodFirstDay, periodLastDay, periodYear } from '@/domain/agenda/periods'
import { canChangeStatus, changeStatus, compareEvents, entryHistory, isLate, latestEvents, noteRequired, statusAt } from '@/domain/agenda/status'
import { AGENDA_STATUSES, type AgendaStatus, type StatusEvent } from '@/domain/agenda/types'
import { A0, makeEntry, makeEvent, stampAt } from '../fixtures/agenda-builders'

describe('entry periods', () => {
  it.each<[unknown, boolean]>([
    ['2026-03', true],
    ['2026-12', true],
    ['2026-13', false],
    ['2026-00', false],
    ['2026-3', false],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-04-31', false],
    ['2026', false],
    ['', false],
    [null, false],
    [202603, false],
  ])('isAgendaPeriod(%j) = %s', (value, ok) => {
    expect(isAgendaPeriod(value)).toBe(ok)
  })

  it.each([
    ['2026-03', '2026-03-01', '2026-03-31', 2026],
    ['2025-02', '2025-02-01', '2025-02-28', 2025],
    ['2024-02', '2024-02-01', '2024-02-29', 2024],
    ['2026-04', '2026-04-01', '2026-04-30', 2026],
    ['2027-06-15', '2027-06-15', '2027-06-15', 2027],
  ])('%s runs from %s to %s in %i', (p, first, last, year) => {
    expect([periodFirstDay(p), periodLastDay(p), periodYear(p)]).toEqual([first, last, year])
  })

  it.each([
    ['2025-06-30', 'start', Date.parse('2025-06-30T00:00:00.000Z')],
    ['2025-06-30', 'end', Date.parse('2025-06-30T23:59:59.999Z')],
    ['2025-06-30T12:00:00+02:00', 'end', Date.parse('2025-06-30T10:00:00.000Z')],
    ['2025-06-30T12:00:00+02:00', 'start', Date.parse('2025-06-30T10:00:00.000Z')],
  ] as const)('instantOf(%s, %s)', (value, edge, expected) => {
    expect(instantOf(value, edge)).toBe(expected)
  })

  it.each([
    ['2025-01-01', '2025-01-01', 0],
    ['2025-01-31', '2025-03-01', 29],
    ['2024-01-31', '2024-03-01', 30],
    ['2025-03-01', '2025-01-31', -29],
    ['2025-03-29', '2025-03-31', 2],
  ])('daysBetween(%s, %s) = %i', (a, b, n) => {
    expect(daysBetween(a, b)).toBe(n)
  })
})

describe('status transitions', () => {
  // from → allowed targets (every pair is checked, the rest must be refused).
  const allowed: Record<AgendaStatus, AgendaStatus[]> = {
    planned: ['in_progress', 'done', 'deferred'],
    in_progress: ['planned', 'done', 'deferred'],
    deferred: ['planned', 'in_progress', 'done'],
    done: ['in_progress'],
  }
  const pairs = AGENDA_STATUSES.flatMap((from) => AGENDA_STATUSES.map((to) => [from, to, allowed[from].includes(to)] as const))

  it.each(pairs)('%s → %s allowed: %s', (from, to, ok) => {
    expect(canChangeStatus(from, to)).toBe(ok)
    const r = changeStatus(makeEntry({ id: 'e', status: from }), to, { agendaId: 'ag-1', eventId: 'ev', stamp: stampAt('2025-02-01T10:00:00.000Z'), note: 'Begründung' })
    expect(r.ok).toBe(ok)
    if (!r.ok) expect(r.error.code).toBe(from === to ? 'agenda.sameStatus' : 'agenda.transitionNotAllowed')
  })

  it('a change returns the new entry (provenance and vector bumped) and its event', () => {
    const entry = makeEntry({ id: 'e-1', status: 'planned', rev: 3, vv: { 'dev-a': 2, 'dev-b': 1 }, note: 'Altes' })
    const r = changeStatus(entry, 'in_progress', { agendaId: 'ag-1', eventId: 'ev-9', stamp: stampAt('2025-02-01T10:00:00.000Z', 'dev-b', 'Herr Kaya'), note: '  Auftakt im Februar ' })
    expect(r).toEqual({
      ok: true,
      entry: { ...entry, status: 'in_progress', updatedAt: '2025-02-01T10:00:00.000Z', updatedBy: 'Herr Kaya', deviceId: 'dev-b', rev: 4, vv: { 'dev-a': 2, 'dev-b': 2 } },
      event: {
        id: 'ev-9',
        agendaId: 'ag-1',
        entryId: 'e-1',
        from: 'planned',
        to: 'in_progress',
        at: '2025-02-01T10:00:00.000Z',
        by: 'Herr Kaya',
        deviceId: 'dev-b',
        rev: 4,
        note: 'Auftakt im Februar',
      },
    })
    // The entry's own note is not touched by the status note.
    expect(r.ok && r.entry.note).toBe('Altes')
  })

  it.each<[string | undefined, boolean]>([
    [undefined, false],
    ['', false],
    ['   ', false],
    ['Abnahme fehlgeschlagen', true],
  ])('reopening a done entry needs a note (%j → ok %s)', (note, ok) => {
    expect(noteRequired('done', 'in_progress')).toBe(true)
    const r = changeStatus(makeEntry({ id: 'e', status: 'done' }), 'in_progress', { agendaId: 'ag-1', eventId: 'ev', stamp: stampAt(A0), ...(note === undefined ? {} : { note }) })
    expect(r.ok).toBe(ok)
    if (!r.ok) expect(r.error).toEqual({ code: 'agenda.noteRequired', params: { id: 'e', from: 'done', to: 'in_progress' } })
  })

  it.each<[AgendaStatus, AgendaStatus]>([
    ['planned', 'done'],
    ['in_progress', 'planned'],
    ['deferred', 'in_progress'],
  ])('%s → %s needs no note', (from, to) => {
    expect(noteRequired(from, to)).toBe(false)
    expect(changeStatus(makeEntry({ id: 'e', status: from }), to, { agendaId: 'ag-1', eventId: 'ev', stamp: stampAt(A0) }).ok).toBe(true)
  })
})

describe('event order and status on a date', () => {
  const ev = (id: string, at: string, from: AgendaStatus, to: AgendaStatus, over: Partial<StatusEvent> = {}) => makeEvent({ id, entryId: 'e-1', at, from, to, ...over })

  it('orders by time, then device, then entry revision, then id', () => {
    const list = [
      ev('z', '2025-03-01T10:00:00.000Z', 'planned', 'in_progress', { deviceId: 'dev-b', rev: 2 }),
      ev('y', '2025-03-01T10:00:00.000Z', 'planned', 'in_progress', { deviceId: 'dev-a', rev: 3 }),
      ev('x', '2025-03-01T10:00:00.000Z', 'planned', 'in_progress', { deviceId: 'dev-a', rev: 2 }),
      ev('w', '2025-03-01T10:00:00.000Z', 'planned', 'in_progress', { deviceId: 'dev-a', rev: 2 }),
      // Same instant written with an offset: equal time, so the device decides.
      ev('v', '2025-03-01T11:00:00+01:00', 'planned', 'in_progress', { deviceId: 'dev-0', rev: 9 }),
      ev('u', '2025-02-28T23:00:00.000Z', 'planned', 'in_progress', { deviceId: 'dev-z' }),
    ]
    expect([...list].sort(compareEvents).map((e) => e.id)).toEqual(['u', 'v', 'w', 'x', 'y', 'z'])
  })

  // planned (created 15 Jan) → in_progress 1 Mar → deferred 1 Jun → in_progress 1 Sep → done 15 Dec 2025.
  const entry = makeEntry({ id: 'e-1', status: 'done', createdAt: A0 })
  const history = [
    ev('ev-4', '2025-12-15T16:00:00.000Z', 'in_progress', 'done'),
    ev('ev-1', '2025-03-01T08:00:00.000Z', 'planned', 'in_progress'),
    ev('ev-3', '2025-09-01T08:00:00.000Z', 'deferred', 'in_progress'),
    ev('ev-2', '2025-06-01T08:00:00.000Z', 'in_progress', 'deferred'),
    // Another entry's event is ignored.
    makeEvent({ id: 'other', entryId: 'e-2', at: '2025-04-01T08:00:00.000Z', from: 'planned', to: 'done' }),
  ]

  it.each<[string, AgendaStatus | null]>([
    ['2025-01-14', null],
    ['2025-01-15T08:59:59.999Z', null],
    ['2025-01-15T09:00:00.000Z', 'planned'],
    ['2025-02-28', 'planned'],
    ['2025-03-01', 'in_progress'],
    ['2025-03-01T07:59:59.999Z', 'planned'],
    ['2025-03-01T08:00:00.000Z', 'in_progress'],
    ['2025-05-31', 'in_progress'],
    ['2025-06-01', 'deferred'],
    ['2025-08-31', 'deferred'],
    ['2025-09-01', 'in_progress'],
    ['2025-12-15T17:00:00+01:00', 'done'],
    ['2025-12-15T16:59:59+01:00', 'in_progress'],
    ['2026-06-30', 'done'],
  ])('statusAt(%s) = %s', (at, expected) => {
    expect(statusAt(entry, history, at)).toBe(expected)
  })

  it('without events the entry status holds from its creation', () => {
    const e = makeEntry({ id: 'e-3', status: 'deferred', createdAt: '2025-05-01T00:00:00.000Z' })
    expect([statusAt(e, history, '2025-04-30'), statusAt(e, history, '2025-05-01'), statusAt(e, [], '2030-01-01')]).toEqual([null, 'deferred', 'deferred'])
  })

  it('history helpers pick one entry, oldest first, and the latest per entry', () => {
    expect(entryHistory(history, 'e-1').map((e) => e.id)).toEqual(['ev-1', 'ev-2', 'ev-3', 'ev-4'])
    expect([...latestEvents(history)].map(([id, e]) => [id, e.id])).toEqual([
      ['e-1', 'ev-4'],
      ['e-2', 'other'],
    ])
  })

  it('property: replaying a chain of valid changes, the status at each event time is that event’s target', () => {
    const statusArb = fc.constantFrom(...AGENDA_STATUSES)
    fc.assert(
      fc.property(fc.array(fc.tuple(statusArb, fc.integer({ min: 1, max: 5 * 86_400_000 })), { maxLength: 12 }), (steps) => {
        let e = makeEntry({ id: 'e-1', createdAt: A0 })
        const events: StatusEvent[] = []
        let t = Date.parse(A0)
        const seen: [string, AgendaStatus][] = [[A0, 'planned']]
        for (const [to, gap] of steps) {
          t += gap
          const at = new Date(t).toISOString()
          const r = changeStatus(e, to, { agendaId: 'ag-1', eventId: `ev-${events.length}`, stamp: stampAt(at), note: 'x' })
          if (!r.ok) continue
          e = r.entry
          events.push(r.event)
          seen.push([at, to])
        }
        for (const [at, status] of seen) expect(statusAt(e, [...events].reverse(), at)).toBe(status)
        expect(statusAt(e, events, '2100-01-01')).toBe(e.status)
      }),
      { numRuns: 200 },
    )
  })
})

describe('late against plan', () => {
  it.each<[string | null, AgendaStatus, string, boolean]>([
    [null, 'planned', '2030-01-01', false],
    ['2025-06', 'planned', '2025-06-30', false],
    ['2025-06', 'planned', '2025-07-01', true],
    ['2025-06', 'in_progress', '2025-07-01', true],
    ['2025-06', 'done', '2025-07-01', false],
    ['2025-06', 'deferred', '2025-07-01', false],
    ['2025-06-15', 'in_progress', '2025-06-15', false],
    ['2025-06-15', 'in_progress', '2025-06-16', true],
    ['2024-02', 'planned', '2024-02-29', false],
    ['2024-02', 'planned', '2024-03-01', true],
  ])('end %s, %s, today %s → late %s', (end, status, today, late) => {
    expect(isLate(makeEntry({ id: 'e', end, status }), today)).toBe(late)
  })

  it('judges another status when given one', () => {
    const e = makeEntry({ id: 'e', end: '2025-06', status: 'done' })
    expect([isLate(e, '2025-07-01'), isLate(e, '2025-07-01', 'in_progress')]).toEqual([false, true])
  })
})
