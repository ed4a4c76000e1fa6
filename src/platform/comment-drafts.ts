/**
 * A synchronous journal of typed comments in localStorage. Comments are written to IndexedDB after a
 * pause in typing; an IndexedDB write started while the browser closes may never finish. Every
 * keystroke's text is therefore kept here at once (localStorage writes are synchronous) and removed
 * only when the database holds it; on the next start `reconcileCommentDrafts` (src/commands) writes
 * what is left.
 */
import { readLocalJson, writeLocal } from './local-settings'

const KEY = 'dc.commentDrafts'

export interface CommentDraft {
  assessmentId: string
  itemId: string
  text: string
  /** ISO time of the keystroke. */
  at: string
}

export function commentDrafts(): CommentDraft[] {
  const raw = readLocalJson(KEY)
  if (!Array.isArray(raw)) return []
  return raw.filter(
    (d): d is CommentDraft =>
      typeof d === 'object' && d !== null && typeof d.assessmentId === 'string' && typeof d.itemId === 'string' && typeof d.text === 'string' && typeof d.at === 'string',
  )
}

function store(drafts: readonly CommentDraft[]): void {
  writeLocal(KEY, JSON.stringify(drafts))
}

/** Keeps the newest typed text of an item (replaces an older draft of the same item). */
export function keepCommentDraft(draft: CommentDraft): void {
  store([...commentDrafts().filter((d) => d.assessmentId !== draft.assessmentId || d.itemId !== draft.itemId), draft])
}

/** Forgets the draft of an item once the database holds `text` (a newer draft with other text stays). */
export function dropCommentDraft(assessmentId: string, itemId: string, text?: string): void {
  const all = commentDrafts()
  const left = all.filter((d) => d.assessmentId !== assessmentId || d.itemId !== itemId || (text !== undefined && d.text !== text))
  if (left.length !== all.length) store(left)
}
