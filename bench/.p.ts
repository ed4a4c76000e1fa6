import { makeSyntheticCatalog, makeSyntheticOrganisation } from './fixtures'
import { analyseRound } from '../src/domain/analysis'
const catalog = makeSyntheticCatalog()
const org = makeSyntheticOrganisation(catalog, { departments: 60 })
const r = analyseRound({ catalog, round: org.rounds[0]!, departments: org.departments, assessments: org.assessmentsByRound.get('round-1')! })
console.log(r.recommendations.length, r.recommendations.reduce((s, x) => s + x.reasons.length, 0), r.warnings.length, r.roadmap.entries.length)
console.log(r.recommendations.slice(0, 5).map(x => [x.measureId, x.class, x.priority, x.reasons.length]))
