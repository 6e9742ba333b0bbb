import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { answeredQuestions } from '../../app/questions.js'
import { text } from '../../app/search.js'
import { questionsPage } from '../questions-parts.js'
import { html, queryForm, type WebContext } from '../respond.js'

const QuestionsForm = z.object({ to: text(120), late: z.enum(['1', 'true']).optional() })

/** `/vragen`: answers to written questions with the days they took. */
export function questionRoutes(app: FastifyInstance, c: WebContext): void {
  const form = queryForm(QuestionsForm)
  app.get('/vragen', async (req, reply) => {
    const f = form(req, reply)
    if (!f) return reply
    const late = f.late !== undefined
    return html(reply, questionsPage(await answeredQuestions(c.store, { late, to: f.to, limit: 200 }), { late, to: f.to }))
  })
}
