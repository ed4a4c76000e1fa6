/**
 * Benchmark of the domain analysis (`analyseRound`) on synthetic organisations: 9 dimensions with
 * 120 items, 90 measures, 3 respondents per department, 5 rounds; 10/30/60/120/240 departments.
 * Measures CPU time of this process (process.cpuUsage, user + system) — what the analysis costs,
 * whatever else the machine is doing — and prints wall-clock time for reference. Median of runs
 * after warm-ups. Also measures the incremental case (`createRoundAnalyser`): one department's
 * answers changed, the round analysed again.
 * Run: npx tsx bench/domain-bench.ts (bench/run.mjs parses the "60 departments, all 5 rounds" line).
 */
import { cpus, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { analyseRound, type AnalysisResult } from '../src/domain/analysis/analysis'
import { createRoundAnalyser } from '../src/domain/analysis/incremental'
import type { Answer, Assessment, Level } from '../src/domain/model/types'
import { makeSyntheticCatalog, makeSyntheticOrganisation, type SyntheticOrganisation } from './fixtures'

const SIZES = [10, 30, 60, 120, 240]
const INCREMENTAL_SIZES = [60, 240]
const BUDGET_DEPARTMENTS = 60
const BUDGET_MS = 100
/** Per-department CPU time at the largest size may be at most this multiple of the one at 60. */
const LINEAR_RATIO = 1.5
const LINEAR_FROM = 60
const LINEAR_TO = 240
const WARMUP = 3
const RUNS = 9
const INCREMENTAL_RUNS = 21
const OPTIONS = { capacity: 12 }

interface Timing {
  /** CPU ms (user + system). */
  cpu: number
  /** Wall-clock ms. */
  wall: number
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}

/** Median CPU and wall-clock time of `fn` over `runs` runs after `warmup` unmeasured ones. */
function measure(fn: () => void, runs = RUNS, warmup = WARMUP, before?: () => void): Timing {
  for (let i = 0; i < warmup; i++) {
    before?.()
    fn()
  }
  const cpu: number[] = []
  const wall: number[] = []
  for (let i = 0; i < runs; i++) {
    before?.()
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    fn()
    const t1 = performance.now()
    const c = process.cpuUsage(c0)
    cpu.push((c.user + c.system) / 1000)
    wall.push(t1 - t0)
  }
  return { cpu: median(cpu), wall: median(wall) }
}

let sink = 0
function consume(result: AnalysisResult, withViews: boolean): void {
  sink += result.recommendations.length + (result.organisation.score ?? 0)
  // withViews: also read every department's recommendation list (built lazily on first access).
  if (withViews) for (const d of result.departments) sink += d.recommendations.length
}

function analyseAll(catalog: ReturnType<typeof makeSyntheticCatalog>, org: SyntheticOrganisation, rounds: number, withViews = false): void {
  for (const round of org.rounds.slice(-rounds)) {
    consume(
      analyseRound({ catalog, round, departments: org.departments, assessments: org.assessmentsByRound.get(round.id) ?? [], options: OPTIONS }),
      withViews,
    )
  }
}

/** A copy of the assessment with one answer's Ist level moved by one (new answers record, next revision), as an edit would store it. */
function editedAssessment(a: Assessment, step: number): Assessment {
  const ids = Object.keys(a.answers)
  const itemId = ids[step % ids.length] as string
  const old = a.answers[itemId] as Answer
  const ist = (((old.ist ?? 0) + 1) % 5) as Level
  const answer: Answer = { ...old, state: 'level', ist, rev: old.rev + 1, updatedAt: `2026-01-01T00:00:${String(step % 60).padStart(2, '0')}.000Z` }
  return { ...a, answers: { ...a.answers, [itemId]: answer }, rev: a.rev + 1, updatedAt: answer.updatedAt }
}

const catalog = makeSyntheticCatalog()
interface Row {
  departments: number
  answers: number
  one: Timing
  all: Timing
  views: Timing
}
const rows: Row[] = []
const incremental: { departments: number; fresh: Timing; incremental: Timing }[] = []

// Warm the JIT up once on a mid-sized organisation, so the first size measured is not the one that pays for it.
{
  const org = makeSyntheticOrganisation(catalog, { departments: 30, respondents: 3, rounds: 5 })
  for (let i = 0; i < WARMUP * 2; i++) analyseAll(catalog, org, 5, true)
}

for (const n of SIZES) {
  const org = makeSyntheticOrganisation(catalog, { departments: n, respondents: 3, rounds: 5 })
  const one = measure(() => analyseAll(catalog, org, 1))
  const all = measure(() => analyseAll(catalog, org, 5))
  const views = measure(() => analyseAll(catalog, org, 5, true))
  rows.push({ departments: n, answers: org.answerCount, one, all, views })

  if (INCREMENTAL_SIZES.includes(n)) {
    const round = org.rounds[org.rounds.length - 1]!
    let assessments = org.assessmentsByRound.get(round.id) ?? []
    const analyser = createRoundAnalyser()
    const input = () => ({ catalog, round, departments: org.departments, assessments, options: OPTIONS })
    consume(analyser.analyse(input()), false)
    let step = 0
    // Before each run (not timed): one respondent of one department (a different one each time) changes one answer.
    const edit = (): void => {
      step++
      const target = org.departments[(step * 7) % org.departments.length]!
      const at = assessments.findIndex((a) => a.departmentId === target.id)
      const next = [...assessments]
      next[at] = editedAssessment(assessments[at] as Assessment, step)
      assessments = next
    }
    const inc = measure(() => consume(analyser.analyse(input()), false), INCREMENTAL_RUNS, WARMUP, edit)
    const fresh = measure(() => consume(analyseRound(input()), false), INCREMENTAL_RUNS, WARMUP, edit)
    incremental.push({ departments: n, fresh, incremental: inc })
  }
}

const f = (x: number, w: number): string => x.toFixed(1).padStart(w)
console.log(
  `catalogue: ${catalog.items.length} items in ${catalog.dimensions.length} dimensions, ${catalog.measures.length} measures; 3 respondents; 5 rounds; median of ${RUNS} runs after ${WARMUP} warm-ups`,
)
console.log(
  `machine: ${cpus().length} CPU(s), load average ${loadavg().map((x) => x.toFixed(2)).join(' / ')}; CPU = user + system time of this process (other processes inflate wall clock more than CPU time)`,
)
console.log('departments | answers (5 rounds) | CPU ms 1 round | CPU ms 5 rounds | CPU ms/dept (5 rounds) | CPU ms 5 rounds incl. dept lists | wall ms 1 round | wall ms 5 rounds')
console.log('----------- | ------------------ | -------------- | --------------- | ---------------------- | -------------------------------- | --------------- | ----------------')
for (const r of rows) {
  console.log(
    `${String(r.departments).padStart(11)} | ${String(r.answers).padStart(18)} | ${f(r.one.cpu, 14)} | ${f(r.all.cpu, 15)} | ${r.all.cpu / r.departments >= 10 ? f(r.all.cpu / r.departments, 22) : (r.all.cpu / r.departments).toFixed(3).padStart(22)} | ${f(r.views.cpu, 32)} | ${f(r.one.wall, 15)} | ${f(r.all.wall, 16)}`,
  )
}
console.log('')
console.log(`incremental: one department's answers changed, the last round analysed again (median of ${INCREMENTAL_RUNS} runs)`)
console.log('departments | CPU ms analyseRound | CPU ms createRoundAnalyser | wall ms analyseRound | wall ms createRoundAnalyser')
console.log('----------- | ------------------- | -------------------------- | -------------------- | ---------------------------')
for (const r of incremental) {
  console.log(`${String(r.departments).padStart(11)} | ${f(r.fresh.cpu, 19)} | ${f(r.incremental.cpu, 26)} | ${f(r.fresh.wall, 20)} | ${f(r.incremental.wall, 27)}`)
}
console.log('')
const budgetRow = rows.find((r) => r.departments === BUDGET_DEPARTMENTS)
const from = rows.find((r) => r.departments === LINEAR_FROM)
const to = rows.find((r) => r.departments === LINEAR_TO)
const ratio = from && to ? to.all.cpu / to.departments / (from.all.cpu / from.departments) : NaN
const ratioOne = from && to ? to.one.cpu / to.departments / (from.one.cpu / from.departments) : NaN
// For reference: one round allocates less between collections, so garbage collection weighs less in it.
console.log(`for reference: CPU per department at ${LINEAR_TO} / at ${LINEAR_FROM} departments, one round = ${ratioOne.toFixed(2)}`)
console.log(
  `linearity: CPU per department at ${LINEAR_TO} / at ${LINEAR_FROM} departments (5 rounds) = ${ratio.toFixed(2)}; growth linear: ${ratio <= LINEAR_RATIO ? 'OK' : 'EXCEEDED'} (limit ${LINEAR_RATIO})`,
)
const ok = budgetRow !== undefined && budgetRow.all.cpu < BUDGET_MS
console.log(
  `${ok ? 'BUDGET OK' : 'BUDGET EXCEEDED'}: ${BUDGET_DEPARTMENTS} departments, all 5 rounds = ${budgetRow?.all.cpu.toFixed(1)} ms (CPU; budget < ${BUDGET_MS} ms; wall clock ${budgetRow?.all.wall.toFixed(1)} ms)`,
)
if (sink === -1) console.log(sink)
