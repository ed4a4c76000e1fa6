/**
 * ModalDialog: the one modal KERN dialog behind ConfirmDialog and the agenda's form dialogs. Opened
 * with showModal(), named by its title, focus on the element marked data-autofocus or else the first
 * field of the body, back to the opener on close; Escape emits close; footer only when given.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import ModalDialog from '@/components/common/ModalDialog.vue'

afterEach(() => {
  document.body.innerHTML = ''
})

function mountDialog(slots: Record<string, string>, props: { wide?: boolean } = {}) {
  const opener = document.createElement('button')
  document.body.append(opener)
  const host = document.createElement('div')
  document.body.append(host)
  const w = mount(ModalDialog, { props: { open: false, title: 'Status ändern: E-Akte', ...props }, slots, attachTo: host })
  return { w, opener }
}

describe('ModalDialog', () => {
  it('opens modal with focus on the first field, closes on Escape and gives focus back', async () => {
    const { w, opener } = mountDialog({ default: '<form><label for="x">Neuer Status</label><select id="x"><option>geplant</option></select></form>' })
    opener.focus()
    await w.setProps({ open: true })
    await flushPromises()
    const dialog = w.find('dialog').element as HTMLDialogElement
    expect(dialog.open).toBe(true)
    expect(dialog.classList.contains('kern-dialog')).toBe(true)
    expect(w.find('.kern-dialog__header h2').text()).toBe('Status ändern: E-Akte')
    expect(dialog.getAttribute('aria-labelledby')).toBe(w.find('h2').attributes('id'))
    expect(document.activeElement?.id).toBe('x')
    dialog.dispatchEvent(new Event('cancel', { cancelable: true }))
    expect(w.emitted('close')).toEqual([[]])
    await w.setProps({ open: false })
    await flushPromises()
    expect(dialog.open).toBe(false)
    expect(document.activeElement).toBe(opener)
  })

  it('prefers the element marked data-autofocus, also in the footer', async () => {
    const { w } = mountDialog({ default: '<p>Text</p><input id="field" />', footer: '<button id="safe" data-autofocus>Abbrechen</button><button id="go">Löschen</button>' })
    await w.setProps({ open: true })
    await flushPromises()
    expect(document.activeElement?.id).toBe('safe')
    expect(w.findAll('.kern-dialog__footer button').map((b) => b.text())).toEqual(['Abbrechen', 'Löschen'])
  })

  it('has no footer without one, and a wider box on request', () => {
    const narrow = mountDialog({ default: '<p>Text</p>' }).w
    expect(narrow.find('.kern-dialog__footer').exists()).toBe(false)
    expect(narrow.find('dialog').classes()).not.toContain('modal-dialog--wide')
    const wide = mountDialog({ default: '<p>Text</p>' }, { wide: true }).w
    expect(wide.find('dialog').classes()).toContain('modal-dialog--wide')
  })
})
