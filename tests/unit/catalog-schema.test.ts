import { describe, expect, it } from 'vitest'
import { validateCatalog } from '@/domain/catalog/catalog-schema'
import type { Catalog } from '@/domain/model/types'

import json from '@/catalogs/dc-kommune/1.0.0.json'

const raw = json as unknown as Catalog
const clone = (): Catalog => structuredClone(raw)

describe('default catalogue "Digitalisierungs-Check Kommune"', () => {
  const result = validateCatalog(raw)

  it('passes the schema and the cross-reference rules', () => {
    expect(result.ok ? 'valid' : result.issues).toBe('valid')
  })

  it('has at least 9 dimensions, 70 items and 40 measures', () => {
    expect(raw.dimensions.length).toBeGreaterThanOrEqual(9)
    expect(raw.items.length).toBeGreaterThanOrEqual(70)
    expect(raw.measures.length).toBeGreaterThanOrEqual(40)
  })

  it('covers the required topics with their dimension ids', () => {
    expect(raw.dimensions.map((d) => d.id)).toEqual(['strategie', 'onlinedienste', 'prozesse', 'eakte', 'arbeitsplatz', 'sicherheit', 'personal', 'kommunikation', 'daten'])
  })

  it('gives every item a question, a help text and five distinct level texts', () => {
    for (const item of raw.items) {
      expect(item.question.de.trim().endsWith('?'), item.id).toBe(true)
      expect(item.help.de.length, item.id).toBeGreaterThan(20)
      expect(new Set(item.levels.map((l) => l.de)).size, item.id).toBe(5)
    }
  })

  it('asks both central-only and all-department items', () => {
    const central = raw.items.filter((i) => i.appliesTo === 'central').length
    expect(central).toBeGreaterThan(10)
    expect(raw.items.length - central).toBeGreaterThan(35)
  })

  it('names its sources and includes legal obligations with dates', () => {
    expect(raw.sources.length).toBeGreaterThanOrEqual(10)
    const withObligation = raw.measures.filter((m) => m.obligation)
    expect(withObligation.length).toBeGreaterThanOrEqual(5)
    for (const m of withObligation) expect(m.obligation!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('uses German umlauts (no ae/oe/ue transliteration in common words)', () => {
    const texts = [...raw.items.flatMap((i) => [i.question.de, i.help.de, ...i.levels.map((l) => l.de)]), ...raw.measures.flatMap((m) => [m.title.de, m.description.de])]
    const joined = texts.join('\n')
    expect(joined).toMatch(/[äöüß]/)
    expect(joined.match(/\b(fuer|Buerger\w*|Massnahme\w*|Aenderung\w*|oeffentlich\w*)\b/g) ?? []).toEqual([])
  })
})

describe('broken catalogues are rejected with a message that says where', () => {
  const cases: [string, (c: Catalog) => unknown, RegExp, RegExp][] = [
    ['not an object', () => 'hello', /\(Datei\)/, /Datentyp/],
    ['wrong format marker', (c) => ({ ...c, format: 'other' }), /^format$/, /Unerwarteter Wert/],
    ['version not semver', (c) => ({ ...c, version: 'eins' }), /^version$/, /Version im Format/],
    ['item with four level texts', (c) => { c.items[0]!.levels.pop(); return c }, /^items\.0\.levels$/, /./],
    ['empty question', (c) => { c.items[1]!.question.de = '  '; return c }, /^items\.1\.question\.de$/, /Text leer/],
    ['applicability unknown', (c) => { (c.items[2] as { appliesTo: string }).appliesTo = 'some'; return c }, /^items\.2\.appliesTo$/, /erlaubt: all, central/],
    ['default target 5', (c) => { (c.dimensions[0] as { defaultTarget: number }).defaultTarget = 5; return c }, /^dimensions\.0\.defaultTarget$/, /Stufe außerhalb/],
    ['item in unknown dimension', (c) => { c.items[3]!.dimensionId = 'nirgends'; return c }, /dimensionId/, /unbekannte Dimension „nirgends“/],
    ['duplicate item id', (c) => { c.items[4]!.id = c.items[5]!.id; return c }, /^items$/, /kommt mehrfach vor/],
    ['trigger on unknown item', (c) => { c.measures[0]!.triggers[0]!.itemId = 'xyz-99'; return c }, /triggers/, /unbekannte Item „xyz-99“/],
    ['dependency on unknown measure', (c) => { c.measures[1]!.dependsOn = ['m-gibt-es-nicht']; return c }, /dependsOn/, /unbekannten Maßnahme/],
    ['effort 6', (c) => { (c.measures[2] as { effort: number }).effort = 6; return c }, /^measures\.2\.effort$/, /./],
    ['obligation date not ISO', (c) => { c.measures[3]!.obligation = { law: 'X', description: { de: 'Y' }, date: '18.04.2020' }; return c }, /obligation\.date/, /JJJJ-MM-TT/],
    ['unknown source id on an item', (c) => { c.items[6]!.sourceIds = ['quelle-fehlt']; return c }, /sourceIds/, /Unbekannte Quelle/],
  ]

  it.each(cases)('%s', (_name, mutate, pathPattern, messagePattern) => {
    const result = validateCatalog(mutate(clone()))
    expect(result.ok).toBe(false)
    if (result.ok) return
    const match = result.issues.find((i) => pathPattern.test(i.path))
    expect(match, JSON.stringify(result.issues.slice(0, 3))).toBeDefined()
    expect(match!.message).toMatch(messagePattern)
  })

  it('does not reject a dependency cycle (the roadmap reports it)', () => {
    const c = clone()
    const [m1, m2] = c.measures
    m1!.dependsOn = [m2!.id]
    m2!.dependsOn = [m1!.id]
    expect(validateCatalog(c).ok).toBe(true)
  })
})
