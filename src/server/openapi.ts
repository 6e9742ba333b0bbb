import { z } from 'zod'
import * as S from './schemas.js'

type Json = Record<string, unknown>

const schema = (s: z.ZodType, io: 'input' | 'output' = 'output'): Json => {
  const { $schema, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Json
  return rest
}

/** Query parameters of an operation, one per property of its zod object. */
function queryParams(s: z.ZodObject): Json[] {
  const js = schema(s, 'input') as { properties?: Record<string, Json>; required?: string[] }
  return Object.entries(js.properties ?? {}).map(([name, p]) => ({
    name,
    in: 'query',
    required: js.required?.includes(name) ?? false,
    schema: p,
    ...(typeof p.description === 'string' ? { description: p.description } : {}),
  }))
}

const pathParam = (name: string, description: string) => ({ name, in: 'path', required: true, schema: { type: 'string' }, description })
const json = (s: z.ZodType, description = 'OK') => ({ description, content: { 'application/json': { schema: schema(s) } } })
const error = (description: string) => json(S.ErrorResponse, description)
const bearer = [{ bearer: [] }]

/** The OpenAPI 3.1 description of the API, generated from the zod schemas the server validates with. */
export function openApi(version: string): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'kamerwacht',
      version,
      description:
        'Dutch parliamentary papers as structured, searchable, linked data. Reads are public; writes need `Authorization: Bearer $KAMERWACHT_TOKEN`.',
    },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths: { ...paperPaths(), ...trackingPaths(), ...feedPaths() },
  }
}

/** Health, this description, and the papers: list, one, its source and citations, upload. */
function paperPaths(): Json {
  return {
    '/health': { get: { summary: 'liveness and paper count', responses: { 200: json(S.Health) } } },
    '/openapi.json': { get: { summary: 'this description', responses: { 200: { description: 'OpenAPI 3.1' } } } },
    '/docs': { get: { summary: 'this description as a readable page (Swagger UI, served from here)', responses: { 200: { description: 'HTML' } } } },
    '/api/papers': {
      get: { summary: 'stored papers, by key', parameters: queryParams(S.PaperListQuery), responses: { 200: json(S.PaperList) } },
      post: {
        summary: 'upload a paper in any input form; it is read and stored',
        security: bearer,
        parameters: queryParams(S.UploadQuery),
        requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
        responses: {
          201: json(S.UploadResult, 'stored as a new paper'),
          200: json(S.UploadResult, 'already stored, or updated; for an open-data list, what its records did'),
          400: error('empty body'),
          401: error('missing or wrong token'),
          403: error('the server is read-only (no token configured)'),
          413: error('too large'),
          422: error('not a readable paper'),
        },
      },
    },
    '/api/papers/{id}': {
      get: {
        summary: 'a paper as Document JSON, or its clean text (ETag; send If-None-Match)',
        parameters: [pathParam('id', 'paper id (kst-33783-50) or key'), ...queryParams(S.PaperQuery)],
        responses: { 200: json(S.DocumentJson), 304: { description: 'not modified' }, 404: error('no such paper') },
      },
    },
    '/api/papers/{id}/source': {
      get: {
        summary: 'the raw source as it was ingested',
        parameters: [pathParam('id', 'paper id or key')],
        responses: { 200: { description: 'the file', content: { 'application/octet-stream': {} } }, 404: error('no such paper') },
      },
    },
    '/api/papers/{id}/citations': {
      get: {
        summary: 'references out and papers citing in',
        parameters: [pathParam('id', 'paper id or key')],
        responses: { 200: json(S.Citations), 404: error('no such paper') },
      },
    },
  }
}

/** Search, dossiers, timelines, promises and their corrections. */
function trackingPaths(): Json {
  return {
    '/api/search': {
      get: {
        summary: 'full-text search in Dutch, with filters, facets and snippets (same JSON as `kamerwacht search --json`)',
        parameters: queryParams(S.SearchQuery),
        responses: { 200: json(S.SearchResult), 400: error('bad parameter or query syntax') },
      },
    },
    '/api/dossiers/{nr}': {
      get: {
        summary: 'a dossier at a glance',
        parameters: [pathParam('nr', 'dossier number (33783)')],
        responses: { 200: json(S.DossierView), 404: error('no such dossier') },
      },
    },
    '/api/dossiers/{nr}/timeline': {
      get: {
        summary: 'papers, dated events and commitments of a dossier in date order',
        parameters: [pathParam('nr', 'dossier number')],
        responses: { 200: json(S.Timeline), 404: error('no such dossier') },
      },
    },
    '/api/commitments': {
      get: {
        summary: 'commitments (toezeggingen) with status, evidence, counts per status and sender',
        parameters: queryParams(S.CommitmentQuery),
        responses: { 200: json(S.CommitmentList), 400: error('bad parameter') },
      },
    },
    '/api/fracties/{name}': {
      get: {
        summary: 'a fractie: the moties its members submitted, and how it voted (newest first; by result and days)',
        parameters: [pathParam('name', 'the fractie as the votes name it (VVD, GroenLinks-PvdA)'), ...queryParams(S.PersonQuery)],
        responses: { 200: json(S.KamerPersonResult), 400: error('bad parameter') },
      },
    },
    '/api/leden/{name}': {
      get: {
        summary: 'a member: the moties they submitted, and the votes they cast apart from their fractie',
        parameters: [pathParam('name', 'the member as the records name them (Kostić)'), ...queryParams(S.PersonQuery)],
        responses: { 200: json(S.KamerPersonResult), 400: error('bad parameter') },
      },
    },
    '/api/register': {
      get: {
        summary:
          "the Kamer's register of promises (Toezegging records) beside the promises read in the papers: in both (with kamerwacht's proposal where the register has no deadline or letter), only in the register, only in the papers",
        parameters: queryParams(S.RegisterQuery),
        responses: { 200: json(S.RegisterResult), 400: error('bad parameter') },
      },
    },
    '/api/vragen': {
      get: {
        summary:
          'written questions: answers read from their papers with the days each took, each set of questions in the open data from asked through postponed to answered, and the unanswered per ministry',
        parameters: queryParams(S.QuestionsQuery),
        responses: { 200: json(S.QuestionsResult), 400: error('bad parameter') },
      },
    },
    '/api/agenda': {
      get: {
        summary: "the Kamer's meetings between two days (default: the next eight weeks), with their agenda items; per committee or dossier",
        parameters: queryParams(S.AgendaQuery),
        responses: { 200: json(S.AgendaResult), 400: error('bad parameter') },
      },
    },
    '/api/moties': {
      get: {
        summary:
          'the moties board: moties with their result, indieners and status (open, in-behandeling, deels, niet-uitgevoerd, uitgevoerd), oldest open first',
        parameters: queryParams(S.MotieBoardQuery),
        responses: { 200: json(S.MotieBoardResult), 400: error('bad parameter') },
      },
    },
    '/api/moties/{id}': {
      get: {
        summary: 'one motie: indieners, appreciation, each decision with the vote per fractie, and the letters that answer it',
        parameters: [pathParam('id', 'the motie (kst-36583-14) or its Zaak number (2024Z00425)')],
        responses: { 200: json(S.MotieDetail), 404: error('no such motie') },
      },
    },
    '/api/commitments/{id}': {
      get: {
        summary: 'one commitment',
        parameters: [pathParam('id', 'commitment id')],
        responses: { 200: json(S.TrackedCommitment), 404: error('no such commitment') },
      },
    },
    '/api/commitments/{id}/correction': {
      post: {
        summary: 'correct a commitment by hand (kept with who and when; `clear` undoes it); survives re-ingest',
        security: bearer,
        parameters: [pathParam('id', 'commitment id')],
        requestBody: { required: true, content: { 'application/json': { schema: schema(S.CorrectionBody, 'input') } } },
        responses: {
          200: { description: 'corrected' },
          400: error('bad body'),
          401: error('missing or wrong token'),
          403: error('read-only'),
          404: error('no such commitment'),
          409: error('the paper is older than the promise or from another sender: send "force": true to record it anyway'),
        },
      },
    },
    ...followPaths(),
  }
}

/** `/api/follows`: a user's own follows (their token from `kamerwacht user add`), or the store's own (the write token). */
function followPaths(): Json {
  const name = [pathParam('name', 'the follow')]
  return {
    '/api/follows': {
      get: {
        summary: "the follows of whoever asks (without a token: the store's own)",
        responses: { 200: json(z.object({ follows: z.array(S.FollowJson) })) },
      },
      post: {
        summary: 'follow a search, dossier:NR, toezegging:ID or motie:ID under a name',
        security: bearer,
        requestBody: { required: true, content: { 'application/json': { schema: schema(S.FollowBody, 'input') } } },
        responses: { 201: json(S.FollowJson), 400: error('bad body or query'), 401: error('not signed in') },
      },
    },
    '/api/follows/{name}': {
      get: {
        summary: 'the papers new for a follow since it was last seen',
        parameters: name,
        responses: { 200: { description: 'the follow, total and hits' }, 404: error('no such follow') },
      },
      delete: {
        summary: 'stop following',
        security: bearer,
        parameters: name,
        responses: { 204: { description: 'removed' }, 401: error('not signed in'), 404: error('no such follow') },
      },
    },
    '/api/follows/{name}/seen': {
      post: {
        summary: 'mark what is new as seen',
        security: bearer,
        parameters: name,
        responses: { 204: { description: 'seen' }, 401: error('not signed in'), 404: error('no such follow') },
      },
    },
    '/api/follows/{name}/alerts': {
      put: {
        summary: "where a follow's alerts go (e-mail; a webhook with the write token only) and at most how often",
        security: bearer,
        parameters: name,
        requestBody: { required: true, content: { 'application/json': { schema: schema(S.FollowAlertsBody, 'input') } } },
        responses: {
          200: json(S.FollowJson),
          400: error('bad address or interval'),
          401: error('not signed in'),
          403: error('a webhook needs the write token'),
          404: error('no such follow'),
        },
      },
    },
  }
}

/** Atom feeds and iCalendar files. */
function feedPaths(): Json {
  return {
    '/feeds/search.atom': {
      get: { summary: 'Atom feed of a saved search', parameters: queryParams(S.FeedQuery.pick({ q: true })), responses: { 200: { description: 'Atom' } } },
    },
    '/feeds/dossier/{nr}.atom': {
      get: { summary: "Atom feed of a dossier's papers", parameters: [pathParam('nr', 'dossier')], responses: { 200: { description: 'Atom' } } },
    },
    '/feeds/dossier/{nr}.ics': {
      get: {
        summary: "iCalendar of a dossier's events and deadlines",
        parameters: [pathParam('nr', 'dossier')],
        responses: { 200: { description: 'iCalendar' } },
      },
    },
    '/feeds/moties.atom': {
      get: {
        summary: 'the moties board as an Atom feed (the same filters): a motie comes back when a letter answers it',
        parameters: queryParams(S.MotieBoardQuery),
        responses: { 200: { description: 'Atom' }, 400: error('bad parameter') },
      },
    },
    '/feeds/commitments.atom': {
      get: {
        summary: 'Atom feed of commitments',
        parameters: queryParams(S.FeedQuery.pick({ sender: true, dossier: true })),
        responses: { 200: { description: 'Atom' } },
      },
    },
    '/feeds/commitments.ics': {
      get: {
        summary: "iCalendar of a sender's commitment deadlines",
        parameters: queryParams(S.FeedQuery.pick({ sender: true })),
        responses: { 200: { description: 'iCalendar' } },
      },
    },
  }
}
