/**
 * Issue 13, long models on screen and in the report: the report's heatmap is split into parts of at
 * most 10 dimension columns ("Teil 1 von 2"), each repeating the department column; the dashboard's
 * heatmap and the questionnaire's stepper show short titles with the full title as tooltip and in
 * the accessible name.
 */
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { i18n as appI18n } from '@/i18n'
import DimensionStepper from '@/components/assessment/DimensionStepper.vue'
import HeatmapTable from '@/components/dashboard/HeatmapTable.vue'
import ReportHeatmap from '@/components/report/ReportHeatmap.vue'
import { analyseRound } from '@/domain/analysis/analysis'
import { heatmap } from '@/domain/results/heatmap'
import { makeDepartment, makeRound } from '../fixtures/builders'
import { assess } from '../fixtures/compare-builders'
import { allEn, makeI18n } from '../fixtures/i18n'
import { largeCatalog, largeDimensionShortTitle, largeDimensionTitle } from '../fixtures/large-catalog'

const departments = [makeDepartment({ id: 'dep-1', code: 'FB 1', name: 'Hauptamt' }), makeDepartment({ id: 'dep-2', code: 'FB 2', name: 'Bauamt' })]

function heatOf(dims: number) {
  const cat = largeCatalog(dims, 2)
  const answers = Object.fromEntries(cat.items.map((i, n) => [i.id, (n % 5) as 0 | 1 | 2 | 3 | 4]))
  const analysis = analyseRound({ catalog: cat, round: makeRound({ catalogId: cat.id, catalogVersion: cat.version }), departments, assessments: departments.map((d) => assess('round-1', d.id, answers)) })
  return heatmap(analysis, { sortBy: 'code', direction: 'asc' })
}
const index = (id: string) => Number(id.slice(1)) - 1
const dimTitle = (id: string) => largeDimensionTitle(index(id))
const dimShort = (id: string) => largeDimensionShortTitle(index(id))

describe('ReportHeatmap with a long model', () => {
  it.each<[number, string[], number[]]>([
    [20, ['Fachbereiche und Dimensionen (Teil 1 von 2)', 'Fachbereiche und Dimensionen (Teil 2 von 2)'], [10, 11]],
    [19, ['Fachbereiche und Dimensionen (Teil 1 von 2)', 'Fachbereiche und Dimensionen (Teil 2 von 2)'], [10, 10]],
    [10, ['Fachbereiche und Dimensionen'], [11]],
  ])('%i dimensions: captions %j, header labels per table %j', (dims, captions, labels) => {
    const w = mount(ReportHeatmap, { props: { data: heatOf(dims), dimTitle, dimShort, caption: 'Fachbereiche und Dimensionen' }, global: { plugins: [makeI18n()] } })
    const tables = w.findAll('table')
    expect(tables.map((t) => t.get('caption').text())).toEqual(captions)
    expect(tables.map((t) => t.findAll('thead .dim-label').length)).toEqual(labels)
    // Every table repeats the department column (and the organisation row); every dimension is in exactly one table.
    for (const t of tables) {
      expect(t.findAll('tbody th').map((th) => th.text())).toEqual(['FB 1 · Hauptamt', 'FB 2 · Bauamt'])
      expect(t.findAll('tfoot th')).toHaveLength(1)
    }
    const headers = tables.flatMap((t) => t.findAll('thead .dim-label').map((x) => x.text()))
    expect(headers.filter((h) => h !== 'Gesamt')).toEqual(Array.from({ length: dims }, (_, i) => largeDimensionShortTitle(i)))
    expect(headers.at(-1)).toBe('Gesamt')
    expect(w.findAll('[data-testid="heatmap-part"]')).toHaveLength(captions.length > 1 ? captions.length : 0)
    // The legend names every shortened title with its full title, once.
    expect(w.findAll('[data-testid="dim-legend"] .nb')).toHaveLength(dims)
  })

  it('speaks English in English', () => {
    const i18n = createI18n({ legacy: false, locale: 'en', messages: { en: allEn }, numberFormats: { en: appI18n.global.getNumberFormat('en') } })
    const w = mount(ReportHeatmap, { props: { data: heatOf(20), dimTitle, dimShort, caption: 'Departments' }, global: { plugins: [i18n] } })
    expect(w.findAll('caption').map((c) => c.text())).toEqual(['Departments (part 1 of 2)', 'Departments (part 2 of 2)'])
  })
})

describe('short titles with the full title at hand', () => {
  it('the dashboard heatmap heads columns with short titles, full title as tooltip and read with it', () => {
    const w = mount(HeatmapTable, { props: { data: heatOf(3), dimTitle: dimShort, dimFull: dimTitle, sortable: true, caption: 'Heatmap' }, global: { plugins: [makeI18n()] } })
    const buttons = w.findAll('thead th.dim-col button').slice(0, 3)
    expect(buttons.map((b) => b.get('.dim-label').text())).toEqual(['Steuerung 1', 'Sicherheit 2', 'Datenschutz 3'])
    expect(buttons.map((b) => b.attributes('title'))).toEqual([dimTitle('d01'), dimTitle('d02'), dimTitle('d03')])
    expect(buttons[0]!.text()).toBe(`Steuerung 1: ${dimTitle('d01')}`)
  })

  it('without a full title (or the same one) nothing is added', () => {
    const w = mount(HeatmapTable, { props: { data: heatOf(2), dimTitle, caption: 'Heatmap' }, global: { plugins: [makeI18n()] } })
    expect(w.findAll('thead .visually-hidden')).toHaveLength(0)
    expect(w.find('thead [title]').exists()).toBe(false)
  })

  it('the stepper shows the short title and reads the full one', () => {
    const w = mount(DimensionStepper, {
      props: { steps: [{ id: 'd01', title: 'Steuerung 1', fullTitle: dimTitle('d01'), answered: 1, total: 15 }, { id: 'd02', title: 'Gleich', fullTitle: 'Gleich', answered: 0, total: 15 }], current: 0 },
      global: { plugins: [makeI18n()] },
    })
    const [first, second] = w.findAll('button')
    expect(first!.get('.title').text()).toBe('Steuerung 1')
    expect(first!.get('.title').attributes('title')).toBe(dimTitle('d01'))
    expect(first!.get('.visually-hidden').text()).toBe(`: ${dimTitle('d01')}`)
    expect(second!.find('.visually-hidden').exists()).toBe(false)
  })
})
