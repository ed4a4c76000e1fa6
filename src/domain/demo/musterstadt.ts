/**
 * The demo municipality "Musterstadt": a mid-sized town (Mittelstadt) with ten departments and one
 * round of varied, plausible answers, built deterministically from a seed so that tests and
 * screenshots are stable. Pure: ids and timestamps are derived from the seed and `now`.
 */
import { applicableItems } from '@/domain/model/catalog-index'
import type { Answer, Assessment, Catalog, Department, Level, Organisation, Round } from '@/domain/model/types'

export const DEMO_ORG_ID = 'demo-musterstadt'

/** Deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface DemoDepartment {
  code: string
  name: string
  parentUnit: string
  head: string
  staff: number
  kind: Department['kind']
  /** Typical Ist level per dimension id (missing: 1.5). */
  profile: Record<string, number>
  respondents: string[]
  /** Share of applicable items answered (1 = complete). */
  completeness: number
  submitted?: boolean
}

const DEPARTMENTS: DemoDepartment[] = [
  { code: '10', name: 'Hauptamt und Bürgermeisterbüro', parentUnit: 'Dezernat I', head: 'Leitung Hauptamt', staff: 38, kind: 'central', profile: { strategie: 2.4, kommunikation: 2.6, eakte: 1.8, personal: 2 }, respondents: ['Amtsleitung', 'Stabsstelle Digitalisierung'], completeness: 1, submitted: true },
  { code: '11', name: 'Personal und Organisation', parentUnit: 'Dezernat I', head: 'Leitung Personal', staff: 22, kind: 'central', profile: { personal: 2.2, prozesse: 1.6, eakte: 1.2 }, respondents: ['Amtsleitung'], completeness: 1, submitted: true },
  { code: '12', name: 'IT und Digitalisierung', parentUnit: 'Dezernat I', head: 'IT-Leitung', staff: 16, kind: 'central', profile: { arbeitsplatz: 3.3, sicherheit: 2.7, daten: 2.4, strategie: 2.6, prozesse: 2.3 }, respondents: ['IT-Leitung'], completeness: 1, submitted: true },
  { code: '20', name: 'Finanzen und Kämmerei', parentUnit: 'Dezernat I', head: 'Kämmerin', staff: 41, kind: 'specialist', profile: { prozesse: 2.5, eakte: 2.2, onlinedienste: 1.4 }, respondents: ['Kämmerin'], completeness: 0.95 },
  { code: '32', name: 'Bürgerservice und Ordnung', parentUnit: 'Dezernat II', head: 'Amtsleitung Bürgerservice', staff: 64, kind: 'specialist', profile: { onlinedienste: 2.7, prozesse: 2.1, kommunikation: 2 }, respondents: ['Amtsleitung', 'Teamleitung Bürgerbüro'], completeness: 0.9 },
  { code: '34', name: 'Standesamt', parentUnit: 'Dezernat II', head: 'Standesamtsleitung', staff: 9, kind: 'specialist', profile: { prozesse: 2.6, onlinedienste: 1.9, eakte: 1.5 }, respondents: [''], completeness: 1, submitted: true },
  { code: '40', name: 'Schule, Kultur und Sport', parentUnit: 'Dezernat II', head: 'Fachbereichsleitung', staff: 55, kind: 'specialist', profile: { arbeitsplatz: 2.2, onlinedienste: 1.3, personal: 1.4 }, respondents: ['Fachbereichsleitung'], completeness: 0.6 },
  { code: '51', name: 'Jugend, Familie und Soziales', parentUnit: 'Dezernat II', head: 'Amtsleitung Jugendamt', staff: 118, kind: 'specialist', profile: { onlinedienste: 1.6, eakte: 0.9, prozesse: 1.5, sicherheit: 1.8 }, respondents: ['Amtsleitung'], completeness: 0.8 },
  { code: '61', name: 'Stadtplanung und Umwelt', parentUnit: 'Dezernat III', head: 'Fachbereichsleitung', staff: 27, kind: 'specialist', profile: { daten: 2.8, kommunikation: 2.2, eakte: 1.3 }, respondents: ['Fachbereichsleitung'], completeness: 0.85 },
  { code: '63', name: 'Bauordnung', parentUnit: 'Dezernat III', head: 'Amtsleitung Bauordnung', staff: 24, kind: 'specialist', profile: { prozesse: 1.2, eakte: 0.6, onlinedienste: 1.1, daten: 1.9 }, respondents: ['Amtsleitung'], completeness: 0 },
]

const COMMENTS = [
  'Pilot läuft seit dem Frühjahr, Ausweitung geplant.',
  'Hängt an der Schnittstelle des Fachverfahrens – Hersteller ist angefragt.',
  'Personal fehlt für die Umsetzung.',
  'Wird im Workshop besprochen.',
  'Papierakten im Keller, Scannen bisher nur bei Bedarf.',
  'Gute Erfahrungen, andere Ämter fragen schon nach.',
]

const clampLevel = (x: number): Level => Math.max(0, Math.min(4, Math.round(x))) as Level

/** Device id of the demo data (the same on every device). */
export const DEMO_DEVICE_ID = 'demo'

export interface DemoData {
  organisation: Organisation
  departments: Department[]
  /** The current round (this year). */
  round: Round
  /** An earlier round two years before, so that comparisons over time have data. */
  previousRound: Round
  assessments: Assessment[]
}

/**
 * Builds Musterstadt for the given catalogue. `now` is an ISO timestamp; all records use it. The
 * earlier round uses `previousCatalog` (default: the same), so a demo can show a comparison across
 * catalogue versions.
 */
export function buildDemo(catalog: Catalog, now: string, seed = 2026, previousCatalog: Catalog = catalog): DemoData {
  const rand = prng(seed)
  // The demo is the same on every device: one fixed device id, so two copies merge without change.
  const prov = { updatedAt: now, updatedBy: '', deviceId: DEMO_DEVICE_ID, rev: 1 }
  const answerProv = (by: string) => ({ updatedAt: now, updatedBy: by, deviceId: DEMO_DEVICE_ID, rev: 1, vv: { [DEMO_DEVICE_ID]: 1 } })
  const organisation: Organisation = { id: DEMO_ORG_ID, name: 'Musterstadt', type: 'stadt', bundesland: 'NW', inhabitants: 48_300, staff: 612, createdAt: now, ...prov }
  const year = Number(now.slice(0, 4))
  const makeRound = (y: number, end: string, cat: Catalog): Round => ({
    id: `${DEMO_ORG_ID}-round-${y}`,
    orgId: DEMO_ORG_ID,
    name: `Digitalisierungs-Check ${y}`,
    startDate: `${y}-09-01`,
    endDate: `${y}-${end}`,
    catalogId: cat.id,
    catalogVersion: cat.version,
    dimensionTargets: {},
    createdAt: now,
    ...prov,
  })
  const round = makeRound(year, '12-15', catalog)
  const previousRound = makeRound(year - 2, '11-30', previousCatalog)
  const departments: Department[] = []
  const assessments: Assessment[] = []
  for (const d of DEPARTMENTS) {
    const department: Department = { id: `${DEMO_ORG_ID}-dep-${d.code}`, orgId: DEMO_ORG_ID, name: d.name, code: d.code, parentUnit: d.parentUnit, head: d.head, staff: d.staff, kind: d.kind, createdAt: now, ...prov }
    departments.push(department)
    const items = applicableItems(catalog, d.kind)
    // The earlier round: one respondent, complete and submitted, about half a level lower.
    const earlier: Record<string, Answer> = {}
    for (const item of applicableItems(previousCatalog, d.kind)) {
      const ist = clampLevel((d.profile[item.dimensionId] ?? 1.5) - 0.6 + (rand() - 0.5) * 2)
      earlier[item.id] = { itemId: item.id, state: 'level', ist, bedarf: clampLevel(3.5 - ist), potenzial: clampLevel(2 + rand() * 2), target: null, comment: '', ...answerProv(d.respondents[0] ?? '') }
    }
    assessments.push({ id: `${department.id}-prev`, orgId: DEMO_ORG_ID, roundId: previousRound.id, departmentId: department.id, respondent: d.respondents[0] ?? '', role: 'respondent', status: 'submitted', answers: earlier, createdAt: now, ...prov, activityAt: now, submittedAt: now })
    d.respondents.forEach((respondent, r) => {
      const answers: Record<string, Answer> = {}
      // Second respondents answer a little differently, sometimes by two levels (→ "zu besprechen").
      const shift = r === 0 ? 0 : rand() < 0.5 ? 1 : -1
      for (const item of items) {
        if (rand() >= d.completeness) continue
        const roll = rand()
        const base = d.profile[item.dimensionId] ?? 1.5
        const ist = clampLevel(base + (rand() - 0.5) * 2.2 + (r > 0 && rand() < 0.35 ? shift * 1.6 : 0))
        const state: Answer['state'] = roll < 0.05 ? 'na' : roll < 0.09 ? 'unknown' : 'level'
        answers[item.id] = {
          itemId: item.id,
          state,
          ist: state === 'level' ? ist : null,
          bedarf: state === 'na' ? null : clampLevel(4 - ist + (rand() - 0.5) * 2),
          potenzial: state === 'na' ? null : clampLevel(2 + (rand() - 0.3) * 3),
          target: state === 'level' && rand() < 0.1 ? clampLevel(ist + 1) : null,
          comment: rand() < 0.07 ? COMMENTS[Math.floor(rand() * COMMENTS.length)]! : '',
          ...answerProv(respondent),
        }
      }
      const count = Object.keys(answers).length
      assessments.push({
        id: `${department.id}-a${r + 1}`,
        orgId: DEMO_ORG_ID,
        roundId: round.id,
        departmentId: department.id,
        respondent,
        role: 'respondent',
        status: d.submitted ? 'submitted' : count === 0 ? 'not_started' : 'in_progress',
        answers,
        createdAt: now,
        ...prov,
        activityAt: now,
        submittedAt: d.submitted ? now : null,
      })
    })
  }
  return { organisation, departments, round, previousRound, assessments }
}
