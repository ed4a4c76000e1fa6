import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { VitePWA } from 'vite-plugin-pwa'
import pkg from './package.json' with { type: 'json' }

/**
 * Identifies the rules stored records are checked with (the import schemas and the read guard): the
 * background check of stored data runs once per rules id, not on every start (first-load budget).
 */
function storedRulesId(): string {
  const dir = fileURLToPath(new URL('./src/domain/exchange/', import.meta.url))
  const files = [...readdirSync(dir).filter((f) => f.endsWith('.ts')).sort().map((f) => dir + f), fileURLToPath(new URL('./src/domain/model/stored-guard.ts', import.meta.url))]
  const hash = createHash('sha256').update(pkg.version)
  for (const f of files) hash.update(readFileSync(f))
  return hash.digest('hex').slice(0, 16)
}

// base './' + hash routing: the build runs from any folder of any web server (also a sub-path such as
// https://intranet.example.de/digitalcheck/) without rewrite rules.
export default defineConfig({
  base: './',
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
    __STORED_RULES_ID__: JSON.stringify(storedRulesId()),
    // vue-i18n's bundler flag: its general message compiler is left out; src/i18n/compile.ts compiles
    // our messages (a test compares both on every message). About 5 KB gzip less on the first load.
    __INTLIFY_DROP_MESSAGE_COMPILER__: true,
  },
  // KERN's SCSS (src/styles/kern.scss) still uses Sass features that newer Sass versions warn about.
  css: { preprocessorOptions: { scss: { quietDeps: true, silenceDeprecations: ['import', 'global-builtin', 'color-functions', 'if-function'] } } },
  plugins: [
    vue(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'favicon.ico', 'icons/*.png'],
      manifest: {
        name: 'Digitalisierungs-Check Kommune',
        short_name: 'Digi-Check',
        description: 'Reifegrad, Bedarf und Potenzial der Digitalisierung in der Kommunalverwaltung erheben und auswerten.',
        lang: 'de',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1d4f7c',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-512-maskable.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,json,webmanifest,woff2,xlsx}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // Take control of the open page as soon as the worker is active: without it the first visit
        // announces "ohne Netzwerk verfügbar", but lazy screens of that very page fail offline.
        clientsClaim: true,
        skipWaiting: true,
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      },
    }),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      output: {
        // The small data-layer modules every screen needs (Dexie, Pinia, the repositories and the
        // model they read) as one chunk instead of a dozen tiny ones: fewer requests and less
        // import/export glue on the first load.
        codeSplitting: {
          groups: [
            {
              name: 'data-core',
              test: /node_modules[\\/](dexie|pinia)[\\/]|src[\\/](db[\\/](database|meta|ids|quarantine|organisations|rounds|departments|assessments|tombstones|device|live)|domain[\\/]model[\\/]|stores[\\/]session|platform[\\/]useLiveQuery)/,
            },
          ],
        },
      },
    },
  },
})
