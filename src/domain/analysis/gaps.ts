/**
 * Gap analysis (Ist vs. Soll) per department and item: which target applies and how far the
 * consensus Ist is below it.
 */
import type { Catalog, CatalogDimension, Round } from '@/domain/model/types'
import type { ItemConsensus } from './consensus'
import { indexCatalog } from '@/domain/model/catalog-index'
import { catalogMaturity } from './scoring'
import { SCORING_MODEL_VERSION } from './method'
import { resolveTarget, scaleLevelsOf, type ScaleLevels, type TargetSource } from './targets'
import { stepsOn } from '@/domain/model/scale'

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
  const idx = indexCatalog(catalog)
  const maturityOf = catalogMaturity(catalog)
  // Per dimension: running sums for the summary.
  const acc = idx.dimensionList.map(() => ({
    count: 0,
    wsum: 0,
    ist: 0,
    target: 0,
    gap: 0,
    plainIst: 0,
    plainTarget: 0,
    plainGap: 0,
    maxGap: 0,
  }))
  const items: ItemGap[] = []
  let lastPos = -1
  let ordered = true
  for (const c of consensus) {
    if (c.state !== 'level' || c.ist === null) continue
    const item = idx.itemsById.get(c.itemId)
    const d = item ? idx.dimensionPosition.get(item.dimensionId) : undefined
    if (!item || d === undefined) continue
    const dim = idx.dimensionList[d] as CatalogDimension
    const a = acc[d] as (typeof acc)[number]
    const pos = idx.itemOrder.get(item.id) as number
    if (pos < lastPos) ordered = false
    lastPos = pos
    const levels = scaleLevelsOf(catalog, item)
    const { target, source: targetSource } = resolveTarget(c.target, round, item, dim, levels)
    const gap = gapOf(c.ist, target, levels)
    // Dimension means are in levels of the default scale (an item on another scale is moved in proportion).
    const istOnDefault = stepsOn(c.ist, levels.item, levels.default)
    const targetOnDefault = stepsOn(target, levels.item, levels.default)
    items.push({
      departmentId,
      itemId: item.id,
      dimensionId: item.dimensionId,
      ist: c.ist,
      maturity: maturityOf(c.ist, item.id),
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
    items.sort((x, y) => (idx.itemOrder.get(x.itemId) as number) - (idx.itemOrder.get(y.itemId) as number))
  }
  // Weighted means as in weightedMean (all-zero weights fall back to the plain mean).
  const mean = (a: (typeof acc)[number], weighted: number, plain: number): number | null =>
    a.count === 0 ? null : a.wsum > 0 ? weighted / a.wsum : plain / a.count
  const dimensions: DimensionGap[] = idx.dimensionList.map((dim, d) => {
    const a = acc[d] as (typeof acc)[number]
    return {
      dimensionId: dim.id,
      count: a.count,
      meanIst: mean(a, a.ist, a.plainIst),
      meanTarget: mean(a, a.target, a.plainTarget),
      meanGap: mean(a, a.gap, a.plainGap),
      maxGap: a.count === 0 ? null : a.maxGap,
    }
  })
  return { modelVersion: SCORING_MODEL_VERSION, departmentId, items, dimensions }
}
