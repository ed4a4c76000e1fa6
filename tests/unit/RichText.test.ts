/**
 * RichText: catalogue texts with the safe Markdown subset as elements (never v-html). HTML in a
 * text stays text, unsafe links stay text, safe links open in a new window and say so.
 */
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import RichText from '@/components/common/RichText.vue'
import { makeI18n } from '../fixtures/i18n'

const render = (text: string, inline = false) => mount(RichText, { props: { text, inline }, global: { plugins: [makeI18n()] } })

describe('RichText', () => {
  it.each([
    ['<script>alert(1)</script>', 'script', '<script>alert(1)</script>'],
    ['<img src="x" onerror="alert(1)">', 'img', '<img src="x" onerror="alert(1)">'],
    ['**<iframe srcdoc="x"></iframe>**', 'iframe', '<iframe srcdoc="x"></iframe>'],
    ['[<svg onload="alert(1)">](https://a.de)', 'svg', '<svg onload="alert(1)">'],
  ])('keeps %s as text: no <%s> element', (text, tag, visible) => {
    const w = render(text)
    expect(w.find(tag).exists()).toBe(false)
    expect(w.element.querySelector('[onerror], [onload], [srcdoc]')).toBeNull()
    expect(w.text()).toContain(visible)
  })

  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', 'vbscript:msgbox(1)', '//evil.example'])('renders no link for %s', (url) => {
    const w = render(`Bitte [hier klicken](${url}).`)
    expect(w.find('a').exists()).toBe(false)
    expect(w.find('p').text()).toBe(`Bitte hier klicken (${url}).`)
  })

  it('renders a safe link opening in a new window, announced to screen readers', () => {
    const w = render('Siehe [Leitfaden](https://example.org/leitfaden) und https://example.org.')
    const links = w.findAll('a')
    expect(links.map((a) => a.attributes('href'))).toEqual(['https://example.org/leitfaden', 'https://example.org'])
    for (const a of links) {
      expect(a.attributes('rel')).toBe('noopener noreferrer')
      expect(a.attributes('target')).toBe('_blank')
      expect(a.find('.visually-hidden').text()).toBe('(öffnet in neuem Fenster)')
    }
    expect(links[0]?.text()).toBe('Leitfaden (öffnet in neuem Fenster)')
  })

  it('renders paragraphs, lists, emphasis, code and hard breaks', () => {
    const w = render('Einleitung mit **fett**, *kursiv* und `code`.\nWeiter  \nNeue Zeile\n\n- eins\n- zwei\n\n3. drei\n4. vier')
    const root = w.find('div.app-rich-text')
    expect(root.element.children.length).toBe(3)
    const p = w.find('p')
    expect(p.find('strong').text()).toBe('fett')
    expect(p.find('em').text()).toBe('kursiv')
    expect(p.find('code').text()).toBe('code')
    expect(p.findAll('br')).toHaveLength(1)
    expect(p.text()).toBe('Einleitung mit fett, kursiv und code. WeiterNeue Zeile')
    expect(w.findAll('ul > li').map((li) => li.text())).toEqual(['eins', 'zwei'])
    expect(w.find('ol').attributes('start')).toBe('3')
    expect(w.findAll('ol > li').map((li) => li.text())).toEqual(['drei', 'vier'])
  })

  it('renders nothing for an empty text', () => {
    const w = render('')
    expect(w.find('div.app-rich-text').element.children.length).toBe(0)
    expect(w.text()).toBe('')
  })

  it('inline mode renders the first paragraph inline, without <p>', () => {
    const w = render('Erster **Absatz** mit [Link](https://a.de)\n\nZweiter Absatz', true)
    expect(w.element.tagName).toBe('SPAN')
    expect(w.find('p').exists()).toBe(false)
    expect(w.find('strong').text()).toBe('Absatz')
    expect(w.find('a').attributes('href')).toBe('https://a.de')
    expect(w.text()).toBe('Erster Absatz mit Link (öffnet in neuem Fenster)')
  })

  it('inline mode runs a list together', () => {
    const w = render('- eins\n- *zwei*', true)
    expect(w.find('ul').exists()).toBe(false)
    expect(w.find('li').exists()).toBe(false)
    expect(w.text()).toBe('eins; zwei')
    expect(w.find('em').text()).toBe('zwei')
  })

  it('follows a changed text', async () => {
    const w = render('**alt**')
    await w.setProps({ text: '*neu*' })
    expect(w.find('strong').exists()).toBe(false)
    expect(w.find('em').text()).toBe('neu')
  })
})
