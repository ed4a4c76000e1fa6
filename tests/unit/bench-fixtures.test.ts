import { describe, expect, it } from 'vitest'
import { makeSyntheticCatalog, makeSyntheticOrganisation } from '../../bench/fixtures'
import { validateCatalog } from '@/domain/catalog/catalog-schema'

describe('benchmark fixtures (the "large municipality")', () => {
  it('builds a catalogue that passes the catalogue schema, with 120 items', () => {
    const catalog = makeSyntheticCatalog()
    const result = validateCatalog(catalog)
    expect(result.ok ? 'valid' : JSON.stringify(result.issues.slice(0, 3))).toBe('valid')
    expect(catalog.items).toHaveLength(120)
    expect(catalog.dimensions).toHaveLength(9)
  })

  it('builds 60 departments × 3 respondents × 5 rounds ≈ 100k answers', () => {
    const org = makeSyntheticOrganisation(makeSyntheticCatalog(), { departments: 60 })
    expect(org.assessments).toHaveLength(60 * 3 * 5)
    expect(org.answerCount).toBeGreaterThan(85_000)
    expect(org.answerCount).toBeLessThanOrEqual(108_000)
  })
})
