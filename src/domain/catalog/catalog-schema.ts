/**
 * Validation of catalogue files (the default catalogue, custom and imported ones).
 *
 * A catalogue is data, never code: it is checked by a schema (structure and types) and by
 * cross-reference rules (unique ids, every item in a known dimension, triggers and dependencies
 * pointing to existing items and measures). An invalid catalogue is rejected as a whole with
 * issues that say what and where (a code with parameters, the path, and the place in words:
 * `catalogLocation`; the UI words them, i18n namespace `catalogErrors`), so the questionnaire is
 * never half-rendered.
 * Dependency cycles between measures are NOT rejected here: the roadmap detects and reports them.
 */
import { z } from 'zod'
import { isCalendarDate } from '@/domain/model/dates'
import { MAX_SCALE_LEVELS, MIN_SCALE_LEVELS, isStrictlyIncreasing } from '@/domain/model/scale'
import { ADDRESSEES, AGGREGATION_RULES, APPLICABILITIES, BUNDESLAENDER, CATALOG_FORMAT, INVENTORY_FOCUSES, LANGUAGES, SCORING_MODELS, VOCABULARIES, type Catalog, type CatalogItem, type LocalizedText, type ScaleDescription } from '@/domain/model/types'

const text = (max: number) => z.string().trim().min(1).max(max)
// Length bounds guard against absurd files only; real models' texts (level descriptions of OWASP
// SAMM, a Land's questionnaire) must pass whole, so prose fields allow 20,000 characters.
const TITLE = 500
const PROSE = 20_000
/** A text in one or both languages; which one must be there is checked against `defaultLanguage`. */
const localized = (max: number) =>
  z.object({ de: text(max).optional(), en: text(max).optional() }).refine((t) => t.de !== undefined || t.en !== undefined, { message: 'textMissing' satisfies CatalogIssueCode })
/** A level position on an answer scale (2–8 levels: 0–7); that it exists on its scale is a cross-reference check. */
const level = z.number().int().min(0).max(MAX_SCALE_LEVELS - 1)
const scale5 = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)])
// The custom messages below are issue codes (see SCHEMA_CODES), never user text.
const id = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'invalidId' satisfies CatalogIssueCode)
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'invalidDateFormat' satisfies CatalogIssueCode, abort: true })
  .refine(isCalendarDate, 'noSuchDate' satisfies CatalogIssueCode)
const semver = z.string().regex(/^\d+\.\d+\.\d+$/, 'invalidVersion' satisfies CatalogIssueCode)
const weight = z.number().positive().max(10)
const aggregation = z.enum(AGGREGATION_RULES)
/** Model-specific data a converter keeps (SAMM ids, DSOMM hints); stored as is, never interpreted. */
const extensions = z.record(z.string().max(80), z.unknown().describe('Any JSON value, kept as is')).optional()

const scaleDescription = z.object({ value: z.number(), label: localized(TITLE), description: localized(PROSE).optional() })
/** An answer scale: 2–8 levels, values rising strictly (checked with the cross references). */
const answerScale = z.array(scaleDescription).min(MIN_SCALE_LEVELS).max(MAX_SCALE_LEVELS)
/** The fixed five-step scales of Bedarf, Potenzial, Aufwand and Nutzen. */
const fiveSteps = z.array(scaleDescription).length(5)

export const catalogSchema = z.object({
  format: z.literal(CATALOG_FORMAT),
  formatVersion: z.literal(1),
  id,
  version: semver,
  defaultLanguage: z.enum(LANGUAGES).optional(),
  title: localized(TITLE),
  description: localized(PROSE),
  publishedAt: isoDate,
  license: z.string().max(300).optional(),
  authors: z.array(z.string().max(200)).max(50).optional(),
  sources: z.array(z.object({ id, title: text(TITLE * 2), url: z.string().url().max(2000), note: z.string().max(PROSE).optional() })).max(500),
  scales: z.object({
    ist: answerScale,
    bedarf: fiveSteps.optional(),
    potenzial: fiveSteps.optional(),
    effort: fiveSteps.optional(),
    impact: fiveSteps.optional(),
  }),
  answerScales: z.array(z.object({ id, levels: answerScale })).max(50).optional(),
  groups: z
    .array(z.object({ id, title: localized(TITLE), shortTitle: localized(60).optional(), description: localized(PROSE).optional(), parentId: id.optional(), aggregation: aggregation.optional(), weight: weight.optional(), extensions }))
    .max(200)
    .optional(),
  aggregation: aggregation.optional(),
  modelScore: z.object({ label: localized(TITLE), decimals: z.number().int().min(0).max(4).optional(), unanswered: z.enum(['lowest', 'skip']).optional() }).optional(),
  dimensions: z
    .array(
      z.object({
        id,
        title: localized(TITLE),
        shortTitle: localized(60).optional(),
        description: localized(PROSE),
        weight: weight.optional(),
        defaultTarget: level,
        parentId: id.optional(),
        aggregation: aggregation.optional(),
        extensions,
      }),
    )
    .min(1)
    .max(100),
  items: z
    .array(
      z.object({
        id,
        dimensionId: id,
        question: localized(PROSE),
        help: localized(PROSE),
        scale: id.optional(),
        levels: z.array(localized(PROSE)).min(MIN_SCALE_LEVELS).max(MAX_SCALE_LEVELS),
        appliesTo: z.enum(APPLICABILITIES).default('all'),
        owner: localized(TITLE).optional(),
        weight: weight.optional(),
        defaultTarget: level.optional(),
        sourceIds: z.array(id).max(20).optional(),
        stage: z.number().int().min(0).max(20).optional(),
        dependsOn: z.array(id).max(50).optional(),
        extensions,
      }),
    )
    .min(1)
    .max(2000),
  measures: z
    .array(
      z.object({
        id,
        title: localized(TITLE),
        description: localized(PROSE),
        dimensionIds: z.array(id).min(1).max(20),
        triggers: z.array(z.object({ itemId: id, maxLevel: level })).min(1).max(50),
        effort: scale5,
        impact: scale5,
        dependsOn: z.array(id).max(50),
        obligation: z
          .object({
            law: text(300),
            paragraph: text(200).optional(),
            description: localized(PROSE),
            date: isoDate.optional(),
            addressee: z.enum(ADDRESSEES).optional(),
            bundeslaender: z.union([z.literal('all'), z.array(z.enum(BUNDESLAENDER)).min(1).max(16)]).optional(),
            inForceSince: isoDate.optional(),
            deadline: isoDate.nullable().optional(),
            sourceIds: z.array(id).max(20).optional(),
          })
          .refine((o) => o.date !== undefined || o.inForceSince !== undefined, { message: 'obligationDateMissing' satisfies CatalogIssueCode })
          .optional(),
        sourceIds: z.array(id).max(20).optional(),
        inventory: z.enum(INVENTORY_FOCUSES).optional(),
        extensions,
      }),
    )
    .max(1000),
  scoringModel: z.enum(SCORING_MODELS).optional(),
  predecessors: z
    .array(z.object({ catalogVersion: semver, items: z.record(id, id.nullable()) }))
    .max(50)
    .optional(),
  vocabulary: z.enum(VOCABULARIES).optional(),
  extensions,
})

/** What is wrong with a catalogue; `params` of each code in brackets. */
export type CatalogIssueCode =
  // Structure (schema)
  | 'invalidType' // { expected: value-type code, e.g. 'string', 'object', 'array' }
  | 'tooFewEntries' // { min }
  | 'tooManyEntries' // { max }
  | 'tooSmall' // { min }: a number too small or a text empty/too short
  | 'tooBig' // { max }: a number too large or a text too long
  | 'invalidValue' // { allowed: string[] }
  | 'invalidChoice' // e.g. a level outside 0–4
  | 'invalidFormat' // { format }, e.g. 'url'
  | 'invalidId'
  | 'invalidDateFormat'
  | 'noSuchDate'
  | 'invalidVersion'
  | 'obligationDateMissing'
  | 'unknownFields' // { keys: string[] }
  | 'textMissing' // a text without any language
  | 'invalid'
  // Cross references
  | 'duplicateId' // { id }
  | 'itemUnknownDimension' // { itemId, dimensionId }
  | 'unknownSource' // { sourceId }
  | 'ownerMissing' // { itemId }
  | 'mappedToUnknownItem' // { itemId, target }
  | 'emptyDimension' // { dimensionId }
  | 'measureUnknownDimension' // { measureId, dimensionId }
  | 'measureUnknownItem' // { measureId, itemId }
  | 'measureDependsOnItself' // { measureId }
  | 'measureUnknownMeasure' // { measureId, dependency }
  | 'defaultLanguageMissing' // { language }: a text lacks the catalogue's default language
  | 'scaleNotIncreasing' // { scale }: the values of an answer scale do not rise strictly
  | 'itemUnknownScale' // { itemId, scale }
  | 'levelCountMismatch' // { itemId, expected, actual }: level texts ≠ levels of the item's scale
  | 'levelOutOfScale' // { level, max }: a target or trigger level the scale does not have
  | 'unknownGroup' // { id, parentId }: a dimension or group below an unknown group
  | 'groupCycle' // { groupId }
  | 'emptyGroup' // { groupId }
  | 'itemUnknownItem' // { itemId, dependency }: an item depends on an unknown item
  // Loading
  | 'notAvailable' // the pinned catalogue is not stored in this browser

/** Codes the schema carries as its custom messages. */
const SCHEMA_CODES: ReadonlySet<string> = new Set<CatalogIssueCode>(['textMissing', 'invalidId', 'invalidDateFormat', 'noSuchDate', 'invalidVersion', 'obligationDateMissing'])

export type CatalogPathSeg = string | number

/** The record of a catalogue a problem is in. */
export type CatalogEntity = 'catalog' | 'source' | 'scale' | 'group' | 'dimension' | 'item' | 'measure' | 'predecessor'

/**
 * Where a problem is, as the UI can say it ("Frage str-01, Stufe 3, deutscher Text") instead of
 * `items.5.levels.3.de`.
 */
export interface CatalogLocation {
  entity: CatalogEntity
  /** The record's id (a scale's name, a predecessor's version); absent when the file gives none usable. */
  id?: string
  /** 1-based position in its list when there is no usable id. */
  position?: number
  /** Level position (0 = lowest) of an item's level texts. */
  level?: number
  /** 1-based entry of a scale. */
  entry?: number
  /** The field inside the record, e.g. `question`, `triggers[0].itemId`, `obligation.date`; '' = the record itself. */
  field: string
  /** Language of a localised text, when the path ends in one. */
  language?: 'de' | 'en'
}

export interface CatalogIssue {
  code: CatalogIssueCode
  /** Language-neutral values for the message (ids, numbers, lists of codes). */
  params: Record<string, string | number | readonly string[]>
  /** Path into the catalogue, e.g. `['items', 5, 'levels', 3, 'de']`; `[]` = the file as a whole. */
  path: CatalogPathSeg[]
  /** The same place in words (see `catalogLocation`). */
  location: CatalogLocation
}

export type CatalogValidation = { ok: true; catalog: Catalog } | { ok: false; issues: CatalogIssue[] }

const LISTS: Readonly<Record<string, CatalogEntity>> = { sources: 'source', answerScales: 'scale', groups: 'group', dimensions: 'dimension', items: 'item', measures: 'measure', predecessors: 'predecessor' }
const USABLE_ID = /^[A-Za-z0-9._-]{1,80}$/

function fieldText(path: readonly CatalogPathSeg[]): string {
  return path.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i === 0 ? seg : `.${seg}`)).join('')
}

/**
 * The place a path points to in a catalogue (`input` is the parsed file, valid or not): which
 * question, measure, dimension, source, scale or predecessor (by id, else by position), which level
 * or scale entry, the field inside, and the language of a localised text. Never throws.
 */
export function catalogLocation(input: unknown, path: readonly CatalogPathSeg[]): CatalogLocation {
  let rest = [...path]
  const location: CatalogLocation = { entity: 'catalog', field: '' }
  const [head, index] = rest
  const list = typeof head === 'string' ? LISTS[head] : undefined
  if (list !== undefined && typeof index === 'number') {
    location.entity = list
    const record = recordAt(input, head as string, index)
    const id = list === 'predecessor' ? record?.catalogVersion : record?.id
    if (typeof id === 'string' && USABLE_ID.test(id)) location.id = id
    else location.position = index + 1
    rest = rest.slice(2)
    if (list === 'item' && rest[0] === 'levels' && typeof rest[1] === 'number') {
      location.level = rest[1]
      rest = rest.slice(2)
    } else if (list === 'scale' && rest[0] === 'levels' && typeof rest[1] === 'number') {
      location.entry = rest[1] + 1
      rest = rest.slice(2)
    }
  } else if (head === 'scales' && typeof index === 'string') {
    location.entity = 'scale'
    location.id = index
    rest = rest.slice(2)
    if (typeof rest[0] === 'number') {
      location.entry = rest[0] + 1
      rest = rest.slice(1)
    }
  }
  const last = rest[rest.length - 1]
  if ((last === 'de' || last === 'en') && path.length > 1) {
    location.language = last
    rest = rest.slice(0, -1)
  }
  location.field = fieldText(rest)
  return location
}

function recordAt(input: unknown, table: string, index: number): Record<string, unknown> | undefined {
  if (typeof input !== 'object' || input === null) return undefined
  const rows = (input as Record<string, unknown>)[table]
  const row = Array.isArray(rows) ? (rows[index] as unknown) : undefined
  return typeof row === 'object' && row !== null ? (row as Record<string, unknown>) : undefined
}

/** The ids that occur more than once, each with the index of its second occurrence. */
function duplicates(ids: readonly string[]): { id: string; index: number }[] {
  const seen = new Set<string>()
  const reported = new Set<string>()
  const out: { id: string; index: number }[] = []
  ids.forEach((x, index) => {
    if (!seen.has(x)) seen.add(x)
    else if (!reported.has(x)) {
      reported.add(x)
      out.push({ id: x, index })
    }
  })
  return out
}

/**
 * Checks an unknown value (parsed JSON) against the catalogue schema and the cross-reference rules.
 * Returns the typed catalogue, or every issue found (schema issues first, capped at 50) with code,
 * parameters, path and location.
 */
export function validateCatalog(input: unknown): CatalogValidation {
  const issue = (code: CatalogIssueCode, params: CatalogIssue['params'], path: CatalogPathSeg[]): CatalogIssue => ({ code, params, path, location: catalogLocation(input, path) })
  const parsed = catalogSchema.safeParse(input)
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.slice(0, 50).map((i) => {
        const { code, params } = schemaIssue(i)
        return issue(code, params, i.path.map((seg) => (typeof seg === 'symbol' ? String(seg) : seg)))
      }),
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
    for (const d of duplicates(ids)) issues.push(issue('duplicateId', { id: d.id }, [table, d.index, 'id']))
  }
  const groups = catalog.groups ?? []
  const groupIds = new Set(groups.map((g) => g.id))
  const scales = new Map<string, readonly ScaleDescription[]>((catalog.answerScales ?? []).map((sc) => [sc.id, sc.levels]))
  for (const [table, ids] of [
    ['answerScales', (catalog.answerScales ?? []).map((sc) => sc.id)],
    ['groups', groups.map((g) => g.id)],
  ] as const) {
    for (const d of duplicates(ids)) issues.push(issue('duplicateId', { id: d.id }, [table, d.index, 'id']))
  }
  for (const d of duplicates([...groupIds, ...dimIds])) issues.push(issue('duplicateId', { id: d.id }, ['dimensions', catalog.dimensions.findIndex((x) => x.id === d.id), 'id']))
  issues.push(...languageIssues(catalog, input))
  if (!isStrictlyIncreasing(catalog.scales.ist.map((l) => l.value))) issues.push(issue('scaleNotIncreasing', { scale: 'ist' }, ['scales', 'ist']))
  ;(catalog.answerScales ?? []).forEach((sc, i) => {
    if (!isStrictlyIncreasing(sc.levels.map((l) => l.value))) issues.push(issue('scaleNotIncreasing', { scale: sc.id }, ['answerScales', i, 'levels']))
  })
  const defaultLevels = catalog.scales.ist.length
  const levelsOf = (item: CatalogItem): number => (item.scale === undefined ? defaultLevels : (scales.get(item.scale)?.length ?? defaultLevels))
  const checkLevel = (level: number, levels: number, path: CatalogPathSeg[]): void => {
    if (level > levels - 1) issues.push(issue('levelOutOfScale', { level, max: levels - 1 }, path))
  }
  // Hierarchy: every parent is a known group, no cycles, no empty group.
  const parentOf = new Map(groups.map((g) => [g.id, g.parentId]))
  groups.forEach((g, i) => {
    if (g.parentId !== undefined && !groupIds.has(g.parentId)) issues.push(issue('unknownGroup', { id: g.id, parentId: g.parentId }, ['groups', i, 'parentId']))
    const seen = new Set<string>([g.id])
    for (let p = g.parentId; p !== undefined; p = parentOf.get(p)) {
      if (seen.has(p)) {
        issues.push(issue('groupCycle', { groupId: g.id }, ['groups', i, 'parentId']))
        break
      }
      seen.add(p)
    }
    if (!groups.some((c) => c.parentId === g.id) && !catalog.dimensions.some((d) => d.parentId === g.id)) issues.push(issue('emptyGroup', { groupId: g.id }, ['groups', i]))
  })
  catalog.dimensions.forEach((dim, i) => {
    if (dim.parentId !== undefined && !groupIds.has(dim.parentId)) issues.push(issue('unknownGroup', { id: dim.id, parentId: dim.parentId }, ['dimensions', i, 'parentId']))
    checkLevel(dim.defaultTarget, defaultLevels, ['dimensions', i, 'defaultTarget'])
  })
  const itemsById = new Map(catalog.items.map((item) => [item.id, item]))
  catalog.items.forEach((item, i) => {
    if (item.scale !== undefined && !scales.has(item.scale)) issues.push(issue('itemUnknownScale', { itemId: item.id, scale: item.scale }, ['items', i, 'scale']))
    const levels = levelsOf(item)
    if (item.levels.length !== levels) issues.push(issue('levelCountMismatch', { itemId: item.id, expected: levels, actual: item.levels.length }, ['items', i, 'levels']))
    if (item.defaultTarget !== undefined) checkLevel(item.defaultTarget, levels, ['items', i, 'defaultTarget'])
    ;(item.dependsOn ?? []).forEach((dep, j) => {
      if (!itemIds.has(dep) || dep === item.id) issues.push(issue('itemUnknownItem', { itemId: item.id, dependency: dep }, ['items', i, 'dependsOn', j]))
    })
    if (!dimIds.has(item.dimensionId)) issues.push(issue('itemUnknownDimension', { itemId: item.id, dimensionId: item.dimensionId }, ['items', i, 'dimensionId']))
    ;(item.sourceIds ?? []).forEach((s, j) => {
      if (!sourceIds.has(s)) issues.push(issue('unknownSource', { sourceId: s }, ['items', i, 'sourceIds', j]))
    })
    if (item.appliesTo === 'organisation' && !item.owner) issues.push(issue('ownerMissing', { itemId: item.id }, ['items', i, 'owner']))
  })
  ;(catalog.predecessors ?? []).forEach((p, i) => {
    for (const [from, to] of Object.entries(p.items)) {
      if (to !== null && !itemIds.has(to)) issues.push(issue('mappedToUnknownItem', { itemId: from, target: to }, ['predecessors', i, 'items', from]))
    }
  })
  catalog.dimensions.forEach((dim, i) => {
    if (!catalog.items.some((item) => item.dimensionId === dim.id)) issues.push(issue('emptyDimension', { dimensionId: dim.id }, ['dimensions', i]))
  })
  catalog.measures.forEach((m, i) => {
    m.dimensionIds.forEach((d, j) => {
      if (!dimIds.has(d)) issues.push(issue('measureUnknownDimension', { measureId: m.id, dimensionId: d }, ['measures', i, 'dimensionIds', j]))
    })
    m.triggers.forEach((t, j) => {
      const item = itemsById.get(t.itemId)
      if (!item) issues.push(issue('measureUnknownItem', { measureId: m.id, itemId: t.itemId }, ['measures', i, 'triggers', j, 'itemId']))
      else checkLevel(t.maxLevel, levelsOf(item), ['measures', i, 'triggers', j, 'maxLevel'])
    })
    m.dependsOn.forEach((dep, j) => {
      if (dep === m.id) issues.push(issue('measureDependsOnItself', { measureId: m.id }, ['measures', i, 'dependsOn', j]))
      else if (!measureIds.has(dep)) issues.push(issue('measureUnknownMeasure', { measureId: m.id, dependency: dep }, ['measures', i, 'dependsOn', j]))
    })
    ;(m.sourceIds ?? []).forEach((s, j) => {
      if (!sourceIds.has(s)) issues.push(issue('unknownSource', { sourceId: s }, ['measures', i, 'sourceIds', j]))
    })
    ;(m.obligation?.sourceIds ?? []).forEach((s, j) => {
      if (!sourceIds.has(s)) issues.push(issue('unknownSource', { sourceId: s }, ['measures', i, 'obligation', 'sourceIds', j]))
    })
  })
  return issues.length > 0 ? { ok: false, issues: issues.slice(0, 50) } : { ok: true, catalog }
}

/**
 * Every catalogue text must be given in the catalogue's default language (German unless
 * `defaultLanguage` says otherwise); the other language is optional and falls back to it.
 */
function languageIssues(catalog: Catalog, input: unknown): CatalogIssue[] {
  const language = catalog.defaultLanguage ?? 'de'
  const out: CatalogIssue[] = []
  const check = (text: LocalizedText | undefined, path: CatalogPathSeg[]): void => {
    if (text !== undefined && text[language] === undefined) {
      const at = [...path, language]
      out.push({ code: 'defaultLanguageMissing', params: { language }, path: at, location: catalogLocation(input, at) })
    }
  }
  check(catalog.title, ['title'])
  check(catalog.description, ['description'])
  check(catalog.modelScore?.label, ['modelScore', 'label'])
  for (const [name, entries] of Object.entries(catalog.scales)) {
    entries.forEach((e, i) => {
      check(e.label, ['scales', name, i, 'label'])
      check(e.description, ['scales', name, i, 'description'])
    })
  }
  ;(catalog.answerScales ?? []).forEach((sc, i) =>
    sc.levels.forEach((e, j) => {
      check(e.label, ['answerScales', i, 'levels', j, 'label'])
      check(e.description, ['answerScales', i, 'levels', j, 'description'])
    }),
  )
  ;(catalog.groups ?? []).forEach((g, i) => {
    check(g.title, ['groups', i, 'title'])
    check(g.shortTitle, ['groups', i, 'shortTitle'])
    check(g.description, ['groups', i, 'description'])
  })
  catalog.dimensions.forEach((d, i) => {
    check(d.title, ['dimensions', i, 'title'])
    check(d.shortTitle, ['dimensions', i, 'shortTitle'])
    check(d.description, ['dimensions', i, 'description'])
  })
  catalog.items.forEach((item, i) => {
    check(item.question, ['items', i, 'question'])
    check(item.help, ['items', i, 'help'])
    check(item.owner, ['items', i, 'owner'])
    item.levels.forEach((l, j) => check(l, ['items', i, 'levels', j]))
  })
  catalog.measures.forEach((m, i) => {
    check(m.title, ['measures', i, 'title'])
    check(m.description, ['measures', i, 'description'])
    check(m.obligation?.description, ['measures', i, 'obligation', 'description'])
  })
  return out
}

/** A zod issue as a code with parameters (the schema's custom messages are codes already). */
function schemaIssue(issue: z.core.$ZodIssue): Pick<CatalogIssue, 'code' | 'params'> {
  if (SCHEMA_CODES.has(issue.message)) return { code: issue.message as CatalogIssueCode, params: {} }
  switch (issue.code) {
    case 'invalid_type':
      return { code: 'invalidType', params: { expected: issue.expected } }
    case 'too_small':
      return { code: issue.origin === 'array' ? 'tooFewEntries' : 'tooSmall', params: { min: Number(issue.minimum) } }
    case 'too_big':
      return { code: issue.origin === 'array' ? 'tooManyEntries' : 'tooBig', params: { max: Number(issue.maximum) } }
    case 'invalid_value':
      return { code: 'invalidValue', params: { allowed: issue.values.map(String) } }
    case 'invalid_union':
      return { code: 'invalidChoice', params: {} }
    case 'invalid_format':
      return { code: 'invalidFormat', params: { format: issue.format } }
    case 'unrecognized_keys':
      return { code: 'unknownFields', params: { keys: issue.keys } }
    default:
      return { code: 'invalid', params: {} }
  }
}

