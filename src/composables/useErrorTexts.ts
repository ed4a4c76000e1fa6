/**
 * Words for the problems the domain reports as codes: exchange-file errors and warnings
 * (i18n `exchangeErrors`), catalogue issues with their place in the catalogue (`catalogErrors`), and
 * a catalogue that could not be loaded. The pure `errorTexts` takes the i18n functions, so it is
 * tested without a component; screens use `useErrorTexts()`.
 */
import { useI18n } from 'vue-i18n'
import { useTexts } from './useTexts'
import type { CatalogIssue, CatalogLocation } from '@/domain/catalog/catalog-schema'
import type { BackupError, BackupMessageParams, BackupWarning } from '@/domain/exchange/formats'
import { CatalogLoadError } from '@/stores/catalogs'

/** The parts of vue-i18n's composer the texts need. */
export interface Wording {
  t: (key: string, params: Record<string, unknown>) => string
  te: (key: string) => boolean
  n: (value: number, options: Intl.NumberFormatOptions) => string
}

/** Issues of a catalogue that could not be loaded, at most this many named in one line. */
const LOAD_ISSUES_SHOWN = 5

export function errorTexts(w: Wording) {
  const tr = (key: string, params: Record<string, unknown> = {}) => w.t(key, params)
  const typeName = (code: unknown): string => {
    const key = `exchangeErrors.type.${String(code)}`
    return w.te(key) ? tr(key) : String(code)
  }
  const list = (value: BackupMessageParams[string] | undefined): string => (Array.isArray(value) ? value.join(', ') : String(value ?? ''))
  const mb = (value: unknown) => w.n(Number(value), { minimumFractionDigits: 1, maximumFractionDigits: 1 })

  /** The place of a catalogue issue in words, e.g. "Frage str-01, Stufe 3, deutscher Text". */
  function catalogLocation(loc: CatalogLocation): string {
    const parts: string[] = []
    if (loc.entity === 'scale') parts.push(tr('catalogErrors.where.scale', { id: loc.id ?? '' }))
    else if (loc.entity !== 'catalog') {
      parts.push(loc.id !== undefined ? tr(`catalogErrors.where.${loc.entity}`, { id: loc.id }) : tr(`catalogErrors.where.${loc.entity}At`, { n: loc.position ?? '' }))
    }
    if (loc.entry !== undefined) parts.push(tr('catalogErrors.where.entry', { n: loc.entry }))
    if (loc.level !== undefined) parts.push(tr('catalogErrors.where.level', { level: loc.level }))
    if (loc.field) parts.push(tr('catalogErrors.where.field', { field: loc.field }))
    if (loc.language) parts.push(tr(`catalogErrors.where.language.${loc.language}`))
    if (parts.length === 0) return tr('catalogErrors.where.file')
    const text = parts.join(', ')
    return text.charAt(0).toUpperCase() + text.slice(1)
  }

  /** What is wrong, without the place. */
  function catalogIssueMessage(issue: CatalogIssue): string {
    const p: Record<string, unknown> = { ...issue.params }
    if (issue.code === 'invalidType') p.expected = typeName(p.expected)
    if (issue.code === 'invalidValue') p.allowed = list(issue.params.allowed)
    if (issue.code === 'unknownFields') p.keys = list(issue.params.keys)
    return tr(`catalogErrors.issue.${issue.code}`, p)
  }

  /** "<place>: <problem>"; a missing catalogue has no place. */
  function catalogIssue(issue: CatalogIssue): string {
    if (issue.code === 'notAvailable') return catalogIssueMessage(issue)
    return `${catalogLocation(issue.location)}: ${catalogIssueMessage(issue)}`
  }

  function backupError(e: BackupError): string {
    const p: Record<string, unknown> = { ...e.params }
    let key: string = e.code.slice('backup.'.length)
    switch (e.code) {
      case 'backup.invalidJson':
        if (e.params.line !== undefined) key = 'invalidJsonAt'
        break
      case 'backup.tooLarge':
        p.sizeMb = mb(e.params.sizeMb)
        p.maxMb = mb(e.params.maxMb)
        break
      case 'backup.notAnObject':
        p.actual = typeName(e.params.actual)
        break
      case 'backup.invalidType':
        p.expected = typeName(e.params.expected)
        p.actual = typeName(e.params.actual)
        break
      case 'backup.inconsistentReference':
        p.reason = tr(`exchangeErrors.reason.${String(e.params.reason)}`)
        break
      case 'backup.invalidCatalog':
        p.detail = e.catalogIssue ? catalogIssue(e.catalogIssue) : ''
        break
    }
    for (const [k, v] of Object.entries(p)) if (Array.isArray(v)) p[k] = v.join(', ')
    return tr(`exchangeErrors.${key}`, p)
  }

  function backupWarning(warning: BackupWarning): string {
    const examples = warning.params.examples
    const quoted = (Array.isArray(examples) ? examples : [String(examples ?? '')]).map((text: string) => tr('exchangeErrors.quoted', { text }))
    return tr(`exchangeErrors.${warning.code.slice('backup.'.length)}`, { ...warning.params, examples: quoted.join(', ') })
  }

  /** A catalogue that could not be loaded (or any other load error: its technical message). */
  function catalogLoadError(error: unknown): string {
    if (!(error instanceof CatalogLoadError)) return error instanceof Error ? error.message : String(error)
    const shown = error.issues.slice(0, LOAD_ISSUES_SHOWN).map(catalogIssue)
    if (error.issues.length > LOAD_ISSUES_SHOWN) shown.push('…')
    return tr('catalogErrors.loadFailed', { id: error.ref.catalogId, version: error.ref.catalogVersion, details: shown.join('; ') })
  }

  return { backupError, backupWarning, catalogIssue, catalogLocation, catalogLoadError }
}

export type ErrorTexts = ReturnType<typeof errorTexts>

/** `errorTexts` bound to the app's i18n (follows a change of language). */
export function useErrorTexts(): ErrorTexts {
  const { t, te, n } = useI18n()
  // The texts are a chunk of their own; messages are reactive, so a shown error re-renders once loaded.
  useTexts('files')
  return errorTexts({ t: (key, params) => t(key, params), te: (key) => te(key), n: (value, options) => n(value, options) })
}
