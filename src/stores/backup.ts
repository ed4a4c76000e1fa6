/**
 * Full backup export: reads the database snapshot and writes the backup file (format 2, with
 * provenance, tombstones and a checksum). Restoring goes through the exchange store (one merge for
 * backups, packages and returns).
 */
import { defineStore } from 'pinia'
import { deviceIdentity } from '@/commands/stamp'
import { markExported, readSnapshot } from '@/db/backup'
import { attachChecksum, canonicalText, createBackup } from '@/domain/exchange/serialise'
import { checksumOfAsync } from '@/domain/exchange/checksum'
import { SCORING_MODEL_VERSION } from '@/domain/analysis/method'
import { localToday } from '@/platform/clock'
import { downloadText, safeFileName } from '@/platform/download'

export const useBackupStore = defineStore('backup', () => {
  /** Builds the backup file text (also used by the benchmark). */
  async function buildBackupText(now = new Date()): Promise<string> {
    const [data, { deviceId }] = await Promise.all([readSnapshot(), deviceIdentity()])
    const text = canonicalText(createBackup(data, { now, appVersion: __APP_VERSION__, scoringModelVersion: SCORING_MODEL_VERSION, deviceId }))
    // WebCrypto's SHA-256 where available (secure context), else the pure-JS one: the same checksum.
    return attachChecksum(text, await checksumOfAsync(text, globalThis.crypto?.subtle))
  }

  /** Downloads the backup as `<fileStem>-<date>.json` (the stem in the user's language). */
  async function exportBackup(fileStem: string): Promise<void> {
    const now = new Date()
    const text = await buildBackupText(now)
    downloadText(`${safeFileName(fileStem)}-${localToday(now)}.json`, text, 'application/json')
    await markExported(now.toISOString())
  }

  return { buildBackupText, exportBackup }
})
