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
import { readPackageData } from '@/db/backup'
import { listStoredCatalogs } from '@/db/catalogs'
import { attachChecksum, canonicalText, createPackage } from '@/domain/exchange/serialise'
import type { ExchangeFile, PackageKind } from '@/domain/exchange/formats'
import type { ConflictDecision } from '@/domain/exchange/merge'
import type { AgendaConflictRow, ConflictRow, ImportEntry } from '@/domain/exchange/preview'
import { checksumOfAsync } from '@/domain/exchange/checksum'
import { SCORING_MODEL_VERSION } from '@/domain/analysis/method'
import { catalogKey } from '@/domain/model/keys'
import { downloadText, safeFileName } from '@/platform/download'
import { applyChecked, checkFiles, prepareExchange, replaceWithChecked, resetChecked } from '@/workers/exchange-client'
import type { CheckOutcome } from '@/workers/exchange-session'
import { useCatalogStore } from './catalogs'
import { useSessionStore } from './session'

export type { AgendaConflictRow, ConflictRow, FileKind, ImportEntry } from '@/domain/exchange/preview'

/** SHA-256 via WebCrypto where the page has it (secure context), else the pure-JS hash. */
export const sha256 = (text: string): Promise<string> => checksumOfAsync(text, globalThis.crypto?.subtle)

/** The file text with its checksum (as serializeBackup, with the faster hash). */
export async function serializeFile(file: ExchangeFile): Promise<string> {
  const text = canonicalText(file)
  return attachChecksum(text, await sha256(text))
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
  /** What the checked files would do (the merged records themselves stay with the exchange worker). */
  let pending: CheckOutcome | null = null
  /** Counts checks, so that the result of a check overtaken by a newer one is dropped. */
  let generation = 0
  /** Item ids of every catalogue version this browser knows (built in and stored), by `catalogKey`. */
  async function knownItems(): Promise<Record<string, string[]>> {
    const catalogs = useCatalogStore()
    const map: Record<string, string[]> = {}
    for (const c of BUILTIN_CATALOGS) {
      const cat = await catalogs.load(c)
      map[catalogKey(cat.id, cat.version)] = cat.items.map((i) => i.id)
    }
    for (const s of await listStoredCatalogs()) map[catalogKey(s.id, s.version)] = s.catalog.items.map((i) => i.id)
    return map
  }

  /** Gets the import worker ready (a screen with an import calls it when idle). */
  function prepare(): void {
    prepareExchange()
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
    if (pending) void resetChecked().catch(() => undefined)
    pending = null
  }

  /**
   * Reads, validates and merges (in memory) the chosen files; shows the preview. Writes nothing.
   * The work runs in the exchange worker (src/workers/): the page stays responsive.
   */
  async function check(files: readonly File[]): Promise<void> {
    reset()
    if (files.length === 0) return
    phase.value = 'checking'
    const mine = ++generation
    prepareExchange()
    try {
      const builtinCatalogs = BUILTIN_CATALOGS.map((b) => ({ id: b.catalogId, version: b.catalogVersion }))
      const outcome = await checkFiles(files, { knownItems: await knownItems(), builtinCatalogs })
      if (mine !== generation) return
      conflicts.value = outcome.conflicts
      decisions.value = Object.fromEntries(outcome.conflicts.map((c) => [c.key, 'auto' as ConflictDecision]))
      agendaConflicts.value = outcome.agendaConflicts
      agendaDecisions.value = Object.fromEntries(outcome.agendaConflicts.map((c) => [c.key, 'auto' as ConflictDecision]))
      entries.value = outcome.entries
      pending = outcome
      phase.value = 'preview'
      // Question texts and measure titles for the conflict lists.
      const catalogs = useCatalogStore()
      const refs = [...conflicts.value.map((c) => ({ catalogId: c.catalogId, catalogVersion: c.catalogVersion })), ...agendaConflicts.value.flatMap((c) => (c.catalog ? [c.catalog] : []))]
      await Promise.all(refs.map((ref) => catalogs.load(ref).catch(() => undefined)))
    } catch (e) {
      if (mine !== generation) return
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
    const orgIds = pending?.orgIds ?? []
    const orgId = orgIds.length === 1 ? orgIds[0]! : null
    if (orgId && (pending?.hasPackage || replaced)) await useSessionStore().setActiveOrg(orgId)
    outcome.value = { written, openAssessmentId: pending?.openAssessmentId ?? null, orgId, replaced }
    phase.value = 'done'
    pending = null
  }

  /** Applies the previewed merge with the chosen conflict decisions, in one transaction. */
  async function apply(): Promise<void> {
    if (!pending || phase.value !== 'preview' || !applicable()) return
    phase.value = 'applying'
    try {
      const stamp = await makeStamp()
      // The worker that checked the files writes the merge (applyStateDiff, one transaction).
      const written = await applyChecked({ stamp: { ...stamp }, decisions: { ...decisions.value }, agendaDecisions: { ...agendaDecisions.value } })
      await finish(written, false)
    } catch (e) {
      console.error('import failed', e)
      failure.value = e instanceof Error ? `${e.name}: ${e.message}` : String(e)
      phase.value = 'failed'
    }
  }

  /** "Replace everything" with the one backup in the preview (confirmed separately by the user). */
  async function replaceAll(): Promise<void> {
    if (!pending?.singleBackup || phase.value !== 'preview') return
    phase.value = 'applying'
    try {
      const written = await replaceWithChecked()
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

  return { phase, entries, conflicts, decisions, agendaConflicts, agendaDecisions, outcome, failure, check, decide, decideAgenda, applicable, apply, replaceAll, reset, prepare, exportPackage }
})
