/**
 * How a problem in an exchange file becomes a `BackupError`: a stable code with language-neutral
 * parameters (the UI words it, i18n namespace `exchangeErrors`), value-type codes, short printable
 * values, file paths such as `assessments[3].answers.str-01.ist`, and the collector that stops after
 * `BACKUP_LIMITS.maxErrors` problems with a final `backup.tooManyErrors` marker.
 */
import type { CatalogIssue } from '@/domain/catalog/catalog-schema'
import { BACKUP_LIMITS, type BackupError, type BackupErrorCode, type BackupMessageParams } from './formats'

/**
 * The type of a JSON value as a code for messages: 'null', 'array', or the `typeof` name
 * ('string', 'number', 'boolean', 'object', …).
 */
export function describeType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

/** Short printable form of a rejected value for messages. */
export function show(value: unknown): string {
  const s = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value))
  return s.length > 40 ? s.slice(0, 40) + '…' : s
}

export type PathSeg = string | number

/** `assessments[3].answers.str-01.ist`; keys that are not simple ids are bracket-quoted. */
export function formatPath(path: readonly PathSeg[]): string {
  let out = ''
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`
    else if (/^[A-Za-z0-9_-]+$/.test(seg)) out += out === '' ? seg : `.${seg}`
    else out += `[${JSON.stringify(seg.length > 60 ? seg.slice(0, 60) + '…' : seg)}]`
  }
  return out
}

export class ErrorCollector {
  readonly errors: BackupError[] = []
  full = false

  add(
    code: BackupErrorCode,
    params: BackupMessageParams = {},
    path?: readonly PathSeg[] | string,
    catalogIssue?: CatalogIssue,
    ruleIssue?: BackupError['ruleIssue'],
  ): void {
    if (this.full) return
    if (this.errors.length >= BACKUP_LIMITS.maxErrors) {
      this.full = true
      this.errors.push({ code: 'backup.tooManyErrors', params: { max: BACKUP_LIMITS.maxErrors } })
      return
    }
    const error: BackupError = { code, params }
    if (path !== undefined && path.length > 0) error.path = typeof path === 'string' ? path : formatPath(path)
    if (catalogIssue !== undefined) error.catalogIssue = catalogIssue
    if (ruleIssue !== undefined) error.ruleIssue = { code: ruleIssue.code, params: { ...ruleIssue.params } }
    this.errors.push(error)
  }
}

export function fail(code: BackupErrorCode, params: BackupMessageParams = {}, path?: readonly PathSeg[]): { ok: false; errors: BackupError[] } {
  const c = new ErrorCollector()
  c.add(code, params, path)
  return { ok: false, errors: c.errors }
}
