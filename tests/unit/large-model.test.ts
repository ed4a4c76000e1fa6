/**
 * Issue 13, long models: one questionnaire order everywhere, every dimension labelled in charts,
 * the printed heatmap split into parts, and the large-catalogue fixture itself.
 */
import { describe, expect, it } from 'vitest'
import { axisLabel, distributionOptions, profileData, profileOptions, screenBarHeight } from '@/charts/bars'
import { radarData, radarOptionsWithTitles } from '@/charts/radar'
import { validateCatalog } from '@/domain/catalog/catalog-schema'
import { analyseRound } from '@/domain/analysis/analysis'
import { departmentConsensus } from '@/domain/analysis/consensus'
import { applicableItems, indexCatalog, questionNumbers, questionnaireOrder } from '@/domain/model/catalog-index'
import type { DepartmentKind } from '@/domain/model/types'
import { heatmap, heatmapParts, partSizes } from '@/domain/results/heatmap'
import { makeCatalog, makeDepartment, makeDimension, makeItem, makeRound } from '../fixtures/builders'
import { assess } from '../fixtures/compare-builders'
import { largeCatalog, largeDimensionShortTitle, largeDimensionTitle } from '../fixtures/large-catalog'

describe('largeCatalog fixture', () => {
  const cat = largeCatalog()
  it('is a valid catalogue of 20 dimensions × 15 items with short titles, long titles and long level texts', () => {
    const v = validateCatalog(cat)
    expect(v.ok ? [] : v.issues).toEqual([])
    expect([cat.dimensions.length, cat.items.length, cat.measures.length]).toEqual([20, 300, 5])
    for (const d of cat.dimensions) {
      expect(d.title.de!.length).toBeGreaterThanOrEqual(40)
      expect(d.title.de!.length).toBeLessThanOrEqual(70)
      expect(d.shortTitle!.de!.length).toBeLessThanOrEqual(60)
    }
    expect(cat.items.some((i) => i.levels.some((l) => l.de!.length > 400))).toBe(true)
    expect(cat.scales.ist.map((s) => s.value)).toEqual([0, 1, 2, 3, 4])
    // The first dimension's last item is listed last; the questionnaire puts it back.
    expect(cat.items.at(-1)?.id).toBe('d01-q15')
    expect(applicableItems(cat, 'specialist').map((i) => i.id).slice(13, 17)).toEqual(['d01-q14', 'd01-q15', 'd02-q01', 'd02-q02'])
  })
  it.each([
    [1, 1, 1, 1],
    [4, 2, 8, 1],
    [19, 3, 57, 5],
  ])('largeCatalog(%i, %i): %i items, %i measures', (dims, per, items, measures) => {
    const c = largeCatalog(dims, per)
    expect(validateCatalog(c).ok).toBe(true)
    expect([c.dimensions.length, c.items.length, c.measures.length]).toEqual([dims, items, measures])
  })
  it('titles and short titles are distinct', () => {
    expect(new Set(cat.dimensions.map((d) => d.title.de)).size).toBe(20)
    expect(new Set(cat.dimensions.map((d) => d.shortTitle!.de)).size).toBe(20)
    expect([largeDimensionTitle(0), largeDimensionShortTitle(0)]).toEqual(['Strategische Steuerung der Verwaltungsdigitalisierung (Bereich 1)', 'Steuerung 1'])
  })
})

describe('questionnaireOrder: dimensions in catalogue order, items in array order within a dimension', () => {
  const dims = (...ids: string[]) => ids.map((id) => ({ id }))
  const it_ = (id: string, dimensionId: string) => ({ id, dimensionId })
  it.each<[string, string[], [string, string][], string[]]>([
    ['nothing', ['A'], [], []],
    ['already in order', ['A', 'B'], [['a1', 'A'], ['a2', 'A'], ['b1', 'B']], ['a1', 'a2', 'b1']],
    // Issue 13: an item of dimension 1 listed after dimension 2's items.
    ['a late item of the first dimension', ['A', 'B'], [['a1', 'A'], ['b1', 'B'], ['b2', 'B'], ['a2', 'A']], ['a1', 'a2', 'b1', 'b2']],
    ['items listed in reverse dimension order', ['A', 'B', 'C'], [['c1', 'C'], ['b1', 'B'], ['a1', 'A'], ['c2', 'C']], ['a1', 'b1', 'c1', 'c2']],
    ['dimension order wins over item order', ['B', 'A'], [['a1', 'A'], ['b1', 'B']], ['b1', 'a1']],
    ['unknown dimensions last, in array order', ['A'], [['x1', 'X'], ['a1', 'A'], ['y1', 'Y']], ['a1', 'x1', 'y1']],
    ['a duplicate dimension id keeps its first place', ['A', 'B', 'A'], [['b1', 'B'], ['a1', 'A']], ['a1', 'b1']],
  ])('%s', (_name, dimensionIds, items, expected) => {
    expect(questionnaireOrder({ dimensions: dims(...dimensionIds) as never }, items.map(([id, d]) => it_(id, d))).map((i) => i.id)).toEqual(expected)
  })

  it.each<[string[], [string, number][]]>([
    [[], []],
    [['a1', 'a2', 'b1'], [['a1', 1], ['a2', 2], ['b1', 3]]],
    [['a1', 'b1', 'a1'], [['a1', 1], ['b1', 2]]],
  ])('questionNumbers(%j) run 1, 2, 3 …', (ids, expected) => {
    expect([...questionNumbers(ids.map((id) => ({ id })))]).toEqual(expected)
  })

  // Dimension A's item a3 is listed last in the file; B's b1 in between.
  const moved = makeCatalog({
    dimensions: [makeDimension({ id: 'A' }), makeDimension({ id: 'B' })],
    items: [makeItem({ id: 'a1', dimensionId: 'A' }), makeItem({ id: 'b1', dimensionId: 'B' }), makeItem({ id: 'a2', dimensionId: 'A', appliesTo: 'central' }), makeItem({ id: 'b2', dimensionId: 'B' }), makeItem({ id: 'a3', dimensionId: 'A' })],
  })
  it.each<[DepartmentKind, string[]]>([
    ['specialist', ['a1', 'a3', 'b1', 'b2']],
    ['central', ['a1', 'a2', 'a3', 'b1', 'b2']],
  ])('every list follows it for a %s department: questionnaire, scoring index, workshop consensus, gaps', (kind, expected) => {
    const dep = makeDepartment({ id: 'dep-1', kind })
    expect(applicableItems(moved, kind).map((i) => i.id)).toEqual(expected)
    const idx = indexCatalog(moved)
    expect(idx.asked[kind].items.map((i) => i.id)).toEqual(expected)
    expect(expected.map((id) => idx.itemOrder.get(id))).toEqual(expected.map((id) => ['a1', 'a2', 'a3', 'b1', 'b2'].indexOf(id)))
    expect(idx.itemsByDimension.get('A')?.map((i) => i.id)).toEqual(['a1', 'a2', 'a3'])
    const answers = Object.fromEntries(expected.map((id) => [id, 2 as const]))
    const assessments = [assess('round-1', 'dep-1', answers)]
    // The workshop lists the consensus items (disputed first, otherwise in this order).
    expect(departmentConsensus(moved, dep, assessments).items.map((c) => c.itemId)).toEqual(expected)
    const analysis = analyseRound({ catalog: moved, round: makeRound({ catalogId: moved.id, catalogVersion: moved.version }), departments: [dep], assessments })
    expect(analysis.departments[0]!.gaps.items.map((g) => g.itemId)).toEqual(expected)
  })
})

describe('charts: every dimension labelled', () => {
  it.each<[string, number, number, string[]]>([
    ['Steuerung 1', 24, 2, ['Steuerung 1']],
    ['Strategische Steuerung der Verwaltungsdigitalisierung (Bereich 1)', 24, 2, ['Strategische Steuerung', 'der…']],
    ['Informationssicherheit und Notfallvorsorge', 24, 2, ['Informationssicherheit', 'und Notfallvorsorge']],
    ['Datenschutzmanagementverarbeitungsverzeichnisse', 24, 2, ['Datenschutzmanagementve…']],
    ['Ein zwei drei vier fünf', 9, 1, ['Ein zwei…']],
    ['', 24, 2, ['']],
  ])('axisLabel(%j, %i, %i) → %j', (text, width, lines, expected) => {
    const label = axisLabel(text, width, lines)
    expect(label).toEqual(expected)
    for (const line of label) expect(line.length).toBeLessThanOrEqual(width)
  })

  it('with 19 dimensions: 19 labels from the short titles, no autoSkip, full titles in the tooltip, a taller chart', () => {
    const cat = largeCatalog(19, 1)
    const categories = cat.dimensions.map((d) => ({ short: d.shortTitle!.de!, full: d.title.de! }))
    const data = profileData(categories, categories.map(() => 50), 'Reifegrad')
    expect(data.labels).toHaveLength(19)
    expect(data.labels.map((l) => l.join(' '))).toEqual(categories.map((c) => c.short))
    for (const options of [profileOptions(categories), distributionOptions(categories)]) {
      expect(options.scales.y.ticks.autoSkip).toBe(false)
      expect(options.indexAxis).toBe('y')
      expect(options.plugins.tooltip.callbacks.title([{ dataIndex: 18 }])).toBe(largeDimensionTitle(18))
    }
    // The radar wraps its labels and titles the tooltip with the full title.
    const radar = radarData(categories.map((c) => c.full), { label: 'FB', values: [] }, { label: 'Kommune', values: [] })
    expect(radar.labels[0]).toEqual(['Strategische', 'Steuerung der…'])
    expect(radar.labels.every((l) => l.length <= 2 && l.every((line) => line.length <= 18))).toBe(true)
    expect(radarOptionsWithTitles(categories.map((c) => c.full)).plugins.tooltip.callbacks.title([{ dataIndex: 1 }])).toBe(largeDimensionTitle(1))
    expect(screenBarHeight(19)).toBe(19 * 34 + 40)
    expect(screenBarHeight(9)).toBeLessThan(screenBarHeight(19))
    expect(screenBarHeight(0, 3)).toBe(34 + 40 + 72)
  })
})

describe('heatmap split for print', () => {
  it.each<[number, number, number[]]>([
    [0, 10, []],
    [9, 10, [9]],
    [10, 10, [10]],
    [19, 10, [10, 9]],
    [20, 10, [10, 10]],
    [21, 10, [7, 7, 7]],
    [5, 0, [1, 1, 1, 1, 1]],
  ])('partSizes(%i, %i) → %j', (columns, max, expected) => {
    expect(partSizes(columns, max)).toEqual(expected)
  })

  it('splits 20 dimensions into two parts with all rows, in column order, the total with the last part', () => {
    const cat = largeCatalog(20, 1)
    const deps = [makeDepartment({ id: 'dep-1', code: '10' }), makeDepartment({ id: 'dep-2', code: '20' })]
    const answers = Object.fromEntries(cat.items.map((i, n) => [i.id, (n % 5) as 0 | 1 | 2 | 3 | 4]))
    const analysis = analyseRound({ catalog: cat, round: makeRound({ catalogId: cat.id, catalogVersion: cat.version }), departments: deps, assessments: [assess('round-1', 'dep-1', answers), assess('round-1', 'dep-2', answers)] })
    const heat = heatmap(analysis, { sortBy: 'code', direction: 'asc' })
    const parts = heatmapParts(heat, 10)
    expect(parts.map((p) => [p.part, p.parts, p.last, p.heatmap.columns.length])).toEqual([
      [1, 2, false, 10],
      [2, 2, true, 10],
    ])
    expect(parts.flatMap((p) => p.heatmap.columns)).toEqual(heat.columns)
    for (const p of parts) {
      expect(p.heatmap.rows.map((r) => r.departmentId)).toEqual(['dep-1', 'dep-2'])
      expect(p.heatmap.rows.every((r) => r.cells.map((c) => c.dimensionId).join() === p.heatmap.columns.join())).toBe(true)
      expect(p.heatmap.orgRow.cells.map((c) => c.dimensionId)).toEqual(p.heatmap.columns)
    }
    expect(heatmapParts(heat, 20)).toEqual([{ part: 1, parts: 1, last: true, heatmap: heat }])
  })
})
