import { z } from 'zod'
import { agendaInput } from '../app/agenda.js'
import { boardInput } from '../app/board.js'
import { personInput } from '../app/kamer-people.js'
import { motieBoardInput } from '../app/motie-board.js'
import { questionsInput } from '../app/questions.js'
import { registerInput } from '../app/register.js'
import { searchInput } from '../app/search.js'

// Request and response shapes of the HTTP API. Requests are validated with them;
// `/openapi.json` is generated from them, so the description cannot drift from the code.

const limit = (max: number, fallback: number) => z.coerce.number().int().min(0).max(max).default(fallback)
const offset = z.coerce.number().int().min(0).max(1_000_000).default(0)
/** A count in a response: a whole number, never below 0 (OpenAPI readers see `minimum: 0`). */
const count = z.number().int().min(0)

/** `GET /api/search` query: the one search input (app/search.ts), as the CLI and the web UI take it. */
export const SearchQuery = searchInput('en')

const Facet = z.array(z.object({ value: z.string(), count }))

/** `GET /api/search` response: the same JSON as `kamerwacht search --json`. */
export const SearchResult = z.object({
  total: count,
  hits: z.array(
    z.object({
      id: z.string(),
      title: z
        .string()
        .nullable()
        .describe("the paper's title as people know it: a printed kind title (BRIEF VAN DE MINISTER VAN …) after the dossier's title, in ordinary case"),
      type: z.string().nullable(),
      date: z.string().nullable(),
      sender: z.string().nullable(),
      score: z.number(),
      snippet: z.string().describe('text around the first match, with matches in <mark>…</mark>'),
      documentNummer: z.string().optional().describe("the Tweede Kamer's number of a paper from its open data (2023D03544)"),
    }),
  ),
  facets: z.object({ type: Facet, year: Facet, sender: Facet, dossier: Facet }),
  suggestions: z
    .array(
      z.object({
        q: z.string().describe('the query to try'),
        total: z.number().int().min(1).describe('papers it finds, with the same filters'),
        why: z.enum(['spelling', 'prefix']).describe('a word one slip away that the store has, or the word as the start of longer ones'),
      }),
    )
    .optional()
    .describe('only when nothing was found: queries that find papers in this store'),
})

/** A paper in one line. */
export const PaperInfo = z.object({
  key: z.string(),
  id: z.string().nullable(),
  type: z.string().nullable(),
  date: z.string().nullable(),
  sender: z.string().nullable(),
  title: z.string().nullable(),
  dossier: z.string().nullable(),
})

/** `GET /api/papers` query. */
export const PaperListQuery = z.object({ limit: limit(500, 50), offset })

/** `GET /api/papers` response. */
export const PaperList = z.object({ total: count, papers: z.array(PaperInfo.extend({ sourceName: z.string(), sha256: z.string() })) })

/** The Document JSON, described by its main fields (see README, "Document format"). */
export const DocumentJson = z
  .object({
    schemaVersion: z.literal(1),
    id: z.string().nullable(),
    form: z.string(),
    dossier: z.string().nullable(),
    ondernummer: z.string().nullable(),
    type: z.string().nullable(),
    title: z.string().nullable(),
    sender: z.string().nullable(),
    date: z.string().nullable(),
    text: z.string(),
    references: z.array(z.object({ text: z.string(), target: z.string().nullable(), kind: z.string() }).passthrough()),
    dates: z.array(z.object({ text: z.string(), start: z.string(), end: z.string() }).passthrough()),
    commitments: z.array(z.object({ text: z.string(), dueText: z.string().nullable() }).passthrough()),
  })
  .passthrough()

/** `GET /api/papers/{id}` query. */
export const PaperQuery = z.object({ format: z.enum(['json', 'text']).default('json').describe('text: the clean text only') })

/** `POST /api/papers` query: the file name tells the reader nothing it needs, but is kept with the source. */
export const UploadQuery = z.object({ name: z.string().min(1).max(200).default('upload').describe('file name to keep with the source') })

/** `POST /api/papers` response: the paper, or for an open-data list (an OData page) what its records did. */
export const UploadResult = z.union([
  z.object({
    id: z.string().nullable(),
    key: z.string(),
    result: z.enum(['new', 'updated', 'unchanged']),
    issues: z.array(z.unknown()),
  }),
  z.object({
    records: count,
    papers: z.object({ new: count, updated: count, unchanged: count }),
    removed: count,
  }),
])

const Citation = z.object({
  text: z.string(),
  kind: z.string(),
  target: z.string().nullable(),
  date: z.string().nullable(),
  paper: PaperInfo.nullable(),
  via: z.enum(['id', 'date']).nullable(),
})

/** `GET /api/papers/{id}/citations` response. */
export const Citations = z.object({
  paper: PaperInfo,
  out: z.array(Citation),
  in: z.array(z.object({ paper: PaperInfo, text: z.string(), via: z.enum(['id', 'date']) })),
})

const Status = z.enum(['open', 'due-soon', 'overdue', 'fulfilled'])
const StatusCounts = z.object({ open: count, 'due-soon': count, overdue: count, fulfilled: count })

/** `GET /api/dossiers/{nr}` response. */
export const DossierView = z.object({
  dossier: z.string(),
  title: z.string().nullable(),
  papers: z.array(PaperInfo.extend({ line: z.string() })),
  counts: z.object({ papers: count, byType: Facet, byYear: Facet, commitments: StatusCounts }),
  citesOutside: z.array(z.object({ target: z.string(), count: count, paper: PaperInfo.nullable() })),
  citesMissing: z.array(z.object({ target: z.string(), count: count })),
  citedFrom: z.array(z.object({ paper: PaperInfo, target: z.string() })),
})

/** `GET /api/dossiers/{nr}/timeline` response. */
export const Timeline = z.array(
  z.object({
    date: z.string(),
    end: z.string().optional(),
    kind: z.enum(['paper', 'event', 'commitment', 'due', 'kept']),
    text: z.string(),
    paper: PaperInfo,
    commitmentId: z.string().optional(),
    status: Status.optional(),
  }),
)

/** `GET /api/commitments` query: the one board input (app/board.ts), as the CLI and the web board take it. */
export const CommitmentQuery = boardInput('en')

const Evidence = z.object({
  commitmentId: z.string(),
  paperKey: z.string(),
  paperId: z.string().nullable(),
  paperDate: z.string().nullable(),
  paperTitle: z.string().nullable(),
  reason: z.enum(['points-at', 'subject', 'manual', 'postponed']),
  confidence: z.number(),
  evidence: z.string(),
})

/** One tracked commitment. */
export const TrackedCommitment = z.object({
  id: z.string(),
  paper: z.object({ key: z.string(), id: z.string().nullable(), date: z.string().nullable(), sender: z.string().nullable(), dossier: z.string().nullable() }),
  text: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  object: z.string().nullable(),
  dueText: z.string().nullable(),
  due: z.object({ start: z.string(), end: z.string() }).nullable(),
  status: Status,
  stale: z.boolean(),
  confidence: z.number().optional(),
  evidence: z.array(Evidence),
  candidates: z.array(Evidence),
  postponements: z.array(Evidence).optional().describe('later papers that moved the promise to a later deadline'),
  moved: z
    .array(z.object({ dueText: z.string().nullable(), due: z.object({ start: z.string(), end: z.string() }).nullable(), by: z.string() }))
    .optional()
    .describe('the earlier deadlines, oldest first, and the paper that moved each'),
  correction: z.object({ action: z.enum(['fulfilled-by', 'reopen', 'not-a-commitment']), target: z.string().optional(), at: z.string() }).nullable(),
})

/** `GET /api/commitments` response. */
export const CommitmentList = z.object({
  total: count,
  counts: z.object({ byStatus: StatusCounts, bySender: z.array(StatusCounts.extend({ sender: z.string() })) }),
  items: z.array(TrackedCommitment),
})

/** `POST /api/commitments/{id}/correction` body. */
const Who = { by: z.string().min(1).max(100).optional().describe('who corrects, kept with the correction (default: api)') }
export const CorrectionBody = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('fulfilled-by'),
    target: z.string().min(1).max(200).describe('id of the stored paper that keeps it'),
    force: z.boolean().optional().describe('record it even when the paper is older than the promise or from another sender'),
    ...Who,
  }),
  z.object({ action: z.literal('reopen'), ...Who }),
  z.object({ action: z.literal('not-a-commitment'), ...Who }),
  z.object({ action: z.literal('clear'), ...Who }).describe('undo the correction: back to automatic matching'),
])

/** Feeds' query. */
export const FeedQuery = z.object({ q: z.string().min(1).max(1000).optional(), sender: z.string().max(200).optional(), dossier: z.string().max(40).optional() })

/** `GET /health` response. */
export const Health = z.object({ status: z.literal('ok'), papers: count, version: z.string(), writable: z.boolean() })

/** Every error response. */
export const ErrorResponse = z.object({ error: z.object({ status: count, code: z.string(), message: z.string() }) })

/** Path parameters. */
// No id or number holds a control character: `/api/papers/a%00b` is a 400 naming the field, on both engines (PostgreSQL refuses U+0000 outright).
const printable = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((v) => ![...v].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f), 'holds a control character')
export const IdParam = z.object({ id: printable(300) })
/** Path parameter of a dossier. */
export const DossierParam = z.object({ nr: printable(40) })

/** `GET /api/moties` query: the one moties board input (app/motie-board.ts), as the CLI and the web page take it. */
export const MotieBoardQuery = motieBoardInput('en')

const MotieAnswerSchema = z.enum(['carried-out', 'partly', 'declines', 'responds'])
const FollowUp = z.object({ paper: PaperInfo, how: MotieAnswerSchema, text: z.string().describe('the words that say so') })

/** A motie in the Kamer: who submitted it, the appreciation, each decision with the vote per fractie. */
export const MotieFactsSchema = z.object({
  id: z.string().nullable().describe('its Kamerstuk (kst-36196-11)'),
  zaak: z.string().nullable().describe('its Zaak number (2024Z00425)'),
  title: z.string().nullable(),
  date: z.string().nullable().describe('the day it was submitted'),
  indieners: z.array(z.object({ name: z.string(), fractie: z.string().nullable() })),
  appreciatie: z.string().nullable().describe('Oordeel Kamer, Ontraden, Overgenomen …'),
  decisions: z.array(
    z.object({
      besluitId: z.string(),
      result: z.enum(['aangenomen', 'verworpen', 'aangehouden', 'ingetrokken', 'overgenomen', 'vervallen', 'anders']),
      text: z.string().nullable(),
      date: z.string().nullable(),
      tally: z.object({
        votes: z.array(z.object({ fractie: z.string(), soort: z.string(), seats: z.number().nullable(), member: z.string().nullable(), mistake: z.boolean() })),
        seatsFor: count,
        seatsAgainst: count,
      }),
    }),
  ),
  result: z.string().nullable(),
})

/** `GET /api/moties/{id}` response. */
export const MotieDetail = MotieFactsSchema.extend({ answeredBy: z.array(FollowUp) })

/** `GET /api/moties` response. */
export const MotieBoardResult = z.object({
  total: count,
  considered: count.describe('how many moties of the selection were weighed (at most 1,000, newest first)'),
  counts: z.record(z.enum(['open', 'in-behandeling', 'deels', 'niet-uitgevoerd', 'uitgevoerd']), count),
  items: z.array(
    MotieFactsSchema.extend({
      key: z.string(),
      status: z.enum(['open', 'in-behandeling', 'deels', 'niet-uitgevoerd', 'uitgevoerd']),
      answeredBy: z.array(FollowUp),
    }),
  ),
})

/** `GET /api/agenda` query: the one agenda input (app/agenda.ts). */
export const AgendaQuery = agendaInput('en')

/** `GET /api/agenda` response: the Kamer's meetings between two days, with their agenda items. */
// A meeting of the Kamer (an Activiteit), as the agenda and the register give it.
const ActivityJson = z.object({
  id: z.string(),
  nummer: z.string().nullable(),
  soort: z.string().nullable().describe('Commissiedebat, Plenair debat (wetgeving), Procedurevergadering …'),
  onderwerp: z.string().nullable(),
  start: z.string().nullable(),
  end: z.string().nullable(),
  status: z.string().nullable().describe('Gepland, Uitgevoerd, Geannuleerd …'),
  besloten: z.boolean(),
  commissie: z.object({ afkorting: z.string().nullable(), naam: z.string().nullable() }),
  locatie: z.string().nullable(),
  noot: z.string().nullable(),
  dossiers: z.array(z.string()),
})

export const AgendaResult = z.object({
  from: z.string(),
  to: z.string(),
  entries: z.array(
    ActivityJson.extend({
      items: z.array(
        z.object({
          volgorde: z.number().nullable(),
          onderwerp: z.string().nullable(),
          zaken: z.array(z.object({ nummer: z.string(), soort: z.string().nullable(), titel: z.string().nullable() })),
        }),
      ),
    }),
  ),
})

/** `GET /api/fracties/{name}` and `/api/leden/{name}` query (app/kamer-people.ts). */
export const PersonQuery = personInput('en')

/** Path parameter of a fractie or a member: their name. */
export const NameParam = z.object({ name: printable(120) })

/** `GET /api/fracties/{name}` and `/api/leden/{name}` response: the moties submitted, and the votes. */
export const KamerPersonResult = z.object({
  name: z.string(),
  moties: z.array(
    z.object({
      zaak: z.string().nullable(),
      onderwerp: z.string().nullable(),
      motie: z.string().nullable(),
      date: z.string().nullable(),
      by: z.string(),
      relatie: z.string().nullable().describe('Indiener or Medeindiener'),
    }),
  ),
  votes: z.object({
    total: count,
    items: z.array(
      z.object({
        zaak: z.string().nullable(),
        onderwerp: z.string().nullable(),
        motie: z.string().nullable(),
        soort: z.string().describe('Voor, Tegen, Niet deelgenomen'),
        mistake: z.boolean(),
        result: z.string(),
        date: z.string().nullable(),
      }),
    ),
  }),
})

/** `GET /api/register` query (app/register.ts). */
export const RegisterQuery = registerInput('en')

const RegisterEntrySchema = z.object({
  id: z.string(),
  nummer: z.string().nullable(),
  text: z.string(),
  status: z.string().nullable().describe('as the register writes it: Openstaand, Voldaan, Deels voldaan'),
  ministerie: z.string().nullable(),
  by: z.string().nullable(),
  made: z.string().nullable(),
  due: z.string().nullable(),
  keptBy: z.array(z.object({ documentNummer: z.string().nullable(), paper: z.string().nullable() })),
  activiteit: ActivityJson.nullable().describe('the debate or meeting it was made in, with the committee that led it'),
  activiteitNummer: z.string().nullable(),
  toegezegdAan: z.array(z.object({ lid: z.string().nullable(), fractie: z.string().nullable() })).describe('the members and fracties it was made to'),
  chain: z
    .array(
      z.object({
        relation: z.enum(['herhaling-van', 'wijziging-van', 'aanvulling-op', 'herhaald-in', 'gewijzigd-in', 'aangevuld-in']),
        id: z.string().nullable(),
        nummer: z.string().nullable(),
      }),
    )
    .describe('what it repeats, changes or adds to, and the later records that do so to it'),
})
const PaperPromiseSchema = z.object({
  id: z.string(),
  text: z.string(),
  paper: z.string(),
  sender: z.string().nullable(),
  date: z.string().nullable(),
  status: Status,
  context: z.string(),
  speaker: z.string().optional(),
  due: z.string().nullable().optional().describe("kamerwacht's deadline, read from the promise's words"),
  keptBy: z.array(z.string()).optional().describe('the papers kamerwacht found keep it'),
  to: z.string().nullable().optional().describe('for a promise made aloud: the member or fractie it was made to'),
  commissie: z.string().nullable().optional().describe("for a promise in a committee's verslag: the committee"),
})

/** `GET /api/register` response: the register beside the papers. */
export const RegisterResult = z.object({
  registered: count.describe('register records in the store'),
  agree: z.array(z.object({ register: RegisterEntrySchema, paper: PaperPromiseSchema, score: z.number(), statusAgrees: z.boolean().nullable() })),
  onlyRegister: z.array(RegisterEntrySchema),
  onlyPapers: z.array(PaperPromiseSchema),
})

/** A follow's name in a path. */
export const FollowParam = z.object({ name: z.string().min(1).max(60) })

/** A new follow: a name and a search, `dossier:33783`, `toezegging:ID` or `motie:ID`. */
export const FollowBody = z.object({ name: z.string().min(1).max(60), query: z.string().min(1).max(1000) })

/** Where a follow's alerts go; all absent or null stops them. A webhook is the editor's to set (the server calls it). */
export const FollowAlertsBody = z.object({
  email: z.string().max(320).nullable().optional(),
  webhook: z.string().max(2000).nullable().optional(),
  every: z.string().max(10).nullable().optional().describe('uur, dag, week or hours (1–744): at most one digest per interval'),
})

/** A follow as the API gives it. */
export const FollowJson = z.object({
  owner: z.string().describe("the user whose follow it is; '' for the store's own"),
  name: z.string(),
  query: z.string(),
  created: z.string(),
  seenSeq: z.number(),
  seenAt: z.string().nullable(),
  email: z.string().nullable(),
  webhook: z.string().nullable(),
  alertedSeq: z.number(),
  alertedAt: z.string().nullable(),
  everyHours: z.number().nullable(),
  told: z.string().nullable().describe('what its alerts last told of a followed motie: how many of its votes'),
  newCount: z.number(),
})

/** `GET /api/vragen` query (app/questions.ts). */
export const QuestionsQuery = questionsInput('en')

const Stage = z.object({ nummer: z.string().nullable(), date: z.string().nullable() })

/** `GET /api/vragen` response: answers read from papers, the sets of questions in the open data, the unanswered per ministry. */
export const QuestionsResult = z.object({
  answers: z.array(
    z.object({
      paper: z.string(),
      title: z.string().nullable(),
      askers: z.array(z.object({ name: z.string(), fractie: z.string().nullable() })),
      to: z.string().nullable().describe('whom they were put to: de Minister van Defensie'),
      subject: z.string().nullable(),
      asked: z.string().nullable(),
      answeredBy: z.string().nullable(),
      answered: z.string().nullable(),
      days: z.number().nullable(),
      withinThreeWeeks: z.boolean().nullable(),
      questions: z.number(),
      pairs: z
        .array(z.object({ numbers: z.array(z.number()), question: z.string(), answer: z.string().nullable() }))
        .describe('each numbered question with its answer, paired by number'),
      unanswered: z.array(z.number()).describe('the numbers of questions asked and answered nowhere in the paper'),
    }),
  ),
  courses: z.array(
    z.object({
      subject: z.string(),
      askers: z.array(z.string()),
      question: Stage.nullable(),
      postponements: z.array(Stage),
      answer: Stage.nullable(),
      days: z.number().nullable().describe('from the questions to the answer, or to today while unanswered'),
      late: z.boolean().nullable().describe('more than three weeks'),
      postponedInTime: z.boolean().nullable().describe('for a late one: a postponement notice came within the three weeks'),
      to: z.string().nullable().optional().describe('whom they were put to, read from a stored paper of the set'),
      ministerie: z.string().nullable().optional(),
    }),
  ),
  openByMinistry: z
    .array(z.object({ ministerie: z.string(), open: count, late: count, unannounced: count, oldest: z.string().nullable() }))
    .describe('the unanswered sets per ministry, over every set that passes the filters'),
})
