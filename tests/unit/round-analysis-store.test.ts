/**
 * The round-analysis store against a real (fake-indexeddb) database: screens of one round share one
 * set of queries and one analysis (counted by `analysisRuns`), moving between screens analyses
 * nothing again, a changed answer or setting re-analyses once for all screens, and rounds nobody uses
 * are kept (the last KEPT_ROUNDS) or disposed with their live queries. Screens are tiny components
 * that call useRoundAnalysis as the views do.
 */
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, effectScope, h, nextTick, ref } from 'vue'
import { resetIdentityCache } from '@/commands/stamp'
import { createAssessment, saveAnswer } from '@/commands/assessments'
import { createDepartment, createOrganisation, createRound, updateRound } from '@/commands/organisations'
import { useRoundAnalysis } from '@/composables/useRoundAnalysis'
import { db } from '@/db/database'
import type { AnalysisResult } from '@/domain/analysis/analysis'
import type { Round } from '@/domain/model/types'
import { useAnalysisSettingsStore } from '@/stores/analysis-settings'
import { KEPT_ROUNDS, useRoundAnalysisStore, type RoundAnalysisEntry } from '@/stores/round-analysis'

let pinia: Pinia
const mounted: VueWrapper[] = []

beforeEach(async () => {
  await db.delete()
  await db.open()
  resetIdentityCache()
  localStorage.clear()
  pinia = createPinia()
  setActivePinia(pinia)
})

afterEach(() => {
  for (const w of mounted.splice(0)) w.unmount()
  // Stops every round's live queries before the next test deletes the database.
  useRoundAnalysisStore().$dispose()
})

interface Seed {
  orgId: string
  departmentId: string
  assessmentId: string
  round: Round
}

async function seed(): Promise<Seed> {
  const org = await createOrganisation({ name: 'Gemeinde Musterstadt', type: 'gemeinde', bundesland: 'NW', inhabitants: 12500, staff: 180 })
  const department = await createDepartment({ orgId: org.id, name: 'Bauamt', code: '60', parentUnit: '', head: '', staff: 14, kind: 'specialist' })
  const round = await addRound(org.id, 'Erhebung 2025')
  const assessment = await createAssessment({ orgId: org.id, roundId: round.id, departmentId: department.id, respondent: 'Herr Weber' })
  await saveAnswer(assessment.id, 'str-02', { state: 'level', ist: 1, bedarf: 4 })
  return { orgId: org.id, departmentId: department.id, assessmentId: assessment.id, round }
}

function addRound(orgId: string, name: string): Promise<Round> {
  return createRound({ orgId, name, startDate: '2025-03-01', endDate: '', catalogId: 'dc-kommune', catalogVersion: '1.0.0', dimensionTargets: {} })
}

/** A screen of a round as the views build one: it shows the consensus of item str-02, the number of departments and the round analysed. */
function screen(name: string, roundId: () => string | undefined) {
  return defineComponent({
    name,
    setup() {
      const { analysis, departments, loading } = useRoundAnalysis(roundId)
      return () =>
        h('p', loading.value || !analysis.value ? 'loading' : `${name}: ${ist(analysis.value)} / ${departments.data.value?.length ?? '-'} / ${analysis.value.roundId}`)
    },
  })
}

const ist = (a: AnalysisResult) => a.departments[0]?.consensus.find((c) => c.itemId === 'str-02')?.ist ?? '-'

function show(name: string, roundId: () => string | undefined): VueWrapper {
  const w = mount(screen(name, roundId), { global: { plugins: [pinia] } })
  mounted.push(w)
  return w
}

function leave(w: VueWrapper): void {
  mounted.splice(mounted.indexOf(w), 1)
  w.unmount()
}

const ready = (w: VueWrapper) => vi.waitFor(() => expect(w.text()).not.toBe('loading'), { timeout: 10000 })

/** Lets pending live-query results arrive (several macrotasks), so a second analysis would have run by now. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await new Promise((resolve) => setTimeout(resolve, 5))
    await nextTick()
  }
}

describe('useRoundAnalysisStore', () => {
  it('two screens of one round share one analysis; Dashboard → Results → Maßnahmen → Roadmap analyses nothing again', async () => {
    const s = await seed()
    const store = useRoundAnalysisStore()
    const dashboard = show('Dashboard', () => s.round.id)
    const results = show('Results', () => s.round.id)
    await ready(dashboard)
    await ready(results)
    await settle()
    expect(store.analysisRuns()).toBe(1)
    const shown = dashboard.text().replace('Dashboard', '')
    expect(results.text().replace('Results', '')).toBe(shown)
    expect(shown).toBe(`: 1 / 1 / ${s.round.id}`)

    // The router's way: the old screen goes, the next one comes.
    leave(dashboard)
    leave(results)
    for (const name of ['Results', 'Measures', 'Roadmap', 'Dashboard']) {
      const w = show(name, () => s.round.id)
      await nextTick()
      // The analysis is there at once: nothing is read or analysed again.
      expect(w.text()).toBe(`${name}${shown}`)
      leave(w)
    }
    await settle()
    expect(store.analysisRuns()).toBe(1)
    expect(store.cachedRoundIds).toEqual([s.round.id])
  })

  it('one changed answer re-analyses once, not once per screen', async () => {
    const s = await seed()
    const store = useRoundAnalysisStore()
    const a = show('A', () => s.round.id)
    const b = show('B', () => s.round.id)
    await ready(a)
    await ready(b)
    await settle()
    const before = a.text()
    expect(store.analysisRuns()).toBe(1)

    await saveAnswer(s.assessmentId, 'str-02', { state: 'level', ist: 3, bedarf: 4 })
    await vi.waitFor(() => expect(a.text()).toBe(before.replace(': 1 /', ': 3 /')), { timeout: 10000 })
    await settle()
    expect(b.text().replace('B', '')).toBe(a.text().replace('A', ''))
    expect(store.analysisRuns()).toBe(2)
  })

  it('a changed setting re-analyses once; the same value written again analyses nothing', async () => {
    const s = await seed()
    const store = useRoundAnalysisStore()
    const settings = useAnalysisSettingsStore()
    const a = show('A', () => s.round.id)
    const b = show('B', () => s.round.id)
    await ready(a)
    await ready(b)
    await settle()
    expect(store.analysisRuns()).toBe(1)

    settings.phases = [2, 5]
    await settle()
    expect(store.analysisRuns()).toBe(2)
    settings.phases = [2, 5] // a new array with the same values
    settings.weighting = 'equal'
    await settle()
    expect(store.analysisRuns()).toBe(2)
  })

  it(`keeps the last ${KEPT_ROUNDS} unused rounds and disposes older ones (their live queries stop)`, async () => {
    const s = await seed()
    const others = [await addRound(s.orgId, 'Erhebung 2026'), await addRound(s.orgId, 'Erhebung 2027'), await addRound(s.orgId, 'Erhebung 2028')]
    const ids = [s.round.id, ...others.map((r) => r.id)]
    const store = useRoundAnalysisStore()
    const entries: RoundAnalysisEntry[] = []
    for (const id of ids) {
      const w = show('Screen', () => id)
      await ready(w)
      entries.push(store.acquire(id))
      store.release(id)
      leave(w)
    }
    expect(store.analysisRuns()).toBe(4)
    expect(store.cachedRoundIds).toEqual(ids.slice(-KEPT_ROUNDS))

    // A renamed round reaches the kept round's queries, no longer the disposed one's.
    await updateRound(ids[0]!, { ...s.round, name: 'umbenannt' })
    const kept = others[2]!
    await updateRound(kept.id, { ...kept, name: 'auch umbenannt' })
    await vi.waitFor(() => expect(entries[3]!.round.data.value?.name).toBe('auch umbenannt'), { timeout: 10000 })
    await settle()
    expect(entries[0]!.round.data.value?.name).toBe('Erhebung 2025')

    // Back to the other kept round (unchanged): nothing analysed again; back to the disposed one: one run.
    const runs = store.analysisRuns()
    const again = show('Screen', () => ids[2])
    await nextTick()
    expect(again.text()).not.toBe('loading')
    expect(store.analysisRuns()).toBe(runs)
    const first = show('Screen', () => ids[0])
    await ready(first)
    expect(store.analysisRuns()).toBe(runs + 1)
  })

  it('a screen that picks another round takes the new one and gives the old one back', async () => {
    const s = await seed()
    const other = await addRound(s.orgId, 'Erhebung 2026')
    const store = useRoundAnalysisStore()
    const picked = ref(s.round.id)
    const w = show('Picker', () => picked.value)
    await ready(w)
    expect(w.text()).toContain(s.round.id)
    picked.value = other.id
    await vi.waitFor(() => expect(w.text()).toContain(other.id), { timeout: 10000 })
    picked.value = s.round.id
    await nextTick()
    expect(w.text()).toContain(s.round.id)
    await settle()
    expect(store.analysisRuns()).toBe(2)
    expect(store.cachedRoundIds).toEqual([s.round.id, other.id])
  })

  it('without a round id: nothing to load, no analysis, nothing acquired', () => {
    const scope = effectScope()
    const r = scope.run(() => useRoundAnalysis(() => undefined))!
    expect(r.loading.value).toBe(false)
    expect(r.analysis.value).toBeUndefined()
    expect(r.round.data.value).toBeNull()
    expect(r.departments.data.value).toEqual([])
    expect(useRoundAnalysisStore().cachedRoundIds).toEqual([])
    scope.stop()
  })

  it('release without acquire is ignored; a round in use is never disposed', async () => {
    const s = await seed()
    const others = [await addRound(s.orgId, 'b'), await addRound(s.orgId, 'c'), await addRound(s.orgId, 'd')]
    const store = useRoundAnalysisStore()
    store.release('unknown')
    store.acquire(s.round.id)
    store.release(s.round.id)
    store.release(s.round.id) // once too often: must not count below zero
    const held = show('Held', () => s.round.id)
    for (const r of others) {
      store.acquire(r.id)
      store.release(r.id)
    }
    expect(store.cachedRoundIds).toEqual([s.round.id, ...others.slice(-KEPT_ROUNDS).map((r) => r.id)])
    await ready(held)
  })
})
