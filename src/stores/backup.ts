/**
 * Orchestrates full backup export and restore: reads the database snapshot, validates a chosen file
 * against the backup schema and the catalogues this app knows, shows a preview and applies it in one
 * transaction. A rejected file changes nothing.
 */
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { BUILTIN_CATALOGS } from '@/catalogs'
import { applyRestorePlan, markExported, readSnapshot } from '@/db/backup'
import { listStoredCatalogs } from '@/db/catalogs'
import { createBackup, parseBackup, serializeBackup, type Backup, type BackupError, type BackupWarning } from '@/domain/backup'
import { planRestore, type RestorePlan } from '@/domain/restore-plan'
import { SCORING_MODEL_VERSION } from '@/domain/scoring'
import { downloadText } from '@/composables/useDownload'
import { useCatalogStore } from './catalogs'

export type RestoreState =
  | { kind: 'idle' }
  | { kind: 'checking'; fileName: string }
  | { kind: 'rejected'; fileName: string; errors: BackupError[] }
  | { kind: 'preview'; fileName: string; backup: Backup; plan: RestorePlan; warnings: BackupWarning[] }
  | { kind: 'done'; fileName: string; written: number }

export const useBackupStore = defineStore('backup', () => {
  // shallowRef: the states are replaced, never mutated. A deep ref would hand Vue proxies of the
  // backup's records to IndexedDB, whose structured clone rejects them (DataCloneError on restore),
  // and would wrap a large backup in reactive proxies for nothing.
  const restore = shallowRef<RestoreState>({ kind: 'idle' })

  /** Builds the backup file text (also used by the benchmark). */
  async function buildBackupText(now = new Date()): Promise<string> {
    const data = await readSnapshot()
    return serializeBackup(createBackup(data, { now, appVersion: __APP_VERSION__, scoringModelVersion: SCORING_MODEL_VERSION }))
  }

  async function exportBackup(): Promise<void> {
    const now = new Date()
    const text = await buildBackupText(now)
    downloadText(`digitalisierungs-check-sicherung-${now.toISOString().slice(0, 10)}.json`, text, 'application/json')
    await markExported(now.toISOString())
  }

  async function knownItems(): Promise<(id: string, version: string) => ReadonlySet<string> | undefined> {
    const catalogs = useCatalogStore()
    const map = new Map<string, Set<string>>()
    for (const c of BUILTIN_CATALOGS) {
      const cat = await catalogs.load(c)
      map.set(`${cat.id}@${cat.version}`, new Set(cat.items.map((i) => i.id)))
    }
    for (const s of await listStoredCatalogs()) map.set(`${s.id}@${s.version}`, new Set(s.catalog.items.map((i) => i.id)))
    return (id, version) => map.get(`${id}@${version}`)
  }

  /** Reads and checks a file; on success prepares a preview of what the restore would add or replace. */
  async function check(file: File): Promise<void> {
    restore.value = { kind: 'checking', fileName: file.name }
    const [text, known] = await Promise.all([file.text(), knownItems()])
    const result = parseBackup(text, { knownCatalogItems: known })
    if (!result.ok) {
      restore.value = { kind: 'rejected', fileName: file.name, errors: result.errors }
      return
    }
    const plan = planRestore(await readSnapshot(), result.backup)
    restore.value = { kind: 'preview', fileName: file.name, backup: result.backup, plan, warnings: result.warnings }
  }

  async function apply(): Promise<void> {
    const r = restore.value
    if (r.kind !== 'preview') return
    const written = await applyRestorePlan(r.plan)
    restore.value = { kind: 'done', fileName: r.fileName, written }
  }

  function reset(): void {
    restore.value = { kind: 'idle' }
  }

  return { restore, buildBackupText, exportBackup, check, apply, reset }
})
