/**
 * What the analysis looks up per item and per measure, derived once per catalogue object (like
 * `indexCatalog`, so do not mutate a catalogue after analysing it): each item's scale levels,
 * dimension and maturity function, each measure's merged triggers with their positions among the
 * items a department kind is asked, and the round's planned targets per item (once per analysis,
 * not once per department × item). The hot loops of consensus, gaps and prioritisation read these
 * instead of rebuilding them per lookup; the results are the same.
 */
import { askedItems, type CatalogIndex, indexCatalog } from '@/domain/model/catalog-index'
import { levelMaturity, scaleValues } from '@/domain/model/scale'
import { DEPARTMENT_KINDS, type Catalog, type CatalogDimension, type CatalogItem, type CatalogMeasure, type DepartmentKind, type Round } from '@/domain/model/types'
import type { DomainWarning } from './method'
import { plannedTarget, scaleLevelsOf, type ScaleLevels, type TargetSource } from './targets'

/**
 * Maturity 0–100 of a (consensus) Ist level on the answer scale the catalogue declares for the item
 * (`scales.ist`, or the item's `answerScales` entry; values may be non-linear, see model/scale.ts).
 * Without an item id (or for an item on the default scale) the default scale applies. For the
 * built-in catalogues (values 0–4) this is `itemMaturity` (scoring.ts).
 */
export function catalogMaturity(
  catalog: Pick<Catalog, 'scales'> & Partial<Pick<Catalog, 'answerScales' | 'items'>>,
): (ist: number, itemId?: string) => number {
  const { defaultValues, byItem } = maturityScales(catalog)
  return (ist, itemId) => levelMaturity((itemId === undefined ? undefined : byItem.get(itemId)) ?? defaultValues, ist)
}

/** The scale values `catalogMaturity` rates with: the default scale's, and those of items on a declared scale (by item id). */
function maturityScales(catalog: Pick<Catalog, 'scales'> & Partial<Pick<Catalog, 'answerScales' | 'items'>>): {
  defaultValues: number[]
  byItem: Map<string, number[]>
} {
  const defaultValues = scaleValues(catalog.scales.ist)
  const byScale = new Map((catalog.answerScales ?? []).map((sc) => [sc.id, scaleValues(sc.levels)]))
  const byItem = new Map<string, number[]>()
  for (const item of catalog.items ?? []) {
    const values = item.scale === undefined ? undefined : byScale.get(item.scale)
    if (values) byItem.set(item.id, values)
  }
  return { defaultValues, byItem }
}

/** One item as the analysis sees it (the first of duplicate ids, as in `indexCatalog`). */
export interface ItemPlan {
  item: CatalogItem
  /** Position in `CatalogPlan.itemList`, for per-analysis tables. */
  slot: number
  /** The item's dimension, undefined for an unknown dimension (such an item never scores). */
  dimension: CatalogDimension | undefined
  /** Position of the dimension in `index.dimensionList`; undefined for an unknown dimension. */
  dimensionPosition: number | undefined
  /** Position in questionnaire order (`index.itemOrder`). */
  order: number
  levels: ScaleLevels
  /** The values of the scale the item's maturity is rated on (`levelMaturity(maturityValues, ist)` = `catalogMaturity(catalog)(ist, id)`). */
  maturityValues: readonly number[]
}

/** One merged trigger of a measure: the item and the highest maxLevel given for it. */
export interface TriggerPlan {
  itemId: string
  maxLevel: number
  plan: ItemPlan
  /** Position among the items asked of each department kind (undefined: not asked of that kind). */
  position: Readonly<Record<DepartmentKind, number | undefined>>
}

/** A trigger as seen by one kind of department: its item's position among the items that kind is asked. */
export interface AskedTrigger {
  trigger: TriggerPlan
  position: number
}

export interface MeasurePlan {
  measure: CatalogMeasure
  /** Known trigger items, first occurrence order, duplicates merged (highest maxLevel). */
  triggers: readonly TriggerPlan[]
  /** Per department kind (`kindIndex`): the triggers whose item that kind is asked, same order. */
  askedTriggers: readonly (readonly AskedTrigger[])[]
  /** Any trigger item is a central item (part of the Leitprojekt rule of method 1.0). */
  centralTrigger: boolean
}

export interface CatalogPlan {
  index: CatalogIndex
  items: ReadonlyMap<string, ItemPlan>
  itemList: readonly ItemPlan[]
  /** `catalogMaturity(catalog)`, built once. */
  maturityOf: (ist: number, itemId?: string) => number
  /** Per department kind (`kindIndex`): the plans of the items that kind is asked, aligned with `askedItems(index, …).items`. */
  askedPlans: readonly (readonly ItemPlan[])[]
  /** Measures with unique ids, catalogue order (as `index.measuresById`). */
  measures: readonly MeasurePlan[]
  /** The 'unknown_trigger_item' findings, measure and trigger order (copy before handing out). */
  triggerWarnings: readonly DomainWarning[]
}

const planCache = new WeakMap<Catalog, CatalogPlan>()

/** The analysis plan of a catalogue, memoised per catalogue object. */
export function catalogPlan(catalog: Catalog): CatalogPlan {
  const cached = planCache.get(catalog)
  if (cached) return cached
  const index = indexCatalog(catalog)
  const items = new Map<string, ItemPlan>()
  const itemList: ItemPlan[] = []
  const maturity = maturityScales(catalog)
  for (const item of index.itemsById.values()) {
    const plan: ItemPlan = {
      item,
      slot: itemList.length,
      dimension: index.dimensionsById.get(item.dimensionId),
      dimensionPosition: index.dimensionPosition.get(item.dimensionId),
      order: index.itemOrder.get(item.id) as number,
      levels: scaleLevelsOf(catalog, item),
      maturityValues: maturity.byItem.get(item.id) ?? maturity.defaultValues,
    }
    items.set(item.id, plan)
    itemList.push(plan)
  }
  const positions = DEPARTMENT_KINDS.map((kind) => [kind, askedItems(index, { kind }).position] as const)
  const triggerWarnings: DomainWarning[] = []
  const measures: MeasurePlan[] = []
  for (const measure of index.measuresById.values()) {
    const merged = new Map<string, TriggerPlan>()
    for (const t of measure.triggers) {
      const plan = items.get(t.itemId)
      if (!plan) {
        triggerWarnings.push({
          code: 'unknown_trigger_item',
          message: `Measure ${measure.id} is triggered by unknown item ${t.itemId}; trigger ignored.`,
          ids: [measure.id, t.itemId],
        })
        continue
      }
      const seen = merged.get(t.itemId)
      if (seen) seen.maxLevel = Math.max(seen.maxLevel, t.maxLevel)
      else {
        const position = Object.fromEntries(positions.map(([kind, pos]) => [kind, pos.get(t.itemId)])) as Record<DepartmentKind, number | undefined>
        merged.set(t.itemId, { itemId: t.itemId, maxLevel: t.maxLevel, plan, position })
      }
    }
    const centralTrigger = measure.triggers.some((t) => index.itemsById.get(t.itemId)?.appliesTo === 'central')
    const triggers = [...merged.values()]
    const askedTriggers = DEPARTMENT_KINDS.map((kind) =>
      triggers.flatMap((trigger) => {
        const position = trigger.position[kind]
        return position === undefined ? [] : [{ trigger, position }]
      }),
    )
    measures.push({ measure, triggers, askedTriggers, centralTrigger })
  }
  const askedPlans = DEPARTMENT_KINDS.map((kind) => askedItems(index, { kind }).items.map((item) => items.get(item.id) as ItemPlan))
  const result: CatalogPlan = { index, items, itemList, maturityOf: catalogMaturity(catalog), askedPlans, measures, triggerWarnings }
  planCache.set(catalog, result)
  return result
}

/** Index of a department kind in DEPARTMENT_KINDS (for `MeasurePlan.askedTriggers`); -1 for an unknown kind. */
export function kindIndex(kind: DepartmentKind): number {
  return DEPARTMENT_KINDS.indexOf(kind)
}

/** Fresh copies of the plan's 'unknown_trigger_item' warnings (results never share them). */
export function triggerWarningsOf(plan: CatalogPlan): DomainWarning[] {
  return plan.triggerWarnings.map((w) => ({ code: w.code, message: w.message, ids: [...w.ids] }))
}

/** A target and where it came from (see targets.ts). */
export interface PlannedTarget {
  target: number
  source: TargetSource
}

/**
 * The round's planned targets (`plannedTarget`, round > item > dimension) by `ItemPlan.slot`,
 * worked out once per analysis instead of once per department × item. Null for an item of an
 * unknown dimension (it has no target).
 */
export type RoundTargets = readonly (PlannedTarget | null)[]

export function roundTargets(catalog: CatalogPlan, round: Pick<Round, 'dimensionTargets'>): RoundTargets {
  return catalog.itemList.map((plan) => (plan.dimension ? plannedTarget(round, plan.item, plan.dimension, plan.levels) : null))
}
