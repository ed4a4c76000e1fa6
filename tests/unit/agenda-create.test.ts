// A first agenda from the prioritised recommendations, and the stamped edits of entries and header.
import { describe, expect, it } from 'vitest'
import { createAgendaFromRecommendations, type AgendaFromRecommendationsOptions } from '@/domain/agenda/create'
import { lastChangeOfAgenda, newEntry, putEntry, removeEntry, updateAgendaHeader, updateEntry } from '@/domain/agenda/edit'
import type { MeasureClass, Recommendation } from '@/domain/analysis/prioritisation'
import { validateAgenda } from '@/domain/agenda/validate'
import { makeRecommendation } from '../fixtures/builders'
import { A0, makeAgenda, makeEntry, makeEvent, stampAt } from '../fixtures/agenda-builders'

/** [measureId, class, triggered?, dependsOn?] in rank order. */
type Row = [string, MeasureClass, boolean?, string[]?]
const recs = (rows: Row[]): Recommendation[] =>
  rows.map(([measureId, cls, triggered, dependsOn], i) => makeRecommendation({ measureId, class: cls, triggered: triggered ?? true, dependsOn: dependsOn ?? [], rank: i + 1 }))

function options(over: Partial<AgendaFromRecommendationsOptions> = {}): AgendaFromRecommendationsOptions {
  let n = 0
  return { id: 'ag-1', orgId: 'org-1', name: 'Digitale Agenda', startYear: 2025, stamp: stampAt(A0), newId: () => `id-${++n}`, ...over }
}

// 12 Leitprojekte L01…L12, 3 quick wins, 2 duties (one fulfilled), 2 Ergänzungen, interleaved by rank.
const ROWS: Row[] = [
  ['P1', 'pflicht'],
  ['P2', 'pflicht', false],
  ['L01', 'leitprojekt'],
  ['Q1', 'quick_win'],
  ['L02', 'leitprojekt'],
  ['E1', 'ergaenzung'],
  ['L03', 'leitprojekt'],
  ['L04', 'leitprojekt'],
  ['Q2', 'quick_win'],
  ['L05', 'leitprojekt'],
  ['L06', 'leitprojekt'],
  ['L07', 'leitprojekt'],
  ['L08', 'leitprojekt'],
  ['L09', 'leitprojekt'],
  ['L10', 'leitprojekt'],
  ['L11', 'leitprojekt', true, ['E1']],
  ['E2', 'ergaenzung'],
  ['L12', 'leitprojekt'],
  ['Q3', 'quick_win', true, ['L11', 'E2', 'not-recommended']],
]

describe('createAgendaFromRecommendations', () => {
  it('keeps triggered duties, the ten best Leitprojekte and all quick wins, in rank order', () => {
    const { agenda, missingPrerequisites } = createAgendaFromRecommendations(recs(ROWS), options())
    expect(agenda.entries.map((e) => [e.measureId, e.kind, e.order])).toEqual([
      ['P1', 'pflicht', 1],
      ['L01', 'leitprojekt', 2],
      ['Q1', 'quick_win', 3],
      ['L02', 'leitprojekt', 4],
      ['L03', 'leitprojekt', 5],
      ['L04', 'leitprojekt', 6],
      ['Q2', 'quick_win', 7],
      ['L05', 'leitprojekt', 8],
      ['L06', 'leitprojekt', 9],
      ['L07', 'leitprojekt', 10],
      ['L08', 'leitprojekt', 11],
      ['L09', 'leitprojekt', 12],
      ['L10', 'leitprojekt', 13],
      ['Q3', 'quick_win', 14],
    ])
    // Q3 needs L11 and E2, both recommended but not picked; an unrecommended prerequisite is not listed.
    expect(missingPrerequisites).toEqual([
      { measureId: 'Q3', prerequisiteId: 'L11' },
      { measureId: 'Q3', prerequisiteId: 'E2' },
    ])
    expect(validateAgenda(agenda)).toEqual([])
  })

  it('builds the header, the default phases and fresh entries with provenance', () => {
    const { agenda } = createAgendaFromRecommendations(recs([['Q1', 'quick_win']]), options({ source: { roundId: 'r-1', catalogId: 'dc-kommune', catalogVersion: '2.0.0' } }))
    expect(agenda).toEqual({
      id: 'ag-1',
      orgId: 'org-1',
      name: 'Digitale Agenda',
      version: '1.0',
      horizon: { startYear: 2025, years: 10 },
      phases: [
        { id: 'id-1', name: '', startYear: 2025, endYear: 2026 },
        { id: 'id-2', name: '', startYear: 2027, endYear: 2029 },
        { id: 'id-3', name: '', startYear: 2030, endYear: 2034 },
      ],
      handlungsfelder: [],
      source: { roundId: 'r-1', catalogId: 'dc-kommune', catalogVersion: '2.0.0' },
      entries: [
        {
          id: 'id-4',
          measureId: 'Q1',
          title: '',
          kind: 'quick_win',
          handlungsfeldId: null,
          ownerDepartmentId: null,
          start: null,
          end: null,
          budgetEstimate: null,
          status: 'planned',
          note: '',
          order: 1,
          createdAt: A0,
          updatedAt: A0,
          updatedBy: 'Frau Meier',
          deviceId: 'dev-a',
          rev: 1,
          vv: { 'dev-a': 1 },
        },
      ],
      removedEntries: [],
      createdAt: A0,
      updatedAt: A0,
      updatedBy: 'Frau Meier',
      deviceId: 'dev-a',
      rev: 1,
    })
  })

  it.each<[string, Partial<AgendaFromRecommendationsOptions>, string[]]>([
    ['at most 3 Leitprojekte', { maxLeitprojekte: 3 }, ['P1', 'L01', 'Q1', 'L02', 'L03', 'Q2', 'Q3']],
    ['no Leitprojekte, one quick win', { maxLeitprojekte: 0, maxQuickWins: 1 }, ['P1', 'Q1']],
    ['without duties', { includeDuties: false, maxLeitprojekte: 1, maxQuickWins: 0 }, ['L01']],
  ])('%s', (_name, over, ids) => {
    expect(createAgendaFromRecommendations(recs(ROWS), options(over)).agenda.entries.map((e) => e.measureId)).toEqual(ids)
  })

  it('orders by rank whatever the input order, and takes a measure listed twice once', () => {
    const list = recs([['Q1', 'quick_win'], ['L1', 'leitprojekt'], ['Q2', 'quick_win']]).reverse()
    list.push(makeRecommendation({ measureId: 'L1', class: 'leitprojekt', rank: 9 }))
    expect(createAgendaFromRecommendations(list, options()).agenda.entries.map((e) => e.measureId)).toEqual(['Q1', 'L1', 'Q2'])
  })

  it.each<[number, number[][]]>([
    [1, [[2025, 2025]]],
    [3, [[2025, 2025], [2026, 2026], [2027, 2027]]],
    [5, [[2025, 2025], [2026, 2027], [2028, 2029]]],
    [14, [[2025, 2026], [2027, 2029], [2030, 2034]]],
  ])('default phases of a %i-year horizon (capped at 10)', (years, phases) => {
    const { agenda } = createAgendaFromRecommendations([], options({ years }))
    expect(agenda.phases.map((p) => [p.startYear, p.endYear])).toEqual(phases)
    expect(agenda.horizon.years).toBe(Math.min(years, 10))
  })

  it('takes planned years from a schedule where they lie inside the horizon', () => {
    const { agenda } = createAgendaFromRecommendations(recs([['L1', 'leitprojekt'], ['L2', 'leitprojekt'], ['Q1', 'quick_win']]), options({
      years: 5,
      schedule: [
        { measureId: 'L1', calendarStart: 2026, calendarEnd: 2028 },
        { measureId: 'L2', calendarStart: 2028, calendarEnd: 2030 },
        { measureId: 'Q1', calendarStart: 2025, calendarEnd: 2025 },
      ],
    }))
    expect(agenda.entries.map((e) => [e.measureId, e.start, e.end])).toEqual([
      ['L1', '2026-01', '2028-12'],
      ['L2', null, null],
      ['Q1', '2025-01', '2025-12'],
    ])
  })
})

describe('stamped edits', () => {
  const s1 = stampAt('2025-02-01T10:00:00.000Z', 'dev-b', 'Herr Kaya')

  it('newEntry: defaults, next order, provenance rev 1', () => {
    const agenda = makeAgenda({ entries: [makeEntry({ id: 'a', order: 4 }), makeEntry({ id: 'b', order: 2.5 })] })
    expect(newEntry(agenda, { kind: 'measure', title: 'Mängelmelder' }, 'e-new', s1)).toEqual({
      id: 'e-new',
      measureId: null,
      title: 'Mängelmelder',
      kind: 'measure',
      handlungsfeldId: null,
      ownerDepartmentId: null,
      start: null,
      end: null,
      budgetEstimate: null,
      status: 'planned',
      note: '',
      order: 5,
      createdAt: s1.at,
      updatedAt: s1.at,
      updatedBy: 'Herr Kaya',
      deviceId: 'dev-b',
      rev: 1,
      vv: { 'dev-b': 1 },
    })
    expect(newEntry(makeAgenda(), { kind: 'quick_win' }, 'x', s1).order).toBe(1)
  })

  it('updateEntry: one change, status untouched even if passed', () => {
    const e = makeEntry({ id: 'e', rev: 2, vv: { 'dev-a': 2 } })
    const patch = { budgetEstimate: 25000, note: 'Förderung beantragt', status: 'done' } as Parameters<typeof updateEntry>[1]
    expect(updateEntry(e, patch, s1)).toEqual({ ...e, budgetEstimate: 25000, note: 'Förderung beantragt', updatedAt: s1.at, updatedBy: 'Herr Kaya', deviceId: 'dev-b', rev: 3, vv: { 'dev-a': 2, 'dev-b': 1 } })
  })

  it('putEntry and removeEntry keep the stored order and leave a tombstone', () => {
    let agenda = makeAgenda({ entries: [makeEntry({ id: 'b', order: 2 }), makeEntry({ id: 'a', order: 1 })] })
    agenda = putEntry(agenda, makeEntry({ id: 'c', order: 1.5 }))
    expect(agenda.entries.map((e) => e.id)).toEqual(['a', 'c', 'b'])
    const removed = removeEntry(agenda, 'c', s1)
    expect(removed.entries.map((e) => e.id)).toEqual(['a', 'b'])
    expect(removed.removedEntries).toEqual([{ id: 'c', deletedAt: s1.at, deletedBy: 'Herr Kaya', deviceId: 'dev-b' }])
    expect(removed.updatedAt).toBe(agenda.updatedAt)
    expect(removeEntry(removed, 'c', stampAt('2025-03-01T00:00:00.000Z'))).toBe(removed)
  })

  it('updateAgendaHeader bumps the header provenance only', () => {
    const agenda = makeAgenda({ entries: [makeEntry({ id: 'a' })] })
    const next = updateAgendaHeader(agenda, { version: '1.1' }, s1)
    expect(next).toEqual({ ...agenda, version: '1.1', updatedAt: s1.at, updatedBy: 'Herr Kaya', deviceId: 'dev-b', rev: 2 })
  })

  it.each<[string, string]>([
    ['header only', A0],
    ['an entry', '2025-03-01T00:00:00.000Z'],
    ['a removal', '2025-04-01T00:00:00.000Z'],
    ['an event', '2025-05-01T00:00:00.000Z'],
  ])('lastChangeOfAgenda up to %s', (_what, expected) => {
    const upto = ['header only', 'an entry', 'a removal', 'an event'].indexOf(_what)
    const agenda = makeAgenda({
      entries: upto >= 1 ? [makeEntry({ id: 'a', updatedAt: '2025-03-01T00:00:00.000Z' })] : [],
      removedEntries: upto >= 2 ? [{ id: 'x', deletedAt: '2025-04-01T00:00:00.000Z', deletedBy: '', deviceId: 'dev-a' }] : [],
    })
    const history = upto >= 3 ? [makeEvent({ id: 'ev', entryId: 'a', at: '2025-05-01T00:00:00.000Z' }), makeEvent({ id: 'foreign', agendaId: 'ag-2', entryId: 'a', at: '2026-01-01T00:00:00.000Z' })] : []
    expect(lastChangeOfAgenda(agenda, history)).toBe(expected)
  })
})
