/**
 * Fails when the modules under src/ import each other in a circle. Part of `npm run lint`.
 *
 * Reads the import and export-from statements of src/**\/*.ts and of the <script> blocks of
 * src/**\/*.vue — type-only imports included, since a circle of types is still a circle of
 * dependencies — resolves `@/` (tsconfig paths) and relative specifiers, and looks for strongly
 * connected components (Tarjan). Dynamic `import()` is a deliberate lazy boundary and is not an
 * edge. No dependency: eslint-plugin-import-x's no-cycle ignores type-only imports (so it does not
 * see the circle this check was written against) and needs an extra resolver and parser set-up.
 *
 * Usage: node scripts/check-cycles.mjs [root]   (root defaults to the repository)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'))
const src = join(root, 'src')

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) walk(p, out)
    else if (/\.(ts|vue)$/.test(name) && !name.endsWith('.d.ts')) out.push(p)
  }
  return out
}

/** The code of a module: a .vue file's <script> blocks, comments blanked out. */
function code(file) {
  let text = readFileSync(file, 'utf8')
  if (file.endsWith('.vue')) text = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n')
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1')
}

const STATIC = /^\s*(?:import|export)\s+(?:type\s+)?(?:[\w$]+\s*,?\s*)?(?:\{[^}]*\}|\*(?:\s+as\s+[\w$]+)?)?\s*from\s*['"]([^'"]+)['"]/gm
const BARE = /^\s*import\s+['"]([^'"]+)['"]/gm

function specifiers(file) {
  const text = code(file)
  return [...text.matchAll(STATIC), ...text.matchAll(BARE)].map((m) => m[1])
}

/** The file a specifier points at inside src/, or null (packages, assets, JSON). */
function resolveSpecifier(from, spec) {
  let base
  if (spec.startsWith('@/')) base = join(src, spec.slice(2))
  else if (spec.startsWith('.')) base = resolve(dirname(from), spec)
  else return null
  for (const candidate of [base, `${base}.ts`, `${base}.vue`, join(base, 'index.ts')]) {
    if (/\.(ts|vue)$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile()) return candidate
  }
  return null
}

const files = walk(src)
const graph = new Map(files.map((f) => [f, [...new Set(specifiers(f).map((s) => resolveSpecifier(f, s)).filter((t) => t !== null))]]))

// Tarjan's strongly connected components, iterative.
const index = new Map()
const low = new Map()
const onStack = new Set()
const stack = []
const components = []
let counter = 0
for (const start of graph.keys()) {
  if (index.has(start)) continue
  const work = [{ node: start, next: 0 }]
  index.set(start, counter)
  low.set(start, counter++)
  stack.push(start)
  onStack.add(start)
  while (work.length > 0) {
    const frame = work[work.length - 1]
    const deps = graph.get(frame.node) ?? []
    if (frame.next < deps.length) {
      const dep = deps[frame.next++]
      if (!index.has(dep)) {
        index.set(dep, counter)
        low.set(dep, counter++)
        stack.push(dep)
        onStack.add(dep)
        work.push({ node: dep, next: 0 })
      } else if (onStack.has(dep)) low.set(frame.node, Math.min(low.get(frame.node), index.get(dep)))
      continue
    }
    work.pop()
    const parent = work[work.length - 1]
    if (parent) low.set(parent.node, Math.min(low.get(parent.node), low.get(frame.node)))
    if (low.get(frame.node) === index.get(frame.node)) {
      const component = []
      let node
      do {
        node = stack.pop()
        onStack.delete(node)
        component.push(node)
      } while (node !== frame.node)
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) components.push(component)
    }
  }
}

/** The shortest circle through the component's first module (breadth-first), for the message. */
function circle(component) {
  const members = new Set(component)
  const first = [...component].sort()[0]
  const previous = new Map()
  const queue = [first]
  while (queue.length > 0) {
    const node = queue.shift()
    for (const dep of graph.get(node) ?? []) {
      if (!members.has(dep) || previous.has(dep)) continue
      previous.set(dep, node)
      if (dep === first) queue.length = 0
      else queue.push(dep)
    }
  }
  const between = []
  for (let node = previous.get(first); node !== undefined && node !== first; node = previous.get(node)) between.unshift(node)
  return [first, ...between, first].map((f) => relative(root, f)).join(' → ')
}

if (components.length > 0) {
  console.error(`Import cycles in src/ (${components.length}):`)
  for (const c of components) console.error(`  ${circle(c)}${c.length > 2 ? `  (${c.length} modules in the circle)` : ''}`)
  process.exit(1)
}
console.log(`No import cycles among ${graph.size} modules in src/.`)
