import type Database from 'better-sqlite3'
import { frequencyOf, idf, type PostingList } from '../../search/bm25.js'
import { ListCache } from '../../search/engine.js'
import { ftsTerm } from '../../search/query.js'
import type { IndexedTerm } from '../sql.js'

/**
 * Posting lists read out of the FTS5 index, for `search/bm25.ts` to match
 * and rank with. FTS5's `fts5vocab` instance table lists, for one term, every
 * place it occurs in row order (`lidstat`: 23,380 places in 16,303 papers on
 * 100,000 generated papers, 4 ms); counted per paper that is a posting list.
 * Lists are kept as `ListCache` says.
 */
export class FtsPostings extends ListCache {
  private readonly docsOf
  private readonly docsInRange
  private readonly commonest
  private readonly vocabulary

  private readonly ranked
  private readonly averages

  /**
   * `maxBytes`: how much the kept lists may take (8 bytes a posting);
   * `lengthOf`: a paper's length in tokens, as FTS5 counted it.
   */
  constructor(
    db: Database.Database,
    maxBytes: number,
    private readonly lengthOf: (row: number) => number,
  ) {
    super(maxBytes)
    // A temporary table: nothing is written to the store file, and a read-only connection may have one.
    db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.papers_fts_instance USING fts5vocab(main, papers_fts, instance)')
    // The places come back as one comma-separated string (group_concat): a row per place into JS
    // costs about 0.1 µs each, and common terms have hundreds of thousands of places ('kamer':
    // 342,148 on 100,000 papers, 50 ms a row at a time, 34 ms as one string).
    this.docsOf = db.prepare<[string], string | null>('SELECT group_concat(doc) FROM temp.papers_fts_instance WHERE term = ?').pluck()
    // A phrase's papers with their BM25 for that phrase alone. MATERIALIZED: bm25() may not run inside the aggregate.
    this.ranked = db
      .prepare<[string], [string | null, string | null]>(
        'WITH m AS MATERIALIZED (SELECT rowid AS r, bm25(papers_fts) AS s FROM papers_fts WHERE papers_fts MATCH ?) SELECT group_concat(r), group_concat(s) FROM m',
      )
      .raw()
    // FTS5's own row count and token total (its "averages" record, rowid 1 of the data table), as bm25() used them.
    this.averages = db.prepare<[], Buffer>('SELECT block FROM papers_fts_data WHERE id = 1').pluck()
    db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.papers_fts_terms USING fts5vocab(main, papers_fts, row)')
    this.commonest = db.prepare<[], { term: string; doc: number }>('SELECT term, doc FROM temp.papers_fts_terms ORDER BY doc DESC')
    this.vocabulary = db.prepare<[string, string, number], IndexedTerm>(
      'SELECT term, doc AS papers FROM temp.papers_fts_terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ?',
    )
    this.docsInRange = db
      .prepare<[string, string], string | null>('SELECT group_concat(doc) FROM temp.papers_fts_instance WHERE term >= ? AND term < ?')
      .pluck()
  }

  /**
   * Reads the lists of the terms in the most papers, commonest first, until
   * they take half the budget: those cost the most to read on first use
   * (`kamer`, in every paper, 34 ms on 100,000), and the time this takes is
   * bounded by the budget, not by the size of the store.
   */
  warm(): void {
    const bytes = this.maxBytes / 2
    // The terms first: the connection reads no list while the vocabulary is being iterated.
    const terms: string[] = []
    let planned = 0
    for (const { term, doc } of this.commonest.iterate()) {
      planned += doc * 8
      if (planned > bytes) break
      terms.push(term)
    }
    for (const term of terms) this.word(term)
  }

  /** The terms starting with `prefix`, in term order, with the number of papers each is in. */
  terms(prefix: string, limit: number): IndexedTerm[] {
    return this.vocabulary.all(prefix, `${prefix}\u{10ffff}`, limit)
  }

  /** The papers a stem is in. */
  word(stem: string): PostingList {
    return this.cached(`w ${stem}`, () => countRuns(ascending(integers(this.docsOf.get(stem)))))
  }

  /**
   * The papers with a term that starts with `prefix`, counting every such
   * term (as FTS5 does for `grondstof*`).
   */
  prefix(prefix: string): PostingList {
    // Term after term, so the papers are sorted here.
    return this.cached(`p ${prefix}`, () => countRuns(integers(this.docsInRange.get(prefix, `${prefix}\u{10ffff}`)).sort()))
  }

  /**
   * The papers with the stems in a row (`"nucleair ontwapen"`), counting each
   * place they stand so. FTS5 finds the phrase and scores it alone; the count
   * is worked back from the score (`frequencyOf`). Reading every place of
   * every stem instead costs all their places, about 0.2 µs each:
   * `"informeren uitkomsten"`, two common words that never stand so, took
   * 90 ms that way and takes 6 ms this way, and no phrase measured on the
   * generated papers was slower.
   */
  phrase(stems: string[]): PostingList {
    return this.cached(`q ${stems.join(' ')}`, () => this.phraseFromRanks(stems))
  }

  private phraseFromRanks(stems: string[]): PostingList {
    const [ids, ranks] = this.ranked.get(ftsTerm({ kind: 'phrase', text: stems.join(' '), stems })) ?? [null, null]
    const docs = integers(ids)
    const scores = ranks ? ranks.split(',') : []
    if (docs.length !== scores.length) throw new Error(`FTS5 gave ${docs.length} papers and ${scores.length} scores for a phrase`)
    const [rows, tokens] = varints(this.averages.get() ?? Buffer.alloc(0))
    const w = idf(rows ?? 0, docs.length)
    const avgdl = (tokens ?? 0) / (rows ?? 1)
    const freqs = new Int32Array(docs.length)
    for (let i = 0; i < docs.length; i++) freqs[i] = frequencyOf(-Number(scores[i]), w, this.lengthOf(docs[i] as number), avgdl)
    return byPaper(docs, freqs)
  }
}

/** The varints of a blob, in SQLite's encoding (big-endian groups of 7 bits, the high bit saying "more"). */
export function varints(blob: Uint8Array): number[] {
  const out: number[] = []
  let v = 0
  for (const b of blob) {
    v = v * 128 + (b & 0x7f)
    if (b < 0x80) {
      out.push(v)
      v = 0
    }
  }
  return out
}

/** `'3,5,5,12'` → [3, 5, 5, 12]; null (no rows) → []. */
export function integers(csv: string | null | undefined): Int32Array {
  if (!csv) return new Int32Array(0)
  let n = 1
  for (let i = 0; i < csv.length; i++) if (csv.charCodeAt(i) === 44) n++
  const out = new Int32Array(n)
  let k = 0
  let v = 0
  for (let i = 0; i < csv.length; i++) {
    const c = csv.charCodeAt(i)
    if (c === 44) {
      out[k++] = v
      v = 0
    } else v = v * 10 + (c - 48)
  }
  out[k] = v
  return out
}

// fts5vocab lists a term's places in row order, and group_concat keeps the order it is given; neither
// promises it, so an unsorted list is sorted rather than trusted.
function ascending(docs: Int32Array): Int32Array {
  for (let i = 1; i < docs.length; i++) if ((docs[i] as number) < (docs[i - 1] as number)) return docs.sort()
  return docs
}

/** A list sorted by paper (FTS5 goes through a MATCH in row order; checked, not trusted). */
function byPaper(docs: Int32Array, freqs: Int32Array): PostingList {
  let sorted = true
  for (let i = 1; i < docs.length && sorted; i++) if ((docs[i] as number) <= (docs[i - 1] as number)) sorted = false
  if (sorted) return { docs, freqs }
  const order = Array.from(docs.keys()).sort((a, b) => (docs[a] as number) - (docs[b] as number))
  return { docs: Int32Array.from(order, (i) => docs[i] as number), freqs: Int32Array.from(order, (i) => freqs[i] as number) }
}

/** Row ids in ascending order, one per place (`[2, 5, 5, 9]`) → each paper once, with its count. */
export function countRuns(rows: ArrayLike<number>): PostingList {
  const docs = new Int32Array(rows.length)
  const freqs = new Int32Array(rows.length)
  let k = -1
  for (let i = 0; i < rows.length; i++) {
    const d = rows[i] as number
    if (k >= 0 && docs[k] === d) freqs[k] = (freqs[k] as number) + 1
    else {
      docs[++k] = d
      freqs[k] = 1
    }
  }
  return { docs: docs.slice(0, k + 1), freqs: freqs.slice(0, k + 1) }
}
