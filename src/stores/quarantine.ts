/**
 * Stored records that fail validation ("quarantine"): a background check after start when the
 * app's rules changed since the last check (the full import rules are loaded only for it), the list for the data screen, and saving the quarantined
 * records as a file. Reads everywhere leave them out (src/db/quarantine.ts); nothing is deleted.
 */
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { readQuarantined, scanStoredData } from '@/db/quarantine'
import type { QuarantineEntry } from '@/domain/model/stored-guard'
import { localToday } from '@/platform/clock'
import { downloadText, safeFileName } from '@/platform/download'

export const useQuarantineStore = defineStore('quarantine', () => {
  const entries = shallowRef<QuarantineEntry[] | null>(null)
  const scanning = shallowRef(false)

  /** Validates everything stored with the import rules and records what fails. */
  async function scan(): Promise<QuarantineEntry[]> {
    scanning.value = true
    try {
      const { validateStored } = await import('@/domain/exchange/stored-records')
      entries.value = await scanStoredData(validateStored, __STORED_RULES_ID__)
      return entries.value
    } finally {
      scanning.value = false
    }
  }

  /** Saves the raw quarantined records with their problems as `<fileStem>-<date>.json`. */
  async function save(list: readonly QuarantineEntry[], fileStem: string): Promise<void> {
    const records = await readQuarantined(list)
    const text = JSON.stringify({ format: 'digitalisierungs-check/quarantine', savedAt: new Date().toISOString(), records }, null, 2)
    downloadText(`${safeFileName(fileStem)}-${localToday()}.json`, text, 'application/json')
  }

  return { entries, scanning, scan, save }
})
