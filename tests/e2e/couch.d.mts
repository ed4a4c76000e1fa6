export interface CouchCredentials {
  name: string
  password: string
}
export const COUCH_ADMIN: Readonly<CouchCredentials>
export const COUCH_PROXY_PREFIX: string
export function basicAuth(name: string, password: string): string

export interface CouchDouble {
  /** http://127.0.0.1:<port>, no trailing slash, no credentials. */
  url: string
  port: number
  /** Folder with the LevelDB files, config.json and log.txt; kept by stop(). */
  dir: string
  pid: number | undefined
  /** stdout and stderr of pouchdb-server so far. */
  output(): string
  /** SIGTERM, then SIGKILL after 5 s. */
  stop(): Promise<void>
}
export function startCouch(options?: { dir?: string; port?: number; timeoutMs?: number }): Promise<CouchDouble>

export interface ProvisionedDatabase {
  url: string
  db: string
  user: string
  password: string
}
export function provisionDatabase(
  couchUrl: string,
  options: { db: string; user: string; password: string; admin?: CouchCredentials },
): Promise<ProvisionedDatabase>

export interface AppServer {
  /** http://127.0.0.1:<port>/ */
  baseURL: string
  /** baseURL + 'couchdb', no trailing slash: CouchDB under the app's origin. */
  couchURL: string
  port: number
  /** Points /couchdb/ at another server (e.g. a restarted double); undefined answers 502. */
  setCouchUrl(url: string | undefined): void
  stop(): Promise<void>
}
export function startAppServer(options?: { dist?: string; couchUrl?: string }): Promise<AppServer>

export function stopAll(...servers: Array<{ stop(): Promise<void> } | undefined>): Promise<void>
