/** Dexie's liveQuery, re-exported so that composables can observe the database without importing Dexie. */
export { liveQuery } from 'dexie'
