/** The round chosen for the active organisation (shared by start, results, measures and roadmap screens). */
import { computed } from 'vue'
import { useOrgData } from './useOrgData'

export function useSelectedRound() {
  const { session, org, rounds, round } = useOrgData()
  const roundId = computed({
    get: () => round.value?.id,
    set: (id: string | undefined) => {
      if (org.value && id) session.selectRound(org.value.id, id)
    },
  })
  return { org, rounds, round, roundId }
}
