/** inventoryForMeasure: what the Leistungsinventar contributes to a measure (src/domain/services/focus.ts). */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import cat1 from '@/catalogs/dc-kommune/1.0.0.json'
import cat2 from '@/catalogs/dc-kommune/2.0.0.json'
import { validateCatalog } from '@/domain/catalog/catalog-schema'
import { INVENTORY_FOCUSES, type Catalog, type InventoryFocus } from '@/domain/model/types'
import { compareFocusServices, inventoryDimensionIds, inventoryForMeasure } from '@/domain/services/focus'
import { topServicesNotOnline } from '@/domain/services/inventory'
import type { MaturityModel } from '@/domain/services/maturity-model'
import { FORM_TYPES, MATURITY_LEVELS, type FormType, type MunicipalService } from '@/domain/services/types'
import { allAt, makeService, TINY_MODEL } from './services-builders'

/** TINY_MODEL with a payment criterion that may be 'na' (service without fees). */
const MODEL: MaturityModel = {
  ...TINY_MODEL,
  key: 'tiny-pay/1',
  criteria: [...TINY_MODEL.criteria, { id: 'payment', mayBeNotApplicable: true, verified: true, basis: 'test', sources: [] }],
}
const OPTIONS = { model: MODEL, onlineLevel: 3 as const }

const svc = (id: string, name: string, cases: number | undefined, level: number | null, formType: FormType, onlinePayment = false, paymentNa = false): MunicipalService => {
  const ratings = level === null ? {} : { ...allAt(level as 0), payment: paymentNa ? ('na' as const) : (level as 0) }
  const s = makeService({ id, name, formType, onlinePayment, ratings })
  s.maturity.model = MODEL.key
  if (cases !== undefined) s.casesPerYear = cases
  return s
}

// Twelve services covering every branch: online / not online / unrated, every form type, with and
// without cases, with and without e-payment, payment 'na', ties in cases and in names.
const INVENTORY: MunicipalService[] = [
  svc('s01', 'Sperrmüll', 3100, null, 'pdf'),
  svc('s02', 'Bewohnerparkausweis', 1400, 2, 'html-form', true),
  svc('s03', 'Gartenwasserzähler', 850, 1, 'pdf'),
  svc('s04', 'Fundsachen', 700, 0, 'none'),
  svc('s05', 'Hundesteuer', 700, 1, 'pdf'),
  svc('s06', 'Kita-Anmeldung', 650, 3, 'html-form'),
  svc('s07', 'Abfallkalender', 9800, 3, 'none', false, true),
  svc('s08', 'Meldebescheinigung', 5200, 4, 'end-to-end', true),
  svc('s09', 'Mängelmelder', undefined, 5, 'html-form'),
  svc('s10', 'Ärztlicher Notdienst', undefined, null, 'none'),
  svc('s11', 'Baumfällung', undefined, 2, 'pdf'),
  svc('s12', 'Gewerbeanmeldung', 480, 2, 'html-form'),
]
const ids = (r: { listed: { serviceId: string }[] }) => r.listed.map((s) => s.serviceId)

describe('inventoryForMeasure (table)', () => {
  it.each<[InventoryFocus, number | undefined, string[], number, number]>([
    // focus, limit, listed ids, matching, matching without cases
    // unrated: s01 (3,100 cases) and s10 (no case number, last)
    ['record', undefined, ['s01', 's10'], 2, 1],
    ['record', 1, ['s01'], 2, 1],
    // not online: s01 s02 s03 s04 s05 s10 s11 s12; s10, s11 have no case number (not ranked); 700 tie → name
    ['most_used', undefined, ['s01', 's02', 's03', 's04', 's05', 's12'], 8, 2],
    ['most_used', 3, ['s01', 's02', 's03'], 8, 2],
    // not online with pdf/none: s01 s03 s04 s05 s10 s11; without cases last, by name ("Ärztlicher" before "Baumfällung")
    ['forms', undefined, ['s01', 's03', 's04', 's05', 's10', 's11'], 6, 2],
    ['forms', 4, ['s01', 's03', 's04', 's05'], 6, 2],
    // online or online form, without e-payment: s06 s09 s12 (s07 has payment 'na', s02/s08 pay online)
    ['payment', undefined, ['s06', 's12', 's09'], 3, 1],
    ['payment', 0, [], 3, 1],
  ])('%s (limit %s) lists %j', (focus, limit, listed, matching, withoutCases) => {
    const r = inventoryForMeasure(INVENTORY, focus, { ...OPTIONS, limit })
    expect(ids(r)).toEqual(listed)
    expect(r).toMatchObject({ focus, matching, matchingWithoutCases: withoutCases, total: 12, unrated: 2 })
  })

  it('gives the figures of each listed service', () => {
    const r = inventoryForMeasure(INVENTORY, 'forms', OPTIONS)
    expect(r.listed[0]).toEqual({ serviceId: 's01', name: 'Sperrmüll', casesPerYear: 3100, maturity: expect.objectContaining({ level: null, status: 'unrated' }), formType: 'pdf', onlinePayment: false })
    expect(r.listed[4]).toMatchObject({ serviceId: 's10', casesPerYear: null })
    expect(r.listed[1]!.maturity).toMatchObject({ level: 1, status: 'rated' })
  })

  it('counts a service rated on another model as unrated and not online', () => {
    const other = { ...svc('x', 'Anders', 10, 5, 'html-form'), maturity: { model: 'other/1', ratings: allAt(5) } }
    for (const focus of INVENTORY_FOCUSES) expect(inventoryForMeasure([other], focus, OPTIONS)).toMatchObject({ total: 1, unrated: 1 })
    expect(ids(inventoryForMeasure([other], 'most_used', OPTIONS))).toEqual(['x'])
    // an HTML form without e-payment still needs e-payment (its 'na' on the other model is not read)
    expect(ids(inventoryForMeasure([other], 'payment', OPTIONS))).toEqual(['x'])
  })

  it('an incomplete rating is unrated; the online level is a parameter', () => {
    const partial = { ...svc('p', 'Teilweise', 5, 4, 'pdf'), maturity: { model: MODEL.key, ratings: { a: 4 as const } } }
    expect(inventoryForMeasure([partial], 'record', OPTIONS)).toMatchObject({ matching: 1, unrated: 1 })
    const atTwo = inventoryForMeasure(INVENTORY, 'most_used', { ...OPTIONS, onlineLevel: 2 })
    expect(ids(atTwo)).toEqual(['s01', 's03', 's04', 's05'])
  })

  it('an empty inventory yields zeros', () => {
    for (const focus of INVENTORY_FOCUSES) expect(inventoryForMeasure([], focus, OPTIONS)).toEqual({ focus, listed: [], matching: 0, matchingWithoutCases: 0, total: 0, unrated: 0 })
  })
})

describe('inventoryForMeasure (properties)', () => {
  const serviceArb = fc.record({
    name: fc.constantFrom('Amt', 'amt', 'Äpfel', 'Zulassung', 'B', 'b10', 'b9', ''),
    cases: fc.option(fc.nat(50), { nil: undefined }),
    level: fc.option(fc.constantFrom(...MATURITY_LEVELS), { nil: null }),
    formType: fc.constantFrom(...FORM_TYPES),
    pay: fc.boolean(),
    paymentNa: fc.boolean(),
  })
  const inventoryArb = fc
    .array(serviceArb, { maxLength: 25 })
    .map((rows) => rows.map((r, i) => svc(`id-${String(i).padStart(2, '0')}`, r.name, r.cases, r.level, r.formType, r.pay, r.paymentNa)))

  it('lists matching services only, sorted, within the limit, independent of the input order', () => {
    fc.assert(
      fc.property(inventoryArb, fc.constantFrom(...INVENTORY_FOCUSES), fc.integer({ min: -2, max: 15 }), fc.nat(), (services, focus, limit, seed) => {
        const r = inventoryForMeasure(services, focus, { ...OPTIONS, limit })
        expect(r.total).toBe(services.length)
        expect(r.listed.length).toBeLessThanOrEqual(Math.max(0, limit))
        expect(r.listed.length).toBeLessThanOrEqual(r.matching)
        expect(r.matchingWithoutCases).toBeLessThanOrEqual(r.matching)
        expect(new Set(ids(r)).size).toBe(r.listed.length)
        for (let i = 1; i < r.listed.length; i++) expect(compareFocusServices(r.listed[i - 1]!, r.listed[i]!)).toBeLessThan(0)
        for (const s of r.listed) {
          const online = s.maturity.level !== null && s.maturity.level >= 3
          if (focus === 'most_used') expect(online || s.casesPerYear === null).toBe(false)
          if (focus === 'forms') expect(!online && (s.formType === 'pdf' || s.formType === 'none')).toBe(true)
          if (focus === 'payment') expect(!s.onlinePayment && (online || s.formType === 'html-form' || s.formType === 'end-to-end')).toBe(true)
        }
        if (focus === 'record') {
          expect(r.matching).toBe(r.unrated)
          expect(r.listed.length).toBe(Math.min(Math.max(0, limit), r.unrated))
          for (const s of r.listed) expect(s.maturity.level).toBeNull()
        }
        if (focus === 'most_used') expect(ids(r)).toEqual(topServicesNotOnline(services, { ...OPTIONS, limit }).services.map((s) => s.serviceId))
        // a shuffled inventory gives the same result
        const shuffled = [...services].sort((a, b) => ((a.id.charCodeAt(4) * 31 + seed) % 7) - ((b.id.charCodeAt(4) * 31 + seed) % 7) || a.id.localeCompare(b.id) * (seed % 2 ? 1 : -1))
        expect(inventoryForMeasure(shuffled, focus, { ...OPTIONS, limit })).toEqual(r)
      }),
      { numRuns: 300 },
    )
  })

  it('a larger limit extends the list: the shorter list is its prefix', () => {
    fc.assert(
      fc.property(inventoryArb, fc.constantFrom(...INVENTORY_FOCUSES), fc.nat(12), (services, focus, limit) => {
        const short = ids(inventoryForMeasure(services, focus, { ...OPTIONS, limit }))
        const long = ids(inventoryForMeasure(services, focus, { ...OPTIONS, limit: limit + 3 }))
        expect(long.slice(0, short.length)).toEqual(short)
      }),
      { numRuns: 200 },
    )
  })
})

describe('catalogue field `inventory`', () => {
  const focuses = (c: Catalog) => Object.fromEntries(c.measures.filter((m) => m.inventory !== undefined).map((m) => [m.id, m.inventory]))

  it('is set on five measures of dc-kommune 2.0.0 and kept by the validation; 1.0.0 has none', () => {
    const v = validateCatalog(cat2)
    expect(v.ok ? focuses(v.catalog) : v.issues).toEqual({
      'm-leistungsinventar-ozg': 'record',
      'm-top10-formularserver': 'most_used',
      'm-epayment-integration': 'payment',
      'm-online-formulare': 'forms',
      'm-online-leistungen-programm': 'most_used',
    })
    expect(focuses(cat1 as unknown as Catalog)).toEqual({})
  })

  it('rejects an unknown focus with its place', () => {
    const c = structuredClone(cat2) as unknown as Catalog
    const i = c.measures.findIndex((m) => m.id === 'm-online-formulare')
    ;(c.measures[i] as { inventory?: string }).inventory = 'everything'
    const v = validateCatalog(c)
    expect(v.ok ? [] : v.issues.map((x) => [x.code, x.path])).toEqual([['invalidValue', ['measures', i, 'inventory']]])
  })
})

describe('inventoryDimensionIds', () => {
  const dim = (id: string) => ({ id }) as Catalog['dimensions'][number]
  const m = (id: string, dimensionIds: string[], inventory?: InventoryFocus) => ({ id, dimensionIds, ...(inventory ? { inventory } : {}) }) as Catalog['measures'][number]
  it.each<[string, Catalog['measures'], string[]]>([
    ['no focus anywhere', [m('a', ['d1'])], []],
    ['first dimension of each focused measure, in catalogue order', [m('a', ['d3'], 'forms'), m('b', ['d1', 'd2'], 'most_used'), m('c', ['d2'])], ['d1', 'd3']],
    ['a measure without dimensions is ignored', [m('a', [], 'record')], []],
  ])('%s', (_name, measures, expected) => {
    expect(inventoryDimensionIds({ dimensions: [dim('d1'), dim('d2'), dim('d3')], measures })).toEqual(expected)
  })
  it('dc-kommune 2.0.0: the online-services dimension', () => {
    expect(inventoryDimensionIds(cat2 as unknown as Catalog)).toEqual(['onlinedienste'])
  })
})
