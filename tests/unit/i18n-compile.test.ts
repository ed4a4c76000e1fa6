/**
 * The app's small message compiler (src/i18n/compile.ts, for vue-i18n's runtime-only build) must give
 * exactly what vue-i18n's own compiler gives, for every message of both languages, every lazy group
 * and the vocabulary overlay, with every placeholder filled and plural counts 0, 1, 2 and 7.
 */
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { compileMessage } from '@/i18n/compile'

const modules = import.meta.glob<{ default: Record<string, unknown> }>('../../src/i18n/*.{de,en}.ts', { eager: true })
const core = import.meta.glob<{ default: Record<string, unknown> }>('../../src/i18n/{de,en}.ts', { eager: true })

function flatten(obj: unknown, prefix = '', out: [string, string][] = []): [string, string][] {
  if (typeof obj === 'string') out.push([prefix, obj])
  else if (obj && typeof obj === 'object') for (const [k, v] of Object.entries(obj)) flatten(v, prefix ? `${prefix}.${k}` : k, out)
  return out
}

/** Every message as a flat key → text list, from all message files (the overlay's keys are already dotted). */
const messages: [string, string][] = []
for (const [file, m] of Object.entries({ ...core, ...modules })) {
  for (const [key, text] of flatten(m.default)) messages.push([`${file}:${key}`, text])
}

function renderBoth(text: string, count: number): [string, string] {
  const named: Record<string, unknown> = {}
  for (const m of text.matchAll(/\{\s*([A-Za-z_][\w-]*)\s*\}/g)) named[m[1] as string] = `‹${m[1]}›`
  named.n = count
  named.count = count
  const list = ['‹0›', '‹1›', '‹2›']
  const own = createI18n({ legacy: false, locale: 'de', messages: { de: { m: text } }, messageCompiler: compileMessage as never, missingWarn: false, fallbackWarn: false })
  const theirs = createI18n({ legacy: false, locale: 'de', messages: { de: { m: text } }, missingWarn: false, fallbackWarn: false })
  const usesList = /\{\s*\d+\s*\}/.test(text)
  const run = (i: typeof own): string => (usesList ? i.global.t('m', list) : text.includes('|') ? i.global.t('m', named, count) : i.global.t('m', named))
  return [run(own), run(theirs)]
}

describe('message compiler (runtime-only vue-i18n)', () => {
  it('covers the message files', () => {
    // de, en and seven lazy groups plus the vocabulary overlay, in both languages
    expect(Object.keys({ ...core, ...modules }).length).toBeGreaterThanOrEqual(18)
    expect(messages.length).toBeGreaterThan(2000)
  })

  it.each([
    ['plain text', 'Speichern', 0, 'Speichern'],
    ['named placeholder', 'Hallo {name}!', 0, 'Hallo ‹name›!'],
    ['placeholder with spaces', '{ name } da', 0, '‹name› da'],
    ['plural, one', 'keine Frage | eine Frage | {n} Fragen', 1, 'eine Frage'],
    ['plural, many', 'keine Frage | eine Frage | {n} Fragen', 7, '7 Fragen'],
    ['empty', '', 0, ''],
  ])('%s', (_name, text, count, expected) => {
    const [own, theirs] = renderBoth(text, count)
    expect(own).toBe(expected)
    expect(theirs).toBe(expected)
  })

  it('renders every message of the app as vue-i18n does', () => {
    const differences: string[] = []
    for (const [key, text] of messages) {
      for (const count of text.includes('|') ? [0, 1, 2, 7] : [1]) {
        const [own, theirs] = renderBoth(text, count)
        if (own !== theirs) differences.push(`${key} (${count}): ${JSON.stringify(own)} ≠ ${JSON.stringify(theirs)}`)
      }
    }
    expect(differences).toEqual([])
  })
})
