import type Database from 'better-sqlite3'
import type { PostingList } from '../../search/bm25.js'

/**
 * Posting lists read out of the FTS5 index, for `search/bm25.ts` to match
 * and rank with. FTS5's `fts5vocab` instance table lists, for one term, every
 * place it occurs in row order (`lidstat`: 23,380 places in 16,303 papers on
 * 100,000 generated papers, 4 ms); counted per paper that is a posting list.
 *
 * Lists are kept, most recently used first, up to a size in bytes: the terms
 * people search for recur, so most searches read no list at all. A write to
 * the store (by any process) makes some of them wrong; the store says which
 * papers were written (`forget`), or that too much changed (`clear`).
 */
export class FtsPostings {
  private readonly lists = new Map<string, PostingList>()
  private bytes = 0
  private readonly docsOf
  private readonly placesOf
  private readonly docsInRange

  /** `maxBytes`: how much the kept lists may take (8 bytes a posting). */
  constructor(
    db: Database.Database,
    private readonly maxBytes: number,
  ) {
    // A temporary table: nothing is written to the store file, and a read-only connection may have one.
    db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.papers_fts_instance USING fts5vocab(main, papers_fts, instance)')
    // The places come back as one comma-separated string (group_concat): a row per place into JS
    // costs about 0.1 µs each, and common terms have hundreds of thousands of places ('kamer':
    // 342,148 on 100,000 papers, 50 ms a row at a time, 34 ms as one string).
    this.docsOf = db.prepare<[string], string | null>('SELECT group_concat(doc) FROM temp.papers_fts_instance WHERE term = ?').pluck()
    this.placesOf = db
      .prepare<[string], [string | null, string | null]>('SELECT group_concat(doc), group_concat(offset) FROM temp.papers_fts_instance WHERE term = ?')
      .raw()
    this.docsInRange = db
      .prepare<[string, string], string | null>('SELECT group_concat(doc) FROM temp.papers_fts_instance WHERE term >= ? AND term < ?')
      .pluck()
  }

  /** Drops every list. */
  clear(): void {
    this.lists.clear()
    this.bytes = 0
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
        this.bytes -= list.docs.byteLength + list.freqs.byteLength
      }
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

  /** The papers with the stems in a row (`"nucleair ontwapen"`), counting each place they stand so. */
  phrase(stems: string[]): PostingList {
    return this.cached(`q ${stems.join(' ')}`, () => {
      const places = stems.map((s) => {
        const [docs, offsets] = this.placesOf.get(s) ?? [null, null]
        return inOrder(integers(docs), integers(offsets))
      })
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

/** The places sorted by paper, then offset. */
function inOrder(docs: Int32Array, offsets: Int32Array): { docs: Int32Array; offsets: Int32Array } {
  let sorted = true
  for (let i = 1; i < docs.length && sorted; i++) {
    const d = (docs[i] as number) - (docs[i - 1] as number)
    if (d < 0 || (d === 0 && (offsets[i] as number) <= (offsets[i - 1] as number))) sorted = false
  }
  if (sorted) return { docs, offsets }
  const order = Array.from(docs.keys()).sort((a, b) => (docs[a] as number) - (docs[b] as number) || (offsets[a] as number) - (offsets[b] as number))
  return { docs: Int32Array.from(order, (i) => docs[i] as number), offsets: Int32Array.from(order, (i) => offsets[i] as number) }
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
