/**
 * Writes the full backup of the "large municipality" (60 departments × 3 respondents × 120 items ×
 * 5 rounds, synthetic catalogue included) to .bench-out/large-backup.json for the browser benchmark,
 * and prints its size. Run: npx tsx bench/make-large-backup.ts [departments]
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { createBackup, serializeBackup } from '../src/domain/exchange/serialise'
import { SCORING_MODEL_VERSION } from '../src/domain/analysis/method'
import { makeSyntheticCatalog, makeSyntheticOrganisation } from './fixtures'

const departments = Number(process.argv[2] ?? 60)
const catalog = makeSyntheticCatalog()
const org = makeSyntheticOrganisation(catalog, { departments })
const backup = createBackup(
  { organisations: [org.organisation], departments: org.departments, rounds: org.rounds, assessments: org.assessments, catalogs: [catalog], tombstones: [] },
  { now: new Date('2026-01-01T00:00:00Z'), appVersion: 'bench', scoringModelVersion: SCORING_MODEL_VERSION, deviceId: 'bench-export' },
)
const text = serializeBackup(backup)
mkdirSync('.bench-out', { recursive: true })
writeFileSync('.bench-out/large-backup.json', text)
console.log(JSON.stringify({ file: '.bench-out/large-backup.json', departments, assessments: org.assessments.length, answers: org.answerCount, bytes: Buffer.byteLength(text) }))
