/**
 * `npm run bench`: the domain benchmark (bench/domain-bench.ts via tsx), the browser benchmark
 * (bench/browser-bench.mjs: answer save latency, first-load JS) and the large-municipality browser
 * benchmark (bench/large-bench.mjs: restore, export, recommendations and department screens), then
 * one summary table of all budgets.
 *
 * Exit code 1 only if a measurement could not be run (crash, missing figure, failed verification);
 * an exceeded budget is reported as EXCEEDED but does not fail the run.
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { BUDGET_FIRST_LOAD_CSS_KB, BUDGET_FIRST_LOAD_KB, BUDGET_SAVE_P95_MS, runBrowserBench } from './browser-bench.mjs'
import { BUDGET_RECOMMENDATIONS_MS, BUDGET_RESTORE_MS, BUDGET_RETURNS_MS, runLargeBench } from './large-bench.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const BUDGET_DOMAIN_MS = 100
/** { name, budget (text), measured (number|null), unit, ok (bool|null) } */
const rows = []
const failures = []

function record(name, budgetText, measured, unit, limit, inclusive = false) {
  const ok = measured === null || measured === undefined || Number.isNaN(measured) ? null : inclusive ? measured <= limit : measured < limit
  rows.push({ name, budget: budgetText, measured: ok === null ? null : measured, unit, ok })
}

// 1. Domain (Node)
console.log('== Domänen-Benchmark (npx tsx bench/domain-bench.ts) ==')
const domain = spawnSync('npx', ['tsx', 'bench/domain-bench.ts'], { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })
process.stdout.write(domain.stdout ?? '')
process.stderr.write((domain.stderr ?? '').replace(/^npm warn Unknown user config.*\n/gm, ''))
let domainMs = null
if (domain.status !== 0) failures.push(`Domänen-Benchmark beendet mit Code ${domain.status ?? domain.signal}`)
else {
  const m = /60 departments, all 5 rounds = ([\d.]+) ms/.exec(domain.stdout)
  if (m) domainMs = Number(m[1])
  else failures.push('Domänen-Benchmark: Wert für 60 Fachbereiche nicht in der Ausgabe gefunden')
}
record('Domäne: Auswertung 60 Fachbereiche, 5 Runden', `< ${BUDGET_DOMAIN_MS} ms`, domainMs, 'ms', BUDGET_DOMAIN_MS)

// 2. Browser: first-load JS, answer save
let browser = null
try {
  browser = await runBrowserBench()
  failures.push(...browser.failures)
} catch (e) {
  console.error(e)
  failures.push(`Browser-Benchmark: ${e instanceof Error ? e.message : e}`)
}
record('Erster Ladevorgang: JavaScript (gzip)', `≤ ${BUDGET_FIRST_LOAD_KB} KB`, browser?.firstLoad?.totalKB ?? null, 'KB', BUDGET_FIRST_LOAD_KB, true)
record('Erster Ladevorgang: CSS (gzip)', `≤ ${BUDGET_FIRST_LOAD_CSS_KB} KB`, browser?.firstLoadCss?.totalKB ?? null, 'KB', BUDGET_FIRST_LOAD_CSS_KB, true)
record('Antwort speichern: p95 Klick → IndexedDB', `< ${BUDGET_SAVE_P95_MS} ms`, browser?.answerSave?.p95 ?? null, 'ms', BUDGET_SAVE_P95_MS)

// 3. Browser: large municipality
let large = null
try {
  large = await runLargeBench()
} catch (e) {
  console.error(e)
  failures.push(`Benchmark große Kommune: ${e instanceof Error ? e.message : e}`)
}
record('Sicherung wiederherstellen (Prüfen + Anwenden), 60 FB', `< ${BUDGET_RESTORE_MS} ms`, large?.restore?.restoreMs ?? null, 'ms', BUDGET_RESTORE_MS)
record('60 Rücksendungen zusammenführen (Prüfen + Übernehmen)', `< ${BUDGET_RETURNS_MS} ms`, large?.returns?.totalMs ?? null, 'ms', BUDGET_RETURNS_MS)
record('Maßnahmen-Bildschirm, 60 FB (Median von 3)', `< ${BUDGET_RECOMMENDATIONS_MS} ms`, large?.screens?.recommendationsMedian ?? null, 'ms', BUDGET_RECOMMENDATIONS_MS)

// Summary
const fmt = (r) => (r.measured === null ? '—' : `${r.measured.toFixed(r.unit === 'KB' ? 1 : r.measured < 100 ? 1 : 0)} ${r.unit}`)
const status = (r) => (r.ok === null ? 'NICHT GEMESSEN' : r.ok ? 'OK' : 'EXCEEDED')
const w = [Math.max(...rows.map((r) => r.name.length), 6), Math.max(...rows.map((r) => r.budget.length), 6), Math.max(...rows.map((r) => fmt(r).length), 8)]
console.log('\n== Zusammenfassung der Budgets ==')
console.log(`${'Messung'.padEnd(w[0])} | ${'Budget'.padEnd(w[1])} | ${'Gemessen'.padStart(w[2])} | Ergebnis`)
console.log(`${'-'.repeat(w[0])}-|-${'-'.repeat(w[1])}-|-${'-'.repeat(w[2])}-|---------`)
for (const r of rows) console.log(`${r.name.padEnd(w[0])} | ${r.budget.padEnd(w[1])} | ${fmt(r).padStart(w[2])} | ${status(r)}`)
if (large) {
  console.log(`(weitere Messwerte: Prüfen ${large.restore.checkMs.toFixed(0)} ms + Anwenden ${large.restore.applyMs.toFixed(0)} ms bei ${(large.restore.bytes / 1e6).toFixed(1)} MB; Export ${large.export.ms.toFixed(0)} ms, ${(large.export.bytes / 1e6).toFixed(1)} MB; Ergebnis eines Fachbereichs ${large.screens.departmentMedian.toFixed(0)} ms)`)
}
const exceeded = rows.filter((r) => r.ok === false).length
if (exceeded) console.log(`${exceeded} Budget(s) überschritten (kein Fehlercode – siehe oben).`)
if (failures.length) {
  console.log('\nMessungen fehlgeschlagen:')
  for (const f of failures) console.log(`  - ${f}`)
}
process.exitCode = failures.length > 0 || rows.some((r) => r.ok === null) ? 1 : 0
