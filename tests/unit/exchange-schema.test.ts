// The JSON Schemas in docs/schema/ are generated from the validators (`npm run schema`). This test
// regenerates them in memory: if a validator changed and the files were not regenerated, it fails.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ANSWER_KEYS } from '@/domain/model/types'
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION } from '@/domain/exchange/formats'
import { PACKAGE_TOP_LEVEL_KEYS, RECORD_KEYS, TOP_LEVEL_KEYS } from '@/domain/exchange/schema'
import { SCHEMA_FILES, generateExchangeSchemaFiles, generateExchangeSchemas } from '../../scripts/exchange-schema-lib'

// Paths via node:path: under happy-dom the global URL is not Node's, so fs does not take `new URL(…)`.
const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'schema')
const committed = (name: string): string => readFileSync(join(schemaDir, name), 'utf8')

type Json = Record<string, unknown>
const props = (schema: unknown): Json => (schema as { properties: Json }).properties
const defs = (schema: Json): Record<string, Json> => schema.$defs as Record<string, Json>

describe('docs/schema (JSON Schema of the exchange files)', () => {
  const files = generateExchangeSchemaFiles()
  const schemas = generateExchangeSchemas()

  it('generates exactly the three schema files (backup, package, catalogue)', () => {
    expect(Object.keys(files).sort()).toEqual([SCHEMA_FILES.backup, SCHEMA_FILES.package, SCHEMA_FILES.catalog].sort())
  })

  it.each(Object.values(SCHEMA_FILES))('committed %s is up to date (run `npm run schema`)', (name) => {
    expect(committed(name)).toBe(files[name])
  })

  it('each schema is draft 2020-12 with $id, title and description', () => {
    for (const schema of Object.values(schemas)) {
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
      expect(typeof schema.$id).toBe('string')
      expect(typeof schema.title).toBe('string')
      expect(typeof schema.description).toBe('string')
    }
  })

  it('states the format markers and versions', () => {
    const backup = props(schemas[SCHEMA_FILES.backup])
    const pkg = props(schemas[SCHEMA_FILES.package])
    expect(backup.format).toMatchObject({ const: BACKUP_FORMAT })
    expect(backup.formatVersion).toMatchObject({ const: BACKUP_FORMAT_VERSION })
    expect(pkg.format).toMatchObject({ const: PACKAGE_FORMAT })
    expect(pkg.formatVersion).toMatchObject({ const: PACKAGE_FORMAT_VERSION })
    expect(pkg.kind).toMatchObject({ enum: ['package', 'return'] })
  })

  it('covers every field the validators know, all required (checksum too)', () => {
    const backup = schemas[SCHEMA_FILES.backup]!
    const pkg = schemas[SCHEMA_FILES.package]!
    expect(Object.keys(props(backup))).toEqual(TOP_LEVEL_KEYS)
    expect(backup.required).toEqual(TOP_LEVEL_KEYS)
    expect(Object.keys(props(pkg))).toEqual(PACKAGE_TOP_LEVEL_KEYS)
    expect(pkg.required).toEqual(PACKAGE_TOP_LEVEL_KEYS)
    for (const schema of [backup, pkg]) {
      const d = defs(schema)
      expect(Object.keys(props(d.organisation))).toEqual(RECORD_KEYS.organisations)
      expect(Object.keys(props(d.department))).toEqual(RECORD_KEYS.departments)
      expect(Object.keys(props(d.round))).toEqual(RECORD_KEYS.rounds)
      expect(Object.keys(props(d.assessment))).toEqual(RECORD_KEYS.assessments)
      expect(Object.keys(props(d.answer))).toEqual([...ANSWER_KEYS])
      expect(d.answer!.required).toEqual([...ANSWER_KEYS])
      expect(props(d.assessment).answers).toMatchObject({ additionalProperties: { $ref: '#/$defs/answer' } })
      expect(d.catalog).toBeDefined()
    }
  })

  it('leaves no check unrepresented (no empty schema where a z.custom was)', () => {
    for (const text of Object.values(files)) expect(text).not.toMatch(/:\s*\{\s*\}/)
  })
})
