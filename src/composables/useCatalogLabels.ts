/** Localised lookups into a catalogue by id (dimension titles, item questions, measure titles). */
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { localize } from '@/domain/model/localize'
import type { Catalog, LocalizedText } from '@/domain/model/types'

export function useCatalogLabels(catalog: () => Catalog | undefined) {
  const { locale } = useI18n()
  const maps = computed(() => {
    const c = catalog()
    return {
      dims: new Map(c?.dimensions.map((d) => [d.id, d]) ?? []),
      items: new Map(c?.items.map((i) => [i.id, i]) ?? []),
      measures: new Map(c?.measures.map((m) => [m.id, m]) ?? []),
    }
  })
  const L = (x: LocalizedText | undefined, fallback: string) => (x ? localize(x, locale.value) : fallback)
  return {
    dimTitle: (id: string) => L(maps.value.dims.get(id)?.title, id),
    /** The dimension's short title (charts, headers, stepper) when the catalogue gives one, else its title. */
    dimShortTitle: (id: string) => {
      const dim = maps.value.dims.get(id)
      const short = dim?.shortTitle ? localize(dim.shortTitle, locale.value).trim() : ''
      return short !== '' ? short : L(dim?.title, id)
    },
    itemQuestion: (id: string) => L(maps.value.items.get(id)?.question, id),
    itemLevelText: (id: string, level: number) => {
      const lvl = maps.value.items.get(id)?.levels[Math.round(level)]
      return lvl ? localize(lvl, locale.value) : ''
    },
    measure: (id: string) => maps.value.measures.get(id),
    measureTitle: (id: string) => L(maps.value.measures.get(id)?.title, id),
    measureDescription: (id: string) => L(maps.value.measures.get(id)?.description, ''),
  }
}
