/// <reference types="vite/client" />
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
declare const __APP_VERSION__: string
/** Hash of the stored-record rules (vite.config.ts storedRulesId). */
declare const __STORED_RULES_ID__: string
interface ImportMetaEnv { readonly VITE_DEMO_AUTOLOAD?: string }
