import compress from '@fastify/compress'
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify'
import { type ErrorBody, httpErrorOf } from './errors.js'

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

/** How the server takes requests: body limits and time, and what it logs. */
export interface ServerSetup {
  maxUploadBytes: number
  bodyTimeoutMs: number
  logger?: boolean | undefined
  logStream?: { write: (line: string) => void } | undefined
}

/**
 * A Fastify instance with what every route shares: security headers, bodies kept as bytes and
 * timed, one error shape (`{ error: { status, code, message } }`) for HTTP errors, refusals,
 * framework errors and unknown routes, and a bare 500 that points to the log for anything else.
 */
export async function createServer(o: ServerSetup): Promise<FastifyInstance> {
  const app = Fastify({
    // Errors are always logged (the 500 answer points to the log); requests only when asked.
    logger: { level: o.logger ? 'info' : 'error', ...(o.logStream ? { stream: o.logStream } : {}) },
    bodyLimit: o.maxUploadBytes,
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

  // Uploads come in any form (PDF, XML, text, JSON): the body is kept as bytes for the reader.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body))

  // A body must arrive in time: one trickled byte by byte would hold a connection and its buffer forever.
  app.addHook('preParsing', async (req, _reply, payload) => {
    const timer = setTimeout(() => {
      req.log.warn(`request body not complete after ${o.bodyTimeoutMs / 1000} s; connection closed`)
      req.raw.destroy()
    }, o.bodyTimeoutMs)
    payload.once('end', () => clearTimeout(timer))
    payload.once('close', () => clearTimeout(timer))
    return payload
  })

  app.addHook('onSend', async (_req, reply, payload) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v)
    return payload
  })

  app.setErrorHandler((err: unknown, req, reply) => {
    const known = httpErrorOf(err)
    if (known) return reply.status(known.status).send({ error: { status: known.status, code: known.code, message: known.message } })
    const e = err as { statusCode?: number; code?: string; message?: string }
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      // The route's own limit: 25 MB for an upload, 16 KB for a form or a correction.
      const limit = req.routeOptions.bodyLimit ?? o.maxUploadBytes
      const size = limit >= 1024 * 1024 ? `${limit / 1024 / 1024} MB` : `${limit / 1024} KB`
      const what = limit >= 1024 * 1024 ? 'upload' : 'body'
      return reply.status(413).send({ error: { status: 413, code: 'too-large', message: `${what} larger than ${size}` } })
    }
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)
      return reply.status(e.statusCode).send({ error: { status: e.statusCode, code: 'bad-request', message: e.message ?? 'bad request' } })
    req.log.error(err)
    return reply.status(500).send({ error: { status: 500, code: 'internal', message: 'internal error; the server log has the details' } })
  })
  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send({ error: { status: 404, code: 'not-found', message: `no route ${req.method} ${req.url.split('?')[0]}` } })
  })
  return app
}
