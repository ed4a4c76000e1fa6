/**
 * FormActions: the footer of the setup, inventory and agenda forms — a primary submit button
 * ("Speichern" or the form's own label, disabled while busy) and "Abbrechen", which emits cancel.
 * Mounted in a real form: the submit button submits it, "Abbrechen" does not.
 */
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import FormActions from '@/components/common/FormActions.vue'
import DepartmentForm from '@/components/setup/DepartmentForm.vue'
import { makeI18n } from '../fixtures/i18n'

/** FormActions inside a form that counts its submits and FormActions' cancels. */
function mountInForm(props: { saveLabel?: string; disabled?: boolean } = {}) {
  const counts = { submitted: 0, cancelled: 0 }
  const Host = defineComponent(() => () =>
    h('form', { onSubmit: (e: Event) => (e.preventDefault(), counts.submitted++) }, [h(FormActions, { ...props, onCancel: () => counts.cancelled++ })]),
  )
  return { w: mount(Host, { global: { plugins: [makeI18n()] } }), counts }
}
const buttons = (w: ReturnType<typeof mount>) => w.findAll('button').map((b) => [b.attributes('type'), b.text(), b.classes().filter((c) => c.startsWith('kern-btn')), b.attributes('disabled') !== undefined])

describe('FormActions', () => {
  it.each([
    [{}, 'Speichern', false],
    [{ saveLabel: 'Status speichern' }, 'Status speichern', false],
    [{ disabled: true }, 'Speichern', true],
  ] as const)('with %j: submit "%s" (disabled: %s), then "Abbrechen"', (props, label, disabled) => {
    expect(buttons(mountInForm(props).w)).toEqual([
      ['submit', label, ['kern-btn', 'kern-btn--primary'], disabled],
      ['button', 'Abbrechen', ['kern-btn', 'kern-btn--secondary'], false],
    ])
  })

  it('submits the form with the first button and emits cancel with the second', async () => {
    const { w, counts } = mountInForm()
    await w.findAll('button')[1]!.trigger('click')
    expect(counts).toEqual({ submitted: 0, cancelled: 1 })
    await w.find('form').trigger('submit')
    expect(counts).toEqual({ submitted: 1, cancelled: 1 })
  })

  it('is the footer of the setup forms: "Abbrechen" there emits the form\'s cancel', async () => {
    const w = mount(DepartmentForm, { props: { orgId: 'o1', parentUnits: [] }, global: { plugins: [makeI18n()] } })
    expect(w.findComponent(FormActions).exists()).toBe(true)
    await w.findAll('button').find((b) => b.text() === 'Abbrechen')!.trigger('click')
    expect(w.emitted('cancel')).toEqual([[]])
  })
})
