/**
 * Benchmark of the domain analysis: analyseRound for all 5 rounds of synthetic organisations
 * (9 dimensions with 120 items in total, 90 measures; 10/30/60/120 departments × 3 respondents).
 * Run: npx tsx bench/domain-bench.ts
 */
import { cpus, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { analyseRound } from '../src/domain/analysis/analysis'
import { makeSyntheticCatalog, makeSyntheticOrganisation } from './fixtures'

const SIZES = [10, 30, 60, 120]
const BUDGET_DEPARTMENTS = 60
const BUDGET_MS = 100
const WARMUP = 3
const RUNS = 9

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}

const catalog = makeSyntheticCatalog()
const rows: { departments: number; answers: number; ms: number; perRound: number; withViews: number }[] = []
let sink = 0

for (const n of SIZES) {
  const org = makeSyntheticOrganisation(catalog, { departments: n, respondents: 3, rounds: 5 })
  // withViews: also read every department's recommendation list (built lazily on first access).
  const runAll = (withViews = false): void => {
    for (const round of org.rounds) {
      const result = analyseRound({
        catalog,
        round,
        departments: org.departments,
        assessments: org.assessmentsByRound.get(round.id) ?? [],
        options: { capacity: 12 },
      })
      sink += result.recommendations.length + (result.organisation.score ?? 0)
      if (withViews) for (const d of result.departments) sink += d.recommendations.length
    }
  }
  for (let i = 0; i < WARMUP; i++) runAll()
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now()
    runAll()
    times.push(performance.now() - t0)
  }
  const ms = median(times)
  const viewTimes: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now()
    runAll(true)
    viewTimes.push(performance.now() - t0)
  }
  rows.push({ departments: n, answers: org.answerCount, ms, perRound: ms / org.rounds.length, withViews: median(viewTimes) })
}

console.log(
  `catalogue: ${catalog.items.length} items in ${catalog.dimensions.length} dimensions, ${catalog.measures.length} measures; 3 respondents; 5 rounds; median of ${RUNS} runs after ${WARMUP} warm-ups`,
)
console.log(
  `machine: ${cpus().length} CPU(s), load average ${loadavg().map((x) => x.toFixed(2)).join(' / ')} (other processes inflate the timings)`,
)
console.log('departments | answers (5 rounds) | ms (5 rounds) | ms per round | ms incl. per-department lists')
console.log('----------- | ------------------ | ------------- | ------------ | -----------------------------')
for (const r of rows) {
  console.log(
    `${String(r.departments).padStart(11)} | ${String(r.answers).padStart(18)} | ${r.ms.toFixed(1).padStart(13)} | ${r.perRound.toFixed(1).padStart(12)} | ${r.withViews.toFixed(1).padStart(29)}`,
  )
}
const budgetRow = rows.find((r) => r.departments === BUDGET_DEPARTMENTS)
const ok = budgetRow !== undefined && budgetRow.ms < BUDGET_MS
console.log(
  `${ok ? 'BUDGET OK' : 'BUDGET EXCEEDED'}: ${BUDGET_DEPARTMENTS} departments, all 5 rounds = ${budgetRow?.ms.toFixed(1)} ms (budget < ${BUDGET_MS} ms)`,
)
if (sink === -1) console.log(sink)
