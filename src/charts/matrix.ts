/**
 * Pure: recommendations → impact/effort matrix (bubble chart). x = Aufwand (effort 1–5),
 * y = Wirkung (impact 1–5). Every bubble carries its rank number, the same as in the table beside
 * the chart. The measures of one cell sit on a grid inside the cell, so that none hides another
 * however many share it; the bubble radius follows the grid's slot size (see matrixOptions).
 */
import { CHART_COLORS } from './palette'

export interface MatrixPoint {
  id: string
  label: string
  /** Rank in the recommendation list: the number drawn in the bubble and shown in the table. */
  rank: number
  effort: number
  impact: number
  priority: number
  cls: keyof typeof CHART_COLORS.classes
}

/** Share of a cell (1 × 1 scale unit around the integer value) the grid of its points may use. */
export const CELL_SPAN = 0.84

/**
 * Offsets from the cell centre for `count` points: a grid of ⌈√count⌉ columns and as many rows
 * as needed, filled row by row from the top left, spanning CELL_SPAN; `slot` is the distance
 * between neighbouring centres (scale units). One point sits in the centre.
 */
export function cellGrid(count: number): { offsets: { dx: number; dy: number }[]; slot: number } {
  if (count <= 0) return { offsets: [], slot: CELL_SPAN }
  const cols = Math.ceil(Math.sqrt(count))
  const rows = Math.ceil(count / cols)
  const slot = CELL_SPAN / cols
  const offsets = Array.from({ length: count }, (_, i) => {
    const c = i % cols
    const r = Math.floor(i / cols)
    return { dx: (c - (cols - 1) / 2) * slot, dy: ((rows - 1) / 2 - r) * slot }
  })
  return { offsets, slot }
}

export interface MatrixDatum {
  x: number
  y: number
  /** Rank number drawn in the bubble. */
  n: number
  /** Slot size in scale units: the bubble's diameter may not exceed it. */
  slot: number
  label: string
}

export function matrixData(points: MatrixPoint[], classLabels: Record<MatrixPoint['cls'], string>) {
  const cells = new Map<string, MatrixPoint[]>()
  for (const p of [...points].sort((a, b) => a.rank - b.rank)) {
    const key = `${p.effort}/${p.impact}`
    cells.set(key, [...(cells.get(key) ?? []), p])
  }
  const placed = new Map<string, MatrixDatum>()
  for (const members of cells.values()) {
    const { offsets, slot } = cellGrid(members.length)
    members.forEach((p, i) => {
      const o = offsets[i]!
      placed.set(p.id, { x: p.effort + o.dx, y: p.impact + o.dy, n: p.rank, slot, label: `${p.rank}. ${p.label}` })
    })
  }
  const classes = Object.keys(CHART_COLORS.classes) as MatrixPoint['cls'][]
  return {
    datasets: classes
      .map((cls) => ({
        label: classLabels[cls],
        data: points.filter((p) => p.cls === cls).map((p) => placed.get(p.id)!),
        backgroundColor: `${CHART_COLORS.classes[cls]}33`,
        borderColor: CHART_COLORS.classes[cls],
        borderWidth: 2,
      }))
      .filter((d) => d.data.length > 0),
  }
}

/** Largest bubble radius in pixels (a lone measure in a big chart). */
const MAX_RADIUS = 14

/** Radius in pixels for a point: just under half its slot in pixels, at most MAX_RADIUS. */
export function bubbleRadius(slot: number, pxPerUnit: number): number {
  return Math.max(2, Math.min(MAX_RADIUS, (slot * pxPerUnit) / 2 - 1))
}

interface ScaleLike {
  getPixelForValue(v: number): number
}
interface ChartLike {
  scales: Record<string, ScaleLike | undefined>
}

function pxPerUnit(chart: ChartLike): number {
  const { x, y } = chart.scales
  if (!x || !y) return 0
  return Math.min(Math.abs(x.getPixelForValue(1) - x.getPixelForValue(0)), Math.abs(y.getPixelForValue(1) - y.getPixelForValue(0)))
}

/** Smallest radius (pixels) at which a rank number is still drawn inside the bubble. */
const LABEL_MIN_RADIUS = 7

/** Chart.js plugin: draws each bubble's rank number in its centre when it fits. */
export const rankLabels = {
  id: 'rankLabels',
  afterDatasetsDraw(chart: ChartLike & {
    ctx: CanvasRenderingContext2D
    data: { datasets: { data: unknown[] }[] }
    getDatasetMeta(i: number): { hidden: boolean | null; data: { x: number; y: number; options?: { radius?: number } }[] }
    isDatasetVisible(i: number): boolean
  }): void {
    const { ctx } = chart
    ctx.save()
    ctx.textAlign = 'center'
    ctx.textBaseline = 'middle'
    ctx.fillStyle = '#1b1f24'
    chart.data.datasets.forEach((dataset, i) => {
      if (!chart.isDatasetVisible(i)) return
      chart.getDatasetMeta(i).data.forEach((el, j) => {
        const radius = el.options?.radius ?? 0
        if (radius < LABEL_MIN_RADIUS) return
        const n = String((dataset.data[j] as MatrixDatum).n)
        ctx.font = `600 ${Math.min(12, Math.floor(radius * (n.length > 2 ? 0.8 : 1.05)))}px "Fira Sans", sans-serif`
        ctx.fillText(n, el.x, el.y)
      })
    })
    ctx.restore()
  },
}

/** Shows only the scale values 1–5 as tick labels (cells are centred on them). */
export function integerTick(value: number | string): string {
  return Number.isInteger(Number(value)) ? String(value) : ''
}

/** Grid lines only between cells (at x.5), so that each effort/impact cell reads as a box. */
export function cellBorder(ctx: { tick?: { value: number } }): string {
  return ctx.tick && !Number.isInteger(ctx.tick.value) ? '#d5dbe1' : 'transparent'
}

export function matrixOptions(axis: { effort: string; impact: string }) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    scales: {
      x: { min: 0.5, max: 5.5, title: { display: true, text: axis.effort, color: '#1b1f24' }, ticks: { stepSize: 0.5, color: '#1b1f24', callback: integerTick }, grid: { color: cellBorder } },
      y: { min: 0.5, max: 5.5, title: { display: true, text: axis.impact, color: '#1b1f24' }, ticks: { stepSize: 0.5, color: '#1b1f24', callback: integerTick }, grid: { color: cellBorder } },
    },
    elements: {
      point: { radius: (ctx: { chart: ChartLike; raw: unknown }) => bubbleRadius((ctx.raw as MatrixDatum).slot, pxPerUnit(ctx.chart)) },
    },
    plugins: {
      legend: { position: 'bottom' as const, labels: { color: '#1b1f24' } },
      tooltip: { callbacks: { label: (ctx: { raw: unknown }) => (ctx.raw as { label: string }).label } },
    },
  }
}
