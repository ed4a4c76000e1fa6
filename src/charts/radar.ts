/** Pure: department dimension scores against the organisation mean → Chart.js radar data. */
import { axisLabel } from './bars'
import { CHART_COLORS } from './palette'

export interface RadarSeries {
  label: string
  /** 0–100 or null (not scored: drawn as a gap). */
  values: (number | null)[]
}

/** Labels around the radar are wrapped (at most 2 lines of 18 characters, then "…"), so a long model's titles do not overlap the chart. */
export function radarData(labels: string[], department: RadarSeries, organisation: RadarSeries) {
  return {
    labels: labels.map((l) => axisLabel(l, 18, 2)),
    datasets: [
      { label: department.label, data: department.values, borderColor: CHART_COLORS.primary, backgroundColor: CHART_COLORS.primaryFill, pointBackgroundColor: CHART_COLORS.primary, borderWidth: 2, spanGaps: true },
      { label: organisation.label, data: organisation.values, borderColor: CHART_COLORS.secondary, backgroundColor: CHART_COLORS.secondaryFill, pointBackgroundColor: CHART_COLORS.secondary, borderWidth: 2, borderDash: [6, 4], spanGaps: true },
    ],
  }
}

export const radarOptions = {
  responsive: true,
  maintainAspectRatio: false,
  animation: false as const,
  scales: { r: { min: 0, max: 100, ticks: { stepSize: 25, backdropColor: 'transparent', color: '#4f5965' }, grid: { color: '#c8cfd6' }, angleLines: { color: '#c8cfd6' }, pointLabels: { color: '#1b1f24', font: { size: 12 } } } },
  plugins: { legend: { position: 'bottom' as const, labels: { color: '#1b1f24' } } },
}

/** radarOptions with the full titles (same order as the labels) as tooltip titles. */
export function radarOptionsWithTitles(fullTitles: readonly string[]) {
  return {
    ...radarOptions,
    plugins: { ...radarOptions.plugins, tooltip: { callbacks: { title: (items: readonly { dataIndex: number }[]) => fullTitles[items[0]?.dataIndex ?? -1] ?? '' } } },
  }
}
