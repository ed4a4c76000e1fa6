/**
 * Reads of the Leistungsinventar, apart from the writers in services.ts (which pull in the
 * service checks): read-only screens and the query module stay small.
 */
import type { ServiceRecord } from '@/domain/services/types'
import { db } from './database'
import { readableAll, readableOne } from './quarantine'

/** Services of an organisation, by name (German collation), then id. */
export async function listServices(orgId: string): Promise<ServiceRecord[]> {
  const list = await readableAll<ServiceRecord>('services', () => db.services.where('orgId').equals(orgId).toArray())
  return list.sort((a, b) => a.name.localeCompare(b.name, 'de') || a.id.localeCompare(b.id))
}

export async function getService(id: string): Promise<ServiceRecord | undefined> {
  return readableOne('services', await db.services.get(id))
}
