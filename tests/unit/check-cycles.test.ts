// scripts/check-cycles.mjs (part of `npm run lint`): fails on an import circle, type-only imports
// and .vue script blocks included; dynamic import() is no edge.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const script = join(__dirname, '../../scripts/check-cycles.mjs')
let root = ''

function tree(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'cycles-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  return root
}

function check(dir: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [script, dir], { encoding: 'utf8' })
  return { status: r.status, out: `${r.stdout}${r.stderr}` }
}

afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true })
})

describe('check-cycles', () => {
  it.each<[string, Record<string, string>, number, string]>([
    ['no circle', { 'src/a.ts': "import { b } from './b'\nexport const a = b", 'src/b.ts': 'export const b = 1' }, 0, 'No import cycles among 2 modules'],
    ['a circle of two (alias and relative)', { 'src/a.ts': "import { b } from '@/b'\nexport const a = b", 'src/b.ts': "import { a } from './a'\nexport const b = a" }, 1, 'src/a.ts → src/b.ts → src/a.ts'],
    ['a circle of type-only imports', { 'src/x/a.ts': "import type { B } from '../y/b'\nexport type A = B", 'src/y/b.ts': "import type { A } from '@/x/a'\nexport type B = A | 1" }, 1, 'src/x/a.ts → src/y/b.ts → src/x/a.ts'],
    ['a circle through a .vue script block and an index module', { 'src/c/A.vue': "<script setup lang=\"ts\">\nimport { n } from '@/lib'\n</script>\n<template>{{ n }}</template>", 'src/lib/index.ts': "export { default as A } from '../c/A.vue'\nexport const n = 1" }, 1, 'src/c/A.vue → src/lib/index.ts → src/c/A.vue'],
    ['a module that imports itself', { 'src/self.ts': "export * from './self'\nexport const s = 1" }, 1, 'src/self.ts → src/self.ts'],
    ['a dynamic import back is a lazy boundary, not a circle', { 'src/a.ts': "import { b } from './b'\nexport const a = b", 'src/b.ts': "export const b = () => import('./a')" }, 0, 'No import cycles among 2 modules'],
    ['imports in comments do not count', { 'src/a.ts': "// import { b } from './b'\n/* import { b } from './b' */\nexport const a = 1", 'src/b.ts': "import { a } from './a'\nexport const b = a" }, 0, 'No import cycles among 2 modules'],
  ])('%s', (_name, files, status, text) => {
    const r = check(tree(files))
    expect(r.status).toBe(status)
    expect(r.out).toContain(text)
  })
})
