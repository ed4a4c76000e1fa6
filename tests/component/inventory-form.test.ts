/**
 * ServiceForm (Leistungsinventar): labelled fields; a submit with problems shows the `checkService`
 * codes worded from i18n at the field, marks it invalid, moves the focus to the first one and emits
 * nothing; a valid form emits the parsed service. The criteria selects show the level by the
 * minimum rule and the criterion that limits it.
 */
import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import ServiceForm from '@/components/inventory/ServiceForm.vue'
import { OZG_RGM_2 } from '@/domain/services/maturity-model'
import type { MunicipalService } from '@/domain/services/types'
import { makeI18n } from '../fixtures/i18n'

afterEach(() => {
  document.body.innerHTML = ''
})

const DEPARTMENTS = [
  { id: 'd32', name: 'Ordnungsamt', code: '32' },
  { id: 'd61', name: 'Stadtplanung', code: '61' },
]

function mountForm(initial?: MunicipalService) {
  const host = document.createElement('div')
  document.body.append(host)
  return mount(ServiceForm, { props: { departments: DEPARTMENTS, today: '2026-06-01', initial }, global: { plugins: [makeI18n()] }, attachTo: host })
}

/** The input labelled `label` (via <label for>). */
function field(w: VueWrapper, label: string) {
  const l = w.findAll('label').find((x) => x.text().replace(/\s*\*$/, '').replace(/\s*\(optional\)$/, '') === label)
  if (!l) throw new Error(`no label "${label}"`)
  return w.get(`#${CSS.escape(l.attributes('for')!)}`)
}

/** The error text shown for the field labelled `label` (via aria-describedby), or null. */
function errorOf(w: VueWrapper, label: string): string | null {
  const input = field(w, label)
  const ids = (input.attributes('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-err'))
  return ids.length > 0 ? w.get(`#${CSS.escape(ids[0]!)}`).text() : null
}

async function submit(w: VueWrapper) {
  await w.get('form').trigger('submit')
  await nextTick()
  await nextTick()
}

describe('ServiceForm validation', () => {
  it('names a missing name, refuses to save and focuses the field', async () => {
    const w = mountForm()
    await submit(w)
    expect(errorOf(w, 'Leistung')).toBe('Bitte ausfüllen.')
    expect(field(w, 'Leistung').attributes('aria-invalid')).toBe('true')
    expect(w.get('[role="alert"]').text()).toBe('Bitte prüfen Sie die markierten Angaben.')
    expect(document.activeElement).toBe(field(w, 'Leistung').element)
    expect(w.emitted('save')).toBeUndefined()
  })

  it.each([
    ['Fallzahl pro Jahr', '12,5', 'Bitte eine ganze Zahl ab 0 eingeben.'],
    ['Fallzahl pro Jahr', '-3', 'Bitte eine ganze Zahl ab 0 eingeben.'],
    ['LeiKa-Schlüssel', '9905001210', 'Ein LeiKa-Schlüssel hat 14 Ziffern.'],
    ['Online seit', '2026-06-02', 'Das Datum liegt in der Zukunft.'],
    ['LeiKa-Schlüssel', '99050012104ABC', 'Ein LeiKa-Schlüssel hat 14 Ziffern.'],
    ['Leistung', 'x'.repeat(201), 'Höchstens 200 Zeichen.'],
  ])('%s = "%s" → "%s"', async (label, value, message) => {
    const w = mountForm()
    if (label !== 'Leistung') await field(w, 'Leistung').setValue('Hundesteuer')
    await field(w, label).setValue(value)
    await submit(w)
    expect(errorOf(w, label)).toBe(message)
    expect(document.activeElement).toBe(field(w, label).element)
    expect(w.emitted('save')).toBeUndefined()
  })

  it('emits the parsed service once every field is valid, and clears the messages', async () => {
    const w = mountForm()
    await submit(w)
    await field(w, 'Leistung').setValue('  Sperrmüll   anmelden ')
    await field(w, 'Fachbereich').setValue('d61')
    await field(w, 'Fallzahl pro Jahr').setValue('12.500')
    await field(w, 'Online seit').setValue('2024-03-01')
    await field(w, 'LeiKa-Schlüssel').setValue('99 050 012 104 000')
    await field(w, 'Online').setValue(true)
    await field(w, 'Telefon').setValue(true)
    await field(w, 'Formular').setValue('html-form')
    await field(w, 'Gebühren können online bezahlt werden').setValue(true)
    await submit(w)
    expect(w.find('.kern-error').exists()).toBe(false)
    expect(w.emitted('save')).toEqual([
      [
        {
          name: 'Sperrmüll anmelden',
          leikaKey: '99050012104000',
          departmentId: 'd61',
          channels: ['phone', 'online'],
          casesPerYear: 12500,
          onlineSince: '2024-03-01',
          onlinePayment: true,
          formType: 'html-form',
          maturity: { model: OZG_RGM_2.key, ratings: {} },
          note: undefined,
        },
      ],
    ])
  })
})

describe('ServiceForm criteria', () => {
  it('offers "nicht erforderlich" only where the criterion allows it', () => {
    const w = mountForm()
    const options = (label: string) => field(w, label).findAll('option').map((o) => o.text())
    expect(options('Online-Antrag')).toEqual(['nicht bewertet', 'Stufe 0 – nur offline verfügbar', 'Stufe 1', 'Stufe 2', 'Stufe 3', 'Stufe 4', 'Stufe 5', 'Stufe 6', 'Stufe 7 – vollständig Ende-zu-Ende digital'])
    expect(options('Online-Bezahlung')).toContain('nicht erforderlich')
    expect(w.text()).toContain('Vorläufige Arbeitskriterien – nicht die 13 amtlichen Kriterien des Reifegradmodells 2.0')
  })

  it('shows the level by the minimum rule and what limits it, and saves the ratings', async () => {
    const w = mountForm()
    await field(w, 'Leistung').setValue('Gewerbeanmeldung')
    const result = () => w.get('[data-testid="maturity-result"]').text()
    expect(result()).toContain('nicht bewertet')
    for (const c of OZG_RGM_2.criteria) await w.get(`select[data-criterion="${c.id}"]`).setValue(c.mayBeNotApplicable && c.id === 'payment' ? 'na' : '4')
    expect(result()).toContain('Stufe 4')
    await field(w, 'Online-Antrag').setValue('2')
    expect(result()).toContain('Stufe 2')
    expect(result()).toContain('begrenzt durch: Online-Antrag')
    await field(w, 'E-Akte').setValue('')
    expect(result()).toContain('höchstens Stufe 2')
    expect(result()).toContain('noch nicht bewertet: E-Akte')
    await field(w, 'E-Akte').setValue('5')
    await submit(w)
    const saved = (w.emitted('save')![0]![0] as MunicipalService).maturity
    expect(saved.ratings).toMatchObject({ application: 2, payment: 'na', records: 5, information: 4 })
    expect(Object.keys(saved.ratings)).toHaveLength(OZG_RGM_2.criteria.length)
  })

  it('starts from the service being edited', () => {
    const w = mountForm({ id: 's1', name: 'Fundsachen', departmentId: 'd32', channels: ['counter'], casesPerYear: 700, onlinePayment: false, formType: 'none', maturity: { model: OZG_RGM_2.key, ratings: { information: 3 } } })
    expect((field(w, 'Leistung').element as HTMLInputElement).value).toBe('Fundsachen')
    expect((field(w, 'Fallzahl pro Jahr').element as HTMLInputElement).value).toBe('700')
    expect((field(w, 'Leistungsinformation').element as HTMLSelectElement).value).toBe('3')
    expect(w.get('[data-testid="maturity-result"]').text()).toContain('höchstens Stufe 3')
  })
})
