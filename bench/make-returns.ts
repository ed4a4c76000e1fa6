/**
 * Writes 60 return files ("Rücksendungen") for the large municipality to .bench-out/returns/ for the
 * browser benchmark: for every department of the newest round, the first respondent's questionnaire
 * as a return from that respondent's own device, with every answer present and every third one
 * changed there (a new version descending from the one in the backup). Run after make-large-backup:
 *   npx tsx bench/make-returns.ts [departments]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { applyAnswerPatch } from '../src/domain/model/answers'
import { createPackage, serializeBackup } from '../src/domain/exchange/serialise'
import { SCORING_MODEL_VERSION } from '../src/domain/analysis/method'
import type { Assessment, Level } from '../src/domain/model/types'
import { makeSyntheticCatalog, makeSyntheticOrganisation } from './fixtures'

const departments = Number(process.argv[2] ?? 60)
const catalog = makeSyntheticCatalog()
const org = makeSyntheticOrganisation(catalog, { departments })
const round = [...org.rounds].sort((a, b) => b.startDate.localeCompare(a.startDate))[0]!
const dir = '.bench-out/returns'
rmSync(dir, { recursive: true, force: true })
mkdirSync(dir, { recursive: true })
let answers = 0
let changed = 0
org.departments.forEach((dep, d) => {
  const original = org.assessments.find((a) => a.roundId === round.id && a.departmentId === dep.id)!
  const device = `resp${String(d).padStart(8, '0')}`
  const at = new Date(Date.UTC(2026, 10, 1, 9, d)).toISOString()
  const stamp = { at, by: original.respondent, deviceId: device }
  const next: Assessment = { ...original, answers: { ...original.answers }, activityAt: at }
  Object.keys(next.answers).forEach((itemId, i) => {
    answers++
    if (i % 3 !== 0) return
    const before = next.answers[itemId]!
    next.answers[itemId] = applyAnswerPatch(before, itemId, { state: 'level', ist: (((before.ist ?? 0) + 1) % 5) as Level }, stamp)
    changed++
  })
  const file = createPackage('return', { organisation: org.organisation, round, department: dep, assessments: [next] }, { now: new Date(at), appVersion: 'bench', scoringModelVersion: SCORING_MODEL_VERSION, deviceId: device })
  writeFileSync(`${dir}/rueckgabe-${String(d + 1).padStart(2, '0')}.json`, serializeBackup(file))
})
console.log(JSON.stringify({ dir, files: org.departments.length, answers, changed }))
