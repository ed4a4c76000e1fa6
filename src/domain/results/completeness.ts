/** Completeness of one round's questionnaires per department (steering-group dashboard). */
import { assessmentProgress, respondentsByDepartment } from '@/domain/model/answers'
import { applicableItems } from '@/domain/model/catalog-index'
import type { Assessment, AssessmentStatus, Catalog, CatalogItem, Department } from '@/domain/model/types'

export interface RespondentCompleteness {
  assessmentId: string
  /** Name or role; '' = anonymous. */
  respondent: string
  status: AssessmentStatus
  /** Items with a level or "nicht zutreffend" ('weiß nicht' is not answered). */
  answered: number
  /** Items that apply to the department. */
  applicable: number
  /** answered / applicable; 0 when nothing applies. */
  ratio: number
}

/** 'none' = no assessment, 'open' = at least one not submitted, 'submitted' = all submitted. */
export type CompletenessStatus = 'none' | 'open' | 'submitted'

export interface DepartmentCompleteness {
  departmentId: string
  name: string
  code: string
  /** Number of assessments (respondents). */
  respondents: number
  submitted: number
  inProgress: number
  notStarted: number
  /** Σ answered and Σ applicable over the respondents. */
  answered: number
  applicable: number
  /** answered / applicable; null without respondents, 0 when nothing applies. */
  ratio: number | null
  status: CompletenessStatus
  perRespondent: RespondentCompleteness[]
}

/**
 * Completeness of one round's questionnaires per department (departments order): respondent
 * counts by status and answered / applicable items per respondent and overall, using
 * model (applicableItems, assessmentProgress): a level or N/A counts as answered, 'weiß
 * nicht' and missing answers do not. Pass the assessments of one round; assessments of unknown
 * departments and the workshops' consensus assessments (no respondents) are ignored.
 */
export function completeness(
  departments: readonly Department[],
  assessments: readonly Assessment[],
  catalog: Catalog,
): DepartmentCompleteness[] {
  const byDepartment = respondentsByDepartment(assessments)
  const itemsByKind = new Map<Department['kind'], CatalogItem[]>()
  return departments.map((department) => {
    let items = itemsByKind.get(department.kind)
    if (!items) {
      items = applicableItems(catalog, department.kind)
      itemsByKind.set(department.kind, items)
    }
    const own = byDepartment.get(department.id) ?? []
    const perRespondent = own.map((a): RespondentCompleteness => {
      const p = assessmentProgress(items, a.answers)
      return {
        assessmentId: a.id,
        respondent: a.respondent,
        status: a.status,
        answered: p.answered,
        applicable: p.total,
        ratio: p.ratio,
      }
    })
    let answered = 0
    let applicable = 0
    for (const r of perRespondent) {
      answered += r.answered
      applicable += r.applicable
    }
    const submitted = own.filter((a) => a.status === 'submitted').length
    const inProgress = own.filter((a) => a.status === 'in_progress').length
    const notStarted = own.filter((a) => a.status === 'not_started').length
    return {
      departmentId: department.id,
      name: department.name,
      code: department.code,
      respondents: own.length,
      submitted,
      inProgress,
      notStarted,
      answered,
      applicable,
      ratio: own.length === 0 ? null : applicable === 0 ? 0 : answered / applicable,
      status: own.length === 0 ? 'none' : submitted === own.length ? 'submitted' : 'open',
      perRespondent,
    }
  })
}
