/**
 * The start screen's progress table shows progress per respondent (hardening #18): two respondents
 * of a department are two lines "Name: n von m beantwortet", never one sum "n von 2·m".
 */
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import DepartmentProgressTable from '@/components/assessment/DepartmentProgressTable.vue'
import catalogJson from '@/catalogs/dc-kommune/2.0.0.json'
import { applicableItems } from '@/domain/model/catalog-index'
import { summarizeAssessment } from '@/domain/model/assessment-summary'
import { summarizeCatalog } from '@/domain/model/catalog-summary'
import type { Catalog } from '@/domain/model/types'
import { levelAnswer, makeAssessment, makeDepartment, makeRound, naAnswer, unknownAnswer } from '../fixtures/builders'
import { makeI18n } from '../fixtures/i18n'

const catalog = catalogJson as unknown as Catalog
const dep = makeDepartment({ id: 'dep-32', name: 'Bürgerservice und Ordnung', kind: 'specialist' })
const empty = makeDepartment({ id: 'dep-63', name: 'Bauordnung', kind: 'specialist' })
const items = applicableItems(catalog, 'specialist')

function mountTable() {
  const [a, b, c] = items
  const assessments = [
    // 3 answered (a level, a level, "nicht zutreffend"); "weiß nicht" is not answered.
    makeAssessment({ id: 'as-1', departmentId: dep.id, respondent: 'Amtsleitung', status: 'in_progress', createdAt: '2025-01-01T00:00:00.000Z', answers: [levelAnswer(a!.id, 2), levelAnswer(b!.id, 0), naAnswer(c!.id)] }),
    makeAssessment({ id: 'as-2', departmentId: dep.id, respondent: 'Teamleitung Bürgerbüro', status: 'in_progress', createdAt: '2025-01-02T00:00:00.000Z', answers: [levelAnswer(a!.id, 3), unknownAnswer(b!.id)] }),
    // The workshop's consensus is no respondent.
    makeAssessment({ id: 'as-3', departmentId: dep.id, role: 'consensus', answers: [levelAnswer(a!.id, 3)] }),
  ]
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { render: () => null } }] })
  return mount(DepartmentProgressTable, {
    props: { orgId: 'org-1', round: makeRound({ id: 'round-1' }), applicable: summarizeCatalog(catalog).applicable, departments: [dep, empty], assessments: assessments.map(summarizeAssessment) },
    global: { plugins: [makeI18n(), router] },
  })
}

describe('DepartmentProgressTable', () => {
  it('shows one progress line per respondent, each out of the questions of one person', () => {
    const w = mountTable()
    const row = w.findAll('tbody tr')[0]!
    const bars = row.findAll('progress')
    expect(bars.map((b) => b.attributes('aria-label'))).toEqual([
      `Amtsleitung: 3 von ${items.length} beantwortet`,
      `Teamleitung Bürgerbüro: 1 von ${items.length} beantwortet`,
    ])
    expect(bars.map((b) => [b.attributes('aria-valuenow'), b.attributes('aria-valuemax')])).toEqual([
      ['3', String(items.length)],
      ['1', String(items.length)],
    ])
    expect(row.text()).not.toContain(`von ${2 * items.length}`)
    expect(row.text()).not.toContain('4 von')
  })

  it('says "nicht begonnen" for a department without a questionnaire instead of a bar', () => {
    const w = mountTable()
    const row = w.findAll('tbody tr')[1]!
    expect(row.findAll('progress')).toHaveLength(0)
    expect(row.find('.progress-cell').text()).toBe('nicht begonnen')
  })
})
