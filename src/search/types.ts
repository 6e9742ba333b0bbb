// A search as the store runs it, and its answer.

/** Counts of the whole result set by one field. */
export type Facet = Array<{ value: string; count: number }>

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

/** What `kamerwacht search --json` prints and `/api/search` returns. */
export interface SearchResult {
  total: number
  hits: SearchHit[]
  facets: { type: Facet; year: Facet; sender: Facet; dossier: Facet }
  /**
   * Only when nothing was found: other queries that find papers in this store, each with how many: a word
   * spelled as the store has it (`kernwapens` for `kernwapnes`), or a word as the start of longer ones (`ontwapen*`).
   */
  suggestions?: Suggestion[]
}

/** A query to try instead, and what it finds (see `SearchResult.suggestions`). */
export interface Suggestion {
  q: string
  total: number
  why: 'spelling' | 'prefix'
}
