/**
 * The Leistungsinventar on the Maßnahmen screen: a measure whose catalogue measure has an
 * `inventory` focus shows the figures and the services the domain lists (inventoryForMeasure),
 * with a link to /leistungen; with an empty inventory a one-line hint; without the focus nothing.
 * Rendered with only the texts the screen loads (core + 'analysis').
 */
import { mount, RouterLinkStub } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import RecommendationsPanel from '@/components/results/RecommendationsPanel.vue'
import { i18n as appI18n } from '@/i18n'
import deAnalysis from '@/i18n/analysis.de'
import deCore from '@/i18n/de'
import enAnalysis from '@/i18n/analysis.en'
import enCore from '@/i18n/en'
import type { Catalog } from '@/domain/model/types'
import { OZG_RGM_2 } from '@/domain/services/maturity-model'
import type { CriterionRating, FormType, MunicipalService } from '@/domain/services/types'
import { makeCatalog, makeMeasure, makeRecommendation, text } from '../fixtures/builders'
import { mergeMessages } from '../fixtures/i18n'

const catalog: Catalog = makeCatalog({
  measures: [
    makeMeasure({ id: 'm-top10', title: text('Top-10-Leistungen online anbieten'), inventory: 'most_used' }),
    makeMeasure({ id: 'm-other', title: text('Ohne Leistungsbezug') }),
  ],
})
const recs = [makeRecommendation({ measureId: 'm-top10', rank: 1 }), makeRecommendation({ measureId: 'm-other', rank: 2 })]

const rated = (level: number): Record<string, CriterionRating> => Object.fromEntries(OZG_RGM_2.criteria.map((c) => [c.id, level as CriterionRating]))
const svc = (i: number, name: string, cases: number | undefined, ratings: Record<string, CriterionRating>, formType: FormType = 'pdf'): MunicipalService => ({
  id: `s${String(i).padStart(2, '0')}`,
  name,
  channels: [],
  onlinePayment: false,
  formType,
  maturity: { model: OZG_RGM_2.key, ratings },
  ...(cases === undefined ? {} : { casesPerYear: cases }),
})

// 14 services: two online (level ≥ 3, never listed), one without a case number, eleven ranked → ten shown.
const SERVICES: MunicipalService[] = [
  svc(1, 'Online-Terminvergabe', 18_500, rated(4), 'html-form'),
  svc(2, 'Meldebescheinigung', 5_200, rated(3), 'end-to-end'),
  svc(3, 'Sperrmüllanmeldung', 3_100, {}),
  svc(4, 'Bewohnerparkausweis', 1_400, rated(2), 'html-form'),
  svc(5, 'Gartenwasserzähler', 850, rated(1)),
  svc(6, 'Hundesteuer', 700, rated(1)),
  svc(7, 'Fundsachen', 700, rated(0), 'none'),
  svc(8, 'Kita-Anmeldung', 650, { information: 3, application: 3 }, 'html-form'),
  svc(9, 'Gewerbeanmeldung', 480, rated(2), 'html-form'),
  svc(10, 'Baumfällung', 300, rated(1)),
  svc(11, 'Eheschließung', 1, rated(0)),
  svc(12, 'Wahlschein', 250, rated(2), 'html-form'),
  svc(13, 'Anwohnerbeschwerde', 120, rated(0)),
  svc(14, 'Friedhofsgebühren', undefined, rated(0)),
]

/** The screen's texts only (core + analysis), as the router loads them for /recommendations. */
function screenI18n(locale: 'de' | 'en' = 'de') {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: 'de',
    missingWarn: false,
    fallbackWarn: false,
    messages: { de: mergeMessages(deCore, deAnalysis), en: mergeMessages(enCore, enAnalysis) } as never,
    numberFormats: { de: appI18n.global.getNumberFormat('de'), en: appI18n.global.getNumberFormat('en') } as never,
  })
}
const plain = (s: string) => s.replace(/\u00a0|\u202f/g, ' ').replace(/\s+/g, ' ').trim()
const mountPanel = (services: MunicipalService[] | undefined, locale: 'de' | 'en' = 'de') =>
  mount(RecommendationsPanel, {
    props: { recommendations: recs, catalog, departments: [], method: '1.0', services },
    global: { plugins: [screenI18n(locale)], stubs: { RouterLink: RouterLinkStub, ImpactEffortChart: true } },
  })
const card = (w: ReturnType<typeof mountPanel>, id: string) => w.find(`[data-measure="${id}"]`)

describe('Maßnahmen: what the Leistungsinventar contributes', () => {
  it('lists the ten most used services not yet online, most cases first, with cases and level, and links to /leistungen', () => {
    const w = mountPanel(SERVICES)
    const block = card(w, 'm-top10').find('[data-testid="measure-inventory"]')
    expect(block.exists()).toBe(true)
    expect(block.find('h4').text()).toBe('Aus dem Leistungsinventar')
    expect(plain(block.find('[data-testid="inventory-figures"]').text())).toBe(
      'Noch nicht online: 12 von 14 erfassten Leistungen (Reifegrad unter Stufe 3 oder nicht bewertet), davon 1 ohne Fallzahl.',
    )
    const items = block.findAll('[data-testid="inventory-services"] > li').map((li) => plain(li.text()))
    expect(items).toEqual([
      'Sperrmüllanmeldung: 3.100 Fälle pro Jahr, Reifegrad nicht bewertet',
      'Bewohnerparkausweis: 1.400 Fälle pro Jahr, Reifegrad Stufe 2',
      'Gartenwasserzähler: 850 Fälle pro Jahr, Reifegrad Stufe 1',
      'Fundsachen: 700 Fälle pro Jahr, Reifegrad Stufe 0',
      'Hundesteuer: 700 Fälle pro Jahr, Reifegrad Stufe 1',
      'Kita-Anmeldung: 650 Fälle pro Jahr, Reifegrad höchstens Stufe 3',
      'Gewerbeanmeldung: 480 Fälle pro Jahr, Reifegrad Stufe 2',
      'Baumfällung: 300 Fälle pro Jahr, Reifegrad Stufe 1',
      'Wahlschein: 250 Fälle pro Jahr, Reifegrad Stufe 2',
      'Anwohnerbeschwerde: 120 Fälle pro Jahr, Reifegrad Stufe 0',
    ])
    expect(block.find('ol').attributes('aria-labelledby')).toBe(block.find('[data-testid="inventory-list-title"]').attributes('id'))
    const link = block.findComponent(RouterLinkStub)
    expect(link.props('to')).toBe('/leistungen')
    expect(link.text()).toBe('Leistungsinventar öffnen')
    // the measure without a focus shows nothing of the inventory
    expect(card(w, 'm-other').find('[data-testid="measure-inventory"]').exists()).toBe(false)
    expect(card(w, 'm-other').find('[data-testid="measure-inventory-hint"]').exists()).toBe(false)
  })

  it('with an empty inventory shows a one-line hint with a link to /leistungen', () => {
    const w = mountPanel([])
    const c = card(w, 'm-top10')
    expect(c.find('[data-testid="measure-inventory"]').exists()).toBe(false)
    const hint = c.find('[data-testid="measure-inventory-hint"]')
    expect(plain(hint.text())).toBe('Erfassen Sie Ihre Leistungen im Leistungsinventar, dann steht hier, welche Leistungen zuerst online gehen sollten.')
    expect(hint.findComponent(RouterLinkStub).props('to')).toBe('/leistungen')
    expect(hint.findComponent(RouterLinkStub).text()).toBe('Leistungsinventar')
    expect(card(w, 'm-other').find('[data-testid="measure-inventory-hint"]').exists()).toBe(false)
  })

  it('shows nothing while the inventory is not loaded', () => {
    const w = mountPanel(undefined)
    expect(w.find('[data-testid="measure-inventory"]').exists()).toBe(false)
    expect(w.find('[data-testid="measure-inventory-hint"]').exists()).toBe(false)
  })

  it('is complete in English', () => {
    const w = mountPanel(SERVICES.slice(0, 3), 'en')
    const block = card(w, 'm-top10').find('[data-testid="measure-inventory"]')
    expect(block.find('h4').text()).toBe('From the service inventory')
    expect(plain(block.find('[data-testid="inventory-figures"]').text())).toBe('Not yet online: 1 of 3 recorded services (maturity below level 3 or not rated).')
    expect(block.findAll('[data-testid="inventory-services"] > li').map((li) => plain(li.text()))).toEqual(['Sperrmüllanmeldung: 3,100 cases per year, maturity not rated'])
    expect(plain(mountPanel([], 'en').find('[data-testid="measure-inventory-hint"]').text())).toBe(
      'Record your services in the service inventory, and this will show which services should go online first.',
    )
  })
})
