/**
 * Live data of the active organisation used by several screens: rounds, departments, the selected
 * round (session choice, else the newest) with its assessments and pinned catalogue.
 */
import { computed } from 'vue'
import { listAssessmentsOfRound } from '@/db/assessments'
import { listDepartments } from '@/db/departments'
import { listRounds } from '@/db/rounds'
import { useSessionStore } from '@/stores/session'
import { useCatalog } from './useCatalog'
import { useLiveQuery } from './useLiveQuery'

export function useOrgData() {
  const session = useSessionStore()
  const orgId = computed(() => session.activeOrgId)
  const rounds = useLiveQuery(() => (orgId.value ? listRounds(orgId.value) : []), () => orgId.value)
  const departments = useLiveQuery(() => (orgId.value ? listDepartments(orgId.value) : []), () => orgId.value)
  const round = computed(() => {
    const list = rounds.data.value ?? []
    const chosen = orgId.value ? session.selectedRoundByOrg[orgId.value] : undefined
    return list.find((r) => r.id === chosen) ?? list[0]
  })
  const assessments = useLiveQuery(() => (round.value ? listAssessmentsOfRound(round.value.id) : []), () => round.value?.id)
  const { catalog, error: catalogError } = useCatalog(() => round.value)
  return { session, orgId, org: computed(() => session.activeOrg), rounds, departments, round, assessments, catalog, catalogError }
}
