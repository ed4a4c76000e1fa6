/// <reference types="vite/client" />
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
declare const __APP_VERSION__: string
interface ImportMetaEnv { readonly VITE_DEMO_AUTOLOAD?: string }
