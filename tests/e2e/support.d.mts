import type { BrowserContext, LaunchOptions } from 'playwright-core'

export const ROOT: string
export const HOST: string
export const CHROMIUM_PATH: string
export const CHROMIUM_ARGS: string[]
export function freePort(): Promise<number>
export interface PreviewServer {
  baseURL: string
  port: number
  /** The folder served (a temp copy of dist/ unless snapshot: false). */
  outDir: string
  pid: number | undefined
  stop(): Promise<void>
}
export function startPreview(options?: { timeoutMs?: number; snapshot?: boolean }): Promise<PreviewServer>
export function makeProfileDir(prefix?: string): string
export function removeProfile(dir: string): void
export function launchChromium(userDataDir: string, options?: Record<string, unknown> & Partial<LaunchOptions>): Promise<BrowserContext>
