/**
 * Words for the replication status that the Synchronisation screen and the header indicator share
 * (i18n group 'sync'). The store reports phases and codes; these turn them into sentences.
 */
import type { SyncError, SyncPhase, SyncStatus } from '@/domain/sync/types'

type Translate = (key: string, named?: Record<string, unknown>, plural?: number) => string

/** KERN feedback type per phase: in step = success, working = info, retrying = warning, refused = danger. */
export const PHASE_VARIANT: Record<SyncPhase, 'info' | 'success' | 'warning' | 'danger'> = {
  off: 'info',
  connecting: 'info',
  syncing: 'info',
  idle: 'success',
  offline: 'warning',
  error: 'danger',
  otherTab: 'info',
}

/** What went wrong and what to do; `http` is the line for the IT department (null without an HTTP status). */
export function syncErrorText(error: SyncError, t: Translate): { text: string; http: string | null } {
  return { text: t(`sync.error.${error.code}`), http: error.status === null ? null : t('sync.error.httpStatus', { status: error.status }) }
}

/** The phase as a sentence; `time` formats `lastSyncAt` (only idle names it). */
export function phaseText(status: SyncStatus, t: Translate, time: (iso: string) => string): string {
  if (status.phase === 'idle') return status.lastSyncAt ? t('sync.phase.idle', { time: time(status.lastSyncAt) }) : t('sync.phase.idleNever')
  return t(`sync.phase.${status.phase}`)
}

/** "Änderungen warten: n" (also for 0, where it says that nothing waits). */
export function waitingText(waiting: number, t: Translate): string {
  return t('sync.status.waiting', { n: waiting }, waiting)
}

/** Records from the server left out by the import rules. */
export function rejectedText(rejected: number, t: Translate): string {
  return t('sync.status.rejected', { n: rejected }, rejected)
}

/**
 * Everything the status says in one text for assistive technology (the header indicator shows
 * only a short label): phase, error with HTTP status, waiting changes, rejected records.
 */
export function statusSummary(status: SyncStatus, t: Translate, time: (iso: string) => string): string {
  const parts = [phaseText(status, t, time)]
  if (status.error) {
    const e = syncErrorText(status.error, t)
    parts.push(e.text)
    if (e.http) parts.push(e.http)
  }
  if (status.waiting > 0) parts.push(waitingText(status.waiting, t))
  if (status.rejected > 0) parts.push(rejectedText(status.rejected, t))
  return parts.map((p) => (/[.…!?]$/.test(p) ? p : `${p}.`)).join(' ')
}
