/**
 * Keyboard shortcuts of the questionnaire (hardening #10): Alt+↓/↑ move between questions; 0–4, N
 * and W set the Ist level only while focus is inside a question card (WCAG 2.1.4); text fields,
 * text areas and drop-down lists keep all their keys; Ctrl/Meta/AltGr combinations are left alone.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { questionnaireKeyAction, questionOf, useQuestionnaireKeys, type KeyPress, type QuestionnaireKeyAction } from '@/composables/useQuestionnaireKeys'

const key = (k: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key: k, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods })

describe('questionnaireKeyAction', () => {
  it.each<[string, KeyPress, string | null, QuestionnaireKeyAction | null]>([
    ['Alt+↓ in a card: next', key('ArrowDown', { altKey: true }), 'i2', { kind: 'next', from: 'i2' }],
    ['Alt+↑ in a card: previous', key('ArrowUp', { altKey: true }), 'i2', { kind: 'prev', from: 'i2' }],
    ['Alt+↓ outside a card: next from nowhere', key('ArrowDown', { altKey: true }), null, { kind: 'next', from: null }],
    ['plain ↓ stays with the radio buttons', key('ArrowDown'), 'i2', null],
    ['Alt+Shift+↓ is not ours', key('ArrowDown', { altKey: true, shiftKey: true }), 'i2', null],
    ['Ctrl+Alt+↓ (screen readers, window managers) is not ours', key('ArrowDown', { altKey: true, ctrlKey: true }), 'i2', null],
    ['Alt+← (browser back) is not ours', key('ArrowLeft', { altKey: true }), 'i2', null],
    ['0 in a card: level 0', key('0'), 'i2', { kind: 'record', itemId: 'i2', patch: { state: 'level', ist: 0 } }],
    ['4 in a card: level 4', key('4'), 'i2', { kind: 'record', itemId: 'i2', patch: { state: 'level', ist: 4 } }],
    ['8 is no level', key('8'), 'i2', null],
    ['5 is a level of a longer scale (the view checks the item)', key('5'), 'i2', { kind: 'record', itemId: 'i2', patch: { state: 'level', ist: 5 } }],
    ['N in a card: nicht zutreffend', key('n'), 'i2', { kind: 'record', itemId: 'i2', patch: { state: 'na', ist: null } }],
    ['W in a card: weiß nicht', key('W', { shiftKey: true }), 'i2', { kind: 'record', itemId: 'i2', patch: { state: 'unknown', ist: null } }],
    ['3 outside a card: nothing', key('3'), null, null],
    ['Alt+3 is not ours', key('3', { altKey: true }), 'i2', null],
    ['Ctrl+3 (browser tab) is not ours', key('3', { ctrlKey: true }), 'i2', null],
    ['Meta+N is not ours', key('n', { metaKey: true }), 'i2', null],
    ['Tab is not ours', key('Tab'), 'i2', null],
  ])('%s', (_name, press, itemId, expected) => {
    expect(questionnaireKeyAction(press, itemId)).toEqual(expected)
  })
})

describe('useQuestionnaireKeys on a container', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  /** A container with one question card (radio, text area, text input, select) and a button outside. */
  function setup() {
    document.body.innerHTML = `
      <div id="q">
        <button id="outside" type="button">Dimension</button>
        <dialog open><button id="in-dialog" type="button">Abbrechen</button></dialog>
        <article data-item-id="i7">
          <input id="radio" type="radio" name="ist" />
          <textarea id="comment"></textarea>
          <input id="text" />
          <select id="target"><option>1</option></select>
          <details><summary id="help">Erläuterung</summary></details>
        </article>
      </div>`
    const actions: QuestionnaireKeyAction[] = []
    const keys = useQuestionnaireKeys((a) => actions.push(a))
    document.getElementById('q')!.addEventListener('keydown', keys.onKeydown)
    const press = (id: string, k: string, mods: KeyboardEventInit = {}) => {
      const e = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...mods })
      document.getElementById(id)!.dispatchEvent(e)
      return e.defaultPrevented
    }
    return { actions, press }
  }

  it('finds the question of the focused element', () => {
    setup()
    expect(questionOf(document.getElementById('radio'))).toBe('i7')
    expect(questionOf(document.getElementById('help'))).toBe('i7')
    expect(questionOf(document.getElementById('outside'))).toBeNull()
    expect(questionOf(null)).toBeNull()
  })

  it('records a level from a radio button or the help toggle of a card and takes the key', () => {
    const { actions, press } = setup()
    expect(press('radio', '2')).toBe(true)
    expect(press('help', 'w')).toBe(true)
    expect(actions).toEqual([
      { kind: 'record', itemId: 'i7', patch: { state: 'level', ist: 2 } },
      { kind: 'record', itemId: 'i7', patch: { state: 'unknown', ist: null } },
    ])
  })

  it.each(['comment', 'text', 'target'])('leaves every key to the %s field (typing, Alt+arrows)', (id) => {
    const { actions, press } = setup()
    expect(press(id, '3')).toBe(false)
    expect(press(id, 'n')).toBe(false)
    expect(press(id, 'ArrowDown', { altKey: true })).toBe(false)
    expect(actions).toEqual([])
  })

  it('ignores digits outside a card, but moves on with Alt+↓ from there', () => {
    const { actions, press } = setup()
    expect(press('outside', '3')).toBe(false)
    expect(press('outside', 'ArrowDown', { altKey: true })).toBe(true)
    expect(actions).toEqual([{ kind: 'next', from: null }])
  })

  it('leaves every key to an open dialog', () => {
    const { actions, press } = setup()
    expect(press('in-dialog', 'ArrowDown', { altKey: true })).toBe(false)
    expect(press('in-dialog', '3')).toBe(false)
    expect(actions).toEqual([])
  })

  it('leaves a plain arrow on a radio button to the browser (it changes the choice)', () => {
    const { actions, press } = setup()
    expect(press('radio', 'ArrowDown')).toBe(false)
    expect(press('radio', 'ArrowUp', { altKey: true })).toBe(true)
    expect(actions).toEqual([{ kind: 'prev', from: 'i7' }])
  })
})
