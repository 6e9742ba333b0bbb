import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { Refusal } from '../../app/errors.js'
import { addFollow, followNews, markSeen } from '../../app/follows.js'
import { followPage, followsPage } from '../follows-page.js'
import { crossSite, FORM, formOf, html, notFound, refused, type WebContext } from '../respond.js'
import { loginPage } from './session.js'

/** Follows: saved searches and dossiers with what is new since the last visit; changed when signed in. */
export function followRoutes(app: FastifyInstance, c: WebContext): void {
  const { store } = c
  app.get('/follows', async (req, reply) => {
    const prefill = String((req.query as { query?: unknown }).query ?? '').slice(0, 1000)
    return html(reply, followsPage(await store.follows(), c.signedIn(req), null, prefill))
  })
  app.get('/follows/:name', async (req, reply) => {
    const { name } = req.params as { name: string }
    try {
      const { follow, result } = await followNews(store, name)
      return html(reply, followPage(follow, result, c.signedIn(req)))
    } catch (e) {
      if (e instanceof Refusal) return notFound(reply, e.nl)
      throw e
    }
  })
  /** A change to follows: from this site, signed in; else the answer that refuses it. */
  const refusedWrite = (req: FastifyRequest, reply: FastifyReply) => {
    if (crossSite(req)) return refused(reply)
    if (!c.signedIn(req)) return loginPage(c, reply, '/follows', 'Meld u aan om te volgen.', 401)
    return null
  }
  app.post('/follows', FORM, async (req, reply) => {
    const no = refusedWrite(req, reply)
    if (no) return no
    const form = formOf(req.body)
    try {
      await addFollow(store, form.name ?? '', form.query ?? '')
    } catch (e) {
      if (e instanceof Refusal) return html(reply, followsPage(await store.follows(), true, e.nl), 400)
      throw e
    }
    return reply.redirect('/follows', 303)
  })
  app.post('/follows/:name/seen', FORM, async (req, reply) => {
    const no = refusedWrite(req, reply)
    if (no) return no
    const { name } = req.params as { name: string }
    await markSeen(store, name).catch((e) => {
      if (!(e instanceof Refusal)) throw e
    })
    return reply.redirect(`/follows/${encodeURIComponent(name)}`, 303)
  })
  app.post('/follows/:name/remove', FORM, async (req, reply) => {
    const no = refusedWrite(req, reply)
    if (no) return no
    await store.removeFollow((req.params as { name: string }).name)
    return reply.redirect('/follows', 303)
  })
}
