// The agenda as an office table: one row per entry, budgets as numbers, Handlungsfeld by title, late
// marked; and the German words both agenda screens give it (useAgendaTexts().exportWords).
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent } from 'vue'
import { useAgendaTexts } from '@/components/agenda/agenda-texts'
import { agendaExportTable } from '@/domain/agenda/export'
import type { Agenda, AgendaEntry } from '@/domain/agenda/types'
import type { Department } from '@/domain/model/types'
import { makeI18n } from '../fixtures/i18n'

function makeEntry(id: string, over: Partial<AgendaEntry> = {}): AgendaEntry {
  return { id, measureId: null, title: id, kind: 'measure', handlungsfeldId: null, ownerDepartmentId: null, start: null, end: null, budgetEstimate: null, status: 'planned', note: '', order: 1, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', updatedBy: '', deviceId: 'd', rev: 1, vv: { d: 1 }, ...over }
}

describe('agendaExportTable', () => {
  it('writes one row per entry with typed cells', () => {
    const agenda = {
      handlungsfelder: [{ id: 'hf', title: 'Online-Dienste' }],
      entries: [
        makeEntry('a', { kind: 'leitprojekt', handlungsfeldId: 'hf', ownerDepartmentId: 'd32', start: '2026-01', end: '2026-03', budgetEstimate: 40000, note: 'mit Kreis' }),
        makeEntry('b', { status: 'done', end: '2026-02' }),
      ],
    } as unknown as Agenda
    const table = agendaExportTable(agenda, '2026-06-30', {
      sheet: 'Agenda',
      headers: ['T', 'A', 'H', 'V', 'B', 'E', '€', 'S', 'L', 'N'],
      title: (e) => e.title.toUpperCase(),
      kind: (e) => e.kind,
      status: (e) => e.status,
      owner: (e) => e.ownerDepartmentId ?? '',
      late: 'verspätet',
    })
    expect(table).toEqual({
      name: 'Agenda',
      headers: ['T', 'A', 'H', 'V', 'B', 'E', '€', 'S', 'L', 'N'],
      rows: [
        ['A', 'leitprojekt', 'Online-Dienste', 'd32', '2026-01', '2026-03', 40000, 'planned', 'verspätet', 'mit Kreis'],
        ['B', 'measure', '', '', '', '2026-02', null, 'done', '', ''],
      ],
    })
  })
})

describe('useAgendaTexts().exportWords', () => {
  it('gives both agenda screens the same German sheet: headers, kind, status, owner, late and file name', () => {
    let texts: ReturnType<typeof useAgendaTexts> | undefined
    mount(defineComponent({ setup: () => ((texts = useAgendaTexts()), () => null) }), { global: { plugins: [makeI18n()] } })
    const departments = [{ id: 'd32', code: '32', name: 'Ordnungsamt' }] as Department[]
    const agenda = {
      version: '1.0',
      handlungsfelder: [],
      entries: [makeEntry('a', { kind: 'leitprojekt', ownerDepartmentId: 'd32', status: 'in_progress', end: '2026-03' }), makeEntry('b', { kind: 'quick_win', ownerDepartmentId: 'gone' })],
    } as unknown as Agenda
    const table = agendaExportTable(agenda, '2026-06-30', texts!.exportWords((e) => `»${e.title}«`, departments))
    expect(table).toEqual({
      name: 'Agenda',
      headers: ['Titel', 'Art', 'Handlungsfeld', 'Verantwortlich (Fachbereich)', 'Beginn', 'Ende', 'Budget (Schätzung, €)', 'Status', 'verspätet', 'Notiz'],
      rows: [
        ['»a«', 'Leitprojekt', '', '32 · Ordnungsamt', '', '2026-03', null, 'in Umsetzung', 'verspätet', ''],
        ['»b«', 'Quick Win', '', '–', '', '', null, 'geplant', '', ''],
      ],
    })
    expect(texts!.exportFileName(agenda)).toBe('Digitale-Agenda-1.0')
  })
})
