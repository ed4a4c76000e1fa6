/**
 * The save state next to each question (hardening #16): useItemSaveStates tracks the writes of each
 * item; ItemSaveState shows them and announces only settled states; ItemCard places it on the card.
 */
import { mount } from '@vue/test-utils'
import { effectScope } from 'vue'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import ItemCard from '@/components/assessment/ItemCard.vue'
import ItemSaveState from '@/components/assessment/ItemSaveState.vue'
import catalogJson from '@/catalogs/dc-kommune/1.0.0.json'
import { useAutosave, type SaveState } from '@/composables/useAutosave'
import { useItemSaveStates } from '@/composables/useItemSaveStates'
import type { Catalog } from '@/domain/model/types'
import { makeI18n } from '../fixtures/i18n'

const catalog = catalogJson as unknown as Catalog

/** Lets queued promise callbacks run (the fake write settles in microtasks). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve()
}

/** useAutosave on a fake write (fails while `control.failing`), seen through useItemSaveStates. */
function setup() {
  const control = { failing: false, hold: null as Promise<void> | null }
  const write = vi.fn(async () => {
    if (control.hold) await control.hold
    if (control.failing) throw new DOMException('disk full', 'QuotaExceededError')
  })
  const scope = effectScope()
  const { saver, states } = scope.run(() => {
    const states = useItemSaveStates(write)
    return { states, saver: useAutosave(() => 'a-1', states.write) }
  })!
  return { control, saver, states, scope }
}

describe('useItemSaveStates', () => {
  // useAutosave logs each failed write; the failures here are on purpose.
  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
  })
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('is idle before anything is saved, saving while a write runs, then saved – per item', async () => {
    const { control, saver, states, scope } = setup()
    expect(states.stateOf('i1')).toBe('idle')
    let release!: () => void
    control.hold = new Promise<void>((r) => (release = r))
    void saver.save('i1', { ist: 2 })
    await settle()
    expect(states.stateOf('i1')).toBe('saving')
    expect(states.stateOf('i2')).toBe('idle')
    release()
    await settle()
    expect(states.stateOf('i1')).toBe('saved')
    expect(states.stateOf('i2')).toBe('idle')
    scope.stop()
  })

  it('shows a failed item as error until a retry stores it; other items keep their own state', async () => {
    const { control, saver, states, scope } = setup()
    await saver.save('i1', { ist: 1 })
    control.failing = true
    await saver.save('i2', { ist: 3 })
    expect(states.stateOf('i2')).toBe('error')
    expect(states.stateOf('i1')).toBe('saved')
    // A later change of the failed item fails behind it: still an error.
    await saver.save('i2', { bedarf: 1 })
    expect(states.stateOf('i2')).toBe('error')
    control.failing = false
    await saver.retry()
    expect(states.stateOf('i2')).toBe('saved')
    scope.stop()
  })

  it('counts a typed comment that is not yet written as saving', () => {
    const { states, scope } = setup()
    expect(states.stateOf('i1', true)).toBe('saving')
    scope.stop()
  })
})

describe('ItemSaveState', () => {
  const mountState = (state: SaveState) => mount(ItemSaveState, { props: { state, label: 'Frage 3 von 81' }, global: { plugins: [makeI18n()] } })
  const status = (w: ReturnType<typeof mountState>) => w.find('[role="status"]')

  it('says nothing before a change, then "Gespeichert" in a polite status region', async () => {
    const w = mountState('idle')
    expect(status(w).attributes('aria-live')).toBe('polite')
    expect(status(w).text()).toBe('')
    await w.setProps({ state: 'saving' })
    expect(w.text()).toContain('Wird gespeichert …')
    expect(status(w).text()).toBe('')
    await w.setProps({ state: 'saved' })
    expect(status(w).text()).toBe('Gespeichert')
    expect(w.text()).not.toContain('Wird gespeichert')
  })

  it('keeps the settled text while saving again, so a screen reader does not hear every save', async () => {
    const w = mountState('saved')
    await w.setProps({ state: 'saving' })
    // Visually "Wird gespeichert …"; the status region still holds (hidden) "Gespeichert": no change to announce.
    expect(status(w).text()).toBe('Gespeichert')
    expect(status(w).classes()).toContain('visually-hidden')
    expect(w.find('[aria-hidden="true"]').text()).toBe('Wird gespeichert …')
  })

  it('says "Nicht gespeichert" and offers a retry button named after the question', async () => {
    const w = mountState('error')
    expect(status(w).text()).toBe('Nicht gespeichert')
    const button = w.get('button')
    expect(button.text()).toBe('Erneut speichern: Frage 3 von 81')
    await button.trigger('click')
    expect(w.emitted('retry')).toHaveLength(1)
    await w.setProps({ state: 'saved' })
    expect(w.find('button').exists()).toBe(false)
  })
})

describe('ItemCard with its save state', () => {
  it('shows the save state in the card header and passes the retry on', async () => {
    const item = catalog.items[0]!
    const w = mount(ItemCard, {
      props: { item, answer: undefined, scales: catalog.scales, number: 3, total: 81, defaultTarget: 3, saveState: 'error' },
      global: { plugins: [makeI18n()] },
    })
    expect(w.find('article').attributes('data-item-id')).toBe(item.id)
    expect(w.find('header [role="status"]').text()).toBe('Nicht gespeichert')
    await w.get('header button').trigger('click')
    expect(w.emitted('retry')).toHaveLength(1)
    await w.setProps({ saveState: 'saved' })
    expect(w.find('header [role="status"]').text()).toBe('Gespeichert')
  })
})
