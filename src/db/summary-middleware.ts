/**
 * Keeps `assessmentSummaries` equal to the summaries of `assessments`, below every write: a Dexie
 * DBCore middleware widens each readwrite transaction on `assessments` to the summary table and, in
 * the same transaction, writes or deletes the summaries of whatever a mutation wrote or deleted. So
 * no write site (repositories, restore, merge, demo, a future one) can forget them.
 */
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie'
import { summarizeAssessment, type AssessmentSummary } from '@/domain/model/assessment-summary'
import { isReadable } from '@/domain/model/stored-guard'
import type { Assessment } from '@/domain/model/types'

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

export const SUMMARY_TABLE = 'assessmentSummaries'
const SOURCE = 'assessments'

export const summaryMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'AssessmentSummaries',
  create: (down) => ({
    ...down,
    transaction: (stores, mode, options) => down.transaction(mode === 'readwrite' && stores.includes(SOURCE) && !stores.includes(SUMMARY_TABLE) ? [...stores, SUMMARY_TABLE] : stores, mode, options),
    table: (name) => {
      const table = down.table(name)
      return name !== SOURCE
        ? table
        : {
            ...table,
            mutate: async (req) => {
              const res = await table.mutate(req)
              const { trans } = req
              // An upgrade to a version before v5 runs without the store (the v5 upgrade fills it).
              if (!(trans as unknown as IDBTransaction).objectStoreNames.contains(SUMMARY_TABLE)) return res
              const summaries = down.table(SUMMARY_TABLE)
              const write = (r: DistributiveOmit<DBCoreMutateRequest, 'trans'>) => summaries.mutate({ ...r, trans } as DBCoreMutateRequest)
              if (req.type === 'deleteRange') await write({ type: 'deleteRange', range: req.range })
              else if (req.type === 'delete') await write({ type: 'delete', keys: req.keys })
              else {
                // The last write of a key wins (a bulkPut may repeat one). A record that fails the
                // readable guard gets no summary (screens never show it).
                const last = new Map<unknown, AssessmentSummary | null>()
                req.values.forEach((v: Assessment, i) => {
                  if (!res.failures[i]) last.set(req.keys?.[i] ?? v.id, isReadable(SOURCE, v) ? summarizeAssessment(v) : null)
                })
                const put = [...last.values()].filter((x) => x !== null)
                const gone = [...last.keys()].filter((k) => last.get(k) === null)
                if (put.length > 0) await write({ type: 'put', values: put })
                if (gone.length > 0) await write({ type: 'delete', keys: gone })
              }
              return res
            },
          }
    },
  }),
}
