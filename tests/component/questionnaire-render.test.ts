// The questionnaire on a real (fake-indexeddb) database: an answer change renders only its own card.
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, type ComponentPublicInstance } from 'vue'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import QuestionnaireView from '@/views/QuestionnaireView.vue'
import { createAssessment, saveAnswer } from '@/commands/assessments'
import { createDepartment, createOrganisation, createRound } from '@/commands/organisations'
import { resetIdentityCache } from '@/commands/stamp'
import { db } from '@/db/database'
import { makeI18n } from '../fixtures/i18n'

beforeEach(async () => {
  await db.delete()
  await db.open()
  resetIdentityCache()
})

let unmount: (() => void) | undefined
afterEach(() => {
  unmount?.()
  unmount = undefined
})

async function seed() {
  const org = await createOrganisation({ name: 'Teststadt', type: 'stadt', bundesland: 'BY', inhabitants: 30000, staff: 250 })
  const dep = await createDepartment({ orgId: org.id, name: 'IT', code: '10', parentUnit: '', head: '', staff: 5, kind: 'central' })
  const round = await createRound({ orgId: org.id, name: 'Check 2026', startDate: '2026-09-01', endDate: '', catalogId: 'dc-kommune', catalogVersion: '1.0.0', dimensionTargets: {} })
  const a = await createAssessment({ orgId: org.id, roundId: round.id, departmentId: dep.id, respondent: 'Amtsleitung' })
  return a.id
}

/** Mounts the questionnaire and counts the updates (re-renders) of each ItemCard by item id. */
async function mountQuestionnaire(assessmentId: string) {
  const updates = new Map<string, number>()
  // A global mixin sees every component's `updated`; only the question cards are counted.
  const countCards = {
    updated(this: ComponentPublicInstance) {
      if (this.$options.__name !== 'ItemCard') return
      const id = (this.$props as { item: { id: string } }).item.id
      updates.set(id, (updates.get(id) ?? 0) + 1)
    },
  }
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/assessment/:id', component: QuestionnaireView, props: true }, { path: '/:p(.*)*', component: { render: () => null } }] })
  await router.push(`/assessment/${assessmentId}`)
  const App = defineComponent({ render: () => h(RouterView) })
  const w = mount(App, { global: { plugins: [router, createPinia(), makeI18n()], mixins: [countCards] }, attachTo: document.body })
  unmount = () => w.unmount()
  await vi.waitFor(() => expect(w.findAll('article.item-card').length).toBeGreaterThan(2), { timeout: 10_000 })
  await flushPromises()
  return { w, updates }
}

const cardIds = (w: ReturnType<typeof mount>) => w.findAll('article.item-card').map((c) => c.attributes('data-item-id')!)
const savedCount = (w: ReturnType<typeof mount>) => Number(w.get('[data-testid="save-state"]').attributes('data-save-count'))

describe('QuestionnaireView: one answer change, one card', () => {
  it('renders again only the card whose Ist level was chosen', async () => {
    const { w, updates } = await mountQuestionnaire(await seed())
    const [first, second] = cardIds(w)
    updates.clear()

    await w.get(`input[name="item-${first}-ist"][value="2"]`).setValue(true)
    await vi.waitFor(() => expect(savedCount(w)).toBe(1))
    // The live query has read the stored answer back and shown it.
    await vi.waitFor(async () => expect((await db.assessments.toArray())[0]?.answers[first!]?.ist).toBe(2))
    await vi.waitFor(() => expect(w.get(`[data-item-id="${first}"] .kern-badge`).text()).toBe('beantwortet'))
    await flushPromises()

    expect([...updates.keys()]).toEqual([first])
    expect(updates.get(second!)).toBeUndefined()
  })

  it('renders again only the card whose answer another tab changed, and keeps the other answers as they were', async () => {
    const id = await seed()
    const { w, updates } = await mountQuestionnaire(id)
    const [first, second, third] = cardIds(w)
    updates.clear()

    // A write that does not come from this screen (another tab): only the live query sees it.
    await saveAnswer(id, second!, { state: 'level', ist: 3 })
    await vi.waitFor(() => expect(w.get<HTMLInputElement>(`input[name="item-${second}-ist"][value="3"]`).element.checked).toBe(true))
    await flushPromises()

    expect([...updates.keys()]).toEqual([second])
    expect(updates.get(first!)).toBeUndefined()
    expect(updates.get(third!)).toBeUndefined()
  })
})
