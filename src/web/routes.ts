import type { FastifyInstance, FastifyRequest } from 'fastify'
import { NOBODY } from '../app/users.js'
import type { Store } from '../store/store.js'
import { CSS, FAVICON, JS } from './assets.js'
import type { WebContext, WebSession } from './respond.js'
import { agendaRoutes } from './routes/agenda.js'
import { boardRoutes } from './routes/board.js'
import { correctionRoutes } from './routes/corrections.js'
import { followRoutes } from './routes/follows.js'
import { motieRoutes } from './routes/moties.js'
import { paperRoutes } from './routes/papers.js'
import { peopleRoutes } from './routes/people.js'
import { questionRoutes } from './routes/questions.js'
import { registerRoutes } from './routes/register.js'
import { searchExportRoutes, searchRoutes } from './routes/search.js'
import { sessionRoutes } from './routes/session.js'

export type { WebSession } from './respond.js'

/** The web UI: server-rendered pages in Dutch, one stylesheet and one small script, composed from route modules. */
export function registerWeb(
  app: FastifyInstance,
  o: {
    store: Store
    today: () => string
    writable: boolean
    /** The server's public address for absolute links (`--base-url`, or the listening address); never the request's `Host`. */
    base?: () => string
    /** Sign-in with the write token, for corrections in the UI (absent: no one signs in). */
    web?: WebSession
  },
): void {
  const c: WebContext = {
    store: o.store,
    today: o.today,
    writable: o.writable,
    origin: () => o.base?.() ?? '',
    web: o.web,
    signedIn: (req: FastifyRequest) => !!o.web?.signedIn(req),
    viewer: async (req: FastifyRequest) => (o.web ? o.web.viewer(req) : NOBODY),
  }
  app.get('/static/app.css', async (_req, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(CSS))
  app.get('/static/app.js', async (_req, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=3600').send(JS))
  // The icon browsers ask for at /favicon.ico on their own, and the one the pages name: a small SVG.
  for (const path of ['/favicon.ico', '/favicon.svg'])
    app.get(path, async (_req, reply) => reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON))
  searchRoutes(app, c)
  searchExportRoutes(app, c)
  paperRoutes(app, c)
  boardRoutes(app, c)
  motieRoutes(app, c)
  agendaRoutes(app, c)
  peopleRoutes(app, c)
  registerRoutes(app, c)
  questionRoutes(app, c)
  sessionRoutes(app, c)
  correctionRoutes(app, c)
  followRoutes(app, c)
}
