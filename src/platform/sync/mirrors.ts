/**
 * The replication copies in this browser, without loading PouchDB: PouchDB keeps a copy named
 * `dc-sync-<orgId>` as the IndexedDB database `_pouch_dc-sync-<orgId>`.
 */
const PREFIX = '_pouch_dc-sync-'

/** Deletes every replication copy of this app in this browser. */
export async function destroyAllMirrors(): Promise<void> {
  const list = (await globalThis.indexedDB?.databases?.()) ?? []
  await Promise.all(
    list
      .map((d) => d.name)
      .filter((name): name is string => typeof name === 'string' && name.startsWith(PREFIX))
      .map(
        (name) =>
          new Promise<void>((resolve) => {
            const req = indexedDB.deleteDatabase(name)
            req.onsuccess = req.onerror = req.onblocked = () => resolve()
          }),
      ),
  )
}
