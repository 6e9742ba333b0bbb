import type { FastifyInstance } from 'fastify'
import { agenda } from '../../app/agenda.js'
import { refusalOf } from '../../app/errors.js'
import { committeeView, fractieView, lidView, personInput } from '../../app/kamer-people.js'
import { answeredQuestions } from '../../app/questions.js'
import { committeePage, fractieHref, lidHref, personPage } from '../people-page.js'
import { html, refusalPage, type WebContext } from '../respond.js'

const PersonForm = personInput('nl')

/** A fractie's page (`/fracties/VVD`), a member's (`/leden/Kostić`: moties, votes, written questions) and a committee's (`/commissies/BuZa`: agenda, moties). */
export function peopleRoutes(app: FastifyInstance, c: WebContext): void {
  const { store } = c
  for (const kind of ['fractie', 'lid'] as const) {
    app.get(kind === 'fractie' ? '/fracties/:name' : '/leden/:name', async (req, reply) => {
      const { name } = req.params as { name: string }
      const parsed = PersonForm.safeParse({ limit: 50, ...(req.query as object) })
      if (!parsed.success) return refusalPage(reply, refusalOf(parsed.error.issues[0], 'query', true))
      const view = kind === 'fractie' ? await fractieView(store, name, parsed.data) : await lidView(store, name, parsed.data)
      const questions = kind === 'lid' ? await answeredQuestions(store, { asker: name, limit: 50 }) : []
      // Promises that name the member (`Ik wil de heer Bakker toezeggen …`): made to them in a debate, mostly.
      const promises = kind === 'lid' ? (await store.commitments({ q: name, limit: 50 }, c.today())).items : []
      return html(reply, personPage(kind, view, parsed.data, kind === 'fractie' ? fractieHref(name) : lidHref(name), questions, promises))
    })
  }
  app.get('/commissies/:afkorting', async (req, reply) => {
    const { afkorting } = req.params as { afkorting: string }
    const meetings = await agenda(store, { commissie: afkorting, from: undefined, to: undefined, dossier: undefined, q: undefined }, c.today())
    return html(reply, committeePage(await committeeView(store, afkorting, c.today()), meetings))
  })
}
