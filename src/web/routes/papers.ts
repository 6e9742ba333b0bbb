import type { FastifyInstance } from 'fastify'
import { dossierNumber } from '../../app/board.js'
import { dossierPage } from '../dossier-page.js'
import { paperPage } from '../paper-page.js'
import { html, notFound, type WebContext } from '../respond.js'

/** A paper's page (clean text or source view, citations, its promises) and a dossier's page with its timeline. */
export function paperRoutes(app: FastifyInstance, c: WebContext): void {
  const { store } = c
  app.get('/papers/:id', async (req, reply) => {
    const { id } = req.params as { id: string }
    const view = (req.query as { view?: string }).view === 'source' ? 'source' : 'clean'
    const doc = await store.get(id)
    if (!doc) return notFound(reply, `Geen stuk ${id} opgeslagen.`)
    const citations = await store.citations(id)
    const key = citations?.paper.key ?? id
    const commitments = (await store.commitments({ paper: key, limit: 500 }, c.today())).items
    return html(reply, paperPage(doc, key, citations, commitments, view, c.signedIn(req) ? req.url : null))
  })

  app.get('/dossiers/:nr', async (req, reply) => {
    const nr = dossierNumber((req.params as { nr: string }).nr)
    const view = await store.dossier(nr, c.today())
    if (!view) return notFound(reply, `Geen stuk van dossier ${nr} opgeslagen.`)
    return html(reply, dossierPage(view, await store.timeline(nr, c.today())))
  })
}
