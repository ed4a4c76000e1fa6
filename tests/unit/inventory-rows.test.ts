/**
 * Rows of the inventory table (src/components/inventory/inventory-rows.ts): department names,
 * sorting with empty values last in both directions and ties by name, the maturity wording, and
 * the office sheet in the order shown.
 */
import { describe, expect, it } from 'vitest'
import { inventoryRows, inventoryTable, maturityLabel, sortInventory, type InventorySortKey, type SortDirection } from '@/components/inventory/inventory-rows'
import { OZG_RGM_2 } from '@/domain/services/maturity-model'
import type { CriterionRating, MunicipalService } from '@/domain/services/types'

const all = (level: CriterionRating, except: Record<string, CriterionRating | undefined> = {}) => {
  const r: Record<string, CriterionRating> = {}
  for (const c of OZG_RGM_2.criteria) {
    const v = c.id in except ? except[c.id] : level
    if (v !== undefined) r[c.id] = v
  }
  return r
}
function makeService(id: string, name: string, extra: Partial<MunicipalService> = {}): MunicipalService {
  return { id, name, channels: [], onlinePayment: false, formType: 'none', maturity: { model: OZG_RGM_2.key, ratings: {} }, ...extra }
}
const SERVICES = [
  makeService('a', 'Hundesteuer', { departmentId: 'd20', casesPerYear: 620, maturity: { model: OZG_RGM_2.key, ratings: all(1) } }),
  makeService('b', 'Abfallkalender', { departmentId: 'd61', casesPerYear: 9800, onlineSince: '2020-03-01', maturity: { model: OZG_RGM_2.key, ratings: all(3) } }),
  makeService('c', 'Fundsachen', { casesPerYear: 700 }),
  makeService('d', 'Kita-Anmeldung', { departmentId: 'd51', maturity: { model: OZG_RGM_2.key, ratings: all(3, { records: undefined, processing: 2 }) } }),
]
const DEPARTMENTS = [
  { id: 'd20', name: 'Finanzen', code: '20' },
  { id: 'd61', name: 'Umwelt', code: '61' },
  { id: 'd51', name: 'Jugendamt', code: '51' },
]
const rows = inventoryRows(SERVICES, DEPARTMENTS, OZG_RGM_2)
const ids = (key: InventorySortKey, dir: SortDirection) => sortInventory(rows, key, dir).map((r) => r.service.id)
const t = (key: string, params: Record<string, unknown> = {}) => `${key}${Object.keys(params).length ? JSON.stringify(params) : ''}`

describe('inventory rows', () => {
  it('names the department by code and name', () => {
    expect(rows.map((r) => r.department)).toEqual(['20 · Finanzen', '61 · Umwelt', '', '51 · Jugendamt'])
  })

  it.each([
    ['name', 'asc', ['b', 'c', 'a', 'd']],
    ['name', 'desc', ['d', 'a', 'c', 'b']],
    ['department', 'asc', ['a', 'd', 'b', 'c']],
    ['department', 'desc', ['b', 'd', 'a', 'c']],
    ['casesPerYear', 'desc', ['b', 'c', 'a', 'd']],
    ['casesPerYear', 'asc', ['a', 'c', 'b', 'd']],
    ['onlineSince', 'asc', ['b', 'c', 'a', 'd']],
    ['maturity', 'desc', ['b', 'd', 'a', 'c']],
    ['maturity', 'asc', ['c', 'a', 'd', 'b']],
  ] as const)('sorts by %s %s', (key, dir, expected) => {
    expect(ids(key, dir)).toEqual(expected)
  })

  it('words the maturity: level, upper bound while incomplete, status otherwise', () => {
    expect(rows.map((r) => maturityLabel(r.maturity, t))).toEqual(['inventory.level{"level":1}', 'inventory.level{"level":3}', 'inventory.maturityStatus.unrated', 'inventory.atMost{"level":2}'])
  })

  it('writes the sheet in the order shown, numbers as numbers and empty cells as null', () => {
    const table = inventoryTable(sortInventory(rows, 'casesPerYear', 'desc').slice(0, 2), {
      sheet: 'Leistungen',
      headers: { name: 'L', leikaKey: 'K', department: 'F', channels: 'C', casesPerYear: 'N', onlineSince: 'S', onlinePayment: 'P', formType: 'T', maturity: 'R', note: 'B' },
      channel: (c) => c,
      formType: (f) => `form:${f}`,
      maturity: (m) => String(m.level),
      yes: 'ja',
      no: 'nein',
    })
    expect(table).toEqual({
      name: 'Leistungen',
      headers: ['L', 'K', 'F', 'C', 'N', 'S', 'P', 'T', 'R', 'B'],
      rows: [
        ['Abfallkalender', null, '61 · Umwelt', null, 9800, '2020-03-01', 'nein', 'form:none', '3', null],
        ['Fundsachen', null, null, null, 700, null, 'nein', 'form:none', 'null', null],
      ],
    })
  })
})
