import { describe, expect, it } from 'vitest'
import { validateCatalog, type CatalogIssue } from '@/domain/catalog/catalog-schema'
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
      expect(item.question.de!.trim().endsWith('?'), item.id).toBe(true)
      expect(item.help.de!.length, item.id).toBeGreaterThan(20)
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

describe('broken catalogues are rejected with a code that says what and where', () => {
  const cases: [string, (c: Catalog) => unknown, CatalogIssue][] = [
    ['not an object', () => 'hello', { code: 'invalidType', params: { expected: 'object' }, path: [], location: { entity: 'catalog', field: '' } }],
    ['wrong format marker', (c) => ({ ...c, format: 'other' }), { code: 'invalidValue', params: { allowed: ['digitalisierungs-check/catalog'] }, path: ['format'], location: { entity: 'catalog', field: 'format' } }],
    ['version not semver', (c) => ({ ...c, version: 'eins' }), { code: 'invalidVersion', params: {}, path: ['version'], location: { entity: 'catalog', field: 'version' } }],
    ['item with four level texts on a five-level scale', (c) => { c.items[0]!.levels.pop(); return c }, { code: 'levelCountMismatch', params: { itemId: 'str-01', expected: 5, actual: 4 }, path: ['items', 0, 'levels'], location: { entity: 'item', id: 'str-01', field: 'levels' } }],
    ['item with one level text', (c) => { c.items[0]!.levels.splice(1); return c }, { code: 'tooFewEntries', params: { min: 2 }, path: ['items', 0, 'levels'], location: { entity: 'item', id: 'str-01', field: 'levels' } }],
    ['item on an undeclared scale', (c) => { c.items[1]!.scale = 'ja-nein'; return c }, { code: 'itemUnknownScale', params: { itemId: 'str-02', scale: 'ja-nein' }, path: ['items', 1, 'scale'], location: { entity: 'item', id: 'str-02', field: 'scale' } }],
    ['scale values not rising', (c) => { c.scales.ist[3]!.value = 1; return c }, { code: 'scaleNotIncreasing', params: { scale: 'ist' }, path: ['scales', 'ist'], location: { entity: 'scale', id: 'ist', field: '' } }],
    ['nine answer levels', (c) => { c.scales.ist.push(...c.scales.ist.slice(0, 4).map((l, i) => ({ ...l, value: 5 + i }))); return c }, { code: 'tooManyEntries', params: { max: 8 }, path: ['scales', 'ist'], location: { entity: 'scale', id: 'ist', field: '' } }],
    ['text in no language', (c) => { c.items[2]!.help = {}; return c }, { code: 'textMissing', params: {}, path: ['items', 2, 'help'], location: { entity: 'item', id: 'str-03', field: 'help' } }],
    ['German text missing in a German catalogue', (c) => { c.items[2]!.help = { en: 'Help' }; return c }, { code: 'defaultLanguageMissing', params: { language: 'de' }, path: ['items', 2, 'help', 'de'], location: { entity: 'item', id: 'str-03', field: 'help', language: 'de' } }],
    ['trigger level beyond the scale', (c) => { c.measures[0]!.triggers[0]!.maxLevel = 6; return c }, { code: 'levelOutOfScale', params: { level: 6, max: 4 }, path: ['measures', 0, 'triggers', 0, 'maxLevel'], location: { entity: 'measure', id: 'm-lenkungsgruppe', field: 'triggers[0].maxLevel' } }],
    ['dimension below an unknown group', (c) => { c.dimensions[1]!.parentId = 'keine-gruppe'; return c }, { code: 'unknownGroup', params: { id: 'onlinedienste', parentId: 'keine-gruppe' }, path: ['dimensions', 1, 'parentId'], location: { entity: 'dimension', id: 'onlinedienste', field: 'parentId' } }],
    ['empty question', (c) => { c.items[1]!.question.de = '  '; return c }, { code: 'tooSmall', params: { min: 1 }, path: ['items', 1, 'question', 'de'], location: { entity: 'item', id: 'str-02', field: 'question', language: 'de' } }],
    ['empty level text', (c) => { c.items[5]!.levels[3]!.de = ''; return c }, { code: 'tooSmall', params: { min: 1 }, path: ['items', 5, 'levels', 3, 'de'], location: { entity: 'item', id: 'str-06', level: 3, field: '', language: 'de' } }],
    ['empty English scale label', (c) => { c.scales.ist[2]!.label.en = ''; return c }, { code: 'tooSmall', params: { min: 1 }, path: ['scales', 'ist', 2, 'label', 'en'], location: { entity: 'scale', id: 'ist', entry: 3, field: 'label', language: 'en' } }],
    ['item without a usable id', (c) => { (c.items[7] as { id: unknown }).id = 42; return c }, { code: 'invalidType', params: { expected: 'string' }, path: ['items', 7, 'id'], location: { entity: 'item', position: 8, field: 'id' } }],
    ['applicability unknown', (c) => { (c.items[2] as { appliesTo: string }).appliesTo = 'some'; return c }, { code: 'invalidValue', params: { allowed: ['all', 'central', 'organisation'] }, path: ['items', 2, 'appliesTo'], location: { entity: 'item', id: 'str-03', field: 'appliesTo' } }],
    ['default target 5 on a 0–4 scale', (c) => { (c.dimensions[0] as { defaultTarget: number }).defaultTarget = 5; return c }, { code: 'levelOutOfScale', params: { level: 5, max: 4 }, path: ['dimensions', 0, 'defaultTarget'], location: { entity: 'dimension', id: 'strategie', field: 'defaultTarget' } }],
    ['default target 8', (c) => { (c.dimensions[0] as { defaultTarget: number }).defaultTarget = 8; return c }, { code: 'tooBig', params: { max: 7 }, path: ['dimensions', 0, 'defaultTarget'], location: { entity: 'dimension', id: 'strategie', field: 'defaultTarget' } }],
    ['item in unknown dimension', (c) => { c.items[3]!.dimensionId = 'nirgends'; return c }, { code: 'itemUnknownDimension', params: { itemId: 'str-04', dimensionId: 'nirgends' }, path: ['items', 3, 'dimensionId'], location: { entity: 'item', id: 'str-04', field: 'dimensionId' } }],
    ['duplicate item id', (c) => { c.items[4]!.id = c.items[5]!.id; return c }, { code: 'duplicateId', params: { id: 'str-06' }, path: ['items', 5, 'id'], location: { entity: 'item', id: 'str-06', field: 'id' } }],
    ['trigger on unknown item', (c) => { c.measures[0]!.triggers[0]!.itemId = 'xyz-99'; return c }, { code: 'measureUnknownItem', params: { measureId: 'm-lenkungsgruppe', itemId: 'xyz-99' }, path: ['measures', 0, 'triggers', 0, 'itemId'], location: { entity: 'measure', id: 'm-lenkungsgruppe', field: 'triggers[0].itemId' } }],
    ['dependency on unknown measure', (c) => { c.measures[1]!.dependsOn = ['m-gibt-es-nicht']; return c }, { code: 'measureUnknownMeasure', params: { measureId: 'm-digitalisierungsstelle', dependency: 'm-gibt-es-nicht' }, path: ['measures', 1, 'dependsOn', 0], location: { entity: 'measure', id: 'm-digitalisierungsstelle', field: 'dependsOn[0]' } }],
    ['effort 6', (c) => { (c.measures[2] as { effort: number }).effort = 6; return c }, { code: 'invalidChoice', params: {}, path: ['measures', 2, 'effort'], location: { entity: 'measure', id: 'm-bestandsaufnahme-digitalisierung', field: 'effort' } }],
    ['obligation date not ISO', (c) => { c.measures[3]!.obligation = { law: 'X', description: { de: 'Y' }, date: '18.04.2020' }; return c }, { code: 'invalidDateFormat', params: {}, path: ['measures', 3, 'obligation', 'date'], location: { entity: 'measure', id: 'm-digitalstrategie', field: 'obligation.date' } }],
    ['unknown source id on an item', (c) => { c.items[6]!.sourceIds = ['quelle-fehlt']; return c }, { code: 'unknownSource', params: { sourceId: 'quelle-fehlt' }, path: ['items', 6, 'sourceIds', 0], location: { entity: 'item', id: 'str-07', field: 'sourceIds[0]' } }],
  ]

  it.each(cases)('%s', (_name, mutate, expected) => {
    const result = validateCatalog(mutate(clone()))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues[0]).toEqual(expected)
  })

  it('reports a date in the wrong format once, not also as a date that does not exist', () => {
    const c = clone()
    c.measures[3]!.obligation = { law: 'X', description: { de: 'Y' }, date: '18.04.2020' }
    const result = validateCatalog(c)
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toEqual(['invalidDateFormat'])
  })

  it('does not reject a dependency cycle (the roadmap reports it)', () => {
    const c = clone()
    const [m1, m2] = c.measures
    m1!.dependsOn = [m2!.id]
    m2!.dependsOn = [m1!.id]
    expect(validateCatalog(c).ok).toBe(true)
  })
})

describe('long texts of real models', () => {
  it('accepts level, help and measure texts of several thousand characters whole', () => {
    const c = clone()
    const long = `${'Die Aktivität wird in allen Teams gelebt und regelmäßig überprüft. '.repeat(60)}Ende.`
    expect(long.length).toBeGreaterThan(4000)
    const item = c.items[0] as Catalog['items'][number]
    item.levels[3] = { de: long, en: long }
    item.help = { de: long }
    ;(c.measures[0] as Catalog['measures'][number]).description = { de: long }
    const result = validateCatalog(c)
    expect(result.ok ? result.catalog.items[0]?.levels[3]?.de : result.issues).toBe(long)
  })

  it('still rejects an absurdly long text with tooBig and its place', () => {
    const c = clone()
    ;(c.items[0] as Catalog['items'][number]).question = { de: 'x'.repeat(20_001) }
    const result = validateCatalog(c)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.issues[0]).toMatchObject({ code: 'tooBig', params: { max: 20_000 }, location: { entity: 'item', field: 'question', language: 'de' } })
  })
})
