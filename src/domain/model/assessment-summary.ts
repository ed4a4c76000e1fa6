/**
 * The small record the start screen reads instead of a whole assessment: its header and the ids of
 * its answered items. Derived from the assessment only (no catalogue), so it can be kept up to date
 * on every write; progress is then counted against a catalogue's applicable item ids.
 */
import { isAnswered, type Progress } from './answers'
import type { Assessment } from './types'

export interface AssessmentSummary extends Pick<Assessment, 'id' | 'orgId' | 'roundId' | 'departmentId' | 'role' | 'status' | 'respondent' | 'createdAt' | 'activityAt' | 'updatedAt'> {
  /** Ids of the items with an answer that counts as answered (`isAnswered`), in the assessment's key order. */
  answered: string[]
  /** 1 for a respondent's questionnaire not yet submitted ("weitermachen" candidates), else 0 (an index key: no booleans). */
  open: 0 | 1
}

/** The summary of one assessment; `answered` lists the keys of answers that count as answered. */
export function summarizeAssessment(a: Assessment): AssessmentSummary {
  const { id, orgId, roundId, departmentId, role, status, respondent, createdAt, activityAt, updatedAt } = a
  return {
    id,
    orgId,
    roundId,
    departmentId,
    role,
    status,
    respondent,
    createdAt,
    activityAt,
    updatedAt,
    answered: Object.keys(a.answers).filter((k) => isAnswered(a.answers[k])),
    open: role === 'respondent' && status !== 'submitted' ? 1 : 0,
  }
}

/**
 * Progress of a summary against the item ids a department is asked (`applicableItems`, duplicates
 * kept): the same figure as `assessmentProgress(items, assessment.answers)`.
 */
export function summaryProgress(applicable: readonly string[], summary: Pick<AssessmentSummary, 'answered'>): Progress {
  const done = new Set(summary.answered)
  let answered = 0
  for (const id of applicable) if (done.has(id)) answered++
  return { answered, total: applicable.length, ratio: applicable.length === 0 ? 0 : answered / applicable.length }
}
