// Content checks of the built-in catalogue dc-kommune 2.0.0: legal obligations, foundation owners,
// bilingual texts, the predecessor mapping to 1.0.0 and the measure graph. Schema validation is
// tested separately (validateCatalog), so this file reads the JSON through its own minimal types.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

import catalog from '@/catalogs/dc-kommune/2.0.0.json'
import previous from '@/catalogs/dc-kommune/1.0.0.json'

interface Text {
  de: string
  en?: string
}
interface Obligation {
  law: string
  paragraph: string
  description: Text
  addressee: string
  bundeslaender: 'all' | string[]
  inForceSince: string
  deadline: string | null
  sourceIds: string[]
}
interface Item {
  id: string
  appliesTo: string
  owner?: Text
  question: Text
  help: Text
  levels: Text[]
}
interface Measure {
  id: string
  title: Text
  description: Text
  triggers: { itemId: string; maxLevel: number }[]
  dependsOn: string[]
  obligation?: Obligation
}
interface Catalogue {
  version: string
  scoringModel: string
  title: Text
  description: Text
  sources: { id: string }[]
  scales: Record<string, { label: Text; description: Text }[]>
  dimensions: { id: string; title: Text; description: Text }[]
  items: Item[]
  measures: Measure[]
  predecessors: { catalogVersion: string; items: Record<string, string | null> }[]
}

const cat = catalog as unknown as Catalogue
const old = previous as unknown as { items: { id: string }[] }

const ADDRESSEES = ['kommune', 'schultraeger', 'kommune_unternehmer', 'kommunales_unternehmen']
const LAENDER = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH']
const sourceIds = new Set(cat.sources.map((s) => s.id))
const itemIds = new Set(cat.items.map((i) => i.id))
const measureIds = new Set(cat.measures.map((m) => m.id))
const withObligation = cat.measures.filter((m) => m.obligation)

/** A real calendar date in the form YYYY-MM-DD (rejects 2025-02-30). */
function isRealDate(s: unknown): boolean {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

function obligationOf(predicate: (m: Measure) => boolean): Obligation[] {
  return withObligation.filter(predicate).map((m) => m.obligation!)
}

describe('catalogue dc-kommune 2.0.0', () => {
  it('is version 2.0.0 of scoring model 2.0', () => {
    expect(cat.version).toBe('2.0.0')
    expect(cat.scoringModel).toBe('2.0')
  })

  it('has legal obligations', () => {
    expect(withObligation.length).toBeGreaterThanOrEqual(10)
  })

  it.each(withObligation.map((m) => [m.id, m.obligation!] as const))('obligation of %s is complete', (_id, o) => {
    expect(o.law.trim()).not.toBe('')
    expect(o.paragraph.trim()).not.toBe('')
    expect(ADDRESSEES).toContain(o.addressee)
    if (o.bundeslaender !== 'all') {
      expect(Array.isArray(o.bundeslaender)).toBe(true)
      expect(o.bundeslaender.length).toBeGreaterThan(0)
      for (const land of o.bundeslaender) expect(LAENDER).toContain(land)
    }
    expect(isRealDate(o.inForceSince)).toBe(true)
    expect(o.deadline === null || isRealDate(o.deadline)).toBe(true)
    expect(o.sourceIds.length).toBeGreaterThan(0)
    for (const s of o.sourceIds) expect(sourceIds.has(s), s).toBe(true)
  })

  it('names an owner in German and English for every foundation (organisation) item', () => {
    const foundation = cat.items.filter((i) => i.appliesTo === 'organisation')
    expect(foundation.length).toBeGreaterThanOrEqual(10)
    expect(foundation.length).toBeLessThanOrEqual(14)
    for (const i of foundation) {
      expect(i.owner?.de?.trim(), i.id).toBeTruthy()
      expect(i.owner?.en?.trim(), i.id).toBeTruthy()
    }
  })

  it('gives every text a German and an English version', () => {
    const texts: [string, Text | undefined][] = [
      ['title', cat.title],
      ['description', cat.description],
      ...Object.entries(cat.scales).flatMap(([name, steps]) =>
        steps.flatMap((s, n): [string, Text][] => [
          [`scales.${name}[${n}].label`, s.label],
          [`scales.${name}[${n}].description`, s.description],
        ]),
      ),
      ...cat.dimensions.flatMap((d): [string, Text][] => [
        [`${d.id}.title`, d.title],
        [`${d.id}.description`, d.description],
      ]),
      ...cat.items.flatMap((i): [string, Text | undefined][] => [
        [`${i.id}.question`, i.question],
        [`${i.id}.help`, i.help],
        ...i.levels.map((l, n): [string, Text] => [`${i.id}.levels[${n}]`, l]),
        ...(i.owner ? [[`${i.id}.owner`, i.owner] as [string, Text]] : []),
      ]),
      ...cat.measures.flatMap((m): [string, Text | undefined][] => [
        [`${m.id}.title`, m.title],
        [`${m.id}.description`, m.description],
        ...(m.obligation ? [[`${m.id}.obligation.description`, m.obligation.description] as [string, Text]] : []),
      ]),
    ]
    const missing = texts.filter(([, t]) => !t?.de?.trim() || !t.en?.trim()).map(([where]) => where)
    expect(missing).toEqual([])
  })

  it('gives every item exactly five level texts', () => {
    for (const i of cat.items) expect(i.levels, i.id).toHaveLength(5)
  })

  describe('predecessor mapping to 1.0.0', () => {
    const entry = cat.predecessors.find((p) => p.catalogVersion === '1.0.0')

    it('lists every 1.0.0 item id exactly once', () => {
      expect(entry).toBeDefined()
      expect(Object.keys(entry!.items).sort()).toEqual(old.items.map((i) => i.id).sort())
      // Parsing a JSON object silently keeps only the last of duplicate keys, so count them in the file.
      const raw = readFileSync(join(__dirname, '../../src/catalogs/dc-kommune/2.0.0.json'), 'utf8')
      const block = raw.slice(raw.indexOf('"predecessors"'), raw.indexOf('"sources"'))
      for (const { id } of old.items) {
        expect(block.split(`"${id}":`).length - 1, id).toBe(1)
      }
    })

    it('maps only to existing 2.0.0 items, each target at most once', () => {
      const targets = Object.values(entry!.items).filter((t): t is string => t !== null)
      for (const t of targets) expect(itemIds.has(t), t).toBe(true)
      expect(new Set(targets).size).toBe(targets.length)
    })
  })

  describe('measure graph', () => {
    it('points triggers and dependencies to existing ids', () => {
      for (const m of cat.measures) {
        for (const t of m.triggers) expect(itemIds.has(t.itemId), `${m.id} → ${t.itemId}`).toBe(true)
        for (const d of m.dependsOn) expect(measureIds.has(d), `${m.id} → ${d}`).toBe(true)
      }
    })

    it('has no dependency cycle', () => {
      const deps = new Map(cat.measures.map((m) => [m.id, m.dependsOn]))
      const state = new Map<string, 'open' | 'done'>()
      const cycles: string[] = []
      const visit = (id: string, path: string[]): void => {
        state.set(id, 'open')
        for (const next of deps.get(id) ?? []) {
          if (state.get(next) === 'open') cycles.push([...path, next].join(' → '))
          else if (!state.has(next)) visit(next, [...path, next])
        }
        state.set(id, 'done')
      }
      for (const id of deps.keys()) if (!state.has(id)) visit(id, [id])
      expect(cycles).toEqual([])
    })

    it('orders the end-to-end pilot before the e-file rollout and council work after the e-file', () => {
      const byId = new Map(cat.measures.map((m) => [m.id, m]))
      expect(byId.get('m-eakte-rollout')?.dependsOn).toContain('m-ende-zu-ende-pilot')
      expect(byId.get('m-ende-zu-ende-pilot')?.dependsOn).not.toContain('m-eakte-rollout')
      expect(byId.get('m-digitale-ratsarbeit')?.dependsOn).toContain('m-eakte-rollout')
    })
  })

  it('puts no obligation on EfA reuse or the digital return channel', () => {
    const named = cat.measures.filter((m) => /EfA|Einer für Alle|Rückkanal|return channel/i.test(`${m.id} ${m.title.de} ${m.title.en ?? ''}`))
    expect(named.length).toBeGreaterThan(0)
    for (const m of named) expect(m.obligation, m.id).toBeUndefined()
  })

  describe('specific legal facts', () => {
    it('data protection officer: Art. 37 DSGVO', () => {
      const dsb = obligationOf((m) => m.obligation!.paragraph.includes('Art. 37'))
      expect(dsb.length).toBeGreaterThan(0)
      expect(dsb[0]!.addressee).toBe('kommune')
    })

    it('beBPo: § 55d VwGO since 2022-01-01', () => {
      const o = obligationOf((m) => `${m.obligation!.law} ${m.obligation!.paragraph}`.includes('55d') && m.obligation!.law.includes('VwGO'))
      expect(o).toHaveLength(1)
      expect(`${o[0]!.paragraph} ${o[0]!.law}`).toMatch(/§ 55d.*VwGO/)
      expect(o[0]!.inForceSince).toBe('2022-01-01')
    })

    it('land-use plans online: § 3 Abs. 2 BauGB since 2023-07-07', () => {
      const o = obligationOf((m) => m.obligation!.law.includes('BauGB'))
      expect(o).toHaveLength(1)
      expect(o[0]!.paragraph).toContain('§ 3 Abs. 2')
      expect(o[0]!.inForceSince).toBe('2023-07-07')
    })

    it('AI literacy: Art. 4 KI-VO since 2025-02-02', () => {
      const o = obligationOf((m) => m.obligation!.law.includes('KI-VO'))
      expect(o).toHaveLength(1)
      expect(o[0]!.paragraph).toContain('Art. 4')
      expect(o[0]!.inForceSince).toBe('2025-02-02')
    })

    it('NIS2 addresses municipal companies, registration by 2026-03-06', () => {
      const o = obligationOf((m) => /NIS2/.test(m.obligation!.law))
      expect(o).toHaveLength(1)
      expect(o[0]!.addressee).toBe('kommunales_unternehmen')
      expect(o[0]!.inForceSince).toBe('2025-12-06')
      expect(o[0]!.deadline).toBe('2026-03-06')
    })
  })
})
