/**
 * Validation of catalogue files (the default catalogue, custom and imported ones).
 *
 * A catalogue is data, never code: it is checked by a schema (structure and types) and by
 * cross-reference rules (unique ids, every item in a known dimension, triggers and dependencies
 * pointing to existing items and measures). An invalid catalogue is rejected as a whole with
 * messages that say where the problem is, so the questionnaire is never half-rendered.
 * Dependency cycles between measures are NOT rejected here: the roadmap detects and reports them.
 */
import { z } from 'zod'
import { isCalendarDate } from '@/domain/model/dates'
import { ADDRESSEES, APPLICABILITIES, BUNDESLAENDER, CATALOG_FORMAT, SCORING_MODELS, type Catalog } from '@/domain/model/types'

const text = (max: number) => z.string().trim().min(1).max(max)
const localized = (max: number) => z.object({ de: text(max), en: text(max).optional() })
const level = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)])
const scale5 = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)])
const id = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'ungültige ID (erlaubt: a–z, 0–9, . _ -)')
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum im Format JJJJ-MM-TT erwartet').refine(isCalendarDate, 'Dieses Datum gibt es nicht (Format JJJJ-MM-TT, z. B. 2025-02-28).')
const weight = z.number().positive().max(10)

const scaleDescription = z.object({ value: z.number(), label: localized(120), description: localized(600) })

export const catalogSchema = z.object({
  format: z.literal(CATALOG_FORMAT),
  formatVersion: z.literal(1),
  id,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'Version im Format 1.2.3 erwartet'),
  title: localized(200),
  description: localized(2000),
  publishedAt: isoDate,
  license: z.string().max(300).optional(),
  authors: z.array(z.string().max(200)).max(50).optional(),
  sources: z.array(z.object({ id, title: text(400), url: z.string().url().max(1000), note: z.string().max(1000).optional() })).max(500),
  scales: z.object({
    ist: z.array(scaleDescription).length(5),
    bedarf: z.array(scaleDescription).length(5),
    potenzial: z.array(scaleDescription).length(5),
    effort: z.array(scaleDescription).length(5),
    impact: z.array(scaleDescription).length(5),
  }),
  dimensions: z
    .array(z.object({ id, title: localized(200), description: localized(1000), weight: weight.optional(), defaultTarget: level }))
    .min(1)
    .max(50),
  items: z
    .array(
      z.object({
        id,
        dimensionId: id,
        question: localized(500),
        help: localized(2000),
        levels: z.tuple([localized(400), localized(400), localized(400), localized(400), localized(400)]),
        appliesTo: z.enum(APPLICABILITIES),
        owner: localized(200).optional(),
        weight: weight.optional(),
        defaultTarget: level.optional(),
        sourceIds: z.array(id).max(20).optional(),
      }),
    )
    .min(1)
    .max(2000),
  measures: z
    .array(
      z.object({
        id,
        title: localized(300),
        description: localized(3000),
        dimensionIds: z.array(id).min(1).max(20),
        triggers: z.array(z.object({ itemId: id, maxLevel: level })).min(1).max(50),
        effort: scale5,
        impact: scale5,
        dependsOn: z.array(id).max(50),
        obligation: z
          .object({
            law: text(300),
            paragraph: text(200).optional(),
            description: localized(1000),
            date: isoDate.optional(),
            addressee: z.enum(ADDRESSEES).optional(),
            bundeslaender: z.union([z.literal('all'), z.array(z.enum(BUNDESLAENDER)).min(1).max(16)]).optional(),
            inForceSince: isoDate.optional(),
            deadline: isoDate.nullable().optional(),
            sourceIds: z.array(id).max(20).optional(),
          })
          .refine((o) => o.date !== undefined || o.inForceSince !== undefined, { message: 'Datum fehlt (date oder inForceSince).' })
          .optional(),
        sourceIds: z.array(id).max(20).optional(),
      }),
    )
    .max(1000),
  scoringModel: z.enum(SCORING_MODELS).optional(),
  predecessors: z
    .array(z.object({ catalogVersion: z.string().regex(/^\d+\.\d+\.\d+$/), items: z.record(id, id.nullable()) }))
    .max(50)
    .optional(),
})

export interface CatalogIssue {
  /** Where the problem is, e.g. `items[3].levels` or `measures[m-dms].dependsOn`. */
  path: string
  /** German, readable by a non-technical user. */
  message: string
}

export type CatalogValidation = { ok: true; catalog: Catalog } | { ok: false; issues: CatalogIssue[] }

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>()
  const dup = new Set<string>()
  for (const x of ids) (seen.has(x) ? dup : seen).add(x)
  return [...dup]
}

/**
 * Checks an unknown value (parsed JSON) against the catalogue schema and the cross-reference rules.
 * Returns the typed catalogue, or every issue found (schema issues first, capped at 50).
 */
export function validateCatalog(input: unknown): CatalogValidation {
  const parsed = catalogSchema.safeParse(input)
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.slice(0, 50).map((i) => ({
        path: i.path.map(String).join('.') || '(Datei)',
        message: germanIssue(i),
      })),
    }
  }
  const catalog = parsed.data as Catalog
  const issues: CatalogIssue[] = []
  const dimIds = new Set(catalog.dimensions.map((d) => d.id))
  const itemIds = new Set(catalog.items.map((i) => i.id))
  const measureIds = new Set(catalog.measures.map((m) => m.id))
  const sourceIds = new Set(catalog.sources.map((s) => s.id))

  for (const [table, ids] of [
    ['dimensions', catalog.dimensions.map((d) => d.id)],
    ['items', catalog.items.map((i) => i.id)],
    ['measures', catalog.measures.map((m) => m.id)],
    ['sources', catalog.sources.map((s) => s.id)],
  ] as const) {
    for (const d of duplicates([...ids])) issues.push({ path: table, message: `Die ID „${d}“ kommt mehrfach vor.` })
  }
  for (const item of catalog.items) {
    if (!dimIds.has(item.dimensionId)) {
      issues.push({ path: `items[${item.id}].dimensionId`, message: `Das Item „${item.id}“ verweist auf die unbekannte Dimension „${item.dimensionId}“.` })
    }
    for (const s of item.sourceIds ?? []) {
      if (!sourceIds.has(s)) issues.push({ path: `items[${item.id}].sourceIds`, message: `Unbekannte Quelle „${s}“.` })
    }
    if (item.appliesTo === 'organisation' && !item.owner) {
      issues.push({ path: `items[${item.id}].owner`, message: `Das Fundament-Item „${item.id}“ nennt keine zuständige Stelle (owner).` })
    }
  }
  for (const p of catalog.predecessors ?? []) {
    for (const [from, to] of Object.entries(p.items)) {
      if (to !== null && !itemIds.has(to)) {
        issues.push({ path: `predecessors[${p.catalogVersion}].items.${from}`, message: `Das Item „${from}“ wird auf das unbekannte Item „${to}“ abgebildet.` })
      }
    }
  }
  for (const dim of catalog.dimensions) {
    if (!catalog.items.some((i) => i.dimensionId === dim.id)) {
      issues.push({ path: `dimensions[${dim.id}]`, message: `Die Dimension „${dim.id}“ enthält keine Items.` })
    }
  }
  for (const m of catalog.measures) {
    for (const d of m.dimensionIds) {
      if (!dimIds.has(d)) issues.push({ path: `measures[${m.id}].dimensionIds`, message: `Die Maßnahme „${m.id}“ verweist auf die unbekannte Dimension „${d}“.` })
    }
    for (const t of m.triggers) {
      if (!itemIds.has(t.itemId)) issues.push({ path: `measures[${m.id}].triggers`, message: `Die Maßnahme „${m.id}“ wird durch das unbekannte Item „${t.itemId}“ ausgelöst.` })
    }
    for (const dep of m.dependsOn) {
      if (dep === m.id) issues.push({ path: `measures[${m.id}].dependsOn`, message: `Die Maßnahme „${m.id}“ hängt von sich selbst ab.` })
      else if (!measureIds.has(dep)) issues.push({ path: `measures[${m.id}].dependsOn`, message: `Die Maßnahme „${m.id}“ hängt von der unbekannten Maßnahme „${dep}“ ab.` })
    }
    for (const s of [...(m.sourceIds ?? []), ...(m.obligation?.sourceIds ?? [])]) {
      if (!sourceIds.has(s)) issues.push({ path: `measures[${m.id}].sourceIds`, message: `Unbekannte Quelle „${s}“.` })
    }
  }
  return issues.length > 0 ? { ok: false, issues: issues.slice(0, 50) } : { ok: true, catalog }
}

function germanIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `Falscher Datentyp (erwartet: ${issue.expected}).`
    case 'too_small':
      return issue.origin === 'array' ? `Zu wenige Einträge (mindestens ${String(issue.minimum)}).` : `Wert zu klein oder Text leer (Minimum ${String(issue.minimum)}).`
    case 'too_big':
      return issue.origin === 'array' ? `Zu viele Einträge (höchstens ${String(issue.maximum)}).` : `Wert oder Text zu groß (Maximum ${String(issue.maximum)}).`
    case 'invalid_value':
      return `Unerwarteter Wert (erlaubt: ${issue.values.map(String).join(', ')}).`
    case 'invalid_union':
      return 'Ungültiger Wert (zum Beispiel eine Stufe außerhalb von 0–4).'
    case 'invalid_format':
      return issue.message && !issue.message.startsWith('Invalid') ? issue.message : `Ungültiges Format (${issue.format}).`
    case 'unrecognized_keys':
      return `Unbekannte Felder: ${issue.keys.join(', ')}.`
    default:
      return issue.message
  }
}
