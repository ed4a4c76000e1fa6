/**
 * Turns an analysis into the plain rows of the CSV exports (scores and measures), with catalogue
 * texts already looked up, so the CSV module stays independent of scoring.
 */
import type { AnalysisResult } from '@/domain/analysis/analysis'
import type { MeasureCsvRow, ScoreCsvRow } from './csv'
import { localize } from '@/domain/model/localize'
import type { MeasureClass } from '@/domain/analysis/prioritisation'
import type { Catalog } from '@/domain/model/types'

/** One row per department × dimension that applies to it, then the organisation row per dimension. */
export function scoreRows(analysis: AnalysisResult, catalog: Catalog, locale: string, orgLabel: string): ScoreCsvRow[] {
  const title = new Map(catalog.dimensions.map((d) => [d.id, localize(d.title, locale)]))
  const rows: ScoreCsvRow[] = []
  for (const d of analysis.departments) {
    for (const dim of d.score.dimensions) {
      if (dim.applicable === 0) continue
      rows.push({ department: `${d.department.code} ${d.department.name}`, dimensionTitle: title.get(dim.dimensionId) ?? dim.dimensionId, score: dim.score, coverage: dim.coverage })
    }
  }
  for (const dim of analysis.organisation.dimensions) {
    rows.push({ department: orgLabel, dimensionTitle: title.get(dim.dimensionId) ?? dim.dimensionId, score: dim.score, coverage: dim.coverage })
  }
  return rows
}

/** One row per recommendation in priority order; the rationale names departments and items with their Ist and gap. */
export function measureRows(analysis: AnalysisResult, catalog: Catalog, locale: string, classLabel: (c: MeasureClass) => string): MeasureCsvRow[] {
  const measures = new Map(catalog.measures.map((m) => [m.id, m]))
  const items = new Map(catalog.items.map((i) => [i.id, i]))
  const deps = new Map(analysis.departments.map((d) => [d.departmentId, d.department]))
  return analysis.recommendations.map((r) => {
    const m = measures.get(r.measureId)
    return {
      rank: r.rank,
      title: m ? localize(m.title, locale) : r.measureId,
      classLabel: classLabel(r.class),
      priority: r.priority,
      effort: r.effort,
      impact: r.impact,
      obligation: r.obligation ? `${r.obligation.law} (${r.obligation.date})` : null,
      departments: r.triggeringDepartmentIds.map((id) => deps.get(id)?.name ?? id),
      rationale: r.reasons
        .map((x) => `${deps.get(x.departmentId)?.code ?? ''} ${x.itemId} „${items.get(x.itemId) ? localize(items.get(x.itemId)!.question, locale) : x.itemId}“: Ist ${x.ist}, Ziel ${x.target}, Lücke ${x.gap}`)
        .join(' | '),
    }
  })
}
