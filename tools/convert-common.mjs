// Shared helpers of the model converters (tools/convert-samm.mjs, tools/convert-dsomm.mjs): ids,
// Markdown, source provenance, and the check of the written catalogue with the app's own validator
// (src/domain/catalog/catalog-schema.ts, loaded through tsx so the rule has one spelling).
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

/** Catalogue ids: /^[a-z0-9][a-z0-9._-]{0,79}$/ (catalog-schema.ts). */
export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,79}$/

/** A readable id from any text: lower case ASCII, words joined by '-', at most `max` characters. */
export function slugify(text, max = 80) {
  const slug = String(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '')
  if (!ID_PATTERN.test(slug)) throw new Error(`Cannot make an id from ${JSON.stringify(text)}`)
  return slug
}

/** Makes ids unique in one namespace: a second "x" becomes "x-2" (kept within 80 characters). */
export function uniqueIds() {
  const seen = new Set()
  return (base) => {
    let id = base
    for (let n = 2; seen.has(id); n++) id = `${base.slice(0, 80 - String(n).length - 1)}-${n}`
    seen.add(id)
    return id
  }
}

/** Trims a text and drops trailing spaces of its lines; undefined for an empty one. */
export function clean(text) {
  if (text === undefined || text === null) return undefined
  const out = String(text)
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .trim()
  return out === '' ? undefined : out
}

/** A Markdown bullet list ("- …" per entry), or undefined for none. */
export function bullets(entries) {
  const lines = (entries ?? []).map(clean).filter((e) => e !== undefined)
  return lines.length === 0 ? undefined : lines.map((e) => `- ${e.replace(/\n/g, ' ')}`).join('\n')
}

/** Short title for charts (≤ 60 characters, the schema's bound). */
export function shortTitle(text) {
  return text.length <= 60 ? text : `${text.slice(0, 59).trimEnd()}…`
}

/**
 * `--name value` options after the positional arguments. Returns { positional, options }.
 */
export function parseArgs(argv) {
  const positional = []
  const options = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg.startsWith('--')) {
      options[arg.slice(2)] = argv[i + 1]
      i++
    } else positional.push(arg)
  }
  return { positional, options }
}

/**
 * Commit and commit date of the checkout at `dir` (git), overridden by `--commit` / `--date`;
 * an exported tree without .git needs both options.
 */
export function sourceRevision(dir, options) {
  const git = (...args) => {
    try {
      return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
    } catch {
      return undefined
    }
  }
  const commit = options.commit ?? git('rev-parse', 'HEAD')
  const date = options.date ?? git('log', '-1', '--format=%cs')
  const tag = options.tag ?? git('describe', '--tags', '--abbrev=0')
  if (!commit || !/^[0-9a-f]{40}$/.test(commit)) throw new Error('Source commit unknown: run on a git checkout or pass --commit <40 hex digits>')
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error('Source date unknown: run on a git checkout or pass --date YYYY-MM-DD')
  return { commit, date, tag }
}

/**
 * Validates the catalogue with the app's validator (via tsx) and writes it as JSON (two-space
 * indent, trailing newline). Throws with the issues when it does not pass.
 */
export async function validateAndWrite(catalog, outFile) {
  const { tsImport } = await import('tsx/esm/api')
  const schemaUrl = new URL('../src/domain/catalog/catalog-schema.ts', import.meta.url)
  const tsconfig = fileURLToPath(new URL('../tsconfig.json', import.meta.url))
  // The tsconfig gives the '@/' alias of src/, whatever the working directory.
  const { validateCatalog } = await tsImport(fileURLToPath(schemaUrl), { parentURL: import.meta.url, tsconfig })
  const result = validateCatalog(JSON.parse(JSON.stringify(catalog)))
  if (!result.ok) {
    const lines = result.issues.map((i) => `  ${i.code} at ${i.path.join('.')} ${JSON.stringify(i.params)}`)
    throw new Error(`The converted catalogue does not pass validateCatalog:\n${lines.join('\n')}`)
  }
  writeFileSync(outFile, `${JSON.stringify(catalog, null, 2)}\n`)
}

/** Runs `main` and exits with a message (no stack) on a known failure. */
export function run(main) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err)
    process.exit(1)
  })
}
