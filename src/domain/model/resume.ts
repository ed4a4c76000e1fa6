/**
 * Where a respondent picks the questionnaire up again ("Weitermachen, wo ich aufgehört habe").
 */
import { isAnswered } from './answers'
import type { Answer, CatalogItem } from './types'

/**
 * True when the respondent has dealt with the Ist question: a level, "nicht zutreffend" or
 * "weiß nicht". Unlike progress (`isAnswered`), "weiß nicht" counts here: it is a deliberate answer,
 * and resuming should not send the respondent back to it.
 */
export function isDealtWith(answer: Answer | undefined): boolean {
  return isAnswered(answer) || answer?.state === 'unknown'
}

/**
 * The item to resume at: the first one, in questionnaire order, whose Ist question has not been dealt
 * with (see `isDealtWith`); undefined when every item has been dealt with.
 */
export function resumeItem(items: readonly CatalogItem[], answers: Readonly<Record<string, Answer>>): CatalogItem | undefined {
  return items.find((i) => !isDealtWith(answers[i.id]))
}
