import { readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { ReadPool } from '../ingest/pool.js'
import { today as todayIso } from '../link/status.js'
import type { PipelineContext } from '../pipeline.js'
import type { Store } from '../store/store.js'
import { registerWeb } from '../web/routes.js'
import { authentication } from './auth.js'
import type { ApiContext } from './context.js'
import { docsRoutes } from './routes/docs.js'
import { feedRoutes } from './routes/feeds.js'
import { followApiRoutes } from './routes/follows.js'
import { paperRoutes } from './routes/papers.js'
import { trackingRoutes } from './routes/tracking.js'
import { createServer } from './setup.js'

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }

/** What the server needs: a store, the reading context for uploads, and the write token. */
export interface AppOptions {
  store: Store
  ctx: PipelineContext
  /** `KAMERWACHT_TOKEN`: writes need `Authorization: Bearer <token>`; without one the server is read-only. */
  token?: string | undefined
  /** Largest upload, in bytes (default 25 MB, the reader's own limit for text). */
  maxUploadBytes?: number
  /** The day statuses are computed for (default: today, or `KAMERWACHT_TODAY`). */
  today?: () => string
  /** Log every request (default off; `kamerwacht serve --log`). Errors are logged either way. */
  logger?: boolean
  /** Where log lines go (default standard output). */
  logStream?: { write: (line: string) => void }
  /** Reads uploads in worker threads with a time and memory limit (default: a pool of one thread, made here and closed with the app). */
  readPool?: ReadPool
  /** Longest an upload's body may take to arrive, in ms (default 60 s): a body trickled byte by byte is cut off. */
  bodyTimeoutMs?: number
  /**
   * The header an organisation's sign-in proxy puts the signed-in user's name in (`X-Forwarded-User`): each name
   * gets follows of its own, no tokens needed. Only behind a proxy that drops the header from what clients send.
   */
  userHeader?: string | undefined
  /** The address feeds link to (`--base-url https://kamerwacht.example.org`); default: the address the server listens on. Never the request's Host header. */
  baseUrl?: string
}

/** `http://127.0.0.1:8080` for the address the server listens on (`localhost` before it listens, as under `inject`). */
function listeningAddress(app: FastifyInstance): string {
  const a = app.server.address()
  if (!a || typeof a === 'string') return 'http://localhost'
  const host = a.address === '0.0.0.0' || a.address === '::' ? 'localhost' : a.family === 'IPv6' ? `[${a.address}]` : a.address
  return `http://${host}:${a.port}`
}

/** Builds the HTTP server (not listening): the JSON API, feeds, `/openapi.json` and the web UI, each from its route module. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { store, ctx } = options
  const { tokenFirst, web } = authentication(options.token, { store, userHeader: options.userHeader })
  const today = options.today ?? todayIso
  const app = await createServer({
    maxUploadBytes: options.maxUploadBytes ?? 25 * 1024 * 1024,
    bodyTimeoutMs: options.bodyTimeoutMs ?? 60_000,
    logger: options.logger,
    logStream: options.logStream,
  })
  // Uploads are rare: one reading thread, let go after a minute idle so a large paper's memory goes back.
  const pool =
    options.readPool ??
    new ReadPool({
      read: { ...(ctx.limits ? { limits: ctx.limits } : {}), ...(ctx.pdfEngine ? { pdfEngine: ctx.pdfEngine } : {}) },
      nameHints: true,
      idleMs: 60_000,
    })
  if (!options.readPool) app.addHook('onClose', async () => pool.close())
  const base = () => options.baseUrl?.replace(/\/+$/, '') ?? listeningAddress(app)
  const context: ApiContext = { store, today, base, tokenFirst, pool, version: pkg.version, writable: web.writable, viewer: web.viewer }
  paperRoutes(app, context)
  trackingRoutes(app, context)
  followApiRoutes(app, context)
  feedRoutes(app, context)
  docsRoutes(app)
  registerWeb(app, { store, today, writable: web.writable, base, web })
  return app
}
