import { describe, expect, it } from 'vitest'
import { isDealtWith, resumeItem } from '@/domain/model/resume'
import type { Answer, CatalogItem } from '@/domain/model/types'

const a = (over: Partial<Answer>): Answer => ({ itemId: 'i1', state: 'level', ist: null, bedarf: null, potenzial: null, target: null, comment: '', updatedAt: 'x', updatedBy: '', deviceId: 'd', rev: 1, vv: {}, ...over })
const items = ['i1', 'i2', 'i3', 'i4'].map((id) => ({ id, dimensionId: 'd1', appliesTo: 'all' }) as CatalogItem)

describe('isDealtWith', () => {
  it.each<[string, Answer | undefined, boolean]>([
    ['no answer', undefined, false],
    ['Bedarf only (Ist open)', a({ bedarf: 3 }), false],
    ['comment only (Ist open)', a({ comment: 'x' }), false],
    ['level 0', a({ ist: 0 }), true],
    ['level 4', a({ ist: 4 }), true],
    ['nicht zutreffend', a({ state: 'na' }), true],
    ['weiß nicht', a({ state: 'unknown' }), true],
  ])('%s → %s', (_n, answer, expected) => {
    expect(isDealtWith(answer)).toBe(expected)
  })
})

describe('resumeItem', () => {
  it.each<[string, Record<string, Answer>, string | undefined]>([
    ['nothing answered: the first item', {}, 'i1'],
    ['skips levels and nicht zutreffend', { i1: a({ ist: 2 }), i2: a({ state: 'na' }) }, 'i3'],
    ['skips weiß nicht (a deliberate answer)', { i1: a({ state: 'unknown' }), i2: a({ ist: 1 }) }, 'i3'],
    ['a gap before later answers', { i1: a({ ist: 1 }), i3: a({ ist: 1 }), i4: a({ ist: 1 }) }, 'i2'],
    ['Bedarf without Ist stays open', { i1: a({ bedarf: 2 }) }, 'i1'],
    ['answers to other items are ignored', { x: a({ ist: 1 }) }, 'i1'],
    ['everything dealt with: none', { i1: a({ ist: 1 }), i2: a({ state: 'unknown' }), i3: a({ state: 'na' }), i4: a({ ist: 0 }) }, undefined],
  ])('%s', (_n, answers, expected) => {
    expect(resumeItem(items, answers)?.id).toBe(expected)
  })
})
