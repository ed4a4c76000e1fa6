/** Distribution of the respondents' raw answers per dimension (steering-group dashboard). */
import { isLevel, respondentsByDepartment } from '@/domain/model/answers'
import { appliesTo, indexCatalog } from '@/domain/model/catalog-index'
import { levelCount, MAX_SCALE_LEVELS } from '@/domain/model/scale'
import type { Answer, Assessment, Catalog, Department } from '@/domain/model/types'

/** Segments of the stacked bar: one per level position (0–7, scales of 2–8 levels), then the other states. */
export type DistributionKey = `level${number}` | 'na' | 'unknown' | 'open'

const LEVEL_KEYS = Array.from({ length: MAX_SCALE_LEVELS }, (_, i) => `level${i}` as const)
const OTHER_KEYS = ['na', 'unknown', 'open'] as const

/** The segments of the built-in 0–4 catalogues, in display order. */
export const DISTRIBUTION_KEYS: readonly DistributionKey[] = distributionKeys(5)

/** The segments for a catalogue whose longest answer scale has `levels` levels, in display order. */
export function distributionKeys(levels: number): DistributionKey[] {
  return [...LEVEL_KEYS.slice(0, Math.min(Math.max(levels, 0), MAX_SCALE_LEVELS)), ...OTHER_KEYS]
}

/** The segments of a catalogue: as many level positions as its longest answer scale has. */
export function catalogDistributionKeys(catalog: Pick<Catalog, 'scales' | 'answerScales'>): DistributionKey[] {
  return distributionKeys(Math.max(levelCount(catalog.scales.ist), ...(catalog.answerScales ?? []).map((s) => levelCount(s.levels))))
}

export interface DimensionDistribution {
  dimensionId: string
  /** Σ counts = applicable items × respondents over the departments. Counts and shares have the keys of `catalogDistributionKeys`. */
  total: number
  counts: Record<DistributionKey, number>
  /** count / total (0–1); all 0 when total is 0. */
  shares: Record<DistributionKey, number>
}

function zeroCounts(keys: readonly DistributionKey[]): Record<DistributionKey, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<DistributionKey, number>
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
 * known dimension, first of duplicate ids), the answer counts as its Ist level position (0–7), 'na', 'unknown'
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
  const keys = catalogDistributionKeys(catalog)
  const counts = new Map(idx.dimensionList.map((d) => [d.id, zeroCounts(keys)]))
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
        const key = answerKey(ans !== undefined && Object.prototype.hasOwnProperty.call(a.answers, item.id) ? ans : undefined)
        // A level beyond every scale of the catalogue (a damaged record) counts as open.
        c[key in c ? key : 'open']++
      }
    }
  }
  return idx.dimensionList.map((d) => {
    const c = counts.get(d.id) ?? zeroCounts(keys)
    let total = 0
    for (const k of keys) total += c[k] as number
    const shares = zeroCounts(keys)
    if (total > 0) for (const k of keys) shares[k] = (c[k] as number) / total
    return { dimensionId: d.id, total, counts: c, shares }
  })
}
