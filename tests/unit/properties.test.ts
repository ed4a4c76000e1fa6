import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { Answer, Assessment, Catalog, CatalogItem, CatalogMeasure, Department, Level, Scale5 } from '@/domain/model/types'
import { analyseRound, type AnalysisResult } from '@/domain/analysis/analysis'
import { departmentConsensus } from '@/domain/analysis/consensus'
import { prioritise } from '@/domain/analysis/prioritisation'
import { buildRoadmap } from '@/domain/analysis/roadmap'
import { itemScores, weightedMean } from '@/domain/analysis/scoring'
import {
  makeAssessment,
  makeCatalog,
  makeDepartment,
  makeDimension,
  makeItem,
  makeMeasure,
  makeRecommendation,
  makeRound,
} from '../fixtures/builders'

const RUNS = { numRuns: 200 }

// ---------------------------------------------------------------------------------------------
// Random scenarios: 1–3 dimensions, 1–6 items each, 1–3 departments, 1–3 respondents.
// ---------------------------------------------------------------------------------------------

/** One raw answer: a level, 'na', 'unknown' or missing, plus optional Bedarf/Potenzial/target. */
const answerArb = fc.record({
  kind: fc.constantFrom('level', 'level', 'level', 'na', 'unknown', 'missing'),
  ist: fc.integer({ min: 0, max: 4 }),
  bedarf: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
  potenzial: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
  target: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
})
interface RawAnswer {
  kind: string
  ist: number
  bedarf: number | null
  potenzial: number | null
  target: number | null
}

const scenarioArb = fc
  .record({
    dims: fc.array(
      fc.record({
        weight: fc.constantFrom(undefined, 0.5, 1, 2, 3),
        items: fc.array(
          fc.record({ weight: fc.constantFrom(undefined, 0.5, 1, 2), central: fc.boolean() }),
          { minLength: 1, maxLength: 6 },
        ),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    departments: fc.array(
      fc.record({
        central: fc.boolean(),
        staff: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
        respondents: fc.integer({ min: 1, max: 3 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    answers: fc.array(answerArb, { minLength: 3 * 3 * 3 * 6, maxLength: 3 * 3 * 3 * 6 }),
    weighting: fc.constantFrom('equal' as const, 'staff' as const),
  })
  .map((s) => buildScenario(s.dims, s.departments, s.answers, s.weighting))

function buildScenario(
  dims: { weight: number | undefined; items: { weight: number | undefined; central: boolean }[] }[],
  deps: { central: boolean; staff: number | null; respondents: number }[],
  raw: RawAnswer[],
  weighting: 'equal' | 'staff',
) {
  const items: CatalogItem[] = []
  const dimensions = dims.map((d, i) => {
    d.items.forEach((it, j) =>
      items.push(
        makeItem({
          id: `d${i}-i${j}`,
          dimensionId: `d${i}`,
          weight: it.weight,
          appliesTo: it.central ? 'central' : 'all',
        }),
      ),
    )
    return makeDimension({ id: `d${i}`, weight: d.weight })
  })
  const catalog = makeCatalog({ dimensions, items })
  const departments = deps.map((d, i) =>
    makeDepartment({ id: `dep${i}`, kind: d.central ? 'central' : 'specialist', staff: d.staff }),
  )
  let k = 0
  const assessments: Assessment[] = []
  deps.forEach((d, i) => {
    for (let r = 0; r < d.respondents; r++) {
      const answers: Answer[] = []
      for (const item of items) {
        const a = raw[k++ % raw.length] as RawAnswer
        if (a.kind === 'missing') continue
        answers.push({
          itemId: item.id,
          state: a.kind as Answer['state'],
          ist: a.kind === 'level' ? (a.ist as Level) : null,
          bedarf: a.bedarf as Level | null,
          potenzial: a.potenzial as Level | null,
          target: a.target as Level | null,
          comment: '',
          updatedAt: '2025-01-01T00:00:00.000Z',
          updatedBy: '',
          deviceId: 'dev-test',
          rev: 1,
          vv: { 'dev-test': 1 },
        })
      }
      assessments.push(makeAssessment({ id: `a${i}-${r}`, departmentId: `dep${i}`, answers }))
    }
  })
  return { catalog, departments, assessments, weighting }
}

type Scenario = ReturnType<typeof buildScenario>

function analyse(s: Scenario): AnalysisResult {
  return analyseRound({
    catalog: s.catalog,
    round: makeRound(),
    departments: s.departments,
    assessments: s.assessments,
    options: { weighting: s.weighting },
  })
}

/** Every score of a result, as [label, value] pairs (null scores left out). */
function allScores(s: Scenario, r: AnalysisResult): [string, number][] {
  const out: [string, number][] = []
  const push = (label: string, v: number | null) => {
    if (v !== null) out.push([label, v])
  }
  for (const d of r.departments) {
    push(`dep ${d.departmentId}`, d.score.score)
    for (const dim of d.score.dimensions) push(`dim ${d.departmentId}/${dim.dimensionId}`, dim.score)
    for (const item of itemScores(s.catalog, d.department, d.consensus)) push(`item ${d.departmentId}/${item.itemId}`, item.maturity)
  }
  push('org', r.organisation.score)
  push('org equal', r.organisation.scoreEqual)
  push('org staff', r.organisation.scoreStaff)
  for (const dim of r.organisation.dimensions) push(`org ${dim.dimensionId}`, dim.score)
  return out
}

/** Same scenario with one respondent's answer changed. */
function withAnswer(s: Scenario, assessmentIndex: number, itemId: string, change: (a: Answer) => Answer): Scenario {
  return {
    ...s,
    assessments: s.assessments.map((a, i) => {
      const old = a.answers[itemId]
      if (i !== assessmentIndex || !old) return a
      return { ...a, answers: { ...a.answers, [itemId]: change(old) } }
    }),
  }
}

/** All (assessment index, item id) pairs whose answer satisfies `pred`. */
function answerSlots(s: Scenario, pred: (a: Answer) => boolean): [number, string][] {
  const out: [number, string][] = []
  s.assessments.forEach((a, i) => {
    for (const [itemId, ans] of Object.entries(a.answers)) if (pred(ans)) out.push([i, itemId])
  })
  return out
}

describe('scores (property-based)', () => {
  it('every score stays within 0–100', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        for (const [label, v] of allScores(s, analyse(s))) {
          if (!(v >= 0 && v <= 100)) throw new Error(`${label} = ${v}`)
        }
      }),
      RUNS,
    )
  })

  it('raising one Ist level never lowers the item, dimension, department or organisation score', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), (s, pick) => {
        const slots = answerSlots(s, (a) => a.state === 'level' && a.ist !== null && a.ist < 4)
        fc.pre(slots.length > 0)
        const [ai, itemId] = slots[pick % slots.length] as [number, string]
        const raised = withAnswer(s, ai, itemId, (a) => ({ ...a, ist: ((a.ist as number) + 1) as Level }))
        const before = new Map(allScores(s, analyse(s)))
        const after = new Map(allScores(raised, analyse(raised)))
        expect([...after.keys()]).toEqual([...before.keys()])
        for (const [label, v] of before) {
          const w = after.get(label) as number
          if (w < v) throw new Error(`${label}: ${v} → ${w}`)
        }
      }),
      RUNS,
    )
  })

  it("marking one item 'na' changes no other item's term, and the dimension is the mean without it", () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), fc.nat(), (s, pickDep, pickItem) => {
        const department = s.departments[pickDep % s.departments.length] as Department
        const own = s.assessments.filter((a) => a.departmentId === department.id)
        const before = itemScores(s.catalog, department, departmentConsensus(s.catalog, department, own).items)
        const target = before[pickItem % before.length]
        fc.pre(target !== undefined)
        const itemId = target!.itemId
        // every respondent of the department says 'nicht zutreffend' for that item
        const naOwn = own.map((a) => ({
          ...a,
          answers: {
            ...a.answers,
            [itemId]: { ...(a.answers[itemId] ?? makeNa(itemId)), state: 'na' as const, ist: null },
          },
        }))
        const consensus = departmentConsensus(s.catalog, department, naOwn).items
        const after = itemScores(s.catalog, department, consensus)
        expect(after.filter((i) => i.itemId !== itemId)).toEqual(before.filter((i) => i.itemId !== itemId))
        expect(after.find((i) => i.itemId === itemId)?.state).toBe('na')

        const r = analyseRound({ catalog: s.catalog, round: makeRound(), departments: [department], assessments: naOwn })
        for (const dim of r.departments[0]!.score.dimensions) {
          const terms = after.filter((i) => i.dimensionId === dim.dimensionId && i.maturity !== null)
          const expected = weightedMean(
            terms.map((i) => i.maturity as number),
            terms.map((i) => i.weight),
          )
          expect(dim.score).toBe(expected)
        }
      }),
      RUNS,
    )
  })
})

function makeNa(itemId: string): Answer {
  return { itemId, state: 'na', ist: null, bedarf: null, potenzial: null, target: null, comment: '', updatedAt: '', updatedBy: '', deviceId: '', rev: 1, vv: {} }
}

describe('prioritisation (property-based)', () => {
  it("raising a measure's effort never raises its priority", () => {
    const arb = fc.record({
      scenario: scenarioArb,
      measures: fc.array(
        fc.record({
          triggerItems: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
          maxLevel: fc.integer({ min: 0, max: 4 }),
          effort: fc.integer({ min: 1, max: 4 }),
          impact: fc.integer({ min: 1, max: 5 }),
          pflicht: fc.boolean(),
        }),
        { minLength: 1, maxLength: 5 },
      ),
      which: fc.nat(),
      raiseBy: fc.integer({ min: 1, max: 4 }),
    })
    fc.assert(
      fc.property(arb, ({ scenario, measures, which, raiseBy }) => {
        const items = scenario.catalog.items
        const catalogMeasures: CatalogMeasure[] = measures.map((m, i) =>
          makeMeasure({
            id: `m${i}`,
            triggers: m.triggerItems.map((t) => ({ itemId: (items[t % items.length] as CatalogItem).id, maxLevel: m.maxLevel as Level })),
            effort: m.effort as Scale5,
            impact: m.impact as Scale5,
            obligation: m.pflicht ? { law: 'x', description: { de: '' }, date: '2025-01-01' } : undefined,
          }),
        )
        const idx = which % catalogMeasures.length
        const raised = catalogMeasures.map((m, i) =>
          i === idx ? { ...m, effort: Math.min(5, m.effort + raiseBy) as Scale5 } : m,
        )
        const run = (ms: CatalogMeasure[]) => {
          const catalog: Catalog = { ...scenario.catalog, measures: ms }
          const inputs = scenario.departments.map((department) => ({
            department,
            consensus: departmentConsensus(catalog, department, scenario.assessments).items,
          }))
          return prioritise(catalog, makeRound(), inputs, { includeZeroBenefit: true }).recommendations
        }
        const before = run(catalogMeasures).find((r) => r.measureId === `m${idx}`)
        const after = run(raised).find((r) => r.measureId === `m${idx}`)
        expect(after === undefined).toBe(before === undefined)
        if (before && after) {
          expect(after.benefit).toBe(before.benefit)
          expect(after.priority).toBeLessThanOrEqual(before.priority)
        }
      }),
      RUNS,
    )
  })
})

describe('roadmap (property-based)', () => {
  it('never places a measure before one it depends on, and is complete', () => {
    const arb = fc.record({
      measures: fc.array(
        fc.record({
          effort: fc.integer({ min: 1, max: 5 }),
          deps: fc.array(fc.nat(), { maxLength: 3 }),
          cls: fc.constantFrom('pflicht', 'quick_win', 'leitprojekt', 'ergaenzung', null),
        }),
        { minLength: 1, maxLength: 15 },
      ),
      capacity: fc.option(fc.integer({ min: 1, max: 8 }), { nil: null }),
    })
    fc.assert(
      fc.property(arb, ({ measures, capacity }) => {
        // acyclic: measure i may only depend on measures with a lower index
        const catalogMeasures = measures.map((m, i) =>
          makeMeasure({
            id: `m${i}`,
            effort: m.effort as Scale5,
            dependsOn: i === 0 ? [] : [...new Set(m.deps.map((d) => `m${d % i}`))],
          }),
        )
        const recommendations = measures.flatMap((m, i) =>
          m.cls === null ? [] : [makeRecommendation({ measureId: `m${i}`, class: m.cls, effort: m.effort as Scale5, rank: i + 1 })],
        )
        const roadmap = buildRoadmap(makeCatalog({ measures: catalogMeasures }), recommendations, { capacity })
        expect(roadmap.cycles).toEqual([])
        const byId = new Map(roadmap.entries.map((e) => [e.measureId, e]))
        expect(byId.size).toBe(roadmap.entries.length)
        for (const r of recommendations) expect(byId.has(r.measureId)).toBe(true)
        for (const e of roadmap.entries) {
          const measure = catalogMeasures.find((m) => m.id === e.measureId) as CatalogMeasure
          expect(e.endYear - e.startYear + 1).toBe(e.duration)
          for (const d of measure.dependsOn) {
            const dep = byId.get(d)
            if (!dep) throw new Error(`${e.measureId} depends on ${d}, which is missing from the roadmap`)
            expect(e.startYear).toBeGreaterThan(dep.startYear)
            expect(e.endYear).toBeGreaterThanOrEqual(dep.endYear)
          }
        }
      }),
      RUNS,
    )
  })
})
