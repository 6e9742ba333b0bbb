import type { FastifyInstance, FastifyReply } from 'fastify'
import { correct } from '../../app/corrections.js'
import { Refusal } from '../../app/errors.js'
import type { Correction } from '../../link/status.js'
import { esc, layout } from '../html.js'
import { crossSite, FORM, formOf, html, localPath, refused, type WebContext } from '../respond.js'
import { loginPage } from './session.js'

const ACTIONS: readonly Correction['action'][] = ['fulfilled-by', 'reopen', 'not-a-commitment', 'clear']

/** The page that asks once more, with the reasons, before a doubtful target is recorded. */
function confirmPage(reply: FastifyReply, id: string, back: string, target: string, r: Refusal) {
  const reasons = r.reasons.map((x) => `<li>${esc(x.nl)}</li>`).join('')
  const body = `<h1>Weet u het zeker?</h1><ul role="alert">${reasons}</ul>
<form method="post" action="/commitments/${encodeURIComponent(id)}/correction"><input type="hidden" name="back" value="${esc(back)}"><input type="hidden" name="action" value="fulfilled-by"><input type="hidden" name="target" value="${esc(target)}"><input type="hidden" name="force" value="1"><button>Toch vastleggen</button> <a href="${esc(back)}">Annuleren</a></form>`
  return html(reply, layout({ title: 'Weet u het zeker?', body }), 409)
}

/**
 * A correction from the board or a paper page, by the one rule of app/corrections.ts. A target older
 * than the promise or from another sender is asked about once more, with the reasons, before it is recorded.
 */
export function correctionRoutes(app: FastifyInstance, c: WebContext): void {
  app.post('/commitments/:id/correction', FORM, async (req, reply) => {
    const { id } = req.params as { id: string }
    const form = formOf(req.body)
    const back = localPath(form.back)
    if (crossSite(req)) return refused(reply)
    if (!c.signedIn(req)) return loginPage(c, reply, back, 'Meld u aan om te corrigeren.', 401)
    const action = ACTIONS.find((a) => a === form.action)
    const target = form.target?.trim() ?? ''
    if (!action || (action === 'fulfilled-by' && !target)) {
      const body = `<h1>Ongeldige invoer</h1><p role="alert">Kies een correctie; bij “Nagekomen” het stuk dat haar nakomt (kst-33783-52).</p><p><a href="${esc(back)}">Terug</a></p>`
      return html(reply, layout({ title: 'Ongeldige invoer', body }), 400)
    }
    try {
      await correct(c.store, id, { action, target, force: form.force === '1', by: 'web' }, c.today())
    } catch (e) {
      if (!(e instanceof Refusal)) throw e
      if (e.kind === 'needs-force') return confirmPage(reply, id, back, target, e)
      const body = `<h1>Niet gelukt</h1><p role="alert">${esc(e.nl)}</p><p><a href="${esc(back)}">Terug</a></p>`
      return html(reply, layout({ title: 'Niet gelukt', body }), e.kind === 'not-found' ? 404 : 400)
    }
    return reply.redirect(back, 303)
  })
}
