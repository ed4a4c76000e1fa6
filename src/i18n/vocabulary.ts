/**
 * Wording of the UI per catalogue (issue 13). A catalogue with `vocabulary: 'organisation'` (e.g.
 * OWASP SAMM for a company) speaks of Organisation/Bereich (organisation/unit) instead of
 * Kommune/Fachbereich (municipality/department). The replacement texts live in vocabulary.de.ts and
 * vocabulary.en.ts as flat maps `dotted.key → text`, loaded only when first needed.
 *
 * applyVocabulary writes them over the loaded messages of every locale and remembers the texts they
 * replaced, so switching back restores them exactly. Messages loaded later (a text group or the
 * English locale, see loadTexts/loadLocale in ./index) get the overlay through onMessagesLoaded.
 */
import type { Vocabulary } from '@/domain/model/types'
import { i18n, onMessagesLoaded, type AppLocale } from './index'

type Overlay = Record<string, string>
type Tree = { [key: string]: unknown }

const OVERLAYS: Record<AppLocale, () => Promise<{ default: Overlay }>> = {
  de: () => import('./vocabulary.de'),
  en: () => import('./vocabulary.en'),
}

let active: Vocabulary = 'kommune'
/** Per locale: the texts the overlay replaced, by dotted key. */
const originals = new Map<AppLocale, Map<string, string>>()
/** Changes run one after the other, so a quick back-and-forth ends in the last state asked for. */
let queue: Promise<void> = Promise.resolve()

function enqueue(step: () => Promise<void> | void): Promise<void> {
  queue = queue.then(step).catch((e: unknown) => console.error('vocabulary overlay failed', e))
  return queue
}

function textAt(tree: Tree, key: string): string | undefined {
  let node: unknown = tree
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Tree)[part]
  }
  return typeof node === 'string' ? node : undefined
}

/** A nested message object with the given texts, for mergeLocaleMessage. */
function nested(texts: Iterable<[string, string]>): Tree {
  const root: Tree = {}
  for (const [key, text] of texts) {
    const parts = key.split('.')
    const last = parts.pop() as string
    let node = root
    for (const part of parts) node = (node[part] ??= {}) as Tree
    node[last] = text
  }
  return root
}

function isLoaded(locale: AppLocale): boolean {
  return (i18n.global.availableLocales as string[]).includes(locale)
}

/**
 * Writes the overlay over the locale's messages. A text that differs from its overlay text is an
 * original (also after a later load replaced it): it is remembered and replaced. Keys whose text
 * group is not loaded yet are left for the load hook.
 */
async function overlayLocale(locale: AppLocale): Promise<void> {
  const overlay = (await OVERLAYS[locale]()).default
  const messages = i18n.global.getLocaleMessage(locale) as Tree
  const kept = originals.get(locale) ?? new Map<string, string>()
  originals.set(locale, kept)
  const changes: [string, string][] = []
  for (const [key, text] of Object.entries(overlay)) {
    const current = textAt(messages, key)
    if (current === undefined || current === text) continue
    kept.set(key, current)
    changes.push([key, text])
  }
  if (changes.length) i18n.global.mergeLocaleMessage(locale, nested(changes) as never)
}

function restoreLocale(locale: AppLocale): void {
  const kept = originals.get(locale)
  if (!kept?.size) return
  i18n.global.mergeLocaleMessage(locale, nested(kept) as never)
  kept.clear()
}

/**
 * Sets the wording for all loaded locales and text groups: 'organisation' writes the overlay,
 * 'kommune' puts back every text it replaced. Resolves when the messages have changed.
 */
export function applyVocabulary(vocabulary: Vocabulary): Promise<void> {
  return enqueue(async () => {
    active = vocabulary
    for (const locale of Object.keys(OVERLAYS) as AppLocale[]) {
      if (!isLoaded(locale)) continue
      if (vocabulary === 'organisation') await overlayLocale(locale)
      else restoreLocale(locale)
    }
  })
}

/** The wording applied last (for tests and diagnostics). */
export function activeVocabulary(): Vocabulary {
  return active
}

onMessagesLoaded((locale) => enqueue(() => (active === 'organisation' ? overlayLocale(locale) : undefined)))
