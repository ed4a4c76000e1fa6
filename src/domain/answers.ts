/**
 * Pure rules for editing answers and measuring progress of one assessment.
 */
import { bumpVector } from './provenance'
import type { Answer, Applicability, Assessment, AssessmentStatus, Catalog, CatalogItem, DepartmentKind, Level, Stamp } from './types'

export type AnswerPatch = Partial<Pick<Answer, 'state' | 'ist' | 'bedarf' | 'potenzial' | 'target' | 'comment'>>

/** A blank answer for an item (callers set the state they need). */
export function emptyAnswer(itemId: string, now: string): Answer {
  return { itemId, state: 'unknown', ist: null, bedarf: null, potenzial: null, target: null, comment: '', updatedAt: now, updatedBy: '', deviceId: '', rev: 0, vv: {} }
}

/**
 * Applies a patch to an answer and stamps it (time, author, device, revision, version vector).
 * Choosing an Ist level sets state 'level'; choosing 'na' or 'unknown' clears the Ist level (they
 * are states of their own and never stored as 0). Bedarf, Potenzial, target and comment are kept
 * whatever the state. `stamp.by` is the author to record (see `answerAuthor`).
 */
export function applyAnswerPatch(existing: Answer | undefined, itemId: string, patch: AnswerPatch, stamp: Stamp): Answer {
  // Without an existing answer the Ist question starts open: state 'level' with ist null.
  const base = existing ?? { ...emptyAnswer(itemId, stamp.at), state: 'level' as const }
  const next: Answer = {
    ...base,
    ...patch,
    itemId,
    updatedAt: stamp.at,
    updatedBy: stamp.by,
    deviceId: stamp.deviceId,
    rev: base.rev + 1,
    vv: bumpVector(base.vv, stamp.deviceId),
  }
  if (patch.ist !== undefined && patch.ist !== null) next.state = 'level'
  if (next.state !== 'level') next.ist = null
  return next
}

/** True for a respondent's questionnaire; false for the workshop's consensus assessment. */
export function isRespondentAssessment(a: Pick<Assessment, 'role'>): boolean {
  return a.role !== 'consensus'
}

/** True when the Ist question of the answer has been dealt with: a level, or "nicht zutreffend". */
export function isAnswered(answer: Answer | undefined): boolean {
  if (!answer) return false
  return answer.state === 'na' || (answer.state === 'level' && answer.ist !== null)
}

export function appliesTo(applicability: Applicability, kind: DepartmentKind): boolean {
  return applicability === 'all' || kind === 'central'
}

/** The items of a catalogue asked of a department of the given kind, in catalogue order. */
export function applicableItems(catalog: Catalog, kind: DepartmentKind): CatalogItem[] {
  return catalog.items.filter((i) => appliesTo(i.appliesTo, kind))
}

export interface Progress {
  answered: number
  total: number
  /** 0–1; 0 when there is nothing to answer. */
  ratio: number
}

/**
 * Progress of one assessment: answered (a level or "nicht zutreffend") out of the items that apply.
 * "weiß nicht" is not answered. Answers to items outside the list are ignored.
 */
export function assessmentProgress(items: CatalogItem[], answers: Record<string, Answer>): Progress {
  let answered = 0
  for (const item of items) if (isAnswered(answers[item.id])) answered++
  return { answered, total: items.length, ratio: items.length === 0 ? 0 : answered / items.length }
}

/** The first item without an answer, in questionnaire order, or undefined when all are answered. */
export function firstUnanswered(items: CatalogItem[], answers: Record<string, Answer>): CatalogItem | undefined {
  return items.find((i) => !isAnswered(answers[i.id]))
}

/** Status after an edit: a not-started assessment becomes in progress; submitted stays submitted. */
export function statusAfterEdit(status: AssessmentStatus): AssessmentStatus {
  return status === 'not_started' ? 'in_progress' : status
}

/** Mean Ist level per dimension (levels only; n/a and unknown left out); null when none. */
export function meanIstByDimension(catalog: Catalog, items: CatalogItem[], assessments: Pick<Assessment, 'answers'>[]): Map<string, { mean: number | null; answered: number; total: number }> {
  const result = new Map<string, { sum: number; n: number; answered: number; total: number }>()
  for (const d of catalog.dimensions) result.set(d.id, { sum: 0, n: 0, answered: 0, total: 0 })
  for (const item of items) {
    const r = result.get(item.dimensionId)
    if (!r) continue
    for (const a of assessments) {
      r.total++
      const ans = a.answers[item.id]
      if (isAnswered(ans)) r.answered++
      if (ans?.state === 'level' && ans.ist !== null) {
        r.sum += ans.ist
        r.n++
      }
    }
  }
  return new Map([...result].map(([k, v]) => [k, { mean: v.n === 0 ? null : v.sum / v.n, answered: v.answered, total: v.total }]))
}

export function isLevel(x: unknown): x is Level {
  return x === 0 || x === 1 || x === 2 || x === 3 || x === 4
}
