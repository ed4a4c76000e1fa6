/**
 * The save state of each question, shown next to it in the questionnaire. Wraps the write function
 * that useAutosave calls (its second argument) and records per item the writes in flight, whether a
 * write succeeded in this session and whether the last settled write failed. useAutosave keeps a
 * failed write until a retry and lets later writes of the same item wait behind it, so "the last
 * settled write failed" means "a change of this item is waiting to be stored".
 */
import { reactive } from 'vue'
import { saveAnswer } from '@/commands/assessments'
import type { SaveState, WriteAnswer } from './useAutosave'

export function useItemSaveStates(write: WriteAnswer = saveAnswer) {
  const inFlight = reactive(new Map<string, number>())
  const failed = reactive(new Set<string>())
  const saved = reactive(new Set<string>())

  const trackedWrite: WriteAnswer = async (assessmentId, itemId, patch) => {
    // The write starts before any reactive change, so its request is sent before Vue renders.
    let writing: Promise<unknown>
    try {
      writing = write(assessmentId, itemId, patch)
    } catch (e) {
      writing = Promise.reject(e)
    }
    inFlight.set(itemId, (inFlight.get(itemId) ?? 0) + 1)
    try {
      const result = await writing
      failed.delete(itemId)
      saved.add(itemId)
      return result
    } catch (e) {
      failed.add(itemId)
      throw e
    } finally {
      const left = (inFlight.get(itemId) ?? 1) - 1
      if (left > 0) inFlight.set(itemId, left)
      else inFlight.delete(itemId)
    }
  }

  /**
   * 'saving' while a write of the item runs or `pending` (a typed comment waits for its write),
   * 'error' while a change of the item waits for a retry, 'saved' after a stored change, else 'idle'.
   */
  function stateOf(itemId: string, pending = false): SaveState {
    if (pending || inFlight.has(itemId)) return 'saving'
    if (failed.has(itemId)) return 'error'
    return saved.has(itemId) ? 'saved' : 'idle'
  }

  return { write: trackedWrite, stateOf }
}
