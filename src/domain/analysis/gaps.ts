/**
 * Gap analysis (Ist vs. Soll) per department and item: which target applies and how far the
 * consensus Ist is below it.
 */
import type { Catalog, CatalogDimension, Round } from '@/domain/model/types'
import type { ItemConsensus } from './consensus'
import { catalogPlan, type CatalogPlan, type PlannedTarget, roundTargets, type RoundTargets } from './catalog-plan'
import { SCORING_MODEL_VERSION } from './method'
import type { ScaleLevels, TargetSource } from './targets'
import { levelMaturity, stepsOn } from '@/domain/model/scale'

export interface ItemGap {
  departmentId: string
  itemId: string
  dimensionId: string
  /** Consensus Ist (may be x.5). */
  ist: number
  maturity: number
  target: number
  targetSource: TargetSource
  /** max(0, target − ist) */
  gap: number
  bedarf: number | null
  potenzial: number | null
}

export interface DimensionGap {
  dimensionId: string
  /** Items with a level in this dimension. */
  count: number
  /** Weighted (item weight) means; null if count is 0. */
  meanIst: number | null
  meanTarget: number | null
  meanGap: number | null
  maxGap: number | null
}

export interface DepartmentGaps {
  modelVersion: string
  departmentId: string
  /** Items with state 'level', in catalogue order. */
  items: ItemGap[]
  dimensions: DimensionGap[]
}

/** max(0, target − ist): how many levels are missing; 0 when at or above target. */
export function gapOf(ist: number, target: number, levels?: ScaleLevels): number {
  const steps = Math.max(0, target - ist)
  return levels ? stepsOn(steps, levels.item, levels.default) : steps
}

/**
 * Gaps of one department. Only items with consensus state 'level' have a gap; 'na' and
 * 'unanswered' items are left out (no Ist, so no gap). Consensus entries for items the catalogue
 * does not have are ignored. Dimension summaries use the item weights.
 */
export function departmentGaps(
  catalog: Catalog,
  round: Pick<Round, 'dimensionTargets'>,
  departmentId: string,
  consensus: readonly ItemConsensus[],
): DepartmentGaps {
  const plan = catalogPlan(catalog)
  return gapsWithPlan(plan, roundTargets(plan, round), departmentId, consensus)
}

/** `departmentGaps` with the catalogue plan and the round's targets given (shared by all departments of one analysis). */
export function gapsWithPlan(plan: CatalogPlan, targets: RoundTargets, departmentId: string, consensus: readonly ItemConsensus[]): DepartmentGaps {
  const dimensionList = plan.index.dimensionList
  // Per dimension: running sums for the summary.
  const acc: DimensionAcc[] = new Array<DimensionAcc>(dimensionList.length)
  for (let d = 0; d < acc.length; d++) acc[d] = { count: 0, wsum: 0, ist: 0, target: 0, gap: 0, plainIst: 0, plainTarget: 0, plainGap: 0, maxGap: 0 }
  const items: ItemGap[] = []
  let lastPos = -1
  let ordered = true
  for (const c of consensus) {
    if (c.state !== 'level' || c.ist === null) continue
    const p = plan.items.get(c.itemId)
    const d = p?.dimensionPosition
    if (!p || d === undefined) continue
    const item = p.item
    const a = acc[d] as DimensionAcc
    if (p.order < lastPos) ordered = false
    lastPos = p.order
    const levels = p.levels
    const planned = targets[p.slot] as PlannedTarget
    // resolveTarget: the consensus target if any, else the planned one (round > item > dimension).
    const target = c.target !== null ? c.target : planned.target
    const targetSource: TargetSource = c.target !== null ? 'answer' : planned.source
    const gap = gapOf(c.ist, target, levels)
    // Dimension means are in levels of the default scale (an item on another scale is moved in proportion).
    const istOnDefault = stepsOn(c.ist, levels.item, levels.default)
    const targetOnDefault = stepsOn(target, levels.item, levels.default)
    items.push({
      departmentId,
      itemId: item.id,
      dimensionId: item.dimensionId,
      ist: c.ist,
      maturity: levelMaturity(p.maturityValues, c.ist),
      target,
      targetSource,
      gap,
      bedarf: c.bedarf,
      potenzial: c.potenzial,
    })
    const w = Math.max(0, item.weight ?? 1)
    a.count++
    a.wsum += w
    a.ist += istOnDefault * w
    a.target += targetOnDefault * w
    a.gap += gap * w
    a.plainIst += istOnDefault
    a.plainTarget += targetOnDefault
    a.plainGap += gap
    if (gap > a.maxGap) a.maxGap = gap
  }
  if (!ordered) {
    const itemOrder = plan.index.itemOrder
    items.sort((x, y) => (itemOrder.get(x.itemId) as number) - (itemOrder.get(y.itemId) as number))
  }
  const dimensions: DimensionGap[] = new Array<DimensionGap>(dimensionList.length)
  for (let d = 0; d < dimensionList.length; d++) {
    const a = acc[d] as DimensionAcc
    dimensions[d] = {
      dimensionId: (dimensionList[d] as CatalogDimension).id,
      count: a.count,
      meanIst: meanOf(a, a.ist, a.plainIst),
      meanTarget: meanOf(a, a.target, a.plainTarget),
      meanGap: meanOf(a, a.gap, a.plainGap),
      maxGap: a.count === 0 ? null : a.maxGap,
    }
  }
  return { modelVersion: SCORING_MODEL_VERSION, departmentId, items, dimensions }
}

interface DimensionAcc {
  count: number
  wsum: number
  ist: number
  target: number
  gap: number
  plainIst: number
  plainTarget: number
  plainGap: number
  maxGap: number
}

/** Weighted mean as in weightedMean (all-zero weights fall back to the plain mean); null without items. */
function meanOf(a: DimensionAcc, weighted: number, plain: number): number | null {
  return a.count === 0 ? null : a.wsum > 0 ? weighted / a.wsum : plain / a.count
}
