import { stringify } from 'csv-stringify/sync'
import type { FastifyInstance } from 'fastify'
import { board, boardInput, boardRows } from '../../app/board.js'
import { COMMITMENT_COLUMNS, COMMITMENT_COLUMNS_NL, STATUS_WORD_NL, spreadsheetText } from '../../publish/export.js'
import { BOARD_PAGE, commitmentsPage } from '../commitments-page.js'
import { defined, html, queryForm, type WebContext } from '../respond.js'

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
  const attachment = (status: string | undefined, ext: string) => `attachment; filename="toezeggingen${status ? `-${status}` : ''}.${ext}"`
  app.get('/commitments.csv', async (req, reply) => {
    const f = form(req, reply)
    if (!f) return reply
    const rows = await boardRows(store, f, c.today(), c.origin())
    const csv = stringify(
      [
        COMMITMENT_COLUMNS.map((k) => COMMITMENT_COLUMNS_NL[k]),
        ...rows.map((r) => COMMITMENT_COLUMNS.map((k) => (k === 'status' ? STATUS_WORD_NL[r[k] as string] : r[k]))),
      ],
      {
        delimiter: ';',
        cast: { boolean: (b) => (b ? 'ja' : 'nee'), string: spreadsheetText },
      },
    )
    return reply.type('text/csv; charset=utf-8').header('content-disposition', attachment(f.status, 'csv')).send(`\uFEFF${csv}`)
  })
  app.get('/commitments.json', async (req, reply) => {
    const f = form(req, reply)
    if (!f) return reply
    return reply.header('content-disposition', attachment(f.status, 'json')).send(await boardRows(store, f, c.today(), c.origin()))
  })
}
