import type { FastifyInstance, FastifyReply } from 'fastify'
import { esc, layout } from '../html.js'
import { crossSite, FORM, formOf, html, localPath, refused, type WebContext } from '../respond.js'

/** The sign-in page, with a message when a sign-in failed or a write needs one. */
export function loginPage(c: WebContext, reply: FastifyReply, back: string, error: string | null, status = 200) {
  const users = !!c.web?.users
  const what = [
    users ? 'met uw eigen token (<code>kamerwacht user add</code>) volgt u zoekvragen, dossiers en toezeggingen, met berichten per e-mail' : '',
    c.web?.writable ? 'met het token van deze server (<code>KAMERWACHT_TOKEN</code>) kunt u toezeggingen corrigeren' : '',
  ]
    .filter(Boolean)
    .join('; ')
  const body =
    c.web?.writable || users
      ? `<h1>Aanmelden</h1>
<p class="lead">${what.charAt(0).toUpperCase()}${what.slice(1)}.</p>
${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
<form class="login" method="post" action="/login">
  <input type="hidden" name="back" value="${esc(back)}">
  <label for="token">Token</label> <input id="token" name="token" type="password" autocomplete="current-password" required>
  <button type="submit">Aanmelden</button>
</form>`
      : '<h1>Aanmelden</h1><p>Deze server is alleen-lezen: start hem met <code>KAMERWACHT_TOKEN</code> om correcties toe te staan.</p>'
  return html(reply, layout({ title: 'Aanmelden', body }), status)
}

/** Sign in with the write token (to correct promises and change the store's follows) or a user's own token (their follows); and sign out. */
export function sessionRoutes(app: FastifyInstance, c: WebContext): void {
  app.get('/login', async (req, reply) => loginPage(c, reply, localPath((req.query as { back?: string }).back), null))
  app.post('/login', FORM, async (req, reply) => {
    const form = formOf(req.body)
    const back = localPath(form.back)
    if (crossSite(req)) return refused(reply)
    const web = c.web
    if (!web?.session && !web?.users) return loginPage(c, reply, back, null, 401)
    const wait = web.throttle.waitFor(req.ip)
    if (wait > 0) {
      reply.header('retry-after', String(wait))
      return loginPage(c, reply, back, `Te veel onjuiste pogingen vanaf dit adres. Probeer het over ${wait} seconden opnieuw.`, 429)
    }
    const token = form.token ?? ''
    // The server's write token signs in the editor; a user's own token signs in that user.
    const cookie = web.tokenMatches(token) ? `kw_session=${web.session}` : await web.userSignIn(token).then((v) => (v ? `kw_user=${v}` : null))
    if (!cookie) {
      web.throttle.failed(req.ip)
      return loginPage(c, reply, back, 'Onjuist token.', 401)
    }
    web.throttle.succeeded(req.ip)
    // Secure where the browser reaches the server over TLS: the request itself, or a proxy in front of it (`--base-url https://…`).
    const secure = req.protocol === 'https' || c.origin().startsWith('https:') ? '; Secure' : ''
    return reply.header('set-cookie', `${cookie}; HttpOnly; SameSite=Strict; Path=/; Max-Age=43200${secure}`).redirect(back, 303)
  })
  app.post('/logout', FORM, async (req, reply) => {
    if (crossSite(req)) return refused(reply)
    return reply
      .header('set-cookie', ['kw_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0', 'kw_user=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0'])
      .redirect('/', 303)
  })
}
