/**
 * The one autosave path for answers. Nothing a person enters may be lost: every change is written at
 * once (comments after a 300 ms pause in typing), and every write that fails is kept, in order, until
 * a retry stores it – a later failure never replaces an earlier one.
 *
 * - Writes run one after the other, so the order of the changes is the order in the database.
 * - A failed write waits in a queue; while anything waits, the state stays 'error' (also when other
 *   writes succeed meanwhile). `retry()` replays the queue in order: what succeeds leaves the queue,
 *   what fails again stays. Per item the order is kept: once a write of an item fails, its later
 *   writes wait behind it (a new change of that item first replays the waiting ones).
 * - Comments are debounced per item; `flush()` writes every pending comment at once. It runs on
 *   `pagehide`, on `visibilitychange` to hidden and when the owning scope ends; callers add blur.
 *   Every keystroke's text is also kept synchronously in localStorage (src/platform/comment-drafts.ts)
 *   until the database holds it, so a comment survives a browser closed mid-write; the next start
 *   writes what is left (src/commands/comment-drafts.ts).
 * - While anything is unwritten, leaving the page asks for confirmation (`beforeunload`).
 */
import { computed, getCurrentScope, onScopeDispose, reactive, ref, shallowRef } from 'vue'
import { saveAnswer } from '@/commands/assessments'
import type { AnswerPatch } from '@/domain/model/answers'
import { dropCommentDraft, keepCommentDraft } from '@/platform/comment-drafts'

export type SaveState = 'idle' | 'saving' | 'saved' | 'error'

/** Stores one answer change; rejects when the change was not stored. */
export type WriteAnswer = (assessmentId: string, itemId: string, patch: AnswerPatch) => Promise<unknown>

/** A change that could not be stored yet. */
export interface QueuedWrite {
  readonly itemId: string
  readonly patch: Readonly<AnswerPatch>
}

/** Pause in typing after which a comment is written. */
export const COMMENT_DEBOUNCE_MS = 300

export function useAutosave(assessmentId: () => string, write: WriteAnswer = saveAnswer) {
  const savedAt = ref<Date | null>(null)
  /** Increments with every successful write (browser tests and the benchmark read it). */
  const saveCount = ref(0)
  /** Writes asked for and not yet settled (saves and retries). */
  const pendingCount = ref(0)
  // Replaced, never mutated, so patches stay plain objects (no reactive proxies reach the database).
  const queue = shallowRef<readonly QueuedWrite[]>([])
  const failedCount = computed(() => queue.value.length)
  const state = computed<SaveState>(() => {
    if (queue.value.length > 0) return 'error'
    if (pendingCount.value > 0) return 'saving'
    return savedAt.value ? 'saved' : 'idle'
  })

  // One write at a time: a later change never overtakes an earlier one.
  let chain: Promise<void> = Promise.resolve()
  function serialize(task: () => Promise<void>): Promise<void> {
    // Nothing pending means every earlier task has settled: start at once, and only then touch
    // reactive state, so the database request goes out before Vue renders the 'saving' state
    // (the render then overlaps the write instead of delaying it).
    const idle = pendingCount.value === 0
    const started = idle ? task() : chain.then(task)
    pendingCount.value++
    const run = started.finally(() => {
      pendingCount.value--
    })
    chain = run.catch(() => undefined)
    return run
  }

  async function attempt(entry: QueuedWrite): Promise<boolean> {
    try {
      await write(assessmentId(), entry.itemId, { ...entry.patch })
      saveCount.value++
      savedAt.value = new Date()
      return true
    } catch (e) {
      console.error('saving answer failed', e)
      return false
    }
  }

  /** Replays the queue in order (only the items `only` accepts); an item that fails again blocks its later writes. */
  async function replay(only: (itemId: string) => boolean = () => true): Promise<void> {
    const blocked = new Set<string>()
    for (const entry of queue.value) {
      if (!only(entry.itemId) || blocked.has(entry.itemId)) continue
      if (await attempt(entry)) queue.value = queue.value.filter((e) => e !== entry)
      else blocked.add(entry.itemId)
    }
  }

  /** Writes one change at once; if it fails it is kept for `retry()`. */
  function save(itemId: string, patch: AnswerPatch): Promise<void> {
    const entry: QueuedWrite = { itemId, patch: { ...patch } }
    return serialize(async () => {
      if (queue.value.some((e) => e.itemId === itemId)) {
        // Earlier changes of this item wait: keep the order by writing them first.
        queue.value = [...queue.value, entry]
        await replay((id) => id === itemId)
      } else if (!(await attempt(entry))) {
        queue.value = [...queue.value, entry]
      }
    })
  }

  /** Writes every waiting change again, in order. */
  function retry(): Promise<void> {
    return serialize(() => replay())
  }

  // Comment drafts: debounced per item. `unsettled` holds the items whose comment is typed but not
  // yet written (debouncing or in flight); a view must not overwrite such a field from the database.
  const drafts = new Map<string, { text: string; timer: ReturnType<typeof setTimeout> }>()
  const inFlight = new Map<string, number>()
  const unsettled = reactive(new Set<string>())
  function markUnsettled(itemId: string): void {
    if (drafts.has(itemId) || (inFlight.get(itemId) ?? 0) > 0) unsettled.add(itemId)
    else unsettled.delete(itemId)
  }

  async function writeComment(itemId: string, text: string): Promise<void> {
    inFlight.set(itemId, (inFlight.get(itemId) ?? 0) + 1)
    markUnsettled(itemId)
    try {
      await save(itemId, { comment: text })
      // Stored (a failed write waits in the queue, and its draft stays in the journal).
      if (!queue.value.some((e) => e.itemId === itemId)) dropCommentDraft(assessmentId(), itemId, text)
    } finally {
      const left = (inFlight.get(itemId) ?? 1) - 1
      if (left > 0) inFlight.set(itemId, left)
      else inFlight.delete(itemId)
      markUnsettled(itemId)
    }
  }

  function takeDraft(itemId: string): string | undefined {
    const draft = drafts.get(itemId)
    if (!draft) return undefined
    clearTimeout(draft.timer)
    drafts.delete(itemId)
    return draft.text
  }

  /** Remembers the typed comment of an item and writes it after a pause of COMMENT_DEBOUNCE_MS. */
  function queueComment(itemId: string, text: string): void {
    keepCommentDraft({ assessmentId: assessmentId(), itemId, text, at: new Date().toISOString() })
    takeDraft(itemId)
    const timer = setTimeout(() => {
      const latest = takeDraft(itemId)
      if (latest !== undefined) void writeComment(itemId, latest)
    }, COMMENT_DEBOUNCE_MS)
    drafts.set(itemId, { text, timer })
    markUnsettled(itemId)
  }

  /** Writes every pending comment now (blur, leaving the page, end of the scope). */
  function flush(): Promise<void> {
    const writes: Promise<void>[] = []
    for (const itemId of [...drafts.keys()]) {
      const text = takeDraft(itemId)
      if (text !== undefined) writes.push(writeComment(itemId, text))
    }
    return Promise.all(writes).then(() => undefined)
  }

  /** True while a comment of the item is typed but not yet written. */
  function hasPendingComment(itemId: string): boolean {
    return unsettled.has(itemId)
  }

  const onPageHide = (): void => void flush()
  // Something typed or chosen is not yet in the database: the browser asks before leaving.
  const onBeforeUnload = (e: BeforeUnloadEvent): void => {
    if (drafts.size > 0 || pendingCount.value > 0 || queue.value.length > 0) {
      e.preventDefault()
      e.returnValue = ''
    }
  }
  window.addEventListener('beforeunload', onBeforeUnload)
  const onVisibility = (): void => {
    if (document.visibilityState === 'hidden') void flush()
  }
  window.addEventListener('pagehide', onPageHide)
  document.addEventListener('visibilitychange', onVisibility)
  if (getCurrentScope()) {
    onScopeDispose(() => {
      window.removeEventListener('pagehide', onPageHide)
      window.removeEventListener('beforeunload', onBeforeUnload)
      document.removeEventListener('visibilitychange', onVisibility)
      void flush()
    })
  }

  return { state, savedAt, saveCount, pendingCount, failedCount, save, retry, queueComment, flush, hasPendingComment }
}
