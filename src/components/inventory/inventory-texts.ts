/**
 * Words for the Leistungsinventar that more than one component shows; the table itself as data
 * (rows, sorting, the office sheet) is in src/domain/services/table.ts.
 */
import type { ServiceMaturity } from '@/domain/services/maturity'

/**
 * The maturity cell in words: "Stufe 4" when complete, "höchstens Stufe 3" while criteria are
 * missing, otherwise the status ("nicht bewertet", "kein Kriterium anwendbar", …).
 */
export function maturityLabel(m: ServiceMaturity, t: (key: string, params?: Record<string, unknown>) => string): string {
  if (m.level !== null) return t('inventory.level', { level: m.level })
  if (m.status === 'incomplete' && m.atMost !== null) return t('inventory.atMost', { level: m.atMost })
  return t(`inventory.maturityStatus.${m.status}`)
}
