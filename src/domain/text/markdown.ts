/**
 * A safe Markdown subset for catalogue texts (question help, level descriptions, measure
 * descriptions), parsed into a small tree that the UI renders as elements, never as HTML.
 *
 * Blocks: paragraphs (blank-line separated; a single newline is a space, a line ending in two
 * spaces or a backslash is a hard break), bullet lists (`- `, `* `, `+ `) and ordered lists
 * (`1. `, `1) `, start number kept). No nesting: an indented line inside a list continues the item.
 * Inline: `**strong**`/`__strong__`, `*em*`/`_em_`, `` `code` ``, `[text](url)`, bare http(s) URLs,
 * backslash escapes. Raw HTML is never interpreted: `<b>` is text. Unclosed markup stays literal.
 * A link keeps its href only for https:, http: and mailto: URLs (safeHref); any other link turns
 * into the text "text (url)".
 *
 * The inline part lives in inline.ts; this module re-exports what callers need.
 */
import { inlinePlainText, parseInline, pushNode, textNode, type MdInline } from './inline'

export { inlinePlainText, MAX_INLINE_DEPTH, safeHref, type MdInline } from './inline'

export type MdBlock =
  | { type: 'paragraph'; children: MdInline[] }
  | { type: 'list'; ordered: false; items: MdInline[][] }
  | { type: 'list'; ordered: true; start: number; items: MdInline[][] }

// ---------------------------------------------------------------------------------------------
// Blocks

interface ListMarker {
  ordered: boolean
  /** The bullet character, or the delimiter after the number ('.' or ')'). */
  char: string
  start: number
  indent: number
  /** The item text after the marker, leading whitespace removed (trailing kept for hard breaks). */
  content: string
}

/** The list marker a line starts with (at most three spaces indented, followed by text), or null. */
function listMarker(line: string): ListMarker | null {
  let i = 0
  let indent = 0
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) {
    indent += line[i] === '\t' ? 4 : 1
    i++
  }
  if (indent > 3) return null
  const c = line.charAt(i)
  let j = i
  let ordered = false
  let start = 1
  if (c === '-' || c === '*' || c === '+') j = i + 1
  else {
    while (j < line.length && j - i < 9 && line.charCodeAt(j) >= 48 && line.charCodeAt(j) <= 57) j++
    if (j === i || (line[j] !== '.' && line[j] !== ')')) return null
    ordered = true
    start = Number(line.slice(i, j))
    j++
  }
  const char = line.charAt(j - 1)
  if (line[j] !== ' ' && line[j] !== '\t') return null
  const content = line.slice(j).trimStart()
  if (content.trimEnd() === '') return null
  return { ordered, char, start, indent, content }
}

const sameList = (a: ListMarker, b: ListMarker): boolean => a.ordered === b.ordered && a.char === b.char

function trailingBackslashes(s: string): number {
  let n = 0
  while (n < s.length && s.charCodeAt(s.length - 1 - n) === 92) n++
  return n
}

/**
 * The lines of one paragraph or list item as one inline source: a soft line break becomes a space,
 * a hard break (two trailing spaces or an unescaped trailing backslash) becomes '\n'.
 */
function joinLines(lines: readonly string[]): string {
  let out = ''
  lines.forEach((raw, k) => {
    const line = raw.trimStart()
    const body = line.trimEnd()
    if (k === lines.length - 1) out += body
    else if (line.endsWith('  ')) out += `${body}\n`
    else if (trailingBackslashes(body) % 2 === 1) out += `${body.slice(0, -1)}\n`
    else out += `${body} `
  })
  return out
}

/**
 * The block tree of a text. Never throws: any string is valid input, and anything that is not
 * recognised markup is kept as text.
 */
export function parseMarkdown(text: string): MdBlock[] {
  const lines = (typeof text === 'string' ? text : '').split(/\r\n|\r|\n/)
  const blocks: MdBlock[] = []
  let paragraph: string[] | null = null
  let list: { marker: ListMarker; items: string[][] } | null = null
  // After a blank line inside a list the next non-blank line is known to start a new item.
  let listAfterBlank = false

  const closeParagraph = () => {
    if (paragraph === null) return
    const children = parseInline(joinLines(paragraph))
    if (children.length > 0) blocks.push({ type: 'paragraph', children })
    paragraph = null
  }
  const closeList = () => {
    if (list === null) return
    const items = list.items.map((lines) => parseInline(joinLines(lines)))
    blocks.push(list.marker.ordered ? { type: 'list', ordered: true, start: list.marker.start, items } : { type: 'list', ordered: false, items })
    list = null
  }

  for (let k = 0; k < lines.length; k++) {
    const line = lines[k] ?? ''
    if (line.trim() === '') {
      closeParagraph()
      if (list !== null && !listAfterBlank) {
        let next = k + 1
        while (next < lines.length && (lines[next] ?? '').trim() === '') next++
        const marker = next < lines.length ? listMarker(lines[next] ?? '') : null
        if (marker !== null && marker.indent < 2 && sameList(list.marker, marker)) listAfterBlank = true
        else closeList()
      }
      continue
    }
    listAfterBlank = false
    const marker = listMarker(line)
    if (list !== null) {
      if (marker !== null && marker.indent < 2) {
        if (!sameList(list.marker, marker)) {
          closeList()
          list = { marker, items: [] }
        }
        list.items.push([marker.content])
      } else list.items[list.items.length - 1]?.push(line)
      continue
    }
    // Like CommonMark, an ordered list interrupts a paragraph only when it starts at 1.
    if (marker !== null && (paragraph === null || !marker.ordered || marker.start === 1)) {
      closeParagraph()
      list = { marker, items: [[marker.content]] }
      continue
    }
    ;(paragraph ??= []).push(line)
  }
  closeParagraph()
  closeList()
  return blocks
}

// ---------------------------------------------------------------------------------------------
// Plain text

const ENDS_WITH_PUNCTUATION = (s: string): boolean => s !== '' && '.,;:!?'.includes(s.charAt(s.length - 1))

/** A list's items as one run of inline nodes: "1. a; 2. b" (ordered) or "a; b" (bullets). */
function listInline(block: Extract<MdBlock, { type: 'list' }>): MdInline[] {
  const out: MdInline[] = []
  block.items.forEach((item, k) => {
    if (block.ordered) pushNode(out, textNode(`${block.start + k}. `))
    for (const node of item) pushNode(out, node)
    if (k < block.items.length - 1) pushNode(out, textNode(ENDS_WITH_PUNCTUATION(inlinePlainText(item).trimEnd()) ? ' ' : '; '))
  })
  return out
}

/**
 * The inline content for a one-line place (table cell, label): the first block's inline nodes; a
 * list's items run together as "1. a; 2. b". Empty for an empty text.
 */
export function inlineContent(blocks: readonly MdBlock[]): MdInline[] {
  const first = blocks[0]
  if (first === undefined) return []
  return first.type === 'paragraph' ? first.children : listInline(first)
}

/**
 * The text without markup on one line, whitespace collapsed (for table cells, CSV and aria
 * labels): blocks joined by a space, list items as in inlineContent, links as their text only.
 */
export function plainText(text: string): string {
  const parts = parseMarkdown(text).map((block) => inlinePlainText(block.type === 'paragraph' ? block.children : listInline(block)))
  return parts.join(' ').replace(/\s+/g, ' ').trim()
}

/**
 * Cheap pre-check: false when the text certainly renders as one plain paragraph equal to itself
 * (no markup characters, no URL, no line break, no list marker), so callers may skip parsing.
 */
export function hasMarkdown(text: string): boolean {
  return /[*_`[\]\\\n\r]|https?:\/\//i.test(text) || listMarker(text) !== null
}
