/**
 * Commands on the Leistungsinventar: the one write path for services. Each command stamps the
 * change and calls the repository (src/db/services.ts), which refuses what `checkService` rejects
 * (`{ ok: false, issues }`, codes only; nothing is written).
 */
import * as repo from '@/db/services'
import { newId } from '@/db/ids'
import { serviceFromStarter, type StarterService } from '@/domain/services/starter-services'
import type { MunicipalService } from '@/domain/services/types'
import { makeStamp } from './stamp'

export type { ServiceInput, ServiceWriteResult } from '@/db/services'

/** One new service from the form. */
export async function createService(orgId: string, input: repo.ServiceInput) {
  return repo.addServices(orgId, [input], await makeStamp())
}

/**
 * Services from a spreadsheet import (`importServiceRows(...).services`, ids made by its `makeId`)
 * or any other list, added together in one transaction (all or none).
 */
export async function importServices(orgId: string, services: readonly MunicipalService[]) {
  return repo.addServices(orgId, services, await makeStamp())
}

/** Services from the starter list (names in `locale`, 'de' unless 'en'; unrated, no channels). */
export async function addStarterServices(orgId: string, entries: readonly StarterService[], locale = 'de') {
  return repo.addServices(orgId, entries.map((entry) => serviceFromStarter(entry, { id: newId(), locale })), await makeStamp())
}

/** Changes fields of a service (ratings: pass the whole `maturity`). Undefined if it does not exist. */
export async function updateService(id: string, patch: Partial<repo.ServiceInput>) {
  return repo.updateService(id, patch, await makeStamp())
}

/** Deletes a service (leaves a tombstone). */
export async function removeService(id: string): Promise<void> {
  await repo.removeService(id, await makeStamp())
}
