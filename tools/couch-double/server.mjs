#!/usr/bin/env node
// Starts pouchdb-server (same command-line options) with one fix: a non-admin `PUT /<db>`
// crashes pouchdb-server 4.2.0 with "TypeError: db.info is not a function"
// (https://github.com/pouchdb/pouchdb-server/issues/374, still open). PouchDB clients send
// exactly that request when a database answers 404 (skip_setup: false), so the guard below
// answers like CouchDB does instead: 401 {"error":"unauthorized","reason":"You are not a server admin."}.
import Module, { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)
const dbRoutes = path.join(path.dirname(require.resolve('express-pouchdb/package.json')), 'lib', 'routes', 'db.js')
const originalLoad = Module._load

Module._load = function load(request, parent, isMain) {
  const loaded = originalLoad.call(this, request, parent, isMain)
  if (parent && request === './routes/db' && path.join(path.dirname(parent.filename), 'routes', 'db.js') === dbRoutes) {
    return function dbRoutesWithAdminGuard(app) {
      // Registered just before the original `PUT /:db`, after authentication has set couchSession.
      app.put('/:db', (req, res, next) => {
        const roles = req.couchSession?.userCtx?.roles ?? ['_admin'] // no session: admin party
        if (roles.includes('_admin')) return next()
        res.status(401).type('application/json').send(JSON.stringify({ error: 'unauthorized', reason: 'You are not a server admin.' }) + '\n')
      })
      return loaded(app)
    }
  }
  return loaded
}

require('pouchdb-server/lib/index.js')
