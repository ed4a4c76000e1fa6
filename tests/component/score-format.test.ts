/**
 * useScoreFormat: scores, changes and shares as the management report and the Sachstandsbericht
 * write them (German) — one decimal, a change with its sign (true minus, "±" for no change), "–"
 * for no value.
 */
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent } from 'vue'
import { useScoreFormat } from '@/composables/useScoreFormat'
import { makeI18n } from '../fixtures/i18n'

function formats() {
  let f: ReturnType<typeof useScoreFormat> | undefined
  mount(defineComponent({ setup: () => ((f = useScoreFormat()), () => null) }), { global: { plugins: [makeI18n()] } })
  return f!
}

describe('useScoreFormat', () => {
  it.each([
    [63.44, '63,4', '+63,4'],
    [2.5, '2,5', '+2,5'],
    [-1, '-1,0', '−1,0'],
    [0, '0,0', '±0,0'],
    // The sign follows the value, not its rounding.
    [0.04, '0,0', '+0,0'],
    [null, '–', '–'],
    [undefined, '–', '–'],
  ])('%s → score %s, change %s', (x, score, signed) => {
    const f = formats()
    expect([f.score(x), f.signedScore(x)]).toEqual([score, signed])
  })

  it.each([
    [0.5, '50 %'],
    [1, '100 %'],
    [null, '–'],
  ])('share %s → %s', (x, expected) => {
    expect(formats().percent(x).replace(/\u00a0/g, ' ')).toBe(expected)
  })
})
