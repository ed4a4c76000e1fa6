/**
 * The Leistungsinventar as a table: each service with its department's name and its level by the
 * minimum rule, sorting by a column, and the table as an office sheet. Values and codes only; the
 * words of the sheet (headers, channels, form types, the maturity cell) are passed in by the UI.
 */
import { serviceMaturity, type ServiceMaturity } from './maturity'
import type { MaturityModel } from './maturity-model'
import type { FormType, MunicipalService, ServiceChannel } from './types'

export interface InventoryRow<S extends MunicipalService = MunicipalService> {
  service: S
  /** Name of the responsible department, "code · name" ('' when none or unknown). */
  department: string
  maturity: ServiceMaturity
}

export const INVENTORY_SORT_KEYS = ['name', 'department', 'casesPerYear', 'onlineSince', 'maturity'] as const
export type InventorySortKey = (typeof INVENTORY_SORT_KEYS)[number]
export type SortDirection = 'asc' | 'desc'
export interface InventorySort {
  key: InventorySortKey
  direction: SortDirection
}

const collator = new Intl.Collator('de', { numeric: true, sensitivity: 'base' })

/** Each service with its department name and maturity on `model` (order kept). */
export function inventoryRows<S extends MunicipalService>(services: readonly S[], departments: readonly { id: string; name: string; code?: string }[], model: MaturityModel): InventoryRow<S>[] {
  const names = new Map(departments.map((d) => [d.id, d.code ? `${d.code} · ${d.name}` : d.name]))
  return services.map((service) => ({ service, department: (service.departmentId && names.get(service.departmentId)) || '', maturity: serviceMaturity(service.maturity, model) }))
}

/**
 * Sort value of the maturity column: a known level; an incomplete rating just below its upper
 * bound ("at most level 3" sorts under "level 3"); no rating at all lowest.
 */
function maturityRank(m: ServiceMaturity): number {
  if (m.level !== null) return m.level
  if (m.atMost !== null) return m.atMost - 0.5
  return -1
}

/**
 * The rows sorted by one column (a new array). Empty values (no department, no case number, not
 * online) go last in either direction; ties fall back to the name and then the id, both ascending,
 * so the order never depends on the input order.
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

/**
 * The sort after a click on a column header: the sorted column flips its direction; another column
 * starts with the largest first where that is what one looks for (cases, maturity), else ascending.
 */
export function nextInventorySort(current: InventorySort, key: InventorySortKey): InventorySort {
  if (key === current.key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' }
  return { key, direction: key === 'casesPerYear' || key === 'maturity' ? 'desc' : 'asc' }
}

/** The words of the sheet, from the caller's i18n. */
export interface InventorySheetLabels {
  sheet: string
  headers: Record<'name' | 'leikaKey' | 'department' | 'channels' | 'casesPerYear' | 'onlineSince' | 'onlinePayment' | 'formType' | 'maturity' | 'note', string>
  channel: (c: ServiceChannel) => string
  formType: (f: FormType) => string
  maturity: (m: ServiceMaturity) => string
  yes: string
  no: string
}

/** One sheet; the shape of an office export table (domain/results/table-export `ExportTable`). */
export interface InventorySheet {
  name: string
  headers: string[]
  rows: (string | number | null)[][]
}

/**
 * The inventory as one office sheet in the order given (the order shown). Columns: name, LeiKa key,
 * department, channels, cases per year, online since, online payment, form, maturity, note.
 * Numbers stay number cells, dates ISO; an empty value is an empty cell (null).
 */
export function inventoryTable(rows: readonly InventoryRow[], labels: InventorySheetLabels): InventorySheet {
  const h = labels.headers
  return {
    name: labels.sheet,
    headers: [h.name, h.leikaKey, h.department, h.channels, h.casesPerYear, h.onlineSince, h.onlinePayment, h.formType, h.maturity, h.note],
    rows: rows.map(({ service: s, department, maturity }) => [
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
