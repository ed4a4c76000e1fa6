/**
 * Inline part of the catalogue-text Markdown subset (see markdown.ts): strong, emphasis, code,
 * links, bare http(s) URLs, backslash escapes and hard breaks within one paragraph or list item.
 *
 * Emphasis follows CommonMark's delimiter-run rules (flanking, rule of three) with its
 * "openers bottom" bound, code spans find their closer through an index of backtick runs, link
 * destinations through a parenthesis index, and no regular expression runs over more than one
 * character, so hostile input parses in near-linear time. Nesting deeper than MAX_INLINE_DEPTH
 * stays literal, so renderers may recurse.
 */

export type MdInline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: MdInline[] }
  | { type: 'em'; children: MdInline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: MdInline[] }
  | { type: 'break' }

/** Emphasis nested deeper than this stays literal text (keeps recursive renderers safe). */
export const MAX_INLINE_DEPTH = 16
/** A link destination longer than this is not a link (bounds the look-ahead after `](`). */
const MAX_URL_LENGTH = 2048

const ASCII_PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'
const WHITESPACE = /^\s$/u
const PUNCTUATION = /^[\p{P}\p{S}]$/u
/** Characters that end a bare URL; trailing punctuation is trimmed afterwards. */
const AUTOLINK_STOP = '<>[]`\\"'
const AUTOLINK_TRAILING = '.,:;!?\'*_~“”„‘’«»'
/** Characters at which the inline scanner stops copying plain text. */
const INLINE_SPECIAL = '\n\\`*_[]hH'

const isWhitespace = (c: string): boolean => WHITESPACE.test(c)
const isPunctuation = (c: string): boolean => PUNCTUATION.test(c)
const isControl = (code: number): boolean => code < 0x20 || (code >= 0x7f && code <= 0x9f)

/**
 * The URL itself when it may become a link target: http(s) with a host, or mailto with an address;
 * null for anything else (javascript:, data:, vbscript:, relative and protocol-relative URLs) and
 * for URLs containing whitespace or control characters. Leading and trailing whitespace is ignored.
 */
export function safeHref(url: string): string | null {
  const u = url.trim()
  for (let i = 0; i < u.length; i++) {
    const code = u.charCodeAt(i)
    if (isControl(code) || isWhitespace(u.charAt(i))) return null
  }
  const lower = u.toLowerCase()
  const rest = lower.startsWith('https://') ? u.slice(8) : lower.startsWith('http://') ? u.slice(7) : null
  if (rest !== null) return rest.length > 0 && !'/?#\\'.includes(rest.charAt(0)) ? u : null
  return lower.startsWith('mailto:') && u.length > 7 ? u : null
}

/**
 * One piece of the inline sequence while parsing: literal text, a finished node, or a group (a
 * detached run of entries too deeply nested to become emphasis, kept as is so that it is not
 * walked again). A delimiter run shows only its first `shown` characters (those not yet used).
 */
interface Entry {
  text: string
  shown: number
  node: MdInline | null
  group: Entry | null
  depth: number
  prev: Entry | null
  next: Entry | null
}

/** A run of `*` or `_` that may still open or close emphasis. */
interface Delimiter {
  ch: string
  entry: Entry
  count: number
  orig: number
  canOpen: boolean
  canClose: boolean
  prev: Delimiter | null
  next: Delimiter | null
}

interface Bracket {
  entry: Entry
  /** The top of the delimiter stack when the bracket opened: emphasis inside the link stops here. */
  bottom: Delimiter | null
}

export const textNode = (text: string): MdInline => ({ type: 'text', text })

/** Appends nodes, merging adjacent text. */
export function pushNode(out: MdInline[], node: MdInline): void {
  const last = out[out.length - 1]
  if (node.type === 'text') {
    if (node.text === '') return
    if (last?.type === 'text') {
      out[out.length - 1] = textNode(last.text + node.text)
      return
    }
  }
  out.push(node)
}

/** Link text cannot hold links: a bare URL inside it becomes its text again. */
function withoutLinks(nodes: readonly MdInline[]): MdInline[] {
  const out: MdInline[] = []
  for (const node of nodes) {
    if (node.type === 'link') for (const child of withoutLinks(node.children)) pushNode(out, child)
    else if (node.type === 'strong' || node.type === 'em') pushNode(out, { type: node.type, children: withoutLinks(node.children) })
    else pushNode(out, node)
  }
  return out
}

class InlineParser {
  private readonly head: Entry = { text: '', shown: 0, node: null, group: null, depth: 0, prev: null, next: null }
  private tail: Entry = this.head
  private top: Delimiter | null = null
  private brackets: Bracket[] = []
  private buffer = ''
  /** Start positions of the maximal backtick runs, by run length; pointers only move forward. */
  private backtickRuns: Map<number, { starts: number[]; next: number }> | null = null

  constructor(private readonly s: string) {}

  parse(): MdInline[] {
    const s = this.s
    let i = 0
    while (i < s.length) {
      const c = s.charAt(i)
      if (c === '\n') {
        this.appendNode({ type: 'break' }, 0)
        i++
      } else if (c === '\\') {
        const next = s.charAt(i + 1)
        if (next !== '' && ASCII_PUNCTUATION.includes(next)) {
          this.buffer += next
          i += 2
        } else {
          this.buffer += c
          i++
        }
      } else if (c === '`') i = this.codeSpan(i)
      else if (c === '*' || c === '_') i = this.delimiterRun(i, c)
      else if (c === '[') {
        this.flush()
        const entry = this.append('[')
        this.brackets.push({ entry, bottom: this.top })
        i++
      } else if (c === ']') i = this.closeBracket(i)
      else if ((c === 'h' || c === 'H') && this.autolinkAt(i) > i) i = this.autolink(i)
      else {
        let j = i + 1
        while (j < s.length && !INLINE_SPECIAL.includes(s.charAt(j))) j++
        this.buffer += s.slice(i, j)
        i = j
      }
    }
    this.flush()
    this.processEmphasis(null)
    return this.nodesOf(this.head.next, null)
  }

  // -- the entry list

  private flush(): void {
    if (this.buffer !== '') this.append(this.buffer)
    this.buffer = ''
  }

  private append(text: string): Entry {
    const entry: Entry = { text, shown: text.length, node: null, group: null, depth: 0, prev: this.tail, next: null }
    this.tail.next = entry
    this.tail = entry
    return entry
  }

  private appendNode(node: MdInline, depth: number): void {
    this.flush()
    this.append('')
    this.tail.node = node
    this.tail.depth = depth
  }

  private insertAfter(at: Entry, entry: Entry): void {
    entry.prev = at
    entry.next = at.next
    if (at.next !== null) at.next.prev = entry
    else this.tail = entry
    at.next = entry
  }

  private remove(entry: Entry): void {
    if (entry.prev !== null) entry.prev.next = entry.next
    if (entry.next !== null) entry.next.prev = entry.prev
    else this.tail = entry.prev ?? this.head
  }

  /** The deepest nesting among the entries from `from` up to (not including) `until`. */
  private depthOf(from: Entry | null, until: Entry | null): number {
    let depth = 0
    for (let e = from; e !== null && e !== until; e = e.next) depth = Math.max(depth, e.depth)
    return depth
  }

  /** The nodes of the entries from `from` up to (not including) `until`, groups flattened (without recursion). */
  private nodesOf(from: Entry | null, until: Entry | null): MdInline[] {
    const nodes: MdInline[] = []
    const resume: (Entry | null)[] = []
    let e = from
    for (;;) {
      if (e === null || e === until) {
        if (resume.length === 0) return nodes
        e = resume.pop() ?? null
      } else if (e.group !== null) {
        resume.push(e.next)
        e = e.group
      } else {
        pushNode(nodes, e.node ?? textNode(e.shown < e.text.length ? e.text.slice(0, e.shown) : e.text))
        e = e.next
      }
    }
  }

  // -- code spans

  private codeSpan(i: number): number {
    const s = this.s
    let j = i
    while (s.charAt(j) === '`') j++
    const length = j - i
    const close = this.nextBacktickRun(j, length)
    if (close < 0) {
      this.buffer += s.slice(i, j)
      return j
    }
    let code = s.slice(j, close).split('\n').join(' ')
    if (code.length >= 2 && code.startsWith(' ') && code.endsWith(' ') && code.trim() !== '') code = code.slice(1, -1)
    this.appendNode({ type: 'code', text: code }, 0)
    return close + length
  }

  /** Start of the first maximal backtick run of exactly `length` at or after `from`, or -1. */
  private nextBacktickRun(from: number, length: number): number {
    if (this.backtickRuns === null) {
      const runs = new Map<number, { starts: number[]; next: number }>()
      const s = this.s
      for (let k = 0; k < s.length; ) {
        if (s.charAt(k) !== '`') {
          k++
          continue
        }
        let e = k
        while (s.charAt(e) === '`') e++
        const run = runs.get(e - k) ?? { starts: [], next: 0 }
        run.starts.push(k)
        runs.set(e - k, run)
        k = e
      }
      this.backtickRuns = runs
    }
    const run = this.backtickRuns.get(length)
    if (run === undefined) return -1
    while (run.next < run.starts.length && (run.starts[run.next] ?? 0) < from) run.next++
    return run.starts[run.next] ?? -1
  }

  // -- emphasis

  private delimiterRun(i: number, ch: string): number {
    const s = this.s
    let j = i
    while (s.charAt(j) === ch) j++
    const before = charBefore(s, i)
    const after = charFrom(s, j)
    const beforeSpace = isWhitespace(before)
    const afterSpace = isWhitespace(after)
    const beforePunct = isPunctuation(before)
    const afterPunct = isPunctuation(after)
    const left = !afterSpace && (!afterPunct || beforeSpace || beforePunct)
    const right = !beforeSpace && (!beforePunct || afterSpace || afterPunct)
    const canOpen = ch === '*' ? left : left && (!right || beforePunct)
    const canClose = ch === '*' ? right : right && (!left || afterPunct)
    this.flush()
    const entry = this.append(s.slice(i, j))
    if (canOpen || canClose) {
      const d: Delimiter = { ch, entry, count: j - i, orig: j - i, canOpen, canClose, prev: this.top, next: null }
      if (this.top !== null) this.top.next = d
      this.top = d
    }
    return j
  }

  private removeDelimiter(d: Delimiter): void {
    if (d.prev !== null) d.prev.next = d.next
    if (d.next !== null) d.next.prev = d.prev
    else this.top = d.prev
  }

  /** CommonMark's "process emphasis" over the delimiters above `bottom`; they are all gone after it. */
  private processEmphasis(bottom: Delimiter | null): void {
    if (this.top === bottom) return
    const openersBottom = new Map<string, Delimiter | null>()
    let closer: Delimiter | null = this.top
    while (closer !== null && closer.prev !== bottom) closer = closer.prev
    while (closer !== null) {
      if (!closer.canClose) {
        closer = closer.next
        continue
      }
      const key = `${closer.ch}${closer.canOpen ? 1 : 0}${closer.orig % 3}`
      const limit = openersBottom.has(key) ? openersBottom.get(key) : bottom
      let opener: Delimiter | null = closer.prev
      while (opener !== null && opener !== bottom && opener !== limit) {
        const odd = (closer.canOpen || opener.canClose) && closer.orig % 3 !== 0 && (opener.orig + closer.orig) % 3 === 0
        if (opener.ch === closer.ch && opener.canOpen && !odd) break
        opener = opener.prev
      }
      if (opener === null || opener === bottom || opener === limit) {
        openersBottom.set(key, closer.prev)
        const next: Delimiter | null = closer.next
        if (!closer.canOpen) this.removeDelimiter(closer)
        closer = next
        continue
      }
      const use = closer.count >= 2 && opener.count >= 2 ? 2 : 1
      opener.count -= use
      closer.count -= use
      const depth = this.depthOf(opener.entry.next, closer.entry)
      const first = opener.entry.next
      const last = closer.entry.prev
      if (depth + 1 <= MAX_INLINE_DEPTH) {
        const node: MdInline = { type: use === 2 ? 'strong' : 'em', children: this.nodesOf(first, closer.entry) }
        opener.entry.shown -= use
        closer.entry.shown -= use
        opener.entry.next = closer.entry
        closer.entry.prev = opener.entry
        this.insertAfter(opener.entry, { text: '', shown: 0, node, group: null, depth: depth + 1, prev: null, next: null })
      } else if (first !== null && last !== null && first !== closer.entry) {
        // Too deep to nest further: the used markers stay shown as text (any outer match on these
        // runs is deeper still, so the shown characters are the outer ones), and the content
        // becomes one group so that outer matches do not walk it again.
        first.prev = null
        last.next = null
        const group: Entry = { text: '', shown: 0, node: null, group: first, depth, prev: opener.entry, next: closer.entry }
        opener.entry.next = group
        closer.entry.prev = group
      }
      opener.next = closer
      closer.prev = opener
      if (opener.count === 0) {
        if (opener.entry.shown === 0) this.remove(opener.entry)
        this.removeDelimiter(opener)
      }
      if (closer.count === 0) {
        const next: Delimiter | null = closer.next
        if (closer.entry.shown === 0) this.remove(closer.entry)
        this.removeDelimiter(closer)
        closer = next
      }
    }
    while (this.top !== null && this.top !== bottom) this.removeDelimiter(this.top)
  }

  // -- links

  private closeBracket(i: number): number {
    const opener = this.brackets.pop()
    if (opener === undefined) {
      this.buffer += ']'
      return i + 1
    }
    const destination = this.destination(i + 1)
    if (destination === null) {
      this.buffer += ']'
      return i + 1
    }
    this.flush()
    this.processEmphasis(opener.bottom)
    const nodes = this.nodesOf(opener.entry.next, null)
    const depth = this.depthOf(opener.entry.next, null)
    const href = safeHref(destination.url)
    const hasText = inlinePlainText(nodes).trim() !== ''
    if (href !== null) {
      const children = hasText ? withoutLinks(nodes) : [textNode(destination.url)]
      opener.entry.next = null
      this.tail = opener.entry
      opener.entry.text = ''
      opener.entry.shown = 0
      opener.entry.node = { type: 'link', href, children }
      opener.entry.depth = depth + 1
      // No links inside links: every bracket still open is plain text now.
      this.brackets = []
    } else {
      // Not a safe target: the link becomes its text followed by the URL in parentheses.
      opener.entry.text = ''
      opener.entry.shown = 0
      this.append(hasText ? ` (${destination.url})` : destination.url)
    }
    return destination.end
  }

  /**
   * The link destination in `(url)` at position i, or null: the URL runs to the first `)` that
   * closes the parentheses opened inside it, has no whitespace or control characters (spaces
   * around it are allowed), does not start with `<` and has at most MAX_URL_LENGTH characters.
   * Backslashes are not escapes here. Answered from two indexes built once in linear time, so
   * many `](` cost no repeated scans.
   */
  private destination(i: number): { url: string; end: number } | null {
    const s = this.s
    if (s.charAt(i) !== '(') return null
    let start = i + 1
    while (s.charAt(start) === ' ' || s.charAt(start) === '\t') start++
    if (s.charAt(start) === '<') return null
    const { balance, nextDrop, nextStop } = this.parenIndex()
    const drop = nextDrop[start] ?? -1
    const close = drop < 0 ? s.length : drop - 1
    const urlEnd = Math.min(close, nextStop[start] ?? s.length)
    if (urlEnd === start || urlEnd - start > MAX_URL_LENGTH) return null
    let end = urlEnd
    if (urlEnd < close) {
      if (balance[urlEnd] !== balance[start]) return null
      while (s.charAt(end) === ' ' || s.charAt(end) === '\t') end++
    }
    return s.charAt(end) === ')' ? { url: s.slice(start, urlEnd), end: end + 1 } : null
  }

  private parens: { balance: Int32Array; nextDrop: Int32Array; nextStop: Int32Array } | null = null

  /**
   * balance[k]: opened minus closed parentheses in s[0, k); nextDrop[k]: the first j > k with
   * balance[j] < balance[k] (so s[j - 1] is the `)` closing at depth 0 from k), -1 if none;
   * nextStop[k]: the first j >= k holding whitespace or a control character, else s.length.
   */
  private parenIndex(): { balance: Int32Array; nextDrop: Int32Array; nextStop: Int32Array } {
    if (this.parens !== null) return this.parens
    const s = this.s
    const n = s.length
    const balance = new Int32Array(n + 1)
    for (let k = 0; k < n; k++) balance[k + 1] = (balance[k] ?? 0) + (s[k] === '(' ? 1 : s[k] === ')' ? -1 : 0)
    const nextDrop = new Int32Array(n + 1)
    const stack: number[] = []
    for (let k = n; k >= 0; k--) {
      const b = balance[k] ?? 0
      while (stack.length > 0 && (balance[stack[stack.length - 1] ?? 0] ?? 0) >= b) stack.pop()
      nextDrop[k] = stack.length > 0 ? (stack[stack.length - 1] ?? -1) : -1
      stack.push(k)
    }
    const nextStop = new Int32Array(n + 1)
    nextStop[n] = n
    for (let k = n - 1; k >= 0; k--) nextStop[k] = isControl(s.charCodeAt(k)) || isWhitespace(s.charAt(k)) ? k : (nextStop[k + 1] ?? n)
    this.parens = { balance, nextDrop, nextStop }
    return this.parens
  }

  /** End of a bare http(s) URL starting at i (after a non-word character), or i when there is none. */
  private autolinkAt(i: number): number {
    const s = this.s
    if (i > 0 && /^[\p{L}\p{N}]$/u.test(charBefore(s, i))) return i
    const head = s.slice(i, i + 8).toLowerCase()
    const prefix = head.startsWith('https://') ? 8 : head.startsWith('http://') ? 7 : 0
    if (prefix === 0) return i
    let j = i + prefix
    let opens = 0
    let closes = 0
    while (j < s.length) {
      const c = s.charAt(j)
      if (isControl(s.charCodeAt(j)) || isWhitespace(c) || AUTOLINK_STOP.includes(c)) break
      if (c === '(') opens++
      else if (c === ')') closes++
      j++
    }
    while (j > i + prefix) {
      const c = s.charAt(j - 1)
      if (AUTOLINK_TRAILING.includes(c)) j--
      else if (c === ')' && closes > opens) {
        closes--
        j--
      } else break
    }
    return j > i + prefix && safeHref(s.slice(i, j)) !== null ? j : i
  }

  private autolink(i: number): number {
    const end = this.autolinkAt(i)
    const url = this.s.slice(i, end)
    this.appendNode({ type: 'link', href: url, children: [textNode(url)] }, 1)
    return end
  }
}

/** The character (code point) just before position i; a newline at the start. */
function charBefore(s: string, i: number): string {
  if (i <= 0) return '\n'
  const low = s.charCodeAt(i - 1)
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = s.charCodeAt(i - 2)
    if (high >= 0xd800 && high <= 0xdbff) return s.slice(i - 2, i)
  }
  return s.charAt(i - 1)
}

/** The character (code point) at position i; a newline at the end. */
function charFrom(s: string, i: number): string {
  const cp = s.codePointAt(i)
  return cp === undefined ? '\n' : String.fromCodePoint(cp)
}

/** The inline nodes of one paragraph or list item (source from joinLines: '\n' is a hard break). */
export function parseInline(source: string): MdInline[] {
  return new InlineParser(source).parse()
}

/** The text of inline nodes without markup; a hard break becomes a space. */
export function inlinePlainText(nodes: readonly MdInline[]): string {
  let out = ''
  for (const node of nodes) {
    if (node.type === 'text' || node.type === 'code') out += node.text
    else if (node.type === 'break') out += ' '
    else out += inlinePlainText(node.children)
  }
  return out
}
