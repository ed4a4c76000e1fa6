/**
 * Workshop mode: the order in which a moderator walks through a department's items and how far the
 * workshop has got. The values it records live in the department's consensus assessment; how they
 * enter the results is decided in consensus.ts (`applyAgreedAnswer`).
 */
import { DEFAULT_SPREAD_THRESHOLD, type ItemConsensus } from './consensus'

/**
 * True when the respondents' Ist levels lie `spreadThreshold` or more apart. Unlike `toDiscuss`
 * this ignores whether the workshop has agreed on a value, so it does not change while the
 * workshop records values.
 */
export function isDisputed(c: Pick<ItemConsensus, 'spread'>, spreadThreshold = DEFAULT_SPREAD_THRESHOLD): boolean {
  return c.spread !== null && c.spread >= spreadThreshold
}

/**
 * The items in workshop order: the disputed ones ("zu besprechen", see `isDisputed`) first, then
 * the rest, each group in the given (catalogue) order. Stable while values are recorded.
 */
export function workshopOrder<T extends Pick<ItemConsensus, 'spread'>>(items: readonly T[], spreadThreshold = DEFAULT_SPREAD_THRESHOLD): T[] {
  const disputed: T[] = []
  const rest: T[] = []
  for (const c of items) (isDisputed(c, spreadThreshold) ? disputed : rest).push(c)
  return [...disputed, ...rest]
}

export interface WorkshopProgress {
  /** Items the workshop has decided (a level or 'nicht zutreffend'). */
  agreed: number
  /** Disputed items (see `isDisputed`), decided or not. */
  disputed: number
  /** Disputed items still without an agreed value. */
  disputedOpen: number
  total: number
}

/** How many of the items the workshop has decided, and how many disputed items are left. */
export function workshopProgress(items: readonly Pick<ItemConsensus, 'spread' | 'agreed'>[], spreadThreshold = DEFAULT_SPREAD_THRESHOLD): WorkshopProgress {
  let agreed = 0
  let disputed = 0
  let disputedOpen = 0
  for (const c of items) {
    if (c.agreed) agreed++
    if (isDisputed(c, spreadThreshold)) {
      disputed++
      if (!c.agreed) disputedOpen++
    }
  }
  return { agreed, disputed, disputedOpen, total: items.length }
}
