import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { parseFeed } from '@rowanmanning/feed-parser'
import type { FastifyInstance } from 'fastify'
import ICAL from 'ical.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContext, type PipelineContext, readDocument } from '../pipeline.js'
import { EmbeddedStore } from '../store/sqlite/embedded.js'
import type { Store } from '../store/store.js'
import { corpusFile, ROOT, skipWithoutShared } from '../test-support/paths.js'
import { buildApp } from './app.js'

const TOKEN = 'test-token-0123456789'
const TODAY = () => '2026-11-28'
const files = [
  corpusFile('dev', '33783-50.txt'),
  corpusFile('dev', '32733-36.obpage.txt'),
  corpusFile('dev', '35228-6.obpage.txt'),
  join(ROOT, 'test', 'fixtures', 'chains', '33783-52.txt'),
  join(ROOT, 'test', 'fixtures', 'chains', '33783-53.txt'),
]

let ctx: PipelineContext
let store: EmbeddedStore
let app: FastifyInstance
let readOnly: FastifyInstance

beforeAll(async () => {
  ctx = await createContext()
  store = new EmbeddedStore(':memory:')
  for (const f of files) {
    const bytes = readFileSync(f)
    await store.put(await readDocument(bytes, basename(f), { ...ctx, nameHints: true }), bytes)
  }
  app = await buildApp({ store, ctx, token: TOKEN, today: TODAY, maxUploadBytes: 2 * 1024 * 1024 })
  readOnly = await buildApp({ store, ctx, today: TODAY })
})
afterAll(async () => {
  await app.close()
  await readOnly.close()
  await store.close()
})

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers })
const auth = { authorization: `Bearer ${TOKEN}` }

describe('reads', () => {
  it('GET /health says how many papers are stored and whether writes are allowed', async () => {
    expect((await get('/health')).json()).toMatchObject({ status: 'ok', papers: 5, writable: true })
    expect((await readOnly.inject('/health')).json()).toMatchObject({ writable: false })
  })

  it('GET /openapi.json describes every path the server answers, generated from the zod schemas', async () => {
    const spec = (await get('/openapi.json')).json()
    expect(spec.openapi).toBe('3.1.0')
    const paths = Object.keys(spec.paths)
    for (const p of [
      '/health',
      '/api/search',
      '/api/papers',
      '/api/papers/{id}',
      '/api/papers/{id}/source',
      '/api/papers/{id}/citations',
      '/api/dossiers/{nr}',
      '/api/dossiers/{nr}/timeline',
      '/api/commitments',
      '/api/commitments/{id}',
      '/api/commitments/{id}/correction',
      '/feeds/search.atom',
      '/feeds/dossier/{nr}.ics',
    ])
      expect(paths).toContain(p)
    const search = spec.paths['/api/search'].get
    expect(search.parameters.map((p: { name: string }) => p.name)).toEqual(['q', 'type', 'dossier', 'sender', 'from', 'to', 'sort', 'limit', 'offset', 'page'])
    expect(search.parameters.find((p: { name: string }) => p.name === 'limit').schema).toMatchObject({ maximum: 100, default: 10 })
    expect(search.responses[200].content['application/json'].schema.properties.hits.type).toBe('array')
    expect(spec.paths['/api/papers'].post.security).toEqual([{ bearer: [] }])
  })

  it('GET /api/search returns the JSON of `kamerwacht search --json`', async () => {
    const r = await get('/api/search?q=kernwapens&sort=relevance')
    expect(r.statusCode).toBe(200)
    expect(r.json()).toEqual(await store.search({ q: 'kernwapens', sort: 'relevance', limit: 10, offset: 0 }))
    expect(r.json().hits[0]).toMatchObject({ id: 'kst-33783-50', type: 'brief' })
    const filtered = (await get('/api/search?q=Kamer&type=brief&from=2012-01-01&to=2012-12-31&limit=2&offset=0')).json()
    expect(filtered.hits.length).toBeLessThanOrEqual(2)
    for (const h of filtered.hits) expect(h.date.slice(0, 4)).toBe('2012')
    // Nothing found: the suggestions come with the answer, as on the command line; counts are never below 0.
    expect((await get('/api/search?q=kernwapnes')).json().suggestions).toEqual([{ q: 'kernwapens', why: 'spelling', total: 1 }])
    const spec = (await get('/openapi.json')).json()
    expect(spec.paths['/api/search'].get.responses[200].content['application/json'].schema.properties.total.minimum).toBe(0)
    expect(JSON.stringify(spec)).not.toContain('-9007199254740991')
  })

  it('GET /docs is the API reference page, its assets served from here', async () => {
    const page = await get('/docs')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('<script src="/docs/swagger-ui-bundle.js"></script>')
    expect(page.body).not.toMatch(/https?:\/\/(?!127)/)
    const bundle = await get('/docs/swagger-ui-bundle.js')
    expect(bundle.statusCode).toBe(200)
    expect(bundle.headers['content-type']).toContain('javascript')
    expect((await get('/docs/docs.js')).body).toContain("url: '/openapi.json'")
  })

  it('answers bad input with a 400 that names the field', async () => {
    const cases: Array<[string, string]> = [
      ['/api/search?q=x&limit=1000', 'invalid limit'],
      ['/api/search?q=x&sort=random', 'invalid sort'],
      ['/api/search?q=x&from=yesterday', 'invalid from'],
      // A date that does not exist, and a type that does not, name the field and say what to write.
      ['/api/search?q=x&from=2022-13-45', 'invalid from: 2022-13-45 is not a date: write 2022-01-01'],
      ['/api/search?q=x&type=flapdrol', 'invalid type: flapdrol is not a type of paper; the types are brief, motie'],
      ['/api/search?q=van:2022-13-45', 'invalid q: van: 2022-13-45 is not a date'],
      ['/api/search?q=%22nucleaire%20ontwapening', 'invalid q'],
      ['/api/commitments?status=late', 'invalid status'],
      ['/api/papers?offset=-1', 'invalid offset'],
      ['/api/papers/kst-33783-50?format=pdf', 'invalid format'],
      ['/feeds/search.atom', 'invalid q'],
    ]
    for (const [url, message] of cases) {
      const r = await get(url)
      expect(r.statusCode, url).toBe(400)
      expect(r.json().error.message, url).toContain(message)
      expect(r.body).not.toMatch(/at .*\.(ts|js):\d+/)
    }
  })

  it('GET /api/papers pages through the stored papers', async () => {
    const all = (await get('/api/papers?limit=500')).json()
    expect(all.total).toBe(5)
    const page = (await get('/api/papers?limit=2&offset=2')).json()
    expect(page.papers.map((p: { key: string }) => p.key)).toEqual(all.papers.slice(2, 4).map((p: { key: string }) => p.key))
  })

  it('GET /api/papers/{id} gives the Document with an ETag, 304 when unchanged, the clean text, and 404', async () => {
    const r = await get('/api/papers/kst-33783-50')
    expect(r.json()).toMatchObject({ id: 'kst-33783-50', sender: 'Minister van Buitenlandse Zaken' })
    const etag = r.headers.etag as string
    expect(etag).toMatch(/^"[0-9a-f]{32}-r\d+-json"$/)
    expect((await get('/api/papers/kst-33783-50', { 'if-none-match': etag })).statusCode).toBe(304)
    const text = await get('/api/papers/kst-33783-50?format=text')
    expect(text.headers['content-type']).toMatch(/^text\/plain/)
    expect(text.body).toContain('Ik zal uw Kamer t.z.t. informeren over dit besluit.')
    expect((await get('/api/papers/kst-1-1')).statusCode).toBe(404)
  })

  it('GET /api/papers/{id}/source returns the raw bytes as ingested', async () => {
    const r = await get('/api/papers/kst-33783-50/source')
    expect(r.rawPayload.equals(readFileSync(corpusFile('dev', '33783-50.txt')))).toBe(true)
    expect(r.headers['content-disposition']).toContain('33783-50.txt')
  })

  it('GET /api/papers/{id}/citations, /api/dossiers/{nr}, /timeline', async () => {
    const c = (await get('/api/papers/kst-33783-50/citations')).json()
    expect(c.out.map((r: { target: string }) => r.target)).toContain('kst-33783-48')
    expect(c.in.map((r: { paper: { id: string } }) => r.paper.id)).toEqual(['kst-33783-52'])
    const d = (await get('/api/dossiers/33783')).json()
    expect(d.papers.map((p: { id: string }) => p.id)).toEqual(['kst-33783-50', 'kst-33783-52', 'kst-33783-53'])
    const t = (await get('/api/dossiers/33783/timeline')).json()
    expect(t.some((e: { kind: string; text: string }) => e.kind === 'event' && e.text.includes('1 t/m 26 augustus 2022'))).toBe(true)
    expect((await get('/api/dossiers/99999')).statusCode).toBe(404)
    expect((await get('/api/dossiers/99999/timeline')).statusCode).toBe(404)
  })

  it('GET /api/commitments filters by status, sender and dossier and counts per sender and status', async () => {
    const all = (await get('/api/commitments')).json()
    expect(all.total).toBe(all.counts.byStatus.open + all.counts.byStatus['due-soon'] + all.counts.byStatus.overdue + all.counts.byStatus.fulfilled)
    const overdue = (await get('/api/commitments?status=overdue&sender=Buitenlandse%20Zaken')).json()
    expect(overdue.items.length).toBeGreaterThan(0)
    for (const c of overdue.items) expect(c).toMatchObject({ status: 'overdue', paper: { sender: 'Minister van Buitenlandse Zaken' } })
    expect(
      (await get('/api/commitments?dossier=33783&status=fulfilled')).json().items.map((c: { evidence: Array<{ paperId: string }> }) => c.evidence[0]?.paperId),
    ).toEqual(['kst-33783-52'])
    const one = (await get(`/api/commitments/${encodeURIComponent(overdue.items[0].id)}`)).json()
    expect(one.id).toBe(overdue.items[0].id)
    expect((await get('/api/commitments/kst-1-1~00000000')).statusCode).toBe(404)
  })

  it('serves Atom that parses in a feed parser and iCalendar that parses in ical.js', async () => {
    const atom = await get('/feeds/dossier/33783.atom')
    expect(atom.headers['content-type']).toMatch(/^application\/atom\+xml/)
    const feed = parseFeed(atom.body)
    expect(feed.items.map((i) => i.url?.replace(/^http:\/\/localhost(:80)?/, ''))).toContain('/papers/kst-33783-52')
    expect(parseFeed((await get('/feeds/search.atom?q=toetsingsconferentie')).body).items.length).toBeGreaterThan(0)
    expect(parseFeed((await get('/feeds/commitments.atom?sender=Buitenlandse%20Zaken')).body).items.length).toBe(3)
    const ics = await get('/feeds/dossier/33783.ics')
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/)
    const events = new ICAL.Component(ICAL.parse(ics.body)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    expect(events.some((e) => e.startDate.toString() === '2022-08-01' && e.endDate.toString() === '2022-08-27')).toBe(true)
    const deadlines = new ICAL.Component(ICAL.parse((await get('/feeds/commitments.ics?sender=Buitenlandse%20Zaken')).body)).getAllSubcomponents('vevent')
    expect(deadlines).toHaveLength(2)
    expect((await get('/feeds/commitments.ics')).statusCode).toBe(400)
    expect((await get('/feeds/dossier/99999.atom')).statusCode).toBe(404)
  })

  it('sends security headers, compresses large responses, and answers unknown paths with 404 JSON', async () => {
    const r = await get('/api/papers/kst-33783-50', { 'accept-encoding': 'gzip' })
    expect(r.headers['content-encoding']).toBe('gzip')
    expect(JSON.parse(gunzipSync(r.rawPayload).toString('utf8')).id).toBe('kst-33783-50')
    for (const h of ['x-content-type-options', 'x-frame-options', 'content-security-policy', 'referrer-policy']) expect(r.headers[h]).toBeTruthy()
    const missing = await get('/api/nothing')
    expect(missing.statusCode).toBe(404)
    expect(missing.json().error.code).toBe('not-found')
  })

  it('never sends a stack trace: a failure inside the store is a bare 500', async () => {
    const broken = new Proxy(store as Store, {
      get: (target, prop, receiver) =>
        prop === 'search'
          ? () => {
              throw new Error('disk I/O error at /var/lib/secret.db')
            }
          : Reflect.get(target, prop, receiver),
    })
    const logged: string[] = []
    const b = await buildApp({ store: broken, ctx, today: TODAY, logStream: { write: (line) => logged.push(line) } })
    const r = await b.inject('/api/search?q=x')
    await b.close()
    expect(r.statusCode).toBe(500)
    expect(r.json()).toEqual({ error: { status: 500, code: 'internal', message: 'internal error; the server log has the details' } })
    // The log has the details, without --log too: what the answer points to is there.
    expect(logged.join('')).toContain('disk I/O error at /var/lib/secret.db')
  })
})

describe('writes need the token', () => {
  const upload = (a: FastifyInstance, body: Buffer | string, headers: Record<string, string> = {}, name = 'kst-33783-51.txt') =>
    a.inject({
      method: 'POST',
      url: `/api/papers?name=${encodeURIComponent(name)}`,
      payload: body,
      headers: { 'content-type': 'application/octet-stream', ...headers },
    })
  const letter = readFileSync(join(ROOT, 'test', 'fixtures', 'chains', '33783-51.txt'))

  it('POST /api/papers is refused without a token, with a wrong one, and on a read-only server', async () => {
    expect((await upload(app, letter)).statusCode).toBe(401)
    expect((await upload(app, letter, { authorization: 'Bearer wrong' })).statusCode).toBe(401)
    expect((await upload(app, letter, { authorization: `Basic ${TOKEN}` })).statusCode).toBe(401)
    const ro = await upload(readOnly, letter, auth)
    expect(ro.statusCode).toBe(403)
    expect(ro.json().error.message).toContain('read-only')
    expect(await store.get('kst-33783-51')).toBeNull()
  })

  it('POST /api/papers reads and stores a paper in any form, idempotently, and refuses what it cannot read', async () => {
    const r = await upload(app, letter, auth)
    expect(r.statusCode).toBe(201)
    expect(r.json()).toMatchObject({ id: 'kst-33783-51', result: 'new' })
    expect((await upload(app, letter, auth)).json().result).toBe('unchanged')
    // It keeps a promise of 33783-50: the tracker sees it at once.
    expect((await get('/api/commitments?dossier=33783&status=fulfilled')).json().total).toBe(2)
    const pdf = readFileSync(corpusFile('dev', '35228-6.pdf'))
    expect((await upload(app, pdf, { ...auth, 'content-type': 'application/pdf' }, '35228-6.pdf')).json()).toMatchObject({ id: 'kst-35228-6' })
    expect((await upload(app, Buffer.alloc(0), auth)).statusCode).toBe(400)
    const garbage = await upload(app, Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 7]), auth, 'x.bin')
    expect(garbage.statusCode).toBe(422)
    const huge = await upload(app, Buffer.alloc(3 * 1024 * 1024, 'a'), auth)
    expect(huge.statusCode).toBe(413)
  })

  it('POST /api/commitments/{id}/correction needs the token and a valid body', async () => {
    const id = (await get('/api/commitments?dossier=33783&status=overdue')).json().items[0].id as string
    const url = `/api/commitments/${encodeURIComponent(id)}/correction`
    const post = (payload: string, headers: Record<string, string> = auth) =>
      app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json', ...headers } })
    expect((await post('{"action":"reopen"}', {})).statusCode).toBe(401)
    expect((await post('{"action":"fulfilled"}')).json().error.message).toContain('invalid action')
    expect((await post('not json')).statusCode).toBe(400)
    expect((await post('{"action":"fulfilled-by","target":"kst-1-1"}')).json().error.message).toContain('invalid target')
    const ok = await post('{"action":"fulfilled-by","target":"kst-33783-52"}')
    expect(ok.statusCode).toBe(200)
    expect(ok.json().commitment).toMatchObject({ status: 'fulfilled', evidence: [{ reason: 'manual' }] })
    expect((await post('{"action":"reopen"}')).json().commitment.status).toBe('overdue')
    // A paper older than the promise is a 409 until forced; a correction names who made it, and is undone by `clear`.
    const older = await post('{"action":"fulfilled-by","target":"kst-32733-36"}')
    expect(older.statusCode).toBe(409)
    expect(older.json().error.message).toMatch(/is older than the promise .*send "force": true/)
    expect((await post('{"action":"fulfilled-by","target":"kst-32733-36","force":true,"by":"Redactie"}')).json()).toMatchObject({
      correction: { action: 'fulfilled-by', by: 'Redactie' },
      commitment: { status: 'fulfilled' },
    })
    expect((await post('{"action":"not-a-commitment"}')).json().commitment).toBeNull()
    expect((await post('{"action":"clear"}')).json()).toMatchObject({ correction: { action: 'clear', by: 'api' }, commitment: { status: 'overdue' } })
    expect((await app.inject({ method: 'POST', url: '/api/commitments/nope/correction', payload: '{"action":"reopen"}', headers: auth })).statusCode).toBe(404)
  })
})

describe('web pages', () => {
  it.skipIf(skipWithoutShared)('show the Tweede Kamer number of a paper from its open data, and find the paper by it', async () => {
    const own = new EmbeddedStore(':memory:')
    const bytes = readFileSync(corpusFile('raw', '33037-587.zaak.json'))
    await own.put(await readDocument(bytes, '33037-587.zaak.json', ctx), bytes)
    const server = await buildApp({ store: own, ctx, today: TODAY })
    try {
      const page = await server.inject({ method: 'GET', url: '/papers/2025D13256' })
      expect(page.statusCode).toBe(200)
      expect(page.body).toContain('<code>kst-33037-587</code>')
      expect(page.body).toContain('Tweede Kamer <code>2025D13256</code>')
      const api = await server.inject({ method: 'GET', url: '/api/search?q=mestproductie' })
      expect(api.json().hits[0]).toMatchObject({ id: 'kst-33037-587', documentNummer: '2025D13256' })
    } finally {
      await server.close()
      await own.close()
    }
  })

  it('render in Dutch with landmarks, and escape what papers contain', async () => {
    const home = await get('/')
    expect(home.headers['content-type']).toMatch(/^text\/html/)
    expect(home.body).toContain('<html lang="nl">')
    for (const landmark of ['<header', '<nav', '<main', '<footer', 'role="search"', '<label for="q">']) expect(home.body).toContain(landmark)
    const results = await get('/?q=kernwapens')
    expect(results.body).toContain('href="/papers/kst-33783-50"')
    expect(results.body).toContain('<mark>kernwapens</mark>')
    const bad = await get('/?q=%22open')
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('role="alert"')
    const long = await get(`/?q=${'a'.repeat(1200)}`)
    expect(long.statusCode).toBe(400)
    expect(long.body).toContain('q:')
    expect((await get(`/commitments?sender=${'x'.repeat(300)}`)).statusCode).toBe(400)
    const xss = await get('/?q=%3Cscript%3Ealert(1)%3C/script%3E')
    expect(xss.body).not.toContain('<script>alert(1)')
  })

  it('the paper page marks commitments and links references; dossier and commitments pages render', async () => {
    const paper = (await get('/papers/kst-33783-50')).body
    expect(paper).toMatch(/<mark class="commitment status-\w[\w-]*" id="toezegging-1"[^>]*>Ik zal uw Kamer t\.z\.t\. informeren over dit besluit\.<\/mark>/)
    expect(paper).toContain('data-target="kst-33783-48"')
    // The official record: of the paper itself, and of a cited paper that is not stored.
    expect(paper).toContain('href="https://zoek.officielebekendmakingen.nl/kst-33783-50.html"')
    expect(paper).toMatch(/<a class="ref external" href="https:\/\/zoek\.officielebekendmakingen\.nl\/kst-33783-48\.html"[^>]*data-target="kst-33783-48">/)
    expect((await get('/papers/kst-33783-50?view=source')).body).toContain('Buiten-\nlandse')
    expect((await get('/papers/nope')).statusCode).toBe(404)
    const dossier = (await get('/dossiers/33783')).body
    expect(dossier).toContain('class="entry kind-event"')
    expect(dossier).toContain('href="/feeds/dossier/33783.ics"')
    const board = (await get('/commitments?status=overdue')).body
    expect(board).toContain('data-status="overdue"')
    expect(board).not.toContain('data-status="open"')
    expect(board).toContain('<figure class="chart"')
    expect(board).toContain('<svg class="bar"')
  })
})

describe('hostile requests get our answer, never a crash or the client’s words in our links (issue 18)', () => {
  const post = (url: string, payload: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/octet-stream', ...auth, ...headers } })

  it('XML and HTML nested 100,000 deep are 422 with one line, not 500', async () => {
    const xml = await post(
      '/api/papers?name=deep.xml',
      `<?xml version="1.0"?><officiele-publicatie>${'<al>'.repeat(100_000)}x${'</al>'.repeat(100_000)}</officiele-publicatie>`,
    )
    expect(xml.statusCode).toBe(422)
    expect(xml.json().error.message).toMatch(/^XML could not be read: .*nested/)
    const html = await post('/api/papers?name=deep.html', `<html><body>${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}</body></html>`)
    expect(html.statusCode).toBe(422)
    expect(html.json().error.message).toMatch(/HTML nested more than 1000 levels deep/)
  })

  it('an open-data list upload stores its records, one paper per Document record, as ingest does', async () => {
    const record = (i: number) => ({
      Id: `11111111-0000-0000-0000-00000000000${i}`,
      Soort: 'Brief regering',
      DocumentNummer: `2024D2000${i}`,
      Onderwerp: `Voortgangsbrief nummer ${i}`,
      Datum: '2024-03-01T00:00:00',
      Kamer: 2,
      ApiGewijzigdOp: '2024-03-10T10:00:00Z',
    })
    const r = await post('/api/papers?name=page.json', JSON.stringify({ value: [record(1), record(2)] }))
    expect(r.statusCode).toBe(200)
    expect(r.json()).toEqual({ records: 2, papers: { new: 2, updated: 0, unchanged: 0 }, removed: 0 })
    expect((await get('/api/papers/2024D20001')).statusCode).toBe(200)
  })

  it('an upload without a token is refused before its body is read', async () => {
    const r = await app.inject({ method: 'POST', url: '/api/papers?name=x.txt', payload: 'x'.repeat(1000), headers: { 'content-type': 'text/plain' } })
    expect(r.statusCode).toBe(401)
    // An invalid body encoding from someone without the token: the token is what is answered.
    const encoded = await app.inject({ method: 'POST', url: '/api/papers?name=x.txt', payload: 'x', headers: { 'content-encoding': 'bogus' } })
    expect(encoded.statusCode).toBe(401)
  })

  it('an invalid Content-Encoding gets our error shape, not a dropped connection', async () => {
    const r = await post('/api/papers?name=x.txt', 'Brief', { 'content-encoding': 'bogus' })
    expect(r.statusCode).toBe(415)
    expect(r.json()).toMatchObject({ error: { status: 415 } })
    expect(r.headers['x-content-type-options']).toBe('nosniff')
  })

  it('ids over 100 characters and malformed escapes (%ZZ) get our error shape and the security headers', async () => {
    const long = await get(`/api/papers/${'a'.repeat(150)}`)
    expect(long.statusCode).toBe(404)
    expect(long.json()).toMatchObject({ error: { status: 404, code: 'not-found' } })
    expect(long.headers['content-security-policy']).toBeDefined()
    const bad = await get('/api/papers/%ZZ')
    expect(bad.statusCode).toBe(400)
    expect(bad.json()).toMatchObject({ error: { status: 400, code: 'bad-request' } })
    expect(bad.headers['x-frame-options']).toBe('DENY')
  })

  it('feed links never come from the Host header: the configured base address, else the listening address', async () => {
    const atom = await get('/feeds/commitments.atom', { host: 'evil.example' })
    expect(atom.statusCode).toBe(200)
    expect(atom.body).not.toContain('evil.example')
    const ics = await get('/feeds/dossier/33783.ics', { host: 'evil.example' })
    expect(ics.body).not.toContain('evil.example')
    const configured = await buildApp({ store, ctx, today: TODAY, baseUrl: 'https://kamerwacht.example.org/' })
    try {
      const body = (await configured.inject({ url: '/feeds/dossier/33783.atom', headers: { host: 'evil.example' } })).body
      expect(body).toContain('href="https://kamerwacht.example.org/feeds/dossier/33783.atom"')
      expect(body).not.toContain('evil.example')
    } finally {
      await configured.close()
    }
  })

  it('a form is refused past 16 KB before more is read, counted after decompression (a gzip of zeros), on every form route', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' }
    const big = await app.inject({ method: 'POST', url: '/login', payload: `token=${'x'.repeat(100_000)}`, headers: form })
    expect(big.statusCode).toBe(413)
    expect(big.json().error.message).toBe('body larger than 16 KB')
    // 1 MB of zeros, 1 KB on the wire (under this server's 2 MB upload limit): refused at 16 KB inflated.
    const bomb = gzipSync(Buffer.alloc(1024 * 1024))
    expect(bomb.length).toBeLessThan(16 * 1024)
    for (const url of ['/login', '/logout', '/follows', '/commitments/x/correction']) {
      const r = await app.inject({ method: 'POST', url, payload: bomb, headers: { ...form, 'content-encoding': 'gzip' } })
      expect(r.statusCode, url).toBe(413)
    }
    // A form of ordinary size is still read (a wrong token: 401).
    expect((await app.inject({ method: 'POST', url: '/login', payload: 'token=wrong&back=%2F', headers: form })).statusCode).toBe(401)
    // An upload keeps its own limit.
    const upload = await app.inject({ method: 'POST', url: '/api/papers?name=a.txt', payload: 'x'.repeat(3 * 1024 * 1024), headers: auth })
    expect(upload.json().error).toMatchObject({ status: 413, message: 'upload larger than 2 MB' })
  })

  it('an id or dossier number with a control character (U+0000) is a 400 naming the field', async () => {
    for (const url of ['/api/papers/a%00b', '/api/papers/a%00b/citations', '/api/commitments/x%00y', '/api/dossiers/33%00783']) {
      const r = await get(url)
      expect(r.statusCode, url).toBe(400)
      expect(r.json().error.message, url).toMatch(/^invalid (id|nr): holds a control character/)
    }
  })

  it('a form posted with an Origin that is no URL is refused (403), not a 500', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/login',
      payload: 'token=x',
      headers: { origin: 'foo', 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(r.statusCode).toBe(403)
  })

  it('the API, the web UI and the CLI refuse the same bad search field from one schema, each in its language', async () => {
    const api = (await get('/api/search?q=x&from=2022-13-45')).json().error.message
    const web = await get('/?q=x&from=2022-13-45')
    expect(api).toBe('invalid from: 2022-13-45 is not a date: write 2022-01-01 (or 2022, or 2022-05)')
    expect(web.statusCode).toBe(400)
    expect(web.body).toContain('from: 2022-13-45 is geen datum: schrijf 2022-01-01 (of 2022, of 2022-05)')
    expect((await get('/commitments?status=kwijt')).body).toContain('status: kies open, due-soon, overdue of fulfilled')
  })

  it('a parameter /api/commitments or /api/search does not take is refused, naming those it does (issue 30)', async () => {
    const board = await get('/api/commitments?woorden=kernwapens')
    expect(board.statusCode).toBe(400)
    expect(board.json().error.message).toBe('unknown parameter "woorden": this endpoint takes status, sender, dossier, q, sort, limit, offset, page')
    // Words in the promise are a filter of the board (`q`), as on the web board and the command line.
    const worded = await get('/api/commitments?q=briefing')
    expect(worded.statusCode).toBe(200)
    expect(worded.json().items.length).toBeGreaterThan(0)
    for (const c of worded.json().items) expect(c.text.toLowerCase()).toContain('briefing')
    const late = await get('/api/commitments?status=late')
    expect(late.statusCode).toBe(400)
    expect(late.json().error.message).toMatch(/status/)
    expect((await get('/api/search?q=kamer&afzender=Defensie')).json().error.message).toMatch(
      /^unknown parameter "afzender": this endpoint takes q, type, dossier, sender/,
    )
    expect((await get('/api/commitments?status=open')).statusCode).toBe(200)
  })

  it('a search that asks for nothing is refused with what it needs, on the API and the web (issue 30)', async () => {
    const empty = await get('/api/search')
    expect(empty.statusCode).toBe(400)
    expect(empty.json().error.message).toBe('invalid q: a search needs a word to look for or a filter, as in: kernwapens, or type:brief')
    const range = await get('/api/search?q=kamer&from=2023&to=2022')
    expect(range.statusCode).toBe(400)
    expect(range.json().error.message).toBe('invalid to: the date range is empty: it ends (2022-12-31) before it begins (2023-01-01)')
    const web = await get('/?q=kamer&from=2023&to=2022')
    expect(web.statusCode).toBe(400)
    expect(web.body).toContain('het datumbereik is leeg')
    expect((await get('/api/search?q=x&limit=abc')).json().error.message).toBe('invalid limit: a whole number from 0 to 100')
  })

  it('a token a header cannot carry is refused when the server is built', async () => {
    await expect(buildApp({ store, ctx, token: 'geheim-wachtwoord-é' })).rejects.toThrow(/printable ASCII/)
    await expect(buildApp({ store, ctx, token: 'two words' })).rejects.toThrow(/printable ASCII/)
    // One character (or any fewer than 16) is guessed by trying.
    await expect(buildApp({ store, ctx, token: 'x' })).rejects.toThrow(/at least 16 characters \(it has 1\)/)
  })

  it('failed sign-ins are throttled per address: after five, the sixth waits (429, Retry-After), the API’s too', async () => {
    const own = await buildApp({ store, ctx, token: TOKEN, today: TODAY })
    try {
      const form = { 'content-type': 'application/x-www-form-urlencoded' }
      const login = (token: string) => own.inject({ method: 'POST', url: '/login', payload: `token=${token}&back=%2F`, headers: form })
      for (let i = 0; i < 5; i++) expect((await login('wrong-token-0123456789')).statusCode).toBe(401)
      const sixth = await login('wrong-token-0123456789')
      expect(sixth.statusCode).toBe(429)
      expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0)
      expect(sixth.body).toContain('Te veel onjuiste pogingen vanaf dit adres')
      // Even the right token waits its turn: trying is what is throttled.
      expect((await login(TOKEN)).statusCode).toBe(429)
      const api = await own.inject({ method: 'POST', url: '/api/papers?name=a.txt', payload: 'x', headers: { authorization: 'Bearer wrong-token-0123456789' } })
      expect(api.statusCode).toBe(429)
      expect(api.json().error.message).toMatch(/^too many wrong tokens from this address; try again in \d+ s$/)
    } finally {
      await own.close()
    }
  })

  it('the session cookie is Secure behind a TLS proxy (--base-url https://…), and not on plain HTTP', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' }
    const cookieOf = async (baseUrl?: string) => {
      const own = await buildApp({ store, ctx, token: TOKEN, today: TODAY, ...(baseUrl ? { baseUrl } : {}) })
      try {
        const r = await own.inject({ method: 'POST', url: '/login', payload: `token=${TOKEN}&back=%2F`, headers: form })
        expect(r.statusCode).toBe(303)
        return String(r.headers['set-cookie'])
      } finally {
        await own.close()
      }
    }
    expect(await cookieOf('https://kamerwacht.example.org')).toMatch(/; Secure$/)
    expect(await cookieOf()).not.toContain('Secure')
  })
})

describe('snippets', () => {
  it('are escaped once on the page and in the feed (`Agri & Food`, not `Agri &amp;amp; Food`)', async () => {
    const own = new EmbeddedStore(':memory:')
    const text = 'Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 3 maart 2023\n\nDe sector Agri & Food zoekt kernwapens <niet>.\n'
    await own.put(await readDocument(Buffer.from(text), 'agri.txt', ctx), Buffer.from(text))
    const server = await buildApp({ store: own, ctx, today: TODAY })
    try {
      const page = (await server.inject('/?q=kernwapens')).body
      expect(page).toContain('Agri &amp; Food')
      expect(page).not.toContain('&amp;amp;')
      expect(page).toContain('&lt;niet&gt;')
      const feed = (await server.inject('/feeds/search.atom?q=kernwapens')).body
      expect(feed).toContain('Agri &amp; Food')
      expect(feed).not.toContain('&amp;amp;')
      expect((await parseFeed(feed)).items[0]?.description).toContain('Agri & Food')
    } finally {
      await server.close()
      await own.close()
    }
  })
})
