/**
 * Rows of the inventory table as the screen shows them: each service with its department's name
 * and its level by the minimum rule; sorting by a column; the table as an office sheet. Plain
 * functions (labels are passed in), so the screen and its export stay the same and are tested
 * without mounting.
 */
import type { ExportTable, TableCell } from '@/domain/results/table-export'
import { serviceMaturity, type ServiceMaturity } from '@/domain/services/maturity'
import type { MaturityModel } from '@/domain/services/maturity-model'
import type { FormType, MunicipalService, ServiceChannel } from '@/domain/services/types'

export interface InventoryRow<S extends MunicipalService = MunicipalService> {
  service: S
  /** Name of the responsible department ('' when none or unknown). */
  department: string
  maturity: ServiceMaturity
}

export const SORT_KEYS = ['name', 'department', 'casesPerYear', 'onlineSince', 'maturity'] as const
export type InventorySortKey = (typeof SORT_KEYS)[number]
export type SortDirection = 'asc' | 'desc'

const collator = new Intl.Collator('de', { numeric: true, sensitivity: 'base' })

/** Each service with its department name and maturity (order kept). */
export function inventoryRows<S extends MunicipalService>(services: readonly S[], departments: readonly { id: string; name: string; code?: string }[], model: MaturityModel): InventoryRow<S>[] {
  const names = new Map(departments.map((d) => [d.id, d.code ? `${d.code} · ${d.name}` : d.name]))
  return services.map((service) => ({ service, department: (service.departmentId && names.get(service.departmentId)) || '', maturity: serviceMaturity(service.maturity, model) }))
}

/**
 * Sort value of the maturity column: a known level; an incomplete rating just below its upper
 * bound ("höchstens Stufe 3" sorts under "Stufe 3"); no rating at all lowest.
 */
function maturityRank(m: ServiceMaturity): number {
  if (m.level !== null) return m.level
  if (m.atMost !== null) return m.atMost - 0.5
  return -1
}

/**
 * The rows sorted by one column. Empty values (no department, no case number, not online) go last
 * in either direction; ties fall back to the name and then the id, so the order never depends on
 * the input order.
 */
export function sortInventory<S extends MunicipalService>(rows: readonly InventoryRow<S>[], key: InventorySortKey, direction: SortDirection): InventoryRow<S>[] {
  const sign = direction === 'asc' ? 1 : -1
  const byName = (a: InventoryRow<S>, b: InventoryRow<S>) => collator.compare(a.service.name, b.service.name) || (a.service.id < b.service.id ? -1 : a.service.id > b.service.id ? 1 : 0)
  const value = (r: InventoryRow<S>): string | number | null => {
    switch (key) {
      case 'name':
        return r.service.name
      case 'department':
        return r.department || null
      case 'casesPerYear':
        return r.service.casesPerYear ?? null
      case 'onlineSince':
        return r.service.onlineSince ?? null
      case 'maturity':
        return maturityRank(r.maturity)
    }
  }
  return [...rows].sort((a, b) => {
    const va = value(a)
    const vb = value(b)
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1
    const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb))
    return c !== 0 ? sign * c : byName(a, b)
  })
}

export interface InventoryLabels {
  sheet: string
  headers: { name: string; leikaKey: string; department: string; channels: string; casesPerYear: string; onlineSince: string; onlinePayment: string; formType: string; maturity: string; note: string }
  channel: (c: ServiceChannel) => string
  formType: (f: FormType) => string
  maturity: (m: ServiceMaturity) => string
  yes: string
  no: string
}

/** The inventory as one office sheet, in the order shown; numbers stay number cells, dates ISO. */
export function inventoryTable(rows: readonly InventoryRow[], labels: InventoryLabels): ExportTable {
  const h = labels.headers
  return {
    name: labels.sheet,
    headers: [h.name, h.leikaKey, h.department, h.channels, h.casesPerYear, h.onlineSince, h.onlinePayment, h.formType, h.maturity, h.note],
    rows: rows.map(({ service: s, department, maturity }): TableCell[] => [
      s.name,
      s.leikaKey ?? null,
      department || null,
      s.channels.map(labels.channel).join(', ') || null,
      s.casesPerYear ?? null,
      s.onlineSince ?? null,
      s.onlinePayment ? labels.yes : labels.no,
      labels.formType(s.formType),
      labels.maturity(maturity),
      s.note ?? null,
    ]),
  }
}

/**
 * The maturity cell in words: "Stufe 4" when complete, "höchstens Stufe 3" while criteria are
 * missing, otherwise the status ("nicht bewertet", "kein Kriterium anwendbar", …).
 */
export function maturityLabel(m: ServiceMaturity, t: (key: string, params?: Record<string, unknown>) => string): string {
  if (m.level !== null) return t('inventory.level', { level: m.level })
  if (m.status === 'incomplete' && m.atMost !== null) return t('inventory.atMost', { level: m.atMost })
  return t(`inventory.maturityStatus.${m.status}`)
}
