/**
 * `npx tsx scripts/catalog-summary.ts`: writes src/catalogs/<id>/<version>.summary.json for every
 * built-in catalogue (`summarizeCatalog`: its wording and the applicable item ids per department
 * kind), what the start screen and the wording switch need without loading the catalogue. Run it
 * after adding a catalogue version; tests/unit/builtin-catalogs.test.ts fails while a file is
 * missing or stale.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { BUILTIN_CATALOGS } from '../src/catalogs'
import { summarizeCatalog } from '../src/domain/model/catalog-summary'
import type { Catalog } from '../src/domain/model/types'

const dir = fileURLToPath(new URL('../src/catalogs/', import.meta.url))
for (const { catalogId, catalogVersion } of BUILTIN_CATALOGS) {
  const catalog = JSON.parse(readFileSync(`${dir}${catalogId}/${catalogVersion}.json`, 'utf8')) as Catalog
  const path = `${catalogId}/${catalogVersion}.summary.json`
  writeFileSync(`${dir}${path}`, `${JSON.stringify(summarizeCatalog(catalog))}\n`)
  console.log(`written    src/catalogs/${path}`)
}
