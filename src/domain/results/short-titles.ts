/**
 * Short dimension titles for narrow column headers (the heatmap on A4): the catalogue has no short
 * titles, so a title is cut before its first connector ("Strategie und Steuerung" → "Strategie",
 * "Daten, KI und Kooperation" → "Daten"). Only whole words are kept, so a header never needs to
 * break a word; the full titles go into a legend.
 */

/** Connectors a title is cut before (German and English, with their spaces). */
const CONNECTORS = [' und ', ' sowie ', ' oder ', ' and ', ' or ', ', ', '; ', ' & ', ' / ', ' – ', ' - ', ': '] as const

/** The part of one title before its first connector, trimmed; the whole title when none is found or the part would be empty. */
export function shortTitle(title: string): string {
  const full = title.trim()
  let cut = full.length
  for (const c of CONNECTORS) {
    const i = full.indexOf(c)
    if (i > 0 && i < cut) cut = i
  }
  const short = full.slice(0, cut).trim()
  return short === '' ? full : short
}

/**
 * Short titles for a list of titles (same order): each cut by `shortTitle`; where two cuts would be
 * the same (and their titles differ), those titles stay whole, so every header stays distinct.
 * `given` holds short titles a catalogue provides (non-empty ones win; same index as `titles`).
 */
export function shortTitles(titles: readonly string[], given: readonly (string | undefined)[] = []): string[] {
  const shorts = titles.map((t, i) => {
    const own = given[i]?.trim()
    return own ? own : shortTitle(t)
  })
  const owners = new Map<string, Set<string>>()
  shorts.forEach((s, i) => {
    const set = owners.get(s) ?? new Set<string>()
    set.add(titles[i] ?? '')
    owners.set(s, set)
  })
  return shorts.map((s, i) => ((owners.get(s)?.size ?? 0) > 1 ? (titles[i] ?? '').trim() : s))
}
