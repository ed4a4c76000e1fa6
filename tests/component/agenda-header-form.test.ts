/**
 * The agenda's header form (name, version, horizon, phases, Handlungsfelder): an accepted change is
 * written through updateAgendaHeader; a phase that breaks the domain's rules is shown with the
 * issue's text at its input and nothing is saved; a Handlungsfeld that entries use is not removed
 * (the form says how many entries use it), an unused one is.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import AgendaHeaderForm from '@/components/agenda/AgendaHeaderForm.vue'
import { addAgendaEntry, createAgenda } from '@/commands/agenda'
import { createOrganisation } from '@/commands/organisations'
import { resetIdentityCache, setUserName } from '@/commands/stamp'
import { getAgendaWithHistory } from '@/composables/strategy-queries'
import { db } from '@/db/database'
import type { Agenda } from '@/domain/agenda/types'
import de from '@/i18n/strategy.de'
import { makeI18n } from '../fixtures/i18n'

beforeEach(async () => {
  await db.delete()
  await db.open()
  resetIdentityCache()
  await setUserName('Frau Meier')
})
afterEach(() => {
  document.body.innerHTML = ''
})

/** 2026–2030 with one phase (2026–2027), two Handlungsfelder; one entry in "Verwaltung digital". */
async function seed(): Promise<Agenda> {
  const org = await createOrganisation({ name: 'Teststadt', type: 'stadt', bundesland: 'NW', inhabitants: 30000, staff: 250 })
  const created = await createAgenda([], {
    orgId: org.id,
    name: 'Digitale Agenda',
    startYear: 2026,
    years: 5,
    phases: [{ id: 'ph-1', name: 'Grundlagen schaffen', startYear: 2026, endYear: 2027 }],
    handlungsfelder: [{ id: 'hf-1', title: 'Verwaltung digital' }, { id: 'hf-2', title: 'Schule und Bildung' }],
  })
  if (!created.ok) throw new Error(created.error.code)
  const added = await addAgendaEntry(created.agenda.id, { kind: 'leitprojekt', title: 'E-Akte einführen', handlungsfeldId: 'hf-1' })
  if (!added.ok) throw new Error(added.error.code)
  return added.agenda
}

const stored = async (id: string) => (await getAgendaWithHistory(id))!.agenda
const mountForm = (agenda: Agenda) => mount(AgendaHeaderForm, { props: { agenda }, global: { plugins: [makeI18n()] }, attachTo: document.body })
const input = (w: ReturnType<typeof mount>, label: string) => {
  const l = w.findAll('label').find((x) => x.text() === label || x.text().startsWith(`${label} `))
  if (!l) throw new Error(`no label ${label}`)
  return w.find(`#${CSS.escape(l.attributes('for')!)}`)
}
const errorOf = (w: ReturnType<typeof mount>, label: string) => {
  const ids = (input(w, label).attributes('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-err'))
  return ids.map((id) => w.find(`#${CSS.escape(id)}`).text()).join(' ')
}
const button = (w: ReturnType<typeof mount>, name: string) => {
  const b = w.findAll('button').find((x) => x.text() === name)
  if (!b) throw new Error(`no button ${name}`)
  return b
}

describe('AgendaHeaderForm', () => {
  it('saves a new name and version through the command', async () => {
    const agenda = await seed()
    const w = mountForm(agenda)
    expect((input(w, 'Name der Agenda').element as HTMLInputElement).value).toBe('Digitale Agenda')
    await input(w, 'Name der Agenda').setValue('Digitale Agenda Teststadt')
    await input(w, 'Version').setValue('2.0')
    await w.find('form').trigger('submit')
    await vi.waitFor(() => expect(w.emitted('saved')).toBeDefined())
    const a = await stored(agenda.id)
    expect([a.name, a.version, a.updatedBy, a.rev]).toEqual(['Digitale Agenda Teststadt', '2.0', 'Frau Meier', agenda.rev + 1])
    expect(a.phases).toEqual(agenda.phases)
    expect(a.handlungsfelder).toEqual(agenda.handlungsfelder)
  })

  it('adds a phase and a Handlungsfeld', async () => {
    const agenda = await seed()
    const w = mountForm(agenda)
    await button(w, 'Phase hinzufügen').trigger('click')
    await flushPromises()
    expect(document.activeElement).toBe(input(w, 'Phase 2: Name').element)
    expect((input(w, 'Phase 2: von (Jahr)').element as HTMLInputElement).value).toBe('2028')
    expect((input(w, 'Phase 2: bis (Jahr)').element as HTMLInputElement).value).toBe('2030')
    await input(w, 'Phase 2: Name').setValue('Ausbauen')
    await input(w, 'Phase 2: bis (Jahr)').setValue('2029')
    await button(w, 'Handlungsfeld hinzufügen').trigger('click')
    await flushPromises()
    expect(document.activeElement).toBe(input(w, 'Handlungsfeld 3: Titel').element)
    await input(w, 'Handlungsfeld 3: Titel').setValue('Bürgerservice digital')
    await w.find('form').trigger('submit')
    await vi.waitFor(() => expect(w.emitted('saved')).toBeDefined())
    const a = await stored(agenda.id)
    expect(a.phases.map((p) => [p.name, p.startYear, p.endYear])).toEqual([['Grundlagen schaffen', 2026, 2027], ['Ausbauen', 2028, 2029]])
    expect(a.handlungsfelder.map((h) => h.title)).toEqual(['Verwaltung digital', 'Schule und Bildung', 'Bürgerservice digital'])
    const ids = [...a.phases.map((p) => p.id), ...a.handlungsfelder.map((h) => h.id)]
    expect(new Set(ids).size).toBe(5)
    expect(ids.every((id) => id.length > 0)).toBe(true)
  })

  it('refuses a phase that ends before it starts or lies outside the horizon, with the text at its input', async () => {
    const agenda = await seed()
    const w = mountForm(agenda)
    await input(w, 'Phase 1: bis (Jahr)').setValue('2025')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(errorOf(w, 'Phase 1: bis (Jahr)')).toBe('Eine Phase endet vor ihrem Beginn (2026–2025).')
    expect(input(w, 'Phase 1: bis (Jahr)').attributes('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(input(w, 'Phase 1: bis (Jahr)').element)

    await input(w, 'Phase 1: bis (Jahr)').setValue('2032')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(errorOf(w, 'Phase 1: bis (Jahr)')).toBe('Eine Phase (2026–2032) liegt außerhalb des Zeitraums 2026–2030.')

    await input(w, 'Phase 1: bis (Jahr)').setValue('27')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(errorOf(w, 'Phase 1: bis (Jahr)')).toBe(de.agenda.header.yearInvalid)

    // A shorter horizon that leaves the phase outside is reported at the phase, too.
    await input(w, 'Phase 1: bis (Jahr)').setValue('2027')
    await input(w, 'Zeitraum in Jahren').setValue('1')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(errorOf(w, 'Phase 1: bis (Jahr)')).toBe('Eine Phase (2026–2027) liegt außerhalb des Zeitraums 2026–2026.')
    expect(w.emitted('saved')).toBeUndefined()
    const a = await stored(agenda.id)
    expect([a.rev, a.horizon, a.phases]).toEqual([agenda.rev, agenda.horizon, agenda.phases])
  })

  it('refuses a horizon that leaves entries\' dates out and says how many', async () => {
    const seeded = await seed()
    const dated = await addAgendaEntry(seeded.id, { kind: 'measure', title: 'Ratsinformationssystem', start: '2029-01', end: '2030-06' })
    if (!dated.ok) throw new Error(dated.error.code)
    const w = mountForm(dated.agenda)
    await input(w, 'Zeitraum in Jahren').setValue('3')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(errorOf(w, 'Zeitraum in Jahren')).toBe('1 Eintrag hat einen Termin außerhalb von 2026–2028. Passen Sie zuerst seinen Beginn und sein Ende an oder wählen Sie einen anderen Zeitraum.')
    expect(document.activeElement).toBe(input(w, 'Zeitraum in Jahren').element)
    await input(w, 'Zeitraum in Jahren').setValue('11')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(errorOf(w, 'Zeitraum in Jahren')).toBe('Der Zeitraum darf höchstens 10 Jahre umfassen.')
    expect(w.emitted('saved')).toBeUndefined()
    expect((await stored(seeded.id)).horizon).toEqual({ startYear: 2026, years: 5 })
  })

  it('keeps a Handlungsfeld that entries use and says how many; removes an unused one', async () => {
    const agenda = await seed()
    const w = mountForm(agenda)
    expect(w.text()).toContain('1 Eintrag zugeordnet')
    await button(w, 'Handlungsfeld 1 entfernen').trigger('click')
    await flushPromises()
    expect(w.find('[role="alert"]').text()).toBe('„Verwaltung digital“ ist 1 Eintrag zugeordnet und kann nicht entfernt werden. Ordnen Sie diesen Eintrag zuerst einem anderen Handlungsfeld oder „Ohne Handlungsfeld“ zu.')
    expect((input(w, 'Handlungsfeld 1: Titel').element as HTMLInputElement).value).toBe('Verwaltung digital')

    await button(w, 'Handlungsfeld 2 entfernen').trigger('click')
    await flushPromises()
    expect(w.findAll('label').filter((l) => l.text().startsWith('Handlungsfeld 2'))).toHaveLength(0)
    expect(document.activeElement).toBe(button(w, 'Handlungsfeld hinzufügen').element)
    await w.find('form').trigger('submit')
    await vi.waitFor(() => expect(w.emitted('saved')).toBeDefined())
    const a = await stored(agenda.id)
    expect(a.handlungsfelder).toEqual([{ id: 'hf-1', title: 'Verwaltung digital' }])
    expect(a.entries[0]!.handlungsfeldId).toBe('hf-1')
  })
})
