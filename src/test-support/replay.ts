/**
 * A replay server on loopback for the sync tests: it serves recorded real
 * responses of the Tweede Kamer open data (the records in
 * ../shared/corpus/raw, paged as the Gegevensmagazijn pages them), the
 * official XML those records point at, an officielebekendmakingen SRU search
 * over them, and on request the failures a real network has: 500, 429, a
 * time-out, a cut body, malformed JSON or XML, and a stall.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { corpusFile } from './paths.js'

type Json = Record<string, unknown>

/** A file the server serves at a path. */
export interface ReplayFile {
  body: Uint8Array
  type: string
}

/** What the server knows: records per entity and files per path. */
export interface ReplayWorld {
  records: Map<string, Json[]>
  files: Map<string, ReplayFile>
  /** Official XML by paper id, with its dossier, for the SRU search. */
  kst: Array<{ id: string; dossier: string; ondernummer: string; modified: string }>
}

/** A failure to inject: for the next `times` requests whose path and query match. */
export interface Fault {
  match: RegExp
  kind: '500' | '429' | 'timeout' | 'truncate' | 'malformed' | 'stall'
  times: number
}

const ODATA = '/OData/v4/2.0'
const read = (...p: string[]) => readFileSync(corpusFile(...p))
const json = (...p: string[]) => JSON.parse(read(...p).toString('utf8')) as unknown

/**
 * Toezegging records written for the tests in the register's shape (no real
 * ones are in the corpus): one that the promise of 33783-50 answers, one the
 * papers do not have, one made aloud in a committee debate, and one that changes
 * the second. Invented, and said so in their Notities. Their links are written as
 * the sync asks for them expanded (`Activiteit`, `ToegezegdAan`, `IsWijzigingVan`),
 * or as a number alone (`ActiviteitNummer`, for the stored activity of
 * {@link TEST_ACTIVITEIT}).
 */
export const TEST_TOEZEGGINGEN: Json[] = [
  {
    Id: '0f6c1c0e-0000-4000-8000-000000000001',
    Nummer: 'TZ202205-001',
    Tekst: 'De minister informeert de Kamer te zijner tijd over het besluit over deelname aan de Toetsingsconferentie van het Non-Proliferatieverdrag.',
    Status: 'Openstaand',
    Aanmaakdatum: '2022-05-27T00:00:00+02:00',
    DatumNakoming: null,
    Ministerie: 'Buitenlandse Zaken',
    Naam: 'Hoekstra',
    Initialen: 'W.B.',
    Functie: 'minister van Buitenlandse Zaken',
    Notities: 'testrecord, niet uit het register',
    GewijzigdOp: '2022-05-30T10:00:00+02:00',
    ApiGewijzigdOp: '2022-05-30T08:00:00.0000000Z',
    Verwijderd: false,
    KamerbriefNakoming: [],
  },
  {
    Id: '0f6c1c0e-0000-4000-8000-000000000002',
    Nummer: 'TZ202301-014',
    Tekst: 'De staatssecretaris stuurt de Kamer voor de zomer een evaluatie van de Wet op de kansspelen.',
    Status: 'Openstaand',
    Aanmaakdatum: '2023-01-19T00:00:00+01:00',
    DatumNakoming: '2023-07-01T00:00:00+02:00',
    Ministerie: 'Justitie en Veiligheid',
    Naam: 'Weerwind',
    Initialen: 'F.M.',
    Functie: 'minister voor Rechtsbescherming',
    ActiviteitNummer: '2023A00014',
    Notities: 'testrecord, niet uit het register',
    GewijzigdOp: '2023-01-20T10:00:00+01:00',
    ApiGewijzigdOp: '2023-01-20T09:00:00.0000000Z',
    Verwijderd: false,
    KamerbriefNakoming: [],
    ToegezegdAan: [
      {
        Id: '0f6c1c0e-0000-4000-8000-0000000000f1',
        Fractie: { Id: '0f6c1c0e-0000-4000-8000-0000000000f2', Afkorting: 'CDA', NaamNL: 'Christen-Democratisch Appèl' },
      },
    ],
  },
  // Made aloud in the committee debate written for the tests (test/fixtures/debates/commissiedebat.pdf.txt).
  {
    Id: '0f6c1c0e-0000-4000-8000-000000000003',
    Nummer: 'TZ202401-101',
    Tekst: 'De minister stuurt de Kamer voor 1 juni 2024 de cijfers over de wachttijden in de jeugdzorg per regio.',
    Status: 'Openstaand',
    Aanmaakdatum: '2024-01-18T00:00:00+01:00',
    DatumNakoming: '2024-06-01T00:00:00+02:00',
    Ministerie: 'Volksgezondheid, Welzijn en Sport',
    Naam: 'Van den Berg',
    Initialen: 'A.',
    Functie: 'minister voor Jeugd, Preventie en Sport',
    ActiviteitNummer: '2024A00101',
    Notities: 'testrecord, niet uit het register',
    GewijzigdOp: '2024-01-19T10:00:00+01:00',
    ApiGewijzigdOp: '2024-01-19T09:00:00.0000000Z',
    Verwijderd: false,
    KamerbriefNakoming: [],
    Activiteit: {
      Id: '0f6c1c0e-0000-4000-8000-0000000000a1',
      Nummer: '2024A00101',
      Soort: 'Commissiedebat',
      Onderwerp: 'Jeugdbeleid',
      Datum: '2024-01-18T00:00:00+01:00',
      Aanvangstijd: '2024-01-18T10:00:00+01:00',
      Voortouwnaam: 'vaste commissie voor Volksgezondheid, Welzijn en Sport',
      Voortouwafkorting: 'VWS',
    },
    // The member who asked for the figures in the debate (`De heer Jansen vroeg naar de cijfers per regio`).
    ToegezegdAan: [{ Id: '0f6c1c0e-0000-4000-8000-0000000000f3', Roepnaam: 'Jan', Achternaam: 'Jansen', Fractielabel: 'SP' }],
  },
  // A later promise that changes the second: a new deadline for the same evaluation, made in a debate not stored here.
  {
    Id: '0f6c1c0e-0000-4000-8000-000000000004',
    Nummer: 'TZ202306-020',
    Tekst: 'De staatssecretaris stuurt de Kamer de evaluatie van de Wet op de kansspelen niet voor de zomer maar in het eerste kwartaal van 2024.',
    Status: 'Openstaand',
    Aanmaakdatum: '2023-06-29T00:00:00+02:00',
    DatumNakoming: '2024-03-31T00:00:00+02:00',
    Ministerie: 'Justitie en Veiligheid',
    Naam: 'Weerwind',
    Initialen: 'F.M.',
    Functie: 'minister voor Rechtsbescherming',
    ActiviteitNummer: '2023A00620',
    Notities: 'testrecord, niet uit het register',
    GewijzigdOp: '2023-06-30T10:00:00+02:00',
    ApiGewijzigdOp: '2023-06-30T08:00:00.0000000Z',
    Verwijderd: false,
    KamerbriefNakoming: [],
    IsWijzigingVan: { Id: '0f6c1c0e-0000-4000-8000-000000000002', Nummer: 'TZ202301-014' },
  },
]

/** The committee debate the second test Toezegging names by number only (`ActiviteitNummer`): invented, as those are. */
export const TEST_ACTIVITEIT: Json = {
  Id: '0f6c1c0e-0000-4000-8000-0000000000a2',
  Nummer: '2023A00014',
  Soort: 'Commissiedebat',
  Onderwerp: 'Kansspelen',
  Datum: '2023-01-19T00:00:00+01:00',
  Aanvangstijd: '2023-01-19T14:00:00+01:00',
  Status: 'Uitgevoerd',
  Voortouwnaam: 'vaste commissie voor Justitie en Veiligheid',
  Voortouwafkorting: 'J&V',
  Noot: 'testrecord, niet uit de open data',
  GewijzigdOp: '2023-01-20T10:00:00+01:00',
  ApiGewijzigdOp: '2023-01-20T09:00:00.0000000Z',
  Verwijderd: false,
}

/** Builds the world from the corpus: the Zaak files' Documents with their XML, `moties` moties with their PDF text, a real page of Document records, the Kamer's records (see `addKamer`), and an empty set of each of `entities` it has no records of. */
export function buildWorld(options: { moties?: number; entities?: readonly string[] } = {}): ReplayWorld {
  const records = new Map<string, Json[]>()
  const files = new Map<string, ReplayFile>()
  const kst: ReplayWorld['kst'] = []
  const add = (entity: string, r: Json) => {
    const list = records.get(entity) ?? []
    list.push(r)
    records.set(entity, list)
  }
  const raw = readdirSync(corpusFile('raw'))
  for (const f of raw.filter((n) => n.endsWith('.zaak.json')).sort()) {
    const zaak = json('raw', f) as Json
    const { Document: docs, ...rest } = zaak
    add('Zaak', rest)
    for (const d of docs as Json[]) {
      add('Document', d)
      const versie = d.HuidigeDocumentVersie as Json | undefined
      const xml = ((versie?.DocumentPublicatie as Json[] | undefined) ?? []).find((p) => p.DocumentType === 'Xml')
      const name = f.replace('.zaak.json', '.xml')
      if (xml && raw.includes(name)) {
        files.set(`${ODATA}/DocumentPublicatie(${xml.Id})/resource`, { body: read('raw', name), type: 'application/xml' })
        const id = String(versie?.ExterneIdentifier)
        const m = /^kst-(.+)-([^-]+)$/.exec(id)
        if (m) {
          kst.push({ id, dossier: m[1] as string, ondernummer: m[2] as string, modified: String(d.ApiGewijzigdOp).slice(0, 10) })
          files.set(`/ob/${id}.xml`, { body: read('raw', name), type: 'application/xml' })
        }
      }
    }
  }
  for (const z of json('raw', 'odata-Zaak-page-506.json') as Json[]) add('Zaak', z)
  for (const p of json('raw', 'odata-Persoon-page1.json') as Json[]) add('Persoon', p)
  // Moties with the text of their PDF, served as the Document's file.
  const moties = (json('raw', 'moties-toegelicht_odata-Document-moties-with-pdftext_2023.json') as Json[]).slice(0, options.moties ?? 30)
  for (const m of moties) {
    const { text, summary: _s, prompt: _p, content_url: _c, ...record } = m
    add('Document', record)
    files.set(`${ODATA}/Document(${record.Id})/resource`, { body: new TextEncoder().encode(String(text)), type: 'text/plain; charset=utf-8' })
  }
  // A real page of Document records: deletions, and papers whose files the replay does not have (404).
  for (const d of json('raw', 'odata-Document-page52-2023-2025.json') as Json[]) add('Document', d)
  for (const t of TEST_TOEZEGGINGEN) add('Toezegging', structuredClone(t))
  add('Activiteit', structuredClone(TEST_ACTIVITEIT))
  addKamer(add)
  // Every entity the sync asks for is served, empty where the corpus has none of its records.
  for (const e of options.entities ?? []) records.set(e, records.get(e) ?? [])
  for (const list of records.values()) list.sort((a, b) => cmp(a, b))
  return { records, files, kst }
}

/**
 * The Kamer's decisions and people from ../shared/corpus/opendata: a real page of votes as the API gives it with
 * `$expand=Besluit($expand=Agendapunt($expand=Zaak)),Fractie,Persoon` (the replay serves what it has, expansions
 * and all; a sync keeps each as a record of its own), real pages of fracties, seats, meetings and agenda items, the
 * moties' Zaken with their Documents as `sync tk` selects them, and two ZaakActor records written for the tests (the
 * corpus has none): the indieners of motie 2025Z00854 with their fracties, as its text and vote say them.
 */
function addKamer(add: (entity: string, r: Json) => void): void {
  const dir = corpusFile('opendata')
  const files = readdirSync(dir)
  const list = (prefix: string) => {
    const name = files.find((f) => f.startsWith(prefix))
    if (!name) return []
    const data = json('opendata', name) as Json[] | { value: Json[] }
    return Array.isArray(data) ? data : data.value
  }
  for (const r of list('stemming_page_0609')) add('Stemming', r)
  for (const r of list('fractie_page_1')) add('Fractie', r)
  for (const r of list('active_members_fullterm')) add('FractieZetelPersoon', r)
  for (const r of list('vergadering_page_4')) add('Vergadering', r)
  for (const r of list('agendapunt_page_52')) add('Agendapunt', r)
  for (const f of files.filter((n) => /^motie-.*\.zaak\.json$/.test(n)).sort()) {
    const zaak = json('opendata', f) as Json
    const docs = (zaak.Document as Json[]).map((d) => {
      const versie = d.HuidigeDocumentVersie as Json | null
      return {
        Id: d.Id,
        DocumentNummer: d.DocumentNummer,
        Soort: d.Soort,
        HuidigeDocumentVersie: versie ? { Id: versie.Id, ExterneIdentifier: versie.ExterneIdentifier } : null,
      }
    })
    add('Zaak', { ...zaak, Document: docs })
  }
  const actor = (k: number, naam: string, fractie: string, relatie: string): Json => ({
    Id: `00000000-test-4000-8000-00000000000${k}`,
    Zaak_Id: '0d13d8ae-0539-4bc8-8290-a78f40522ef6',
    ActorNaam: naam,
    ActorFractie: fractie,
    Relatie: relatie,
    GewijzigdOp: '2025-01-21T12:00:00+01:00',
    ApiGewijzigdOp: '2025-01-21T11:00:00.0000000Z',
    Verwijderd: false,
  })
  add('ZaakActor', actor(1, 'Ellian', 'VVD', 'Indiener'))
  add('ZaakActor', actor(2, 'Wilders', 'PVV', 'Medeindiener'))
}

const cmp = (a: Json, b: Json) => String(a.ApiGewijzigdOp).localeCompare(String(b.ApiGewijzigdOp)) || String(a.Id).localeCompare(String(b.Id))

/** Changes a record the way the source does: a new `ApiGewijzigdOp` and the fields given. */
export function touch(world: ReplayWorld, entity: string, id: string, fields: Json, at: string): void {
  const list = world.records.get(entity) ?? []
  const r = list.find((x) => x.Id === id)
  if (!r) throw new Error(`no ${entity} ${id} in the replay world`)
  Object.assign(r, fields, { ApiGewijzigdOp: at })
  list.sort(cmp)
}

/** The replay server. `log` lists every request's path and query, in order. */
export class ReplayServer {
  readonly log: string[] = []
  faults: Fault[] = []
  private server: Server | null = null
  private readonly hanging = new Set<ServerResponse>()
  origin = ''

  constructor(
    readonly world: ReplayWorld,
    readonly options: { pageSize?: number; timeoutMs?: number } = {},
  ) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => this.handle(req, res))
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve))
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this.origin
  }

  async close(): Promise<void> {
    for (const r of this.hanging) r.destroy()
    this.server?.closeAllConnections()
    await new Promise<void>((resolve) => this.server?.close(() => resolve()))
  }

  private fault(url: string): Fault['kind'] | null {
    const f = this.faults.find((x) => x.times > 0 && x.match.test(url))
    if (!f) return null
    f.times--
    return f.kind
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = req.url ?? '/'
    this.log.push(decodeURIComponent(url))
    const fault = this.fault(decodeURIComponent(url))
    if (fault === '500') return void res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error')
    if (fault === '429') return void res.writeHead(429, { 'retry-after': '0', 'content-type': 'text/plain' }).end('Too Many Requests')
    if (fault === 'stall') {
      this.hanging.add(res)
      return
    }
    const answer = () => this.answer(req, res, url, fault === 'truncate' || fault === 'malformed' ? fault : null)
    if (fault === 'timeout') {
      this.hanging.add(res)
      setTimeout(() => !res.destroyed && answer(), (this.options.timeoutMs ?? 500) * 3)
      return
    }
    answer()
  }

  private answer(req: IncomingMessage, res: ServerResponse, url: string, damage: 'truncate' | 'malformed' | null): void {
    const u = new URL(url, 'http://replay')
    let file: ReplayFile | undefined = this.world.files.get(u.pathname)
    if (!file && u.pathname.startsWith(`${ODATA}/`)) file = this.page(u)
    if (!file && u.pathname === '/sru') file = this.sru(u)
    if (!file) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found')
    let body = file.body
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`
    const headers: Record<string, string> = { 'content-type': file.type, etag, 'accept-ranges': 'bytes' }
    let status = 200
    const range = /^bytes=(\d+)-$/.exec(String(req.headers.range ?? ''))
    if (range && req.headers['if-range'] === etag && Number(range[1]) < body.length) {
      const from = Number(range[1])
      headers['content-range'] = `bytes ${from}-${body.length - 1}/${body.length}`
      body = body.subarray(from)
      status = 206
    }
    if (damage === 'malformed') {
      // Whole as sent, wrong inside: JSON cut off mid-record, XML with a broken tag.
      const text = Buffer.from(body).toString('utf8')
      const bad = file.type.includes('json') ? text.slice(0, Math.floor(text.length * 0.6)) : text.replace(/<\/([a-z-]+)>/, '</$1')
      body = new TextEncoder().encode(bad)
    }
    headers['content-length'] = String(body.length)
    res.writeHead(status, headers)
    if (damage === 'truncate') {
      res.write(body.subarray(0, Math.floor(body.length / 2)))
      setTimeout(() => res.destroy(), 20)
      return
    }
    res.end(body)
  }

  /** An OData page: `$filter=ApiGewijzigdOp gt X`, ordered by change, `$top` capped at the page size, `$skip` in the next link. */
  private page(u: URL): ReplayFile | undefined {
    const entity = u.pathname.slice(ODATA.length + 1)
    const all = this.world.records.get(entity)
    if (!all) return undefined
    const filter = /^ApiGewijzigdOp gt (\S+)$/.exec(u.searchParams.get('$filter') ?? '')
    const since = filter?.[1]
    const list = since ? all.filter((r) => String(r.ApiGewijzigdOp) > since) : all
    const skip = Number(u.searchParams.get('$skip') ?? 0)
    const top = Math.min(Number(u.searchParams.get('$top') ?? 250), this.options.pageSize ?? 250)
    const value = list.slice(skip, skip + top)
    const out: Json = { '@odata.context': `${this.origin}${ODATA}/$metadata#${entity}`, value }
    if (u.searchParams.get('$count') === 'true') out['@odata.count'] = list.length
    if (skip + top < list.length) {
      const next = new URL(u.toString())
      next.searchParams.set('$skip', String(skip + top))
      out['@odata.nextLink'] = `${this.origin}${next.pathname}${next.search}`
    }
    return { body: new TextEncoder().encode(JSON.stringify(out)), type: 'application/json; odata.metadata=minimal' }
  }

  /** An SRU 2.0 answer over the official XML the world has, for `w.dossiernummer==N`, paged by `startRecord`. */
  private sru(u: URL): ReplayFile {
    const dossier = /w\.dossiernummer==(\S+)/.exec(u.searchParams.get('query') ?? '')?.[1] ?? ''
    const hits = this.world.kst.filter((k) => k.dossier === dossier || k.dossier.startsWith(`${dossier}-`)).sort((a, b) => a.id.localeCompare(b.id))
    const start = Number(u.searchParams.get('startRecord') ?? 1)
    const max = Math.min(Number(u.searchParams.get('maximumRecords') ?? 10), this.options.pageSize ?? 250)
    const page = hits.slice(start - 1, start - 1 + max)
    const records = page
      .map(
        (k, i) => `<sru:record><sru:recordSchema>gzd</sru:recordSchema><sru:recordPacking>xml</sru:recordPacking><sru:recordData>
<gzd:gzd xmlns:gzd="http://standaarden.overheid.nl/sru"><gzd:originalData><overheidwetgeving:meta xmlns:overheidwetgeving="http://standaarden.overheid.nl/wetgeving/">
<owmskern><dcterms:identifier xmlns:dcterms="http://purl.org/dc/terms/">${k.id}</dcterms:identifier><dcterms:modified xmlns:dcterms="http://purl.org/dc/terms/">${k.modified}</dcterms:modified></owmskern>
<tpmeta><overheidwetgeving:dossiernummer>${k.dossier}</overheidwetgeving:dossiernummer><overheidwetgeving:ondernummer>${k.ondernummer}</overheidwetgeving:ondernummer></tpmeta>
</overheidwetgeving:meta></gzd:originalData><gzd:enrichedData><gzd:itemUrl manifestation="xml">${this.origin}/ob/${k.id}.xml</gzd:itemUrl></gzd:enrichedData></gzd:gzd>
</sru:recordData><sru:recordPosition>${start + i}</sru:recordPosition></sru:record>`,
      )
      .join('\n')
    const next = start - 1 + max < hits.length ? `<sru:nextRecordPosition>${start + max}</sru:nextRecordPosition>` : ''
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<sru:searchRetrieveResponse xmlns:sru="http://docs.oasis-open.org/ns/search-ws/sruResponse"><sru:version>2.0</sru:version>
<sru:numberOfRecords>${hits.length}</sru:numberOfRecords><sru:records>${records}</sru:records>${next}</sru:searchRetrieveResponse>`
    return { body: new TextEncoder().encode(xml), type: 'application/xml' }
  }
}
