/**
 * Writes the full backup of the "large municipality" (60 departments × 3 respondents × 120 items ×
 * 5 rounds, synthetic catalogue included) to .bench-out/large-backup.json for the browser benchmark,
 * and prints its size. Run: npx tsx bench/make-large-backup.ts [departments]
 *
 * One questionnaire of the newest round (last department, last respondent) is left "in progress",
 * so that the start screen shows its "Weitermachen" card like a municipality in the middle of a round.
 * The returns (make-returns.ts) touch only the first respondents and are not affected.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { createBackup, serializeBackup } from '../src/domain/exchange/serialise'
import { SCORING_MODEL_VERSION } from '../src/domain/analysis/method'
import { makeSyntheticCatalog, makeSyntheticOrganisation } from './fixtures'

const departments = Number(process.argv[2] ?? 60)
const catalog = makeSyntheticCatalog()
const org = makeSyntheticOrganisation(catalog, { departments })
const newest = [...org.rounds].sort((a, b) => b.startDate.localeCompare(a.startDate))[0]!
const lastDepartment = org.departments[org.departments.length - 1]!
const openIndex = org.assessments.findLastIndex((a) => a.roundId === newest.id && a.departmentId === lastDepartment.id)
const open = org.assessments[openIndex]!
const assessments = org.assessments.with(openIndex, { ...open, status: 'in_progress', submittedAt: null, activityAt: '2025-06-01T08:00:00.000Z' })
const backup = createBackup(
  { organisations: [org.organisation], departments: org.departments, rounds: org.rounds, assessments, catalogs: [catalog], tombstones: [] },
  { now: new Date('2026-01-01T00:00:00Z'), appVersion: 'bench', scoringModelVersion: SCORING_MODEL_VERSION, deviceId: 'bench-export' },
)
const text = serializeBackup(backup)
mkdirSync('.bench-out', { recursive: true })
writeFileSync('.bench-out/large-backup.json', text)
console.log(
  JSON.stringify({ file: '.bench-out/large-backup.json', departments, assessments: assessments.length, answers: org.answerCount, openAssessment: open.id, bytes: Buffer.byteLength(text) }),
)
