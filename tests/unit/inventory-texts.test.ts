/**
 * The maturity cell of the inventory in words (src/components/inventory/inventory-texts.ts): the
 * level when known, the upper bound while criteria are missing, otherwise the status.
 */
import { describe, expect, it } from 'vitest'
import { maturityLabel } from '@/components/inventory/inventory-texts'
import type { ServiceMaturity } from '@/domain/services/maturity'
import de from '@/i18n/strategy.de'
import { makeI18n } from '../fixtures/i18n'

const { t } = makeI18n().global
const m = (level: ServiceMaturity['level'], atMost: ServiceMaturity['atMost'], status: ServiceMaturity['status']): ServiceMaturity => ({ level, atMost, status, limiting: [], missing: [], notApplicable: [] })

describe('maturityLabel', () => {
  it.each([
    [m(4, 4, 'rated'), 'Stufe 4'],
    [m(0, 0, 'rated'), 'Stufe 0'],
    [m(null, 3, 'incomplete'), 'höchstens Stufe 3'],
    [m(null, null, 'incomplete'), de.inventory.maturityStatus.incomplete],
    [m(null, null, 'unrated'), de.inventory.maturityStatus.unrated],
    [m(null, null, 'not_applicable'), de.inventory.maturityStatus.not_applicable],
    [m(null, null, 'other_model'), de.inventory.maturityStatus.other_model],
  ])('%j → %s', (maturity, expected) => {
    expect(maturityLabel(maturity, t)).toBe(expected)
  })
})
