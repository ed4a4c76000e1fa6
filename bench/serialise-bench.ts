/**
 * Benchmark of the backup's canonical text on the large backup (make-large-backup.ts writes it):
 * `canonicalBackupText` called the way the exchange worker calls it (tables and header of the
 * parsed file), `canonicalText` of the parsed file (what the import's checksum fallback prints),
 * and a plain `JSON.stringify` of the same data for reference. Best of RUNS after a warm-up, wall
 * clock and CPU time of this process; on a shared machine compare figures taken side by side only.
 * Run: npx tsx bench/serialise-bench.ts [file]   (default .bench-out/large-backup.json)
 */
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { canonicalBackupText, canonicalText } from '../src/domain/exchange/serialise'
import type { ExchangeData, ExchangeFile } from '../src/domain/exchange/formats'

const RUNS = Number(process.env.RUNS ?? 5)
const path = process.argv[2] ?? '.bench-out/large-backup.json'
const file = JSON.parse(readFileSync(path, 'utf8')) as ExchangeFile & ExchangeData
const meta = { now: new Date(file.exportedAt), appVersion: file.appVersion, scoringModelVersion: file.scoringModelVersion, deviceId: file.deviceId }

function best(name: string, run: () => string): number {
  run()
  let wall = Infinity
  let cpu = Infinity
  let length = 0
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    length = run().length
    const t1 = performance.now()
    const c = process.cpuUsage(c0)
    wall = Math.min(wall, t1 - t0)
    cpu = Math.min(cpu, (c.user + c.system) / 1000)
  }
  console.log(`${name.padEnd(22)} best of ${RUNS}: ${wall.toFixed(0).padStart(5)} ms wall, ${cpu.toFixed(0).padStart(5)} ms CPU (${length} chars)`)
  return wall
}

const plain = best('JSON.stringify', () => JSON.stringify(file))
const backup = best('canonicalBackupText', () => canonicalBackupText(file, meta))
best('canonicalText(file)', () => canonicalText(file))
console.log(`canonicalBackupText / JSON.stringify: ${(backup / plain).toFixed(2)}×`)
