/**
 * Deterministic synthetic data for benchmarks: a large catalogue and organisations with many
 * departments, respondents and rounds. Seeded PRNG (mulberry32), no clock, so every run sees the
 * same data. Reusable by other benchmarks.
 */
import type {
  Answer,
  Assessment,
  Catalog,
  CatalogDimension,
  CatalogItem,
  CatalogMeasure,
  Department,
  Level,
  Organisation,
  Round,
  Scale5,
} from '../src/domain/model/types'
import { prng } from '../src/domain/demo/musterstadt'
import { appliesTo } from '../src/domain/model/catalog-index'

export type Rng = () => number

/** The seeded PRNG of the demo data (mulberry32), reused so there is one implementation. */
export const createRng: (seed: number) => Rng = prng

/** Integer in [min, max] (inclusive). */
export function randInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1))
}

const TIME = '2025-01-01T00:00:00.000Z'

/** Five scale entries starting at `from` (0 for levels, 1 for effort/impact). */
function scale(from: number) {
  return Array.from({ length: 5 }, (_, i) => ({ value: from + i, label: { de: `Stufe ${from + i}` }, description: { de: `Stufe ${from + i}` } }))
}

export interface SyntheticCatalogOptions {
  dimensions?: number
  /** Total items, spread evenly over the dimensions (default 120, the size named in the issues). */
  items?: number
  measures?: number
  /** Share of items asked only of central departments. */
  centralShare?: number
  seed?: number
}

/**
 * A synthetic catalogue that satisfies the Catalog type (default 9 dimensions with 120 items in
 * total — the "120 items" of the benchmark scenario — and 90 measures, like the default catalogue). Measures depend only on earlier measures, so the dependency graph is acyclic.
 */
export function makeSyntheticCatalog(options: SyntheticCatalogOptions = {}): Catalog {
  const nDim = options.dimensions ?? 9
  const nItems = options.items ?? 120
  const nMeasures = options.measures ?? 90
  const centralShare = options.centralShare ?? 0.1
  const rng = createRng(options.seed ?? 42)
  const t = (de: string) => ({ de })

  const dimensions: CatalogDimension[] = []
  const items: CatalogItem[] = []
  for (let d = 0; d < nDim; d++) {
    const dimId = `d${d + 1}`
    dimensions.push({
      id: dimId,
      title: t(`Dimension ${d + 1}`),
      description: t(`Beschreibung ${d + 1}`),
      weight: d % 3 === 0 ? 2 : 1,
      defaultTarget: 3,
    })
    const perDim = Math.floor(nItems / nDim) + (d < nItems % nDim ? 1 : 0)
    for (let i = 0; i < perDim; i++) {
      const item: CatalogItem = {
        id: `${dimId}.${i + 1}`,
        dimensionId: dimId,
        question: t(`Frage ${dimId}.${i + 1}`),
        help: t(`Erläuterung ${dimId}.${i + 1}`),
        levels: [t('0'), t('1'), t('2'), t('3'), t('4')],
        appliesTo: rng() < centralShare ? 'central' : 'all',
      }
      if (rng() < 0.2) item.weight = 2
      if (rng() < 0.1) item.defaultTarget = 4
      items.push(item)
    }
  }

  const measures: CatalogMeasure[] = []
  for (let m = 0; m < nMeasures; m++) {
    const id = `m${String(m + 1).padStart(2, '0')}`
    const dim = randInt(rng, 1, nDim)
    const nTriggers = randInt(rng, 1, 4)
    const triggers = Array.from({ length: nTriggers }, () => ({
      itemId: `d${dim}.${randInt(rng, 1, Math.floor(nItems / nDim))}`,
      maxLevel: randInt(rng, 1, 2) as Level,
    }))
    const dependsOn: string[] = []
    if (m > 0 && rng() < 0.4) dependsOn.push(`m${String(randInt(rng, 1, m)).padStart(2, '0')}`)
    const measure: CatalogMeasure = {
      id,
      title: t(`Maßnahme ${id}`),
      description: t(`Beschreibung ${id}`),
      dimensionIds: [`d${dim}`],
      triggers,
      effort: randInt(rng, 1, 5) as Scale5,
      impact: randInt(rng, 1, 5) as Scale5,
      dependsOn: [...new Set(dependsOn)],
    }
    if (rng() < 0.1) {
      measure.obligation = { law: '§ 1 Testgesetz', description: t('Pflicht'), date: '2025-01-01' }
    }
    measures.push(measure)
  }

  return {
    format: 'digitalisierungs-check/catalog',
    formatVersion: 1,
    id: 'synthetic',
    version: '1.0.0',
    title: t('Synthetischer Katalog'),
    description: t('Benchmark'),
    publishedAt: '2025-01-01',
    sources: [],
    scales: { ist: scale(0), bedarf: scale(0), potenzial: scale(0), effort: scale(1), impact: scale(1) },
    dimensions,
    items,
    measures,
  }
}

export interface SyntheticOrganisationOptions {
  departments: number
  respondents?: number
  rounds?: number
  seed?: number
}

export interface SyntheticOrganisation {
  organisation: Organisation
  departments: Department[]
  rounds: Round[]
  /** All assessments of all rounds. */
  assessments: Assessment[]
  /** Assessments grouped by round id. */
  assessmentsByRound: Map<string, Assessment[]>
  /** Number of stored answers over all rounds. */
  answerCount: number
}

function level(rng: Rng, base: number): Level {
  return Math.max(0, Math.min(4, Math.round(base + (rng() - 0.5) * 2.5))) as Level
}

/**
 * An organisation with `departments` departments (every fifth central, staff 5–80), `respondents`
 * assessments per department and round, and `rounds` rounds of answers to every applicable item:
 * ~80 % levels (department baseline + noise, rising per round), 8 % 'na', 7 % 'unknown', 5 % missing.
 */
/** Device id of the synthetic data. */
export const BENCH_DEVICE = 'bench0device'
const PROV = { updatedAt: TIME, updatedBy: '', deviceId: BENCH_DEVICE, rev: 1 }

export function makeSyntheticOrganisation(
  catalog: Catalog,
  options: SyntheticOrganisationOptions,
): SyntheticOrganisation {
  const rng = createRng(options.seed ?? 7)
  const nResp = options.respondents ?? 3
  const nRounds = options.rounds ?? 5
  const organisation: Organisation = {
    id: 'org-synth',
    name: 'Synthetische Stadt',
    type: 'stadt',
    bundesland: 'NW',
    inhabitants: 50000,
    staff: 800,
    createdAt: TIME,
    ...PROV,
  }
  const departments: Department[] = Array.from({ length: options.departments }, (_, i) => ({
    id: `dep-${i + 1}`,
    orgId: organisation.id,
    name: `Fachbereich ${i + 1}`,
    code: `FB${i + 1}`,
    parentUnit: '',
    head: '',
    staff: i % 7 === 6 ? null : randInt(rng, 5, 80),
    kind: i % 5 === 0 ? 'central' : 'specialist',
    createdAt: TIME,
    ...PROV,
  }))
  const rounds: Round[] = Array.from({ length: nRounds }, (_, r) => ({
    id: `round-${r + 1}`,
    orgId: organisation.id,
    name: `Runde ${r + 1}`,
    startDate: `${2021 + r}-01-01`,
    endDate: '',
    catalogId: catalog.id,
    catalogVersion: catalog.version,
    dimensionTargets: (r % 2 === 1 ? { d1: 4 } : {}) as Record<string, Level>,
    createdAt: TIME,
    ...PROV,
  }))

  const assessments: Assessment[] = []
  const assessmentsByRound = new Map<string, Assessment[]>()
  let answerCount = 0
  const baselines = departments.map(() => 0.5 + rng() * 2)
  for (const [r, round] of rounds.entries()) {
    const list: Assessment[] = []
    for (const [d, dep] of departments.entries()) {
      const base = (baselines[d] ?? 1) + r * 0.3
      for (let p = 0; p < nResp; p++) {
        const answers: Record<string, Answer> = {}
        for (const item of catalog.items) {
          if (!appliesTo(item, dep)) continue
          const x = rng()
          if (x < 0.05) continue
          const state = x < 0.85 ? 'level' : x < 0.93 ? 'na' : 'unknown'
          answers[item.id] = {
            itemId: item.id,
            state,
            ist: state === 'level' ? level(rng, base) : null,
            bedarf: rng() < 0.7 ? (randInt(rng, 0, 4) as Level) : null,
            potenzial: rng() < 0.7 ? (randInt(rng, 0, 4) as Level) : null,
            target: rng() < 0.1 ? (randInt(rng, 2, 4) as Level) : null,
            comment: '',
            ...PROV,
            updatedBy: `Person ${p + 1}`,
            vv: { [BENCH_DEVICE]: 1 },
          }
          answerCount++
        }
        list.push({
          id: `a-${round.id}-${dep.id}-${p + 1}`,
          orgId: organisation.id,
          roundId: round.id,
          departmentId: dep.id,
          respondent: `Person ${p + 1}`,
          role: 'respondent',
          status: 'submitted',
          answers,
          createdAt: TIME,
          ...PROV,
          activityAt: TIME,
          submittedAt: TIME,
        })
      }
    }
    assessmentsByRound.set(round.id, list)
    assessments.push(...list)
  }
  return { organisation, departments, rounds, assessments, assessmentsByRound, answerCount }
}
