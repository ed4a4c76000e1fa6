/**
 * Incremental analysis of one round: `createRoundAnalyser()` returns an `analyse` with the same
 * input and result as `analyseRound`, which keeps the department part of the previous call
 * (consensus, department score, gaps, extreme items — see `DepartmentPart`) for every department
 * whose inputs did not change, and recomputes only the changed departments plus the
 * organisation-level steps (organisation score, Fundament, recommendations, roadmap).
 *
 * A department's part is reused when, compared with the previous call:
 * - the catalogue is the same object (catalogues are immutable, as for `indexCatalog`);
 * - the round's dimension targets and the options the part reads (`spreadThreshold`,
 *   `coverageThreshold`) have the same values;
 * - the department has the same id and kind (the only department fields the part reads);
 * - its assessments of the round are the same, in the same order: same id, role, respondent and
 *   the same answers — each answer the same object as last time or equal field by field.
 * Assessments are compared against a snapshot of their answer lists taken at the previous call,
 * so replacing an answer inside an existing assessment object (as the database's `modify` does)
 * is seen. An answer object itself must not be changed in place (edits make a new one, see
 * `applyAnswerPatch`). The result deep-equals `analyseRound(input)`; unchanged departments share
 * their part's lists (consensus, gaps …) with the previous result, so treat results as read-only.
 */
import type { Answer, Assessment, Catalog, DepartmentKind } from '@/domain/model/types'
import {
  analyseDepartment,
  type AnalysisInput,
  type AnalysisResult,
  type DepartmentPart,
  finishRound,
  groupAssessments,
  roundContext,
} from './analysis'
import { DEFAULT_SPREAD_THRESHOLD } from './consensus'
import { DEFAULT_COVERAGE_THRESHOLD } from './scoring'

/** How the last call of `analyse` came about (for tests and diagnostics). */
export interface RoundAnalyserStats {
  /** Departments whose part was taken from the previous call. */
  reused: number
  /** Departments analysed afresh. */
  computed: number
}

export interface RoundAnalyser {
  /** `analyseRound(input)`, reusing the parts of unchanged departments (see the module comment). */
  analyse(input: AnalysisInput): AnalysisResult
  /** Counts of the last call. */
  readonly stats: Readonly<RoundAnalyserStats>
  /** Forgets the previous call: the next one analyses every department. */
  reset(): void
}

/** What an assessment looked like when its department's part was computed. */
interface AssessmentSnapshot {
  id: string
  role: Assessment['role']
  respondent: string
  /** The item ids of its answers record (key order) and the answer objects at that time. */
  itemIds: string[]
  values: Answer[]
}

interface DepartmentEntry {
  kind: DepartmentKind
  assessments: AssessmentSnapshot[]
  part: DepartmentPart
}

/** Everything outside the department's own records that its part depends on. */
interface SharedInputs {
  catalog: Catalog
  /** The round's dimension targets as [dimension id, level] pairs, sorted by id. */
  targets: [string, number][]
  spreadThreshold: number
  coverageThreshold: number
}

const NO_ASSESSMENTS: readonly Assessment[] = []

/** A memoising round analyser (see the module comment); one per screen or store that re-analyses a round. */
export function createRoundAnalyser(): RoundAnalyser {
  let previousInputs: SharedInputs | null = null
  let previousEntries = new Map<string, DepartmentEntry>()
  const stats: RoundAnalyserStats = { reused: 0, computed: 0 }

  function analyse(input: AnalysisInput): AnalysisResult {
    const context = roundContext(input)
    const { warnings, byDepartment } = groupAssessments(input)
    const shared = sharedInputsOf(input)
    const before = previousInputs !== null && sameSharedInputs(previousInputs, shared) ? previousEntries : undefined
    const entries = new Map<string, DepartmentEntry>()
    stats.reused = 0
    stats.computed = 0
    const parts = input.departments.map((department) => {
      const own = byDepartment.get(department.id) ?? NO_ASSESSMENTS
      const old = before?.get(department.id)
      if (old && old.kind === department.kind && sameAssessments(old.assessments, own)) {
        entries.set(department.id, old)
        stats.reused++
        return old.part
      }
      const part = analyseDepartment(context, department, own)
      entries.set(department.id, { kind: department.kind, assessments: own.map(snapshotOf), part })
      stats.computed++
      return part
    })
    previousInputs = shared
    previousEntries = entries
    return finishRound(input, context, parts, warnings)
  }

  return {
    analyse,
    stats,
    reset() {
      previousInputs = null
      previousEntries = new Map()
    },
  }
}

function sharedInputsOf(input: AnalysisInput): SharedInputs {
  const options = input.options ?? {}
  const targets = Object.keys(input.round.dimensionTargets)
    .sort()
    .map((id): [string, number] => [id, input.round.dimensionTargets[id] as number])
  return {
    catalog: input.catalog,
    targets,
    spreadThreshold: options.spreadThreshold ?? DEFAULT_SPREAD_THRESHOLD,
    coverageThreshold: options.coverageThreshold ?? DEFAULT_COVERAGE_THRESHOLD,
  }
}

function sameSharedInputs(a: SharedInputs, b: SharedInputs): boolean {
  if (a.catalog !== b.catalog || !Object.is(a.spreadThreshold, b.spreadThreshold) || !Object.is(a.coverageThreshold, b.coverageThreshold)) return false
  if (a.targets.length !== b.targets.length) return false
  for (let i = 0; i < a.targets.length; i++) {
    const x = a.targets[i] as [string, number]
    const y = b.targets[i] as [string, number]
    if (x[0] !== y[0] || !Object.is(x[1], y[1])) return false
  }
  return true
}

function snapshotOf(a: Assessment): AssessmentSnapshot {
  const itemIds = Object.keys(a.answers)
  return {
    id: a.id,
    role: a.role,
    respondent: a.respondent,
    itemIds,
    values: itemIds.map((id) => a.answers[id] as Answer),
  }
}

/** True when the department's assessments are what the snapshots recorded (same order). */
function sameAssessments(snapshots: readonly AssessmentSnapshot[], current: readonly Assessment[]): boolean {
  if (snapshots.length !== current.length) return false
  for (let i = 0; i < current.length; i++) {
    const s = snapshots[i] as AssessmentSnapshot
    const a = current[i] as Assessment
    if (a.id !== s.id || a.role !== s.role || a.respondent !== s.respondent) return false
    const keys = Object.keys(a.answers)
    if (keys.length !== s.itemIds.length) return false
    for (let k = 0; k < keys.length; k++) {
      const id = keys[k] as string
      if (id !== s.itemIds[k]) return false
      const now = a.answers[id]
      const then = s.values[k]
      if (now !== then && !samePlain(now, then)) return false
    }
  }
  return true
}

/** Structural equality of plain data (primitives, arrays, plain objects with the same keys in the same order). */
function samePlain(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i] as string
    if (k !== kb[i] || !samePlain((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false
  }
  return true
}
