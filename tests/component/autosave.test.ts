/**
 * useAutosave: every failed write is kept in order and replayed by retry(); comments are debounced
 * per item and flushed on demand, on pagehide, on visibilitychange to hidden and when the scope ends.
 * The database is replaced by an injected `write` that records calls and fails on demand.
 */
import { effectScope, type EffectScope } from 'vue'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { COMMENT_DEBOUNCE_MS, useAutosave } from '@/composables/useAutosave'
import type { AnswerPatch } from '@/domain/model/answers'

interface Call {
  assessmentId: string
  itemId: string
  patch: AnswerPatch
  ok: boolean
}

/** A fake write: records every call; while `failing` is true each call rejects like a full disk. */
function makeWrite() {
  const calls: Call[] = []
  const control = { failing: false }
  const write = vi.fn(async (assessmentId: string, itemId: string, patch: AnswerPatch) => {
    const ok = !control.failing
    calls.push({ assessmentId, itemId, patch, ok })
    if (!ok) throw new DOMException('disk full', 'QuotaExceededError')
  })
  /** The calls that were stored, in order. */
  const stored = () => calls.filter((c) => c.ok).map(({ itemId, patch }) => ({ itemId, patch }))
  return { write, calls, control, stored }
}

function setup() {
  const fake = makeWrite()
  const scope: EffectScope = effectScope()
  const saver = scope.run(() => useAutosave(() => 'a-1', fake.write))!
  return { ...fake, saver, scope }
}

/** Lets queued promise callbacks run (the fake write settles in microtasks). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve()
}

let scopes: EffectScope[] = []
function track<T extends { scope: EffectScope }>(x: T): T {
  scopes.push(x.scope)
  return x
}

beforeEach(() => {
  // Failed writes are logged on purpose; keep the test output readable and check that they were.
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
})
afterEach(() => {
  for (const s of scopes) s.stop()
  scopes = []
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('useAutosave: failed writes', () => {
  it('writes a change at once and counts the successful write', async () => {
    const { saver, stored, calls } = track(setup())
    expect(saver.state.value).toBe('idle')
    const p = saver.save('i1', { state: 'level', ist: 2 })
    expect(saver.state.value).toBe('saving')
    expect(saver.pendingCount.value).toBe(1)
    await p
    expect(calls[0]?.assessmentId).toBe('a-1')
    expect(stored()).toEqual([{ itemId: 'i1', patch: { state: 'level', ist: 2 } }])
    expect(saver.state.value).toBe('saved')
    expect(saver.saveCount.value).toBe(1)
    expect(saver.pendingCount.value).toBe(0)
    expect(saver.failedCount.value).toBe(0)
    expect(saver.savedAt.value).toBeInstanceOf(Date)
  })

  it('starts the write of a change at once when nothing is pending, and a second change only after the first settled', async () => {
    const { saver, write } = track(setup())
    let release!: () => void
    write.mockImplementationOnce(() => new Promise<void>((resolve) => (release = resolve)))
    const first = saver.save('i1', { state: 'level', ist: 1 })
    // Called in the same tick, before any reactive state changed (the request goes out before Vue renders).
    expect(write).toHaveBeenCalledTimes(1)
    const second = saver.save('i2', { state: 'level', ist: 2 })
    await settle()
    expect(write).toHaveBeenCalledTimes(1)
    release()
    await Promise.all([first, second])
    expect(write.mock.calls.map((c) => c[1])).toEqual(['i1', 'i2'])
    expect(saver.saveCount.value).toBe(2)
  })

  it('keeps every failed write – three answers and a comment – and retry() stores all of them in order', async () => {
    vi.useFakeTimers()
    const { saver, control, stored, calls } = track(setup())
    control.failing = true
    await saver.save('i1', { state: 'level', ist: 2 })
    await saver.save('i1', { bedarf: 3 })
    await saver.save('i2', { state: 'na', ist: null })
    saver.queueComment('i3', 'Pilot läuft')
    await vi.advanceTimersByTimeAsync(COMMENT_DEBOUNCE_MS)
    await settle()

    expect(calls).toHaveLength(4)
    expect(saver.failedCount.value).toBe(4)
    expect(saver.state.value).toBe('error')
    expect(saver.saveCount.value).toBe(0)
    expect(console.error).toHaveBeenCalledTimes(4)

    // The database works again for a moment: another item is saved, the queue and the error stay.
    control.failing = false
    await saver.save('i4', { potenzial: 1 })
    expect(saver.saveCount.value).toBe(1)
    expect(saver.failedCount.value).toBe(4)
    expect(saver.state.value).toBe('error')

    await saver.retry()
    expect(saver.failedCount.value).toBe(0)
    expect(saver.state.value).toBe('saved')
    expect(saver.saveCount.value).toBe(5)
    expect(stored()).toEqual([
      { itemId: 'i4', patch: { potenzial: 1 } },
      { itemId: 'i1', patch: { state: 'level', ist: 2 } },
      { itemId: 'i1', patch: { bedarf: 3 } },
      { itemId: 'i2', patch: { state: 'na', ist: null } },
      { itemId: 'i3', patch: { comment: 'Pilot läuft' } },
    ])
  })

  it('keeps what fails again on retry, and what succeeds leaves the queue', async () => {
    const fake = makeWrite()
    // Fails everything at first; on retry only item i2 still fails.
    let failItem: ((itemId: string) => boolean) = () => true
    const write = vi.fn(async (assessmentId: string, itemId: string, patch: AnswerPatch) => {
      fake.control.failing = failItem(itemId)
      await fake.write(assessmentId, itemId, patch)
    })
    const scope = effectScope()
    const saver = scope.run(() => useAutosave(() => 'a-1', write))!
    scopes.push(scope)

    await saver.save('i1', { ist: 1, state: 'level' })
    await saver.save('i2', { bedarf: 2 })
    await saver.save('i3', { comment: 'x' })
    expect(saver.failedCount.value).toBe(3)

    failItem = (id) => id === 'i2'
    await saver.retry()
    expect(saver.failedCount.value).toBe(1)
    expect(saver.state.value).toBe('error')
    expect(fake.stored().map((c) => c.itemId)).toEqual(['i1', 'i3'])

    failItem = () => false
    await saver.retry()
    expect(saver.failedCount.value).toBe(0)
    expect(saver.state.value).toBe('saved')
    expect(fake.stored()).toEqual([
      { itemId: 'i1', patch: { ist: 1, state: 'level' } },
      { itemId: 'i3', patch: { comment: 'x' } },
      { itemId: 'i2', patch: { bedarf: 2 } },
    ])
  })

  it('never lets a later change of an item overtake its earlier failed one', async () => {
    const { saver, control, stored } = track(setup())
    control.failing = true
    await saver.save('i1', { state: 'level', ist: 2 })
    control.failing = false
    // A new change of the same item first writes the waiting one, then itself.
    await saver.save('i1', { state: 'level', ist: 3 })
    expect(stored()).toEqual([
      { itemId: 'i1', patch: { state: 'level', ist: 2 } },
      { itemId: 'i1', patch: { state: 'level', ist: 3 } },
    ])
    expect(saver.failedCount.value).toBe(0)
    expect(saver.state.value).toBe('saved')
  })

  it('queues a new change behind a waiting one of the same item when the write still fails', async () => {
    const { saver, control, calls } = track(setup())
    control.failing = true
    await saver.save('i1', { state: 'level', ist: 2 })
    await saver.save('i1', { state: 'level', ist: 3 })
    // The second save tried the waiting change first, it failed, so the new one was not tried.
    expect(calls.map((c) => c.patch.ist)).toEqual([2, 2])
    expect(saver.failedCount.value).toBe(2)
    control.failing = false
    await saver.retry()
    expect(calls.filter((c) => c.ok).map((c) => c.patch.ist)).toEqual([2, 3])
  })

  it('stores a copy of the patch: changing the caller\'s object afterwards changes nothing', async () => {
    const { saver, control, stored } = track(setup())
    control.failing = true
    const patch: AnswerPatch = { bedarf: 1 }
    await saver.save('i1', patch)
    patch.bedarf = 4
    control.failing = false
    await saver.retry()
    expect(stored()).toEqual([{ itemId: 'i1', patch: { bedarf: 1 } }])
  })
})

describe('useAutosave: comment debounce and flush', () => {
  it('writes a typed comment once, after the pause, with the last text', async () => {
    vi.useFakeTimers()
    const { saver, write, stored } = track(setup())
    saver.queueComment('i1', 'P')
    saver.queueComment('i1', 'Pi')
    saver.queueComment('i1', 'Pilot')
    expect(saver.hasPendingComment('i1')).toBe(true)
    await vi.advanceTimersByTimeAsync(COMMENT_DEBOUNCE_MS - 1)
    expect(write).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    await settle()
    expect(write).toHaveBeenCalledTimes(1)
    expect(stored()).toEqual([{ itemId: 'i1', patch: { comment: 'Pilot' } }])
    expect(saver.hasPendingComment('i1')).toBe(false)
    await vi.advanceTimersByTimeAsync(COMMENT_DEBOUNCE_MS * 3)
    expect(write).toHaveBeenCalledTimes(1)
  })

  it('debounces per item', async () => {
    vi.useFakeTimers()
    const { saver, stored } = track(setup())
    saver.queueComment('i1', 'eins')
    await vi.advanceTimersByTimeAsync(200)
    saver.queueComment('i2', 'zwei')
    await vi.advanceTimersByTimeAsync(100)
    await settle()
    expect(stored()).toEqual([{ itemId: 'i1', patch: { comment: 'eins' } }])
    await vi.advanceTimersByTimeAsync(200)
    await settle()
    expect(stored()).toEqual([
      { itemId: 'i1', patch: { comment: 'eins' } },
      { itemId: 'i2', patch: { comment: 'zwei' } },
    ])
  })

  it('flush() writes every pending comment at once and cancels their timers', async () => {
    vi.useFakeTimers()
    const { saver, write, stored } = track(setup())
    saver.queueComment('i1', 'eins')
    saver.queueComment('i2', 'zwei')
    const done = saver.flush()
    expect(saver.hasPendingComment('i1')).toBe(true) // written, not yet stored
    await done
    expect(stored()).toEqual([
      { itemId: 'i1', patch: { comment: 'eins' } },
      { itemId: 'i2', patch: { comment: 'zwei' } },
    ])
    expect(saver.hasPendingComment('i1')).toBe(false)
    await vi.advanceTimersByTimeAsync(COMMENT_DEBOUNCE_MS * 2)
    expect(write).toHaveBeenCalledTimes(2)
    await saver.flush()
    expect(write).toHaveBeenCalledTimes(2)
  })

  it('writes pending comments when the page is hidden or left (pagehide, visibilitychange)', async () => {
    vi.useFakeTimers()
    const { saver, stored } = track(setup())
    saver.queueComment('i1', 'Entwurf')
    window.dispatchEvent(new Event('pagehide'))
    await settle()
    expect(stored()).toEqual([{ itemId: 'i1', patch: { comment: 'Entwurf' } }])

    saver.queueComment('i1', 'Entwurf 2')
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible')
    document.dispatchEvent(new Event('visibilitychange'))
    await settle()
    expect(stored()).toHaveLength(1)
    visibility.mockReturnValue('hidden')
    document.dispatchEvent(new Event('visibilitychange'))
    await settle()
    expect(stored()).toEqual([
      { itemId: 'i1', patch: { comment: 'Entwurf' } },
      { itemId: 'i1', patch: { comment: 'Entwurf 2' } },
    ])
  })

  it('writes pending comments when its scope ends, and then stops listening', async () => {
    vi.useFakeTimers()
    const { saver, scope, write, stored } = setup()
    saver.queueComment('i1', 'Letzter Stand')
    scope.stop()
    await settle()
    expect(stored()).toEqual([{ itemId: 'i1', patch: { comment: 'Letzter Stand' } }])
    saver.queueComment('i2', 'nach dem Ende')
    window.dispatchEvent(new Event('pagehide'))
    await settle()
    expect(write).toHaveBeenCalledTimes(1)
    // The debounce itself still runs: what was typed is not lost.
    await vi.advanceTimersByTimeAsync(COMMENT_DEBOUNCE_MS)
    await settle()
    expect(write).toHaveBeenCalledTimes(2)
  })

  it('keeps a comment that could not be written for retry', async () => {
    vi.useFakeTimers()
    const { saver, control, stored } = track(setup())
    control.failing = true
    saver.queueComment('i1', 'wichtig')
    await saver.flush()
    expect(saver.failedCount.value).toBe(1)
    expect(saver.hasPendingComment('i1')).toBe(false)
    control.failing = false
    await saver.retry()
    expect(stored()).toEqual([{ itemId: 'i1', patch: { comment: 'wichtig' } }])
  })
})
