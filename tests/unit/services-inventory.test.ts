/** Inventory figures: counts per level, share online, cases covered online, top services not online. */
import { describe, expect, it } from 'vitest'
import { inventorySummary, topServicesNotOnline } from '@/domain/services/inventory'
import { allAt, makeService, TINY_MODEL } from './services-builders'

const opts = { model: TINY_MODEL, onlineLevel: 3 as const }

describe('inventorySummary', () => {
  it('an empty inventory has no shares (null, not 0)', () => {
    const s = inventorySummary([], opts)
    expect(s.total).toBe(0)
    expect(s.onlineShare).toBeNull()
    expect(s.onlineShareOfRated).toBeNull()
    expect(s.cases).toEqual({ total: 0, online: 0, onlineShare: null, servicesWithCases: 0, servicesWithoutCases: 0 })
  })

  it('counts levels, online services and cases exactly', () => {
    const services = [
      makeService({ id: 's1', ratings: allAt(4), casesPerYear: 12_500, onlinePayment: true, formType: 'end-to-end' }),
      makeService({ id: 's2', ratings: { a: 3, b: 5, c: 'na' }, casesPerYear: 2_500, formType: 'html-form' }),
      makeService({ id: 's3', ratings: { a: 2, b: 7, c: 7 }, casesPerYear: 5_000, formType: 'pdf' }),
      makeService({ id: 's4', ratings: { a: 7 }, casesPerYear: 30_000, formType: 'pdf' }), // incomplete → unrated
      makeService({ id: 's5', ratings: allAt(0), onlinePayment: true }), // no case number
    ]
    const s = inventorySummary(services, opts)
    expect(s.total).toBe(5)
    expect(s.byLevel).toEqual({ 0: 1, 1: 0, 2: 1, 3: 1, 4: 1, 5: 0, 6: 0, 7: 0 })
    expect(s.unrated).toBe(1)
    expect(s.online).toBe(2)
    expect(s.onlineShare).toBe(2 / 5)
    expect(s.onlineShareOfRated).toBe(2 / 4)
    expect(s.cases).toEqual({ total: 50_000, online: 15_000, onlineShare: 0.3, servicesWithCases: 4, servicesWithoutCases: 1 })
    expect(s.onlinePayment).toBe(2)
    expect(s.byFormType).toEqual({ none: 1, pdf: 2, 'html-form': 1, 'end-to-end': 1 })
  })

  it.each([
    [0, 4],
    [2, 3],
    [3, 2],
    [4, 1],
    [5, 0],
    [7, 0],
  ])('online from level %i → %i of the rated services online', (onlineLevel, online) => {
    const services = [0, 2, 3, 4].map((l, i) => makeService({ id: `s${i}`, ratings: allAt(l as 0) }))
    expect(inventorySummary(services, { model: TINY_MODEL, onlineLevel: onlineLevel as 0 }).online).toBe(online)
  })

  it('a service with an unknown level is never online, even if its rated criteria are high', () => {
    const s = inventorySummary([makeService({ ratings: { a: 7, b: 7 }, casesPerYear: 100 })], opts)
    expect(s).toMatchObject({ unrated: 1, online: 0, onlineShare: 0, onlineShareOfRated: null, cases: { total: 100, online: 0, onlineShare: 0 } })
  })

  it('case numbers all 0 → no case share', () => {
    const s = inventorySummary([makeService({ ratings: allAt(5), casesPerYear: 0 })], opts)
    expect(s.cases).toEqual({ total: 0, online: 0, onlineShare: null, servicesWithCases: 1, servicesWithoutCases: 0 })
  })
})

describe('topServicesNotOnline', () => {
  const services = [
    makeService({ id: 'meld', name: 'Meldebescheinigung', ratings: allAt(2), casesPerYear: 9_000 }),
    makeService({ id: 'wohn', name: 'Wohnsitzanmeldung', ratings: allAt(1), casesPerYear: 14_000 }),
    makeService({ id: 'hund', name: 'Hundesteuer', ratings: allAt(4), casesPerYear: 20_000 }), // online → excluded
    makeService({ id: 'sperr', name: 'Sperrmüll', casesPerYear: 9_000 }), // unrated → included, ties with meld
    makeService({ id: 'fund', name: 'Fundsachen', ratings: allAt(0) }), // no cases → counted only
    makeService({ id: 'gew', name: 'Gewerbeanmeldung', ratings: allAt(3), casesPerYear: 50_000 }), // online at 3
    makeService({ id: 'kita', name: 'Kita-Anmeldung', ratings: { a: 2, b: 2 }, casesPerYear: 800 }),
  ]

  it('ranks by cases, ties by name, and skips online services and those without cases', () => {
    expect(topServicesNotOnline(services, opts)).toEqual({
      services: [
        { serviceId: 'wohn', name: 'Wohnsitzanmeldung', casesPerYear: 14_000, level: 1, status: 'rated' },
        { serviceId: 'meld', name: 'Meldebescheinigung', casesPerYear: 9_000, level: 2, status: 'rated' },
        { serviceId: 'sperr', name: 'Sperrmüll', casesPerYear: 9_000, level: null, status: 'unrated' },
        { serviceId: 'kita', name: 'Kita-Anmeldung', casesPerYear: 800, level: null, status: 'incomplete' },
      ],
      withoutCases: 1,
    })
  })

  it.each([
    [0, []],
    [1, ['wohn']],
    [2, ['wohn', 'meld']],
    [10, ['wohn', 'meld', 'sperr', 'kita']],
  ])('limit %i → %j', (limit, ids) => {
    expect(topServicesNotOnline(services, { ...opts, limit }).services.map((s) => s.serviceId)).toEqual(ids)
  })

  it('defaults to the ten most used services', () => {
    const many = Array.from({ length: 14 }, (_, i) => makeService({ id: `s${i}`, name: `Leistung ${i}`, casesPerYear: 100 * i }))
    const top = topServicesNotOnline(many, opts).services
    expect(top.map((s) => s.serviceId)).toEqual(['s13', 's12', 's11', 's10', 's9', 's8', 's7', 's6', 's5', 's4'])
  })

  it('equal cases and names fall back to the id, whatever the input order', () => {
    const a = makeService({ id: 'b-2', name: 'Urkunde', casesPerYear: 5 })
    const b = makeService({ id: 'a-1', name: 'Urkunde', casesPerYear: 5 })
    expect(topServicesNotOnline([a, b], opts).services.map((s) => s.serviceId)).toEqual(['a-1', 'b-2'])
    expect(topServicesNotOnline([b, a], opts).services.map((s) => s.serviceId)).toEqual(['a-1', 'b-2'])
  })

  it('names sort by German collation (Ä with A, numbers numerically)', () => {
    const list = ['Zulassung', 'Änderung', 'Abmeldung', 'Antrag 10', 'Antrag 2'].map((name, i) => makeService({ id: `x${i}`, name, casesPerYear: 1 }))
    expect(topServicesNotOnline(list, opts).services.map((s) => s.name)).toEqual(['Abmeldung', 'Änderung', 'Antrag 2', 'Antrag 10', 'Zulassung'])
  })
})
