/**
 * `npm run bench`: the domain benchmark (bench/domain-bench.ts via tsx, if present), then the
 * browser benchmark (bench/browser-bench.mjs). Exit code 1 if a budget is exceeded or a run fails.
 */
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
let failed = false

const domainBench = path.join(root, 'bench', 'domain-bench.ts')
if (existsSync(domainBench)) {
  console.log('== Domänen-Benchmark (npx tsx bench/domain-bench.ts) ==')
  const r = spawnSync('npx', ['tsx', 'bench/domain-bench.ts'], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) {
    console.log(`Domänen-Benchmark beendet mit Code ${r.status ?? r.signal}`)
    failed = true
  }
} else {
  console.log('(bench/domain-bench.ts fehlt – übersprungen)')
}

const { runBrowserBench } = await import('./browser-bench.mjs')
try {
  const result = await runBrowserBench()
  if (!result.ok) failed = true
} catch (e) {
  console.error(e)
  failed = true
}
process.exitCode = failed ? 1 : 0
