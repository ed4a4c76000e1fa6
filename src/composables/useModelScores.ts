/**
 * The catalogue's own structure and score for the results screens (analysis/hierarchy.ts): per
 * department from its consensus, and for the organisation as the mean over the departments. Empty
 * for catalogues without a structure of their own.
 */
import { computed } from 'vue'
import type { AnalysisResult } from '@/domain/analysis/analysis'
import { hasModelStructure, modelScores, organisationModelScores, type ModelScore } from '@/domain/analysis/hierarchy'
import type { Catalog } from '@/domain/model/types'

export function useModelScores(catalog: () => Catalog | undefined, analysis: () => AnalysisResult | undefined) {
  const shown = computed(() => {
    const c = catalog()
    return c !== undefined && hasModelStructure(c)
  })
  const byDepartment = computed(() => {
    const c = catalog()
    const a = analysis()
    const out = new Map<string, ModelScore>()
    if (!c || !a || !shown.value) return out
    for (const d of a.departments) out.set(d.departmentId, modelScores(c, d.consensus))
    return out
  })
  const organisation = computed(() => (shown.value && byDepartment.value.size > 0 ? organisationModelScores([...byDepartment.value.values()]) : null))
  return { shown, byDepartment, organisation }
}
