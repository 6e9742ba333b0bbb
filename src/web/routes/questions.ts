import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { answeredQuestions, openByMinistry, questionCourses } from '../../app/questions.js'
import { text } from '../../app/search.js'
import { questionsPage } from '../questions-parts.js'
import { html, queryForm, type WebContext } from '../respond.js'

const QuestionsForm = z.object({ to: text(120), late: z.enum(['1', 'true']).optional(), open: z.enum(['1', 'true']).optional() })

/** `/vragen`: answers to written questions with the days they took, and the questions' course in the Kamer's records. */
export function questionRoutes(app: FastifyInstance, c: WebContext): void {
  const form = queryForm(QuestionsForm)
  app.get('/vragen', async (req, reply) => {
    const f = form(req, reply)
    if (!f) return reply
    const late = f.late !== undefined
    const open = f.open !== undefined
    // Every set that passes the filters counts per ministry; the first 200 are listed.
    const courses = await questionCourses(c.store, { open, late, to: f.to, limit: Number.MAX_SAFE_INTEGER }, c.today())
    const answers = await answeredQuestions(c.store, { late, to: f.to, limit: 200 })
    return html(reply, questionsPage(answers, { late, to: f.to, open }, courses.slice(0, 200), openByMinistry(courses)))
  })
}
