/**
 * The questionnaire's data: the assessment (live, also across tabs), its round and its department.
 *
 * - The assessment is read once per change. Round and department have their own live query keyed by
 *   the assessment's round and department ids, so an answer write does not read them again.
 * - Structural sharing (`shareUnchangedAnswers`): after a re-read, every answer equal to the one shown
 *   before keeps that object, so Vue (which compares props by identity) renders again only the card
 *   whose answer changed.
 */
import { computed, type ComputedRef } from 'vue'
import { shareUnchangedAnswers } from '@/domain/model/answers'
import type { Answer, Assessment, Department, Round } from '@/domain/model/types'
import { useLiveQuery } from '@/platform/useLiveQuery'
import { getAssessment, getDepartment, getRound } from './queries'

const EMPTY: Readonly<Record<string, Answer>> = Object.freeze({})

export function useQuestionnaireData(assessmentId: () => string) {
  const assessment = useLiveQuery(() => getAssessment(assessmentId()), assessmentId)
  const contextKey = computed(() => {
    const a = assessment.data.value
    return a ? `${a.roundId}\u0000${a.departmentId}` : ''
  })
  const context = useLiveQuery(async (): Promise<{ round: Round; department: Department } | null> => {
    const [roundId, departmentId] = contextKey.value.split('\u0000')
    if (!roundId || !departmentId) return null
    const [round, department] = await Promise.all([getRound(roundId), getDepartment(departmentId)])
    return round && department ? { round, department } : null
  }, () => contextKey.value)
  /** True until the assessment and (when it exists) its round and department are read. */
  const loading = computed(() => assessment.loading.value || (assessment.data.value !== undefined && context.loading.value))
  const round = computed(() => context.data.value?.round)
  const department = computed(() => context.data.value?.department)
  const answers: ComputedRef<Readonly<Record<string, Answer>>> = computed((previous) => shareUnchangedAnswers(previous, assessment.data.value?.answers ?? EMPTY))
  const data: ComputedRef<Assessment | undefined> = computed(() => assessment.data.value)
  return { assessment: data, answers, round, department, loading }
}
