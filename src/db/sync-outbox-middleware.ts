/**
 * Notes every write of replicated data in `syncOutbox`, in the same transaction as the write: a
 * Dexie DBCore middleware like the summaries' (summary-middleware.ts). Whatever writes (a screen,
 * an import, a restore, the merge of replicated records, a future write path), the sync engine
 * finds the record in the outbox, also after a crash or a browser closed while offline. One entry
 * per record (the last write's token), so the outbox never grows beyond the number of records.
 * The entries are written whether or not sync is on (a few dozen bytes per write): switching sync
 * on later starts with a full comparison anyway, and then clears them.
 */
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie'
import { keyTextOfRecord, recordKeyText, SYNC_TABLES, type SyncTable } from '@/domain/sync/record-keys'

export const OUTBOX_TABLE = 'syncOutbox'
/** Key text that stands for "every record of the table" (after a table was cleared). */
export const ALL_KEYS = '*'

/** One record (or a whole table) to compare with the replication copy. */
export interface OutboxEntry {
  /** `table` + NUL + key text. */
  key: string
  table: SyncTable
  keyText: string
  /** The record's organisation when the write said ('' for deletions and catalogues). */
  orgId: string
  /** Changes with every write of the record: the engine removes an entry only if it is unchanged. */
  token: string
}

export const outboxKey = (table: SyncTable, keyText: string): string => `${table}\u0000${keyText}`

/** Written tables and the replicated table each one's records belong to (status events to their agenda). */
const WATCHED = new Map<string, SyncTable>([...SYNC_TABLES.map((t) => [t, t] as const), ['agendaEvents', 'agendas']])

let counter = 0
const newToken = (): string => `${Date.now().toString(36)}.${(counter++).toString(36)}.${Math.random().toString(36).slice(2, 8)}`

function entriesOf(table: string, target: SyncTable, req: DBCoreMutateRequest): OutboxEntry[] {
  const token = newToken()
  const entry = (keyText: string, orgId: string): OutboxEntry => ({ key: outboxKey(target, keyText), table: target, keyText, orgId, token })
  if (req.type === 'deleteRange') return [entry(ALL_KEYS, '')]
  if (req.type === 'delete') {
    // A status event is deleted only with its agenda, whose own entry covers it.
    if (table === 'agendaEvents') return []
    return req.keys.map((k) => entry(recordKeyText(target, k), ''))
  }
  return req.values.map((v: Record<string, unknown>, i) => {
    if (table === 'agendaEvents') return entry(String(v.agendaId), '')
    const keyText = req.keys?.[i] !== undefined ? recordKeyText(target, req.keys[i]) : keyTextOfRecord(target, v)
    const orgId = target === 'organisations' ? String(v.id) : typeof v.orgId === 'string' ? v.orgId : ''
    return entry(keyText, orgId)
  })
}

export const syncOutboxMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'SyncOutbox',
  create: (down) => ({
    ...down,
    transaction: (stores, mode, options) =>
      down.transaction(mode === 'readwrite' && !stores.includes(OUTBOX_TABLE) && stores.some((s) => WATCHED.has(s)) ? [...stores, OUTBOX_TABLE] : stores, mode, options),
    table: (name) => {
      const table = down.table(name)
      const target = WATCHED.get(name)
      if (!target) return table
      return {
        ...table,
        mutate: async (req) => {
          const res = await table.mutate(req)
          const { trans } = req
          // Upgrades to versions before v6 run without the store.
          if (!(trans as unknown as IDBTransaction).objectStoreNames.contains(OUTBOX_TABLE)) return res
          const values = entriesOf(name, target, req).filter((_, i) => req.type === 'deleteRange' || req.type === 'delete' || !res.failures[i])
          if (values.length > 0) await down.table(OUTBOX_TABLE).mutate({ type: 'put', values, trans })
          return res
        },
      }
    },
  }),
}
