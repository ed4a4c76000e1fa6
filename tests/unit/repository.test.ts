/** Publication on openCode (hardening #22): licence, contribution guide, a start script that fails clearly. */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// Vitest runs with the repository as working directory.
const read = (f: string) => readFileSync(path.resolve(process.cwd(), f), 'utf8')

describe('repository', () => {
  it('is licensed under EUPL-1.2 with the licence text beside it', () => {
    expect(JSON.parse(read('package.json')).license).toBe('EUPL-1.2')
    expect(read('LICENSE.md')).toMatch(/^# EUROPÄISCHE UNION PUBLIC LICENCE v\. 1\.2/)
  })
  it('has a contribution guide and the architecture notes the README promises', () => {
    expect(read('CONTRIBUTING.md')).toContain('EUPL-1.2')
    expect(read('README.md')).toMatch(/architecture\.md/)
    expect(existsSync(path.resolve(process.cwd(), 'docs/architecture.md'))).toBe(true)
  })
  it('npm start and npm run preview refuse a taken port instead of moving to another', () => {
    const scripts = JSON.parse(read('package.json')).scripts as Record<string, string>
    expect(scripts.start).toMatch(/vite preview .*--port 4173 --strictPort/)
    expect(scripts.preview).toMatch(/--strictPort/)
    expect(read('README.md')).toContain('Port 4173 is already in use')
  })
})
