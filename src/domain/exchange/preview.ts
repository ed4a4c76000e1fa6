/**
 * What the import screen shows before anything is written: per file what it is about and what the
 * merge would add, update or leave, and the conflicts with the names a person needs to decide them.
 * Pure: built from the parse results, the local records read for the merge, and the merge results.
 */
import { compareEntries } from '@/domain/agenda/edit'
import type { Agenda, AgendaEntry } from '@/domain/agenda/types'
import type { CatalogRef } from '@/domain/model/types'
import type { BackupData, BackupError, BackupWarning, ExchangeFile, PackageKind, ParseExchangeResult } from './formats'
import { agendaConflictKey, conflictKey, type AgendaConflict, type AnswerConflict, type MergeCounts, type MergeError, type MergeNote, type MergeResult } from './merge'

export type FileKind = 'backup' | PackageKind

/** One file in an import, as the preview shows it. */
export interface ImportEntry {
  name: string
  kind: FileKind | null
  /** Validation errors or merge errors (codes and parameters; the screen words them). */
  parseErrors: BackupError[]
  mergeErrors: MergeError[]
  warnings: BackupWarning[]
  counts: MergeCounts | null
  notes: (MergeNote & { name: string })[]
  conflicts: number
  /** False when applying this file would change nothing. */
  changed: boolean
  /** What the file is about, for the list. */
  organisation: string
  round: string
  department: string
  respondents: string[]
}

/** A conflict with the names the screen needs. */
export interface ConflictRow extends AnswerConflict {
  key: string
  fileName: string
  department: string
  round: string
  respondent: string
  catalogId: string
  catalogVersion: string
}

/** An agenda entry conflict with the names the screen needs. */
export interface AgendaConflictRow extends AgendaConflict {
  key: string
  fileName: string
  /** The agenda's name and version, e.g. "Digitale Agenda 1.0". */
  agendaName: string
  /** The agenda's catalogue (for measure titles); null when it has none. */
  catalog: CatalogRef | null
  /** Names of the departments and Handlungsfelder the two versions refer to, by id. */
  names: Record<string, string>
  /** Place (1-based) each version would take among the agenda's other entries. */
  position: { local: number; incoming: number }
}

/** The preview of an import: one entry per file (in the given order) and the conflicts to decide. */
export interface ImportPreview {
  entries: ImportEntry[]
  /** Answer conflicts; a later file's conflict on the same answer replaces an earlier one. */
  conflicts: ConflictRow[]
  /** Agenda entry conflicts; likewise the last file's conflict on an entry counts. */
  agendaConflicts: AgendaConflictRow[]
}

/** 1-based place of `entry` among the other entries of `agenda` (their order as stored). */
function positionIn(agenda: Agenda | undefined, entry: AgendaEntry): number {
  return 1 + (agenda?.entries.filter((e) => e.id !== entry.id && compareEntries(e, entry) < 0).length ?? 0)
}

/**
 * Builds the preview. `parsed` are all chosen files with their parse results; `good` the files that
 * parsed (in the order they were merged, `results[i]` belongs to `good[i]`); `base` the local
 * records read for the merge and `state` the merged state.
 */
export function describeImport(
  parsed: readonly { name: string; result: ParseExchangeResult }[],
  good: readonly { name: string; file: ExchangeFile }[],
  base: BackupData,
  state: BackupData,
  results: readonly MergeResult[],
): ImportPreview {
  const names = new Map<string, string>()
  for (const data of [base, ...good.map((g) => g.file)]) {
    for (const r of [...data.organisations, ...data.rounds, ...data.departments, ...('agendas' in data ? data.agendas : []), ...('services' in data ? data.services : [])]) names.set(r.id, r.name)
  }
  for (const data of [base, ...good.map((g) => g.file)]) {
    for (const a of data.assessments) names.set(a.id, `${names.get(a.departmentId) ?? ''} – ${a.respondent || '–'}`)
  }
  const rows: ConflictRow[] = []
  const agendaRows: AgendaConflictRow[] = []
  // Handlungsfeld titles of every agenda involved (the merged header may have dropped one).
  for (const a of [...base.agendas, ...good.flatMap((g) => ('agendas' in g.file ? g.file.agendas : [])), ...state.agendas]) {
    for (const h of a.handlungsfelder) names.set(h.id, h.title)
  }
  const mergedAgendas = new Map(state.agendas.map((a) => [a.id, a]))
  const entries: ImportEntry[] = parsed.map((p) => {
    const entry: ImportEntry = { name: p.name, kind: null, parseErrors: [], mergeErrors: [], warnings: [], counts: null, notes: [], conflicts: 0, changed: false, organisation: '', round: '', department: '', respondents: [] }
    if (!p.result.ok) return { ...entry, parseErrors: p.result.errors }
    const file = p.result.file
    const r = results[good.findIndex((g) => g.file === file)]!
    const kind: FileKind = file.format === 'digitalisierungs-check/package' ? file.kind : 'backup'
    const described = {
      ...entry,
      kind,
      warnings: p.result.warnings,
      organisation: file.organisations.map((o) => o.name).join(', '),
      round: file.format === 'digitalisierungs-check/package' ? (file.rounds[0]?.name ?? '') : '',
      department: file.format === 'digitalisierungs-check/package' ? (file.departments[0]?.name ?? '') : '',
      respondents: file.format === 'digitalisierungs-check/package' ? file.assessments.map((a) => a.respondent) : [],
    }
    if (!r.ok) return { ...described, mergeErrors: r.errors }
    if (r.conflicts.length > 0) {
      const byId = new Map(file.assessments.map((a) => [a.id, a]))
      for (const c of r.conflicts) {
        const a = byId.get(c.assessmentId)
        const round = file.rounds.find((x) => x.id === a?.roundId)
        rows.push({
          ...c,
          key: conflictKey(c),
          fileName: p.name,
          department: names.get(a?.departmentId ?? '') ?? '',
          round: round?.name ?? '',
          respondent: a?.respondent ?? '',
          catalogId: round?.catalogId ?? '',
          catalogVersion: round?.catalogVersion ?? '',
        })
      }
    }
    for (const c of r.agendaConflicts) {
      const agenda = mergedAgendas.get(c.agendaId) ?? ('agendas' in file ? file.agendas.find((a) => a.id === c.agendaId) : undefined)
      const ids = [c.local.ownerDepartmentId, c.incoming.ownerDepartmentId, c.local.handlungsfeldId, c.incoming.handlungsfeldId].filter((id): id is string => id !== null)
      agendaRows.push({
        ...c,
        key: agendaConflictKey(c),
        fileName: p.name,
        agendaName: agenda ? `${agenda.name} ${agenda.version}`.trim() : '',
        catalog: agenda?.source ? { catalogId: agenda.source.catalogId, catalogVersion: agenda.source.catalogVersion } : null,
        names: Object.fromEntries(ids.map((id) => [id, names.get(id) ?? id])),
        position: { local: positionIn(agenda, c.local), incoming: positionIn(agenda, c.incoming) },
      })
    }
    return { ...described, changed: r.changed, counts: r.counts, notes: r.notes.map((n) => ({ ...n, name: names.get(n.id) ?? n.id })), conflicts: r.conflicts.length }
  })
  return {
    entries,
    conflicts: [...new Map(rows.map((c) => [c.key, c])).values()],
    agendaConflicts: [...new Map(agendaRows.map((c) => [c.key, c])).values()],
  }
}
