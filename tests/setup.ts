// Every test gets a real IndexedDB implementation in memory (fake-indexeddb), so the Dexie layer runs unchanged.
import 'fake-indexeddb/auto'
