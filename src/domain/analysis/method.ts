/** The version of the analysis method and the warnings it reports; every analysis module shares both. */

/** Version of the scoring, gap, prioritisation and roadmap method. Results carry it. */
export const SCORING_MODEL_VERSION = '1.0.0'

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
  /** English text for logs; screens translate by `code` and `ids`. */
  message: string
  /** The ids the warning is about (measure, item, assessment, department … ids). */
  ids: string[]
}
