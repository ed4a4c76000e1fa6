/**
 * Pure rules for editing answers and measuring progress of one assessment.
 */
import { deepEqualJson } from './equal'
import { bumpVector } from './provenance'
import { MAX_SCALE_LEVELS } from './scale'
import { ANSWER_KEYS, ANSWER_VALUE_KEYS, type Answer, type AnswerValueKey, type Assessment, type AssessmentStatus, type Catalog, type CatalogItem, type Level, type Stamp, type VersionVector } from './types'

/** What an edit may change: the statement fields (`ANSWER_VALUE_KEYS`); provenance is stamped. */
export type AnswerPatch = Partial<Pick<Answer, AnswerValueKey>>

/** False when the patch sets an Ist level or target the item's scale does not have (e.g. the digit key 5 on a yes/no item). */
export function patchFitsItem(patch: AnswerPatch, item: Pick<CatalogItem, 'levels'>): boolean {
  const fits = (x: number | null | undefined) => x === undefined || x === null || x < item.levels.length
  return fits(patch.ist) && fits(patch.target)
}

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

/** The respondents' assessments by department id, input order; workshop consensus assessments are left out. */
export function respondentsByDepartment<A extends Pick<Assessment, 'role' | 'departmentId'>>(assessments: readonly A[]): Map<string, A[]> {
  const out = new Map<string, A[]>()
  for (const a of assessments) {
    if (!isRespondentAssessment(a)) continue
    const list = out.get(a.departmentId)
    if (list) list.push(a)
    else out.set(a.departmentId, [a])
  }
  return out
}

/** True when the Ist question of the answer has been dealt with: a level, or "nicht zutreffend". */
export function isAnswered(answer: Answer | undefined): boolean {
  if (!answer) return false
  return answer.state === 'na' || (answer.state === 'level' && answer.ist !== null)
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

/**
 * True for a level position on an answer scale: a whole number 0–7 (scales have 2–8 levels; what
 * files and forms are checked against — which levels an item's own scale has is the catalogue's
 * business, and the analysis clamps to it).
 */
export function isLevel(x: unknown): x is Level {
  return Number.isInteger(x) && (x as number) >= 0 && (x as number) < MAX_SCALE_LEVELS
}

/** True for a level of the five-step Bedarf and Potenzial scales: a whole number 0–4. */
export function isFiveStepLevel(x: unknown): x is Level {
  return x === 0 || x === 1 || x === 2 || x === 3 || x === 4
}

/**
 * How many answers the assessments hold (any state, open ones included): what goes with them when
 * they are deleted. Not a progress figure — see `assessmentProgress` for answered items.
 */
export function countAnswers(assessments: readonly { answers: Readonly<Record<string, unknown>> }[]): number {
  let n = 0
  for (const a of assessments) n += Object.keys(a.answers).length
  return n
}

/** The statement fields of an answer (`ANSWER_VALUE_KEYS`), without provenance. */
export function answerValues(a: Answer): Pick<Answer, AnswerValueKey> {
  const out = {} as Record<AnswerValueKey, unknown>
  for (const k of ANSWER_VALUE_KEYS) out[k] = a[k]
  return out as Pick<Answer, AnswerValueKey>
}

/**
 * A copy of an answer with exactly the fields of `ANSWER_KEYS`, in that order (unknown properties
 * are dropped) and the version vector's device ids sorted, so two copies of equal answers print
 * identically. Used for files and for answers that passed the file checker.
 */
export function copyAnswer(a: Answer): Answer {
  const out = {} as Record<(typeof ANSWER_KEYS)[number], unknown>
  for (const k of ANSWER_KEYS) out[k] = k === 'vv' ? sortedVector(a.vv) : a[k]
  return out as Answer
}

/**
 * True when `a` already is what `copyAnswer(a)` would make of it: exactly the fields of
 * `ANSWER_KEYS`, in that order, and a version vector with sorted device ids. Every answer the app
 * writes has this shape, so a file's parsed answers can be kept instead of copied.
 */
export function isCanonicalAnswer(a: Answer): boolean {
  let i = 0
  for (const k in a) {
    if (k !== ANSWER_KEYS[i++]) return false
  }
  if (i !== ANSWER_KEYS.length) return false
  let previous: string | null = null
  for (const device in a.vv) {
    if (previous !== null && !(previous < device)) return false
    previous = device
  }
  return true
}

function sortedVector(vv: VersionVector): VersionVector {
  const out: VersionVector = {}
  for (const device of Object.keys(vv).sort()) out[device] = vv[device] as number
  return out
}

/**
 * `deepEqualJson` for two answers, with a fast path for the usual case: both carry exactly the
 * declared fields (as every validated or stored answer does) with equal values and equal version
 * vectors. Anything else (a missing or extra field) is left to `deepEqualJson`, so the result is
 * always the same as `deepEqualJson(a, b)`.
 */
export function sameAnswer(a: Answer, b: Answer): boolean {
  if (a === b) return true
  const ra = a as unknown as Record<string, unknown>
  const rb = b as unknown as Record<string, unknown>
  for (const k of ANSWER_KEYS) {
    if (k === 'vv') continue
    const x = ra[k]
    // Only scalars on the fast path; objects, NaN or a missing field go the general way.
    if (x !== rb[k] || x === undefined || (typeof x === 'object' && x !== null)) return x === undefined || typeof x === 'object' || Number.isNaN(x) ? deepEqualJson(a, b) : false
  }
  const va = ra.vv
  const vb = rb.vv
  if (typeof va !== 'object' || va === null || typeof vb !== 'object' || vb === null || Object.keys(ra).length !== ANSWER_KEYS.length || Object.keys(rb).length !== ANSWER_KEYS.length) return deepEqualJson(a, b)
  const ka = Object.keys(va)
  if (ka.length !== Object.keys(vb).length) return deepEqualJson(a, b)
  for (const k of ka) {
    const x = (va as Record<string, unknown>)[k]
    if (x !== (vb as Record<string, unknown>)[k] || typeof x !== 'number') return deepEqualJson(a, b)
  }
  return true
}

/**
 * `next` with every answer that equals the one in `previous` (`sameAnswer`) replaced by the previous
 * object; the previous record itself when nothing changed. A screen that re-reads a questionnaire
 * keeps the identity of unchanged answers, so only what changed renders again.
 */
export function shareUnchangedAnswers(previous: Readonly<Record<string, Answer>> | undefined, next: Readonly<Record<string, Answer>>): Readonly<Record<string, Answer>> {
  if (!previous) return next
  let changed = Object.keys(previous).length !== Object.keys(next).length
  const out: Record<string, Answer> = {}
  for (const [itemId, answer] of Object.entries(next)) {
    const before = previous[itemId]
    if (before !== undefined && sameAnswer(before, answer)) out[itemId] = before
    else {
      out[itemId] = answer
      changed = true
    }
  }
  return changed ? out : previous
}
