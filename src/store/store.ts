import type { Document } from '../model/document.js'

/** What `put` did with a paper. */
export type PutResult = 'new' | 'updated' | 'unchanged'

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
}

/** Counts of the whole result set by one field. */
export type Facet = Array<{ value: string; count: number }>

/** What `kamerwacht search --json` prints and `/api/search` returns. */
export interface SearchResult {
  total: number
  hits: SearchHit[]
  facets: { type: Facet; year: Facet; sender: Facet; dossier: Facet }
}

/** A stored paper's row, without the whole Document. */
export interface PaperSummary {
  key: string
  id: string | null
  type: string | null
  date: string | null
  sender: string | null
  title: string | null
  dossier: string | null
  sourceName: string
  sha256: string
}

/**
 * Where papers live. One interface; `sqlite/` implements it (and a PostgreSQL
 * store is to follow), so the CLI and server do not care which.
 */
export interface Store {
  /** Stores a paper with its raw source bytes; idempotent by content hash and reader version. */
  put(doc: Document, raw: Uint8Array, force?: boolean): PutResult
  /** Stores many papers in one transaction; `force` stores them even when read before (reindex). */
  putMany(items: Array<{ doc: Document; raw: Uint8Array }>, force?: boolean): PutResult[]
  /** A paper by id (`kst-33783-48`) or key. */
  get(idOrKey: string): Document | null
  /** The raw source bytes of a paper, to read it again with a better reader. */
  raw(idOrKey: string): Uint8Array | null
  /** Whether a file with this content hash was read by the current reader version already. */
  hasCurrent(sha256: string): boolean
  search(request: SearchRequest): SearchResult
  /** Every paper, in key order, for export. */
  all(): PaperSummary[]
  count(): number
  close(): void
}

/**
 * The version of the reading pipeline: a paper read by an older version is
 * read again on ingest and `kamerwacht reindex`. Bump when the Document of the
 * same bytes changes.
 */
export const READER_VERSION = 3

/** The key a paper is stored under: its id, or for a paper that names none, its content hash. */
export function paperKey(doc: Document): string {
  return doc.id ?? `sha256:${doc.source.sha256}`
}
