/**
 * Prioritisation: which catalogue measures are triggered by the consensus answers, how much they
 * are worth (benefit from weighted gaps), their priority (benefit × impact / effort), their class
 * (Pflicht, Quick Win, Leitprojekt, Ergänzung) and a deterministic order. Every recommendation
 * carries its reasons so the screens can say why.
 */
import type { Catalog, CatalogMeasure, Department, LegalObligation, Round, Scale5 } from '@/domain/model/types'
import { type ItemConsensus, type RespondentAnswer, respondentAnswers } from './consensus'
import { gapOf } from './gaps'
import { resolveTarget, scaleLevelsOf } from './targets'
import { appliesTo, askedItems, indexCatalog } from '@/domain/model/catalog-index'
import { consensusLookup } from './scoring'
import { type DomainWarning, SCORING_MODEL_VERSION } from './method'

/** Classes of a measure, in the order screens list them (see `classifyMeasure`). */
export const MEASURE_CLASSES = ['pflicht', 'quick_win', 'leitprojekt', 'ergaenzung'] as const
export type MeasureClass = (typeof MEASURE_CLASSES)[number]

/** Method 2.0: how pressing a duty is on the round's date. 'none' = no duty of this organisation. */
export const URGENCIES = ['overdue', 'due_soon', 'later', 'none'] as const
export type Urgency = (typeof URGENCIES)[number]

/** Method 2.0: rank a recommendation would have with its effort one class higher or lower (null at the scale's end). */
export interface RankStability {
  rankIfMoreEffort: number | null
  rankIfLessEffort: number | null
}

/** One department × item that triggers a measure, with its share of the benefit. */
export interface PriorityReason {
  departmentId: string
  itemId: string
  /** Consensus Ist. */
  ist: number
  target: number
  gap: number
  bedarf: number | null
  potenzial: number | null
  /** w = 1 + (bedarf + potenzial) / 4; missing values count as 2 (method 1.0) or 0 (method 2.0). */
  weight: number
  /** gap × w */
  contribution: number
  /** The respondents' raw answers behind the consensus. */
  answers: RespondentAnswer[]
}

export interface Recommendation {
  measureId: string
  class: MeasureClass
  /** False only for Pflicht measures listed although no trigger is met ("erfüllt / nicht ausgelöst"). */
  triggered: boolean
  /** Σ contribution over reasons (unrounded). */
  benefit: number
  /** benefit × impact / effort (unrounded; round only for display). */
  priority: number
  impact: Scale5
  effort: Scale5
  /** Departments that trigger the measure, in input order. */
  triggeringDepartmentIds: string[]
  reasons: PriorityReason[]
  obligation: LegalObligation | null
  dependsOn: string[]
  /** 1-based position in the ordered list. */
  rank: number
  // Method 2.0 only (priority2.ts):
  /** Share of staff (or departments) of the triggering departments; 1 for a Fundament trigger. */
  reach?: number
  /** Triggered by a Fundament (organisation) item. */
  organisationWide?: boolean
  /** The obligation binds the organisation assessed (isDutyOf). */
  duty?: boolean
  urgency?: Urgency
  /** Representative person-days of the effort class. */
  effortDays?: number
  stability?: RankStability
  /** In the focused set: every duty plus the top 10 other measures. */
  focus?: boolean
}

/** Consensus of one department, as input to the prioritisation. */
export interface DepartmentPriorityInput {
  department: Department
  consensus: readonly ItemConsensus[]
}

export interface PrioritisationOptions {
  /** Also list triggered non-Pflicht measures whose benefit is 0 (default false). */
  includeZeroBenefit?: boolean
}

export interface PrioritisationResult {
  modelVersion: string
  recommendations: Recommendation[]
  warnings: DomainWarning[]
}

/**
 * Need weight w = 1 + (bedarf + potenzial) / 4 in [1, 3]. A missing (null) Bedarf or Potenzial
 * counts as the neutral 2.
 */
export function needWeight(bedarf: number | null, potenzial: number | null): number {
  return 1 + ((bedarf ?? 2) + (potenzial ?? 2)) / 4
}

/**
 * priority = benefit × impact / effort, computed in that order so equal exact values tie exactly.
 * Unrounded.
 */
export function priorityOf(benefit: number, impact: number, effort: number): number {
  return (benefit * impact) / effort
}

/**
 * Class of a measure: 'pflicht' if it has a legal obligation; else 'quick_win' if impact ≥ 3 and
 * effort ≤ 2; 'leitprojekt' if impact ≥ 3, effort ≥ 4 and (≥ 2 triggering departments or any of
 * its trigger items is a central item); else 'ergaenzung'.
 */
export function classifyMeasure(
  measure: Pick<CatalogMeasure, 'obligation' | 'impact' | 'effort' | 'triggers'>,
  triggeringDepartments: number,
  catalog: Catalog,
): MeasureClass {
  if (measure.obligation) return 'pflicht'
  if (measure.impact >= 3 && measure.effort <= 2) return 'quick_win'
  if (measure.impact >= 3 && measure.effort >= 4) {
    const idx = indexCatalog(catalog)
    const central = measure.triggers.some((t) => idx.itemsById.get(t.itemId)?.appliesTo === 'central')
    if (triggeringDepartments >= 2 || central) return 'leitprojekt'
  }
  return 'ergaenzung'
}

/**
 * Order of recommendations: Pflicht first (triggered before "erfüllt"), then priority desc, then
 * impact desc, effort asc, measure id asc. Deterministic for any input.
 */
export function compareRecommendations(
  a: Pick<Recommendation, 'class' | 'triggered' | 'priority' | 'impact' | 'effort' | 'measureId'>,
  b: Pick<Recommendation, 'class' | 'triggered' | 'priority' | 'impact' | 'effort' | 'measureId'>,
): number {
  const pa = a.class === 'pflicht' ? 0 : 1
  const pb = b.class === 'pflicht' ? 0 : 1
  if (pa !== pb) return pa - pb
  if (pa === 0 && a.triggered !== b.triggered) return a.triggered ? -1 : 1
  if (a.priority !== b.priority) return b.priority - a.priority
  if (a.impact !== b.impact) return b.impact - a.impact
  if (a.effort !== b.effort) return a.effort - b.effort
  return a.measureId < b.measureId ? -1 : a.measureId > b.measureId ? 1 : 0
}

/**
 * Recommendations for the organisation. A department triggers a measure if for at least one
 * trigger the item applies to it, its consensus state is 'level' and Ist ≤ maxLevel ('na' and
 * 'unanswered' never trigger). Each triggering department × item adds gap × w to the benefit,
 * with the gap against the target resolved as in the gap analysis (answer > round > item >
 * dimension).
 * Pflicht measures are always listed (triggered or not); other measures only if triggered and
 * (unless includeZeroBenefit) with benefit > 0. Triggers on unknown items are warned about and
 * ignored.
 */
export function prioritise(
  catalog: Catalog,
  round: Pick<Round, 'dimensionTargets'>,
  departments: readonly DepartmentPriorityInput[],
  options: PrioritisationOptions = {},
): PrioritisationResult {
  const idx = indexCatalog(catalog)
  const warnings: DomainWarning[] = []
  const lookups = departments.map((d) => {
    const { items: scored, position } = askedItems(idx, d.department)
    const lookup = consensusLookup(scored, d.consensus)
    return {
      department: d.department,
      consensus: (itemId: string): ItemConsensus | undefined => {
        const i = position.get(itemId)
        return i === undefined ? undefined : lookup(i, itemId)
      },
    }
  })

  const list: Omit<Recommendation, 'rank'>[] = []
  for (const measure of idx.measuresById.values()) {
    const triggers = new Map<string, number>() // itemId → highest maxLevel (duplicates merged)
    for (const t of measure.triggers) {
      if (!idx.itemsById.has(t.itemId)) {
        warnings.push({
          code: 'unknown_trigger_item',
          message: `Measure ${measure.id} is triggered by unknown item ${t.itemId}; trigger ignored.`,
          ids: [measure.id, t.itemId],
        })
        continue
      }
      triggers.set(t.itemId, Math.max(triggers.get(t.itemId) ?? -Infinity, t.maxLevel))
    }

    const reasons: PriorityReason[] = []
    const triggeringDepartmentIds: string[] = []
    for (const { department, consensus } of lookups) {
      let triggeredHere = false
      for (const [itemId, maxLevel] of triggers) {
        const item = idx.itemsById.get(itemId)
        if (!item || !appliesTo(item, department)) continue
        const c = consensus(itemId)
        if (!c || c.state !== 'level' || c.ist === null || c.ist > maxLevel) continue
        const dimension = idx.dimensionsById.get(item.dimensionId)
        if (!dimension) continue
        triggeredHere = true
        const levels = scaleLevelsOf(catalog, item)
        const { target } = resolveTarget(c.target, round, item, dimension, levels)
        const gap = gapOf(c.ist, target, levels)
        const weight = needWeight(c.bedarf, c.potenzial)
        reasons.push({
          departmentId: department.id,
          itemId,
          ist: c.ist,
          target,
          gap,
          bedarf: c.bedarf,
          potenzial: c.potenzial,
          weight,
          contribution: gap > 0 ? gap * weight : 0,
          answers: respondentAnswers(c),
        })
      }
      if (triggeredHere) triggeringDepartmentIds.push(department.id)
    }

    const triggered = triggeringDepartmentIds.length > 0
    let benefit = 0
    for (const r of reasons) benefit += r.contribution
    const cls = classifyMeasure(measure, triggeringDepartmentIds.length, catalog)
    if (cls !== 'pflicht') {
      if (!triggered) continue
      if (benefit === 0 && !options.includeZeroBenefit) continue
    }
    list.push({
      measureId: measure.id,
      class: cls,
      triggered,
      benefit,
      priority: priorityOf(benefit, measure.impact, measure.effort),
      impact: measure.impact,
      effort: measure.effort,
      triggeringDepartmentIds,
      reasons,
      obligation: measure.obligation ?? null,
      dependsOn: [...measure.dependsOn],
    })
  }
  list.sort(compareRecommendations)
  return {
    modelVersion: SCORING_MODEL_VERSION,
    recommendations: list.map((r, i) => ({ ...r, rank: i + 1 })),
    warnings,
  }
}

/** A recommendation seen from one department: its own reasons, benefit and priority. */
export interface DepartmentRecommendation extends Recommendation {
  /** Organisation-wide values of the same measure. */
  orgBenefit: number
  orgPriority: number
  orgRank: number
}

/**
 * Recommendations for one department: the measures this department triggers plus every Pflicht
 * measure (with `triggered` false if this department does not trigger it). Reasons are filtered to
 * the department; benefit, priority, triggered and rank are recomputed from them (the class stays
 * the organisation's). Ordered with the same rule as the organisation list.
 */
export function recommendationsForDepartment(
  recommendations: readonly Recommendation[],
  departmentId: string,
): DepartmentRecommendation[] {
  return recommendationsByDepartment(recommendations, [departmentId]).get(departmentId) ?? []
}

/**
 * `recommendationsForDepartment` for several departments in one pass over the reasons (use this
 * for many departments). Returns a map departmentId → that department's list.
 */
export function recommendationsByDepartment(
  recommendations: readonly Recommendation[],
  departmentIds: readonly string[],
): Map<string, DepartmentRecommendation[]> {
  const wanted = new Set(departmentIds)
  const out = new Map<string, Omit<DepartmentRecommendation, 'rank'>[]>()
  for (const id of wanted) out.set(id, [])
  for (const r of recommendations) {
    const reasonsBy = new Map<string, PriorityReason[]>()
    for (const x of r.reasons) {
      if (!wanted.has(x.departmentId)) continue
      const list = reasonsBy.get(x.departmentId)
      if (list) list.push(x)
      else reasonsBy.set(x.departmentId, [x])
    }
    const triggeredIn = new Set(r.triggeringDepartmentIds)
    for (const [departmentId, list] of out) {
      const triggered = triggeredIn.has(departmentId)
      if (!triggered && r.class !== 'pflicht') continue
      const reasons = reasonsBy.get(departmentId) ?? []
      let benefit = 0
      for (const x of reasons) benefit += x.contribution
      list.push({
        ...r,
        triggered,
        triggeringDepartmentIds: triggered ? [departmentId] : [],
        reasons,
        benefit,
        priority: priorityOf(benefit, r.impact, r.effort),
        orgBenefit: r.benefit,
        orgPriority: r.priority,
        orgRank: r.rank,
      })
    }
  }
  // The entries are fresh objects: rank them in place instead of copying every one again.
  const result = new Map<string, DepartmentRecommendation[]>()
  for (const [id, list] of out) {
    list.sort(compareRecommendations)
    const ranked = list as DepartmentRecommendation[]
    for (let i = 0; i < ranked.length; i++) (ranked[i] as DepartmentRecommendation).rank = i + 1
    result.set(id, ranked)
  }
  return result
}
