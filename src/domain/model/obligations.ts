/**
 * Legal obligations of catalogue measures: whose duty they are and since when. One rule for every
 * screen and for the prioritisation: a measure is "Rechtspflicht" only where its obligation is a duty
 * of the organisation assessed, for its type and Bundesland.
 */
import type { Bundesland, LegalObligation, Organisation } from './types'

/** The date a duty applies from: `inForceSince` (catalogues from 2.0.0) or `date` (1.0.0); '' if none. */
export function obligationSince(o: Pick<LegalObligation, 'inForceSince' | 'date'>): string {
  return o.inForceSince ?? o.date ?? ''
}

/** The date a duty must be met by: the deadline if set, else the date it applies from. */
export function obligationDue(o: Pick<LegalObligation, 'inForceSince' | 'date' | 'deadline'>): string {
  return o.deadline ?? obligationSince(o)
}

/** What the duty rule needs to know about the organisation assessed. */
export type DutyContext = Partial<Pick<Organisation, 'bundesland' | 'type'>>

/**
 * True if the obligation binds the administration assessed: its addressee is the Kommune (as
 * authority, Schulträger or Unternehmer) rather than a municipal company, and the organisation's
 * Bundesland is in scope. An obligation without addressee or scope (catalogue 1.0.0) binds.
 * A duty of some Länder only is no duty when the Bundesland is not known (never claim a duty unchecked).
 */
export function isDutyOf(o: Pick<LegalObligation, 'addressee' | 'bundeslaender'>, org: DutyContext = {}): boolean {
  if (o.addressee === 'kommunales_unternehmen') return false
  const scope = o.bundeslaender
  if (scope === undefined || scope === 'all') return true
  if (org.bundesland === undefined) return false
  return (scope as readonly Bundesland[]).includes(org.bundesland)
}
