import type { LocalizedText } from './types'

/**
 * A catalogue text in the wanted language, else in the other one (a catalogue gives every text at
 * least in its default language, so one of them is there; '' only for an invalid text).
 */
export function localize(text: LocalizedText, locale: string): string {
  return (locale === 'en' ? (text.en ?? text.de) : (text.de ?? text.en)) ?? ''
}
