import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import ItemCard from '@/components/assessment/ItemCard.vue'
import catalogJson from '@/catalogs/dc-kommune/1.0.0.json'
import de from '@/i18n/de'
import type { Answer, Catalog } from '@/domain/model/types'
import { makeAnswer } from '../fixtures/builders'

const catalog = catalogJson as unknown as Catalog
const item = catalog.items[0]!

function mountCard(answer?: Answer) {
  const i18n = createI18n({ legacy: false, locale: 'de', messages: { de } })
  return mount(ItemCard, {
    props: { item, answer, scales: catalog.scales, number: 1, total: 81, defaultTarget: 3 },
    global: { plugins: [i18n] },
    attachTo: document.body,
  })
}

const answer = (over: Partial<Answer>): Answer => makeAnswer({ itemId: item.id, state: 'level', ...over })

describe('ItemCard', () => {
  it('shows the question, the help text and the five level texts as choices', () => {
    const w = mountCard()
    expect(w.find('h3').text()).toBe(item.question.de)
    expect(w.find('details').text()).toContain(item.help.de)
    const levelLabels = w.findAll('.levels label')
    expect(levelLabels).toHaveLength(5)
    levelLabels.forEach((l, i) => expect(l.text()).toContain(item.levels[i]!.de))
    expect(w.find('.kern-badge').text()).toBe('offen')
  })

  it('emits the chosen Ist level when a level text is chosen', async () => {
    const w = mountCard()
    await w.findAll(`input[name="item-${item.id}-ist"]`)[3]!.setValue(true)
    expect(w.emitted('change')).toEqual([[{ state: 'level', ist: 3 }]])
  })

  it('emits "nicht zutreffend" as its own state, never as level 0', async () => {
    const w = mountCard()
    await w.find(`input[name="item-${item.id}-ist"][value="na"]`).setValue(true)
    expect(w.emitted('change')).toEqual([[{ state: 'na', ist: null }]])
  })

  it('emits "weiß nicht" as its own state', async () => {
    const w = mountCard()
    await w.find(`input[name="item-${item.id}-ist"][value="unknown"]`).setValue(true)
    expect(w.emitted('change')).toEqual([[{ state: 'unknown', ist: null }]])
  })

  it('shows a stored answer as checked and marks it answered', () => {
    const w = mountCard(answer({ ist: 2, bedarf: 4 }))
    const checked = w.findAll<HTMLInputElement>(`input[name="item-${item.id}-ist"]`).filter((x) => x.element.checked)
    expect(checked.map((x) => x.element.value)).toEqual(['2'])
    expect(w.find<HTMLInputElement>(`input[name="item-${item.id}-bedarf"][value="4"]`).element.checked).toBe(true)
    expect(w.find('.kern-badge').text()).toBe('beantwortet')
  })

  it('hides Bedarf, Potenzial and target for "nicht zutreffend"', () => {
    const w = mountCard(answer({ state: 'na' }))
    expect(w.find(`input[name="item-${item.id}-bedarf"]`).exists()).toBe(false)
    expect(w.find(`#item-${item.id}-target`).exists()).toBe(false)
    expect(w.find('.kern-badge').text()).toBe('nicht zutreffend')
  })

  it('emits Bedarf and Potenzial separately', async () => {
    const w = mountCard(answer({ ist: 1 }))
    await w.find(`input[name="item-${item.id}-bedarf"][value="3"]`).setValue(true)
    await w.find(`input[name="item-${item.id}-potenzial"][value="4"]`).setValue(true)
    expect(w.emitted('change')).toEqual([[{ bedarf: 3 }], [{ potenzial: 4 }]])
  })

  it('is operable with the keyboard: the Ist choices form one radio group with labels and a legend', () => {
    const w = mountCard()
    const radios = w.findAll<HTMLInputElement>(`input[name="item-${item.id}-ist"]`)
    // 5 levels + nicht zutreffend + weiß nicht in ONE native group: Tab enters it, arrow keys move and choose.
    expect(radios).toHaveLength(7)
    expect(radios.every((r) => r.element.type === 'radio' && r.element.id !== '' && w.find(`label[for="${r.element.id}"]`).exists())).toBe(true)
    expect(w.find('fieldset.ist legend').text()).toContain('Ist-Stand')
    expect(radios.every((r) => r.element.tabIndex >= 0)).toBe(true)
  })

  it('chooses a level via a keyboard-triggered change on a focused radio', async () => {
    const w = mountCard(answer({ ist: 1 }))
    const radio = w.find<HTMLInputElement>(`input[name="item-${item.id}-ist"][value="2"]`)
    radio.element.focus()
    expect(document.activeElement).toBe(radio.element)
    // Browsers check the next radio on ArrowRight/ArrowDown and fire 'change'; happy-dom does not move
    // the selection, so the check happens here and the browser test covers real arrow keys.
    radio.element.checked = true
    await radio.trigger('change')
    expect(w.emitted('change')).toEqual([[{ state: 'level', ist: 2 }]])
  })

  it('hands the typed comment to the autosave and asks it to write on blur; never saves it as an immediate change', async () => {
    const w = mountCard(answer({ ist: 1 }))
    const ta = w.find('textarea')
    await ta.setValue('Pilot')
    await ta.setValue('Pilot läuft')
    expect(w.emitted('comment')).toEqual([['Pilot'], ['Pilot läuft']])
    expect(w.emitted('flush-comment')).toBeUndefined()
    await ta.trigger('blur')
    expect(w.emitted('flush-comment')).toEqual([[]])
    expect(w.emitted('change')).toBeUndefined()
  })

  it('keeps what is being typed while its comment is pending, and shows the stored comment otherwise', async () => {
    const w = mountCard(answer({ ist: 1, comment: 'Alt' }))
    const ta = w.find<HTMLTextAreaElement>('textarea')
    expect(ta.element.value).toBe('Alt')
    await ta.setValue('Neu, noch nicht gespeichert')
    // A database update (e.g. another field of this item saved) arrives while the comment is pending.
    await w.setProps({ commentPending: true, answer: answer({ ist: 2, comment: 'Alt, aus der Datenbank' }) })
    expect(ta.element.value).toBe('Neu, noch nicht gespeichert')
    // Nothing pending: a changed stored comment (e.g. from another tab) is shown.
    await w.setProps({ commentPending: false, answer: answer({ ist: 2, comment: 'Von woanders' }) })
    expect(ta.element.value).toBe('Von woanders')
  })
})
