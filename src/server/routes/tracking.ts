import type { FastifyInstance } from 'fastify'
import { agenda } from '../../app/agenda.js'
import { board, dossier, timeline } from '../../app/board.js'
import { correct } from '../../app/corrections.js'
import { fractieView, lidView } from '../../app/kamer-people.js'
import { motieBoard } from '../../app/motie-board.js'
import { motieFacts, motieFollowUps } from '../../app/moties.js'
import { questionsOverview } from '../../app/questions.js'
import { registerComparison } from '../../app/register.js'
import { search } from '../../app/search.js'
import type { ApiContext } from '../context.js'
import { HttpError, parse, parseParams } from '../errors.js'
import * as S from '../schemas.js'

/** Search, dossiers, timelines, the promises and their corrections, the moties: each a use case of app/. */
export function trackingRoutes(app: FastifyInstance, c: ApiContext): void {
  const { store, today } = c
  app.get('/api/search', async (req) => (await search(store, parseParams(S.SearchQuery, req.query))).result)

  app.get('/api/dossiers/:nr', async (req) => dossier(store, parse(S.DossierParam, req.params, 'nr').nr, today()))
  app.get('/api/dossiers/:nr/timeline', async (req) => timeline(store, parse(S.DossierParam, req.params, 'nr').nr, today()))

  app.get('/api/commitments', async (req) => board(store, parseParams(S.CommitmentQuery, req.query), today()))

  app.get('/api/fracties/:name', async (req) => fractieView(store, parse(S.NameParam, req.params, 'name').name, parseParams(S.PersonQuery, req.query)))
  app.get('/api/leden/:name', async (req) => lidView(store, parse(S.NameParam, req.params, 'name').name, parseParams(S.PersonQuery, req.query)))

  app.get('/api/register', async (req) => registerComparison(store, parseParams(S.RegisterQuery, req.query), today()))

  app.get('/api/vragen', async (req) => questionsOverview(store, parseParams(S.QuestionsQuery, req.query), today()))

  app.get('/api/agenda', async (req) => agenda(store, parseParams(S.AgendaQuery, req.query), today()))

  app.get('/api/moties', async (req) => motieBoard(store, parseParams(S.MotieBoardQuery, req.query)))
  app.get('/api/moties/:id', async (req) => {
    const { id } = parse(S.IdParam, req.params, 'id')
    const facts = await motieFacts(store, id)
    if (!facts) throw new HttpError(404, 'not-found', `no motie ${id}: no paper and no Zaak of it`)
    return { ...facts, answeredBy: await motieFollowUps(store, facts.id ?? id, facts.title) }
  })
  app.get('/api/commitments/:id', async (req) => {
    const { id } = parse(S.IdParam, req.params, 'id')
    const found = await store.commitment(id, today())
    if (!found) throw new HttpError(404, 'not-found', `no commitment ${id}`)
    return found
  })

  app.post('/api/commitments/:id/correction', { ...c.tokenFirst, bodyLimit: 16 * 1024 }, async (req) => {
    const { id } = parse(S.IdParam, req.params, 'id')
    let json: unknown
    try {
      json = JSON.parse(Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '')
    } catch {
      throw new HttpError(400, 'invalid-input', 'invalid body: send JSON such as {"action":"fulfilled-by","target":"kst-33783-52"}')
    }
    const body = parse(S.CorrectionBody, json, 'body')
    const { by, ...rest } = body
    return { id, ...(await correct(store, id, { ...rest, by: by ?? 'api' }, today())) }
  })
}
