// Target resolution (src/domain/analysis/targets.ts): the one rule behind the gap analysis, the
// prioritisation and the questionnaire's default target.
import { describe, expect, it } from 'vitest'
import { departmentGaps } from '@/domain/analysis/gaps'
import { plannedTarget, resolveTarget, targetLevel, type TargetSource } from '@/domain/analysis/targets'
import type { ItemConsensus } from '@/domain/analysis/consensus'
import type { Level } from '@/domain/model/types'
import { makeCatalog, makeDimension, makeItem } from '../fixtures/builders'

const dimension = { defaultTarget: 2 as Level }

describe('plannedTarget / targetLevel (no answer yet)', () => {
  it.each<[string, Record<string, Level>, Level | undefined, Level, TargetSource]>([
    ['round target for the dimension wins', { d: 4 }, 1, 4, 'round'],
    ['round target 0 counts (not a missing value)', { d: 0 }, 1, 0, 'round'],
    ['item default without a round target', {}, 1, 1, 'item'],
    ['item default 0 counts', {}, 0, 0, 'item'],
    ['dimension default when neither is set', {}, undefined, 2, 'dimension'],
    ['a round target for another dimension is ignored', { other: 4 }, undefined, 2, 'dimension'],
  ])('%s', (_name, dimensionTargets, itemTarget, target, source) => {
    const item = { dimensionId: 'd', defaultTarget: itemTarget }
    expect(plannedTarget({ dimensionTargets }, item, dimension)).toEqual({ target, source })
    expect(targetLevel({ dimensionTargets }, item, dimension)).toBe(target)
  })

  it('never reads an inherited property as a round target (dimension id "constructor")', () => {
    expect(plannedTarget({ dimensionTargets: {} }, { dimensionId: 'constructor' }, dimension)).toEqual({ target: 2, source: 'dimension' })
  })
})

describe('resolveTarget (analysis)', () => {
  it.each<[string, number | null, Record<string, Level>, number, TargetSource]>([
    ['the answers\' consensus target wins', 3.5, { d: 4 }, 3.5, 'answer'],
    ['consensus target 0 counts', 0, { d: 4 }, 0, 'answer'],
    ['no consensus target: the planned target', null, { d: 4 }, 4, 'round'],
    ['no consensus target, nothing planned: dimension default', null, {}, 2, 'dimension'],
  ])('%s', (_name, consensusTarget, dimensionTargets, target, source) => {
    expect(resolveTarget(consensusTarget, { dimensionTargets }, { dimensionId: 'd' }, dimension)).toEqual({ target, source })
  })

  it('the gap analysis uses the same rule for every item', () => {
    const catalog = makeCatalog({
      dimensions: [makeDimension({ id: 'A', defaultTarget: 3 }), makeDimension({ id: 'B', defaultTarget: 1 })],
      items: [makeItem({ id: 'a1', dimensionId: 'A' }), makeItem({ id: 'a2', dimensionId: 'A', defaultTarget: 4 }), makeItem({ id: 'b1', dimensionId: 'B' })],
    })
    const consensus = (itemId: string, dimensionId: string, target: number | null) => ({ itemId, dimensionId, state: 'level', ist: 1, target, bedarf: null, potenzial: null }) as unknown as ItemConsensus
    const round = { dimensionTargets: { B: 2 as Level } }
    const gaps = departmentGaps(catalog, round, 'dep', [consensus('a1', 'A', null), consensus('a2', 'A', null), consensus('b1', 'B', null)])
    expect(gaps.items.map((g) => [g.itemId, g.target, g.targetSource])).toEqual([
      ['a1', 3, 'dimension'],
      ['a2', 4, 'item'],
      ['b1', 2, 'round'],
    ])
  })
})
