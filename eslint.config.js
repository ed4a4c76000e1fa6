// One flat config: eslint-plugin-vue + typescript-eslint. Formatting is left to the formatter.
import pluginVue from 'eslint-plugin-vue'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'
import globals from 'globals'

/** What src/domain may never import: it is plain TypeScript over plain data (STYLE.md §1). */
const DOMAIN_PURE = {
  group: ['vue', 'vue-*', 'pinia', 'dexie', 'chart.js', 'vue-chartjs', '@/db/*', '@/stores/*', '@/composables/*', '@/components/*', '@/views/*', '@/platform/*', '@/commands/*'],
  message: 'src/domain is framework-free.',
}

/** The domain contexts and the contexts each may import (imports point one way). */
const DOMAIN_CONTEXTS = {
  model: [],
  catalog: ['model'],
  analysis: ['model', 'catalog'],
  results: ['model', 'catalog', 'analysis', 'text'],
  exchange: ['model', 'catalog', 'agenda', 'services'],
  // The demo municipality is the top of the domain (nothing imports it): it analyses its own round
  // to build its Digitale Agenda and fills its Leistungsinventar.
  demo: ['model', 'catalog', 'analysis', 'results', 'agenda', 'services'],
  agenda: ['model', 'catalog', 'analysis', 'results'],
  services: ['model'],
  // Text formatting of catalogue texts (the safe Markdown subset): depends on nothing.
  text: [],
}

export default defineConfigWithVueTs(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'dev-dist/**', '.bench-out/**'] },
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/attributes-order': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Persistence only in src/db (STYLE.md §1): nobody else imports Dexie.
    files: ['src/**/*.{ts,vue}'],
    ignores: ['src/db/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'dexie', message: 'Only src/db may import Dexie.' }] }] },
  },
  {
    // One write path (STYLE.md §10): screens and components read through composables/stores and
    // write through src/commands, which stamps provenance. They never import the database layer.
    files: ['src/views/**/*.{ts,vue}', 'src/components/**/*.{ts,vue}', 'src/App.vue'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'dexie', message: 'Only src/db may import Dexie.' }],
          patterns: [{ group: ['@/db', '@/db/*', '../db/*', '../../db/*', './db/*'], message: 'Views and components never import src/db: read via src/composables (queries.ts), write via src/commands.' }],
        },
      ],
    },
  },
  {
    // Stores never import composables (composables use stores), and platform glue imports neither:
    // no import runs back up.
    files: ['src/stores/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'dexie', message: 'Only src/db may import Dexie.' }], patterns: [{ group: ['@/composables/*', '@/views/*', '@/components/*'], message: 'Stores do not import composables, views or components.' }] }],
    },
  },
  {
    files: ['src/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'dexie', message: 'Only src/db may import Dexie.' }], patterns: [{ group: ['@/stores/*', '@/composables/*', '@/views/*', '@/components/*', '@/commands/*'], message: 'src/platform is below stores and composables.' }] }],
    },
  },
  {
    // The domain is pure: no framework, no storage, no browser APIs.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [DOMAIN_PURE] }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator'],
    },
  },
  // Domain contexts import one way only (src/domain/README.md). A context reaches another as
  // @/domain/<context>/…, never by a relative path, so every crossing is visible to this rule.
  ...Object.entries(DOMAIN_CONTEXTS).map(([context, allowed]) => {
    const forbidden = Object.keys(DOMAIN_CONTEXTS).filter((c) => c !== context && !allowed.includes(c))
    const may = allowed.length > 0 ? allowed.map((c) => `domain/${c}`).join(', ') : 'no other context'
    return {
      files: [`src/domain/${context}/**/*.ts`],
      rules: {
        'no-restricted-imports': ['error', {
          patterns: [
            DOMAIN_PURE,
            { regex: '^\\.\\./', message: 'Import another domain context as @/domain/<context>/…, not by a relative path.' },
            { regex: `^@/domain/(${forbidden.join('|')})(/|$)`, message: `domain/${context} may import ${may} (model ← catalog ← analysis ← results; exchange and demo build on model and catalog).` },
          ],
        }],
      },
    }
  }),
  {
    files: ['tests/**/*.ts', 'bench/**/*.{ts,mjs}', 'scripts/**/*.{ts,mjs}', 'tools/**/*.mjs', '*.config.{ts,js}', 'tests/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
)
