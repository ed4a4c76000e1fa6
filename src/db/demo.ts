/** Loads the demo municipality into the database in one transaction (once; never overwrites). */
import { buildDemo, DEMO_ORG_ID } from '@/domain/demo/musterstadt'
import { buildDemoStrategy } from '@/domain/demo/musterstadt-strategy'
import type { Catalog } from '@/domain/model/types'
import { db } from './database'
import { nowIso } from './ids'
import { META_KEYS } from './meta'

/**
 * `previousCatalog`: the catalogue of the demo's earlier round (default: the same as the current
 * one). Besides the check's data the demo brings its Digitale Agenda (with status history) and its
 * Leistungsinventar. `now` only for tests.
 */
export async function loadDemo(catalog: Catalog, previousCatalog: Catalog = catalog, now: string = nowIso()): Promise<'loaded' | 'exists'> {
  const demo = buildDemo(catalog, now, undefined, previousCatalog)
  const strategy = buildDemoStrategy(demo, catalog, now)
  return db.transaction('rw', [db.organisations, db.departments, db.rounds, db.assessments, db.agendas, db.agendaEvents, db.services, db.meta], async () => {
    if (await db.organisations.get(DEMO_ORG_ID)) return 'exists'
    await db.organisations.add(demo.organisation)
    await db.departments.bulkAdd(demo.departments)
    await db.rounds.bulkAdd([demo.previousRound, demo.round])
    await db.assessments.bulkAdd(demo.assessments)
    await db.agendas.add(strategy.agenda)
    await db.agendaEvents.bulkAdd(strategy.agendaEvents)
    await db.services.bulkAdd(strategy.services)
    await db.meta.put({ key: META_KEYS.activeOrgId, value: DEMO_ORG_ID })
    return 'loaded'
  })
}
