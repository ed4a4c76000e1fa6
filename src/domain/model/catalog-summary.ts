/**
 * What screens outside the questionnaire need of a catalogue, small enough for the first screen: its
 * wording (`vocabulary`) and, per department kind, the ids of the items a department of that kind
 * is asked (`applicableItems`: questionnaire order, duplicates kept), which the start screen's
 * progress bars count against. For built-in catalogues it is generated at build time
 * (src/catalogs/<id>/<version>.summary.json, scripts/catalog-summary.ts), so those screens need
 * neither the catalogue nor its validator.
 */
import { applicableItems } from './catalog-index'
import { DEPARTMENT_KINDS, type Catalog, type DepartmentKind, type Vocabulary } from './types'

export interface CatalogSummary {
  /** The catalogue's wording; 'kommune' when it names none. */
  vocabulary: Vocabulary
  /** Applicable item ids per department kind. */
  applicable: Record<DepartmentKind, string[]>
}

/** The summary of a catalogue (see above). */
export function summarizeCatalog(catalog: Catalog): CatalogSummary {
  return {
    vocabulary: catalog.vocabulary ?? 'kommune',
    applicable: Object.fromEntries(DEPARTMENT_KINDS.map((kind) => [kind, applicableItems(catalog, kind).map((item) => item.id)])) as CatalogSummary['applicable'],
  }
}
