/**
 * Built-in catalogues, shipped with the app. Each version stays here forever: a round pins
 * catalogue id + version, so its answers are always read against the texts they were given to.
 * The JSON is loaded lazily (its own chunk, precached by the service worker). It is validated at
 * build time, not on load (tests/unit/builtin-catalogs.test.ts). `summary` loads the generated
 * `<version>.summary.json` (scripts/catalog-summary.ts): what the start screen needs of it.
 */
import type { CatalogSummary } from '@/domain/model/catalog-summary'
import type { Catalog, CatalogRef, LocalizedText } from '@/domain/model/types'

export interface BuiltinCatalog extends CatalogRef {
  title: LocalizedText
  load: () => Promise<Catalog>
  summary: () => Promise<CatalogSummary>
}

export const BUILTIN_CATALOGS: BuiltinCatalog[] = [
  {
    catalogId: 'dc-kommune',
    catalogVersion: '1.0.0',
    title: { de: 'Digitalisierungs-Check Kommune', en: 'Digital check for municipalities' },
    load: () => import('./dc-kommune/1.0.0.json').then((m) => m.default as unknown as Catalog),
    summary: () => import('./dc-kommune/1.0.0.summary.json').then((m) => m.default as CatalogSummary),
  },
  {
    catalogId: 'dc-kommune',
    catalogVersion: '2.0.0',
    title: { de: 'Digitalisierungs-Check Kommune', en: 'Digital check for municipalities' },
    load: () => import('./dc-kommune/2.0.0.json').then((m) => m.default as unknown as Catalog),
    summary: () => import('./dc-kommune/2.0.0.summary.json').then((m) => m.default as CatalogSummary),
  },
]

/** The catalogue new rounds use (method 2.0). */
export const DEFAULT_CATALOG: CatalogRef = { catalogId: 'dc-kommune', catalogVersion: '2.0.0' }
/** The demo's earlier round stays on 1.0.0, so the demo shows a comparison across catalogue versions. */
export const DEMO_PREVIOUS_CATALOG: CatalogRef = { catalogId: 'dc-kommune', catalogVersion: '1.0.0' }
