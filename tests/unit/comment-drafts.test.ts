/**
 * A comment typed just before the browser closes survives (hardening #1): every keystroke is kept in
 * localStorage at once; the next start writes what the database lacks. The browser test
 * (tests/e2e/hardening.spec.ts) closes a real Chromium 50 ms after typing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { resetIdentityCache } from '@/commands/stamp'
import { createAssessment, saveAnswer } from '@/commands/assessments'
import { reconcileCommentDrafts } from '@/commands/comment-drafts'
import { createDepartment, createOrganisation, createRound } from '@/commands/organisations'
import { getAssessment } from '@/db/assessments'
import { db } from '@/db/database'
import { useAutosave } from '@/composables/useAutosave'
import { commentDrafts, dropCommentDraft, keepCommentDraft } from '@/platform/comment-drafts'

async function seed(): Promise<string> {
  const org = await createOrganisation({ name: 'Gemeinde Musterstadt', type: 'gemeinde', bundesland: 'NW', inhabitants: 12500, staff: 180 })
  const department = await createDepartment({ orgId: org.id, name: 'Bauamt', code: '60', parentUnit: '', head: '', staff: 14, kind: 'specialist' })
  const round = await createRound({ orgId: org.id, name: 'Erhebung 2025', startDate: '2025-03-01', endDate: '', catalogId: 'dc-kommune', catalogVersion: '2.0.0', dimensionTargets: {} })
  return (await createAssessment({ orgId: org.id, roundId: round.id, departmentId: department.id, respondent: 'Frau Kaya' })).id
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2025-03-02T10:00:00.000Z'))
  localStorage.clear()
  await db.delete()
  await db.open()
  resetIdentityCache()
})
afterEach(() => vi.useRealTimers())

describe('comment journal (localStorage)', () => {
  it('keeps the newest text per item and forgets it only when the stored text matches', () => {
    keepCommentDraft({ assessmentId: 'a', itemId: 'i', text: 'Abstu', at: '2025-03-02T10:00:00.000Z' })
    keepCommentDraft({ assessmentId: 'a', itemId: 'i', text: 'Abstimmung läuft', at: '2025-03-02T10:00:01.000Z' })
    keepCommentDraft({ assessmentId: 'a', itemId: 'j', text: 'anderes', at: '2025-03-02T10:00:01.000Z' })
    expect(commentDrafts().map((d) => d.text)).toEqual(['Abstimmung läuft', 'anderes'])
    dropCommentDraft('a', 'i', 'Abstu') // an older write finished: the newer draft stays
    expect(commentDrafts()).toHaveLength(2)
    dropCommentDraft('a', 'i', 'Abstimmung läuft')
    expect(commentDrafts().map((d) => d.itemId)).toEqual(['j'])
  })

  it('the autosave journals every keystroke synchronously, before any database write', () => {
    const saver = useAutosave(() => 'a1', () => new Promise(() => undefined))
    saver.queueComment('str-01', 'Abstimmung mit dem Kreis läuft')
    expect(commentDrafts()).toEqual([{ assessmentId: 'a1', itemId: 'str-01', text: 'Abstimmung mit dem Kreis läuft', at: '2025-03-02T10:00:00.000Z' }])
  })
})

describe('reconcileCommentDrafts (next start)', () => {
  it('writes a draft the database lacks, then forgets it', async () => {
    const id = await seed()
    keepCommentDraft({ assessmentId: id, itemId: 'str-01', text: 'Abstimmung läuft', at: '2025-03-02T10:00:00.000Z' })
    expect(await reconcileCommentDrafts()).toBe(1)
    expect((await getAssessment(id))?.answers['str-01']?.comment).toBe('Abstimmung läuft')
    expect(commentDrafts()).toEqual([])
  })

  it('writes nothing when the database already has the text or changed later; drops drafts of deleted questionnaires', async () => {
    const id = await seed()
    await saveAnswer(id, 'str-01', { comment: 'schon gespeichert' })
    vi.setSystemTime(new Date('2025-03-02T11:00:00.000Z'))
    await saveAnswer(id, 'str-02', { comment: 'später geändert' })
    keepCommentDraft({ assessmentId: id, itemId: 'str-01', text: 'schon gespeichert', at: '2025-03-02T10:00:00.000Z' })
    keepCommentDraft({ assessmentId: id, itemId: 'str-02', text: 'älterer Entwurf', at: '2025-03-02T10:30:00.000Z' })
    keepCommentDraft({ assessmentId: 'gelöscht', itemId: 'str-01', text: 'x', at: '2025-03-02T10:30:00.000Z' })
    expect(await reconcileCommentDrafts()).toBe(0)
    const a = await getAssessment(id)
    expect([a?.answers['str-01']?.comment, a?.answers['str-02']?.comment]).toEqual(['schon gespeichert', 'später geändert'])
    expect(commentDrafts()).toEqual([])
  })
})
