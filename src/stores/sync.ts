/**
 * Replication of the active organisation with Apache CouchDB (optional; docs/sync.md).
 *
 * This store holds the settings and the status the screens show, and starts and stops the engine
 * (`src/platform/sync/`, which loads PouchDB lazily: nothing of it is fetched while sync is off).
 * Incoming records go through the same merge and the same `applyStateDiff` as imported files;
 * conflicts on one answer are kept in `syncConflicts` until someone decides them here.
 */
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { decideSyncConflicts } from '@/commands/sync'
import { deviceIdentity } from '@/commands/stamp'
import {
  hasSyncPassword,
  listSyncConflicts,
  readAssessments,
  readConflictNames,
  readLastSync,
  readSyncPassword,
  readSyncSettings,
  removeSyncSettings,
  writeSyncSettings,
} from '@/db/sync'
import type { ConflictDecision } from '@/domain/exchange/merge'
import type { ConflictRow } from '@/domain/exchange/preview'
import { conflictFromHere } from '@/domain/sync/conflicts'
import { checkSettings, databaseUrl, normaliseSettings } from '@/domain/sync/settings'
import type { ConnectionTest, JoinResult, SyncSettings, SyncSettingsIssue, SyncStatus } from '@/domain/sync/types'
import type { SyncEngine } from '@/platform/sync/engine'
import { useSessionStore } from './session'

export type { ConnectionTest, JoinResult, SyncSettings, SyncSettingsIssue, SyncStatus } from '@/domain/sync/types'

const OFF: SyncStatus = { phase: 'off', lastSyncAt: null, waiting: 0, error: null, rejected: 0 }

/** The page's address: a server path such as "/couchdb" is resolved against it. */
const pageUrl = (): string => globalThis.location?.href ?? 'http://localhost/'

/** The engine's module (PouchDB and the bridge): loaded only when sync runs or is tested. */
const engineModule = () => import('@/platform/sync/engine')

export const useSyncStore = defineStore('sync', () => {
  /** The organisation whose settings are loaded. */
  const orgId = shallowRef<string | null>(null)
  /** Its settings; null when sync was never set up for it. */
  const settings = shallowRef<SyncSettings | null>(null)
  /** Whether a password is stored in this browser for it (the password itself never leaves db/). */
  const hasPassword = shallowRef(false)
  const status = shallowRef<SyncStatus>(OFF)
  /** Open answer conflicts from replication, with the names the conflict list shows. */
  const conflicts = shallowRef<ConflictRow[]>([])
  const active = computed(() => status.value.phase !== 'off')

  let engine: SyncEngine | null = null
  /** Serialises start/stop/load, so that two quick clicks never run two engines. */
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn)
    queue = next.catch(() => undefined)
    return next
  }

  async function refreshConflicts(): Promise<void> {
    const id = orgId.value
    if (!id) return void (conflicts.value = [])
    const stored = await listSyncConflicts(id)
    const assessments = await readAssessments(stored.map((c) => c.assessmentId))
    const { departments, rounds } = await readConflictNames(assessments)
    const { deviceId } = await deviceIdentity()
    const byId = new Map(assessments.map((a) => [a.id, a]))
    const dep = new Map(departments.map((d) => [d.id, d]))
    const rnd = new Map(rounds.map((r) => [r.id, r]))
    if (orgId.value !== id) return
    conflicts.value = stored.flatMap((c) => {
      const a = byId.get(c.assessmentId)
      if (!a) return []
      const round = rnd.get(a.roundId)
      return [
        {
          ...conflictFromHere(c, deviceId, a.answers[c.itemId]),
          key: c.key,
          fileName: '',
          department: dep.get(a.departmentId)?.name ?? '',
          round: round?.name ?? '',
          respondent: a.respondent,
          catalogId: round?.catalogId ?? '',
          catalogVersion: round?.catalogVersion ?? '',
        },
      ]
    })
  }

  async function stopEngine(): Promise<void> {
    const running = engine
    engine = null
    await running?.stop()
  }

  async function runEngine(): Promise<void> {
    const id = orgId.value
    const s = settings.value
    if (!id || !s) return
    const password = (await readSyncPassword(id)) ?? ''
    const { startEngine } = await engineModule()
    status.value = { ...OFF, phase: 'connecting', lastSyncAt: status.value.lastSyncAt }
    engine = await startEngine({
      orgId: id,
      remote: { url: databaseUrl(s, pageUrl()), user: s.user, password },
      onStatus: (next) => {
        if (orgId.value === id) status.value = { ...next, lastSyncAt: next.lastSyncAt ?? status.value.lastSyncAt }
      },
      onConflicts: () => void refreshConflicts(),
    })
  }

  /** Loads the settings of `id` and, if sync is switched on there, starts it. */
  function load(id: string): Promise<void> {
    return serial(async () => {
      if (orgId.value === id && (engine || !settings.value?.enabled)) return
      await stopEngine()
      orgId.value = id
      const [s, pw, last] = await Promise.all([readSyncSettings(id), hasSyncPassword(id), readLastSync(id)])
      settings.value = s
      hasPassword.value = pw
      status.value = { ...OFF, lastSyncAt: last }
      await refreshConflicts()
      if (s?.enabled) await runEngine()
    })
  }

  /** Checks and stores the settings; `password` null keeps the stored one. Returns the issues (none = saved). */
  function save(next: SyncSettings, password: string | null): Promise<SyncSettingsIssue[]> {
    return serial(async () => {
      const id = orgId.value
      const issues = checkSettings(next)
      if (!id || issues.length > 0) return issues
      const enabled = settings.value?.enabled ?? false
      const stored = { ...normaliseSettings(next), enabled }
      await writeSyncSettings(id, stored, password === '' ? null : password)
      settings.value = stored
      hasPassword.value = await hasSyncPassword(id)
      // Running with the old settings: start again with the new ones.
      if (engine) {
        await stopEngine()
        await runEngine()
      }
      return []
    })
  }

  /** "Verbindung testen": asks the server with these settings (nothing is stored). */
  async function testConnection(next: SyncSettings, password: string | null): Promise<ConnectionTest> {
    const id = orgId.value
    const pw = password !== null && password !== '' ? password : id ? await readSyncPassword(id) : null
    const { testConnection: test } = await engineModule()
    return test({ url: databaseUrl(normaliseSettings(next), pageUrl()), user: next.user.trim(), password: pw ?? '' })
  }

  /**
   * For a browser without the organisation's data (a department head's new PC): finds the
   * organisation in the database, stores the settings for it, switches sync on and makes it the
   * active organisation (it appears as soon as the first records arrived).
   */
  function join(next: SyncSettings, password: string): Promise<JoinResult | { ok: false; issues: SyncSettingsIssue[] }> {
    return serial(async () => {
      const issues = checkSettings(next)
      if (issues.length > 0) return { ok: false as const, issues }
      const s = normaliseSettings(next)
      const { findOrganisation } = await engineModule()
      const found = await findOrganisation({ url: databaseUrl(s, pageUrl()), user: s.user, password })
      if (!found.ok) return found
      await stopEngine()
      const on = { ...s, enabled: true }
      await writeSyncSettings(found.orgId, on, password)
      orgId.value = found.orgId
      settings.value = on
      hasPassword.value = true
      status.value = { ...OFF, lastSyncAt: await readLastSync(found.orgId) }
      await runEngine()
      await useSessionStore().setActiveOrg(found.orgId)
      return found
    })
  }

  /** Switches replication on (settings must be saved) and starts it. */
  function start(): Promise<void> {
    return serial(async () => {
      const id = orgId.value
      const s = settings.value
      if (!id || !s) return
      const on = { ...s, enabled: true }
      await writeSyncSettings(id, on, null)
      settings.value = on
      if (!engine) await runEngine()
    })
  }

  /** Switches replication off; settings and password stay. */
  function stop(): Promise<void> {
    return serial(async () => {
      const id = orgId.value
      const s = settings.value
      await stopEngine()
      if (id && s) {
        const off = { ...s, enabled: false }
        await writeSyncSettings(id, off, null)
        settings.value = off
      }
      status.value = { ...OFF, lastSyncAt: status.value.lastSyncAt }
    })
  }

  /** Removes settings, password and this browser's replication copy (the local data stays). */
  function forget(): Promise<void> {
    return serial(async () => {
      const id = orgId.value
      await stopEngine()
      if (!id) return
      await removeSyncSettings(id)
      const { destroyMirror } = await import('@/platform/sync/mirrors')
      await destroyMirror(id)
      settings.value = null
      hasPassword.value = false
      status.value = OFF
    })
  }

  /** Applies decisions on open conflicts ('auto' keeps what the merge took); decided ones disappear. */
  async function decide(decisions: Readonly<Record<string, ConflictDecision>>): Promise<void> {
    const id = orgId.value
    if (!id) return
    await decideSyncConflicts(id, decisions)
    await refreshConflicts()
    engine?.kick()
  }

  /**
   * Before "delete all data in this browser": stops replication and deletes every replication copy
   * in this browser (the settings go with the local settings; the server is not touched).
   */
  function discardAll(): Promise<void> {
    return serial(async () => {
      await stopEngine()
      const { destroyAllMirrors } = await import('@/platform/sync/mirrors')
      await destroyAllMirrors()
      orgId.value = null
      settings.value = null
      hasPassword.value = false
      status.value = OFF
      conflicts.value = []
    })
  }

  return { orgId, settings, hasPassword, status, conflicts, active, load, save, testConnection, join, start, stop, forget, decide, discardAll }
})

export type SyncStoreInstance = ReturnType<typeof useSyncStore>
