/**
 * The model's own structure and score (issue 13): a catalogue may declare groups above its
 * dimensions (OWASP SAMM: business function → practice → stream = dimension → question = item) and
 * per node how its children combine (`aggregation`: mean, sum, min; aggregation.ts). This module
 * walks that tree for one department's consensus and gives every node its 0–100 score and, where
 * the model has one, its own score (e.g. a SAMM practice 0–3).
 *
 * Leaves: an item with a consensus level counts with its maturity on its declared scale; an
 * unanswered item keeps its native range but no score; an n/a item and an item the department is
 * not asked leave the tree. Pure; codes and numbers only.
 */
import { indexCatalog } from '@/domain/model/catalog-index'
import { itemScale, scaleValues } from '@/domain/model/scale'
import type { Catalog, CatalogItem } from '@/domain/model/types'
import { aggregate, itemNode, nativeScore, type AggregateNode, type WeightedNode } from './aggregation'
import type { ItemConsensus } from './consensus'

export interface ModelNodeScore {
  id: string
  kind: 'group' | 'dimension'
  /** The group above; null at the top level. */
  parentId: string | null
  /** 0 at the top level. */
  depth: number
  /** 0–100; null when nothing below is answered. */
  pct: number | null
  /** The model's own score (nativeMin … nativeMax); null when nothing below is answered. */
  native: number | null
  nativeMin: number
  nativeMax: number
}

export interface ModelScore {
  /** Every group and dimension, depth first in catalogue order (a group, then what is below it). */
  nodes: ModelNodeScore[]
  /** The whole model by the catalogue's top-level rule. */
  overall: AggregateNode & { native: number | null }
}

/** True when the catalogue declares a structure or a score of its own worth showing next to ours. */
export function hasModelStructure(catalog: Pick<Catalog, 'groups' | 'modelScore' | 'aggregation' | 'dimensions'>): boolean {
  return (catalog.groups?.length ?? 0) > 0 || catalog.modelScore !== undefined || catalog.aggregation !== undefined || catalog.dimensions.some((d) => d.aggregation !== undefined)
}

/**
 * The model's scores for one department's (or the workshop's) consensus. `pct` (0–100) follows
 * this app's method: only answered questions count (coverage is shown elsewhere). The model's own
 * score follows the model: with `modelScore.unanswered` 'lowest' (the default; the SAMM toolbox
 * counts an unanswered question as 0) an open question counts as its scale's lowest level, with
 * 'skip' it is left out like in `pct`.
 */
export function modelScores(catalog: Catalog, consensus: readonly ItemConsensus[]): ModelScore {
  const idx = indexCatalog(catalog)
  const scaleOf = new Map<string, number[]>()
  const valuesOf = (item: CatalogItem): number[] => {
    const key = item.scale ?? ''
    let values = scaleOf.get(key)
    if (!values) scaleOf.set(key, (values = scaleValues(itemScale(catalog, item))))
    return values
  }
  const openAsLowest = catalog.modelScore?.unanswered !== 'skip'
  // Leaves per dimension: as answered (for pct) and as the model counts them (for its own score).
  const answered = new Map<string, WeightedNode[]>()
  const counted = new Map<string, WeightedNode[]>()
  const push = (map: Map<string, WeightedNode[]>, key: string, node: WeightedNode) => map.set(key, [...(map.get(key) ?? []), node])
  for (const c of consensus) {
    if (c.state === 'na') continue
    const item = idx.itemsById.get(c.itemId)
    if (!item || !idx.dimensionsById.has(item.dimensionId)) continue
    const level = c.state === 'level' ? c.ist : null
    push(answered, item.dimensionId, itemNode(valuesOf(item), level, item.weight ?? 1))
    push(counted, item.dimensionId, itemNode(valuesOf(item), level === null && openAsLowest ? 0 : level, item.weight ?? 1))
  }
  const own = walk(catalog, idx, counted)
  const ours = walk(catalog, idx, answered)
  const nativeById = new Map(own.nodes.map((n) => [n.id, n.native]))
  return {
    nodes: ours.nodes.map((n) => ({ ...n, native: nativeById.get(n.id) ?? null })),
    overall: { ...ours.overall, native: own.overall.native },
  }
}

/** Scores the tree of groups and dimensions over the given leaves (pre-order, catalogue order). */
function walk(catalog: Catalog, idx: ReturnType<typeof indexCatalog>, leaves: ReadonlyMap<string, WeightedNode[]>): ModelScore {
  const groups = catalog.groups ?? []
  const groupIds = new Set(groups.map((g) => g.id))
  const parentOf = (parentId: string | undefined): string | null => (parentId !== undefined && groupIds.has(parentId) ? parentId : null)
  const children = new Map<string | null, { id: string; kind: 'group' | 'dimension' }[]>()
  const addChild = (parent: string | null, child: { id: string; kind: 'group' | 'dimension' }) => children.set(parent, [...(children.get(parent) ?? []), child])
  for (const g of groups) addChild(parentOf(g.parentId), { id: g.id, kind: 'group' })
  for (const d of idx.dimensionList) addChild(parentOf(d.parentId), { id: d.id, kind: 'dimension' })

  const nodes: ModelNodeScore[] = []
  const groupById = new Map(groups.map((g) => [g.id, g]))
  const visiting = new Set<string>()
  /** Scores a node and appends it and everything below it (pre-order) to `nodes`. */
  const visit = (node: { id: string; kind: 'group' | 'dimension' }, parentId: string | null, depth: number): WeightedNode | null => {
    if (node.kind === 'dimension') {
      const dim = idx.dimensionsById.get(node.id)!
      const items = leaves.get(node.id) ?? []
      if (items.length === 0) return null
      const result = aggregate(dim.aggregation ?? 'mean', items)
      nodes.push({ ...placeholder(node, parentId, depth), ...result, native: nativeScore(result) })
      return { ...result, weight: dim.weight ?? 1 }
    }
    // A cycle cannot pass the validator; guarded anyway so a damaged catalogue never loops.
    if (visiting.has(node.id)) return null
    visiting.add(node.id)
    const group = groupById.get(node.id)!
    const at = nodes.length
    nodes.push(placeholder(node, parentId, depth))
    const below = (children.get(node.id) ?? []).map((c) => visit(c, node.id, depth + 1)).filter((c): c is WeightedNode => c !== null)
    visiting.delete(node.id)
    if (below.length === 0) {
      nodes.splice(at)
      return null
    }
    const result = aggregate(group.aggregation ?? 'mean', below)
    nodes[at] = { ...placeholder(node, parentId, depth), ...result, native: nativeScore(result) }
    return { ...result, weight: group.weight ?? 1 }
  }
  const top = (children.get(null) ?? []).map((c) => visit(c, null, 0)).filter((c): c is WeightedNode => c !== null)
  const overall = aggregate(catalog.aggregation ?? 'mean', top)
  return { nodes, overall: { ...overall, native: nativeScore(overall) } }
}

function placeholder(node: { id: string; kind: 'group' | 'dimension' }, parentId: string | null, depth: number): ModelNodeScore {
  return { id: node.id, kind: node.kind, parentId, depth, pct: null, native: null, nativeMin: 0, nativeMax: 0 }
}

/**
 * The organisation's model scores: per node the mean of the departments' 0–100 scores (departments
 * without a score there left out), the model's own score taken from it on the node's native range.
 */
export function organisationModelScores(perDepartment: readonly ModelScore[]): ModelScore {
  const byId = new Map<string, { node: ModelNodeScore; sum: number; n: number }>()
  for (const score of perDepartment) {
    for (const node of score.nodes) {
      const acc = byId.get(node.id) ?? { node, sum: 0, n: 0 }
      if (node.pct !== null) {
        acc.sum += node.pct
        acc.n++
      }
      byId.set(node.id, acc)
    }
  }
  const nodes: ModelNodeScore[] = []
  // Catalogue order: the first department that has a node fixes its place.
  for (const { node, sum, n } of byId.values()) {
    const pct = n === 0 ? null : sum / n
    nodes.push({ ...node, pct, native: nativeScore({ pct, nativeMin: node.nativeMin, nativeMax: node.nativeMax }) })
  }
  const overalls = perDepartment.map((s) => s.overall).filter((o) => o.pct !== null)
  const first = perDepartment[0]?.overall ?? { pct: null, nativeMin: 0, nativeMax: 0 }
  const pct = overalls.length === 0 ? null : overalls.reduce((s, o) => s + (o.pct as number), 0) / overalls.length
  const overall = { pct, nativeMin: first.nativeMin, nativeMax: first.nativeMax }
  return { nodes: orderLike(nodes, perDepartment), overall: { ...overall, native: nativeScore(overall) } }
}

/** Nodes in the pre-order of the department with the most nodes (every department walks the same tree). */
function orderLike(nodes: ModelNodeScore[], perDepartment: readonly ModelScore[]): ModelNodeScore[] {
  const fullest = [...perDepartment].sort((a, b) => b.nodes.length - a.nodes.length)[0]
  if (!fullest) return nodes
  const rank = new Map(fullest.nodes.map((n, i) => [n.id, i]))
  return [...nodes].sort((a, b) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity))
}
