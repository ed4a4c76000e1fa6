/**
 * The page's door to the exchange work (exchange-session.ts): in a Web Worker where the browser has
 * one — created on the first import or backup export, so the first load does not grow — else (unit
 * tests in happy-dom) the same functions on this thread, loaded just as lazily.
 */
import type { ExchangeData } from '@/domain/exchange/formats'
import type { StateDiff } from '@/domain/exchange/merge'
import type { ApplyRequest, BackupFileMeta, CheckContext, CheckOutcome } from './exchange-session'
import type { WorkerCall, WorkerResponse } from './exchange-protocol'

interface Backend {
  call(message: WorkerCall): Promise<unknown>
}

let backend: Promise<Backend> | undefined

function workerBackend(): Backend {
  const worker = new Worker(new URL('./exchange.worker.ts', import.meta.url), { type: 'module' })
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; slices: Map<string, unknown[]> }>()
  let next = 0
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const r = event.data
    const w = waiting.get(r.id)
    if (!w) return
    if ('slice' in r) {
      const rows = w.slices.get(r.slice.table)
      if (rows) for (const row of r.slice.rows) rows.push(row)
      else w.slices.set(r.slice.table, r.slice.rows)
      return
    }
    waiting.delete(r.id)
    if (!r.ok) return w.reject(Object.assign(new Error(r.error.message), { name: r.error.name }))
    // Lists sent ahead in slices go back into the value (into its `put` for a write plan).
    if (w.slices.size > 0) {
      const value = r.value as Record<string, unknown>
      const target = (value.put ?? value) as Record<string, unknown>
      for (const [table, rows] of w.slices) target[table] = rows
    }
    w.resolve(r.value)
  }
  // A worker that fails to load or crashes fails every open call (the screen reports it).
  worker.onerror = (event: ErrorEvent) => {
    const error = new Error(event.message || 'Exchange worker failed')
    for (const w of waiting.values()) w.reject(error)
    waiting.clear()
  }
  return {
    call(message) {
      const id = ++next
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject, slices: new Map() })
        worker.postMessage({ ...message, id })
      })
    },
  }
}

async function inThreadBackend(): Promise<Backend> {
  const { createExchangeHandler } = await import('./exchange-handler')
  return { call: createExchangeHandler() }
}

function getBackend(): Promise<Backend> {
  backend ??= typeof Worker === 'undefined' ? inThreadBackend() : Promise.resolve(workerBackend())
  return backend
}

const call = async <T>(message: WorkerCall): Promise<T> => (await (await getBackend()).call(message)) as T

/** Starts the worker (its code loads while the page gathers what the check needs). */
export function prepareExchange(): void {
  void getBackend()
}

/** Reads, validates and merges the files in memory; the preview. Writes nothing. */
export const checkFiles = (files: readonly File[], context: CheckContext) => call<CheckOutcome>({ op: 'check', files: [...files], context })
/** What to write for the checked merge with the user's decisions (the caller writes it with `applyStateDiff`). */
export const planApply = (request: ApplyRequest) => call<StateDiff>({ op: 'apply', request })
/** The one checked backup, for "replace everything" (the caller writes it with `replaceAllData`). */
export const checkedReplacement = () => call<ExchangeData>({ op: 'replaceAll' })
/** Forgets the checked files. */
export const resetChecked = () => call<void>({ op: 'reset' })
/** The full backup file (canonical text with checksum). */
export const buildBackupFile = (meta: BackupFileMeta) => call<Blob>({ op: 'backup', meta })
