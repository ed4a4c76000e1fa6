/** The management report's charts: still pictures (no animation, fixed size), nulls kept as gaps, heights by rows. */
import { describe, expect, it } from 'vitest'
import { CHART_COLORS } from '@/charts/palette'
import { barChartHeight, reportChangeChart, reportProfileChart } from '@/charts/report'

describe('report charts', () => {
  it('profile: one bar per dimension on 0–100, unscored as a gap, no legend, drawn once', () => {
    const c = reportProfileChart(['Strategie', 'Daten'], [46.7, null], 'Reifegrad')
    expect(c.type).toBe('bar')
    expect(c.data.labels).toEqual(['Strategie', 'Daten'])
    expect(c.data.datasets.map((d) => [d.label, d.data, d.backgroundColor])).toEqual([['Reifegrad', [46.7, null], CHART_COLORS.primary]])
    expect(c.options).toMatchObject({ responsive: false, animation: false, events: [], indexAxis: 'y', plugins: { legend: { display: false }, tooltip: { enabled: false } } })
    expect([c.options.scales.x.min, c.options.scales.x.max, c.options.scales.x.ticks.stepSize]).toEqual([0, 100, 25])
    expect(c.options.scales.y.ticks.autoSkip).toBe(false)
  })

  it('change: the previous round, then this round, each named, with a legend', () => {
    const c = reportChangeChart(['Strategie'], [30.8], [47.7], { previous: 'Check 2024', current: 'Check 2026' }, 12)
    expect(c.data.datasets.map((d) => [d.label, d.data, d.backgroundColor])).toEqual([
      ['Check 2024', [30.8], CHART_COLORS.secondary],
      ['Check 2026', [47.7], CHART_COLORS.primary],
    ])
    expect(c.options.plugins.legend).toMatchObject({ position: 'bottom', labels: { font: { size: 12 } } })
    expect(c.options).toMatchObject({ responsive: false, animation: false })
  })

  it.each([
    [9, {}, 9 * 24 + 36],
    [9, { legend: true }, 9 * 24 + 36 + 28],
    [3, { rowHeight: 30 }, 3 * 30 + 36],
    [0, {}, 24 + 36],
  ] as const)('%i rows %j → %i px', (rows, options, height) => {
    expect(barChartHeight(rows, options)).toBe(height)
  })
})
