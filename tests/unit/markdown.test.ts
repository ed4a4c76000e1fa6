/** The safe Markdown subset of catalogue texts (src/domain/text/markdown.ts): exact trees, URL safety, properties. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { hasMarkdown, inlineContent, MAX_INLINE_DEPTH, parseMarkdown, plainText, safeHref, type MdBlock, type MdInline } from '@/domain/text/markdown'

const t = (text: string): MdInline => ({ type: 'text', text })
const strong = (...children: MdInline[]): MdInline => ({ type: 'strong', children })
const em = (...children: MdInline[]): MdInline => ({ type: 'em', children })
const code = (text: string): MdInline => ({ type: 'code', text })
const link = (href: string, ...children: MdInline[]): MdInline => ({ type: 'link', href, children })
const br: MdInline = { type: 'break' }
const p = (...children: MdInline[]): MdBlock => ({ type: 'paragraph', children })
const ul = (...items: MdInline[][]): MdBlock => ({ type: 'list', ordered: false, items })
const ol = (start: number, ...items: MdInline[][]): MdBlock => ({ type: 'list', ordered: true, start, items })

/** Deepest nesting of inline nodes. */
const depth = (nodes: readonly MdInline[]): number => nodes.reduce((d, n) => Math.max(d, 'children' in n ? 1 + depth(n.children) : 0), 0)
const allInlines = (blocks: readonly MdBlock[]): MdInline[][] => blocks.flatMap((b) => (b.type === 'paragraph' ? [b.children] : b.items))
const hrefs = (nodes: readonly MdInline[]): string[] => nodes.flatMap((n) => (n.type === 'link' ? [n.href, ...hrefs(n.children)] : 'children' in n ? hrefs(n.children) : []))
const count = (s: string, ch: string) => s.split(ch).length - 1

describe('parseMarkdown: blocks', () => {
  it.each<[string, string, MdBlock[]]>([
    ['empty text', '', []],
    ['only whitespace', '  \n\n \t ', []],
    ['one line', 'Hallo Welt', [p(t('Hallo Welt'))]],
    ['outer whitespace trimmed', '  Hallo  ', [p(t('Hallo'))]],
    ['single newline is a space', 'eins\nzwei', [p(t('eins zwei'))]],
    ['blank line separates paragraphs', 'eins\n\nzwei', [p(t('eins')), p(t('zwei'))]],
    ['several blank lines, CRLF', 'eins\r\n\r\n\r\nzwei\rdrei', [p(t('eins')), p(t('zwei drei'))]],
    ['two trailing spaces: hard break', 'eins  \nzwei', [p(t('eins'), br, t('zwei'))]],
    ['trailing backslash: hard break', 'eins\\\nzwei', [p(t('eins'), br, t('zwei'))]],
    ['escaped trailing backslash: no break', 'eins\\\\\nzwei', [p(t('eins\\ zwei'))]],
    ['trailing spaces and backslash at the end stay harmless', 'eins  \n\nzwei\\', [p(t('eins')), p(t('zwei\\'))]],
    ['bullet list', '- eins\n- zwei', [ul([t('eins')], [t('zwei')])]],
    ['star and plus bullets', '* eins\n* zwei\n\n+ drei', [ul([t('eins')], [t('zwei')]), ul([t('drei')])]],
    ['another bullet character starts another list', '- eins\n* zwei', [ul([t('eins')]), ul([t('zwei')])]],
    ['ordered list keeps its start', '3. drei\n4. vier', [ol(3, [t('drei')], [t('vier')])]],
    ['ordered list with parenthesis', '1) eins\n2) zwei', [ol(1, [t('eins')], [t('zwei')])]],
    ['numbers are not renumbered', '1. a\n1. b\n7. c', [ol(1, [t('a')], [t('b')], [t('c')])]],
    ['blank line between items keeps one list', '- eins\n\n- zwei', [ul([t('eins')], [t('zwei')])]],
    ['list then paragraph', '- eins\n\nText', [ul([t('eins')]), p(t('Text'))]],
    ['bullet list interrupts a paragraph', 'Ziele:\n- eins\n- zwei', [p(t('Ziele:')), ul([t('eins')], [t('zwei')])]],
    ['ordered list from 1 interrupts a paragraph', 'Schritte:\n1. eins', [p(t('Schritte:')), ol(1, [t('eins')])]],
    ['other numbers do not interrupt a paragraph', 'Stichtag ist der\n2. Januar', [p(t('Stichtag ist der 2. Januar'))]],
    ['indented lines continue the item (no nesting)', '- eins\n  weiter\n  - unter', [ul([t('eins weiter - unter')])]],
    ['unindented text continues the item', '- eins\nweiter', [ul([t('eins weiter')])]],
    ['hard break inside an item', '- eins  \n  zwei', [ul([t('eins'), br, t('zwei')])]],
    ['marker without space is text', '-eins\n\n1.eins\n\n-', [p(t('-eins')), p(t('1.eins')), p(t('-'))]],
    ['marker without content is text', '- \n\n1. ', [p(t('-')), p(t('1.'))]],
    ['four spaces indented marker is text', '    - eins', [p(t('- eins'))]],
    ['ten digits are no ordered marker', '1234567890. eins', [p(t('1234567890. eins'))]],
    ['escaped markers are text', '\\- eins\n\n1\\. Januar', [p(t('- eins')), p(t('1. Januar'))]],
    ['headings and rules are not supported', '# Titel\n\n---', [p(t('# Titel')), p(t('---'))]],
  ])('%s', (_name, text, expected) => {
    expect(parseMarkdown(text)).toEqual(expected)
  })
})

describe('parseMarkdown: inline', () => {
  it.each<[string, MdInline[]]>([
    ['**fett**', [strong(t('fett'))]],
    ['__fett__', [strong(t('fett'))]],
    ['*kursiv*', [em(t('kursiv'))]],
    ['_kursiv_', [em(t('kursiv'))]],
    ['***beides***', [em(strong(t('beides')))]],
    ['*a **b** c*', [em(t('a '), strong(t('b')), t(' c'))]],
    ['Wort*mitten*drin', [t('Wort'), em(t('mitten')), t('drin')]],
    ['snake_case_name und a_b_', [t('snake_case_name und a_b_')]],
    ['2 * 3 * 4', [t('2 * 3 * 4')]],
    ['`code`', [code('code')]],
    ['`*kein* [link](https://a.de)`', [code('*kein* [link](https://a.de)')]],
    ['`` a`b ``', [code('a`b')]],
    ['` `', [code(' ')]],
    ['[Text](https://example.org/a?b=1#c)', [link('https://example.org/a?b=1#c', t('Text'))]],
    ['[Text]( https://a.de )', [link('https://a.de', t('Text'))]],
    ['[Wiki](https://de.wikipedia.org/wiki/A_(B))', [link('https://de.wikipedia.org/wiki/A_(B)', t('Wiki'))]],
    ['[**fett** und `code`](http://a.de)', [link('http://a.de', strong(t('fett')), t(' und '), code('code'))]],
    ['[Post](mailto:info@example.org)', [link('mailto:info@example.org', t('Post'))]],
    ['[](https://a.de)', [link('https://a.de', t('https://a.de'))]],
    ['[https://a.de](https://b.de)', [link('https://b.de', t('https://a.de'))]],
    // No links in links: once the inner one is made, the outer brackets are text (and its URL a bare one).
    ['[a [b](https://b.de) c](https://c.de)', [t('[a '), link('https://b.de', t('b')), t(' c]('), link('https://c.de', t('https://c.de')), t(')')]],
    ['Siehe https://example.org/pfad.', [t('Siehe '), link('https://example.org/pfad', t('https://example.org/pfad')), t('.')]],
    ['(HTTP://a.de/x_(y))', [t('('), link('HTTP://a.de/x_(y)', t('HTTP://a.de/x_(y)')), t(')')]],
    ['**https://a.de**', [strong(link('https://a.de', t('https://a.de')))]],
    ['„https://a.de“', [t('„'), link('https://a.de', t('https://a.de')), t('“')]],
    ['xhttps://a.de https:// ftp://a.de', [t('xhttps://a.de https:// ftp://a.de')]],
    ['\\*kein\\* \\_x\\_ \\[a\\](mailto:a@b.de) \\`c\\` \\\\', [t('*kein* _x_ [a](mailto:a@b.de) `c` \\')]],
    ['\\a \\ bleibt', [t('\\a \\ bleibt')]],
  ])('%s', (text, expected) => {
    expect(parseMarkdown(text)).toEqual([p(...expected)])
  })

  it.each([
    ['<b>fett</b>'],
    ['<script>alert(1)</script>'],
    ['<img src=x onerror="alert(1)">'],
    ['&lt;b&gt; &amp; &#60;'],
    ['<a href="javascript:alert(1)">x</a>'],
  ])('raw HTML and entities stay text: %s', (text) => {
    expect(parseMarkdown(text)).toEqual([p(t(text))])
  })

  it.each<[string, MdInline[]]>([
    ['**offen', [t('**offen')]],
    ['*offen', [t('*offen')]],
    ['_offen', [t('_offen')]],
    ['`offen', [t('`offen')]],
    ['``offen`', [t('``offen`')]],
    ['[offen](mailto:a@b.de', [t('[offen](mailto:a@b.de')]],
    ['[offen] (mailto:a@b.de)', [t('[offen] (mailto:a@b.de)')]],
    ['[offen]', [t('[offen]')]],
    ['a ] b [ c', [t('a ] b [ c')]],
    ['[x](mailto:a@b.de "Titel")', [t('[x](mailto:a@b.de "Titel")')]],
    ['[x](<mailto:a@b.de>)', [t('[x](<mailto:a@b.de>)')]],
    ['**a*', [t('*'), em(t('a'))]],
    ['*a**', [em(t('a')), t('*')]],
    ['** nicht **', [t('** nicht **')]],
  ])('unclosed or unsupported markup stays literal: %s', (text, expected) => {
    expect(parseMarkdown(text)).toEqual([p(...expected)])
  })

  it('emphasis deeper than MAX_INLINE_DEPTH stays literal', () => {
    const stars = '**'.repeat(MAX_INLINE_DEPTH + 4)
    const [block] = parseMarkdown(`${stars}a${stars}`)
    const children = block?.type === 'paragraph' ? block.children : []
    expect(depth(children)).toBe(MAX_INLINE_DEPTH)
    expect(children[0]).toEqual(t('********'))
    expect(plainText(`${stars}a${stars}`)).toBe('********a********')
  })
})

describe('safeHref and unsafe links', () => {
  it.each([
    ['https://example.org', 'https://example.org'],
    ['http://example.org/a?b#c', 'http://example.org/a?b#c'],
    ['HTTPS://EXAMPLE.ORG', 'HTTPS://EXAMPLE.ORG'],
    ['mailto:info@example.org', 'mailto:info@example.org'],
    ['MailTo:info@example.org', 'MailTo:info@example.org'],
    ['  https://example.org \n', 'https://example.org'],
  ])('allows %j', (url, href) => {
    expect(safeHref(url)).toBe(href)
  })

  it.each([
    'javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'vbscript:msgbox(1)',
    'file:///etc/passwd', 'ftp://example.org', '/relativ', 'relativ/pfad', './x', '#anker', '?q=1', '//evil.example', 'https:evil.example',
    'https:/evil.example', 'https:///evil.example', 'https://', 'http://', 'mailto:', 'java\tscript:alert(1)', 'https://a.de/\u0000', 'https://a.de/\u0085x',
    'https://a\u0007.de', 'https://a.de/mit leerzeichen', '',
  ])('rejects %j', (url) => {
    expect(safeHref(url)).toBeNull()
  })

  it.each([
    'javascript:alert(1)', 'JAVASCRIPT:alert(document.cookie)', 'data:text/html,x', 'vbscript:msgbox(1)', '//evil.example/x', '/intern/seite', 'seite.html', 'ftp://example.org',
  ])('a link to %j becomes the text "text (url)"', (url) => {
    expect(parseMarkdown(`[Klick](${url})`)).toEqual([p(t(`Klick (${url})`))])
    expect(parseMarkdown(`[**Klick**](${url})`)).toEqual([p(strong(t('Klick')), t(` (${url})`))])
    expect(parseMarkdown(`[](${url})`)).toEqual([p(t(url))])
  })

  it('a destination with whitespace or control characters is no link', () => {
    expect(parseMarkdown('[x](java\tscript:alert(1))')).toEqual([p(t('[x](java\tscript:alert(1))'))])
    expect(parseMarkdown('[x](mailto:a@b.de\u0001)')).toEqual([p(t('[x](mailto:a@b.de\u0001)'))])
    // A bare URL inside stops at the control character.
    expect(parseMarkdown('[x](https://a.de/\u0001)')).toEqual([p(t('[x]('), link('https://a.de/', t('https://a.de/')), t('\u0001)'))])
  })
})

describe('plainText, inlineContent, hasMarkdown', () => {
  it.each([
    ['', ''],
    ['**Fett**, *kursiv* und `code`', 'Fett, kursiv und code'],
    ['eins\n\n  zwei  \n drei', 'eins zwei drei'],
    ['eins  \nzwei', 'eins zwei'],
    ['Ziele:\n- A\n- B', 'Ziele: A; B'],
    ['- Erstens.\n- Zweitens', 'Erstens. Zweitens'],
    ['3. A\n4. B', '3. A; 4. B'],
    ['[Link](https://a.de) und https://b.de', 'Link und https://b.de'],
    ['[x](javascript:alert(1))', 'x (javascript:alert(1))'],
    ['<b>x</b> \\*', '<b>x</b> *'],
  ])('plainText(%j) = %j', (text, expected) => {
    expect(plainText(text)).toBe(expected)
  })

  it.each<[string, MdInline[]]>([
    ['', []],
    ['Erster **Absatz**\n\nZweiter', [t('Erster '), strong(t('Absatz'))]],
    ['- A\n- *B*', [t('A; '), em(t('B'))]],
    ['1. A.\n2. B', [t('1. A. 2. B')]],
  ])('inlineContent(%j)', (text, expected) => {
    expect(inlineContent(parseMarkdown(text))).toEqual(expected)
  })

  it.each([
    ['Hallo Welt', false],
    ['Kosten: 3-5 % (ca.), <b>nicht</b> fett; a+b', false],
    ['**x**', true],
    ['a_b', true],
    ['`x`', true],
    ['[x]', true],
    ['a\\b', true],
    ['eins\nzwei', true],
    ['- eins', true],
    ['2) eins', true],
    ['siehe HTTPS://a.de', true],
  ])('hasMarkdown(%j) = %s', (text, expected) => {
    expect(hasMarkdown(text)).toBe(expected)
  })
})

// ---------------------------------------------------------------------------------------------
// Properties

const RUNS = { numRuns: 400 }
/** Strings built from Markdown fragments, hostile URLs and HTML, so that markup actually occurs. */
const markdownish = fc
  .array(
    fc.oneof(
      fc.constantFrom('*', '**', '_', '__', '`', '``', '[', ']', '(', ')', '](', '\\', '\n', '\n\n', '  \n', '- ', '1. ', '3) ', '  ', ' ', '<', '>', '"'),
      fc.constantFrom('https://a.de', 'http://b.de/x_(y)', 'mailto:c@d.de', 'javascript:alert(1)', 'data:x', '//evil', '<script>', '<img onerror=x>'),
      fc.string({ maxLength: 4 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''))
const anyText = fc.oneof(markdownish, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }))

describe('properties', () => {
  it('parse and plainText never throw; every href is safe; nesting is bounded', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const blocks = parseMarkdown(text)
        expect(typeof plainText(text)).toBe('string')
        for (const nodes of allInlines(blocks)) {
          for (const href of hrefs(nodes)) expect(safeHref(href)).toBe(href)
          expect(depth(nodes)).toBeLessThanOrEqual(MAX_INLINE_DEPTH + 1)
        }
      }),
      RUNS,
    )
  })

  it('plainText adds no "<" that was not in the input', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(count(plainText(text), '<')).toBeLessThanOrEqual(count(text, '<'))
      }),
      RUNS,
    )
  })

  it('plainText of text without markup characters is the text with whitespace normalised', () => {
    const plainChar = fc.constantFrom(...'abcxyzABCäöüßÄÖÜ0123456789 ,;!?%&=<>"\'/|{}$@#', ' ', '  ', '\n', '\n\n', '\t')
    fc.assert(
      fc.property(fc.array(plainChar, { maxLength: 80 }).map((c) => c.join('')), (text) => {
        expect(plainText(text)).toBe(text.replace(/\s+/g, ' ').trim())
      }),
      RUNS,
    )
  })

  it('text hasMarkdown calls plain parses into at most one paragraph of exactly that text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        if (hasMarkdown(text)) return
        expect(parseMarkdown(text)).toEqual(text.trim() === '' ? [] : [p(t(text.trim()))])
      }),
      RUNS,
    )
  })

  // Hostile shapes of about 20,000 characters: the parser must return (it stays near-linear: CommonMark's
  // openers-bottom bound for emphasis, indexes for code spans and link destinations). No wall-clock limit;
  // each case checks that no letter 'a' got lost.
  it.each([
    ['5,000 unmatched openers', '*a '.repeat(5000) + 'b'.repeat(5000)],
    ['5,000 stars then text', '*'.repeat(5000) + 'a'.repeat(15000)],
    ['a wall of stars on both sides', '*'.repeat(10000) + 'a' + '*'.repeat(10000)],
    ['5,000 nested pairs', '*a '.repeat(2500) + 'a* '.repeat(2500)],
    ['strong openers then closers', '**a'.repeat(3000) + 'a**'.repeat(3000)],
    ['mixed star and underscore runs', '_a *a '.repeat(2000) + ' a_* '.repeat(2000)],
    ['underscores only', '_'.repeat(20000)],
    ['backtick runs of every length', Array.from({ length: 190 }, (_, k) => '`'.repeat(k + 1) + 'a').join('')],
    ['unmatched backticks', '`a``'.repeat(5000)],
    ['link openings without end', '[](a'.repeat(5000)],
    ['deep parentheses in a destination', `[a](https://x/${'('.repeat(10000)}${')'.repeat(9999)}`],
    ['many brackets then links', '['.repeat(5000) + '[a](https://x)'.repeat(1000)],
    ['URL prefixes', 'https://'.repeat(2500) + 'a'],
    ['blank-line separated items', '- a\n\n'.repeat(4000)],
  ])('%s: returns', (_name, text) => {
    expect(count(plainText(text), 'a')).toBe(count(text, 'a'))
    expect(parseMarkdown(text).length).toBeGreaterThan(0)
  })
})
