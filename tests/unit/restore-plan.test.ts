import { describe, expect, it } from 'vitest'
import { createBackup, parseBackup, serializeBackup, type Backup, type BackupData } from '@/domain/backup'
import { applyRestore, deepEqualJson, planRestore, recordsToWrite } from '@/domain/restore-plan'
import {
  META,
  knownItems,
  makeAnswer,
  makeAssessment,
  makeCatalog,
  makeDepartment,
  makeOrganisation,
  makeRound,
  makeSmallData,
} from '../fixtures/backup-builders'

const EMPTY: BackupData = { organisations: [], departments: [], rounds: [], assessments: [], catalogs: [] }

/** What the restore flow does: serialise, parse (validate), plan. */
function parsed(data: BackupData): Backup {
  const result = parseBackup(serializeBackup(createBackup(data, META)), { knownCatalogItems: knownItems() })
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  return result.backup
}

function counts(plan: ReturnType<typeof planRestore>) {
  const t = (x: { added: number; replaced: number; unchanged: number }) => [x.added, x.replaced, x.unchanged]
  return {
    organisations: t(plan.organisations),
    departments: t(plan.departments),
    rounds: t(plan.rounds),
    assessments: t(plan.assessments),
    catalogs: t(plan.catalogs),
    answers: plan.answers,
  }
}

describe('planRestore', () => {
  it('adds everything into an empty database', () => {
    const incoming = parsed(makeSmallData({ catalogs: [makeCatalog()] }))
    const plan = planRestore(EMPTY, incoming)
    expect(counts(plan)).toEqual({
      organisations: [1, 0, 0],
      departments: [1, 0, 0],
      rounds: [1, 0, 0],
      assessments: [1, 0, 0],
      catalogs: [1, 0, 0],
      answers: { added: 2, changed: 0, unchanged: 0, removed: 0 },
    })
    expect(plan.isNoop).toBe(false)
    expect(plan.organisations.addedLabels).toEqual(['Gemeinde Musterstadt'])
    expect(plan.assessments.addedLabels).toEqual(['Hauptamt – Amtsleitung (Erhebung 2025)'])
    expect(plan.catalogs.addedLabels).toEqual(['Eigener Katalog 1.0.0'])
    const writes = recordsToWrite(plan)
    expect(writes).toEqual({
      organisations: incoming.organisations,
      departments: incoming.departments,
      rounds: incoming.rounds,
      assessments: incoming.assessments,
      catalogs: incoming.catalogs,
    })
  })

  it('restoring the same backup twice writes nothing the second time', () => {
    const incoming = parsed(makeSmallData({ catalogs: [makeCatalog()] }))
    const first = planRestore(EMPTY, incoming)
    const afterFirst = applyRestore(EMPTY, first)
    // The database gives back what was written (structured clone); simulate with a JSON copy.
    const stored = JSON.parse(JSON.stringify(afterFirst)) as BackupData
    const second = planRestore(stored, parsed(stored))
    expect(second.isNoop).toBe(true)
    expect(counts(second)).toEqual({
      organisations: [0, 0, 1],
      departments: [0, 0, 1],
      rounds: [0, 0, 1],
      assessments: [0, 0, 1],
      catalogs: [0, 0, 1],
      answers: { added: 0, changed: 0, unchanged: 2, removed: 0 },
    })
    expect(recordsToWrite(second)).toEqual(EMPTY)
    expect(applyRestore(stored, second)).toEqual(stored)
  })

  it('one changed answer → one replaced assessment and answers.changed = 1', () => {
    const current = makeSmallData()
    const changed = makeSmallData({
      assessments: [
        makeAssessment({
          answers: { ...makeAssessment().answers, 'str-01': makeAnswer('str-01', { ist: 3, updatedAt: '2025-03-05T08:00:00.000Z' }) },
        }),
      ],
    })
    const plan = planRestore(current, parsed(changed))
    expect(counts(plan)).toEqual({
      organisations: [0, 0, 1],
      departments: [0, 0, 1],
      rounds: [0, 0, 1],
      assessments: [0, 1, 0],
      catalogs: [0, 0, 0],
      answers: { added: 0, changed: 1, unchanged: 1, removed: 0 },
    })
    expect(plan.assessments.replacedLabels).toEqual(['Hauptamt – Amtsleitung (Erhebung 2025)'])
    const writes = recordsToWrite(plan)
    expect(writes.assessments).toHaveLength(1)
    expect(writes.assessments[0]!.answers['str-01']!.ist).toBe(3)
    expect(writes.organisations).toEqual([])
  })

  it('leaves records that are not in the backup untouched', () => {
    const otherOrg = makeOrganisation({ id: 'org-2', name: 'Landkreis Beispiel', type: 'kreis' })
    const otherDep = makeDepartment({ id: 'dep-9', orgId: 'org-2', name: 'Kreiskasse' })
    const otherRound = makeRound({ id: 'round-9', orgId: 'org-2' })
    const otherAssessment = makeAssessment({ id: 'ass-9', orgId: 'org-2', departmentId: 'dep-9', roundId: 'round-9' })
    const current: BackupData = {
      organisations: [otherOrg, makeOrganisation({ name: 'Alter Name' })],
      departments: [otherDep],
      rounds: [otherRound],
      assessments: [otherAssessment],
      catalogs: [],
    }
    const plan = planRestore(current, parsed(makeSmallData()))
    expect(counts(plan).organisations).toEqual([0, 1, 0])
    expect(plan.organisations.replacedLabels).toEqual(['Gemeinde Musterstadt'])
    const writes = recordsToWrite(plan)
    expect(writes.organisations.map((o) => o.id)).toEqual(['org-1'])
    const after = applyRestore(current, plan)
    expect(after.organisations).toEqual([otherOrg, makeOrganisation()])
    expect(after.departments).toEqual([otherDep, makeDepartment()])
    expect(after.rounds).toEqual([otherRound, makeRound()])
    expect(after.assessments).toEqual([otherAssessment, makeAssessment()])
  })

  it('counts answers that replacing an assessment would remove, and newer stored records', () => {
    const current = makeSmallData({
      assessments: [
        makeAssessment({
          updatedAt: '2025-05-01T00:00:00.000Z',
          answers: { ...makeAssessment().answers, 'str-03': makeAnswer('str-03') },
        }),
      ],
    })
    const plan = planRestore(current, parsed(makeSmallData()))
    expect(plan.answers).toEqual({ added: 0, changed: 0, unchanged: 2, removed: 1 })
    expect(plan.assessments.replaced).toBe(1)
    expect(plan.assessments.replacedNewer).toBe(1)
  })

  it('matches catalogues by id and version', () => {
    const v1 = makeCatalog()
    const v2 = makeCatalog({ version: '1.1.0' })
    const plan = planRestore({ ...EMPTY, catalogs: [v1] }, parsed(makeSmallData({ catalogs: [v1, v2] })))
    expect(counts(plan).catalogs).toEqual([1, 0, 1])
    expect(recordsToWrite(plan).catalogs).toEqual([v2])
  })
})

describe('deepEqualJson', () => {
  it.each([
    [{ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 }, true],
    [{ a: 1, x: undefined }, { a: 1 }, true],
    [{ a: null }, { a: undefined }, false],
    [{ a: [1, 2] }, { a: [2, 1] }, false],
    [{ a: {} }, { a: [] }, false],
    [{ a: 0 }, { a: '0' }, false],
    [{ a: 'ä' }, { a: 'a\u0308' }, false],
  ])('%j vs %j → %s', (a, b, expected) => {
    expect(deepEqualJson(a, b)).toBe(expected)
  })
})
