/**
 * The CouchDB documents of an organisation's database: one document per record, so that changes
 * of different records never touch the same document. The body wraps the record exactly as a
 * backup file carries it: `{ _id, kind, schema, data }`; an agenda carries its status history
 * (`data: { agenda, events }`), merged as one by the agenda rules. Only records of the organisation are
 * replicated (and the catalogues its rounds use); device id, user name, sync settings and the
 * password live in `meta` and never become a document.
 */
import { validateStored } from '@/domain/exchange/stored-records'
import { agendaSchema, assessmentShellSchema, checkAnswer, departmentSchema, organisationSchema, roundSchema, serviceSchema, statusEventSchema, tombstoneSchema } from '@/domain/exchange/schema'
import { validateCatalog } from '@/domain/catalog/catalog-schema'
import type { Agenda, StatusEvent } from '@/domain/agenda/types'
import { validateAgenda } from '@/domain/agenda/validate'
import type { Catalog } from '@/domain/model/types'
import { validateSyncConflict } from './conflicts'
import { keyTextOfRecord, orgOfRecord, parseDocId, SYNC_DOC_SCHEMA, SYNC_KINDS, docIdOf, type SyncDoc, type SyncTable } from './keys'

export * from './keys'

/** An agenda with its status history: the body of an agenda's document. */
export interface AgendaWithHistory {
  agenda: Agenda
  events: StatusEvent[]
}

/**
 * The document body of a record (as `LocalRecord` gives it). A stored catalogue row is replicated
 * as its catalogue.
 */
export function toDoc(table: SyncTable, record: unknown): SyncDoc {
  const data = table === 'catalogs' ? ((record as { catalog?: Catalog }).catalog ?? record) : record
  const keyed = table === 'agendas' ? (data as AgendaWithHistory).agenda : data
  return { _id: docIdOf(table, keyTextOfRecord(table, keyed as unknown as Record<string, unknown>)), kind: SYNC_KINDS[table], schema: SYNC_DOC_SCHEMA, data }
}

export type DocRejection = 'unknownId' | 'kindMismatch' | 'schema' | 'idMismatch' | 'invalid' | 'otherOrganisation'

export type ParsedDoc = { ok: true; table: SyncTable; keyText: string; record: unknown } | { ok: false; reason: DocRejection; problems?: string[] }

/**
 * Reads a document from the server with the same rules as an imported file (the full schemas of
 * `validateStored`). `orgId` is the organisation whose database this is: a record of another
 * organisation is refused. Catalogues are checked by their own rules; whether a round uses them
 * does not matter (catalogues are immutable and shared).
 */
export function parseDoc(doc: unknown, orgId: string): ParsedDoc {
  if (typeof doc !== 'object' || doc === null) return { ok: false, reason: 'invalid' }
  const d = doc as Partial<SyncDoc>
  const where = typeof d._id === 'string' ? parseDocId(d._id) : null
  if (!where) return { ok: false, reason: 'unknownId' }
  if (d.kind !== SYNC_KINDS[where.table]) return { ok: false, reason: 'kindMismatch' }
  if (d.schema !== SYNC_DOC_SCHEMA) return { ok: false, reason: 'schema' }
  const data = d.data
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, reason: 'invalid' }
  const rec = data as Record<string, unknown>
  const problems = problemsOf(where.table, rec)
  if (problems.length > 0) return { ok: false, reason: 'invalid', problems }
  const keyed = where.table === 'agendas' ? (rec.agenda as Record<string, unknown>) : rec
  if (keyTextOfRecord(where.table, keyed) !== where.keyText) return { ok: false, reason: 'idMismatch' }
  const org = orgOfRecord(where.table, keyed)
  if (org !== null && org !== orgId) return { ok: false, reason: 'otherOrganisation' }
  return { ok: true, table: where.table, keyText: where.keyText, record: stripped(where.table, rec) }
}

/** A valid record with only the fields the import rules know (unknown ones are dropped, as on import). */
function stripped(table: SyncTable, rec: Record<string, unknown>): unknown {
  const answer = (v: unknown) => {
    const checked = checkAnswer(v)
    return checked.ok ? checked.answer : v
  }
  switch (table) {
    case 'organisations':
      return organisationSchema.parse(rec)
    case 'departments':
      return departmentSchema.parse(rec)
    case 'rounds':
      return roundSchema.parse(rec)
    case 'tombstones':
      return tombstoneSchema.parse(rec)
    case 'services':
      return serviceSchema.parse(rec)
    case 'assessments':
      return { ...assessmentShellSchema.parse(rec), answers: Object.fromEntries(Object.entries(rec.answers as Record<string, unknown>).map(([k, v]) => [k, answer(v)])) }
    case 'agendas':
      return { agenda: agendaSchema.parse(rec.agenda), events: (rec.events as unknown[]).map((e) => statusEventSchema.parse(e)) }
    case 'catalogs': {
      const r = validateCatalog(rec)
      return r.ok ? r.catalog : rec
    }
    case 'syncConflicts':
      return { key: rec.key, orgId: rec.orgId, assessmentId: rec.assessmentId, itemId: rec.itemId, versions: (rec.versions as unknown[]).map(answer) }
  }
}

function problemsOf(table: SyncTable, rec: Record<string, unknown>): string[] {
  switch (table) {
    case 'syncConflicts':
      return validateSyncConflict(rec)
    case 'catalogs':
      return validateStored('catalogs', { id: rec.id, version: rec.version, catalog: rec })
    case 'agendas': {
      const agenda = rec.agenda as Record<string, unknown> | undefined
      const problems = validateStored('agendas', agenda).map((p) => `agenda.${p}`)
      if (!Array.isArray(rec.events)) return [...problems, 'events: invalid']
      rec.events.forEach((e: unknown, i) => {
        problems.push(...validateStored('agendaEvents', e).map((p) => `events.${i}.${p}`))
        if (problems.length === 0 && (e as StatusEvent).agendaId !== agenda?.id) problems.push(`events.${i}.agendaId: keyMismatch`)
      })
      if (problems.length > 0) return problems
      // The agenda together with its history, as an imported backup is checked (integrity.ts).
      return validateAgenda(agenda as unknown as Agenda, { history: rec.events as StatusEvent[] }).map((x) => `agenda: ${x.code}`)
    }
    default:
      return validateStored(table, rec)
  }
}
