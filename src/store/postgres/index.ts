import type { ListQuery, PostingList } from '../../search/bm25.js'
import { ListCache } from '../../search/engine.js'
import type { ParsedQuery, Term } from '../../search/query.js'
import { Repository } from '../repository.js'
import type { IndexColumn, IndexedPaper, IndexedTerm, PostingIndex, Sql } from '../sql.js'
import { PostgresDialect, redact } from './dialect.js'
import { listKey, loadLists, PgColumns, PostingBatch } from './postings.js'
import { pgMigrations } from './schema.js'
import { termFrequencies, tsvectorLiteral } from './search.js'

export { redact }

/**
 * The team store's posting index: each paper's stems as a `tsvector` (for
 * phrases) with their frequencies (`tf`, `len`), segments of postings per
 * term (see `postings.ts`), and `stats` (papers, tokens, removals) kept with
 * every write, so BM25 never counts the table.
 */
class PgIndex implements PostingIndex {
  /** The papers' filter and facet columns, and the posting lists kept. */
  private readonly columns = new PgColumns()
  private readonly lists: ListCache
  /** The postings a write transaction gathers, flushed before it commits. */
  private readonly batches = new WeakMap<Sql, PostingBatch>()

  constructor(
    private readonly dialect: PostgresDialect,
    postingsMb: number,
  ) {
    this.lists = new ListCache(Math.max(0, postingsMb) * 1024 * 1024)
  }

  private batch(tx: Sql): PostingBatch {
    let b = this.batches.get(tx)
    if (!b) {
      b = new PostingBatch()
      this.batches.set(tx, b)
    }
    return b
  }

  async add(tx: Sql, paper: IndexedPaper, fresh: boolean): Promise<IndexColumn[]> {
    const tokens = paper.stems ? paper.stems.split(' ') : []
    const tf = termFrequencies(tokens)
    this.batch(tx).add(paper.seq, tf, { tokens: tokens.length, papers: fresh ? 1 : 0, removals: 0 })
    return [
      { name: 'tsv', value: tsvectorLiteral(tokens), cast: 'tsvector' },
      { name: 'len', value: tokens.length },
      { name: 'tf', value: JSON.stringify(tf), cast: 'jsonb' },
    ]
  }

  async remove(tx: Sql, rowid: number, removed: boolean): Promise<void> {
    const old = await tx.get<{ len: number; tf: Record<string, number> }>('SELECT len, tf FROM papers WHERE rowid = ?', [rowid])
    if (!old) return
    this.batch(tx).remove(old.tf, { tokens: -Number(old.len), papers: removed ? -1 : 0, removals: removed ? 1 : 0 })
    // The sequence is the search cache's stamp: a removal must change it too.
    if (removed) await tx.get("SELECT nextval('paper_seq') AS n")
  }

  async flush(tx: Sql): Promise<void> {
    await this.batches.get(tx)?.flush(tx)
    this.batches.delete(tx)
  }

  async stamp(): Promise<string> {
    // Every write draws from the sequence, so its value says whether anything changed.
    const seq = await this.dialect.db.get<{ v: number; c: boolean }>('SELECT last_value AS v, is_called AS c FROM paper_seq')
    return `${seq?.v}${seq?.c}`
  }

  async count(): Promise<number> {
    return Number((await this.dialect.db.get<{ papers: number }>('SELECT papers FROM stats'))?.papers ?? 0)
  }

  async prepare(tx: Sql, parsed: ParsedQuery | null): Promise<{ columns: PgColumns; lists: ListQuery | null }> {
    const columns = await this.columns.refresh(tx, this.lists)
    if (!parsed) return { columns, lists: null }
    await loadLists(tx, parsed, columns, this.lists)
    const list = (t: Term): PostingList => this.lists.get(listKey(t)) ?? { docs: new Int32Array(0), freqs: new Int32Array(0) }
    return { columns, lists: { groups: parsed.must.map((g) => g.map(list)), not: parsed.not.map(list) } }
  }

  /** The columns, then the lists of the terms in the most papers, commonest first, until they take half the lists' budget. */
  async terms(prefix: string, limit: number): Promise<IndexedTerm[]> {
    const rows = await this.dialect.db.all<{ term: string; papers: number }>(
      'SELECT term, df AS papers FROM terms WHERE term >= ? AND term < ? AND df > 0 ORDER BY term LIMIT ?',
      [prefix, `${prefix}\u{10ffff}`, limit],
    )
    return rows.map((r) => ({ term: r.term, papers: Number(r.papers) }))
  }

  async warm(): Promise<void> {
    await this.dialect.snapshot(async (tx) => {
      const c = await this.columns.refresh(tx, this.lists)
      let planned = 0
      const words: Term[] = []
      for (const r of await tx.all<{ term: string; df: number }>('SELECT term, df FROM terms WHERE df > 0 ORDER BY df DESC LIMIT 5000')) {
        planned += r.df * 8
        if (planned > this.lists.maxBytes / 2) break
        words.push({ kind: 'word', text: r.term, stem: r.term })
      }
      await loadLists(tx, { must: [words], not: [], filters: {}, notes: [] }, c, this.lists)
    })
  }
}

/**
 * The store of a team: the repository written once (`repository.ts`) over
 * PostgreSQL with a connection pool and its own posting index, with search of
 * the same semantics as the embedded store (the same stems, query language
 * and engine).
 */
export class PostgresStore extends Repository {
  /**
   * Connects, migrates and returns the store. `schema` (default `kamerwacht`)
   * is the PostgreSQL schema the tables live in; tests use one per run.
   */
  static async open(url: string, options: { searchCache?: number; schema?: string; max?: number; postingsMb?: number } = {}): Promise<PostgresStore> {
    // `postgres://…/db?schema=team` picks the schema in the URL; the rest of the URL goes to the driver.
    const parsed = new URL(url)
    const fromUrl = parsed.searchParams.get('schema')
    parsed.searchParams.delete('schema')
    const plain = parsed.toString()
    const dialect = PostgresDialect.connect(plain, options.schema ?? fromUrl ?? 'kamerwacht', options.max ?? 8)
    const store = new PostgresStore(
      { dialect, migrations: (ctx) => pgMigrations(ctx), index: () => new PgIndex(dialect, options.postingsMb ?? 64) },
      options.searchCache === undefined ? {} : { searchCache: options.searchCache },
    )
    try {
      await store.ready
    } catch (e) {
      await dialect.close()
      const code = (e as { code?: string }).code
      if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '28P01' || code === '3D000' || code === 'ETIMEDOUT')
        throw new Error(`cannot open the PostgreSQL store at ${redact(plain)}: ${(e as Error).message}`)
      throw e
    }
    return store
  }
}
