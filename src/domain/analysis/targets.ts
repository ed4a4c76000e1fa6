/**
 * Which target level (Soll) applies to an item: the one rule shared by the gap analysis, the
 * prioritisation and the questionnaire ("Ziel: keine Angabe (3)").
 */
import type { CatalogDimension, CatalogItem, Level, Round } from '@/domain/model/types'

/** Where an item's target came from, in order of precedence. */
export type TargetSource = 'answer' | 'round' | 'item' | 'dimension'

/**
 * The target an item has before anyone answers: the round's target for the item's dimension, else
 * the item's default target, else the dimension's default target (required by the catalogue
 * schema, so there is always one). Own properties only: a dimension id such as "constructor" never
 * reads an inherited value.
 */
export function plannedTarget(
  round: Pick<Round, 'dimensionTargets'>,
  item: Pick<CatalogItem, 'defaultTarget' | 'dimensionId'>,
  dimension: Pick<CatalogDimension, 'defaultTarget'>,
): { target: Level; source: Exclude<TargetSource, 'answer'> } {
  const roundTarget = Object.prototype.hasOwnProperty.call(round.dimensionTargets, item.dimensionId)
    ? round.dimensionTargets[item.dimensionId]
    : undefined
  if (roundTarget !== undefined) return { target: roundTarget, source: 'round' }
  if (item.defaultTarget !== undefined) return { target: item.defaultTarget, source: 'item' }
  return { target: dimension.defaultTarget, source: 'dimension' }
}

/** The level of `plannedTarget`: what the questionnaire shows as the default target of an item. */
export function targetLevel(
  round: Pick<Round, 'dimensionTargets'>,
  item: Pick<CatalogItem, 'defaultTarget' | 'dimensionId'>,
  dimension: Pick<CatalogDimension, 'defaultTarget'>,
): Level {
  return plannedTarget(round, item, dimension).target
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
): { target: number; source: TargetSource } {
  if (consensusTarget !== null) return { target: consensusTarget, source: 'answer' }
  return plannedTarget(round, item, dimension)
}
