import { makeSyntheticCatalog, makeSyntheticOrganisation } from './fixtures'
import { indexCatalog } from '../src/domain/scoring'
import { departmentConsensus, consensusOfAnswers } from '../src/domain/consensus'
import type { Answer } from '../src/domain/types'
const catalog = makeSyntheticCatalog()
const org = makeSyntheticOrganisation(catalog, { departments: 60 })
const idx = indexCatalog(catalog)
function time(name: string, f: () => number) {
  for (let i = 0; i < 3; i++) f()
  const t = performance.now(); let s = 0
  for (let i = 0; i < 5; i++) s += f()
  console.log(name, ((performance.now() - t) / 5).toFixed(1), 'ms', s)
}
const byDep = new Map<string, typeof org.assessments>()
for (const a of org.assessments) { const k = a.roundId + a.departmentId; byDep.set(k, [...(byDep.get(k) ?? []), a]) }
const groups = [...byDep.values()]
const depOf = new Map(org.departments.map(d => [d.id, d]))
time('orphan scan', () => { let s = 0; for (const g of groups) for (const a of g) for (const k of Object.keys(a.answers)) if (!idx.itemsById.has(k)) s++; return s })
time('lookups only', () => { let s = 0; for (const g of groups) { const d = depOf.get(g[0]!.departmentId)!; const items = d.kind === 'central' ? idx.centralItems : idx.allItems; for (const it of items) { const raw: (Answer|null)[] = new Array(g.length); for (let j = 0; j < g.length; j++) { const x = g[j]!.answers[it.id]; raw[j] = x !== undefined && x.state !== undefined ? x : null } s += raw.length } } return s })
time('lookups+consensus discard', () => { let s = 0; for (const g of groups) { const d = depOf.get(g[0]!.departmentId)!; const items = d.kind === 'central' ? idx.centralItems : idx.allItems; const resp = g.map(a => ({assessmentId: a.id, respondent: a.respondent})); for (const it of items) { const raw: (Answer|null)[] = new Array(g.length); for (let j = 0; j < g.length; j++) { const x = g[j]!.answers[it.id]; raw[j] = x !== undefined && x.state !== undefined ? x : null } const c = consensusOfAnswers(d.id, it.id, it.dimensionId, raw, resp, {}); s += c.levelCount } } return s })
time('departmentConsensus discard', () => { let s = 0; for (const g of groups) { const d = depOf.get(g[0]!.departmentId)!; s += departmentConsensus(catalog, d, g).items.length } return s })
time('departmentConsensus retain', () => { let s = 0; const keep = []; for (const g of groups) { const d = depOf.get(g[0]!.departmentId)!; const c = departmentConsensus(catalog, d, g); keep.push(c); s += c.items.length } return s })
