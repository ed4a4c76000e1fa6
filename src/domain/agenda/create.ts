/**
 * A first Digitale Agenda from the prioritised recommendations of a round (method 1.0 or 2.0): every
 * legal duty of the organisation, the best N Leitprojekte and the quick wins, in the recommendations'
 * rank order. The steering group then edits it (Handlungsfelder, owners, dates, budgets).
 */
import type { MeasureClass, Recommendation } from '@/domain/analysis/prioritisation'
import { MAX_HORIZON_YEARS, defaultPhases } from '@/domain/analysis/roadmap2'
import type { Stamp } from '@/domain/model/types'
import { newEntry } from './edit'
import type { Agenda, AgendaEntry, AgendaEntryKind, AgendaPhase, AgendaSource, Handlungsfeld } from './types'

/** Typical number of Leitprojekte of a municipal agenda (Telgte's Digitale Agenda 1.0 has ten). */
export const DEFAULT_LEITPROJEKTE = 10

export interface AgendaFromRecommendationsOptions {
  id: string
  orgId: string
  /** The municipality's name for it, e.g. "Digitale Agenda" (user text: passed in, never made here). */
  name: string
  /** Default '1.0'. */
  version?: string
  startYear: number
  /** 1–10, default 10. */
  years?: number
  /** Default: the phases of `defaultPhases` (10 years → years 1–2, 3–5, 6–10), unnamed. */
  phases?: AgendaPhase[]
  handlungsfelder?: Handlungsfeld[]
  /** At most this many Leitprojekte, the best ranked (default 10). */
  maxLeitprojekte?: number
  /** At most this many quick wins (default: all). */
  maxQuickWins?: number | null
  /** Keep the legal duties (default true). */
  includeDuties?: boolean
  source?: AgendaSource | null
  /**
   * Planned calendar years per measure, e.g. the entries of `buildRoadmapV2` over the same horizon:
   * an entry gets start = January of calendarStart and end = December of calendarEnd when both lie
   * inside the horizon (else no dates).
   */
  schedule?: readonly { measureId: string; calendarStart: number; calendarEnd: number }[]
  stamp: Stamp
  newId: () => string
}

export interface AgendaFromRecommendations {
  agenda: Agenda
  /** A picked measure depends on one that is recommended too but not on the agenda. */
  missingPrerequisites: { measureId: string; prerequisiteId: string }[]
}

const KIND_OF: Partial<Record<MeasureClass, AgendaEntryKind>> = { pflicht: 'pflicht', leitprojekt: 'leitprojekt', quick_win: 'quick_win' }

/**
 * Builds the agenda (see the module comment). Recommendations are taken in rank order (then measure
 * id); a measure listed twice counts once. Duties are the 'pflicht' recommendations that are
 * triggered (method 1.0 lists fulfilled duties too; they are not work to plan). Ergänzungen are left
 * out. Every entry starts 'planned', without owner, budget or Handlungsfeld; its order is its position.
 */
export function createAgendaFromRecommendations(recommendations: readonly Recommendation[], options: AgendaFromRecommendationsOptions): AgendaFromRecommendations {
  const { stamp, newId } = options
  const years = Math.max(1, Math.min(MAX_HORIZON_YEARS, Math.floor(options.years ?? MAX_HORIZON_YEARS)))
  const startYear = options.startYear
  const endYear = startYear + years - 1
  const maxLeit = options.maxLeitprojekte ?? DEFAULT_LEITPROJEKTE
  const maxQuick = options.maxQuickWins ?? Infinity
  const includeDuties = options.includeDuties ?? true

  const ranked = [...recommendations].sort((a, b) => a.rank - b.rank || (a.measureId < b.measureId ? -1 : a.measureId > b.measureId ? 1 : 0))
  const seen = new Set<string>()
  const picked: Recommendation[] = []
  let leit = 0
  let quick = 0
  for (const r of ranked) {
    if (seen.has(r.measureId)) continue
    seen.add(r.measureId)
    if (r.class === 'pflicht' && r.triggered && includeDuties) picked.push(r)
    else if (r.class === 'leitprojekt' && leit < maxLeit) {
      leit++
      picked.push(r)
    } else if (r.class === 'quick_win' && quick < maxQuick) {
      quick++
      picked.push(r)
    }
  }

  const schedule = new Map((options.schedule ?? []).map((s) => [s.measureId, s]))
  const phases =
    options.phases ??
    defaultPhases(years).map((end, i, ends): AgendaPhase => ({ id: newId(), name: '', startYear: startYear + (i === 0 ? 0 : ends[i - 1]!), endYear: startYear + end - 1 }))
  const agenda: Agenda = {
    id: options.id,
    orgId: options.orgId,
    name: options.name,
    version: options.version ?? '1.0',
    horizon: { startYear, years },
    phases,
    handlungsfelder: options.handlungsfelder ?? [],
    source: options.source ?? null,
    entries: [],
    removedEntries: [],
    createdAt: stamp.at,
    updatedAt: stamp.at,
    updatedBy: stamp.by,
    deviceId: stamp.deviceId,
    rev: 1,
  }
  const entries: AgendaEntry[] = picked.map((r, i) => {
    const s = schedule.get(r.measureId)
    const inside = s !== undefined && s.calendarStart >= startYear && s.calendarEnd <= endYear && s.calendarStart <= s.calendarEnd
    return newEntry(
      agenda,
      {
        kind: KIND_OF[r.class] ?? 'measure',
        measureId: r.measureId,
        order: i + 1,
        start: inside ? `${s.calendarStart}-01` : null,
        end: inside ? `${s.calendarEnd}-12` : null,
      },
      newId(),
      stamp,
    )
  })

  const recommended = new Set(recommendations.map((r) => r.measureId))
  const missingPrerequisites: AgendaFromRecommendations['missingPrerequisites'] = []
  const onAgenda = new Set(picked.map((r) => r.measureId))
  for (const r of picked) {
    for (const p of r.dependsOn) if (recommended.has(p) && !onAgenda.has(p)) missingPrerequisites.push({ measureId: r.measureId, prerequisiteId: p })
  }
  return { agenda: { ...agenda, entries }, missingPrerequisites }
}
