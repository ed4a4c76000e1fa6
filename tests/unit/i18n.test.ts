import { describe, expect, it } from 'vitest'
import { allDe, allEn, type Messages } from '../fixtures/i18n'

// The lazily loaded text groups (see loadTexts) are checked together with the core texts.
const de: Messages = allDe
const en: Messages = allEn

/** All leaf messages as a map from dotted key path to text. Non-string leaves are reported as errors. */
function flatten(messages: Messages, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else if (value !== null && typeof value === 'object') flatten(value, path, out)
    else throw new Error(`${path}: unexpected message value of type ${typeof value}`)
  }
  return out
}

/** Compares the nested key structure (leaves and branches) of two message trees. */
function keyDiff(source: Messages, target: Messages, prefix = ''): { missing: string[]; extra: string[]; typeMismatch: string[] } {
  const result = { missing: [] as string[], extra: [] as string[], typeMismatch: [] as string[] }
  for (const key of Object.keys(source)) {
    const path = prefix ? `${prefix}.${key}` : key
    const s = source[key]
    const t = target[key]
    if (!(key in target)) result.missing.push(path)
    else if (typeof s !== typeof t) result.typeMismatch.push(path)
    else if (typeof s === 'object' && typeof t === 'object') {
      const sub = keyDiff(s, t, path)
      result.missing.push(...sub.missing)
      result.extra.push(...sub.extra)
      result.typeMismatch.push(...sub.typeMismatch)
    }
  }
  for (const key of Object.keys(target)) {
    if (!(key in source)) result.extra.push(prefix ? `${prefix}.${key}` : key)
  }
  return result
}

/** Named placeholders `{x}` of a message, sorted and deduplicated. */
function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([^{}]*?)\s*\}/g)].map((m) => m[1] ?? ''))].sort()
}

/** Number of plural alternatives (vue-i18n separates them with `|`). */
function pluralForms(message: string): number {
  return message.split('|').length
}

const deMessages = de as Messages
const enMessages = en as Messages
const deFlat = flatten(deMessages)
const enFlat = flatten(enMessages)

describe('i18n helpers', () => {
  it('detect missing, extra and mistyped keys', () => {
    const diff = keyDiff({ a: 'x', b: { c: 'y', d: 'z' }, e: 'w' }, { a: 'x', b: { c: 'y', f: 'z' }, e: { g: 'w' } })
    expect(diff).toEqual({ missing: ['b.d'], extra: ['b.f'], typeMismatch: ['e'] })
  })

  it('extract placeholders and plural forms', () => {
    expect(placeholders('{n} von {total}, { n }')).toEqual(['n', 'total'])
    expect(pluralForms('keine | eine | {n}')).toBe(3)
    expect(pluralForms('ohne')).toBe(1)
  })
})

describe('i18n messages', () => {
  it('en has exactly the keys of de', () => {
    const diff = keyDiff(deMessages, enMessages)
    const problems = [
      ...diff.missing.map((k) => `missing in en: ${k}`),
      ...diff.extra.map((k) => `extra in en: ${k}`),
      ...diff.typeMismatch.map((k) => `text vs. group mismatch: ${k}`),
    ]
    expect(problems, problems.join('\n')).toEqual([])
    expect([...enFlat.keys()].sort()).toEqual([...deFlat.keys()].sort())
  })

  it('every message has the same placeholders in de and en', () => {
    const problems: string[] = []
    for (const [key, text] of deFlat) {
      const translated = enFlat.get(key)
      if (translated === undefined) continue // reported by the key test
      const a = placeholders(text)
      const b = placeholders(translated)
      if (a.join(',') !== b.join(',')) problems.push(`${key}: de {${a.join('}, {')}} vs. en {${b.join('}, {')}}`)
    }
    expect(problems, problems.join('\n')).toEqual([])
  })

  it('every message has the same number of plural alternatives in de and en', () => {
    const problems: string[] = []
    for (const [key, text] of deFlat) {
      const translated = enFlat.get(key)
      if (translated === undefined) continue
      if (pluralForms(text) !== pluralForms(translated)) {
        problems.push(`${key}: de ${pluralForms(text)} vs. en ${pluralForms(translated)} alternatives`)
      }
    }
    expect(problems, problems.join('\n')).toEqual([])
  })

  it('messages use vue-i18n syntax characters only as placeholders and plural separators', () => {
    const problems: string[] = []
    for (const [locale, flat] of [['de', deFlat], ['en', enFlat]] as const) {
      for (const [key, text] of flat) {
        if (/[@$]/.test(text)) problems.push(`${locale} ${key}: contains @ or $`)
        if (/\|/.test(text) && !/^[^|]*\S( \| \S[^|]*)+$/.test(text)) problems.push(`${locale} ${key}: | must separate plural forms as " | "`)
        const withoutPlaceholders = text.replace(/\{[A-Za-z_][\w]*\}/g, '')
        if (/[{}]/.test(withoutPlaceholders)) problems.push(`${locale} ${key}: braces outside a {name} placeholder`)
      }
    }
    expect(problems, problems.join('\n')).toEqual([])
  })

  it('de uses real umlauts, not ASCII transliterations', () => {
    // data.file.* are ASCII file-name slugs (e.g. "massnahmen.csv") and are exempt on purpose.
    const transliteration = /\b(fuer|ueber|massnahme|aenderung|buerger|moeglich|koenn|muess|waehl|loesch|zurueck|oeffn)\w*/i
    const problems: string[] = []
    for (const [key, text] of deFlat) {
      if (key.startsWith('data.file.')) continue
      const match = transliteration.exec(text)
      if (match) problems.push(`${key}: "${match[0]}"`)
    }
    expect(problems, problems.join('\n')).toEqual([])
  })
})

describe('wording that must match what the screen shows (hardening #20)', () => {
  it.each([
    ['de', deFlat],
    ['en', enFlat],
  ] as const)('%s: the round form hint names the default option as the select shows it', (_locale, flat) => {
    const option = (flat.get('setup.targetDefault') ?? '').replace('{level}', 'n')
    expect(flat.get('setup.targetsHelp')).toContain(option)
  })
})
