import type { FastifyInstance, FastifyRequest } from 'fastify'
import { everyHoursOf, setAlerts } from '../../app/alerts.js'
import { addFollow, followNews, markSeen } from '../../app/follows.js'
import { mayFollow, ownerOf, type Viewer } from '../../app/users.js'
import { now } from '../../link/status.js'
import type { ApiContext } from '../context.js'
import { HttpError, parse } from '../errors.js'
import * as S from '../schemas.js'

/** A JSON body, or a 400 that shows one. */
function jsonBody(req: FastifyRequest, example: string): unknown {
  try {
    return JSON.parse(Buffer.isBuffer(req.body) ? req.body.toString('utf8') : typeof req.body === 'string' ? req.body : '')
  } catch {
    throw new HttpError(400, 'invalid-input', `invalid body: send JSON such as ${example}`)
  }
}

/**
 * `/api/follows`: the follows of whoever asks. A user sends their own token (`Authorization: Bearer <token>`, from
 * `kamerwacht user add`) or comes through the organisation's sign-in proxy; the write token stands for the store's
 * own follows; without either, the store's own are read-only.
 */
export function followApiRoutes(app: FastifyInstance, c: ApiContext): void {
  const { store } = c
  /** Who asks; a token that is nobody's (an old one, a typo) is refused rather than read as nobody. */
  const reader = async (req: FastifyRequest): Promise<Viewer> => {
    const v = await c.viewer(req)
    if (!mayFollow(v) && req.headers.authorization) throw new HttpError(401, 'unauthorized', 'wrong token: it is no user’s and not the write token')
    return v
  }
  const writer = async (req: FastifyRequest): Promise<Viewer> => {
    const v = await reader(req)
    if (!mayFollow(v)) throw new HttpError(401, 'unauthorized', 'sign in: send Authorization: Bearer <your token> (kamerwacht user add NAME makes one)')
    return v
  }
  const opts = { bodyLimit: 16 * 1024 }
  app.get('/api/follows', async (req) => ({ follows: await store.follows(ownerOf(await reader(req))) }))
  app.post('/api/follows', opts, async (req, reply) => {
    const v = await writer(req)
    const body = parse(S.FollowBody, jsonBody(req, '{"name":"npv","query":"dossier:33783"}'), 'body')
    return reply.status(201).send(await addFollow(store, ownerOf(v), body.name, body.query))
  })
  app.get('/api/follows/:name', async (req) => {
    const { name } = parse(S.FollowParam, req.params, 'name')
    const { follow, result } = await followNews(store, ownerOf(await reader(req)), name)
    return { follow, total: result.total, hits: result.hits }
  })
  app.post('/api/follows/:name/seen', async (req, reply) => {
    const v = await writer(req)
    await markSeen(store, ownerOf(v), parse(S.FollowParam, req.params, 'name').name)
    return reply.status(204).send()
  })
  app.put('/api/follows/:name/alerts', opts, async (req) => {
    const v = await writer(req)
    const { name } = parse(S.FollowParam, req.params, 'name')
    const body = parse(S.FollowAlertsBody, jsonBody(req, '{"email":"naam@ministerie.nl","every":"dag"}'), 'body')
    // The server calls a webhook: an address inside the organisation's network is the editor's to give, not every user's.
    if (body.webhook && !v.editor) throw new HttpError(403, 'forbidden', 'a webhook is set with the write token (or kamerwacht follow alert --webhook)')
    return setAlerts(
      store,
      ownerOf(v),
      name,
      { email: body.email ?? null, webhook: body.webhook ?? null, everyHours: everyHoursOf(body.every ?? undefined) },
      now(),
    )
  })
  app.delete('/api/follows/:name', async (req, reply) => {
    const v = await writer(req)
    const { name } = parse(S.FollowParam, req.params, 'name')
    if (!(await store.removeFollow(ownerOf(v), name))) throw new HttpError(404, 'not-found', `no follow ${name}`)
    return reply.status(204).send()
  })
}
