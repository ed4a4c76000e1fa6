/**
 * The replication copies in this browser, named and deleted without loading PouchDB: PouchDB keeps
 * a copy named `dc-sync-<orgId>` as the IndexedDB database `_pouch_dc-sync-<orgId>`.
 */
const NAME_PREFIX = 'dc-sync-'
const IDB_PREFIX = `_pouch_${NAME_PREFIX}`

/** Name of the organisation's replication copy (as PouchDB is given it). */
export const mirrorName = (orgId: string): string => `${NAME_PREFIX}${orgId}`

function deleteIdb(name: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(name)
    req.onsuccess = req.onerror = req.onblocked = () => resolve()
  })
}

/** Deletes the organisation's replication copy (the data itself stays). */
export function destroyMirror(orgId: string): Promise<void> {
  return deleteIdb(`_pouch_${mirrorName(orgId)}`)
}

/** Deletes every replication copy of this app in this browser. */
export async function destroyAllMirrors(): Promise<void> {
  const list = (await globalThis.indexedDB?.databases?.()) ?? []
  await Promise.all(list.map((d) => d.name).filter((name): name is string => typeof name === 'string' && name.startsWith(IDB_PREFIX)).map(deleteIdb))
}
