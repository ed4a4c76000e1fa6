// One flat config: eslint-plugin-vue + typescript-eslint. Formatting is left to the formatter.
import pluginVue from 'eslint-plugin-vue'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'
import globals from 'globals'

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
      'no-restricted-imports': ['error', { patterns: [{ group: ['vue', 'vue-*', 'pinia', 'dexie', 'chart.js', 'vue-chartjs', '@/db/*', '@/stores/*', '@/composables/*', '@/components/*', '@/views/*'], message: 'src/domain is framework-free.' }] }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator'],
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.{ts,mjs}', 'scripts/**/*.ts', '*.config.{ts,js}', 'tests/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
)
