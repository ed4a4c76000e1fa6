import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { bubbleRadius, CELL_SPAN, cellBorder, cellGrid, integerTick, matrixData } from '@/charts/matrix'
import { radarData } from '@/charts/radar'
import { distributionData } from '@/charts/bars'

describe('chart data builders', () => {
  it('radar keeps null scores as gaps and labels both series', () => {
    const d = radarData(['A', 'B'], { label: 'FB 32', values: [50, null] }, { label: 'Mittel', values: [40, 60] })
    expect(d.labels).toEqual([['A'], ['B']])
    expect(d.datasets.map((x) => [x.label, x.data])).toEqual([
      ['FB 32', [50, null]],
      ['Mittel', [40, 60]],
    ])
  })

  it('matrix groups by class, numbers each bubble with its rank and keeps points of one cell on a grid', () => {
    const d = matrixData(
      [
        { id: 'm1', label: 'Eins', rank: 1, effort: 1, impact: 4, priority: 10, cls: 'quick_win' },
        { id: 'm2', label: 'Zwei', rank: 2, effort: 1, impact: 4, priority: 2.5, cls: 'quick_win' },
        { id: 'm3', label: 'Drei', rank: 3, effort: 5, impact: 5, priority: 10, cls: 'pflicht' },
      ],
      { pflicht: 'Pflicht', quick_win: 'Quick Win', leitprojekt: 'Leitprojekt', ergaenzung: 'Ergänzung' },
    )
    expect(d.datasets.map((x) => x.label)).toEqual(['Pflicht', 'Quick Win'])
    // Two in one cell: a 2 × 1 grid, slot 0.42, centres ±0.21 around (1, 4); a lone one in the centre.
    expect(d.datasets[1]!.data).toEqual([
      { x: 0.79, y: 4, n: 1, slot: 0.42, label: '1. Eins' },
      { x: 1.21, y: 4, n: 2, slot: 0.42, label: '2. Zwei' },
    ])
    expect(d.datasets[0]!.data).toEqual([{ x: 5, y: 5, n: 3, slot: 0.84, label: '3. Drei' }])
  })

  it('cellGrid: exact grids for 1, 3 and 5 points', () => {
    const round = (g: ReturnType<typeof cellGrid>) => ({ slot: +g.slot.toFixed(4), offsets: g.offsets.map((o) => [+o.dx.toFixed(4), +o.dy.toFixed(4)]) })
    expect(round(cellGrid(1))).toEqual({ slot: 0.84, offsets: [[0, 0]] })
    expect(round(cellGrid(3))).toEqual({ slot: 0.42, offsets: [[-0.21, 0.21], [0.21, 0.21], [-0.21, -0.21]] })
    expect(round(cellGrid(5))).toEqual({ slot: 0.28, offsets: [[-0.28, 0.14], [0, 0.14], [0.28, 0.14], [-0.28, -0.14], [0, -0.14]] })
  })

  it('cellGrid: any number of measures in one cell stay inside it and at least one slot apart (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 150 }), (count) => {
        const { offsets, slot } = cellGrid(count)
        const inside = offsets.every((o) => Math.max(Math.abs(o.dx), Math.abs(o.dy)) + slot / 2 <= CELL_SPAN / 2 + 1e-9)
        const apart = offsets.every((a, i) => offsets.every((b, j) => j <= i || Math.hypot(a.dx - b.dx, a.dy - b.dy) >= slot - 1e-9))
        return offsets.length === count && inside && apart
      }),
    )
  })

  it('bubbleRadius: just under half the slot in pixels, between 2 and 14', () => {
    expect([bubbleRadius(0.84, 100), bubbleRadius(0.42, 50), bubbleRadius(0.1, 20)]).toEqual([14, 9.5, 2])
  })

  it.each([
    [1, '1'],
    [1.5, ''],
    ['3', '3'],
  ] as const)('tick %s → %j', (v, label) => {
    expect(integerTick(v)).toBe(label)
  })

  it.each([
    [0.5, '#d5dbe1'],
    [1, 'transparent'],
  ] as const)('cell border at %s → %s', (value, color) => {
    expect(cellBorder({ tick: { value } })).toBe(color)
  })

  it('distribution shares become percentages with one decimal', () => {
    const d = distributionData([{ short: 'D1', full: 'Dimension 1' }], [{ label: 'Stufe 0', shares: [0.12345] }])
    expect(d.datasets[0]!.data).toEqual([12.3])
  })
})
