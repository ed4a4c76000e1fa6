/**
 * One analysis per round, shared by every screen that shows that round. Per round id the store owns
 * one set of live queries (round, organisation, departments, assessments of the round), the pinned
 * catalogue and one analysis, recomputed only when one of those inputs or the analysis settings
 * change — once, however many screens read it. Screens take a round with `acquire` and give it back
 * with `release` (useRoundAnalysis does both); a round nobody uses stays cached for a while (the last
 * KEPT_ROUNDS of them), so moving between the result screens neither reads nor analyses again. Older
 * unused rounds are disposed: their live queries stop.
 */
import { defineStore } from 'pinia'
import { computed, effectScope, getCurrentScope, markRaw, shallowRef, type ComputedRef, type EffectScope, type Ref, type ShallowRef } from 'vue'
import { listAssessmentsOfRound } from '@/db/assessments'
import { listDepartments } from '@/db/departments'
import { getOrganisation } from '@/db/organisations'
import { getRound } from '@/db/rounds'
import type { AnalysisOptions, AnalysisResult } from '@/domain/analysis/analysis'
import { createRoundAnalyser } from '@/domain/analysis/incremental'
import type { Assessment, Catalog, Department, Organisation, Round } from '@/domain/model/types'
import { useLiveQuery } from '@/platform/useLiveQuery'
import { useAnalysisSettingsStore } from './analysis-settings'
import { useCatalogStore } from './catalogs'

/** How many rounds nobody uses any more are kept (queries and analysis) before the oldest is disposed. */
export const KEPT_ROUNDS = 2

/** One input of a round as a live query: data undefined until the first result. */
export interface RoundQuery<T> {
  data: Readonly<Ref<T | undefined>>
  error: Readonly<Ref<unknown>>
  loading: Readonly<Ref<boolean>>
}

/** What the store holds for one round; every screen of that round reads the same refs. */
export interface RoundAnalysisEntry {
  roundId: string
  round: RoundQuery<Round | null>
  organisation: RoundQuery<Organisation | null>
  departments: RoundQuery<Department[]>
  assessments: RoundQuery<Assessment[]>
  catalog: ShallowRef<Catalog | undefined>
  catalogError: ShallowRef<Error | null>
  analysis: ComputedRef<AnalysisResult | undefined>
  loading: ComputedRef<boolean>
}

interface Slot {
  entry: RoundAnalysisEntry
  scope: EffectScope
  users: number
}

export const useRoundAnalysisStore = defineStore('round-analysis', () => {
  // Rounds are built in the store's own scope: a screen that creates one must not take it down when it unmounts.
  const storeScope = getCurrentScope()
  const slots = new Map<string, Slot>()
  /** Rounds nobody uses, least recently released first. */
  const idle: string[] = []
  // Not reactive on purpose: a computed that writes a ref while it evaluates is evaluated again by Vue.
  let runs = 0
  /** How many analyses ran so far (all rounds): a test's proof that screens share one. */
  const analysisRuns = (): number => runs
  /** Round ids that hold queries and an analysis (in use or cached), for tests and diagnostics. */
  const cachedRoundIds = shallowRef<string[]>([])

  function build(roundId: string): Slot {
    const scope = storeScope ? storeScope.run(() => effectScope())! : effectScope(true)
    const entry = scope.run(() => buildEntry(roundId, () => runs++))!
    return { entry: markRaw(entry), scope, users: 0 }
  }

  /** The shared analysis of a round, counted as used until `release(roundId)`. */
  function acquire(roundId: string): RoundAnalysisEntry {
    let slot = slots.get(roundId)
    if (!slot) {
      slot = build(roundId)
      slots.set(roundId, slot)
      cachedRoundIds.value = [...slots.keys()]
    }
    const i = idle.indexOf(roundId)
    if (i >= 0) idle.splice(i, 1)
    slot.users++
    return slot.entry
  }

  /** One user less; a round without users is kept among the last KEPT_ROUNDS, older ones are disposed. */
  function release(roundId: string): void {
    const slot = slots.get(roundId)
    if (!slot || slot.users === 0) return
    slot.users--
    if (slot.users > 0) return
    idle.push(roundId)
    while (idle.length > KEPT_ROUNDS) dispose(idle.shift()!)
  }

  function dispose(roundId: string): void {
    slots.get(roundId)?.scope.stop()
    slots.delete(roundId)
    cachedRoundIds.value = [...slots.keys()]
  }

  return { acquire, release, analysisRuns, cachedRoundIds }
})

/** The settings as analysis options; the same object while the values stay the same, so an unchanged value re-analyses nothing. */
function useAnalysisOptions(): ComputedRef<AnalysisOptions> {
  const settings = useAnalysisSettingsStore()
  let key = ''
  return computed((previous?: AnalysisOptions) => {
    const options: AnalysisOptions = {
      weighting: settings.weighting,
      capacity: settings.capacity,
      capacityDays: settings.capacityDays,
      horizonStartYear: settings.horizonStart,
      horizonYears: settings.horizonYears,
      phases: settings.phases,
    }
    const next = JSON.stringify(options)
    if (previous && next === key) return previous
    key = next
    return options
  })
}

/**
 * A live query of the round's organisation: its result carries the organisation id it was read for,
 * so a result for no (or another) organisation is never taken for this one's. Separate queries that
 * start their reads at once, not one query reading the round and then the rest: reads issued after a
 * chain of native awaits were not observed (no re-run on a saved answer) — Dexie keeps a live query's
 * observation context across native awaits only briefly (dexie.org/docs/Dexie/Dexie.waitFor()).
 */
function orgQuery<T>(orgId: () => string | undefined, read: (orgId: string) => Promise<T>, none: T): RoundQuery<T> {
  const raw = useLiveQuery(() => {
    const id = orgId()
    return id ? read(id).then((value) => ({ orgId: id as string | undefined, value })) : { orgId: undefined, value: none }
  }, orgId)
  const data = computed(() => (raw.data.value && raw.data.value.orgId === orgId() ? raw.data.value.value : undefined))
  return { data, error: raw.error, loading: computed(() => raw.loading.value || data.value === undefined) }
}

/** The live inputs and the analysis of one round; runs inside the round's effect scope. */
function buildEntry(roundId: string, counted: () => void): RoundAnalysisEntry {
  const catalogs = useCatalogStore()
  const options = useAnalysisOptions()
  // The one call of the domain; incremental: departments whose answers did not change keep their part.
  const analyser = createRoundAnalyser()
  const round = useLiveQuery(async () => (await getRound(roundId)) ?? null)
  const orgId = () => round.data.value?.orgId
  const organisation = orgQuery(orgId, async (id) => (await getOrganisation(id)) ?? null, null)
  const departments = orgQuery(orgId, listDepartments, [])
  const assessments = useLiveQuery(() => listAssessmentsOfRound(roundId))

  const { catalog, error: catalogError } = catalogs.track(() => round.data.value ?? undefined)

  // Lazy: runs when a screen reads it after an input changed, once for all screens of the round.
  const analysis = computed(() => {
    const r = round.data.value
    const cat = catalog.value
    const deps = departments.data.value
    const as = assessments.data.value
    const org = organisation.data.value
    if (!r || !cat || !deps || !as || org === undefined) return undefined
    counted()
    return analyser.analyse({ catalog: cat, round: r, departments: deps, assessments: as, organisation: org, options: options.value })
  })
  const loading = computed(() => round.loading.value || (round.data.value !== null && !analysis.value && !catalogError.value))
  return { roundId, round, organisation, departments, assessments, catalog, catalogError, analysis, loading }
}
