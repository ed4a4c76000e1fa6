/**
 * Runs `task` when the browser is idle (requestIdleCallback, at the latest after `timeoutMs`);
 * where there is no idle callback, after `fallbackMs`. Returns a function that cancels it.
 */
export function whenIdle(task: () => void, { timeoutMs = 5000, fallbackMs = 1500 }: { timeoutMs?: number; fallbackMs?: number } = {}): () => void {
  const w = window as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number; cancelIdleCallback?: (handle: number) => void }
  if (w.requestIdleCallback) {
    const handle = w.requestIdleCallback(task, { timeout: timeoutMs })
    return () => w.cancelIdleCallback?.(handle)
  }
  const handle = setTimeout(task, fallbackMs)
  return () => clearTimeout(handle)
}
