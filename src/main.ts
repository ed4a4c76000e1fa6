import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { router } from './router'
import { i18n, initialLocale, setLocale } from './i18n'
import { registerOffline } from './platform/offline'
import './styles/fonts.css'
import './styles/kern.scss'
import './styles/main.css'

const app = createApp(App)
app.use(createPinia())
app.use(router)
app.use(i18n)
// A stored English choice is applied before the first render; German needs no extra load.
void (initialLocale() === 'en' ? setLocale('en') : Promise.resolve()).finally(() => {
  app.mount('#app')
  document.documentElement.lang = i18n.global.locale.value
  registerOffline()
})
