/**
 * Moving an answered round to another catalogue version (issue 13): a mapping says for every item
 * of the old version which item of the new one carries its answers (or none: the answers go); the
 * preview says what moves, what changes scale or dimension and what is lost before anything is
 * written; `migrateAnswers` and `migrateTargets` compute the new records. Pure: codes and numbers.
 *
 * Rules:
 * - default mapping: the new version's declared `predecessors` entry for the old version, else
 *   the same item id where the new version has it, else none;
 * - an answer moves to its mapped item; Ist and target are moved to the new item's scale in
 *   proportion when the number of levels differs (`mapLevel`), Bedarf, Potenzial and comment stay;
 * - two old items mapped to one new item: the answer changed last wins (ties: the first in the
 *   old catalogue's order); the other counts as lost;
 * - round targets move with their dimension id when the new version has it (moved in proportion
 *   to a changed default scale), else they go.
 */
import { mapLevel, itemScale, levelCount } from '@/domain/model/scale'
import type { Answer, Assessment, Catalog, Level, Round } from '@/domain/model/types'

/** Old item id → new item id, or null (its answers are not carried over). */
export type ItemMapping = Record<string, string | null>

/** The mapping proposed for moving from `from` to `to` (see the module rules). */
export function defaultMapping(from: Pick<Catalog, 'version' | 'items'>, to: Pick<Catalog, 'items' | 'predecessors'>): ItemMapping {
  const declared = to.predecessors?.find((p) => p.catalogVersion === from.version)?.items
  const target = new Set(to.items.map((i) => i.id))
  const mapping: ItemMapping = {}
  for (const item of from.items) {
    const mapped = declared && Object.prototype.hasOwnProperty.call(declared, item.id) ? declared[item.id] : target.has(item.id) ? item.id : null
    mapping[item.id] = mapped !== undefined && mapped !== null && target.has(mapped) ? mapped : null
  }
  return mapping
}

export interface MigrationItem {
  from: string
  to: string | null
  /** Answers (over all questionnaires of the round) on this old item. */
  answers: number
  /** The new item sits in another dimension (by id). */
  dimensionChanged: boolean
  /** The new item's scale has another number of levels: Ist and target are moved in proportion. */
  rescaled: boolean
  /** Answers that lose against another old item mapped to the same new item. */
  overwritten: number
}

export interface MigrationPreview {
  items: MigrationItem[]
  /** Items of the new version no old item maps to: they start unanswered. */
  newItems: string[]
  counts: {
    questionnaires: number
    /** Answers carried over (under the same or another id). */
    kept: number
    /** Of those, under another item id. */
    renamed: number
    /** Of those, moved to another scale. */
    rescaled: number
    /** Of those, now in another dimension. */
    movedDimension: number
    /** Answers that are not carried over (item dropped or overwritten). */
    lost: number
    /** Round targets that are dropped because their dimension is gone. */
    targetsLost: number
  }
}

function answerCount(assessments: readonly Pick<Assessment, 'answers'>[], itemId: string): number {
  let n = 0
  for (const a of assessments) if (Object.prototype.hasOwnProperty.call(a.answers, itemId)) n++
  return n
}

/** What moving the round's questionnaires from `from` to `to` with `mapping` would do. */
export function previewMigration(
  from: Catalog,
  to: Catalog,
  mapping: ItemMapping,
  round: Pick<Round, 'dimensionTargets'>,
  assessments: readonly Assessment[],
): MigrationPreview {
  const toItems = new Map(to.items.map((i) => [i.id, i]))
  const items: MigrationItem[] = from.items.map((item) => {
    const target = mapping[item.id] ?? null
    const next = target === null ? undefined : toItems.get(target)
    return {
      from: item.id,
      to: next ? next.id : null,
      answers: answerCount(assessments, item.id),
      dimensionChanged: next !== undefined && next.dimensionId !== item.dimensionId,
      rescaled: next !== undefined && levelCount(itemScale(from, item)) !== levelCount(itemScale(to, next)),
      overwritten: 0,
    }
  })
  // Overwritten answers: per questionnaire, per new item, all but the winner.
  for (const a of assessments) {
    for (const loser of losers(a, from, mapping)) {
      const entry = items.find((i) => i.from === loser)
      if (entry) entry.overwritten++
    }
  }
  const mappedTargets = new Set(items.filter((i) => i.to !== null).map((i) => i.to as string))
  const counts = { questionnaires: assessments.length, kept: 0, renamed: 0, rescaled: 0, movedDimension: 0, lost: 0, targetsLost: 0 }
  for (const i of items) {
    const carried = i.to === null ? 0 : i.answers - i.overwritten
    counts.kept += carried
    counts.lost += i.answers - carried
    if (i.to !== null && i.to !== i.from) counts.renamed += carried
    if (i.rescaled) counts.rescaled += carried
    if (i.dimensionChanged) counts.movedDimension += carried
  }
  const dims = new Set(to.dimensions.map((d) => d.id))
  counts.targetsLost = Object.keys(round.dimensionTargets).filter((d) => !dims.has(d)).length
  return { items, newItems: to.items.filter((i) => !mappedTargets.has(i.id)).map((i) => i.id), counts }
}

/** The old item ids of one questionnaire whose answers lose against another mapped to the same new item. */
function losers(a: Pick<Assessment, 'answers'>, from: Catalog, mapping: ItemMapping): string[] {
  const winner = new Map<string, { itemId: string; at: string }>()
  const out: string[] = []
  for (const item of from.items) {
    const answer = Object.prototype.hasOwnProperty.call(a.answers, item.id) ? a.answers[item.id] : undefined
    const target = mapping[item.id] ?? null
    if (!answer || target === null) continue
    const current = winner.get(target)
    if (!current) winner.set(target, { itemId: item.id, at: answer.updatedAt })
    else if (answer.updatedAt > current.at) {
      out.push(current.itemId)
      winner.set(target, { itemId: item.id, at: answer.updatedAt })
    } else out.push(item.id)
  }
  return out
}

/**
 * The answers of one questionnaire after the move: keyed by their new item ids, Ist and target on
 * the new item's scale; `stamp` marks every carried answer as changed (a new revision by this
 * device), so the move is visible in its history and wins a later merge with an old copy.
 * Answers to items the old catalogue does not know are kept as they are (nothing is dropped that
 * the mapping does not speak about).
 */
export function migrateAnswers(
  answers: Readonly<Record<string, Answer>>,
  from: Catalog,
  to: Catalog,
  mapping: ItemMapping,
  stamp: { at: string; by: string; deviceId: string },
): Record<string, Answer> {
  const out: Record<string, Answer> = {}
  const known = new Set(from.items.map((i) => i.id))
  for (const [key, answer] of Object.entries(answers)) if (!known.has(key)) out[key] = answer
  const lost = new Set(losers({ answers }, from, mapping))
  const toItems = new Map(to.items.map((i) => [i.id, i]))
  for (const item of from.items) {
    const answer = Object.prototype.hasOwnProperty.call(answers, item.id) ? answers[item.id] : undefined
    const target = mapping[item.id] ?? null
    const next = target === null ? undefined : toItems.get(target)
    if (!answer || !next || lost.has(item.id)) continue
    const fromLevels = levelCount(itemScale(from, item))
    const toLevels = levelCount(itemScale(to, next))
    const move = (x: Level | null): Level | null => (x === null ? null : mapLevel(x, fromLevels, toLevels))
    const unchanged = next.id === item.id && fromLevels === toLevels
    out[next.id] = unchanged
      ? answer
      : {
          ...answer,
          itemId: next.id,
          ist: move(answer.ist),
          target: move(answer.target),
          updatedAt: stamp.at,
          updatedBy: stamp.by,
          deviceId: stamp.deviceId,
          rev: answer.rev + 1,
          vv: { ...answer.vv, [stamp.deviceId]: (answer.vv[stamp.deviceId] ?? 0) + 1 },
        }
  }
  return out
}

/** The round's dimension targets on the new version: kept by dimension id, moved to a changed default scale. */
export function migrateTargets(targets: Readonly<Record<string, Level>>, from: Catalog, to: Catalog): Record<string, Level> {
  const dims = new Set(to.dimensions.map((d) => d.id))
  const fromLevels = levelCount(from.scales.ist)
  const toLevels = levelCount(to.scales.ist)
  const out: Record<string, Level> = {}
  for (const [dim, level] of Object.entries(targets)) if (dims.has(dim)) out[dim] = mapLevel(level, fromLevels, toLevels)
  return out
}
