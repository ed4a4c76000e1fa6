/**
 * Column titles and labels of the CSV exports in the user's language (i18n `csv`), and the language
 * for numbers and dates. `csvLabels` is pure (tested with the German and English messages);
 * screens use `useCsvLabels()`.
 */
import { useI18n } from 'vue-i18n'
import { useTexts } from './useTexts'
import {
  ANSWERS_CSV_COLUMNS,
  MEASURES_CSV_COLUMNS,
  SCORES_CSV_COLUMNS,
  type AnswerStatusKey,
  type AnswersCsvLabels,
  type CsvLanguage,
} from '@/domain/results/csv'
import { csvLanguage, type MeasureRowLabels } from '@/domain/results/export-rows'

const STATUS: readonly AnswerStatusKey[] = ['level', 'na', 'unknown', 'open']

function titles<C extends string>(t: (key: string) => string, group: string, columns: readonly C[]): Record<C, string> {
  return Object.fromEntries(columns.map((c) => [c, t(`csv.${group}.${c}`)])) as Record<C, string>
}

export function csvLabels(t: (key: string, params?: Record<string, unknown>) => string, locale: string) {
  const tr = (key: string) => t(key)
  return {
    language: csvLanguage(locale) satisfies CsvLanguage,
    answers: {
      headers: titles(tr, 'answers', ANSWERS_CSV_COLUMNS),
      status: Object.fromEntries(STATUS.map((s) => [s, t(`csv.status.${s}`)])) as Record<AnswerStatusKey, string>,
      consensus: t('csv.consensus'),
    } satisfies AnswersCsvLabels,
    scores: titles(tr, 'scores', SCORES_CSV_COLUMNS),
    measures: titles(tr, 'measures', MEASURES_CSV_COLUMNS),
    measureRows: {
      classLabel: (c) => t(`rec.class.${c}`),
      reason: (r) => t('csv.reason', { ...r }).trim(),
      obligation: (o) => (o.date ? t('csv.obligation', o) : o.law),
    } satisfies MeasureRowLabels,
    orgRow: t('data.orgRow'),
  }
}

export type CsvLabels = ReturnType<typeof csvLabels>

/** `csvLabels` for the app's current language (read when an export starts). */
export function useCsvLabels(): () => CsvLabels {
  const { t, locale } = useI18n()
  // The column texts are a chunk of their own (loaded with the screen, long before an export).
  useTexts('files')
  return () => csvLabels((key, params) => t(key, params ?? {}), locale.value)
}
