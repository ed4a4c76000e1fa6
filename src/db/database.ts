/**
 * The one Dexie database of the app. Only `src/db` imports Dexie (a lint rule enforces it).
 *
 * Every schema version stays in this file; data changes happen in `.upgrade()` and each upgrade
 * has a test (tests/unit/db-migration.test.ts) that opens a database written by the previous
 * version and checks that no answer is lost.
 *
 * Version history
 * - v1: one row per answer in `answers` ([assessmentId+itemId]).
 * - v2: answers embedded in their assessment (`assessment.answers[itemId]`). A large municipality
 *   has ~100k answers; as 900 assessment documents a full restore is one bulkPut of 900 records
 *   (well under the 3 s budget in Chromium) instead of 100k rows (~10 s measured). Adds `orgId` to
 *   assessments, the `catalogs` table for custom/imported catalogues and a `meta` key-value table.
 * - v3: provenance on every record and answer (updatedBy, deviceId, rev; answers also a version
 *   vector `vv`), `role` and `activityAt` on assessments, and the `tombstones` table that remembers
 *   deletions so a later merge cannot bring a deleted record back. The upgrade creates this
 *   browser's device id and stamps existing data with it (rev 1), so nothing is lost or conflicts.
 * - v4: the Digitale Agenda and the Leistungsinventar: `agendas` (one document per agenda, entries
 *   and entry tombstones embedded, like answers in a questionnaire), `agendaEvents` (the append-only
 *   status history, one row per change, by agenda and by agenda + entry) and `services` (one row per
 *   service of an organisation). New tables only: no data changes, so no `.upgrade()`.
 * - v5: `assessmentSummaries`, one small record per assessment (header and the ids of its answered
 *   items, `summarizeAssessment`), so the start screen ("weitermachen", progress per department)
 *   reads ~1 KB per questionnaire instead of the whole document. Derived data: the upgrade fills it
 *   from the stored assessments, and a DBCore middleware (summary-middleware.ts) rewrites it in the
 *   same transaction as every write of `assessments`. Never exported, never merged.
 * - v6: optional replication with CouchDB (docs/sync.md): `syncOutbox`, one entry per replicated
 *   record written since the sync engine last compared it with its replication copy (kept by a
 *   DBCore middleware, sync-outbox-middleware.ts, in the same transaction as every write), and
 *   `syncConflicts`, answer conflicts found while merging replicated records, until decided. New
 *   tables only: no data changes. Never exported in backups.
 */
import Dexie, { type EntityTable, type Table } from 'dexie'
import type { Agenda, StatusEvent } from '@/domain/agenda/types'
import type { Assessment, Catalog, Department, Organisation, Round, Tombstone } from '@/domain/model/types'
import type { ServiceRecord } from '@/domain/services/types'
import { summarizeAssessment, type AssessmentSummary } from '@/domain/model/assessment-summary'
import { isReadable } from '@/domain/model/stored-guard'
import { newDeviceId } from './ids'
import { summaryMiddleware, SUMMARY_TABLE } from './summary-middleware'
import { OUTBOX_TABLE, syncOutboxMiddleware, type OutboxEntry } from './sync-outbox-middleware'
import type { StoredSyncConflict } from '@/domain/sync/conflicts'

export const DB_NAME = 'digitalisierungs-check'

/** A custom or imported catalogue stored in the browser (built-in ones ship with the app). */
export interface StoredCatalog {
  id: string
  version: string
  importedAt: string
  catalog: Catalog
}

/** Small key-value records: active organisation, last change, last export … */
export interface MetaRecord {
  key: string
  value: unknown
}

/** v1 answer row, kept only so the v1 → v2 upgrade (and its test) can read it. */
export interface LegacyAnswerRow {
  assessmentId: string
  itemId: string
  state: 'level' | 'na' | 'unknown'
  ist: number | null
  bedarf: number | null
  potenzial: number | null
  target: number | null
  comment: string
  updatedAt: string
}

export const SCHEMA_V1 = {
  organisations: 'id, name',
  departments: 'id, orgId',
  rounds: 'id, orgId',
  assessments: 'id, roundId, departmentId',
  answers: '[assessmentId+itemId], assessmentId',
} as const

export const SCHEMA_V2 = {
  organisations: 'id, name',
  departments: 'id, orgId',
  rounds: 'id, orgId',
  assessments: 'id, orgId, roundId, departmentId, [roundId+departmentId]',
  answers: null,
  catalogs: '[id+version], id',
  meta: 'key',
} as const

export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  tombstones: 'id, orgId',
} as const

export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  agendas: 'id, orgId',
  agendaEvents: 'id, agendaId, [agendaId+entryId]',
  services: 'id, orgId',
} as const

export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  // The start screen's reads: by round (progress) and the newest activity of an organisation.
  [SUMMARY_TABLE]: 'id, roundId, [orgId+open+activityAt]',
} as const

export const SCHEMA_V6 = {
  ...SCHEMA_V5,
  [OUTBOX_TABLE]: 'key',
  syncConflicts: 'key, orgId',
} as const

/** The schema this version of the app writes (the last one above), and its version number. */
export const SCHEMA_LATEST = SCHEMA_V6
export const DB_VERSION = 6

/** Meta key of this browser profile's random device id (created once, never exported as a setting). */
export const DEVICE_ID_KEY = 'deviceId'

export class CheckDatabase extends Dexie {
  organisations!: EntityTable<Organisation, 'id'>
  departments!: EntityTable<Department, 'id'>
  rounds!: EntityTable<Round, 'id'>
  assessments!: EntityTable<Assessment, 'id'>
  catalogs!: Table<StoredCatalog, [string, string]>
  meta!: EntityTable<MetaRecord, 'key'>
  tombstones!: EntityTable<Tombstone, 'id'>
  agendas!: EntityTable<Agenda, 'id'>
  agendaEvents!: EntityTable<StatusEvent, 'id'>
  services!: EntityTable<ServiceRecord, 'id'>
  assessmentSummaries!: EntityTable<AssessmentSummary, 'id'>
  syncOutbox!: EntityTable<OutboxEntry, 'key'>
  syncConflicts!: EntityTable<StoredSyncConflict, 'key'>

  constructor(name = DB_NAME) {
    super(name)
    this.use(summaryMiddleware)
    this.use(syncOutboxMiddleware)
    this.version(1).stores(SCHEMA_V1)
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        const rows = (await tx.table('answers').toArray()) as LegacyAnswerRow[]
        const byAssessment = new Map<string, LegacyAnswerRow[]>()
        for (const row of rows) {
          const list = byAssessment.get(row.assessmentId) ?? []
          list.push(row)
          byAssessment.set(row.assessmentId, list)
        }
        const rounds = new Map<string, { orgId: string }>()
        await tx.table('rounds').each((r: { id: string; orgId: string }) => rounds.set(r.id, r))
        // An assessment whose round is gone takes the organisation of its department; one with
        // neither keeps orgId '' and is reported by the quarantine scan (never exported).
        const departments = new Map<string, { orgId: string }>()
        await tx.table('departments').each((d: { id: string; orgId: string }) => departments.set(d.id, d))
        await tx
          .table('assessments')
          .toCollection()
          .modify((a: Record<string, unknown>) => {
            const answers: Record<string, unknown> = {}
            for (const row of byAssessment.get(a.id as string) ?? []) {
              const { assessmentId: _drop, ...answer } = row
              answers[row.itemId] = answer
            }
            a.answers = answers
            a.orgId = rounds.get(a.roundId as string)?.orgId ?? departments.get(a.departmentId as string)?.orgId ?? ''
          })
      })
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade(async (tx) => {
        const meta = tx.table('meta')
        let deviceId = (await meta.get(DEVICE_ID_KEY))?.value as string | undefined
        if (typeof deviceId !== 'string' || deviceId === '') {
          deviceId = newDeviceId()
          await meta.put({ key: DEVICE_ID_KEY, value: deviceId })
        }
        const stampRecord = (r: Record<string, unknown>) => {
          if (typeof r.updatedBy !== 'string') r.updatedBy = ''
          if (typeof r.deviceId !== 'string') r.deviceId = deviceId
          if (typeof r.rev !== 'number') r.rev = 1
        }
        for (const name of ['organisations', 'departments', 'rounds']) await tx.table(name).toCollection().modify(stampRecord)
        await tx
          .table('assessments')
          .toCollection()
          .modify((a: Record<string, unknown>) => {
            stampRecord(a)
            if (a.role !== 'consensus') a.role = 'respondent'
            if (typeof a.activityAt !== 'string') a.activityAt = a.updatedAt
            const answers = (a.answers ?? {}) as Record<string, Record<string, unknown>>
            for (const answer of Object.values(answers)) {
              if (typeof answer.updatedBy !== 'string') answer.updatedBy = typeof a.respondent === 'string' ? a.respondent : ''
              if (typeof answer.deviceId !== 'string') answer.deviceId = deviceId
              if (typeof answer.rev !== 'number') answer.rev = 1
              if (typeof answer.vv !== 'object' || answer.vv === null) answer.vv = { [deviceId]: 1 }
            }
            a.answers = answers
          })
      })
    this.version(4).stores(SCHEMA_V4)
    this.version(5)
      .stores(SCHEMA_V5)
      .upgrade(async (tx) => {
        const summaries: AssessmentSummary[] = []
        await tx.table('assessments').each((a: unknown) => {
          if (isReadable('assessments', a)) summaries.push(summarizeAssessment(a as Assessment))
        })
        await tx.table(SUMMARY_TABLE).bulkPut(summaries)
      })
    this.version(DB_VERSION).stores(SCHEMA_V6)
  }
}

/** The app's single database instance. Tests create their own with another name. */
export const db = new CheckDatabase()
