/**
 * The Synchronisation screen (/sync): settings of the active organisation with the store's issues
 * at the fields, the connection test, the status of every phase, switching on/off, removing the
 * settings behind a confirmation, and deciding sync conflicts. The sync store is real (its actions
 * are spied on, its state set directly); the session store is replaced by the active organisation.
 */
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { reactive } from 'vue'
import { createI18n } from 'vue-i18n'
import SyncView from '@/views/SyncView.vue'
import { conflictKey } from '@/domain/exchange/merge'
import type { ConflictRow } from '@/domain/exchange/preview'
import { SYNC_ERROR_CODES, type SyncPhase, type SyncStatus } from '@/domain/sync/types'
import { i18n as appI18n } from '@/i18n'
import { useSyncStore } from '@/stores/sync'
import { makeAnswer } from '../fixtures/builders'
import { allDe, allEn } from '../fixtures/i18n'

const session = reactive<{ activeOrgId: string | null; activeOrg: { id: string; name: string } | undefined }>({ activeOrgId: 'org-1', activeOrg: { id: 'org-1', name: 'Stadt Musterhausen' } })
vi.mock('@/stores/session', () => ({ useSessionStore: () => session }))

/** German and English with the app's formats, dates in UTC. */
function makeI18n() {
  const utc = (locale: 'de' | 'en') => {
    const f = appI18n.global.getDateTimeFormat(locale)
    return { date: { ...f.date, timeZone: 'UTC' }, dateTime: { ...f.dateTime, timeZone: 'UTC' } }
  }
  return createI18n({ legacy: false, locale: 'de', fallbackLocale: 'de', messages: { de: allDe, en: allEn }, datetimeFormats: { de: utc('de'), en: utc('en') } })
}

const PHASES: readonly SyncPhase[] = ['off', 'connecting', 'syncing', 'idle', 'offline', 'error', 'otherTab']
const SETTINGS = { url: 'https://check.kreis.de/couchdb', db: 'musterhausen', user: 'schulz', enabled: false }
const status = (over: Partial<SyncStatus>): SyncStatus => ({ phase: 'off', lastSyncAt: null, waiting: 0, error: null, rejected: 0, ...over })

function makeConflictRow(assessmentId: string, over: Partial<ConflictRow> = {}): ConflictRow {
  const itemId = 'str-01'
  return {
    assessmentId,
    itemId,
    key: conflictKey({ assessmentId, itemId }),
    local: makeAnswer({ itemId, ist: 2, updatedAt: '2025-03-12T08:15:00.000Z', updatedBy: 'Frau Schulz' }),
    incoming: makeAnswer({ itemId, ist: 4, updatedAt: '2025-03-12T09:00:00.000Z', updatedBy: 'Herr Weber' }),
    winner: 'incoming',
    fileName: '',
    department: 'Bauamt',
    round: 'Erhebung 2025',
    respondent: 'Herr Weber',
    catalogId: 'unbekannt',
    catalogVersion: '1',
    ...over,
  }
}

let pinia: Pinia
let store: ReturnType<typeof useSyncStore>
beforeEach(() => {
  pinia = createPinia()
  setActivePinia(pinia)
  store = useSyncStore()
  vi.spyOn(store, 'load').mockResolvedValue(undefined)
  session.activeOrgId = 'org-1'
  session.activeOrg = { id: 'org-1', name: 'Stadt Musterhausen' }
})
afterEach(() => {
  document.body.innerHTML = ''
})

async function mountView(i18n = makeI18n()) {
  const host = document.createElement('div')
  document.body.append(host)
  const w = mount(SyncView, { global: { plugins: [i18n, pinia], stubs: { RouterLink: RouterLinkStub } }, attachTo: host })
  await flushPromises()
  return w
}
const input = (w: Awaited<ReturnType<typeof mountView>>, label: string) => {
  const l = w.findAll('label').find((x) => x.text().replace(/\s*\*$/, '') === label)
  if (!l) throw new Error(`no label ${label}`)
  return w.find<HTMLInputElement>(`#${CSS.escape(l.attributes('for') ?? '')}`)
}
/** Fills the four fields of the connection form, as a user types them, and sends it. */
async function fillAndSubmit(w: Awaited<ReturnType<typeof mountView>>, fields: { url: string; db: string; user: string; password: string }): Promise<void> {
  await input(w, 'Serveradresse').setValue(fields.url)
  await input(w, 'Datenbank').setValue(fields.db)
  await input(w, 'Benutzername').setValue(fields.user)
  await input(w, 'Passwort').setValue(fields.password)
  await w.find('form').trigger('submit')
  await flushPromises()
}

describe('SyncView: organisation', () => {
  it('without an organisation points to the setup, loads nothing and offers to join an existing database', async () => {
    session.activeOrgId = null
    session.activeOrg = undefined
    const w = await mountView()
    expect(w.find('h1').text()).toBe('Synchronisation')
    expect(w.find('[data-testid="sync-no-org"]').text()).toContain('Beginnen Sie mit der Einrichtung.')
    expect(w.findComponent(RouterLinkStub).props('to')).toBe('/setup')
    expect(store.load).not.toHaveBeenCalled()
    expect(w.find('h2').text()).toBe('Mit einem vorhandenen Datenbestand verbinden')
    expect(w.find('[data-testid="sync-join"]').text()).toBe('Verbinden und Daten holen')
    expect(w.find('[data-testid="sync-toggle"]').exists()).toBe(false)
    expect(w.find('[data-testid="sync-forget"]').exists()).toBe(false)
  })

  it('joining: the settings and password go to store.join; the organisation found is named, a failure explained', async () => {
    session.activeOrgId = null
    session.activeOrg = undefined
    const join = vi.spyOn(store, 'join').mockResolvedValueOnce({ ok: true, orgId: 'org-9', name: 'Landkreis Beispiel' })
    const w = await mountView()
    await fillAndSubmit(w, { url: '/couchdb', db: 'dc-beispiel', user: 'weber', password: 'geheim' })
    expect(join).toHaveBeenCalledWith({ url: '/couchdb', db: 'dc-beispiel', user: 'weber', enabled: false }, 'geheim')
    expect(w.find('[data-testid="sync-notice"]').text()).toBe('Verbunden mit „Landkreis Beispiel“. Die Daten werden jetzt übertragen.')
    join.mockResolvedValueOnce({ ok: false, error: { code: 'emptyDatabase', status: null } })
    await input(w, 'Passwort').setValue('geheim')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(w.find('[data-testid="sync-notice"]').text()).toContain('Die Verbindung ist nicht gelungen. Die Datenbank enthält noch keine Daten.')
  })

  it('with an organisation, another data set can be fetched: the join form appears only when its disclosure opens, with server and user but not the database', async () => {
    store.settings = SETTINGS
    const w = await mountView()
    expect(w.find('[data-testid="sync-join-other"] summary').text()).toBe('Einen weiteren Datenbestand von einem Server holen')
    expect(w.find('[data-testid="sync-join"]').exists()).toBe(false)
    const details = w.find<HTMLDetailsElement>('[data-testid="sync-join-other"]')
    details.element.open = true
    await details.trigger('toggle')
    await flushPromises()
    expect(w.find('[data-testid="sync-join"]').text()).toBe('Verbinden und Daten holen')
    const inputs = details.findAll<HTMLInputElement>('input')
    expect(inputs.map((i) => i.element.value)).toEqual([SETTINGS.url, '', SETTINGS.user, ''])
  })

  it('loads the settings of the active organisation and again when it changes', async () => {
    const w = await mountView()
    expect(store.load).toHaveBeenCalledWith('org-1')
    expect(w.find('[data-testid="sync-org"]').text()).toBe('Synchronisiert werden die Daten von „Stadt Musterhausen“. Für jeden Datenbestand gibt es eine eigene Datenbank auf dem Server.')
    session.activeOrgId = 'org-2'
    session.activeOrg = { id: 'org-2', name: 'Gemeinde Beispiel' }
    await flushPromises()
    expect(store.load).toHaveBeenLastCalledWith('org-2')
    expect(w.find('[data-testid="sync-org"]').text()).toContain('„Gemeinde Beispiel“')
  })
})

describe('SyncView: settings form', () => {
  it('fills the fields from the stored settings, with labels, linked hints and the right input types', async () => {
    store.settings = SETTINGS
    store.hasPassword = true
    const w = await mountView()
    const url = input(w, 'Serveradresse')
    expect(url.element.value).toBe(SETTINGS.url)
    expect(url.attributes('inputmode')).toBe('url')
    expect(input(w, 'Datenbank').element.value).toBe('musterhausen')
    const user = input(w, 'Benutzername')
    expect(user.element.value).toBe('schulz')
    expect(user.attributes('autocomplete')).toBe('username')
    const password = input(w, 'Passwort')
    expect(password.attributes('type')).toBe('password')
    expect(password.attributes('autocomplete')).toBe('current-password')
    expect(password.element.value).toBe('')
    // Every hint is read with its field.
    const hintsOf = (el: typeof url) => (el.attributes('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent)
    expect(hintsOf(url)[0]).toContain('https://check.kreis.de/couchdb')
    expect(hintsOf(password)).toEqual([
      'Das Passwort wird nur in diesem Browser gespeichert und nie in Sicherungen oder Paketen exportiert.',
      'Ein Passwort ist bereits gespeichert. Lassen Sie das Feld leer, um es zu behalten.',
    ])
  })

  it('shows the issues save returns at their fields and focuses the first one', async () => {
    const save = vi.spyOn(store, 'save').mockResolvedValueOnce([
      { field: 'db', code: 'invalidName' },
      { field: 'url', code: 'insecure' },
    ])
    const w = await mountView()
    await fillAndSubmit(w, { url: ' http://check.kreis.de/couchdb ', db: 'Musterhausen', user: 'schulz', password: 'geheim' })
    expect(save).toHaveBeenCalledWith({ url: 'http://check.kreis.de/couchdb', db: 'Musterhausen', user: 'schulz', enabled: false }, 'geheim')

    const url = input(w, 'Serveradresse')
    const db = input(w, 'Datenbank')
    expect(w.find('[data-testid="sync-error-url"]').text()).toBe('Die Adresse muss mit https:// beginnen, damit Passwort und Daten verschlüsselt übertragen werden.')
    expect(w.find('[data-testid="sync-error-db"]').text()).toContain('Der Name der Datenbank ist ungültig')
    expect(w.find('[data-testid="sync-error-user"]').exists()).toBe(false)
    expect(url.attributes('aria-invalid')).toBe('true')
    expect(db.attributes('aria-invalid')).toBe('true')
    expect(input(w, 'Benutzername').attributes('aria-invalid')).toBe('false')
    expect(url.attributes('aria-describedby')).toContain(w.find('[data-testid="sync-error-url"]').attributes('id'))
    expect(document.activeElement).toBe(url.element)
    // Kept for the next try; nothing was saved.
    expect(input(w, 'Passwort').element.value).toBe('geheim')
    expect(w.find('[data-testid="sync-notice"]').text()).toBe('')

    save.mockResolvedValueOnce([])
    await url.setValue('https://check.kreis.de/couchdb')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(w.find('[data-testid="sync-error-url"]').exists()).toBe(false)
    expect(w.find('[data-testid="sync-notice"]').text()).toBe('Die Einstellungen wurden gespeichert.')
    expect(input(w, 'Passwort').element.value).toBe('')
  })

  it.each([
    ['url', 'required', 'Bitte geben Sie die Serveradresse ein.'],
    ['url', 'invalidUrl', 'Die Serveradresse ist ungültig. Erwartet wird eine Adresse wie https://check.kreis.de/couchdb oder ein Pfad wie /couchdb.'],
    ['url', 'credentialsInUrl', 'Die Adresse darf keinen Benutzernamen und kein Passwort enthalten. Tragen Sie diese in die Felder unten ein.'],
    ['db', 'required', 'Bitte geben Sie den Namen der Datenbank ein.'],
    ['user', 'required', 'Bitte geben Sie Ihren Benutzernamen ein.'],
  ] as const)('words the issue %s/%s', async (field, code, text) => {
    vi.spyOn(store, 'save').mockResolvedValue([{ field, code } as never])
    const w = await mountView()
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(w.find(`[data-testid="sync-error-${field}"]`).text()).toBe(text)
  })

  it('keeps the stored password when the field is left empty', async () => {
    store.settings = SETTINGS
    store.hasPassword = true
    const save = vi.spyOn(store, 'save').mockResolvedValue([])
    const w = await mountView()
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(save).toHaveBeenCalledWith(SETTINGS, null)
  })

  it('shows the result of "Verbindung testen": the document count, or the error with its HTTP status', async () => {
    const testConnection = vi.spyOn(store, 'testConnection').mockResolvedValueOnce({ ok: true, docCount: 42 })
    store.settings = SETTINGS
    const w = await mountView()
    await input(w, 'Passwort').setValue('geheim')
    await w.find('[data-testid="sync-test"]').trigger('click')
    await flushPromises()
    expect(testConnection).toHaveBeenCalledWith(SETTINGS, 'geheim')
    const notice = () => w.find('[data-testid="sync-notice"]')
    expect(notice().attributes('role')).toBe('status')
    expect(notice().text()).toBe('Die Verbindung funktioniert. Die Datenbank enthält 42 Dokumente.')

    testConnection.mockResolvedValueOnce({ ok: false, error: { code: 'unauthorized', status: 401 } })
    await w.find('[data-testid="sync-test"]').trigger('click')
    await flushPromises()
    expect(notice().findAll('p').map((p) => p.text())).toEqual([
      'Die Verbindung ist fehlgeschlagen. Benutzername oder Passwort ist falsch. Bitte prüfen Sie Ihre Zugangsdaten oder wenden Sie sich an Ihre IT.',
      'Angabe für Ihre IT: HTTP-Status 401',
    ])

    testConnection.mockResolvedValueOnce({ ok: false, error: { code: 'unreachable', status: null } })
    await w.find('[data-testid="sync-test"]').trigger('click')
    await flushPromises()
    expect(notice().findAll('p').map((p) => p.text())).toEqual([
      'Die Verbindung ist fehlgeschlagen. Der Server ist nicht erreichbar. Sie können normal weiterarbeiten; Ihre Änderungen werden übertragen, sobald die Verbindung wieder steht.',
    ])
  })

  it('switches on and off', async () => {
    const start = vi.spyOn(store, 'start').mockResolvedValue(undefined)
    const stop = vi.spyOn(store, 'stop').mockResolvedValue(undefined)
    // Without saved settings there is nothing to switch on yet.
    const bare = await mountView()
    expect(bare.find('[data-testid="sync-toggle"]').exists()).toBe(false)
    expect(bare.text()).toContain('Speichern Sie die Einstellungen, bevor Sie die Synchronisation einschalten.')
    bare.unmount()

    store.settings = SETTINGS
    const w = await mountView()
    const toggle = () => w.find('[data-testid="sync-toggle"]')
    expect(toggle().text()).toBe('Synchronisation einschalten')
    await toggle().trigger('click')
    await flushPromises()
    expect(start).toHaveBeenCalledTimes(1)
    expect(w.find('[data-testid="sync-notice"]').text()).toBe('Die Synchronisation ist eingeschaltet.')

    store.settings = { ...SETTINGS, enabled: true }
    await flushPromises()
    expect(toggle().text()).toBe('Synchronisation ausschalten')
    await toggle().trigger('click')
    await flushPromises()
    expect(stop).toHaveBeenCalledTimes(1)
    expect(start).toHaveBeenCalledTimes(1)
  })

  it('removes the settings only after the confirmation', async () => {
    const forget = vi.spyOn(store, 'forget').mockResolvedValue(undefined)
    store.settings = SETTINGS
    const w = await mountView()
    await w.find('[data-testid="sync-forget"]').trigger('click')
    await flushPromises()
    const dialog = w.find('dialog')
    expect(dialog.find('h2').text()).toBe('Einstellungen entfernen?')
    expect(dialog.text()).toContain('Ihre Daten im Digitalisierungs-Check bleiben erhalten')
    // "Abbrechen" removes nothing.
    await dialog.findAll('button').find((b) => b.text() === 'Abbrechen')!.trigger('click')
    expect(forget).not.toHaveBeenCalled()

    await w.find('[data-testid="sync-forget"]').trigger('click')
    await w.find('dialog').findAll('button').find((b) => b.text() === 'Entfernen')!.trigger('click')
    await flushPromises()
    expect(forget).toHaveBeenCalledTimes(1)
    expect(w.find('[data-testid="sync-notice"]').text()).toBe('Die Einstellungen wurden entfernt.')
  })
})

describe('SyncView: status', () => {
  it.each<[string, Partial<SyncStatus>, string[]]>([
    ['off', {}, ['Die Synchronisation ist ausgeschaltet.']],
    ['connecting', { phase: 'connecting' }, ['Die Verbindung zum Server wird aufgebaut …', 'Keine Änderungen warten auf die Übertragung.']],
    ['syncing', { phase: 'syncing', waiting: 1 }, ['Änderungen werden übertragen …', 'Änderungen warten: 1']],
    ['idle', { phase: 'idle', lastSyncAt: '2025-03-12T08:15:00.000Z' }, ['Synchronisiert, zuletzt 12.03.2025, 08:15', 'Keine Änderungen warten auf die Übertragung.']],
    ['idle, never', { phase: 'idle' }, ['Synchronisiert', 'Keine Änderungen warten auf die Übertragung.']],
    [
      'offline',
      { phase: 'offline', waiting: 3, error: { code: 'unreachable', status: 503 } },
      [
        'Server nicht erreichbar. Ihre Änderungen werden übertragen, sobald die Verbindung wieder steht.',
        'Änderungen warten: 3',
        'Der Server ist nicht erreichbar. Sie können normal weiterarbeiten; Ihre Änderungen werden übertragen, sobald die Verbindung wieder steht.',
        'Angabe für Ihre IT: HTTP-Status 503',
      ],
    ],
    [
      'error',
      { phase: 'error', waiting: 2, error: { code: 'forbidden', status: 403 }, rejected: 1 },
      [
        'Die Synchronisation ist unterbrochen.',
        'Änderungen warten: 2',
        'Sie haben keinen Zugriff auf diese Datenbank. Bitten Sie Ihre IT, Ihren Benutzernamen für die Datenbank freizuschalten.',
        'Angabe für Ihre IT: HTTP-Status 403',
        '1 Datensatz vom Server wurde nicht übernommen, weil er die Prüfregeln verletzt. Auf diesem Gerät ändert sich dadurch nichts. Bitte informieren Sie Ihre IT: Solche Datensätze stammen meist von einer anderen Programmversion oder wurden auf dem Server von Hand geändert.',
      ],
    ],
  ])('%s', async (_name, over, lines) => {
    store.status = status(over)
    const w = await mountView()
    const panel = w.find('[data-testid="sync-status"]')
    expect(panel.attributes('role')).toBe('status')
    expect(panel.attributes('aria-live')).toBe('polite')
    expect(panel.findAll('p').map((p) => p.text().replace(/\s+/g, ' '))).toEqual(lines)
  })

  it.each([
    ['notFound', 404, 'Die Datenbank gibt es auf dem Server nicht.'],
    ['server', 500, 'Auf dem Server ist ein Fehler aufgetreten.'],
    ['invalidResponse', 200, 'Unter dieser Adresse antwortet kein CouchDB-Server.'],
    ['storage', null, 'Der Browser konnte die Daten für die Synchronisation nicht speichern'],
    ['emptyDatabase', null, 'Die Datenbank enthält noch keine Daten.'],
    ['otherOrganisation', null, 'Die Datenbank enthält die Daten eines anderen Datenbestands.'],
    ['unknown', null, 'Bei der Synchronisation ist ein unerwarteter Fehler aufgetreten.'],
  ] as const)('explains the error %s', async (code, httpStatus, start) => {
    store.status = status({ phase: 'error', error: { code, status: httpStatus } })
    const w = await mountView()
    expect(w.find('[data-testid="sync-error"]').text().startsWith(start)).toBe(true)
    expect(w.find('[data-testid="sync-http"]').exists()).toBe(httpStatus !== null)
  })

  it('has a German and an English explanation for every error code and every phase', () => {
    const texts = (m: typeof allDe | typeof allEn) => m.sync as unknown as { error: Record<string, string>; phase: Record<string, string>; indicator: Record<string, string> }
    for (const messages of [allDe, allEn]) {
      expect(SYNC_ERROR_CODES.filter((code) => !texts(messages).error[code])).toEqual([])
      expect(PHASES.filter((phase) => !texts(messages).phase[phase] || (phase !== 'off' && !texts(messages).indicator[phase]))).toEqual([])
    }
  })

  it('links rejected records to the data screen', async () => {
    store.status = status({ phase: 'idle', rejected: 4 })
    const w = await mountView()
    expect(w.find('[data-testid="sync-rejected"]').text()).toContain('4 Datensätze vom Server wurden nicht übernommen')
    expect(w.find('[data-testid="sync-rejected"]').text()).toContain('Bitte informieren Sie Ihre IT')
  })
})

describe('SyncView: conflicts', () => {
  it('lists sync conflicts with device headings and hands all decisions to the store', async () => {
    const a = makeConflictRow('ass-1')
    const b = makeConflictRow('ass-2', { winner: 'local' })
    store.conflicts = [a, b]
    const decide = vi.spyOn(store, 'decide').mockResolvedValue(undefined)
    const w = await mountView()
    const section = w.find('[data-testid="sync-conflicts"]')
    expect(section.find('h2').text()).toBe('Widersprüchliche Änderungen')
    expect(section.find('h3').text()).toBe('Konflikte (2)')
    expect(section.findAll('thead th').slice(0, 3).map((th) => th.text())).toEqual(['Angabe', 'Auf diesem Gerät', 'Von einem anderen Gerät'])
    const fieldsets = section.findAll('fieldset')
    expect(fieldsets[0]!.findAll('.choice').map((c) => c.text())).toEqual([
      'Späteren Stand beibehalten (anderes Gerät)',
      'Stand dieses Geräts übernehmen',
      'Stand des anderen Geräts übernehmen',
      'Beide behalten (Stand des anderen Geräts als weitere befragte Person)',
    ])
    expect(fieldsets[1]!.find('.choice').text()).toBe('Späteren Stand beibehalten (dieses Gerät)')
    // Preselected: what the merge took provisionally.
    const checked = () => section.findAll<HTMLInputElement>('input[type="radio"]').filter((r) => r.element.checked).map((r) => r.element.value)
    expect(checked()).toEqual(['auto', 'auto'])

    await fieldsets[0]!.find('input[value="mine"]').setValue(true)
    expect(checked()).toEqual(['mine', 'auto'])
    await w.find('[data-testid="sync-decide"]').trigger('click')
    await flushPromises()
    expect(decide).toHaveBeenCalledWith({ [a.key]: 'mine', [b.key]: 'auto' })
    expect(w.text()).toContain('Die Entscheidungen wurden übernommen.')
  })

  it('shows no conflict section without conflicts', async () => {
    const w = await mountView()
    expect(w.find('[data-testid="sync-conflicts"]').exists()).toBe(false)
  })
})

describe('SyncView in English', () => {
  it('shows the English texts after a change of language', async () => {
    store.settings = SETTINGS
    store.status = status({ phase: 'idle', lastSyncAt: '2025-03-12T08:15:00.000Z', waiting: 2 })
    vi.spyOn(store, 'save').mockResolvedValue([{ field: 'user', code: 'required' }])
    const i18n = makeI18n()
    i18n.global.locale.value = 'en'
    const w = await mountView(i18n)
    expect(w.find('h1').text()).toBe('Synchronisation')
    expect(w.find('.lead').text()).toContain('several devices and people work on the same data')
    expect(w.find('[data-testid="sync-status"]').findAll('p').map((p) => p.text())).toEqual(['Synchronised, last at Mar 12, 2025, 08:15 AM', 'Changes waiting: 2'])
    expect(input(w, 'Password').attributes('type')).toBe('password')
    expect(w.find('[data-testid="sync-toggle"]').text()).toBe('Switch synchronisation off')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(w.find('[data-testid="sync-error-user"]').text()).toBe('Please enter your user name.')
    expect(w.text()).toContain('Your IT finds how to set up the server in the operations documentation (docs/sync.md).')
  })
})
