/**
 * Result screens under method 2.0: the readiness block and Fundament table, legal obligations
 * (catalogue 1.0.0 and 2.0 forms), reach / effort / urgency / stability of recommendations, the
 * focus filter, the "too few answers" department message, the calendar roadmap and its settings.
 * The analysis comes from analyseRound on a small 2.0 catalogue (as in tests/unit/method-2.test.ts).
 */
import { mount, RouterLinkStub } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import DepartmentRecommendations from '@/components/results/DepartmentRecommendations.vue'
import FundamentTable from '@/components/results/FundamentTable.vue'
import ObligationNote from '@/components/results/ObligationNote.vue'
import PlanningSettings from '@/components/results/PlanningSettings.vue'
import ReadinessBlock from '@/components/results/ReadinessBlock.vue'
import RecommendationList from '@/components/results/RecommendationList.vue'
import RecommendationsPanel from '@/components/results/RecommendationsPanel.vue'
import ReportMeasureItem from '@/components/results/ReportMeasureItem.vue'
import RoadmapPlan from '@/components/results/RoadmapPlan.vue'
import { asRoadmapV2 } from '@/components/results/method2'
import { analyseRound, type AnalysisOptions } from '@/domain/analysis/analysis'
import type { Recommendation } from '@/domain/analysis/prioritisation'
import type { Assessment, Catalog, CatalogItem, Department, LegalObligation } from '@/domain/model/types'
import { useAnalysisSettingsStore } from '@/stores/analysis-settings'
import { levelAnswer, makeAssessment, makeCatalog, makeDepartment, makeDimension, makeItem, makeMeasure, makeRecommendation, makeRound, text, unknownAnswer } from '../fixtures/builders'
import { makeI18n } from '../fixtures/i18n'

const duty = (over: Partial<LegalObligation> = {}): LegalObligation => ({
  law: 'DSGVO',
  paragraph: 'Art. 37 Abs. 1 lit. a',
  description: text('Benennung einer oder eines Datenschutzbeauftragten'),
  addressee: 'kommune',
  bundeslaender: 'all',
  inForceSince: '2018-05-25',
  deadline: null,
  sourceIds: [],
  ...over,
})

// A small 2.0 catalogue: three Fundament items answered by the central unit, three department items.
const basic = (id: string, question: string, owner: string): CatalogItem =>
  makeItem({ id, dimensionId: 'sicherheit', appliesTo: 'organisation', question: text(question), owner: text(owner) })
const catalog: Catalog = makeCatalog({
  scoringModel: '2.0',
  version: '2.0.0',
  dimensions: [makeDimension({ id: 'sicherheit', title: text('Sicherheit') }), makeDimension({ id: 'prozesse', title: text('Prozesse') })],
  items: [
    basic('f-isb', 'Informationssicherheit', 'Hauptamt'),
    basic('f-backup', 'Datensicherung', 'IT'),
    basic('f-dsb', 'Datenschutz', 'Hauptamt'),
    makeItem({ id: 'd-sec', dimensionId: 'sicherheit', question: text('Sicherheitsregeln im Fachbereich') }),
    makeItem({ id: 'd-pro1', dimensionId: 'prozesse', question: text('Digitale Akte') }),
    makeItem({ id: 'd-pro2', dimensionId: 'prozesse', question: text('Onlinedienste') }),
  ],
  measures: [
    makeMeasure({ id: 'm-isb', title: text('ISB benennen'), triggers: [{ itemId: 'f-isb', maxLevel: 1 }], effort: 1, impact: 5 }),
    makeMeasure({ id: 'm-backup', title: text('Datensicherung aufbauen'), triggers: [{ itemId: 'f-backup', maxLevel: 1 }], effort: 2, impact: 5 }),
    makeMeasure({ id: 'm-dsb', title: text('DSB benennen'), triggers: [{ itemId: 'f-dsb', maxLevel: 1 }], effort: 1, impact: 4, obligation: duty() }),
    makeMeasure({ id: 'm-sec', title: text('Sicherheitsschulung'), triggers: [{ itemId: 'd-sec', maxLevel: 1 }], effort: 2, impact: 3 }),
    makeMeasure({
      id: 'm-ozg',
      title: text('Onlinezugang umsetzen'),
      triggers: [{ itemId: 'd-sec', maxLevel: 1 }],
      effort: 5,
      impact: 4,
      obligation: duty({ law: 'OZG', paragraph: '§ 1a', inForceSince: '2024-07-24', deadline: '2027-12-31' }),
    }),
  ],
})

// Central unit (staff 100): basics ISB 0, backup 0, DSB 0, own items at the top.
// FB 1 (staff 100): d-sec 1, d-pro1 'weiß nicht', d-pro2 2. FB 2 (staff 100): only d-sec answered → coverage 1/3, too few answers.
const central = makeDepartment({ id: 'zentral', name: 'Hauptamt', kind: 'central', staff: 100 })
const fb1 = makeDepartment({ id: 'fb1', name: 'Bürgerbüro', staff: 100 })
const fb2 = makeDepartment({ id: 'fb2', name: 'Bauamt', staff: 100 })
const departments: Department[] = [central, fb1, fb2]
const as = (d: Department, answers: ReturnType<typeof levelAnswer>[]): Assessment => makeAssessment({ id: `as-${d.id}`, departmentId: d.id, respondent: 'R', answers })
const assessments = [
  as(central, [levelAnswer('f-isb', 0), levelAnswer('f-backup', 0), levelAnswer('f-dsb', 0), levelAnswer('d-sec', 4), levelAnswer('d-pro1', 4), levelAnswer('d-pro2', 4)]),
  as(fb1, [levelAnswer('d-sec', 1), unknownAnswer('d-pro1'), levelAnswer('d-pro2', 2)]),
  as(fb2, [levelAnswer('d-sec', 0)]),
]
const analyse = (list: Assessment[] = assessments, options: AnalysisOptions = {}) =>
  analyseRound({ catalog, round: makeRound({ startDate: '2026-01-15', catalogVersion: '2.0.0' }), departments, assessments: list, organisation: { type: 'stadt', bundesland: 'NW', staff: 300 }, options })
const analysis = analyse()

/** Visible text with non-breaking spaces (German percent format) as plain spaces. */
const plain = (s: string) => s.replace(/\u00a0|\u202f/g, ' ').replace(/\s+/g, ' ').trim()
const global = () => ({ plugins: [makeI18n()], stubs: { RouterLink: RouterLinkStub, ImpactEffortChart: true } })

describe('ReadinessBlock and FundamentTable', () => {
  it('a basic at level 0 caps the overall result; the block names the capping items in plain German', () => {
    expect(analysis.readiness?.status).toBe('capped')
    const w = mount(ReadinessBlock, { props: { readiness: analysis.readiness!, organisation: analysis.organisation, fundament: analysis.fundament, catalog }, global: global() })
    expect(plain(w.find('.big-score').text())).toBe('Gesamtergebnis: 0,0 von 100 · Reifestufe 0 von 4')
    expect(plain(w.find('[data-testid="readiness-status"] p').text())).toBe('Begrenzt durch das Fundament – schwächste Stufe 0 bei:')
    expect(w.findAll('[data-testid="readiness-status"] li').map((li) => plain(li.text()))).toEqual(['Informationssicherheit', 'Datensicherung', 'Datenschutz'])
    const uncapped = analysis.readiness!.uncapped!
    expect(uncapped).toBeGreaterThan(0)
    expect(plain(w.find('[data-testid="uncapped"]').text())).toBe(`Mittelwert ohne Begrenzung durch das Fundament: ${uncapped.toFixed(1).replace('.', ',')}`)
  })

  it('shows the established share and, where "weiß nicht" makes a difference, the range', () => {
    const o = analysis.organisation
    expect(o.low).not.toBe(o.high)
    const w = mount(ReadinessBlock, { props: { readiness: analysis.readiness!, organisation: o, fundament: analysis.fundament, catalog }, global: global() })
    const established = `etabliert (Stufe ≥ 3): ${Math.round((o.established as number) * 100)} %`
    expect(plain(w.find('[data-testid="established"]').text())).toBe(
      `${established} · Spanne ${Math.round(o.low as number)}–${Math.round(o.high as number)} (wenn alle „weiß nicht“-Antworten Stufe 0 bzw. Stufe 4 wären)`,
    )
    // No range when low and high round alike.
    const w2 = mount(ReadinessBlock, { props: { readiness: analysis.readiness!, organisation: { ...o, low: 50.2, high: 49.8 }, fundament: analysis.fundament, catalog }, global: global() })
    expect(plain(w2.find('[data-testid="established"]').text())).toBe(established)
  })

  it('says "Fundament unvollständig beantwortet" when too few basics are answered', () => {
    const onlyOne = [as(central, [levelAnswer('f-isb', 3), levelAnswer('d-sec', 4), levelAnswer('d-pro1', 4), levelAnswer('d-pro2', 4)]), ...assessments.slice(1)]
    const a = analyse(onlyOne)
    expect(a.readiness?.status).toBe('fundament_missing')
    const w = mount(ReadinessBlock, { props: { readiness: a.readiness!, organisation: a.organisation, fundament: a.fundament, catalog }, global: global() })
    const status = plain(w.find('[data-testid="readiness-status"]').text())
    expect(status).toContain('Fundament unvollständig beantwortet')
    expect(status).toContain('Weniger als 50 % der Fundament-Fragen sind beantwortet.')
  })

  it('the Fundament table lists item, owner unit, the administration value and state, with score and weakest level', () => {
    const w = mount(FundamentTable, { props: { fundament: analysis.fundament!, catalog, cappedBy: analysis.readiness!.cappedBy }, global: global() })
    expect(w.findAll('thead th').map((th) => th.text())).toEqual(['Grundlage', 'Zuständig', 'Wert der Verwaltung', 'Zustand'])
    expect(w.findAll('tbody tr').map((tr) => [tr.find('th').text(), ...tr.findAll('td').map((td) => td.text())])).toEqual([
      ['Informationssicherheit', 'Hauptamt', 'Stufe 0', 'begrenzt das Gesamtergebnis'],
      ['Datensicherung', 'IT', 'Stufe 0', 'begrenzt das Gesamtergebnis'],
      ['Datenschutz', 'Hauptamt', 'Stufe 0', 'begrenzt das Gesamtergebnis'],
    ])
    expect(plain(w.find('[data-testid="fundament-summary"]').text())).toBe('Reifegrad des Fundaments: 0,0 von 100 · schwächste Stufe: 0 · Abdeckung: 100 % · etabliert (Stufe ≥ 3): 0 %')
  })
})

describe('ObligationNote', () => {
  /** The note's text; a line break (the hint under the law) as " | ". */
  const note = (obligation: LegalObligation, duty?: boolean, slot?: string) => {
    const w = mount(ObligationNote, { props: { obligation, duty }, slots: slot ? { default: slot } : {}, global: global() })
    return plain(w.html().replace(/<br>/g, ' | ').replace(/<[^>]+>/g, ' '))
  }

  it('keeps the catalogue 1.0.0 text (law and date)', () => {
    expect(note({ law: 'OZG', description: text('Onlinezugang'), date: '2022-12-31' })).toBe('Pflicht: OZG (seit 31.12.2022)')
  })
  it('names law, paragraph, addressee and the date in force of a 2.0 duty', () => {
    expect(note(duty(), true)).toBe('Rechtspflicht: DSGVO Art. 37 Abs. 1 lit. a · Adressat: Kommune · gilt seit 25.05.2018')
  })
  it('adds the deadline and the Länder a duty is limited to', () => {
    const o = duty({ law: 'EGovG NRW', paragraph: '§ 3', bundeslaender: ['NW', 'BY'], inForceSince: '2016-07-16', deadline: '2027-12-31' })
    expect(note(o, true)).toBe('Rechtspflicht: EGovG NRW § 3 · Adressat: Kommune · gilt seit 16.07.2016 · Frist 31.12.2027 · nur in Nordrhein-Westfalen, Bayern')
    // Outside those Länder it is no duty of the organisation assessed.
    expect(note(o, false)).toBe(
      'Rechtsgrundlage: EGovG NRW § 3 · Adressat: Kommune · gilt seit 16.07.2016 · Frist 31.12.2027 · nur in Nordrhein-Westfalen, Bayern | Für diese Kommune keine Rechtspflicht – hier als Empfehlung',
    )
  })
  it('marks duties of municipal companies as recommendations', () => {
    const o = duty({ law: 'NIS2UmsuCG', paragraph: '§ 30', addressee: 'kommunales_unternehmen', inForceSince: '2025-12-06' })
    expect(note(o, false)).toBe('Rechtsgrundlage: NIS2UmsuCG § 30 · Adressat: kommunale Unternehmen · gilt seit 06.12.2025 | Pflicht kommunaler Unternehmen (z. B. Stadtwerke) – hier als Empfehlung')
  })
  it('shows what the parent puts in its slot after the text', () => {
    expect(note({ law: 'OZG', description: text(''), date: '2022-12-31' }, undefined, '<span class="badge">erfüllt</span>')).toBe('Pflicht: OZG (seit 31.12.2022) erfüllt')
  })
})

describe('RecommendationList under method 2.0', () => {
  const card = (measureId: string) => {
    const w = mount(RecommendationList, { props: { recommendations: analysis.recommendations, catalog, departments, showDepartments: true, openReasons: true }, global: global() })
    return w.find(`[data-measure="${measureId}"]`)
  }
  it('shows an overdue duty with urgency badge, person-days, organisation-wide reach, obligation and stability', () => {
    const dsb = analysis.recommendations.find((r) => r.measureId === 'm-dsb') as Recommendation
    expect(dsb).toMatchObject({ urgency: 'overdue', organisationWide: true, effortDays: 3 })
    const c = card('m-dsb')
    expect(c.find('[data-testid="urgency"]').text()).toBe('Frist überschritten')
    expect(plain(c.findAll('.facts dd')[1]!.text())).toBe('1/5 · ca. 3 PT')
    expect(plain(c.find('[data-testid="reach"] dd').text())).toBe('gesamte Verwaltung')
    expect(plain(c.find('[data-testid="obligation"]').text())).toBe('Rechtspflicht: DSGVO Art. 37 Abs. 1 lit. a · Adressat: Kommune · gilt seit 25.05.2018')
    // Effort 1 has no lower class: only the rank with more effort is given.
    expect(plain(c.find('[data-testid="stability"]').text())).toBe(`Stabilität des Rangs: Rang ${dsb.rank}; bei höherem Aufwand Rang ${dsb.stability!.rankIfMoreEffort}`)
    // Fundament reasons belong to the whole administration.
    expect(c.find('tbody td').text()).toBe('Gesamtverwaltung')
  })
  it('gives the share of staff a department measure reaches, a near deadline, and both stability ranks', () => {
    const sec = analysis.recommendations.find((r) => r.measureId === 'm-sec') as Recommendation
    // FB 2 has too few answers and does not count; FB 1 holds half of the staff assessed.
    expect(sec.reach).toBe(0.5)
    const c = card('m-sec')
    expect(plain(c.find('[data-testid="reach"] dd').text())).toBe('betrifft 50 % der Beschäftigten')
    expect(c.find('[data-testid="urgency"]').exists()).toBe(false)
    expect(plain(c.find('[data-testid="stability"]').text())).toBe(
      `Stabilität des Rangs: Rang ${sec.rank}; bei höherem Aufwand Rang ${sec.stability!.rankIfMoreEffort}, bei geringerem Rang ${sec.stability!.rankIfLessEffort}`,
    )
    expect(card('m-ozg').find('[data-testid="urgency"]').text()).toBe('Frist naht')
  })
  it('shows no 2.0 facts for method 1.0 recommendations', () => {
    const r = makeRecommendation({ measureId: 'm-sec', effort: 2 })
    const w = mount(RecommendationList, { props: { recommendations: [r], catalog, departments }, global: global() })
    expect(plain(w.findAll('.facts dd')[1]!.text())).toBe('2 / 5')
    expect(w.find('[data-testid="reach"]').exists()).toBe(false)
    expect(w.find('[data-testid="stability"]').exists()).toBe(false)
    expect(w.find('[data-testid="urgency"]').exists()).toBe(false)
  })
})

describe('RecommendationsPanel: the focus', () => {
  // One duty (rank 5) and twelve other measures; the focus holds the duty and the ten best others.
  const ids = Array.from({ length: 13 }, (_, i) => `m${String(i + 1).padStart(2, '0')}`)
  const cat = makeCatalog({ scoringModel: '2.0', measures: ids.map((id) => makeMeasure({ id, title: text(`Maßnahme ${id}`) })) })
  let others = 0
  const recs: Recommendation[] = ids.map((id, i) => {
    const pflicht = i === 4
    return makeRecommendation({ measureId: id, rank: i + 1, class: pflicht ? 'pflicht' : 'ergaenzung', focus: pflicht || others++ < 10, effortDays: 40, reach: 0.5 })
  })
  const shown = (w: ReturnType<typeof mount>) => w.findAll('.rec-list > li').map((li) => li.attributes('data-measure'))

  it('first lists the focused set (every duty and the top 10) and offers all measures', async () => {
    const w = mount(RecommendationsPanel, { props: { recommendations: recs, catalog: cat, departments, method: '2.0' }, global: global() })
    const radios = w.findAll('[data-testid="focus-filter"] input[type="radio"]')
    expect(w.findAll('[data-testid="focus-filter"] label').map((l) => plain(l.text()))).toEqual([
      'Fokus: alle Rechtspflichten und die 10 wichtigsten weiteren Maßnahmen (11)',
      'Alle Maßnahmen (13)',
    ])
    expect((radios[0]!.element as HTMLInputElement).checked).toBe(true)
    expect(w.find('[data-testid="rec-count"]').text()).toBe('11 Maßnahmen')
    expect(shown(w)).toEqual(ids.slice(0, 11))
    await radios[1]!.setValue(true)
    expect(w.find('[data-testid="rec-count"]').text()).toBe('13 Maßnahmen')
    expect(shown(w)).toEqual(ids)
  })
  it('has no focus filter under method 1.0 and lists everything', () => {
    const w = mount(RecommendationsPanel, { props: { recommendations: recs.map((r) => ({ ...r, focus: undefined })), catalog: { ...cat, scoringModel: undefined }, departments, method: '1.0' }, global: global() })
    expect(w.find('[data-testid="focus-filter"]').exists()).toBe(false)
    expect(w.find('[data-testid="rec-count"]').text()).toBe('13 Maßnahmen')
  })
})

describe('DepartmentRecommendations', () => {
  const result = (id: string) => analysis.departments.find((d) => d.departmentId === id)!
  it('says a department with too few answers gets no recommendations, instead of an empty list', () => {
    expect(result('fb2').insufficient).toBe(true)
    const w = mount(DepartmentRecommendations, { props: { recommendations: result('fb2').recommendations, catalog, department: fb2, insufficient: true }, global: global() })
    expect(w.find('[data-testid="insufficient"]').text()).toBe('Zu wenige Antworten für Empfehlungen (Abdeckung unter 50 %)')
    expect(w.find('.rec-list').exists()).toBe(false)
    expect(w.text()).not.toContain('keine Maßnahmen ausgelöst')
  })
  it('lists what a department with enough answers triggers', () => {
    const r = result('fb1')
    expect(r.insufficient).toBe(false)
    const w = mount(DepartmentRecommendations, { props: { recommendations: r.recommendations, catalog, department: fb1, insufficient: false }, global: global() })
    expect(w.find('[data-testid="insufficient"]').exists()).toBe(false)
    expect(w.findAll('.rec-list > li').map((li) => li.attributes('data-measure'))).toEqual(r.recommendations.map((x) => x.measureId))
    expect(w.findAll('.rec-list > li').length).toBeGreaterThan(0)
  })
})

describe('Report measure (method 2.0)', () => {
  it('names Fundament reasons "Gesamtverwaltung" and writes Ist → Soll', () => {
    const r = analysis.recommendations.find((x) => x.measureId === 'm-isb') as Recommendation
    const w = mount(ReportMeasureItem, { props: { measure: { ...r, reasonCount: r.reasons.length }, catalog, departments }, global: global() })
    expect(plain(w.text())).toContain('Warum: Gesamtverwaltung: „Informationssicherheit“ (Ist 0 → Soll 3)')
    expect(plain(w.find('h3').text())).toContain('ca. 3 PT · gesamte Verwaltung')
  })
})

describe('RoadmapPlan and PlanningSettings', () => {
  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
  })

  it('shows calendar years, phases, the capacity with its source, load per year and deadline badges', () => {
    const roadmap = asRoadmapV2(analysis.roadmap)!
    expect(roadmap).not.toBeNull()
    const w = mount(RoadmapPlan, { props: { roadmap, catalog, staff: 300 }, global: global() })
    expect(w.find('[data-testid="horizon"]').text()).toBe('2026–2035')
    expect(plain(w.findAll('.facts dd')[1]!.text())).toBe('Phase 1: 2026–2027 · Phase 2: 2028–2030 · Phase 3: 2031–2035')
    // The default capacity is derived from the organisation's 300 employees (rule in roadmap2.ts).
    expect(roadmap.capacitySource).toBe('staff')
    expect(plain(w.find('[data-testid="capacity"]').text())).toBe(`${roadmap.capacity} PT je Jahr (aus 300 Beschäftigten abgeleitet)`)
    const rows = w.findAll('[data-testid="load"] tbody tr')
    expect(rows).toHaveLength(10)
    expect(rows[0]!.find('th').text()).toBe('2026')
    expect(rows[0]!.findAll('td')[2]!.text()).toBe(String(roadmap.capacity))
    expect(plain(w.find('[data-measure="m-dsb"]').text())).toContain('überfällig')
    const ozg = roadmap.entries.find((e) => e.measureId === 'm-ozg')!
    expect(ozg).toMatchObject({ duty: true, deadlineAtRisk: true })
    expect(plain(w.find('[data-measure="m-ozg"]').text())).toContain('Frist gefährdet')
    expect(plain(w.find('[data-measure="m-ozg"]').text())).toContain('Frist 31.12.2027')
  })

  it('a short horizon with little capacity puts measures after the horizon', () => {
    const roadmap = asRoadmapV2(analyse(assessments, { horizonYears: 1, capacityDays: 40 }).roadmap)!
    expect(roadmap.entries.some((e) => e.beyondHorizon)).toBe(true)
    const w = mount(RoadmapPlan, { props: { roadmap, catalog, staff: 300 }, global: global() })
    expect(plain(w.find('[data-testid="capacity"]').text())).toBe('40 PT je Jahr (festgelegt)')
    expect(w.findAll('h2').map((h) => h.text())).toContain('Nach dem Planungshorizont (ab 2027)')
    expect(w.findAll('.kern-badge').map((b) => b.text())).toContain('nach dem Planungshorizont')
  })

  it('stores the first year, the horizon length and the capacity; empty means the default', async () => {
    const w = mount(PlanningSettings, { props: { defaultStartYear: 2026, defaultCapacity: 300 }, global: global() })
    const settings = useAnalysisSettingsStore()
    expect(w.find('label[for="plan-start"]').text()).toBe('Erstes Planungsjahr')
    expect(w.find('#plan-start').attributes('placeholder')).toBe('2026')
    await w.find('#plan-start').setValue('2027')
    expect(settings.horizonStart).toBe(2027)
    await w.find('#plan-start').setValue('27')
    expect(w.find('#plan-start').attributes('aria-invalid')).toBe('true')
    expect(settings.horizonStart).toBe(2027)
    await w.find('#plan-start').setValue('')
    expect(settings.horizonStart).toBeNull()
    expect(w.findAll('#plan-years option')).toHaveLength(10)
    await w.find('#plan-years').setValue('5')
    expect(settings.horizonYears).toBe(5)
    expect(w.find('#plan-capacity-help').text()).toBe('Leer = Standardwert: 300 PT je Jahr.')
    await w.find('#plan-capacity').setValue('250')
    expect(settings.capacityDays).toBe(250)
    await w.find('#plan-capacity').setValue('')
    expect(settings.capacityDays).toBeNull()
  })
})
