import { stringify } from 'csv-stringify/sync'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import { type Refusal, refusalOf } from '../app/errors.js'
import type { Viewer } from '../app/users.js'
import { spreadsheetText } from '../publish/export.js'
import type { Store } from '../store/store.js'
import { esc, layout } from './html.js'

/** The UI's sign-in, given by the server (see server/auth.ts): the session cookie's value and checks. */
export interface WebSession {
  writable: boolean
  tokenMatches: (given: string) => boolean
  /** Failed sign-ins per address: a guessing client is made to wait. */
  throttle: { waitFor: (address: string) => number; failed: (address: string) => void; succeeded: (address: string) => void }
  session: string | null
  signedIn: (req: FastifyRequest) => boolean
  /** Whether people sign in with tokens of their own or through a proxy (see app/users.ts). */
  users: boolean
  /** Who asks: a signed-in user, the editor (the write token), or nobody. */
  viewer: (req: FastifyRequest) => Promise<Viewer>
  /** The cookie value that signs in the user whose token this is; null when it is no user's. */
  userSignIn: (token: string) => Promise<string | null>
}

/** What every web route module is given by `registerWeb`. */
export interface WebContext {
  store: Store
  today: () => string
  writable: boolean
  /** The server's public address for absolute links (`--base-url`, or the listening address); never the request's `Host`. */
  origin: () => string
  web: WebSession | undefined
  signedIn: (req: FastifyRequest) => boolean
  /** Who asks (nobody where the server has no sign-in). */
  viewer: (req: FastifyRequest) => Promise<Viewer>
}

/**
 * A posted form is a few hundred bytes: its body is refused past this (413) before more is read, and
 * after decompression (a gzip body of zeros is refused at 16 KB, not inflated to megabytes).
 */
export const FORM = { bodyLimit: 16 * 1024 }

/** A page of HTML. */
export const html = (reply: FastifyReply, body: string, status = 200) => reply.status(status).type('text/html; charset=utf-8').send(body)

/** A 404 page that says what is missing. */
export const notFound = (reply: FastifyReply, what: string) =>
  html(reply, layout({ title: 'Niet gevonden', body: `<h1>Niet gevonden</h1><p>${esc(what)}</p><p><a href="/">Zoeken</a></p>` }), 404)

/** A refusal of a use case as a page, in its Dutch words: 404 for what is not there, else 400 naming the field. */
export const refusalPage = (reply: FastifyReply, r: Refusal, back = '/') =>
  r.kind === 'not-found'
    ? notFound(reply, r.nl)
    : html(
        reply,
        layout({
          title: 'Ongeldige invoer',
          body: `<h1>Ongeldige invoer</h1><p role="alert">${esc(r.nl)}</p><p><a href="${esc(back)}">${back === '/' ? 'Opnieuw zoeken' : 'Terug'}</a></p>`,
        }),
        400,
      )

/** A path to return to after a form: on this site only (`/commitments?status=open`), never `//elsewhere`. */
export const localPath = (value: string | undefined) => (value && /^\/(?!\/)[^\s\\]*$/.test(value) ? value : '/commitments')

/** The fields of a posted form (`application/x-www-form-urlencoded`; the body arrives as bytes). */
export const formOf = (body: unknown): Record<string, string> =>
  Object.fromEntries(new URLSearchParams(Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : ''))

/** A post from another site's page (a forged form) is refused, whatever cookies it carries. */
export const crossSite = (req: FastifyRequest) => {
  const site = req.headers['sec-fetch-site']
  if (site === 'cross-site') return true
  const origin = req.headers.origin
  if (!origin || origin === 'null') return false
  // An Origin that is no URL (`Origin: foo`) comes from no page of ours: refused like another site's.
  return !URL.canParse(origin) || new URL(origin).host !== req.headers.host
}

/** A form posted from another site's page: refused. */
export const refused = (reply: FastifyReply) =>
  html(reply, layout({ title: 'Geweigerd', body: '<h1>Geweigerd</h1><p>Een formulier van een andere site.</p>' }), 403)

/** Drops undefined fields, for `exactOptionalPropertyTypes`. */
export const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> }

/**
 * A page's query checked with its form's schema (Dutch messages): the values, or null after answering with a page
 * that says in Dutch what to write instead (`van: een datum als 2024-01-01`).
 */
export function queryForm<T>(schema: z.ZodType<T>): (req: FastifyRequest, reply: FastifyReply) => T | null {
  return (req, reply) => {
    // A form sends its blank fields too (`?status=&ministerie=Defensie`): a blank field is one not filled in.
    const query = Object.fromEntries(Object.entries((req.query ?? {}) as Record<string, unknown>).filter(([, v]) => v !== ''))
    const parsed = schema.safeParse(query)
    if (parsed.success) return parsed.data
    void refusalPage(reply, refusalOf(parsed.error.issues[0], 'query', true))
    return null
  }
}

/**
 * A table as a file for Dutch Excel, as every export of the UI gives it: a byte-order mark (so it reads UTF-8), `;`
 * between fields, a cell that would read as a formula made text, yes and no as `ja` and `nee`.
 */
export function sendSpreadsheet(reply: FastifyReply, filename: string, rows: unknown[][]): FastifyReply {
  const csv = stringify(rows, { delimiter: ';', cast: { boolean: (b) => (b ? 'ja' : 'nee'), string: spreadsheetText } })
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(`\uFEFF${csv}`)
}
