/**
 * The header's sync indicator: nothing while sync is off or its texts are not loaded yet; then a
 * short badge linking to /sync per phase, the full explanation in the link's accessible name, and an
 * announcement only for offline and error. It loads the 'sync' texts itself (useTexts), so it runs on
 * the app's own i18n instance, also for the switch to English (setLocale brings the loaded groups along).
 */
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import SyncIndicator from '@/components/sync/SyncIndicator.vue'
import type { SyncStatus } from '@/domain/sync/types'
import { i18n, setLocale } from '@/i18n'
import { useSyncStore } from '@/stores/sync'

const status = (over: Partial<SyncStatus>): SyncStatus => ({ phase: 'idle', lastSyncAt: null, waiting: 0, error: null, rejected: 0, ...over })
/** As the component formats (the app's formats use the machine's time zone). */
const hhmm = (iso: string, locale = 'de') => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso))

let pinia: Pinia
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  i18n.global.locale.value = 'de'
  // Only Date is faked: "today" is fixed, promises and timers run as usual.
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-03-12T12:00:00.000Z'))
})
afterEach(async () => {
  vi.useRealTimers()
  await setLocale('de')
})

function mountIndicator() {
  return mount(SyncIndicator, { global: { plugins: [i18n, pinia], stubs: { RouterLink: RouterLinkStub } } })
}
/** Mounted, with its texts loaded. */
async function mountLoaded() {
  const w = mountIndicator()
  await vi.waitFor(() => expect(w.find('[data-testid="sync-indicator"]').exists()).toBe(true))
  return w
}
const link = (w: ReturnType<typeof mountIndicator>) => w.find('[data-testid="sync-indicator"]')
const badge = (w: ReturnType<typeof mountIndicator>) => link(w).find('.kern-badge')
const accessibleText = (w: ReturnType<typeof mountIndicator>) => link(w).find('.visually-hidden').text()
const announcement = (w: ReturnType<typeof mountIndicator>) => w.find('[data-testid="sync-announcement"]').text()

describe('SyncIndicator', () => {
  it('shows no text before its texts are loaded, then a link to /sync', async () => {
    useSyncStore().status = status({ phase: 'idle', lastSyncAt: '2026-03-12T11:05:00.000Z' })
    const w = mountIndicator()
    expect(link(w).exists()).toBe(false)
    expect(w.text()).toBe('')
    // The group is a lazy chunk: it arrives after some module loading, not within one tick.
    await vi.waitFor(() => expect(link(w).exists()).toBe(true))
    expect(w.findComponent(RouterLinkStub).props('to')).toBe('/sync')
    expect(w.text()).not.toContain('sync.')
  })

  it('renders nothing while sync is off', async () => {
    useSyncStore().status = status({ phase: 'off' })
    const w = mountIndicator()
    await flushPromises()
    expect(w.find('.sync-indicator').exists()).toBe(false)
    expect(w.text()).toBe('')
  })

  it('idle: the time of the last sync today, the date for an older one', async () => {
    const store = useSyncStore()
    store.status = status({ phase: 'idle', lastSyncAt: '2026-03-12T11:05:00.000Z' })
    const w = await mountLoaded()
    expect(badge(w).text()).toBe(`Synchronisiert ${hhmm('2026-03-12T11:05:00.000Z')}`)
    expect(badge(w).classes()).toContain('kern-badge--success')
    expect(badge(w).attributes('aria-hidden')).toBe('true')
    // The accessible name starts with what is visible and then explains.
    expect(accessibleText(w)).toMatch(new RegExp(`^Synchronisiert ${hhmm('2026-03-12T11:05:00.000Z')}\\. Synchronisation: Synchronisiert, zuletzt 12\\.03\\.2026, `))
    expect(announcement(w)).toBe('')

    store.status = status({ phase: 'idle', lastSyncAt: '2026-03-02T11:05:00.000Z' })
    await flushPromises()
    expect(badge(w).text()).toBe('Synchronisiert 02.03.2026')
  })

  it.each<[string, Partial<SyncStatus>, string, string]>([
    ['connecting', { phase: 'connecting' }, 'Verbindet …', 'kern-badge--info'],
    ['syncing with waiting changes', { phase: 'syncing', waiting: 1 }, 'Überträgt … · 1 Änderung wartet', 'kern-badge--info'],
    ['idle without a time', { phase: 'idle' }, 'Synchronisiert', 'kern-badge--success'],
  ])('%s: short label, nothing announced', async (_name, over, label, variant) => {
    useSyncStore().status = status(over)
    const w = await mountLoaded()
    expect(badge(w).text()).toBe(label)
    expect(badge(w).classes()).toContain(variant)
    expect(accessibleText(w).startsWith(label)).toBe(true)
    expect(announcement(w)).toBe('')
  })

  it('offline: says how many changes wait and announces the explanation', async () => {
    const store = useSyncStore()
    store.status = status({ phase: 'syncing' })
    const w = await mountLoaded()
    expect(announcement(w)).toBe('')

    store.status = status({ phase: 'offline', waiting: 3, error: { code: 'unreachable', status: null } })
    await flushPromises()
    expect(badge(w).text()).toBe('Offline · 3 Änderungen warten')
    expect(badge(w).classes()).toContain('kern-badge--warning')
    const full =
      'Synchronisation: Server nicht erreichbar. Ihre Änderungen werden übertragen, sobald die Verbindung wieder steht. Der Server ist nicht erreichbar. Sie können normal weiterarbeiten; Ihre Änderungen werden übertragen, sobald die Verbindung wieder steht. Änderungen warten: 3.'
    expect(accessibleText(w)).toBe(`Offline · 3 Änderungen warten. ${full}`)
    expect(announcement(w)).toBe(full)
    expect(w.find('[data-testid="sync-announcement"]').attributes('role')).toBe('status')
  })

  it('error: names the problem, the HTTP status for the IT department and rejected records', async () => {
    useSyncStore().status = status({ phase: 'error', error: { code: 'unauthorized', status: 401 }, rejected: 2 })
    const w = await mountLoaded()
    expect(badge(w).text()).toBe('Synchronisationsfehler')
    expect(badge(w).classes()).toContain('kern-badge--danger')
    expect(link(w).attributes('data-phase')).toBe('error')
    const text = accessibleText(w)
    expect(text).toContain('Benutzername oder Passwort ist falsch.')
    expect(text).toContain('Angabe für Ihre IT: HTTP-Status 401.')
    expect(text).toContain('2 Datensätze vom Server wurden nicht übernommen')
    expect(announcement(w)).toBe(text.replace(/^Synchronisationsfehler\. /, ''))
  })

  it('switches to English and loads the English texts itself', async () => {
    useSyncStore().status = status({ phase: 'offline', waiting: 2 })
    const w = mountIndicator()
    await vi.waitFor(() => expect(badge(w).text()).toBe('Offline · 2 Änderungen warten'))

    // As the header's language button does: the groups loaded so far come along in English.
    await setLocale('en')
    await vi.waitFor(() => expect(badge(w).text()).toBe('Offline · 2 changes waiting'))
    expect(accessibleText(w)).toBe('Offline · 2 changes waiting. Synchronisation: Server not reachable. Your changes are sent as soon as the connection is back. Changes waiting: 2.')

    useSyncStore().status = status({ phase: 'idle', lastSyncAt: '2026-03-12T11:05:00.000Z' })
    await flushPromises()
    expect(badge(w).text()).toBe(`Synchronised ${hhmm('2026-03-12T11:05:00.000Z', 'en')}`)
  })
})
