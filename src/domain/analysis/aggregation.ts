/**
 * Aggregation rules a catalogue declares per level of its hierarchy (issue 13): how items combine
 * into their dimension, dimensions into a group (e.g. OWASP SAMM: activities into a stream, streams
 * into a practice, practices into a business function).
 *
 * Every node carries its 0–100 score (`pct`, null when nothing below it is answered) and the range
 * of the model's own score (`nativeMin`…`nativeMax`, e.g. 0…3 for a SAMM practice). Rules:
 * - `mean`: weighted mean of the children's pct; native range = weighted mean of theirs;
 * - `sum`: mean of the children's pct weighted by weight × native span (so the native score is the
 *   sum of the children's native scores when all are answered); native range = weighted sums;
 * - `min` (gated): the lowest child pct; native range = lowest of the children's bounds.
 * The model's own score of a node is nativeMin + pct / 100 × (nativeMax − nativeMin): exact when
 * every child is answered (for `mean`, when the children share one native range, as in SAMM and
 * DSOMM); with unanswered children it is extrapolated from the answered ones, as pct is.
 * Unanswered children (pct null) leave the score but keep their native range; n/a children are
 * not passed in at all. All functions are pure and return codes and numbers only.
 */
import { levelMaturity } from '@/domain/model/scale'
import { AGGREGATION_RULES, type AggregationRule } from '@/domain/model/types'

export { AGGREGATION_RULES, type AggregationRule }

export interface AggregateNode {
  /** 0–100, or null when nothing below is answered. */
  pct: number | null
  /** The model's own score range of this node. */
  nativeMin: number
  nativeMax: number
}

export interface WeightedNode extends AggregateNode {
  /** Weight among its siblings (default 1; values ≤ 0 count as 0). */
  weight?: number
}

/** Combines children by a rule. An empty list gives pct null and a native range of 0…0. */
export function aggregate(rule: AggregationRule, children: readonly WeightedNode[]): AggregateNode {
  if (children.length === 0) return { pct: null, nativeMin: 0, nativeMax: 0 }
  const w = (c: WeightedNode): number => Math.max(0, c.weight ?? 1)
  const answered = children.filter((c) => c.pct !== null)
  if (rule === 'min') {
    return {
      pct: answered.length === 0 ? null : Math.min(...answered.map((c) => c.pct as number)),
      nativeMin: Math.min(...children.map((c) => c.nativeMin)),
      nativeMax: Math.min(...children.map((c) => c.nativeMax)),
    }
  }
  const span = (c: WeightedNode): number => Math.max(0, c.nativeMax - c.nativeMin)
  const share = rule === 'sum' ? (c: WeightedNode) => w(c) * span(c) : w
  const pct = weightedPct(answered, share)
  const totalW = children.reduce((s, c) => s + w(c), 0)
  const lows = children.reduce((s, c) => s + w(c) * c.nativeMin, 0)
  const highs = children.reduce((s, c) => s + w(c) * c.nativeMax, 0)
  if (rule === 'sum') return { pct, nativeMin: lows, nativeMax: highs }
  return totalW > 0
    ? { pct, nativeMin: lows / totalW, nativeMax: highs / totalW }
    : { pct, nativeMin: mean(children.map((c) => c.nativeMin)), nativeMax: mean(children.map((c) => c.nativeMax)) }
}

/** The model's own score of a node; null when its pct is null. */
export function nativeScore(node: AggregateNode): number | null {
  return node.pct === null ? null : node.nativeMin + (node.pct / 100) * (node.nativeMax - node.nativeMin)
}

function weightedPct(nodes: readonly WeightedNode[], share: (c: WeightedNode) => number): number | null {
  if (nodes.length === 0) return null
  let sum = 0
  let total = 0
  for (const c of nodes) {
    const s = share(c)
    sum += (c.pct as number) * s
    total += s
  }
  // All shares 0 (zero weights or spans): the plain mean, so a score never turns into NaN.
  return total > 0 ? sum / total : mean(nodes.map((c) => c.pct as number))
}

function mean(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length
}

/**
 * The leaf node of one answered or open item: its maturity on its declared scale (`values`, see
 * model/scale.ts) and its native range (the scale's lowest and highest value).
 */
export function itemNode(values: readonly number[], level: number | null, weight = 1): WeightedNode {
  return {
    pct: level === null ? null : levelMaturity(values, level),
    nativeMin: values[0] as number,
    nativeMax: values[values.length - 1] as number,
    weight,
  }
}
