/**
 * Saves answer changes at once and exposes a visible save state ("Gespeichert um …").
 * A failed write is reported and kept for retry, never dropped silently.
 */
import { ref } from 'vue'
import { saveAnswer } from '@/db/assessments'
import type { AnswerPatch } from '@/domain/answers'

export type SaveState = 'idle' | 'saving' | 'saved' | 'error'

export function useAnswerSaver(assessmentId: () => string) {
  const state = ref<SaveState>('idle')
  const savedAt = ref<Date | null>(null)
  /** Increments with every successful write (used by tests and the benchmark). */
  const saveCount = ref(0)
  const pendingCount = ref(0)
  const failed = ref<{ itemId: string; patch: AnswerPatch } | null>(null)

  async function save(itemId: string, patch: AnswerPatch): Promise<void> {
    pendingCount.value++
    state.value = 'saving'
    try {
      await saveAnswer(assessmentId(), itemId, patch)
      savedAt.value = new Date()
      saveCount.value++
      failed.value = null
      if (pendingCount.value === 1) state.value = 'saved'
    } catch (e) {
      failed.value = { itemId, patch }
      state.value = 'error'
      console.error('saving answer failed', e)
    } finally {
      pendingCount.value--
    }
  }

  async function retry(): Promise<void> {
    if (failed.value) await save(failed.value.itemId, failed.value.patch)
  }

  return { state, savedAt, saveCount, save, retry }
}
