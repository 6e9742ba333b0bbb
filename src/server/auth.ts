import { createHmac, timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import type { WebSession } from '../web/respond.js'
import { HttpError } from './errors.js'

/**
 * The write token, checked two ways: `Authorization: Bearer <token>` for the API, and for the web UI a
 * cookie that holds an HMAC of it (never the token itself), HttpOnly and SameSite=Strict, so no other
 * site's page can post with it. Without a token the server is read-only.
 */
export function authentication(tokenText: string | undefined): {
  tokenFirst: { onRequest: (req: FastifyRequest) => Promise<void> }
  web: WebSession
} {
  if (tokenText !== undefined && !/^[\x21-\x7e]+$/.test(tokenText))
    throw new Error('KAMERWACHT_TOKEN must be printable ASCII without spaces: an HTTP header cannot carry anything else, so no request could match it')
  const token = tokenText ? Buffer.from(tokenText) : null
  const matches = (given: string) => {
    const g = Buffer.from(given)
    return !!token && g.length === token.length && timingSafeEqual(g, token)
  }
  const requireToken = (req: FastifyRequest) => {
    if (!token) throw new HttpError(403, 'read-only', 'this server is read-only: start it with KAMERWACHT_TOKEN set to allow writes')
    const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')
    if (!m) throw new HttpError(401, 'unauthorized', 'send Authorization: Bearer <KAMERWACHT_TOKEN>')
    if (!matches(m[1]?.trim() ?? '')) throw new HttpError(401, 'unauthorized', 'wrong token')
  }
  const session = token ? createHmac('sha256', token).update('kamerwacht web session').digest('hex') : null
  return {
    // Checked when the request line and headers are in, before the body is read: a client without the
    // token holds no upload buffer (onRequest runs before Fastify reads the body).
    tokenFirst: { onRequest: async (req: FastifyRequest) => requireToken(req) },
    web: {
      writable: !!token,
      tokenMatches: matches,
      session,
      signedIn: (req: FastifyRequest) => {
        if (!session) return false
        const m = /(?:^|;\s*)kw_session=([0-9a-f]{64})(?:;|$)/.exec(req.headers.cookie ?? '')
        return !!m && timingSafeEqual(Buffer.from(m[1] as string), Buffer.from(session))
      },
    },
  }
}
