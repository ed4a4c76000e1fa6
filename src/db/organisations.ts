/** Organisations (Kommunen). Deleting one removes its departments, rounds and assessments. */
import type { Organisation } from '@/domain/types'
import { db } from './database'
import { newId, nowIso } from './ids'
import { META_KEYS, touchChange } from './meta'

export type OrganisationInput = Omit<Organisation, 'id' | 'createdAt' | 'updatedAt'>

export function listOrganisations(): Promise<Organisation[]> {
  return db.organisations.orderBy('name').toArray()
}

export function getOrganisation(id: string): Promise<Organisation | undefined> {
  return db.organisations.get(id)
}

export async function createOrganisation(input: OrganisationInput): Promise<Organisation> {
  const at = nowIso()
  const org: Organisation = { ...input, id: newId(), createdAt: at, updatedAt: at }
  await db.transaction('rw', db.organisations, db.meta, async () => {
    await db.organisations.add(org)
    await touchChange(at)
  })
  return org
}

export async function updateOrganisation(id: string, input: OrganisationInput): Promise<void> {
  const at = nowIso()
  await db.transaction('rw', db.organisations, db.meta, async () => {
    await db.organisations.update(id, { ...input, updatedAt: at })
    await touchChange(at)
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

export async function removeOrganisation(id: string): Promise<void> {
  await db.transaction('rw', [db.organisations, db.departments, db.rounds, db.assessments, db.meta], async () => {
    await db.assessments.where('orgId').equals(id).delete()
    await db.rounds.where('orgId').equals(id).delete()
    await db.departments.where('orgId').equals(id).delete()
    await db.organisations.delete(id)
    const active = await db.meta.get(META_KEYS.activeOrgId)
    if (active?.value === id) await db.meta.delete(META_KEYS.activeOrgId)
    await touchChange(nowIso())
  })
}

export function countAnswers(assessments: { answers: Record<string, unknown> }[]): number {
  return assessments.reduce((n, a) => n + Object.keys(a.answers).length, 0)
}
