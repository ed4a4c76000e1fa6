/** Answers the calls of the exchange protocol (exchange-protocol.ts) with the session's functions. */
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
        return session.planApply(call.request)
      case 'replaceAll':
        return session.replacement()
      case 'reset':
        return session.reset()
      case 'backup':
        return buildBackupBlob(call.meta)
    }
  }
}
