/**
 * Assessments (one round × one department × one respondent, or the department's workshop consensus)
 * and their answers.
 *
 * Every answer change is written at once, in its own transaction, as a read-modify-write of the
 * assessment document via `modify`, so two tabs editing different items never overwrite each other.
 * Writers take a `Stamp` from the command layer (src/commands) and record provenance.
 */
import { applyAnswerPatch, statusAfterEdit, type AnswerPatch } from '@/domain/model/answers'
import { answerAuthor, nextProvenance } from '@/domain/model/provenance'
import type { Answer, Assessment, AssessmentRole, AssessmentStatus, Stamp } from '@/domain/model/types'
import { db } from './database'
import { newId } from './ids'
import { touchChange } from './meta'
import { readableAll, readableOne } from './quarantine'
import { buryAll } from './tombstones'

export async function getAssessment(id: string): Promise<Assessment | undefined> {
  return readableOne('assessments', await db.assessments.get(id))
}

export function listAssessmentsOfRound(roundId: string): Promise<Assessment[]> {
  return readableAll('assessments', () => db.assessments.where('roundId').equals(roundId).toArray())
}

export function listAssessmentsOfOrg(orgId: string): Promise<Assessment[]> {
  return readableAll('assessments', () => db.assessments.where('orgId').equals(orgId).toArray())
}

export function listAssessmentsOf(roundId: string, departmentId: string): Promise<Assessment[]> {
  return readableAll('assessments', () => db.assessments.where('[roundId+departmentId]').equals([roundId, departmentId]).toArray())
}

export interface NewAssessment {
  orgId: string
  roundId: string
  departmentId: string
  respondent: string
  role?: AssessmentRole
}

export function newAssessment(input: NewAssessment, stamp: Stamp): Assessment {
  return {
    id: newId(),
    orgId: input.orgId,
    roundId: input.roundId,
    departmentId: input.departmentId,
    respondent: input.respondent.trim(),
    role: input.role ?? 'respondent',
    status: 'not_started',
    answers: {},
    createdAt: stamp.at,
    ...nextProvenance(undefined, stamp),
    activityAt: stamp.at,
    submittedAt: null,
  }
}

export async function createAssessment(input: NewAssessment, stamp: Stamp): Promise<Assessment> {
  const assessment = newAssessment(input, stamp)
  await db.transaction('rw', db.assessments, db.meta, async () => {
    await db.assessments.add(assessment)
    await touchChange(stamp.at)
  })
  return assessment
}

/**
 * The department's consensus assessment of a round (workshop), created on first use. At most one
 * exists per round and department; the lookup and the creation share one transaction.
 */
export async function ensureConsensusAssessment(input: Omit<NewAssessment, 'role' | 'respondent'>, stamp: Stamp): Promise<Assessment> {
  return db.transaction('rw', db.assessments, db.meta, async () => {
    const existing = (await listAssessmentsOf(input.roundId, input.departmentId)).find((a) => a.role === 'consensus')
    if (existing) return existing
    const assessment = newAssessment({ ...input, respondent: '', role: 'consensus' }, stamp)
    await db.assessments.add(assessment)
    await touchChange(stamp.at)
    return assessment
  })
}

/**
 * Writes one answer change immediately and returns the stored answer. The read-modify-write of the
 * assessment and the meta bookkeeping are issued together in one transaction (no wait between them);
 * a missing assessment aborts the transaction, so the meta write is rolled back with it.
 */
export async function saveAnswer(assessmentId: string, itemId: string, patch: AnswerPatch, stamp: Stamp): Promise<Answer> {
  let saved: Answer | undefined
  await db.transaction('rw', db.assessments, db.meta, async () => {
    const [count] = await Promise.all([
      db.assessments
        .where('id')
        .equals(assessmentId)
        .modify((a) => {
          saved = applyAnswerPatch(a.answers[itemId], itemId, patch, { ...stamp, by: answerAuthor(a, stamp) })
          a.answers[itemId] = saved
          const status = statusAfterEdit(a.status)
          if (status !== a.status) Object.assign(a, { status }, nextProvenance(a, stamp))
          a.activityAt = stamp.at
        }),
      touchChange(stamp.at),
    ])
    if (count === 0) throw new Error(`assessment ${assessmentId} not found`)
  })
  return saved!
}

export async function setAssessmentStatus(id: string, status: AssessmentStatus, stamp: Stamp): Promise<void> {
  await db.transaction('rw', db.assessments, db.meta, async () => {
    const current = await db.assessments.get(id)
    if (!current) return
    await db.assessments.put({ ...current, status, submittedAt: status === 'submitted' ? stamp.at : null, ...nextProvenance(current, stamp), activityAt: stamp.at })
    await touchChange(stamp.at)
  })
}

export async function renameRespondent(id: string, respondent: string, stamp: Stamp): Promise<void> {
  await db.transaction('rw', db.assessments, db.meta, async () => {
    const current = await db.assessments.get(id)
    if (!current) return
    await db.assessments.put({ ...current, respondent: respondent.trim(), ...nextProvenance(current, stamp), activityAt: stamp.at })
    await touchChange(stamp.at)
  })
}

export async function removeAssessment(id: string, stamp: Stamp): Promise<void> {
  await db.transaction('rw', [db.assessments, db.meta, db.tombstones], async () => {
    const current = await db.assessments.get(id)
    if (!current) return
    await buryAll([current], 'assessment', stamp)
    await db.assessments.delete(id)
    await touchChange(stamp.at)
  })
}

// "Weitermachen" reads the summaries, not the documents (src/db/summaries.ts).
export { lastOpenAssessment } from './summaries'
