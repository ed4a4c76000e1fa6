/**
 * Lookups over one catalogue and the one applicability rule (which items a department is asked).
 * Catalogues are treated as immutable: the index is built once per catalogue object.
 */
import { DEPARTMENT_KINDS, type Catalog, type CatalogDimension, type CatalogItem, type CatalogMeasure, type Department, type DepartmentKind } from './types'

/**
 * True if the item is asked of the department: 'all' items always, 'central' items only of
 * central departments (Querschnitt). Every other place asks this function.
 */
export function appliesTo(item: Pick<CatalogItem, 'appliesTo'>, department: Pick<Department, 'kind'>): boolean {
  return item.appliesTo === 'all' || department.kind === 'central'
}

/**
 * The catalogue's items in questionnaire order, the one order every screen lists items in
 * (questionnaire, stepper, workshop, results, report): by the catalogue's dimension order (first of
 * duplicate dimension ids), then the items' order in `catalog.items` within a dimension; items of an
 * unknown dimension last, in catalogue order. So an item listed after a later dimension's items
 * still comes with its own dimension, and question numbers (position + 1) run 1, 2, 3 … in the
 * order the screens show. Nothing is dropped (duplicates stay; callers filter).
 */
export function questionnaireOrder<T extends Pick<CatalogItem, 'dimensionId'>>(catalog: Pick<Catalog, 'dimensions'>, items: readonly T[]): T[] {
  const dimension = new Map<string, number>()
  catalog.dimensions.forEach((d, i) => {
    if (!dimension.has(d.id)) dimension.set(d.id, i)
  })
  const last = catalog.dimensions.length
  return items
    .map((item, position) => ({ item, position, dim: dimension.get(item.dimensionId) ?? last }))
    .sort((a, b) => a.dim - b.dim || a.position - b.position)
    .map((x) => x.item)
}

/**
 * The items of a catalogue asked of a department of the given kind, in questionnaire order
 * (`questionnaireOrder`), duplicates and unknown dimensions included.
 */
export function applicableItems(catalog: Catalog, kind: DepartmentKind): CatalogItem[] {
  return questionnaireOrder(catalog, catalog.items).filter((item) => appliesTo(item, { kind }))
}

/** Question numbers (1, 2, 3 …) of a list of items already in questionnaire order, by item id (first occurrence wins). */
export function questionNumbers(items: readonly Pick<CatalogItem, 'id'>[]): ReadonlyMap<string, number> {
  const numbers = new Map<string, number>()
  items.forEach((item, i) => {
    if (!numbers.has(item.id)) numbers.set(item.id, i + 1)
  })
  return numbers
}

/** The scorable items asked of one kind of department, questionnaire order, and each one's position. */
export interface AskedItems {
  items: readonly CatalogItem[]
  position: ReadonlyMap<string, number>
}

/** Lookup tables over one catalogue, built once per catalogue object. */
export interface CatalogIndex {
  catalog: Catalog
  itemsById: ReadonlyMap<string, CatalogItem>
  /** Position of each item in questionnaire order (`questionnaireOrder`), for one stable order everywhere. */
  itemOrder: ReadonlyMap<string, number>
  dimensionsById: ReadonlyMap<string, CatalogDimension>
  itemsByDimension: ReadonlyMap<string, readonly CatalogItem[]>
  measuresById: ReadonlyMap<string, CatalogMeasure>
  /** Scorable items (unique id, known dimension) per department kind (see `askedItems`). */
  asked: Readonly<Record<DepartmentKind, AskedItems>>
  /** Scorable items that apply to every department (= asked of a specialist department). */
  allItems: readonly CatalogItem[]
  /** All scorable items (= asked of a central department), questionnaire order. */
  centralItems: readonly CatalogItem[]
  /** Dimensions with unique ids, catalogue order, and their positions. */
  dimensionList: readonly CatalogDimension[]
  dimensionPosition: ReadonlyMap<string, number>
}

const indexCache = new WeakMap<Catalog, CatalogIndex>()

/**
 * Returns lookup maps for a catalogue (memoised per catalogue object, so do not mutate a catalogue
 * after analysing it). Duplicate ids: the first one in the file wins. Items of unknown dimensions are kept in
 * `itemsById` but belong to no dimension, so they never score.
 */
export function indexCatalog(catalog: Catalog): CatalogIndex {
  const cached = indexCache.get(catalog)
  if (cached) return cached
  const itemsById = new Map<string, CatalogItem>()
  const itemOrder = new Map<string, number>()
  const dimensionsById = new Map<string, CatalogDimension>()
  const itemsByDimension = new Map<string, CatalogItem[]>()
  const measuresById = new Map<string, CatalogMeasure>()
  for (const d of catalog.dimensions) {
    if (dimensionsById.has(d.id)) continue
    dimensionsById.set(d.id, d)
    itemsByDimension.set(d.id, [])
  }
  for (const item of catalog.items) if (!itemsById.has(item.id)) itemsById.set(item.id, item)
  // The first of duplicate ids (in the file) wins; the survivors in questionnaire order.
  const ordered = questionnaireOrder(catalog, catalog.items).filter((item) => itemsById.get(item.id) === item)
  ordered.forEach((item, i) => {
    itemOrder.set(item.id, i)
    itemsByDimension.get(item.dimensionId)?.push(item)
  })
  for (const m of catalog.measures) if (!measuresById.has(m.id)) measuresById.set(m.id, m)
  const scorable = ordered.filter((item) => itemsById.get(item.id) === item && dimensionsById.has(item.dimensionId))
  const askedOf = (kind: DepartmentKind): AskedItems => {
    const items = scorable.filter((item) => appliesTo(item, { kind }))
    return { items, position: new Map(items.map((item, i) => [item.id, i])) }
  }
  const asked = Object.fromEntries(DEPARTMENT_KINDS.map((kind) => [kind, askedOf(kind)])) as Record<DepartmentKind, AskedItems>
  const dimensionList = [...dimensionsById.values()]
  const index: CatalogIndex = {
    dimensionList,
    dimensionPosition: new Map(dimensionList.map((d, i) => [d.id, i])),
    asked,
    allItems: asked.specialist.items,
    centralItems: asked.central.items,
    catalog,
    itemsById,
    itemOrder,
    dimensionsById,
    itemsByDimension,
    measuresById,
  }
  indexCache.set(catalog, index)
  return index
}

/** The scorable items asked of a department (applicable, known dimension, first of duplicate ids), questionnaire order. */
export function askedItems(index: CatalogIndex, department: Pick<Department, 'kind'>): AskedItems {
  return index.asked[department.kind]
}
