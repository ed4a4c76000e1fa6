import type { LocalizedText } from './types'

/** Looks up a catalogue text in the wanted language, falling back to German (the source language). */
export function localize(text: LocalizedText, locale: string): string {
  return locale === 'en' && text.en ? text.en : text.de
}
