/** Pure: organisation profile and level distribution → Chart.js bar data (horizontal). */
import { CHART_COLORS } from './palette'

/**
 * A category label for a chart axis: the text wrapped at spaces into lines of at most `width`
 * characters, at most `lines` lines; a longer text ends with "…" (cut at a word where possible, so
 * no word is broken unless it is longer than a line). Chart.js draws an array as several lines.
 */
export function axisLabel(text: string, width = 24, lines = 2): string[] {
  const words = text.trim().split(/\s+/).filter((w) => w !== '')
  const out: string[] = []
  let line = ''
  let truncated = false
  for (const word of words) {
    const next = line === '' ? word : `${line} ${word}`
    // A single word longer than a line takes a line of its own (and is cut below).
    if (next.length <= width || line === '') {
      line = next
      continue
    }
    out.push(line)
    line = word
    if (out.length === lines) {
      truncated = true
      break
    }
  }
  if (!truncated && line !== '') out.push(line)
  const fitted = out.slice(0, lines).map((l) => (l.length > width ? `${l.slice(0, width - 1)}…` : l))
  if (truncated || out.length > lines) {
    const last = fitted[fitted.length - 1] as string
    if (!last.endsWith('…')) fitted[fitted.length - 1] = last.length >= width ? `${last.slice(0, width - 1)}…` : `${last}…`
  }
  return fitted.length > 0 ? fitted : ['']
}

/** One dimension as a chart category: the short title (or the title) for the axis, the full title for the tooltip. */
export interface ChartCategory {
  /** The axis text: the catalogue's short title, else the full title. */
  short: string
  /** The full title (tooltip, table). */
  full: string
}

/** Height in CSS pixels of a horizontal bar chart on screen with `rows` categories (two-line labels), plus a legend of `legendRows` lines. */
export function screenBarHeight(rows: number, legendRows = 0): number {
  return Math.max(1, rows) * 34 + 40 + legendRows * 24
}

/** Tooltip callbacks that title a bar with the full dimension title (the axis shows the short one). */
function fullTitleTooltip(categories: readonly ChartCategory[]) {
  return { callbacks: { title: (items: readonly { dataIndex: number }[]) => categories[items[0]?.dataIndex ?? -1]?.full ?? '' } }
}

/** The category (y) axis of a horizontal bar chart: every label shown (no autoSkip), wrapped. */
const categoryAxis = { ticks: { color: '#1b1f24', autoSkip: false }, grid: { display: false } }

export function profileData(categories: readonly ChartCategory[], values: (number | null)[], label: string) {
  return { labels: categories.map((c) => axisLabel(c.short)), datasets: [{ label, data: values, backgroundColor: CHART_COLORS.primary, borderColor: CHART_COLORS.primary }] }
}

/** Horizontal bars of the organisation profile: every dimension labelled, full titles in the tooltip. */
export function profileOptions(categories: readonly ChartCategory[]) {
  return {
    indexAxis: 'y' as const,
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    scales: { x: { min: 0, max: 100, ticks: { color: '#1b1f24' }, grid: { color: '#d5dbe1' } }, y: categoryAxis },
    plugins: { legend: { display: false }, tooltip: fullTitleTooltip(categories) },
  }
}

/** Segment colours from red (level 0) to green (level 4), then N/A, weiß nicht, open (greys). */
export const DISTRIBUTION_COLORS = ['#a4161a', '#d9622b', '#c9a227', '#6a9a3a', '#1e6b34', '#5c6670', '#8a96a3', '#c8cfd6']

export function distributionData(categories: readonly ChartCategory[], segments: { label: string; shares: number[] }[]) {
  return {
    labels: categories.map((c) => axisLabel(c.short)),
    datasets: segments.map((s, i) => ({ label: s.label, data: s.shares.map((x) => Math.round(x * 1000) / 10), backgroundColor: DISTRIBUTION_COLORS[i % DISTRIBUTION_COLORS.length] })),
  }
}

/** Stacked horizontal bars of the level distribution: every dimension labelled, full titles in the tooltip. */
export function distributionOptions(categories: readonly ChartCategory[]) {
  return {
    indexAxis: 'y' as const,
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    scales: { x: { stacked: true, min: 0, max: 100, ticks: { color: '#1b1f24', callback: (v: number | string) => `${v} %` } }, y: { ...categoryAxis, stacked: true } },
    plugins: { legend: { position: 'bottom' as const, labels: { color: '#1b1f24' } }, tooltip: fullTitleTooltip(categories) },
  }
}

/** Line colours of the trend series (≥ 3:1 on white), with a dash and point style each, so they differ without colour too. */
const SERIES = [
  { color: CHART_COLORS.primary, dash: [] as number[], point: 'circle' as const },
  { color: CHART_COLORS.secondary, dash: [6, 4], point: 'rectRot' as const },
  { color: '#1e6b34', dash: [2, 3], point: 'triangle' as const },
  { color: '#5c5c5c', dash: [10, 3, 2, 3], point: 'rect' as const },
]

/**
 * The organisation score over the rounds: one line per catalogue version (see trendSegments), never
 * joined across rounds on another catalogue (no spanGaps); each series has its own colour, dash
 * and point style.
 */
export function trendData(labels: string[], segments: readonly { values: (number | null)[]; label: string }[]) {
  return {
    labels,
    datasets: segments.map((s, i) => {
      const style = SERIES[i % SERIES.length] as (typeof SERIES)[number]
      return {
        label: s.label,
        data: s.values,
        borderColor: style.color,
        backgroundColor: style.color,
        borderDash: style.dash,
        pointStyle: style.point,
        pointRadius: 5,
        spanGaps: false,
        tension: 0,
      }
    }),
  }
}

export const trendOptions = {
  responsive: true,
  maintainAspectRatio: false,
  animation: false as const,
  scales: { y: { min: 0, max: 100, ticks: { color: '#1b1f24' } }, x: { ticks: { color: '#1b1f24', autoSkip: false, maxRotation: 60 } } },
  plugins: { legend: { display: false } },
}
