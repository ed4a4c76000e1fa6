/** Tiny builders for the service-inventory tests (src/domain/services). Fixed ids, no clock. */
import type { MaturityModel } from '@/domain/services/maturity-model'
import type { CriterionRating, MaturityLevel, MunicipalService } from '@/domain/services/types'

/** A three-criterion model: `a` and `b` must be rated, `c` may be 'na'. */
export const TINY_MODEL: MaturityModel = {
  key: 'tiny/1',
  levels: [0, 1, 2, 3, 4, 5, 6, 7],
  phaseOf: { 0: 'frontend', 1: 'frontend', 2: 'frontend', 3: 'frontend', 4: 'process', 5: 'process', 6: 'process', 7: 'end_to_end' },
  officialCriteriaCount: 3,
  provisional: false,
  criteria: [
    { id: 'a', mayBeNotApplicable: false, verified: true, basis: 'test', sources: [] },
    { id: 'b', mayBeNotApplicable: false, verified: true, basis: 'test', sources: [] },
    { id: 'c', mayBeNotApplicable: true, verified: true, basis: 'test', sources: [] },
  ],
}

/** Ratings on TINY_MODEL for all three criteria at one level. */
export function allAt(level: MaturityLevel): Record<string, CriterionRating> {
  return { a: level, b: level, c: level }
}

export function makeService(overrides: Partial<MunicipalService> & { ratings?: Partial<Record<string, CriterionRating>> } = {}): MunicipalService {
  const { ratings, ...rest } = overrides
  return {
    id: 'svc-1',
    name: 'Leistung',
    channels: [],
    onlinePayment: false,
    formType: 'none',
    maturity: { model: TINY_MODEL.key, ratings: ratings ?? {} },
    ...rest,
  }
}
