import type { Citations, CommitmentList, CommitmentQuery, DossierView, PaperSummary, TimelineEntry } from '../link/models.js'
import type { Correction, TrackedCommitment } from '../link/status.js'
import type { Document } from '../model/document.js'
import type { OpenDataRecord } from '../model/opendata.js'
import type { SearchRequest, SearchResult } from '../search/types.js'
import type { Dictionary } from './codec.js'
import type { PreparedPaper } from './prepare.js'

/** What `put` did with a paper. */
export type PutResult = 'new' | 'updated' | 'unchanged'

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

/** Someone who signs in with a token of their own (`kamerwacht user add`); the store keeps the token's SHA-256, never the token. */
export interface User {
  name: string
  /** Where their follows' alerts go when a follow names no address of its own. */
  email: string | null
  created: string
}

/** A saved search or dossier followed (`kamerwacht follow`). */
export interface Follow {
  /** Whose follow it is: a user's name, or '' for the store's own follows (no sign-in, the CLI, the server's write token). */
  owner: string
  name: string
  /** In the search language: `dossier:33783`, `kernwapens type:brief`. */
  query: string
  created: string
  /** The store's write counter at the last visit: papers written after it are new. */
  seenSeq: number
  seenAt: string | null
  /** Where its alerts go (`kamerwacht follow alert`), and the write counter they were last sent up to. */
  email: string | null
  webhook: string | null
  alertedSeq: number
  alertedAt: string | null
  /** Hours at least between two of its alerts (24: a digest a day); null: every run of `kamerwacht alerts`. */
  everyHours: number | null
  /** What its alerts last told of what it follows that is no paper (a followed motie: how many of its votes), or null. */
  told: string | null
}

/** A follow with the number of papers new or changed since the last visit. */
export interface FollowStatus extends Follow {
  newCount: number
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
  putMany(items: Array<{ doc: Document; raw: Uint8Array; prepared?: PreparedPaper | undefined }>, force?: boolean): Promise<PutResult[]>
  /**
   * The dictionaries this process knows, committed: values packed with them (`preparePaper` in ingest's
   * reading threads) are readable by the store.
   */
  dictionaries(): Dictionary[]
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
  /** Every paper in key order (for export), or one page of them (`GET /api/papers`). */
  all(page?: { offset: number; limit: number }): Promise<PaperSummary[]>
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
   * The index's terms (stems, as `stem()` makes them) that start with
   * `prefix`, in term order, at most `limit`, each with the number of papers
   * it is in: the store's own vocabulary, for suggesting a word or a prefix
   * when a search finds nothing.
   */
  terms(prefix: string, limit: number): Promise<Array<{ term: string; papers: number }>>
  /**
   * Writes one batch of a sync in one transaction: the records (deleted ones
   * removed, with the paper they describe), the papers read from their
   * content, and the sync's new `state`, so a sync killed at any point
   * resumes from its last whole batch.
   */
  applySync(source: string, items: SyncItem[], state: unknown): Promise<SyncApplied>
  /**
   * The saved searches and dossiers `owner` follows ('' the store's own; null everyone's, for alerts), by owner and
   * name, with how many papers are new or changed since the last visit.
   */
  follows(owner: string | null): Promise<FollowStatus[]>
  /** Saves a search (or `dossier:33783`) to follow under a name; a name saved again gets the new query. */
  saveFollow(owner: string, name: string, query: string, at: string): Promise<void>
  /** Stops following; false when the owner had no follow of that name. */
  removeFollow(owner: string, name: string): Promise<boolean>
  /** Marks a follow visited now: what is stored up to now is no longer new. False when the owner had no follow of that name. */
  markFollowSeen(owner: string, name: string, at: string): Promise<boolean>
  /** Sets where a follow's alerts go (null: nowhere) and how often; false when the owner had no follow of that name. */
  setFollowAlerts(owner: string, name: string, to: { email: string | null; webhook: string | null; everyHours: number | null }): Promise<boolean>
  /** Records that a follow's alerts were sent for what was written up to `seq`, and what they told (`told`; kept when undefined). */
  markFollowAlerted(owner: string, name: string, seq: number, at: string, told?: string | null): Promise<boolean>
  /** The people who sign in, by name. */
  users(): Promise<User[]>
  /** Adds someone who signs in with the token whose SHA-256 is `tokenHash`; false when the name is taken. */
  addUser(user: User, tokenHash: string): Promise<boolean>
  /** Gives a user a new token (the old one stops working); false when there is no such user. */
  setUserToken(name: string, tokenHash: string): Promise<boolean>
  /** Removes a user and their follows; false when there is no such user. */
  removeUser(name: string): Promise<boolean>
  /** The user whose token has this SHA-256, or null. */
  userByToken(tokenHash: string): Promise<User | null>
  /** A user by name with their token's SHA-256 (a signed-in browser's cookie is checked against it), or null. */
  userByName(name: string): Promise<{ user: User; tokenHash: string } | null>
  /** The store's write counter now: the highest a paper written so far has. */
  writeCounter(): Promise<number>
  /** The state a sync saved last for `source` (`tk:Document`), or null. */
  syncState(source: string): Promise<unknown>
  /** The kept records of an entity, in id order. */
  openData(entity: string): Promise<OpenDataRecord[]>
  /** The kept records of an entity found by a key of `recordKeys` (`kst:kst-36196-11`, `besluit:<Id>`), in id order. */
  openDataByKey(entity: string, key: string): Promise<OpenDataRecord[]>
  /** Document records whose content could not be fetched, for the next sync to try again. */
  missingContent(): Promise<MissingContent[]>
  /** Where the store is, for messages: a file path, or a PostgreSQL URL without its password. */
  readonly location: string
  close(): Promise<void>
}
