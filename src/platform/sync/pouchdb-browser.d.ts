// pouchdb-browser ships no types; the part the engine uses is typed in ./pouch.ts.
declare module 'pouchdb-browser' {
  const PouchDB: unknown
  export default PouchDB
}
