/**
 * HeatmapTable: the steering group's departments × dimensions table. It shows what the dashboard
 * hands it (`heatmap(analysis, options)` from src/domain/results/heatmap.ts), emits `sort` from its
 * header buttons and marks the sorted column with aria-sort. Sorting and the Dezernat filter are
 * computed by the dashboard through `heatmap()`; here the tests do what the dashboard does.
 */
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import HeatmapTable from '@/components/dashboard/HeatmapTable.vue'
import { analyseRound } from '@/domain/analysis/analysis'
import { heatmap, type HeatmapOptions, type HeatmapSortKey } from '@/domain/results/heatmap'
import { makeCatalog, makeDepartment, makeItem, makeRound } from '../fixtures/builders'
import { assess } from '../fixtures/compare-builders'
import { makeI18n } from '../fixtures/i18n'

// Two dimensions with one item each (the data of tests/unit/dashboard.test.ts). Scores = Ist/4 × 100:
//   a 'FB 10'  Dezernat I     i1=2, i2=2            → D1 50,  D2 50             → 50
//   b 'FB 2'   Dezernat II    i1=4, i2=0            → D1 100, D2 0              → 50
//   c 'FB 1'   Dezernat I     no questionnaire      → D1 –*,  D2 –*             → –
//   d 'FB 3'   (none)         i1=3, i2=na           → D1 75,  D2 – (N/A)        → 75
//   e 'FB 20'  Dezernat II    i1=1, i2=weiß nicht   → D1 25,  D2 –* (coverage 0) → 25
// Organisation: D1 62.5, D2 25, total 50.
const catalog = makeCatalog({ items: [makeItem({ id: 'i1', dimensionId: 'D1' }), makeItem({ id: 'i2', dimensionId: 'D2' })] })
const round = makeRound({ catalogId: catalog.id, catalogVersion: catalog.version })
const departments = [
  makeDepartment({ id: 'a', code: 'FB 10', name: 'Bürgerbüro', parentUnit: 'Dezernat I' }),
  makeDepartment({ id: 'b', code: 'FB 2', name: 'Bauamt', parentUnit: 'Dezernat II' }),
  makeDepartment({ id: 'c', code: 'FB 1', name: 'Älteres Archiv', parentUnit: 'Dezernat I' }),
  makeDepartment({ id: 'd', code: 'FB 3', name: 'Ordnungsamt', parentUnit: '' }),
  makeDepartment({ id: 'e', code: 'FB 20', name: 'Bauamt', parentUnit: ' Dezernat II ' }),
]
const assessments = [
  assess('round-1', 'a', { i1: 2, i2: 2 }),
  assess('round-1', 'b', { i1: 4, i2: 0 }),
  assess('round-1', 'd', { i1: 3, i2: 'na' }),
  assess('round-1', 'e', { i1: 1, i2: 'unknown' }),
]
const analysis = analyseRound({ catalog, round, departments, assessments })

const TITLES: Record<string, string> = { D1: 'Strategie', D2: 'Onlinedienste' }
const dimTitle = (id: string) => TITLES[id] ?? id

/** The props the dashboard passes for a sort order and Dezernat filter. */
function shown(sortBy: HeatmapSortKey, direction: 'asc' | 'desc', parentUnit: string | null = null) {
  const options: HeatmapOptions = { parentUnit, sortBy, direction }
  return { data: heatmap(analysis, options), sortBy, direction }
}

function mountTable(props: ReturnType<typeof shown>, sortable = true) {
  return mount(HeatmapTable, {
    props: { ...props, dimTitle, sortable, caption: 'Heatmap der Fachbereiche' },
    global: { plugins: [makeI18n()] },
  })
}

type Wrapper = ReturnType<typeof mountTable>
/** Each body row as [row header, cells…] in visible text. */
const bodyRows = (w: Wrapper) => w.findAll('tbody tr').map((tr) => [tr.find('th').text(), ...tr.findAll('td').map((td) => td.text())])
const footRow = (w: Wrapper) => [w.find('tfoot th').text(), ...w.findAll('tfoot td').map((td) => td.text())]
const rowKeys = (w: Wrapper) => w.findAll('tbody th').map((th) => th.text())
const ariaSorts = (w: Wrapper) => w.findAll('thead th').map((th) => th.attributes('aria-sort') ?? null)

describe('HeatmapTable', () => {
  it('shows one row per department with its scores as on screen, and the organisation row', () => {
    const w = mountTable(shown('code', 'asc'))
    expect(w.find('caption').text()).toBe('Heatmap der Fachbereiche')
    expect(w.find('[role="region"]').attributes('aria-label')).toBe('Heatmap der Fachbereiche')
    expect(w.findAll('thead th').map((th) => th.text())).toEqual(['Fachbereich', 'Strategie', 'Onlinedienste', 'Gesamt'])
    expect(bodyRows(w)).toEqual([
      // The total is marked like the cells when it is uncertain (coverage below the threshold).
      ['FB 1 · Älteres Archiv', '–*', '–*', '–*'],
      ['FB 2 · Bauamt', '100,0', '0,0', '50,0'],
      ['FB 3 · Ordnungsamt', '75,0', '–', '75,0'],
      ['FB 10 · Bürgerbüro', '50,0', '50,0', '50,0'],
      ['FB 20 · Bauamt', '25,0', '–*', '25,0'],
    ])
    expect(footRow(w)).toEqual(['Kommune', '62,5', '25,0', '50,0'])
    // Colour bands: < 25, 25–49, 50–74, ≥ 75, none.
    expect(w.findAll('tbody td.cell').map((td) => td.classes().filter((c) => /^(b\d|none)$/.test(c)))).toEqual([
      ['none'], ['none'], ['b3'], ['b0'], ['b3'], ['none'], ['b2'], ['b2'], ['b1'], ['none'],
    ])
  })

  it('marks uncertain values with "*" named "unsicher" — not the N/A cell', () => {
    const w = mountTable(shown('code', 'asc'))
    const marked = w.findAll('tbody tr').flatMap((tr) =>
      tr.findAll('td').flatMap((td, col) => (td.find('.unc').exists() ? [`${tr.find('th').text()} / ${col}`] : [])),
    )
    expect(marked).toEqual(['FB 1 · Älteres Archiv / 0', 'FB 1 · Älteres Archiv / 1', 'FB 1 · Älteres Archiv / 2', 'FB 20 · Bauamt / 1'])
    const mark = w.find('.unc')
    expect(mark.text()).toBe('*')
    expect(mark.attributes('title')).toBe('unsicher')
    expect(mark.attributes('aria-label')).toBe('unsicher')
    expect(w.find('.legend').text()).toContain('* unsicher')
  })

  it('emits the column of a header button as the sort key', async () => {
    const w = mountTable(shown('code', 'asc'))
    const buttons = w.findAll('thead button.sort')
    expect(buttons.map((b) => b.text())).toEqual(['Fachbereich', 'Strategie', 'Onlinedienste', 'Gesamt'])
    for (const b of buttons) await b.trigger('click')
    expect(w.emitted('sort')).toEqual([['code'], [{ dimensionId: 'D1' }], [{ dimensionId: 'D2' }], ['score']])
  })

  it.each<[string, HeatmapSortKey, 'asc' | 'desc', (string | null)[], string[]]>([
    ['code ascending', 'code', 'asc', ['ascending', null, null, null], ['FB 1', 'FB 2', 'FB 3', 'FB 10', 'FB 20']],
    ['code descending', 'code', 'desc', ['descending', null, null, null], ['FB 20', 'FB 10', 'FB 3', 'FB 2', 'FB 1']],
    ['Strategie ascending', { dimensionId: 'D1' }, 'asc', [null, 'ascending', null, null], ['FB 20', 'FB 10', 'FB 3', 'FB 2', 'FB 1']],
    ['Onlinedienste descending', { dimensionId: 'D2' }, 'desc', [null, null, 'descending', null], ['FB 10', 'FB 2', 'FB 1', 'FB 3', 'FB 20']],
    ['total descending (ties by code, none last)', 'score', 'desc', [null, null, null, 'descending'], ['FB 3', 'FB 2', 'FB 10', 'FB 20', 'FB 1']],
    ['name (no column of its own)', 'name', 'asc', [null, null, null, null], ['FB 1', 'FB 2', 'FB 20', 'FB 10', 'FB 3']],
  ])('sorted by %s: aria-sort on that column and rows in that order', (_label, sortBy, direction, sorts, codes) => {
    const w = mountTable(shown(sortBy, direction))
    expect(ariaSorts(w)).toEqual(sorts)
    expect(rowKeys(w).map((k) => k.split(' · ')[0])).toEqual(codes)
  })

  it('follows a click on "Gesamt" once the dashboard re-sorts: rows and aria-sort change', async () => {
    const w = mountTable(shown('code', 'asc'))
    await w.findAll('thead button.sort').find((b) => b.text() === 'Gesamt')!.trigger('click')
    const [key] = w.emitted<[HeatmapSortKey]>('sort')![0]!
    expect(key).toBe('score')
    // The dashboard sorts a newly chosen score column descending first.
    await w.setProps(shown(key, 'desc'))
    expect(ariaSorts(w)).toEqual([null, null, null, 'descending'])
    expect(rowKeys(w)).toEqual(['FB 3 · Ordnungsamt', 'FB 2 · Bauamt', 'FB 10 · Bürgerbüro', 'FB 20 · Bauamt', 'FB 1 · Älteres Archiv'])
  })

  it('has plain headers without buttons when not sortable', () => {
    const w = mountTable(shown('code', 'asc'), false)
    expect(w.find('thead button').exists()).toBe(false)
    expect(w.findAll('thead th').map((th) => th.text())).toEqual(['Fachbereich', 'Strategie', 'Onlinedienste', 'Gesamt'])
    expect(ariaSorts(w)).toEqual(['ascending', null, null, null])
  })

  it.each<[string, string[]]>([
    ['Dezernat I', ['FB 1 · Älteres Archiv', 'FB 10 · Bürgerbüro']],
    ['Dezernat II', ['FB 2 · Bauamt', 'FB 20 · Bauamt']],
    ['', ['FB 3 · Ordnungsamt']],
    ['Dezernat IX', []],
  ])('with the dashboard’s Dezernat filter %j shows only its departments; the organisation row stays', (unit, keys) => {
    const w = mountTable(shown('code', 'asc', unit))
    expect(rowKeys(w)).toEqual(keys)
    expect(footRow(w)).toEqual(['Kommune', '62,5', '25,0', '50,0'])
  })

  it('marks an uncertain organisation row and its uncertain cells with "*" as well', () => {
    const base = shown('code', 'asc')
    const orgRow = { ...base.data.orgRow, uncertain: true, cells: base.data.orgRow.cells.map((c, k) => ({ ...c, uncertain: k === 1 })) }
    const w = mountTable({ ...base, data: { ...base.data, orgRow } })
    expect(footRow(w)).toEqual(['Kommune', '62,5', '25,0*', '50,0*'])
  })
})
