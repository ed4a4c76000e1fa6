import { beforeEach, describe, expect, it } from 'vitest'
import { cachedStamp, deviceIdentity, makeStamp, resetIdentityCache, setUserName } from '@/commands/stamp'
import { sameAnswer, shareUnchangedAnswers } from '@/domain/model/answers'
import { db } from '@/db/database'
import { answersOf, levelAnswer, naAnswer } from '../fixtures/builders'

describe('shareUnchangedAnswers (structural sharing of re-read answers)', () => {
  const before = answersOf([levelAnswer('a', 1), levelAnswer('b', 2), naAnswer('c')])
  // What a re-read returns: equal values, new objects.
  const reread = () => structuredClone(before)

  it('keeps every previous answer object that is equal, and the new object of the changed one', () => {
    const next = reread()
    next.b = levelAnswer('b', 3, { rev: 2, vv: { 'dev-test': 2 } })
    const shared = shareUnchangedAnswers(before, next)
    expect(shared.a).toBe(before.a)
    expect(shared.c).toBe(before.c)
    expect(shared.b).toBe(next.b)
    expect(shared).not.toBe(before)
  })

  it('returns the previous record itself when nothing changed (nothing depending on it runs again)', () => {
    expect(shareUnchangedAnswers(before, reread())).toBe(before)
  })

  it('takes a new answer and notices a removed one', () => {
    const added = { ...reread(), d: levelAnswer('d', 0) }
    const withD = shareUnchangedAnswers(before, added)
    expect(withD.d).toBe(added.d)
    expect(withD.a).toBe(before.a)
    const removed = reread()
    delete removed.c
    const withoutC = shareUnchangedAnswers(before, removed)
    expect(withoutC).not.toBe(before)
    expect(Object.keys(withoutC)).toEqual(['a', 'b'])
  })

  it('returns the read record as it is on the first read', () => {
    const first = reread()
    expect(shareUnchangedAnswers(undefined, first)).toBe(first)
  })

  it.each([
    ['comment', { comment: 'neu' }],
    ['target', { target: 3 as const }],
    ['updatedBy', { updatedBy: 'Moderation' }],
    ['version vector', { vv: { 'dev-test': 1, 'dev-other': 1 } }],
  ])('treats a change of %s as a change, also with the same rev and time', (_, over) => {
    expect(sameAnswer(before.a!, { ...before.a!, ...over })).toBe(false)
  })

  it('treats equal version vectors with their entries in another order as equal', () => {
    const x = levelAnswer('x', 1, { vv: { p: 1, q: 2 } })
    expect(sameAnswer(x, { ...x, vv: { q: 2, p: 1 } })).toBe(true)
  })
})

describe('stamp: the device identity is read once', () => {
  beforeEach(async () => {
    await db.delete()
    await db.open()
    resetIdentityCache()
  })

  it('has no stamp at once before the identity was read, then stamps without reading again', async () => {
    expect(cachedStamp()).toBeUndefined()
    const first = await makeStamp()
    const { deviceId } = await deviceIdentity()
    expect(first.deviceId).toBe(deviceId)
    // Changing the stored row behind the cache's back shows that the cached stamp does not read it.
    await db.meta.put({ key: 'userName', value: 'im Speicher geändert' })
    expect(cachedStamp()).toMatchObject({ deviceId, by: '' })
  })

  it('follows a new user name', async () => {
    await makeStamp()
    await setUserName('  Kämmerei ')
    expect(cachedStamp()).toBeUndefined()
    expect((await makeStamp()).by).toBe('Kämmerei')
    expect(cachedStamp()?.by).toBe('Kämmerei')
  })
})
