/**
 * Method 2.0: Fundament gate, item-wise organisation score, established share, 'weiß nicht' range,
 * priority with reach, person-day effort and cost of delay, coverage rule, roadmap over a horizon.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyseRound, type AnalysisInput } from '@/domain/analysis/analysis'
import { departmentConsensus } from '@/domain/analysis/consensus'
import { fundamentConsensus, fundamentProfile, ORGANISATION_UNIT, readinessOf } from '@/domain/analysis/fundament'
import { addMonths, EFFORT_PERSON_DAYS, needWeightV2, prioritiseV2, priorityV2, urgencyOf } from '@/domain/analysis/priority2'
import { buildRoadmapV2, defaultCapacity, defaultPhases, phaseOf, planningHorizon } from '@/domain/analysis/roadmap2'
import { isDutyOf, obligationDue } from '@/domain/model/obligations'
import type { Answer, Assessment, Catalog, CatalogItem, CatalogMeasure, Department, LegalObligation, Level, Scale5 } from '@/domain/model/types'
import { levelAnswer, makeAssessment, makeCatalog, makeDepartment, makeDimension, makeItem, makeMeasure, makeRecommendation, makeRound, unknownAnswer } from '../fixtures/builders'

const duty = (over: Partial<LegalObligation> = {}): LegalObligation => ({
  law: 'DSGVO',
  paragraph: 'Art. 37',
  description: { de: 'Pflicht' },
  addressee: 'kommune',
  bundeslaender: 'all',
  inForceSince: '2018-05-25',
  deadline: null,
  sourceIds: [],
  ...over,
})

describe('needWeightV2: missing Bedarf/Potenzial is never worth more than an honest low answer', () => {
  it.each([
    [null, null, 1],
    [0, 0, 1],
    [1, null, 1.25],
    [null, 1, 1.25],
    [1, 1, 1.5],
    [4, 4, 3],
    [2, 3, 2.25],
  ])('bedarf %s, potenzial %s → %s', (b, p, w) => {
    expect(needWeightV2(b, p)).toBe(w)
  })
  it('a missing value weighs at most as much as any given one', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), (b, p) => needWeightV2(null, p) <= needWeightV2(b, p) && needWeightV2(b, null) <= needWeightV2(b, p)))
  })
})

describe('addMonths and urgencyOf', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-11-15', 24, '2027-11-15'],
    ['2025-03-01', -3, '2024-12-01'],
  ])('%s + %s months = %s', (d, m, out) => expect(addMonths(d, m)).toBe(out))

  it.each([
    [duty(), true, '2026-01-01', 'overdue'],
    [duty({ deadline: '2026-01-01' }), true, '2026-01-01', 'overdue'],
    [duty({ inForceSince: '2025-01-01', deadline: '2027-01-01' }), true, '2026-01-01', 'due_soon'],
    [duty({ inForceSince: '2025-01-01', deadline: '2028-01-01' }), true, '2026-01-01', 'due_soon'],
    [duty({ inForceSince: '2025-01-01', deadline: '2028-01-02' }), true, '2026-01-01', 'later'],
    [duty(), false, '2026-01-01', 'none'],
  ] as const)('%j duty=%s on %s → %s', (o, isDuty, asOf, u) => {
    expect(urgencyOf(o, isDuty, asOf)).toBe(u)
  })
  it('obligationDue takes the deadline, else the date in force, else the 1.0.0 date', () => {
    expect(obligationDue({ inForceSince: '2020-01-01', deadline: '2027-01-01' })).toBe('2027-01-01')
    expect(obligationDue({ inForceSince: '2020-01-01', deadline: null })).toBe('2020-01-01')
    expect(obligationDue({ date: '2019-09-23' })).toBe('2019-09-23')
  })
})

describe('isDutyOf: only duties of the organisation assessed, for its Bundesland', () => {
  it.each([
    [{ addressee: 'kommune', bundeslaender: 'all' }, { bundesland: 'NW' }, true],
    [{ addressee: 'schultraeger', bundeslaender: 'all' }, { bundesland: 'NW' }, true],
    [{ addressee: 'kommune_unternehmer', bundeslaender: 'all' }, { bundesland: 'BY' }, true],
    [{ addressee: 'kommunales_unternehmen', bundeslaender: 'all' }, { bundesland: 'NW' }, false],
    [{ addressee: 'kommune', bundeslaender: ['NW'] }, { bundesland: 'NW' }, true],
    [{ addressee: 'kommune', bundeslaender: ['NW'] }, { bundesland: 'BY' }, false],
    [{ addressee: 'kommune', bundeslaender: ['NW'] }, {}, false],
    [{}, {}, true],
  ] as const)('%j for %j → %s', (o, org, expected) => {
    expect(isDutyOf(o as Pick<LegalObligation, 'addressee' | 'bundeslaender'>, org)).toBe(expected)
  })
})

describe('priorityV2 = value × impact × cost-of-delay factor / person-days', () => {
  it.each([
    [6, 5, 1, 'none', (6 * 5) / 3],
    [6, 5, 2, 'none', (6 * 5) / 12],
    [6, 5, 2, 'overdue', (6 * 5 * 3) / 12],
    [6, 5, 3, 'due_soon', (6 * 5 * 2) / 40],
    [6, 5, 4, 'later', (6 * 5 * 1.5) / 120],
    [1, 1, 5, 'none', 1 / 300],
  ] as const)('value %s impact %s effort %s urgency %s → %s', (v, i, e, u, p) => {
    expect(priorityV2(v, i, e as Scale5, u)).toBe(p)
  })
  it('raising effort never raises priority (ratio scale)', () => {
    const urgency = fc.constantFrom('overdue', 'due_soon', 'later', 'none' as const)
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 4 }), urgency, (v, impact, e, u) =>
        priorityV2(v, impact, (e + 1) as Scale5, u) <= priorityV2(v, impact, e as Scale5, u),
      ),
    )
    expect(Object.values(EFFORT_PERSON_DAYS)).toEqual([3, 12, 40, 120, 300])
  })
})

// ----------------------------------------------------------------------------------------------
// A small catalogue with Fundament items
// ----------------------------------------------------------------------------------------------

const dims = [makeDimension({ id: 'sicherheit' }), makeDimension({ id: 'prozesse' })]
const org = (id: string, dimensionId = 'sicherheit'): CatalogItem => makeItem({ id, dimensionId, appliesTo: 'organisation', owner: { de: 'ISB' } })
const fundamentItems = [org('f-isb'), org('f-backup'), org('f-dsb')]
const deptItems = [makeItem({ id: 'd-sec', dimensionId: 'sicherheit' }), makeItem({ id: 'd-pro1', dimensionId: 'prozesse' }), makeItem({ id: 'd-pro2', dimensionId: 'prozesse' })]
const measures: CatalogMeasure[] = [
  makeMeasure({ id: 'm-isb', triggers: [{ itemId: 'f-isb', maxLevel: 1 }], effort: 1, impact: 5 }),
  makeMeasure({ id: 'm-backup', triggers: [{ itemId: 'f-backup', maxLevel: 1 }], effort: 2, impact: 5 }),
  makeMeasure({ id: 'm-dsb', triggers: [{ itemId: 'f-dsb', maxLevel: 1 }], effort: 1, impact: 4, obligation: duty() }),
  makeMeasure({ id: 'm-sec', triggers: [{ itemId: 'd-sec', maxLevel: 1 }], effort: 2, impact: 3 }),
  makeMeasure({ id: 'm-pro', triggers: [{ itemId: 'd-pro1', maxLevel: 2 }, { itemId: 'd-pro2', maxLevel: 2 }], effort: 3, impact: 4 }),
  makeMeasure({ id: 'm-printer', triggers: [{ itemId: 'd-pro2', maxLevel: 2 }], effort: 1, impact: 2 }),
]
const catalog2: Catalog = makeCatalog({ scoringModel: '2.0', dimensions: dims, items: [...fundamentItems, ...deptItems], measures })

function assessment(department: Department, answers: Answer[], respondent = 'R'): Assessment {
  return makeAssessment({ id: `as-${department.id}-${respondent}`, departmentId: department.id, respondent, answers })
}

function analyse(departments: Department[], assessments: Assessment[], extra: Partial<AnalysisInput> = {}) {
  return analyseRound({ catalog: catalog2, round: makeRound({ startDate: '2026-01-15' }), departments, assessments, organisation: { type: 'stadt', bundesland: 'NW', staff: 300 }, ...extra })
}

describe('Fundament gate: every basic at 0 never yields a high overall result', () => {
  const central = makeDepartment({ id: 'zentral', kind: 'central', staff: 30 })
  const specialists = Array.from({ length: 10 }, (_, i) => makeDepartment({ id: `fb${i}`, staff: 25 }))
  const top = deptItems.map((i) => levelAnswer(i.id, 4))
  const basicsAtZero = fundamentItems.map((i) => levelAnswer(i.id, 0))
  const result = analyse([central, ...specialists], [assessment(central, [...top, ...basicsAtZero]), ...specialists.map((d) => assessment(d, top))])

  it('departments answer their own items at the top, the organisation score counts each basic once', () => {
    for (const d of result.departments) expect(d.score.score).toBe(100)
    // sicherheit: d-sec at 100 and three basics at 0 → 25; prozesse 100 → overall 62.5
    const sec = result.organisation.dimensions.find((x) => x.dimensionId === 'sicherheit')
    expect(sec?.score).toBe(25)
    expect(result.organisation.score).toBe(62.5)
  })
  it('the weakest basic caps the readiness statement at 0', () => {
    expect(result.readiness).toEqual({ status: 'capped', score: 0, uncapped: 62.5, cap: 0, cappedBy: ['f-isb', 'f-backup', 'f-dsb'], level: 0 })
    expect(result.fundament?.weakest).toBe(0)
    expect(result.fundament?.score).toBe(0)
  })
  it('ISB and backups rank in the top 10 (here: first), DSB as an overdue duty with them', () => {
    const ranks = Object.fromEntries(result.recommendations.map((r) => [r.measureId, r.rank]))
    expect(ranks['m-isb']).toBeLessThanOrEqual(3)
    expect(ranks['m-backup']).toBeLessThanOrEqual(3)
    expect(ranks['m-dsb']).toBeLessThanOrEqual(3)
    const dsb = result.recommendations.find((r) => r.measureId === 'm-dsb')
    expect(dsb).toMatchObject({ class: 'pflicht', duty: true, urgency: 'overdue', reach: 1, organisationWide: true })
    expect(dsb?.reasons.map((r) => r.departmentId)).toEqual([ORGANISATION_UNIT])
    // Fundament need counts twice: gap 3 × w 1 × 2 = 6; priority 6 × impact 4 × overdue 3 / 3 PT = 24
    expect(dsb?.benefit).toBe(6)
    expect(dsb?.priority).toBe(24)
  })

  it('property: with every basic at 0 the readiness is 0 whatever the departments answer', () => {
    const level = fc.integer({ min: 0, max: 4 }) as fc.Arbitrary<Level>
    fc.assert(
      fc.property(fc.array(fc.tuple(level, level, level), { minLength: 1, maxLength: 6 }), (rows) => {
        const deps = rows.map((_, i) => makeDepartment({ id: `d${i}`, staff: 10 }))
        const as = rows.map((r, i) => assessment(deps[i] as Department, deptItems.map((item, k) => levelAnswer(item.id, r[k] as Level))))
        const res = analyse([central, ...deps], [assessment(central, basicsAtZero), ...as])
        return res.readiness?.score === 0 && res.readiness.level === 0
      }),
    )
  })
  it('property: a Fundament item at level 0 caps the readiness, whatever the others', () => {
    const level = fc.integer({ min: 0, max: 4 }) as fc.Arbitrary<Level>
    fc.assert(
      fc.property(level, level, fc.integer({ min: 0, max: 2 }), (a, b, zeroAt) => {
        const levels = [a, b]
        levels.splice(zeroAt, 0, 0)
        const answers = fundamentItems.map((item, k) => levelAnswer(item.id, levels[k] as Level))
        const res = analyse([central], [assessment(central, [...answers, ...top])])
        return res.readiness?.score === 0 && res.readiness.cappedBy.includes(fundamentItems[zeroAt]?.id as string)
      }),
    )
  })
})

describe('readinessOf', () => {
  const profile = (levels: (number | null)[]) =>
    fundamentProfile(
      catalog2,
      levels.map((l, i) => ({ ...departmentConsensus(catalog2, makeDepartment({ kind: 'central' }), []).items[i]!, departmentId: ORGANISATION_UNIT, state: l === null ? 'unanswered' : 'level', ist: l })),
    )
  it.each([
    [80, [4, 4, 4], 'ok', 80, 3],
    [80, [4, 2, 3], 'capped', 50, 2],
    [40, [4, 2, 3], 'ok', 40, 1],
    [80, [1, null, null], 'fundament_missing', 25, 1],
    [80, [null, null, null], 'fundament_missing', 80, 3],
    [null, [null, null, null], 'no_data', null, null],
  ] as const)('score %s, basics %j → %s %s (level %s)', (score, levels, status, capped, level) => {
    const r = readinessOf(score, profile([...levels]))
    expect(r.status).toBe(status)
    expect(r.score).toBe(capped)
    expect(r.level).toBe(level)
  })
})

describe('Fundament values pool the central departments; a workshop value wins', () => {
  const z1 = makeDepartment({ id: 'z1', kind: 'central' })
  const z2 = makeDepartment({ id: 'z2', kind: 'central' })
  const fb = makeDepartment({ id: 'fb' })
  const input = (assessments: Assessment[]) =>
    [z1, z2, fb].map((d) => ({ department: d, consensus: departmentConsensus(catalog2, d, assessments.filter((a) => a.departmentId === d.id)).items }))
  it('median over every respondent of every central department; specialists are not asked', () => {
    const values = fundamentConsensus(catalog2, input([assessment(z1, [levelAnswer('f-isb', 1)], 'a'), assessment(z1, [levelAnswer('f-isb', 2)], 'b'), assessment(z2, [levelAnswer('f-isb', 4)], 'c'), assessment(fb, [levelAnswer('f-isb', 0)])]))
    expect(values.map((v) => v.itemId)).toEqual(['f-isb', 'f-backup', 'f-dsb'])
    expect(values[0]).toMatchObject({ departmentId: ORGANISATION_UNIT, state: 'level', ist: 2, levelCount: 3 })
    expect(values[1]).toMatchObject({ state: 'unanswered', ist: null })
  })
  it('an agreed workshop value replaces the median', () => {
    const workshop = makeAssessment({ id: 'ws', departmentId: 'z2', role: 'consensus', answers: [levelAnswer('f-isb', 3)] })
    const values = fundamentConsensus(catalog2, input([assessment(z1, [levelAnswer('f-isb', 1)]), workshop]))
    expect(values[0]).toMatchObject({ state: 'level', ist: 3, agreed: true })
  })
})

describe('established share and the "weiß nicht" range', () => {
  it('department: share of answered items at ≥ 3; range with unknown at 0 … 4', () => {
    const d = makeDepartment({ id: 'fb', staff: 10 })
    const res = analyse([d], [assessment(d, [levelAnswer('d-sec', 3), levelAnswer('d-pro1', 1), unknownAnswer('d-pro2')])])
    const s = res.departments[0]!.score
    expect(s.established).toBe(0.5)
    expect(s.unknown).toBe(1)
    const pro = s.dimensions.find((x) => x.dimensionId === 'prozesse')!
    expect(pro.score).toBe(25)
    expect(pro.low).toBe(12.5)
    expect(pro.high).toBe(62.5)
    // department range: mean of the dimensions' ranges (sicherheit 75 … 75, prozesse 12.5 … 62.5)
    expect(s.low).toBe(43.75)
    expect(s.high).toBe(68.75)
  })
})

describe('coverage: too few answers trigger nothing, untriggered duties are never listed', () => {
  it('a department below the threshold gets no recommendations and triggers nothing', () => {
    const z = makeDepartment({ id: 'z', kind: 'central', staff: 10 })
    const fb = makeDepartment({ id: 'fb', staff: 10 })
    // fb answers 1 of 3 items (coverage 1/3 < 0.5) at level 0
    const res = analyse([z, fb], [assessment(z, [...fundamentItems.map((i) => levelAnswer(i.id, 4)), ...deptItems.map((i) => levelAnswer(i.id, 4))]), assessment(fb, [levelAnswer('d-pro2', 0)])])
    const fbResult = res.departments.find((d) => d.departmentId === 'fb')!
    expect(fbResult.insufficient).toBe(true)
    expect(fbResult.recommendations).toEqual([])
    expect(res.recommendations).toEqual([])
    expect(res.warnings.some((w) => w.code === 'insufficient_coverage' && w.ids[0] === 'fb')).toBe(true)
  })
})

describe('prioritiseV2: reach, splitting, stability, focus', () => {
  const cat = catalog2
  const inputOf = (deps: Department[], levels: Record<string, Level[]>) =>
    deps.map((d) => ({ department: d, consensus: departmentConsensus(cat, d, [assessment(d, deptItems.map((item, k) => levelAnswer(item.id, (levels[d.id] as Level[])[k] as Level)))]).items }))
  const run = (deps: Department[], levels: Record<string, Level[]>) =>
    prioritiseV2({ catalog: cat, round: makeRound({ startDate: '2026-01-01' }), departments: inputOf(deps, levels), fundament: [], insufficientDepartmentIds: new Set() })

  it('reach = staff share of the triggering departments; value = mean need over all staff', () => {
    const a = makeDepartment({ id: 'a', staff: 30 })
    const b = makeDepartment({ id: 'b', staff: 10 })
    const res = run([a, b], { a: [0, 4, 4], b: [4, 4, 4] })
    const sec = res.recommendations.find((r) => r.measureId === 'm-sec')!
    // a: gap 3 × w 1 = 3; value = 30 × 3 / 40 = 2.25; reach 0.75
    expect(sec.reach).toBe(0.75)
    expect(sec.benefit).toBe(2.25)
    expect(sec.priority).toBe((2.25 * 3) / 12)
    expect(res.recommendations.map((r) => r.measureId)).toEqual(['m-sec'])
  })

  it('property: splitting a department into two identical halves changes no priority', () => {
    const level = fc.integer({ min: 0, max: 4 }) as fc.Arbitrary<Level>
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.tuple(level, level, level), fc.integer({ min: 2, max: 200 })), { minLength: 1, maxLength: 5 }), fc.nat(), (rows, pick) => {
        const deps = rows.map(([, staff], i) => makeDepartment({ id: `d${i}`, staff }))
        const levels = Object.fromEntries(rows.map(([l], i) => [`d${i}`, [...l]]))
        const before = run(deps, levels)
        const k = pick % deps.length
        const target = deps[k] as Department
        const halves = [makeDepartment({ id: `${target.id}a`, staff: (target.staff as number) / 2 }), makeDepartment({ id: `${target.id}b`, staff: (target.staff as number) / 2 })]
        const split = [...deps.slice(0, k), ...halves, ...deps.slice(k + 1)]
        const after = run(split, { ...levels, [`${target.id}a`]: levels[target.id] as Level[], [`${target.id}b`]: levels[target.id] as Level[] })
        const p = (r: typeof before) => Object.fromEntries(r.recommendations.map((x) => [x.measureId, x.priority]))
        const pb = p(before)
        const pa = p(after)
        expect(Object.keys(pa).sort()).toEqual(Object.keys(pb).sort())
        for (const id of Object.keys(pb)) expect(pa[id]).toBeCloseTo(pb[id] as number, 9)
      }),
    )
  })

  it('stability: the rank a measure would have with one effort class more or less', () => {
    const a = makeDepartment({ id: 'a', staff: 10 })
    const res = run([a], { a: [0, 1, 1] })
    const order = res.recommendations.map((r) => [r.measureId, r.rank, r.stability])
    // m-printer: 2 × 2 / 3 = 1.333 (effort 2: 0.333 → last); m-sec: 3 × 3 / 12 = 0.75;
    // m-pro: (2 + 2) × 4 / 40 = 0.4 (effort 2: 1.333, ties with m-printer and wins on impact → 1)
    expect(order).toEqual([
      ['m-printer', 1, { rankIfMoreEffort: 3, rankIfLessEffort: null }],
      ['m-sec', 2, { rankIfMoreEffort: 3, rankIfLessEffort: 1 }],
      ['m-pro', 3, { rankIfMoreEffort: 3, rankIfLessEffort: 1 }],
    ])
  })

  it('focus: every duty plus the 10 best other measures', () => {
    const many: CatalogMeasure[] = Array.from({ length: 14 }, (_, i) =>
      makeMeasure({ id: `m${String(i).padStart(2, '0')}`, triggers: [{ itemId: 'd-sec', maxLevel: 1 }], impact: ((i % 5) + 1) as Scale5, obligation: i === 13 ? duty() : undefined }),
    )
    const cat = makeCatalog({ scoringModel: '2.0', items: [makeItem({ id: 'd-sec' })], measures: many })
    const d = makeDepartment({ id: 'a' })
    const res = prioritiseV2({
      catalog: cat,
      round: makeRound(),
      departments: [{ department: d, consensus: departmentConsensus(cat, d, [assessment(d, [levelAnswer('d-sec', 0)])]).items }],
      fundament: [],
      insufficientDepartmentIds: new Set(),
    })
    expect(res.recommendations).toHaveLength(14)
    expect(res.recommendations.filter((r) => r.focus)).toHaveLength(11)
    expect(res.recommendations.find((r) => r.measureId === 'm13')?.focus).toBe(true)
    expect(res.recommendations.filter((r) => !r.focus).every((r) => r.class !== 'pflicht')).toBe(true)
  })
})

describe('roadmap 2.0: horizon, phases, capacity in person-days, deadlines', () => {
  it.each([
    [10, [2, 5, 10]],
    [5, [1, 3, 5]],
    [3, [1, 2, 3]],
    [1, [1]],
  ])('default phases of %s years: %j', (y, p) => expect(defaultPhases(y)).toEqual(p))
  it('planningHorizon clamps to 1–10 years and closes the phases', () => {
    expect(planningHorizon(2025, 12, [3, 1, 20])).toEqual({ startYear: 2025, years: 10, phases: [1, 3, 10] })
    expect(planningHorizon(2025, 4)).toEqual({ startYear: 2025, years: 4, phases: [1, 2, 4] })
    expect(phaseOf(3, planningHorizon(2025, 10))).toBe(2)
    expect(phaseOf(11, planningHorizon(2025, 10))).toBe(4)
  })
  it.each([
    [null, 120],
    [0, 120],
    [20, 40],
    [80, 40],
    [250, 125],
    [1234.4, 617],
  ])('default capacity for staff %s: %s person-days', (staff, cap) => expect(defaultCapacity(staff)).toBe(cap))

  const measure = (id: string, effort: Scale5, obligation?: LegalObligation, dependsOn: string[] = []) => makeMeasure({ id, effort, obligation, dependsOn, triggers: [{ itemId: 'i', maxLevel: 1 }] })
  const build = (ms: CatalogMeasure[], capacity: number | null, recIds = ms.map((m) => m.id)) => {
    const cat = makeCatalog({ scoringModel: '2.0', items: [makeItem({ id: 'i' })], measures: ms })
    const recs = recIds.map((id, i) => makeRecommendation({ measureId: id, rank: i + 1, effort: (ms.find((m) => m.id === id) as CatalogMeasure).effort }))
    return buildRoadmapV2(cat, recs, { horizon: planningHorizon(2026, 10), capacity, organisation: { bundesland: 'NW' }, asOf: '2026-01-01' })
  }

  it('duties go first by due date and respect capacity; late ones are flagged', () => {
    const ms = [
      measure('big', 4), // 120 PT over 2 years
      measure('due-2028', 3, duty({ inForceSince: '2026-06-01', deadline: '2028-01-01' })),
      measure('overdue', 2, duty()),
      measure('due-2027', 3, duty({ inForceSince: '2026-06-01', deadline: '2027-01-01' })),
    ]
    const r = build(ms, 60)
    const at = Object.fromEntries(r.entries.map((e) => [e.measureId, [e.calendarStart, e.calendarEnd, e.overdue, e.deadlineAtRisk]]))
    // overdue (12) + due-2027 (40) fit 2026; due-2028 (40) does not fit 2026 (52 + 40 > 60) → 2027 (deadline year 2027, ok)
    expect(at).toEqual({ overdue: [2026, 2026, true, false], 'due-2027': [2026, 2026, false, false], 'due-2028': [2027, 2027, false, false], big: [2028, 2029, false, false] })
    expect(r.years.slice(0, 4).map((y) => y.load)).toEqual([52, 40, 60, 60])
    expect(r.capacitySource).toBe('set')
  })
  it('a duty that cannot end before its deadline is "Frist gefährdet"', () => {
    const r = build([measure('overdue', 3, duty()), measure('due', 3, duty({ inForceSince: '2026-06-01', deadline: '2027-01-01' }))], 50)
    const due = r.entries.find((e) => e.measureId === 'due')!
    expect([due.calendarStart, due.deadlineYear, due.deadlineAtRisk]).toEqual([2027, 1, true])
    expect(r.warnings.some((w) => w.code === 'deadline_at_risk')).toBe(true)
  })
  it('year 1 fits the capacity (a measure larger than a year runs alone)', () => {
    const ms = Array.from({ length: 12 }, (_, i) => measure(`m${i}`, ((i % 5) + 1) as Scale5, i % 4 === 0 ? duty() : undefined))
    const r = build(ms, 100)
    for (const y of r.years) {
      const running = r.entries.filter((e) => e.startYear <= y.year && e.endYear >= y.year)
      expect(y.load <= 100 + 1e-9 || running.length === 1).toBe(true)
    }
  })
  it('property: with capacity to spare and no dependencies a duty never ends after its deadline', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 2027, max: 2036 })), { minLength: 1, maxLength: 12 }), (rows) => {
        const ms = rows.map(([e, y], i) => measure(`m${i}`, e as Scale5, duty({ inForceSince: '2026-06-01', deadline: `${y}-01-01` })))
        const r = build(ms, 1e9)
        return r.entries.every((e) => e.deadlineYear === null || e.endYear <= e.deadlineYear || e.duration > e.deadlineYear)
      }),
    )
  })
  it('dependencies: a prerequisite comes first even when it is not recommended', () => {
    const r = build([measure('pilot', 3), measure('rollout', 5, undefined, ['pilot'])], null, ['rollout'])
    expect(r.entries.map((e) => [e.measureId, e.startYear, e.prerequisite])).toEqual([
      ['pilot', 1, true],
      ['rollout', 2, false],
    ])
  })
  it('a duty pulled in only as a prerequisite (not triggered: fulfilled by the answers) is neither overdue nor at risk', () => {
    const ms = [measure('dsb', 2, duty()), measure('dsfa', 2, duty({ inForceSince: '2026-06-01', deadline: '2026-06-30' }), ['dsb']), measure('late', 5, duty({ inForceSince: '2026-06-01', deadline: '2026-06-30' }))]
    const r = build([...ms, measure('after', 3, undefined, ['late'])], 10, ['dsfa', 'after'])
    const at = Object.fromEntries(r.entries.map((e) => [e.measureId, [e.prerequisite, e.duty, e.overdue, e.deadlineAtRisk]]))
    expect(at).toEqual({ dsb: [true, true, false, false], dsfa: [false, true, false, true], late: [true, true, false, false], after: [false, false, false, false] })
    expect(r.warnings.filter((w) => w.code === 'deadline_at_risk').map((w) => w.ids)).toEqual([['dsfa']])
  })
})

describe('review fixes', () => {
  it('a workshop value that settles a Fundament item beats a later "weiß nicht" of another workshop', () => {
    const z1 = makeDepartment({ id: 'z1', kind: 'central' })
    const z2 = makeDepartment({ id: 'z2', kind: 'central' })
    const ws1 = makeAssessment({ id: 'ws1', departmentId: 'z1', role: 'consensus', answers: [levelAnswer('f-isb', 3, { updatedAt: '2026-01-01T00:00:00.000Z' })] })
    const ws2 = makeAssessment({ id: 'ws2', departmentId: 'z2', role: 'consensus', answers: [unknownAnswer('f-isb', { updatedAt: '2026-02-01T00:00:00.000Z' })] })
    const input = [z1, z2].map((d) => ({ department: d, consensus: departmentConsensus(catalog2, d, [d.id === 'z1' ? ws1 : ws2, assessment(d, [levelAnswer('f-isb', 1)])]).items }))
    expect(fundamentConsensus(catalog2, input)[0]).toMatchObject({ state: 'level', ist: 3, agreed: true })
  })
  it('a duty without any date is overdue in the roadmap as in the urgency', () => {
    const cat = makeCatalog({ scoringModel: '2.0', items: [makeItem({ id: 'i' })], measures: [makeMeasure({ id: 'd', obligation: duty({ inForceSince: undefined, date: undefined }) })] })
    const r = buildRoadmapV2(cat, [makeRecommendation({ measureId: 'd', rank: 1 })], { horizon: planningHorizon(2026, 10), organisation: { bundesland: 'NW' } })
    expect(r.entries[0]).toMatchObject({ overdue: true, deadlineYear: null, deadlineAtRisk: false })
    expect(urgencyOf(cat.measures[0]?.obligation, true, '2026-01-01')).toBe('overdue')
  })
})
