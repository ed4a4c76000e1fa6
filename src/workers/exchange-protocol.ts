/** Messages between the page (exchange-client.ts) and the exchange worker (exchange.worker.ts). */
import type { ApplyRequest, BackupFileMeta, CheckContext } from './exchange-session'

export type WorkerRequest = { id: number } & (
  | { op: 'check'; files: File[]; context: CheckContext }
  | { op: 'apply'; request: ApplyRequest }
  | { op: 'replaceAll' }
  | { op: 'reset' }
  | { op: 'backup'; meta: BackupFileMeta }
)

/**
 * The answer to a request. Long record lists come first in slices (`slice`: rows to append to that
 * table of the final value's `put`, or of the value itself), then the value with those lists empty.
 */
export type WorkerResponse = { id: number } & ({ ok: true; value: unknown } | { ok: false; error: { name: string; message: string } } | { slice: { table: string; rows: unknown[] } })

/** Distributes `Omit` over the union (the id is added by the client). */
export type WorkerCall = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never
