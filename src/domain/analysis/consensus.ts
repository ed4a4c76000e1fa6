/**
 * Consensus: several respondents of one department answer the same item; this module turns their
 * answers into one value per item (median Ist, spread, median Bedarf/Potenzial/target) and keeps
 * the raw answers for the "why" and for "zu besprechen". Where a workshop recorded an agreed value
 * (the department's assessment with role 'consensus'), that value replaces the median; the
 * consensus assessment is never counted as a respondent.
 */
import { isRespondentAssessment } from '@/domain/model/answers'
import { askedItems, indexCatalog } from '@/domain/model/catalog-index'
import { type Answer, type AnswerValueKey, type Assessment, type Catalog, type CatalogItem, type Department } from '@/domain/model/types'
import { SCORING_MODEL_VERSION } from './method'

/** 'unanswered' = only 'weiß nicht' or no answer at all. */
export type ConsensusState = 'level' | 'na' | 'unanswered'

/** Default spread (max − min Ist) from which an item is flagged "zu besprechen". */
export const DEFAULT_SPREAD_THRESHOLD = 2

/** Who answered: one assessment of the department. */
export interface Respondent {
  assessmentId: string
  /** Name or role; '' = anonymous. */
  respondent: string
}

/** One respondent's raw answer to one item: the statement fields (built on demand by `respondentAnswers`). */
export interface RespondentAnswer extends Respondent, Pick<Answer, AnswerValueKey> {}

/** Consensus of one department on one applicable item. */
export interface ItemConsensus {
  departmentId: string
  itemId: string
  dimensionId: string
  state: ConsensusState
  /**
   * Median of the respondents' Ist levels (x.5 possible), or the level agreed in the workshop;
   * null unless state is 'level'.
   */
  ist: number | null
  /**
   * max − min of the respondents' Ist levels; null when no respondent gave a level. Kept when a
   * workshop agreed on a value (it shows how far apart the respondents were).
   */
  spread: number | null
  /** spread ≥ spreadThreshold and no value agreed in a workshop. */
  toDiscuss: boolean
  /** True when state and ist come from the value agreed in a workshop, not from the respondents. */
  agreed: boolean
  /** The workshop's raw answer to the item (any state), or null if it recorded none. */
  consensusAnswer: Answer | null
  /** Median of the respondents' Ist levels, whatever was agreed; null when none gave a level. */
  respondentIst: number | null
  /**
   * Medians of the non-null values over all respondents' answers (any state); a value the workshop
   * recorded replaces the median. Null if none.
   */
  bedarf: number | null
  potenzial: number | null
  target: number | null
  /** Counts over the respondents' answers (the workshop's answer is not counted). */
  levelCount: number
  naCount: number
  unknownCount: number
  /** The department's respondents (shared by all items of the department). */
  respondents: readonly Respondent[]
  /** Raw answers aligned with `respondents` (null = this respondent did not answer the item). */
  answers: readonly (Answer | null)[]
}

/** An answer to an item id the catalogue does not have; ignored by every calculation. */
export interface OrphanAnswer {
  itemId: string
  assessmentId: string
  departmentId: string
}

export interface ConsensusOptions {
  /** Spread from which an item is flagged "zu besprechen" (default 2). */
  spreadThreshold?: number
}

export interface DepartmentConsensus {
  modelVersion: string
  departmentId: string
  /** Assessments with role 'respondent' only; the workshop's consensus is no respondent. */
  respondents: Respondent[]
  /** Id of the department's consensus (workshop) assessment in this round, or null. */
  consensusAssessmentId: string | null
  /** One entry per applicable item, in catalogue order (answered or not). */
  items: ItemConsensus[]
  orphanAnswers: OrphanAnswer[]
}

/**
 * Median of numbers: the middle value, or the mean of the two middle values for an even count
 * (so x.5 is possible for levels). Null for an empty list. Does not modify its input.
 */
export function median(values: readonly number[]): number | null {
  const n = values.length
  if (n === 0) return null
  const s = [...values].sort((a, b) => a - b)
  const mid = n >> 1
  return n % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}

/** Median of buf[0..len) by insertion sort in place (len is the respondent count, small). */
function medianInPlace(buf: number[], len: number): number | null {
  if (len === 0) return null
  for (let i = 1; i < len; i++) {
    const v = buf[i] as number
    let j = i - 1
    while (j >= 0 && (buf[j] as number) > v) {
      buf[j + 1] = buf[j] as number
      j--
    }
    buf[j + 1] = v
  }
  const mid = len >> 1
  return len % 2 === 1 ? (buf[mid] as number) : ((buf[mid - 1] as number) + (buf[mid] as number)) / 2
}

// Scratch buffers for the medians; only used inside one synchronous call.
const levelBuf: number[] = []
const bedarfBuf: number[] = []
const potenzialBuf: number[] = []
const targetBuf: number[] = []

/**
 * Consensus of raw answers to one item (`answers` aligned with `respondents`; null = no answer).
 * Levels = Ist of answers with state 'level' (a 'level' answer without an Ist counts as
 * 'weiß nicht'). With ≥1 level: state 'level', ist = median, spread = max − min, toDiscuss =
 * spread ≥ threshold. Else with ≥1 'na': state 'na'. Else 'unanswered'. Bedarf, Potenzial and
 * target are medians of the non-null values of all answers, whatever their state. The arrays are
 * kept, not copied.
 */
export function consensusOfAnswers(
  departmentId: string,
  itemId: string,
  dimensionId: string,
  answers: readonly (Answer | null)[],
  respondents: readonly Respondent[],
  options: ConsensusOptions = {},
): ItemConsensus {
  const threshold = options.spreadThreshold ?? DEFAULT_SPREAD_THRESHOLD
  let nLevels = 0
  let nBedarf = 0
  let nPotenzial = 0
  let nTarget = 0
  let naCount = 0
  let unknownCount = 0
  let min = Infinity
  let max = -Infinity
  for (let i = 0; i < answers.length; i++) {
    const a = answers[i]
    if (!a) continue
    if (a.state === 'level' && a.ist !== null) {
      levelBuf[nLevels++] = a.ist
      if (a.ist < min) min = a.ist
      if (a.ist > max) max = a.ist
    } else if (a.state === 'na') naCount++
    else unknownCount++
    if (a.bedarf !== null) bedarfBuf[nBedarf++] = a.bedarf
    if (a.potenzial !== null) potenzialBuf[nPotenzial++] = a.potenzial
    if (a.target !== null) targetBuf[nTarget++] = a.target
  }
  let state: ConsensusState = 'unanswered'
  let ist: number | null = null
  let spread: number | null = null
  if (nLevels > 0) {
    state = 'level'
    ist = medianInPlace(levelBuf, nLevels)
    spread = max - min
  } else if (naCount > 0) state = 'na'
  return {
    departmentId,
    itemId,
    dimensionId,
    state,
    ist,
    spread,
    toDiscuss: spread !== null && spread >= threshold,
    agreed: false,
    consensusAnswer: null,
    respondentIst: ist,
    bedarf: medianInPlace(bedarfBuf, nBedarf),
    potenzial: medianInPlace(potenzialBuf, nPotenzial),
    target: medianInPlace(targetBuf, nTarget),
    levelCount: nLevels,
    naCount,
    unknownCount,
    respondents,
    answers,
  }
}

/**
 * Lays the value agreed in a workshop over the respondents' consensus of one item. An answered
 * consensus answer (a level, or 'na') sets state and ist, marks the item `agreed` and clears
 * `toDiscuss`; 'weiß nicht' or an open Ist leaves the median in place. Bedarf, Potenzial and target
 * recorded by the workshop replace the respondents' medians field by field, whatever the state.
 * Spread, counts and the raw respondents' answers stay as computed. Returns `c` itself when there
 * is no consensus answer, else a new object.
 */
export function applyAgreedAnswer(c: ItemConsensus, agreed: Answer | null | undefined): ItemConsensus {
  if (!agreed) return c
  const out: ItemConsensus = { ...c, consensusAnswer: agreed }
  const level = agreed.state === 'level' && agreed.ist !== null
  if (level || agreed.state === 'na') {
    out.state = level ? 'level' : 'na'
    out.ist = level ? agreed.ist : null
    out.agreed = true
    out.toDiscuss = false
  }
  if (agreed.bedarf !== null) out.bedarf = agreed.bedarf
  if (agreed.potenzial !== null) out.potenzial = agreed.potenzial
  if (agreed.target !== null) out.target = agreed.target
  return out
}

/** The raw answers of an item consensus with the respondents' names (respondents without an answer are left out). */
export function respondentAnswers(c: Pick<ItemConsensus, 'respondents' | 'answers'>): RespondentAnswer[] {
  const out: RespondentAnswer[] = []
  for (let j = 0; j < c.answers.length; j++) {
    const a = c.answers[j]
    const r = c.respondents[j]
    if (!a || !r) continue
    // The respondent, then the fields of `answerValues(a)` in ANSWER_VALUE_KEYS order, written out:
    // a literal is many times faster and smaller than copying the keys in a loop (a test keeps the order).
    out.push({
      assessmentId: r.assessmentId,
      respondent: r.respondent,
      state: a.state,
      ist: a.ist,
      bedarf: a.bedarf,
      potenzial: a.potenzial,
      target: a.target,
      comment: a.comment,
    })
  }
  return out
}

const respondentAnswersCache = new WeakMap<readonly ItemConsensus[], (RespondentAnswer[] | undefined)[]>()

/**
 * `respondentAnswers` of the consensus entries of one department, built on first use per entry and
 * then shared (every reason of the same department × item, and later analyses that reuse the
 * department's consensus list, get the same list): treat the lists as read-only. Returns a lookup
 * by position in `consensus`.
 */
export function sharedRespondentAnswers(consensus: readonly ItemConsensus[]): (i: number) => RespondentAnswer[] {
  let lists = respondentAnswersCache.get(consensus)
  if (!lists) {
    lists = new Array<RespondentAnswer[] | undefined>(consensus.length)
    respondentAnswersCache.set(consensus, lists)
  }
  const cache = lists
  return (i) => (cache[i] ??= respondentAnswers(consensus[i] as ItemConsensus))
}

/**
 * The answers a department's workshop agreed on, keyed by item id, from its assessments with role
 * 'consensus' (at most one per round; should a merge leave several, the most recent change of an
 * item wins, ties: the first assessment).
 */
export function agreedAnswers(consensusAssessments: readonly Assessment[]): Map<string, Answer> {
  const out = new Map<string, Answer>()
  for (const a of consensusAssessments) {
    for (const itemId of Object.keys(a.answers)) {
      const ans = a.answers[itemId]
      if (ans === undefined || ans.state === undefined) continue
      const prev = out.get(itemId)
      if (!prev || ans.updatedAt > prev.updatedAt) out.set(itemId, ans)
    }
  }
  return out
}

/**
 * Consensus of one department over its assessments (assessments of other departments are
 * skipped). Respondents are the assessments with role 'respondent'; the one with role 'consensus'
 * (the workshop) is no respondent: where it answered an item (a level or 'na') its value replaces
 * the median, see `applyAgreedAnswer`. Returns one entry per item that applies to the department
 * (and belongs to a known dimension), in catalogue order. Answers to items the catalogue does not
 * have are reported as orphans; answers to items that do not apply to the department are ignored.
 * The record key of `answers` is the item id.
 */
export function departmentConsensus(
  catalog: Catalog,
  department: Department,
  assessments: readonly Assessment[],
  options: ConsensusOptions = {},
): DepartmentConsensus {
  const idx = indexCatalog(catalog)
  const mine = assessments.filter((a) => a.departmentId === department.id)
  const own = mine.filter(isRespondentAssessment)
  const workshop = mine.filter((a) => !isRespondentAssessment(a))
  const respondents: Respondent[] = own.map((a) => ({ assessmentId: a.id, respondent: a.respondent }))
  const orphanAnswers: OrphanAnswer[] = []
  for (const a of mine) {
    for (const itemId of Object.keys(a.answers)) {
      if (!idx.itemsById.has(itemId)) {
        orphanAnswers.push({ itemId, assessmentId: a.id, departmentId: department.id })
      }
    }
  }
  const agreed = workshop.length > 0 ? agreedAnswers(workshop) : undefined
  const records = own.map((a) => a.answers)
  const r = records.length
  const scored = askedItems(idx, department).items
  const items: ItemConsensus[] = new Array<ItemConsensus>(scored.length)
  for (let i = 0; i < scored.length; i++) {
    const item = scored[i] as CatalogItem
    const raw: (Answer | null)[] = new Array<Answer | null>(r)
    for (let j = 0; j < r; j++) {
      // Plain property read (fast); `state` guards against inherited keys such as "toString".
      const ans = (records[j] as Record<string, Answer | undefined>)[item.id]
      raw[j] = ans !== undefined && ans.state !== undefined ? ans : null
    }
    const c = consensusOfAnswers(department.id, item.id, item.dimensionId, raw, respondents, options)
    items[i] = agreed ? applyAgreedAnswer(c, agreed.get(item.id)) : c
  }
  return {
    modelVersion: SCORING_MODEL_VERSION,
    departmentId: department.id,
    respondents,
    consensusAssessmentId: workshop[0]?.id ?? null,
    items,
    orphanAnswers,
  }
}
