/**
 * The full analysis (scores, recommendations, roadmap) of one round, recomputed whenever an answer
 * changes — also when it changes in another tab, because every input is a live query.
 */
import { computed } from 'vue'
import { listAssessmentsOfRound } from '@/db/assessments'
import { listDepartments } from '@/db/departments'
import { getOrganisation } from '@/db/organisations'
import { getRound } from '@/db/rounds'
import { analyseRound } from '@/domain/analysis/analysis'
import { useAnalysisSettingsStore } from '@/stores/analysis-settings'
import { useCatalog } from './useCatalog'
import { useLiveQuery } from '@/platform/useLiveQuery'

export function useRoundAnalysis(roundId: () => string | undefined) {
  const settings = useAnalysisSettingsStore()
  const round = useLiveQuery(async () => {
    const id = roundId()
    return id ? ((await getRound(id)) ?? null) : null
  }, roundId)
  const departments = useLiveQuery(async () => {
    const r = round.data.value
    return r ? listDepartments(r.orgId) : []
  }, () => round.data.value?.orgId)
  const organisation = useLiveQuery(async () => {
    const r = round.data.value
    return r ? ((await getOrganisation(r.orgId)) ?? null) : null
  }, () => round.data.value?.orgId)
  const assessments = useLiveQuery(async () => {
    const id = roundId()
    return id ? listAssessmentsOfRound(id) : []
  }, roundId)
  const { catalog, error: catalogError } = useCatalog(() => round.data.value ?? undefined)

  const analysis = computed(() => {
    const r = round.data.value
    const cat = catalog.value
    const deps = departments.data.value
    const as = assessments.data.value
    if (!r || !cat || !deps || !as || organisation.data.value === undefined) return undefined
    return analyseRound({
      catalog: cat,
      round: r,
      departments: deps,
      assessments: as,
      organisation: organisation.data.value,
      options: {
        weighting: settings.weighting,
        capacity: settings.capacity,
        capacityDays: settings.capacityDays,
        horizonStartYear: settings.horizonStart,
        horizonYears: settings.horizonYears,
        phases: settings.phases,
      },
    })
  })
  const loading = computed(() => round.loading.value || (round.data.value !== null && !analysis.value && !catalogError.value))
  return { round, organisation, departments, assessments, catalog, catalogError, analysis, loading }
}
