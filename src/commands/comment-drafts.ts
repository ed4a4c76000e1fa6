/**
 * Writes the comment drafts a closed browser left behind (see src/platform/comment-drafts.ts). A draft
 * is written when the stored answer's comment differs and the answer did not change after the draft
 * was typed (a later change, e.g. merged from another device, wins). Runs once on start.
 */
import { getAssessment } from '@/db/assessments'
import { commentDrafts, dropCommentDraft } from '@/platform/comment-drafts'
import { saveAnswer } from './assessments'

/** Returns how many drafts were written to the database. */
export async function reconcileCommentDrafts(): Promise<number> {
  let written = 0
  for (const draft of commentDrafts()) {
    const assessment = await getAssessment(draft.assessmentId)
    const answer = assessment && Object.prototype.hasOwnProperty.call(assessment.answers, draft.itemId) ? assessment.answers[draft.itemId] : undefined
    if (assessment && answer?.comment !== draft.text && (!answer || answer.updatedAt <= draft.at)) {
      await saveAnswer(draft.assessmentId, draft.itemId, { comment: draft.text })
      written++
    }
    dropCommentDraft(draft.assessmentId, draft.itemId, draft.text)
  }
  return written
}
