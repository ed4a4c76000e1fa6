/** The version of the analysis method and the warnings it reports; every analysis module shares both. */

import type { Catalog, ScoringModel } from '@/domain/model/types'

/** Version of the scoring, gap, prioritisation and roadmap method 1.0. Results carry it. */
export const SCORING_MODEL_VERSION = '1.0.0'
/** Version of method 2.0 (Fundament gate, reach, person-day effort, cost of delay, horizon). */
export const SCORING_MODEL_VERSION_2 = '2.0.0'

/** The method a catalogue is analysed with: the one it declares, else 1.0 (catalogue 1.0.0). */
export function methodOf(catalog: Pick<Catalog, 'scoringModel'>): ScoringModel {
  return catalog.scoringModel ?? '1.0'
}

/** The full version string of a method. */
export function modelVersionOf(method: ScoringModel): string {
  return method === '2.0' ? SCORING_MODEL_VERSION_2 : SCORING_MODEL_VERSION
}

/** A non-fatal finding of the analysis (bad catalogue reference, cycle, capacity …). */
export interface DomainWarning {
  code:
    | 'unknown_dependency'
    | 'dependency_cycle'
    | 'unknown_trigger_item'
    | 'capacity_exceeded'
    | 'beyond_horizon'
    | 'catalog_mismatch'
    | 'assessment_other_round'
    | 'assessment_unknown_department'
    | 'deadline_at_risk'
    | 'insufficient_coverage'
  /** English text for logs; screens translate by `code` and `ids`. */
  message: string
  /** The ids the warning is about (measure, item, assessment, department … ids). */
  ids: string[]
}
