/**
 * ConfirmDialog: a KERN dialog (kern-dialog) opened modal; focus starts on "Abbrechen" and returns to
 * the element that opened it; Escape cancels.
 */
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import ConfirmDialog from '@/components/common/ConfirmDialog.vue'
import { makeI18n } from '../fixtures/i18n'

afterEach(() => {
  document.body.innerHTML = ''
})

function mountDialog() {
  const opener = document.createElement('button')
  opener.textContent = 'Löschen …'
  document.body.append(opener)
  const host = document.createElement('div')
  document.body.append(host)
  const w = mount(ConfirmDialog, {
    props: { open: false, title: 'Kommune löschen', confirmLabel: 'Löschen', danger: true },
    slots: { default: '<p>Alles wird gelöscht.</p>' },
    global: { plugins: [makeI18n()] },
    attachTo: host,
  })
  return { w, opener }
}

describe('ConfirmDialog', () => {
  it('uses the KERN dialog markup, named by its title', () => {
    const { w } = mountDialog()
    const dialog = w.find('dialog')
    expect(dialog.classes()).toContain('kern-dialog')
    const title = w.find('.kern-dialog__header h2')
    expect(title.text()).toBe('Kommune löschen')
    expect(dialog.attributes('aria-labelledby')).toBe(title.attributes('id'))
    expect(w.find('.kern-dialog__body').text()).toBe('Alles wird gelöscht.')
    const buttons = w.findAll('.kern-dialog__footer button')
    expect(buttons.map((b) => [b.text(), b.classes().filter((c) => c.startsWith('kern-btn'))])).toEqual([
      ['Abbrechen', ['kern-btn', 'kern-btn--secondary']],
      ['Löschen', ['kern-btn', 'kern-btn--primary']],
    ])
  })

  it('opens modal with focus on "Abbrechen" and gives focus back on close', async () => {
    const { w, opener } = mountDialog()
    opener.focus()
    await w.setProps({ open: true })
    await nextTick()
    const dialog = w.find('dialog').element as HTMLDialogElement
    expect(dialog.open).toBe(true)
    expect(document.activeElement?.textContent).toBe('Abbrechen')
    await w.setProps({ open: false })
    expect(dialog.open).toBe(false)
    expect(document.activeElement).toBe(opener)
  })

  it('emits cancel on "Abbrechen" and on Escape, confirm on the confirm button', async () => {
    const { w } = mountDialog()
    await w.setProps({ open: true })
    await w.findAll('button')[0]!.trigger('click')
    await w.find('dialog').trigger('cancel')
    await w.findAll('button')[1]!.trigger('click')
    expect(w.emitted('cancel')).toHaveLength(2)
    expect(w.emitted('confirm')).toHaveLength(1)
  })
})
