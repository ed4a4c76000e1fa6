/**
 * Turns an analysis into the plain rows of the CSV exports (scores and measures), with catalogue
 * texts already looked up, so the CSV module stays independent of scoring. Words (class labels, the
 * organisation row, the sentence of a reason) come from the caller; numbers and dates are written as
 * in the CSV cells of the language.
 */
import type { AnalysisResult } from '@/domain/analysis/analysis'
import { formatCsvDate, formatDecimal, type CsvLanguage, type MeasureCsvRow, type ScoreCsvRow } from './csv'
import { localize } from '@/domain/model/localize'
import { obligationSince } from '@/domain/model/obligations'
import type { MeasureClass } from '@/domain/analysis/prioritisation'
import type { Catalog } from '@/domain/model/types'

/** The CSV language of a UI locale: English for 'en…', else German. */
export function csvLanguage(locale: string): CsvLanguage {
  return locale.startsWith('en') ? 'en' : 'de'
}

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

/** The values of one reason of a recommendation, numbers already written for the CSV language. */
export interface ReasonWords {
  /** Code of the triggering department ('' if unknown). */
  code: string
  itemId: string
  question: string
  ist: string
  target: string
  gap: string
}

export interface MeasureRowLabels {
  classLabel: (c: MeasureClass) => string
  /** One reason as a sentence, e.g. `32 str-01 „…“: Ist 1, Ziel 3, Lücke 2`. */
  reason: (r: ReasonWords) => string
  /** The obligation cell from its law and date (date '' when the catalogue gives none). */
  obligation: (o: { law: string; date: string }) => string
}

/**
 * One row per recommendation in priority order; the rationale names departments and items with their
 * Ist and gap (joined with " | "), the obligation its law and the date it applies from.
 */
export function measureRows(analysis: AnalysisResult, catalog: Catalog, locale: string, labels: MeasureRowLabels): MeasureCsvRow[] {
  const language = csvLanguage(locale)
  const num = (x: number) => formatDecimal(x, 2, { language })
  const measures = new Map(catalog.measures.map((m) => [m.id, m]))
  const items = new Map(catalog.items.map((i) => [i.id, i]))
  const deps = new Map(analysis.departments.map((d) => [d.departmentId, d.department]))
  return analysis.recommendations.map((r) => {
    const m = measures.get(r.measureId)
    return {
      rank: r.rank,
      title: m ? localize(m.title, locale) : r.measureId,
      classLabel: labels.classLabel(r.class),
      priority: r.priority,
      effort: r.effort,
      impact: r.impact,
      obligation: r.obligation ? labels.obligation({ law: r.obligation.law, date: formatCsvDate(obligationSince(r.obligation), language) }) : null,
      departments: r.triggeringDepartmentIds.map((id) => deps.get(id)?.name ?? id),
      rationale: r.reasons
        .map((x) => {
          const item = items.get(x.itemId)
          return labels.reason({ code: deps.get(x.departmentId)?.code ?? '', itemId: x.itemId, question: item ? localize(item.question, locale) : x.itemId, ist: num(x.ist), target: num(x.target), gap: num(x.gap) })
        })
        .join(' | '),
    }
  })
}
