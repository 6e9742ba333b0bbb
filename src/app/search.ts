import { z } from 'zod'
import { paperRow } from '../publish/export.js'
import { dateField, typeField } from '../search/fields.js'
import { type ParsedQuery, parseQuery, QueryError, type Term } from '../search/query.js'
import { fold } from '../search/stem.js'
import { replaceWord, spellingFix } from '../search/suggest.js'
import type { SearchRequest, SearchResult, Suggestion } from '../search/types.js'
import { dateBounds } from '../store/shared.js'
import type { Store } from '../store/store.js'
import { Refusal } from './errors.js'
import { searchRequest } from './requests.js'

/** Which language a schema's messages are in: English for the CLI and API, Dutch for the web UI. */
export type Lang = 'en' | 'nl'

/** A text field: trimmed, and empty is absent. */
export const text = (max: number) =>
  z
    .string()
    .max(max)
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : undefined))

/** A whole number in a range, with a Dutch message for the web UI (`page: een geheel getal van 1 tot 10000`). */
export const count = (min: number, max: number, nl: boolean) => {
  // In the user's words, not zod's (`Invalid input: expected number, received NaN` for `--limit abc`).
  const error = { error: nl ? `een geheel getal van ${min} tot ${max}` : `a whole number from ${min} to ${max}` }
  return z.coerce.number(error).int(error).min(min, error).max(max, error)
}

/**
 * The one search input, as the CLI (its flags renamed: `--afzender` is `sender`), the API (`GET
 * /api/search`) and the web form (`/?q=…`) take it: a date that exists, a type of paper that exists,
 * a page or an offset. Its messages say what to write, in the edge's language.
 */
export function searchInput(lang: Lang = 'en') {
  const nl = lang === 'nl'
  return z.object({
    q: z.string().max(1000).default('').describe('the query: words (stemmed), "phrases", OR, -exclusion, prefix*, field:value filters'),
    type: typeField(nl).describe('only this type of paper (brief, motie, …)'),
    dossier: text(40).describe('only this dossier (33783, 21501-02)'),
    sender: text(200).describe('only papers from this sender (part of the role)'),
    from: dateField('2022-01-01', nl).describe('from this date'),
    to: dateField('2022-12-31', nl).describe('up to this date'),
    sort: z.enum(['relevance', 'date'], nl ? { error: 'kies relevance of date' } : undefined).default('relevance'),
    limit: count(0, 100, nl).default(10),
    offset: count(0, 1_000_000, nl).default(0),
    page: count(1, 10_000, nl).optional().describe('page of `limit` results (1 is the first); replaces offset'),
  })
}

/** A search input, checked. */
export type SearchInput = z.infer<ReturnType<typeof searchInput>>

/** Whether the input asks for anything: a query or a filter (else the web shows its home page). */
export const isSearching = (i: SearchInput) => !!(i.q.trim() || i.type || i.dossier || i.sender || i.from || i.to)

/** The store's request for a checked input: a page becomes an offset. */
export function toSearchRequest(i: SearchInput): SearchRequest {
  const offset = i.page ? (i.page - 1) * i.limit : i.offset
  return searchRequest({ ...i, offset })
}

/** A malformed query as a refusal: `invalid q: van: 2022-13-45 is not a date`, or in Dutch for the web. */
export function queryRefusal(e: QueryError): Refusal {
  return new Refusal('invalid-query', `invalid q: ${e.message}`, e.nl, 'q')
}

/** The query parsed, or a refusal that says what to write instead. */
export function checkQuery(q: string): ParsedQuery {
  try {
    return parseQuery(q)
  } catch (e) {
    if (e instanceof QueryError) throw queryRefusal(e)
    throw e
  }
}

/**
 * Refuses a search that asks for nothing, rather than answer `0 papers`: no word and no filter (an empty query, or
 * `NIET` alone, which is a stop word), or a date range that holds no day (`--van 2023-01-01 --tot 2022-01-01`).
 */
export function checkAsks(input: SearchInput, parsed: ParsedQuery): void {
  const filtered = !!(input.type || input.dossier || input.sender || input.from || input.to) || Object.values(parsed.filters).some(Boolean)
  // (Only words left out, `NIET iran`, the query parser refuses itself.)
  if (parsed.must.length === 0 && parsed.not.length === 0 && !filtered)
    throw new Refusal(
      'invalid-query',
      'invalid q: a search needs a word to look for or a filter, as in: kernwapens, or type:brief',
      'een zoekopdracht heeft een woord of een filter nodig, zoals: kernwapens, of type:brief',
      'q',
    )
  const { from, to } = dateBounds(input.from ?? parsed.filters.from, input.to ?? parsed.filters.to)
  if (from && to && from > to)
    throw new Refusal(
      'invalid-input',
      `invalid to: the date range is empty: it ends (${to}) before it begins (${from})`,
      `tot: het datumbereik is leeg: het eindigt (${to}) voordat het begint (${from})`,
      'to',
    )
}

/**
 * Searches the store: the results, and the notes the query parser left (a word it dropped, a stem it used).
 * When nothing is found, the result carries suggestions (see {@link suggest}).
 */
export async function search(store: Store, input: SearchInput): Promise<{ result: SearchResult; notes: string[] }> {
  const parsed = checkQuery(input.q)
  checkAsks(input, parsed)
  const notes = parsed.notes
  try {
    const result = await store.search(toSearchRequest(input))
    if (result.total === 0) {
      const suggestions = await suggest(store, input, parsed)
      if (suggestions.length > 0) result.suggestions = suggestions
    }
    return { result, notes }
  } catch (e) {
    if (e instanceof QueryError) throw queryRefusal(e)
    throw e
  }
}

/** The most papers an export of a search writes (its first, in the search's order). */
export const EXPORT_MAX = 5000

/** Every hit of a search (up to {@link EXPORT_MAX}, in its order), as export rows with links at `base`. */
export async function searchRows(store: Store, input: SearchInput, base: string): Promise<Array<ReturnType<typeof paperRow>>> {
  const rows: Array<ReturnType<typeof paperRow>> = []
  for (let page = 1; rows.length < EXPORT_MAX; page++) {
    const { result } = await search(store, { ...input, limit: 100, page })
    for (const h of result.hits) rows.push(paperRow(h, base))
    if (result.hits.length < 100 || rows.length >= result.total) break
  }
  return rows.slice(0, EXPORT_MAX)
}

// The words of a query looked at for suggestions, and the store's terms read for each (those that start as it does).
const SUGGEST_WORDS = 3
const VOCABULARY_READ = 50_000

/**
 * Queries that find papers where `input` found none, each counted with the
 * same filters: for each plain word (the first three), the word as the start
 * of longer ones where the store has such (`ontwapen` → `ontwapen*`), or else
 * the word one slip away whose stem the store has (`kernwapnes` → `kernwapens`).
 */
export async function suggest(store: Store, input: SearchInput, parsed: ParsedQuery): Promise<Suggestion[]> {
  const words = parsed.must
    .filter((g) => g.length === 1)
    .map((g) => g[0])
    .filter((t): t is Extract<Term, { kind: 'word' }> => t?.kind === 'word' && /^\p{L}{4,}$/u.test(t.text))
    .slice(0, SUGGEST_WORDS)
  const tries: Array<{ q: string; why: Suggestion['why'] }> = []
  for (const w of words) {
    const folded = fold(w.text)
    if ((await store.terms(folded, 1)).some((t) => t.term !== w.stem)) {
      tries.push({ q: replaceWord(input.q, w.text, `${w.text}*`), why: 'prefix' })
      continue
    }
    const vocabulary = new Map((await store.terms(folded.slice(0, 2), VOCABULARY_READ)).map((t) => [t.term, t.papers]))
    const fix = spellingFix(w.text, vocabulary)
    if (fix) tries.push({ q: replaceWord(input.q, w.text, fix.word), why: 'spelling' })
  }
  const out: Suggestion[] = []
  for (const t of tries) {
    if (t.q === input.q || out.some((s) => s.q === t.q)) continue
    const total = (await store.search(toSearchRequest({ ...input, q: t.q, limit: 1, page: 1 }))).total
    if (total > 0) out.push({ ...t, total })
  }
  return out.sort((a, b) => b.total - a.total)
}
