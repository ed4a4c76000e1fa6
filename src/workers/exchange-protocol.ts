/** Messages between the page (exchange-client.ts) and the exchange worker (exchange.worker.ts). */
import type { ApplyRequest, BackupFileMeta, CheckContext } from './exchange-session'

export type WorkerRequest = { id: number } & (
  | { op: 'check'; files: File[]; context: CheckContext }
  | { op: 'apply'; request: ApplyRequest }
  | { op: 'replaceAll' }
  | { op: 'reset' }
  | { op: 'prepare' }
  | { op: 'backup'; meta: BackupFileMeta }
)

/** The answer to a request: its value, or the error's name and message. */
export type WorkerResponse = { id: number } & ({ ok: true; value: unknown } | { ok: false; error: { name: string; message: string } })

/** Distributes `Omit` over the union (the id is added by the client). */
export type WorkerCall = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never
