// saveAnswer issues the document's read-modify-write and the meta bookkeeping together: both or neither.
import { beforeEach, describe, expect, it } from 'vitest'
import { createAssessment, saveAnswer } from '@/commands/assessments'
import { createDepartment, createOrganisation, createRound } from '@/commands/organisations'
import { resetIdentityCache } from '@/commands/stamp'
import { getAssessment } from '@/db/assessments'
import { db } from '@/db/database'
import { getMeta, META_KEYS } from '@/db/meta'

beforeEach(async () => {
  await db.delete()
  await db.open()
  resetIdentityCache()
})

async function seed() {
  const org = await createOrganisation({ name: 'Teststadt', type: 'stadt', bundesland: 'BY', inhabitants: null, staff: null })
  const dep = await createDepartment({ orgId: org.id, name: 'IT', code: '10', parentUnit: '', head: '', staff: null, kind: 'central' })
  const round = await createRound({ orgId: org.id, name: 'Check', startDate: '2026-09-01', endDate: '', catalogId: 'dc-kommune', catalogVersion: '1.0.0', dimensionTargets: {} })
  return createAssessment({ orgId: org.id, roundId: round.id, departmentId: dep.id, respondent: '' })
}

describe('saveAnswer: one transaction for the answer and the last change', () => {
  it('records the answer and the last change, keeping the first unexported change', async () => {
    const a = await seed()
    const first = await getMeta<string>(META_KEYS.firstUnexportedChangeAt)
    const saved = await saveAnswer(a.id, 'str-01', { state: 'level', ist: 2 })
    expect((await getAssessment(a.id))?.answers['str-01']).toEqual(saved)
    expect(await getMeta(META_KEYS.lastChangeAt)).toBe(saved.updatedAt)
    expect(await getMeta(META_KEYS.firstUnexportedChangeAt)).toBe(first)
  })

  it('rolls the meta write back when the assessment is missing', async () => {
    await seed()
    const before = await getMeta<string>(META_KEYS.lastChangeAt)
    await db.meta.delete(META_KEYS.firstUnexportedChangeAt)
    await expect(saveAnswer('missing', 'str-01', { state: 'level', ist: 1 })).rejects.toThrow(/not found/)
    expect(await getMeta(META_KEYS.lastChangeAt)).toBe(before)
    expect(await getMeta(META_KEYS.firstUnexportedChangeAt)).toBeUndefined()
  })

  it('keeps both of two changes of different items started at the same time (two tabs)', async () => {
    const a = await seed()
    await Promise.all([saveAnswer(a.id, 'str-01', { state: 'level', ist: 1 }), saveAnswer(a.id, 'str-02', { state: 'na', ist: null })])
    const stored = await getAssessment(a.id)
    expect(stored?.answers['str-01']?.ist).toBe(1)
    expect(stored?.answers['str-02']?.state).toBe('na')
  })
})
