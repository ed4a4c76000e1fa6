/** Departments (Fachbereiche / Ämter / Stabsstellen) of one organisation. */
import { countAnswers } from '@/domain/model/answers'
import { nextProvenance } from '@/domain/model/provenance'
import type { Department, DepartmentInput, Stamp } from '@/domain/model/types'
import { db } from './database'
import { newId } from './ids'
import { touchChange } from './meta'

import { readableAll, readableOne } from './quarantine'
import { buryAll } from './tombstones'

export async function listDepartments(orgId: string): Promise<Department[]> {
  const list = await readableAll<Department>('departments', () => db.departments.where('orgId').equals(orgId).toArray())
  return list.sort((a, b) => a.code.localeCompare(b.code, 'de', { numeric: true }) || a.name.localeCompare(b.name, 'de'))
}

export async function getDepartment(id: string): Promise<Department | undefined> {
  return readableOne('departments', await db.departments.get(id))
}

export async function createDepartment(input: DepartmentInput, stamp: Stamp): Promise<Department> {
  const dep: Department = { ...input, id: newId(), createdAt: stamp.at, ...nextProvenance(undefined, stamp) }
  await db.transaction('rw', db.departments, db.meta, async () => {
    await db.departments.add(dep)
    await touchChange(stamp.at)
  })
  return dep
}

export async function updateDepartment(id: string, input: DepartmentInput, stamp: Stamp): Promise<void> {
  await db.transaction('rw', db.departments, db.meta, async () => {
    const current = await db.departments.get(id)
    if (!current) return
    await db.departments.put({ ...current, ...input, orgId: current.orgId, ...nextProvenance(current, stamp) })
    await touchChange(stamp.at)
  })
}

export async function describeDepartmentRemoval(id: string): Promise<{ assessments: number; answers: number }> {
  const assessments = await db.assessments.where('departmentId').equals(id).toArray()
  return { assessments: assessments.length, answers: countAnswers(assessments) }
}

export async function removeDepartment(id: string, stamp: Stamp): Promise<void> {
  await db.transaction('rw', [db.departments, db.assessments, db.meta, db.tombstones], async () => {
    const dep = await db.departments.get(id)
    if (!dep) return
    const assessments = await db.assessments.where('departmentId').equals(id).toArray()
    await buryAll(assessments, 'assessment', stamp)
    await buryAll([dep], 'department', stamp)
    await db.assessments.bulkDelete(assessments.map((a) => a.id))
    await db.departments.delete(id)
    await touchChange(stamp.at)
  })
}
