/**
 * The one-page summary of the management report: what the steering group takes to the council.
 * Strengths and gaps (dimensions), the legal duties at risk, the ten most important measures and
 * the change since the previous round of the same organisation. Codes and numbers only; the
 * report words them.
 */
import type { Recommendation } from '@/domain/analysis/prioritisation'
import type { RoadmapV2Entry } from '@/domain/analysis/roadmap2'
import { obligationDue } from '@/domain/model/obligations'
import type { LegalObligation, Round } from '@/domain/model/types'
import type { DimensionDelta, RoundComparison, ScoreDelta } from './compare'
import { compareByCode } from './order'

/** How much the summary page names. */
export interface SummaryLimits {
  /** Strengths and gaps (dimensions) each. */
  highlights: number
  /** Most important measures. */
  topMeasures: number
}

export const SUMMARY_LIMITS: Readonly<SummaryLimits> = { highlights: 3, topMeasures: 10 }

export interface DimensionHighlight {
  dimensionId: string
  score: number
}

/**
 * Strengths (highest organisation score first) and gaps (lowest first) among the scored dimensions;
 * dimensions without a score are never named. Ties keep the input (catalogue) order. The two lists
 * never share a dimension: with k scored dimensions the gaps take up to ceil(k / 2) (what needs
 * action comes first), the strengths up to what is left, each at most `n`.
 */
export function dimensionHighlights(
  dimensions: readonly { dimensionId: string; score: number | null }[],
  n: number = SUMMARY_LIMITS.highlights,
): { strengths: DimensionHighlight[]; gaps: DimensionHighlight[] } {
  const scored = dimensions
    .map((d, i) => ({ dimensionId: d.dimensionId, score: d.score, i }))
    .filter((d): d is { dimensionId: string; score: number; i: number } => d.score !== null)
  const k = scored.length
  const gapCount = Math.max(0, Math.min(n, Math.ceil(k / 2)))
  const strengthCount = Math.max(0, Math.min(n, k - gapCount))
  const asc = [...scored].sort((a, b) => a.score - b.score || a.i - b.i)
  const desc = [...scored].sort((a, b) => b.score - a.score || a.i - b.i)
  const plain = ({ dimensionId, score }: { dimensionId: string; score: number }): DimensionHighlight => ({ dimensionId, score })
  return { strengths: desc.slice(0, strengthCount).map(plain), gaps: asc.slice(0, gapCount).map(plain) }
}

/** 'overdue': the due date has passed; 'deadline_at_risk': the roadmap cannot finish it by its deadline. */
export type DutyRisk = 'overdue' | 'deadline_at_risk'

export interface DutyAtRisk {
  measureId: string
  rank: number
  risk: DutyRisk
  obligation: LegalObligation
  /** Deadline, else the date the duty applies from; '' when the catalogue gives none (applies already). */
  due: string
  /** Calendar year the roadmap finishes the measure; null without a method 2.0 roadmap entry. */
  plannedEnd: number | null
}

/** What the duty check reads of a roadmap entry (method 2.0); method 1.0 roadmaps have none. */
export type DutyPlan = Pick<RoadmapV2Entry, 'measureId' | 'overdue' | 'deadlineAtRisk' | 'calendarEnd'>

/**
 * The legal duties at risk: recommended (triggered) Pflicht measures whose due date has passed —
 * by the recommendation's urgency ('overdue', method 2.0), by the roadmap, or, without an urgency
 * (method 1.0), because the due date lies on or before `asOf` or is not given — and those the
 * roadmap cannot finish by their deadline ("Frist gefährdet"). A fulfilled duty (not triggered) is
 * never at risk. Order: overdue before deadline at risk, then by due date ('' first: it applies
 * already), then by rank.
 */
export function dutiesAtRisk(recommendations: readonly Recommendation[], plan: readonly DutyPlan[] | null, asOf: string): DutyAtRisk[] {
  const entries = new Map((plan ?? []).map((e) => [e.measureId, e]))
  const out: DutyAtRisk[] = []
  for (const r of recommendations) {
    if (r.class !== 'pflicht' || !r.triggered || !r.obligation) continue
    const due = obligationDue(r.obligation)
    const entry = entries.get(r.measureId)
    const passed = r.urgency === undefined ? due === '' || due <= asOf : r.urgency === 'overdue'
    const risk: DutyRisk | null = passed || entry?.overdue === true ? 'overdue' : entry?.deadlineAtRisk === true ? 'deadline_at_risk' : null
    if (risk) out.push({ measureId: r.measureId, rank: r.rank, risk, obligation: r.obligation, due, plannedEnd: entry ? entry.calendarEnd : null })
  }
  const riskOrder = (x: DutyRisk) => (x === 'overdue' ? 0 : 1)
  return out.sort((a, b) => riskOrder(a.risk) - riskOrder(b.risk) || (a.due < b.due ? -1 : a.due > b.due ? 1 : 0) || a.rank - b.rank)
}

/**
 * The `n` most important measures: the recommended (triggered) measures in rank order, whatever
 * their class — the first rows of the measures screen. Fulfilled obligations (method 1.0 lists them
 * as "erfüllt") are left out.
 */
export function topMeasures(recommendations: readonly Recommendation[], n: number = SUMMARY_LIMITS.topMeasures): Recommendation[] {
  return recommendations
    .filter((r) => r.triggered)
    .sort((a, b) => a.rank - b.rank)
    .slice(0, Math.max(0, n))
}

/**
 * The round before `current` of the same organisation: the latest start date before the current
 * one (ISO dates compared as text); among rounds that started on the same day the last by id.
 * Undefined when there is none. Rounds starting on the current round's day are not earlier.
 */
export function previousRoundOf<R extends Pick<Round, 'id' | 'orgId' | 'startDate'>>(rounds: readonly R[], current: Pick<Round, 'id' | 'orgId' | 'startDate'>): R | undefined {
  let best: R | undefined
  for (const r of rounds) {
    if (r.id === current.id || r.orgId !== current.orgId || !(r.startDate < current.startDate)) continue
    if (!best || r.startDate > best.startDate || (r.startDate === best.startDate && r.id > best.id)) best = r
  }
  return best
}

/** A department the change figures leave out, and the round it was scored in. */
export interface LeftOutDepartment {
  departmentId: string
  code: string
  name: string
  scoredIn: 'previous' | 'current'
}

export interface RoundChange {
  organisation: ScoreDelta
  dimensions: DimensionDelta[]
  /** Departments scored in both rounds: what the organisation and dimension figures rest on. */
  commonDepartments: number
  /** Departments scored in one round only, by code; left out of the figures. */
  leftOut: LeftOutDepartment[]
  /** The rounds are on different catalogues: the figures use the items both share. */
  restrictedItems: boolean
  sharedItemCount: number
}

/**
 * The change since the previous round as the summary states it, from a comparison with the previous
 * round as A and the current as B (compareRounds, default scope 'common'): the organisation and
 * dimension deltas, how many departments they rest on and which departments they leave out. With
 * scope 'all' nothing is left out.
 */
export function roundChange(c: RoundComparison): RoundChange {
  const byId = new Map(c.departments.map((d) => [d.departmentId, d]))
  const left = (ids: readonly string[], scoredIn: LeftOutDepartment['scoredIn']): LeftOutDepartment[] =>
    ids.map((id) => ({ departmentId: id, code: byId.get(id)?.code ?? '', name: byId.get(id)?.name ?? '', scoredIn }))
  const common = c.scope.scope === 'common'
  return {
    organisation: c.organisation,
    dimensions: c.dimensions,
    commonDepartments: c.scope.common.length,
    leftOut: common ? [...left(c.scope.onlyInA, 'previous'), ...left(c.scope.onlyInB, 'current')].sort(compareByCode) : [],
    restrictedItems: !c.sameCatalog,
    sharedItemCount: c.sharedItemCount,
  }
}

/**
 * The short name of a law for a narrow column: the text before " i. V. m. " (what follows names
 * further rules), without a parenthesis at its end ("DSGVO (VO (EU) 2016/679)" → "DSGVO",
 * "RL (EU) 2016/2102 i. V. m. Landes-BGG …" → "RL (EU) 2016/2102"). The full name stays in section 4.
 */
export function lawShortName(law: string): string {
  let s = law.trim()
  const ivm = s.indexOf(' i. V. m. ')
  if (ivm > 0) s = s.slice(0, ivm).trim()
  if (s.endsWith(')')) {
    let depth = 0
    for (let i = s.length - 1; i >= 0; i--) {
      if (s[i] === ')') depth++
      else if (s[i] === '(' && --depth === 0) {
        const head = s.slice(0, i).trim()
        if (head !== '') s = head
        break
      }
    }
  }
  return s
}
