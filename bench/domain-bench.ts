/**
 * Benchmark of the domain analysis: analyseRound for all 5 rounds of synthetic organisations
 * (9 dimensions with 120 items in total, 90 measures; 10/30/60/120 departments × 3 respondents).
 * Run: npx tsx bench/domain-bench.ts
 */
import { cpus, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { analyseRound } from '../src/domain/analysis'
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
const rows: { departments: number; answers: number; ms: number; perRound: number }[] = []
let sink = 0

for (const n of SIZES) {
  const org = makeSyntheticOrganisation(catalog, { departments: n, respondents: 3, rounds: 5 })
  const runAll = (): void => {
    for (const round of org.rounds) {
      const result = analyseRound({
        catalog,
        round,
        departments: org.departments,
        assessments: org.assessmentsByRound.get(round.id) ?? [],
        options: { capacity: 12 },
      })
      sink += result.recommendations.length + (result.organisation.score ?? 0)
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
  rows.push({ departments: n, answers: org.answerCount, ms, perRound: ms / org.rounds.length })
}

console.log(
  `catalogue: ${catalog.dimensions.length} dimensions × ${catalog.items.length / catalog.dimensions.length} items, ${catalog.measures.length} measures; 3 respondents; 5 rounds; median of ${RUNS} runs after ${WARMUP} warm-ups`,
)
console.log(
  `machine: ${cpus().length} CPU(s), load average ${loadavg().map((x) => x.toFixed(2)).join(' / ')} (other processes inflate the timings)`,
)
console.log('departments | answers (5 rounds) | ms (5 rounds) | ms per round')
console.log('----------- | ------------------ | ------------- | ------------')
for (const r of rows) {
  console.log(
    `${String(r.departments).padStart(11)} | ${String(r.answers).padStart(18)} | ${r.ms.toFixed(1).padStart(13)} | ${r.perRound.toFixed(1).padStart(12)}`,
  )
}
const budgetRow = rows.find((r) => r.departments === BUDGET_DEPARTMENTS)
const ok = budgetRow !== undefined && budgetRow.ms < BUDGET_MS
console.log(
  `${ok ? 'BUDGET OK' : 'BUDGET EXCEEDED'}: ${BUDGET_DEPARTMENTS} departments, all 5 rounds = ${budgetRow?.ms.toFixed(1)} ms (budget < ${BUDGET_MS} ms)`,
)
if (sink === -1) console.log(sink)
