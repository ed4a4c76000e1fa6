/**
 * Pure: recommendations → impact/effort matrix (bubble chart). x = Aufwand (effort 1–5),
 * y = Nutzen (impact 1–5), bubble size grows with priority. Points on the same cell are spread a
 * little so that none hides another.
 */
import { CHART_COLORS } from './palette'

export interface MatrixPoint {
  id: string
  label: string
  effort: number
  impact: number
  priority: number
  cls: keyof typeof CHART_COLORS.classes
}

export function matrixData(points: MatrixPoint[], classLabels: Record<MatrixPoint['cls'], string>) {
  const maxPriority = Math.max(1, ...points.map((p) => p.priority))
  const seen = new Map<string, number>()
  const placed = points.map((p) => {
    const cell = `${p.effort}/${p.impact}`
    const k = seen.get(cell) ?? 0
    seen.set(cell, k + 1)
    const angle = k * 2.4
    const r = k === 0 ? 0 : Math.min(0.38, 0.08 * Math.sqrt(k))
    return { ...p, x: p.effort + r * Math.cos(angle), y: p.impact + r * Math.sin(angle), r: 4 + 12 * Math.sqrt(p.priority / maxPriority) }
  })
  const classes = Object.keys(CHART_COLORS.classes) as MatrixPoint['cls'][]
  return {
    datasets: classes
      .map((cls) => ({
        label: classLabels[cls],
        data: placed.filter((p) => p.cls === cls).map((p) => ({ x: p.x, y: p.y, r: p.r, label: p.label })),
        backgroundColor: `${CHART_COLORS.classes[cls]}b3`,
        borderColor: CHART_COLORS.classes[cls],
      }))
      .filter((d) => d.data.length > 0),
  }
}

/** Shows only the scale values 1–5 as tick labels (cells are centred on them). */
export function integerTick(value: number | string): string {
  return Number.isInteger(Number(value)) ? String(value) : ''
}

export function matrixOptions(axis: { effort: string; impact: string }) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    scales: {
      x: { min: 0.5, max: 5.5, title: { display: true, text: axis.effort, color: '#1b1f24' }, ticks: { stepSize: 0.5, color: '#1b1f24', callback: integerTick }, grid: { display: false } },
      y: { min: 0.5, max: 5.5, title: { display: true, text: axis.impact, color: '#1b1f24' }, ticks: { stepSize: 0.5, color: '#1b1f24', callback: integerTick }, grid: { display: false } },
    },
    plugins: {
      legend: { position: 'bottom' as const, labels: { color: '#1b1f24' } },
      tooltip: { callbacks: { label: (ctx: { raw: unknown }) => (ctx.raw as { label: string }).label } },
    },
  }
}
