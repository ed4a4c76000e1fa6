/** Service maturity on the OZG-Reifegradmodell 2.0: the minimum rule and the criteria data. */
import { describe, expect, it } from 'vitest'
import { criteriaBelow, isCriterionRating, serviceMaturity } from '@/domain/services/maturity'
import { DEFAULT_ONLINE_LEVEL, LEVEL_PHASES, OZG_RGM_2 } from '@/domain/services/maturity-model'
import type { CriterionRating } from '@/domain/services/types'
import { TINY_MODEL } from './services-builders'

const on = (ratings: Partial<Record<string, unknown>>) => ({ model: TINY_MODEL.key, ratings: ratings as Partial<Record<string, CriterionRating>> })

describe('serviceMaturity (minimum rule)', () => {
  it.each([
    // ratings → level, status, atMost, limiting, missing, notApplicable
    [{ a: 4, b: 4, c: 4 }, 4, 'rated', 4, ['a', 'b', 'c'], [], []],
    [{ a: 7, b: 2, c: 7 }, 2, 'rated', 2, ['b'], [], []],
    [{ a: 3, b: 1, c: 1 }, 1, 'rated', 1, ['b', 'c'], [], []],
    [{ a: 0, b: 7, c: 7 }, 0, 'rated', 0, ['a'], [], []],
    [{ a: 5, b: 6, c: 'na' }, 5, 'rated', 5, ['a'], [], ['c']],
    // A gap is unknown, not 0: the level is null, the rated ones give an upper bound.
    [{ a: 5, b: 6 }, null, 'incomplete', 5, ['a'], ['c'], []],
    [{ a: 2 }, null, 'incomplete', 2, ['a'], ['b', 'c'], []],
    [{}, null, 'unrated', null, [], ['a', 'b', 'c'], []],
    [{ c: 'na' }, null, 'unrated', null, [], ['a', 'b'], ['c']],
    // 'na' where the criterion does not allow it counts as not rated.
    [{ a: 'na', b: 3, c: 3 }, null, 'incomplete', 3, ['b', 'c'], ['a'], []],
    // Invalid values count as not rated.
    [{ a: 8, b: 3, c: 3 }, null, 'incomplete', 3, ['b', 'c'], ['a'], []],
    [{ a: 2.5, b: 3, c: 3 }, null, 'incomplete', 3, ['b', 'c'], ['a'], []],
    [{ a: '3', b: 3, c: 3 }, null, 'incomplete', 3, ['b', 'c'], ['a'], []],
    [{ a: -1, b: 3, c: 3 }, null, 'incomplete', 3, ['b', 'c'], ['a'], []],
    // Ratings for criteria the model does not know are ignored.
    [{ a: 6, b: 6, c: 6, zzz: 0 }, 6, 'rated', 6, ['a', 'b', 'c'], [], []],
  ])('%j → level %s (%s)', (ratings, level, status, atMost, limiting, missing, notApplicable) => {
    expect(serviceMaturity(on(ratings), TINY_MODEL)).toEqual({ level, status, atMost, limiting, missing, notApplicable })
  })

  it('every criterion not applicable → no level (nothing to take a minimum of)', () => {
    const model = { ...TINY_MODEL, criteria: TINY_MODEL.criteria.map((c) => ({ ...c, mayBeNotApplicable: true })) }
    expect(serviceMaturity(on({ a: 'na', b: 'na', c: 'na' }), model)).toEqual({
      level: null, status: 'not_applicable', atMost: null, limiting: [], missing: [], notApplicable: ['a', 'b', 'c'],
    })
  })

  it('ratings given on another model key are not read', () => {
    expect(serviceMaturity({ model: 'ozg-rgm-1.1', ratings: { a: 4, b: 4, c: 4 } }, TINY_MODEL)).toEqual({
      level: null, status: 'other_model', atMost: null, limiting: [], missing: ['a', 'b', 'c'], notApplicable: [],
    })
  })

  it('no ratings object at all is unrated', () => {
    expect(serviceMaturity(undefined, TINY_MODEL).status).toBe('unrated')
  })

  it('does not read inherited properties as ratings', () => {
    const ratings = Object.create({ a: 7, b: 7, c: 7 }) as Record<string, CriterionRating>
    expect(serviceMaturity(on(ratings), TINY_MODEL).status).toBe('unrated')
  })

  it('the Brandenburg example: one criterion at 2, all others at 4 → 2', () => {
    const ratings: Record<string, CriterionRating> = Object.fromEntries(OZG_RGM_2.criteria.map((c, i) => [c.id, i === 3 ? 2 : 4]))
    const result = serviceMaturity({ model: OZG_RGM_2.key, ratings }, OZG_RGM_2)
    expect(result.level).toBe(2)
    expect(result.limiting).toEqual([OZG_RGM_2.criteria[3]!.id])
  })
})

describe('criteriaBelow', () => {
  it.each([
    [{ a: 1, b: 3, c: 'na' }, 3, ['a'], []],
    [{ a: 1, b: 3, c: 2 }, 4, ['a', 'b', 'c'], []],
    [{ a: 5, b: 6 }, 3, [], ['c']],
    [{ a: 0 }, 1, ['a'], ['b', 'c']],
    [{ a: 3, b: 3, c: 3 }, 3, [], []],
  ])('%j below %i → %j, unrated %j', (ratings, target, below, unrated) => {
    expect(criteriaBelow(on(ratings), TINY_MODEL, target as 0)).toEqual({ below, unrated })
  })

  it('ratings on another model: nothing known to be below, all unrated', () => {
    expect(criteriaBelow({ model: 'x', ratings: { a: 0 } }, TINY_MODEL, 3)).toEqual({ below: [], unrated: ['a', 'b', 'c'] })
  })
})

describe('isCriterionRating', () => {
  it.each([
    [0, true], [7, true], ['na', true], [8, false], [-1, false], [1.5, false], ['3', false], [null, false], [undefined, false], [Number.NaN, false],
  ])('%s → %s', (v, ok) => expect(isCriterionRating(v)).toBe(ok))
})

describe('OZG_RGM_2 model data', () => {
  it('has levels 0–7 in phases frontend 0–3, process 4–6, end-to-end 7 (verified grouping)', () => {
    expect(OZG_RGM_2.levels).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    expect(OZG_RGM_2.levels.map((l) => OZG_RGM_2.phaseOf[l])).toEqual(['frontend', 'frontend', 'frontend', 'frontend', 'process', 'process', 'process', 'end_to_end'])
    expect(new Set(Object.values(OZG_RGM_2.phaseOf))).toEqual(new Set(LEVEL_PHASES))
  })

  it('declares its criteria as a provisional, unverified working set, not as the official 13', () => {
    expect(OZG_RGM_2.officialCriteriaCount).toBe(13)
    expect(OZG_RGM_2.provisional).toBe(true)
    expect(OZG_RGM_2.criteria).toHaveLength(12)
    expect(OZG_RGM_2.criteria.every((c) => c.verified === false)).toBe(true)
    expect(OZG_RGM_2.key).toMatch(/working-set/)
  })

  it('criteria have unique ids and each names its basis and at least one https source', () => {
    const ids = OZG_RGM_2.criteria.map((c) => c.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const c of OZG_RGM_2.criteria) {
      expect(c.id).toMatch(/^[a-z][A-Za-z]+$/)
      expect(c.basis.length).toBeGreaterThan(10)
      expect(c.sources.length).toBeGreaterThan(0)
      for (const s of c.sources) expect(s).toMatch(/^https:\/\//)
    }
  })

  it('the default online level is 3, the last frontend level', () => {
    expect(DEFAULT_ONLINE_LEVEL).toBe(3)
    expect(OZG_RGM_2.phaseOf[DEFAULT_ONLINE_LEVEL]).toBe('frontend')
    expect(OZG_RGM_2.phaseOf[(DEFAULT_ONLINE_LEVEL + 1) as 4]).toBe('process')
  })
})
