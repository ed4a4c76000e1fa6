/**
 * The start screen's progress part reads the round's assessment summaries and the generated
 * summary of a built-in catalogue, and words a catalogue that is missing.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import RoundProgress from '@/components/assessment/RoundProgress.vue'
import catalogJson from '@/catalogs/dc-kommune/2.0.0.json'
import { db } from '@/db/database'
import { applicableItems } from '@/domain/model/catalog-index'
import type { Catalog } from '@/domain/model/types'
import { levelAnswer, makeAssessment, makeDepartment, makeRound, naAnswer } from '../fixtures/builders'
import { makeI18n } from '../fixtures/i18n'

const dep = makeDepartment({ id: 'dep-10', name: 'IT', kind: 'central' })

beforeEach(async () => {
  await db.delete()
  await db.open()
})

function mountProgress(round = makeRound({ id: 'round-1', catalogId: 'dc-kommune', catalogVersion: '2.0.0' })) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
  return mount(RoundProgress, { props: { orgId: 'org-1', round, departments: [dep] }, global: { plugins: [makeI18n(), router, createPinia()] } })
}

async function settle(check: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !check(); i++) {
    await flushPromises()
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('RoundProgress', () => {
  it('shows the progress of each respondent from the summaries, counted against the generated catalogue summary', async () => {
    const items = applicableItems(catalogJson as unknown as Catalog, 'central')
    await db.assessments.add(makeAssessment({ id: 'as-1', roundId: 'round-1', departmentId: dep.id, respondent: 'Leitung', status: 'in_progress', answers: [levelAnswer(items[0]!.id, 2), naAnswer(items[1]!.id)] }))
    const w = mountProgress()
    await settle(() => w.findAll('progress').length > 0)
    expect(w.findAll('progress').map((b) => b.attributes('aria-label'))).toEqual([`Leitung: 2 von ${items.length} beantwortet`])
  })

  it('says in words that the catalogue of the round is missing', async () => {
    const w = mountProgress(makeRound({ id: 'round-2', catalogId: 'gibt-es-nicht', catalogVersion: '9.9.9' }))
    await settle(() => w.find('[role="alert"]').exists())
    expect(w.find('[role="alert"]').text()).toContain('Der Fragenkatalog dieser Erhebungsrunde konnte nicht geladen werden.')
    expect(w.find('[role="alert"]').text()).toContain('Dieser Katalog ist in diesem Browser nicht vorhanden.')
    expect(w.find('table').exists()).toBe(false)
  })
})
