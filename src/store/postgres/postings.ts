import type { PostingList } from '../../search/bm25.js'
import { type ListCache, PaperColumns } from '../../search/engine.js'
import type { ParsedQuery, Term } from '../../search/query.js'
import type { Sql } from '../sql.js'
import { phraseFrequencySql, termQuery } from './search.js'

/**
 * Posting lists on PostgreSQL, for the search engine both stores share
 * (`search/engine.ts`). Ranking BM25 in SQL read every matching row's term
 * frequencies (p95 280 ms on 100,000 papers); the engine reads a term's list
 * once, keeps it, and ranks in memory (`search/bm25.ts`).
 *
 * `postings` holds, per term, segments: the papers (by their write counter
 * `seq`, which a write of the paper draws anew) and how often the term is in
 * each, as varint pairs. A write transaction adds one segment per term of
 * the papers it writes, and when a term has {@link FAN_IN} segments of one
 * level they are merged into one of the next (so a term has a few dozen
 * segments at most, and each posting is rewritten a few times in all). A
 * posting whose paper was written again or removed is dead: its `seq` is no
 * paper's any more. Readers skip it; a merge drops it. `terms` keeps each
 * term's number of papers, up to date in the write transaction.
 */

/** A query in node-postgres' shape over `Sql` (this module's SQL numbers its parameters, `$1`, as PostgreSQL does). */
const pgq = async <T>(db: Sql, sql: string, params: unknown[] = []) => ({ rows: await db.all<T>(sql, params) })

/** How many segments of one level a term gathers before they are merged. */
export const FAN_IN = 8

/** Appends a varint (7 bits a byte, low groups first, the high bit saying "more"). */
function pushVarint(out: number[], v: number): void {
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80)
    v = Math.floor(v / 128)
  }
  out.push(v)
}

/** A segment's bytes: (seq − previous seq, frequency) pairs, seqs ascending. */
export function encodeSegment(seqs: ArrayLike<number>, freqs: ArrayLike<number>): Buffer {
  const out: number[] = []
  let last = 0
  for (let i = 0; i < seqs.length; i++) {
    const s = seqs[i] as number
    pushVarint(out, s - last)
    pushVarint(out, freqs[i] as number)
    last = s
  }
  return Buffer.from(out)
}

/** Calls `each(seq, freq)` for every posting of a segment, in order. */
export function decodeSegment(bytes: Uint8Array, each: (seq: number, freq: number) => void): void {
  let seq = 0
  let v = 0
  let scale = 1
  let first = true
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number
    v += (b & 0x7f) * scale
    if (b >= 0x80) {
      scale *= 128
      continue
    }
    if (first) seq += v
    else each(seq, v)
    first = !first
    v = 0
    scale = 1
  }
}

/**
 * What one write transaction does to the postings: the papers it writes with
 * their term frequencies, and the terms of the versions it replaces or
 * removes. `flush` writes it all before the transaction commits.
 */
/** A change to the `stats` row: tokens and papers added (or, negative, gone), removals counted. */
export interface StatsChange {
  tokens: number
  papers: number
  removals: number
}

export class PostingBatch {
  private readonly added = new Map<string, { seqs: number[]; freqs: number[] }>()
  private readonly df = new Map<string, number>()
  /** What `stats` gains or loses: written once at the end, not a row version a paper. */
  private readonly stats: StatsChange = { tokens: 0, papers: 0, removals: 0 }

  /** A paper written with write counter `seq`, with how often each stem is in it. */
  add(seq: number, tf: Record<string, number>, stats?: StatsChange): void {
    if (stats) this.count(stats)
    for (const [term, f] of Object.entries(tf)) {
      let a = this.added.get(term)
      if (!a) {
        a = { seqs: [], freqs: [] }
        this.added.set(term, a)
      }
      a.seqs.push(seq)
      a.freqs.push(f)
      this.df.set(term, (this.df.get(term) ?? 0) + 1)
    }
  }

  /** A paper version gone (written again, or removed), by its stems. */
  remove(tf: Record<string, number>, stats: StatsChange): void {
    this.count(stats)
    for (const term of Object.keys(tf)) this.df.set(term, (this.df.get(term) ?? 0) - 1)
  }

  private count(change: StatsChange): void {
    this.stats.tokens += change.tokens
    this.stats.papers += change.papers
    this.stats.removals += change.removals
  }

  async flush(db: Sql): Promise<void> {
    const { tokens, papers, removals } = this.stats
    if (tokens || papers || removals)
      await pgq(db, 'UPDATE stats SET tokens = tokens + $1, papers = papers + $2, removals = removals + $3', [tokens, papers, removals])
    Object.assign(this.stats, { tokens: 0, papers: 0, removals: 0 })
    const changed = [...this.df].filter(([, d]) => d !== 0)
    if (changed.length > 0)
      await pgq(db, 'INSERT INTO terms (term, df) SELECT * FROM unnest($1::text[], $2::int[]) ON CONFLICT (term) DO UPDATE SET df = terms.df + excluded.df', [
        changed.map(([t]) => t),
        changed.map(([, d]) => d),
      ])
    if (this.added.size === 0) return
    const terms = [...this.added.keys()]
    const lists = [...this.added.values()]
    await pgq(
      db,
      'INSERT INTO postings (term, seg, level, n, docs) SELECT t, s, 0, n, d FROM unnest($1::text[], $2::bigint[], $3::int[], $4::bytea[]) AS u(t, s, n, d)',
      [terms, lists.map((l) => l.seqs[0]), lists.map((l) => l.seqs.length), lists.map((l) => encodeSegment(l.seqs, l.freqs))],
    )
    await mergeSegments(db, terms)
    this.added.clear()
    this.df.clear()
  }
}

/** Migration 7: the postings of every stored paper, from its term frequencies, a thousand papers a segment. */
export async function fillPostings(db: Sql): Promise<void> {
  let after = 0
  for (;;) {
    const rows = (await pgq<{ seq: number; tf: Record<string, number> }>(db, 'SELECT seq, tf FROM papers WHERE seq > $1 ORDER BY seq LIMIT 1000', [after])).rows
    if (rows.length === 0) return
    const batch = new PostingBatch()
    for (const r of rows) batch.add(Number(r.seq), r.tf)
    await batch.flush(db)
    after = Number(rows[rows.length - 1]?.seq)
  }
}

/**
 * Merges, for each term given, every level that has {@link FAN_IN} segments
 * into one segment of the next level, level after level; dead postings go.
 * All the terms due at a level are merged together, in four statements a
 * level: a write of 250 papers merges a few dozen terms, and a statement per
 * term and step was a fifth of an ingest's round trips.
 */
async function mergeSegments(db: Sql, terms: string[]): Promise<void> {
  let due = (
    await pgq<{ term: string; level: number }>(db, 'SELECT term, level FROM postings WHERE term = ANY($1::text[]) GROUP BY term, level HAVING count(*) >= $2', [
      terms,
      FAN_IN,
    ])
  ).rows
  while (due.length > 0) {
    const segments = (
      await pgq<{ term: string; level: number; seg: number; docs: Buffer }>(
        db,
        `DELETE FROM postings p USING unnest($1::text[], $2::int[]) AS d(term, level) WHERE p.term = d.term AND p.level = d.level
         RETURNING p.term, p.level, p.seg, p.docs`,
        [due.map((d) => d.term), due.map((d) => d.level)],
      )
    ).rows
    const gathered = gatherSegments(segments)
    const all = [...gathered.values()].flatMap((g) => g.seqs)
    const live = new Set((await pgq<{ seq: number }>(db, 'SELECT seq FROM papers WHERE seq = ANY($1::bigint[])', [all])).rows.map((r) => Number(r.seq)))
    const merged = [...gathered.values()].map((g) => liveSegment(g, live)).filter((m) => m !== null)
    if (merged.length === 0) return
    await pgq(db, 'INSERT INTO postings (term, seg, level, n, docs) SELECT * FROM unnest($1::text[], $2::bigint[], $3::int[], $4::int[], $5::bytea[])', [
      merged.map((m) => m.term),
      merged.map((m) => m.seg),
      merged.map((m) => m.level + 1),
      merged.map((m) => m.n),
      merged.map((m) => m.docs),
    ])
    due = (
      await pgq<{ term: string; level: number }>(
        db,
        `SELECT p.term, p.level FROM postings p JOIN unnest($1::text[], $2::int[]) AS d(term, level) ON p.term = d.term AND p.level = d.level
         GROUP BY p.term, p.level HAVING count(*) >= $3`,
        [merged.map((m) => m.term), merged.map((m) => m.level + 1), FAN_IN],
      )
    ).rows
  }
}

/** The postings of the segments deleted for a merge, per term and level, in the order of their segments. */
function gatherSegments(segments: Array<{ term: string; level: number; seg: number; docs: Buffer }>) {
  const out = new Map<string, { term: string; level: number; seqs: number[]; freqs: number[] }>()
  for (const s of segments.sort((a, b) => a.seg - b.seg)) {
    const key = `${s.level} ${s.term}`
    let g = out.get(key)
    if (!g) out.set(key, (g = { term: s.term, level: s.level, seqs: [], freqs: [] }))
    const { seqs, freqs } = g
    decodeSegment(s.docs, (seq, f) => {
      seqs.push(seq)
      freqs.push(f)
    })
  }
  return out
}

/** One term's merged segment of its live postings, seqs ascending; null when none is live. */
function liveSegment(g: { term: string; level: number; seqs: number[]; freqs: number[] }, live: Set<number>) {
  const order = g.seqs.map((_, i) => i).filter((i) => live.has(g.seqs[i] as number))
  if (order.length === 0) return null
  order.sort((a, b) => (g.seqs[a] as number) - (g.seqs[b] as number))
  const seqs = order.map((i) => g.seqs[i] as number)
  const freqs = order.map((i) => g.freqs[i] as number)
  return { term: g.term, level: g.level, seg: seqs[0] as number, n: seqs.length, docs: encodeSegment(seqs, freqs) }
}

/**
 * The papers' columns on a PostgreSQL store, kept in step with it: rows
 * written since the last refresh are read by their `seq`; a removal (counted
 * in `stats`) makes them start over. It also maps each live `seq` to its row,
 * which is how postings are read.
 */
export class PgColumns extends PaperColumns {
  /** Row id by write counter, for the live version of each paper (0: none). */
  private rowOfSeq = new Int32Array(1024)

  /** The row of a posting's `seq`, or 0 when that version is not live (written again, removed, or newer than this snapshot). */
  row(seq: number): number {
    return seq < this.rowOfSeq.length ? (this.rowOfSeq[seq] as number) : 0
  }

  /**
   * Brings the columns to the snapshot `db` sees, and drops the lists the
   * writes since the last refresh may have made wrong.
   */
  async refresh(db: Sql, lists: ListCache): Promise<this> {
    const now = (
      await pgq<{ seq: number; removals: number }>(
        db,
        'SELECT (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM paper_seq) AS seq, removals FROM stats',
      )
    ).rows[0]
    if (!now) return this
    if (this.startOverOnRemoval(String(now.removals))) {
      this.rowOfSeq.fill(0)
      lists.clear()
    }
    // The sequence says cheaply whether anything was written since; it is not transactional, so it may be ahead
    // of what this snapshot sees (a write under way). Only the rows read move \`seenSeq\` on: writers take turns,
    // so every write committed later has higher seqs than any this snapshot sees.
    if (Number(now.seq) <= this.seenSeq) return this
    const rows = (
      await pgq<{ rowid: number; type: string | null; date: string | null; sender: string | null; dossier: string | null; seq: number; len: number }>(
        db,
        'SELECT rowid, type, date, sender, dossier, seq, len FROM papers WHERE seq > $1 ORDER BY seq',
        [this.seenSeq],
      )
    ).rows
    const written: number[] = []
    for (const r of rows) {
      const rowid = Number(r.rowid)
      const seq = Number(r.seq)
      if (this.present[rowid]) {
        const old = this.seqs[rowid] as number
        if (old < this.rowOfSeq.length) this.rowOfSeq[old] = 0
      }
      if (seq >= this.rowOfSeq.length) {
        const wider = new Int32Array(Math.max(seq + 1, this.rowOfSeq.length * 2))
        wider.set(this.rowOfSeq)
        this.rowOfSeq = wider
      }
      this.rowOfSeq[seq] = rowid
      this.set({ rowid, type: r.type, date: r.date, sender: r.sender, dossier: r.dossier, seq, length: r.len })
      written.push(rowid)
    }
    // A few papers: the lists that hold them or their terms go. Many: all lists go.
    if (this.seenSeq > 0 && written.length <= 1000 && written.length > 0) {
      const terms = (await pgq<{ t: string }>(db, 'SELECT DISTINCT jsonb_object_keys(tf) AS t FROM papers WHERE seq > $1', [this.seenSeq])).rows.map((r) => r.t)
      lists.forget(written, new Set(terms))
    } else if (written.length > 0) lists.clear()
    for (const r of rows) this.seenSeq = Math.max(this.seenSeq, Number(r.seq))
    return this
  }
}

/** The key of a term's list in the cache (as `ListCache` names them). */
export function listKey(t: Term): string {
  return t.kind === 'word' ? `w ${t.stem}` : t.kind === 'prefix' ? `p ${t.prefix}` : `q ${t.stems.join(' ')}`
}

/**
 * Reads the posting lists a query needs that are not kept yet, into the
 * cache: words and prefixes from `postings`, phrases from the positions in
 * `tsv` of the papers that hold all their words.
 */
export async function loadLists(db: Sql, q: ParsedQuery, columns: PgColumns, lists: ListCache): Promise<void> {
  const wanted = new Map<string, Term>()
  for (const t of [...q.must.flat(), ...q.not]) if (!lists.get(listKey(t))) wanted.set(listKey(t), t)
  if (wanted.size === 0) return
  const words = [...wanted.values()].filter((t): t is Extract<Term, { kind: 'word' }> => t.kind === 'word').map((t) => t.stem)
  const byTerm = new Map<string, Buffer[]>()
  if (words.length > 0)
    for (const r of (await pgq<{ term: string; docs: Buffer }>(db, 'SELECT term, docs FROM postings WHERE term = ANY($1::text[])', [words])).rows) {
      const list = byTerm.get(r.term) ?? []
      list.push(r.docs)
      byTerm.set(r.term, list)
    }
  for (const [key, t] of wanted) {
    if (t.kind === 'word') lists.set(key, toList(byTerm.get(t.stem) ?? [], columns))
    else if (t.kind === 'prefix') {
      const segs = (await pgq<{ docs: Buffer }>(db, 'SELECT docs FROM postings WHERE term >= $1 AND term < $2', [t.prefix, `${t.prefix}\u{10ffff}`])).rows.map(
        (r) => r.docs,
      )
      lists.set(key, toList(segs, columns))
    } else {
      const params: unknown[] = []
      const param = (v: unknown) => {
        params.push(v)
        return `$${params.length}`
      }
      const sql = `SELECT p.rowid, ${phraseFrequencySql(t.stems, param)} AS f FROM papers p WHERE p.tsv @@ ${param(termQuery(t))}::tsquery`
      const rows = (await pgq<{ rowid: number; f: number }>(db, sql, params)).rows
      const pairs = rows.filter((r) => r.f > 0 && columns.present[Number(r.rowid)]).map((r) => [Number(r.rowid), Number(r.f)] as const)
      pairs.sort((a, b) => a[0] - b[0])
      lists.set(key, { docs: Int32Array.from(pairs, (p) => p[0]), freqs: Int32Array.from(pairs, (p) => p[1]) })
    }
  }
}

/**
 * The segments of one term or of several (a prefix: their frequencies are
 * summed per paper, as FTS5 counts every instance) as one list by row id,
 * live postings only.
 */
function toList(segments: Buffer[], columns: PgColumns): PostingList {
  const rows: number[] = []
  const freqs: number[] = []
  for (const s of segments)
    decodeSegment(s, (seq, f) => {
      const r = columns.row(seq)
      if (r > 0) {
        rows.push(r)
        freqs.push(f)
      }
    })
  const order = rows.map((_, i) => i)
  let sorted = true
  for (let i = 1; i < rows.length && sorted; i++) if ((rows[i] as number) <= (rows[i - 1] as number)) sorted = false
  if (!sorted) order.sort((a, b) => (rows[a] as number) - (rows[b] as number))
  const docs = new Int32Array(rows.length)
  const fs = new Int32Array(rows.length)
  let k = -1
  for (const i of order) {
    const d = rows[i] as number
    if (k >= 0 && docs[k] === d) fs[k] = (fs[k] as number) + (freqs[i] as number)
    else {
      docs[++k] = d
      fs[k] = freqs[i] as number
    }
  }
  return { docs: docs.slice(0, k + 1), freqs: fs.slice(0, k + 1) }
}
