/**
 * Organisations (Kommunen). Deleting one removes its departments, rounds, assessments, agendas (with
 * their status history) and services and leaves a tombstone for each. Writers take a `Stamp` (made
 * by the command layer in src/commands).
 */
import { countAnswers } from '@/domain/model/answers'
import { nextProvenance } from '@/domain/model/provenance'
import type { Organisation, OrganisationInput, Stamp } from '@/domain/model/types'
import { db } from './database'
import { newId } from './ids'
import { META_KEYS, touchChange } from './meta'
import { readableAll, readableOne } from './quarantine'
import { buryAll } from './tombstones'

export function listOrganisations(): Promise<Organisation[]> {
  return readableAll('organisations', () => db.organisations.orderBy('name').toArray())
}

export async function getOrganisation(id: string): Promise<Organisation | undefined> {
  return readableOne('organisations', await db.organisations.get(id))
}

export async function createOrganisation(input: OrganisationInput, stamp: Stamp): Promise<Organisation> {
  const org: Organisation = { ...input, id: newId(), createdAt: stamp.at, ...nextProvenance(undefined, stamp) }
  await db.transaction('rw', db.organisations, db.meta, async () => {
    await db.organisations.add(org)
    await touchChange(stamp.at)
  })
  return org
}

export async function updateOrganisation(id: string, input: OrganisationInput, stamp: Stamp): Promise<void> {
  await db.transaction('rw', db.organisations, db.meta, async () => {
    const current = await db.organisations.get(id)
    if (!current) return
    await db.organisations.put({ ...current, ...input, ...nextProvenance(current, stamp) })
    await touchChange(stamp.at)
  })
}

export interface RemovalSummary {
  departments: number
  rounds: number
  assessments: number
  answers: number
}

/** What goes with an organisation when it is deleted (shown in the confirmation). */
export async function describeOrganisationRemoval(id: string): Promise<RemovalSummary> {
  const [departments, rounds, assessments] = await Promise.all([
    db.departments.where('orgId').equals(id).count(),
    db.rounds.where('orgId').equals(id).count(),
    db.assessments.where('orgId').equals(id).toArray(),
  ])
  return { departments, rounds, assessments: assessments.length, answers: countAnswers(assessments) }
}

export async function removeOrganisation(id: string, stamp: Stamp): Promise<void> {
  await db.transaction('rw', [db.organisations, db.departments, db.rounds, db.assessments, db.agendas, db.agendaEvents, db.services, db.meta, db.tombstones], async () => {
    const [assessments, rounds, departments, agendas, services] = await Promise.all([
      db.assessments.where('orgId').equals(id).toArray(),
      db.rounds.where('orgId').equals(id).toArray(),
      db.departments.where('orgId').equals(id).toArray(),
      db.agendas.where('orgId').equals(id).toArray(),
      db.services.where('orgId').equals(id).toArray(),
    ])
    await buryAll(assessments, 'assessment', stamp)
    await buryAll(rounds, 'round', stamp)
    await buryAll(departments, 'department', stamp)
    await buryAll(agendas, 'agenda', stamp)
    await buryAll(services, 'service', stamp)
    await buryAll([{ id, orgId: id }], 'organisation', stamp)
    if (agendas.length > 0) await db.agendaEvents.where('agendaId').anyOf(agendas.map((a) => a.id)).delete()
    await db.agendas.bulkDelete(agendas.map((a) => a.id))
    await db.services.bulkDelete(services.map((s) => s.id))
    await db.assessments.bulkDelete(assessments.map((a) => a.id))
    await db.rounds.bulkDelete(rounds.map((r) => r.id))
    await db.departments.bulkDelete(departments.map((d) => d.id))
    await db.organisations.delete(id)
    const active = await db.meta.get(META_KEYS.activeOrgId)
    if (active?.value === id) await db.meta.delete(META_KEYS.activeOrgId)
    await touchChange(stamp.at)
  })
}
