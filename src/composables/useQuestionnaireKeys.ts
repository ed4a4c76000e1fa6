/**
 * Keyboard shortcuts of the questionnaire, handled on the view's container (never on the document).
 * Alt+↓ / Alt+↑ move to the next / previous question; inside a question card 0–7 set its Ist level (within the item's scale),
 * N "nicht zutreffend" and W "weiß nicht" (the workshop's keys, see useWorkshopKeys). The single-key
 * shortcuts act only while focus is in the question they change (WCAG 2.1.4, "active only on focus");
 * plain arrows stay with the radio buttons, and text fields and drop-down lists keep all their keys.
 * Keys pressed in a dialog (the confirmations of the questionnaire) are the dialog's.
 */
import type { AnswerPatch } from '@/domain/model/answers'
import { isTextEntry, workshopKeyAction } from './useWorkshopKeys'

export type QuestionnaireKeyAction =
  | { kind: 'next' | 'prev'; /** The question that has the focus, or null (then: the dimension's first). */ from: string | null }
  | { kind: 'record'; itemId: string; patch: AnswerPatch }

/** The keys of a keydown event that decide the action. */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>

/**
 * The action of a key press, given the question (item id) whose card holds the focus; null for keys
 * the questionnaire leaves alone. Ctrl and Meta combinations (AltGr is Ctrl+Alt) belong to the
 * browser and assistive technology.
 */
export function questionnaireKeyAction(e: KeyPress, itemId: string | null): QuestionnaireKeyAction | null {
  if (e.ctrlKey || e.metaKey) return null
  if (e.altKey) {
    if (e.shiftKey) return null
    if (e.key === 'ArrowDown') return { kind: 'next', from: itemId }
    if (e.key === 'ArrowUp') return { kind: 'prev', from: itemId }
    return null
  }
  if (itemId === null) return null
  const action = workshopKeyAction(e.key)
  return action?.kind === 'record' ? { kind: 'record', itemId, patch: action.patch } : null
}

/** The item id of the question card that contains `target` (cards carry data-item-id), or null. */
export function questionOf(target: EventTarget | null): string | null {
  if (!(target instanceof Element)) return null
  return target.closest<HTMLElement>('[data-item-id]')?.dataset.itemId ?? null
}

/** A keydown handler for the questionnaire's container. */
export function useQuestionnaireKeys(run: (action: QuestionnaireKeyAction) => void) {
  function onKeydown(e: KeyboardEvent): void {
    if (e.defaultPrevented || e.isComposing || isTextEntry(e.target)) return
    if (e.target instanceof Element && e.target.closest('dialog')) return
    const action = questionnaireKeyAction(e, questionOf(e.target))
    if (!action) return
    e.preventDefault()
    run(action)
  }
  return { onKeydown }
}
