/**
 * Musterstadt's "Digitale Agenda 1.0" and Leistungsinventar, so that a new user sees both filled:
 * the agenda is made from the current round's recommendations (`createAgendaFromRecommendations`:
 * the Leitprojekte and the ten best quick wins, without the legal duties to keep it small), with
 * Handlungsfelder, owners and budgets, and a few entries moved through their statuses at dates in
 * the past (two done, four in progress — one of them late against plan —, one deferred); the
 * inventory holds twelve services of the starter list with channels, case numbers and, for most,
 * ratings on the maturity model. Pure and deterministic: ids, dates and values follow from the demo
 * data and `now`.
 */
import { createAgendaFromRecommendations } from '@/domain/agenda/create'
import { putEntry } from '@/domain/agenda/edit'
import { changeStatus } from '@/domain/agenda/status'
import type { Agenda, AgendaEntry, AgendaStatus, Handlungsfeld, StatusEvent } from '@/domain/agenda/types'
import { analyseRound } from '@/domain/analysis/analysis'
import type { Recommendation } from '@/domain/analysis/prioritisation'
import type { Catalog, Stamp } from '@/domain/model/types'
import { OZG_RGM_2 } from '@/domain/services/maturity-model'
import { STARTER_SERVICES } from '@/domain/services/starter-services'
import type { CriterionRating, FormType, MunicipalService, ServiceChannel, ServiceRecord } from '@/domain/services/types'
import { DEMO_DEVICE_ID, DEMO_ORG_ID, type DemoData } from './musterstadt'

export const DEMO_AGENDA_ID = `${DEMO_ORG_ID}-agenda-1`

/** Who records the demo's status changes. */
const STEERING = 'Stabsstelle Digitalisierung'
const DAY = 86_400_000

export interface DemoStrategy {
  agenda: Agenda
  agendaEvents: StatusEvent[]
  services: ServiceRecord[]
}

const dep = (code: string) => `${DEMO_ORG_ID}-dep-${code}`

const FIELDS: readonly (Handlungsfeld & { dimensions: readonly string[]; owner: string })[] = [
  { id: `${DEMO_AGENDA_ID}-hf-steuerung`, title: 'Steuerung und Strategie', dimensions: ['strategie'], owner: dep('10') },
  { id: `${DEMO_AGENDA_ID}-hf-online`, title: 'Online-Dienste und Bürgerkommunikation', dimensions: ['onlinedienste', 'kommunikation'], owner: dep('32') },
  { id: `${DEMO_AGENDA_ID}-hf-prozesse`, title: 'Digitale Prozesse, E-Akte und Daten', dimensions: ['prozesse', 'eakte', 'daten'], owner: dep('11') },
  { id: `${DEMO_AGENDA_ID}-hf-it`, title: 'IT-Infrastruktur und Informationssicherheit', dimensions: ['arbeitsplatz', 'sicherheit'], owner: dep('12') },
  { id: `${DEMO_AGENDA_ID}-hf-personal`, title: 'Personal und Kompetenzen', dimensions: ['personal'], owner: dep('11') },
]

/** Estimated cost in euros of a Leitprojekt by its effort class 1–5. */
const BUDGET_BY_EFFORT = [8_000, 25_000, 60_000, 150_000, 320_000] as const

/**
 * The demo's agenda, its status history and its inventory. `catalog` is the current round's
 * catalogue; `now` the same ISO timestamp `buildDemo` was given.
 */
export function buildDemoStrategy(demo: DemoData, catalog: Catalog, now: string): DemoStrategy {
  const analysis = analyseRound({
    catalog,
    round: demo.round,
    departments: demo.departments,
    assessments: demo.assessments.filter((a) => a.roundId === demo.round.id),
    organisation: demo.organisation,
    options: { weighting: 'equal', horizonYears: 10 },
  })
  const { agenda, agendaEvents } = buildDemoAgenda(analysis.recommendations, analysis.roadmap.entries, catalog, demo, now)
  return { agenda, agendaEvents, services: buildDemoServices(now) }
}

const isoMinusDays = (now: string, days: number) => new Date(Date.parse(now) - days * DAY).toISOString()

function buildDemoAgenda(
  recommendations: readonly Recommendation[],
  roadmap: readonly { measureId: string; calendarStart?: number; calendarEnd?: number }[],
  catalog: Catalog,
  demo: DemoData,
  now: string,
): { agenda: Agenda; agendaEvents: StatusEvent[] } {
  // Adopted about five months ago; every status change lies between then and now.
  const adopted = isoMinusDays(now, 150)
  const at = (daysAfterAdoption: number) => new Date(Date.parse(adopted) + daysAfterAdoption * DAY).toISOString()
  const stampAt = (iso: string): Stamp => ({ at: iso, by: STEERING, deviceId: DEMO_DEVICE_ID })
  const startYear = Number(adopted.slice(0, 4))
  let n = 0
  const newId = () => `${DEMO_AGENDA_ID}-e${++n}`
  const schedule = roadmap.flatMap((e) => (typeof e.calendarStart === 'number' && typeof e.calendarEnd === 'number' ? [{ measureId: e.measureId, calendarStart: e.calendarStart, calendarEnd: e.calendarEnd }] : []))
  const { agenda: created } = createAgendaFromRecommendations(recommendations, {
    id: DEMO_AGENDA_ID,
    orgId: DEMO_ORG_ID,
    name: 'Digitale Agenda',
    version: '1.0',
    startYear,
    years: 10,
    phases: [
      { id: `${DEMO_AGENDA_ID}-ph-1`, name: 'Grundlagen schaffen', startYear, endYear: startYear + 1 },
      { id: `${DEMO_AGENDA_ID}-ph-2`, name: 'Ausbauen', startYear: startYear + 2, endYear: startYear + 4 },
      { id: `${DEMO_AGENDA_ID}-ph-3`, name: 'Verstetigen', startYear: startYear + 5, endYear: startYear + 9 },
    ],
    handlungsfelder: FIELDS.map((f) => ({ id: f.id, title: f.title })),
    maxLeitprojekte: 10,
    maxQuickWins: 10,
    includeDuties: false,
    source: { roundId: demo.round.id, catalogId: catalog.id, catalogVersion: catalog.version },
    schedule,
    stamp: stampAt(adopted),
    newId,
  })

  // The steering group's first edit (part of the adoption): field, owner and, for Leitprojekte, a budget.
  const measures = new Map(catalog.measures.map((m) => [m.id, m]))
  let agenda: Agenda = {
    ...created,
    entries: created.entries.map((e): AgendaEntry => {
      const measure = e.measureId === null ? undefined : measures.get(e.measureId)
      const field = FIELDS.find((f) => measure?.dimensionIds.some((d) => f.dimensions.includes(d))) ?? FIELDS[0]!
      const budget = e.kind === 'leitprojekt' && measure ? BUDGET_BY_EFFORT[measure.effort - 1]! : null
      return { ...e, handlungsfeldId: field.id, ownerDepartmentId: field.owner, budgetEstimate: budget }
    }),
  }

  const events: StatusEvent[] = []
  const move = (entry: AgendaEntry | undefined, to: AgendaStatus, when: string, note = ''): void => {
    if (!entry) return
    const current = agenda.entries.find((e) => e.id === entry.id)!
    const result = changeStatus(current, to, { agendaId: DEMO_AGENDA_ID, eventId: `${DEMO_AGENDA_ID}-ev-${events.length + 1}`, stamp: stampAt(when), note })
    if (!result.ok) return
    agenda = putEntry(agenda, result.entry)
    events.push(result.event)
  }
  const quick = agenda.entries.filter((e) => e.kind === 'quick_win')
  const lead = agenda.entries.filter((e) => e.kind === 'leitprojekt')
  // Late against plan: planned to end two months after adoption, still in progress.
  const late = quick[2]
  if (late) agenda = putEntry(agenda, { ...late, start: adopted.slice(0, 7), end: at(60).slice(0, 7) })

  move(quick[0], 'in_progress', at(14))
  move(quick[1], 'in_progress', at(21))
  move(late, 'in_progress', at(30), 'Start verzögert, Rückmeldung des Herstellers steht aus.')
  move(lead[0], 'in_progress', at(45))
  move(lead[1], 'in_progress', at(60))
  move(quick[0], 'done', at(75))
  move(quick[3], 'in_progress', at(120))
  move(lead[2], 'deferred', at(130), 'Zurückgestellt bis zur Freigabe im nächsten Haushalt.')
  move(quick[1], 'done', at(138))
  return { agenda, agendaEvents: events }
}

interface DemoService {
  starterId: string
  department: string
  channels: ServiceChannel[]
  casesPerYear: number
  formType: FormType
  onlinePayment?: boolean
  /** Years before `now` the service went online (March 1st), if it is. */
  onlineYearsAgo?: number
  /** Rating of every criterion (a number; 'na' where the criterion allows it and `na` lists it). */
  level?: number
  /** Criteria rated differently from `level`. */
  override?: Partial<Record<string, CriterionRating>>
  /** Criteria not required for this service. */
  na?: readonly string[]
  /** Rate only these criteria (the rating is unfinished). */
  only?: readonly string[]
  note?: string
}

const NO_ACCOUNT = ['account', 'authentication', 'evidence', 'onceOnly']

const SERVICES: readonly DemoService[] = [
  { starterId: 'online-terminvergabe', department: dep('32'), channels: ['online', 'phone', 'counter'], casesPerYear: 18_500, formType: 'html-form', onlineYearsAgo: 4, level: 4, na: [...NO_ACCOUNT, 'payment', 'notice', 'accounting'] },
  { starterId: 'maengelmelder', department: dep('61'), channels: ['online', 'phone', 'email'], casesPerYear: 2_400, formType: 'html-form', onlineYearsAgo: 3, level: 3, na: [...NO_ACCOUNT, 'payment', 'accounting'] },
  { starterId: 'abfallkalender', department: dep('61'), channels: ['online', 'post'], casesPerYear: 9_800, formType: 'none', onlineYearsAgo: 6, level: 3, na: [...NO_ACCOUNT, 'payment', 'notice', 'status', 'accounting'] },
  { starterId: 'meldebescheinigung', department: dep('32'), channels: ['online', 'counter', 'post'], casesPerYear: 5_200, formType: 'end-to-end', onlinePayment: true, onlineYearsAgo: 2, level: 4, override: { onceOnly: 3, records: 3 }, na: ['evidence'] },
  { starterId: 'bewohnerparkausweis', department: dep('32'), channels: ['online', 'counter'], casesPerYear: 1_400, formType: 'html-form', onlinePayment: true, onlineYearsAgo: 1, level: 3, override: { records: 2 } },
  { starterId: 'personenstandsurkunde', department: dep('34'), channels: ['online', 'post', 'counter'], casesPerYear: 2_300, formType: 'html-form', onlinePayment: true, onlineYearsAgo: 2, level: 3, na: ['evidence'] },
  { starterId: 'gewerbeanmeldung', department: dep('32'), channels: ['online', 'counter', 'post'], casesPerYear: 480, formType: 'html-form', onlinePayment: true, onlineYearsAgo: 1, level: 3, override: { processing: 2 } },
  { starterId: 'hundesteuer-anmeldung', department: dep('20'), channels: ['post', 'email', 'counter'], casesPerYear: 620, formType: 'pdf', level: 1, na: ['payment', 'evidence', 'onceOnly', 'accounting'], override: { information: 3 } },
  { starterId: 'kita-anmeldung', department: dep('51'), channels: ['online', 'post'], casesPerYear: 650, formType: 'html-form', onlineYearsAgo: 1, level: 3, only: ['information', 'application', 'account'], note: 'Bewertung mit dem Jugendamt noch nicht abgeschlossen.' },
  { starterId: 'sperrmuell', department: dep('61'), channels: ['phone', 'post', 'email'], casesPerYear: 3_100, formType: 'pdf', note: 'Online-Anmeldung mit Terminwahl geplant (Digitale Agenda).' },
  { starterId: 'gartenwasserzaehler', department: dep('61'), channels: ['post', 'email'], casesPerYear: 850, formType: 'pdf' },
  { starterId: 'fundsachen', department: dep('32'), channels: ['counter', 'phone'], casesPerYear: 700, formType: 'none' },
]

function ratingsOf(s: DemoService): Partial<Record<string, CriterionRating>> {
  if (s.level === undefined) return {}
  const ratings: Partial<Record<string, CriterionRating>> = {}
  for (const c of OZG_RGM_2.criteria) {
    if (s.only && !s.only.includes(c.id)) continue
    ratings[c.id] = c.mayBeNotApplicable && s.na?.includes(c.id) ? 'na' : (s.override?.[c.id] ?? (s.level as CriterionRating))
  }
  return ratings
}

function buildDemoServices(now: string): ServiceRecord[] {
  const created = isoMinusDays(now, 120)
  const year = Number(now.slice(0, 4))
  return SERVICES.map((s) => {
    const starter = STARTER_SERVICES.find((x) => x.id === s.starterId)!
    const values: MunicipalService = {
      id: `${DEMO_ORG_ID}-svc-${s.starterId}`,
      name: starter.name.de,
      departmentId: s.department,
      channels: s.channels,
      casesPerYear: s.casesPerYear,
      onlinePayment: s.onlinePayment ?? false,
      formType: s.formType,
      maturity: { model: OZG_RGM_2.key, ratings: ratingsOf(s) },
      starterId: s.starterId,
    }
    if (s.onlineYearsAgo !== undefined) values.onlineSince = `${year - s.onlineYearsAgo}-03-01`
    if (s.note !== undefined) values.note = s.note
    return { ...values, orgId: DEMO_ORG_ID, createdAt: created, updatedAt: created, updatedBy: '', deviceId: DEMO_DEVICE_ID, rev: 1 }
  })
}
