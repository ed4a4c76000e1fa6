/**
 * Commands on assessments (questionnaires) and their answers: the one write path for this aggregate.
 * Views and components call these; only this layer calls `src/db` for writes, and it stamps every
 * change with its provenance.
 */
import * as repo from '@/db/assessments'
import type { AnswerPatch } from '@/domain/model/answers'
import type { Answer, Assessment, AssessmentStatus } from '@/domain/model/types'
import { cachedStamp, makeStamp } from './stamp'

/** The hot path of the questionnaire: with the identity cached, the write starts without waiting. */
export async function saveAnswer(assessmentId: string, itemId: string, patch: AnswerPatch): Promise<Answer> {
  return repo.saveAnswer(assessmentId, itemId, patch, cachedStamp() ?? (await makeStamp()))
}

export async function createAssessment(input: repo.NewAssessment): Promise<Assessment> {
  return repo.createAssessment(input, await makeStamp())
}

export async function ensureConsensusAssessment(input: { orgId: string; roundId: string; departmentId: string }): Promise<Assessment> {
  return repo.ensureConsensusAssessment(input, await makeStamp())
}

export async function setAssessmentStatus(id: string, status: AssessmentStatus): Promise<void> {
  await repo.setAssessmentStatus(id, status, await makeStamp())
}

export async function renameRespondent(id: string, respondent: string): Promise<void> {
  await repo.renameRespondent(id, respondent, await makeStamp())
}

export async function removeAssessment(id: string): Promise<void> {
  await repo.removeAssessment(id, await makeStamp())
}
