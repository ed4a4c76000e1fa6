/**
 * User choices that change how results are computed or shown: organisation weighting (equal or by
 * staff) and the roadmap capacity (effort points per year). Kept for the session and in localStorage.
 */
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { readLocalJson, writeLocal } from '@/platform/local-settings'

const KEY = 'dc.analysis'

function read(): { weighting: 'equal' | 'staff'; capacity: number | null } {
  const v = (readLocalJson(KEY) ?? {}) as { weighting?: unknown; capacity?: unknown }
  return { weighting: v.weighting === 'staff' ? 'staff' : 'equal', capacity: typeof v.capacity === 'number' && v.capacity > 0 ? v.capacity : null }
}

export const useAnalysisSettingsStore = defineStore('analysis-settings', () => {
  const initial = read()
  const weighting = ref<'equal' | 'staff'>(initial.weighting)
  const capacity = ref<number | null>(initial.capacity)
  watch([weighting, capacity], () => writeLocal(KEY, JSON.stringify({ weighting: weighting.value, capacity: capacity.value })))
  return { weighting, capacity }
})
