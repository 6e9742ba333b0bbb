import type Database from 'better-sqlite3'
import type { ListQuery, PostingList } from '../../search/bm25.js'
import { PaperColumns } from '../../search/engine.js'
import type { ParsedQuery, Term } from '../../search/query.js'
import { stemText } from '../../search/stem.js'
import type { IndexColumn, IndexedPaper, IndexedTerm, PostingIndex } from '../sql.js'
import type { Values } from '../values.js'
import type { SqliteDialect } from './dialect.js'
import { FtsPostings, varints } from './postings.js'

/**
 * The papers table's filter and facet columns in memory (see `search/engine.ts`).
 * Rows written by this or another process are picked up by their `seq` when
 * the file's data version changes.
 */
class FacetCache extends PaperColumns {
  // Rows written since `takeChanges` was last called; `overflow` once they are too many to list, or a row was removed.
  private pending: number[] = []
  private overflow = true
  private version = -1
  private readonly changed
  private readonly dataVersion
  private readonly removalCount

  constructor(db: Database.Database) {
    super()
    this.changed = db.prepare<
      [number],
      { rowid: number; type: string | null; date: string | null; sender: string | null; dossier: string | null; seq: number; sz: Buffer | null }
    >(
      'SELECT p.rowid, p.type, p.date, p.sender, p.dossier, p.seq, d.sz FROM papers p LEFT JOIN papers_fts_docsize d ON d.id = p.rowid WHERE p.seq > ? ORDER BY p.seq',
    )
    this.dataVersion = db.prepare('PRAGMA data_version').pluck()
    this.removalCount = db.prepare("SELECT value FROM meta WHERE key = 'removals'").pluck()
  }

  /** Changes whenever a paper is written or removed, by this process or another. */
  get stamp(): string {
    return `${this.seenSeq}:${this.seenRemovals}`
  }

  refresh(): this {
    const v = this.dataVersion.get() as number
    if (v === this.version) return this
    this.version = v
    if (this.startOverOnRemoval(String(this.removalCount.get() ?? '0'))) this.overflow = true
    for (const r of this.changed.all(this.seenSeq)) {
      if (!this.overflow) {
        if (this.pending.length < FacetCache.MAX_PENDING) this.pending.push(r.rowid)
        else this.overflow = true
      }
      // FTS5's own count of the paper's tokens: the first varint of its docsize record.
      this.set({ ...r, length: r.sz ? (varints(r.sz)[0] ?? 0) : 0 })
      this.seenSeq = Math.max(this.seenSeq, r.seq)
    }
    return this
  }

  /** How many written rows `takeChanges` lists before it says only that everything may have changed. */
  static readonly MAX_PENDING = 1000

  /** The rows written (added or changed) since the last call, or `all` when they were many or one was removed. */
  takeChanges(): { all: boolean; rows: number[] } {
    const out = { all: this.overflow, rows: this.overflow ? [] : this.pending }
    this.pending = []
    this.overflow = false
    return out
  }

  /** Marks the cache stale after this connection wrote (data_version only counts other connections). */
  invalidate(): void {
    this.version = -1
  }
}

/**
 * The embedded store's posting index: FTS5 over the Dutch stems (a
 * contentless table keyed by the paper's row id), read out as posting lists
 * by `FtsPostings`, with the filter columns in memory (`FacetCache`).
 */
export class SqliteIndex implements PostingIndex {
  private readonly facets: FacetCache
  private readonly postings: FtsPostings
  private readonly s

  /** `postingsMb` bounds the posting lists kept for ranking (see `FtsPostings`). */
  constructor(
    private readonly dialect: SqliteDialect,
    private readonly values: Values,
    postingsMb: number,
  ) {
    const db = dialect.raw
    this.s = {
      insert: db.prepare('INSERT INTO papers_fts (rowid, stems) VALUES (?, ?)'),
      // FTS5's BM25 needs the row count and total length; on a contentless table only the
      // 'delete' command with the old stems keeps them right (a plain DELETE leaves them stale).
      delete: db.prepare("INSERT INTO papers_fts (papers_fts, rowid, stems) VALUES ('delete', ?, ?)"),
      paperText: db.prepare<[number], { title: string | null; text: Buffer }>('SELECT title, text FROM papers WHERE rowid = ?'),
      countRemoval: db.prepare("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'removals'"),
      count: db.prepare<[], number>('SELECT count(*) FROM papers').pluck(),
    }
    this.facets = new FacetCache(db)
    this.postings = new FtsPostings(db, Math.max(0, postingsMb) * 1024 * 1024, (row) => this.facets.lengths[row] ?? 0)
  }

  async add(_tx: unknown, paper: IndexedPaper): Promise<IndexColumn[]> {
    this.s.insert.run(paper.rowid, paper.stems)
    return []
  }

  async remove(_tx: unknown, rowid: number, removed: boolean): Promise<void> {
    const old = this.s.paperText.get(rowid)
    if (old) this.s.delete.run(rowid, stemText(`${old.title ?? ''} ${this.values.packer.unpackText(old.text)}`))
    // A removed paper leaves no row for the columns to find by its seq: readers start over.
    if (removed) this.s.countRemoval.run()
  }

  async flush(): Promise<void> {
    this.facets.invalidate()
  }

  async stamp(): Promise<string> {
    await this.dialect.idle()
    return this.facets.refresh().stamp
  }

  async count(): Promise<number> {
    await this.dialect.idle()
    return this.s.count.get() ?? 0
  }

  async prepare(_tx: unknown, parsed: ParsedQuery | null): Promise<{ columns: PaperColumns; lists: ListQuery | null }> {
    const columns = this.current()
    return { columns, lists: parsed ? this.listQuery(parsed) : null }
  }

  async terms(prefix: string, limit: number): Promise<IndexedTerm[]> {
    await this.dialect.idle()
    return this.postings.terms(prefix, limit)
  }

  /** See `Store.warm`: the filter columns, then the lists of the most common terms, up to half the lists' budget. */
  async warm(): Promise<void> {
    await this.dialect.idle()
    this.current()
    this.postings.warm()
  }

  /** The filter columns, refreshed, with the posting lists that writes since the last search made wrong dropped. */
  private current(): FacetCache {
    const c = this.facets.refresh()
    const changes = c.takeChanges()
    if (changes.rows.length > 0 || changes.all) {
      const terms = changes.all ? null : this.termsOf(changes.rows)
      if (terms) this.postings.forget(changes.rows, terms)
      else this.postings.clear()
    }
    return c
  }

  /**
   * The stems of these papers' text as it is stored now, or null when that is
   * more text than is worth stemming in the middle of a search (about 1 MB,
   * some 100 ms): then every list is read again instead.
   */
  private termsOf(rows: number[]): Set<string> | null {
    const terms = new Set<string>()
    let chars = 0
    for (const r of rows) {
      const paper = this.s.paperText.get(r)
      if (!paper) continue
      const text = `${paper.title ?? ''} ${this.values.packer.unpackText(paper.text)}`
      chars += text.length
      if (chars > 1_000_000) return null
      for (const t of stemText(text).split(' ')) terms.add(t)
    }
    return terms
  }

  /** The posting lists of a query's phrases, in the query's order (see `search/bm25.ts`). */
  private listQuery(parsed: ParsedQuery): ListQuery {
    const list = (t: Term): PostingList =>
      t.kind === 'word' ? this.postings.word(t.stem) : t.kind === 'phrase' ? this.postings.phrase(t.stems) : this.postings.prefix(t.prefix)
    return { groups: parsed.must.map((g) => g.map(list)), not: parsed.not.map(list) }
  }
}
