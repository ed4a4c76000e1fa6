/** The active organisation with its rounds, the selected round and its departments (all live). */
import { listDepartments } from '@/db/departments'
import { useLiveQuery } from '@/platform/useLiveQuery'
import { useSelectedRound } from './useSelectedRound'

export function useOrgData() {
  const selected = useSelectedRound()
  const departments = useLiveQuery(() => (selected.orgId.value ? listDepartments(selected.orgId.value) : []), () => selected.orgId.value)
  return { ...selected, departments }
}
