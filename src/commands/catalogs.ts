/**
 * Commands on catalogues: delete an unused imported version, and move an answered round to another
 * catalogue version through an item mapping (domain/catalog/migration.ts), written in one
 * transaction with this device's stamp.
 */
import { deleteStoredCatalog } from '@/db/catalogs'
import { migrateRoundRecords } from '@/db/rounds'
import { migrateAnswers, migrateTargets, type ItemMapping } from '@/domain/catalog/migration'
import type { Assessment, Catalog } from '@/domain/model/types'
import { makeStamp } from './stamp'

export function deleteCatalog(id: string, version: string): Promise<'deleted' | 'inUse' | 'missing'> {
  return deleteStoredCatalog(id, version)
}

/** Moves the round `roundId` (pinned to `from`) and its questionnaires to `to`. False if the round is gone. */
export async function migrateRound(roundId: string, from: Catalog, to: Catalog, mapping: ItemMapping): Promise<boolean> {
  const stamp = await makeStamp()
  return migrateRoundRecords(
    roundId,
    { catalogId: to.id, catalogVersion: to.version },
    (round, assessments) => {
      if (round.catalogId !== from.id || round.catalogVersion !== from.version) throw new Error(`round ${roundId} is not on ${from.id} ${from.version}`)
      const answers = new Map<string, Assessment['answers']>()
      for (const a of assessments) answers.set(a.id, migrateAnswers(a.answers, from, to, mapping, { at: stamp.at, by: stamp.by, deviceId: stamp.deviceId }))
      return { dimensionTargets: migrateTargets(round.dimensionTargets, from, to), answers }
    },
    stamp,
  )
}
