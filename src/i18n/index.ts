/** vue-i18n setup. German is the source language; English must have the same keys (a test checks it). */
import { createI18n } from 'vue-i18n'
import { readLocal, writeLocal } from '@/platform/local-settings'
import de from './de'

export type MessageSchema = typeof de
export type AppLocale = 'de' | 'en'
export const LOCALES: AppLocale[] = ['de', 'en']
const STORAGE_KEY = 'dc.locale'

export function initialLocale(): AppLocale {
  const stored = readLocal(STORAGE_KEY)
  return stored === 'en' ? 'en' : 'de'
}

export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: 'de',
  fallbackLocale: 'de',
  // English is loaded only when chosen (keeps the first load small).
  messages: { de } as Record<AppLocale, MessageSchema>,
  datetimeFormats: {
    de: { date: { day: '2-digit', month: '2-digit', year: 'numeric' }, dateTime: { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' } },
    en: { date: { day: '2-digit', month: 'short', year: 'numeric' }, dateTime: { day: '2-digit', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' } },
  },
  numberFormats: {
    de: { percent: { style: 'percent', maximumFractionDigits: 0 }, score: { maximumFractionDigits: 1, minimumFractionDigits: 1 }, decimal: { maximumFractionDigits: 2 } },
    en: { percent: { style: 'percent', maximumFractionDigits: 0 }, score: { maximumFractionDigits: 1, minimumFractionDigits: 1 }, decimal: { maximumFractionDigits: 2 } },
  },
})

/** Loads the messages of a locale if needed (English is a lazy chunk). */
export async function loadLocale(locale: AppLocale): Promise<void> {
  if (locale === 'en' && !i18n.global.availableLocales.includes('en')) {
    i18n.global.setLocaleMessage('en', (await import('./en')).default)
  }
}

export async function setLocale(locale: AppLocale): Promise<void> {
  await loadLocale(locale)
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  writeLocal(STORAGE_KEY, locale)
}

/**
 * The Methode page's long texts (method.*, method2.*) live in their own chunk so the first load stays
 * small; the page calls this before it renders (also after a change of language).
 */
export async function loadMethodTexts(locale: AppLocale): Promise<void> {
  const texts = locale === 'en' ? (await import('./method.en')).default : (await import('./method.de')).default
  i18n.global.mergeLocaleMessage(locale, texts as never)
}
