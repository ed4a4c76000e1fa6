/** Departments (Fachbereiche / Ämter / Stabsstellen) of one organisation. */
import type { Department } from '@/domain/types'
import { db } from './database'
import { newId, nowIso } from './ids'
import { touchChange } from './meta'
import { countAnswers } from './organisations'

export type DepartmentInput = Omit<Department, 'id' | 'createdAt' | 'updatedAt'>

export async function listDepartments(orgId: string): Promise<Department[]> {
  const list = await db.departments.where('orgId').equals(orgId).toArray()
  return list.sort((a, b) => a.code.localeCompare(b.code, 'de', { numeric: true }) || a.name.localeCompare(b.name, 'de'))
}

export function getDepartment(id: string): Promise<Department | undefined> {
  return db.departments.get(id)
}

export async function createDepartment(input: DepartmentInput): Promise<Department> {
  const at = nowIso()
  const dep: Department = { ...input, id: newId(), createdAt: at, updatedAt: at }
  await db.transaction('rw', db.departments, db.meta, async () => {
    await db.departments.add(dep)
    await touchChange(at)
  })
  return dep
}

export async function updateDepartment(id: string, input: DepartmentInput): Promise<void> {
  const at = nowIso()
  await db.transaction('rw', db.departments, db.meta, async () => {
    await db.departments.update(id, { ...input, updatedAt: at })
    await touchChange(at)
  })
}

export async function describeDepartmentRemoval(id: string): Promise<{ assessments: number; answers: number }> {
  const assessments = await db.assessments.where('departmentId').equals(id).toArray()
  return { assessments: assessments.length, answers: countAnswers(assessments) }
}

export async function removeDepartment(id: string): Promise<void> {
  await db.transaction('rw', db.departments, db.assessments, db.meta, async () => {
    await db.assessments.where('departmentId').equals(id).delete()
    await db.departments.delete(id)
    await touchChange(nowIso())
  })
}
