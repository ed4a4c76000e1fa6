/**
 * Assessments (one round × one department × one respondent) and their answers.
 *
 * Every answer change is written at once, in its own transaction, as a read-modify-write of the
 * assessment document via `modify`, so two tabs editing different items never overwrite each other.
 */
import { applyAnswerPatch, statusAfterEdit, type AnswerPatch } from '@/domain/answers'
import type { Answer, Assessment, AssessmentStatus } from '@/domain/types'
import { db } from './database'
import { newId, nowIso } from './ids'
import { touchChange } from './meta'

export function getAssessment(id: string): Promise<Assessment | undefined> {
  return db.assessments.get(id)
}

export function listAssessmentsOfRound(roundId: string): Promise<Assessment[]> {
  return db.assessments.where('roundId').equals(roundId).toArray()
}

export function listAssessmentsOfOrg(orgId: string): Promise<Assessment[]> {
  return db.assessments.where('orgId').equals(orgId).toArray()
}

export function listAssessmentsOf(roundId: string, departmentId: string): Promise<Assessment[]> {
  return db.assessments.where('[roundId+departmentId]').equals([roundId, departmentId]).toArray()
}

export async function createAssessment(input: { orgId: string; roundId: string; departmentId: string; respondent: string }): Promise<Assessment> {
  const at = nowIso()
  const assessment: Assessment = {
    id: newId(),
    ...input,
    respondent: input.respondent.trim(),
    status: 'not_started',
    answers: {},
    createdAt: at,
    updatedAt: at,
    submittedAt: null,
  }
  await db.transaction('rw', db.assessments, db.meta, async () => {
    await db.assessments.add(assessment)
    await touchChange(at)
  })
  return assessment
}

/** Writes one answer change immediately and returns the stored answer. */
export async function saveAnswer(assessmentId: string, itemId: string, patch: AnswerPatch): Promise<Answer> {
  const at = nowIso()
  let saved: Answer | undefined
  await db.transaction('rw', db.assessments, db.meta, async () => {
    const count = await db.assessments
      .where('id')
      .equals(assessmentId)
      .modify((a) => {
        saved = applyAnswerPatch(a.answers[itemId], itemId, patch, at)
        a.answers[itemId] = saved
        a.status = statusAfterEdit(a.status)
        a.updatedAt = at
      })
    if (count === 0) throw new Error(`assessment ${assessmentId} not found`)
    await touchChange(at)
  })
  return saved!
}

export async function setAssessmentStatus(id: string, status: AssessmentStatus): Promise<void> {
  const at = nowIso()
  await db.transaction('rw', db.assessments, db.meta, async () => {
    await db.assessments.update(id, { status, updatedAt: at, submittedAt: status === 'submitted' ? at : null })
    await touchChange(at)
  })
}

export async function renameRespondent(id: string, respondent: string): Promise<void> {
  await db.assessments.update(id, { respondent: respondent.trim(), updatedAt: nowIso() })
}

export async function removeAssessment(id: string): Promise<void> {
  await db.transaction('rw', db.assessments, db.meta, async () => {
    await db.assessments.delete(id)
    await touchChange(nowIso())
  })
}

/** The most recently edited assessment of an organisation that is not yet submitted ("weitermachen"). */
export async function lastOpenAssessment(orgId: string): Promise<Assessment | undefined> {
  const list = await db.assessments.where('orgId').equals(orgId).toArray()
  return list.filter((a) => a.status !== 'submitted').sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0]
}
