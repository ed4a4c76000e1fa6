// Musterstadt's Digitale Agenda and Leistungsinventar (src/domain/demo/musterstadt-strategy.ts): valid
// by the domain's own rules, built from the round's recommendations, deterministic, with exact figures.
import { describe, expect, it } from 'vitest'
import cat1 from '@/catalogs/dc-kommune/1.0.0.json'
import cat2 from '@/catalogs/dc-kommune/2.0.0.json'
import { isLate } from '@/domain/agenda/status'
import { validateAgenda } from '@/domain/agenda/validate'
import { analyseRound } from '@/domain/analysis/analysis'
import { buildDemo, DEMO_DEVICE_ID, DEMO_ORG_ID } from '@/domain/demo/musterstadt'
import { buildDemoStrategy, DEMO_AGENDA_ID } from '@/domain/demo/musterstadt-strategy'
import type { Catalog } from '@/domain/model/types'
import { inventorySummary } from '@/domain/services/inventory'
import { serviceMaturity } from '@/domain/services/maturity'
import { OZG_RGM_2 } from '@/domain/services/maturity-model'
import { checkService } from '@/domain/services/values'

const current = cat2 as unknown as Catalog
const previous = cat1 as unknown as Catalog
const NOW = '2026-11-21T12:00:00.000Z'
const TODAY = NOW.slice(0, 10)

describe('Musterstadt: Digitale Agenda and Leistungsinventar', () => {
  const demo = buildDemo(current, NOW, undefined, previous)
  const { agenda, agendaEvents, services } = buildDemoStrategy(demo, current, NOW)

  it('is deterministic for the same `now`', () => {
    expect(buildDemoStrategy(buildDemo(current, NOW, undefined, previous), current, NOW)).toEqual({ agenda, agendaEvents, services })
  })

  it('the agenda passes validateAgenda with its history, the departments and the catalogue’s measures', () => {
    expect(validateAgenda(agenda, { history: agendaEvents, departmentIds: demo.departments.map((d) => d.id), measureIds: current.measures.map((m) => m.id) })).toEqual([])
  })

  it('is "Digitale Agenda" 1.0 over ten years from the year it was adopted, in three named phases, from the current round', () => {
    expect(agenda).toMatchObject({
      id: DEMO_AGENDA_ID,
      orgId: DEMO_ORG_ID,
      name: 'Digitale Agenda',
      version: '1.0',
      horizon: { startYear: 2026, years: 10 },
      source: { roundId: demo.round.id, catalogId: 'dc-kommune', catalogVersion: '2.0.0' },
      createdAt: '2026-06-24T12:00:00.000Z',
      deviceId: DEMO_DEVICE_ID,
      removedEntries: [],
    })
    expect(agenda.phases.map((p) => [p.name, p.startYear, p.endYear])).toEqual([
      ['Grundlagen schaffen', 2026, 2027],
      ['Ausbauen', 2028, 2030],
      ['Verstetigen', 2031, 2035],
    ])
    expect(agenda.handlungsfelder).toHaveLength(5)
  })

  it('holds every Leitprojekt and the ten best quick wins of the recommendations, in rank order, no duties', () => {
    const recs = analyseRound({ catalog: current, round: demo.round, departments: demo.departments, assessments: demo.assessments.filter((a) => a.roundId === demo.round.id), organisation: demo.organisation, options: { weighting: 'equal', horizonYears: 10 } }).recommendations
    const byRank = [...recs].sort((a, b) => a.rank - b.rank)
    const lead = byRank.filter((r) => r.class === 'leitprojekt').map((r) => r.measureId)
    const quick = byRank.filter((r) => r.class === 'quick_win').slice(0, 10).map((r) => r.measureId)
    expect(lead).toHaveLength(9)
    expect(agenda.entries.filter((e) => e.kind === 'leitprojekt').map((e) => e.measureId)).toEqual(lead)
    expect(agenda.entries.filter((e) => e.kind === 'quick_win').map((e) => e.measureId)).toEqual(quick)
    expect(agenda.entries).toHaveLength(19)
    expect(agenda.entries.map((e) => e.order)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1))
    // Every entry has a Handlungsfeld and an owner; Leitprojekte a budget.
    expect(agenda.entries.every((e) => e.handlungsfeldId !== null && e.ownerDepartmentId !== null)).toBe(true)
    expect(agenda.entries.filter((e) => e.budgetEstimate !== null).map((e) => e.kind)).toEqual(Array(9).fill('leitprojekt'))
  })

  it('moved seven entries through nine status changes, all in the past: two done, four in progress (one late), one deferred', () => {
    const count = (s: string) => agenda.entries.filter((e) => e.status === s).length
    expect([count('planned'), count('in_progress'), count('done'), count('deferred')]).toEqual([12, 4, 2, 1])
    expect(agendaEvents.map((e) => [e.id, e.entryId, e.from, e.to, e.at, e.rev])).toEqual([
      [`${DEMO_AGENDA_ID}-ev-1`, `${DEMO_AGENDA_ID}-e1`, 'planned', 'in_progress', '2026-07-08T12:00:00.000Z', 2],
      [`${DEMO_AGENDA_ID}-ev-2`, `${DEMO_AGENDA_ID}-e2`, 'planned', 'in_progress', '2026-07-15T12:00:00.000Z', 2],
      [`${DEMO_AGENDA_ID}-ev-3`, `${DEMO_AGENDA_ID}-e3`, 'planned', 'in_progress', '2026-07-24T12:00:00.000Z', 2],
      [`${DEMO_AGENDA_ID}-ev-4`, `${DEMO_AGENDA_ID}-e11`, 'planned', 'in_progress', '2026-08-08T12:00:00.000Z', 2],
      [`${DEMO_AGENDA_ID}-ev-5`, `${DEMO_AGENDA_ID}-e12`, 'planned', 'in_progress', '2026-08-23T12:00:00.000Z', 2],
      [`${DEMO_AGENDA_ID}-ev-6`, `${DEMO_AGENDA_ID}-e1`, 'in_progress', 'done', '2026-09-07T12:00:00.000Z', 3],
      [`${DEMO_AGENDA_ID}-ev-7`, `${DEMO_AGENDA_ID}-e4`, 'planned', 'in_progress', '2026-10-22T12:00:00.000Z', 2],
      [`${DEMO_AGENDA_ID}-ev-8`, `${DEMO_AGENDA_ID}-e13`, 'planned', 'deferred', '2026-11-01T12:00:00.000Z', 2],
      [`${DEMO_AGENDA_ID}-ev-9`, `${DEMO_AGENDA_ID}-e2`, 'in_progress', 'done', '2026-11-09T12:00:00.000Z', 3],
    ])
    expect(agendaEvents.every((e) => e.at < NOW && e.at > agenda.createdAt && e.by === 'Stabsstelle Digitalisierung')).toBe(true)
    expect(agenda.entries.filter((e) => isLate(e, TODAY)).map((e) => [e.id, e.kind, e.start, e.end, e.status])).toEqual([[`${DEMO_AGENDA_ID}-e3`, 'quick_win', '2026-06', '2026-08', 'in_progress']])
  })

  it('follows `now`: a year later, the same agenda a year later, still exactly one entry late', () => {
    const later = '2027-11-21T12:00:00.000Z'
    const again = buildDemoStrategy(buildDemo(current, later, undefined, previous), current, later)
    expect(again.agenda.horizon.startYear).toBe(2027)
    expect(again.agenda.entries.filter((e) => isLate(e, later.slice(0, 10))).map((e) => e.id)).toEqual([`${DEMO_AGENDA_ID}-e3`])
    expect(again.agendaEvents.every((e) => e.at < later)).toBe(true)
  })

  it('the inventory: twelve starter services that pass checkService, with exact figures', () => {
    expect(services.map((s) => s.starterId)).toEqual([
      'online-terminvergabe',
      'maengelmelder',
      'abfallkalender',
      'meldebescheinigung',
      'bewohnerparkausweis',
      'personenstandsurkunde',
      'gewerbeanmeldung',
      'hundesteuer-anmeldung',
      'kita-anmeldung',
      'sperrmuell',
      'gartenwasserzaehler',
      'fundsachen',
    ])
    for (const s of services) expect(checkService(s, TODAY)).toEqual([])
    const departments = new Set(demo.departments.map((d) => d.id))
    expect(services.every((s) => s.orgId === DEMO_ORG_ID && s.departmentId !== undefined && departments.has(s.departmentId))).toBe(true)
    expect(services.map((s) => serviceMaturity(s.maturity, OZG_RGM_2).level)).toEqual([4, 3, 3, 3, 2, 3, 2, 1, null, null, null, null])
    expect(services.map((s) => serviceMaturity(s.maturity, OZG_RGM_2).status)).toEqual([...Array(8).fill('rated'), 'incomplete', 'unrated', 'unrated', 'unrated'])
    expect(inventorySummary(services, { model: OZG_RGM_2, onlineLevel: 3 })).toEqual({
      total: 12,
      byLevel: { 0: 0, 1: 1, 2: 2, 3: 4, 4: 1, 5: 0, 6: 0, 7: 0 },
      unrated: 4,
      online: 5,
      onlineShare: 5 / 12,
      onlineShareOfRated: 5 / 8,
      cases: { total: 46_000, online: 38_200, onlineShare: 38_200 / 46_000, servicesWithCases: 12, servicesWithoutCases: 0 },
      onlinePayment: 4,
      byFormType: { none: 2, pdf: 3, 'html-form': 6, 'end-to-end': 1 },
    })
  })
})
