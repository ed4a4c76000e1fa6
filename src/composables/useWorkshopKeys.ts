/**
 * Keyboard shortcuts of the workshop mode, handled on the view's container (never on the document):
 * arrows and Page Up/Down page through the items, 0–7 / N / W record the Ist level (a digit beyond the item's scale is ignored by the view). Keys typed into
 * text fields and drop-down lists keep their usual meaning; a switch turns the shortcuts off
 * (WCAG 2.1.4, character key shortcuts).
 */
import { ref } from 'vue'
import type { AnswerPatch } from '@/domain/model/answers'
import type { Level } from '@/domain/model/types'

export type WorkshopKeyAction = { kind: 'next' } | { kind: 'prev' } | { kind: 'record'; patch: AnswerPatch }

const NEXT = new Set(['ArrowRight', 'ArrowDown', 'PageDown'])
const PREV = new Set(['ArrowLeft', 'ArrowUp', 'PageUp'])
/** Input types whose keys the shortcuts may take over (no text entry, no native arrow use we need). */
const NON_TEXT_INPUTS = new Set(['radio', 'checkbox', 'button', 'submit', 'reset'])

/** The action of a key (`KeyboardEvent.key`), or null for keys the workshop does not use. */
export function workshopKeyAction(key: string): WorkshopKeyAction | null {
  if (NEXT.has(key)) return { kind: 'next' }
  if (PREV.has(key)) return { kind: 'prev' }
  if (key.length === 1 && key >= '0' && key <= '7') return { kind: 'record', patch: { state: 'level', ist: Number(key) as Level } }
  if (key === 'n' || key === 'N') return { kind: 'record', patch: { state: 'na', ist: null } }
  if (key === 'w' || key === 'W') return { kind: 'record', patch: { state: 'unknown', ist: null } }
  return null
}

/** True when keys typed at `target` belong to it: text fields, text areas, drop-down lists, editable content. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type)
}

/**
 * A keydown handler for the workshop container and the on/off switch of the shortcuts. Modifier
 * combinations (Ctrl, Alt, Meta) are left to the browser and assistive technology.
 */
export function useWorkshopKeys(run: (action: WorkshopKeyAction) => void) {
  const enabled = ref(true)
  function onKeydown(e: KeyboardEvent): void {
    if (!enabled.value || e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return
    if (isTextEntry(e.target)) return
    const action = workshopKeyAction(e.key)
    if (!action) return
    // Also on a radio button: arrows page through the items instead of changing the recorded value.
    e.preventDefault()
    run(action)
  }
  return { enabled, onKeydown }
}
