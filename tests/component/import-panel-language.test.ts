/**
 * ImportPanel in English and German (hardening #8): a refused restore file is explained in the
 * language of the screen. The domain reports codes; the panel words them through i18n.
 */
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { createI18n } from 'vue-i18n'
import { beforeEach, describe, expect, it } from 'vitest'
import ImportPanel from '@/components/exchange/ImportPanel.vue'
import { db } from '@/db/database'
import { createBackup } from '@/domain/exchange/serialise'
import { i18n as appI18n } from '@/i18n'
import { useExchangeStore } from '@/stores/exchange'
import { META, makeCatalog, makeSmallData, sealRaw } from '../fixtures/backup-builders'
import { allDe as de, allEn as en } from '../fixtures/i18n'

function makeI18n(locale: 'de' | 'en') {
  return createI18n({
    legacy: false,
    locale,
    messages: { de, en },
    numberFormats: { de: appI18n.global.getNumberFormat('de'), en: appI18n.global.getNumberFormat('en') },
  })
}

/** A backup of a newer app (format version 99). */
const NEWER = '{"format":"digitalisierungs-check/backup","formatVersion":99}'

/** A valid backup that carries a catalogue without dimensions (checksum recomputed). */
function withBrokenCatalog(): string {
  const raw = JSON.parse(JSON.stringify(createBackup(makeSmallData(), META))) as Record<string, unknown>
  raw.catalogs = [{ ...makeCatalog(), dimensions: [] }]
  return sealRaw(raw)
}

let pinia: Pinia
beforeEach(async () => {
  await db.delete()
  await db.open()
  pinia = createPinia()
  setActivePinia(pinia)
})

async function refused(locale: 'de' | 'en', files: { name: string; text: string }[]): Promise<string[]> {
  const wrapper = mount(ImportPanel, { props: { inputId: 'restore-file', label: 'file' }, global: { plugins: [makeI18n(locale), pinia], stubs: { RouterLink: true } } })
  await useExchangeStore().check(files.map((f) => new File([f.text], f.name, { type: 'application/json' })))
  await flushPromises()
  return wrapper.findAll('.errors li').map((li) => li.text())
}

describe('ImportPanel words refused files in the language of the screen', () => {
  it('English', async () => {
    expect(
      await refused('en', [
        { name: 'newer.json', text: NEWER },
        { name: 'cut.json', text: '{"format":"digitalisierungs-check/backup",' },
        { name: 'catalogue.json', text: withBrokenCatalog() },
      ]),
    ).toEqual([
      'The backup has format version 99; this app can only read version 3. Please update the app. (formatVersion)',
      'The file ends unexpectedly – it was probably saved or transferred incompletely.',
      'The included catalogue eigener-katalog is invalid: Field “dimensions”: Too few entries (at least 1). (catalogs[0].dimensions)',
    ])
  })

  it('German, as before', async () => {
    expect(
      await refused('de', [
        { name: 'newer.json', text: NEWER },
        { name: 'catalogue.json', text: withBrokenCatalog() },
      ]),
    ).toEqual([
      'Die Datensicherung hat die Formatversion 99; diese App kann nur Version 3 lesen. Bitte aktualisieren Sie die App. (formatVersion)',
      'Der enthaltene Katalog eigener-katalog ist ungültig: Feld „dimensions“: Zu wenige Einträge (mindestens 1). (catalogs[0].dimensions)',
    ])
  })
})
