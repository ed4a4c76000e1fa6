/**
 * Reads of the Digitale Agenda, apart from the writers in agendas.ts: screens that only read (and
 * the start screen's query module) do not pull the agenda's validation and creation code into
 * their chunk.
 */
import { compareEvents } from '@/domain/agenda/status'
import type { Agenda, StatusEvent } from '@/domain/agenda/types'
import { db } from './database'
import { quarantinedKeys, readable, readableAll, readableOne } from './quarantine'

/** Agendas of an organisation: newest first (creation time), then name and version. */
export async function listAgendas(orgId: string): Promise<Agenda[]> {
  const list = await readableAll<Agenda>('agendas', () => db.agendas.where('orgId').equals(orgId).toArray())
  return list.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.name.localeCompare(b.name, 'de') || a.version.localeCompare(b.version, 'de', { numeric: true }) || a.id.localeCompare(b.id))
}

export async function getAgenda(id: string): Promise<Agenda | undefined> {
  return readableOne('agendas', await db.agendas.get(id))
}

/** The status history of an agenda, oldest first (`compareEvents`). */
export async function listAgendaEvents(agendaId: string): Promise<StatusEvent[]> {
  const events = await readableAll<StatusEvent>('agendaEvents', () => db.agendaEvents.where('agendaId').equals(agendaId).toArray())
  return events.sort(compareEvents)
}

/** One agenda with its status history (oldest first), read together; undefined when missing. */
export async function getAgendaWithHistory(id: string): Promise<{ agenda: Agenda; history: StatusEvent[] } | undefined> {
  return db.transaction('r', [db.agendas, db.agendaEvents, db.meta], async () => {
    const q = await quarantinedKeys()
    const [agenda] = readable<Agenda>('agendas', [await db.agendas.get(id)].filter((r) => r !== undefined), q)
    if (!agenda) return undefined
    const history = readable<StatusEvent>('agendaEvents', await db.agendaEvents.where('agendaId').equals(id).toArray(), q)
    return { agenda, history: history.sort(compareEvents) }
  })
}
