/**
 * Wording per catalogue (issue 13): the Organisation/Bereich overlays (src/i18n/vocabulary.*.ts)
 * against the base texts, applyVocabulary on the app's i18n (also for text groups loaded later),
 * a mounted component that follows the switch, and useVocabulary following the selected round.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import type { Catalog, Round } from '@/domain/model/types'
import type { CatalogSummary } from '@/domain/model/catalog-summary'
import { i18n, loadLocale, loadTexts, type TextGroup } from '@/i18n'
import overlayDe from '@/i18n/vocabulary.de'
import overlayEn from '@/i18n/vocabulary.en'
import { activeVocabulary, applyVocabulary } from '@/i18n/vocabulary'
import { useVocabulary } from '@/composables/useVocabulary'
import { CatalogLoadError, useCatalogStore } from '@/stores/catalogs'
import { allDe, allEn, type Messages } from '../fixtures/i18n'

// useVocabulary reads the selected round; here the test sets it.
const selectedRound = shallowRef<Round | undefined>(undefined)
vi.mock('@/composables/useSelectedRound', () => ({ useSelectedRound: () => ({ round: selectedRound }) }))

function flatten(messages: Messages, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else flatten(value, path, out)
  }
  return out
}

/** Placeholders `{x}` of a message, sorted, repeats kept. */
const placeholders = (text: string): string[] => [...text.matchAll(/\{\s*([^{}]*?)\s*\}/g)].map((m) => m[1] ?? '').sort()
const pluralForms = (text: string): number => text.split('|').length
/** The words the overlay replaces, outside placeholders (`{department}` is a parameter name). */
const MUNICIPAL = /kommun|fachbereich|fach-bereich|municipal|department|council/i
const words = (text: string): string => text.replace(/\{[^{}]*\}/g, '')

/**
 * Texts that mention Kommune/Fachbereich (municipality/department) but stay as they are; the
 * reasons are in the header of src/i18n/vocabulary.de.ts. A new such text must go either into the
 * overlays or here.
 */
const NOT_OVERLAID = [
  'orgType.gemeinde',
  'm2.addressee.kommune',
  'm2.addressee.schultraeger',
  'm2.addressee.kommune_unternehmer',
  'm2.addressee.kommunales_unternehmen',
  'm2.obligation.companyDuty',
  'method2.pDeadlines',
  'method2.pExample1',
  'method2.pExample2',
  'inventory.empty',
  'inventory.execution.kommune',
  'inventory.execution.varies',
  'inventory.execution.intake',
]
/** Whole pages left as they are: accessibility statement, Leichte Sprache, privacy. */
const NOT_OVERLAID_PAGES = ['a11y.', 'easy.', 'privacy.']

const base = { de: flatten(allDe), en: flatten(allEn) }
const overlays = { de: overlayDe, en: overlayEn }

describe('vocabulary overlays', () => {
  it.each(['de', 'en'] as const)('%s: every key exists in the base texts of the same language', (lang) => {
    const stale = Object.keys(overlays[lang]).filter((key) => !base[lang].has(key))
    expect(stale).toEqual([])
  })

  it.each(['de', 'en'] as const)('%s: every text keeps the placeholders and plural forms of the original', (lang) => {
    const problems: string[] = []
    for (const [key, text] of Object.entries(overlays[lang])) {
      const original = base[lang].get(key) ?? ''
      if (placeholders(text).join(',') !== placeholders(original).join(',')) problems.push(`${key}: {${placeholders(text).join(',')}} vs. {${placeholders(original).join(',')}}`)
      if (pluralForms(text) !== pluralForms(original)) problems.push(`${key}: ${pluralForms(text)} vs. ${pluralForms(original)} plural forms`)
    }
    expect(problems).toEqual([])
  })

  it.each(['de', 'en'] as const)('%s: no text still speaks of Kommune/Fachbereich or municipality/department', (lang) => {
    expect(Object.entries(overlays[lang]).filter(([, text]) => MUNICIPAL.test(words(text)))).toEqual([])
  })

  it('German and English cover the same keys', () => {
    expect(Object.keys(overlayEn).sort()).toEqual(Object.keys(overlayDe).sort())
  })

  it('every base text that mentions the municipal words is overlaid or deliberately left', () => {
    const missing: string[] = []
    for (const lang of ['de', 'en'] as const) {
      for (const [key, text] of base[lang]) {
        if (!MUNICIPAL.test(words(text)) || key in overlays[lang]) continue
        if (NOT_OVERLAID.includes(key) || NOT_OVERLAID_PAGES.some((p) => key.startsWith(p))) continue
        missing.push(`${lang} ${key}`)
      }
    }
    expect(missing).toEqual([])
    // The list of exceptions holds no key that is overlaid after all.
    expect(NOT_OVERLAID.filter((key) => key in overlayDe)).toEqual([])
  })
})

describe('applyVocabulary on the app messages', () => {
  const GROUPS: TextGroup[] = ['method', 'public', 'files', 'report', 'analysis', 'workshop', 'strategy', 'sync']
  const text = (locale: 'de' | 'en', key: string): string | undefined => flatten(i18n.global.getLocaleMessage(locale) as Messages).get(key)

  afterAll(() => applyVocabulary('kommune'))

  it('overlays the loaded texts, then texts loaded later, and restores every original', async () => {
    // German core plus two groups are loaded before the switch; the rest and English come later.
    await loadTexts('analysis', 'de')
    await loadTexts('report', 'de')
    await applyVocabulary('organisation')
    expect(activeVocabulary()).toBe('organisation')
    expect(text('de', 'app.orgSwitcher')).toBe('Organisation wählen')
    expect(text('de', 'dashboard.ranking')).toBe('Rangfolge der Bereiche')
    expect(text('de', 'workshop.toResult')).toBeUndefined()

    await loadTexts('workshop', 'de')
    expect(text('de', 'workshop.toResult')).toBe('Zum Ergebnis des Bereichs')
    await loadLocale('en')
    expect(text('en', 'app.orgSwitcher')).toBe('Select organisation')
    await Promise.all(GROUPS.flatMap((g) => [loadTexts(g, 'de'), loadTexts(g, 'en')]))

    // Every overlay text is in place in both languages.
    for (const lang of ['de', 'en'] as const) {
      const now = flatten(i18n.global.getLocaleMessage(lang) as Messages)
      const wrong = Object.entries(overlays[lang]).filter(([key, t]) => now.get(key) !== t)
      expect(wrong).toEqual([])
    }
    // A second switch to the same wording changes nothing and forgets no original.
    await applyVocabulary('organisation')

    await applyVocabulary('kommune')
    expect(activeVocabulary()).toBe('kommune')
    expect(i18n.global.getLocaleMessage('de')).toEqual(allDe)
    expect(i18n.global.getLocaleMessage('en')).toEqual(allEn)
  })

  it('ends in the wording asked for last when switches overlap', async () => {
    void applyVocabulary('organisation')
    void applyVocabulary('kommune')
    await applyVocabulary('organisation')
    expect(text('de', 'setup.departmentsSection')).toBe('Bereiche')
    await applyVocabulary('kommune')
    expect(text('de', 'setup.departmentsSection')).toBe('Fachbereiche')
  })
})

/** Shows one message; with `follow` it also runs useVocabulary, as App.vue does. */
const Probe = defineComponent({
  props: { msg: { type: String, required: true }, follow: Boolean },
  setup(props) {
    if (props.follow) useVocabulary()
    const { t } = useI18n()
    return () => h('p', t(props.msg))
  },
})

describe('a component follows the switch', () => {
  it('re-renders with the overlay text and back', async () => {
    i18n.global.locale.value = 'de'
    const wrapper = mount(Probe, { props: { msg: 'start.createOrg' }, global: { plugins: [i18n] } })
    expect(wrapper.text()).toBe('Kommune anlegen')
    await applyVocabulary('organisation')
    await flushPromises()
    expect(wrapper.text()).toBe('Organisation anlegen')
    i18n.global.locale.value = 'en'
    await flushPromises()
    expect(wrapper.text()).toBe('Create organisation')
    await applyVocabulary('kommune')
    await flushPromises()
    expect(wrapper.text()).toBe('Create municipality')
    i18n.global.locale.value = 'de'
    wrapper.unmount()
  })
})

describe('useVocabulary', () => {
  const round = (catalogId: string): Round =>
    ({ id: `r-${catalogId}`, orgId: 'o1', name: 'Runde', startDate: '2026-01-01', endDate: '', catalogId, catalogVersion: '1.0.0', dimensionTargets: {}, createdAt: '', updatedAt: '', updatedBy: '', deviceId: '', rev: 1 }) as Round
  const catalogOf: Record<string, Partial<Catalog> | undefined> = { samm: { vocabulary: 'organisation' }, dc: {}, broken: undefined }
  /** A catalogue whose load the test finishes by hand. */
  const deferred = () => {
    let resolve: (c: Catalog) => void = () => undefined
    const promise = new Promise<Catalog>((r) => (resolve = r))
    return { promise, resolve }
  }
  let slow = deferred()

  beforeAll(() => {
    setActivePinia(createPinia())
    // The wording comes from the catalogue's small summary (built-in: generated at build time).
    const summaryOf = (c: Partial<Catalog>): CatalogSummary => ({ vocabulary: c.vocabulary ?? 'kommune', applicable: {} as CatalogSummary['applicable'] })
    vi.spyOn(useCatalogStore(), 'summary').mockImplementation((ref) => {
      if (ref.catalogId === 'slow') return slow.promise.then(summaryOf)
      const c = catalogOf[ref.catalogId]
      return c ? Promise.resolve(summaryOf(c)) : Promise.reject(new CatalogLoadError(ref, []))
    })
  })

  it('follows the catalogue of the selected round; no round or a load error means Kommune', async () => {
    selectedRound.value = undefined
    const wrapper = mount(Probe, { props: { msg: 'setup.orgSection', follow: true }, global: { plugins: [i18n] } })
    await flushPromises()
    expect(wrapper.text()).toBe('Kommune')

    selectedRound.value = round('samm')
    await vi.waitFor(() => expect(wrapper.text()).toBe('Organisation'))
    selectedRound.value = round('dc')
    await vi.waitFor(() => expect(wrapper.text()).toBe('Kommune'))
    selectedRound.value = round('samm')
    await vi.waitFor(() => expect(wrapper.text()).toBe('Organisation'))
    selectedRound.value = round('broken')
    await vi.waitFor(() => expect(wrapper.text()).toBe('Kommune'))
    selectedRound.value = round('samm')
    await vi.waitFor(() => expect(wrapper.text()).toBe('Organisation'))
    selectedRound.value = undefined
    await vi.waitFor(() => expect(wrapper.text()).toBe('Kommune'))
    wrapper.unmount()
  })

  it('a catalogue that finishes loading after a newer round choice does not win', async () => {
    slow = deferred()
    selectedRound.value = undefined
    const wrapper = mount(Probe, { props: { msg: 'setup.orgSection', follow: true }, global: { plugins: [i18n] } })
    selectedRound.value = round('slow')
    await flushPromises()
    selectedRound.value = round('dc')
    await flushPromises()
    slow.resolve({ vocabulary: 'organisation' } as Catalog)
    await flushPromises()
    await applyVocabulary(activeVocabulary())
    expect(activeVocabulary()).toBe('kommune')
    expect(wrapper.text()).toBe('Kommune')
    wrapper.unmount()
  })
})
