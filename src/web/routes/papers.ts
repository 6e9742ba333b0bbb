import type { FastifyInstance } from 'fastify'
import { dossier, timeline } from '../../app/board.js'
import { Refusal } from '../../app/errors.js'
import { motieFacts, motieFollowUps } from '../../app/moties.js'
import { dossierPage } from '../dossier-page.js'
import { citedPage, paperPage } from '../paper-page.js'
import { html, notFound, type WebContext } from '../respond.js'

/** A paper's page (clean text or source view, citations, its promises) and a dossier's page with its timeline. */
export function paperRoutes(app: FastifyInstance, c: WebContext): void {
  const { store } = c
  app.get('/papers/:id', async (req, reply) => {
    const { id } = req.params as { id: string }
    const view = (req.query as { view?: string }).view === 'source' ? 'source' : 'clean'
    const doc = await store.get(id)
    if (!doc) {
      // Not stored, but cited by stored papers: what is known of it (its dossier, who cites it, the official record).
      const cited = await store.citations(id)
      return cited ? html(reply, citedPage(cited)) : notFound(reply, `Geen stuk ${id} opgeslagen.`)
    }
    const citations = await store.citations(id)
    const key = citations?.paper.key ?? id
    const commitments = (await store.commitments({ paper: key, limit: 500 }, c.today())).items
    const followUps = doc.type === 'motie' ? await motieFollowUps(store, doc.id ?? key) : []
    const facts = doc.type === 'motie' ? await motieFacts(store, doc.id ?? key) : null
    return html(reply, paperPage(doc, key, citations, commitments, view, c.signedIn(req) ? req.url : null, followUps, facts))
  })

  app.get('/dossiers/:nr', async (req, reply) => {
    const nr = (req.params as { nr: string }).nr
    try {
      return html(reply, dossierPage(await dossier(store, nr, c.today()), await timeline(store, nr, c.today())))
    } catch (e) {
      if (e instanceof Refusal) return notFound(reply, e.nl)
      throw e
    }
  })
}
