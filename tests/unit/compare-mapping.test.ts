/** Comparing rounds on two catalogue versions through the item mapping the newer version declares. */
import { describe, expect, it } from 'vitest'
import { compareRounds, declaredMapping, renameAnswers } from '@/domain/results/compare'
import type { Catalog } from '@/domain/model/types'
import { levelAnswer, makeAssessment, makeCatalog, makeDepartment, makeItem, makeRound } from '../fixtures/builders'

const v1: Catalog = makeCatalog({ id: 'k', version: '1.0.0', items: [makeItem({ id: 'a' }), makeItem({ id: 'b' }), makeItem({ id: 'c' }), makeItem({ id: 'd' })] })
const v2: Catalog = makeCatalog({
  id: 'k',
  version: '2.0.0',
  scoringModel: '2.0',
  items: [makeItem({ id: 'a' }), makeItem({ id: 'b2' }), makeItem({ id: 'new' })],
  // a stays, b is renamed to b2, c was rewritten (not comparable), d merged into b2 (second mapping to b2 is dropped)
  predecessors: [{ catalogVersion: '1.0.0', items: { a: 'a', b: 'b2', c: null, d: 'b2' } }],
})

describe('declaredMapping', () => {
  it('reads the newer version’s mapping in either order', () => {
    const expected = { pairs: [['a', 'a'], ['b', 'b2']], notComparableOld: ['c', 'd'], notComparableNew: ['new'] }
    expect(declaredMapping(v1, v2)).toEqual({ newer: 'b', ...expected })
    expect(declaredMapping(v2, v1)).toEqual({ newer: 'a', ...expected })
  })
  it('is null for the same version, other catalogues or no declared mapping', () => {
    expect(declaredMapping(v1, v1)).toBeNull()
    expect(declaredMapping(v1, { ...v2, id: 'other' })).toBeNull()
    expect(declaredMapping(v1, { ...v2, predecessors: [] })).toBeNull()
  })
  it('renameAnswers moves answers to the new ids and drops unmapped ones', () => {
    const [as] = renameAnswers([makeAssessment({ answers: [levelAnswer('a', 1), levelAnswer('b', 2), levelAnswer('c', 4)] })], [['a', 'a'], ['b', 'b2']])
    expect(Object.keys(as!.answers)).toEqual(['a', 'b2'])
    expect(as!.answers.b2).toMatchObject({ itemId: 'b2', ist: 2 })
  })
})

describe('compareRounds across versions with a mapping', () => {
  const d = makeDepartment({ id: 'fb', staff: 10 })
  const roundA = makeRound({ id: 'r1', catalogId: 'k', catalogVersion: '1.0.0', startDate: '2024-01-01' })
  const roundB = makeRound({ id: 'r2', catalogId: 'k', catalogVersion: '2.0.0', startDate: '2026-01-01' })
  const a = { round: roundA, catalog: v1, departments: [d], assessments: [makeAssessment({ id: 'x1', roundId: 'r1', departmentId: 'fb', answers: [levelAnswer('a', 1), levelAnswer('b', 1), levelAnswer('c', 0), levelAnswer('d', 0)] })] }
  const b = { round: roundB, catalog: v2, departments: [d], assessments: [makeAssessment({ id: 'x2', roundId: 'r2', departmentId: 'fb', answers: [levelAnswer('a', 3), levelAnswer('b2', 3), levelAnswer('new', 0)] })] }
  it('compares the mapped items only and says which were not comparable', () => {
    const cmp = compareRounds({ a, b })
    expect(cmp.mapped).toBe(true)
    expect(cmp.sharedItemCount).toBe(2)
    expect(cmp.onlyInA).toEqual(['c', 'd'])
    expect(cmp.onlyInB).toEqual(['new'])
    // a and b/b2 at 1 → 25; at 3 → 75 (c, d and new are left out)
    expect(cmp.organisation).toEqual({ a: 25, b: 75, delta: 50, direction: 'up' })
    expect(cmp.analyses.a.method).toBe('2.0')
  })
  it('the same when the newer round is A', () => {
    const cmp = compareRounds({ a: b, b: a })
    expect(cmp.onlyInA).toEqual(['new'])
    expect(cmp.onlyInB).toEqual(['c', 'd'])
    expect(cmp.organisation).toEqual({ a: 75, b: 25, delta: -50, direction: 'down' })
  })
})
