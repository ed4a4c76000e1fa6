/**
 * Import of exchange files — department packages, returns and full backups, one or many at once —
 * through the one merge (src/domain/exchange/merge.ts), and export of packages and returns.
 *
 * Flow: `check(files)` reads and validates every file, reads the local records they touch, merges
 * them one after the other and shows per file what would be added, updated, unchanged or in
 * conflict. Nothing is written until `apply()`, which applies the user's conflict decisions (on
 * answers and on Digitale Agenda entries) and writes the difference in one transaction. A rejected
 * file changes nothing; a failed write changes nothing either (the transaction is rolled back) and
 * is reported.
 */
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { BUILTIN_CATALOGS } from '@/catalogs'
import { deviceIdentity, makeStamp } from '@/commands/stamp'
import { createAssessment } from '@/commands/assessments'
import { applyStateDiff, readMergeBase, readPackageData, replaceAllData } from '@/db/backup'
import { listStoredCatalogs } from '@/db/catalogs'
import { newId } from '@/db/ids'
import { attachChecksum, canonicalText, createPackage } from '@/domain/exchange/serialise'
import { checksumMismatchError, notUtf8Error, parseExchange, verifyDeferredChecksum } from '@/domain/exchange/parse'
import { readUtf8 } from '@/platform/read-text'
import type { BackupData, BackupError, BackupWarning, ExchangeFile, PackageKind } from '@/domain/exchange/formats'
import {
  agendaConflictKey,
  applyDecisions,
  conflictKey,
  diffStates,
  mergeFiles,
  type AgendaConflict,
  type AnswerConflict,
  type ConflictDecision,
  type MergeCounts,
  type MergeError,
  type MergeNote,
} from '@/domain/exchange/merge'
import { checksumOfAsync } from '@/domain/exchange/checksum'
import { SCORING_MODEL_VERSION } from '@/domain/analysis/method'
import { catalogKey } from '@/domain/model/keys'
import type { CatalogRef } from '@/domain/model/types'
import { compareEntries } from '@/domain/agenda/edit'
import type { Agenda, AgendaEntry } from '@/domain/agenda/types'
import { downloadText, safeFileName } from '@/platform/download'
import { useCatalogStore } from './catalogs'
import { useSessionStore } from './session'

export type FileKind = 'backup' | PackageKind

/** SHA-256 via WebCrypto where the page has it (secure context), else the pure-JS hash. */
export const sha256 = (text: string): Promise<string> => checksumOfAsync(text, globalThis.crypto?.subtle)

/** The file text with its checksum (as serializeBackup, with the faster hash). */
export async function serializeFile(file: ExchangeFile): Promise<string> {
  const text = canonicalText(file)
  return attachChecksum(text, await sha256(text))
}

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

/** 1-based place of `entry` among the other entries of `agenda` (their order as stored). */
function positionIn(agenda: Agenda | undefined, entry: AgendaEntry): number {
  return 1 + (agenda?.entries.filter((e) => e.id !== entry.id && compareEntries(e, entry) < 0).length ?? 0)
}

export type ImportPhase = 'idle' | 'checking' | 'preview' | 'applying' | 'done' | 'failed'

export interface ImportOutcome {
  written: number
  /** Set when one package with one questionnaire was opened: the questionnaire to show. */
  openAssessmentId: string | null
  orgId: string | null
  replaced: boolean
}

export const useExchangeStore = defineStore('exchange', () => {
  // shallowRef: replaced, never mutated (no reactive proxies reach IndexedDB; large data stays raw).
  const phase = shallowRef<ImportPhase>('idle')
  const entries = shallowRef<ImportEntry[]>([])
  const conflicts = shallowRef<ConflictRow[]>([])
  const decisions = shallowRef<Record<string, ConflictDecision>>({})
  const agendaConflicts = shallowRef<AgendaConflictRow[]>([])
  const agendaDecisions = shallowRef<Record<string, ConflictDecision>>({})
  const outcome = shallowRef<ImportOutcome | null>(null)
  const failure = shallowRef<string | null>(null)
  let pending: { base: BackupData; state: BackupData; files: ExchangeFile[] } | null = null

  async function knownItems(): Promise<(id: string, version: string) => ReadonlySet<string> | undefined> {
    const catalogs = useCatalogStore()
    const map = new Map<string, Set<string>>()
    for (const c of BUILTIN_CATALOGS) {
      const cat = await catalogs.load(c)
      map.set(catalogKey(cat.id, cat.version), new Set(cat.items.map((i) => i.id)))
    }
    for (const s of await listStoredCatalogs()) map.set(catalogKey(s.id, s.version), new Set(s.catalog.items.map((i) => i.id)))
    return (id, version) => map.get(catalogKey(id, version))
  }

  function reset(): void {
    phase.value = 'idle'
    entries.value = []
    conflicts.value = []
    decisions.value = {}
    agendaConflicts.value = []
    agendaDecisions.value = {}
    outcome.value = null
    failure.value = null
    pending = null
  }

  /** Reads, validates and merges (in memory) the chosen files; shows the preview. Writes nothing. */
  async function check(files: readonly File[]): Promise<void> {
    reset()
    if (files.length === 0) return
    phase.value = 'checking'
    try {
      const known = await knownItems()
      const builtinCatalogs = BUILTIN_CATALOGS.map((b) => ({ id: b.catalogId, version: b.catalogVersion }))
      const parsed = await Promise.all(
        [...files].map(async (f) => {
          const read = await readUtf8(f)
          if (!read.ok) return { name: f.name, result: { ok: false as const, errors: [notUtf8Error()] } }
          const result = parseExchange(read.text, { knownCatalogItems: known, builtinCatalogs, deferChecksum: true })
          // The checksum with the browser's native SHA-256 (much faster on a large backup).
          if (result.ok && result.checksum && !(await verifyDeferredChecksum(result.checksum, sha256))) {
            return { name: f.name, result: { ok: false as const, errors: [checksumMismatchError()] } }
          }
          return { name: f.name, result }
        }),
      )
      const good = parsed.flatMap((p) => (p.result.ok ? [{ name: p.name, file: p.result.file, warnings: p.result.warnings }] : []))
      const base = await readMergeBase(good.map((g) => g.file))
      const { state, results } = mergeFiles(
        base,
        good.map((g) => ({ data: g.file, options: { requireExisting: g.file.format === 'digitalisierungs-check/package' && g.file.kind === 'return' } })),
      )
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
      const list: ImportEntry[] = parsed.map((p) => {
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
      // A later file's conflict on the same answer replaces an earlier one (it was merged last).
      const byKey = new Map(rows.map((c) => [c.key, c]))
      conflicts.value = [...byKey.values()]
      decisions.value = Object.fromEntries(conflicts.value.map((c) => [c.key, 'auto' as ConflictDecision]))
      // Agenda entries likewise: the last file's conflict on an entry counts.
      agendaConflicts.value = [...new Map(agendaRows.map((c) => [c.key, c])).values()]
      agendaDecisions.value = Object.fromEntries(agendaConflicts.value.map((c) => [c.key, 'auto' as ConflictDecision]))
      entries.value = list
      pending = { base, state, files: good.filter((_, i) => results[i]!.ok).map((g) => g.file) }
      phase.value = 'preview'
      // Question texts and measure titles for the conflict lists.
      const catalogs = useCatalogStore()
      const refs = [...conflicts.value.map((c) => ({ catalogId: c.catalogId, catalogVersion: c.catalogVersion })), ...agendaConflicts.value.flatMap((c) => (c.catalog ? [c.catalog] : []))]
      await Promise.all(refs.map((ref) => catalogs.load(ref).catch(() => undefined)))
    } catch (e) {
      console.error('import check failed', e)
      failure.value = e instanceof Error ? e.message : String(e)
      phase.value = 'failed'
    }
  }

  function decide(key: string, decision: ConflictDecision): void {
    decisions.value = { ...decisions.value, [key]: decision }
  }

  /** The user's decision on an agenda entry conflict (key: `agendaConflictKey`). */
  function decideAgenda(key: string, decision: ConflictDecision): void {
    agendaDecisions.value = { ...agendaDecisions.value, [key]: decision }
  }

  /** True when applying would change something: a file with changes, or a conflict to decide. */
  function applicable(): boolean {
    return pending !== null && (entries.value.some((e) => e.changed) || conflicts.value.length > 0 || agendaConflicts.value.length > 0)
  }

  async function finish(written: number, replaced: boolean): Promise<void> {
    const files = pending?.files ?? []
    const packages = files.filter((f) => f.format === 'digitalisierungs-check/package' && f.kind === 'package')
    const single = files.length === 1 && packages.length === 1 && packages[0]!.assessments.length === 1 ? packages[0]!.assessments[0]!.id : null
    const orgIds = [...new Set(files.flatMap((f) => f.organisations.map((o) => o.id)))]
    const orgId = orgIds.length === 1 ? orgIds[0]! : null
    if (orgId && (packages.length > 0 || replaced)) await useSessionStore().setActiveOrg(orgId)
    outcome.value = { written, openAssessmentId: single, orgId, replaced }
    phase.value = 'done'
    pending = null
  }

  /** Applies the previewed merge with the chosen conflict decisions, in one transaction. */
  async function apply(): Promise<void> {
    if (!pending || phase.value !== 'preview' || !applicable()) return
    phase.value = 'applying'
    try {
      const stamp = await makeStamp()
      const final = applyDecisions(pending.state, conflicts.value, decisions.value, stamp, newId, { conflicts: agendaConflicts.value, decisions: agendaDecisions.value })
      const written = await applyStateDiff(diffStates(pending.base, final), stamp.at)
      await finish(written, false)
    } catch (e) {
      console.error('import failed', e)
      failure.value = e instanceof Error ? `${e.name}: ${e.message}` : String(e)
      phase.value = 'failed'
    }
  }

  /** "Replace everything" with the one backup in the preview (confirmed separately by the user). */
  async function replaceAll(): Promise<void> {
    const file = pending?.files.length === 1 ? pending.files[0] : undefined
    if (!file || file.format !== 'digitalisierungs-check/backup' || phase.value !== 'preview') return
    phase.value = 'applying'
    try {
      const written = await replaceAllData(file)
      await finish(written, true)
    } catch (e) {
      console.error('replace failed', e)
      failure.value = e instanceof Error ? `${e.name}: ${e.message}` : String(e)
      phase.value = 'failed'
    }
  }

  /**
   * Exports a department package (kind 'package', to send out) or a return (answers sent back).
   * Without questionnaire ids: all of the department's questionnaires; a department without one
   * gets a new, empty questionnaire first (so the package always carries one to fill in).
   * `fileLabel` starts the file name in the user's language (e.g. "Fragebogen", "Answers").
   */
  async function exportPackage(kind: PackageKind, roundId: string, departmentId: string, fileLabel: string, assessmentIds?: readonly string[]): Promise<string | null> {
    let data = await readPackageData(roundId, departmentId, assessmentIds)
    if (data && data.assessments.length === 0 && kind === 'package') {
      await createAssessment({ orgId: data.organisation.id, roundId, departmentId, respondent: '' })
      data = await readPackageData(roundId, departmentId)
    }
    if (!data || data.assessments.length === 0) return null
    const { deviceId } = await deviceIdentity()
    const now = new Date()
    const file = createPackage(
      kind,
      { organisation: data.organisation, round: data.round, department: data.department, assessments: data.assessments.filter((a) => kind === 'package' || a.role === 'respondent'), catalog: data.catalog },
      { now, appVersion: __APP_VERSION__, scoringModelVersion: SCORING_MODEL_VERSION, deviceId },
    )
    const who = assessmentIds?.length === 1 ? data.assessments[0]?.respondent : ''
    const name = safeFileName(`${fileLabel}-${data.department.name}${who ? `-${who}` : ''}-${data.round.name}`)
    const fileName = `${name}.json`
    downloadText(fileName, await serializeFile(file), 'application/json')
    return fileName
  }

  return { phase, entries, conflicts, decisions, agendaConflicts, agendaDecisions, outcome, failure, check, decide, decideAgenda, applicable, apply, replaceAll, reset, exportPackage }
})
