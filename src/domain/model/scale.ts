/**
 * Answer scales declared by a catalogue (issue 13, "Bring your own model").
 *
 * A scale is an ordered list of levels, each with a numeric value; answers store the level's
 * position (0 = lowest). Values may be non-linear (OWASP SAMM answers 0, 0.25, 0.5, 1) and must rise
 * strictly from level to level. The 0–100 maturity of a level is its value's place between the
 * scale's lowest and highest value; a consensus level between two levels (a median of x.5) takes
 * the value halfway between their values. For the built-in catalogues (values 0–4) this is
 * exactly ist / 4 × 100.
 */

import type { Catalog, CatalogItem, ScaleDescription } from './types'

/** Fewest and most levels a declared scale may have. */
export const MIN_SCALE_LEVELS = 2
export const MAX_SCALE_LEVELS = 8

/** The 0–4 scale of the built-in catalogues; also used when a scale declares fewer than two levels. */
export const LINEAR_0_4: readonly number[] = [0, 1, 2, 3, 4]

/** True when the values rise strictly from level to level (and there are at least two). */
export function isStrictlyIncreasing(values: readonly number[]): boolean {
  if (values.length < MIN_SCALE_LEVELS) return false
  for (let i = 1; i < values.length; i++) {
    if (!((values[i] as number) > (values[i - 1] as number))) return false
  }
  return values.every(Number.isFinite)
}

/**
 * The values a scoring uses for a declared scale: its own values when they rise strictly, else
 * the positions 0 … n−1 (a linear scale), so a badly declared scale never yields NaN or a falling score.
 */
export function scaleValues(levels: readonly { value: number }[]): number[] {
  if (levels.length < MIN_SCALE_LEVELS) return [...LINEAR_0_4]
  const values = levels.map((l) => l.value)
  return isStrictlyIncreasing(values) ? values : levels.map((_, i) => i)
}

/**
 * The value of a (possibly fractional) level position: linear between the two neighbouring levels,
 * clamped to the scale. `values` must rise strictly (see `scaleValues`).
 */
export function levelValue(values: readonly number[], level: number): number {
  const top = values.length - 1
  const at = Math.min(Math.max(level, 0), top)
  const lower = Math.floor(at)
  const upper = Math.min(lower + 1, top)
  const lo = values[lower] as number
  const hi = values[upper] as number
  return lo + (hi - lo) * (at - lower)
}

/** Maturity 0–100 of a (possibly fractional) level on a scale with these values. */
export function levelMaturity(values: readonly number[], level: number): number {
  const min = values[0] as number
  const max = values[values.length - 1] as number
  return max > min ? ((levelValue(values, level) - min) / (max - min)) * 100 : 0
}

/**
 * A level position on a scale of `fromLevels` levels moved to a scale of `toLevels` levels in
 * proportion (a dimension's target 3 of 0–4 is "yes" on a yes/no item): rounded half up, within range.
 */
export function mapLevel(level: number, fromLevels: number, toLevels: number): number {
  if (fromLevels === toLevels) return level
  if (fromLevels <= 1 || toLevels <= 1) return 0
  const mapped = Math.floor((level * (toLevels - 1)) / (fromLevels - 1) + 0.5 + 1e-9)
  return Math.min(Math.max(mapped, 0), toLevels - 1)
}

/** The answer scale an item is rated on: its declared `answerScales` entry, else the catalogue's `scales.ist`. */
export function itemScale(
  catalog: Pick<Catalog, 'scales' | 'answerScales'>,
  item: Pick<CatalogItem, 'scale'>,
): readonly ScaleDescription[] {
  if (item.scale === undefined) return catalog.scales.ist
  return catalog.answerScales?.find((s) => s.id === item.scale)?.levels ?? catalog.scales.ist
}

/** How many levels a declared scale offers: its own count, or five (0–4) for a scale declaring fewer than two, as `scaleValues` scores it. */
export function levelCount(levels: readonly unknown[]): number {
  return levels.length >= MIN_SCALE_LEVELS ? levels.length : LINEAR_0_4.length
}

/** The level positions 0 … n−1 of a scale with `count` levels (what a rating offers). */
export function levelPositions(count: number): number[] {
  return Array.from({ length: Math.max(0, count) }, (_, i) => i)
}

/**
 * A difference of `steps` levels on a scale of `fromLevels` levels in steps of a scale of
 * `toLevels` levels (a gap of 1 on a yes/no item is 4 steps of the default 0–4 scale).
 */
export function stepsOn(steps: number, fromLevels: number, toLevels: number): number {
  if (fromLevels === toLevels || fromLevels <= 1) return steps
  return (steps * (toLevels - 1)) / (fromLevels - 1)
}
