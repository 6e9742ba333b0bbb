import cluster from 'node:cluster'
import { createContext } from '../pipeline.js'
import { buildApp } from '../server/app.js'
import { tokenProblem } from '../server/auth.js'
import { count, type Io } from './read.js'
import { openStore, storeProblem } from './store-commands.js'

/** What `kamerwacht serve` takes (validated by the CLI). */
export interface ServeOptions {
  port: number
  host: string
  db?: string | undefined
  log?: boolean | undefined
  /** Server processes sharing the port (default 1). */
  workers?: number | undefined
  /** The public address feeds link to. */
  baseUrl?: string | undefined
  /** The header a sign-in proxy names the user in (see app/users.ts). */
  userHeader?: string | undefined
  /** Make a new, empty store where `db` names none. */
  create?: boolean | undefined
}

/** A worker tells the primary process it listens. */
interface Listening {
  kind: 'kamerwacht-listening'
  port: number
  papers: number
  location: string
}

const isListening = (m: unknown): m is Listening => typeof m === 'object' && m !== null && (m as Listening).kind === 'kamerwacht-listening'

const stopSignal = () =>
  new Promise<void>((resolve) => {
    const stop = () => resolve()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })

function announce(opts: ServeOptions, port: number, papers: number, location: string, io: Io, workers: number): void {
  const token = process.env.KAMERWACHT_TOKEN?.trim()
  const shown = opts.host === '0.0.0.0' || opts.host === '::' ? 'localhost' : opts.host.includes(':') ? `[${opts.host}]` : opts.host
  io.stdout(`kamerwacht: ${count(papers, 'paper')} in ${location}\n`)
  io.stdout(
    `kamerwacht: serving on http://${shown}:${port}/  (API: /openapi.json; ${token ? 'writes with KAMERWACHT_TOKEN' : 'read-only: set KAMERWACHT_TOKEN to allow uploads'}${workers > 1 ? `; ${workers} processes` : ''})\n`,
  )
}

/**
 * `kamerwacht serve`: the API and web UI on one port, until Ctrl-C. With
 * `workers` > 1, that many processes share the port (node:cluster): a search
 * runs on one core, so more processes answer more searches at once. Each has
 * its own connection and caches; they see each other's writes as two
 * processes on one store always do (SQLite's WAL, PostgreSQL itself).
 */
export async function serveCommand(opts: ServeOptions, io: Io): Promise<number> {
  const workers = opts.workers ?? 1
  const token = process.env.KAMERWACHT_TOKEN?.trim() || undefined
  const problem = token === undefined ? null : tokenProblem(token)
  if (problem) {
    io.stderr(`kamerwacht serve: ${problem}\n`)
    return 2
  }
  // `serve --db data/kamerwach.db` (a typo) once served a new, empty store without a word.
  const missing = storeProblem(opts.db, opts.create)
  if (missing) {
    io.stderr(`kamerwacht serve: ${missing}; --create makes a new, empty one\n`)
    return 1
  }
  if (workers > 1 && cluster.isPrimary) return servePrimary(opts, workers, io)
  const store = await openStore(opts.db, { create: !!opts.create })
  // Before listening: the first searches should not be the ones that read the index.
  await store.warm()
  const ctx = await createContext()
  const app = await buildApp({ store, ctx, token, logger: !!opts.log, userHeader: opts.userHeader, ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}) })
  try {
    await app.listen({ port: opts.port, host: opts.host })
  } catch (e) {
    await store.close()
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') io.stderr(`kamerwacht serve: port ${opts.port} is in use; choose another with --port\n`)
    else io.stderr(`kamerwacht serve: ${(e as Error).message}\n`)
    // A worker's channel to the primary keeps it running until it is let go.
    if (cluster.isWorker) process.disconnect()
    return 1
  }
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : opts.port
  const papers = await store.count()
  if (cluster.isWorker) process.send?.({ kind: 'kamerwacht-listening', port, papers, location: store.location } satisfies Listening)
  else announce(opts, port, papers, store.location, io, 1)
  await stopSignal()
  await app.close()
  await store.close()
  if (cluster.isWorker) process.disconnect()
  return 0
}

/** The primary process of `serve --workers N`: starts the workers, starts a new one when one dies, stops them on Ctrl-C. */
async function servePrimary(opts: ServeOptions, workers: number, io: Io): Promise<number> {
  // Opened once here first, so that a store to migrate is migrated once, not by every worker at the same time.
  await (await openStore(opts.db, { create: true })).close()
  let listening = false
  let stopping = false
  // Announced when every process listens: before that, a process still starting takes no connection, and with
  // `--port 0` the port is chosen again if the only one listening dies (the primary's handle closes with it).
  const ready = new Set<number>()
  const done = new Promise<number>((resolve) => {
    cluster.on('message', (worker, message: unknown) => {
      if (!isListening(message) || listening) return
      ready.add(worker.id)
      if (ready.size < workers) return
      listening = true
      announce(opts, message.port, message.papers, message.location, io, workers)
    })
    let exitCode = 0
    cluster.on('exit', (worker, code, signal) => {
      if (!stopping && !listening) {
        // A worker that fails before it listens (port in use, bad store) has said why; the others would fail alike.
        stopping = true
        exitCode = 1
        for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM')
      } else if (!stopping) {
        io.stderr(`kamerwacht serve: process ${worker.process.pid} stopped (${signal ?? `exit ${code}`}); starting another\n`)
        cluster.fork()
        return
      }
      if (Object.keys(cluster.workers ?? {}).length === 0) resolve(exitCode)
    })
  })
  for (let i = 0; i < workers; i++) cluster.fork()
  void stopSignal().then(() => {
    stopping = true
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM')
  })
  return done
}
