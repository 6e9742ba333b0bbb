import type { FastifyInstance } from 'fastify'
import { agenda, agendaCalendar, agendaInput } from '../../app/agenda.js'
import { agendaPage } from '../agenda-page.js'
import { html, queryForm, type WebContext } from '../respond.js'

const AgendaForm = agendaInput('nl')

/** The Kamer's agenda (`/agenda`) and the same as a calendar to subscribe to (`/agenda.ics`, per committee or dossier). */
export function agendaRoutes(app: FastifyInstance, c: WebContext): void {
  const { store } = c
  const form = queryForm(AgendaForm)

  app.get('/agenda', async (req, reply) => {
    const f = form(req, reply)
    if (!f) return reply
    return html(reply, agendaPage(f, await agenda(store, f, c.today())))
  })

  app.get('/agenda.ics', async (req, reply) => {
    const f = form(req, reply)
    if (!f) return reply
    const a = await agenda(store, f, c.today())
    const name = [f.commissie ? `commissie ${f.commissie}` : f.dossier ? `dossier ${f.dossier}` : 'Tweede Kamer', f.q ? `over ${f.q}` : null]
      .filter(Boolean)
      .join(' ')
    return reply.type('text/calendar; charset=utf-8').send(agendaCalendar(a, `Agenda ${name}`, c.origin(), c.today()))
  })
}
