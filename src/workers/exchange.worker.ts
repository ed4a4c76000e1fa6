/**
 * Web Worker for exchange files (see exchange-session.ts): parses, validates and merges imports,
 * writes the result (src/db/backup.ts, one transaction) and builds the backup file, so a 20 MB
 * backup never blocks the page and never has to be copied to it.
 */
import { createExchangeHandler } from './exchange-handler'
import type { WorkerRequest, WorkerResponse } from './exchange-protocol'

const run = createExchangeHandler()

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const { id } = event.data
  let response: WorkerResponse
  try {
    response = { id, ok: true, value: await run(event.data) }
  } catch (e) {
    response = { id, ok: false, error: e instanceof Error ? { name: e.name, message: e.message } : { name: 'Error', message: String(e) } }
  }
  self.postMessage(response)
}
