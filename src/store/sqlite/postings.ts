import type Database from 'better-sqlite3'
import type { PostingList } from '../../search/bm25.js'

/**
 * Posting lists read out of the FTS5 index, for `search/bm25.ts` to match
 * and rank with. FTS5's `fts5vocab` instance table lists, for one term, every
 * place it occurs in row order (`lidstat`: 23,380 places in 16,303 papers on
 * 100,000 generated papers, 4 ms); counted per paper that is a posting list.
 *
 * Lists are kept, most recently used first, up to a size in bytes: the terms
 * people search for recur, so most searches read no list at all. Any write to
 * the store (by any process) makes them stale; the caller empties them then
 * (see `sync`).
 */
export class FtsPostings {
  private readonly lists = new Map<string, PostingList>()
  private bytes = 0
  private stamp: string | undefined
  private readonly docsOf
  private readonly offsetsOf
  private readonly docsInRange

  /** `maxBytes`: how much the kept lists may take (8 bytes a posting). */
  constructor(
    db: Database.Database,
    private readonly maxBytes: number,
  ) {
    // A temporary table: nothing is written to the store file, and a read-only connection may have one.
    db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.papers_fts_instance USING fts5vocab(main, papers_fts, instance)')
    // One column each: better-sqlite3 reads a single plucked column several times faster than rows of two.
    this.docsOf = db.prepare<[string], number>('SELECT doc FROM temp.papers_fts_instance WHERE term = ?').pluck()
    this.offsetsOf = db.prepare<[string], number>('SELECT offset FROM temp.papers_fts_instance WHERE term = ?').pluck()
    this.docsInRange = db.prepare<[string, string], number>('SELECT doc FROM temp.papers_fts_instance WHERE term >= ? AND term < ?').pluck()
  }

  /** Drops every list when `stamp` (which changes with each write to the store) is not the one they were read under. */
  sync(stamp: string): void {
    if (stamp === this.stamp) return
    this.stamp = stamp
    this.lists.clear()
    this.bytes = 0
  }

  /** The papers a stem is in. */
  word(stem: string): PostingList {
    return this.cached(`w ${stem}`, () => countRuns(this.docsOf.all(stem)))
  }

  /**
   * The papers with a term that starts with `prefix`, counting every such
   * term (as FTS5 does for `grondstof*`).
   */
  prefix(prefix: string): PostingList {
    return this.cached(`p ${prefix}`, () => countRuns(Int32Array.from(this.docsInRange.all(prefix, `${prefix}\u{10ffff}`)).sort()))
  }

  /** The papers with the stems in a row (`"nucleair ontwapen"`), counting each place they stand so. */
  phrase(stems: string[]): PostingList {
    return this.cached(`q ${stems.join(' ')}`, () => {
      const places = stems.map((s) => ({ docs: this.docsOf.all(s), offsets: this.offsetsOf.all(s) }))
      return phraseList(places)
    })
  }

  private cached(key: string, read: () => PostingList): PostingList {
    const kept = this.lists.get(key)
    if (kept) {
      // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
      this.lists.delete(key)
      this.lists.set(key, kept)
      return kept
    }
    const list = read()
    const size = list.docs.byteLength + list.freqs.byteLength
    if (size > this.maxBytes) return list
    this.lists.set(key, list)
    this.bytes += size
    for (const [k, l] of this.lists) {
      if (this.bytes <= this.maxBytes) break
      this.lists.delete(k)
      this.bytes -= l.docs.byteLength + l.freqs.byteLength
    }
    return list
  }
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

/**
 * The places of a phrase from the places of its stems, each list sorted by
 * row and then offset: a place is where the first stem stands at offset o and
 * the i-th at o + i, in the same paper.
 */
export function phraseList(places: Array<{ docs: ArrayLike<number>; offsets: ArrayLike<number> }>): PostingList {
  const first = places[0]
  if (!first) return { docs: new Int32Array(0), freqs: new Int32Array(0) }
  const at = places.map(() => 0)
  const docs: number[] = []
  const freqs: number[] = []
  let i = 0
  while (i < first.docs.length) {
    const doc = first.docs[i] as number
    let end = i
    while (end < first.docs.length && first.docs[end] === doc) end++
    // For the other stems, the offsets they have in this paper.
    const inDoc: Array<Set<number>> = []
    let all = true
    for (let s = 1; s < places.length && all; s++) {
      const p = places[s] as { docs: ArrayLike<number>; offsets: ArrayLike<number> }
      let j = at[s] as number
      while (j < p.docs.length && (p.docs[j] as number) < doc) j++
      const offsets = new Set<number>()
      while (j < p.docs.length && p.docs[j] === doc) offsets.add(p.offsets[j++] as number)
      at[s] = j
      if (offsets.size === 0) all = false
      inDoc.push(offsets)
    }
    if (all) {
      let n = 0
      for (let k = i; k < end; k++) {
        const o = first.offsets[k] as number
        if (inDoc.every((offsets, s) => offsets.has(o + s + 1))) n++
      }
      if (n > 0) {
        docs.push(doc)
        freqs.push(n)
      }
    }
    i = end
  }
  return { docs: Int32Array.from(docs), freqs: Int32Array.from(freqs) }
}
