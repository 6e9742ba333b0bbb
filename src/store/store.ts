import type { CommitmentStatus, Correction, TrackedCommitment } from '../link/status.js'
import type { Document, ReferenceKind } from '../model/document.js'

/** What `put` did with a paper. */
export type PutResult = 'new' | 'updated' | 'unchanged'

/** A record of an official open-data source, as a sync keeps it (`Document`, `Zaak`, `Toezegging` …). */
export interface OpenDataRecord {
  /** The entity (`Document`, `Kamerstukdossier`, `Zaak`, `Activiteit`, `Persoon`, `Toezegging`, `ob`). */
  entity: string
  /** The record's `Id` (a GUID), or for officielebekendmakingen the paper id. */
  id: string
  /** When the source last changed it (`ApiGewijzigdOp`): what incremental syncs compare. */
  modified: string
  /** `Verwijderd: true`: the source deleted it; a sync keeps nothing of it. */
  deleted: boolean
  record: Record<string, unknown>
}

/** What became of a Document record's content: read, not fetchable now (tried again next sync), or not there at all. */
export type ContentStatus = 'ok' | 'missing' | 'absent'

/** One record of a sync batch, with the paper made of it where it is a `Document`. */
export interface SyncItem {
  record: OpenDataRecord
  paper?: { doc: Document; raw: Uint8Array; content: ContentStatus; reason?: string }
}

/** What applying a sync batch did. */
export interface SyncApplied {
  records: number
  papers: Record<PutResult, number>
  removed: number
}

/** A Document record whose content a sync could not fetch yet. */
export interface MissingContent {
  id: string
  record: Record<string, unknown>
  reason: string | null
}

/** A search as the store runs it. */
export interface SearchRequest {
  /** The user's query (see `search/query.ts` for the language). */
  q: string
  type?: string
  dossier?: string
  sender?: string
  from?: string
  to?: string
  sort?: 'relevance' | 'date'
  limit?: number
  offset?: number
  /** Only papers written (stored or read again) after this point of the store's write counter: what is new to a follow. */
  sinceSeq?: number
}

/** A saved search or dossier followed (`kamerwacht follow`). */
export interface Follow {
  name: string
  /** In the search language: `dossier:33783`, `kernwapens type:brief`. */
  query: string
  created: string
  /** The store's write counter at the last visit: papers written after it are new. */
  seenSeq: number
  seenAt: string | null
}

/** A follow with the number of papers new or changed since the last visit. */
export interface FollowStatus extends Follow {
  newCount: number
}

/** Every promise a query matches, page by page (500 at a time), in the query's order: for exports and comparisons. */
export async function* everyCommitment(store: Store, query: CommitmentQuery, today: string): AsyncGenerator<TrackedCommitment> {
  for (let offset = 0; ; offset += 500) {
    const page = await store.commitments({ ...query, limit: 500, offset }, today)
    yield* page.items
    if (page.items.length === 0 || offset + page.items.length >= page.total) return
  }
}

/** A search request from optional form or flag values: empty filters are left out (`exactOptionalPropertyTypes`). */
export function searchRequest(r: { [K in keyof SearchRequest]: SearchRequest[K] | undefined } & { q: string }): SearchRequest {
  const out: SearchRequest = { q: r.q }
  for (const k of ['type', 'dossier', 'sender', 'from', 'to'] as const) if (r[k]) out[k] = r[k]
  if (r.sort) out.sort = r.sort
  if (r.limit !== undefined) out.limit = r.limit
  if (r.offset !== undefined) out.offset = r.offset
  return out
}

/** A commitments query from optional form or flag values: empty filters are left out (`exactOptionalPropertyTypes`). */
export function commitmentQuery(r: { [K in keyof CommitmentQuery]?: CommitmentQuery[K] | undefined }): CommitmentQuery {
  const out: CommitmentQuery = {}
  if (r.status) out.status = r.status
  for (const k of ['sender', 'dossier', 'paper'] as const) if (r[k]) out[k] = r[k]
  if (r.sort) out.sort = r.sort
  if (r.limit !== undefined) out.limit = r.limit
  if (r.offset !== undefined) out.offset = r.offset
  return out
}

/** One result line. */
export interface SearchHit {
  id: string
  title: string | null
  type: string | null
  date: string | null
  sender: string | null
  score: number
  snippet: string
  /** The Tweede Kamer's number of the paper (`2023D03544`), for a paper that came from its open data. */
  documentNummer?: string
}

/** Counts of the whole result set by one field. */
export type Facet = Array<{ value: string; count: number }>

/** What `kamerwacht search --json` prints and `/api/search` returns. */
export interface SearchResult {
  total: number
  hits: SearchHit[]
  facets: { type: Facet; year: Facet; sender: Facet; dossier: Facet }
}

/** A stored paper in one line: what lists, graphs and timelines show of it. */
export interface PaperInfo {
  key: string
  id: string | null
  type: string | null
  date: string | null
  sender: string | null
  title: string | null
  dossier: string | null
}

/** A stored paper's row, without the whole Document. */
export interface PaperSummary extends PaperInfo {
  sourceName: string
  sha256: string
}

/** A reference out of a paper, with the stored paper it names when there is one. */
export interface Citation {
  text: string
  kind: ReferenceKind
  target: string | null
  date: string | null
  /** The paper it links to: by id, or for a letter cited by date, the one letter of that date from the same sender. */
  paper: PaperInfo | null
  via: 'id' | 'date' | null
}

/** A paper citing another one. */
export interface CitingPaper {
  paper: PaperInfo
  text: string
  via: 'id' | 'date'
}

/** Both directions of the citation graph around one paper. */
export interface Citations {
  paper: PaperInfo
  out: Citation[]
  in: CitingPaper[]
}

/** A paper in a dossier's list, with one line of what it says. */
export interface DossierPaper extends PaperInfo {
  line: string
}

/** `kamerwacht dossier 33783`: a dossier at a glance. */
export interface DossierView {
  dossier: string
  title: string | null
  papers: DossierPaper[]
  counts: { papers: number; byType: Facet; byYear: Facet; commitments: Record<CommitmentStatus, number> }
  /** Papers outside the dossier that its papers cite (stored or not). */
  citesOutside: Array<{ target: string; count: number; paper: PaperInfo | null }>
  /** Papers of this dossier that its papers cite and that are not stored (`kst-33783-48` cited in 33 783): inside, not outside. */
  citesMissing: Array<{ target: string; count: number }>
  /** Papers outside the dossier that cite into it. */
  citedFrom: Array<{ paper: PaperInfo; target: string }>
}

/** One line of a timeline. */
export interface TimelineEntry {
  /** ISO day the entry falls on (an event's first day, a due period's last). */
  date: string
  /** Last day, for an event that spans days (`1 t/m 26 augustus 2022`). */
  end?: string
  kind: 'paper' | 'event' | 'commitment' | 'due' | 'kept'
  text: string
  paper: PaperInfo
  commitmentId?: string
  status?: CommitmentStatus
}

/** Filters of `kamerwacht commitments`. */
export interface CommitmentQuery {
  status?: CommitmentStatus
  sender?: string
  dossier?: string
  /** Only the promises of this paper (id or key). */
  paper?: string
  /**
   * `deadline` (the default: a work list): the soonest due first (so the longest overdue), promises
   * without a date after them, newest first, and those kept last; `date`: by the date the promise was made, newest first.
   */
  sort?: 'deadline' | 'date'
  limit?: number
  offset?: number
}

/** Counts of promises by status, for one sender. */
export interface SenderCounts extends Record<CommitmentStatus, number> {
  sender: string
}

/** A page of tracked commitments with counts over all that match. */
export interface CommitmentList {
  total: number
  counts: { byStatus: Record<CommitmentStatus, number>; bySender: SenderCounts[] }
  items: TrackedCommitment[]
}

/**
 * Where papers live. One interface, asynchronous so that a server store can
 * sit behind it: `sqlite/` (embedded, one file; `EmbeddedStore` wraps the
 * synchronous `SqliteStore`) and `postgres/` (a team server) implement it, so
 * the CLI, the server and ingest do not care which.
 */
export interface Store {
  /** Stores a paper with its raw source bytes; idempotent by content hash and reader version. */
  put(doc: Document, raw: Uint8Array, force?: boolean): Promise<PutResult>
  /** Stores many papers in one transaction; `force` stores them even when read before (reindex). */
  putMany(items: Array<{ doc: Document; raw: Uint8Array }>, force?: boolean): Promise<PutResult[]>
  /** A paper by id (`kst-33783-48`) or key. */
  get(idOrKey: string): Promise<Document | null>
  /** The raw source bytes of a paper, to read it again with a better reader. */
  raw(idOrKey: string): Promise<Uint8Array | null>
  /** Whether a file with this content hash was read by the current reader version already. */
  hasCurrent(sha256: string): Promise<boolean>
  /** Content hashes of every source read by the current reader version, for ingest to skip them. */
  currentShas(): Promise<string[]>
  /** Every raw source kept, for `kamerwacht reindex`. */
  sources(): Promise<Array<{ sha256: string; name: string; bytes: () => Promise<Uint8Array> }>>
  search(request: SearchRequest): Promise<SearchResult>
  /**
   * Reads ahead what searches will need, for a server before it listens: the
   * embedded store loads its filter columns and the posting lists of the most
   * common terms (the slowest to read on first use). PostgreSQL keeps its
   * own caches, so there it does nothing.
   */
  warm(): Promise<void>
  /** Every paper, in key order, for export. */
  all(): Promise<PaperSummary[]>
  /** References out of a paper and papers citing it; null when the paper is not stored. */
  citations(idOrKey: string): Promise<Citations | null>
  /** A dossier's papers, counts and citations across its border; null when no paper of it is stored. */
  dossier(dossier: string, today: string): Promise<DossierView | null>
  /** Papers, events, promises made, due and kept in a dossier, in date order. */
  timeline(dossier: string, today: string): Promise<TimelineEntry[]>
  /** Promises with their status on `today`. */
  commitments(query: CommitmentQuery, today: string): Promise<CommitmentList>
  /** One promise with its evidence and candidates. */
  commitment(id: string, today: string): Promise<TrackedCommitment | null>
  /** Records a manual correction; it survives re-ingest. Returns false when there is no such commitment or target paper. */
  correct(id: string, correction: Correction): Promise<boolean>
  count(): Promise<number>
  /**
   * Writes one batch of a sync in one transaction: the records (deleted ones
   * removed, with the paper they describe), the papers read from their
   * content, and the sync's new `state`, so a sync killed at any point
   * resumes from its last whole batch.
   */
  applySync(source: string, items: SyncItem[], state: unknown): Promise<SyncApplied>
  /** The saved searches and dossiers followed, by name, with how many papers are new or changed since the last visit. */
  follows(): Promise<FollowStatus[]>
  /** Saves a search (or `dossier:33783`) to follow under a name; a name saved again gets the new query. */
  saveFollow(name: string, query: string, at: string): Promise<void>
  /** Stops following; false when no follow had that name. */
  removeFollow(name: string): Promise<boolean>
  /** Marks a follow visited now: what is stored up to now is no longer new. False when no follow had that name. */
  markFollowSeen(name: string, at: string): Promise<boolean>
  /** The state a sync saved last for `source` (`tk:Document`), or null. */
  syncState(source: string): Promise<unknown>
  /** The kept records of an entity, in id order. */
  openData(entity: string): Promise<OpenDataRecord[]>
  /** Document records whose content could not be fetched, for the next sync to try again. */
  missingContent(): Promise<MissingContent[]>
  /** Where the store is, for messages: a file path, or a PostgreSQL URL without its password. */
  readonly location: string
  close(): Promise<void>
}

/**
 * The version of the reading pipeline: a paper read by an older version is
 * read again on ingest and `kamerwacht reindex`. Bump when the Document of the
 * same bytes changes.
 */
export const READER_VERSION = 6

/**
 * The Tweede Kamer open-data `Document` record a paper was joined to: the
 * record itself, or for a paper read from a Zaak file, the Zaak's document
 * published as this paper.
 */
export function openDataDocument(doc: Document): Record<string, unknown> | null {
  const od = doc.openData
  if (!od) return null
  if (typeof od.DocumentNummer === 'string') return od
  const docs = Array.isArray(od.Document) ? (od.Document as Array<Record<string, unknown>>) : []
  return docs.find((d) => (d.HuidigeDocumentVersie as { ExterneIdentifier?: unknown } | undefined)?.ExterneIdentifier === doc.id) ?? docs[0] ?? null
}

/** The Tweede Kamer's number of a paper from its open data (`2023D03544`), if any. */
export function documentNummerOf(doc: Document): string | null {
  const n = openDataDocument(doc)?.DocumentNummer
  return typeof n === 'string' && n ? n : null
}

/**
 * The key a paper is stored under: its id; for a paper that names none (a ministry letter on letterhead),
 * what identifies it to a reader, its kind, date and subject (`brief-2023-05-30-herijkte-missies-van-het-
 * missiegedreven-innovatiebeleid`), so that its forms (the PDF and its text) meet under one key; and only
 * for a paper without a date or a subject, its content hash.
 */
export function paperKey(doc: Document): string {
  if (doc.id) return doc.id
  const subject = doc.title && !/^(BRIEF|MOTIE|AMENDEMENT|VERSLAG|NOTA)\b/.test(doc.title) ? slug(doc.title, 80) : ''
  if (doc.date && subject) return `${doc.type ?? 'stuk'}-${doc.date.slice(0, 10)}-${subject}`
  return `sha256:${doc.source.sha256}`
}

/** `Herijkte missies (2023–2027)` → `herijkte-missies-2023-2027`: lower case, accents folded, at most `max` characters, cut at a word. */
function slug(text: string, max: number): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (s.length <= max) return s
  const cut = s.slice(0, max + 1)
  return cut.slice(0, Math.max(cut.lastIndexOf('-'), 1)).replace(/-+$/, '')
}
