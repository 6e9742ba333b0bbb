import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import type { Correction, TrackedCommitment } from '../../link/status.js'
import type { Document, InputForm } from '../../model/document.js'
import { type ListQuery, match, type PostingList, Scratch, score, topK } from '../../search/bm25.js'
import { type ParsedQuery, queryStems, rankable, type Term } from '../../search/query.js'
import { stemText } from '../../search/stem.js'
import { dateBounds, emptyResult, FORM_RANK, type HitRow, pack, prepareSearch, ResultCache, searchHit, topFacet, unpack } from '../shared.js'
import type { Citations, CommitmentList, CommitmentQuery, DossierView, FollowStatus, TimelineEntry } from '../store.js'
import {
  documentNummerOf,
  type Facet,
  type MissingContent,
  type OpenDataRecord,
  type PaperSummary,
  type PutResult,
  paperKey,
  READER_VERSION,
  type SearchRequest,
  type SearchResult,
  type SyncApplied,
  type SyncItem,
} from '../store.js'
import { LINK_TABLES, PAPER_DOSSIERS_TABLE, SPEAKERS_TABLE, SqliteLinks } from './links.js'
import { OPEN_DATA_TABLES, SqliteOpenData } from './opendata.js'
import { FtsPostings, varints } from './postings.js'

// Versioned migrations: each runs once, in order, in a transaction; `meta.schema_version` says how far a file is.
const MIGRATIONS: string[] = [
  `CREATE TABLE papers (
     rowid INTEGER PRIMARY KEY,
     key TEXT NOT NULL UNIQUE,
     id TEXT,
     type TEXT,
     date TEXT,
     year INTEGER,
     sender TEXT,
     title TEXT,
     dossier TEXT,
     form TEXT NOT NULL,
     source_sha TEXT NOT NULL,
     reader_version INTEGER NOT NULL,
     doc BLOB NOT NULL,
     text BLOB NOT NULL
   );
   CREATE INDEX papers_id ON papers(id);
   CREATE INDEX papers_date ON papers(date);
   CREATE INDEX papers_type ON papers(type, date);
   CREATE INDEX papers_dossier ON papers(dossier, date);
   CREATE INDEX papers_sender ON papers(sender, date);
   CREATE TABLE sources (
     sha256 TEXT PRIMARY KEY,
     key TEXT NOT NULL,
     name TEXT NOT NULL,
     form TEXT NOT NULL,
     reader_version INTEGER NOT NULL,
     bytes BLOB NOT NULL
   );
   CREATE INDEX sources_key ON sources(key);
   CREATE VIRTUAL TABLE papers_fts USING fts5(stems, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');`,
  // 2: a change counter, so a searching process can pick up what another process wrote.
  `ALTER TABLE papers ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
   UPDATE papers SET seq = rowid;
   CREATE INDEX papers_seq ON papers(seq);`,
  // 3: the citation graph, dated events, promises and their fulfilments (filled for stored papers by `backfillLinks`).
  LINK_TABLES,
  // 4: the full-text index again, filled by `rebuildFts`. Deleting from a contentless_delete table left FTS5's
  // row count and total length (BM25's N and average length) stale; now a paper's old stems are removed with
  // the 'delete' command, which keeps them right.
  `DROP TABLE papers_fts;
   CREATE VIRTUAL TABLE papers_fts USING fts5(stems, content='', tokenize='unicode61 remove_diacritics 0');`,
  // 5: open-data records, content status and sync state; `tk_nummer` filled by `backfillTkNummer`.
  OPEN_DATA_TABLES,
  // 6: who speaks in a debate record (see SPEAKERS_TABLE). A store that ran migration 3 after the table joined
  // the link tables has it already. Filled as papers are read again (READER_VERSION 6): those stored before had no turns.
  SPEAKERS_TABLE.replace('CREATE TABLE', 'CREATE TABLE IF NOT EXISTS'),
  // 7: saved searches and dossiers followed (`kamerwacht follow`), with the write counter at the last visit.
  'CREATE TABLE follows (name TEXT PRIMARY KEY, query TEXT NOT NULL, created TEXT NOT NULL, seen_seq INTEGER NOT NULL DEFAULT 0, seen_at TEXT);',
  // 8: the further dossiers a paper is printed in (see PAPER_DOSSIERS_TABLE); filled as papers are read again.
  PAPER_DOSSIERS_TABLE.replace('CREATE TABLE', 'CREATE TABLE IF NOT EXISTS').replace('CREATE INDEX', 'CREATE INDEX IF NOT EXISTS'),
]

/** A row of `papers` as the queries select it: the summary's columns and the bookkeeping. */
type PaperRow = Omit<PaperSummary, 'sourceName' | 'sha256'> & { rowid: number; form: InputForm; source_sha: string; reader_version: number }

/** Interns the values of one column as small integer codes (0 = none). */
class Codes {
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
const dayNumber = (date: string | null) => (date ? Number(date.slice(0, 10).replace(/-/g, '')) : 0)

/**
 * The papers table's filter and facet columns in memory, as integer codes in
 * typed arrays indexed by rowid, so that filters, the total and four facets
 * cost one tight loop over the matches instead of a query each. Rows written
 * by this or another process are picked up by their `seq` when the file's
 * data version changes.
 */
class FacetCache {
  readonly type = new Codes()
  readonly sender = new Codes()
  readonly dossier = new Codes()
  types = new Int32Array(1024)
  senders = new Int32Array(1024)
  dossiers = new Int32Array(1024)
  days = new Int32Array(1024)
  /** Length in tokens of each paper's indexed stems (FTS5's own count), for BM25. */
  lengths = new Int32Array(1024)
  present = new Uint8Array(1024)
  /** The lengths summed. */
  tokens = 0
  private seq = 0
  private count = 0
  // Rows written since `takeChanges` was last called; `overflow` once they are too many to list, or a row was removed.
  private pending: number[] = []
  private overflow = true
  private version = -1
  private removals = '0'
  private readonly changed
  private readonly dataVersion
  private readonly removalCount

  constructor(db: Database.Database) {
    this.changed = db.prepare<
      [number],
      { rowid: number; type: string | null; date: string | null; sender: string | null; dossier: string | null; seq: number; sz: Buffer | null }
    >(
      'SELECT p.rowid, p.type, p.date, p.sender, p.dossier, p.seq, d.sz FROM papers p LEFT JOIN papers_fts_docsize d ON d.id = p.rowid WHERE p.seq > ? ORDER BY p.seq',
    )
    this.dataVersion = db.prepare('PRAGMA data_version').pluck()
    this.removalCount = db.prepare("SELECT value FROM meta WHERE key = 'removals'").pluck()
  }

  private grow(rowid: number): void {
    if (rowid < this.present.length) return
    let n = this.present.length
    while (n <= rowid) n *= 2
    const widen = <T extends Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(n)
      b.set(a)
      return b
    }
    this.types = widen(this.types, (k) => new Int32Array(k))
    this.senders = widen(this.senders, (k) => new Int32Array(k))
    this.dossiers = widen(this.dossiers, (k) => new Int32Array(k))
    this.days = widen(this.days, (k) => new Int32Array(k))
    this.lengths = widen(this.lengths, (k) => new Int32Array(k))
    this.present = widen(this.present, (k) => new Uint8Array(k))
  }

  /** Changes whenever a paper is written or removed, by this process or another. */
  get stamp(): string {
    return `${this.seq}:${this.removals}`
  }

  refresh(): this {
    const v = this.dataVersion.get() as number
    if (v === this.version) return this
    this.version = v
    // A removed paper leaves no row to find by `seq`: a removal (rare: a sync's deletion) makes the cache start over.
    const removals = String(this.removalCount.get() ?? '0')
    if (removals !== this.removals) {
      this.removals = removals
      this.present.fill(0)
      this.count = 0
      this.tokens = 0
      this.seq = 0
      this.overflow = true
    }
    for (const r of this.changed.all(this.seq)) {
      this.grow(r.rowid)
      if (!this.overflow) {
        if (this.pending.length < FacetCache.MAX_PENDING) this.pending.push(r.rowid)
        else this.overflow = true
      }
      this.types[r.rowid] = this.type.code(r.type)
      this.senders[r.rowid] = this.sender.code(r.sender)
      this.dossiers[r.rowid] = this.dossier.code(r.dossier)
      this.days[r.rowid] = dayNumber(r.date)
      if (this.present[r.rowid]) this.tokens -= this.lengths[r.rowid] as number
      else this.count++
      this.lengths[r.rowid] = r.sz ? (varints(r.sz)[0] ?? 0) : 0
      this.tokens += this.lengths[r.rowid] as number
      this.present[r.rowid] = 1
      this.seq = Math.max(this.seq, r.seq)
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

  /** How many papers there are. */
  get size(): number {
    return this.count
  }

  rowids(): Int32Array {
    const out = new Int32Array(this.count)
    let k = 0
    for (let r = 0; r < this.present.length && k < out.length; r++) if (this.present[r]) out[k++] = r
    return out.subarray(0, k)
  }
}

/**
 * The embedded store: one SQLite file, FTS5 over Dutch stems, raw sources
 * kept beside each paper. Synchronous, as better-sqlite3 is; `EmbeddedStore`
 * gives it the asynchronous `Store` interface.
 */
export class SqliteStore {
  readonly db: Database.Database
  private readonly stmt
  private readonly facets: FacetCache
  private readonly links: SqliteLinks
  private readonly openDataTables: SqliteOpenData

  private readonly results: ResultCache
  private readonly postings: FtsPostings
  private readonly scratch = new Scratch()

  /**
   * Opens (and migrates) a store file. `searchCache` is how many recent search
   * results are kept (default 256; 0 turns it off): a repeated search costs a
   * map lookup, and every write, by any process, empties the cache.
   * `postingsMb` bounds the posting lists kept for ranking (default 64 MB; see
   * `FtsPostings`).
   */
  constructor(file: string, options: { searchCache?: number; postingsMb?: number } = {}) {
    this.results = new ResultCache(Math.max(0, options.searchCache ?? 256))
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
    this.db = new Database(file)
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = NORMAL')
    this.db.pragma('busy_timeout = 10000')
    this.db.pragma('foreign_keys = ON')
    this.migrate()
    this.links = new SqliteLinks(this.db)
    this.openDataTables = new SqliteOpenData(this.db)
    this.stmt = {
      source: this.db.prepare<[string], { key: string; reader_version: number }>('SELECT key, reader_version FROM sources WHERE sha256 = ?'),
      paperByKey: this.db.prepare<[string], PaperRow>(
        'SELECT rowid, key, id, type, date, sender, title, dossier, form, source_sha, reader_version FROM papers WHERE key = ?',
      ),
      paperById: this.db.prepare<[string], PaperRow>(
        'SELECT rowid, key, id, type, date, sender, title, dossier, form, source_sha, reader_version FROM papers WHERE id = ? LIMIT 1',
      ),
      paperByTkNummer: this.db.prepare<[string], PaperRow>(
        'SELECT rowid, key, id, type, date, sender, title, dossier, form, source_sha, reader_version FROM papers WHERE tk_nummer = ? LIMIT 1',
      ),
      deletePaper: this.db.prepare('DELETE FROM papers WHERE rowid = ?'),
      rowsSince: this.db.prepare<[number], number>('SELECT rowid FROM papers WHERE seq > ?').pluck(),
      maxSeq: this.db.prepare<[], number | null>('SELECT max(seq) FROM papers').pluck(),
      follows: this.db.prepare<[], { name: string; query: string; created: string; seen_seq: number; seen_at: string | null }>(
        'SELECT name, query, created, seen_seq, seen_at FROM follows ORDER BY name',
      ),
      saveFollow: this.db.prepare('INSERT INTO follows (name, query, created) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET query = excluded.query'),
      removeFollow: this.db.prepare('DELETE FROM follows WHERE name = ?'),
      seeFollow: this.db.prepare('UPDATE follows SET seen_seq = ?, seen_at = ? WHERE name = ?'),
      paperRows: this.db
        .prepare<[string, string, string, string], number>('SELECT rowid FROM papers WHERE id = ? OR key = ? OR tk_nummer = ? OR id = ?')
        .pluck(),
      speakerRows: this.db
        .prepare<[string], number>('SELECT DISTINCT p.rowid FROM speakers s JOIN papers p ON p.key = s.paper_key WHERE instr(lower(s.label), ?) > 0')
        .pluck(),
      deleteSources: this.db.prepare('DELETE FROM sources WHERE key = ?'),
      deleteSource: this.db.prepare("DELETE FROM sources WHERE sha256 = ? AND form = 'open-data'"),
      countRemoval: this.db.prepare("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'removals'"),
      insertSource: this.db.prepare(
        'INSERT INTO sources (sha256, key, name, form, reader_version, bytes) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(sha256) DO UPDATE SET key = excluded.key, name = excluded.name, form = excluded.form, reader_version = excluded.reader_version',
      ),
      insertPaper: this.db.prepare(
        'INSERT INTO papers (key, id, type, date, year, sender, title, dossier, form, source_sha, reader_version, doc, text, tk_nummer, seq) VALUES (@key, @id, @type, @date, @year, @sender, @title, @dossier, @form, @sha, @version, @doc, @text, @tkNummer, (SELECT coalesce(max(seq), 0) + 1 FROM papers))',
      ),
      updatePaper: this.db.prepare(
        'UPDATE papers SET id = @id, type = @type, date = @date, year = @year, sender = @sender, title = @title, dossier = @dossier, form = @form, source_sha = @sha, reader_version = @version, doc = @doc, text = @text, tk_nummer = @tkNummer, seq = (SELECT coalesce(max(seq), 0) + 1 FROM papers) WHERE key = @key',
      ),
      // FTS5's BM25 needs the row count and total length; on a contentless table only the
      // 'delete' command with the old stems keeps them right (a plain DELETE leaves them stale).
      deleteFts: this.db.prepare("INSERT INTO papers_fts (papers_fts, rowid, stems) VALUES ('delete', ?, ?)"),
      paperText: this.db.prepare<[number], { title: string | null; text: Buffer }>('SELECT title, text FROM papers WHERE rowid = ?'),
      insertFts: this.db.prepare('INSERT INTO papers_fts (rowid, stems) VALUES (?, ?)'),
      doc: this.db.prepare<[string], { doc: Buffer }>('SELECT doc FROM papers WHERE key = ?'),
      raw: this.db.prepare<[string], { bytes: Buffer }>('SELECT s.bytes FROM papers p JOIN sources s ON s.sha256 = p.source_sha WHERE p.key = ?'),
      count: this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM papers'),
      hit: this.db.prepare('SELECT key, id, title, type, date, sender, text, tk_nummer FROM papers WHERE rowid = ?'),
    }
    this.facets = new FacetCache(this.db)
    this.postings = new FtsPostings(this.db, Math.max(0, options.postingsMb ?? 64) * 1024 * 1024, (row) => this.facets.lengths[row] ?? 0)
  }

  /** Runs pending migrations, each with its data step; returns the version the file was at. */
  private migrate(): number {
    this.db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)')
    const row = this.db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'schema_version'").get()
    const version = row ? Number(row.value) : 0
    if (version > MIGRATIONS.length) throw new Error(`database schema ${version} is newer than this kamerwacht (${MIGRATIONS.length}); upgrade kamerwacht`)
    for (let v = version; v < MIGRATIONS.length; v++) {
      // A migration's data step runs in its transaction: a crash leaves the file at the version before.
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v] as string)
        if (v + 1 === 3) this.backfillLinks()
        if (v + 1 === 4) this.rebuildFts()
        if (v + 1 === 5) this.backfillTkNummer()
        this.db.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(String(v + 1))
      })()
    }
    return version
  }

  /** Indexes every stored paper's stems again (migration 4). */
  private rebuildFts(): void {
    const insert = this.db.prepare('INSERT INTO papers_fts (rowid, stems) VALUES (?, ?)')
    const rows = this.db.prepare<[], { rowid: number; title: string | null; text: Buffer }>('SELECT rowid, title, text FROM papers ORDER BY rowid').all()
    for (const r of rows) insert.run(r.rowid, stemText(`${r.title ?? ''} ${unpack(r.text)}`))
  }

  /** Sets `tk_nummer` on papers read from open-data files before the column existed (migration 5). */
  private backfillTkNummer(): void {
    const set = this.db.prepare('UPDATE papers SET tk_nummer = ? WHERE key = ?')
    const rows = this.db.prepare<[], { key: string; doc: Buffer }>("SELECT key, doc FROM papers WHERE form = 'open-data'").all()
    for (const { key, doc } of rows) set.run(documentNummerOf(JSON.parse(unpack(doc)) as Document), key)
  }

  /** Fills the linking tables from the Documents of a store made before they existed, oldest paper first. */
  private backfillLinks(): void {
    const links = new SqliteLinks(this.db)
    const rows = this.db.prepare<[], { key: string; doc: Buffer }>('SELECT key, doc FROM papers ORDER BY date, key').all()
    for (const { key, doc: blob } of rows) {
      const doc = JSON.parse(unpack(blob)) as Document
      links.derive(doc, { key, id: doc.id, date: doc.date, sender: doc.sender, dossier: doc.dossier })
    }
  }

  /** Schema version of the open file. */
  schemaVersion(): number {
    return Number(this.db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'schema_version'").get()?.value ?? 0)
  }

  /** Content hashes of every source read by the current reader version. */
  currentShas(): string[] {
    return this.db.prepare<[number], string>('SELECT sha256 FROM sources WHERE reader_version >= ?').pluck().all(READER_VERSION)
  }

  hasCurrent(sha256: string): boolean {
    const row = this.stmt.source.get(sha256)
    return !!row && row.reader_version >= READER_VERSION
  }

  put(doc: Document, raw: Uint8Array, force = false): PutResult {
    this.facets.invalidate()
    return this.db.transaction(() => this.putOne(doc, raw, force))()
  }

  putMany(items: Array<{ doc: Document; raw: Uint8Array }>, force = false): PutResult[] {
    this.facets.invalidate()
    return this.db.transaction(() => items.map(({ doc, raw }) => this.putOne(doc, raw, force)))()
  }

  /** Every raw source kept, for `kamerwacht reindex`: listed first, so the caller may write while it reads them. */
  sources(): Array<{ sha256: string; name: string; bytes: () => Uint8Array }> {
    const bytes = this.db.prepare<[string], { bytes: Buffer }>('SELECT bytes FROM sources WHERE sha256 = ?')
    return this.db
      .prepare<[], { sha256: string; name: string }>('SELECT sha256, name FROM sources ORDER BY sha256')
      .all()
      .map((r) => ({ ...r, bytes: () => new Uint8Array((bytes.get(r.sha256) as { bytes: Buffer }).bytes) }))
  }

  private putOne(doc: Document, raw: Uint8Array, force: boolean): PutResult {
    const sha = doc.source.sha256
    const known = this.stmt.source.get(sha)
    if (known && known.reader_version >= READER_VERSION && !force) return 'unchanged'
    const key = paperKey(doc)
    // Read again under another key (a reader that now finds an id or a subject): its paper under the old key goes.
    if (known && known.key !== key && this.stmt.paperByKey.get(known.key)?.source_sha === sha) this.removePaper(known.key, { keepSources: true })
    this.stmt.insertSource.run(sha, key, doc.source.name, doc.form, READER_VERSION, Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength))
    const existing = this.stmt.paperByKey.get(key)
    // Another form of a paper already stored replaces it only when it is read as well or better.
    if (existing && existing.source_sha !== sha && existing.reader_version >= READER_VERSION && FORM_RANK[existing.form] > FORM_RANK[doc.form])
      return 'unchanged'
    if (existing && force && existing.source_sha !== sha) return 'unchanged'
    const row = {
      key,
      id: doc.id,
      type: doc.type,
      date: doc.date,
      year: doc.date ? Number(doc.date.slice(0, 4)) : null,
      sender: doc.sender,
      title: doc.title,
      dossier: doc.dossier,
      form: doc.form,
      sha,
      version: READER_VERSION,
      doc: pack(JSON.stringify(doc)),
      text: pack(doc.text),
      tkNummer: documentNummerOf(doc),
    }
    const stems = stemText(`${doc.title ?? ''} ${doc.text}`)
    const ref = { key, id: doc.id, date: doc.date, sender: doc.sender, dossier: doc.dossier }
    if (existing) {
      const old = this.stmt.paperText.get(existing.rowid) as { title: string | null; text: Buffer }
      this.stmt.deleteFts.run(existing.rowid, stemText(`${old.title ?? ''} ${unpack(old.text)}`))
      this.stmt.updatePaper.run(row)
      this.stmt.insertFts.run(existing.rowid, stems)
      this.links.derive(doc, ref)
      return 'updated'
    }
    const { lastInsertRowid } = this.stmt.insertPaper.run(row)
    this.stmt.insertFts.run(lastInsertRowid, stems)
    this.links.derive(doc, ref)
    return 'new'
  }

  private row(idOrKey: string): PaperRow | undefined {
    return this.stmt.paperByKey.get(idOrKey) ?? this.stmt.paperById.get(idOrKey) ?? this.stmt.paperByTkNummer.get(idOrKey)
  }

  /** Removes a paper, its index entry, what was derived from it and (unless kept) its raw sources; false when there is none. */
  private removePaper(key: string, { keepSources = false } = {}): boolean {
    const existing = this.stmt.paperByKey.get(key)
    if (!existing) return false
    const old = this.stmt.paperText.get(existing.rowid) as { title: string | null; text: Buffer }
    this.stmt.deleteFts.run(existing.rowid, stemText(`${old.title ?? ''} ${unpack(old.text)}`))
    this.links.clear(key)
    this.stmt.deletePaper.run(existing.rowid)
    if (!keepSources) this.stmt.deleteSources.run(key)
    this.stmt.countRemoval.run()
    return true
  }

  /** See `Store.applySync`. */
  applySync(source: string, items: SyncItem[], state: unknown): SyncApplied {
    this.facets.invalidate()
    const out: SyncApplied = { records: 0, papers: { new: 0, updated: 0, unchanged: 0 }, removed: 0 }
    const od = this.openDataTables
    this.db.transaction(() => {
      for (const { record, paper } of items) {
        out.records++
        const before = record.entity === 'Document' ? od.paperOf(record.id) : null
        const drop = (key: string | null) => {
          if (key && !od.sharedByOthers(key, record.id) && this.removePaper(key)) out.removed++
        }
        if (record.deleted) {
          od.remove(record.entity, record.id)
          if (record.entity === 'Document') {
            drop(before)
            od.dropContent(record.id)
          }
          continue
        }
        od.upsert(record)
        if (!paper) continue
        const key = paperKey(paper.doc)
        const existing = this.stmt.paperByKey.get(key)
        // A changed record is written again even when its content is the same bytes: its metadata changed.
        const same = existing?.source_sha === paper.doc.source.sha256
        const result = this.putOne(paper.doc, paper.raw, same)
        out.papers[result]++
        // The record's JSON stood in for the text until now; the record itself is kept in od_records.
        if (result === 'updated' && paper.content === 'ok' && existing?.form === 'open-data' && !same) this.stmt.deleteSource.run(existing.source_sha)
        if (before && before !== key) drop(before)
        od.setContent(record.id, key, paper.content, paper.reason ?? null)
      }
      od.setState(source, state)
    })()
    return out
  }

  /** The follows, with how many papers each has new since its last visit. */
  follows(): FollowStatus[] {
    return this.stmt.follows.all().map((f) => ({
      name: f.name,
      query: f.query,
      created: f.created,
      seenSeq: f.seen_seq,
      seenAt: f.seen_at,
      newCount: this.search({ q: f.query, sinceSeq: f.seen_seq, limit: 0 }).total,
    }))
  }

  saveFollow(name: string, query: string, at: string): void {
    this.stmt.saveFollow.run(name, query, at)
  }

  removeFollow(name: string): boolean {
    return this.stmt.removeFollow.run(name).changes > 0
  }

  markFollowSeen(name: string, at: string): boolean {
    return this.stmt.seeFollow.run(this.stmt.maxSeq.get() ?? 0, at, name).changes > 0
  }

  syncState(source: string): unknown {
    return this.openDataTables.state(source)
  }

  openData(entity: string): OpenDataRecord[] {
    return this.openDataTables.records(entity)
  }

  missingContent(): MissingContent[] {
    return this.openDataTables.missing()
  }

  get(idOrKey: string): Document | null {
    const row = this.row(idOrKey)
    if (!row) return null
    const blob = this.stmt.doc.get(row.key)
    return blob ? (JSON.parse(unpack(blob.doc)) as Document) : null
  }

  raw(idOrKey: string): Uint8Array | null {
    const row = this.row(idOrKey)
    if (!row) return null
    const r = this.stmt.raw.get(row.key)
    return r ? new Uint8Array(r.bytes) : null
  }

  count(): number {
    return this.stmt.count.get()?.n ?? 0
  }

  all(): PaperSummary[] {
    const rows = this.db
      .prepare<[], PaperRow & { name: string }>(
        'SELECT p.rowid, p.key, p.id, p.type, p.date, p.sender, p.title, p.dossier, p.form, p.source_sha, p.reader_version, s.name FROM papers p JOIN sources s ON s.sha256 = p.source_sha ORDER BY p.key',
      )
      .all()
    return rows.map((r) => ({
      key: r.key,
      id: r.id,
      type: r.type,
      date: r.date,
      sender: r.sender,
      title: r.title,
      dossier: r.dossier,
      sourceName: r.name,
      sha256: r.source_sha,
    }))
  }

  search(request: SearchRequest): SearchResult {
    if (this.results.size === 0) return this.searchUncached(request)
    const key = this.results.key(request)
    const hit = this.results.get(key, this.facets.refresh().stamp)
    if (hit) return hit
    const result = this.searchUncached(request)
    this.results.set(key, result)
    return result
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

  /** See `Store.warm`: the filter columns, then the lists of the most common terms, up to half the lists' budget. */
  warm(): void {
    this.current()
    this.postings.warm()
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
      const paper = this.stmt.paperText.get(r)
      if (!paper) continue
      const text = `${paper.title ?? ''} ${unpack(paper.text)}`
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

  private searchUncached(request: SearchRequest): SearchResult {
    const { parsed, filters, hasFilters, limit, offset } = prepareSearch(request)
    const hasWords = parsed.must.length > 0
    if (!hasWords && !hasFilters) return emptyResult()
    const c = this.current()
    this.scratch.fit(c.present.length)
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
    // `spreker:Wiebes`: the rows of the debate records with a speaker so labelled (few; looked up, not cached).
    const speakerRows = filters.speaker ? new Set(this.stmt.speakerRows.all(filters.speaker.toLowerCase())) : null
    // `stuk:kst-33783-50`, `2019D21842`: one paper, by id, key or Tweede Kamer number.
    const paperRows = filters.paper ? new Set(this.stmt.paperRows.all(filters.paper, filters.paper, filters.paper, `nds-tk-${filters.paper}`)) : null
    // A follow's new papers: written after its last visit.
    const sinceRows = request.sinceSeq !== undefined ? new Set(this.stmt.rowsSince.all(request.sinceSeq)) : null
    const bounds = dateBounds(filters.from, filters.to)
    const from = dayNumber(bounds.from)
    const to = dayNumber(bounds.to)

    const lists = hasWords ? this.listQuery(parsed) : null
    const ids = lists ? match(lists, this.scratch) : c.rowids()
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
    const { present, types, senders, dossiers, days } = c
    for (let k = 0; k < ids.length; k++) {
      const r = ids[k] as number
      // A row another process wrote after the cache was refreshed is left for the next search.
      if (!present[r]) continue
      const t = types[r] as number
      const sd = senders[r] as number
      const ds = dossiers[r] as number
      const day = days[r] as number
      if (typeMask && !typeMask[t]) continue
      if (dossierMask && !dossierMask[ds]) continue
      if (senderMask && !senderMask[sd]) continue
      if (speakerRows && !speakerRows.has(r)) continue
      if (paperRows && !paperRows.has(r)) continue
      if (sinceRows && !sinceRows.has(r)) continue
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
      score(lists, matched, { rows: c.size, tokens: c.tokens, lengths: c.lengths }, this.scratch)
      const s = this.scratch.scores
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
    const { stems, prefixes } = queryStems(parsed)
    return {
      total,
      hits: page.map((r) => searchHit(this.stmt.hit.get(r) as HitRow, scores ? (scores[r] as number) : 0, stems, prefixes)),
      facets: { type: top(typeCount, c.type), year: topFacet(years), sender: top(senderCount, c.sender), dossier: top(dossierCount, c.dossier) },
    }
  }

  citations(idOrKey: string): Citations | null {
    return this.links.citations(idOrKey)
  }

  dossier(dossier: string, today: string): DossierView | null {
    return this.links.dossier(dossier, today)
  }

  timeline(dossier: string, today: string): TimelineEntry[] {
    return this.links.timeline(dossier, today)
  }

  commitments(query: CommitmentQuery, today: string): CommitmentList {
    return this.links.commitments(query, today)
  }

  commitment(id: string, today: string): TrackedCommitment | null {
    return this.links.commitment(id, today)
  }

  correct(id: string, correction: Correction): boolean {
    if (correction.action === 'fulfilled-by' && !this.links.has(correction.target)) return false
    return this.links.correct(id, correction)
  }

  close(): void {
    this.db.close()
  }
}
