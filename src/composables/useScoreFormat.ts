/**
 * Scores, their changes and shares as the management report and the Sachstandsbericht write them,
 * in the current language: "63,4"; a change with its sign ("+2,5", "−1,0" with a true minus, "±0,0"
 * for none; the sign follows the value, not its rounding); "50 %"; "–" where there is no value.
 */
import { useI18n } from 'vue-i18n'

export function useScoreFormat() {
  const { n } = useI18n()
  const score = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : n(x, 'score'))
  const signedScore = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : `${x > 0 ? '+' : x < 0 ? '−' : '±'}${n(Math.abs(x), 'score')}`)
  const percent = (x: number | null | undefined): string => (x === null || x === undefined ? '–' : n(x, 'percent'))
  return { score, signedScore, percent }
}
