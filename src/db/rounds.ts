/** Rounds (Erhebungsrunden). A round pins catalogue id and version, so old answers keep their meaning. */
import { countAnswers } from '@/domain/model/answers'
import { nextProvenance } from '@/domain/model/provenance'
import type { Assessment, Round, RoundInput, Stamp } from '@/domain/model/types'
import { db } from './database'
import { newId } from './ids'
import { touchChange } from './meta'

import { readableAll, readableOne } from './quarantine'
import { buryAll } from './tombstones'

/** Rounds of an organisation, newest start date first. */
export async function listRounds(orgId: string): Promise<Round[]> {
  const list = await readableAll<Round>('rounds', () => db.rounds.where('orgId').equals(orgId).toArray())
  return list.sort((a, b) => b.startDate.localeCompare(a.startDate) || b.createdAt.localeCompare(a.createdAt))
}

export async function getRound(id: string): Promise<Round | undefined> {
  return readableOne('rounds', await db.rounds.get(id))
}

export async function createRound(input: RoundInput, stamp: Stamp): Promise<Round> {
  const round: Round = { ...input, id: newId(), createdAt: stamp.at, ...nextProvenance(undefined, stamp) }
  await db.transaction('rw', db.rounds, db.meta, async () => {
    await db.rounds.add(round)
    await touchChange(stamp.at)
  })
  return round
}

/** Updates a round. The pinned catalogue can only change while the round has no assessments. */
export async function updateRound(id: string, input: RoundInput, stamp: Stamp): Promise<void> {
  await db.transaction('rw', db.rounds, db.assessments, db.meta, async () => {
    const current = await db.rounds.get(id)
    if (!current) return
    const used = (await db.assessments.where('roundId').equals(id).count()) > 0
    const pinned = used ? { catalogId: current.catalogId, catalogVersion: current.catalogVersion } : {}
    await db.rounds.put({ ...current, ...input, ...pinned, orgId: current.orgId, ...nextProvenance(current, stamp) })
    await touchChange(stamp.at)
  })
}

export async function describeRoundRemoval(id: string): Promise<{ assessments: number; answers: number }> {
  const assessments = await db.assessments.where('roundId').equals(id).toArray()
  return { assessments: assessments.length, answers: countAnswers(assessments) }
}

export async function removeRound(id: string, stamp: Stamp): Promise<void> {
  await db.transaction('rw', [db.rounds, db.assessments, db.meta, db.tombstones], async () => {
    const round = await db.rounds.get(id)
    if (!round) return
    const assessments = await db.assessments.where('roundId').equals(id).toArray()
    await buryAll(assessments, 'assessment', stamp)
    await buryAll([round], 'round', stamp)
    await db.assessments.bulkDelete(assessments.map((a) => a.id))
    await db.rounds.delete(id)
    await touchChange(stamp.at)
  })
}

/** Ids of the rounds of an organisation that already have assessments (their catalogue is pinned). */
export async function roundIdsInUse(orgId: string): Promise<Set<string>> {
  const ids = new Set<string>()
  await db.assessments.where('orgId').equals(orgId).each((a) => ids.add(a.roundId))
  return ids
}

/**
 * Moves a round and all its questionnaires to another catalogue version in one transaction:
 * `transform` (pure, see domain/catalog/migration.ts) gets the round and its questionnaires as
 * they are inside the transaction and returns the round's new targets and each questionnaire's
 * new answers, so no answer saved meanwhile is lost. False when the round does not exist.
 */
export async function migrateRoundRecords(
  id: string,
  to: { catalogId: string; catalogVersion: string },
  transform: (round: Round, assessments: Assessment[]) => { dimensionTargets: Round['dimensionTargets']; answers: Map<string, Assessment['answers']> },
  stamp: Stamp,
): Promise<boolean> {
  return db.transaction('rw', db.rounds, db.assessments, db.meta, async () => {
    const round = await db.rounds.get(id)
    if (!round) return false
    const assessments = await db.assessments.where('roundId').equals(id).toArray()
    const { dimensionTargets, answers } = transform(round, assessments)
    await db.rounds.put({ ...round, ...to, dimensionTargets, ...nextProvenance(round, stamp) })
    const changed = assessments.filter((a) => answers.has(a.id)).map((a) => ({ ...a, answers: answers.get(a.id)!, activityAt: stamp.at }))
    await db.assessments.bulkPut(changed)
    await touchChange(stamp.at)
    return true
  })
}
