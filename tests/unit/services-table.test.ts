/**
 * The inventory table as data (src/domain/services/table.ts): department names, sorting with empty
 * values last in both directions and ties by name then id, the next sort after a header click, and
 * the office sheet in the order shown with the words passed in.
 */
import { describe, expect, it } from 'vitest'
import { inventoryRows, inventoryTable, nextInventorySort, sortInventory, type InventorySortKey, type SortDirection } from '@/domain/services/table'
import type { MunicipalService } from '@/domain/services/types'
import { TINY_MODEL, allAt, makeService } from './services-builders'

const SERVICES: MunicipalService[] = [
  makeService({ id: 'a', name: 'Hundesteuer', departmentId: 'd20', casesPerYear: 620, ratings: allAt(1) }),
  makeService({ id: 'b', name: 'Abfallkalender', departmentId: 'd61', casesPerYear: 9800, onlineSince: '2020-03-01', leikaKey: '99001001001000', channels: ['online', 'post'], onlinePayment: true, formType: 'end-to-end', note: 'seit 2020', ratings: allAt(3) }),
  makeService({ id: 'c', name: 'Fundsachen', casesPerYear: 700, onlineSince: '2023-07-15' }),
  // Incomplete: b unrated, so "at most 2"; an unknown department id reads as none.
  makeService({ id: 'd', name: 'Kita-Anmeldung', departmentId: 'd51', ratings: { a: 3, c: 2 } }),
  makeService({ id: 'e', name: 'Hundesteuer', departmentId: 'gone', casesPerYear: 620, ratings: allAt(1) }),
]
const DEPARTMENTS = [
  { id: 'd20', name: 'Finanzen', code: '20' },
  { id: 'd61', name: 'Umwelt', code: '61' },
  { id: 'd51', name: 'Jugendamt' },
]
const rows = inventoryRows(SERVICES, DEPARTMENTS, TINY_MODEL)
const ids = (key: InventorySortKey, dir: SortDirection) => sortInventory(rows, key, dir).map((r) => r.service.id)

describe('inventoryRows', () => {
  it('names the department by code and name (name alone without a code), keeps the order and rates by the minimum rule', () => {
    expect(rows.map((r) => [r.service.id, r.department, r.maturity.level, r.maturity.atMost, r.maturity.status])).toEqual([
      ['a', '20 · Finanzen', 1, 1, 'rated'],
      ['b', '61 · Umwelt', 3, 3, 'rated'],
      ['c', '', null, null, 'unrated'],
      ['d', 'Jugendamt', null, 2, 'incomplete'],
      ['e', '', 1, 1, 'rated'],
    ])
  })

  it('gives no rows for no services', () => {
    expect(inventoryRows([], DEPARTMENTS, TINY_MODEL)).toEqual([])
  })
})

describe('sortInventory', () => {
  it.each([
    // Same name "Hundesteuer": a before e by id, in both directions.
    ['name', 'asc', ['b', 'c', 'a', 'e', 'd']],
    ['name', 'desc', ['d', 'a', 'e', 'c', 'b']],
    // No department (c, e) last in both directions, among themselves by name.
    ['department', 'asc', ['a', 'b', 'd', 'c', 'e']],
    ['department', 'desc', ['d', 'b', 'a', 'c', 'e']],
    // 620 twice: a and e by name then id; no case number (d) last.
    ['casesPerYear', 'desc', ['b', 'c', 'a', 'e', 'd']],
    ['casesPerYear', 'asc', ['a', 'e', 'c', 'b', 'd']],
    ['onlineSince', 'asc', ['b', 'c', 'a', 'e', 'd']],
    ['onlineSince', 'desc', ['c', 'b', 'a', 'e', 'd']],
    // Level 3, at most 2 (ranks 1.5), level 1 twice, unrated lowest.
    ['maturity', 'desc', ['b', 'd', 'a', 'e', 'c']],
    ['maturity', 'asc', ['c', 'a', 'e', 'd', 'b']],
  ] as const)('by %s %s', (key, dir, expected) => {
    expect(ids(key, dir)).toEqual(expected)
  })

  it('does not depend on the input order and leaves the input alone', () => {
    const reversed = [...rows].reverse()
    expect(sortInventory(reversed, 'casesPerYear', 'desc').map((r) => r.service.id)).toEqual(ids('casesPerYear', 'desc'))
    expect(reversed.map((r) => r.service.id)).toEqual(['e', 'd', 'c', 'b', 'a'])
  })
})

describe('nextInventorySort', () => {
  it.each([
    [{ key: 'name', direction: 'asc' }, 'name', { key: 'name', direction: 'desc' }],
    [{ key: 'name', direction: 'desc' }, 'name', { key: 'name', direction: 'asc' }],
    [{ key: 'maturity', direction: 'desc' }, 'maturity', { key: 'maturity', direction: 'asc' }],
    [{ key: 'name', direction: 'asc' }, 'department', { key: 'department', direction: 'asc' }],
    [{ key: 'name', direction: 'desc' }, 'onlineSince', { key: 'onlineSince', direction: 'asc' }],
    [{ key: 'name', direction: 'asc' }, 'casesPerYear', { key: 'casesPerYear', direction: 'desc' }],
    [{ key: 'casesPerYear', direction: 'asc' }, 'maturity', { key: 'maturity', direction: 'desc' }],
  ] as const)('%j, click on %s → %j', (current, key, expected) => {
    expect(nextInventorySort(current, key)).toEqual(expected)
  })
})

describe('inventoryTable', () => {
  const labels = {
    sheet: 'Leistungen',
    headers: { name: 'L', leikaKey: 'K', department: 'F', channels: 'C', casesPerYear: 'N', onlineSince: 'S', onlinePayment: 'P', formType: 'T', maturity: 'R', note: 'B' },
    channel: (c: string) => `ch:${c}`,
    formType: (f: string) => `form:${f}`,
    maturity: (m: { level: number | null; status: string }) => `${m.status}:${m.level}`,
    yes: 'ja',
    no: 'nein',
  }

  it('writes the sheet in the order shown, numbers as numbers, dates ISO and empty cells as null', () => {
    expect(inventoryTable(sortInventory(rows, 'casesPerYear', 'desc').slice(0, 2), labels)).toEqual({
      name: 'Leistungen',
      headers: ['L', 'K', 'F', 'C', 'N', 'S', 'P', 'T', 'R', 'B'],
      rows: [
        ['Abfallkalender', '99001001001000', '61 · Umwelt', 'ch:online, ch:post', 9800, '2020-03-01', 'ja', 'form:end-to-end', 'rated:3', 'seit 2020'],
        ['Fundsachen', null, null, null, 700, '2023-07-15', 'nein', 'form:none', 'unrated:null', null],
      ],
    })
  })

  it('writes only the header row for no services', () => {
    expect(inventoryTable([], labels).rows).toEqual([])
  })
})
