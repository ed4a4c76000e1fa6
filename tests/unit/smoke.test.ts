import { describe, expect, it } from 'vitest'
import { LEVELS } from '@/domain/model/types'

describe('levels', () => {
  it('are 0 to 4', () => {
    expect(LEVELS).toEqual([0, 1, 2, 3, 4])
  })
})
