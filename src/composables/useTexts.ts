/**
 * Loads a lazily split group of texts (see `loadTexts` in src/i18n) for the current language and
 * again after a change of language; `ready` turns true once the group is there.
 */
import { ref, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { loadTexts, type AppLocale, type TextGroup } from '@/i18n'

export function useTexts(group: TextGroup): Ref<boolean> {
  const { locale } = useI18n()
  const ready = ref(false)
  watch(
    locale,
    async (l) => {
      await loadTexts(group, l as AppLocale)
      if (locale.value === l) ready.value = true
    },
    { immediate: true },
  )
  return ready
}
