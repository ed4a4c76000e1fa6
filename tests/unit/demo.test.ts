import { describe, expect, it } from 'vitest'
import catalogJson from '@/catalogs/dc-kommune/1.0.0.json'
import { analyseRound } from '@/domain/analysis/analysis'
import { buildDemo, DEMO_ORG_ID } from '@/domain/demo/musterstadt'
import type { Catalog } from '@/domain/model/types'

const catalog = catalogJson as unknown as Catalog
const NOW = '2026-11-21T10:00:00.000Z'

describe('demo municipality Musterstadt', () => {
  const demo = buildDemo(catalog, NOW)

  it('is deterministic', () => {
    expect(buildDemo(catalog, NOW)).toEqual(demo)
  })

  it('has 8–12 departments, central and specialist ones, in parent units', () => {
    expect(demo.organisation).toMatchObject({ id: DEMO_ORG_ID, name: 'Musterstadt', type: 'stadt' })
    expect(demo.departments.length).toBeGreaterThanOrEqual(8)
    expect(demo.departments.length).toBeLessThanOrEqual(12)
    expect(new Set(demo.departments.map((d) => d.kind))).toEqual(new Set(['central', 'specialist']))
    expect(new Set(demo.departments.map((d) => d.parentUnit)).size).toBe(3)
  })

  it('has a current round with varied answers: all states, several respondents, every status', () => {
    const current = demo.assessments.filter((a) => a.roundId === demo.round.id)
    const answers = current.flatMap((a) => Object.values(a.answers))
    expect(new Set(answers.map((a) => a.state))).toEqual(new Set(['level', 'na', 'unknown']))
    expect(new Set(answers.filter((a) => a.state === 'level').map((a) => a.ist))).toEqual(new Set([0, 1, 2, 3, 4]))
    expect(answers.some((a) => a.comment !== '')).toBe(true)
    expect(new Set(current.map((a) => a.status))).toEqual(new Set(['not_started', 'in_progress', 'submitted']))
    expect(current.length).toBeGreaterThan(demo.departments.length)
  })

  it('answers only items that apply to each department and only catalogue items', () => {
    const central = new Set(catalog.items.filter((i) => i.appliesTo === 'central').map((i) => i.id))
    const known = new Set(catalog.items.map((i) => i.id))
    for (const a of demo.assessments) {
      const dep = demo.departments.find((d) => d.id === a.departmentId)!
      for (const id of Object.keys(a.answers)) {
        expect(known.has(id)).toBe(true)
        if (dep.kind === 'specialist') expect(central.has(id)).toBe(false)
      }
    }
  })

  it('produces scores, items to discuss, recommendations and a roadmap', () => {
    const result = analyseRound({ catalog, round: demo.round, departments: demo.departments, assessments: demo.assessments.filter((a) => a.roundId === demo.round.id) })
    expect(result.organisation.score).not.toBeNull()
    expect(result.departments.some((d) => d.toDiscuss.length > 0)).toBe(true)
    expect(result.recommendations.length).toBeGreaterThan(10)
    expect(result.roadmap.entries.length).toBeGreaterThan(10)
    expect(result.orphanAnswers).toEqual([])
  })

  it('has an earlier round that scores lower, for comparisons', () => {
    const score = (roundId: string) => analyseRound({ catalog, round: roundId === demo.round.id ? demo.round : demo.previousRound, departments: demo.departments, assessments: demo.assessments.filter((a) => a.roundId === roundId) }).organisation.score!
    expect(demo.previousRound.startDate < demo.round.startDate).toBe(true)
    expect(score(demo.previousRound.id)).toBeLessThan(score(demo.round.id))
  })
})
