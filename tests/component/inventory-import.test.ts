/**
 * ServiceImport (Leistungsinventar): a CSV file is read for real (readSpreadsheet), mapped by
 * importServiceRows and previewed — rows found, rows without errors, every error worded with its
 * line and column — and the import is all or nothing: with an error there is no import button, so
 * nothing can be emitted; a clean file offers one button that emits every service.
 */
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ServiceImport from '@/components/inventory/ServiceImport.vue'
import type { MunicipalService } from '@/domain/services/types'
import { makeI18n } from '../fixtures/i18n'

const DEPARTMENTS = [
  { id: 'd32', name: 'Ordnungsamt', code: '32' },
  { id: 'd61', name: 'Stadtplanung', code: '61' },
]
const HEADER = 'Leistung;Fachbereich;Fallzahl;Online seit;Online-Bezahlung;Formular'

function mountImport() {
  return mount(ServiceImport, { props: { departments: DEPARTMENTS, today: '2026-06-01' }, global: { plugins: [makeI18n()] } })
}

async function choose(w: VueWrapper, name: string, text: string) {
  const input = w.get('input[type="file"]')
  const file = new File([text], name, { type: name.endsWith('.csv') ? 'text/csv' : 'application/pdf' })
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
  for (let i = 0; i < 20 && w.find('[data-testid="import-figures"]').exists() === false && !w.find('[role="alert"]').exists(); i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 10))
  }
}

const figures = (w: VueWrapper) => w.findAll('[data-testid="import-figures"] li').map((li) => li.text())
const importButton = (w: VueWrapper) => w.findAll('button').find((b) => /importieren$/.test(b.text()))

describe('ServiceImport preview', () => {
  it('labels the file field and explains the expected columns', () => {
    const w = mountImport()
    const input = w.get('input[type="file"]')
    expect(w.get(`label[for="${input.attributes('id')}"]`).text()).toBe('Datei (CSV, XLSX oder ODS)')
    expect(w.text()).toContain('Nur „Leistung“ ist Pflicht.')
  })

  it('lists every bad row with its line and offers no import', async () => {
    const w = mountImport()
    await choose(
      w,
      'leistungen.csv',
      [HEADER, 'Hundesteuer;32;620;;nein;PDF', 'Sperrmüll;99;3.100;;nein;PDF', 'Wohngeld;61;12,5;;vielleicht;PDF', 'Fundsachen;32;700;01.03.2030;nein;kein'].join('\n'),
    )
    expect(figures(w)).toEqual(['Gefundene Zeilen: 4', 'Fehlerfrei: 1', 'Fehler: 4'])
    expect(w.findAll('[data-testid="import-errors"] li').map((li) => li.text())).toEqual([
      'Zeile 3: Fachbereich „99“ ist nicht angelegt.',
      'Zeile 4: „12,5“ ist keine ganze Zahl (z. B. 12.500).',
      'Zeile 4: „vielleicht“ – bitte „ja“ oder „nein“.',
      'Zeile 5: „01.03.2030“ liegt in der Zukunft.',
    ])
    expect(w.text()).toContain('Es wird nichts importiert.')
    expect(importButton(w)).toBeUndefined()
    expect(w.emitted('import')).toBeUndefined()
  })

  it('names a missing name column by its label', async () => {
    const w = mountImport()
    await choose(w, 'liste.csv', 'Titel;Fallzahl\nHundesteuer;620')
    expect(w.findAll('[data-testid="import-errors"] li').map((li) => li.text())).toEqual(['Zeile 1: Die Spalte „Leistung“ fehlt.'])
    expect(w.text()).toContain('Nicht verwendete Spalten: Titel')
    expect(importButton(w)).toBeUndefined()
  })

  it('says why a file cannot be read', async () => {
    const w = mountImport()
    await choose(w, 'liste.pdf', '%PDF-1.7')
    expect(w.get('[role="alert"]').text()).toContain('Dieses Dateiformat wird nicht unterstützt.')
    expect(importButton(w)).toBeUndefined()
  })

  it('imports a clean file as a whole with one button', async () => {
    const w = mountImport()
    await choose(w, 'leistungen.csv', [HEADER, 'Hundesteuer;32;620;;nein;PDF', 'Bewohnerparkausweis;Ordnungsamt;1.400;01.03.2025;ja;HTML-Formular'].join('\n'))
    expect(figures(w)).toEqual(['Gefundene Zeilen: 2', 'Fehlerfrei: 2', 'Fehler: 0'])
    expect(w.find('[data-testid="import-errors"]').exists()).toBe(false)
    const button = importButton(w)!
    expect(button.text()).toBe('2 Leistungen importieren')
    await button.trigger('click')
    const [services] = w.emitted('import')![0] as [MunicipalService[]]
    expect(services.map(({ id: _id, ...s }) => s)).toEqual([
      { name: 'Hundesteuer', departmentId: 'd32', channels: [], casesPerYear: 620, onlinePayment: false, formType: 'pdf', maturity: { model: 'ozg-rgm-2.0/working-set-1', ratings: {} } },
      { name: 'Bewohnerparkausweis', departmentId: 'd32', channels: [], casesPerYear: 1400, onlineSince: '2025-03-01', onlinePayment: true, formType: 'html-form', maturity: { model: 'ozg-rgm-2.0/working-set-1', ratings: {} } },
    ])
    expect(new Set(services.map((s) => s.id)).size).toBe(2)
  })
})
