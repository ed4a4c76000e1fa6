/** Decisions on answer conflicts found by replication (the same decisions as for imported files). */
import { applyStateDiff } from '@/db/backup'
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
  // Only conflicts still open: an answer changed since (here or elsewhere) is not overwritten.
  const stored = await openSyncConflicts(orgId, new Set(Object.keys(decisions)))
  if (stored.length === 0) return removeSettledConflicts(orgId)
  const before = { ...emptyData(), assessments: await readAssessments(stored.map((c) => c.assessmentId)) }
  const byId = new Map(before.assessments.map((a) => [a.id, a]))
  const { deviceId } = await deviceIdentity()
  const conflicts = stored.map((c) => conflictFromHere(c, deviceId, byId.get(c.assessmentId)?.answers[c.itemId]))
  // 'auto' keeps what the merge took, written again as a decision (else the conflict stays open).
  const chosen: Record<string, ConflictDecision> = {}
  stored.forEach((c, i) => {
    const d = decisions[c.key]!
    chosen[c.key] = d === 'auto' ? (conflicts[i]!.winner === 'local' ? 'mine' : 'theirs') : d
  })
  const after = applyDecisions(before, conflicts, chosen, await makeStamp(), newId)
  await applyStateDiff(diffStates(before, after))
  return removeSettledConflicts(orgId)
}
