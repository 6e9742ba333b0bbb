import type { FastifyInstance } from 'fastify'
import { Refusal, refusalOf } from '../../app/errors.js'
import { isSearching, search, searchInput } from '../../app/search.js'
import { homeBlocks } from '../home.js'
import { defined, html, refusalPage, type WebContext } from '../respond.js'
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
    if (!isSearching(f)) return html(reply, searchPage(form, null, null, [], await home(c)))
    try {
      const { result, notes } = await search(store, { ...f, limit: PAGE_SIZE, page: form.page })
      return html(reply, searchPage(form, result, null, notes))
    } catch (e) {
      if (e instanceof Refusal) return html(reply, searchPage(form, null, e.nl), 400)
      throw e
    }
  })
}

/** The home page's blocks: the newest papers (every paper is dated after 1800), what falls due and what is overdue. */
async function home(c: WebContext): Promise<string> {
  const day = c.today()
  const [latest, dueSoon, overdue, follows] = await Promise.all([
    c.store.search({ q: '', from: '1800', sort: 'date', limit: 8 }),
    c.store.commitments({ status: 'due-soon', sort: 'deadline', limit: 5 }, day),
    c.store.commitments({ status: 'overdue', sort: 'deadline', limit: 5 }, day),
    c.store.follows(),
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
