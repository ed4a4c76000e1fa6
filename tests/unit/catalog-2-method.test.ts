/**
 * Catalogue 2.0.0 under method 2.0 on the synthetic cases of the domain review and on the demo:
 * basics at 0 cap the result, security basics rank high, the demo recommends a focused set, year 1
 * of the roadmap fits the default capacity, thin answers trigger nothing, 1.0.0 rounds compare.
 */
import { describe, expect, it } from 'vitest'
import catalog1Json from '@/catalogs/dc-kommune/1.0.0.json'
import catalog2Json from '@/catalogs/dc-kommune/2.0.0.json'
import { analyseRound } from '@/domain/analysis/analysis'
import { FOCUS_TOP } from '@/domain/analysis/priority2'
import { defaultCapacity, type RoadmapV2 } from '@/domain/analysis/roadmap2'
import { validateCatalog } from '@/domain/catalog/catalog-schema'
import { buildDemo } from '@/domain/demo/musterstadt'
import { applicableItems } from '@/domain/model/catalog-index'
import { compareRounds } from '@/domain/results/compare'
import type { Answer, Assessment, Catalog, Level } from '@/domain/model/types'
import { makeAnswer } from '../fixtures/builders'

const v1 = catalog1Json as unknown as Catalog
const v2 = catalog2Json as unknown as Catalog
const NOW = '2026-11-29T10:00:00.000Z'
const demo = buildDemo(v2, NOW, 2026, v1)
const current = demo.assessments.filter((a) => a.roundId === demo.round.id)
const analyse = (assessments: readonly Assessment[]) => analyseRound({ catalog: v2, round: demo.round, departments: demo.departments, assessments, organisation: demo.organisation })

const level = (itemId: string, ist: number, extra: Partial<Answer> = {}): Answer => makeAnswer({ itemId, state: 'level', ist: ist as Level, ...extra })

it('catalogue 2.0.0 is valid and declares method 2.0 and its mapping from 1.0.0', () => {
  expect(validateCatalog(v2).ok).toBe(true)
  expect(v2.scoringModel).toBe('2.0')
  expect(Object.keys(v2.predecessors?.[0]?.items ?? {}).sort()).toEqual(v1.items.map((i) => i.id).sort())
})

describe('every central and Fundament item at 0, every department item at the top', () => {
  const assessments = demo.departments.map((d, k) => ({
    ...(current[0] as Assessment),
    id: `top-${k}`,
    departmentId: d.id,
    answers: Object.fromEntries(applicableItems(v2, d.kind).map((i) => [i.id, level(i.id, i.appliesTo === 'all' ? 4 : 0)])),
  }))
  const result = analyse(assessments)
  it('never yields a high overall result: the readiness is capped at 0', () => {
    expect(result.readiness?.status).toBe('capped')
    expect(result.readiness?.score).toBe(0)
    expect(result.readiness?.cappedBy).toHaveLength(v2.items.filter((i) => i.appliesTo === 'organisation').length)
    // Without the cap the item-wise score would be about half (each basic counts once, not per department).
    expect(result.readiness?.uncapped).toBeLessThan(60)
    expect(result.organisation.dimensions.find((d) => d.dimensionId === 'sicherheit')?.score).toBeLessThan(35)
  })
})

describe('central security items at 0 in the demo', () => {
  const security = new Set(v2.items.filter((i) => i.dimensionId === 'sicherheit' && i.appliesTo !== 'all').map((i) => i.id))
  const central = new Set(demo.departments.filter((d) => d.kind === 'central').map((d) => d.id))
  const assessments = current.map((a) => {
    if (!central.has(a.departmentId)) return a
    const answers = { ...a.answers }
    for (const id of security) answers[id] = { ...(answers[id] ?? makeAnswer({ itemId: id })), state: 'level', ist: 0 }
    return { ...a, answers }
  })
  const result = analyse(assessments)
  const rank = (id: string) => result.recommendations.find((r) => r.measureId === id)?.rank ?? Infinity
  it('Datensicherung (offline backup) and the ISB rank in the top 10', () => {
    expect(rank('m-offline-backup')).toBeLessThanOrEqual(10)
    expect(rank('m-isb-benennen')).toBeLessThanOrEqual(10)
  })
})

describe('the demo (Musterstadt, NW, 612 staff)', () => {
  const result = analyse(current)
  const roadmap = result.roadmap as RoadmapV2
  it('recommends a focused set: every triggered duty plus the top 10, each with a reason', () => {
    const focus = result.recommendations.filter((r) => r.focus)
    const duties = result.recommendations.filter((r) => r.class === 'pflicht')
    expect(focus).toHaveLength(duties.length + FOCUS_TOP)
    for (const r of focus) expect(r.reasons.length).toBeGreaterThan(0)
    expect(result.recommendations.every((r) => r.triggered)).toBe(true)
    // Duties of municipal companies are recommendations, never Rechtspflicht of the administration.
    for (const r of duties) expect(r.obligation?.addressee).not.toBe('kommunales_unternehmen')
    expect(result.recommendations.some((r) => r.measureId === 'm-efa-nachnutzung' && r.class === 'pflicht')).toBe(false)
  })
  it('year 1 of the roadmap fits the default capacity derived from staff', () => {
    expect(roadmap.capacitySource).toBe('staff')
    expect(roadmap.capacity).toBe(defaultCapacity(612))
    expect(roadmap.years[0]?.load).toBeLessThanOrEqual(roadmap.capacity)
    expect(roadmap.horizon).toEqual({ startYear: Number(demo.round.startDate.slice(0, 4)), years: 10, phases: [2, 5, 10] })
  })
  it('a duty is planned before its deadline or flagged "Frist gefährdet"', () => {
    for (const e of roadmap.entries) {
      if (e.deadlineYear !== null) expect(e.endYear <= e.deadlineYear || e.deadlineAtRisk).toBe(true)
    }
  })
})

describe('a department with 5 of its questions answered', () => {
  const target = demo.departments.find((d) => d.kind === 'specialist') as (typeof demo.departments)[number]
  const thin = current.map((a) => (a.departmentId !== target.id ? a : { ...a, answers: Object.fromEntries(applicableItems(v2, 'specialist').slice(0, 5).map((i) => [i.id, level(i.id, 0)])) }))
  const result = analyse(thin)
  it('gets "zu wenige Antworten", not untriggered duties', () => {
    const dep = result.departments.find((d) => d.departmentId === target.id)
    expect(dep?.insufficient).toBe(true)
    expect(dep?.recommendations).toEqual([])
    expect(result.recommendations.some((r) => r.triggeringDepartmentIds.includes(target.id))).toBe(false)
  })
})

describe('comparing the demo’s 1.0.0 round with its 2.0.0 round', () => {
  const data = (round: typeof demo.round, catalog: Catalog) => ({ round, catalog, departments: demo.departments, assessments: demo.assessments.filter((a) => a.roundId === round.id), organisation: demo.organisation })
  const cmp = compareRounds({ a: data(demo.previousRound, v1), b: data(demo.round, v2) })
  it('uses the declared mapping and says how many items were not comparable', () => {
    const mapped = Object.values(v2.predecessors?.[0]?.items ?? {}).filter((x) => x !== null).length
    expect(cmp.mapped).toBe(true)
    expect(cmp.sharedItemCount).toBe(mapped)
    expect(cmp.onlyInA.length).toBe(v1.items.length - mapped)
    expect(cmp.onlyInB.length).toBe(v2.items.length - mapped)
    expect(cmp.organisation.a).not.toBeNull()
    expect(cmp.organisation.b).not.toBeNull()
  })
})
