/** Decisions on answer conflicts found by replication (the same decisions as for imported files). */
import { applyMergedDiff } from '@/db/backup'
import { newId } from '@/db/ids'
import { openSyncConflicts, readAssessments, removeSettledConflicts } from '@/db/sync'
import { applyDecisions, diffStates, type ConflictDecision } from '@/domain/exchange/merge'
import { conflictFromHere } from '@/domain/sync/conflicts'
import { emptyData } from '@/domain/sync/plan'
import { deviceIdentity, makeStamp } from './stamp'

/**
 * Writes the decided versions as new changes of this device, so they settle the conflict on every
 * device ('auto' writes again what the merge took). Returns how many conflicts were settled.
 */
export async function decideSyncConflicts(orgId: string, decisions: Readonly<Record<string, ConflictDecision>>): Promise<number> {
  const { deviceId } = await deviceIdentity()
  const stamp = await makeStamp()
  // Read, decided and written again if an answer was saved or merged in between (never overwritten).
  await applyMergedDiff(async () => {
    // Only conflicts still open: an answer changed since (here or elsewhere) is not overwritten.
    const stored = await openSyncConflicts(orgId, new Set(Object.keys(decisions)))
    const before = { ...emptyData(), assessments: stored.length === 0 ? [] : await readAssessments(stored.map((c) => c.assessmentId)) }
    const byId = new Map(before.assessments.map((a) => [a.id, a]))
    const conflicts = stored.map((c) => conflictFromHere(c, deviceId, byId.get(c.assessmentId)?.answers[c.itemId]))
    // 'auto' keeps what the merge took, written again as a decision (else the conflict stays open).
    const chosen: Record<string, ConflictDecision> = {}
    stored.forEach((c, i) => {
      const d = decisions[c.key]!
      chosen[c.key] = d === 'auto' ? (conflicts[i]!.winner === 'local' ? 'mine' : 'theirs') : d
    })
    return { base: before, diff: diffStates(before, applyDecisions(before, conflicts, chosen, stamp, newId)) }
  })
  return removeSettledConflicts(orgId)
}
