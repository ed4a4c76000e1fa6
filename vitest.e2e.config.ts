// Real-browser tests: Debian Chromium driven by playwright-core against `vite preview` of dist/.
// Run with `npm run build && npm run test:e2e`.
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.spec.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    // Two cores: one browser at a time, one file after the other.
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 90_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    reporters: ['default'],
  },
})
