/**
 * Which target level (Soll) applies to an item: the one rule shared by the gap analysis, the
 * prioritisation and the questionnaire ("Ziel: keine Angabe (3)").
 */
import { itemScale, levelCount, mapLevel } from '@/domain/model/scale'
import type { Catalog, CatalogDimension, CatalogItem, Level, Round } from '@/domain/model/types'

/**
 * How many levels an item's own scale and the catalogue's default scale have: round and dimension
 * targets are levels of the default scale and are moved to the item's scale in proportion
 * (`mapLevel`); gaps are counted in steps of the default scale. Absent = the same scale.
 */
export interface ScaleLevels {
  item: number
  default: number
}

/** The `ScaleLevels` of an item: its own scale's and the default scale's number of levels. */
export function scaleLevelsOf(catalog: Pick<Catalog, 'scales' | 'answerScales'>, item: Pick<CatalogItem, 'scale'>): ScaleLevels {
  return { item: levelCount(itemScale(catalog, item)), default: levelCount(catalog.scales.ist) }
}

/** Where an item's target came from, in order of precedence. */
export type TargetSource = 'answer' | 'round' | 'item' | 'dimension'

/**
 * The target an item has before anyone answers: the round's target for the item's dimension, else
 * the item's default target, else the dimension's default target (required by the catalogue
 * schema, so there is always one). Round and dimension targets are levels of the default scale;
 * with `levels` they are moved to the item's own scale (a target 3 of 0–4 is "yes" on a yes/no item). Own properties only: a dimension id such as "constructor" never
 * reads an inherited value.
 */
export function plannedTarget(
  round: Pick<Round, 'dimensionTargets'>,
  item: Pick<CatalogItem, 'defaultTarget' | 'dimensionId'>,
  dimension: Pick<CatalogDimension, 'defaultTarget'>,
  levels?: ScaleLevels,
): { target: Level; source: Exclude<TargetSource, 'answer'> } {
  // Round and dimension targets are levels of the default scale, moved to the item's (no closure: this runs per item).
  const roundTarget = Object.prototype.hasOwnProperty.call(round.dimensionTargets, item.dimensionId)
    ? round.dimensionTargets[item.dimensionId]
    : undefined
  if (roundTarget !== undefined) return { target: levels ? mapLevel(roundTarget, levels.default, levels.item) : roundTarget, source: 'round' }
  if (item.defaultTarget !== undefined) return { target: item.defaultTarget, source: 'item' }
  const fallback = dimension.defaultTarget
  return { target: levels ? mapLevel(fallback, levels.default, levels.item) : fallback, source: 'dimension' }
}

/** The level of `plannedTarget`: what the questionnaire shows as the default target of an item. */
export function targetLevel(
  round: Pick<Round, 'dimensionTargets'>,
  item: Pick<CatalogItem, 'defaultTarget' | 'dimensionId'>,
  dimension: Pick<CatalogDimension, 'defaultTarget'>,
  levels?: ScaleLevels,
): Level {
  return plannedTarget(round, item, dimension, levels).target
}

/**
 * The target for one item in the analysis: the consensus target of the answers if not null (a
 * median, so x.5 is possible), else `plannedTarget` (round > item > dimension).
 */
export function resolveTarget(
  consensusTarget: number | null,
  round: Pick<Round, 'dimensionTargets'>,
  item: Pick<CatalogItem, 'defaultTarget' | 'dimensionId'>,
  dimension: Pick<CatalogDimension, 'defaultTarget'>,
  levels?: ScaleLevels,
): { target: number; source: TargetSource } {
  if (consensusTarget !== null) return { target: consensusTarget, source: 'answer' }
  return plannedTarget(round, item, dimension, levels)
}
