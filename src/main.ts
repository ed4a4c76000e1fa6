import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import { i18n, initialLocale, setLocale } from './i18n'
import { registerOffline } from './platform/offline'
import { checkDatabaseCompatibility } from './db/compat'
import './styles/fonts.css'
import './styles/kern.scss'
import './styles/main.css'

async function start(): Promise<void> {
  // A stored English choice is applied before the first render; German needs no extra load.
  if (initialLocale() === 'en') await setLocale('en').catch(() => undefined)
  // Data saved by a newer version of the app is not opened (not even by Dexie): say so instead.
  const compat = await checkDatabaseCompatibility().catch(() => ({ status: 'ok' }) as const)
  if (compat.status === 'newer') {
    const { default: NewerDatabaseNotice } = await import('./components/common/NewerDatabaseNotice.vue')
    createApp(NewerDatabaseNotice, { version: compat.version, unknownStores: compat.unknownStores }).use(i18n).mount('#app')
    return
  }
  const app = createApp(App)
  app.use(createPinia())
  app.use(router)
  app.use(i18n)
  app.mount('#app')
  document.documentElement.lang = i18n.global.locale.value
  registerOffline()
}
void start()
