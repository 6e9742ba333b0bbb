import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { everyHoursOf, setAlerts } from '../../app/alerts.js'
import { Refusal } from '../../app/errors.js'
import { addFollow, followNews, markSeen } from '../../app/follows.js'
import { mayFollow, ownerOf, type Viewer } from '../../app/users.js'
import { now } from '../../link/status.js'
import { followPage, followsPage } from '../follows-page.js'
import { crossSite, FORM, formOf, html, notFound, refused, type WebContext } from '../respond.js'
import { loginPage } from './session.js'

/**
 * Follows: saved searches and dossiers with what is new since the last visit. A signed-in user sees and changes
 * their own; without sign-in the page shows the store's own, which the editor (the write token) changes.
 */
export function followRoutes(app: FastifyInstance, c: WebContext): void {
  const { store } = c
  app.get('/follows', async (req, reply) => {
    const prefill = String((req.query as { query?: unknown }).query ?? '').slice(0, 1000)
    const v = await c.viewer(req)
    return html(reply, followsPage(await store.follows(ownerOf(v)), mayFollow(v), null, prefill, v.user))
  })
  app.get('/follows/:name', async (req, reply) => {
    const { name } = req.params as { name: string }
    const v = await c.viewer(req)
    try {
      const { follow, result } = await followNews(store, ownerOf(v), name)
      return html(reply, followPage(follow, result, mayFollow(v)))
    } catch (e) {
      if (e instanceof Refusal) return notFound(reply, e.nl)
      throw e
    }
  })
  /** Who may change follows (from this site, signed in); null with the answer that refuses it sent. */
  const writer = async (req: FastifyRequest, reply: FastifyReply, back: string): Promise<Viewer | null> => {
    if (crossSite(req)) {
      await refused(reply)
      return null
    }
    const v = await c.viewer(req)
    if (mayFollow(v)) return v
    await loginPage(c, reply, back, 'Meld u aan om te volgen.', 401)
    return null
  }
  app.post('/follows', FORM, async (req, reply) => {
    const v = await writer(req, reply, '/follows')
    if (!v) return reply
    const form = formOf(req.body)
    try {
      await addFollow(store, ownerOf(v), form.name ?? '', form.query ?? '')
    } catch (e) {
      if (e instanceof Refusal) return html(reply, followsPage(await store.follows(ownerOf(v)), true, e.nl, '', v.user), 400)
      throw e
    }
    return reply.redirect('/follows', 303)
  })
  app.post('/follows/:name/seen', FORM, async (req, reply) => {
    const { name } = req.params as { name: string }
    const v = await writer(req, reply, `/follows/${encodeURIComponent(name)}`)
    if (!v) return reply
    await markSeen(store, ownerOf(v), name).catch((e) => {
      if (!(e instanceof Refusal)) throw e
    })
    return reply.redirect(`/follows/${encodeURIComponent(name)}`, 303)
  })
  app.post('/follows/:name/alerts', FORM, async (req, reply) => {
    const { name } = req.params as { name: string }
    const v = await writer(req, reply, `/follows/${encodeURIComponent(name)}`)
    if (!v) return reply
    const form = formOf(req.body)
    try {
      const email = form.email?.trim() || null
      const current = (await store.follows(ownerOf(v))).find((f) => f.name === name)
      // The form sets the e-mail address and the interval; a webhook set on the command line stays.
      await setAlerts(store, ownerOf(v), name, { email, webhook: current?.webhook ?? null, everyHours: everyHoursOf(form.every) }, now())
    } catch (e) {
      if (!(e instanceof Refusal)) throw e
      if (e.kind === 'not-found') return notFound(reply, e.nl)
      const { follow, result } = await followNews(store, ownerOf(v), name)
      return html(reply, followPage(follow, result, true, e.nl), 400)
    }
    return reply.redirect(`/follows/${encodeURIComponent(name)}`, 303)
  })
  app.post('/follows/:name/remove', FORM, async (req, reply) => {
    const v = await writer(req, reply, '/follows')
    if (!v) return reply
    await store.removeFollow(ownerOf(v), (req.params as { name: string }).name)
    return reply.redirect('/follows', 303)
  })
}
