/**
 * The one spelling of a catalogue key: a catalogue version is identified by id AND version, and
 * every map, cache or lookup keyed by a catalogue version uses this text.
 */
import type { CatalogRef } from './types'

/**
 * `id` and `version` joined by a NUL character. Catalogue ids and versions that passed the schema
 * never contain one, so two different pairs never share a key (unlike '@', which an id or version
 * read from a file may contain). Never parsed back: keep the pair itself where it is needed.
 */
export function catalogKey(id: string, version: string): string {
  return `${id}\u0000${version}`
}

/** `catalogKey` of a pinned reference (a round, or a `CatalogRef`). */
export function catalogRefKey(ref: CatalogRef): string {
  return catalogKey(ref.catalogId, ref.catalogVersion)
}
