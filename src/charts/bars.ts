/** Pure: organisation profile and level distribution → Chart.js bar data (horizontal). */
import { CHART_COLORS } from './palette'

export function profileData(labels: string[], values: (number | null)[], label: string) {
  return { labels, datasets: [{ label, data: values, backgroundColor: CHART_COLORS.primary, borderColor: CHART_COLORS.primary }] }
}

export const profileOptions = {
  indexAxis: 'y' as const,
  responsive: true,
  maintainAspectRatio: false,
  animation: false as const,
  scales: { x: { min: 0, max: 100, ticks: { color: '#1b1f24' }, grid: { color: '#d5dbe1' } }, y: { ticks: { color: '#1b1f24' } } },
  plugins: { legend: { display: false } },
}

/** Segment colours from red (level 0) to green (level 4), then N/A, weiß nicht, open (greys). */
export const DISTRIBUTION_COLORS = ['#a4161a', '#d9622b', '#c9a227', '#6a9a3a', '#1e6b34', '#5c6670', '#8a96a3', '#c8cfd6']

export function distributionData(labels: string[], segments: { label: string; shares: number[] }[]) {
  return {
    labels,
    datasets: segments.map((s, i) => ({ label: s.label, data: s.shares.map((x) => Math.round(x * 1000) / 10), backgroundColor: DISTRIBUTION_COLORS[i % DISTRIBUTION_COLORS.length] })),
  }
}

export const distributionOptions = {
  indexAxis: 'y' as const,
  responsive: true,
  maintainAspectRatio: false,
  animation: false as const,
  scales: { x: { stacked: true, min: 0, max: 100, ticks: { color: '#1b1f24', callback: (v: number | string) => `${v} %` } }, y: { stacked: true, ticks: { color: '#1b1f24' } } },
  plugins: { legend: { position: 'bottom' as const, labels: { color: '#1b1f24' } } },
}

/** Trend of the organisation score over rounds. */
/**
 * The organisation score over the rounds: one line per run of rounds on the same catalogue (see
 * trendSegments), never joined across a catalogue change; runs alternate solid and dashed.
 */
export function trendData(labels: string[], segments: readonly { values: (number | null)[]; label: string }[]) {
  return {
    labels,
    datasets: segments.map((s, i) => ({
      label: s.label,
      data: s.values,
      borderColor: CHART_COLORS.primary,
      backgroundColor: CHART_COLORS.primary,
      borderDash: i % 2 === 1 ? [6, 4] : [],
      pointStyle: i % 2 === 1 ? ('rectRot' as const) : ('circle' as const),
      pointRadius: 5,
      spanGaps: false,
      tension: 0,
    })),
  }
}

export const trendOptions = {
  responsive: true,
  maintainAspectRatio: false,
  animation: false as const,
  scales: { y: { min: 0, max: 100, ticks: { color: '#1b1f24' } }, x: { ticks: { color: '#1b1f24' } } },
  plugins: { legend: { display: false } },
}
