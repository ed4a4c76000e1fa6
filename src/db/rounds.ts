/** Rounds (Erhebungsrunden). A round pins catalogue id and version, so old answers keep their meaning. */
import type { Round } from '@/domain/types'
import { db } from './database'
import { newId, nowIso } from './ids'
import { touchChange } from './meta'
import { countAnswers } from './organisations'

export type RoundInput = Omit<Round, 'id' | 'createdAt' | 'updatedAt'>

/** Rounds of an organisation, newest start date first. */
export async function listRounds(orgId: string): Promise<Round[]> {
  const list = await db.rounds.where('orgId').equals(orgId).toArray()
  return list.sort((a, b) => b.startDate.localeCompare(a.startDate) || b.createdAt.localeCompare(a.createdAt))
}

export function getRound(id: string): Promise<Round | undefined> {
  return db.rounds.get(id)
}

export async function createRound(input: RoundInput): Promise<Round> {
  const at = nowIso()
  const round: Round = { ...input, id: newId(), createdAt: at, updatedAt: at }
  await db.transaction('rw', db.rounds, db.meta, async () => {
    await db.rounds.add(round)
    await touchChange(at)
  })
  return round
}

/** Updates a round. The pinned catalogue can only change while the round has no assessments. */
export async function updateRound(id: string, input: RoundInput): Promise<void> {
  const at = nowIso()
  await db.transaction('rw', db.rounds, db.assessments, db.meta, async () => {
    const current = await db.rounds.get(id)
    if (!current) return
    const used = (await db.assessments.where('roundId').equals(id).count()) > 0
    const pinned = used ? { catalogId: current.catalogId, catalogVersion: current.catalogVersion } : {}
    await db.rounds.update(id, { ...input, ...pinned, updatedAt: at })
    await touchChange(at)
  })
}

export async function describeRoundRemoval(id: string): Promise<{ assessments: number; answers: number }> {
  const assessments = await db.assessments.where('roundId').equals(id).toArray()
  return { assessments: assessments.length, answers: countAnswers(assessments) }
}

export async function removeRound(id: string): Promise<void> {
  await db.transaction('rw', db.rounds, db.assessments, db.meta, async () => {
    await db.assessments.where('roundId').equals(id).delete()
    await db.rounds.delete(id)
    await touchChange(nowIso())
  })
}

/** Ids of the rounds of an organisation that already have assessments (their catalogue is pinned). */
export async function roundIdsInUse(orgId: string): Promise<Set<string>> {
  const ids = new Set<string>()
  await db.assessments.where('orgId').equals(orgId).each((a) => ids.add(a.roundId))
  return ids
}
