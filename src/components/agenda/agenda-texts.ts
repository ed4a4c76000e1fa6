/**
 * Words for the agenda screens: an entry's title (own title, else the catalogue measure's), the
 * texts of validation issues and of refused commands (codes from src/domain/agenda and the
 * repository, rendered from the i18n namespace `agenda`), department names, budgets, and the words
 * and file name of the agenda's office table.
 */
import { useI18n } from 'vue-i18n'
import type { AgendaWriteError } from '@/commands/agenda'
import type { AgendaExportWords } from '@/domain/agenda/export'
import type { Agenda, AgendaEntry, AgendaIssue } from '@/domain/agenda/types'
import type { Department } from '@/domain/model/types'

const STATUS_PARAMS = ['from', 'to', 'status'] as const
const isStatus = (s: string) => s === 'planned' || s === 'in_progress' || s === 'done' || s === 'deferred'

export function useAgendaTexts() {
  const { t, locale } = useI18n()
  const issueText = (issue: Pick<AgendaIssue, 'code' | 'params'>): string => t(`agenda.issue.${issue.code.replace(/^agenda\./, '')}`, issue.params)
  /** A refused command as lines of text: a headline, then one line per broken rule. */
  const errorTexts = (error: AgendaWriteError): string[] => {
    const params: Record<string, string> = { ...error.params }
    for (const k of STATUS_PARAMS) {
      const v = params[k]
      if (v !== undefined && isStatus(v)) params[k] = t(`agenda.status.${v}`)
    }
    const head = t(`agenda.error.${error.code.replace(/^agenda\./, '')}`, params)
    return error.code === 'agenda.invalid' ? [head, ...(error.issues ?? []).map(issueText)] : [head]
  }
  const entryTitle = (entry: Pick<AgendaEntry, 'title' | 'measureId'>, measureTitle: (id: string) => string): string =>
    entry.title.trim() !== '' ? entry.title : entry.measureId ? measureTitle(entry.measureId) : ''
  const departmentName = (departments: readonly Department[], id: string | null): string => {
    const d = id ? departments.find((x) => x.id === id) : undefined
    return d ? `${d.code} · ${d.name}` : '–'
  }
  const euros = (value: number | null): string =>
    value === null ? t('agenda.noBudget') : new Intl.NumberFormat(locale.value, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(value)
  const period = (entry: Pick<AgendaEntry, 'start' | 'end'>): string => (entry.start === null && entry.end === null ? '–' : `${entry.start ?? '…'} – ${entry.end ?? '…'}`)
  /** The words of agendaExportTable, the same on the agenda and its Sachstandsbericht. */
  const exportWords = (title: (e: AgendaEntry) => string, departments: readonly Department[]): AgendaExportWords => ({
    sheet: t('agenda.export.sheet'),
    headers: [t('agenda.field.title'), t('agenda.field.kind'), t('agenda.field.handlungsfeld'), t('agenda.field.owner'), t('agenda.field.start'), t('agenda.field.end'), t('agenda.field.budget'), t('agenda.field.status'), t('agenda.late'), t('agenda.field.note')],
    title,
    kind: (e) => t(`agenda.kind.${e.kind}`),
    status: (e) => t(`agenda.status.${e.status}`),
    owner: (e) => (e.ownerDepartmentId ? departmentName(departments, e.ownerDepartmentId) : ''),
    late: t('agenda.late'),
  })
  const exportFileName = (agenda: Pick<Agenda, 'version'>): string => `${t('agenda.export.file')}-${agenda.version}`
  return { issueText, errorTexts, entryTitle, departmentName, euros, period, exportWords, exportFileName }
}
