/** The starter list of typical municipal services: content rules and conversion into services. */
import { describe, expect, it } from 'vitest'
import { EXECUTIONS, RESPONSIBLE_UNITS, STARTER_LIST_VERSION, STARTER_SERVICES, serviceFromStarter } from '@/domain/services/starter-services'
import { serviceMaturity } from '@/domain/services/maturity'
import { OZG_RGM_2 } from '@/domain/services/maturity-model'
import { checkService } from '@/domain/services/values'

describe('STARTER_SERVICES', () => {
  it('has a semantic version', () => expect(STARTER_LIST_VERSION).toMatch(/^\d+\.\d+\.\d+$/))

  it('contains the services the feature names', () => {
    const ids = STARTER_SERVICES.map((s) => s.id)
    for (const id of ['sperrmuell', 'gartenwasserzaehler', 'hundesteuer-anmeldung', 'bewohnerparkausweis', 'meldebescheinigung', 'gewerbeanmeldung', 'fundsachen', 'kita-anmeldung', 'online-terminvergabe', 'maengelmelder', 'abfallkalender']) {
      expect(ids).toContain(id)
    }
    expect(STARTER_SERVICES.filter((s) => s.fromFeature)).toHaveLength(11)
  })

  it('adds 15–25 other common services', () => {
    const others = STARTER_SERVICES.filter((s) => !s.fromFeature)
    expect(others.length).toBeGreaterThanOrEqual(15)
    expect(others.length).toBeLessThanOrEqual(25)
  })

  it('ids are unique slugs; German and English names are unique and non-empty', () => {
    const ids = STARTER_SERVICES.map((s) => s.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    for (const lang of ['de', 'en'] as const) {
      const names = STARTER_SERVICES.map((s) => s.name[lang].trim())
      expect(names.every((n) => n.length > 0 && n.length <= 200)).toBe(true)
      expect(new Set(names).size).toBe(names.length)
    }
  })

  it('units and executions are known codes; sources are web addresses', () => {
    for (const s of STARTER_SERVICES) {
      expect(RESPONSIBLE_UNITS).toContain(s.unit)
      expect(EXECUTIONS).toContain(s.execution)
      for (const url of s.sources) expect(url).toMatch(/^https?:\/\/[^\s]+$/)
    }
  })

  it('gives no LeiKa key, since none was verified', () => {
    for (const s of STARTER_SERVICES) expect(Object.keys(s)).not.toContain('leikaKey')
  })

  it('every responsible unit is used by some entry', () => {
    expect(new Set(STARTER_SERVICES.map((s) => s.unit))).toEqual(new Set(RESPONSIBLE_UNITS))
  })
})

describe('serviceFromStarter', () => {
  const entry = STARTER_SERVICES.find((s) => s.id === 'meldebescheinigung')!

  it('makes an unrated service with the German name by default', () => {
    const service = serviceFromStarter(entry, { id: 'svc-9' })
    expect(service).toEqual({
      id: 'svc-9',
      name: 'Meldebescheinigung beantragen',
      channels: [],
      onlinePayment: false,
      formType: 'none',
      maturity: { model: OZG_RGM_2.key, ratings: {} },
      starterId: 'meldebescheinigung',
    })
    expect(serviceMaturity(service.maturity, OZG_RGM_2)).toMatchObject({ level: null, status: 'unrated' })
  })

  it('uses the English name for locale en and takes a department', () => {
    expect(serviceFromStarter(entry, { id: 'x', locale: 'en', departmentId: 'd-33' })).toMatchObject({ name: 'Certificate of registration', departmentId: 'd-33' })
  })

  it('every starter entry becomes a valid service in both languages', () => {
    for (const s of STARTER_SERVICES) {
      for (const locale of ['de', 'en']) expect(checkService(serviceFromStarter(s, { id: s.id, locale }))).toEqual([])
    }
  })
})
