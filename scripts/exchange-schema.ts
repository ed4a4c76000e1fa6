/**
 * `npm run schema`: writes the JSON Schemas of the exchange files to docs/schema/ (see
 * scripts/exchange-schema-lib.ts). Run it after changing src/domain/exchange/schema.ts or
 * catalog-schema.ts; tests/unit/exchange-schema.test.ts fails while the files are out of date.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { generateExchangeSchemaFiles } from './exchange-schema-lib'

const outDir = fileURLToPath(new URL('../docs/schema/', import.meta.url))
mkdirSync(outDir, { recursive: true })
for (const [name, text] of Object.entries(generateExchangeSchemaFiles())) {
  const path = `${outDir}${name}`
  let before = ''
  try {
    before = readFileSync(path, 'utf8')
  } catch {
    // new file
  }
  if (before === text) console.log(`unchanged  docs/schema/${name}`)
  else {
    writeFileSync(path, text)
    console.log(`written    docs/schema/${name} (${text.length} characters)`)
  }
}
