// Converts the OWASP DevSecOps Maturity Model (DSOMM) data
// (github.com/devsecopsmaturitymodel/DevSecOps-MaturityModel-data, generated/model.yaml) into a
// catalogue of this app in DSOMM's own structure (docs/catalog-format.md, "Converting OWASP SAMM
// and DSOMM"):
//   dimension     → group (mean of its sub-dimensions)
//   sub-dimension → dimension (mean of its activities)
//   activity      → item on a yes/no scale (0/1), stage = DSOMM level 1–5, dependsOn = the
//                   activities it depends on (dependencies that do not resolve are dropped and listed)
// DSOMM defines no numeric score of its own, so the catalogue declares no modelScore.
// No network: it reads a local checkout.
// Run: node tools/convert-dsomm.mjs <path of a DevSecOps-MaturityModel-data checkout> [--commit <sha> --date YYYY-MM-DD] [--out <file>]
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { parseAllDocuments } from 'yaml'
import { clean, parseArgs, run, shortTitle, slugify, sourceRevision, uniqueIds, validateAndWrite } from './convert-common.mjs'

const REPO_URL = 'https://github.com/devsecopsmaturitymodel/DevSecOps-MaturityModel-data'
const en = (text) => ({ en: text })
const YES_NO = [
  { value: 0, label: en('Not implemented') },
  { value: 1, label: en('Implemented') },
]

/** The item help: description, risk, measure and how to show it, as Markdown. */
function help(activity) {
  const parts = [
    clean(activity.description),
    clean(activity.risk) && `**Risk:** ${clean(activity.risk)}`,
    clean(activity.measure) && `**Measure:** ${clean(activity.measure)}`,
    clean(activity.assessment) && `**Assessment:**\n\n${clean(activity.assessment)}`,
  ].filter(Boolean)
  return parts.length > 0 ? parts.join('\n\n') : activity.name
}

export function convertDsomm(root, revision) {
  const docs = parseAllDocuments(readFileSync(join(root, 'generated', 'model.yaml'), 'utf8')).map((d) => d.toJS())
  const meta = docs.find((d) => d && typeof d === 'object' && 'meta' in d)?.meta ?? {}
  const model = docs.find((d) => d && typeof d === 'object' && !('meta' in d))
  if (!model) throw new Error('generated/model.yaml: no model document')

  const nodeId = uniqueIds()
  const itemId = uniqueIds()
  const groups = []
  const dimensions = []
  const activities = []
  for (const [dimName, subs] of Object.entries(model)) {
    const groupId = nodeId(slugify(dimName))
    groups.push({ id: groupId, title: en(dimName), aggregation: 'mean', extensions: { dsomm: { type: 'Dimension', name: dimName } } })
    for (const [subName, acts] of Object.entries(subs ?? {})) {
      const dimId = nodeId(slugify(subName))
      const list = Object.entries(acts ?? {})
      const levels = list.map(([, a]) => a.level)
      dimensions.push({
        id: dimId,
        title: en(subName),
        shortTitle: en(shortTitle(subName)),
        description: en(`DSOMM sub-dimension “${subName}” of “${dimName}”: ${list.length} activities on levels ${Math.min(...levels)}–${Math.max(...levels)}.`),
        defaultTarget: 1,
        parentId: groupId,
        aggregation: 'mean',
        extensions: { dsomm: { type: 'SubDimension', name: subName } },
      })
      for (const [name, a] of list) activities.push({ ...a, name, dimId, id: itemId(slugify(name)) })
    }
  }

  // Dependencies name an activity by uuid (DSOMM 4) or, in older data, by name.
  const byKey = new Map()
  for (const a of activities) {
    byKey.set(a.uuid, a.id)
    byKey.set(a.name, a.id)
  }
  const dropped = []
  const items = activities.map((a) => {
    const dependsOn = []
    for (const dep of a.dependsOn ?? []) {
      const target = byKey.get(dep)
      if (target === undefined || target === a.id) dropped.push({ activity: a.uuid, name: a.name, dependsOn: dep })
      else if (!dependsOn.includes(target)) dependsOn.push(target)
    }
    return {
      id: a.id,
      dimensionId: a.dimId,
      question: en(a.name),
      help: en(help(a)),
      levels: YES_NO.map((l) => l.label),
      appliesTo: 'all',
      stage: a.level,
      ...(dependsOn.length > 0 ? { dependsOn } : {}),
      extensions: {
        dsomm: {
          uuid: a.uuid,
          level: a.level,
          ...(a.difficultyOfImplementation ? { difficultyOfImplementation: a.difficultyOfImplementation } : {}),
          ...(a.usefulness !== undefined ? { usefulness: a.usefulness } : {}),
          ...(a.references ? { references: a.references } : {}),
          ...(a.tags ? { tags: a.tags } : {}),
          ...(a.dependsOn ? { dependsOn: a.dependsOn } : {}),
          ...(a.meta?.implementationGuide ? { implementationGuide: clean(a.meta.implementationGuide) } : {}),
        },
      },
    }
  })

  const version = /^\d+\.\d+\.\d+$/.test(String(meta.version ?? '')) ? String(meta.version) : '1.0.0'
  const released = /^\d{4}-\d{2}-\d{2}$/.test(String(meta.released ?? '')) ? String(meta.released) : revision.date
  const catalog = {
    format: 'digitalisierungs-check/catalog',
    formatVersion: 1,
    id: 'owasp-dsomm',
    version,
    defaultLanguage: 'en',
    title: en('OWASP DevSecOps Maturity Model (DSOMM)'),
    description: en(
      `OWASP DSOMM model data ${version} (released ${released}): ${groups.length} dimensions, ${dimensions.length} sub-dimensions, ${items.length} activities on levels 1–5, converted from ${REPO_URL} (generated/model.yaml) at commit ${revision.commit} (${revision.date}) by tools/convert-dsomm.mjs. ` +
        'Each activity is answered implemented or not; a sub-dimension scores the share of its activities implemented, a dimension the mean of its sub-dimensions. ' +
        'Licensed under the GNU General Public License v3.0 (GPL-3.0) by the DSOMM project.',
    ),
    publishedAt: released,
    license: 'GPL-3.0',
    authors: ['OWASP DevSecOps Maturity Model project'],
    sources: [{ id: 'owasp-dsomm-data', title: 'OWASP DSOMM model data (DevSecOps-MaturityModel-data)', url: REPO_URL, note: `Commit ${revision.commit}; licence GPL-3.0 (LICENSE)` }],
    scales: { ist: YES_NO },
    groups,
    aggregation: 'mean',
    dimensions,
    items,
    measures: [],
    vocabulary: 'organisation',
    extensions: {
      dsomm: {
        repository: REPO_URL,
        commit: revision.commit,
        commitDate: revision.date,
        modelVersion: meta.version ?? null,
        released: meta.released ?? null,
        license: 'GPL-3.0',
        converter: 'tools/convert-dsomm.mjs',
        droppedDependencies: dropped,
      },
    },
  }
  return { catalog, dropped }
}

async function main() {
  const { positional, options } = parseArgs(process.argv.slice(2))
  const [root] = positional
  if (!root) throw new Error('Usage: node tools/convert-dsomm.mjs <DevSecOps-MaturityModel-data checkout> [--commit <sha> --date YYYY-MM-DD] [--out <file>]')
  const out = options.out ?? fileURLToPath(new URL('./models/owasp-dsomm.json', import.meta.url))
  const { catalog, dropped } = convertDsomm(root, sourceRevision(root, options))
  await validateAndWrite(catalog, out)
  console.log(`${out}: ${catalog.groups.length} dimensions, ${catalog.dimensions.length} sub-dimensions, ${catalog.items.length} activities, ${catalog.items.reduce((n, i) => n + (i.dependsOn?.length ?? 0), 0)} dependencies`)
  for (const d of dropped) console.log(`  dropped dependency of “${d.name}” (${d.activity}): ${d.dependsOn} does not resolve`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) run(main)
