import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { Refusal, refusalOf } from '../../app/errors.js'
import { isSearching, search, searchInput, searchRows } from '../../app/search.js'
import { ownerOf } from '../../app/users.js'
import { PAPER_COLUMNS_NL } from '../../publish/export.js'
import { homeBlocks } from '../home.js'
import { defined, html, refusalPage, sendSpreadsheet, type WebContext } from '../respond.js'
import { PAGE_SIZE, searchPage } from '../search-page.js'

const SearchForm = searchInput('nl')

/** `/`: the home page (newest papers, what falls due, what is overdue), or a search with its facets. */
export function searchRoutes(app: FastifyInstance, c: WebContext): void {
  const { store } = c
  app.get('/', async (req, reply) => {
    const parsed = SearchForm.safeParse(req.query ?? {})
    if (!parsed.success) return refusalPage(reply, refusalOf(parsed.error.issues[0], 'query', true))
    const f = parsed.data
    const form = { ...defined({ type: f.type, dossier: f.dossier, sender: f.sender, from: f.from, to: f.to }), q: f.q, sort: f.sort, page: f.page ?? 1 }
    if (!isSearching(f)) return html(reply, searchPage(form, null, null, [], await home(c, ownerOf(await c.viewer(req)))))
    try {
      const { result, notes } = await search(store, { ...f, limit: PAGE_SIZE, page: form.page })
      return html(reply, searchPage(form, result, null, notes))
    } catch (e) {
      if (e instanceof Refusal) return html(reply, searchPage(form, null, e.nl), 400)
      throw e
    }
  })
}

/** `/search.csv` and `/search.json`: what a search finds, every page (up to 5,000 papers), for a spreadsheet or a program. */
export function searchExportRoutes(app: FastifyInstance, c: WebContext): void {
  const rows = async (req: FastifyRequest, reply: FastifyReply) => {
    const parsed = SearchForm.safeParse(req.query ?? {})
    if (!parsed.success) {
      await refusalPage(reply, refusalOf(parsed.error.issues[0], 'query', true))
      return null
    }
    try {
      return await searchRows(c.store, parsed.data, c.origin())
    } catch (e) {
      if (e instanceof Refusal) {
        await refusalPage(reply, e)
        return null
      }
      throw e
    }
  }
  app.get('/search.csv', async (req, reply) => {
    const found = await rows(req, reply)
    if (!found) return reply
    const keys = Object.keys(PAPER_COLUMNS_NL) as Array<keyof typeof PAPER_COLUMNS_NL>
    return sendSpreadsheet(reply, 'zoekresultaten.csv', [keys.map((k) => PAPER_COLUMNS_NL[k]), ...found.map((r) => keys.map((k) => r[k]))])
  })
  app.get('/search.json', async (req, reply) => {
    const found = await rows(req, reply)
    if (!found) return reply
    return reply.header('content-disposition', 'attachment; filename="zoekresultaten.json"').send(found)
  })
}

/** The home page's blocks (the follows `owner` has): the newest papers (every paper is dated after 1800), what falls due and what is overdue. */
async function home(c: WebContext, owner: string): Promise<string> {
  const day = c.today()
  const [latest, dueSoon, overdue, follows] = await Promise.all([
    c.store.search({ q: '', from: '1800', sort: 'date', limit: 8 }),
    c.store.commitments({ status: 'due-soon', sort: 'deadline', limit: 5 }, day),
    c.store.commitments({ status: 'overdue', sort: 'deadline', limit: 5 }, day),
    c.store.follows(owner),
  ])
  return homeBlocks({
    follows,
    latest: latest.hits,
    dueSoon: dueSoon.items,
    dueSoonTotal: dueSoon.total,
    overdue: overdue.items,
    overdueTotal: overdue.total,
    dossiers: latest.facets.dossier.slice(0, 8).map((d) => ({ dossier: d.value, count: d.count })),
  })
}
