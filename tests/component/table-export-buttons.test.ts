/**
 * TableExportButtons: two buttons in a named group; a press builds the sheets (a function is called
 * only then) and hands them to exportTables with the format and file name; while it runs both
 * buttons are disabled and a status says so; a failure (e.g. the library chunk cannot be loaded
 * offline) shows an alert and leaves the buttons usable.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import TableExportButtons from '@/components/common/TableExportButtons.vue'
import type { ExportTable } from '@/domain/results/table-export'
import { makeI18n } from '../fixtures/i18n'

const exportTables = vi.hoisted(() => vi.fn<(format: string, sheets: ExportTable[], fileName: string) => Promise<void>>())
vi.mock('@/platform/spreadsheet', () => ({ exportTables }))
afterEach(() => exportTables.mockReset())

const SHEET: ExportTable = { name: 'Reifegrade', headers: ['Fachbereich', 'Gesamt'], rows: [['12 · IT', 62.5]] }

function mountButtons(sheets: ExportTable[] | (() => ExportTable[])) {
  return mount(TableExportButtons, { props: { sheets, fileName: 'Musterstadt-reifegrade', label: 'Heatmap herunterladen' }, global: { plugins: [makeI18n()] } })
}

describe('TableExportButtons', () => {
  it('shows two named buttons in a labelled group', () => {
    const w = mountButtons([SHEET])
    expect(w.get('[role="group"]').attributes('aria-label')).toBe('Heatmap herunterladen')
    expect(w.findAll('button').map((b) => b.text())).toEqual(['Als Excel (XLSX)', 'Als OpenDocument (ODS)'])
  })

  it('builds the sheets on press and exports them as XLSX or ODS', async () => {
    exportTables.mockResolvedValue(undefined)
    const build = vi.fn(() => [SHEET])
    const w = mountButtons(build)
    expect(build).not.toHaveBeenCalled()
    await w.findAll('button')[0]!.trigger('click')
    await flushPromises()
    await w.findAll('button')[1]!.trigger('click')
    await flushPromises()
    expect(build).toHaveBeenCalledTimes(2)
    expect(exportTables.mock.calls).toEqual([
      ['xlsx', [SHEET], 'Musterstadt-reifegrade'],
      ['ods', [SHEET], 'Musterstadt-reifegrade'],
    ])
    expect(w.find('[role="alert"]').exists()).toBe(false)
  })

  it('disables both buttons and says so while the file is made', async () => {
    let finish!: () => void
    exportTables.mockReturnValue(new Promise<void>((resolve) => (finish = resolve)))
    const w = mountButtons([SHEET])
    await w.findAll('button')[1]!.trigger('click')
    expect(w.findAll('button').map((b) => b.attributes('disabled'))).toEqual(['', ''])
    expect(w.get('[role="status"]').text()).toBe('Die Datei wird erstellt …')
    finish()
    await flushPromises()
    expect(w.findAll('button').map((b) => b.attributes('disabled'))).toEqual([undefined, undefined])
    expect(w.get('[role="status"]').text()).toBe('')
  })

  it('shows an alert when the file cannot be made, and clears it on the next success', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    exportTables.mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
    const w = mountButtons([SHEET])
    await w.findAll('button')[0]!.trigger('click')
    await flushPromises()
    expect(w.get('[role="alert"]').text()).toContain('Die Datei konnte nicht erstellt werden.')
    expect(w.findAll('button').every((b) => b.attributes('disabled') === undefined)).toBe(true)
    exportTables.mockResolvedValueOnce(undefined)
    await w.findAll('button')[0]!.trigger('click')
    await flushPromises()
    expect(w.find('[role="alert"]').exists()).toBe(false)
    warn.mockRestore()
  })
})
