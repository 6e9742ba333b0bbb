import type { FastifyInstance } from 'fastify'
import { registerComparison, registerInput } from '../../app/register.js'
import { madeToText, type PaperPromise, type RegisterEntry } from '../../link/register.js'
import { registerPage } from '../register-page.js'
import { html, queryForm, sendSpreadsheet, type WebContext } from '../respond.js'

const RegisterForm = registerInput('nl')

/** The committee, the debate, whom it was made to and the register's chain, as the export's last four columns. */
function kamerColumns(r: RegisterEntry | null, p: PaperPromise | null): Array<string | null> {
  const a = r?.activiteit
  return [
    a?.commissie.afkorting ?? a?.commissie.naam ?? p?.commissie ?? null,
    a ? [a.nummer, a.soort, a.onderwerp, a.start?.slice(0, 10)].filter(Boolean).join(' ') : (r?.activiteitNummer ?? null),
    r?.toegezegdAan.length ? r.toegezegdAan.map(madeToText).join(', ') : (p?.to ?? null),
    r?.chain.map((l) => `${l.relation} ${l.nummer ?? l.id}`).join(', ') || null,
  ]
}

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
      'Commissie',
      'Activiteit',
      'Toegezegd aan',
      'Keten',
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
        ...kamerColumns(a.register, a.paper),
      ]),
      ...v.onlyRegister.map((r) => ['alleen register', r.nummer, r.ministerie, r.status, r.due, r.text, null, null, null, null, ...kamerColumns(r, null)]),
      ...v.onlyPapers.map((p) => [
        'alleen stukken',
        null,
        p.sender,
        null,
        null,
        p.text,
        p.paper,
        p.status,
        p.due,
        p.keptBy?.join(', '),
        ...kamerColumns(null, p),
      ]),
    ]
    const name = f.ministerie ? `register-${f.ministerie.replace(/[^\w-]+/g, '_')}` : 'register'
    return sendSpreadsheet(reply, `${name}.csv`, [head, ...rows])
  })
}
