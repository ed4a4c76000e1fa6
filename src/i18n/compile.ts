/**
 * The message compiler for vue-i18n's runtime-only build (about 5 KB gzip less on the first load
 * than the full build with its general compiler). It understands the syntax our messages use:
 * text, `{name}` and `{0}` placeholders and plural forms separated by ` | `. A unit test renders every
 * message of both languages with this compiler and with vue-i18n's own and requires equal output,
 * so a message using other syntax (linked `@:` messages, literals `{'…'}`) fails that test.
 */
import type { MessageCompiler, MessageContext, MessageFunction } from 'vue-i18n'

type Part = string | { named: string } | { list: number }
/** The context's helpers vue-i18n's own message functions use (internal in its type declarations). */
type Ctx = MessageContext<string> & { normalize(values: unknown[]): string; interpolate(value: unknown): unknown }

/** Splits text into literal parts and placeholders (`{ name }` with optional spaces). */
function parts(source: string): Part[] {
  const out: Part[] = []
  const re = /\{\s*([A-Za-z_][\w-]*|\d+)\s*\}/g
  let last = 0
  for (let m = re.exec(source); m !== null; m = re.exec(source)) {
    if (m.index > last) out.push(source.slice(last, m.index))
    const key = m[1] as string
    out.push(/^\d+$/.test(key) ? { list: Number(key) } : { named: key })
    last = m.index + m[0].length
  }
  if (last < source.length) out.push(source.slice(last))
  return out
}

function render(form: Part[], ctx: Ctx): string {
  if (form.length === 1 && typeof form[0] === 'string' && ctx.type === 'text') return form[0]
  return ctx.normalize(form.map((p) => (typeof p === 'string' ? p : ctx.interpolate('named' in p ? ctx.named(p.named) : ctx.list(p.list)))))
}

function build(source: string): MessageFunction<string> {
  // vue-i18n trims the spaces around the `|` of plural forms.
  const split = source.split('|')
  const forms = split.map((f) => parts(split.length > 1 ? f.trim() : f))
  if (forms.length === 1) {
    const form = forms[0] as Part[]
    return ((ctx: Ctx) => render(form, ctx)) as MessageFunction<string>
  }
  return ((ctx: Ctx) => ctx.plural(forms.map((f) => render(f, ctx)))) as MessageFunction<string>
}

const cache = new Map<string, MessageFunction<string>>()

export const compileMessage: MessageCompiler<string, unknown> = (source) => {
  if (typeof source !== 'string') throw new Error('precompiled messages are not used in this app')
  let fn = cache.get(source)
  if (!fn) {
    fn = build(source)
    cache.set(source, fn)
  }
  return fn
}
