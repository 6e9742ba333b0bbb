import type { FastifyInstance } from 'fastify'
import { board, boardInput, boardRows } from '../../app/board.js'
import { COMMITMENT_COLUMNS, COMMITMENT_COLUMNS_NL, STATUS_WORD_NL } from '../../publish/export.js'
import { BOARD_PAGE, commitmentsPage } from '../commitments-page.js'
import { defined, html, queryForm, sendSpreadsheet, type WebContext } from '../respond.js'

const BoardForm = boardInput('nl')

/** The board of promises (`/commitments`) and what it shows as a file (`/commitments.csv`, `/commitments.json`). */
export function boardRoutes(app: FastifyInstance, c: WebContext): void {
  const { store } = c
  const form = queryForm(BoardForm)

  app.get('/commitments', async (req, reply) => {
    const f = form(req, reply)
    if (!f) return reply
    const page = f.page ?? 1
    const list = await board(store, { ...f, limit: BOARD_PAGE, page }, c.today())
    // The chart shows every status per sender; counts come with the list, whatever status is chosen.
    const shown = { ...defined({ q: f.q, sender: f.sender, dossier: f.dossier, status: f.status }), sort: f.sort, page }
    return html(reply, commitmentsPage(shown, list, list.counts.bySender, c.writable, c.signedIn(req), req.url))
  })

  // A file for a spreadsheet: CSV for Dutch Excel (a byte-order mark, so it reads UTF-8, and `;` between
  // fields, as Excel expects where the decimal mark is a comma), or JSON.
  const filename = (status: string | undefined, ext: string) => `toezeggingen${status ? `-${status}` : ''}.${ext}`
  app.get('/commitments.csv', async (req, reply) => {
    const f = form(req, reply)
    if (!f) return reply
    const rows = await boardRows(store, f, c.today(), c.origin())
    return sendSpreadsheet(reply, filename(f.status, 'csv'), [
      COMMITMENT_COLUMNS.map((k) => COMMITMENT_COLUMNS_NL[k]),
      ...rows.map((r) => COMMITMENT_COLUMNS.map((k) => (k === 'status' ? STATUS_WORD_NL[r[k] as string] : r[k]))),
    ])
  })
  app.get('/commitments.json', async (req, reply) => {
    const f = form(req, reply)
    if (!f) return reply
    return reply.header('content-disposition', `attachment; filename="${filename(f.status, 'json')}"`).send(await boardRows(store, f, c.today(), c.origin()))
  })
}
