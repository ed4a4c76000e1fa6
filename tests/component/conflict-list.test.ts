/**
 * ConflictList: one answer changed here and in an imported file to different values. The list shows
 * both versions side by side and lets the user decide; the decision is emitted as `decide` and, wired
 * as ImportPanel wires it, goes to the exchange store. Headings, intro and choice labels can be
 * replaced (the Synchronisation screen does).
 */
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import ConflictList from '@/components/exchange/ConflictList.vue'
import { DEFAULT_CATALOG } from '@/catalogs'
import { conflictKey, type ConflictDecision } from '@/domain/exchange/merge'
import { useCatalogStore } from '@/stores/catalogs'
import { useExchangeStore, type ConflictRow } from '@/stores/exchange'
import { makeAnswer } from '../fixtures/builders'
import { makeI18n } from '../fixtures/i18n'

const QUESTION = 'Gibt es eine verbindliche Digitalstrategie (Digitale Agenda) für die gesamte Verwaltung?'

/** A conflict on item str-01 of the built-in catalogue, as `useExchangeStore().check` lists it. */
function makeConflictRow(over: Partial<ConflictRow> = {}): ConflictRow {
  const assessmentId = 'ass-1'
  const itemId = 'str-01'
  return {
    assessmentId,
    itemId,
    key: conflictKey({ assessmentId, itemId }),
    local: makeAnswer({ itemId, state: 'level', ist: 2, potenzial: 3, comment: 'hier geändert', updatedAt: '2025-03-12T08:15:00.000Z', updatedBy: 'Frau Schulz', deviceId: 'dev-here', rev: 2, vv: { 'dev-here': 2 } }),
    incoming: makeAnswer({ itemId, state: 'na', ist: null, bedarf: 4, updatedAt: '2025-03-10T14:00:00.000Z', updatedBy: '', deviceId: 'dev-there', rev: 2, vv: { 'dev-here': 1, 'dev-there': 1 } }),
    winner: 'local',
    fileName: 'rueckgabe.json',
    department: 'Bauamt',
    round: 'Erhebung 2025',
    respondent: 'Herr Weber',
    catalogId: DEFAULT_CATALOG.catalogId,
    catalogVersion: DEFAULT_CATALOG.catalogVersion,
    ...over,
  }
}

let pinia: Pinia
beforeEach(async () => {
  pinia = createPinia()
  setActivePinia(pinia)
  // The question text comes from the catalogue store, as after `check`.
  await useCatalogStore().load(DEFAULT_CATALOG)
})

/** The list wired to the exchange store as ImportPanel wires it. */
const ImportHost = defineComponent({
  props: { row: { type: Object as () => ConflictRow, required: true } },
  setup(props) {
    const exchange = useExchangeStore()
    return () => h(ConflictList, { conflicts: [props.row], decisions: exchange.decisions, onDecide: exchange.decide })
  },
})

function mountList(row: ConflictRow) {
  // What `check` preselects for every conflict.
  useExchangeStore().decisions = { [row.key]: 'auto' }
  return mount(ImportHost, { props: { row }, global: { plugins: [makeI18n(), pinia] } })
}

const LABELS = {
  mine: 'Meinen Stand behalten',
  theirs: 'Stand aus der Datei übernehmen',
  both: 'Beide behalten (Stand aus der Datei als weitere befragte Person)',
}

describe('ConflictList', () => {
  it('names the conflict and shows both versions side by side', () => {
    const w = mountList(makeConflictRow())
    expect(w.find('h3').text()).toBe('Konflikte (1)')
    expect(w.find('legend').text()).toBe(`Bauamt – Herr Weber: ${QUESTION}`)
    expect(w.find('fieldset').attributes('data-item')).toBe('str-01')
    expect(w.findAll('thead th').map((th) => th.text())).toEqual(['Angabe', 'Hier gespeichert', 'Aus der Datei'])
    const rows = w.findAll('tbody tr').map((tr) => [tr.find('th').text(), ...tr.findAll('td').map((td) => td.text())])
    expect(rows).toEqual([
      ['Ist-Stand: Wo steht Ihr Fachbereich heute?', '2', 'Nicht zutreffend'],
      ['Bedarf', '–', '4'],
      ['Potenzial', '3', '–'],
      ['Anmerkung (optional)', 'hier geändert', '–'],
      ['Geändert von', 'Frau Schulz', 'anonym'],
      ['Geändert am', '12.03.2025, 08:15', '10.03.2025, 14:00'],
    ])
  })

  it('shows "weiß nicht" and an open Ist question, and an anonymous respondent', () => {
    const row = makeConflictRow({
      respondent: '',
      local: makeAnswer({ itemId: 'str-01', state: 'unknown', ist: null }),
      incoming: makeAnswer({ itemId: 'str-01', state: 'level', ist: null, bedarf: 1 }),
    })
    const w = mountList(row)
    expect(w.find('legend').text()).toBe(`Bauamt – anonym: ${QUESTION}`)
    expect(w.find('tbody tr').findAll('td').map((td) => td.text())).toEqual(['Weiß nicht', '–'])
  })

  it.each([
    ['local', 'Späteren Stand übernehmen (hier)'],
    ['incoming', 'Späteren Stand übernehmen (aus der Datei)'],
  ] as const)('offers four choices; "auto" (winner %s) is preselected and says which side it takes', (winner, autoLabel) => {
    const w = mountList(makeConflictRow({ winner }))
    const choices = w.findAll('.choice')
    expect(choices.map((c) => c.text())).toEqual([autoLabel, LABELS.mine, LABELS.theirs, LABELS.both])
    const radios = w.findAll<HTMLInputElement>('input[type="radio"]')
    expect(radios.map((r) => r.element.value)).toEqual(['auto', 'mine', 'theirs', 'both'])
    expect(radios.every((r) => r.element.name === 'conflict-0')).toBe(true)
    expect(radios.filter((r) => r.element.checked).map((r) => r.element.value)).toEqual(['auto'])
    expect(w.find('[role="radiogroup"]').attributes('aria-label')).toBe(`Bauamt – Herr Weber: ${QUESTION}`)
    // KERN radios (kern-form-check): each input named by its own label through for/id.
    for (const c of choices) {
      expect(c.classes()).toContain('kern-form-check')
      const input = c.find('input.kern-form-check__radio')
      expect(c.find('label.kern-label').attributes('for')).toBe(input.attributes('id'))
    }
  })

  it('hands "Stand aus der Datei übernehmen" to the store as "theirs"', async () => {
    const row = makeConflictRow()
    const w = mountList(row)
    const exchange = useExchangeStore()
    const theirs = w.findAll('.choice').find((c) => c.text() === LABELS.theirs)!
    await theirs.find('input').setValue(true)
    expect(exchange.decisions).toEqual({ [row.key]: 'theirs' })
    const checked = w.findAll<HTMLInputElement>('input[type="radio"]').filter((r) => r.element.checked)
    expect(checked.map((r) => r.element.value)).toEqual(['theirs'])

    await w.findAll('.choice').find((c) => c.text() === LABELS.both)!.find('input').setValue(true)
    expect(exchange.decisions).toEqual({ [row.key]: 'both' })
    expect(w.findComponent(ConflictList).emitted('decide')).toEqual([
      [row.key, 'theirs'],
      [row.key, 'both'],
    ])
  })

  it('takes its decisions from the parent only and can be worded for another source', async () => {
    const row = makeConflictRow({ winner: 'incoming' })
    const labelOf = (dec: ConflictDecision, c: ConflictRow) => `${dec} (${c.winner})`
    const w = mount(ConflictList, {
      props: { conflicts: [row], decisions: { [row.key]: 'mine' }, hereLabel: 'Auf diesem Gerät', incomingLabel: 'Von einem anderen Gerät', intro: 'Vom Server.', decisionLabel: labelOf },
      global: { plugins: [makeI18n(), pinia] },
    })
    expect(w.findAll('thead th').map((th) => th.text())).toEqual(['Angabe', 'Auf diesem Gerät', 'Von einem anderen Gerät'])
    expect(w.find('h3 + p').text()).toBe('Vom Server.')
    expect(w.findAll('.choice').map((c) => c.text())).toEqual(['auto (incoming)', 'mine (incoming)', 'theirs (incoming)', 'both (incoming)'])
    const checked = () => w.findAll<HTMLInputElement>('input[type="radio"]').filter((r) => r.element.checked).map((r) => r.element.value)
    expect(checked()).toEqual(['mine'])
    // The exchange store is not touched: the choice is only emitted; the parent decides what it means.
    await w.findAll('input[type="radio"]')[3]!.setValue(true)
    expect(w.emitted('decide')).toEqual([[row.key, 'both']])
    expect(useExchangeStore().decisions).toEqual({})
    await w.setProps({ decisions: { [row.key]: 'both' } })
    expect(checked()).toEqual(['both'])
  })
})
