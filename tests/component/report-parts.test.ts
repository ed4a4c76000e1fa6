/**
 * Parts of the management report: the Digitale Agenda slot (nothing without an agenda; its entries
 * with owner, period and status with one), the heatmap with short headers and the legend of full
 * titles, and the running header's "Seite x von y" as CSS content.
 */
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ReportAgenda from '@/components/report/ReportAgenda.vue'
import ReportHeatmap from '@/components/report/ReportHeatmap.vue'
import { cssString, pageCounterContent } from '@/components/report/page-margins'
import { analyseRound } from '@/domain/analysis/analysis'
import { heatmap } from '@/domain/results/heatmap'
import { shortTitles } from '@/domain/results/short-titles'
import { makeCatalog, makeDepartment, makeItem, makeMeasure, makeRound, text } from '../fixtures/builders'
import { makeAgenda, makeEntry } from '../fixtures/agenda-builders'
import { assess } from '../fixtures/compare-builders'
import { makeI18n } from '../fixtures/i18n'

const catalog = makeCatalog({
  items: [makeItem({ id: 'i1', dimensionId: 'D1' }), makeItem({ id: 'i2', dimensionId: 'D2' })],
  measures: [makeMeasure({ id: 'm-1', title: text('Formularserver anbinden') })],
})
const departments = [makeDepartment({ id: 'dep-1', code: 'FB 1', name: 'Hauptamt' })]

describe('ReportAgenda (slot for the Digitale Agenda)', () => {
  const mountAgenda = (agenda: Parameters<typeof makeAgenda>[0] | null | undefined) =>
    mount(ReportAgenda, {
      props: { ...(agenda === undefined ? {} : { agenda: agenda === null ? null : makeAgenda(agenda) }), number: 6, catalog, departments, today: '2026-03-01' },
      global: { plugins: [makeI18n()] },
    })

  it.each([
    ['no agenda prop', undefined],
    ['agenda null', null],
  ] as const)('renders nothing with %s', (_name, agenda) => {
    const w = mountAgenda(agenda)
    expect(w.find('section').exists()).toBe(false)
    expect(w.text()).toBe('')
  })

  it('shows name, version, counts per status, the budget and every entry by Handlungsfeld', () => {
    const w = mountAgenda({
      handlungsfelder: [{ id: 'hf-1', title: 'Online-Dienste' }],
      entries: [
        makeEntry({ id: 'e1', measureId: 'm-1', title: '', kind: 'leitprojekt', handlungsfeldId: 'hf-1', ownerDepartmentId: 'dep-1', start: '2025-01', end: '2025-12', budgetEstimate: 25_000, status: 'in_progress' }),
        makeEntry({ id: 'e2', title: 'Eigene Idee', kind: 'quick_win', handlungsfeldId: null, budgetEstimate: null, status: 'done', order: 2 }),
      ],
    })
    expect(w.find('h2').text()).toBe('6. Digitale Agenda 1.0')
    expect(w.find('p').text().replace(/\s+/g, ' ')).toBe('Zeitraum 2025–2034 · geplant: 0 · in Umsetzung: 1 · umgesetzt: 1 · zurückgestellt: 0 · Budget (Schätzung) insgesamt: 25.000 € (1 Eintrag ohne Schätzung)')
    expect(w.findAll('tbody tr').map((tr) => tr.findAll('th, td').map((c) => c.text().replace(/\s+/g, ' ')))).toEqual([
      ['Online-Dienste'],
      // Ended in December 2025 and still in progress on 1 March 2026: late.
      ['Formularserver anbinden', 'Leitprojekt', 'FB 1 · Hauptamt', '2025-01 – 2025-12', '25.000 €', 'in Umsetzung · im Verzug'],
      ['Ohne Handlungsfeld'],
      ['Eigene Idee', 'Quick Win', '–', '–', '–', 'umgesetzt'],
    ])
  })

  it('says so when the agenda has no entries', () => {
    expect(mountAgenda({}).text()).toContain('Die Agenda enthält noch keine Maßnahmen.')
  })
})

describe('ReportHeatmap', () => {
  const cat = makeCatalog({ items: [makeItem({ id: 'i1', dimensionId: 'D1' }), makeItem({ id: 'i2', dimensionId: 'D2' }), makeItem({ id: 'i3', dimensionId: 'D3' })] })
  const analysis = analyseRound({ catalog: cat, round: makeRound({ catalogId: cat.id, catalogVersion: cat.version }), departments, assessments: [assess('round-1', 'dep-1', { i1: 2, i2: 3, i3: 1 })] })
  const TITLES: Record<string, string> = { D1: 'Strategie und Steuerung', D2: 'Informationssicherheit und Datenschutz', D3: 'Beschaffung' }
  const ids = Object.keys(TITLES)
  const shorts = shortTitles(ids.map((id) => TITLES[id]!))
  const dimTitle = (id: string) => TITLES[id] ?? id
  const dimShort = (id: string) => shorts[ids.indexOf(id)] ?? id

  it('heads the columns with short titles and lists the shortened ones with their full titles', () => {
    const w = mount(ReportHeatmap, { props: { data: heatmap(analysis, { sortBy: 'code', direction: 'asc' }), dimTitle, dimShort, caption: 'Heatmap' }, global: { plugins: [makeI18n()] } })
    expect(w.findAll('thead .dim-label').map((x) => x.text())).toEqual(['Strategie', 'Informationssicherheit', 'Beschaffung', 'Gesamt'])
    expect(w.get('[data-testid="dim-legend"]').text().replace(/\s+/g, ' ')).toBe('Dimensionen: Strategie = Strategie und Steuerung · Informationssicherheit = Informationssicherheit und Datenschutz')
  })
})

describe('page margins', () => {
  it.each([
    ['Seite \u0001 von \u0002', '"Seite " counter(page) " von " counter(pages)'],
    ['Page \u0001 of \u0002', '"Page " counter(page) " of " counter(pages)'],
    ['\u0001/\u0002', 'counter(page) "/" counter(pages)'],
  ])('%j → %s', (input, css) => {
    expect(pageCounterContent(input)).toBe(css)
  })

  it('quotes header texts safely', () => {
    expect(cssString('Stadt "Süd" \\ Nord\nRunde')).toBe('"Stadt \\"Süd\\" \\\\ Nord Runde"')
  })
})
