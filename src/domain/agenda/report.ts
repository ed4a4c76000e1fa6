/**
 * The figures of a Sachstandsbericht (progress report for the committee, one or two pages): what was
 * done since the last report, what is in progress, what is late against plan, the next steps, counts
 * per status, kind and Handlungsfeld, budget totals, and how the maturity results moved between two
 * rounds. Status is judged as of `today` from the history, so a report for a past date is possible.
 */
import { addMonths } from '@/domain/analysis/priority2'
import { type DimensionDelta, type RoundComparison, type ScoreDelta, DEFAULT_DELTA_EPSILON, scoreDelta } from '@/domain/results/compare'
import { compareEntries } from './edit'
import { daysBetween, instantOf, periodFirstDay, periodLastDay } from './periods'
import { compareEvents, entryHistory, isLate, statusAt } from './status'
import { AGENDA_ENTRY_KINDS, AGENDA_STATUSES, type Agenda, type AgendaEntry, type AgendaEntryKind, type AgendaStatus, type StatusEvent } from './types'

/** Next steps: entries planned to start within this many months (default). */
export const DEFAULT_NEXT_MONTHS = 6
/** Next steps: at least this many, filled up with the next planned entries in agenda order (default). */
export const DEFAULT_NEXT_COUNT = 5

/** Maturity of one round as the report needs it: organisation score and per-dimension scores. */
export interface RoundFigures {
  score: number | null
  dimensions: readonly { dimensionId: string; score: number | null }[]
}

export interface ProgressReportOptions {
  /** When the last report was made: ISO timestamp, or a date (= the end of that UTC day). */
  since: string
  /** The report's date, ISO `YYYY-MM-DD`; statuses are those at the end of that day. */
  today: string
  /** Round results on the same departments (see `roundFiguresFromComparison`). */
  previousRound?: RoundFigures
  currentRound?: RoundFigures
  /** |delta| below this is 'same' (default as in the round comparison). */
  epsilon?: number
  nextMonths?: number
  nextCount?: number
}

/** An entry with its status as of the report's date (other fields as they stand). */
export type ReportEntry = AgendaEntry

export interface DoneItem {
  entry: ReportEntry
  /** The change to done, or null when the entry was created done (no event). */
  doneAt: string | null
  doneBy: string | null
}

export interface LateItem {
  entry: ReportEntry
  /** Days from the planned end (last day of an end month) to today. */
  daysLate: number
}

export interface NextStep {
  entry: ReportEntry
  /** 'starts_soon': planned start within `nextMonths` (or already passed); 'next_in_order': filled up by agenda order. */
  reason: 'starts_soon' | 'next_in_order'
}

export interface HandlungsfeldFigures {
  /** null = entries without Handlungsfeld. */
  handlungsfeldId: string | null
  total: number
  byStatus: Record<AgendaStatus, number>
  budget: number
}

export interface MaturityMovement {
  organisation: ScoreDelta
  /** Dimensions of the previous round in its order, then those only in the current one. */
  dimensions: DimensionDelta[]
}

export interface ProgressReport {
  since: string
  today: string
  total: number
  /** Done on `today`, not done at `since` (or created since): agenda order. */
  doneSince: DoneItem[]
  /** In progress on `today`: agenda order. */
  inProgress: ReportEntry[]
  /** Planned or in progress with a planned end before today (`isLate`): agenda order. */
  late: LateItem[]
  /** Planned entries starting within `nextMonths` (by start, then agenda order), filled up to `nextCount` by agenda order. */
  nextSteps: NextStep[]
  /** Status changes after `since` up to the end of `today`, oldest first. */
  changes: StatusEvent[]
  byStatus: Record<AgendaStatus, number>
  byKind: Record<AgendaEntryKind, number>
  /** The agenda's Handlungsfelder in its order (also when empty), then unknown ids, then null (if used). */
  byHandlungsfeld: HandlungsfeldFigures[]
  /** Sums of budget estimates in euros; entries without an estimate are counted, not guessed. */
  budget: { total: number; byStatus: Record<AgendaStatus, number>; withoutEstimate: number }
  /** Null when neither round is given. */
  maturity: MaturityMovement | null
}

const zeroStatus = (): Record<AgendaStatus, number> => Object.fromEntries(AGENDA_STATUSES.map((s) => [s, 0])) as Record<AgendaStatus, number>
const zeroKind = (): Record<AgendaEntryKind, number> => Object.fromEntries(AGENDA_ENTRY_KINDS.map((k) => [k, 0])) as Record<AgendaEntryKind, number>

/**
 * The movement of the organisation score and of every dimension from `previous` to `current`
 * (`scoreDelta`: current − previous, 'n/a' where one side is missing). Null when neither is given.
 */
export function maturityMovement(previous: RoundFigures | undefined, current: RoundFigures | undefined, epsilon = DEFAULT_DELTA_EPSILON): MaturityMovement | null {
  if (!previous && !current) return null
  const prev = new Map((previous?.dimensions ?? []).map((d) => [d.dimensionId, d.score]))
  const cur = new Map((current?.dimensions ?? []).map((d) => [d.dimensionId, d.score]))
  const ids = [...new Set([...prev.keys(), ...cur.keys()])]
  return {
    organisation: scoreDelta(previous?.score ?? null, current?.score ?? null, epsilon),
    dimensions: ids.map((dimensionId) => ({ dimensionId, ...scoreDelta(prev.get(dimensionId) ?? null, cur.get(dimensionId) ?? null, epsilon) })),
  }
}

/**
 * The two rounds of a `compareRounds` result as report inputs: its organisation and dimension scores
 * already rest on the departments scored in both rounds (scope 'common') and on the items both
 * catalogue versions share, so the report states like with like.
 */
export function roundFiguresFromComparison(c: Pick<RoundComparison, 'organisation' | 'dimensions'>): { previousRound: RoundFigures; currentRound: RoundFigures } {
  return {
    previousRound: { score: c.organisation.a, dimensions: c.dimensions.map((d) => ({ dimensionId: d.dimensionId, score: d.a })) },
    currentRound: { score: c.organisation.b, dimensions: c.dimensions.map((d) => ({ dimensionId: d.dimensionId, score: d.b })) },
  }
}

/** The report's figures (see ProgressReport for each list's rule and order). */
export function progressReport(agenda: Agenda, history: readonly StatusEvent[], options: ProgressReportOptions): ProgressReport {
  const { since, today } = options
  const nextMonths = options.nextMonths ?? DEFAULT_NEXT_MONTHS
  const nextCount = options.nextCount ?? DEFAULT_NEXT_COUNT
  const own = history.filter((e) => e.agendaId === agenda.id)
  const to = instantOf(today, 'end')
  const entries = [...agenda.entries].sort(compareEntries).map((e) => {
    const status = statusAt(e, own, today)
    return status === null ? null : { ...e, status }
  }).filter((e): e is AgendaEntry => e !== null)

  const byStatus = zeroStatus()
  const byKind = zeroKind()
  const budgetByStatus = zeroStatus()
  let budgetTotal = 0
  let withoutEstimate = 0
  const fields = new Map<string | null, HandlungsfeldFigures>()
  const field = (id: string | null) => {
    let f = fields.get(id)
    if (!f) fields.set(id, (f = { handlungsfeldId: id, total: 0, byStatus: zeroStatus(), budget: 0 }))
    return f
  }
  for (const h of agenda.handlungsfelder) field(h.id)

  const doneSince: DoneItem[] = []
  const inProgress: ReportEntry[] = []
  const late: LateItem[] = []
  for (const e of entries) {
    byStatus[e.status]++
    byKind[e.kind]++
    const budget = e.budgetEstimate ?? 0
    if (e.budgetEstimate === null) withoutEstimate++
    budgetTotal += budget
    budgetByStatus[e.status] += budget
    if (e.handlungsfeldId !== null) {
      const f = field(e.handlungsfeldId)
      f.total++
      f.byStatus[e.status]++
      f.budget += budget
    }
    if (e.status === 'done' && statusAt(e, own, since) !== 'done') {
      const doneEvents = entryHistory(own, e.id).filter((ev) => ev.to === 'done' && Date.parse(ev.at) <= to)
      const last = doneEvents[doneEvents.length - 1]
      doneSince.push({ entry: e, doneAt: last?.at ?? null, doneBy: last?.by ?? null })
    }
    if (e.status === 'in_progress') inProgress.push(e)
    if (isLate(e, today)) late.push({ entry: e, daysLate: daysBetween(periodLastDay(e.end!), today) })
  }
  // Entries without Handlungsfeld last, after the agenda's fields and any unknown ids.
  for (const e of entries) {
    if (e.handlungsfeldId !== null) continue
    const f = field(null)
    f.total++
    f.byStatus[e.status]++
    f.budget += e.budgetEstimate ?? 0
  }

  const horizonEnd = addMonths(today, nextMonths)
  const planned = entries.filter((e) => e.status === 'planned')
  const soon = planned
    .filter((e) => e.start !== null && periodFirstDay(e.start) <= horizonEnd)
    .sort((a, b) => (periodFirstDay(a.start!) < periodFirstDay(b.start!) ? -1 : periodFirstDay(a.start!) > periodFirstDay(b.start!) ? 1 : compareEntries(a, b)))
  const nextSteps: NextStep[] = soon.map((entry) => ({ entry, reason: 'starts_soon' }))
  const taken = new Set(soon.map((e) => e.id))
  for (const e of planned) {
    if (nextSteps.length >= nextCount) break
    if (!taken.has(e.id)) nextSteps.push({ entry: e, reason: 'next_in_order' })
  }

  const from = instantOf(since, 'end')
  const changes = own.filter((e) => Date.parse(e.at) > from && Date.parse(e.at) <= to).sort(compareEvents)

  return {
    since,
    today,
    total: entries.length,
    doneSince,
    inProgress,
    late,
    nextSteps,
    changes,
    byStatus,
    byKind,
    byHandlungsfeld: [...fields.values()],
    budget: { total: budgetTotal, byStatus: budgetByStatus, withoutEstimate },
    maturity: maturityMovement(options.previousRound, options.currentRound, options.epsilon),
  }
}
