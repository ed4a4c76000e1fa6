/**
 * Live reads of the Digitale Agenda and the Leistungsinventar for their screens and the report.
 * Kept apart from queries.ts so the start screen does not load them.
 */
import type { Agenda, StatusEvent } from '@/domain/agenda/types'
import type { ServiceRecord } from '@/domain/services/types'
import { getAgendaWithHistory, listAgendas } from '@/db/agenda-reads'
import { listServices } from '@/db/service-reads'
import { useLiveQuery, type LiveQueryResult } from '@/platform/useLiveQuery'

export { getAgenda, getAgendaWithHistory, listAgendaEvents, listAgendas } from '@/db/agenda-reads'
export { getService, listServices } from '@/db/service-reads'

/** The agendas of an organisation (newest first), live; [] without an organisation. */
export function useOrgAgendas(orgId: () => string | null | undefined): LiveQueryResult<Agenda[]> {
  return useLiveQuery(() => {
    const id = orgId()
    return id ? listAgendas(id) : []
  }, orgId)
}

/** One agenda with its status history (oldest first), live; null when there is none. */
export function useAgendaWithHistory(agendaId: () => string | null | undefined): LiveQueryResult<{ agenda: Agenda; history: StatusEvent[] } | null> {
  return useLiveQuery(async () => {
    const id = agendaId()
    return id ? ((await getAgendaWithHistory(id)) ?? null) : null
  }, agendaId)
}

/** The Leistungsinventar of an organisation (by name), live; [] without an organisation. */
export function useOrgServices(orgId: () => string | null | undefined): LiveQueryResult<ServiceRecord[]> {
  return useLiveQuery(() => {
    const id = orgId()
    return id ? listServices(id) : []
  }, orgId)
}
