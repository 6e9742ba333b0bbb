import type { FastifyInstance } from 'fastify'
import { registerComparison, registerInput } from '../../app/register.js'
import { registerPage } from '../register-page.js'
import { html, queryForm, sendSpreadsheet, type WebContext } from '../respond.js'

const RegisterForm = registerInput('nl')

/** The register beside the papers (`/register`), and as a file per ministry for the twice-yearly review (`/register.csv`). */
export function registerRoutes(app: FastifyInstance, c: WebContext): void {
  const { store } = c
  const form = queryForm(RegisterForm)

  app.get('/register', async (req, reply) => {
    const f = form(req, reply)
    if (!f) return reply
    return html(reply, registerPage(f, await registerComparison(store, f, c.today())))
  })

  app.get('/register.csv', async (req, reply) => {
    const f = form(req, reply)
    if (!f) return reply
    const v = await registerComparison(store, f, c.today())
    const head = [
      'Waar',
      'Nummer',
      'Ministerie',
      'Status register',
      'Termijn register',
      'Tekst',
      'Stuk',
      'Status kamerwacht',
      'Termijn kamerwacht',
      'Nagekomen volgens kamerwacht',
    ]
    const rows = [
      ...v.agree.map((a) => [
        'beide',
        a.register.nummer,
        a.register.ministerie,
        a.register.status,
        a.register.due,
        a.register.text,
        a.paper.paper,
        a.paper.status,
        a.paper.due,
        a.paper.keptBy?.join(', '),
      ]),
      ...v.onlyRegister.map((r) => ['alleen register', r.nummer, r.ministerie, r.status, r.due, r.text, null, null, null, null]),
      ...v.onlyPapers.map((p) => ['alleen stukken', null, p.sender, null, null, p.text, p.paper, p.status, p.due, p.keptBy?.join(', ')]),
    ]
    const name = f.ministerie ? `register-${f.ministerie.replace(/[^\w-]+/g, '_')}` : 'register'
    return sendSpreadsheet(reply, `${name}.csv`, [head, ...rows])
  })
}
