/**
 * A service's level on the maturity model by the minimum rule: every criterion is rated with the
 * highest level the service meets on it, and the service stands at the lowest of these. This is
 * the same as "the highest level all of whose requirements are met", since a criterion met up to
 * level k meets every requirement of levels ≤ k. The rule is generic over the model's criteria.
 */
import { MATURITY_LEVELS, type CriterionRating, type MaturityLevel, type ServiceRatings } from './types'
import type { MaturityModel } from './maturity-model'

/**
 * - `rated`: every criterion is rated (or 'na' where allowed) and at least one has a level.
 * - `incomplete`: some criteria rated, some not → level unknown.
 * - `unrated`: no criterion has a level yet (only gaps, or gaps and 'na').
 * - `not_applicable`: every criterion is 'na' → there is nothing to take a minimum of.
 * - `other_model`: the ratings were given on another model key and are not read.
 */
export const MATURITY_STATUSES = ['rated', 'incomplete', 'unrated', 'not_applicable', 'other_model'] as const
export type MaturityStatus = (typeof MATURITY_STATUSES)[number]

export interface ServiceMaturity {
  /** The service's level, or null when it is not known (never 0 for "not rated"). */
  level: MaturityLevel | null
  status: MaturityStatus
  /** Lowest level among the rated criteria: the level itself when complete, an upper bound otherwise. */
  atMost: MaturityLevel | null
  /** Criteria whose rating equals `atMost` (they hold the service down), in model order. */
  limiting: string[]
  /** Criteria without a usable rating (missing, invalid, or 'na' where 'na' is not allowed). */
  missing: string[]
  notApplicable: string[]
}

/** True for a rating value: an integer level 0–7 or 'na'. */
export function isCriterionRating(value: unknown): value is CriterionRating {
  return value === 'na' || (typeof value === 'number' && (MATURITY_LEVELS as readonly number[]).includes(value))
}

/**
 * The level of one service by the minimum rule over `model.criteria`.
 * Unrated criteria make the level unknown (null) — a gap in the rating is not a 0. Criteria rated
 * 'na' (only where the criterion allows it) are left out of the minimum. Ratings for ids the model
 * does not know are ignored. Ratings stamped with another model key are not read at all.
 */
export function serviceMaturity(maturity: ServiceRatings | undefined, model: MaturityModel): ServiceMaturity {
  const allIds = model.criteria.map((c) => c.id)
  if (maturity && maturity.model !== model.key) {
    return { level: null, status: 'other_model', atMost: null, limiting: [], missing: allIds, notApplicable: [] }
  }
  const ratings = maturity?.ratings ?? {}
  const rated: { id: string; level: MaturityLevel }[] = []
  const missing: string[] = []
  const notApplicable: string[] = []
  for (const criterion of model.criteria) {
    const r: unknown = Object.hasOwn(ratings, criterion.id) ? ratings[criterion.id] : undefined
    if (r === 'na' && criterion.mayBeNotApplicable) notApplicable.push(criterion.id)
    else if (typeof r === 'number' && isCriterionRating(r) && model.levels.includes(r)) rated.push({ id: criterion.id, level: r })
    else missing.push(criterion.id)
  }
  const atMost = rated.length > 0 ? rated.reduce<MaturityLevel>((m, r) => (r.level < m ? r.level : m), rated[0]!.level) : null
  const limiting = atMost === null ? [] : rated.filter((r) => r.level === atMost).map((r) => r.id)
  let status: MaturityStatus
  if (missing.length > 0) status = rated.length > 0 ? 'incomplete' : 'unrated'
  else status = rated.length > 0 ? 'rated' : 'not_applicable'
  return { level: status === 'rated' ? atMost : null, status, atMost, limiting, missing, notApplicable }
}

/**
 * The criteria that keep a service below `target`: rated lower than `target`, or not rated at all
 * (they might be). 'na' criteria never block. In model order; the input of "what to improve next".
 */
export function criteriaBelow(maturity: ServiceRatings | undefined, model: MaturityModel, target: MaturityLevel): { below: string[]; unrated: string[] } {
  const result = serviceMaturity(maturity, model)
  if (result.status === 'other_model') return { below: [], unrated: result.missing }
  const ratings = maturity?.ratings ?? {}
  const below = model.criteria
    .filter((c) => !result.missing.includes(c.id) && !result.notApplicable.includes(c.id))
    .filter((c) => (ratings[c.id] as MaturityLevel) < target)
    .map((c) => c.id)
  return { below, unrated: result.missing }
}
