import type { InputForm } from '../model/document.js'
import type { Dialect, PaperIds, Sql } from './sql.js'

/** A row of `sources` as a write asks for it. */
export interface SourceRow {
  key: string
  reader_version: number
}

/** A row of `papers` as a write asks for it. */
export interface PaperRow {
  rowid: number
  form: InputForm
  source_sha: string
  reader_version: number
}

/**
 * The `sources` and `papers` rows a batch of papers will ask for, read in one
 * query each before the batch and kept in step with what it writes. On a
 * server every query is a round trip: two a paper fewer in a batch of 250.
 * A row the batch did not name at the start is read when asked for.
 */
export class BatchRows {
  private readonly sources = new Map<string, SourceRow | null>()
  private readonly papers = new Map<string, PaperRow | null>()

  /** Ids drawn and not yet taken, the last taken, and how many papers the batch may still write. */
  private ids: PaperIds[] = []
  private last: PaperIds | undefined
  private room = 0

  constructor(
    private readonly tx: Sql,
    private readonly dialect: Pick<Dialect, 'fragments' | 'drawPaperIds'>,
  ) {}

  /** How many papers the batch may write at most (those whose source it has not read already, as now). */
  expectPapers(n: number): void {
    this.room = n
  }

  /**
   * The row id and write counter of the next paper the batch writes. Drawn for all the papers it may still
   * write at once, on the first: one round trip a batch instead of an `INSERT … RETURNING` a paper.
   */
  async nextIds(): Promise<PaperIds> {
    if (this.ids.length === 0) this.ids = (await this.dialect.drawPaperIds(this.tx, Math.max(1, this.room), this.last)).reverse()
    const ids = this.ids.pop() as PaperIds
    this.room--
    this.last = ids
    return ids
  }

  /** Whether the source with this content hash was read, as the batch began, by a reader of `version` or later. */
  readAt(sha: string, version: number): boolean {
    return (this.sources.get(sha)?.reader_version ?? -1) >= version
  }

  /** Reads the rows of these content hashes and paper keys. */
  async prefetch(shas: string[], keys: string[]): Promise<void> {
    for (const s of shas) this.sources.set(s, null)
    for (const k of keys) this.papers.set(k, null)
    for (const r of await this.tx.all<SourceRow & { sha256: string }>(
      `SELECT sha256, key, reader_version FROM sources WHERE ${this.dialect.fragments.inList('sha256')}`,
      [shas],
    ))
      this.sources.set(r.sha256, { key: r.key, reader_version: Number(r.reader_version) })
    for (const r of await this.tx.all<PaperRow & { key: string }>(
      `SELECT key, rowid, form, source_sha, reader_version FROM papers WHERE ${this.dialect.fragments.inList('key')}`,
      [keys],
    ))
      this.papers.set(r.key, { rowid: Number(r.rowid), form: r.form, source_sha: r.source_sha, reader_version: Number(r.reader_version) })
  }

  async source(sha: string): Promise<SourceRow | undefined> {
    if (!this.sources.has(sha)) this.sources.set(sha, (await this.tx.get<SourceRow>('SELECT key, reader_version FROM sources WHERE sha256 = ?', [sha])) ?? null)
    return this.sources.get(sha) ?? undefined
  }

  async paper(key: string): Promise<PaperRow | undefined> {
    if (!this.papers.has(key))
      this.papers.set(key, (await this.tx.get<PaperRow>('SELECT rowid, form, source_sha, reader_version FROM papers WHERE key = ?', [key])) ?? null)
    return this.papers.get(key) ?? undefined
  }

  wroteSource(sha: string, row: SourceRow): void {
    this.sources.set(sha, row)
  }

  wrotePaper(key: string, row: PaperRow | null): void {
    this.papers.set(key, row)
  }

  /** A source removed by its content hash. */
  removedSource(sha: string): void {
    this.sources.set(sha, null)
  }

  /** The sources of a paper removed with it. */
  removedSourcesOf(key: string): void {
    for (const [sha, row] of this.sources) if (row?.key === key) this.sources.set(sha, null)
  }
}
