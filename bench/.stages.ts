import { makeSyntheticCatalog, makeSyntheticOrganisation } from './fixtures'
import { departmentConsensus } from '../src/domain/consensus'
import { scoreDepartment, scoreOrganisation } from '../src/domain/scoring'
import { departmentGaps } from '../src/domain/gaps'
import { prioritise, recommendationsByDepartment } from '../src/domain/prioritisation'
import { buildRoadmap } from '../src/domain/roadmap'
import { extremeItems } from '../src/domain/analysis'
const catalog = makeSyntheticCatalog()
const n = Number(process.argv[2] ?? 60)
const org = makeSyntheticOrganisation(catalog, { departments: n })
const T: Record<string, number> = {}
const t = <X>(k: string, f: () => X): X => { const a = performance.now(); const x = f(); T[k] = (T[k] ?? 0) + performance.now() - a; return x }
for (let it = 0; it < 8; it++) {
  if (it === 3) for (const k in T) T[k] = 0
  for (const round of org.rounds) {
    const as = org.assessmentsByRound.get(round.id)!
    const parts = org.departments.map((d) => {
      const own = as.filter((a) => a.departmentId === d.id)
      const c = t('consensus', () => departmentConsensus(catalog, d, own))
      const s = t('score', () => scoreDepartment(catalog, d, c.items))
      const g = t('gaps', () => departmentGaps(catalog, round, d.id, c.items))
      t('extreme', () => [extremeItems(catalog, c.items, 3, 'strongest'), extremeItems(catalog, c.items, 3, 'weakest'), c.items.filter((x) => x.toDiscuss)])
      return { d, c, s, g }
    })
    t('org', () => scoreOrganisation(catalog, org.departments, parts.map((p) => p.s)))
    const pr = t('prio', () => prioritise(catalog, round, parts.map((p) => ({ department: p.d, consensus: p.c.items }))))
    t('roadmap', () => buildRoadmap(catalog, pr.recommendations, { capacity: 12 }))
    t('deprecs', () => recommendationsByDepartment(pr.recommendations, parts.map((p) => p.d.id)))
  }
}
for (const k in T) console.log(k, (T[k]! / 5).toFixed(1))
