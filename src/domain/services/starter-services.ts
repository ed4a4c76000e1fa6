/**
 * Starter list of typical municipal services, which the user adjusts (rename, delete, add). Data,
 * versioned. Names are given in German and English; the typical responsible unit and who executes
 * the service are codes (i18n `inventory.unit.<code>`, `inventory.execution.<code>`).
 *
 * What is sourced and what is not:
 * - `sources` name public pages that show the service offered by a Stadt, Gemeinde or Kreis: examples
 *   for `unit` and `execution`, not a survey (README.md says per entry what they support). An entry
 *   with no sources rests on common knowledge of municipal practice and is NOT verified.
 * - No LeiKa key is given: none could be verified from a citable source (a single third-party code
 *   sample is not enough), so `leikaKey` stays empty and the user enters it.
 */
import type { LocalizedText } from '@/domain/model/types'
import type { MunicipalService } from './types'
import { OZG_RGM_2 } from './maturity-model'

export const STARTER_LIST_VERSION = '1.0.0'

/** Typical responsible units (KGSt-style Ämter); the user maps them to own departments. */
export const RESPONSIBLE_UNITS = [
  'buergerbuero',
  'standesamt',
  'ordnungsamt',
  'steueramt',
  'bauaufsicht',
  'tiefbauamt',
  'gruenflaechenamt',
  'abfallwirtschaft',
  'abwasserbetrieb',
  'jugendamt',
  'schulverwaltung',
  'sozialamt',
  'wahlamt',
  'friedhofsverwaltung',
  'zulassungsstelle',
] as const
export type ResponsibleUnit = (typeof RESPONSIBLE_UNITS)[number]

/**
 * - `kommune`: typically executed by the Gemeinde / Stadt itself.
 * - `varies`: Gemeinde, Kreis or another body depending on the Land, the size of the town or
 *   delegation (e.g. Bauaufsicht, Jugendamt, Wohngeldstelle, Abfallwirtschaft).
 * - `intake`: the Kommune takes the application; another authority decides and issues.
 */
export const EXECUTIONS = ['kommune', 'varies', 'intake'] as const
export type Execution = (typeof EXECUTIONS)[number]

export interface StarterService {
  /** Stable slug; stored on services created from it (`starterId`). */
  id: string
  name: Required<LocalizedText>
  unit: ResponsibleUnit
  execution: Execution
  /** Named in the feature text (issue 12) as a service the towns work on. */
  fromFeature: boolean
  /** Pages supporting `execution` / `unit`; empty = not verified (common knowledge). */
  sources: readonly string[]
}

export const STARTER_SERVICES: readonly StarterService[] = [
  // Named in the feature text.
  {
    id: 'sperrmuell',
    name: { de: 'Sperrmüllanmeldung (Sperrmüllkarte)', en: 'Bulky waste collection request' },
    unit: 'abfallwirtschaft',
    execution: 'varies',
    fromFeature: true,
    sources: ['https://www.hallewestfalen.de/buergerservice/dienstleistungen/sperrmuellabfuhr-900000098-0.html', 'https://www.schwaebische.de/landkreis/landkreis-biberach/biberach_artikel,-die-sperrm%C3%BCllkarte-ist-geschichte-_arid,10974538.html'],
  },
  {
    id: 'gartenwasserzaehler',
    name: { de: 'Gartenwasserzähler anmelden', en: 'Register a garden water meter' },
    unit: 'abwasserbetrieb',
    execution: 'kommune',
    fromFeature: true,
    sources: ['https://www.wvn.de/index.php/kundenbereich/gartenwasserzaehler', 'https://www.erkrath.de/index.php?ModID=7&FID=2871.21147.1&object=tx%7C2871.21147.1'],
  },
  {
    id: 'hundesteuer-anmeldung',
    name: { de: 'Hundesteuer: Hund anmelden', en: 'Dog tax: register a dog' },
    unit: 'steueramt',
    execution: 'kommune',
    fromFeature: true,
    sources: ['https://isselburg.de/Schnellnavigation/Adressen/index.php?object=tx%7C2464.2&ModID=10&FID=2464.567.1', 'https://www.xanten.de/rathaus-buergerservice/digitales-services/services-von-a-z/hundesteuer'],
  },
  {
    id: 'bewohnerparkausweis',
    name: { de: 'Bewohnerparkausweis beantragen', en: 'Residents’ parking permit' },
    unit: 'buergerbuero',
    execution: 'kommune',
    fromFeature: true,
    sources: ['https://www.melsungen.de/service/bewohnerparkausweise/', 'https://www.trier.de/umwelt-verkehr/parken/bewohnerparken/bewohnerausweis-beantragen/'],
  },
  {
    id: 'meldebescheinigung',
    name: { de: 'Meldebescheinigung beantragen', en: 'Certificate of registration' },
    unit: 'buergerbuero',
    execution: 'kommune',
    fromFeature: true,
    sources: ['https://www.tuttlingen.de/de/Leben-in-Tuttlingen/Service/Buergerservice-A-Z/Buergerservice?view=publish&item=service&id=1076'],
  },
  {
    id: 'gewerbeanmeldung',
    name: { de: 'Gewerbeanmeldung', en: 'Business registration' },
    unit: 'ordnungsamt',
    execution: 'kommune',
    fromFeature: true,
    sources: ['https://www.heidelberg.de/,Lde/HD/Rathaus/gewerbe+haeufige+fragen+und+antworten.html', 'https://www.yumpu.com/de/document/view/23384200/ich-melde-ein-gewerbe-an-samtgemeinde-barnstorf'],
  },
  {
    id: 'fundsachen',
    name: { de: 'Fundsachen (Fundbüro)', en: 'Lost and found' },
    unit: 'buergerbuero',
    execution: 'kommune',
    fromFeature: true,
    sources: [],
  },
  {
    id: 'kita-anmeldung',
    name: { de: 'Kita-Platz anmelden (Vormerkung)', en: 'Register for a day-care place' },
    unit: 'jugendamt',
    execution: 'varies',
    fromFeature: true,
    sources: ['https://www.wesseling.de/rathaus-politik/presse/2021/174.php', 'http://www.rp-online.de/region-duesseldorf/duesseldorf/nachrichten/ab-sofort-online-zum-kindergartenplatz-1.2209477'],
  },
  // Named in the feature text as already online in Werne.
  {
    id: 'online-terminvergabe',
    name: { de: 'Online-Terminvergabe (Bürgerbüro)', en: 'Online appointment booking (citizens’ office)' },
    unit: 'buergerbuero',
    execution: 'kommune',
    fromFeature: true,
    sources: [],
  },
  {
    id: 'maengelmelder',
    name: { de: 'Mängelmelder (Schäden im Stadtgebiet melden)', en: 'Report a defect in public space' },
    unit: 'tiefbauamt',
    execution: 'kommune',
    fromFeature: true,
    sources: ['https://kommune21.de/k21-meldungen/ausgereiftes-angebot'],
  },
  {
    id: 'abfallkalender',
    name: { de: 'Abfallkalender', en: 'Waste collection calendar' },
    unit: 'abfallwirtschaft',
    execution: 'varies',
    fromFeature: true,
    sources: ['https://lennestadt.abfuhrtermine.info/sortings/view/33'],
  },
  // Other common municipal services.
  {
    id: 'wohnsitzanmeldung',
    name: { de: 'Wohnsitz anmelden (Umzug)', en: 'Register a change of address' },
    unit: 'buergerbuero',
    execution: 'kommune',
    fromFeature: false,
    sources: [],
  },
  {
    id: 'personalausweis',
    name: { de: 'Personalausweis beantragen', en: 'Apply for an identity card' },
    unit: 'buergerbuero',
    execution: 'kommune',
    fromFeature: false,
    sources: [],
  },
  {
    id: 'reisepass',
    name: { de: 'Reisepass beantragen', en: 'Apply for a passport' },
    unit: 'buergerbuero',
    execution: 'kommune',
    fromFeature: false,
    sources: [],
  },
  {
    id: 'fuehrungszeugnis',
    name: { de: 'Führungszeugnis beantragen', en: 'Certificate of good conduct' },
    unit: 'buergerbuero',
    execution: 'intake',
    fromFeature: false,
    sources: ['https://leopoldshoehe.de/rathaus/buergerservice/buergerbuero/fuehrungszeugnis', 'https://www.landkreis-karlsruhe.de/index.php?ModID=7&FID=1863.20716.1&object=tx%7C1863.20716.1'],
  },
  {
    id: 'melderegisterauskunft',
    name: { de: 'Einfache Melderegisterauskunft', en: 'Simple information from the population register' },
    unit: 'buergerbuero',
    execution: 'kommune',
    fromFeature: false,
    sources: [],
  },
  {
    id: 'briefwahl',
    name: { de: 'Briefwahl beantragen (Wahlschein)', en: 'Apply for a postal vote' },
    unit: 'wahlamt',
    execution: 'kommune',
    fromFeature: false,
    sources: [],
  },
  {
    id: 'personenstandsurkunde',
    name: { de: 'Personenstandsurkunde beantragen (Geburts-, Ehe-, Sterbeurkunde)', en: 'Civil status certificate (birth, marriage, death)' },
    unit: 'standesamt',
    execution: 'kommune',
    fromFeature: false,
    sources: [],
  },
  {
    id: 'eheschliessung',
    name: { de: 'Eheschließung anmelden', en: 'Give notice of marriage' },
    unit: 'standesamt',
    execution: 'kommune',
    fromFeature: false,
    sources: [],
  },
  {
    id: 'hundesteuer-abmeldung',
    name: { de: 'Hundesteuer: Hund abmelden', en: 'Dog tax: deregister a dog' },
    unit: 'steueramt',
    execution: 'kommune',
    fromFeature: false,
    sources: ['https://www.waltrop.de/Inhalte/Buergerinfo/Leistungen_von_A_bis_Z.asp?seite=angebot&id=19612'],
  },
  {
    id: 'gewerbeabmeldung',
    name: { de: 'Gewerbeabmeldung / Gewerbeummeldung', en: 'Business deregistration or change' },
    unit: 'ordnungsamt',
    execution: 'kommune',
    fromFeature: false,
    sources: ['https://www.heidelberg.de/,Lde/HD/Rathaus/gewerbe+haeufige+fragen+und+antworten.html'],
  },
  {
    id: 'sondernutzungserlaubnis',
    name: { de: 'Sondernutzungserlaubnis (öffentliche Verkehrsfläche)', en: 'Special use permit for public roads' },
    unit: 'tiefbauamt',
    execution: 'kommune',
    fromFeature: false,
    sources: [],
  },
  {
    id: 'veranstaltung',
    name: { de: 'Veranstaltung anzeigen', en: 'Notify an event' },
    unit: 'ordnungsamt',
    execution: 'kommune',
    fromFeature: false,
    sources: [],
  },
  {
    id: 'baumfaellung',
    name: { de: 'Baumfällgenehmigung (Baumschutzsatzung)', en: 'Tree felling permit' },
    unit: 'gruenflaechenamt',
    execution: 'kommune',
    fromFeature: false,
    sources: [],
  },
  {
    id: 'grabstelle',
    name: { de: 'Grabstelle / Bestattung (Friedhofsverwaltung)', en: 'Grave and burial (cemetery administration)' },
    unit: 'friedhofsverwaltung',
    execution: 'kommune',
    fromFeature: false,
    sources: [],
  },
  {
    id: 'baugenehmigung',
    name: { de: 'Bauantrag / Baugenehmigung', en: 'Building permit' },
    unit: 'bauaufsicht',
    execution: 'varies',
    fromFeature: false,
    sources: ['https://www.lkwf.de/index.php?ModID=7&FID=3282.414.1&object=tx%7C3282.414.1', 'https://www.baurecht-ratgeber.de/oeffentliches-baurecht/wer-ist-fuer-die-erteilung-einer-baugenehmigung-zustaendig'],
  },
  {
    id: 'wohngeld',
    name: { de: 'Wohngeld beantragen', en: 'Apply for housing benefit' },
    unit: 'sozialamt',
    execution: 'varies',
    fromFeature: false,
    sources: ['https://kreis-dueren.de/kreishaus/amt/Amt65/Wohngeld.php', 'https://crailsheim.komm.one/-/behoerdenwegweiser/wohngeldbehoerde/oe6052845'],
  },
  {
    id: 'schulanmeldung',
    name: { de: 'Anmeldung an der Grundschule', en: 'Primary school enrolment' },
    unit: 'schulverwaltung',
    execution: 'varies',
    fromFeature: false,
    sources: [],
  },
  {
    id: 'kfz-zulassung',
    name: { de: 'Fahrzeug zulassen', en: 'Vehicle registration' },
    unit: 'zulassungsstelle',
    execution: 'varies',
    fromFeature: false,
    sources: [],
  },
]

/**
 * A new inventory entry from a starter entry: the name in the wanted language (German unless
 * 'en'), no channels, no form, not rated. The caller supplies the id and maps the unit to a
 * department if it wants to.
 */
export function serviceFromStarter(entry: StarterService, options: { id: string; locale?: string; departmentId?: string; modelKey?: string }): MunicipalService {
  const service: MunicipalService = {
    id: options.id,
    name: options.locale === 'en' ? entry.name.en : entry.name.de,
    channels: [],
    onlinePayment: false,
    formType: 'none',
    maturity: { model: options.modelKey ?? OZG_RGM_2.key, ratings: {} },
    starterId: entry.id,
  }
  if (options.departmentId !== undefined) service.departmentId = options.departmentId
  return service
}

