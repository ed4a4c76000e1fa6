/**
 * The Leistungsinventar's key figures for a list of services (screen /leistungen and the management
 * report): the summary and the ten most used services not yet online, on the OZG maturity model 2.0
 * with its default online level.
 */
import { computed, type ComputedRef } from 'vue'
import type { ServiceRecord } from '@/domain/services/types'
import { inventorySummary, topServicesNotOnline, type InventorySummary, type TopService } from '@/domain/services/inventory'
import { DEFAULT_ONLINE_LEVEL, OZG_RGM_2 } from '@/domain/services/maturity-model'

export const INVENTORY_MODEL = OZG_RGM_2
export const INVENTORY_ONLINE_LEVEL = DEFAULT_ONLINE_LEVEL
const options = { model: INVENTORY_MODEL, onlineLevel: INVENTORY_ONLINE_LEVEL }

export function useInventoryFigures(services: () => readonly ServiceRecord[]): {
  summary: ComputedRef<InventorySummary>
  top: ComputedRef<{ services: TopService[]; withoutCases: number }>
} {
  return {
    summary: computed(() => inventorySummary(services(), options)),
    top: computed(() => topServicesNotOnline(services(), { ...options, limit: 10 })),
  }
}
