// Converts the OWASP SAMM 2 core model (github.com/owaspsamm/core, YAML under model/) into a
// catalogue of this app in SAMM's own structure and scale (docs/catalog-format.md, "Converting
// OWASP SAMM and DSOMM"):
//   business function → group (mean of its practices)
//   security practice → group (mean of its two streams)
//   stream            → dimension (sum of its three activities: 0–3)
//   activity question → item on SAMM's answer values 0 / 0.25 / 0.5 / 1, stage = maturity level
// so the model score of a practice is the SAMM toolbox's practice score (0–3).
// No network: it reads a local checkout.
// Run: node tools/convert-samm.mjs <path of an owaspsamm/core checkout> [--commit <sha> --date YYYY-MM-DD --tag vX.Y.Z] [--out <file>]
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { bullets, clean, parseArgs, run, shortTitle, slugify, sourceRevision, validateAndWrite } from './convert-common.mjs'

const REPO_URL = 'https://github.com/owaspsamm/core'
/** Most `answerScales` a catalogue may declare (catalog-schema.ts). */
const MAX_ANSWER_SCALES = 50

/** Every YAML document of one model folder, parsed. */
function readFolder(root, folder) {
  const dir = join(root, 'model', folder)
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((file) => ({ file, ...parse(readFileSync(join(dir, file), 'utf8')) }))
}

const byOrder = (a, b) => a.order - b.order
const en = (text) => ({ en: text })

/** The letter of an answer set from its file name (A.yml → A), as the toolbox names them. */
const setLetter = (file) => file.replace(/\.ya?ml$/, '')

/** The values of an answer set, lowest first; throws unless they rise strictly (SAMM: 0, .25, .5, 1). */
function answerValues(set) {
  const values = [...set.values].sort((a, b) => a.order - b.order)
  values.forEach((v, i) => {
    if (i > 0 && !(v.value > values[i - 1].value)) throw new Error(`Answer set ${set.file}: values do not rise`)
  })
  return values
}

export function convertSamm(root, revision) {
  const functions = readFolder(root, 'business_functions').sort(byOrder)
  const practices = readFolder(root, 'security_practices')
  const streams = readFolder(root, 'streams')
  const activities = readFolder(root, 'activities')
  const questions = readFolder(root, 'questions')
  const practiceLevels = new Map(readFolder(root, 'practice_levels').map((p) => [p.id, p]))
  const maturityLevels = new Map(readFolder(root, 'maturity_levels').map((m) => [m.id, m]))
  const answerSets = new Map(readFolder(root, 'answer_sets').map((s) => [s.id, s]))

  // The default answer scale is the answer set most questions use (SAMM's set A).
  const usage = new Map()
  for (const q of questions) usage.set(q.answerSet, (usage.get(q.answerSet) ?? 0) + 1)
  const [defaultSetId] = [...usage.entries()].sort((a, b) => b[1] - a[1] || setLetter(answerSets.get(a[0]).file).localeCompare(setLetter(answerSets.get(b[0]).file)))[0]
  const defaultSet = answerSets.get(defaultSetId)
  const scaleOf = (set) => answerValues(set).map((v) => ({ value: v.value, label: en(clean(v.text)) }))
  const ist = scaleOf(defaultSet)
  const sameValues = (set) => JSON.stringify(answerValues(set).map((v) => v.value)) === JSON.stringify(ist.map((l) => l.value))
  // One answer scale per distinct answer set (same texts = same scale). The catalogue format allows
  // MAX_ANSWER_SCALES; SAMM 2 has more sets than that, but all of them share the values of the
  // default set and differ only in wording, which every item carries as its own level texts. So when
  // the sets do not fit, every item is rated on `scales.ist` with its own set's texts; a set with
  // other values would change scores and stops the conversion.
  const distinct = new Map()
  for (const set of answerSets.values()) {
    if (set.id === defaultSetId || !usage.has(set.id)) continue
    const key = JSON.stringify(scaleOf(set))
    if (key !== JSON.stringify(ist) && !distinct.has(key)) distinct.set(key, set)
  }
  const declareScales = distinct.size <= MAX_ANSWER_SCALES
  if (!declareScales) {
    for (const set of answerSets.values()) {
      if (usage.has(set.id) && !sameValues(set)) throw new Error(`Answer set ${set.file} has other values than ${defaultSet.file}; too many answer sets to declare each`)
    }
  }
  const answerScales = declareScales ? [...distinct.values()].map((set) => ({ id: `samm-${slugify(setLetter(set.file))}`, levels: scaleOf(set) })) : []
  const scaleIdOf = (set) => {
    if (!declareScales) return undefined
    const key = JSON.stringify(scaleOf(set))
    if (key === JSON.stringify(ist)) return undefined
    return `samm-${slugify(setLetter(distinct.get(key).file))}`
  }

  const groups = []
  const dimensions = []
  const items = []
  for (const fn of functions) {
    const fnCode = fn.name.charAt(0).toUpperCase()
    const fnId = slugify(fn.name)
    groups.push({
      id: fnId,
      title: en(fn.name),
      description: en(clean(fn.description)),
      aggregation: 'mean',
      extensions: { samm: { type: 'BusinessFunction', id: fnCode, uuid: fn.id, order: fn.order } },
    })
    for (const practice of practices.filter((p) => p.function === fn.id).sort(byOrder)) {
      const practiceCode = `${fnCode}-${practice.shortName}`
      const practiceId = slugify(practiceCode)
      groups.push({
        id: practiceId,
        title: en(practice.name),
        shortTitle: en(shortTitle(`${practice.shortName} ${practice.name}`)),
        description: en(clean(practice.longDescription) ?? clean(practice.shortDescription)),
        parentId: fnId,
        aggregation: 'mean',
        extensions: { samm: { type: 'SecurityPractice', id: practiceCode, uuid: practice.id, shortDescription: clean(practice.shortDescription), order: practice.order } },
      })
      for (const stream of streams.filter((s) => s.practice === practice.id).sort(byOrder)) {
        const streamCode = `${practiceCode}-${stream.letter}`
        const streamId = slugify(streamCode)
        dimensions.push({
          id: streamId,
          title: en(stream.name),
          shortTitle: en(shortTitle(`${practice.shortName}-${stream.letter} ${stream.name}`)),
          description: en(clean(stream.description) ?? stream.name),
          // "Yes, for most or all …" on every activity: SAMM sets no default target; the top of the
          // scale is the stream's full maturity (3), rounds override it per stream.
          defaultTarget: ist.length - 1,
          parentId: practiceId,
          aggregation: 'sum',
          extensions: { samm: { type: 'Stream', id: streamCode, uuid: stream.id, letter: stream.letter } },
        })
        const streamActivities = activities
          .filter((a) => a.stream === stream.id)
          .map((a) => {
            const practiceLevel = practiceLevels.get(a.level)
            const maturity = practiceLevel && maturityLevels.get(practiceLevel.maturityLevel)
            if (!maturity) throw new Error(`Activity ${a.file}: no maturity level`)
            return { ...a, maturity: maturity.number, objective: clean(practiceLevel.objective) }
          })
          .sort((a, b) => a.maturity - b.maturity)
        for (const activity of streamActivities) {
          const own = questions.filter((q) => q.activity === activity.id).sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
          if (own.length === 0) throw new Error(`Activity ${activity.file}: no question`)
          own.forEach((q, n) => {
            const set = answerSets.get(q.answerSet)
            if (!set) throw new Error(`Question ${q.file}: unknown answer set ${q.answerSet}`)
            const activityCode = `${streamCode}-${activity.maturity}`
            const code = own.length === 1 ? activityCode : `${activityCode}-${n + 1}`
            const scale = scaleIdOf(set)
            items.push({
              id: slugify(code),
              dimensionId: streamId,
              question: en(clean(q.text)),
              help: en(bullets(q.quality) ?? clean(activity.shortDescription) ?? clean(activity.title)),
              ...(scale ? { scale } : {}),
              levels: answerValues(set).map((v) => en(clean(v.text))),
              appliesTo: 'all',
              stage: activity.maturity,
              extensions: {
                samm: {
                  type: 'Question',
                  id: code,
                  uuid: q.id,
                  activity: { id: activityCode, uuid: activity.id, title: clean(activity.title), benefit: clean(activity.benefit), shortDescription: clean(activity.shortDescription) },
                  practiceLevelObjective: activity.objective,
                  answerSet: { id: setLetter(set.file), uuid: set.id, values: answerValues(set).map((v) => v.value), weights: answerValues(set).map((v) => v.weight) },
                },
              },
            })
          })
        }
      }
    }
  }

  const version = (revision.tag ?? '').replace(/^v/, '')
  return {
    format: 'digitalisierungs-check/catalog',
    formatVersion: 1,
    id: 'owasp-samm-2',
    version: /^\d+\.\d+\.\d+$/.test(version) ? version : '2.0.0',
    defaultLanguage: 'en',
    title: en('OWASP SAMM 2 (Software Assurance Maturity Model)'),
    description: en(
      `OWASP SAMM ${version || '2'}: ${functions.length} business functions, ${practices.length} security practices, ${streams.length} streams, ${items.length} assessment questions, converted from ${REPO_URL} at commit ${revision.commit} (${revision.date}) by tools/convert-samm.mjs. ` +
        'Answers carry SAMM’s values (0, 0.25, 0.5, 1); a stream scores the sum of its three answers (0–3), a practice the mean of its two streams, a business function the mean of its practices, the whole model the mean of the functions, as the SAMM toolbox does. ' +
        'Licensed under Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0) by the OWASP SAMM project.',
    ),
    publishedAt: revision.date,
    license: 'CC-BY-SA-4.0',
    authors: ['OWASP SAMM project'],
    sources: [{ id: 'owasp-samm-core', title: 'OWASP SAMM core model (owaspsamm/core)', url: REPO_URL, note: `Commit ${revision.commit}; licence CC BY-SA 4.0 (license.txt)` }],
    scales: { ist },
    ...(answerScales.length > 0 ? { answerScales } : {}),
    groups,
    aggregation: 'mean',
    modelScore: { label: en('SAMM score (0–3)'), decimals: 2 },
    dimensions,
    items,
    measures: [],
    vocabulary: 'organisation',
    extensions: {
      samm: {
        repository: REPO_URL,
        commit: revision.commit,
        commitDate: revision.date,
        tag: revision.tag ?? null,
        license: 'CC-BY-SA-4.0',
        converter: 'tools/convert-samm.mjs',
        defaultAnswerSet: setLetter(defaultSet.file),
        // Every answer set as SAMM defines it (the questions' `answerSet` refers to these letters).
        answerSets: [...answerSets.values()]
          .sort((a, b) => setLetter(a.file).localeCompare(setLetter(b.file)))
          .map((s) => ({ id: setLetter(s.file), uuid: s.id, answers: answerValues(s).map((v) => ({ text: clean(v.text), value: v.value, weight: v.weight })) })),
      },
    },
  }
}

async function main() {
  const { positional, options } = parseArgs(process.argv.slice(2))
  const [root] = positional
  if (!root) throw new Error('Usage: node tools/convert-samm.mjs <owaspsamm/core checkout> [--commit <sha> --date YYYY-MM-DD --tag vX.Y.Z] [--out <file>]')
  const out = options.out ?? fileURLToPath(new URL('./models/owasp-samm-2.json', import.meta.url))
  const catalog = convertSamm(root, sourceRevision(root, options))
  await validateAndWrite(catalog, out)
  const practices = catalog.groups.filter((g) => g.parentId !== undefined).length
  console.log(`${out}: ${catalog.groups.length - practices} business functions, ${practices} practices, ${catalog.dimensions.length} streams, ${catalog.items.length} questions, ${catalog.answerScales?.length ?? 0} extra answer scales`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) run(main)
