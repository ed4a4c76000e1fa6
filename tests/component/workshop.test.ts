import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { createI18n } from 'vue-i18n'
import WorkshopAgreement from '@/components/workshop/WorkshopAgreement.vue'
import WorkshopAnswers from '@/components/workshop/WorkshopAnswers.vue'
import catalogJson from '@/catalogs/dc-kommune/1.0.0.json'
import { isTextEntry, useWorkshopKeys, workshopKeyAction, type WorkshopKeyAction } from '@/composables/useWorkshopKeys'
import { departmentConsensus } from '@/domain/analysis/consensus'
import { allDe as de } from '../fixtures/i18n'
import type { Answer, Catalog } from '@/domain/model/types'
import { levelAnswer, makeAssessment, makeDepartment, naAnswer, unknownAnswer } from '../fixtures/builders'

const catalog = catalogJson as unknown as Catalog
const item = catalog.items[0]!
const i18n = () => createI18n({ legacy: false, locale: 'de', messages: { de }, numberFormats: { de: { decimal: { maximumFractionDigits: 2 } } } })

describe('workshop keys', () => {
  it.each<[string, WorkshopKeyAction | null]>([
    ['ArrowRight', { kind: 'next' }],
    ['ArrowDown', { kind: 'next' }],
    ['PageDown', { kind: 'next' }],
    ['ArrowLeft', { kind: 'prev' }],
    ['ArrowUp', { kind: 'prev' }],
    ['PageUp', { kind: 'prev' }],
    ['0', { kind: 'record', patch: { state: 'level', ist: 0 } }],
    ['4', { kind: 'record', patch: { state: 'level', ist: 4 } }],
    // Scales have up to 8 levels; the view ignores a level the item's scale lacks (patchFitsItem).
    ['7', { kind: 'record', patch: { state: 'level', ist: 7 } }],
    ['8', null],
    ['9', null],
    ['n', { kind: 'record', patch: { state: 'na', ist: null } }],
    ['N', { kind: 'record', patch: { state: 'na', ist: null } }],
    ['w', { kind: 'record', patch: { state: 'unknown', ist: null } }],
    ['W', { kind: 'record', patch: { state: 'unknown', ist: null } }],
    ['x', null],
    ['Enter', null],
    [' ', null],
  ])('%s → %j', (key, expected) => {
    expect(workshopKeyAction(key)).toEqual(expected)
  })

  it.each<[string, boolean, () => HTMLElement]>([
    ['text field', true, () => document.createElement('input')],
    ['textarea', true, () => document.createElement('textarea')],
    ['select', true, () => document.createElement('select')],
    ['radio', false, () => Object.assign(document.createElement('input'), { type: 'radio' })],
    ['checkbox', false, () => Object.assign(document.createElement('input'), { type: 'checkbox' })],
    ['button', false, () => document.createElement('button')],
    ['heading', false, () => document.createElement('h2')],
  ])('isTextEntry(%s) = %s', (_name, expected, make) => {
    expect(isTextEntry(make())).toBe(expected)
  })

  /** A container with a radio, a select and a text field, wired to useWorkshopKeys. */
  function mountKeys() {
    const actions: WorkshopKeyAction[] = []
    let api: ReturnType<typeof useWorkshopKeys> | undefined
    const Host = defineComponent({
      setup() {
        api = useWorkshopKeys((a) => actions.push(a))
        return () => h('div', { onKeydown: api!.onKeydown }, [h('input', { type: 'radio', id: 'r' }), h('select', { id: 's' }), h('input', { type: 'text', id: 't' })])
      },
    })
    const w = mount(Host, { attachTo: document.body })
    return { w, actions, api: api! }
  }

  it('handles keys on the container and on radios, not in text fields or selects, and can be switched off', async () => {
    const { w, actions, api } = mountKeys()
    await w.find('#r').trigger('keydown', { key: '3' })
    await w.find('#r').trigger('keydown', { key: 'ArrowRight' })
    await w.find('#s').trigger('keydown', { key: 'ArrowDown' })
    await w.find('#t').trigger('keydown', { key: '2' })
    await w.trigger('keydown', { key: 'ArrowRight', ctrlKey: true })
    expect(actions).toEqual([{ kind: 'record', patch: { state: 'level', ist: 3 } }, { kind: 'next' }])
    api.enabled.value = false
    await w.trigger('keydown', { key: 'n' })
    expect(actions).toHaveLength(2)
    w.unmount()
  })
})

describe('WorkshopAgreement', () => {
  const mountForm = (answer: Answer | null) => mount(WorkshopAgreement, { props: { item, answer, scales: catalog.scales }, global: { plugins: [i18n()] } })

  it('shows the five levels with their texts plus n/a and weiß nicht as one native radio group', () => {
    const w = mountForm(null)
    const radios = w.findAll('input[type="radio"]')
    expect(radios).toHaveLength(7)
    expect(new Set(radios.map((r) => r.attributes('name')))).toEqual(new Set([`ws-${item.id}-ist`]))
    expect(w.find('legend').text()).toBe('Gemeinsam festgehaltener Ist-Stand')
    w.findAll('.ws-levels label').forEach((l, i) => expect(l.text()).toContain(`Stufe ${i}: ${item.levels[i]!.de}`))
    expect(radios.some((r) => (r.element as HTMLInputElement).checked)).toBe(false)
  })

  it.each<[string, Answer, string]>([
    ['level', levelAnswer(item.id, 2), '2'],
    ['n/a', naAnswer(item.id), 'na'],
    ['weiß nicht', unknownAnswer(item.id), 'unknown'],
  ])('marks the recorded value (%s)', (_name, answer, value) => {
    const w = mountForm(answer)
    expect((w.find(`input[value="${value}"]`).element as HTMLInputElement).checked).toBe(true)
  })

  it('emits the chosen value and the optional Bedarf and Potenzial', async () => {
    const w = mountForm(levelAnswer(item.id, 1, { bedarf: 3 }))
    await w.find('input[value="4"]').setValue(true)
    await w.find('input[value="na"]').setValue(true)
    expect((w.find(`#ws-${item.id}-bedarf`).element as HTMLSelectElement).value).toBe('3')
    await w.find(`#ws-${item.id}-bedarf`).setValue('')
    await w.find(`#ws-${item.id}-potenzial`).setValue('2')
    expect(w.emitted('change')).toEqual([[{ state: 'level', ist: 4 }], [{ state: 'na', ist: null }], [{ bedarf: null }], [{ potenzial: 2 }]])
    expect(w.find(`label[for="ws-${item.id}-bedarf"]`).text()).toBe('Festgehaltener Bedarf (optional)')
  })
})

describe('WorkshopAnswers', () => {
  it('lists each respondent with Ist, Bedarf, Potenzial and comment, then median and spread', () => {
    const department = makeDepartment({ kind: 'central' })
    const c = departmentConsensus(catalog, department, [
      makeAssessment({ id: 'a1', respondent: 'Amtsleitung', answers: [levelAnswer(item.id, 1, { bedarf: 4, comment: 'nur Papier' })] }),
      makeAssessment({ id: 'a2', respondent: '', answers: [naAnswer(item.id)] }),
      makeAssessment({ id: 'a3', respondent: 'Team', answers: [levelAnswer(item.id, 4, { potenzial: 2 })] }),
      makeAssessment({ id: 'a4', respondent: 'Neu', answers: [] }),
      makeAssessment({ id: 'ws', role: 'consensus', answers: [levelAnswer(item.id, 2)] }),
    ]).items.find((x) => x.itemId === item.id)!
    const w = mount(WorkshopAnswers, { props: { consensus: c, scales: catalog.scales }, global: { plugins: [i18n()] } })
    const rows = w.findAll('tbody tr').map((r) => r.findAll('th, td').map((x) => x.text()))
    expect(rows).toEqual([
      ['Amtsleitung', 'Stufe 1', `4 – ${catalog.scales.bedarf![4]!.label.de}`, '–', 'nur Papier'],
      ['anonym', 'Nicht zutreffend', '–', '–', '–'],
      ['Team', 'Stufe 4', '–', `2 – ${catalog.scales.potenzial![2]!.label.de}`, '–'],
      ['Neu', 'keine Antwort', '–', '–', '–'],
    ])
    expect(w.findAll('tfoot th, tfoot td').map((x) => x.text())).toEqual(['Median', '2,5', 'Spanne: 3'])
  })
})
