/**
 * Figures of the Leistungsinventar for the online-services dimension and its measures: services
 * per level, the share online, the cases per year that can already be handled online, and the
 * most-used services not yet online ("the ten most used services first").
 *
 * "Online" means: the service's level (minimum rule) is known and ≥ `onlineLevel`. A service whose
 * level is unknown is never counted as online; it is counted as unrated.
 */
import { FORM_TYPES, MATURITY_LEVELS, type FormType, type MaturityLevel, type MunicipalService } from './types'
import { serviceMaturity, type MaturityStatus } from './maturity'
import type { MaturityModel } from './maturity-model'

export interface InventoryOptions {
  model: MaturityModel
  /** Level from which a service counts as online (see DEFAULT_ONLINE_LEVEL). */
  onlineLevel: MaturityLevel
}

export interface InventorySummary {
  total: number
  /** Services per known level; services with an unknown level are in `unrated`. */
  byLevel: Record<MaturityLevel, number>
  unrated: number
  online: number
  /** online / total; null for an empty inventory. Unrated services count as not (known to be) online. */
  onlineShare: number | null
  /** online / services with a known level; null when none has a known level. */
  onlineShareOfRated: number | null
  cases: {
    /** Sum of cases per year over services that have a case number. */
    total: number
    /** Sum of cases per year over online services that have a case number. */
    online: number
    /** online / total; null when the total is 0 (no case numbers, or all 0). */
    onlineShare: number | null
    servicesWithCases: number
    servicesWithoutCases: number
  }
  onlinePayment: number
  byFormType: Record<FormType, number>
}

function hasCases(s: MunicipalService): s is MunicipalService & { casesPerYear: number } {
  return typeof s.casesPerYear === 'number' && Number.isFinite(s.casesPerYear) && s.casesPerYear >= 0
}

/** The inventory's figures; every share is an exact fraction (the screens round). */
export function inventorySummary(services: readonly MunicipalService[], options: InventoryOptions): InventorySummary {
  const byLevel = Object.fromEntries(MATURITY_LEVELS.map((l) => [l, 0])) as Record<MaturityLevel, number>
  const byFormType = Object.fromEntries(FORM_TYPES.map((f) => [f, 0])) as Record<FormType, number>
  let unrated = 0
  let online = 0
  let onlinePayment = 0
  let casesTotal = 0
  let casesOnline = 0
  let withCases = 0
  for (const s of services) {
    const { level } = serviceMaturity(s.maturity, options.model)
    const isOnline = level !== null && level >= options.onlineLevel
    if (level === null) unrated++
    else byLevel[level]++
    if (isOnline) online++
    if (s.onlinePayment) onlinePayment++
    if (Object.hasOwn(byFormType, s.formType)) byFormType[s.formType]++
    if (hasCases(s)) {
      withCases++
      casesTotal += s.casesPerYear
      if (isOnline) casesOnline += s.casesPerYear
    }
  }
  const total = services.length
  const rated = total - unrated
  return {
    total,
    byLevel,
    unrated,
    online,
    onlineShare: total > 0 ? online / total : null,
    onlineShareOfRated: rated > 0 ? online / rated : null,
    cases: {
      total: casesTotal,
      online: casesOnline,
      onlineShare: casesTotal > 0 ? casesOnline / casesTotal : null,
      servicesWithCases: withCases,
      servicesWithoutCases: total - withCases,
    },
    onlinePayment,
    byFormType,
  }
}

export interface TopService {
  serviceId: string
  name: string
  casesPerYear: number
  /** Known level below the online level, or null (not rated / incomplete). */
  level: MaturityLevel | null
  status: MaturityStatus
}

const collator = new Intl.Collator('de', { numeric: true })

/**
 * The `limit` services with the most cases per year that are not (known to be) online: level
 * below `onlineLevel` or unknown. Services without a case number cannot be ranked and are only
 * counted (`withoutCases`). Order: cases descending, then name (German collation), then id, so
 * ties never depend on the input order. The input of the measure "the ten most used services first".
 */
export function topServicesNotOnline(
  services: readonly MunicipalService[],
  options: InventoryOptions & { limit?: number },
): { services: TopService[]; withoutCases: number } {
  const limit = Math.max(0, Math.floor(options.limit ?? 10))
  let withoutCases = 0
  const candidates: TopService[] = []
  for (const s of services) {
    const m = serviceMaturity(s.maturity, options.model)
    if (m.level !== null && m.level >= options.onlineLevel) continue
    if (!hasCases(s)) {
      withoutCases++
      continue
    }
    candidates.push({ serviceId: s.id, name: s.name, casesPerYear: s.casesPerYear, level: m.level, status: m.status })
  }
  candidates.sort((a, b) => b.casesPerYear - a.casesPerYear || collator.compare(a.name, b.name) || (a.serviceId < b.serviceId ? -1 : a.serviceId > b.serviceId ? 1 : 0))
  return { services: candidates.slice(0, limit), withoutCases }
}
