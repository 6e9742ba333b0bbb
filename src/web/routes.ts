import { stringify } from 'csv-stringify/sync'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { everyCommitment } from '../app/requests.js'
import type { CommitmentQuery } from '../link/models.js'
import { COMMITMENT_COLUMNS, type CommitmentRow, commitmentRow } from '../publish/export.js'
import { dateField, typeField } from '../search/fields.js'
import { parseQuery, QueryError } from '../search/query.js'
import { applyCorrection } from '../server/corrections.js'
import { HttpError } from '../server/errors.js'
import type { Store } from '../store/store.js'
import { CSS, FAVICON, JS } from './assets.js'
import { BOARD_PAGE, commitmentsPage } from './commitments-page.js'
import { dossierPage } from './dossier-page.js'
import { followPage, followsPage } from './follows-page.js'
import { homeBlocks } from './home.js'
import { esc, layout } from './html.js'
import { paperPage } from './paper-page.js'
import { searchPage, toRequest } from './search-page.js'

const text = (max: number) =>
  z
    .string()
    .max(max)
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : undefined))
// A date that is none is a 400 that names the field, as the API's is (`van: 2022-13-45 is geen datum`).
const day = (example: string) => dateField(example, true)
const page = z.coerce.number().int().min(1).max(10_000).catch(1)

const SearchForm = z.object({
  q: z.string().max(1000).default(''),
  sort: z.enum(['relevance', 'date']).catch('relevance'),
  type: typeField(true),
  dossier: text(40),
  sender: text(200),
  from: day('2022-01-01'),
  to: day('2022-12-31'),
  page,
})

const BoardForm = z.object({
  status: z.enum(['open', 'due-soon', 'overdue', 'fulfilled']).optional().catch(undefined),
  sender: text(200),
  dossier: text(40),
  sort: z.enum(['deadline', 'date']).catch('deadline'),
  page,
})

const html = (reply: FastifyReply, body: string, status = 200) => reply.status(status).type('text/html; charset=utf-8').send(body)
const notFound = (reply: FastifyReply, what: string) =>
  html(reply, layout({ title: 'Niet gevonden', body: `<h1>Niet gevonden</h1><p>${esc(what)}</p><p><a href="/">Zoeken</a></p>` }), 404)

/** A form value the page cannot take: a 400 page that names the field. */
const badRequest = (reply: FastifyReply, error: z.ZodError) => {
  const issue = error.issues[0]
  const field = issue?.path.join('.') || 'query'
  return html(
    reply,
    layout({
      title: 'Ongeldige invoer',
      body: `<h1>Ongeldige invoer</h1><p role="alert">${esc(field)}: ${esc(issue?.message ?? 'ongeldig')}</p><p><a href="/">Opnieuw zoeken</a></p>`,
    }),
    400,
  )
}

const CORRECTION_ACTIONS = ['fulfilled-by', 'reopen', 'not-a-commitment', 'clear'] as const

/** The UI's sign-in, given by the server (see app.ts): the session cookie's value and checks. */
export interface WebSession {
  writable: boolean
  tokenMatches: (given: string) => boolean
  session: string | null
  signedIn: (req: FastifyRequest) => boolean
}

/** A path to return to after a form: on this site only (`/commitments?status=open`), never `//elsewhere`. */
const localPath = (value: string | undefined) => (value && /^\/(?!\/)[^\s\\]*$/.test(value) ? value : '/commitments')

/** The fields of a posted form (`application/x-www-form-urlencoded`; the body arrives as bytes). */
const formOf = (body: unknown): Record<string, string> =>
  Object.fromEntries(new URLSearchParams(Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : ''))

/** A post from another site's page (a forged form) is refused, whatever cookies it carries. */
const crossSite = (req: FastifyRequest) => {
  const site = req.headers['sec-fetch-site']
  if (site === 'cross-site') return true
  const origin = req.headers.origin
  return !!origin && origin !== 'null' && new URL(origin).host !== req.headers.host
}

/** A form posted from another site's page: refused. */
const refused = (reply: FastifyReply) => html(reply, layout({ title: 'Geweigerd', body: '<h1>Geweigerd</h1><p>Een formulier van een andere site.</p>' }), 403)

/** Every promise of a board's filter (all pages), as export rows. */
async function boardRows(store: Store, query: CommitmentQuery, today: string, base: string): Promise<CommitmentRow[]> {
  const rows: CommitmentRow[] = []
  for await (const c of everyCommitment(store, query, today)) rows.push(commitmentRow(c, base))
  return rows
}

/** Drops undefined fields, for `exactOptionalPropertyTypes`. */
const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> }

/** The web UI: server-rendered pages in Dutch, one stylesheet and one small script. */
export function registerWeb(
  app: FastifyInstance,
  o: {
    store: Store
    today: () => string
    writable: boolean
    /** The server's public address for absolute links (`--base-url`, or the listening address); never the request's `Host`. */
    base?: () => string
    /** Sign-in with the write token, for corrections in the UI (absent: no one signs in). */
    web?: WebSession
  },
): void {
  const origin = () => o.base?.() ?? ''
  const { store } = o
  app.get('/static/app.css', async (_req, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(CSS))
  app.get('/static/app.js', async (_req, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(JS))
  // The icon browsers ask for at /favicon.ico on their own, and the one the pages name: a small SVG.
  for (const path of ['/favicon.ico', '/favicon.svg'])
    app.get(path, async (_req, reply) => reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON))

  app.get('/', async (req, reply) => {
    const parsed = SearchForm.safeParse(req.query ?? {})
    if (!parsed.success) return badRequest(reply, parsed.error)
    const f = parsed.data
    const form = { ...defined({ type: f.type, dossier: f.dossier, sender: f.sender, from: f.from, to: f.to }), q: f.q, sort: f.sort, page: f.page }
    const searching = !!(f.q.trim() || f.type || f.dossier || f.sender || f.from || f.to)
    if (!searching) {
      // The home page: the newest papers (every paper is dated after 1800), what falls due and what is overdue.
      const day = o.today()
      const [latest, dueSoon, overdue] = await Promise.all([
        store.search({ q: '', from: '1800', sort: 'date', limit: 8 }),
        store.commitments({ status: 'due-soon', sort: 'deadline', limit: 5 }, day),
        store.commitments({ status: 'overdue', sort: 'deadline', limit: 5 }, day),
      ])
      const follows = await store.follows()
      const home = homeBlocks({
        follows,
        latest: latest.hits,
        dueSoon: dueSoon.items,
        dueSoonTotal: dueSoon.total,
        overdue: overdue.items,
        overdueTotal: overdue.total,
        dossiers: latest.facets.dossier.slice(0, 8).map((d) => ({ dossier: d.value, count: d.count })),
      })
      return html(reply, searchPage(form, null, null, [], home))
    }
    try {
      return html(reply, searchPage(form, await store.search(toRequest(form)), null, parseQuery(f.q).notes))
    } catch (e) {
      if (e instanceof QueryError) return html(reply, searchPage(form, null, e.nl), 400)
      throw e
    }
  })

  app.get('/papers/:id', async (req, reply) => {
    const { id } = req.params as { id: string }
    const view = (req.query as { view?: string }).view === 'source' ? 'source' : 'clean'
    const doc = await store.get(id)
    if (!doc) return notFound(reply, `Geen stuk ${id} opgeslagen.`)
    const citations = await store.citations(id)
    const key = citations?.paper.key ?? id
    const commitments = (await store.commitments({ paper: key, limit: 500 }, o.today())).items
    return html(reply, paperPage(doc, key, citations, commitments, view, signedIn(req) ? req.url : null))
  })

  app.get('/dossiers/:nr', async (req, reply) => {
    const nr = (req.params as { nr: string }).nr.replace(/\s+/g, '')
    const view = await store.dossier(nr, o.today())
    if (!view) return notFound(reply, `Geen stuk van dossier ${nr} opgeslagen.`)
    return html(reply, dossierPage(view, await store.timeline(nr, o.today())))
  })

  app.get('/commitments', async (req, reply) => {
    const parsed = BoardForm.safeParse(req.query ?? {})
    if (!parsed.success) return badRequest(reply, parsed.error)
    const f = parsed.data
    const filter = defined({ sender: f.sender, dossier: f.dossier })
    const list = await store.commitments(
      { ...filter, ...defined({ status: f.status }), sort: f.sort, limit: BOARD_PAGE, offset: (f.page - 1) * BOARD_PAGE },
      o.today(),
    )
    // The chart shows every status per sender; counts come with the list, whatever status is chosen.
    return html(
      reply,
      commitmentsPage(
        { ...filter, ...defined({ status: f.status }), sort: f.sort, page: f.page },
        list,
        list.counts.bySender,
        o.writable,
        signedIn(req),
        req.url,
      ),
    )
  })

  // Sign in with the write token, to correct promises in the UI.
  const web = o.web
  const signedIn = (req: FastifyRequest) => !!web?.signedIn(req)
  const loginPage = (reply: FastifyReply, back: string, error: string | null, status = 200) => {
    const body = web?.writable
      ? `<h1>Aanmelden</h1>
<p class="lead">Met het token van deze server (<code>KAMERWACHT_TOKEN</code>) kunt u toezeggingen corrigeren.</p>
${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
<form class="login" method="post" action="/login">
  <input type="hidden" name="back" value="${esc(back)}">
  <label for="token">Token</label> <input id="token" name="token" type="password" autocomplete="current-password" required>
  <button type="submit">Aanmelden</button>
</form>`
      : '<h1>Aanmelden</h1><p>Deze server is alleen-lezen: start hem met <code>KAMERWACHT_TOKEN</code> om correcties toe te staan.</p>'
    return html(reply, layout({ title: 'Aanmelden', body }), status)
  }
  app.get('/login', async (req, reply) => loginPage(reply, localPath((req.query as { back?: string }).back), null))
  app.post('/login', async (req, reply) => {
    const form = formOf(req.body)
    const back = localPath(form.back)
    if (crossSite(req)) return refused(reply)
    if (!web?.session || !web.tokenMatches(form.token ?? '')) return loginPage(reply, back, web?.writable ? 'Onjuist token.' : null, 401)
    const secure = req.protocol === 'https' ? '; Secure' : ''
    return reply.header('set-cookie', `kw_session=${web.session}; HttpOnly; SameSite=Strict; Path=/; Max-Age=43200${secure}`).redirect(back, 303)
  })
  app.post('/logout', async (req, reply) => {
    if (crossSite(req)) return refused(reply)
    return reply.header('set-cookie', 'kw_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0').redirect('/', 303)
  })
  // A correction from the board or a paper page. A target older than the promise or from another sender
  // is asked about once more, with the reasons, before it is recorded.
  app.post('/commitments/:id/correction', async (req, reply) => {
    const { id } = req.params as { id: string }
    const form = formOf(req.body)
    const back = localPath(form.back)
    if (crossSite(req)) return refused(reply)
    if (!signedIn(req)) return loginPage(reply, back, 'Meld u aan om te corrigeren.', 401)
    const action = CORRECTION_ACTIONS.find((a) => a === form.action)
    if (!action || (action === 'fulfilled-by' && !form.target?.trim()))
      return html(
        reply,
        layout({
          title: 'Ongeldige invoer',
          body: `<h1>Ongeldige invoer</h1><p role="alert">Kies een correctie; bij “Nagekomen” het stuk dat haar nakomt (kst-33783-52).</p><p><a href="${esc(back)}">Terug</a></p>`,
        }),
        400,
      )
    try {
      await applyCorrection(store, id, { action, ...(form.target ? { target: form.target.trim() } : {}), force: form.force === '1', by: 'web' }, o.today())
    } catch (e) {
      if (!(e instanceof HttpError)) throw e
      if (e.status === 409)
        return html(
          reply,
          layout({
            title: 'Weet u het zeker?',
            body: `<h1>Weet u het zeker?</h1><p role="alert">${esc(e.message.replace(/; send "force": true to record it anyway$/, ''))}</p>
<form method="post" action="/commitments/${encodeURIComponent(id)}/correction"><input type="hidden" name="back" value="${esc(back)}"><input type="hidden" name="action" value="fulfilled-by"><input type="hidden" name="target" value="${esc(form.target ?? '')}"><input type="hidden" name="force" value="1"><button>Toch vastleggen</button> <a href="${esc(back)}">Annuleren</a></form>`,
          }),
          409,
        )
      return html(
        reply,
        layout({ title: 'Niet gelukt', body: `<h1>Niet gelukt</h1><p role="alert">${esc(e.message)}</p><p><a href="${esc(back)}">Terug</a></p>` }),
        e.status,
      )
    }
    return reply.redirect(back, 303)
  })

  // Follows: saved searches and dossiers with what is new since the last visit; changed when signed in.
  app.get('/follows', async (req, reply) => {
    const prefill = String((req.query as { query?: unknown }).query ?? '').slice(0, 1000)
    return html(reply, followsPage(await store.follows(), signedIn(req), null, prefill))
  })
  app.get('/follows/:name', async (req, reply) => {
    const { name } = req.params as { name: string }
    const f = (await store.follows()).find((x) => x.name === name)
    if (!f) return notFound(reply, `U volgt niets onder de naam ${name}.`)
    const result = await store.search({ q: f.query, sinceSeq: f.seenSeq, sort: 'date', limit: 100 })
    return html(reply, followPage(f, result, signedIn(req)))
  })
  const followWrite = (req: FastifyRequest, reply: FastifyReply) => {
    if (crossSite(req)) return refused(reply)
    if (!signedIn(req)) return loginPage(reply, '/follows', 'Meld u aan om te volgen.', 401)
    return null
  }
  app.post('/follows', async (req, reply) => {
    const refused = followWrite(req, reply)
    if (refused) return refused
    const form = formOf(req.body)
    const name = (form.name ?? '').trim().slice(0, 60)
    const query = (form.query ?? '').trim().slice(0, 1000)
    try {
      if (!name || !query) throw new QueryError('a name and a query', 'Geef een naam en een zoekvraag.')
      parseQuery(query)
    } catch (e) {
      if (e instanceof QueryError) return html(reply, followsPage(await store.follows(), true, e.nl), 400)
      throw e
    }
    const at = new Date().toISOString()
    await store.saveFollow(name, query, at)
    await store.markFollowSeen(name, at)
    return reply.redirect('/follows', 303)
  })
  app.post('/follows/:name/seen', async (req, reply) => {
    const refused = followWrite(req, reply)
    if (refused) return refused
    const { name } = req.params as { name: string }
    await store.markFollowSeen(name, new Date().toISOString())
    return reply.redirect(`/follows/${encodeURIComponent(name)}`, 303)
  })
  app.post('/follows/:name/remove', async (req, reply) => {
    const refused = followWrite(req, reply)
    if (refused) return refused
    await store.removeFollow((req.params as { name: string }).name)
    return reply.redirect('/follows', 303)
  })

  // What the board shows, as a file for a spreadsheet: CSV for Dutch Excel (a byte-order mark, so it reads
  // UTF-8, and `;` between fields, as Excel expects where the decimal mark is a comma), or JSON.
  app.get('/commitments.csv', async (req, reply) => {
    const parsed = BoardForm.safeParse(req.query ?? {})
    if (!parsed.success) return badRequest(reply, parsed.error)
    const f = parsed.data
    const rows = await boardRows(store, { ...defined({ sender: f.sender, dossier: f.dossier, status: f.status }), sort: f.sort }, o.today(), origin())
    const csv = stringify([[...COMMITMENT_COLUMNS], ...rows.map((r) => COMMITMENT_COLUMNS.map((c) => r[c]))], {
      delimiter: ';',
      cast: { boolean: (b) => (b ? 'ja' : 'nee') },
    })
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="toezeggingen${f.status ? `-${f.status}` : ''}.csv"`)
      .send(`\uFEFF${csv}`)
  })
  app.get('/commitments.json', async (req, reply) => {
    const parsed = BoardForm.safeParse(req.query ?? {})
    if (!parsed.success) return badRequest(reply, parsed.error)
    const f = parsed.data
    const rows = await boardRows(store, { ...defined({ sender: f.sender, dossier: f.dossier, status: f.status }), sort: f.sort }, o.today(), origin())
    return reply.header('content-disposition', `attachment; filename="toezeggingen${f.status ? `-${f.status}` : ''}.json"`).send(rows)
  })
}
