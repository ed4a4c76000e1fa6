/**
 * ProgressMaturity (Sachstandsbericht): the maturity movement between the two newest rounds as a
 * table — scores with one decimal, the change with its sign and its direction for screen readers,
 * "–" where a round has no score; a note instead of the table when there is no second round.
 */
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ProgressMaturity from '@/components/agenda/ProgressMaturity.vue'
import type { MaturityMovement } from '@/domain/agenda/report'
import de from '@/i18n/strategy.de'
import { makeI18n } from '../fixtures/i18n'

const movement: MaturityMovement = {
  organisation: { a: 41.25, b: 47, delta: 5.75, direction: 'up' },
  dimensions: [
    { dimensionId: 'd1', a: 50, b: 48.5, delta: -1.5, direction: 'down' },
    { dimensionId: 'd2', a: 30, b: 30, delta: 0, direction: 'same' },
    { dimensionId: 'd3', a: null, b: 20, delta: null, direction: 'n/a' },
  ],
}
const mountIt = (m: MaturityMovement | null) =>
  mount(ProgressMaturity, { props: { movement: m, previousName: 'Runde 2024', currentName: 'Runde 2026', dimTitle: (id: string) => `Dimension ${id}` }, global: { plugins: [makeI18n()] } })

describe('ProgressMaturity', () => {
  it('writes scores and signed changes per row', () => {
    const w = mountIt(movement)
    const dir = de.agenda.report.direction
    expect(w.findAll('tbody tr').map((tr) => tr.findAll('th, td').map((c) => c.text().replace(/\s+/g, ' ')))).toEqual([
      [de.agenda.report.organisation, '41,3', '47,0', `+5,8 (${dir.up})`],
      ['Dimension d1', '50,0', '48,5', `−1,5 (${dir.down})`],
      ['Dimension d2', '30,0', '30,0', `±0,0 (${dir.same})`],
      ['Dimension d3', '–', '20,0', `– (${dir['n/a']})`],
    ])
  })

  it('says so when there is nothing to compare', () => {
    expect(mountIt(null).find('table').exists()).toBe(false)
    expect(mountIt(null).text()).toContain(de.agenda.report.noMaturity)
  })
})
