/**
 * The OZG-Reifegradmodell 2.0 as data, with what is verified and what is not.
 *
 * Verified (ozg.sachsen-anhalt.de/grundlagen/reifegradmodell, Stand 02-2026): model 2.0 replaced
 * 1.1 in July 2025; levels 0 (service only offline) to 7 (fully end-to-end digital); 13
 * Reifegradkriterien; levels 0–3 describe frontend digitalisation (the online application
 * service), levels 4–6 process orientation, data centricity and digital processing inside the
 * administration; applied "zunächst als Orientierungshilfe"; some criteria, above all level 6,
 * need the Basiskomponenten (DeutschlandID and Organisationskonto incl. Postfächer, NOOTS,
 * Statusmonitor, E-Akte, Zahlungs- und HKR-Systeme).
 *
 * NOT verified: the names of the 13 official criteria, the names of levels 1–6 and what each level
 * requires per criterion (they are in the model's PDF, which could not be retrieved). The criteria
 * below are therefore a provisional WORKING SET (12, deliberately not posing as the official 13),
 * each derived from a sourced statement and flagged `verified: false`. The minimum rule itself is
 * verified for model 1.x (ozg.brandenburg.de, 31.05.2023: the criterion with the lowest level sets
 * the service's level); for 2.0 it is stated by the project's domain review (DOMAIN.md,
 * "Corrections"), not by a page read here.
 */
import { MATURITY_LEVELS, type MaturityLevel } from './types'

/** The three groups of levels the 2.0 model describes (verified, see header). */
export const LEVEL_PHASES = ['frontend', 'process', 'end_to_end'] as const
export type LevelPhase = (typeof LEVEL_PHASES)[number]

/** A criterion of the working set. Labels come from i18n (`inventory.criterion.<id>`). */
export interface MaturityCriterion {
  id: string
  /** May a service rate this criterion 'na' (not required for it, e.g. no fees → no payment)? */
  mayBeNotApplicable: boolean
  /** False for every criterion here: not one of the official 2.0 criteria as published. */
  verified: boolean
  /** Where the criterion comes from (English, for maintainers; not shown to users). */
  basis: string
  sources: readonly string[]
}

export interface MaturityModel {
  /** Stamped on stored ratings (`ServiceRatings.model`); changes whenever the criteria set changes. */
  key: string
  levels: readonly MaturityLevel[]
  /** Phase of each level. */
  phaseOf: Readonly<Record<MaturityLevel, LevelPhase>>
  /** How many criteria the official model has (verified: 13). */
  officialCriteriaCount: number
  /** True while `criteria` is a provisional working set rather than the official list. */
  provisional: boolean
  criteria: readonly MaturityCriterion[]
}

const SACHSEN_ANHALT = 'https://ozg.sachsen-anhalt.de/grundlagen/reifegradmodell'
const REIFEGRAD_CHECK_1X = 'https://leitfaden.ozg-umsetzung.de/pages/worddav/preview.action?fileName=OZG_Reifegrad_Check.xlsx&pageId=4621478'
const FMS_INFOTAG = 'https://www.fms-infotag.de/onlinezugangsgesetz/'
const NACHWEIS_RGM = 'https://it-planungsrat.de/beschluss/beschluss-2024-15'

/** Provisional working set of criteria (see header: none of them is an official 2.0 criterion). */
const CRITERIA: readonly MaturityCriterion[] = [
  { id: 'information', mayBeNotApplicable: false, verified: false, basis: 'RGM 1.x Kriterium 1 "Leistungsbeschreibung" (FIM description, information on the website).', sources: [REIFEGRAD_CHECK_1X] },
  { id: 'application', mayBeNotApplicable: false, verified: false, basis: 'RGM 1.x Kriterium 2 "Antragsprozesse und Kontextintegration"; 2.0: levels 0–3 cover the online application service.', sources: [REIFEGRAD_CHECK_1X, SACHSEN_ANHALT] },
  { id: 'account', mayBeNotApplicable: true, verified: false, basis: 'RGM 1.x Kriterium 3 "Nutzerkonto (falls erforderlich)"; 2.0 Basiskomponente DeutschlandID / Organisationskonto.', sources: [REIFEGRAD_CHECK_1X, SACHSEN_ANHALT] },
  { id: 'authentication', mayBeNotApplicable: true, verified: false, basis: 'RGM 1.x Kriterium 4 "Authentifizierung (falls erforderlich)" at the required Vertrauensniveau.', sources: [REIFEGRAD_CHECK_1X] },
  { id: 'payment', mayBeNotApplicable: true, verified: false, basis: 'RGM 1.x Kriterium 5 "Bezahlprozess (falls erforderlich)"; 2.0 Basiskomponente Zahlungssysteme.', sources: [REIFEGRAD_CHECK_1X, SACHSEN_ANHALT] },
  { id: 'evidence', mayBeNotApplicable: true, verified: false, basis: 'RGM 1.x Kriterium 6 "Nachweise (falls erforderlich)": documents can be attached digitally.', sources: [REIFEGRAD_CHECK_1X] },
  { id: 'notice', mayBeNotApplicable: true, verified: false, basis: 'Bescheid and reply channel into the account mailbox: RGM 1.x level 3 text (digital Bescheide via the Servicekonto); 2.0 Basiskomponente Postfächer.', sources: [SACHSEN_ANHALT] },
  { id: 'status', mayBeNotApplicable: true, verified: false, basis: '2.0 Basiskomponente Statusmonitor (status of the application visible to the applicant).', sources: [SACHSEN_ANHALT] },
  { id: 'onceOnly', mayBeNotApplicable: true, verified: false, basis: 'Once-Only retrieval of Nachweise from registers: RGM 1.x level 4; 2.0 Basiskomponente NOOTS; Nachweis-Reifegradmodell (IT-PLR 2024/15).', sources: [SACHSEN_ANHALT, NACHWEIS_RGM] },
  { id: 'processing', mayBeNotApplicable: false, verified: false, basis: '2.0 levels 4–6: process orientation and digital processing inside the administration; application data handed to the Fachverfahren without re-typing.', sources: [SACHSEN_ANHALT, FMS_INFOTAG] },
  { id: 'records', mayBeNotApplicable: false, verified: false, basis: '2.0 Basiskomponente E-Akte (the case is filed electronically).', sources: [SACHSEN_ANHALT, FMS_INFOTAG] },
  { id: 'accounting', mayBeNotApplicable: true, verified: false, basis: '2.0 Basiskomponente HKR-Systeme (Haushalt, Kasse, Rechnungswesen): fees booked without re-typing.', sources: [SACHSEN_ANHALT] },
]

/** Phase per level, as the 2.0 model groups them (verified). */
const PHASE_OF: Readonly<Record<MaturityLevel, LevelPhase>> = {
  0: 'frontend', 1: 'frontend', 2: 'frontend', 3: 'frontend',
  4: 'process', 5: 'process', 6: 'process',
  7: 'end_to_end',
}

/** The model the inventory rates on: OZG-RGM 2.0 levels with the provisional working criteria. */
export const OZG_RGM_2: MaturityModel = {
  key: 'ozg-rgm-2.0/working-set-1',
  levels: MATURITY_LEVELS,
  phaseOf: PHASE_OF,
  officialCriteriaCount: 13,
  provisional: true,
  criteria: CRITERIA,
}

/**
 * The level from which a service counts as "online" in the inventory figures, unless the caller
 * passes another. DERIVED, not sourced: 3 is the last of the frontend levels (0–3), i.e. the
 * online application service is complete. (Under 1.x the OZG duty counted as met from level 3,
 * and the federal dashboard counted "online" from level 2; no 2.0 threshold was found.)
 */
export const DEFAULT_ONLINE_LEVEL: MaturityLevel = 3
