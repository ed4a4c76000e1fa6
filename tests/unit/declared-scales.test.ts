/**
 * Answer scales declared by the catalogue (issue 13): per-item scales (yes/no), scales of 2–8
 * levels, targets moved to the item's scale, gaps in steps of the default scale, the validator's
 * cross references, and language-neutral catalogues.
 */
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { departmentConsensus } from '@/domain/analysis/consensus'
import { departmentGaps, gapOf } from '@/domain/analysis/gaps'
import { catalogMaturity, scoreDepartment } from '@/domain/analysis/scoring'
import { plannedTarget, scaleLevelsOf } from '@/domain/analysis/targets'
import { validateCatalog } from '@/domain/catalog/catalog-schema'
import { issueSummary } from '@/domain/catalog/issue-summary'
import { isLevel, patchFitsItem } from '@/domain/model/answers'
import { localize } from '@/domain/model/localize'
import { itemScale, levelCount, stepsOn } from '@/domain/model/scale'
import type { Answer, Catalog, ScaleDescription } from '@/domain/model/types'
import { catalogDistributionKeys, distributionKeys, levelDistribution } from '@/domain/results/distribution'
import { levelAnswer, makeAssessment, makeCatalog, makeDepartment, makeDimension, makeItem, makeRound } from '../fixtures/builders'

const entry = (value: number, de: string, en = de): ScaleDescription => ({ value, label: { de, en } })
const ZERO_TO_FOUR = [0, 1, 2, 3, 4].map((v) => entry(v, `Stufe ${v}`))
const YES_NO = [entry(0, 'Nein', 'No'), entry(1, 'Ja', 'Yes')]

/** A 0–4 catalogue with one yes/no item (`yn`) and two items on the default scale. */
const mixed: Catalog = makeCatalog({
  scales: { ist: ZERO_TO_FOUR, bedarf: [], potenzial: [], effort: [], impact: [] },
  answerScales: [{ id: 'yes-no', levels: YES_NO }],
  dimensions: [makeDimension({ id: 'd', defaultTarget: 3 })],
  items: [
    makeItem({ id: 'a', dimensionId: 'd' }),
    makeItem({ id: 'yn', dimensionId: 'd', scale: 'yes-no', levels: [{ de: 'Nein' }, { de: 'Ja' }] }),
    makeItem({ id: 'b', dimensionId: 'd' }),
  ],
})

function consensusOf(catalog: Catalog, answers: Answer[]) {
  const department = makeDepartment()
  return { department, items: departmentConsensus(catalog, department, [makeAssessment({ departmentId: department.id, answers })]).items }
}

describe('the scale of an item', () => {
  it.each([
    ['default scale', 'a', 5],
    ['declared yes/no scale', 'yn', 2],
  ])('%s', (_, itemId, levels) => {
    const item = mixed.items.find((i) => i.id === itemId)!
    expect(itemScale(mixed, item).length).toBe(levels)
    expect(scaleLevelsOf(mixed, item)).toEqual({ item: levels, default: 5 })
  })

  it('counts five levels for a scale that declares fewer than two (scored as 0–4)', () => {
    expect(levelCount([])).toBe(5)
    expect(levelCount(YES_NO)).toBe(2)
  })

  it.each([
    [1, 2, 5, 4],
    [1, 5, 2, 0.25],
    [2, 5, 5, 2],
    [1, 3, 5, 2],
  ])('%s steps of a %s-level scale are %s-level steps: %s', (steps, from, to, expected) => {
    expect(stepsOn(steps, from, to)).toBe(expected)
  })
})

describe('maturity per item scale', () => {
  const maturityOf = catalogMaturity(mixed)
  it.each([
    ['yes on a yes/no item', 1, 'yn', 100],
    ['no on a yes/no item', 0, 'yn', 0],
    ['level 1 of 0–4', 1, 'a', 25],
    ['a median between no and yes', 0.5, 'yn', 50],
    ['no item id: default scale', 1, undefined, 25],
  ])('%s', (_, ist, itemId, expected) => {
    expect(maturityOf(ist, itemId)).toBe(expected)
  })

  it('scores a dimension of mixed scales as the mean of the items’ maturities', () => {
    const { department, items } = consensusOf(mixed, [levelAnswer('a', 2), levelAnswer('yn', 1), levelAnswer('b', 4)])
    const score = scoreDepartment(mixed, department, items)
    // (50 + 100 + 100) / 3
    expect(score.dimensions[0]!.score).toBeCloseTo(83.333, 3)
  })
})

describe('targets and gaps on the item’s scale', () => {
  const round = makeRound({ dimensionTargets: {} })
  const yn = mixed.items[1]!

  it.each([
    ['dimension target 3 of 0–4 → yes on a yes/no item', {}, 1, 'dimension'],
    ['round target 1 of 0–4 → no', { d: 1 }, 0, 'round'],
    ['round target 2 of 0–4 → yes (half rounds up)', { d: 2 }, 1, 'round'],
  ] as const)('%s', (_, targets, expected, source) => {
    expect(plannedTarget({ dimensionTargets: targets }, yn, mixed.dimensions[0]!, scaleLevelsOf(mixed, yn))).toEqual({ target: expected, source })
  })

  it('keeps a target without levels as it is (one scale)', () => {
    expect(plannedTarget(round, yn, mixed.dimensions[0]!).target).toBe(3)
  })

  it('counts the gap of a yes/no item in steps of the default scale', () => {
    expect(gapOf(0, 1, { item: 2, default: 5 })).toBe(4)
    const { items } = consensusOf(mixed, [levelAnswer('a', 1), levelAnswer('yn', 0)])
    const gaps = departmentGaps(mixed, round, 'dep-1', items)
    expect(gaps.items.map((g) => [g.itemId, g.ist, g.target, g.gap])).toEqual([
      ['a', 1, 3, 2],
      ['yn', 0, 1, 4],
    ])
    // Means in levels of the default scale: Ist (1 + 0) / 2, target (3 + 4) / 2, gap (2 + 4) / 2.
    expect(gaps.dimensions[0]).toMatchObject({ meanIst: 0.5, meanTarget: 3.5, meanGap: 3 })
  })
})

describe('answers and keys within the item’s scale', () => {
  it.each([
    [{ state: 'level' as const, ist: 1 }, true],
    [{ state: 'level' as const, ist: 2 }, false],
    [{ target: 4 }, false],
    [{ state: 'na' as const, ist: null }, true],
    [{ bedarf: 4 }, true],
  ])('%j on a yes/no item: %s', (patch, expected) => {
    expect(patchFitsItem(patch, mixed.items[1]!)).toBe(expected)
  })

  it.each([
    [0, true],
    [7, true],
    [8, false],
    [-1, false],
    [1.5, false],
    ['2', false],
  ])('isLevel(%j) = %s (positions of scales with up to 8 levels)', (x, expected) => {
    expect(isLevel(x)).toBe(expected)
  })
})

describe('answer distribution', () => {
  it('has as many level segments as the longest scale', () => {
    expect(catalogDistributionKeys(mixed)).toEqual(distributionKeys(5))
    const eight = makeCatalog({ scales: { ...mixed.scales, ist: [0, 1, 2, 3, 4, 5, 6, 7].map((v) => entry(v, `L${v}`)) } })
    expect(catalogDistributionKeys(eight)).toEqual(['level0', 'level1', 'level2', 'level3', 'level4', 'level5', 'level6', 'level7', 'na', 'unknown', 'open'])
  })

  it('counts a yes/no answer in the segment of its position', () => {
    const department = makeDepartment()
    const dist = levelDistribution(mixed, [department], [makeAssessment({ departmentId: department.id, answers: [levelAnswer('yn', 1), levelAnswer('a', 4)] })])
    expect(dist[0]!.counts).toEqual({ level0: 0, level1: 1, level2: 0, level3: 0, level4: 1, na: 0, unknown: 0, open: 1 })
  })
})

describe('property: any declared scale keeps scores within 0–100 and monotone', () => {
  const scaleArb = fc
    .uniqueArray(fc.double({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true }), { minLength: 2, maxLength: 8 })
    .map((values) => [...values].sort((x, y) => x - y))
    .filter((values) => values.every((v, i) => i === 0 || v > values[i - 1]!))

  it('for a catalogue whose items use the scale, raising one answer never lowers the dimension score', () => {
    fc.assert(
      fc.property(scaleArb, fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), fc.nat(2), (values, raw, which) => {
        const catalog = makeCatalog({
          scales: { ist: ZERO_TO_FOUR, bedarf: [], potenzial: [], effort: [], impact: [] },
          answerScales: [{ id: 's', levels: values.map((v, i) => entry(v, `L${i}`)) }],
          items: ['x', 'y', 'z'].map((id) => makeItem({ id, dimensionId: 'd', scale: 's' })),
          dimensions: [makeDimension({ id: 'd' })],
        })
        const top = values.length - 1
        const levels = raw.map((r) => r % values.length)
        const score = (ls: number[]) => {
          const { department, items } = consensusOf(catalog, ls.map((l, i) => levelAnswer(['x', 'y', 'z'][i]!, l)))
          return scoreDepartment(catalog, department, items).dimensions[0]!.score!
        }
        const before = score(levels)
        const raised = levels.map((l, i) => (i === which ? Math.min(l + 1, top) : l))
        const after = score(raised)
        return before >= 0 && before <= 100 && after >= before - 1e-9
      }),
    )
  })
})

/** A minimal valid catalogue file in the given shape (for the validator tests). */
function file(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const t = (de: string, en: string) => ({ de, en })
  const five = [0, 1, 2, 3, 4].map((v) => ({ value: v, label: t(`S${v}`, `L${v}`), description: t(`Stufe ${v}`, `Level ${v}`) }))
  return {
    format: 'digitalisierungs-check/catalog',
    formatVersion: 1,
    id: 'eigenes-modell',
    version: '1.0.0',
    title: t('Eigenes Modell', 'Own model'),
    description: t('Ein Modell', 'A model'),
    publishedAt: '2026-01-01',
    sources: [],
    scales: {
      ist: [0, 1, 2].map((v) => ({ value: v, label: t(`S${v}`, `L${v}`) })),
      bedarf: five,
      potenzial: five,
      effort: five,
      impact: five,
    },
    answerScales: [{ id: 'ja-nein', levels: [{ value: 0, label: t('Nein', 'No') }, { value: 1, label: t('Ja', 'Yes') }] }],
    groups: [{ id: 'g', title: t('Gruppe', 'Group'), aggregation: 'mean' }],
    dimensions: [{ id: 'd', parentId: 'g', title: t('Dimension', 'Dimension'), shortTitle: t('Dim', 'Dim'), description: t('Text', 'Text'), defaultTarget: 2 }],
    items: [
      { id: 'q1', dimensionId: 'd', question: t('Frage 1?', 'Question 1?'), help: t('Hilfe', 'Help'), levels: [t('a', 'a'), t('b', 'b'), t('c', 'c')], appliesTo: 'all' },
      { id: 'q2', dimensionId: 'd', scale: 'ja-nein', question: t('Frage 2?', 'Question 2?'), help: t('Hilfe', 'Help'), levels: [t('Nein', 'No'), t('Ja', 'Yes')], appliesTo: 'all', dependsOn: ['q1'], stage: 2, extensions: { samm: { id: 'x' } } },
    ],
    measures: [],
    ...overrides,
  }
}

describe('validator: declared scales, structure and languages', () => {
  it('accepts a three-level catalogue with a yes/no item, a group and no measures, and keeps extensions', () => {
    const result = validateCatalog(file())
    expect(result.ok ? result.catalog.items[1]!.extensions : result.issues).toEqual({ samm: { id: 'x' } })
  })

  it('accepts an English-only catalogue that declares English as its language', () => {
    const english = JSON.parse(JSON.stringify(file({ defaultLanguage: 'en' })).replace(/"de":"[^"]*",?/g, '').replace(/,}/g, '}')) as Record<string, unknown>
    const result = validateCatalog(english)
    expect(result.ok ? localize(result.catalog.title, 'de') : result.issues).toBe('Own model')
  })

  it('rejects an English-only catalogue that does not declare its language, naming the place', () => {
    const english = JSON.parse(JSON.stringify(file()).replace(/"de":"[^"]*",?/g, '').replace(/,}/g, '}')) as Record<string, unknown>
    const result = validateCatalog(english)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.issues[0]).toEqual({ code: 'defaultLanguageMissing', params: { language: 'de' }, path: ['title', 'de'], location: { entity: 'catalog', field: 'title', language: 'de' } })
    }
  })

  it.each([
    ['a yes/no item with three level texts', (c: ReturnType<typeof file>) => { (c.items as { levels: unknown[] }[])[1]!.levels.push({ de: 'x', en: 'x' }) }, 'levelCountMismatch', ['items', 1, 'levels']],
    ['a default target 3 on a three-level scale', (c: ReturnType<typeof file>) => { (c.dimensions as { defaultTarget: number }[])[0]!.defaultTarget = 3 }, 'levelOutOfScale', ['dimensions', 0, 'defaultTarget']],
    ['an item default target 2 on a yes/no scale', (c: ReturnType<typeof file>) => { (c.items as { defaultTarget?: number }[])[1]!.defaultTarget = 2 }, 'levelOutOfScale', ['items', 1, 'defaultTarget']],
    ['a falling yes/no scale', (c: ReturnType<typeof file>) => { (c.answerScales as { levels: { value: number }[] }[])[0]!.levels[1]!.value = -1 }, 'scaleNotIncreasing', ['answerScales', 0, 'levels']],
    ['a group without children', (c: ReturnType<typeof file>) => { (c.groups as unknown[]).push({ id: 'leer', title: { de: 'Leer', en: 'Empty' } }) }, 'emptyGroup', ['groups', 1]],
    ['groups in a cycle', (c: ReturnType<typeof file>) => { c.groups = [{ id: 'g', parentId: 'h', title: { de: 'G' } }, { id: 'h', parentId: 'g', title: { de: 'H' } }] }, 'groupCycle', ['groups', 0, 'parentId']],
    ['an item depending on an unknown item', (c: ReturnType<typeof file>) => { (c.items as { dependsOn?: string[] }[])[1]!.dependsOn = ['q9'] }, 'itemUnknownItem', ['items', 1, 'dependsOn', 0]],
    ['an unknown aggregation rule', (c: ReturnType<typeof file>) => { (c.groups as { aggregation: string }[])[0]!.aggregation = 'median' }, 'invalidValue', ['groups', 0, 'aggregation']],
  ])('rejects %s', (_, change, code, path) => {
    const c = file()
    change(c)
    const result = validateCatalog(c)
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.path])).toContainEqual([code, path])
  })

  it('names an answer scale entry in words', () => {
    const c = file()
    ;(c.answerScales as { levels: { label: unknown }[] }[])[0]!.levels[1]!.label = { de: '', en: 'Yes' }
    const result = validateCatalog(c)
    expect(result.ok ? null : result.issues[0]!.location).toEqual({ entity: 'scale', id: 'ja-nein', entry: 2, field: 'label', language: 'de' })
  })
})

describe('summary of a rejected catalogue', () => {
  it('counts problems and the records they are in, each record once', () => {
    const c = file()
    const items = c.items as { help: unknown; question: unknown }[]
    items[0]!.help = { de: '' }
    items[0]!.question = { de: '' }
    items[1]!.help = { de: '' }
    ;(c.dimensions as { description: unknown }[])[0]!.description = { de: '' }
    const result = validateCatalog(c)
    expect(result.ok ? null : issueSummary(result.issues)).toEqual({ total: 4, places: [{ entity: 'dimension', count: 1 }, { entity: 'item', count: 2 }] })
  })
})

describe('docs/catalog-format.md', () => {
  it('its worked JSON example is a valid catalogue', async () => {
    const { readFileSync } = await import('node:fs')
    const text = readFileSync('docs/catalog-format.md', 'utf8')
    const json = /```json\n([\s\S]*?)```/.exec(text)?.[1] ?? ''
    const result = validateCatalog(JSON.parse(json))
    expect(result.ok ? result.catalog.items.map((i) => i.id) : result.issues).toEqual(['st-1', 'st-2'])
  })
})

describe('optional fields with a default', () => {
  it('an item without appliesTo is asked of every department', () => {
    const c = file()
    delete (c.items as { appliesTo?: string }[])[0]!.appliesTo
    const result = validateCatalog(c)
    expect(result.ok ? result.catalog.items[0]!.appliesTo : result.issues).toBe('all')
  })
})
