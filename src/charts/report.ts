/**
 * Pure: the management report's charts. They are drawn once at a fixed size and printed as images
 * (ReportChart.vue), so every option here is for a still picture: no animation, no resizing, no
 * tooltips, type sizes that stay readable on A4.
 */
import { CHART_COLORS } from './palette'

/** Text and grid colours (≥ 4.5:1 and ≥ 3:1 on white). */
const TEXT = '#1b1f24'
const GRID = '#c8cfd6'

/** Options every report chart shares: a still picture. */
function still() {
  return {
    responsive: false,
    maintainAspectRatio: false,
    animation: false as const,
    events: [] as [],
    plugins: { tooltip: { enabled: false } },
  }
}

/** Horizontal bars, one per dimension, on the 0–100 scale; null = not scored (no bar). */
export function reportProfileChart(labels: string[], values: (number | null)[], label: string, fontSize = 11) {
  return {
    type: 'bar' as const,
    data: { labels, datasets: [{ label, data: values, backgroundColor: CHART_COLORS.primary, borderColor: CHART_COLORS.primary, barPercentage: 0.7 }] },
    options: {
      ...still(),
      indexAxis: 'y' as const,
      scales: {
        x: { min: 0, max: 100, ticks: { color: TEXT, stepSize: 25, font: { size: fontSize } }, grid: { color: GRID } },
        y: { ticks: { color: TEXT, autoSkip: false, font: { size: fontSize } }, grid: { display: false } },
      },
      plugins: { ...still().plugins, legend: { display: false } },
    },
  }
}

/** Two horizontal bars per dimension: the previous round (orange) and this round (blue), with a legend. */
export function reportChangeChart(labels: string[], previous: (number | null)[], current: (number | null)[], names: { previous: string; current: string }, fontSize = 11) {
  return {
    type: 'bar' as const,
    data: {
      labels,
      datasets: [
        { label: names.previous, data: previous, backgroundColor: CHART_COLORS.secondary, borderColor: CHART_COLORS.secondary, barPercentage: 0.8, categoryPercentage: 0.8 },
        { label: names.current, data: current, backgroundColor: CHART_COLORS.primary, borderColor: CHART_COLORS.primary, barPercentage: 0.8, categoryPercentage: 0.8 },
      ],
    },
    options: {
      ...still(),
      indexAxis: 'y' as const,
      scales: {
        x: { min: 0, max: 100, ticks: { color: TEXT, stepSize: 25, font: { size: fontSize } }, grid: { color: GRID } },
        y: { ticks: { color: TEXT, autoSkip: false, font: { size: fontSize } }, grid: { display: false } },
      },
      plugins: { ...still().plugins, legend: { position: 'bottom' as const, labels: { color: TEXT, boxWidth: 12, font: { size: fontSize } } } },
    },
  }
}

/** Height in CSS pixels a horizontal bar chart needs for `rows` categories (bars, axis, optional legend). */
export function barChartHeight(rows: number, options: { rowHeight?: number; legend?: boolean } = {}): number {
  const row = options.rowHeight ?? 24
  return Math.max(1, rows) * row + 36 + (options.legend ? 28 : 0)
}
