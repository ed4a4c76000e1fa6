/**
 * Comparison of assessment rounds (Erhebungsrunden) of one organisation: two rounds side by side
 * and the trend over several rounds.
 *
 * Scores always come from analyseRound. Rounds on different catalogue versions are compared on
 * the items both versions share: where the newer version declares an item mapping from the older
 * one (`predecessors`), the mapped items; else the items with the same id and dimension. Both rounds
 * are analysed again on those items only (and, with a mapping, on the newer version's item texts and
 * method, the older round's answers carried over to the new ids), so an added, removed or rewritten
 * item never shows up as a change in maturity.
 */
import { type AnalysisInput, type AnalysisOptions, type AnalysisResult, analyseRound } from '@/domain/analysis/analysis'
import { compareByCode } from './order'
import { indexCatalog } from '@/domain/model/catalog-index'
import type { Answer, Assessment, Catalog, Department, Round } from '@/domain/model/types'

/** Default |delta| below which a change counts as 'same' (score points on the 0–100 scale). */
export const DEFAULT_DELTA_EPSILON = 0.05

export interface MovedItem {
  itemId: string
  /** Dimension in catalogue A / B. */
  dimensionA: string
  dimensionB: string
}

export interface SharedItems {
  /** Item ids in both catalogues with the same dimension id, in catalogue A's order. */
  shared: string[]
  /** Items in both catalogues but in different dimensions (not shared), catalogue A's order. */
  moved: MovedItem[]
  /** Item ids only in A (catalogue A's order) / only in B (catalogue B's order). */
  onlyInA: string[]
  onlyInB: string[]
}

/**
 * Splits the items of two catalogues (by item id; the first of duplicate ids counts) into shared
 * (same id and same dimension id), moved (same id, other dimension), only in A and only in B.
 * Moved items are not shared: their scores would land in different dimensions.
 */
export function sharedItems(catalogA: Catalog, catalogB: Catalog): SharedItems {
  const a = indexCatalog(catalogA)
  const b = indexCatalog(catalogB)
  const shared: string[] = []
  const moved: MovedItem[] = []
  const onlyInA: string[] = []
  // Different catalogues (not versions of one) share nothing: an equal item id is a coincidence,
  // not the same question. They are comparable only through a declared mapping.
  const sameModel = catalogA.id === catalogB.id
  for (const itemA of a.itemsById.values()) {
    const itemB = sameModel ? b.itemsById.get(itemA.id) : undefined
    if (!itemB) onlyInA.push(itemA.id)
    else if (itemB.dimensionId === itemA.dimensionId) shared.push(itemA.id)
    else moved.push({ itemId: itemA.id, dimensionA: itemA.dimensionId, dimensionB: itemB.dimensionId })
  }
  const onlyInB = [...b.itemsById.keys()].filter((id) => !sameModel || !a.itemsById.has(id))
  return { shared, moved, onlyInA, onlyInB }
}

/**
 * The declared item mapping between two versions of one catalogue: which catalogue is the newer
 * one (it declares the mapping) and, for each comparable item, old id → new id (first one wins
 * where several old items map to one new item; items mapped to null or to unknown ids are left out).
 * Null when neither catalogue declares a mapping from the other.
 */
export interface ItemMapping {
  newer: 'a' | 'b'
  /** Old item id → new item id, the comparable items only, in the older catalogue's order. */
  pairs: [string, string][]
  /** Items of the older / newer version that have no comparable counterpart. */
  notComparableOld: string[]
  notComparableNew: string[]
}

export function declaredMapping(catalogA: Catalog, catalogB: Catalog): ItemMapping | null {
  if (catalogA.id !== catalogB.id || catalogA.version === catalogB.version) return null
  const fromB = catalogB.predecessors?.find((p) => p.catalogVersion === catalogA.version)
  const fromA = fromB ? undefined : catalogA.predecessors?.find((p) => p.catalogVersion === catalogB.version)
  const declared = fromB ?? fromA
  if (!declared) return null
  const older = fromB ? catalogA : catalogB
  const newer = fromB ? catalogB : catalogA
  const newIndex = indexCatalog(newer)
  const used = new Set<string>()
  const pairs: [string, string][] = []
  const notComparableOld: string[] = []
  for (const item of indexCatalog(older).itemsById.values()) {
    const to = Object.prototype.hasOwnProperty.call(declared.items, item.id) ? declared.items[item.id] : null
    if (to && newIndex.itemsById.has(to) && !used.has(to)) {
      used.add(to)
      pairs.push([item.id, to])
    } else notComparableOld.push(item.id)
  }
  const notComparableNew = [...newIndex.itemsById.keys()].filter((id) => !used.has(id))
  return { newer: fromB ? 'b' : 'a', pairs, notComparableOld, notComparableNew }
}

/** Assessments with their answers moved from old to new item ids (answers without a mapping dropped). */
export function renameAnswers(assessments: readonly Assessment[], pairs: readonly [string, string][]): Assessment[] {
  return assessments.map((a) => {
    const answers: Record<string, Answer> = {}
    for (const [from, to] of pairs) {
      const answer = Object.prototype.hasOwnProperty.call(a.answers, from) ? a.answers[from] : undefined
      if (answer) answers[to] = { ...answer, itemId: to }
    }
    return { ...a, answers }
  })
}

/**
 * A copy of the catalogue with only the given items (catalogue order kept) and only the
 * dimensions that still have at least one of them; id, version, measures and everything else
 * stay as they are (comparisons are about scores; triggers of dropped items simply never fire).
 * The input is not modified.
 */
export function restrictCatalog(catalog: Catalog, itemIds: Iterable<string>): Catalog {
  const keep = new Set(itemIds)
  const items = catalog.items.filter((i) => keep.has(i.id))
  const used = new Set(items.map((i) => i.dimensionId))
  return {
    ...catalog,
    dimensions: catalog.dimensions.filter((d) => used.has(d.id)),
    items,
  }
}

/** 'n/a' when either side has no score; 'same' when |delta| < epsilon. */
export type DeltaDirection = 'up' | 'down' | 'same' | 'n/a'

export interface ScoreDelta {
  /** Score in round A / B (0–100); null when not scored there. */
  a: number | null
  b: number | null
  /** b − a; null if either is null. */
  delta: number | null
  direction: DeltaDirection
}

export interface DimensionDelta extends ScoreDelta {
  dimensionId: string
}

export interface DepartmentDelta extends ScoreDelta {
  departmentId: string
  name: string
  code: string
  dimensions: DimensionDelta[]
}

/** One round with everything analyseRound needs. */
export interface RoundData {
  round: Round
  catalog: Catalog
  departments: readonly Department[]
  assessments: readonly Assessment[]
  organisation?: AnalysisInput['organisation']
}

/**
 * Which departments the organisation and dimension scores of a comparison rest on: 'common' (the
 * default) only those scored in both rounds, so a department that answered in one round only does
 * not move the headline; 'all' every department of each round, as each round's own result shows it.
 */
export type DepartmentScope = 'common' | 'all'

export interface CompareOptions extends AnalysisOptions {
  /** |delta| below this counts as 'same' (default 0.05). */
  epsilon?: number
  /** Default 'common'. */
  scope?: DepartmentScope
}

/** The departments behind the headline: scored in both rounds, and those left out of it. */
export interface ScopeInfo {
  scope: DepartmentScope
  /** Department ids scored (at least one answered item) in both rounds, by code. */
  common: string[]
  /** Scored only in round A / only in round B, by code; left out of the headline when scope is 'common'. */
  onlyInA: string[]
  onlyInB: string[]
}

export interface RoundComparison {
  /** Both rounds were analysed with the same catalogue id + version (no restriction needed). */
  sameCatalog: boolean
  /** The comparison uses the item mapping the newer catalogue version declares. */
  mapped: boolean
  /** Items the comparison is based on (all items when sameCatalog). */
  sharedItemCount: number
  onlyInA: string[]
  onlyInB: string[]
  moved: MovedItem[]
  organisation: ScoreDelta
  /** Organisation score per dimension; dimensions of A (catalogue order), then those only in B. */
  dimensions: DimensionDelta[]
  /** Departments of either round, matched by id, ordered by code; each as its own round scored it. */
  departments: DepartmentDelta[]
  /** Which departments the organisation and dimension scores rest on. */
  scope: ScopeInfo
  /**
   * The analyses the organisation and dimension scores come from (on the restricted catalogues
   * unless sameCatalog; on the common departments unless scope is 'all' or all are common).
   */
  analyses: { a: AnalysisResult; b: AnalysisResult }
}

/**
 * Delta b − a with its direction: 'n/a' if either score is null, 'same' if |delta| < epsilon,
 * else 'up' or 'down'.
 */
export function scoreDelta(a: number | null, b: number | null, epsilon = DEFAULT_DELTA_EPSILON): ScoreDelta {
  if (a === null || b === null) return { a, b, delta: null, direction: 'n/a' }
  const delta = b - a
  const direction: DeltaDirection = Math.abs(delta) < epsilon ? 'same' : delta > 0 ? 'up' : 'down'
  return { a, b, delta, direction }
}

/**
 * Compares two rounds. With the same catalogue id + version both are analysed on all items;
 * otherwise both catalogues are restricted to the shared items (same id and dimension; moved,
 * added and removed items are left out of every score) and each round is analysed again.
 * Like with like: by default the organisation and dimension scores rest only on the departments
 * scored in both rounds (see ScopeInfo); department rows always show each round's own result.
 * Organisation, dimension and department scores are paired: a/b null when not scored (nothing
 * answered, all N/A, dimension or department absent in that round), delta = b − a or null.
 * Departments are matched by id (name and code from B if present there, else from A).
 */
export function compareRounds(input: { a: RoundData; b: RoundData; options?: CompareOptions }): RoundComparison {
  const { a, b } = input
  const options = input.options ?? {}
  const epsilon = options.epsilon ?? DEFAULT_DELTA_EPSILON
  const sameCatalog = a.catalog.id === b.catalog.id && a.catalog.version === b.catalog.version
  const mapping = sameCatalog ? null : declaredMapping(a.catalog, b.catalog)
  const split = sharedItems(a.catalog, b.catalog)
  let catalogA = a.catalog
  let catalogB = b.catalog
  let assessmentsA = a.assessments
  let assessmentsB = b.assessments
  let sharedItemCount: number
  if (sameCatalog) {
    sharedItemCount = indexCatalog(a.catalog).centralItems.length
  } else if (mapping) {
    // Both rounds on the newer version's mapped items; the older round's answers renamed to them.
    const newer = mapping.newer === 'a' ? a.catalog : b.catalog
    const common = restrictCatalog(newer, mapping.pairs.map(([, to]) => to))
    catalogA = common
    catalogB = common
    if (mapping.newer === 'b') assessmentsA = renameAnswers(a.assessments, mapping.pairs)
    else assessmentsB = renameAnswers(b.assessments, mapping.pairs)
    sharedItemCount = mapping.pairs.length
  } else {
    catalogA = restrictCatalog(a.catalog, split.shared)
    catalogB = restrictCatalog(b.catalog, split.shared)
    sharedItemCount = indexCatalog(catalogA).centralItems.length
  }
  const fullA = analyseRound({ ...a, assessments: assessmentsA, catalog: catalogA, options })
  const fullB = analyseRound({ ...b, assessments: assessmentsB, catalog: catalogB, options })
  const scope = departmentScope(fullA, fullB, options.scope ?? 'common')
  const restrict = scope.scope === 'common' && (scope.onlyInA.length > 0 || scope.onlyInB.length > 0)
  const analysisA = restrict ? analyseRound(onDepartments({ ...a, assessments: assessmentsA, catalog: catalogA, options }, scope.common)) : fullA
  const analysisB = restrict ? analyseRound(onDepartments({ ...b, assessments: assessmentsB, catalog: catalogB, options }, scope.common)) : fullB

  const dimensionIds = unionInOrder(
    analysisA.organisation.dimensions.map((d) => d.dimensionId),
    analysisB.organisation.dimensions.map((d) => d.dimensionId),
  )
  const orgDimA = new Map(analysisA.organisation.dimensions.map((d) => [d.dimensionId, d.score]))
  const orgDimB = new Map(analysisB.organisation.dimensions.map((d) => [d.dimensionId, d.score]))
  const dimensions = dimensionIds.map((dimensionId) => ({
    dimensionId,
    ...scoreDelta(orgDimA.get(dimensionId) ?? null, orgDimB.get(dimensionId) ?? null, epsilon),
  }))

  const resultsA = new Map(fullA.departments.map((r) => [r.departmentId, r]))
  const resultsB = new Map(fullB.departments.map((r) => [r.departmentId, r]))
  const departmentIds = unionInOrder([...resultsA.keys()], [...resultsB.keys()])
  const departments: DepartmentDelta[] = departmentIds.map((departmentId) => {
    const ra = resultsA.get(departmentId)
    const rb = resultsB.get(departmentId)
    const department = (rb ?? ra)?.department
    const dimA = new Map((ra?.score.dimensions ?? []).map((d) => [d.dimensionId, d.score]))
    const dimB = new Map((rb?.score.dimensions ?? []).map((d) => [d.dimensionId, d.score]))
    return {
      departmentId,
      name: department?.name ?? '',
      code: department?.code ?? '',
      ...scoreDelta(ra?.score.score ?? null, rb?.score.score ?? null, epsilon),
      dimensions: dimensionIds.map((dimensionId) => ({
        dimensionId,
        ...scoreDelta(dimA.get(dimensionId) ?? null, dimB.get(dimensionId) ?? null, epsilon),
      })),
    }
  })
  departments.sort(compareByCode)

  const notComparable = mapping
    ? mapping.newer === 'b'
      ? { onlyInA: mapping.notComparableOld, onlyInB: mapping.notComparableNew }
      : { onlyInA: mapping.notComparableNew, onlyInB: mapping.notComparableOld }
    : null
  return {
    sameCatalog,
    mapped: mapping !== null,
    sharedItemCount,
    onlyInA: sameCatalog ? [] : (notComparable?.onlyInA ?? split.onlyInA),
    onlyInB: sameCatalog ? [] : (notComparable?.onlyInB ?? split.onlyInB),
    moved: sameCatalog || mapping ? [] : split.moved,
    organisation: scoreDelta(analysisA.organisation.score, analysisB.organisation.score, epsilon),
    dimensions,
    departments,
    scope,
    analyses: { a: analysisA, b: analysisB },
  }
}

/** Departments scored in both analyses, and those scored in one only (each list by code). */
function departmentScope(a: AnalysisResult, b: AnalysisResult, scope: DepartmentScope): ScopeInfo {
  const scored = (r: AnalysisResult) =>
    r.departments.filter((d) => d.score.score !== null).map((d) => ({ departmentId: d.departmentId, code: d.department.code }))
  const inA = scored(a)
  const inB = scored(b)
  const idsA = new Set(inA.map((d) => d.departmentId))
  const idsB = new Set(inB.map((d) => d.departmentId))
  const ids = (list: typeof inA) => [...list].sort(compareByCode).map((d) => d.departmentId)
  return {
    scope,
    common: ids(inB.filter((d) => idsA.has(d.departmentId))),
    onlyInA: ids(inA.filter((d) => !idsB.has(d.departmentId))),
    onlyInB: ids(inB.filter((d) => !idsA.has(d.departmentId))),
  }
}

/** The analysis input restricted to the given departments and their assessments. */
function onDepartments(input: AnalysisInput, departmentIds: readonly string[]): AnalysisInput {
  const keep = new Set(departmentIds)
  return {
    ...input,
    departments: input.departments.filter((d) => keep.has(d.id)),
    assessments: input.assessments.filter((x) => keep.has(x.departmentId)),
  }
}

/** The ids of `first` in order, then those of `second` not in `first`; duplicates dropped. */
function unionInOrder(first: readonly string[], second: readonly string[]): string[] {
  return [...new Set([...first, ...second])]
}

export interface TrendPoint {
  roundId: string
  name: string
  startDate: string
  catalogId: string
  catalogVersion: string
  /** Organisation score (chosen weighting) and coverage; null when not scored. */
  score: number | null
  coverage: number | null
  uncertain: boolean
  /** Organisation score per dimension of this round's catalogue, catalogue order. */
  dimensions: { dimensionId: string; score: number | null }[]
  /** Catalogue id or version differs from the previous point (false for the first). */
  catalogChanged: boolean
}

/**
 * Organisation scores over several rounds, ordered by startDate ascending (ISO dates compared as
 * text; equal dates keep the input order). Each round is analysed with its OWN catalogue — unlike
 * compareRounds there is no restriction to shared items — so where `catalogChanged` is true the
 * step to the previous point may partly come from added, removed or moved items.
 */
export function trend(rounds: readonly RoundData[], options: AnalysisOptions = {}): TrendPoint[] {
  const ordered = rounds
    .map((r, i) => ({ r, i }))
    .sort((x, y) =>
      x.r.round.startDate < y.r.round.startDate ? -1 : x.r.round.startDate > y.r.round.startDate ? 1 : x.i - y.i,
    )
  const points: TrendPoint[] = []
  let previous: Catalog | null = null
  for (const { r } of ordered) {
    const analysis = analyseRound({ ...r, options })
    const org = analysis.organisation
    points.push({
      roundId: r.round.id,
      name: r.round.name,
      startDate: r.round.startDate,
      catalogId: r.catalog.id,
      catalogVersion: r.catalog.version,
      score: org.score,
      coverage: org.coverage,
      uncertain: org.uncertain,
      dimensions: org.dimensions.map((d) => ({ dimensionId: d.dimensionId, score: d.score })),
      catalogChanged:
        previous !== null && (previous.id !== r.catalog.id || previous.version !== r.catalog.version),
    })
    previous = r.catalog
  }
  return points
}

/** The trend points of one catalogue version (one series of the trend chart). */
export interface TrendSegment {
  catalogId: string
  /** The catalogue version of the series (one; a list for the chart's legend). */
  catalogVersions: string[]
  /** Aligned with the points: the score of a point on this catalogue version, null for other points. */
  values: (number | null)[]
}

/**
 * The trend as one series per catalogue version (in the order they first occur), so a chart only
 * joins rounds pinned to the same catalogue and version: scores on different catalogues, or on
 * versions with different questions, rest on different questions (the comparison of two rounds
 * maps them; a line would not). A version that comes back after another one stays on its series,
 * with a gap (null) at the other points, so the line breaks there.
 */
export function trendSegments(points: readonly Pick<TrendPoint, 'catalogId' | 'catalogVersion' | 'score'>[]): TrendSegment[] {
  const byId = new Map<string, TrendSegment>()
  points.forEach((p, i) => {
    const key = `${p.catalogId}@${p.catalogVersion}`
    let segment = byId.get(key)
    if (!segment) {
      segment = { catalogId: p.catalogId, catalogVersions: [p.catalogVersion], values: points.map(() => null) }
      byId.set(key, segment)
    }
    segment.values[i] = p.score
  })
  return [...byId.values()]
}
