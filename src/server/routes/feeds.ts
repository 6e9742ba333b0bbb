import type { FastifyInstance, FastifyReply } from 'fastify'
import { dossier } from '../../app/board.js'
import { motieBoard, motiesFeed } from '../../app/motie-board.js'
import { checkQuery } from '../../app/search.js'
import { calendar, commitmentsFeed, dossierFeed, searchFeed } from '../../publish/publish.js'
import type { ApiContext } from '../context.js'
import { HttpError, parse, parseParams } from '../errors.js'
import * as S from '../schemas.js'

const atomReply = (reply: FastifyReply, body: string) => reply.type('application/atom+xml; charset=utf-8').send(body)
const icsReply = (reply: FastifyReply, body: string, name: string) =>
  reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `inline; filename="${name.replace(/[^\w.-]+/g, '_')}.ics"`)
    .send(body)

/**
 * Feeds: Atom for a saved search, a dossier, commitments and the moties board; iCalendar for a dossier or a sender.
 * Links in feeds point at the configured base address, else at the address the server listens on:
 * never at the request's Host header, which a client chooses (and a cache could then hand its links to everyone).
 */
export function feedRoutes(app: FastifyInstance, c: ApiContext): void {
  const { store } = c
  const at = () => ({ base: c.base(), today: c.today() })

  app.get('/feeds/search.atom', async (req, reply) => {
    const q = parse(S.FeedQuery, req.query, 'query')
    if (!q.q) throw new HttpError(400, 'invalid-input', 'invalid q: give the search, as in /feeds/search.atom?q=kernwapens')
    checkQuery(q.q)
    return atomReply(reply, await searchFeed(store, q.q, at()))
  })
  app.get('/feeds/dossier/:file', async (req, reply) => {
    const { file } = req.params as { file: string }
    const m = /^(.+)\.(atom|ics)$/.exec(file)
    if (!m) throw new HttpError(404, 'not-found', 'use /feeds/dossier/NR.atom or /feeds/dossier/NR.ics')
    const nr = parse(S.DossierParam, { nr: m[1] }, 'nr').nr
    const o = at()
    if (m[2] === 'ics') {
      await dossier(store, nr, o.today)
      return icsReply(reply, await calendar(store, { dossier: nr }, o), `dossier-${nr}`)
    }
    const feed = await dossierFeed(store, nr, o)
    if (!feed) throw new HttpError(404, 'not-found', `no paper of dossier ${nr}`)
    return atomReply(reply, feed)
  })
  app.get('/feeds/moties.atom', async (req, reply) => {
    const input = parseParams(S.MotieBoardQuery, req.query)
    return atomReply(reply, motiesFeed(await motieBoard(store, { ...input, limit: 200, offset: 0 }), input, c.base()))
  })
  app.get('/feeds/commitments.atom', async (req, reply) => {
    const q = parse(S.FeedQuery, req.query, 'query')
    const filter = { ...(q.sender ? { sender: q.sender } : {}), ...(q.dossier ? { dossier: q.dossier } : {}) }
    return atomReply(reply, await commitmentsFeed(store, filter, at()))
  })
  app.get('/feeds/commitments.ics', async (req, reply) => {
    const q = parse(S.FeedQuery, req.query, 'query')
    if (!q.sender) throw new HttpError(400, 'invalid-input', 'invalid sender: give a sender, as in /feeds/commitments.ics?sender=Buitenlandse%20Zaken')
    return icsReply(reply, await calendar(store, { sender: q.sender }, at()), `toezeggingen-${q.sender}`)
  })
}
