/**
 * Provenance rules shared by the command layer and the merge: stamping a change, comparing version
 * vectors and ordering two versions of the same record deterministically.
 */
import type { Answer, Assessment, Provenance, Stamp, VersionVector } from './types'

/** Provenance of a new change on top of a record that had `previous` (undefined = new record). */
export function nextProvenance(previous: Pick<Provenance, 'rev'> | undefined, stamp: Stamp): Provenance {
  return { updatedAt: stamp.at, updatedBy: stamp.by, deviceId: stamp.deviceId, rev: (previous?.rev ?? 0) + 1 }
}

/** The vector after one more change by `deviceId`. */
export function bumpVector(vv: VersionVector, deviceId: string): VersionVector {
  return { ...vv, [deviceId]: (vv[deviceId] ?? 0) + 1 }
}

/** Pointwise maximum: the history of both. */
export function joinVectors(a: VersionVector, b: VersionVector): VersionVector {
  const out: VersionVector = { ...a }
  for (const [k, n] of Object.entries(b)) if ((out[k] ?? 0) < n) out[k] = n
  return out
}

export type VectorOrder = 'equal' | 'before' | 'after' | 'concurrent'

/**
 * How `a` relates to `b`: 'after' = a has seen everything b has and more (a descends from b),
 * 'before' = the reverse, 'concurrent' = each has changes the other has not seen.
 */
export function compareVectors(a: VersionVector, b: VersionVector): VectorOrder {
  let aMore = false
  let bMore = false
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[k] ?? 0
    const y = b[k] ?? 0
    if (x > y) aMore = true
    else if (y > x) bMore = true
  }
  if (aMore && bMore) return 'concurrent'
  if (aMore) return 'after'
  if (bMore) return 'before'
  return 'equal'
}

export function isEmptyVector(vv: VersionVector): boolean {
  return Object.keys(vv).length === 0
}

/**
 * Total order of two versions by "later change wins": time first, then device id, then revision.
 * Positive when `a` wins. Every device that sees the same two versions picks the same winner.
 */
export function compareByTime(a: Pick<Provenance, 'updatedAt' | 'deviceId' | 'rev'>, b: Pick<Provenance, 'updatedAt' | 'deviceId' | 'rev'>): number {
  const ta = Date.parse(a.updatedAt)
  const tb = Date.parse(b.updatedAt)
  if (ta !== tb) return ta > tb ? 1 : -1
  if (a.deviceId !== b.deviceId) return a.deviceId > b.deviceId ? 1 : -1
  return a.rev - b.rev
}

/** Who is named as the author of an answer change: the respondent of a questionnaire, else the user. */
export function answerAuthor(assessment: Pick<Assessment, 'role' | 'respondent'>, stamp: Stamp): string {
  return assessment.role === 'respondent' && assessment.respondent !== '' ? assessment.respondent : stamp.by
}

/** Latest change anywhere in an assessment (header, answers): decides against a tombstone. */
export function lastChangeOfAssessment(a: Pick<Assessment, 'updatedAt' | 'activityAt' | 'answers'>): string {
  let latest = a.updatedAt
  let t = Date.parse(latest)
  const consider = (iso: string) => {
    const x = Date.parse(iso)
    if (x > t) {
      t = x
      latest = iso
    }
  }
  consider(a.activityAt)
  for (const ans of Object.values(a.answers) as Answer[]) consider(ans.updatedAt)
  return latest
}
