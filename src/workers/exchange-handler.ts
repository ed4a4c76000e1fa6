/** Answers the calls of the exchange protocol (exchange-protocol.ts) with the session's functions. */
import { db } from '@/db/database'
import { buildBackupBlob, createExchangeSession } from './exchange-session'
import type { WorkerCall } from './exchange-protocol'

/** One handler for every call of the protocol: the worker and the in-page fallback both answer with it. */
export function createExchangeHandler(): (call: WorkerCall) => Promise<unknown> {
  const session = createExchangeSession()
  return async (call) => {
    switch (call.op) {
      case 'check':
        return session.check(call.files, call.context)
      case 'apply':
        return session.apply(call.request)
      case 'replaceAll':
        return session.replaceAll()
      case 'reset':
        return session.reset()
      case 'prepare':
        // Opens this thread's connection to the database ahead of the first import or export.
        await db.open()
        return
      case 'backup':
        return buildBackupBlob(call.meta)
    }
  }
}
