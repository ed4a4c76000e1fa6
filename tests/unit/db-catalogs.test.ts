import { beforeEach, describe, expect, it } from 'vitest'
import catalogJson from '@/catalogs/dc-kommune/1.0.0.json'
import { getStoredCatalog, listStoredCatalogs, saveCatalog } from '@/db/catalogs'
import { db } from '@/db/database'
import type { Catalog } from '@/domain/model/types'

const base = catalogJson as unknown as Catalog
const custom = (): Catalog => ({ ...structuredClone(base), id: 'musterstadt-eigen', version: '1.0.0' })

beforeEach(async () => {
  await db.delete()
  await db.open()
})

describe('stored (custom or imported) catalogues', () => {
  it('stores a version once; the same content again is "unchanged"', async () => {
    expect(await saveCatalog(custom())).toBe('added')
    expect(await saveCatalog(custom())).toBe('unchanged')
    expect((await listStoredCatalogs()).map((c) => `${c.id}@${c.version}`)).toEqual(['musterstadt-eigen@1.0.0'])
    expect((await getStoredCatalog('musterstadt-eigen', '1.0.0'))!.items).toHaveLength(base.items.length)
  })

  it('never overwrites a stored version with different content (a new version is needed)', async () => {
    await saveCatalog(custom())
    const changed = custom()
    changed.items[0]!.question.de = 'Geänderte Frage?'
    await expect(saveCatalog(changed)).rejects.toThrow(/exists with different content/)
    expect((await getStoredCatalog('musterstadt-eigen', '1.0.0'))!.items[0]!.question.de).toBe(base.items[0]!.question.de)
    expect(await saveCatalog({ ...changed, version: '1.1.0' })).toBe('added')
  })
})

describe('catalogue import command', () => {
  it('refuses a file that claims the id and version of a built-in catalogue and stores nothing', async () => {
    const { importCatalog } = await import('@/commands/data')
    expect(await importCatalog(structuredClone(base))).toBe('builtin')
    expect(await listStoredCatalogs()).toEqual([])
    // Another version of the same id is a catalogue of its own and may be imported.
    expect(await importCatalog({ ...structuredClone(base), version: '1.0.1-musterstadt' })).toBe('added')
  })
})
