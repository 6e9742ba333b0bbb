import type { FastifyInstance } from 'fastify'
import { motieBoard, motieBoardInput } from '../../app/motie-board.js'
import { MOTIE_STATUS_NL, MOTIES_PAGE, motiesPage } from '../moties-page.js'
import { html, queryForm, sendSpreadsheet, type WebContext } from '../respond.js'

const MotiesForm = motieBoardInput('nl')

/** The moties board (`/moties`) and its export for a spreadsheet (`/moties.csv`). */
export function motieRoutes(app: FastifyInstance, c: WebContext): void {
  const { store } = c
  const form = queryForm(MotiesForm)

  app.get('/moties', async (req, reply) => {
    const f = form(req, reply)
    if (!f) return reply
    return html(reply, motiesPage(f, await motieBoard(store, { ...f, limit: MOTIES_PAGE })))
  })

  // CSV for Dutch Excel, as the board of promises gives it: a byte-order mark and `;` between fields.
  app.get('/moties.csv', async (req, reply) => {
    const f = form(req, reply)
    if (!f) return reply
    const board = await motieBoard(store, { ...f, limit: 500, offset: 0 })
    const head = [
      'Motie',
      'Zaak',
      'Onderwerp',
      'Ingediend',
      'Indieners',
      'Appreciatie',
      'Uitslag',
      'Zetels voor',
      'Zetels tegen',
      'Status',
      'Beantwoord in',
      'Ministerie',
      'Commissie',
    ]
    const rows = board.items.map((m) => {
      const d = m.decisions[m.decisions.length - 1]
      return [
        m.id ?? m.key,
        m.zaak,
        m.title,
        m.date,
        m.indieners.map((i) => (i.fractie ? `${i.name} (${i.fractie})` : i.name)).join(', '),
        m.appreciatie,
        m.result,
        d?.tally.seatsFor ?? null,
        d?.tally.seatsAgainst ?? null,
        MOTIE_STATUS_NL[m.status],
        m.answeredBy.map((a) => a.paper.id ?? a.paper.key).join(', '),
        m.ministerie,
        m.commissie?.afkorting ?? m.commissie?.naam ?? null,
      ]
    })
    return sendSpreadsheet(reply, `moties${f.status ? `-${f.status}` : ''}.csv`, [head, ...rows])
  })
}
