/**
 * Starts `vite preview` for the production build (dist/, built by `npm run build` before the e2e run)
 * on a free 127.0.0.1 port and hands its address to the specs via provide/inject ('baseURL') and
 * the environment variable E2E_BASE_URL. Stops the server when the run ends.
 */
import type { TestProject } from 'vitest/node'
import { startPreview } from './support.mjs'

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPreview()
  process.env.E2E_BASE_URL = server.baseURL
  project.provide('baseURL', server.baseURL)
  return async () => {
    await server.stop()
  }
}
