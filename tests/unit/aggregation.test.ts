import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { aggregate, itemNode, nativeScore, type AggregationRule, type WeightedNode } from '@/domain/analysis/aggregation'
import { isStrictlyIncreasing, levelMaturity } from '@/domain/model/scale'

/** OWASP SAMM 2 answer values: No, Yes for some, Yes for at least half, Yes for most or all. */
const SAMM = [0, 0.25, 0.5, 1]
/** Answer positions on the SAMM scale. */
const NO = 0
const SOME = 1
const HALF = 2
const MOST = 3

/** SAMM toolbox: a stream is the sum of its three activities' answer values, a practice the mean of its two streams. */
function sammPractice(streamA: number[], streamB: number[]): { pct: number | null; native: number | null } {
  const stream = (levels: number[]) => aggregate('sum', levels.map((l) => itemNode(SAMM, l)))
  const practice = aggregate('mean', [stream(streamA), stream(streamB)])
  return { pct: practice.pct, native: nativeScore(practice) }
}

function toolbox(streamA: number[], streamB: number[]): number {
  const sum = (ls: number[]) => ls.reduce((s, l) => s + (SAMM[l] as number), 0)
  return (sum(streamA) + sum(streamB)) / 2
}

describe('aggregation rules', () => {
  it.each([
    // streamA, streamB, SAMM practice score (toolbox formula, worked by hand)
    [[MOST, HALF, NO], [SOME, SOME, NO], 1],
    [[MOST, MOST, MOST], [MOST, MOST, MOST], 3],
    [[NO, NO, NO], [NO, NO, NO], 0],
    [[SOME, NO, NO], [NO, NO, NO], 0.125],
    [[MOST, MOST, HALF], [HALF, SOME, NO], 1.625],
    [[HALF, HALF, HALF], [SOME, SOME, SOME], 1.125],
  ])('SAMM practice of streams %j and %j scores %s as the toolbox does', (a, b, expected) => {
    const { native, pct } = sammPractice(a, b)
    expect(native).toBeCloseTo(expected, 12)
    expect(native).toBeCloseTo(toolbox(a, b), 12)
    expect(pct).toBeCloseTo((expected / 3) * 100, 10)
  })

  it('a stream summed from SAMM answers has the native range 0–3', () => {
    const s = aggregate('sum', [itemNode(SAMM, MOST), itemNode(SAMM, HALF), itemNode(SAMM, NO)])
    expect(s).toEqual({ pct: 50, nativeMin: 0, nativeMax: 3 })
    expect(nativeScore(s)).toBe(1.5)
  })

  it('mean is the weighted mean of the children', () => {
    const r = aggregate('mean', [
      { pct: 100, nativeMin: 0, nativeMax: 4, weight: 3 },
      { pct: 0, nativeMin: 0, nativeMax: 4, weight: 1 },
    ])
    expect(r).toEqual({ pct: 75, nativeMin: 0, nativeMax: 4 })
    expect(nativeScore(r)).toBe(3)
  })

  it('sum weights children by their native span', () => {
    // a yes/no item (span 1) and a 0–4 item (span 4)
    const r = aggregate('sum', [itemNode([0, 1], 1), itemNode([0, 1, 2, 3, 4], 0)])
    expect(r.pct).toBe(20)
    expect(r.nativeMax).toBe(5)
    expect(nativeScore(r)).toBe(1)
  })

  it('min (gated) takes the lowest answered child', () => {
    const r = aggregate('min', [itemNode([0, 1, 2, 3, 4], 4), itemNode([0, 1, 2, 3, 4], 1), itemNode([0, 1, 2, 3, 4], null)])
    expect(r).toEqual({ pct: 25, nativeMin: 0, nativeMax: 4 })
  })

  it('unanswered children leave the score but keep the native range', () => {
    const r = aggregate('sum', [itemNode(SAMM, MOST), itemNode(SAMM, null), itemNode(SAMM, null)])
    expect(r).toEqual({ pct: 100, nativeMin: 0, nativeMax: 3 })
    expect(aggregate('mean', [itemNode(SAMM, null)]).pct).toBeNull()
    expect(aggregate('mean', []).pct).toBeNull()
  })

  it('zero weights never turn a score into NaN', () => {
    const r = aggregate('mean', [
      { pct: 40, nativeMin: 0, nativeMax: 1, weight: 0 },
      { pct: 60, nativeMin: 0, nativeMax: 1, weight: 0 },
    ])
    expect(r.pct).toBe(50)
    expect(Number.isNaN(r.nativeMin)).toBe(false)
  })

  const scaleArb = fc
    .uniqueArray(fc.integer({ min: -50, max: 50 }), { minLength: 2, maxLength: 8 })
    .map((xs) => [...xs].sort((a, b) => a - b))
    .filter(isStrictlyIncreasing)
  const treeArb = fc.record({
    rules: fc.tuple(fc.constantFrom<AggregationRule>('mean', 'sum', 'min'), fc.constantFrom<AggregationRule>('mean', 'sum', 'min')),
    groups: fc.array(
      fc.array(fc.record({ scale: scaleArb, pos: fc.double({ min: 0, max: 1, noNaN: true }), answered: fc.boolean(), weight: fc.integer({ min: 0, max: 5 }) }), { minLength: 1, maxLength: 6 }),
      { minLength: 1, maxLength: 5 },
    ),
    raise: fc.nat(100),
  })

  interface Tree {
    rules: [AggregationRule, AggregationRule]
    groups: { scale: number[]; pos: number; answered: boolean; weight: number }[][]
    raise: number
  }

  function score(t: Tree, raised: number | null): number | null {
    let k = 0
    const groups: WeightedNode[] = t.groups.map((g) =>
      aggregate(
        t.rules[0],
        g.map((it) => {
          const top = it.scale.length - 1
          let level = Math.round(it.pos * top)
          if (k++ === raised) level = Math.min(top, level + 1)
          return itemNode(it.scale, it.answered ? level : null, it.weight)
        }),
      ),
    )
    return aggregate(t.rules[1], groups).pct
  }

  it('property: for any declared scales and rules, scores stay in 0–100 and raising a level never lowers a score', () => {
    fc.assert(
      fc.property(treeArb, (t) => {
        const n = t.groups.flat().length
        const before = score(t, null)
        const after = score(t, t.raise % n)
        if (before === null) return
        expect(before).toBeGreaterThanOrEqual(-1e-9)
        expect(before).toBeLessThanOrEqual(100 + 1e-9)
        expect(after).not.toBeNull()
        expect(after as number).toBeGreaterThanOrEqual(before - 1e-9)
        expect(after as number).toBeLessThanOrEqual(100 + 1e-9)
      }),
    )
  })

  it('item nodes use the declared values (non-linear SAMM answers are not linear positions)', () => {
    expect(itemNode(SAMM, HALF).pct).toBe(50)
    expect(levelMaturity([0, 1, 2, 3], HALF)).toBeCloseTo(66.667, 2)
  })
})
