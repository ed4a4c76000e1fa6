/**
 * The model's own structure and score (analysis/hierarchy.ts): a SAMM-shaped catalogue (business
 * function → practice → two streams of three questions, answers 0 / 0.25 / 0.5 / 1) scores its
 * practices exactly as the SAMM toolbox does (stream = sum of its answers, practice = mean of its
 * streams, function = mean of its practices).
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { ItemConsensus } from '@/domain/analysis/consensus'
import { hasModelStructure, modelScores, organisationModelScores } from '@/domain/analysis/hierarchy'
import type { Catalog, CatalogItem } from '@/domain/model/types'
import { makeCatalog, makeDimension, makeItem } from '../fixtures/builders'

const SAMM = [0, 0.25, 0.5, 1].map((value, i) => ({ value, label: { en: ['No', 'Some', 'Half', 'Most'][i]! } }))
const [NO, SOME, HALF, MOST] = [0, 1, 2, 3] as const

/** Business function `gov` with practices `sm` and `pc`, each with streams A and B of three questions. */
function sammCatalog(): Catalog {
  const items: CatalogItem[] = []
  const dimensions = []
  for (const practice of ['sm', 'pc']) {
    for (const stream of ['a', 'b']) {
      const id = `${practice}-${stream}`
      dimensions.push(makeDimension({ id, parentId: practice, aggregation: 'sum' }))
      for (const level of [1, 2, 3]) items.push(makeItem({ id: `${id}-${level}`, dimensionId: id, scale: 'samm', stage: level, levels: SAMM.map((s) => s.label) }))
    }
  }
  return makeCatalog({
    defaultLanguage: 'en',
    scales: { ist: SAMM, bedarf: [], potenzial: [], effort: [], impact: [] },
    answerScales: [{ id: 'samm', levels: SAMM }],
    groups: [
      { id: 'gov', title: { en: 'Governance' }, aggregation: 'mean' },
      { id: 'sm', title: { en: 'Strategy and Metrics' }, parentId: 'gov', aggregation: 'mean' },
      { id: 'pc', title: { en: 'Policy and Compliance' }, parentId: 'gov', aggregation: 'mean' },
    ],
    modelScore: { label: { en: 'SAMM score (0–3)' }, decimals: 2 },
    dimensions,
    items,
  })
}

/** Consensus of one department: `answers` maps item ids to SAMM answer positions; others open. */
function consensus(catalog: Catalog, answers: Record<string, number | 'na'>): ItemConsensus[] {
  return catalog.items.map((item) => {
    const a = answers[item.id]
    return {
      departmentId: 'dep',
      itemId: item.id,
      dimensionId: item.dimensionId,
      state: a === 'na' ? 'na' : a === undefined ? 'unanswered' : 'level',
      ist: typeof a === 'number' ? a : null,
    } as ItemConsensus
  })
}

const streams = (practice: string, a: number[], b: number[]) =>
  Object.fromEntries([...a.map((l, i) => [`${practice}-a-${i + 1}`, l]), ...b.map((l, i) => [`${practice}-b-${i + 1}`, l])])

describe('the model’s own score of a SAMM-shaped catalogue', () => {
  const catalog = sammCatalog()

  it.each([
    // streams A and B of practice sm, SAMM practice score by the toolbox formula (worked by hand)
    [[MOST, HALF, NO], [SOME, SOME, NO], 1],
    [[MOST, MOST, HALF], [HALF, SOME, NO], 1.625],
    [[HALF, HALF, HALF], [SOME, SOME, SOME], 1.125],
    [[MOST, MOST, MOST], [MOST, MOST, MOST], 3],
    [[NO, NO, NO], [NO, NO, NO], 0],
  ])('streams %j and %j: practice %s', (a, b, expected) => {
    const score = modelScores(catalog, consensus(catalog, streams('sm', a, b)))
    const sm = score.nodes.find((n) => n.id === 'sm')!
    expect(sm.native).toBeCloseTo(expected, 12)
    expect(sm.pct).toBeCloseTo((expected / 3) * 100, 10)
    expect([sm.nativeMin, sm.nativeMax]).toEqual([0, 3])
  })

  it('scores a business function as the mean of its practices and lists the tree depth first', () => {
    const answers = { ...streams('sm', [MOST, HALF, NO], [SOME, SOME, NO]), ...streams('pc', [MOST, MOST, HALF], [HALF, SOME, NO]) }
    const score = modelScores(catalog, consensus(catalog, answers))
    expect(score.nodes.map((n) => [n.id, n.kind, n.depth, n.native])).toEqual([
      ['gov', 'group', 0, 1.3125],
      ['sm', 'group', 1, 1],
      ['sm-a', 'dimension', 2, 1.5],
      ['sm-b', 'dimension', 2, 0.5],
      ['pc', 'group', 1, 1.625],
      ['pc-a', 'dimension', 2, 2.5],
      ['pc-b', 'dimension', 2, 0.75],
    ])
    expect(score.overall.native).toBeCloseTo(1.3125, 12)
  })

  it('leaves n/a questions out and scores what is answered; an unanswered practice has no score', () => {
    const answers = { 'sm-a-1': MOST, 'sm-a-2': 'na' as const }
    const score = modelScores(catalog, consensus(catalog, answers))
    const byId = new Map(score.nodes.map((n) => [n.id, n]))
    // Stream sm-a: the two asked questions span 0–2; one answered with 1 → pct 50 of the answered part.
    expect(byId.get('sm-a')).toMatchObject({ nativeMin: 0, nativeMax: 2, pct: 100 })
    // No answer in practice pc: no 0–100 score; SAMM's own score counts open questions as 0.
    expect(byId.get('pc')).toMatchObject({ pct: null, native: 0 })
  })

  it.each([
    // answers, unanswered rule, SAMM practice sm, business function gov
    [{ 'sm-a-1': SOME, 'sm-a-2': NO }, 'lowest', 0.125, 0.0625],
    [{ 'sm-a-1': SOME, 'sm-a-2': NO }, 'skip', 0.375, 0.375],
    // sm: streams 1 and 0.5 → 0.75; pc: streams 0.25 and 0 → 0.125; gov: (0.75 + 0.125) / 2
    [{ 'sm-a-1': MOST, 'sm-b-3': HALF, 'pc-a-1': SOME }, 'lowest', 0.75, 0.4375],
  ] as const)('partly answered %j, open questions %s: practice %s, function %s (toolbox: open = 0)', (answers, unanswered, practice, fn) => {
    const c = { ...catalog, modelScore: { ...catalog.modelScore!, unanswered } }
    const score = modelScores(c, consensus(c, answers))
    expect(score.nodes.find((n) => n.id === 'sm')!.native).toBeCloseTo(practice, 12)
    expect(score.nodes.find((n) => n.id === 'gov')!.native).toBeCloseTo(fn, 12)
  })

  it('knows when a catalogue has a structure of its own', () => {
    expect(hasModelStructure(catalog)).toBe(true)
    expect(hasModelStructure(makeCatalog({ items: [makeItem({ dimensionId: 'd' })] }))).toBe(false)
  })
})

describe('the organisation’s model score', () => {
  it('is the mean of the departments’ scores per node', () => {
    const catalog = sammCatalog()
    const one = modelScores(catalog, consensus(catalog, streams('sm', [MOST, MOST, MOST], [MOST, MOST, MOST])))
    const two = modelScores(catalog, consensus(catalog, streams('sm', [NO, NO, NO], [NO, NO, NO])))
    const org = organisationModelScores([one, two])
    expect(org.nodes.find((n) => n.id === 'sm')!.native).toBeCloseTo(1.5, 12)
    expect(org.nodes.find((n) => n.id === 'pc')!.native).toBeNull()
    expect(org.nodes.map((n) => n.id)).toEqual(one.nodes.map((n) => n.id))
  })
})

describe('property: model scores stay within range and never fall when an answer rises', () => {
  it('for any answers of the SAMM-shaped catalogue', () => {
    const catalog = sammCatalog()
    const ids = catalog.items.map((i) => i.id)
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1, max: 3 }), { minLength: ids.length, maxLength: ids.length }), fc.nat(ids.length - 1), (levels, which) => {
        const answers = (ls: number[]) => Object.fromEntries(ls.flatMap((l, i) => (l < 0 ? [] : [[ids[i]!, l]])))
        const before = modelScores(catalog, consensus(catalog, answers(levels)))
        const raised = levels.map((l, i) => (i === which ? Math.min(3, Math.max(l, 0) + (l < 0 ? 0 : 1)) : l))
        const after = modelScores(catalog, consensus(catalog, answers(raised)))
        return before.nodes.every((n, k) => {
          const m = after.nodes[k]!
          const inRange = n.pct === null || (n.pct >= 0 && n.pct <= 100 && n.native! >= n.nativeMin - 1e-9 && n.native! <= n.nativeMax + 1e-9)
          // Answering an open question may lower an extrapolated score; raising an answered one may not.
          const monotone = levels[which]! < 0 || n.pct === null || (m.pct !== null && m.pct >= n.pct - 1e-9)
          return inRange && monotone
        })
      }),
    )
  })
})
