/** Chart colours with at least 3:1 contrast against white (WCAG 1.4.11 for graphical objects). */
export const CHART_COLORS = {
  primary: '#1d4f7c',
  primaryFill: 'rgba(29, 79, 124, 0.18)',
  secondary: '#b35900',
  secondaryFill: 'rgba(179, 89, 0, 0.12)',
  grid: '#8a96a3',
  classes: { pflicht: '#a4161a', quick_win: '#1e6b34', leitprojekt: '#1d4f7c', ergaenzung: '#5c5c5c' },
} as const
