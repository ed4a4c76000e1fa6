/**
 * User choices that change how results are computed or shown: organisation weighting (equal or by
 * staff) and the roadmap capacity (effort points per year). Kept for the session and in localStorage.
 */
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'

const KEY = 'dc.analysis'

function read(): { weighting: 'equal' | 'staff'; capacity: number | null } {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '{}') as { weighting?: unknown; capacity?: unknown }
    return { weighting: v.weighting === 'staff' ? 'staff' : 'equal', capacity: typeof v.capacity === 'number' && v.capacity > 0 ? v.capacity : null }
  } catch {
    return { weighting: 'equal', capacity: null }
  }
}

export const useAnalysisSettingsStore = defineStore('analysis-settings', () => {
  const initial = read()
  const weighting = ref<'equal' | 'staff'>(initial.weighting)
  const capacity = ref<number | null>(initial.capacity)
  watch([weighting, capacity], () => {
    try {
      localStorage.setItem(KEY, JSON.stringify({ weighting: weighting.value, capacity: capacity.value }))
    } catch {
      // not persisted
    }
  })
  return { weighting, capacity }
})
