/**
 * Keeps the UI's wording in line with the catalogue of the selected round (issue 13): a catalogue
 * with `vocabulary: 'organisation'` switches Kommune/Fachbereich to Organisation/Bereich. No round,
 * no catalogue field or a catalogue that fails to load mean 'kommune'. Used once, in App.vue.
 */
import { watch } from 'vue'
import type { Vocabulary } from '@/domain/model/types'
import { catalogRefKey } from '@/domain/model/keys'
import { useCatalogStore } from '@/stores/catalogs'
import { useSelectedRound } from './useSelectedRound'

export function useVocabulary(): void {
  const { round } = useSelectedRound()
  const catalogs = useCatalogStore()
  let applied: Vocabulary = 'kommune'
  let latest = 0

  watch(
    () => (round.value ? catalogRefKey(round.value) : undefined),
    async () => {
      const call = ++latest
      const r = round.value
      let vocabulary: Vocabulary = 'kommune'
      if (r) {
        try {
          // The small catalogue summary (built-in: generated at build time), not the whole catalogue.
          vocabulary = (await catalogs.summary({ catalogId: r.catalogId, catalogVersion: r.catalogVersion })).vocabulary ?? 'kommune'
        } catch {
          vocabulary = 'kommune'
        }
      }
      // A newer round choice arrived while the catalogue loaded; it decides.
      if (call !== latest || vocabulary === applied) return
      applied = vocabulary
      // The overlay code and texts load only when a catalogue asks for another wording.
      const { applyVocabulary } = await import('@/i18n/vocabulary')
      await applyVocabulary(vocabulary)
    },
    { immediate: true },
  )
}
