/**
 * The heavy part of importing and exporting exchange files, as plain functions: reading, parsing,
 * validating and checksumming files, reading the local records they touch, merging them and
 * writing the result (with the one write path of src/db/backup.ts: `applyStateDiff` or
 * `replaceAllData`, one transaction each) — and for the backup export the snapshot, the canonical
 * text and its checksum. `exchange.worker.ts` runs them off the page's thread; `exchange-client.ts`
 * calls them directly where there is no Worker (unit tests).
 *
 * A session keeps the checked files and the merged state between `check` and `apply`, on the
 * thread that made them: only the preview (counts, conflicts, names), the user's decisions and the
 * number of records written cross between threads, never the 20 MB of records themselves. The
 * page's live queries learn of the write through Dexie's cross-thread change event.
 */
import { applyMergedDiff, readMergeBase, readSnapshotInSlices, replaceAllData } from '@/db/backup'
import { newId } from '@/db/ids'
import { checksumCoveredBytes, checksumOfBytesAsync, type Digest } from '@/domain/exchange/checksum'
import type { BackupData, ExchangeFile, ParseExchangeResult } from '@/domain/exchange/formats'
import { applyDecisions, diffStates, mergeFiles, type ConflictDecision } from '@/domain/exchange/merge'
import { checksumMismatchError, notUtf8Error, parseExchange, verifyDeferredChecksum } from '@/domain/exchange/parse'
import { describeImport, type AgendaConflictRow, type ConflictRow, type ImportPreview } from '@/domain/exchange/preview'
import { backupTextParts, checksumTail, type BackupTextParts } from '@/domain/exchange/serialise'
import { catalogKey } from '@/domain/model/keys'
import type { Stamp } from '@/domain/model/types'
import { readUtf8WithBytes } from '@/platform/read-text'

/** What the page knows and the check needs: item ids of every catalogue version it knows, the built-in ones. */
export interface CheckContext {
  /** `catalogKey(id, version)` → item ids (built-in and stored catalogues). */
  knownItems: Record<string, readonly string[]>
  builtinCatalogs: readonly { id: string; version: string }[]
}

/** The preview, and what the page needs after applying (which questionnaire to open, which organisation). */
export interface CheckOutcome extends ImportPreview {
  /** Set when exactly one package with one questionnaire merged: the questionnaire to open. */
  openAssessmentId: string | null
  /** Organisations of the files that merged. */
  orgIds: string[]
  /** Whether a package (kind 'package') is among them. */
  hasPackage: boolean
  /** Whether the files that merged are exactly one full backup ("replace everything" is possible). */
  singleBackup: boolean
}

/** The user's decisions on the previewed conflicts (keys as in the preview rows). */
export interface ApplyRequest {
  stamp: Stamp
  decisions: Readonly<Record<string, ConflictDecision>>
  agendaDecisions: Readonly<Record<string, ConflictDecision>>
}

const subtle = (): Digest | undefined => globalThis.crypto?.subtle
const hex = (text: string): Promise<string> => checksumOfBytesAsync(new TextEncoder().encode(text), subtle())

/**
 * Reads and parses one file. The checksum of a file as the app wrote it is taken over its bytes
 * (started before parsing, so a native SHA-256 runs while the JSON is parsed); anything else takes
 * the slower way of `verifyDeferredChecksum`, with the same result.
 */
export async function readExchangeFile(file: Blob, context: CheckContext): Promise<ParseExchangeResult> {
  const read = await readUtf8WithBytes(file)
  if (!read.ok) return { ok: false, errors: [notUtf8Error()] }
  const fast = checksumCoveredBytes(read.bytes)
  const fastDigest = fast ? checksumOfBytesAsync(fast.covered, subtle()) : null
  // A rejected digest must not go unhandled while parsing runs; it only decides the fast path.
  fastDigest?.catch(() => undefined)
  const known = new Map(Object.entries(context.knownItems).map(([k, items]) => [k, new Set(items)]))
  const result = parseExchange(read.text, {
    knownCatalogItems: (id, version) => known.get(catalogKey(id, version)),
    builtinCatalogs: context.builtinCatalogs,
    deferChecksum: true,
  })
  if (!result.ok || !result.checksum) return result
  const deferred = result.checksum
  const fastOk = fast !== null && fastDigest !== null && fast.expected === deferred.expected && (await fastDigest.catch(() => '')) === deferred.expected
  if (fastOk || (await verifyDeferredChecksum(deferred, hex))) {
    const { checksum: _checked, ...rest } = result
    return rest
  }
  return { ok: false, errors: [checksumMismatchError()] }
}

export interface ExchangeSession {
  check(files: readonly File[], context: CheckContext): Promise<CheckOutcome>
  /**
   * Applies the previewed merge with the decisions: writes its difference with `applyStateDiff`
   * (one transaction: all or nothing; a failed write rejects with the browser's error). Returns
   * how many records were written or removed.
   */
  apply(request: ApplyRequest): Promise<number>
  /** "Replace everything" with the one backup checked (`replaceAllData`). Returns the records written. */
  replaceAll(): Promise<number>
  reset(): void
}

type ParsedFile = { name: string; result: ParseExchangeResult }
type GoodFile = { name: string; file: ExchangeFile }

/** Reads what the files touch and merges them in memory: the merge base, the merged state and the preview. */
async function mergeChecked(parsed: readonly ParsedFile[], good: readonly GoodFile[]) {
  const base = await readMergeBase(good.map((g) => g.file))
  const { state, results } = mergeFiles(
    base,
    good.map((g) => ({ data: g.file, options: { requireExisting: g.file.format === 'digitalisierungs-check/package' && g.file.kind === 'return' } })),
  )
  const preview = describeImport(parsed, good, base, state, results)
  return { base, state, results, preview }
}

export function createExchangeSession(): ExchangeSession {
  let pending: {
    parsed: ParsedFile[]
    good: GoodFile[]
    base: BackupData
    state: BackupData
    files: ExchangeFile[]
    conflicts: ConflictRow[]
    agendaConflicts: AgendaConflictRow[]
  } | null = null

  async function check(files: readonly File[], context: CheckContext): Promise<CheckOutcome> {
    pending = null
    const parsed = await Promise.all(files.map(async (f) => ({ name: f.name, result: await readExchangeFile(f, context) })))
    const good = parsed.flatMap((p) => (p.result.ok ? [{ name: p.name, file: p.result.file }] : []))
    const { base, state, results, preview } = await mergeChecked(parsed, good)
    const merged = good.filter((_, i) => results[i]!.ok).map((g) => g.file)
    pending = { parsed, good, base, state, files: merged, conflicts: preview.conflicts, agendaConflicts: preview.agendaConflicts }
    const packages = merged.filter((f) => f.format === 'digitalisierungs-check/package' && f.kind === 'package')
    return {
      ...preview,
      openAssessmentId: merged.length === 1 && packages.length === 1 && packages[0]!.assessments.length === 1 ? packages[0]!.assessments[0]!.id : null,
      orgIds: [...new Set(merged.flatMap((f) => f.organisations.map((o) => o.id)))],
      hasPackage: packages.length > 0,
      singleBackup: merged.length === 1 && merged[0]!.format === 'digitalisierungs-check/backup',
    }
  }

  async function apply(request: ApplyRequest): Promise<number> {
    let current = pending
    if (!current) throw new Error('Nothing checked to apply')
    // Written only if what the merge started from is still stored: a change made since the check
    // (another tab, the sync) is never overwritten by a merge that has not seen it. Then the same
    // files are merged again with what is stored now; the user's decisions keep their keys, a
    // conflict that is new takes the automatic choice.
    const written = await applyMergedDiff(
      async (again) => {
        if (again) {
          const merged = await mergeChecked(current!.parsed, current!.good)
          current = pending = { ...current!, base: merged.base, state: merged.state, conflicts: merged.preview.conflicts, agendaConflicts: merged.preview.agendaConflicts }
        }
        const { base, state, conflicts, agendaConflicts } = current!
        const final = applyDecisions(state, conflicts, request.decisions, request.stamp, newId, { conflicts: agendaConflicts, decisions: request.agendaDecisions })
        return { base, diff: diffStates(base, final) }
      },
      request.stamp.at,
      { offPage: true },
    )
    pending = null
    return written
  }

  async function replaceAll(): Promise<number> {
    const file = pending?.files.length === 1 ? pending.files[0] : undefined
    if (!file || file.format !== 'digitalisierungs-check/backup') throw new Error('No single backup checked')
    const written = await replaceAllData(file, undefined, { offPage: true })
    pending = null
    return written
  }

  return { check, apply, replaceAll, reset: () => void (pending = null) }
}

/** What a backup file's header says about where and when it was written. */
export interface BackupFileMeta {
  /** ISO time of the export. */
  now: string
  appVersion: string
  scoringModelVersion: string
  deviceId: string
}

/**
 * The full backup as a file: the snapshot of all tables in its canonical text with the checksum
 * (byte for byte what `serializeBackup` writes). The text is encoded once; the checksum is taken
 * over those bytes and the file assembled from them.
 */
export async function buildBackupBlob(meta: BackupFileMeta): Promise<Blob> {
  // Printed and encoded slice by slice while the database reads the next questionnaires.
  const encoder = new TextEncoder()
  const chunks: Uint8Array[] = []
  let parts: BackupTextParts | undefined
  let count = 0
  await readSnapshotInSlices(
    (tables) => {
      parts = backupTextParts(tables, { ...meta, now: new Date(meta.now) })
      chunks.push(encoder.encode(parts.head))
    },
    (slice) => {
      let text = ''
      for (const a of slice) text += parts!.assessment(a, count++)
      chunks.push(encoder.encode(text))
    },
  )
  chunks.push(encoder.encode(parts!.close(count) + parts!.tail))
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let at = 0
  for (const c of chunks) {
    bytes.set(c, at)
    at += c.length
  }
  const checksum = await checksumOfBytesAsync(bytes, subtle())
  // The canonical text ends with "\n}\n" (ASCII), which the checksum line replaces.
  return new Blob([bytes.subarray(0, bytes.length - 3), checksumTail(checksum)], { type: 'application/json' })
}

