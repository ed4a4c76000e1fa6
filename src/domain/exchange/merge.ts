/**
 * Merge of exchange files (department packages, returns, full backups) into the local data — the
 * one place where data from another device meets this one. Pure: the caller passes the local
 * records the file touches (or everything, for a full backup) and writes the difference.
 *
 * Rules (docs/exchange.md has a worked example):
 * - Organisations, departments, rounds and questionnaire headers: the later change wins (time, then
 *   device id, then revision — every device picks the same winner).
 * - Answers, one by one, by their version vectors: a version that has seen the other wins; two
 *   versions changed concurrently to different values are a conflict. The later change is taken
 *   provisionally (so nothing later is ever lost) and the conflict is reported for the user to
 *   decide (`applyDecisions`). Answers without history (format-1 files) merge by time only.
 * - A tombstone beats every record change older than the deletion; a change newer than the deletion
 *   brings the record back (and its parents with it).
 * - Records from a file never take over another organisation's records (same id, other orgId).
 * - Digitale Agenda (full backups only): per agenda by `mergeAgenda` (domain/agenda/merge.ts) —
 *   header later change wins, entries one by one by their version vectors (concurrent changes are
 *   conflicts, reported in `agendaConflicts`), status histories united; an agenda's last change
 *   (header, entries, removals, events) decides against a tombstone of the whole agenda.
 * - Leistungsinventar: services as records, the later change wins; tombstones of kind 'service'.
 *
 * `mergeExchange` is commutative and idempotent on the resulting data (tests/unit/merge-properties).
 */
import {
  answerAuthor,
  bumpVector,
  compareByTime,
  compareVectors,
  isEmptyVector,
  joinVectors,
  lastChangeOfAssessment,
} from '@/domain/model/provenance'
import {
  ANSWER_VALUE_KEYS,
  type Answer,
  type Assessment,
  type Department,
  type Organisation,
  type RecordKind,
  type Round,
  type Stamp,
  type Tombstone,
} from '@/domain/model/types'
import { sameAnswer } from '@/domain/model/answers'
import { catalogKey } from '@/domain/model/keys'
import { withStrategyTables, type BackupData, type ExchangeData } from './formats'
import { deepEqualJson } from '@/domain/model/equal'
import { lastChangeOfAgenda } from '@/domain/agenda/edit'
import { applyAgendaDecisions, mergeAgenda, type AgendaEntryConflict, type AgendaMergeCounts, type AgendaMergeResult } from '@/domain/agenda/merge'
import { compareEvents } from '@/domain/agenda/status'
import type { Agenda, StatusEvent } from '@/domain/agenda/types'
import type { ServiceRecord } from '@/domain/services/types'

export type MergeErrorCode = 'merge.foreignId' | 'merge.unknownOrganisation' | 'merge.unknownRound' | 'merge.unknownDepartment' | 'merge.catalogConflict'

export interface MergeError {
  code: MergeErrorCode
  params: Record<string, string>
}

export interface RecordCounts {
  added: number
  updated: number
  unchanged: number
  /** Deleted here because the file carries a newer deletion. */
  deleted: number
  /** Deleted here earlier, brought back because the file has a later change. */
  restored: number
  /** In the file, but deleted here later: stays deleted. */
  keptDeleted: number
}

export interface AnswerCounts {
  added: number
  /** Changed values taken from the file. */
  updated: number
  unchanged: number
  conflicts: number
}

/** An agenda entry changed on both sides to different values (see `AgendaEntryConflict`), with its agenda. */
export interface AgendaConflict extends AgendaEntryConflict {
  agendaId: string
}

/** An answer changed on both sides to different values. `winner` is what the merge took provisionally. */
export interface AnswerConflict {
  assessmentId: string
  itemId: string
  local: Answer
  incoming: Answer
  winner: 'local' | 'incoming'
}

export type MergeNoteCode = 'restored' | 'keptDeleted' | 'deleted' | 'keptNewer' | 'parentRestored'

/** Something the screen should say about one record (ids; the screen looks up names). */
export interface MergeNote {
  code: MergeNoteCode
  kind: RecordKind
  id: string
  /** The deletion involved. */
  deletedAt: string
  deletedBy: string
}

export interface MergeCounts {
  organisations: RecordCounts
  departments: RecordCounts
  rounds: RecordCounts
  assessments: RecordCounts
  answers: AnswerCounts
  catalogs: { added: number; unchanged: number }
  agendas: RecordCounts
  /** Entries of agendas present on both sides (as `mergeAgenda` counts them). */
  agendaEntries: AgendaMergeCounts['entries']
  agendaEvents: AgendaMergeCounts['events']
  services: RecordCounts
}

export type MergeResult =
  | {
      ok: true
      state: BackupData
      counts: MergeCounts
      conflicts: AnswerConflict[]
      /** Agenda entries changed concurrently on both sides; the later change was taken provisionally. */
      agendaConflicts: AgendaConflict[]
      notes: MergeNote[]
      changed: boolean
    }
  | { ok: false; errors: MergeError[] }

export interface MergeOptions {
  /**
   * For return files: the organisation, round and department must already exist here (or have
   * been deleted here); a return for something unknown is refused.
   */
  requireExisting?: boolean
}

type Table = 'organisations' | 'departments' | 'rounds' | 'assessments' | 'agendas' | 'services'
const TABLE_OF: Record<RecordKind, Table> = {
  organisation: 'organisations',
  department: 'departments',
  round: 'rounds',
  assessment: 'assessments',
  agenda: 'agendas',
  service: 'services',
}
type AnyRecord = Organisation | Department | Round | Assessment | Agenda | ServiceRecord

const orgOf = (kind: RecordKind, r: { id: string; orgId?: string }): string => (kind === 'organisation' ? r.id : (r.orgId ?? ''))

const emptyCounts = (): RecordCounts => ({ added: 0, updated: 0, unchanged: 0, deleted: 0, restored: 0, keptDeleted: 0 })

function sameValues(a: Answer, b: Answer): boolean {
  for (const k of ANSWER_VALUE_KEYS) if (a[k] !== b[k]) return false
  return true
}

/** Positive when `a` wins by "later change wins"; ties fully broken by the values themselves. */
function laterWins(a: Answer, b: Answer): boolean {
  const c = compareByTime(a, b)
  if (c !== 0) return c > 0
  return JSON.stringify(ANSWER_VALUE_KEYS.map((k) => a[k])) > JSON.stringify(ANSWER_VALUE_KEYS.map((k) => b[k]))
}

export interface AnswerMerge {
  answer: Answer
  /** By values: did the stored statement change, or is it a conflict? */
  outcome: 'unchanged' | 'updated' | 'conflict'
  winner: 'local' | 'incoming'
}

/** Merges two versions of one answer (see the module comment). Symmetric in its result `answer`. */
export function mergeAnswer(local: Answer, incoming: Answer): AnswerMerge {
  if (sameAnswer(local, incoming)) return { answer: local, outcome: 'unchanged', winner: 'local' }
  const order = isEmptyVector(local.vv) || isEmptyVector(incoming.vv) ? 'concurrent' : compareVectors(incoming.vv, local.vv)
  if (order === 'after') return { answer: incoming, outcome: sameValues(local, incoming) ? 'unchanged' : 'updated', winner: 'incoming' }
  if (order === 'before') return { answer: local, outcome: 'unchanged', winner: 'local' }
  // Concurrent (or no history): the later change is taken, with the history of both.
  const incomingWins = laterWins(incoming, local)
  const w = incomingWins ? incoming : local
  const answer: Answer = { ...w, vv: joinVectors(local.vv, incoming.vv), rev: Math.max(local.rev, incoming.rev) }
  const winner = incomingWins ? 'incoming' : 'local'
  if (sameValues(local, incoming)) return { answer, outcome: 'unchanged', winner }
  // Without history on either side there is no way to tell a conflict from an update: time decides.
  const conflict = order === 'concurrent' && !isEmptyVector(local.vv) && !isEmptyVector(incoming.vv)
  return { answer, outcome: conflict ? 'conflict' : incomingWins ? 'updated' : 'unchanged', winner }
}

const HEADER_KEYS = ['respondent', 'role', 'status', 'submittedAt', 'updatedAt', 'updatedBy', 'deviceId', 'rev'] as const

function mergeAssessment(local: Assessment, incoming: Assessment, counts: AnswerCounts, conflicts: AnswerConflict[]): Assessment {
  const headerWinner = compareByTime(incoming, local) > 0 ? incoming : local
  // The answers are copied only once one of them changes: restoring the same backup again leaves
  // every questionnaire as it is (then the local record itself is returned).
  let answers: Record<string, Answer> | null = null
  const theirAnswers = incoming.answers
  for (const itemId of Object.keys(theirAnswers)) {
    const theirs = theirAnswers[itemId]!
    const mine = local.answers[itemId]
    if (!mine) {
      answers ??= { ...local.answers }
      answers[itemId] = theirs
      counts.added++
      continue
    }
    const m = mergeAnswer(mine, theirs)
    if (m.answer !== mine) {
      answers ??= { ...local.answers }
      answers[itemId] = m.answer
    }
    if (m.outcome === 'conflict') {
      counts.conflicts++
      conflicts.push({ assessmentId: local.id, itemId, local: mine, incoming: theirs, winner: m.winner })
    } else if (m.outcome === 'updated') counts.updated++
    else counts.unchanged++
  }
  const createdAt = local.createdAt < incoming.createdAt ? local.createdAt : incoming.createdAt
  const activityAt = Date.parse(incoming.activityAt) > Date.parse(local.activityAt) ? incoming.activityAt : local.activityAt
  const sameHeader = headerWinner === local || HEADER_KEYS.every((k) => headerWinner[k] === local[k])
  if (answers === null && sameHeader && createdAt === local.createdAt && activityAt === local.activityAt) return local
  const merged: Assessment = { ...local, answers: answers ?? { ...local.answers }, createdAt, activityAt }
  for (const k of HEADER_KEYS) (merged as unknown as Record<string, unknown>)[k] = headerWinner[k]
  return merged
}

/** Latest change of a record; an agenda's includes its entries, removals and status events (`history`). */
function lastChange(kind: RecordKind, r: AnyRecord, history: readonly StatusEvent[] = []): number {
  if (kind === 'assessment') return Date.parse(lastChangeOfAssessment(r as Assessment))
  if (kind === 'agenda') return Date.parse(lastChangeOfAgenda(r as Agenda, history))
  return Date.parse(r.updatedAt)
}

/** Status events grouped by agenda id. */
function eventsByAgenda(events: readonly StatusEvent[]): Map<string, StatusEvent[]> {
  const out = new Map<string, StatusEvent[]>()
  for (const e of events) {
    const list = out.get(e.agendaId)
    if (list) list.push(e)
    else out.set(e.agendaId, [e])
  }
  return out
}

/** The later of two tombstones for the same record (deterministic). */
function laterTombstone(a: Tombstone, b: Tombstone): Tombstone {
  const ta = Date.parse(a.deletedAt)
  const tb = Date.parse(b.deletedAt)
  if (ta !== tb) return ta > tb ? a : b
  return a.deviceId >= b.deviceId ? a : b
}

/**
 * Merges `incoming` into `local`. `local` must hold every local record and tombstone that shares an
 * id with the file, the children of records the file deletes, and all status events of the agendas
 * it holds. Strategy tables missing on either side (a package) count as empty. Returns the new local
 * state (all tables) and what happened, or errors (then nothing may be written).
 */
export function mergeExchange(localData: ExchangeData, incomingData: ExchangeData, options: MergeOptions = {}): MergeResult {
  const local = withStrategyTables(localData)
  const incoming = withStrategyTables(incomingData)
  const maps = {
    organisations: new Map<string, AnyRecord>(local.organisations.map((r) => [r.id, r])),
    departments: new Map<string, AnyRecord>(local.departments.map((r) => [r.id, r])),
    rounds: new Map<string, AnyRecord>(local.rounds.map((r) => [r.id, r])),
    assessments: new Map<string, AnyRecord>(local.assessments.map((r) => [r.id, r])),
    agendas: new Map<string, AnyRecord>(local.agendas.map((r) => [r.id, r])),
    services: new Map<string, AnyRecord>(local.services.map((r) => [r.id, r])),
  }
  const tombs = new Map(local.tombstones.map((t) => [t.id, t]))
  /** Status events per agenda of the state being built (those of deleted agendas are dropped). */
  const history = eventsByAgenda(local.agendaEvents)
  const incomingHistory = eventsByAgenda(incoming.agendaEvents)
  const errors: MergeError[] = []

  // 1. Refuse what would mix organisations or what a return cannot belong to.
  const kinds: [RecordKind, AnyRecord[]][] = [
    ['organisation', incoming.organisations],
    ['department', incoming.departments],
    ['round', incoming.rounds],
    ['assessment', incoming.assessments],
    ['agenda', incoming.agendas],
    ['service', incoming.services],
  ]
  const checkOwner = (kind: RecordKind, id: string, orgId: string) => {
    const mine = maps[TABLE_OF[kind]].get(id)
    const tomb = tombs.get(id)
    const ownerHere = mine ? orgOf(kind, mine) : tomb?.orgId
    if (ownerHere !== undefined && ownerHere !== orgId) errors.push({ code: 'merge.foreignId', params: { kind, id } })
  }
  for (const [kind, rows] of kinds) for (const r of rows) checkOwner(kind, r.id, orgOf(kind, r))
  for (const t of incoming.tombstones) checkOwner(t.kind, t.id, t.orgId)
  if (options.requireExisting) {
    const known = (table: Table, id: string) => maps[table].has(id) || tombs.has(id)
    for (const o of incoming.organisations) if (!known('organisations', o.id)) errors.push({ code: 'merge.unknownOrganisation', params: { name: o.name } })
    if (errors.length === 0) {
      for (const r of incoming.rounds) if (!known('rounds', r.id)) errors.push({ code: 'merge.unknownRound', params: { name: r.name } })
      for (const d of incoming.departments) if (!known('departments', d.id)) errors.push({ code: 'merge.unknownDepartment', params: { name: d.name } })
    }
  }
  const localCatalogs = new Map(local.catalogs.map((c) => [catalogKey(c.id, c.version), c]))
  for (const c of incoming.catalogs) {
    const mine = localCatalogs.get(catalogKey(c.id, c.version))
    if (mine && !deepEqualJson(mine, c)) errors.push({ code: 'merge.catalogConflict', params: { id: c.id, version: c.version } })
  }
  // Agendas on both sides, merged by their own rules (refused: the copies belong to other organisations).
  const agendaMerges = new Map<string, Extract<AgendaMergeResult, { ok: true }>>()
  if (errors.length === 0) {
    for (const theirs of incoming.agendas) {
      const mine = maps.agendas.get(theirs.id) as Agenda | undefined
      if (!mine) continue
      const m = mergeAgenda({ agenda: mine, history: history.get(mine.id) ?? [] }, { agenda: theirs, history: incomingHistory.get(theirs.id) ?? [] })
      if (m.ok) agendaMerges.set(theirs.id, m)
      else errors.push({ code: 'merge.foreignId', params: { kind: 'agenda', id: theirs.id } })
    }
  }
  if (errors.length > 0) return { ok: false, errors }

  const counts: MergeCounts = {
    organisations: emptyCounts(),
    departments: emptyCounts(),
    rounds: emptyCounts(),
    assessments: emptyCounts(),
    answers: { added: 0, updated: 0, unchanged: 0, conflicts: 0 },
    catalogs: { added: 0, unchanged: 0 },
    agendas: emptyCounts(),
    agendaEntries: { added: 0, updated: 0, unchanged: 0, deleted: 0, restored: 0, keptDeleted: 0, conflicts: 0 },
    agendaEvents: { added: 0, unchanged: 0 },
    services: emptyCounts(),
  }
  const conflicts: AnswerConflict[] = []
  const agendaConflicts: AgendaConflict[] = []
  const notes: MergeNote[] = []
  /** Records of the file that stayed deleted here (candidates if a child needs its parent back). */
  const buried = new Map<string, AnyRecord>()
  const note = (code: MergeNoteCode, kind: RecordKind, id: string, t: Tombstone) => notes.push({ code, kind, id, deletedAt: t.deletedAt, deletedBy: t.deletedBy })

  /**
   * The latest deletion here that a record of the file (not stored here) did not outlive, as its
   * tombstone: its own, or one of a container (organisation; round and department of a
   * questionnaire) — a container deleted here takes the file's older children with it, as step 3
   * does for children stored here. Not later than the deletion = deleted.
   */
  const deletionOf = (kind: RecordKind, r: AnyRecord): Tombstone | undefined => {
    const ids = [r.id]
    if (kind === 'assessment') ids.push((r as Assessment).roundId, (r as Assessment).departmentId)
    if (kind !== 'organisation') ids.push(orgOf(kind, r))
    // Without a tombstone nothing can have deleted it: skip the last change (a scan of all answers).
    if (tombs.size === 0 || !ids.some((id) => tombs.has(id))) return undefined
    const changed = lastChange(kind, r, kind === 'agenda' ? incomingHistory.get(r.id) : undefined)
    let found: Tombstone | undefined
    for (const id of ids) {
      const t = tombs.get(id)
      if (t && changed <= Date.parse(t.deletedAt)) found = found ? laterTombstone(found, t) : t
    }
    return found && { ...found, id: r.id, kind, orgId: orgOf(kind, r) }
  }

  // 2. Records and questionnaires.
  for (const [kind, rows] of kinds) {
    const table = TABLE_OF[kind]
    const map = maps[table]
    const c = counts[table]
    for (const theirs of rows) {
      const mine = map.get(theirs.id)
      const tomb = tombs.get(theirs.id)
      if (mine) {
        if (kind === 'assessment') {
          const merged = mergeAssessment(mine as Assessment, theirs as Assessment, counts.answers, conflicts)
          if (deepEqualJson(merged, mine)) c.unchanged++
          else {
            c.updated++
            map.set(theirs.id, merged)
          }
        } else if (kind === 'agenda') {
          const m = agendaMerges.get(theirs.id)!
          for (const k of Object.keys(m.counts.entries) as (keyof AgendaMergeCounts['entries'])[]) counts.agendaEntries[k] += m.counts.entries[k]
          counts.agendaEvents.added += m.counts.events.added
          counts.agendaEvents.unchanged += m.counts.events.unchanged
          agendaConflicts.push(...m.conflicts.map((x) => ({ ...x, agendaId: theirs.id })))
          if (!m.changed) c.unchanged++
          else {
            c.updated++
            map.set(theirs.id, m.agenda)
            history.set(theirs.id, m.history)
          }
        } else if (deepEqualJson(mine, theirs)) c.unchanged++
        else if (compareByTime(theirs, mine) > 0) {
          c.updated++
          map.set(theirs.id, theirs)
        } else c.unchanged++
      } else {
        const deletion = deletionOf(kind, theirs)
        if (deletion) {
          c.keptDeleted++
          note('keptDeleted', kind, theirs.id, deletion)
          buried.set(theirs.id, theirs)
          tombs.set(theirs.id, deletion)
        } else {
          if (tomb) {
            c.restored++
            note('restored', kind, theirs.id, tomb)
            tombs.delete(theirs.id)
          } else c.added++
          map.set(theirs.id, theirs)
          if (kind === 'assessment') counts.answers.added += Object.keys((theirs as Assessment).answers).length
          if (kind === 'agenda') {
            const events = [...(incomingHistory.get(theirs.id) ?? [])].sort(compareEvents)
            history.set(theirs.id, events)
            counts.agendaEvents.added += events.length
          }
        }
      }
    }
  }

  // 3. Deletions from the file: a deletion beats every older change, never a newer one.
  const deletedNow = new Map<string, AnyRecord>()
  const deleteRecord = (kind: RecordKind, r: AnyRecord, t: Tombstone): void => {
    const table = TABLE_OF[kind]
    maps[table].delete(r.id)
    if (kind === 'agenda') history.delete(r.id)
    deletedNow.set(r.id, r)
    counts[table].deleted++
    note('deleted', kind, r.id, t)
    tombs.set(r.id, { ...t, id: r.id, kind, orgId: orgOf(kind, r) })
  }
  const childrenOf = (kind: RecordKind, id: string): [RecordKind, AnyRecord][] => {
    const out: [RecordKind, AnyRecord][] = []
    const field = kind === 'organisation' ? 'orgId' : kind === 'round' ? 'roundId' : kind === 'department' ? 'departmentId' : null
    if (!field) return out
    const push = (k: RecordKind, rows: Iterable<AnyRecord>) => {
      for (const r of rows) if ((r as unknown as Record<string, unknown>)[field] === id) out.push([k, r])
    }
    if (kind === 'organisation') {
      push('department', maps.departments.values())
      push('round', maps.rounds.values())
      push('agenda', maps.agendas.values())
      push('service', maps.services.values())
    }
    push('assessment', maps.assessments.values())
    return out
  }
  // Latest deletion first, so a record taken by several gets the latest (as `deletionOf` does).
  const latestFirst = (a: Tombstone, b: Tombstone) => Date.parse(b.deletedAt) - Date.parse(a.deletedAt) || (a.deviceId < b.deviceId ? 1 : a.deviceId > b.deviceId ? -1 : 0)
  for (const t of [...incoming.tombstones].sort(latestFirst)) {
    const mine = maps[TABLE_OF[t.kind]].get(t.id)
    if (mine) {
      // Not later than the deletion = deleted (as in step 2, where only a later change restores).
      if (lastChange(t.kind, mine, history.get(t.id)) <= Date.parse(t.deletedAt)) {
        // Children older than the deletion go with it; newer ones stay (and keep the parent, step 4).
        for (const [k, child] of childrenOf(t.kind, t.id)) if (lastChange(k, child, history.get(child.id)) <= Date.parse(t.deletedAt)) deleteRecord(k, child, t)
        deleteRecord(t.kind, mine, t)
      } else {
        counts[TABLE_OF[t.kind]].unchanged++
        note('keptNewer', t.kind, t.id, t)
      }
    } else {
      const existing = tombs.get(t.id)
      tombs.set(t.id, existing ? laterTombstone(existing, t) : t)
    }
  }

  // 4. A record that lives needs its parents: bring back a deleted parent rather than orphan a child.
  const incomingById = new Map<string, AnyRecord>()
  for (const [, rows] of kinds) for (const r of rows) incomingById.set(r.id, r)
  const localById = new Map<string, AnyRecord>()
  for (const r of [...local.organisations, ...local.departments, ...local.rounds]) localById.set(r.id, r)
  const revive = (kind: RecordKind, id: string): void => {
    const table = TABLE_OF[kind]
    if (maps[table].has(id)) return
    const tomb = tombs.get(id)
    if (!tomb) return
    const record = deletedNow.get(id) ?? buried.get(id) ?? incomingById.get(id) ?? localById.get(id)
    if (!record) return
    maps[table].set(id, record)
    tombs.delete(id)
    // One note per record: "brought back for its child" replaces "deleted" / "stays deleted".
    for (let i = notes.length - 1; i >= 0; i--) if (notes[i]!.id === id && (notes[i]!.code === 'deleted' || notes[i]!.code === 'keptDeleted')) notes.splice(i, 1)
    note('parentRestored', kind, id, tomb)
    if (deletedNow.delete(id)) counts[table].deleted--
    else {
      if (buried.delete(id)) counts[table].keptDeleted--
      counts[table].restored++
    }
  }
  for (const a of maps.assessments.values() as Iterable<Assessment>) {
    revive('round', a.roundId)
    revive('department', a.departmentId)
    revive('organisation', a.orgId)
  }
  for (const r of [...maps.departments.values(), ...maps.rounds.values(), ...maps.agendas.values(), ...maps.services.values()]) revive('organisation', (r as Department).orgId)

  // 5. Catalogues are immutable: a new id + version is added, a known one is unchanged.
  const catalogs = [...local.catalogs]
  for (const c of incoming.catalogs) {
    if (localCatalogs.has(catalogKey(c.id, c.version))) counts.catalogs.unchanged++
    else {
      counts.catalogs.added++
      catalogs.push(c)
      localCatalogs.set(catalogKey(c.id, c.version), c)
    }
  }

  const agendas = [...maps.agendas.values()] as Agenda[]
  const state: BackupData = {
    organisations: [...maps.organisations.values()] as Organisation[],
    departments: [...maps.departments.values()] as Department[],
    rounds: [...maps.rounds.values()] as Round[],
    assessments: [...maps.assessments.values()] as Assessment[],
    catalogs,
    tombstones: [...tombs.values()],
    agendas,
    agendaEvents: agendas.flatMap((a) => history.get(a.id) ?? []),
    services: [...maps.services.values()] as ServiceRecord[],
  }
  const changed = !isSameState(local, state)
  return { ok: true, state, counts, conflicts, agendaConflicts, notes, changed }
}

/** What to write so that the database goes from `before` to `after` (both subsets of the same ids). */
export interface StateDiff {
  put: BackupData
  remove: {
    organisations: string[]
    departments: string[]
    rounds: string[]
    assessments: string[]
    tombstones: string[]
    agendas: string[]
    agendaEvents: string[]
    services: string[]
  }
}

export function diffStates(beforeData: ExchangeData, afterData: ExchangeData): StateDiff {
  const before = withStrategyTables(beforeData)
  const after = withStrategyTables(afterData)
  const diffTable = <T extends { id: string }>(a: readonly T[], b: readonly T[]) => {
    const old = new Map(a.map((r) => [r.id, r]))
    const now = new Set(b.map((r) => r.id))
    return { put: b.filter((r) => !deepEqualJson(old.get(r.id), r)), remove: a.filter((r) => !now.has(r.id)).map((r) => r.id) }
  }
  const o = diffTable(before.organisations, after.organisations)
  const d = diffTable(before.departments, after.departments)
  const r = diffTable(before.rounds, after.rounds)
  const a = diffTable(before.assessments, after.assessments)
  const t = diffTable(before.tombstones, after.tombstones)
  const ag = diffTable(before.agendas, after.agendas)
  const ev = diffTable(before.agendaEvents, after.agendaEvents)
  const sv = diffTable(before.services, after.services)
  const known = new Set(before.catalogs.map((c) => catalogKey(c.id, c.version)))
  return {
    put: {
      organisations: o.put,
      departments: d.put,
      rounds: r.put,
      assessments: a.put,
      catalogs: after.catalogs.filter((c) => !known.has(catalogKey(c.id, c.version))),
      tombstones: t.put,
      agendas: ag.put,
      agendaEvents: ev.put,
      services: sv.put,
    },
    remove: { organisations: o.remove, departments: d.remove, rounds: r.remove, assessments: a.remove, tombstones: t.remove, agendas: ag.remove, agendaEvents: ev.remove, services: sv.remove },
  }
}

function isSameState(a: ExchangeData, b: ExchangeData): boolean {
  const diff = diffStates(a, b)
  return Object.values(diff.put).every((x) => x.length === 0) && Object.values(diff.remove).every((x) => x.length === 0)
}

export type ConflictDecision = 'auto' | 'mine' | 'theirs' | 'both'

/** Key of a conflict for the decisions map. */
export const conflictKey = (c: Pick<AnswerConflict, 'assessmentId' | 'itemId'>): string => `${c.assessmentId}\u0000${c.itemId}`

/** Key of an agenda entry conflict for the decisions map. */
export const agendaConflictKey = (c: Pick<AgendaConflict, 'agendaId' | 'entryId'>): string => `${c.agendaId}\u0000${c.entryId}`

/** The user's decisions on agenda entry conflicts (keys: `agendaConflictKey`; missing = 'auto'). */
export interface AgendaDecisions {
  conflicts: readonly AgendaConflict[]
  decisions: Readonly<Record<string, ConflictDecision>>
}

/**
 * Applies the user's decisions to a merged state. 'auto' keeps the later change the merge took;
 * 'mine' / 'theirs' write the chosen version again as a new change on this device (so it wins on
 * every device that merges later); 'both' keeps mine here and puts theirs into a second
 * questionnaire of the same department (one per original questionnaire, named after its author).
 * Agenda entry conflicts (optional `agenda`) are decided by `applyAgendaDecisions` ('both' adds
 * theirs as a further entry right after the original).
 */
export function applyDecisions(
  state: BackupData,
  conflicts: readonly AnswerConflict[],
  decisions: Readonly<Record<string, ConflictDecision>>,
  stamp: Stamp,
  newId: () => string,
  agenda?: AgendaDecisions,
): BackupData {
  const decided = agenda ? applyAgendaConflictDecisions(state, agenda, stamp, newId) : state
  return applyAnswerDecisions(decided, conflicts, decisions, stamp, newId)
}

function applyAgendaConflictDecisions(state: BackupData, agenda: AgendaDecisions, stamp: Stamp, newId: () => string): BackupData {
  const byAgenda = new Map<string, AgendaConflict[]>()
  for (const c of agenda.conflicts) {
    if ((agenda.decisions[agendaConflictKey(c)] ?? 'auto') === 'auto') continue
    byAgenda.set(c.agendaId, [...(byAgenda.get(c.agendaId) ?? []), c])
  }
  if (byAgenda.size === 0) return state
  const history = eventsByAgenda(state.agendaEvents)
  const agendas = state.agendas.map((a) => {
    const own = byAgenda.get(a.id)
    if (!own) return a
    const byEntry = Object.fromEntries(own.map((c) => [c.entryId, agenda.decisions[agendaConflictKey(c)] ?? 'auto']))
    const decided = applyAgendaDecisions({ agenda: a, history: history.get(a.id) ?? [] }, own, byEntry, stamp, newId)
    history.set(a.id, decided.history)
    return decided.agenda
  })
  return { ...state, agendas, agendaEvents: agendas.flatMap((a) => history.get(a.id) ?? []) }
}

function applyAnswerDecisions(
  state: BackupData,
  conflicts: readonly AnswerConflict[],
  decisions: Readonly<Record<string, ConflictDecision>>,
  stamp: Stamp,
  newId: () => string,
): BackupData {
  const assessments = new Map(state.assessments.map((a) => [a.id, a]))
  const copies = new Map<string, Assessment>()
  const touched = new Set<string>()
  const edit = (a: Assessment): Assessment => {
    if (touched.has(a.id)) return a
    const copy = { ...a, answers: { ...a.answers } }
    assessments.set(a.id, copy)
    touched.add(a.id)
    return copy
  }
  for (const c of conflicts) {
    const decision = decisions[conflictKey(c)] ?? 'auto'
    const current = assessments.get(c.assessmentId)
    if (decision === 'auto' || !current) continue
    const target = edit(current)
    const now = target.answers[c.itemId] ?? c.local
    const chosen = decision === 'theirs' ? c.incoming : c.local
    const vv = joinVectors(joinVectors(now.vv, c.local.vv), c.incoming.vv)
    target.answers[c.itemId] = {
      ...chosen,
      updatedAt: stamp.at,
      deviceId: stamp.deviceId,
      rev: Math.max(now.rev, c.local.rev, c.incoming.rev) + 1,
      vv: bumpVector(vv, stamp.deviceId),
    }
    target.activityAt = stamp.at
    if (decision === 'both') {
      let copy = copies.get(c.assessmentId)
      if (!copy) {
        const author = c.incoming.updatedBy || current.respondent
        copy = {
          ...current,
          id: newId(),
          respondent: author === current.respondent ? `${author} (2)`.trim() : author,
          role: 'respondent',
          answers: {},
          createdAt: stamp.at,
          updatedAt: stamp.at,
          updatedBy: stamp.by,
          deviceId: stamp.deviceId,
          rev: 1,
          activityAt: stamp.at,
        }
        copies.set(c.assessmentId, copy)
      }
      copy.answers[c.itemId] = { ...c.incoming, updatedBy: c.incoming.updatedBy || answerAuthor(copy, stamp) }
    }
  }
  return { ...state, assessments: [...assessments.values(), ...copies.values()] }
}

/** One file's part in a multi-file merge: its result against the state left by the files before it. */
export interface FileMergeInput {
  data: ExchangeData
  options?: MergeOptions
}

/**
 * Merges several files one after the other (in the given order) into `local`. A file with errors is
 * skipped and reported; the others fold. Returns the final state and each file's result.
 */
export function mergeFiles(local: ExchangeData, files: readonly FileMergeInput[]): { state: BackupData; results: MergeResult[] } {
  let state = withStrategyTables(local)
  const results: MergeResult[] = []
  for (const f of files) {
    const r = mergeExchange(state, f.data, f.options)
    results.push(r)
    if (r.ok) state = r.state
  }
  return { state, results }
}
