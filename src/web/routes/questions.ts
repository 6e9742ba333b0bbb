import type { FastifyInstance } from 'fastify'
import { questionsInput, questionsOverview } from '../../app/questions.js'
import { count } from '../../app/search.js'
import { questionsPage } from '../questions-parts.js'
import { html, queryForm, type WebContext } from '../respond.js'

// The one input of the overview (app/questions.ts), with Dutch messages; a page lists up to 200 of each.
const QuestionsForm = questionsInput('nl').extend({ limit: count(1, 10_000, true).default(200) })

/** `/vragen`: answers to written questions with the days they took, and the questions' course in the Kamer's records. */
export function questionRoutes(app: FastifyInstance, c: WebContext): void {
  const form = queryForm(QuestionsForm)
  app.get('/vragen', async (req, reply) => {
    const f = form(req, reply)
    if (!f) return reply
    const v = await questionsOverview(c.store, f, c.today())
    return html(reply, questionsPage(v.answers, f, v.courses, v.openByMinistry))
  })
}
