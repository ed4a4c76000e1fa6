/** Property tests (fast-check) for the service inventory: minimum rule, figures, parsing, import round trip. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { serviceMaturity } from '@/domain/services/maturity'
import { OZG_RGM_2 } from '@/domain/services/maturity-model'
import { inventorySummary, topServicesNotOnline } from '@/domain/services/inventory'
import { importServiceRows } from '@/domain/services/import'
import { parseDate, parseGermanInteger } from '@/domain/services/values'
import { FORM_TYPES, MATURITY_LEVELS, SERVICE_CHANNELS, type CriterionRating, type MaturityLevel, type MunicipalService } from '@/domain/services/types'

const RUNS = { numRuns: 300 }
const model = OZG_RGM_2
const levelArb = fc.constantFrom(...MATURITY_LEVELS)

/** A complete rating: every criterion a level, or 'na' where allowed (sometimes). */
const completeRatingsArb = fc.tuple(...model.criteria.map((c) => (c.mayBeNotApplicable ? fc.oneof(levelArb, fc.constant('na' as const)) : levelArb))).map(
  (values) => Object.fromEntries(model.criteria.map((c, i) => [c.id, values[i]])) as Record<string, CriterionRating>,
)

const numeric = (ratings: Record<string, CriterionRating>) => Object.values(ratings).filter((r): r is MaturityLevel => r !== 'na')

describe('minimum rule (properties)', () => {
  it('a complete rating gives the minimum of its levels; null only when every criterion is na', () => {
    fc.assert(
      fc.property(completeRatingsArb, (ratings) => {
        const m = serviceMaturity({ model: model.key, ratings }, model)
        const levels = numeric(ratings)
        if (levels.length === 0) expect(m).toMatchObject({ level: null, status: 'not_applicable' })
        else {
          expect(m.level).toBe(Math.min(...levels))
          expect(m.status).toBe('rated')
          for (const id of m.limiting) expect(ratings[id]).toBe(m.level)
        }
      }),
      RUNS,
    )
  })

  it('raising one criterion never lowers the level; lowering one below it sets the level to it', () => {
    fc.assert(
      fc.property(completeRatingsArb, fc.nat(model.criteria.length - 1), levelArb, (ratings, i, newLevel) => {
        const id = model.criteria[i]!.id
        const before = serviceMaturity({ model: model.key, ratings }, model).level
        const after = serviceMaturity({ model: model.key, ratings: { ...ratings, [id]: newLevel } }, model).level
        const old = ratings[id]
        if (before === null) return
        if (old !== undefined && old !== 'na' && newLevel >= old) expect(after!).toBeGreaterThanOrEqual(before)
        if (newLevel < before) expect(after).toBe(newLevel)
      }),
      RUNS,
    )
  })

  it('removing any one rating makes the level unknown (null), never 0', () => {
    fc.assert(
      fc.property(completeRatingsArb, fc.nat(model.criteria.length - 1), (ratings, i) => {
        const id = model.criteria[i]!.id
        const rest = { ...ratings }
        delete rest[id]
        const m = serviceMaturity({ model: model.key, ratings: rest }, model)
        expect(m.level).toBeNull()
        expect(m.missing).toContain(id)
      }),
      RUNS,
    )
  })
})

const serviceArb = fc
  .record({
    ratings: fc.oneof(completeRatingsArb, fc.constant({}), completeRatingsArb.map((r) => Object.fromEntries(Object.entries(r).slice(1)))),
    cases: fc.option(fc.nat(100_000), { nil: undefined }),
    name: fc.constantFrom('Meldebescheinigung', 'Sperrmüll', 'Hundesteuer', 'Äpfel', 'Kita', 'Fundsachen'),
    payment: fc.boolean(),
    formType: fc.constantFrom(...FORM_TYPES),
  })
  .map(({ ratings, cases, name, payment, formType }): Omit<MunicipalService, 'id'> => ({
    name,
    channels: [],
    onlinePayment: payment,
    formType,
    maturity: { model: model.key, ratings },
    ...(cases === undefined ? {} : { casesPerYear: cases }),
  }))
const inventoryArb = fc.array(serviceArb, { maxLength: 30 }).map((list) => list.map((s, i) => ({ ...s, id: `s${i}` }) as MunicipalService))

describe('inventory figures (properties)', () => {
  it('counts add up and shares lie in [0, 1]', () => {
    fc.assert(
      fc.property(inventoryArb, levelArb, (services, onlineLevel) => {
        const s = inventorySummary(services, { model, onlineLevel })
        expect(Object.values(s.byLevel).reduce((a, b) => a + b, 0) + s.unrated).toBe(s.total)
        expect(Object.values(s.byFormType).reduce((a, b) => a + b, 0)).toBe(s.total)
        expect(s.online).toBeLessThanOrEqual(s.total - s.unrated)
        expect(s.cases.online).toBeLessThanOrEqual(s.cases.total)
        for (const share of [s.onlineShare, s.onlineShareOfRated, s.cases.onlineShare]) {
          if (share === null) continue
          expect(share).toBeGreaterThanOrEqual(0)
          expect(share).toBeLessThanOrEqual(1)
        }
        expect(s.online).toBe(MATURITY_LEVELS.filter((l) => l >= onlineLevel).reduce<number>((a, l) => a + s.byLevel[l], 0))
      }),
      RUNS,
    )
  })

  it('a higher online level never counts more services online', () => {
    fc.assert(
      fc.property(inventoryArb, levelArb, levelArb, (services, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a]
        expect(inventorySummary(services, { model, onlineLevel: hi }).online).toBeLessThanOrEqual(inventorySummary(services, { model, onlineLevel: lo }).online)
      }),
      RUNS,
    )
  })

  it('top services: at most `limit`, cases descending, none online, independent of input order', () => {
    const withShuffle = inventoryArb.chain((services) => fc.tuple(fc.constant(services), fc.shuffledSubarray(services, { minLength: services.length, maxLength: services.length })))
    fc.assert(
      fc.property(withShuffle, levelArb, fc.nat(12), ([services, shuffled], onlineLevel, limit) => {
        const top = topServicesNotOnline(services, { model, onlineLevel, limit }).services
        expect(top.length).toBeLessThanOrEqual(limit)
        for (let i = 1; i < top.length; i++) expect(top[i - 1]!.casesPerYear).toBeGreaterThanOrEqual(top[i]!.casesPerYear)
        for (const t of top) expect(t.level === null || t.level < onlineLevel).toBe(true)
        expect(topServicesNotOnline(shuffled, { model, onlineLevel, limit }).services).toEqual(top)
      }),
      RUNS,
    )
  })
})

describe('parsing (properties)', () => {
  it('every whole number written the German way (with or without grouping) reads back', () => {
    const grouped = new Intl.NumberFormat('de-DE', { useGrouping: true, maximumFractionDigits: 0 })
    fc.assert(
      fc.property(fc.nat(Number.MAX_SAFE_INTEGER), (n) => {
        expect(parseGermanInteger(grouped.format(n))).toBe(n)
        expect(parseGermanInteger(String(n))).toBe(n)
        expect(parseGermanInteger(`${grouped.format(n)},00`)).toBe(n)
      }),
      RUNS,
    )
  })

  it('every calendar date written DD.MM.YYYY or ISO reads back as ISO', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10)
        const [y, m, day] = iso.split('-')
        expect(parseDate(`${day}.${m}.${y}`)).toBe(iso)
        expect(parseDate(`${Number(day)}.${Number(m)}.${y}`)).toBe(iso)
        expect(parseDate(iso)).toBe(iso)
      }),
      RUNS,
    )
  })
})

describe('import round trip (property)', () => {
  const CHANNEL_DE: Record<string, string> = { counter: 'Schalter', post: 'Post', email: 'E-Mail', phone: 'Telefon', fax: 'Fax', online: 'Online' }
  const FORM_DE: Record<string, string> = { none: 'kein', pdf: 'PDF', 'html-form': 'HTML-Formular', 'end-to-end': 'Ende-zu-Ende' }
  const de = new Intl.NumberFormat('de-DE')

  const rowServiceArb = fc.record({
    name: fc.string({ minLength: 1, maxLength: 40 }).map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length > 0),
    channels: fc.subarray([...SERVICE_CHANNELS]),
    cases: fc.option(fc.nat(1_000_000), { nil: undefined }),
    since: fc.option(fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2025, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { nil: undefined }),
    payment: fc.boolean(),
    formType: fc.constantFrom(...FORM_TYPES),
  })

  it('services written as German spreadsheet rows import back unchanged', () => {
    fc.assert(
      fc.property(fc.uniqueArray(rowServiceArb, { maxLength: 8, selector: (s) => s.name.toLocaleLowerCase('de') }), (list) => {
        const rows = list.map((s) => ({
          Leistung: s.name,
          Kanäle: s.channels.map((c) => CHANNEL_DE[c]).join(', '),
          Fallzahl: s.cases === undefined ? '' : de.format(s.cases),
          'Online seit': s.since === undefined ? '' : s.since.split('-').reverse().join('.'),
          'Online-Bezahlung': s.payment ? 'ja' : 'nein',
          Formular: FORM_DE[s.formType]!,
        }))
        const result = importServiceRows(rows, { makeId: (i) => `r${i}` })
        expect(result.errors).toEqual([])
        expect(result.services).toEqual(
          list.map((s, i) => ({
            id: `r${i}`,
            name: s.name,
            channels: s.channels,
            onlinePayment: s.payment,
            formType: s.formType,
            maturity: { model: model.key, ratings: {} },
            ...(s.since === undefined ? {} : { onlineSince: s.since }),
            ...(s.cases === undefined ? {} : { casesPerYear: s.cases }),
          })),
        )
      }),
      { numRuns: 200 },
    )
  })
})
