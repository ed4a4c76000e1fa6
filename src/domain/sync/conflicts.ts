/**
 * Answer conflicts found while merging replicated records. The merge takes the later change
 * provisionally (domain/exchange/merge.ts); the conflict is kept as a record of its own, replicated
 * like the data, so every device of the organisation shows it until someone decides. A conflict is
 * settled as soon as the answer has a version that has seen both sides and more (a decision, or any
 * later edit of that answer), on whichever device that happened.
 *
 * The stored form is the same on every device that finds the conflict (versions in a fixed order,
 * no time of finding), so two devices finding it at once write the same document.
 */
import { conflictKey, type AnswerConflict } from '@/domain/exchange/merge'
import { checkAnswer } from '@/domain/exchange/schema'
import { compareVectors, joinVectors } from '@/domain/model/provenance'
import { ANSWER_VALUE_KEYS, type Answer } from '@/domain/model/types'

export interface StoredSyncConflict {
  /** `conflictKey(assessmentId, itemId)`. */
  key: string
  orgId: string
  assessmentId: string
  itemId: string
  /** The two concurrent versions, ordered by device id, time and values. */
  versions: [Answer, Answer]
}

const order = (a: Answer, b: Answer): number => {
  if (a.deviceId !== b.deviceId) return a.deviceId < b.deviceId ? -1 : 1
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? -1 : 1
  const va = JSON.stringify(ANSWER_VALUE_KEYS.map((k) => a[k]))
  const vb = JSON.stringify(ANSWER_VALUE_KEYS.map((k) => b[k]))
  return va < vb ? -1 : va > vb ? 1 : 0
}

/** The stored form of a conflict the merge reported (independent of which side found it). */
export function syncConflictOf(c: AnswerConflict, orgId: string): StoredSyncConflict {
  const versions = [c.local, c.incoming].sort(order) as [Answer, Answer]
  return { key: conflictKey(c), orgId, assessmentId: c.assessmentId, itemId: c.itemId, versions }
}

/**
 * The answer a conflict is about, as this browser has it: `unknown` while its questionnaire has not
 * arrived here (nor was deleted here) — then nothing can settle the conflict yet.
 */
export type CurrentAnswer = Answer | undefined | 'unknown'

/**
 * Whether the answer as it is now settles the conflict: it is gone (questionnaire deleted here, or
 * the answer removed from it), or its version has seen both versions and at least one later change.
 */
export function isSettled(c: StoredSyncConflict, current: CurrentAnswer): boolean {
  if (current === 'unknown') return false
  if (!current) return true
  return compareVectors(current.vv, joinVectors(c.versions[0].vv, c.versions[1].vv)) === 'after'
}

const sameValues = (a: Answer, b: Answer): boolean => ANSWER_VALUE_KEYS.every((k) => a[k] === b[k])

/**
 * The conflict as this device shows it: "here" is the version made on this device if exactly one
 * was, else the one the merge took provisionally (equal to the current answer's values); `winner`
 * says which of the two the current answer holds.
 */
export function conflictFromHere(c: StoredSyncConflict, deviceId: string, known: CurrentAnswer): AnswerConflict {
  const current = known === 'unknown' ? undefined : known
  const [a, b] = c.versions
  const mine = a.deviceId === deviceId && b.deviceId !== deviceId ? 0 : b.deviceId === deviceId && a.deviceId !== deviceId ? 1 : current && sameValues(b, current) && !sameValues(a, current) ? 1 : 0
  const local = mine === 0 ? a : b
  const incoming = mine === 0 ? b : a
  const winner = current && sameValues(incoming, current) && !sameValues(local, current) ? 'incoming' : 'local'
  return { assessmentId: c.assessmentId, itemId: c.itemId, local, incoming, winner }
}

/** Problems of a conflict record from the server (codes; [] when it is valid). */
export function validateSyncConflict(raw: Record<string, unknown>): string[] {
  const problems: string[] = []
  for (const f of ['key', 'orgId', 'assessmentId', 'itemId'] as const) if (typeof raw[f] !== 'string' || raw[f] === '') problems.push(`${f}: invalid`)
  if (problems.length === 0 && raw.key !== conflictKey({ assessmentId: raw.assessmentId as string, itemId: raw.itemId as string })) problems.push('key: keyMismatch')
  const versions = raw.versions
  if (!Array.isArray(versions) || versions.length !== 2) return [...problems, 'versions: invalid']
  versions.forEach((v, i) => {
    const checked = checkAnswer(v)
    if (!checked.ok) problems.push(...checked.issues.map((x) => `versions.${i}${x.field ? `.${x.field}` : ''}: ${x.kind}`))
    else if (checked.answer.itemId !== raw.itemId) problems.push(`versions.${i}.itemId: keyMismatch`)
  })
  return problems
}
