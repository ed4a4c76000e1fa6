/**
 * Dependency graphs of measures: cycle detection (strongly connected components, Tarjan 1972) and a
 * deterministic topological order. A graph is given as a map id → ids it depends on; edges to ids
 * that are not keys of the map are ignored (callers warn about them).
 */

/** id → ids it depends on (its prerequisites). */
export type DependencyGraph = ReadonlyMap<string, readonly string[]>

/**
 * Strongly connected components in deterministic order (each sorted by id, the list sorted by
 * first id). Every node is in exactly one component. Unknown dependency ids are ignored.
 */
export function stronglyConnectedComponents(graph: DependencyGraph): string[][] {
  const nodes = [...graph.keys()].sort()
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const components: string[][] = []
  let counter = 0

  // Iterative Tarjan, so deep chains cannot overflow the call stack.
  for (const root of nodes) {
    if (index.has(root)) continue
    const work: { id: string; next: number; deps: string[] }[] = []
    const enter = (id: string): void => {
      index.set(id, counter)
      low.set(id, counter)
      counter++
      stack.push(id)
      onStack.add(id)
      const deps = [...new Set(graph.get(id) ?? [])].filter((d) => graph.has(d)).sort()
      work.push({ id, next: 0, deps })
    }
    enter(root)
    while (work.length > 0) {
      const frame = work[work.length - 1] as (typeof work)[number]
      if (frame.next < frame.deps.length) {
        const dep = frame.deps[frame.next++] as string
        if (!index.has(dep)) enter(dep)
        else if (onStack.has(dep)) {
          low.set(frame.id, Math.min(low.get(frame.id) as number, index.get(dep) as number))
        }
        continue
      }
      work.pop()
      const parent = work[work.length - 1]
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) as number, low.get(frame.id) as number))
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = []
        let id: string | undefined
        do {
          id = stack.pop() as string
          onStack.delete(id)
          component.push(id)
        } while (id !== frame.id)
        components.push(component.sort())
      }
    }
  }
  return components.sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1))
}

/**
 * The dependency cycles: every strongly connected component with more than one node, or a single
 * node that depends on itself. Each cycle is a sorted list of ids; the list is sorted by first id.
 * Empty for an acyclic graph.
 */
export function findCycles(graph: DependencyGraph): string[][] {
  return stronglyConnectedComponents(graph).filter((c) => {
    if (c.length > 1) return true
    const id = c[0] as string
    return (graph.get(id) ?? []).includes(id)
  })
}

/**
 * The graph without the edges inside a cycle (and without edges to unknown ids): what remains is
 * acyclic. Also returns the dropped cyclic edges as [from, dependsOn] pairs.
 */
export function withoutCyclicEdges(graph: DependencyGraph): {
  graph: Map<string, string[]>
  cycles: string[][]
  droppedEdges: [string, string][]
} {
  const cycles = findCycles(graph)
  const cycleOf = new Map<string, number>()
  cycles.forEach((c, i) => c.forEach((id) => cycleOf.set(id, i)))
  const out = new Map<string, string[]>()
  const droppedEdges: [string, string][] = []
  for (const [id, deps] of graph) {
    const kept: string[] = []
    for (const d of new Set(deps)) {
      if (!graph.has(d)) continue
      const c = cycleOf.get(id)
      if (c !== undefined && cycleOf.get(d) === c) droppedEdges.push([id, d])
      else kept.push(d)
    }
    out.set(id, kept)
  }
  return { graph: out, cycles, droppedEdges }
}

/**
 * Topological order (prerequisites first) of all nodes. Among the nodes that are ready, `compare`
 * picks first (default: id ascending), so the result is deterministic. Edges inside cycles are
 * dropped first (reported in `cycles`/`droppedEdges`), so this always terminates and lists every
 * node exactly once.
 */
export function topologicalOrder(
  graph: DependencyGraph,
  compare: (a: string, b: string) => number = (a, b) => (a < b ? -1 : a > b ? 1 : 0),
): { order: string[]; cycles: string[][]; droppedEdges: [string, string][] } {
  const { graph: dag, cycles, droppedEdges } = withoutCyclicEdges(graph)
  const remaining = new Map<string, number>()
  const dependents = new Map<string, string[]>()
  for (const [id, deps] of dag) {
    remaining.set(id, deps.length)
    for (const d of deps) {
      const list = dependents.get(d)
      if (list) list.push(id)
      else dependents.set(d, [id])
    }
  }
  const ready = [...dag.keys()].filter((id) => remaining.get(id) === 0)
  const order: string[] = []
  while (ready.length > 0) {
    let best = 0
    for (let i = 1; i < ready.length; i++) {
      if (compare(ready[i] as string, ready[best] as string) < 0) best = i
    }
    const id = ready.splice(best, 1)[0] as string
    order.push(id)
    for (const dep of dependents.get(id) ?? []) {
      const left = (remaining.get(dep) as number) - 1
      remaining.set(dep, left)
      if (left === 0) ready.push(dep)
    }
  }
  return { order, cycles, droppedEdges }
}
