/**
 * The page's door to the exchange work (exchange-session.ts): in a Web Worker where the browser has
 * one — created on the first import or backup export, so the first load does not grow — else (unit
 * tests in happy-dom) the same functions on this thread, loaded just as lazily.
 */
import type { ApplyRequest, BackupFileMeta, CheckContext, CheckOutcome } from './exchange-session'
import type { WorkerCall, WorkerResponse } from './exchange-protocol'

interface Backend {
  call(message: WorkerCall): Promise<unknown>
}

let backend: Promise<Backend> | undefined

function workerBackend(): Backend {
  const worker = new Worker(new URL('./exchange.worker.ts', import.meta.url), { type: 'module' })
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  let next = 0
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    const r = event.data
    const w = waiting.get(r.id)
    if (!w) return
    waiting.delete(r.id)
    if (!r.ok) return w.reject(Object.assign(new Error(r.error.message), { name: r.error.name }))
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
        waiting.set(id, { resolve, reject })
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

let prepared: Promise<unknown> | undefined

/**
 * Starts the worker and opens its database connection, once: called when a screen with an import
 * or the backup export is shown (and again by each check, where it costs nothing), so that the
 * first import or export does not wait for the worker's code and connection.
 */
export function prepareExchange(): void {
  prepared ??= call({ op: 'prepare' }).catch(() => {
    // The first real call reports a worker that cannot start; preparing may simply be tried again.
    prepared = undefined
  })
}

/** Reads, validates and merges the files in memory; the preview. Writes nothing. */
export const checkFiles = (files: readonly File[], context: CheckContext) => call<CheckOutcome>({ op: 'check', files: [...files], context })
/** Writes the checked merge with the user's decisions (one transaction); the number of records written. */
export const applyChecked = (request: ApplyRequest) => call<number>({ op: 'apply', request })
/** "Replace everything" with the one checked backup (one transaction); the number of records written. */
export const replaceWithChecked = () => call<number>({ op: 'replaceAll' })
/** Forgets the checked files. */
export const resetChecked = () => call<void>({ op: 'reset' })
/** The full backup file (canonical text with checksum). */
export const buildBackupFile = (meta: BackupFileMeta) => call<Blob>({ op: 'backup', meta })
