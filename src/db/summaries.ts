/**
 * Reads of the assessment summaries (see summary-middleware.ts, which keeps them up to date). Like
 * every read, they leave out quarantined assessments.
 */
import Dexie from 'dexie'
import type { AssessmentSummary } from '@/domain/model/assessment-summary'
import { db } from './database'
import { quarantinedKeys } from './quarantine'

// The quarantine list marks records as "table\0key" (quarantine.ts).
const shown = (q: ReadonlySet<string>) => (s: AssessmentSummary) => q.size === 0 || !q.has(`assessments\u0000${s.id}`)

/** The summaries of a round's assessments (respondents and consensus). */
export async function listSummariesOfRound(roundId: string): Promise<AssessmentSummary[]> {
  const [rows, q] = await Promise.all([db.assessmentSummaries.where('roundId').equals(roundId).toArray(), quarantinedKeys()])
  return rows.filter(shown(q))
}

/** The most recently edited respondent assessment of an organisation that is not yet submitted ("weitermachen"). */
export async function lastOpenAssessment(orgId: string): Promise<AssessmentSummary | undefined> {
  const q = await quarantinedKeys()
  const open = shown(q)
  // Only the open questionnaires' index entries are walked, newest activity first.
  return db.assessmentSummaries
    .where('[orgId+open+activityAt]')
    .between([orgId, 1, Dexie.minKey], [orgId, 1, Dexie.maxKey])
    .reverse()
    .filter(open)
    .first()
}
