import { describe, expect, it } from 'vitest'
import { findCycles, stronglyConnectedComponents, topologicalOrder, withoutCyclicEdges } from '@/domain/analysis/graph'

/** Graph from an object: id → ids it depends on. */
const g = (o: Record<string, string[]>) => new Map(Object.entries(o))

describe('findCycles', () => {
  it.each<{ name: string; graph: Record<string, string[]>; cycles: string[][] }>([
    { name: 'empty graph', graph: {}, cycles: [] },
    { name: 'acyclic chain', graph: { a: [], b: ['a'], c: ['b', 'a'] }, cycles: [] },
    { name: 'self loop', graph: { a: ['a'], b: ['a'] }, cycles: [['a']] },
    { name: 'two-node cycle', graph: { a: ['b'], b: ['a'] }, cycles: [['a', 'b']] },
    { name: 'three-node cycle with a tail', graph: { c: ['a'], a: ['b'], b: ['c'], d: ['a'] }, cycles: [['a', 'b', 'c']] },
    { name: 'two separate cycles', graph: { x: ['y'], y: ['x'], a: ['b'], b: ['a'], m: [] }, cycles: [['a', 'b'], ['x', 'y']] },
    { name: 'unknown ids are ignored', graph: { a: ['ghost'], b: ['a', 'nowhere'] }, cycles: [] },
    { name: 'duplicate edges', graph: { a: ['b', 'b'], b: ['a'] }, cycles: [['a', 'b']] },
  ])('$name', ({ graph, cycles }) => {
    expect(findCycles(g(graph))).toEqual(cycles)
  })

  it('handles a long chain without recursion problems', () => {
    const graph = new Map<string, string[]>()
    for (let i = 0; i < 20000; i++) graph.set(`n${i}`, i === 0 ? [`n19999`] : [`n${i - 1}`])
    const cycles = findCycles(graph)
    expect(cycles.length).toBe(1)
    expect(cycles[0]?.length).toBe(20000)
  })
})

describe('stronglyConnectedComponents', () => {
  it('puts every node into exactly one component', () => {
    const comps = stronglyConnectedComponents(g({ a: ['b'], b: ['a'], c: ['a'], d: [] }))
    expect(comps).toEqual([['a', 'b'], ['c'], ['d']])
  })
})

describe('withoutCyclicEdges', () => {
  it('drops only edges inside a cycle and edges to unknown ids', () => {
    const result = withoutCyclicEdges(g({ a: ['b'], b: ['a', 'c'], c: [], d: ['a', 'ghost'] }))
    expect([...result.graph]).toEqual([
      ['a', []],
      ['b', ['c']],
      ['c', []],
      ['d', ['a']],
    ])
    expect(result.droppedEdges).toEqual([
      ['a', 'b'],
      ['b', 'a'],
    ])
    expect(result.cycles).toEqual([['a', 'b']])
  })
})

describe('topologicalOrder', () => {
  it.each<{ name: string; graph: Record<string, string[]>; order: string[] }>([
    { name: 'prerequisites first, ties by id', graph: { c: ['a'], b: [], a: [] }, order: ['a', 'b', 'c'] },
    { name: 'diamond', graph: { d: ['b', 'c'], b: ['a'], c: ['a'], a: [] }, order: ['a', 'b', 'c', 'd'] },
    { name: 'cycle terminates, every node once', graph: { a: ['b'], b: ['a'], c: ['a'] }, order: ['a', 'b', 'c'] },
    { name: 'unknown dependency ignored', graph: { a: ['ghost'], b: ['a'] }, order: ['a', 'b'] },
  ])('$name', ({ graph, order }) => {
    expect(topologicalOrder(g(graph)).order).toEqual(order)
  })

  it('uses the comparator among ready nodes', () => {
    const rank: Record<string, number> = { a: 3, b: 1, c: 2, d: 0 }
    const order = topologicalOrder(g({ a: [], b: [], c: [], d: ['a'] }), (x, y) => (rank[x] ?? 0) - (rank[y] ?? 0)).order
    // d ranks best but waits for a
    expect(order).toEqual(['b', 'c', 'a', 'd'])
  })
})
