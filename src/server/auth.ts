import { createHmac, timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { tokenHash, USER_NAME, userOfToken, type Viewer } from '../app/users.js'
import type { Store } from '../store/store.js'
import type { WebSession } from '../web/respond.js'
import { HttpError } from './errors.js'

/** The shortest write token taken: a short one is guessed by trying (5,000 tries took 3.4 s before sign-ins were throttled). */
export const MIN_TOKEN_LENGTH = 16

/** What is wrong with a write token, in one line for the person starting the server; null when nothing is. */
export function tokenProblem(token: string): string | null {
  if (!/^[\x21-\x7e]+$/.test(token))
    return 'KAMERWACHT_TOKEN must be printable ASCII without spaces: an HTTP header cannot carry anything else, so no request could match it'
  if (token.length < MIN_TOKEN_LENGTH)
    return `KAMERWACHT_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters (it has ${token.length}); make one with: openssl rand -hex 16`
  return null
}

/**
 * Failed sign-ins counted per address: after `free` of them within the window, each further try waits
 * twice as long as the one before (1 s, 2 s, … up to 15 minutes); a right token clears the count. The
 * count lives in memory, bounded: the oldest addresses are forgotten first.
 */
export class SignInThrottle {
  private readonly byAddress = new Map<string, { failures: number; until: number; last: number }>()

  constructor(
    private readonly now: () => number = Date.now,
    private readonly limits = { free: 5, windowMs: 15 * 60_000, maxWaitMs: 15 * 60_000, addresses: 10_000 },
  ) {}

  /** Seconds `address` must wait before its next try is weighed; 0 when it may try now. */
  waitFor(address: string): number {
    const a = this.byAddress.get(address)
    return a ? Math.max(0, Math.ceil((a.until - this.now()) / 1000)) : 0
  }

  failed(address: string): void {
    const now = this.now()
    const seen = this.byAddress.get(address)
    const failures = seen && now - seen.last < this.limits.windowMs ? seen.failures + 1 : 1
    // The fifth failure makes the sixth try wait a second, the next two, …
    const over = failures - this.limits.free + 1
    const until = over > 0 ? now + Math.min(this.limits.maxWaitMs, 1000 * 2 ** Math.min(over - 1, 20)) : now
    this.byAddress.delete(address)
    this.byAddress.set(address, { failures, until, last: now })
    if (this.byAddress.size > this.limits.addresses) this.byAddress.delete(this.byAddress.keys().next().value as string)
  }

  succeeded(address: string): void {
    this.byAddress.delete(address)
  }
}

/**
 * The write token, checked two ways: `Authorization: Bearer <token>` for the API, and for the web UI a
 * cookie that holds an HMAC of it (never the token itself), HttpOnly and SameSite=Strict, so no other
 * site's page can post with it. Without a token the server is read-only.
 */
export function authentication(
  tokenText: string | undefined,
  people?: { store: Store; userHeader?: string | undefined },
): {
  tokenFirst: { onRequest: (req: FastifyRequest) => Promise<void> }
  web: WebSession
} {
  const problem = tokenText === undefined ? null : tokenProblem(tokenText)
  if (problem) throw new Error(problem)
  const token = tokenText ? Buffer.from(tokenText) : null
  const matches = (given: string) => {
    const g = Buffer.from(given)
    return !!token && g.length === token.length && timingSafeEqual(g, token)
  }
  const failures = new SignInThrottle()
  const requireToken = (req: FastifyRequest) => {
    if (!token) throw new HttpError(403, 'read-only', 'this server is read-only: start it with KAMERWACHT_TOKEN set to allow writes')
    const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')
    if (!m) throw new HttpError(401, 'unauthorized', 'send Authorization: Bearer <KAMERWACHT_TOKEN>')
    const wait = failures.waitFor(req.ip)
    if (wait > 0) throw new HttpError(429, 'too-many-attempts', `too many wrong tokens from this address; try again in ${wait} s`)
    if (!matches(m[1]?.trim() ?? '')) {
      failures.failed(req.ip)
      throw new HttpError(401, 'unauthorized', 'wrong token')
    }
  }
  const session = token ? createHmac('sha256', token).update('kamerwacht web session').digest('hex') : null
  const signedIn = (req: FastifyRequest) => {
    if (!session) return false
    const m = /(?:^|;\s*)kw_session=([0-9a-f]{64})(?:;|$)/.exec(req.headers.cookie ?? '')
    return !!m && timingSafeEqual(Buffer.from(m[1] as string), Buffer.from(session))
  }
  const bearerMatches = (req: FastifyRequest) => matches(/^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '')
  return {
    // Checked when the request line and headers are in, before the body is read: a client without the
    // token holds no upload buffer (onRequest runs before Fastify reads the body).
    tokenFirst: { onRequest: async (req: FastifyRequest) => requireToken(req) },
    web: {
      writable: !!token,
      tokenMatches: matches,
      throttle: failures,
      session,
      signedIn,
      ...userSessions(people, (req) => signedIn(req) || bearerMatches(req)),
    },
  }
}

/**
 * People who sign in with a token of their own (see app/users.ts). The browser's cookie holds the user's name and an
 * HMAC keyed with their token's SHA-256 (never the token): it holds across restarts and server processes, and a new
 * token (`kamerwacht user token`) or removing the user ends it. Behind an organisation's sign-in proxy, the header
 * the proxy sets names the user instead (`--user-header`); the proxy must drop that header from what clients send.
 */
function userSessions(people: { store: Store; userHeader?: string | undefined } | undefined, isEditor: (req: FastifyRequest) => boolean) {
  const header = people?.userHeader?.toLowerCase()
  const seal = (tokenHash: string) => createHmac('sha256', tokenHash).update('kamerwacht user session').digest('hex')
  const cookieFor = (name: string, tokenHash: string) => `${Buffer.from(name).toString('base64url')}.${seal(tokenHash)}`
  const userOf = async (req: FastifyRequest): Promise<string | null> => {
    if (!people) return null
    if (header) {
      const given = req.headers[header]
      const name = (Array.isArray(given) ? given[0] : given)?.trim() ?? ''
      return USER_NAME.test(name) ? name : null
    }
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1]
    if (bearer) return (await userOfToken(people.store, bearer))?.name ?? null
    const m = /(?:^|;\s*)kw_user=([A-Za-z0-9_-]{1,120})\.([0-9a-f]{64})(?:;|$)/.exec(req.headers.cookie ?? '')
    if (!m) return null
    const name = Buffer.from(m[1] as string, 'base64url').toString()
    const found = await people.store.userByName(name)
    // Both 64 hex digits: compared in constant time (the name is the one the seal was made for only if it matches).
    return found && timingSafeEqual(Buffer.from(m[2] as string), Buffer.from(seal(found.tokenHash))) ? name : null
  }
  return {
    users: !!people,
    viewer: async (req: FastifyRequest): Promise<Viewer> => ({ user: await userOf(req), editor: isEditor(req) }),
    userSignIn: async (given: string): Promise<string | null> => {
      const user = people && !header ? await userOfToken(people.store, given) : null
      return user ? cookieFor(user.name, tokenHash(given)) : null
    },
  }
}
