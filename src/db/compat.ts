/**
 * Is the database in this browser one this version of the app can open? A newer app may have added
 * stores or raised the version; Dexie would open such a database anyway (or even raise its version
 * to add a store it misses) and write into it. This check reads the stored version and store names
 * with the raw IndexedDB API before Dexie touches anything, and never creates a database.
 */
import { DB_NAME, DB_VERSION, SCHEMA_LATEST } from './database'

/** The schema version this app writes. Dexie stores version n as native IndexedDB version n × 10. */
export const APP_DB_VERSION = DB_VERSION
const NATIVE_VERSION = APP_DB_VERSION * 10
const KNOWN_STORES: ReadonlySet<string> = new Set(Object.keys(SCHEMA_LATEST))

export type DatabaseCompatibility =
  | { status: 'ok' }
  | { status: 'newer'; version: number; unknownStores: string[] }

export function checkDatabaseCompatibility(name = DB_NAME, factory: IDBFactory = indexedDB): Promise<DatabaseCompatibility> {
  return new Promise((resolve, reject) => {
    let request: IDBOpenDBRequest
    try {
      request = factory.open(name)
    } catch (e) {
      reject(e)
      return
    }
    request.onupgradeneeded = (event) => {
      // No such database yet: do not create it here (Dexie will, with its own schema).
      if (event.oldVersion === 0) request.transaction?.abort()
    }
    request.onsuccess = () => {
      const idb = request.result
      const version = idb.version
      const unknownStores = [...idb.objectStoreNames].filter((s) => !KNOWN_STORES.has(s))
      idb.close()
      resolve(version > NATIVE_VERSION || unknownStores.length > 0 ? { status: 'newer', version: Math.floor(version / 10), unknownStores } : { status: 'ok' })
    }
    request.onerror = (event) => {
      // The aborted creation above ends here: there is no database, which is fine.
      if (request.error?.name === 'AbortError') {
        event.preventDefault()
        resolve({ status: 'ok' })
      } else reject(request.error ?? new Error('IndexedDB open failed'))
    }
    request.onblocked = () => undefined
  })
}
