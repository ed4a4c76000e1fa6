/**
 * Full backup export: reads the database snapshot and writes the backup file (format 3, with
 * provenance, tombstones and a checksum). The snapshot, the canonical text and the checksum are
 * made in the exchange worker (src/workers/), so a large backup does not freeze the page.
 * Restoring goes through the exchange store (one merge for backups, packages and returns).
 */
import { defineStore } from 'pinia'
import { deviceIdentity } from '@/commands/stamp'
import { markExported } from '@/db/backup-status'
import { SCORING_MODEL_VERSION } from '@/domain/analysis/method'
import { localToday } from '@/platform/clock'
import { downloadBlob, safeFileName } from '@/platform/download'
import { buildBackupFile } from '@/workers/exchange-client'

export const useBackupStore = defineStore('backup', () => {
  async function buildBackupBlob(now: Date): Promise<Blob> {
    const { deviceId } = await deviceIdentity()
    return buildBackupFile({ now: now.toISOString(), appVersion: __APP_VERSION__, scoringModelVersion: SCORING_MODEL_VERSION, deviceId })
  }

  /** Builds the backup file text (also used by the benchmark). */
  async function buildBackupText(now = new Date()): Promise<string> {
    return (await buildBackupBlob(now)).text()
  }

  /** Downloads the backup as `<fileStem>-<date>.json` (the stem in the user's language). */
  async function exportBackup(fileStem: string): Promise<void> {
    const now = new Date()
    downloadBlob(`${safeFileName(fileStem)}-${localToday(now)}.json`, await buildBackupBlob(now))
    await markExported(now.toISOString())
  }

  return { buildBackupText, exportBackup }
})
