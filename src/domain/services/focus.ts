/**
 * What the Leistungsinventar contributes to one measure of the catalogue (`CatalogMeasure.inventory`,
 * docs/catalog-2.0.md): the services the measure is about, most cases first, and the figures behind
 * them. Codes and numbers only; the Maßnahmen screen words them.
 *
 * "Online" is the rule of inventory.ts: a known level (minimum rule) ≥ `onlineLevel`.
 */
import type { Catalog, InventoryFocus } from '@/domain/model/types'
import type { FormType, MunicipalService } from './types'
import { serviceMaturity, type ServiceMaturity } from './maturity'
import { inventorySummary, topServicesNotOnline, type InventoryOptions } from './inventory'

/** One service of a focus list. */
export interface FocusService {
  serviceId: string
  name: string
  /** Cases per year; null when the inventory has no case number for the service. */
  casesPerYear: number | null
  maturity: ServiceMaturity
  formType: FormType
  onlinePayment: boolean
}

export interface FocusResult {
  focus: InventoryFocus
  /** At most `limit` services, in the order of `compareFocusServices`. */
  listed: FocusService[]
  /**
   * Services the measure is about (before the limit): 'record' → unrated, 'most_used' → not
   * online, 'forms' → not online with a PDF or no form, 'payment' → online or with an online form
   * but without e-payment.
   */
  matching: number
  /** Matching services without a case number ('most_used' cannot rank them, so they are not listed). */
  matchingWithoutCases: number
  /** Services in the inventory. */
  total: number
  /** Services whose level is not known (unrated, incomplete, other model, no criterion applicable). */
  unrated: number
}

export interface FocusOptions extends InventoryOptions {
  /** Most services listed; default 10 (negative → 0). */
  limit?: number
}

const collator = new Intl.Collator('de', { numeric: true })

const casesOf = (s: MunicipalService): number | null =>
  typeof s.casesPerYear === 'number' && Number.isFinite(s.casesPerYear) && s.casesPerYear >= 0 ? s.casesPerYear : null

/**
 * Order of every focus list: cases per year descending, services without a case number after
 * those with one; then name (German collation), then id — so the order never depends on the input.
 */
export function compareFocusServices(a: FocusService, b: FocusService): number {
  if (a.casesPerYear !== b.casesPerYear) {
    if (a.casesPerYear === null) return 1
    if (b.casesPerYear === null) return -1
    return b.casesPerYear - a.casesPerYear
  }
  return collator.compare(a.name, b.name) || (a.serviceId < b.serviceId ? -1 : a.serviceId > b.serviceId ? 1 : 0)
}

/** True when the service's ratings (on this model) say payment is not required (no fees). */
function paymentNotRequired(s: MunicipalService, options: InventoryOptions): boolean {
  if (s.maturity?.model !== options.model.key) return false
  const criterion = options.model.criteria.find((c) => c.id === 'payment')
  return criterion !== undefined && criterion.mayBeNotApplicable && s.maturity.ratings.payment === 'na'
}

/**
 * The inventory's contribution to a measure with the given focus:
 * - 'record': the figures (how many services are recorded, how many still unrated) and the
 *   unrated services with the most cases (rate these first);
 * - 'most_used': the services not yet online with the most cases (`topServicesNotOnline`);
 * - 'forms': services not yet online whose form is a PDF or none;
 * - 'payment': services online (level ≥ `onlineLevel`) or with an HTML or end-to-end form that
 *   lack e-payment — except where the payment criterion is rated 'na' (the service has no fees).
 * An empty inventory yields zeros and an empty list.
 */
export function inventoryForMeasure(services: readonly MunicipalService[], focus: InventoryFocus, options: FocusOptions): FocusResult {
  const limit = Math.max(0, Math.floor(options.limit ?? 10))
  const { total, unrated } = inventorySummary(services, options)
  const entries = services.map((s) => {
    const maturity = serviceMaturity(s.maturity, options.model)
    const entry: FocusService = { serviceId: s.id, name: s.name, casesPerYear: casesOf(s), maturity, formType: s.formType, onlinePayment: s.onlinePayment === true }
    const online = maturity.level !== null && maturity.level >= options.onlineLevel
    return { service: s, entry, online }
  })
  const result = (matches: FocusService[], listed: FocusService[]): FocusResult => ({
    focus,
    listed,
    matching: matches.length,
    matchingWithoutCases: matches.filter((m) => m.casesPerYear === null).length,
    total,
    unrated,
  })

  switch (focus) {
    case 'record': {
      const matches = entries.filter((e) => e.entry.maturity.level === null).map((e) => e.entry)
      return result(matches, [...matches].sort(compareFocusServices).slice(0, limit))
    }
    case 'most_used': {
      const matches = entries.filter((e) => !e.online).map((e) => e.entry)
      const byId = new Map(matches.map((m) => [m.serviceId, m]))
      const top = topServicesNotOnline(services, { ...options, limit })
      return result(matches, top.services.map((t) => byId.get(t.serviceId)!))
    }
    case 'forms': {
      const matches = entries.filter((e) => !e.online && (e.entry.formType === 'pdf' || e.entry.formType === 'none')).map((e) => e.entry)
      return result(matches, [...matches].sort(compareFocusServices).slice(0, limit))
    }
    case 'payment': {
      const matches = entries
        .filter((e) => (e.online || e.entry.formType === 'html-form' || e.entry.formType === 'end-to-end') && !e.entry.onlinePayment && !paymentNotRequired(e.service, options))
        .map((e) => e.entry)
      return result(matches, [...matches].sort(compareFocusServices).slice(0, limit))
    }
  }
}

/**
 * The dimensions the inventory speaks to: the first dimension of every measure that declares an
 * inventory focus, in the catalogue's dimension order (for dc-kommune 2.0.0: "Online-Dienste und OZG").
 */
export function inventoryDimensionIds(catalog: Pick<Catalog, 'dimensions' | 'measures'>): string[] {
  const wanted = new Set(catalog.measures.filter((m) => m.inventory !== undefined && m.dimensionIds.length > 0).map((m) => m.dimensionIds[0]!))
  return catalog.dimensions.map((d) => d.id).filter((id) => wanted.has(id))
}
