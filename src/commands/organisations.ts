/** Commands on organisations, departments and rounds (set-up): stamp provenance, then write. */
import * as departments from '@/db/departments'
import * as organisations from '@/db/organisations'
import * as rounds from '@/db/rounds'
import type { Department, DepartmentInput, Organisation, OrganisationInput, Round, RoundInput } from '@/domain/model/types'
import { makeStamp } from './stamp'

export async function createOrganisation(input: OrganisationInput): Promise<Organisation> {
  return organisations.createOrganisation(input, await makeStamp())
}
export async function updateOrganisation(id: string, input: OrganisationInput): Promise<void> {
  await organisations.updateOrganisation(id, input, await makeStamp())
}
export async function removeOrganisation(id: string): Promise<void> {
  await organisations.removeOrganisation(id, await makeStamp())
}

export async function createDepartment(input: DepartmentInput): Promise<Department> {
  return departments.createDepartment(input, await makeStamp())
}
export async function updateDepartment(id: string, input: DepartmentInput): Promise<void> {
  await departments.updateDepartment(id, input, await makeStamp())
}
export async function removeDepartment(id: string): Promise<void> {
  await departments.removeDepartment(id, await makeStamp())
}

export async function createRound(input: RoundInput): Promise<Round> {
  return rounds.createRound(input, await makeStamp())
}
export async function updateRound(id: string, input: RoundInput): Promise<void> {
  await rounds.updateRound(id, input, await makeStamp())
}
export async function removeRound(id: string): Promise<void> {
  await rounds.removeRound(id, await makeStamp())
}

// Reads used by the set-up screen's confirmations (no writes).
export { describeOrganisationRemoval } from '@/db/organisations'
export { describeDepartmentRemoval } from '@/db/departments'
export { describeRoundRemoval, roundIdsInUse } from '@/db/rounds'
