import type { FastifyInstance } from 'fastify'
import { paperKey, READER_VERSION } from '../../store/keys.js'
import type { ApiContext } from '../context.js'
import { HttpError, parse } from '../errors.js'
import { openApi } from '../openapi.js'
import * as S from '../schemas.js'

/** `/health`, `/openapi.json` and the papers: list, one paper, its source, its citations, and uploads. */
export function paperRoutes(app: FastifyInstance, c: ApiContext): void {
  const { store } = c
  const paperOr404 = async (id: string) => {
    const doc = await store.get(id)
    if (!doc) throw new HttpError(404, 'not-found', `no paper ${id}`)
    return doc
  }

  app.get('/health', async () => ({ status: 'ok' as const, papers: await store.count(), version: c.version, writable: c.writable }))
  app.get('/openapi.json', async () => openApi(c.version))

  app.get('/api/papers', async (req) => {
    const q = parse(S.PaperListQuery, req.query, 'query')
    const [total, papers] = await Promise.all([store.count(), store.all({ offset: q.offset, limit: q.limit })])
    return { total, papers }
  })

  app.get('/api/papers/:id', async (req, reply) => {
    const { id } = parse(S.IdParam, req.params, 'id')
    const { format } = parse(S.PaperQuery, req.query, 'query')
    const doc = await paperOr404(id)
    // The same bytes read by the same reader give the same Document.
    const etag = `"${doc.source.sha256.slice(0, 32)}-r${READER_VERSION}-${format}"`
    reply.header('etag', etag).header('cache-control', 'no-cache')
    if (req.headers['if-none-match'] === etag) return reply.status(304).send()
    if (format === 'text') return reply.type('text/plain; charset=utf-8').send(doc.text)
    return doc
  })

  app.get('/api/papers/:id/source', async (req, reply) => {
    const { id } = parse(S.IdParam, req.params, 'id')
    const doc = await paperOr404(id)
    const raw = await store.raw(id)
    if (!raw) throw new HttpError(404, 'not-found', `no source kept for ${id}`)
    // Shown in the browser where it can show it: a PDF, XML, and text (a web page's HTML as its text, never
    // rendered from this origin); a Word document is downloaded.
    const text = doc.form !== 'pdf' && doc.form !== 'docx' && !/\.xml$/i.test(doc.source.name)
    const type =
      doc.form === 'pdf' ? 'application/pdf' : doc.form === 'docx' ? 'application/octet-stream' : text ? 'text/plain; charset=utf-8' : 'application/xml'
    const name = doc.source.name.replace(/[^\w.-]+/g, '_')
    return reply
      .type(type)
      .header('content-disposition', `${doc.form === 'docx' ? 'attachment' : 'inline'}; filename="${name}"`)
      .send(Buffer.from(raw))
  })

  app.get('/api/papers/:id/citations', async (req) => {
    const { id } = parse(S.IdParam, req.params, 'id')
    const citations = await store.citations(id)
    if (!citations) throw new HttpError(404, 'not-found', `no paper ${id}`)
    return citations
  })

  app.post('/api/papers', c.tokenFirst, async (req, reply) => {
    const { name } = parse(S.UploadQuery, req.query, 'query')
    const body = req.body
    if (!Buffer.isBuffer(body) || body.length === 0)
      throw new HttpError(400, 'invalid-input', 'invalid body: send the paper (PDF, XML, HTML, text or open-data JSON) as the request body')
    // Read in a worker thread: the event loop keeps answering while a paper is parsed, and a paper over
    // the time or memory limit fails alone.
    const outcome = await c.pool.run({ bytes: new Uint8Array(body), name })
    if (outcome.type === 'failed') {
      if (outcome.code === 'internal') throw new Error(`reading ${name}: ${outcome.reason}`)
      throw new HttpError(422, 'unreadable', outcome.reason)
    }
    if (outcome.type === 'records') {
      // An open-data list (an OData page): every record kept, one paper per Document record, as ingest does.
      const applied = await store.applySync(`upload:${name}`, outcome.items, { file: name, records: outcome.items.length })
      return reply.status(200).send({ records: applied.records, papers: applied.papers, removed: applied.removed })
    }
    if (outcome.type !== 'doc') throw new Error('a reading pool without known papers answered unchanged')
    const doc = outcome.doc
    const result = await store.put(doc, new Uint8Array(body))
    return reply.status(result === 'new' ? 201 : 200).send({ id: doc.id, key: paperKey(doc), result, issues: doc.issues })
  })
}
