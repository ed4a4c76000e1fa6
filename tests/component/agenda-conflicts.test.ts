/**
 * Conflicts in the Digitale Agenda on import: one agenda entry changed on this device and on the
 * device a backup comes from. The import panel lists them (title, the fields that differ, both
 * versions with who changed them and when) and the user decides like for answers; the decision goes
 * through the exchange store into the one write. Real (fake-indexeddb) database, pinned clock.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createI18n } from 'vue-i18n'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Plugin } from 'vue'
import ImportPanel from '@/components/exchange/ImportPanel.vue'
import { deviceIdentity, resetIdentityCache, setUserName } from '@/commands/stamp'
import { replaceAllData } from '@/db/backup'
import { db } from '@/db/database'
import { putEntry, updateEntry } from '@/domain/agenda/edit'
import { changeStatus } from '@/domain/agenda/status'
import type { Agenda, AgendaEntry } from '@/domain/agenda/types'
import type { BackupData } from '@/domain/exchange/formats'
import { agendaConflictKey, mergeExchange } from '@/domain/exchange/merge'
import { createBackup, serializeBackup } from '@/domain/exchange/serialise'
import { useExchangeStore } from '@/stores/exchange'
import { makeAgenda, makeEntry, stampAt } from '../fixtures/agenda-builders'
import { META, makeSmallData } from '../fixtures/backup-builders'
import { allEn, makeI18n } from '../fixtures/i18n'
import { mergeOk } from '../fixtures/merge-helpers'

/** T0 both devices share the agenda; T1 the change on the other device; T2 the change here; T3 the import. */
const T0 = '2025-03-01T09:30:00.000Z'
const T1 = '2025-03-10T14:00:00.000Z'
const T2 = '2025-03-12T08:15:00.000Z'
const T3 = '2025-03-20T16:45:00.000Z'
const MEASURE_TITLE = 'Lenkungsgruppe Digitalisierung einrichten'

/** Agenda ag-1 of org-1 on the built-in catalogue; e-2 is the catalogue measure without own title. */
function shared(): BackupData {
  const agenda = makeAgenda({
    source: { roundId: 'round-1', catalogId: 'dc-kommune', catalogVersion: '1.0.0' },
    entries: [
      makeEntry({ id: 'e-1', title: 'Breitbandanschluss Rathaus', order: 1, createdAt: T0, updatedAt: T0 }),
      makeEntry({ id: 'e-2', measureId: 'm-lenkungsgruppe', title: '', kind: 'pflicht', order: 2, createdAt: T0, updatedAt: T0 }),
    ],
    createdAt: T0,
    updatedAt: T0,
  })
  return makeSmallData({ agendas: [agenda] })
}

const entry = (a: Agenda, id: string): AgendaEntry => a.entries.find((e) => e.id === id)!

/** On the other device (T1, Herr Weber): owner, start, budget and note of e-2. */
function onTheirs(): BackupData {
  const data = shared()
  const a = data.agendas[0]!
  const e2 = updateEntry(entry(a, 'e-2'), { ownerDepartmentId: 'dep-1', start: '2025-09', budgetEstimate: 12_000, note: 'Ausschreibung vorbereitet' }, stampAt(T1, 'dev-b', 'Herr Weber'))
  return { ...data, agendas: [putEntry(a, e2)] }
}

/** Here (T2, Frau Meier): e-2 moved to "in Umsetzung" (with its status event) and a note. */
function onMine(): BackupData {
  const data = shared()
  const a = data.agendas[0]!
  const stamp = stampAt(T2, 'dev-a', 'Frau Meier')
  const moved = changeStatus(entry(a, 'e-2'), 'in_progress', { agendaId: 'ag-1', eventId: 'ev-a', stamp })
  if (!moved.ok) throw new Error(moved.error.code)
  const e2 = updateEntry(moved.entry, { note: 'Erste Sitzung terminiert' }, stamp)
  return { ...data, agendas: [putEntry(a, e2)], agendaEvents: [moved.event] }
}

let pinia: Pinia
beforeEach(async () => {
  // Only Date: Dexie and fake-indexeddb keep their real timers.
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date(T3))
  await db.delete()
  await db.open()
  resetIdentityCache()
  await setUserName('Lenkungsgruppe')
  pinia = createPinia()
  setActivePinia(pinia)
  await replaceAllData(onMine(), T2)
})

afterEach(() => {
  vi.useRealTimers()
})

/** The import panel after checking the other device's backup. */
async function checked(theirs: BackupData = onTheirs(), i18n: Plugin = makeI18n()) {
  const w = mount(ImportPanel, { props: { inputId: 'restore-file', label: 'Datei' }, global: { plugins: [i18n, pinia], stubs: { RouterLink: true } } })
  const text = serializeBackup(createBackup(theirs, META))
  await useExchangeStore().check([new File([text], 'sicherung-kaemmerei.json', { type: 'application/json' })])
  await flushPromises()
  return w
}

const cells = (tr: { find: (s: string) => { text: () => string }; findAll: (s: string) => { text: () => string }[] }) => [tr.find('th').text(), ...tr.findAll('td').map((td) => td.text().replace(/\s/g, ' '))]

async function applyChoice(w: Awaited<ReturnType<typeof checked>>) {
  await w.get('[data-testid="import-apply"]').trigger('click')
  // The write runs through IndexedDB on real timers; wait for it without moving the pinned clock
  // (vi.waitFor would advance it).
  for (let i = 0; i < 200 && useExchangeStore().phase === 'applying'; i++) await new Promise((r) => setTimeout(r, 10))
  expect(useExchangeStore().phase).toBe('done')
}

describe('agenda entry conflicts on import', () => {
  it('lists the entry with the differing fields and both versions; "auto" is preselected', async () => {
    const w = await checked()
    const exchange = useExchangeStore()
    expect(exchange.agendaConflicts.map((c) => c.key)).toEqual([agendaConflictKey({ agendaId: 'ag-1', entryId: 'e-2' })])
    const section = w.get('[data-testid="agenda-conflicts"]')
    expect(section.get('h3').text()).toBe('Konflikte in der Digitalen Agenda (1)')
    const fieldsets = section.findAll('fieldset')
    expect(fieldsets).toHaveLength(1)
    const f = fieldsets[0]!
    expect(f.get('legend').text()).toBe(`Digitale Agenda 1.0: ${MEASURE_TITLE}`)
    expect(f.get('.changed-fields').text()).toBe('Auf beiden Geräten geändert: Status, Verantwortlich (Fachbereich), Beginn, Budget (Schätzung), Notiz')
    expect(f.findAll('thead th').map((th) => th.text())).toEqual(['Angabe', 'Hier gespeichert', 'Aus der Datei'])
    expect(f.findAll('tbody tr').map(cells)).toEqual([
      ['Status', 'in Umsetzung', 'geplant'],
      ['Verantwortlich (Fachbereich)', '–', 'Hauptamt'],
      ['Beginn', '–', '2025-09'],
      ['Budget (Schätzung)', '–', '12.000 €'],
      ['Notiz', 'Erste Sitzung terminiert', 'Ausschreibung vorbereitet'],
      ['Geändert von', 'Frau Meier', 'Herr Weber'],
      ['Geändert am', '12.03.2025, 08:15', '10.03.2025, 14:00'],
    ])
    const choices = f.findAll('.choice')
    expect(choices.map((c) => c.text())).toEqual([
      'Späteren Stand übernehmen (hier)',
      'Meinen Stand behalten',
      'Stand aus der Datei übernehmen',
      'Beide behalten (Stand aus der Datei als weiterer Eintrag)',
    ])
    const radios = f.findAll<HTMLInputElement>('input[type="radio"]')
    expect(radios.filter((r) => r.element.checked).map((r) => r.element.value)).toEqual(['auto'])
    // Every radio named by its own label; one group per conflict, apart from the answers' groups.
    for (const c of choices) expect(c.get('label').attributes('for')).toBe(c.get('input').attributes('id'))
    expect(new Set(radios.map((r) => r.element.name)).size).toBe(1)
    expect(radios[0]!.element.name).not.toMatch(/^conflict-\d+$/)
  })

  it('"Stand aus der Datei übernehmen" writes the other device’s values as a new change and records the status change', async () => {
    const w = await checked()
    const theirs = w.get('[data-testid="agenda-conflicts"]').findAll('.choice').find((c) => c.text() === 'Stand aus der Datei übernehmen')!
    await theirs.get('input').setValue(true)
    expect(useExchangeStore().agendaDecisions).toEqual({ [agendaConflictKey({ agendaId: 'ag-1', entryId: 'e-2' })]: 'theirs' })
    await applyChoice(w)

    const { deviceId } = await deviceIdentity()
    const stored = (await db.agendas.get('ag-1'))!
    const incoming = entry(onTheirs().agendas[0]!, 'e-2')
    expect(entry(stored, 'e-2')).toEqual({
      ...incoming,
      updatedAt: T3,
      updatedBy: 'Lenkungsgruppe',
      deviceId,
      rev: 4,
      vv: { 'dev-a': 3, 'dev-b': 1, [deviceId]: 1 },
    })
    expect(entry(stored, 'e-1')).toEqual(entry(onMine().agendas[0]!, 'e-1'))
    const events = (await db.agendaEvents.where('agendaId').equals('ag-1').toArray()).sort((a, b) => a.at.localeCompare(b.at))
    expect(events.map((e) => [e.entryId, e.from, e.to, e.at, e.by, e.deviceId, e.rev])).toEqual([
      ['e-2', 'planned', 'in_progress', T2, 'Frau Meier', 'dev-a', 2],
      ['e-2', 'in_progress', 'planned', T3, 'Lenkungsgruppe', deviceId, 4],
    ])
  })

  it('"auto" writes what the merge took (the later change, here) without a new status event', async () => {
    const w = await checked()
    await applyChoice(w)
    const expected = mergeOk(mergeExchange(onMine(), onTheirs())).state
    expect(await db.agendas.get('ag-1')).toEqual(expected.agendas[0])
    expect(entry((await db.agendas.get('ag-1'))!, 'e-2')).toMatchObject({ status: 'in_progress', note: 'Erste Sitzung terminiert', ownerDepartmentId: null })
    expect((await db.agendaEvents.toArray()).map((e) => e.id)).toEqual(['ev-a'])
  })

  it('"Beide behalten" keeps mine and adds the other device’s version as a further entry', async () => {
    const w = await checked()
    const both = w.get('[data-testid="agenda-conflicts"]').findAll('.choice').find((c) => c.text().startsWith('Beide behalten'))!
    await both.get('input').setValue(true)
    await applyChoice(w)
    const stored = (await db.agendas.get('ag-1'))!
    expect(stored.entries.map((e) => [e.title, e.measureId, e.status, e.note])).toEqual([
      ['Breitbandanschluss Rathaus', null, 'planned', ''],
      ['', 'm-lenkungsgruppe', 'in_progress', 'Erste Sitzung terminiert'],
      ['', 'm-lenkungsgruppe', 'planned', 'Ausschreibung vorbereitet'],
    ])
  })

  it('in English: an own entry moved here and given a Handlungsfeld there (title, kind, order as places)', async () => {
    const edited = (device: string, at: string, patch: Parameters<typeof updateEntry>[1]): BackupData => {
      const data = shared()
      const a = data.agendas[0]!
      return { ...data, agendas: [putEntry(a, updateEntry(entry(a, 'e-1'), patch, stampAt(at, device)))] }
    }
    await replaceAllData(edited('dev-a', T2, { order: 3, kind: 'leitprojekt' }), T2)
    const en = createI18n({ legacy: false, locale: 'en', messages: { en: allEn }, datetimeFormats: { en: { dateTime: { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' } } } })
    const w = await checked(edited('dev-b', T1, { title: 'Glasfaser Rathaus', handlungsfeldId: 'hf-2', end: '2026-12' }), en)
    const f = w.get('[data-testid="agenda-conflicts"] fieldset')
    expect(w.get('[data-testid="agenda-conflicts"] h3').text()).toBe('Conflicts in the digital agenda (1)')
    expect(f.get('legend').text()).toBe('Digitale Agenda 1.0: Breitbandanschluss Rathaus')
    expect(f.get('.changed-fields').text()).toBe('Changed on both devices: Title, Kind, Field of action, End, Order')
    expect(f.findAll('tbody tr').map(cells).slice(0, 5)).toEqual([
      ['Title', 'Breitbandanschluss Rathaus', 'Glasfaser Rathaus'],
      ['Kind', 'Lead project', 'Further measure'],
      ['Field of action', '–', 'Online-Dienste'],
      ['End', '–', '2026-12'],
      // Here e-1 comes after e-2 (order 3), in the file before it.
      ['Order', 'Place 2', 'Place 1'],
    ])
    expect(f.findAll('.choice').map((c) => c.text())).toEqual(['Take the later change (here)', 'Keep mine', 'Take the one from the file', 'Keep both (the file’s version as a further entry)'])
  })

  it('a new check starts with no agenda conflicts and no decisions', async () => {
    await checked()
    const exchange = useExchangeStore()
    exchange.decideAgenda(agendaConflictKey({ agendaId: 'ag-1', entryId: 'e-2' }), 'mine')
    exchange.reset()
    expect([exchange.agendaConflicts, exchange.agendaDecisions]).toEqual([[], {}])
  })
})
