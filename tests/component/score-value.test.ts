/**
 * A maturity score on screen carries its scale ("54,2 von 100"), and the "unsicher" flag stands
 * apart from the coverage (hardening #9).
 */
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ScoreValue from '@/components/results/ScoreValue.vue'
import { makeI18n } from '../fixtures/i18n'

const render = (props: { score: number | null; coverage: number | null; uncertain: boolean; showCoverage?: boolean }) =>
  mount(ScoreValue, { props, global: { plugins: [makeI18n()] } })
const plain = (s: string) => s.replace(/\s+/g, ' ').trim()

describe('ScoreValue', () => {
  it('shows the score with its scale, the coverage, and "unsicher" separated from both', () => {
    const w = render({ score: 54.2, coverage: 0.04, uncertain: true, showCoverage: true })
    expect(plain(w.text())).toBe('54,2 von 100 · Abdeckung 4 % · unsicher')
    expect(w.find('strong').text()).toBe('54,2 von 100')
    expect(w.find('.kern-badge').text()).toBe('unsicher')
  })

  it('shows the scale in tables too (without coverage) and no flag when the value is sound', () => {
    expect(plain(render({ score: 75, coverage: 1, uncertain: false }).text())).toBe('75,0 von 100')
  })

  it('says "kein Wert" or "nicht zutreffend" without a scale', () => {
    expect(plain(render({ score: null, coverage: 0, uncertain: false }).text())).toBe('kein Wert')
    expect(plain(render({ score: null, coverage: null, uncertain: false }).text())).toBe('nicht zutreffend')
  })
})
