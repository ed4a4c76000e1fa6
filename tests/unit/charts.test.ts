import { describe, expect, it } from 'vitest'
import { integerTick, matrixData } from '@/charts/matrix'
import { radarData } from '@/charts/radar'
import { distributionData } from '@/charts/bars'

describe('chart data builders', () => {
  it('radar keeps null scores as gaps and labels both series', () => {
    const d = radarData(['A', 'B'], { label: 'FB 32', values: [50, null] }, { label: 'Mittel', values: [40, 60] })
    expect(d.labels).toEqual(['A', 'B'])
    expect(d.datasets.map((x) => [x.label, x.data])).toEqual([
      ['FB 32', [50, null]],
      ['Mittel', [40, 60]],
    ])
  })

  it('matrix groups by class, spreads points in one cell and scales bubbles by priority', () => {
    const d = matrixData(
      [
        { id: 'm1', label: 'Eins', effort: 1, impact: 4, priority: 10, cls: 'quick_win' },
        { id: 'm2', label: 'Zwei', effort: 1, impact: 4, priority: 2.5, cls: 'quick_win' },
        { id: 'm3', label: 'Drei', effort: 5, impact: 5, priority: 10, cls: 'pflicht' },
      ],
      { pflicht: 'Pflicht', quick_win: 'Quick Win', leitprojekt: 'Leitprojekt', ergaenzung: 'Ergänzung' },
    )
    expect(d.datasets.map((x) => x.label)).toEqual(['Pflicht', 'Quick Win'])
    const qw = d.datasets[1]!.data
    expect(qw[0]).toMatchObject({ x: 1, y: 4, r: 16, label: 'Eins' })
    expect(qw[1]!.r).toBe(10)
    expect(qw[1]!.x === 1 && qw[1]!.y === 4).toBe(false)
  })

  it.each([
    [1, '1'],
    [1.5, ''],
    ['3', '3'],
  ] as const)('tick %s → %j', (v, label) => {
    expect(integerTick(v)).toBe(label)
  })

  it('distribution shares become percentages with one decimal', () => {
    const d = distributionData(['D1'], [{ label: 'Stufe 0', shares: [0.12345] }])
    expect(d.datasets[0]!.data).toEqual([12.3])
  })
})
