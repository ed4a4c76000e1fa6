/** Tombstones: what was deleted, when and by whom (so a merge of an older file cannot revive it). */
import type { RecordKind, Stamp, Tombstone } from '@/domain/model/types'
import { db } from './database'

export function tombstone(id: string, kind: RecordKind, orgId: string, stamp: Stamp): Tombstone {
  return { id, kind, orgId, deletedAt: stamp.at, deletedBy: stamp.by, deviceId: stamp.deviceId }
}

/** Call inside a write transaction that includes `db.tombstones`. */
export async function buryAll(records: { id: string; orgId: string }[], kind: RecordKind, stamp: Stamp): Promise<void> {
  await db.tombstones.bulkPut(records.map((r) => tombstone(r.id, kind, r.orgId, stamp)))
}

export function listTombstones(): Promise<Tombstone[]> {
  return db.tombstones.toArray()
}
