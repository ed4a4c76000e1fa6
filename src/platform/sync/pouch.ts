/**
 * PouchDB, loaded only when sync is switched on (its own chunk, never part of the first load), and
 * the small part of its API the engine uses, typed here.
 */

export interface PouchRev {
  rev: string
}

export interface PouchDocBase {
  _id: string
  _rev: string
  _deleted?: boolean
  _conflicts?: string[]
  [k: string]: unknown
}

export interface PouchChange {
  id: string
  seq: number | string
  changes: PouchRev[]
  deleted?: boolean
  doc?: PouchDocBase
}

export interface PouchEmitter {
  on(event: string, listener: (...args: never[]) => void): PouchEmitter
  cancel(): void
}

export interface PouchDatabase {
  info(): Promise<{ db_name?: string; doc_count: number; update_seq: number | string }>
  /** Remote databases: a request relative to the database's address, with its credentials. */
  fetch(path: string, init?: RequestInit): Promise<Response>
  allDocs(opts: { keys?: string[]; include_docs?: boolean; conflicts?: boolean; startkey?: string; endkey?: string }): Promise<{
    rows: { key: string; id?: string; value?: { rev: string; deleted?: boolean }; doc?: PouchDocBase | null; error?: string }[]
  }>
  bulkGet(opts: { docs: { id: string; rev: string }[] }): Promise<{ results: { id: string; docs: ({ ok: PouchDocBase } | { error: unknown })[] }[] }>
  bulkDocs(docs: object[]): Promise<{ ok?: boolean; id: string; rev?: string; error?: string; status?: number }[]>
  changes(opts: { since: number | string; limit?: number; include_docs?: boolean; conflicts?: boolean; style?: 'all_docs' }): Promise<{ results: PouchChange[]; last_seq: number | string }>
  changes(opts: { live: true; since: 'now' }): PouchEmitter
  get(id: string, opts?: object): Promise<PouchDocBase>
  put(doc: object): Promise<{ ok: boolean; id: string; rev: string }>
  destroy(): Promise<unknown>
  close(): Promise<unknown>
}

export interface PouchStatic {
  new (name: string, opts?: object): PouchDatabase
  replicate(source: PouchDatabase, target: PouchDatabase, opts: object): PouchEmitter
}

let loaded: Promise<PouchStatic> | null = null

/** PouchDB's browser build (IndexedDB and HTTP adapters, replication). */
export function loadPouch(): Promise<PouchStatic> {
  loaded ??= import('pouchdb-browser').then((m) => (m as unknown as { default: PouchStatic }).default)
  return loaded
}
