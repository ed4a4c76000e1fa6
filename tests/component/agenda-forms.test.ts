/**
 * The agenda's entry form and status change: messages come from the domain's issue codes and the
 * command's error codes (as German text at the field or in an alert), nothing is saved on a refusal,
 * and an accepted change is written through the commands. The dialog around them (ModalDialog) is
 * tested in modal-dialog.test.ts.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import AgendaEntryForm from '@/components/agenda/AgendaEntryForm.vue'
import AgendaStatusForm from '@/components/agenda/AgendaStatusForm.vue'
import { addAgendaEntry, changeAgendaEntryStatus, createAgenda } from '@/commands/agenda'
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

async function seed(): Promise<{ agenda: Agenda; entryId: string }> {
  const org = await createOrganisation({ name: 'Teststadt', type: 'stadt', bundesland: 'NW', inhabitants: 30000, staff: 250 })
  const created = await createAgenda([], { orgId: org.id, name: 'Digitale Agenda', startYear: 2026, years: 5 })
  if (!created.ok) throw new Error(created.error.code)
  const added = await addAgendaEntry(created.agenda.id, { kind: 'leitprojekt', title: 'E-Akte einführen' })
  if (!added.ok) throw new Error(added.error.code)
  return { agenda: added.agenda, entryId: added.entry.id }
}

const input = (w: ReturnType<typeof mount>, label: string) => {
  const l = w.findAll('label').find((x) => x.text().startsWith(label))
  if (!l) throw new Error(`no label ${label}`)
  return w.find(`#${CSS.escape(l.attributes('for')!)}`)
}
const errorOf = (w: ReturnType<typeof mount>, label: string) => {
  const ids = (input(w, label).attributes('aria-describedby') ?? '').split(' ').filter((id) => id.endsWith('-err'))
  return ids.map((id) => w.find(`#${CSS.escape(id)}`).text()).join(' ')
}

describe('AgendaEntryForm', () => {
  it('shows the texts of the issue codes at their fields and saves nothing', async () => {
    const { agenda } = await seed()
    const w = mount(AgendaEntryForm, { props: { agenda, entry: null, departments: [] }, global: { plugins: [makeI18n()] }, attachTo: document.body })
    await input(w, 'Beginn').setValue('2027-06')
    await input(w, 'Ende').setValue('2027-02')
    await input(w, 'Budget (Schätzung, €)').setValue('12,5')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(errorOf(w, 'Titel')).toBe(de.agenda.issue.entryUntitled)
    expect(errorOf(w, 'Ende')).toBe('Das Ende (2027-02) liegt vor dem Beginn (2027-06).')
    expect(errorOf(w, 'Budget (Schätzung, €)')).toBe(de.agenda.issue.invalidBudget)
    expect(errorOf(w, 'Beginn')).toBe('')
    expect(input(w, 'Titel').attributes('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(input(w, 'Titel').element)
    expect(w.emitted('saved')).toBeUndefined()
    expect((await getAgendaWithHistory(agenda.id))!.agenda.entries).toHaveLength(1)

    await input(w, 'Beginn').setValue('2040-01')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(errorOf(w, 'Beginn')).toBe('„2040-01“ liegt außerhalb des Zeitraums der Agenda (2026–2030).')
  })

  it('saves an edit through the command and emits saved', async () => {
    const { agenda, entryId } = await seed()
    const entry = agenda.entries.find((e) => e.id === entryId)!
    const w = mount(AgendaEntryForm, { props: { agenda, entry, departments: [] }, global: { plugins: [makeI18n()] }, attachTo: document.body })
    await input(w, 'Beginn').setValue('2026-03')
    await input(w, 'Ende').setValue('2027-12')
    await input(w, 'Budget (Schätzung, €)').setValue('25.000')
    await input(w, 'Notiz').setValue('Mit dem Kreis abstimmen')
    await w.find('form').trigger('submit')
    await vi.waitFor(() => expect(w.emitted('saved')).toBeDefined())
    expect(w.emitted('saved')).toEqual([[entryId]])
    const saved = (await getAgendaWithHistory(agenda.id))!.agenda.entries.find((e) => e.id === entryId)!
    expect([saved.title, saved.start, saved.end, saved.budgetEstimate, saved.note, saved.status, saved.updatedBy]).toEqual(['E-Akte einführen', '2026-03', '2027-12', 25000, 'Mit dem Kreis abstimmen', 'planned', 'Frau Meier'])
  })
})

describe('AgendaStatusForm', () => {
  it('offers the allowed statuses and records geplant → in Umsetzung', async () => {
    const { agenda, entryId } = await seed()
    const entry = agenda.entries.find((e) => e.id === entryId)!
    const w = mount(AgendaStatusForm, { props: { agendaId: agenda.id, entry }, global: { plugins: [makeI18n()] }, attachTo: document.body })
    expect(w.text()).toContain('Aktueller Status: geplant')
    expect(w.findAll('select option').map((o) => o.text())).toEqual(['in Umsetzung', 'umgesetzt', 'zurückgestellt'])
    await w.find('select').setValue('in_progress')
    await w.find('form').trigger('submit')
    await vi.waitFor(() => expect(w.emitted('saved')).toBeDefined())
    expect(w.emitted('saved')).toEqual([['in_progress']])
    const { history } = (await getAgendaWithHistory(agenda.id))!
    expect(history.map((e) => [e.from, e.to, e.by])).toEqual([['planned', 'in_progress', 'Frau Meier']])
  })

  it('reopening a done entry without a note shows the command error as text and saves nothing', async () => {
    const { agenda, entryId } = await seed()
    const done = await changeAgendaEntryStatus(agenda.id, entryId, 'done')
    if (!done.ok) throw new Error(done.error.code)
    const w = mount(AgendaStatusForm, { props: { agendaId: agenda.id, entry: done.entry }, global: { plugins: [makeI18n()] }, attachTo: document.body })
    expect(w.findAll('select option').map((o) => o.text())).toEqual(['in Umsetzung'])
    expect(w.find('textarea').attributes('required')).toBeDefined()
    await w.find('form').trigger('submit')
    await vi.waitFor(() => expect(w.find('[role="alert"]').exists()).toBe(true))
    expect(w.find('[role="alert"]').text()).toBe(de.agenda.error.noteRequired)
    expect(w.find('textarea').attributes('aria-invalid')).toBe('true')
    expect(w.emitted('saved')).toBeUndefined()
    expect((await getAgendaWithHistory(agenda.id))!.agenda.entries[0]!.status).toBe('done')

    await w.find('textarea').setValue('Abnahme fehlgeschlagen')
    await w.find('form').trigger('submit')
    await vi.waitFor(() => expect(w.emitted('saved')).toBeDefined())
    expect(w.emitted('saved')).toEqual([['in_progress']])
    const { history } = (await getAgendaWithHistory(agenda.id))!
    expect(history.map((e) => [e.from, e.to, e.note])).toEqual([['planned', 'done', ''], ['done', 'in_progress', 'Abnahme fehlgeschlagen']])
  })
})
