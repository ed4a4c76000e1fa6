import { beforeEach, describe, expect, it } from 'vitest'
// Writes go through the command layer (the one write path, which stamps provenance); reads from db.
import { createAssessment, removeAssessment, renameRespondent, saveAnswer, setAssessmentStatus } from '@/commands/assessments'
import { createDepartment, createOrganisation, createRound, describeDepartmentRemoval, describeOrganisationRemoval, removeDepartment, removeOrganisation, removeRound, roundIdsInUse, updateOrganisation, updateRound } from '@/commands/organisations'
import { deviceIdentity, resetIdentityCache, setUserName } from '@/commands/stamp'
import { getAssessment, lastOpenAssessment, listAssessmentsOf } from '@/db/assessments'
import { db } from '@/db/database'
import { listDepartments } from '@/db/departments'
import { getMeta, META_KEYS } from '@/db/meta'
import { listOrganisations } from '@/db/organisations'
import { listRounds } from '@/db/rounds'

beforeEach(async () => {
  await db.delete()
  await db.open()
  resetIdentityCache()
})

async function seed() {
  const org = await createOrganisation({ name: 'Teststadt', type: 'stadt', bundesland: 'BY', inhabitants: 30000, staff: 250 })
  const dep = await createDepartment({ orgId: org.id, name: 'Bürgerbüro', code: '32', parentUnit: 'Dezernat II', head: '', staff: 12, kind: 'specialist' })
  const round = await createRound({ orgId: org.id, name: 'Check 2026', startDate: '2026-09-01', endDate: '', catalogId: 'dc-kommune', catalogVersion: '1.0.0', dimensionTargets: {} })
  const a = await createAssessment({ orgId: org.id, roundId: round.id, departmentId: dep.id, respondent: '  Amtsleitung ' })
  return { org, dep, round, a }
}

describe('organisation, department and round repositories', () => {
  it('keeps several organisations side by side, sorted by name', async () => {
    await createOrganisation({ name: 'Zell', type: 'gemeinde', bundesland: 'BW', inhabitants: null, staff: null })
    await createOrganisation({ name: 'Altdorf', type: 'gemeinde', bundesland: 'BY', inhabitants: 5000, staff: 40 })
    expect((await listOrganisations()).map((o) => o.name)).toEqual(['Altdorf', 'Zell'])
  })

  it('sorts departments by code with numbers in numeric order', async () => {
    const org = await createOrganisation({ name: 'X', type: 'stadt', bundesland: 'NW', inhabitants: null, staff: null })
    for (const code of ['63', '10', '9']) await createDepartment({ orgId: org.id, name: `A${code}`, code, parentUnit: '', head: '', staff: null, kind: 'specialist' })
    expect((await listDepartments(org.id)).map((d) => d.code)).toEqual(['9', '10', '63'])
  })

  it('says what goes with an organisation and then removes all of it', async () => {
    const { org, a } = await seed()
    await saveAnswer(a.id, 'str-01', { ist: 2 })
    await saveAnswer(a.id, 'str-02', { state: 'na' })
    expect(await describeOrganisationRemoval(org.id)).toEqual({ departments: 1, rounds: 1, assessments: 1, answers: 2 })
    await removeOrganisation(org.id)
    expect(await db.organisations.count()).toBe(0)
    expect(await db.departments.count()).toBe(0)
    expect(await db.rounds.count()).toBe(0)
    expect(await db.assessments.count()).toBe(0)
  })

  it('removes a department with its assessments only', async () => {
    const { org, dep, a } = await seed()
    const other = await createDepartment({ orgId: org.id, name: 'Kämmerei', code: '20', parentUnit: '', head: '', staff: null, kind: 'specialist' })
    await createAssessment({ orgId: org.id, roundId: a.roundId, departmentId: other.id, respondent: '' })
    await saveAnswer(a.id, 'str-01', { ist: 3 })
    expect(await describeDepartmentRemoval(dep.id)).toEqual({ assessments: 1, answers: 1 })
    await removeDepartment(dep.id)
    expect((await db.assessments.toArray()).map((x) => x.departmentId)).toEqual([other.id])
  })

  it('pins the catalogue of a round once it has assessments', async () => {
    const { org, round } = await seed()
    await updateRound(round.id, { ...round, catalogVersion: '2.0.0', name: 'Umbenannt' })
    const stored = (await listRounds(org.id))[0]!
    expect(stored.name).toBe('Umbenannt')
    expect(stored.catalogVersion).toBe('1.0.0')
    expect([...(await roundIdsInUse(org.id))]).toEqual([round.id])
  })

  it('lets a round without assessments change its catalogue, and removes a round with its assessments', async () => {
    const { org, round } = await seed()
    const empty = await createRound({ orgId: org.id, name: 'Leer', startDate: '2027-01-01', endDate: '', catalogId: 'dc-kommune', catalogVersion: '1.0.0', dimensionTargets: {} })
    await updateRound(empty.id, { ...empty, catalogVersion: '1.1.0' })
    expect((await db.rounds.get(empty.id))!.catalogVersion).toBe('1.1.0')
    await removeRound(round.id)
    expect(await db.assessments.count()).toBe(0)
    expect((await listRounds(org.id)).map((r) => r.name)).toEqual(['Leer'])
  })
})

describe('assessments and answers', () => {
  it('trims the respondent and starts as not started', async () => {
    const { a } = await seed()
    expect(a.respondent).toBe('Amtsleitung')
    expect(a.status).toBe('not_started')
  })

  it('persists every answer change at once and marks the assessment in progress', async () => {
    const { a } = await seed()
    await saveAnswer(a.id, 'str-01', { ist: 2 })
    await saveAnswer(a.id, 'str-01', { bedarf: 4 })
    await saveAnswer(a.id, 'str-01', { comment: 'Pilot läuft' })
    const stored = (await getAssessment(a.id))!
    expect(stored.status).toBe('in_progress')
    expect(stored.answers['str-01']).toMatchObject({ itemId: 'str-01', state: 'level', ist: 2, bedarf: 4, potenzial: null, comment: 'Pilot läuft' })
    expect(await getMeta(META_KEYS.lastChangeAt)).toBe(stored.activityAt)
  })

  it('stores "nicht zutreffend" and "weiß nicht" as states, never as 0', async () => {
    const { a } = await seed()
    await saveAnswer(a.id, 'str-01', { ist: 0 })
    await saveAnswer(a.id, 'str-01', { state: 'na', ist: null })
    await saveAnswer(a.id, 'str-02', { state: 'unknown', ist: null })
    const stored = (await getAssessment(a.id))!
    expect(stored.answers['str-01']).toMatchObject({ state: 'na', ist: null })
    expect(stored.answers['str-02']).toMatchObject({ state: 'unknown', ist: null })
  })

  it('does not lose concurrent edits to different items (read-modify-write in one transaction)', async () => {
    const { a } = await seed()
    await Promise.all(['str-01', 'str-02', 'str-03', 'str-04', 'str-05'].map((id, i) => saveAnswer(a.id, id, { ist: (i % 5) as 0 | 1 | 2 | 3 | 4 })))
    expect(Object.keys((await getAssessment(a.id))!.answers).sort()).toEqual(['str-01', 'str-02', 'str-03', 'str-04', 'str-05'])
  })

  it('rejects an answer to a missing assessment', async () => {
    await expect(saveAnswer('missing', 'str-01', { ist: 1 })).rejects.toThrow(/not found/)
  })

  it('keeps several respondents per department and round', async () => {
    const { org, dep, round } = await seed()
    await createAssessment({ orgId: org.id, roundId: round.id, departmentId: dep.id, respondent: 'Sachbearbeitung' })
    expect((await listAssessmentsOf(round.id, dep.id)).map((x) => x.respondent).sort()).toEqual(['Amtsleitung', 'Sachbearbeitung'])
  })

  it('finds the last open assessment to continue, skipping submitted ones', async () => {
    const { org, dep, round, a } = await seed()
    const b = await createAssessment({ orgId: org.id, roundId: round.id, departmentId: dep.id, respondent: 'B' })
    await saveAnswer(a.id, 'str-01', { ist: 1 })
    await new Promise((r) => setTimeout(r, 5))
    await saveAnswer(b.id, 'str-01', { ist: 1 })
    expect((await lastOpenAssessment(org.id))!.id).toBe(b.id)
    await setAssessmentStatus(b.id, 'submitted')
    expect((await lastOpenAssessment(org.id))!.id).toBe(a.id)
    expect((await getAssessment(b.id))!.submittedAt).not.toBeNull()
  })
})

describe('provenance and tombstones (the command layer stamps every change)', () => {
  it('stamps records and answers with time, author, this browser\'s device id and a revision', async () => {
    await setUserName('Beraterin Schmidt')
    const { org, a } = await seed()
    const { deviceId } = await deviceIdentity()
    expect(deviceId).toMatch(/^[0-9a-z]{12}$/)
    expect(await getMeta('deviceId')).toBe(deviceId)
    expect(org).toMatchObject({ updatedBy: 'Beraterin Schmidt', deviceId, rev: 1 })
    await updateOrganisation(org.id, { name: 'Teststadt (neu)', type: 'stadt', bundesland: 'BY', inhabitants: 30000, staff: 250 })
    expect(await db.organisations.get(org.id)).toMatchObject({ name: 'Teststadt (neu)', rev: 2, deviceId })

    await saveAnswer(a.id, 'str-01', { ist: 2 })
    await saveAnswer(a.id, 'str-01', { bedarf: 3 })
    const answer = (await getAssessment(a.id))!.answers['str-01']!
    // The respondent of the questionnaire is named as the author of its answers.
    expect(answer).toMatchObject({ updatedBy: 'Amtsleitung', deviceId, rev: 2, vv: { [deviceId]: 2 } })
    await renameRespondent(a.id, 'Amtsleitung Bürgerbüro')
    expect(await getAssessment(a.id)).toMatchObject({ respondent: 'Amtsleitung Bürgerbüro', updatedBy: 'Beraterin Schmidt' })
  })

  it('leaves a tombstone for every record a deletion takes with it', async () => {
    const { org, dep, round, a } = await seed()
    await removeOrganisation(org.id)
    const tombs = await db.tombstones.toArray()
    expect(tombs.map((t) => [t.kind, t.id]).sort()).toEqual(
      [['assessment', a.id], ['department', dep.id], ['organisation', org.id], ['round', round.id]].sort(),
    )
    for (const t of tombs) expect(t.orgId).toBe(org.id)
  })

  it('leaves a tombstone when a questionnaire, department or round is deleted', async () => {
    const { org, dep, round, a } = await seed()
    const b = await createAssessment({ orgId: org.id, roundId: round.id, departmentId: dep.id, respondent: 'B' })
    await removeAssessment(b.id)
    expect((await db.tombstones.get(b.id))?.kind).toBe('assessment')
    await removeRound(round.id)
    expect((await db.tombstones.get(round.id))?.kind).toBe('round')
    expect((await db.tombstones.get(a.id))?.kind).toBe('assessment')
    await removeDepartment(dep.id)
    expect((await db.tombstones.get(dep.id))?.kind).toBe('department')
  })
})
