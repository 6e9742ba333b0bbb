import { inflateRawSync } from 'node:zlib'
import { shownTitle } from '../link/titles.js'
import type { InputForm } from '../model/document.js'
import { type Filters, type ParsedQuery, parseQuery } from '../search/query.js'
import { snippet } from '../search/snippet.js'
import type { SearchHit, SearchRequest, SearchResult } from '../search/types.js'

// What both stores share, so they keep papers and answer searches the same way.

/** Which reading of a paper to keep when it comes in several forms: the most structured one. */
export const FORM_RANK: Record<InputForm, number> = {
  'official-xml': 6,
  'web-page-html': 5,
  'web-page-text': 4,
  'kamerstuk-pdf-text': 3,
  pdf: 3,
  docx: 3,
  'letterhead-pdf-text': 2,
  'open-data': 1,
}

/**
 * Documents and texts as stores before schema 9 (SQLite) and 6 (PostgreSQL) kept them: deflated, with no
 * header. Only the migrations that run before those read it; see `codec.ts` for what is written now.
 */
export const unpackLegacy = (blob: Buffer): string => inflateRawSync(blob).toString('utf8')

/**
 * The date bounds of `van:`/`tot:` as ISO days: `van:2022` is 2022-01-01,
 * `tot:2022` is 2022-12-31, `tot:2022-05` is 2022-05-31 (compared as text, so
 * the 31st holds for every month).
 */
export function dateBounds(from: string | undefined, to: string | undefined): { from: string | null; to: string | null } {
  return {
    from: from ? `${from}-01-01`.slice(0, 10) : null,
    to: to ? (to.length === 4 ? `${to}-12-31` : to.length === 7 ? `${to}-31` : to) : null,
  }
}

/** A request as both stores search it: the parsed query, its field filters with the request's own, and the page (10 by default, 100 at most). */
export function prepareSearch(request: SearchRequest): { parsed: ParsedQuery; filters: Filters; hasFilters: boolean; limit: number; offset: number } {
  const parsed = parseQuery(request.q)
  const filters = { ...parsed.filters }
  for (const k of ['type', 'dossier', 'sender', 'from', 'to'] as const) if (request[k]) filters[k] = request[k] as string
  return {
    parsed,
    filters,
    hasFilters: Object.values(filters).some(Boolean),
    limit: Math.max(0, Math.min(request.limit ?? 10, 100)),
    offset: Math.max(0, request.offset ?? 0),
  }
}

/** The answer to a request with neither words nor filters. */
export const emptyResult = (): SearchResult => ({ total: 0, hits: [], facets: { type: [], year: [], sender: [], dossier: [] } })

/** A hit row as both stores select it: the paper's summary columns and its packed clean text. */
export interface HitRow {
  key: string
  id: string | null
  title: string | null
  type: string | null
  date: string | null
  sender: string | null
  text: Buffer
  tk_nummer: string | null
  /** The title of the paper's dossier as the paper prints it, to show a kind title by its subject. */
  dossier_title?: string | null
}

/** One result line from its row: `score` rounded to three decimals, a snippet around the query's words of its text (`unpack`ed). */
export function searchHit(row: HitRow, unpack: (blob: Buffer) => string, score: number, stems: Set<string>, prefixes: string[]): SearchHit {
  const hit: SearchHit = {
    id: row.id ?? row.key,
    title: shownTitle(row.title, row.dossier_title ?? null),
    type: row.type,
    date: row.date,
    sender: row.sender,
    // `+ 0` turns the -0 of an unranked hit into 0.
    score: Math.round(score * 1000) / 1000 + 0,
    snippet: snippet(unpack(row.text), stems, prefixes),
  }
  if (row.tk_nummer) hit.documentNummer = row.tk_nummer
  return hit
}

/**
 * Recent search results, least recently used dropped first. Both stores pass
 * a stamp that changes with every write (by any process); a new stamp empties
 * the cache, so a cached result is never older than the store.
 */
export class ResultCache {
  private readonly entries = new Map<string, SearchResult>()
  private stamp: string | number | undefined

  constructor(readonly size: number) {}

  /** The key of a request: every field that changes the answer. */
  key(r: SearchRequest): string {
    return JSON.stringify([r.q, r.type, r.dossier, r.sender, r.from, r.to, r.sort, r.limit, r.offset, r.sinceSeq])
  }

  /** The cached result for a key under this stamp, marked as just used. */
  get(key: string, stamp: string | number): SearchResult | undefined {
    if (stamp !== this.stamp) {
      this.entries.clear()
      this.stamp = stamp
    }
    const hit = this.entries.get(key)
    if (hit) {
      this.entries.delete(key)
      this.entries.set(key, hit)
    }
    return hit
  }

  set(key: string, result: SearchResult): void {
    if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value as string)
    this.entries.set(key, result)
  }
}
