/**
 * StarterPicker (Leistungsinventar): every starter service as a labelled checkbox; one already in
 * the inventory by name (either language, any case) is marked and cannot be chosen; "Alle neuen
 * auswählen" takes only the new ones; nothing chosen gives a message instead of an event.
 */
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import StarterPicker from '@/components/inventory/StarterPicker.vue'
import { STARTER_SERVICES, type StarterService } from '@/domain/services/starter-services'
import { makeI18n } from '../fixtures/i18n'

const mountPicker = (existingNames: string[]) => mount(StarterPicker, { props: { existingNames }, global: { plugins: [makeI18n()] } })

describe('StarterPicker', () => {
  it('skips services already present by name', async () => {
    const w = mountPicker(['fundsachen (fundbüro)', 'Lost and found ', 'Hundesteuer: Hund anmelden', 'Eigene Leistung'])
    const boxes = w.findAll('input[type="checkbox"]')
    expect(boxes).toHaveLength(STARTER_SERVICES.length)
    const disabled = boxes.filter((b) => b.attributes('disabled') !== undefined).map((b) => w.get(`label[for="${b.attributes('id')}"]`).text())
    expect(disabled).toEqual(['Hundesteuer: Hund anmelden (bereits vorhanden)', 'Fundsachen (Fundbüro) (bereits vorhanden)'])
    await w.findAll('button').find((b) => b.text() === 'Alle neuen auswählen')!.trigger('click')
    await w.get('form').trigger('submit')
    const [entries] = w.emitted('add')![0] as [StarterService[]]
    expect(entries).toHaveLength(STARTER_SERVICES.length - 2)
    expect(entries.map((e) => e.id)).not.toContain('fundsachen')
    expect(entries.map((e) => e.id)).not.toContain('hundesteuer-anmeldung')
  })

  it('asks for a choice instead of adding nothing', async () => {
    const w = mountPicker([])
    await w.get('form').trigger('submit')
    expect(w.get('[role="alert"]').text()).toBe('Bitte wählen Sie mindestens eine Leistung.')
    expect(w.emitted('add')).toBeUndefined()
    await w.get('input[type="checkbox"]').setValue(true)
    expect(w.findAll('button').map((b) => b.text())).toContain('Ausgewählte übernehmen (1)')
    await w.get('form').trigger('submit')
    expect((w.emitted('add')![0] as [StarterService[]])[0].map((e) => e.id)).toEqual([STARTER_SERVICES[0]!.id])
  })
})
