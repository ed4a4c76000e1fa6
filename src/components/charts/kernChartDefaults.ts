import { Chart as ChartJS } from 'chart.js'

/**
 * Chart.js draws on a canvas and does not inherit CSS: give it the page's type (KERN's Fira Sans)
 * and KERN's text colour, resolved from the root element. Called by every chart component.
 */
export function applyKernChartDefaults(): void {
  if (typeof document === 'undefined') return
  const root = getComputedStyle(document.documentElement)
  if (root.fontFamily) ChartJS.defaults.font.family = root.fontFamily
  const text = root.getPropertyValue('--kern-color-layout-text-default').trim()
  if (text) ChartJS.defaults.color = text
}
