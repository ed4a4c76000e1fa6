/**
 * The OWASP models converted by tools/convert-samm.mjs and tools/convert-dsomm.mjs
 * (tools/models/*.json): they pass the catalogue validator, keep the source's structure and
 * counts, and the SAMM catalogue scores practices, business functions and the whole model exactly
 * as the SAMM toolbox spreadsheet does (owaspsamm/toolbox-spreadsheet, SAMM_spreadsheet.xlsx:
 * Interview!H = AVERAGE of the two streams' answers on one maturity level, Interview!J = SUM of
 * the three levels = practice score, Scorecard!J14 = AVERAGE of a function's practices,
 * Scorecard!J19 = AVERAGE of the functions). The toolbox numbers are computed here from the raw
 * answer values, independently of src/domain/analysis.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyseRound } from '@/domain/analysis/analysis'
import type { ItemConsensus } from '@/domain/analysis/consensus'
import { modelScores, type ModelScore } from '@/domain/analysis/hierarchy'
import { validateCatalog } from '@/domain/catalog/catalog-schema'
import { itemScale } from '@/domain/model/scale'
import type { Catalog, CatalogItem } from '@/domain/model/types'
import { levelAnswer, makeAssessment, makeDepartment, makeRound } from '../fixtures/builders'

function load(file: string): Catalog {
  const raw: unknown = JSON.parse(readFileSync(join(__dirname, '../../tools/models', file), 'utf8'))
  const result = validateCatalog(raw)
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.issues.slice(0, 5))}`)
  return result.catalog
}

const samm = load('owasp-samm-2.json')
const dsomm = load('owasp-dsomm.json')

/** SAMM's answer values by answer position (every SAMM 2 answer set: No / some / half / most or all). */
const TOOLBOX_VALUES = [0, 0.25, 0.5, 1] as const
const [NO, SOME, HALF, MOST] = [0, 1, 2, 3] as const

/** SAMM's own code of a question, e.g. G-SM-A-1 (function-practice-stream-level). */
function sammCode(item: CatalogItem): { fn: string; practice: string; stream: string; level: number } {
  const code = (item.extensions?.samm as { id: string }).id
  const [fn, practice, stream, level] = code.split('-') as [string, string, string, string]
  return { fn, practice: `${fn}-${practice}`, stream, level: Number(level) }
}

/**
 * The SAMM toolbox's scores for answers given as positions per item id (every question answered;
 * the toolbox counts an unanswered one as 0): per practice Σ over levels of the mean of the two
 * streams' answer values, per function the mean of its practices, overall the mean of the functions.
 */
function toolboxScores(answers: Record<string, number>): { practices: Map<string, number>; functions: Map<string, number>; overall: number } {
  const cell = new Map<string, number>() // practice|level|stream → answer value
  for (const item of samm.items) {
    const { practice, stream, level } = sammCode(item)
    cell.set(`${practice}|${level}|${stream}`, TOOLBOX_VALUES[answers[item.id] as 0 | 1 | 2 | 3])
  }
  const practices = new Map<string, number>()
  const fnOf = new Map<string, string>()
  for (const item of samm.items) {
    const { fn, practice } = sammCode(item)
    fnOf.set(practice, fn)
    if (practices.has(practice)) continue
    let sum = 0
    for (const level of [1, 2, 3]) sum += ((cell.get(`${practice}|${level}|A`) ?? 0) + (cell.get(`${practice}|${level}|B`) ?? 0)) / 2
    practices.set(practice, sum)
  }
  const functions = new Map<string, number>()
  for (const fn of new Set(fnOf.values())) {
    const own = [...practices].filter(([p]) => fnOf.get(p) === fn).map(([, s]) => s)
    functions.set(fn, own.reduce((a, b) => a + b, 0) / own.length)
  }
  const overall = [...functions.values()].reduce((a, b) => a + b, 0) / functions.size
  return { practices, functions, overall }
}

/** A consensus as the workshop gives it: one department, every item at the given position. */
function consensus(answers: Record<string, number>): ItemConsensus[] {
  return samm.items.map((item) => ({ departmentId: 'dep', itemId: item.id, dimensionId: item.dimensionId, state: 'level', ist: answers[item.id] as number }) as ItemConsensus)
}

/** Answers for every question from a rule on its SAMM position. */
function answersBy(rule: (code: ReturnType<typeof sammCode>, index: number) => number): Record<string, number> {
  return Object.fromEntries(samm.items.map((item, i) => [item.id, rule(sammCode(item), i)]))
}

/** The streams (A, B) of every practice answered (levels 1–3) with these positions. */
const everyPractice = (a: readonly number[], b: readonly number[]) => answersBy((c) => (c.stream === 'A' ? a : b)[c.level - 1] as number)

const GOVERNANCE_MIX: Record<string, [readonly number[], readonly number[]]> = {
  'G-SM': [[MOST, HALF, NO], [SOME, SOME, NO]],
  'G-PC': [[MOST, MOST, HALF], [HALF, SOME, NO]],
  'G-EG': [[HALF, HALF, HALF], [SOME, SOME, SOME]],
}
const PATTERNS: [string, Record<string, number>][] = [
  ['all “most or all”', answersBy(() => MOST)],
  ['all “no”', answersBy(() => NO)],
  ['every practice (most, half, no) / (some, some, no)', everyPractice([MOST, HALF, NO], [SOME, SOME, NO])],
  ['a mixed Governance function, the rest “some”', answersBy((c) => (GOVERNANCE_MIX[c.practice]?.[c.stream === 'A' ? 0 : 1][c.level - 1] as number | undefined) ?? SOME)],
  ['a scattered pattern over all 90 questions', answersBy((_, i) => (i * 7 + 3) % 4)],
]

const sammGroupId = (code: string) => code.toLowerCase()
const FUNCTION_IDS: Record<string, string> = { G: 'governance', D: 'design', I: 'implementation', V: 'verification', O: 'operations' }

function expectToolbox(score: ModelScore, answers: Record<string, number>): void {
  const toolbox = toolboxScores(answers)
  const byId = new Map(score.nodes.map((n) => [n.id, n]))
  for (const [practice, value] of toolbox.practices) {
    const node = byId.get(sammGroupId(practice))
    expect(node, practice).toBeDefined()
    expect(node!.native, practice).toBeCloseTo(value, 10)
    expect([node!.nativeMin, node!.nativeMax]).toEqual([0, 3])
  }
  for (const [fn, value] of toolbox.functions) expect(byId.get(FUNCTION_IDS[fn]!)!.native, fn).toBeCloseTo(value, 10)
  expect(score.overall.native).toBeCloseTo(toolbox.overall, 10)
}

describe('OWASP SAMM 2 catalogue (tools/models/owasp-samm-2.json)', () => {
  it('passes the validator and keeps SAMM’s structure: 5 functions, 15 practices, 30 streams, 90 questions', () => {
    const functions = samm.groups!.filter((g) => g.parentId === undefined)
    const practices = samm.groups!.filter((g) => g.parentId !== undefined)
    expect(functions.map((f) => f.id)).toEqual(['governance', 'design', 'implementation', 'verification', 'operations'])
    expect(practices).toHaveLength(15)
    expect(samm.dimensions).toHaveLength(30)
    expect(samm.items).toHaveLength(90)
    for (const f of functions) expect(practices.filter((p) => p.parentId === f.id)).toHaveLength(3)
    for (const p of practices) {
      expect(p.aggregation).toBe('mean')
      const streams = samm.dimensions.filter((d) => d.parentId === p.id)
      expect(streams.map((s) => s.aggregation)).toEqual(['sum', 'sum'])
      for (const s of streams) expect(samm.items.filter((i) => i.dimensionId === s.id).map((i) => i.stage)).toEqual([1, 2, 3])
    }
    expect(samm.aggregation).toBe('mean')
    expect(samm.modelScore).toEqual({ label: { en: 'SAMM score (0–3)' }, decimals: 2 })
    expect(samm.defaultLanguage).toBe('en')
    expect(samm.vocabulary).toBe('organisation')
    expect(samm.scales.bedarf).toBeUndefined()
    expect(samm.measures).toEqual([])
  })

  it('rates every question on SAMM’s answer values 0 / 0.25 / 0.5 / 1 with its own answer texts', () => {
    for (const item of samm.items) {
      expect(itemScale(samm, item).map((l) => l.value)).toEqual([...TOOLBOX_VALUES])
      expect(item.levels[0]).toEqual({ en: 'No' })
      expect(item.levels[3]!.en).toMatch(/^Yes, /)
      expect(item.help.en).toMatch(/^- /)
    }
    expect(samm.items.find((i) => i.id === 'g-sm-a-1')!.levels.map((l) => l.en)).toEqual(['No', 'Yes, it covers general risks', 'Yes, it covers organization-specific risks', 'Yes, it covers risks and opportunities'])
  })

  it.each([
    // practice G-SM streams A / B, toolbox practice score worked by hand
    [[MOST, HALF, NO], [SOME, SOME, NO], 1],
    [[MOST, MOST, HALF], [HALF, SOME, NO], 1.625],
    [[HALF, HALF, HALF], [SOME, SOME, SOME], 1.125],
    [[MOST, MOST, MOST], [MOST, MOST, MOST], 3],
    [[NO, NO, NO], [NO, NO, NO], 0],
  ])('practice G-SM with streams %j / %j scores %s', (a, b, expected) => {
    const answers = everyPractice(a, b)
    expect(toolboxScores(answers).practices.get('G-SM')).toBe(expected)
    const score = modelScores(samm, consensus(answers))
    expect(score.nodes.find((n) => n.id === 'g-sm')!.native).toBeCloseTo(expected, 12)
  })

  it('scores the mixed Governance function 1.25 = mean(1, 1.625, 1.125), as the toolbox does', () => {
    const answers = PATTERNS[3]![1]
    const toolbox = toolboxScores(answers)
    expect(toolbox.functions.get('G')).toBe(1.25)
    expect(toolbox.functions.get('D')).toBe(0.75)
    expect(toolbox.overall).toBe((1.25 + 4 * 0.75) / 5)
    const score = modelScores(samm, consensus(answers))
    expect(score.nodes.find((n) => n.id === 'governance')!.native).toBeCloseTo(1.25, 12)
    expect(score.overall.native).toBeCloseTo(0.85, 12)
  })

  it.each(PATTERNS)('%s: the model scores on a consensus are the toolbox’s', (_, answers) => {
    expectToolbox(modelScores(samm, consensus(answers)), answers)
  })

  it.each(PATTERNS)('%s: the same through analyseRound (one department, one assessment)', (_, answers) => {
    const department = makeDepartment({ id: 'appsec' })
    const result = analyseRound({
      catalog: samm,
      round: makeRound({ catalogId: samm.id, catalogVersion: samm.version }),
      departments: [department],
      assessments: [makeAssessment({ departmentId: department.id, answers: samm.items.map((i) => levelAnswer(i.id, answers[i.id]!)) })],
    })
    expect(result.warnings.filter((w) => w.code === 'catalog_mismatch')).toEqual([])
    const dep = result.departments.find((d) => d.departmentId === department.id)!
    expect(dep.consensus.filter((c) => c.state === 'level')).toHaveLength(90)
    expectToolbox(modelScores(samm, dep.consensus), answers)
  })
})

describe('OWASP DSOMM catalogue (tools/models/owasp-dsomm.json)', () => {
  it('passes the validator and keeps DSOMM’s structure: 5 dimensions, 19 sub-dimensions, 194 activities', () => {
    expect(dsomm.groups!.map((g) => g.id)).toEqual(['build-and-deployment', 'culture-and-organization', 'implementation', 'information-gathering', 'test-and-verification'])
    expect(dsomm.dimensions).toHaveLength(19)
    expect(dsomm.dimensions.every((d) => d.aggregation === 'mean' && d.defaultTarget === 1)).toBe(true)
    expect(dsomm.items).toHaveLength(194)
    const perStage = [1, 2, 3, 4, 5].map((s) => dsomm.items.filter((i) => i.stage === s).length)
    expect(perStage).toEqual([26, 57, 61, 31, 19])
    expect(dsomm.scales.ist.map((l) => l.value)).toEqual([0, 1])
    expect(dsomm.modelScore).toBeUndefined()
    expect(dsomm.measures).toEqual([])
  })

  it('keeps every activity dependency as an item id (none dropped at this commit)', () => {
    const ids = new Set(dsomm.items.map((i) => i.id))
    const deps = dsomm.items.flatMap((i) => i.dependsOn ?? [])
    expect(deps.length).toBe(123)
    expect(deps.every((d) => ids.has(d))).toBe(true)
    expect((dsomm.extensions?.dsomm as { droppedDependencies: unknown[] }).droppedDependencies).toEqual([])
    expect(dsomm.items.find((i) => i.id === 'pinning-of-artifacts')!.dependsOn).toEqual(['defined-build-process'])
  })

  it('scores a sub-dimension as the share of its activities implemented', () => {
    const build = dsomm.items.filter((i) => i.dimensionId === 'build')
    const answers = new Map(build.map((item, i) => [item.id, i < 3 ? 1 : 0]))
    const score = modelScores(
      dsomm,
      build.map((item) => ({ departmentId: 'dep', itemId: item.id, dimensionId: item.dimensionId, state: 'level', ist: answers.get(item.id)! }) as ItemConsensus),
    )
    expect(score.nodes.find((n) => n.id === 'build')!.pct).toBeCloseTo((3 / build.length) * 100, 10)
  })
})
