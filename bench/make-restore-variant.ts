/**
 * Writes a second full backup of the large municipality to .bench-out/large-backup-variant.json:
 * the backup written by make-large-backup.ts with every third answer of every questionnaire of the
 * second-newest round changed on another device (new versions descending from the backup's ones),
 * as if the municipality restored a newer backup over its data. Restoring it over the first backup
 * updates exactly those answers without conflicts. The newest round stays untouched (the returns
 * of make-returns.ts merge into it). Prints the ids of the changed questionnaires last, as JSON.
 * Run after make-large-backup: npx tsx bench/make-restore-variant.ts
 */
import { readFileSync, writeFileSync } from 'node:fs'
import type { Backup } from '../src/domain/exchange/formats'
import { createBackup, serializeBackup } from '../src/domain/exchange/serialise'
import { applyAnswerPatch } from '../src/domain/model/answers'
import type { Assessment, Level } from '../src/domain/model/types'

const source = '.bench-out/large-backup.json'
const file = '.bench-out/large-backup-variant.json'
const backup = JSON.parse(readFileSync(source, 'utf8')) as Backup
const round = [...backup.rounds].sort((a, b) => b.startDate.localeCompare(a.startDate))[1]!
const at = '2026-02-01T09:00:00.000Z'
const stamp = { at, by: 'Variante', deviceId: 'bench0variant' }
const changedIds: string[] = []
let changed = 0
const assessments = backup.assessments.map((a): Assessment => {
  if (a.roundId !== round.id) return a
  const next: Assessment = { ...a, answers: { ...a.answers }, activityAt: at }
  Object.keys(next.answers).forEach((itemId, i) => {
    if (i % 3 !== 0) return
    const before = next.answers[itemId]!
    next.answers[itemId] = applyAnswerPatch(before, itemId, { state: 'level', ist: (((before.ist ?? 0) + 1) % 5) as Level }, stamp)
    changed++
  })
  changedIds.push(a.id)
  return next
})
const variant = createBackup({ ...backup, assessments }, { now: new Date(at), appVersion: 'bench', scoringModelVersion: backup.scoringModelVersion, deviceId: 'bench0variant' })
const text = serializeBackup(variant)
writeFileSync(file, text)
console.log(JSON.stringify({ file, round: round.id, changed, bytes: Buffer.byteLength(text), assessmentIds: changedIds }))
