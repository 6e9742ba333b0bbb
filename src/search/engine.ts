import { type ListQuery, match, type PostingList, type Scratch, score, topK } from './bm25.js'
import { type Filters, type ParsedQuery, rankable } from './query.js'
import type { Facet } from './types.js'

/**
 * The search engine both stores run: the papers' filter and facet columns in
 * memory, posting lists from the store, matching and BM25 ranking in
 * `bm25.ts`, top-k before anything is read for the hits. The SQLite store
 * reads its lists out of FTS5, the PostgreSQL store out of its postings
 * table; with the same lists both give the same answers, as the parity suite
 * checks.
 */

/** Interns the values of one column as small integer codes (0 = none). */
export class Codes {
  readonly values: string[] = ['']
  private readonly index = new Map<string, number>()
  code(value: string | null): number {
    if (value === null) return 0
    let c = this.index.get(value)
    if (c === undefined) {
      c = this.values.length
      this.values.push(value)
      this.index.set(value, c)
    }
    return c
  }
}

/** `2022-05-27` → 20220527, for comparing dates as numbers (0 = no date). */
export const dayNumber = (date: string | null) => (date ? Number(date.slice(0, 10).replace(/-/g, '')) : 0)

/** One paper's filter and facet values, as a store hands them to {@link PaperColumns}. */
export interface PaperColumnsRow {
  rowid: number
  type: string | null
  date: string | null
  sender: string | null
  dossier: string | null
  /** The store's write counter when the paper was last written. */
  seq: number
  /** Its length in tokens, as the index counts them (BM25's |d|). */
  length: number
}

/**
 * The papers' filter and facet columns as integer codes in typed arrays
 * indexed by row id, so that filters, the total and four facets cost one
 * tight loop over the matches instead of a query each.
 */
export class PaperColumns {
  readonly type = new Codes()
  readonly sender = new Codes()
  readonly dossier = new Codes()
  types = new Int32Array(1024)
  senders = new Int32Array(1024)
  dossiers = new Int32Array(1024)
  days = new Int32Array(1024)
  seqs = new Float64Array(1024)
  /** Length in tokens of each paper, for BM25. */
  lengths = new Int32Array(1024)
  present = new Uint8Array(1024)
  /** The lengths summed. */
  tokens = 0
  private count = 0
  /** The highest write counter read so far (each engine reads the rows written after it), and the removals seen. */
  protected seenSeq = 0
  protected seenRemovals: string | null = null

  /**
   * A removal (rare: a sync's deletion) leaves no row to find by its write counter: when the store's count of
   * removals has moved since the last read, the columns start over from nothing. True when they did.
   */
  protected startOverOnRemoval(removals: string): boolean {
    if (removals === this.seenRemovals) return false
    this.seenRemovals = removals
    this.clear()
    this.seenSeq = 0
    return true
  }

  private grow(rowid: number): void {
    if (rowid < this.present.length) return
    let n = this.present.length
    while (n <= rowid) n *= 2
    const widen = <T extends Int32Array | Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(n)
      b.set(a)
      return b
    }
    this.types = widen(this.types, (k) => new Int32Array(k))
    this.senders = widen(this.senders, (k) => new Int32Array(k))
    this.dossiers = widen(this.dossiers, (k) => new Int32Array(k))
    this.days = widen(this.days, (k) => new Int32Array(k))
    this.seqs = widen(this.seqs, (k) => new Float64Array(k))
    this.lengths = widen(this.lengths, (k) => new Int32Array(k))
    this.present = widen(this.present, (k) => new Uint8Array(k))
  }

  /** Adds a paper or writes its new values; true when it was there already. */
  set(r: PaperColumnsRow): boolean {
    this.grow(r.rowid)
    const was = this.present[r.rowid] === 1
    this.types[r.rowid] = this.type.code(r.type)
    this.senders[r.rowid] = this.sender.code(r.sender)
    this.dossiers[r.rowid] = this.dossier.code(r.dossier)
    this.days[r.rowid] = dayNumber(r.date)
    this.seqs[r.rowid] = r.seq
    if (was) this.tokens -= this.lengths[r.rowid] as number
    else this.count++
    this.lengths[r.rowid] = r.length
    this.tokens += r.length
    this.present[r.rowid] = 1
    return was
  }

  /** Forgets every paper (codes are kept: they only grow). */
  clear(): void {
    this.present.fill(0)
    this.count = 0
    this.tokens = 0
  }

  /** How many papers there are. */
  get size(): number {
    return this.count
  }

  /** Every paper's row id, ascending. */
  rowids(): Int32Array {
    const out = new Int32Array(this.count)
    let k = 0
    for (let r = 0; r < this.present.length && k < out.length; r++) if (this.present[r]) out[k++] = r
    return out.subarray(0, k)
  }
}

/** Row sets a store looks up for filters the columns do not hold (`spreker:`, `stuk:`); null for no such filter. */
export interface RowSets {
  speaker: Set<number> | null
  paper: Set<number> | null
}

/** What the engine found: the total, the page's row ids in order with their scores, and the facets. */
export interface EngineResult {
  total: number
  page: number[]
  /** BM25 by row id when the page is ranked, else null (the page is newest first). */
  scores: Float64Array | null
  facets: { type: Facet; year: Facet; sender: Facet; dossier: Facet }
}

/**
 * Matches, filters, counts, ranks and pages. `lists` is null for a request
 * with filters only. Facets are the top twenty by count (`topFacet`).
 */
export function runSearch(
  c: PaperColumns,
  lists: ListQuery | null,
  parsed: ParsedQuery,
  filters: Filters,
  request: {
    sort?: 'relevance' | 'date' | undefined
    sinceSeq?: number | undefined
    /** The date filter as ISO days (`dateBounds`). */
    bounds: { from: string | null; to: string | null }
    limit: number
    offset: number
  },
  sets: RowSets,
  scratch: Scratch,
): EngineResult {
  const { limit, offset } = request
  scratch.fit(c.present.length)
  // Filters as masks over codes, so the loop below only compares integers.
  const mask = (codes: Codes, test: (value: string) => boolean) => {
    const m = new Uint8Array(codes.values.length)
    codes.values.forEach((v, k) => {
      m[k] = k > 0 && test(v) ? 1 : 0
    })
    return m
  }
  const typeMask = filters.type ? mask(c.type, (v) => v === filters.type) : null
  const dossierMask = filters.dossier ? mask(c.dossier, (v) => v === filters.dossier || v.startsWith(`${filters.dossier}-`)) : null
  const sender = filters.sender?.toLowerCase()
  const senderMask = sender ? mask(c.sender, (v) => v.toLowerCase().includes(sender)) : null
  const since = request.sinceSeq
  const from = dayNumber(request.bounds.from)
  const to = dayNumber(request.bounds.to)

  const ids = lists ? match(lists, scratch) : c.rowids()
  // Ranked by BM25 when relevance is asked for and BM25 can tell papers apart (see `rankable`).
  const byRelevance = !!lists && request.sort !== 'date' && rankable(parsed, ids.length, c.size)

  const kept = new Int32Array(ids.length)
  let total = 0
  const typeCount = new Int32Array(c.type.values.length)
  const senderCount = new Int32Array(c.sender.values.length)
  const dossierCount = new Int32Array(c.dossier.values.length)
  // By year (0–9999, from the day number): an array, not a Map, as the loop may run 100,000 times.
  const yearCount = new Int32Array(10_000)
  // The columns as locals, and `ids` always an Int32Array: this loop runs once per match.
  const { present, types, senders, dossiers, days, seqs } = c
  const { speaker, paper } = sets
  for (let k = 0; k < ids.length; k++) {
    const r = ids[k] as number
    // A row written after the columns were refreshed is left for the next search.
    if (!present[r]) continue
    const t = types[r] as number
    const sd = senders[r] as number
    const ds = dossiers[r] as number
    const day = days[r] as number
    if (typeMask && !typeMask[t]) continue
    if (dossierMask && !dossierMask[ds]) continue
    if (senderMask && !senderMask[sd]) continue
    if (speaker && !speaker.has(r)) continue
    if (paper && !paper.has(r)) continue
    if (since !== undefined && !((seqs[r] as number) > since)) continue
    if (from && !(day >= from)) continue
    if (to && !(day && day <= to)) continue
    kept[total++] = r
    typeCount[t] = (typeCount[t] as number) + 1
    senderCount[sd] = (senderCount[sd] as number) + 1
    dossierCount[ds] = (dossierCount[ds] as number) + 1
    if (day) {
      const y = Math.floor(day / 10000)
      yearCount[y] = (yearCount[y] as number) + 1
    }
  }
  const matched = kept.subarray(0, total)
  let page: number[]
  let scores: Float64Array | null = null
  if (lists && byRelevance) {
    score(lists, matched, { rows: c.size, tokens: c.tokens, lengths: c.lengths }, scratch)
    const s = scratch.scores
    // Best first; equal scores by row id, the order FTS5 gives them in.
    page = topK(matched, offset + limit, (a, b) => (s[a] as number) > (s[b] as number) || (s[a] === s[b] && a < b)).slice(offset)
    scores = s
  } else {
    page = topK(matched, offset + limit, (a, b) => (days[a] as number) > (days[b] as number) || (days[a] === days[b] && a > b)).slice(offset)
  }
  const top = (counts: Int32Array, codes: Codes): Facet => {
    const used: Array<[string, number]> = []
    for (let k = 1; k < counts.length; k++) if (counts[k]) used.push([codes.values[k] as string, counts[k] as number])
    return topFacet(used)
  }
  const years: Array<[string, number]> = []
  for (let y = 0; y < yearCount.length; y++) if (yearCount[y]) years.push([String(y), yearCount[y] as number])
  return {
    total,
    page,
    scores,
    facets: { type: top(typeCount, c.type), year: topFacet(years), sender: top(senderCount, c.sender), dossier: top(dossierCount, c.dossier) },
  }
}

// What `localeCompare` does, without setting up a collator on every call.
const collator = new Intl.Collator()

/**
 * Facet values by count, then by value; the first twenty. Selected, not
 * sorted: a dossier facet has thousands of values, most of them counted once.
 */
export function topFacet(counts: Iterable<[string, number]>): Facet {
  const out: Facet = []
  for (const [value, count] of counts) if (count > 0) out.push({ value, count })
  return topK(out, 20, (a, b) => a.count > b.count || (a.count === b.count && collator.compare(a.value, b.value) < 0))
}

/** The size in bytes of a list as {@link ListCache} counts it. */
const bytesOf = (l: PostingList) => l.docs.byteLength + l.freqs.byteLength

/**
 * Posting lists kept, most recently used first, up to a size in bytes: the
 * terms people search for recur, so most searches read no list at all. Keys
 * are `w stem` (a word), `p prefix` (every term with the prefix) and
 * `q stem stem` (a phrase). A write to the store makes some of them wrong:
 * the store says which papers were written and the terms of their new text
 * (`forget`), or that too much changed (`clear`).
 */
export class ListCache {
  private readonly lists = new Map<string, PostingList>()
  private bytes = 0

  /** `maxBytes`: how much the kept lists may take (8 bytes a posting). */
  constructor(readonly maxBytes: number) {}

  /** Drops every list. */
  clear(): void {
    this.lists.clear()
    this.bytes = 0
  }

  /** A kept list, marked as just used. */
  get(key: string): PostingList | undefined {
    const kept = this.lists.get(key)
    if (kept) {
      // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
      this.lists.delete(key)
      this.lists.set(key, kept)
    }
    return kept
  }

  /** Keeps a list (unless it alone is over the budget), dropping the least recently used past the budget. */
  set(key: string, list: PostingList): void {
    const size = bytesOf(list)
    if (size > this.maxBytes) return
    const old = this.lists.get(key)
    if (old) {
      this.lists.delete(key)
      this.bytes -= bytesOf(old)
    }
    this.lists.set(key, list)
    this.bytes += size
    for (const [k, l] of this.lists) {
      if (this.bytes <= this.maxBytes) break
      this.lists.delete(k)
      this.bytes -= bytesOf(l)
    }
  }

  /** The list of a key, read and kept when it is not kept yet. */
  cached(key: string, read: () => PostingList): PostingList {
    const kept = this.get(key)
    if (kept) return kept
    const list = read()
    this.set(key, list)
    return list
  }

  /**
   * Drops the lists that papers just written may have made wrong: a list that
   * holds one of them (its count, or whether it is there at all, may have
   * changed), and the list of any term in their new text, a phrase with such
   * a stem or a prefix of one (they may be there now).
   */
  forget(rows: number[], terms: Set<string>): void {
    const holds = (docs: Int32Array, row: number) => {
      let lo = 0
      let hi = docs.length - 1
      while (lo <= hi) {
        const mid = (lo + hi) >> 1
        const d = docs[mid] as number
        if (d === row) return true
        if (d < row) lo = mid + 1
        else hi = mid - 1
      }
      return false
    }
    const touched = (key: string) => {
      const body = key.slice(2)
      if (key[0] === 'w') return terms.has(body)
      if (key[0] === 'q') return body.split(' ').some((s) => terms.has(s))
      for (const t of terms) if (t.startsWith(body)) return true
      return false
    }
    for (const [key, list] of this.lists)
      if (touched(key) || rows.some((r) => holds(list.docs, r))) {
        this.lists.delete(key)
        this.bytes -= bytesOf(list)
      }
  }
}
