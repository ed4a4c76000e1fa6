import { describe, expect, it } from 'vitest'
import v1 from '@/catalogs/dc-kommune/1.0.0.json'
import v2 from '@/catalogs/dc-kommune/2.0.0.json'

/** Paths of every `{ de, en }` text in a JSON value whose German or English text is missing or blank. */
function missingTexts(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => missingTexts(v, `${path}[${i}]`))
  if (value === null || typeof value !== 'object') return []
  const record = value as Record<string, unknown>
  if (typeof record.de === 'string') return record.de.trim() && typeof record.en === 'string' && record.en.trim() ? [] : [path]
  return Object.entries(record).flatMap(([k, v]) => missingTexts(v, path ? `${path}.${k}` : k))
}

describe('built-in catalogues speak German and English', () => {
  it.each([
    ['1.0.0', v1, 832],
    ['2.0.0', v2, 1040],
  ])('%s: every text has a German and an English version', (_version, catalog, count) => {
    expect(missingTexts(catalog)).toEqual([])
    expect(JSON.stringify(catalog).match(/"de":/g)).toHaveLength(count)
  })

  it('finds a missing English text (the check itself can fail)', () => {
    expect(missingTexts({ items: [{ question: { de: 'Frage' } }, { help: { de: 'Hilfe', en: ' ' } }] })).toEqual(['items[0].question', 'items[1].help'])
  })
})
