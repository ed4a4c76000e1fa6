/**
 * The incremental round analyser (createRoundAnalyser) must give exactly what a fresh analyseRound
 * gives, after any sequence of edits, and reuse the work of unchanged departments only.
 * Results are compared as JSON text, which also reads each department's lazy `recommendations`
 * and keeps key order.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyseRound, type AnalysisInput, type AnalysisOptions, type AnalysisResult } from '@/domain/analysis/analysis'
import { departmentConsensus, respondentAnswers } from '@/domain/analysis/consensus'
import { createRoundAnalyser } from '@/domain/analysis/incremental'
import { ANSWER_VALUE_KEYS, type Answer, type Assessment, type Catalog, type Department, type DepartmentKind, type Level } from '@/domain/model/types'
import { makeAnswer, makeAssessment, makeCatalog, makeDepartment, makeDimension, makeItem, makeMeasure, makeRound } from '../fixtures/builders'

const dimensions = [makeDimension({ id: 'A', defaultTarget: 3 }), makeDimension({ id: 'B', defaultTarget: 4, weight: 2 })]
const items = [
  makeItem({ id: 'a1', dimensionId: 'A' }),
  makeItem({ id: 'a2', dimensionId: 'A', defaultTarget: 4 }),
  makeItem({ id: 'a3', dimensionId: 'A' }),
  makeItem({ id: 'b1', dimensionId: 'B' }),
  makeItem({ id: 'b2', dimensionId: 'B', appliesTo: 'central' }),
  makeItem({ id: 'b3', dimensionId: 'B', weight: 2 }),
]
const measures = [
  makeMeasure({ id: 'M1', impact: 4, effort: 2, triggers: [{ itemId: 'a1', maxLevel: 1 }, { itemId: 'b1', maxLevel: 2 }] }),
  makeMeasure({ id: 'M2', impact: 5, effort: 5, triggers: [{ itemId: 'b2', maxLevel: 2 }], dependsOn: ['M1'] }),
  makeMeasure({ id: 'M3', impact: 3, effort: 3, obligation: { law: '§ 4 EGovG', description: { de: 'E-Akte' }, date: '2020-01-01' }, triggers: [{ itemId: 'a2', maxLevel: 0 }] }),
  makeMeasure({ id: 'M4', impact: 2, effort: 4, triggers: [{ itemId: 'a3', maxLevel: 3 }, { itemId: 'zz', maxLevel: 1 }, { itemId: 'a3', maxLevel: 2 }] }),
]
const catalogV1 = makeCatalog({ id: 'cat', dimensions, items, measures })
/** The same catalogue as another object (the analyser must not take it for the same one). */
const catalogV1Copy = makeCatalog({ id: 'cat', dimensions, items, measures })
const catalogV2 = makeCatalog({
  id: 'cat',
  scoringModel: '2.0',
  dimensions,
  items: [...items, makeItem({ id: 'o1', dimensionId: 'A', appliesTo: 'organisation' }), makeItem({ id: 'o2', dimensionId: 'B', appliesTo: 'organisation' })],
  measures: [
    ...measures,
    makeMeasure({ id: 'M5', impact: 4, effort: 3, obligation: { law: 'OZG', description: { de: 'OZG' }, date: '2023-01-01' }, triggers: [{ itemId: 'o1', maxLevel: 2 }] }),
  ],
})
const CATALOGS = [catalogV1, catalogV1Copy, catalogV2] as const
const ITEM_IDS = ['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'o1', 'o2', 'gone'] as const
const round = makeRound({ id: 'r1', catalogId: 'cat', catalogVersion: '1.0.0', dimensionTargets: {} })

interface World {
  catalog: Catalog
  round: typeof round
  departments: Department[]
  assessments: Assessment[]
  options: AnalysisOptions
}

function answer(itemId: string, i: number): Answer {
  const state = i % 7 === 3 ? 'na' : i % 7 === 5 ? 'unknown' : 'level'
  return makeAnswer({
    itemId,
    state,
    ist: state === 'level' ? ((i * 3) % 5) as Level : null,
    bedarf: i % 3 === 0 ? null : ((i * 2) % 5) as Level,
    potenzial: i % 4 === 0 ? null : (i % 5) as Level,
    target: i % 5 === 0 ? 4 : null,
  })
}

function respondent(departmentId: string, n: number, seed: number): Assessment {
  return makeAssessment({
    id: `${departmentId}-p${n}`,
    roundId: 'r1',
    departmentId,
    respondent: `Person ${n}`,
    answers: ITEM_IDS.slice(0, 8).map((id, i) => answer(id, i + seed + n)),
  })
}

function baseWorld(catalog: Catalog = catalogV1): World {
  const kinds: DepartmentKind[] = ['central', 'specialist', 'specialist', 'central']
  const departments = kinds.map((kind, i) => makeDepartment({ id: `d${i + 1}`, kind, staff: i === 2 ? null : 10 * (i + 1) }))
  const assessments = departments.flatMap((d, i) => [respondent(d.id, 1, i), respondent(d.id, 2, i * 2 + 1)])
  return { catalog, round, departments, assessments, options: { capacity: 4 } }
}

function inputOf(w: World): AnalysisInput {
  return { catalog: w.catalog, round: w.round, departments: w.departments, assessments: w.assessments, options: w.options, organisation: { type: 'stadt', bundesland: 'NW', staff: 200 } }
}

/** JSON text of a result: reads the lazy per-department recommendations, keeps key order. */
function json(result: AnalysisResult): string {
  return JSON.stringify(result)
}

/** A new assessment object with one answer replaced (new answers record, as an immutable edit makes it). */
function withAnswer(a: Assessment, itemId: string, i: number): Assessment {
  const old = a.answers[itemId]
  const next = { ...answer(itemId, i), rev: (old?.rev ?? 0) + 1, updatedAt: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z` }
  return { ...a, answers: { ...a.answers, [itemId]: next } }
}

type Edit = (w: World) => World

/** Departments, assessments, round and options as new, equal objects (as a database read gives them); the catalogue stays. */
const freshCopy: Edit = (w) => ({ ...structuredClone({ ...w, catalog: null }), catalog: w.catalog })

const replaceAssessment = (w: World, index: number, f: (a: Assessment) => Assessment): World => {
  const assessments = [...w.assessments]
  const at = index % assessments.length
  assessments[at] = f(assessments[at] as Assessment)
  return { ...w, assessments }
}

const EDITS: Record<string, { edit: Edit; computed: (w: World) => number }> = {
  'nothing changed': { edit: (w) => w, computed: () => 0 },
  'one answer of one department changed': { edit: (w) => replaceAssessment(w, 2, (a) => withAnswer(a, 'a1', 9)), computed: () => 1 },
  'an answer replaced inside the same assessment object': {
    edit: (w) => {
      const a = w.assessments[3] as Assessment
      a.answers.b1 = { ...answer('b1', 11), rev: 7 }
      return { ...w, assessments: [...w.assessments] }
    },
    computed: () => 1,
  },
  'every record read again as a fresh copy': { edit: (w) => freshCopy(w), computed: () => 0 },
  'the same answer as a new, equal object': { edit: (w) => replaceAssessment(w, 0, (a) => ({ ...a, answers: { ...a.answers, a1: { ...(a.answers.a1 as Answer) } } })), computed: () => 0 },
  'a department added': {
    edit: (w) => ({ ...w, departments: [...w.departments, makeDepartment({ id: 'd9', kind: 'specialist', staff: 5 })], assessments: [...w.assessments, respondent('d9', 1, 4)] }),
    computed: () => 1,
  },
  'a department removed': { edit: (w) => ({ ...w, departments: w.departments.slice(1) }), computed: () => 0 },
  'a department record renamed': { edit: (w) => ({ ...w, departments: w.departments.map((d, i) => (i === 1 ? { ...d, name: 'Neu', rev: d.rev + 1 } : d)) }), computed: () => 0 },
  "a department's kind changed": { edit: (w) => ({ ...w, departments: w.departments.map((d, i) => (i === 1 ? { ...d, kind: 'central' as const } : d)) }), computed: () => 1 },
  "a department's staff changed": { edit: (w) => ({ ...w, departments: w.departments.map((d, i) => (i === 0 ? { ...d, staff: 99 } : d)) }), computed: () => 0 },
  'a workshop consensus added': {
    edit: (w) => ({ ...w, assessments: [...w.assessments, makeAssessment({ id: 'ws', roundId: 'r1', departmentId: 'd2', role: 'consensus', answers: [answer('a1', 2), answer('b1', 3)] })] }),
    computed: () => 1,
  },
  'an assessment of another round': { edit: (w) => replaceAssessment(w, 5, (a) => ({ ...a, roundId: 'r0' })), computed: () => 1 },
  'respondents reordered': { edit: (w) => ({ ...w, assessments: [w.assessments[1] as Assessment, w.assessments[0] as Assessment, ...w.assessments.slice(2)] }), computed: () => 1 },
  'spread threshold changed': { edit: (w) => ({ ...w, options: { ...w.options, spreadThreshold: 1 } }), computed: (w) => w.departments.length },
  'coverage threshold changed': { edit: (w) => ({ ...w, options: { ...w.options, coverageThreshold: 0.9 } }), computed: (w) => w.departments.length },
  'only organisation-level options changed': { edit: (w) => ({ ...w, options: { ...w.options, capacity: 1, weighting: 'staff', includeZeroBenefit: true, horizonYears: 3 } }), computed: () => 0 },
  'round targets changed': { edit: (w) => ({ ...w, round: { ...w.round, dimensionTargets: { B: 2 } } }), computed: (w) => w.departments.length },
  'round record copied, same targets': { edit: (w) => ({ ...w, round: { ...w.round, name: 'Runde X' } }), computed: () => 0 },
  'catalogue replaced by an equal copy': { edit: (w) => ({ ...w, catalog: w.catalog === catalogV1 ? catalogV1Copy : catalogV1 }), computed: (w) => w.departments.length },
}

describe('createRoundAnalyser: same result as analyseRound, reusing unchanged departments', () => {
  const cases = Object.entries(EDITS).flatMap(([name, e]) => [
    { method: '1.0', name, ...e, catalog: catalogV1 },
    { method: '2.0', name, ...e, catalog: catalogV2 },
  ])
  it.each(cases)('method $method: $name', ({ edit, computed, catalog }) => {
    const analyser = createRoundAnalyser()
    const before = baseWorld(catalog)
    expect(json(analyser.analyse(inputOf(before)))).toBe(json(analyseRound(inputOf(before))))
    expect(analyser.stats).toEqual({ reused: 0, computed: before.departments.length })
    const after = edit(before)
    const result = analyser.analyse(inputOf(after))
    expect(json(result)).toBe(json(analyseRound(inputOf(after))))
    expect(analyser.stats.computed).toBe(computed(after))
    expect(analyser.stats.reused).toBe(after.departments.length - computed(after))
  })

  it('reuses the part of an unchanged department (same objects) and recomputes the changed one', () => {
    const analyser = createRoundAnalyser()
    const w = baseWorld()
    const first = analyser.analyse(inputOf(w))
    const changed = replaceAssessment(w, 2, (a) => withAnswer(a, 'a2', 4)) // d2's first respondent
    const second = analyser.analyse(inputOf(changed))
    const [d1a, d2a] = first.departments
    const [d1b, d2b] = second.departments
    expect(d1b?.consensus).toBe(d1a?.consensus)
    expect(d1b?.score).toBe(d1a?.score)
    expect(d1b?.gaps).toBe(d1a?.gaps)
    expect(d1b?.strongest).toBe(d1a?.strongest)
    expect(d2b?.consensus).not.toBe(d2a?.consensus)
    expect(d2b?.score).not.toBe(d2a?.score)
    expect(d2b?.gaps).not.toBe(d2a?.gaps)
    // The organisation-level steps always run again.
    expect(second.recommendations).not.toBe(first.recommendations)
    expect(json(second)).toBe(json(analyseRound(inputOf(changed))))
  })

  it('reset forgets the previous call', () => {
    const analyser = createRoundAnalyser()
    const w = baseWorld()
    analyser.analyse(inputOf(w))
    analyser.reset()
    analyser.analyse(inputOf(w))
    expect(analyser.stats).toEqual({ reused: 0, computed: w.departments.length })
  })

  it('a department without assessments, and an empty round', () => {
    const analyser = createRoundAnalyser()
    const w = { ...baseWorld(), assessments: [] }
    expect(json(analyser.analyse(inputOf(w)))).toBe(json(analyseRound(inputOf(w))))
    expect(json(analyser.analyse(inputOf(w)))).toBe(json(analyseRound(inputOf(w))))
    expect(analyser.stats.reused).toBe(w.departments.length)
    const empty = { ...w, departments: [] }
    expect(json(analyser.analyse(inputOf(empty)))).toBe(json(analyseRound(inputOf(empty))))
  })
})

describe('createRoundAnalyser: any sequence of edits (property)', () => {
  const edit: fc.Arbitrary<Edit> = fc.oneof(
    // answers changed in one department (a new answer object; sometimes in place in the record)
    fc.record({ at: fc.nat(), item: fc.constantFrom(...ITEM_IDS), i: fc.nat({ max: 40 }), inPlace: fc.boolean() }).map(
      ({ at, item, i, inPlace }): Edit =>
        (w) => {
          if (w.assessments.length === 0) return w
          if (!inPlace) return replaceAssessment(w, at, (a) => withAnswer(a, item, i))
          const a = w.assessments[at % w.assessments.length] as Assessment
          a.answers[item] = { ...answer(item, i), rev: 100 + i }
          return { ...w, assessments: [...w.assessments] }
        },
    ),
    fc.record({ at: fc.nat(), item: fc.constantFrom(...ITEM_IDS) }).map(
      ({ at, item }): Edit =>
        (w) => {
          if (w.assessments.length === 0) return w
          return replaceAssessment(w, at, (a) => {
            const answers = { ...a.answers }
            delete answers[item]
            return { ...a, answers }
          })
        },
    ),
    // a department added (with respondents or a workshop) or removed, its kind or staff changed
    fc.record({ n: fc.nat({ max: 20 }), central: fc.boolean(), workshop: fc.boolean() }).map(
      ({ n, central, workshop }): Edit =>
        (w) => {
          const id = `x${n}`
          if (w.departments.some((d) => d.id === id)) return w
          const extra = workshop ? [makeAssessment({ id: `${id}-ws`, roundId: 'r1', departmentId: id, role: 'consensus', answers: [answer('a1', n), answer('o1', n + 1)] })] : []
          return {
            ...w,
            departments: [...w.departments, makeDepartment({ id, kind: central ? 'central' : 'specialist', staff: n % 3 === 0 ? null : n })],
            assessments: [...w.assessments, respondent(id, 1, n), ...extra],
          }
        },
    ),
    fc.nat().map((at): Edit => (w) => (w.departments.length === 0 ? w : { ...w, departments: w.departments.filter((_, i) => i !== at % w.departments.length) })),
    fc.record({ at: fc.nat(), staff: fc.option(fc.nat({ max: 50 })) }).map(
      ({ at, staff }): Edit =>
        (w) => ({ ...w, departments: w.departments.map((d, i) => (i === at % Math.max(1, w.departments.length) ? { ...d, kind: d.kind === 'central' ? 'specialist' : 'central', staff } : d)) }),
    ),
    // options, round targets, catalogue
    fc
      .record({
        spreadThreshold: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
        coverageThreshold: fc.option(fc.constantFrom(0.3, 0.5, 0.9), { nil: undefined }),
        capacity: fc.option(fc.integer({ min: 1, max: 6 })),
        weighting: fc.constantFrom('equal' as const, 'staff' as const),
      })
      .map((options): Edit => (w) => ({ ...w, options })),
    fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }).map((t): Edit => (w) => ({ ...w, round: { ...w.round, dimensionTargets: (t === undefined ? {} : { A: t }) as Record<string, Level> } })),
    fc.constantFrom(...CATALOGS).map((catalog): Edit => (w) => ({ ...w, catalog })),
    fc.constant<Edit>(freshCopy),
  )

  it('the incremental result deep-equals a fresh analyseRound after every step', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CATALOGS), fc.array(edit, { minLength: 1, maxLength: 8 }), (catalog, edits) => {
        const analyser = createRoundAnalyser()
        let w = baseWorld(catalog)
        expect(json(analyser.analyse(inputOf(w)))).toBe(json(analyseRound(inputOf(w))))
        for (const e of edits) {
          w = e(w)
          expect(json(analyser.analyse(inputOf(w)))).toBe(json(analyseRound(inputOf(w))))
        }
      }),
      { numRuns: 150 },
    )
  })
})

describe('respondentAnswers', () => {
  it('lists the respondent, then the answer fields in ANSWER_VALUE_KEYS order', () => {
    const w = baseWorld()
    const department = w.departments[0] as Department
    const c = departmentConsensus(w.catalog, department, w.assessments.filter((a) => a.departmentId === department.id)).items[0]
    const entries = respondentAnswers(c as NonNullable<typeof c>)
    expect(entries).toHaveLength(2)
    expect(Object.keys(entries[0] as object)).toEqual(['assessmentId', 'respondent', ...ANSWER_VALUE_KEYS])
  })
})
