/**
 * Web Worker for exchange files (see exchange-session.ts): parses, validates and merges imports,
 * works out what to write and builds the backup file, so a 20 MB backup never blocks the page. It
 * reads the database; the page writes (src/db/backup.ts).
 */
import { createExchangeHandler } from './exchange-handler'
import type { WorkerRequest, WorkerResponse } from './exchange-protocol'

const run = createExchangeHandler()

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const { id } = event.data
  let response: Extract<WorkerResponse, { ok: boolean }>
  try {
    response = { id, ok: true, value: await run(event.data) }
  } catch (e) {
    response = { id, ok: false, error: e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: String(e) } }
  }
  if (event.data.op === 'apply' || event.data.op === 'replaceAll') postInSlices(response)
  else self.postMessage(response)
}

/** Records per message when a large list is sent to the page (each message is unpacked in its own task). */
const SLICE = 50

/**
 * Posts the response; the long record lists of a write plan (or a replacement) go ahead in slices,
 * so that unpacking them never blocks the page for long.
 */
function postInSlices(response: Extract<WorkerResponse, { ok: boolean }>): void {
  if (!response.ok || typeof response.value !== 'object' || response.value === null) return self.postMessage(response)
  const value = response.value as Record<string, unknown>
  const tables = (value.put ?? value) as Record<string, unknown>
  const sliced: Record<string, unknown> = { ...tables }
  for (const [table, rows] of Object.entries(tables)) {
    if (!Array.isArray(rows) || rows.length <= SLICE) continue
    for (let i = 0; i < rows.length; i += SLICE) self.postMessage({ id: response.id, slice: { table, rows: rows.slice(i, i + SLICE) } } satisfies WorkerResponse)
    sliced[table] = []
  }
  self.postMessage({ ...response, value: value.put ? { ...value, put: sliced } : sliced })
}
