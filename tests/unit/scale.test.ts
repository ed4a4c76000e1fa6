import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { isStrictlyIncreasing, levelMaturity, levelValue, mapLevel, MAX_SCALE_LEVELS, MIN_SCALE_LEVELS, scaleValues } from '@/domain/model/scale'

const LINEAR5 = [0, 1, 2, 3, 4]
const SAMM = [0, 0.25, 0.5, 1]

describe('declared answer scales', () => {
  it.each([
    [[0, 1], true],
    [[0, 0.25, 0.5, 1], true],
    [[0, 0, 1], false],
    [[1, 0], false],
    [[3], false],
    [[0, Number.NaN], false],
  ])('isStrictlyIncreasing(%j) = %s', (values, expected) => {
    expect(isStrictlyIncreasing(values)).toBe(expected)
  })

  it('falls back to positions when the declared values do not rise', () => {
    expect(scaleValues([{ value: 5 }, { value: 5 }, { value: 1 }])).toEqual([0, 1, 2])
    expect(scaleValues(SAMM.map((value) => ({ value })))).toEqual(SAMM)
    expect(scaleValues([])).toEqual([0, 1, 2, 3, 4])
  })

  it.each([
    [LINEAR5, 0, 0],
    [LINEAR5, 3, 75],
    [LINEAR5, 2.5, 62.5],
    [LINEAR5, 4, 100],
    [SAMM, 1, 25],
    [SAMM, 2, 50],
    [SAMM, 2.5, 75],
    [SAMM, 3, 100],
    [[0, 1], 1, 100],
    [[10, 20, 40], 1, 100 / 3],
    [LINEAR5, 9, 100],
    [LINEAR5, -1, 0],
  ])('levelMaturity(%j, %s) = %s', (values, level, expected) => {
    expect(levelMaturity(values, level)).toBeCloseTo(expected, 10)
  })

  it('the built-in 0–4 scale gives exactly ist / 4 × 100', () => {
    for (const ist of [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4]) expect(levelMaturity(LINEAR5, ist)).toBe((ist / 4) * 100)
  })

  it('interpolates a median between two levels', () => {
    expect(levelValue(SAMM, 1.5)).toBeCloseTo(0.375, 12)
  })

  it.each([
    [3, 5, 2, 1],
    [2, 5, 2, 1],
    [1, 5, 2, 0],
    [4, 5, 4, 3],
    [2, 5, 4, 2],
    [1, 2, 5, 4],
    [3, 5, 5, 3],
  ])('mapLevel(%s, from %s, to %s) = %s', (level, from, to, expected) => {
    expect(mapLevel(level, from, to)).toBe(expected)
  })

  const scaleArb = fc
    .array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: MIN_SCALE_LEVELS, maxLength: MAX_SCALE_LEVELS })
    .map((xs) => [...new Set(xs)].sort((a, b) => a - b))
    .filter((xs) => xs.length >= MIN_SCALE_LEVELS && isStrictlyIncreasing(xs))

  it('property: for any declared scale, maturity stays in 0–100 and never falls as the level rises', () => {
    fc.assert(
      fc.property(scaleArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (values, a, b) => {
        const top = values.length - 1
        const [lo, hi] = a <= b ? [a * top, b * top] : [b * top, a * top]
        const mLo = levelMaturity(values, lo)
        const mHi = levelMaturity(values, hi)
        expect(mLo).toBeGreaterThanOrEqual(0)
        expect(mHi).toBeLessThanOrEqual(100 + 1e-9)
        expect(mHi).toBeGreaterThanOrEqual(mLo - 1e-9)
      }),
    )
  })

  it('property: mapLevel stays within the target scale and keeps order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.integer({ min: 2, max: 8 }), fc.nat(7), fc.nat(7), (from, to, x, y) => {
        const [a, b] = [Math.min(x, y) % from, Math.max(x, y) % from].sort((p, q) => p - q) as [number, number]
        const ma = mapLevel(a, from, to)
        const mb = mapLevel(b, from, to)
        expect(ma).toBeGreaterThanOrEqual(0)
        expect(mb).toBeLessThanOrEqual(to - 1)
        expect(mb).toBeGreaterThanOrEqual(ma)
      }),
    )
  })
})
