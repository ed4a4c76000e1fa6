/**
 * User choices that change how results are computed or shown: organisation weighting (equal or by
 * staff), the roadmap capacity of method 1.0 (effort points per year) and the planning settings of
 * method 2.0 (capacity in person-days per year, first year and length of the horizon, phase ends).
 * Kept for the session and in localStorage.
 */
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { readLocalJson, writeLocal } from '@/platform/local-settings'

const KEY = 'dc.analysis'

interface Stored {
  weighting: 'equal' | 'staff'
  capacity: number | null
  capacityDays: number | null
  horizonStart: number | null
  horizonYears: number
  phases: number[] | null
}

const positive = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : null)

function read(): Stored {
  const v = (readLocalJson(KEY) ?? {}) as Record<string, unknown>
  const years = positive(v.horizonYears)
  const phases = Array.isArray(v.phases) && v.phases.every((p) => Number.isInteger(p) && (p as number) > 0) ? (v.phases as number[]) : null
  const start = positive(v.horizonStart)
  return {
    weighting: v.weighting === 'staff' ? 'staff' : 'equal',
    capacity: positive(v.capacity),
    capacityDays: positive(v.capacityDays),
    horizonStart: start !== null && Number.isInteger(start) ? start : null,
    horizonYears: years !== null && Number.isInteger(years) ? Math.min(10, years) : 10,
    phases,
  }
}

export const useAnalysisSettingsStore = defineStore('analysis-settings', () => {
  const initial = read()
  const weighting = ref<'equal' | 'staff'>(initial.weighting)
  const capacity = ref<number | null>(initial.capacity)
  const capacityDays = ref<number | null>(initial.capacityDays)
  const horizonStart = ref<number | null>(initial.horizonStart)
  const horizonYears = ref<number>(initial.horizonYears)
  const phases = ref<number[] | null>(initial.phases)
  watch([weighting, capacity, capacityDays, horizonStart, horizonYears, phases], () =>
    writeLocal(
      KEY,
      JSON.stringify({ weighting: weighting.value, capacity: capacity.value, capacityDays: capacityDays.value, horizonStart: horizonStart.value, horizonYears: horizonYears.value, phases: phases.value }),
    ),
  { deep: true })
  return { weighting, capacity, capacityDays, horizonStart, horizonYears, phases }
})
