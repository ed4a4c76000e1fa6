/** Distribution of the respondents' raw answers per dimension (steering-group dashboard). */
import { isLevel, respondentsByDepartment } from '@/domain/model/answers'
import { appliesTo, indexCatalog } from '@/domain/model/catalog-index'
import type { Answer, Assessment, Catalog, Department } from '@/domain/model/types'

/** Segments of the stacked bar, in display order. */
export type DistributionKey = 'level0' | 'level1' | 'level2' | 'level3' | 'level4' | 'na' | 'unknown' | 'open'

export const DISTRIBUTION_KEYS: readonly DistributionKey[] = [
  'level0',
  'level1',
  'level2',
  'level3',
  'level4',
  'na',
  'unknown',
  'open',
]

export interface DimensionDistribution {
  dimensionId: string
  /** Σ counts = applicable items × respondents over the departments. */
  total: number
  counts: Record<DistributionKey, number>
  /** count / total (0–1); all 0 when total is 0. */
  shares: Record<DistributionKey, number>
}

function zeroCounts(): Record<DistributionKey, number> {
  return { level0: 0, level1: 0, level2: 0, level3: 0, level4: 0, na: 0, unknown: 0, open: 0 }
}

/** The segment of one raw answer: its level, 'na', 'unknown' (weiß nicht) or 'open' (none / no Ist). */
function answerKey(answer: Answer | undefined): DistributionKey {
  if (!answer) return 'open'
  if (answer.state === 'na') return 'na'
  if (answer.state === 'unknown') return 'unknown'
  if (answer.state === 'level' && isLevel(answer.ist)) return `level${answer.ist}`
  return 'open'
}

/**
 * Distribution of the respondents' raw answers (not the consensus) per dimension, catalogue
 * order: for every assessment and every item that applies to its department (scorable items:
 * known dimension, first of duplicate ids), the answer counts as its Ist level 0–4, 'na', 'unknown'
 * (weiß nicht) or 'open' (no answer, or state 'level' without an Ist). Shares are count / total.
 * Pass the assessments of one round; assessments of unknown departments and the workshops'
 * consensus assessments (no respondents) are ignored.
 */
export function levelDistribution(
  catalog: Catalog,
  departments: readonly Department[],
  assessments: readonly Assessment[],
): DimensionDistribution[] {
  const idx = indexCatalog(catalog)
  const counts = new Map(idx.dimensionList.map((d) => [d.id, zeroCounts()]))
  const byDepartment = respondentsByDepartment(assessments)
  for (const department of departments) {
    const own = byDepartment.get(department.id)
    if (!own) continue
    for (const item of idx.centralItems) {
      if (!appliesTo(item, department)) continue
      const c = counts.get(item.dimensionId)
      if (!c) continue
      for (const a of own) {
        const ans = (a.answers as Record<string, Answer | undefined>)[item.id]
        c[answerKey(ans !== undefined && Object.prototype.hasOwnProperty.call(a.answers, item.id) ? ans : undefined)]++
      }
    }
  }
  return idx.dimensionList.map((d) => {
    const c = counts.get(d.id) ?? zeroCounts()
    let total = 0
    for (const k of DISTRIBUTION_KEYS) total += c[k]
    const shares = zeroCounts()
    if (total > 0) for (const k of DISTRIBUTION_KEYS) shares[k] = c[k] / total
    return { dimensionId: d.id, total, counts: c, shares }
  })
}
