/**
 * Leistungsinventar: the services of an organisation, one row each. A service carries the record
 * provenance of a department (the later change wins in a merge); deleting one leaves a tombstone of
 * kind 'service'. A write that `checkService` rejects is refused and nothing is written. Writers
 * take a `Stamp` from the command layer.
 */
import { nextProvenance } from '@/domain/model/provenance'
import type { Stamp } from '@/domain/model/types'
import type { MunicipalService, ServiceRecord } from '@/domain/services/types'
import { checkService, type ServiceIssue } from '@/domain/services/values'
import { db } from './database'
import { newId } from './ids'
import { touchChange } from './meta'
import { tombstone } from './tombstones'

import { getService } from './service-reads'

export { getService, listServices } from './service-reads'

/** What a user sets on a service; id, organisation, creation time and provenance are managed here. */
export type ServiceInput = Omit<MunicipalService, 'id'>

/** Optional fields set to undefined are dropped (IndexedDB would keep the key). */
function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T
}

export type ServiceWriteResult<T> = ({ ok: true } & T) | { ok: false; issues: { index: number; issues: ServiceIssue[] }[] }

/**
 * Adds services to the organisation's inventory in one transaction (one from the form, several from
 * the starter list or an import). An `id` given in the input is kept (the import makes ids); all
 * are refused together when one breaks `checkService`.
 */
export async function addServices(orgId: string, inputs: readonly (ServiceInput & { id?: string })[], stamp: Stamp): Promise<ServiceWriteResult<{ services: ServiceRecord[] }>> {
  const services = inputs.map((input): ServiceRecord => withoutUndefined({ ...input, id: input.id ?? newId(), orgId, createdAt: stamp.at, ...nextProvenance(undefined, stamp) }))
  const issues = services.map((s, index) => ({ index, issues: checkService(s) })).filter((x) => x.issues.length > 0)
  if (issues.length > 0) return { ok: false, issues }
  await db.transaction('rw', db.services, db.meta, async () => {
    await db.services.bulkAdd(services)
    await touchChange(stamp.at)
  })
  return { ok: true, services }
}

/** Optional fields of a service: undefined in a patch removes them. */
const OPTIONAL_FIELDS: ReadonlySet<string> = new Set(['leikaKey', 'departmentId', 'onlineSince', 'casesPerYear', 'note', 'starterId'] satisfies (keyof ServiceInput)[])

/**
 * Changes a service as one change of its record (an optional field set to undefined is removed; a
 * required one left undefined keeps its value). Undefined result when the service does not exist;
 * refused when the result breaks `checkService`.
 */
export async function updateService(id: string, patch: Partial<ServiceInput>, stamp: Stamp): Promise<ServiceWriteResult<{ service: ServiceRecord }> | undefined> {
  return db.transaction('rw', db.services, db.meta, async () => {
    const current = await getService(id)
    if (!current) return undefined
    const values: Record<string, unknown> = { ...current }
    for (const [k, v] of Object.entries(patch)) {
      if (v !== undefined) values[k] = v
      else if (OPTIONAL_FIELDS.has(k)) delete values[k]
    }
    const service = withoutUndefined({ ...(values as unknown as ServiceRecord), id, orgId: current.orgId, createdAt: current.createdAt, ...nextProvenance(current, stamp) })
    const issues = checkService(service)
    if (issues.length > 0) return { ok: false as const, issues: [{ index: 0, issues }] }
    await db.services.put(service)
    await touchChange(stamp.at)
    return { ok: true as const, service }
  })
}

/** Deletes a service and leaves a tombstone. */
export async function removeService(id: string, stamp: Stamp): Promise<void> {
  await db.transaction('rw', [db.services, db.tombstones, db.meta], async () => {
    const service = await db.services.get(id)
    if (!service) return
    await db.tombstones.put(tombstone(id, 'service', service.orgId, stamp))
    await db.services.delete(id)
    await touchChange(stamp.at)
  })
}
