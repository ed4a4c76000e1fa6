import { beforeEach, describe, expect, it } from 'vitest'
import catalogJson from '@/catalogs/dc-kommune/1.0.0.json'
import { saveAnswer } from '@/db/assessments'
import { applyRestorePlan, backupStatus, clearAllData, markExported, readSnapshot } from '@/db/backup'
import { db } from '@/db/database'
import { loadDemo } from '@/db/demo'
import { createBackup, parseBackup, serializeBackup } from '@/domain/backup'
import { planRestore } from '@/domain/restore-plan'
import type { Catalog } from '@/domain/types'

const catalog = catalogJson as unknown as Catalog
const known = (id: string, version: string) => (id === catalog.id && version === catalog.version ? new Set(catalog.items.map((i) => i.id)) : undefined)
const meta = { now: new Date('2026-11-21T12:00:00Z'), appVersion: 'test', scoringModelVersion: '1.0.0' }

beforeEach(async () => {
  await db.delete()
  await db.open()
})

async function restoreText(text: string): Promise<{ written: number; noop: boolean }> {
  const parsed = parseBackup(text, { knownCatalogItems: known })
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('; '))
  const plan = planRestore(await readSnapshot(), parsed.backup)
  return { written: await applyRestorePlan(plan), noop: plan.isNoop }
}

describe('full backup through the database', () => {
  it('export → wipe → restore gives identical data', async () => {
    await loadDemo(catalog)
    await saveAnswer('demo-musterstadt-dep-32-a1', 'str-01', { comment: 'Sonderzeichen ; " ä\nzweite Zeile <b>fett</b>' })
    const before = await readSnapshot()
    const text = serializeBackup(createBackup(before, meta))
    await clearAllData()
    expect(await db.assessments.count()).toBe(0)
    const result = await restoreText(text)
    expect(result.written).toBe(before.organisations.length + before.departments.length + before.rounds.length + before.assessments.length)
    expect(await readSnapshot()).toEqual(before)
  })

  it('restoring the same backup twice changes nothing the second time', async () => {
    await loadDemo(catalog)
    const text = serializeBackup(createBackup(await readSnapshot(), meta))
    await clearAllData()
    await restoreText(text)
    const after1 = await readSnapshot()
    const second = await restoreText(text)
    expect(second).toEqual({ written: 0, noop: true })
    expect(await readSnapshot()).toEqual(after1)
  })

  it('keeps records that are not in the backup and replaces changed answers', async () => {
    await loadDemo(catalog)
    const text = serializeBackup(createBackup(await readSnapshot(), meta))
    await saveAnswer('demo-musterstadt-dep-12-a1', 'str-01', { ist: 4 })
    await db.organisations.add({ id: 'other', name: 'Nachbargemeinde', type: 'gemeinde', bundesland: 'BY', inhabitants: 3000, staff: 25, createdAt: 't', updatedAt: 't' })
    const result = await restoreText(text)
    expect(result.written).toBe(1)
    expect((await db.organisations.get('other'))!.name).toBe('Nachbargemeinde')
    const restored = (await db.assessments.get('demo-musterstadt-dep-12-a1'))!
    const original = JSON.parse(text).assessments.find((a: { id: string }) => a.id === 'demo-musterstadt-dep-12-a1')
    expect(restored.answers['str-01']).toEqual(original.answers['str-01'])
  })

  it('a rejected file changes nothing', async () => {
    await loadDemo(catalog)
    const before = await readSnapshot()
    const text = serializeBackup(createBackup(before, meta))
    const parsed = parseBackup(text.slice(0, text.length / 2), { knownCatalogItems: known })
    expect(parsed.ok).toBe(false)
    expect(await readSnapshot()).toEqual(before)
  })

  it('tracks unexported changes for the reminder and clears them on export', async () => {
    expect(await backupStatus()).toEqual({ lastExportAt: null, firstUnexportedChangeAt: null })
    await loadDemo(catalog)
    await saveAnswer('demo-musterstadt-dep-12-a1', 'str-01', { ist: 1 })
    const first = (await backupStatus()).firstUnexportedChangeAt
    expect(first).not.toBeNull()
    await saveAnswer('demo-musterstadt-dep-12-a1', 'str-02', { ist: 2 })
    expect((await backupStatus()).firstUnexportedChangeAt).toBe(first)
    await markExported('2026-11-21T12:00:00.000Z')
    expect(await backupStatus()).toEqual({ lastExportAt: '2026-11-21T12:00:00.000Z', firstUnexportedChangeAt: null })
  })
})
