/**
 * Built-in catalogues are validated here, at build time, instead of on every load in the browser
 * (src/stores/catalogs.ts skips zod for them): each one must pass `validateCatalog`, and what the
 * validator returns must equal the shipped JSON, so skipping it changes nothing the app sees. The
 * generated summary files (scripts/catalog-summary.ts) must match their catalogue.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { BUILTIN_CATALOGS } from '@/catalogs'
import { validateCatalog } from '@/domain/catalog/catalog-schema'
import { summarizeCatalog } from '@/domain/model/catalog-summary'
import { db } from '@/db/database'
import type { Catalog } from '@/domain/model/types'
import { CatalogLoadError, useCatalogStore } from '@/stores/catalogs'

const dir = resolve(process.cwd(), 'src/catalogs') + '/'
const shipped = (id: string, version: string, suffix = '') => JSON.parse(readFileSync(`${dir}${id}/${version}${suffix}.json`, 'utf8')) as unknown

beforeEach(() => {
  setActivePinia(createPinia())
})

describe('built-in catalogues', () => {
  it('every JSON file under src/catalogs is registered as a built-in catalogue', () => {
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.json') && !f.endsWith('.summary.json'))
    expect(files.map((f) => f.replace(/\\/g, '/')).sort()).toEqual(BUILTIN_CATALOGS.map((c) => `${c.catalogId}/${c.catalogVersion}.json`).sort())
  })

  for (const ref of BUILTIN_CATALOGS) {
    describe(`${ref.catalogId} ${ref.catalogVersion}`, () => {
      it('is valid, and the validated catalogue deep-equals the shipped JSON (no defaults or normalisation left to the runtime)', () => {
        const raw = shipped(ref.catalogId, ref.catalogVersion)
        const result = validateCatalog(structuredClone(raw))
        expect(result.ok ? [] : result.issues).toEqual([])
        if (result.ok) expect(result.catalog).toStrictEqual(raw)
      })

      it('has a generated summary file equal to the summary of the catalogue (npx tsx scripts/catalog-summary.ts)', async () => {
        const catalog = shipped(ref.catalogId, ref.catalogVersion) as Catalog
        expect(shipped(ref.catalogId, ref.catalogVersion, '.summary')).toStrictEqual(summarizeCatalog(catalog))
        expect(await ref.summary()).toStrictEqual(summarizeCatalog(catalog))
      })

      it('gives its summary without loading the catalogue', async () => {
        const store = useCatalogStore()
        expect((await store.summary(ref)).applicable.central.length).toBeGreaterThan(0)
        expect(store.get(ref)).toBeUndefined()
      })

      it('is served by the catalogue store as shipped, with its id and version', async () => {
        const catalog = await useCatalogStore().load(ref)
        expect(catalog).toStrictEqual(shipped(ref.catalogId, ref.catalogVersion))
        expect([catalog.id, catalog.version]).toEqual([ref.catalogId, ref.catalogVersion])
        expect(await useCatalogStore().summary(ref)).toEqual(summarizeCatalog(catalog))
      })
    })
  }
})

describe('catalogues stored in the browser are still validated on load', () => {
  beforeEach(async () => {
    await db.delete()
    await db.open()
  })

  it('loads a valid stored catalogue, counts progress from it, and rejects an invalid one with its issues', async () => {
    const base = shipped('dc-kommune', '1.0.0') as Catalog
    const custom = { ...base, id: 'eigener-check', version: '0.1.0' }
    await db.catalogs.put({ id: custom.id, version: custom.version, importedAt: 't', catalog: custom })
    const store = useCatalogStore()
    const ref = { catalogId: custom.id, catalogVersion: custom.version }
    expect((await store.load(ref)).items).toHaveLength(base.items.length)
    expect(await store.summary(ref)).toEqual(summarizeCatalog(custom))

    const broken = { ...custom, version: '0.2.0', items: [{ ...custom.items[0], appliesTo: 'niemand' }] }
    await db.catalogs.put({ id: broken.id, version: broken.version, importedAt: 't', catalog: broken as unknown as Catalog })
    const error = await store.load({ catalogId: broken.id, catalogVersion: broken.version }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CatalogLoadError)
    expect((error as CatalogLoadError).issues.length).toBeGreaterThan(0)
    await expect(store.load({ catalogId: 'fehlt', catalogVersion: '1' })).rejects.toMatchObject({ issues: [{ code: 'notAvailable' }] })
  })
})

describe('the start screen summary of a stored catalogue', () => {
  beforeEach(async () => {
    await db.delete()
    await db.open()
    setActivePinia(createPinia())
  })

  it('is read from the stored record (validated when imported) without loading the catalogue; a damaged record goes through the full load and its error', async () => {
    const base = shipped('dc-kommune', '1.0.0') as Catalog
    const custom = { ...base, id: 'eigener-check', version: '0.1.0', vocabulary: 'organisation' as const }
    await db.catalogs.put({ id: custom.id, version: custom.version, importedAt: 't', catalog: custom })
    const store = useCatalogStore()
    const ref = { catalogId: custom.id, catalogVersion: custom.version }
    expect(await store.summary(ref)).toEqual(summarizeCatalog(custom))
    expect((await store.summary(ref)).vocabulary).toBe('organisation')
    expect(store.get(ref)).toBeUndefined()

    await db.catalogs.put({ id: 'kaputt', version: '1', importedAt: 't', catalog: { id: 'kaputt', version: '1' } as unknown as Catalog })
    await expect(store.summary({ catalogId: 'kaputt', catalogVersion: '1' })).rejects.toBeInstanceOf(CatalogLoadError)
    await expect(store.summary({ catalogId: 'fehlt', catalogVersion: '1' })).rejects.toMatchObject({ issues: [{ code: 'notAvailable' }] })
  })
})
