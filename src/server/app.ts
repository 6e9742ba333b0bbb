import { createHmac, timingSafeEqual } from 'node:crypto'
import { readFileSync } from 'node:fs'
import compress from '@fastify/compress'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import type { z } from 'zod'
import { commitmentQuery, searchRequest } from '../app/requests.js'
import { ReadPool } from '../ingest/pool.js'
import { today as todayIso } from '../link/status.js'
import type { PipelineContext } from '../pipeline.js'
import { calendar, commitmentsFeed, dossierFeed, searchFeed } from '../publish/publish.js'
import { QueryError } from '../search/query.js'
import { paperKey, READER_VERSION } from '../store/keys.js'
import type { Store } from '../store/store.js'
import { registerWeb } from '../web/routes.js'
import { applyCorrection } from './corrections.js'
import { type ErrorBody, HttpError } from './errors.js'
import { openApi } from './openapi.js'
import * as S from './schemas.js'

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
  /** The address feeds link to (`--base-url https://kamerwacht.example.org`); default: the address the server listens on. Never the request's Host header. */
  baseUrl?: string
}

/** Validates one part of a request with its schema, or answers 400 naming the field. */
export function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const r = schema.safeParse(value ?? {})
  if (!r.success) throw HttpError.fromZod(where, r.error)
  return r.data
}

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
  // Pages use their own script and style files only; no inline script runs.
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
}

/** `http://127.0.0.1:8080` for the address the server listens on (`localhost` before it listens, as under `inject`). */
function listeningAddress(app: FastifyInstance): string {
  const a = app.server.address()
  if (!a || typeof a === 'string') return 'http://localhost'
  const host = a.address === '0.0.0.0' || a.address === '::' ? 'localhost' : a.family === 'IPv6' ? `[${a.address}]` : a.address
  return `http://${host}:${a.port}`
}

/** Builds the HTTP server (not listening): the JSON API, feeds, `/openapi.json` and the web UI. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { store, ctx } = options
  if (options.token !== undefined && !/^[\x21-\x7e]+$/.test(options.token))
    throw new Error('KAMERWACHT_TOKEN must be printable ASCII without spaces: an HTTP header cannot carry anything else, so no request could match it')
  const today = options.today ?? todayIso
  const maxUpload = options.maxUploadBytes ?? 25 * 1024 * 1024
  const bodyTimeout = options.bodyTimeoutMs ?? 60_000
  const app = Fastify({
    // Errors are always logged (the 500 answer points to the log); requests only when asked.
    logger: { level: options.logger ? 'info' : 'error', ...(options.logStream ? { stream: options.logStream } : {}) },
    bodyLimit: maxUpload,
    trustProxy: false,
    // Ids are checked by the route's schema, with our error shape; Fastify's own limit (100) answered in its own.
    routerOptions: { maxParamLength: 2000 },
    // Errors Fastify meets before any route (a malformed URL such as `/api/papers/%ZZ`): the same error shape and headers.
    frameworkErrors: (err, _req, reply) => {
      for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v)
      const status = (err as { statusCode?: number }).statusCode ?? 400
      const body: ErrorBody = { error: { status, code: 'bad-request', message: err.message } }
      void (reply as FastifyReply).status(status).send(body)
    },
  })
  await app.register(compress, { threshold: 1024 })
  // Uploads are rare: one reading thread, let go after a minute idle so a large paper's memory goes back.
  const pool =
    options.readPool ??
    new ReadPool({
      read: { ...(ctx.limits ? { limits: ctx.limits } : {}), ...(ctx.pdfEngine ? { pdfEngine: ctx.pdfEngine } : {}) },
      nameHints: true,
      idleMs: 60_000,
    })
  if (!options.readPool) app.addHook('onClose', async () => pool.close())

  // Uploads come in any form (PDF, XML, text, JSON): the body is kept as bytes for the reader.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body))

  // A body must arrive in time: one trickled byte by byte would hold a connection and its buffer forever.
  app.addHook('preParsing', async (req, _reply, payload) => {
    const timer = setTimeout(() => {
      req.log.warn(`request body not complete after ${bodyTimeout / 1000} s; connection closed`)
      req.raw.destroy()
    }, bodyTimeout)
    payload.once('end', () => clearTimeout(timer))
    payload.once('close', () => clearTimeout(timer))
    return payload
  })

  app.addHook('onSend', async (_req, reply, payload) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v)
    return payload
  })

  app.setErrorHandler((err: unknown, req, reply) => {
    if (err instanceof HttpError) return reply.status(err.status).send({ error: { status: err.status, code: err.code, message: err.message } })
    const e = err as { statusCode?: number; code?: string; message?: string }
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply.status(413).send({ error: { status: 413, code: 'too-large', message: `upload larger than ${maxUpload / 1024 / 1024} MB` } })
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)
      return reply.status(e.statusCode).send({ error: { status: e.statusCode, code: 'bad-request', message: e.message ?? 'bad request' } })
    req.log.error(err)
    return reply.status(500).send({ error: { status: 500, code: 'internal', message: 'internal error; the server log has the details' } })
  })
  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send({ error: { status: 404, code: 'not-found', message: `no route ${req.method} ${req.url.split('?')[0]}` } })
  })

  const token = options.token ? Buffer.from(options.token) : null
  /** Writes need the configured token; without one the server is read-only. */
  const requireToken = (req: FastifyRequest) => {
    if (!token) throw new HttpError(403, 'read-only', 'this server is read-only: start it with KAMERWACHT_TOKEN set to allow writes')
    const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')
    const given = Buffer.from(m?.[1]?.trim() ?? '')
    if (!m) throw new HttpError(401, 'unauthorized', 'send Authorization: Bearer <KAMERWACHT_TOKEN>')
    if (given.length !== token.length || !timingSafeEqual(given, token)) throw new HttpError(401, 'unauthorized', 'wrong token')
  }

  // The web UI's sign-in: the same token, typed once into /login, kept as a cookie that holds an HMAC of it
  // (never the token itself), HttpOnly and SameSite=Strict, so no other site's page can post with it.
  const session = token ? createHmac('sha256', token).update('kamerwacht web session').digest('hex') : null
  const web = {
    writable: !!token,
    tokenMatches: (given: string) => {
      const g = Buffer.from(given)
      return !!token && g.length === token.length && timingSafeEqual(g, token)
    },
    session,
    signedIn: (req: FastifyRequest) => {
      if (!session) return false
      const m = /(?:^|;\s*)kw_session=([0-9a-f]{64})(?:;|$)/.exec(req.headers.cookie ?? '')
      return !!m && timingSafeEqual(Buffer.from(m[1] as string), Buffer.from(session))
    },
  }

  const paperOr404 = async (id: string) => {
    const doc = await store.get(id)
    if (!doc) throw new HttpError(404, 'not-found', `no paper ${id}`)
    return doc
  }

  app.get('/health', async () => ({ status: 'ok' as const, papers: await store.count(), version: pkg.version, writable: !!token }))
  app.get('/openapi.json', async () => openApi(pkg.version))

  app.get('/api/search', async (req) => {
    const q = parse(S.SearchQuery, req.query, 'query')
    try {
      return await store.search(searchRequest(q))
    } catch (e) {
      if (e instanceof QueryError) throw new HttpError(400, 'invalid-query', `invalid q: ${e.message}`)
      throw e
    }
  })

  app.get('/api/papers', async (req) => {
    const q = parse(S.PaperListQuery, req.query, 'query')
    const all = await store.all()
    return { total: all.length, papers: all.slice(q.offset, q.offset + q.limit) }
  })

  app.get('/api/papers/:id', async (req, reply) => {
    const { id } = parse(S.IdParam, req.params, 'id')
    const { format } = parse(S.PaperQuery, req.query, 'query')
    const doc = await paperOr404(id)
    // The same bytes read by the same reader give the same Document.
    const etag = `"${doc.source.sha256.slice(0, 32)}-r${READER_VERSION}-${format}"`
    reply.header('etag', etag).header('cache-control', 'no-cache')
    if (req.headers['if-none-match'] === etag) return reply.status(304).send()
    if (format === 'text') return reply.type('text/plain; charset=utf-8').send(doc.text)
    return doc
  })

  app.get('/api/papers/:id/source', async (req, reply) => {
    const { id } = parse(S.IdParam, req.params, 'id')
    const doc = await paperOr404(id)
    const raw = await store.raw(id)
    if (!raw) throw new HttpError(404, 'not-found', `no source kept for ${id}`)
    // Shown in the browser where it can show it: a PDF, XML, and text (a web page's HTML as its text, never
    // rendered from this origin); a Word document is downloaded.
    const text = doc.form !== 'pdf' && doc.form !== 'docx' && !/\.xml$/i.test(doc.source.name)
    const type =
      doc.form === 'pdf' ? 'application/pdf' : doc.form === 'docx' ? 'application/octet-stream' : text ? 'text/plain; charset=utf-8' : 'application/xml'
    const name = doc.source.name.replace(/[^\w.-]+/g, '_')
    return reply
      .type(type)
      .header('content-disposition', `${doc.form === 'docx' ? 'attachment' : 'inline'}; filename="${name}"`)
      .send(Buffer.from(raw))
  })

  app.get('/api/papers/:id/citations', async (req) => {
    const { id } = parse(S.IdParam, req.params, 'id')
    const c = await store.citations(id)
    if (!c) throw new HttpError(404, 'not-found', `no paper ${id}`)
    return c
  })

  // The token is checked when the request line and headers are in, before the body is read: a client
  // without one holds no upload buffer (onRequest runs before Fastify reads the body).
  const tokenFirst = { onRequest: async (req: FastifyRequest) => requireToken(req) }

  app.post('/api/papers', tokenFirst, async (req, reply) => {
    const { name } = parse(S.UploadQuery, req.query, 'query')
    const body = req.body
    if (!Buffer.isBuffer(body) || body.length === 0)
      throw new HttpError(400, 'invalid-input', 'invalid body: send the paper (PDF, XML, HTML, text or open-data JSON) as the request body')
    // Read in a worker thread: the event loop keeps answering while a paper is parsed, and a paper over
    // the time or memory limit fails alone.
    const outcome = await pool.run({ bytes: new Uint8Array(body), name })
    if (outcome.type === 'failed') {
      if (outcome.code === 'internal') throw new Error(`reading ${name}: ${outcome.reason}`)
      throw new HttpError(422, 'unreadable', outcome.reason)
    }
    if (outcome.type === 'records') {
      // An open-data list (an OData page): every record kept, one paper per Document record, as ingest does.
      const applied = await store.applySync(`upload:${name}`, outcome.items, { file: name, records: outcome.items.length })
      return reply.status(200).send({ records: applied.records, papers: applied.papers, removed: applied.removed })
    }
    if (outcome.type !== 'doc') throw new Error('a reading pool without known papers answered unchanged')
    const doc = outcome.doc
    const result = await store.put(doc, new Uint8Array(body))
    return reply.status(result === 'new' ? 201 : 200).send({ id: doc.id, key: paperKey(doc), result, issues: doc.issues })
  })

  app.get('/api/dossiers/:nr', async (req) => {
    const { nr } = parse(S.DossierParam, req.params, 'nr')
    const view = await store.dossier(nr.replace(/\s+/g, ''), today())
    if (!view) throw new HttpError(404, 'not-found', `no paper of dossier ${nr}`)
    return view
  })

  app.get('/api/dossiers/:nr/timeline', async (req) => {
    const { nr } = parse(S.DossierParam, req.params, 'nr')
    const entries = await store.timeline(nr.replace(/\s+/g, ''), today())
    if (!entries.length) throw new HttpError(404, 'not-found', `no paper of dossier ${nr}`)
    return entries
  })

  app.get('/api/commitments', async (req) => {
    const q = parse(S.CommitmentQuery, req.query, 'query')
    return await store.commitments(commitmentQuery(q), today())
  })

  app.get('/api/commitments/:id', async (req) => {
    const { id } = parse(S.IdParam, req.params, 'id')
    const c = await store.commitment(id, today())
    if (!c) throw new HttpError(404, 'not-found', `no commitment ${id}`)
    return c
  })

  app.post('/api/commitments/:id/correction', tokenFirst, async (req) => {
    const { id } = parse(S.IdParam, req.params, 'id')
    let json: unknown
    try {
      json = JSON.parse(Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '')
    } catch {
      throw new HttpError(400, 'invalid-input', 'invalid body: send JSON such as {"action":"fulfilled-by","target":"kst-33783-52"}')
    }
    const body = parse(S.CorrectionBody, json, 'body')
    return { id, ...(await applyCorrection(store, id, body, today())) }
  })

  // Feeds: Atom for a saved search, a dossier and commitments; iCalendar for a dossier or a sender.
  // Links in feeds point at the configured base address, else at the address the server listens on: never at
  // the request's Host header, which a client chooses (and a cache could then hand its links to everyone).
  const base = () => options.baseUrl?.replace(/\/+$/, '') ?? listeningAddress(app)
  const atomReply = (reply: FastifyReply, body: string) => reply.type('application/atom+xml; charset=utf-8').send(body)
  const icsReply = (reply: FastifyReply, body: string, name: string) =>
    reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `inline; filename="${name.replace(/[^\w.-]+/g, '_')}.ics"`)
      .send(body)

  app.get('/feeds/search.atom', async (req, reply) => {
    const q = parse(S.FeedQuery, req.query, 'query')
    if (!q.q) throw new HttpError(400, 'invalid-input', 'invalid q: give the search, as in /feeds/search.atom?q=kernwapens')
    try {
      return atomReply(reply, await searchFeed(store, q.q, { base: base(), today: today() }))
    } catch (e) {
      if (e instanceof QueryError) throw new HttpError(400, 'invalid-query', `invalid q: ${e.message}`)
      throw e
    }
  })
  app.get('/feeds/dossier/:file', async (req, reply) => {
    const { file } = req.params as { file: string }
    const m = /^(.+)\.(atom|ics)$/.exec(file)
    if (!m) throw new HttpError(404, 'not-found', 'use /feeds/dossier/NR.atom or /feeds/dossier/NR.ics')
    const nr = parse(S.DossierParam, { nr: m[1] }, 'nr').nr
    const o = { base: base(), today: today() }
    if (m[2] === 'ics') {
      if (!(await store.dossier(nr, o.today))) throw new HttpError(404, 'not-found', `no paper of dossier ${nr}`)
      return icsReply(reply, await calendar(store, { dossier: nr }, o), `dossier-${nr}`)
    }
    const feed = await dossierFeed(store, nr, o)
    if (!feed) throw new HttpError(404, 'not-found', `no paper of dossier ${nr}`)
    return atomReply(reply, feed)
  })
  app.get('/feeds/commitments.atom', async (req, reply) => {
    const q = parse(S.FeedQuery, req.query, 'query')
    return atomReply(
      reply,
      await commitmentsFeed(
        store,
        { ...(q.sender ? { sender: q.sender } : {}), ...(q.dossier ? { dossier: q.dossier } : {}) },
        { base: base(), today: today() },
      ),
    )
  })
  app.get('/feeds/commitments.ics', async (req, reply) => {
    const q = parse(S.FeedQuery, req.query, 'query')
    if (!q.sender) throw new HttpError(400, 'invalid-input', 'invalid sender: give a sender, as in /feeds/commitments.ics?sender=Buitenlandse%20Zaken')
    return icsReply(reply, await calendar(store, { sender: q.sender }, { base: base(), today: today() }), `toezeggingen-${q.sender}`)
  })

  registerWeb(app, { store, today, writable: !!token, base, web })
  return app
}
