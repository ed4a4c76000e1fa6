/**
 * The operator's details (operator.json) for the public pages: loaded once per mounted screen, the
 * defaults until then and whenever the file is missing or broken. Problems with the file go to the
 * console for the operator (field paths and codes), never to the user.
 */
import { onMounted, ref, shallowRef } from 'vue'
import { defaultOperatorConfig, loadOperatorConfig, type OperatorConfig } from '@/platform/operator-config'

export function useOperatorConfig() {
  const config = shallowRef<OperatorConfig>(defaultOperatorConfig())
  const loaded = ref(false)
  onMounted(async () => {
    const result = await loadOperatorConfig()
    config.value = result.config
    loaded.value = true
    if (result.issues.length > 0) console.warn('operator.json: fields ignored or file unusable (README, "Betreiberangaben")', result.issues)
  })
  return { config, loaded }
}
