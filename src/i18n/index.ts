/** vue-i18n setup. German is the source language; English must have the same keys (a test checks it). */
import { createI18n } from 'vue-i18n'
import { compileMessage } from './compile'
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
  // The build drops vue-i18n's own compiler (vite.config.ts); messages are compiled by ./compile.
  messageCompiler: compileMessage as never,
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

/** Runs after messages were added to a locale; the wording overlay (./vocabulary) sets it. */
let afterLoad: (locale: AppLocale) => Promise<void> | void = () => undefined
export function onMessagesLoaded(hook: (locale: AppLocale) => Promise<void> | void): void {
  afterLoad = hook
}

/** Loads the messages of a locale if needed (English is a lazy chunk). */
export async function loadLocale(locale: AppLocale): Promise<void> {
  if (locale === 'en' && !i18n.global.availableLocales.includes('en')) {
    i18n.global.setLocaleMessage('en', (await import('./en')).default)
    await afterLoad('en')
  }
}

export async function setLocale(locale: AppLocale): Promise<void> {
  await loadLocale(locale)
  await Promise.all([...wanted].map((group) => loadTexts(group, locale)))
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
  writeLocal(STORAGE_KEY, locale)
}

/**
 * Texts only some screens need live in chunks of their own, so the first load stays small:
 * 'method' (the Methode page), 'public' (accessibility statement, privacy, Leichte Sprache), 'files'
 * (exchange-file and catalogue problems, CSV columns), 'report' (management report), 'analysis' (result screens), 'workshop' (workshop screen), 'strategy' (Digitale Agenda, Sachstandsbericht, Leistungsinventar); 'files' also holds the exchange screen's texts. A route names
 * the groups its screen needs in `meta.texts` and the router loads them before the screen shows;
 * components outside such routes use useTexts. A group is merged into the locale's messages once.
 */
export type TextGroup = 'method' | 'public' | 'files' | 'report' | 'analysis' | 'workshop' | 'strategy' | 'sync'

const TEXT_GROUPS: Record<TextGroup, Record<AppLocale, () => Promise<{ default: object }>>> = {
  method: { de: () => import('./method.de'), en: () => import('./method.en') },
  public: { de: () => import('./public.de'), en: () => import('./public.en') },
  files: { de: () => import('./files.de'), en: () => import('./files.en') },
  report: { de: () => import('./report.de'), en: () => import('./report.en') },
  analysis: { de: () => import('./analysis.de'), en: () => import('./analysis.en') },
  workshop: { de: () => import('./workshop.de'), en: () => import('./workshop.en') },
  strategy: { de: () => import('./strategy.de'), en: () => import('./strategy.en') },
  sync: { de: () => import('./sync.de'), en: () => import('./sync.en') },
}
/** Groups loaded so far (in any language): a change of language loads them for the new one first. */
const wanted = new Set<TextGroup>()
const loaded = new Map<string, Promise<void>>()

export function loadTexts(group: TextGroup, locale: AppLocale): Promise<void> {
  wanted.add(group)
  const key = `${group}:${locale}`
  let done = loaded.get(key)
  if (!done) {
    done = TEXT_GROUPS[group][locale]().then((m) => {
      i18n.global.mergeLocaleMessage(locale, m.default as never)
      return afterLoad(locale)
    })
    done.catch(() => loaded.delete(key))
    loaded.set(key, done)
  }
  return done
}

/** The Methode page's texts (method.*, method2.*); see loadTexts. */
export function loadMethodTexts(locale: AppLocale): Promise<void> {
  return loadTexts('method', locale)
}
