// Properties of the merge over random histories: two or three devices edit, delete and exchange
// files; whatever they did, merging is commutative, idempotent, loses no later change and never
// undoes a deletion with an older edit. (The order of several files only does not matter without
// deletions and clock skew — see that property.) MERGE_RUNS=20000 runs more cases locally.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { applyAnswerPatch, type AnswerPatch } from '@/domain/model/answers'
import type { BackupData, ExchangeData } from '@/domain/exchange/formats'
import { mergeExchange, mergeFiles } from '@/domain/exchange/merge'
import { compareByTime, compareVectors, isEmptyVector, joinVectors, lastChangeOfAssessment, nextProvenance } from '@/domain/model/provenance'
import {
  ANSWER_VALUE_KEYS,
  type Answer,
  type Assessment,
  type AssessmentStatus,
  type RecordKind,
  type Stamp,
  type Tombstone,
} from '@/domain/model/types'
import { T0, at, makeAssessment, makeDepartment, makeOrganisation, makeRound, makeVersionedAnswer } from '../fixtures/backup-builders'
import { mergeOk, sortedState } from '../fixtures/merge-helpers'

const RUNS = { numRuns: Number(process.env.MERGE_RUNS ?? 200) }
const DEVICES = ['dev-a', 'dev-b', 'dev-c'] as const
const ITEMS = ['i-1', 'i-2', 'i-3'] as const

// ---------------------------------------------------------------------------------------------
// Histories
// ---------------------------------------------------------------------------------------------

/** What every device starts from: one organisation, two departments, one round, two questionnaires. */
function baseData(): BackupData {
  const prov = { deviceId: 'base', updatedAt: T0 }
  return {
    organisations: [makeOrganisation(prov)],
    departments: [makeDepartment(prov), makeDepartment({ ...prov, id: 'dep-2', name: 'Bauamt' })],
    rounds: [makeRound(prov)],
    assessments: [
      makeAssessment({ ...prov, answers: { 'i-1': makeVersionedAnswer('i-1', { base: 1 }, prov) } }),
      // i-1 comes from a format-1 file: no history, merged by time only.
      makeAssessment({ ...prov, id: 'ass-2', departmentId: 'dep-2', answers: { 'i-1': makeVersionedAnswer('i-1', {}, { ...prov, deviceId: '', rev: 0 }) } }),
    ],
    catalogs: [],
    tombstones: [],
    agendas: [],
    agendaEvents: [],
    services: [],
  }
}

type Op =
  | { t: 'answer'; ass: number; item: number; patch: AnswerPatch }
  | { t: 'status'; ass: number; status: AssessmentStatus }
  | { t: 'rename'; kind: 'organisation' | 'department' | 'round'; idx: number; name: string }
  | { t: 'newAssessment'; dep: number }
  | { t: 'newDepartment' }
  | { t: 'delete'; kind: RecordKind; idx: number }
  /** Imports another device's full backup. */
  | { t: 'sync'; from: number }
  /** Imports another device's department package (one department, no deletions). */
  | { t: 'package'; from: number; dep: number }

const patchArb: fc.Arbitrary<AnswerPatch> = fc.oneof(
  fc.integer({ min: 0, max: 4 }).map((ist) => ({ ist: ist as 0 | 1 | 2 | 3 | 4 })),
  fc.constantFrom<AnswerPatch>({ state: 'na' }, { state: 'unknown' }, { comment: 'x' }, { comment: 'y' }, { bedarf: 3 }),
)
const idx = fc.integer({ min: 0, max: 5 })
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { arbitrary: fc.record({ t: fc.constant('answer' as const), ass: idx, item: fc.integer({ min: 0, max: ITEMS.length - 1 }), patch: patchArb }), weight: 6 },
  { arbitrary: fc.record({ t: fc.constant('status' as const), ass: idx, status: fc.constantFrom<AssessmentStatus>('in_progress', 'submitted') }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('rename' as const), kind: fc.constantFrom('organisation' as const, 'department' as const, 'round' as const), idx, name: fc.constantFrom('Nord', 'Süd') }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('newAssessment' as const), dep: idx }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('newDepartment' as const) }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('delete' as const), kind: fc.constantFrom<RecordKind>('assessment', 'assessment', 'department', 'round', 'organisation'), idx }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('sync' as const), from: fc.integer({ min: 0, max: 2 }) }), weight: 2 },
  { arbitrary: fc.record({ t: fc.constant('package' as const), from: fc.integer({ min: 0, max: 2 }), dep: idx }), weight: 1 },
)

/** A history: 2–3 devices, each step one device doing one thing `dt` minutes after its last step. */
const historyArb = fc.record({
  devices: fc.integer({ min: 2, max: 3 }),
  steps: fc.array(fc.record({ device: fc.integer({ min: 0, max: 2 }), dt: fc.integer({ min: 0, max: 2 }), op: opArb }), { maxLength: 25 }),
})

interface Device {
  id: string
  clock: number
  state: BackupData
  created: number
}

const byId = <T extends { id: string }>(rows: readonly T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
const pick = <T extends { id: string }>(rows: readonly T[], i: number): T | undefined => (rows.length === 0 ? undefined : byId(rows)[i % rows.length])

function mustMerge(local: BackupData, file: ExchangeData): BackupData {
  const r = mergeExchange(local, file)
  if (!r.ok) throw new Error(`merge refused: ${JSON.stringify(r.errors)}`)
  return r.state
}

/** What the command layer does for one step (see src/db): stamp, cascade deletions into tombstones. */
function apply(d: Device, op: Op, others: Device[]): void {
  const stamp: Stamp = { at: at(d.clock), by: d.id, deviceId: d.id }
  const s = d.state
  switch (op.t) {
    case 'answer':
    case 'status': {
      const a = pick(s.assessments, op.ass)
      if (!a) return
      let next: Assessment
      if (op.t === 'answer') {
        const itemId = ITEMS[op.item]!
        next = { ...a, answers: { ...a.answers, [itemId]: applyAnswerPatch(a.answers[itemId], itemId, op.patch, stamp) }, activityAt: stamp.at }
      } else {
        next = { ...a, status: op.status, submittedAt: op.status === 'submitted' ? stamp.at : null, ...nextProvenance(a, stamp), activityAt: stamp.at }
      }
      s.assessments = s.assessments.map((x) => (x.id === a.id ? next : x))
      return
    }
    case 'rename': {
      const table = op.kind === 'organisation' ? 'organisations' : op.kind === 'department' ? 'departments' : 'rounds'
      const r = pick(s[table] as { id: string; name: string; rev: number }[], op.idx)
      if (!r) return
      ;(s[table] as unknown[]) = (s[table] as { id: string }[]).map((x) => (x.id === r.id ? { ...r, name: `${op.name} ${d.id}`, ...nextProvenance(r, stamp) } : x))
      return
    }
    case 'newAssessment': {
      const dep = pick(s.departments, op.dep)
      const round = pick(s.rounds, 0)
      if (!dep || !round) return
      const id = `${d.id}-a${++d.created}`
      s.assessments = [...s.assessments, makeAssessment({ id, orgId: dep.orgId, roundId: round.id, departmentId: dep.id, respondent: d.id, answers: {}, createdAt: stamp.at, ...nextProvenance(undefined, stamp), activityAt: stamp.at })]
      return
    }
    case 'newDepartment': {
      const org = pick(s.organisations, 0)
      if (!org) return
      const id = `${d.id}-d${++d.created}`
      s.departments = [...s.departments, makeDepartment({ id, orgId: org.id, name: id, createdAt: stamp.at, ...nextProvenance(undefined, stamp) })]
      return
    }
    case 'delete': {
      const table = op.kind === 'organisation' ? 'organisations' : op.kind === 'department' ? 'departments' : op.kind === 'round' ? 'rounds' : 'assessments'
      const r = pick(s[table] as { id: string; orgId?: string }[], op.idx)
      if (!r) return
      const field = op.kind === 'organisation' ? 'orgId' : op.kind === 'department' ? 'departmentId' : op.kind === 'round' ? 'roundId' : null
      const goes = (x: Record<string, unknown>) => field !== null && x[field] === r.id
      const tomb = (id: string, kind: RecordKind, orgId: string): Tombstone => ({ id, kind, orgId, deletedAt: stamp.at, deletedBy: d.id, deviceId: d.id })
      const buried: Tombstone[] = []
      const assessments = s.assessments.filter((a) => (op.kind === 'assessment' ? a.id === r.id : goes(a as unknown as Record<string, unknown>)))
      buried.push(...assessments.map((a) => tomb(a.id, 'assessment', a.orgId)))
      s.assessments = s.assessments.filter((a) => !assessments.includes(a))
      if (op.kind === 'organisation') {
        buried.push(...s.rounds.filter((x) => x.orgId === r.id).map((x) => tomb(x.id, 'round', x.orgId)))
        buried.push(...s.departments.filter((x) => x.orgId === r.id).map((x) => tomb(x.id, 'department', x.orgId)))
        s.rounds = s.rounds.filter((x) => x.orgId !== r.id)
        s.departments = s.departments.filter((x) => x.orgId !== r.id)
        s.organisations = s.organisations.filter((x) => x.id !== r.id)
        buried.push(tomb(r.id, 'organisation', r.id))
      } else if (op.kind !== 'assessment') {
        ;(s[table] as unknown[]) = (s[table] as { id: string }[]).filter((x) => x.id !== r.id)
        buried.push(tomb(r.id, op.kind, r.orgId!))
      }
      const ids = new Set(buried.map((t) => t.id))
      s.tombstones = byId([...s.tombstones.filter((t) => !ids.has(t.id)), ...buried])
      return
    }
    case 'sync': {
      const from = others[op.from % others.length]
      if (from) d.state = mustMerge(s, structuredClone(from.state))
      return
    }
    case 'package': {
      const from = others[op.from % others.length]
      const dep = from && pick(from.state.departments, op.dep)
      const round = from && pick(from.state.rounds, 0)
      const org = dep && from.state.organisations.find((o) => o.id === dep.orgId)
      if (!from || !dep || !round || !org) return
      const file: ExchangeData = {
        organisations: [org],
        departments: [dep],
        rounds: [round],
        assessments: from.state.assessments.filter((a) => a.departmentId === dep.id && a.roundId === round.id),
        catalogs: [],
        tombstones: [],
      }
      d.state = mustMerge(s, structuredClone(file))
    }
  }
}

/** Runs a history; returns the final state of every device. */
type History = typeof historyArb extends fc.Arbitrary<infer H> ? H : never

/** Minutes after T0 of the latest change or deletion in a state. */
function latestMinute(s: BackupData): number {
  let latest = 0
  const see = (iso: string) => (latest = Math.max(latest, (Date.parse(iso) - Date.parse(T0)) / 60_000))
  for (const r of [...s.organisations, ...s.departments, ...s.rounds]) see(r.updatedAt)
  for (const a of s.assessments) see(lastChangeOfAssessment(a))
  for (const t of s.tombstones) see(t.deletedAt)
  return latest
}

/**
 * Runs a history; returns the final state of every device. With `causalClocks`, a device's clock is
 * always past every change it holds (no clock skew between devices); otherwise each device's clock
 * runs on its own, and a change can be stamped earlier than one it has already seen.
 */
function run(h: History, { causalClocks = false } = {}): BackupData[] {
  const devices: Device[] = DEVICES.slice(0, h.devices).map((id) => ({ id, clock: 1, state: baseData(), created: 0 }))
  for (const step of h.steps) {
    const d = devices[step.device % devices.length]!
    d.clock += step.dt
    if (causalClocks) d.clock = Math.max(d.clock, latestMinute(d.state) + 1)
    apply(d, step.op, devices.filter((x) => x !== d))
  }
  return devices.map((d) => d.state)
}

// ---------------------------------------------------------------------------------------------
// Helpers for the properties
// ---------------------------------------------------------------------------------------------

const normalised = sortedState
const ok = mergeOk

const values = (a: Answer) => ANSWER_VALUE_KEYS.map((k) => a[k])
const ms = (iso: string) => Date.parse(iso)

/** The answer a merge must keep of two versions (from the rules in docs, not from the code). */
function expectedAnswer(x: Answer, y: Answer): { exact?: Answer; oneOf?: Answer[] } {
  if (!isEmptyVector(x.vv) && !isEmptyVector(y.vv)) {
    const order = compareVectors(x.vv, y.vv)
    if (order === 'after') return { exact: x }
    if (order === 'before') return { exact: y }
  }
  const c = compareByTime(x, y)
  const joined = (w: Answer): Answer => ({ ...w, vv: joinVectors(x.vv, y.vv), rev: Math.max(x.rev, y.rev) })
  if (c > 0) return { exact: joined(x) }
  if (c < 0) return { exact: joined(y) }
  return { oneOf: [joined(x), joined(y)] }
}

const parentsOf = (a: Assessment) => [a.id, a.roundId, a.departmentId, a.orgId]

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

describe('merge properties over random histories', () => {
  it('every history produces consistent device states (the generator itself works)', () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        for (const s of run(h)) {
          const live = new Set([...s.organisations, ...s.departments, ...s.rounds, ...s.assessments].map((r) => r.id))
          // No record is at the same time alive and deleted, and every child has its parents.
          for (const t of s.tombstones) expect(live.has(t.id)).toBe(false)
          for (const a of s.assessments) for (const id of parentsOf(a)) expect(live.has(id)).toBe(true)
          for (const r of [...s.departments, ...s.rounds]) expect(live.has(r.orgId)).toBe(true)
        }
      }),
      RUNS,
    )
  })

  it('is commutative: A ⊕ B and B ⊕ A hold the same records, answers and tombstones', () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        const [a, b] = run(h) as [BackupData, BackupData]
        const ab = ok(mergeExchange(a, b))
        const ba = ok(mergeExchange(b, a))
        expect(normalised(ab.state)).toEqual(normalised(ba.state))
        // The conflicts are the same answers, seen from the other side.
        const keys = (r: typeof ab) => r.conflicts.map((c) => `${c.assessmentId}/${c.itemId}`).sort()
        expect(keys(ab)).toEqual(keys(ba))
      }),
      RUNS,
    )
  })

  it('several files, no deletions, no clock skew: the order in which they are merged does not matter', () => {
    // Only under these conditions (examples in merge.test.ts, 'order of files: …'):
    // - a deletion beats changes not later than it, and a later change brings the record back as
    //   the file has it; merged in one order, an edit made before the deletion goes with the record,
    //   in the other it is first merged into the later version and survives with it;
    // - a concurrent answer is taken with the provenance of its later side; when a third device had
    //   already overwritten that side but stamped its change earlier (its clock behind), that
    //   overwrite loses in one order and wins in the other.
    const noDeletions = historyArb.map((h) => ({ ...h, steps: h.steps.filter((s) => s.op.t !== 'delete') }))
    fc.assert(
      fc.property(noDeletions, (h) => {
        const [a, b, c = baseData()] = run(h, { causalClocks: true }) as [BackupData, BackupData, BackupData?]
        const bc = mergeFiles(a, [{ data: b }, { data: c }])
        const cb = mergeFiles(a, [{ data: c }, { data: b }])
        expect(normalised(bc.state)).toEqual(normalised(cb.state))
      }),
      RUNS,
    )
  })

  it('is idempotent: merging the same file again changes nothing', () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        const [a, b] = run(h) as [BackupData, BackupData]
        const once = ok(mergeExchange(a, b))
        const twice = ok(mergeExchange(once.state, b))
        expect(twice.changed).toBe(false)
        expect(twice.conflicts).toEqual([])
        expect(normalised(twice.state)).toEqual(normalised(once.state))
        expect(ok(mergeExchange(a, structuredClone(a))).changed).toBe(false)
      }),
      RUNS,
    )
  })

  it('loses no later change: each answer is the descendant, or the later of two concurrent versions', () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        const [a, b] = run(h) as [BackupData, BackupData]
        const merged = ok(mergeExchange(a, b)).state
        const mergedById = new Map(merged.assessments.map((x) => [x.id, x]))
        const tombs = new Map(merged.tombstones.map((t) => [t.id, t]))
        const sides = [new Map(a.assessments.map((x) => [x.id, x])), new Map(b.assessments.map((x) => [x.id, x]))]
        for (const id of new Set([...sides[0]!.keys(), ...sides[1]!.keys()])) {
          const [x, y] = sides.map((m) => m.get(id))
          const m = mergedById.get(id)
          if (!m) {
            // Gone only through a deletion later than every change of it on either side.
            const deletions = parentsOf((x ?? y)!).map((pid) => tombs.get(pid)).filter((t) => t !== undefined)
            expect(deletions.length).toBeGreaterThan(0)
            const latest = Math.max(...deletions.map((t) => ms(t!.deletedAt)))
            for (const v of [x, y]) if (v) expect(latest).toBeGreaterThanOrEqual(ms(lastChangeOfAssessment(v)))
            continue
          }
          for (const itemId of new Set([...Object.keys(x?.answers ?? {}), ...Object.keys(y?.answers ?? {})])) {
            const ax = x?.answers[itemId]
            const ay = y?.answers[itemId]
            const got = m.answers[itemId]
            expect(got).toBeDefined()
            if (!ax || !ay) {
              expect(got).toEqual(ax ?? ay)
              continue
            }
            const want = expectedAnswer(ax, ay)
            if (want.exact) expect(got).toEqual(want.exact)
            else expect(want.oneOf!.map(values)).toContainEqual(values(got!))
            expect(ms(got!.updatedAt)).toBeGreaterThanOrEqual(Math.min(ms(ax.updatedAt), ms(ay.updatedAt)))
          }
        }
      }),
      RUNS,
    )
  })

  it('never undoes a deletion with an older edit', () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        const [a, b] = run(h) as [BackupData, BackupData]
        const merged = ok(mergeExchange(a, b)).state
        const live = new Set([...merged.organisations, ...merged.departments, ...merged.rounds, ...merged.assessments].map((r) => r.id))
        const needed = new Set([...merged.assessments.flatMap(parentsOf), ...[...merged.departments, ...merged.rounds].map((r) => r.orgId)])
        for (const [side, other] of [
          [a, b],
          [b, a],
        ] as const) {
          const tombs = new Map(side.tombstones.map((t) => [t.id, t]))
          const otherRecords = new Map<string, number>([
            ...[...other.organisations, ...other.departments, ...other.rounds].map((r) => [r.id, ms(r.updatedAt)] as const),
            ...other.assessments.map((x) => [x.id, ms(lastChangeOfAssessment(x))] as const),
          ])
          /** A deletion (of the record or a container) later than `changed`, not undone by a later change of the container. */
          const deletedAfter = (ids: string[], changed: number) =>
            ids.some((id) => {
              const t = tombs.get(id)
              return t !== undefined && ms(t.deletedAt) > changed && (otherRecords.get(id) ?? 0) <= ms(t.deletedAt)
            })
          // Questionnaires: deleted here (or with a container) later than all their changes there.
          for (const x of other.assessments) {
            if (side.assessments.some((y) => y.id === x.id)) continue
            if (deletedAfter(parentsOf(x), ms(lastChangeOfAssessment(x)))) expect(live.has(x.id)).toBe(false)
          }
          // Departments, rounds, organisations: the same, unless a questionnaire or department
          // that lives needs them (then they come back with it).
          for (const r of [...other.organisations, ...other.departments, ...other.rounds]) {
            if ([...side.organisations, ...side.departments, ...side.rounds].some((y) => y.id === r.id)) continue
            const ids = 'orgId' in r ? [r.id, r.orgId] : [r.id]
            if (deletedAfter(ids, ms(r.updatedAt)) && !needed.has(r.id)) expect(live.has(r.id)).toBe(false)
          }
        }
      }),
      RUNS,
    )
  })
})
