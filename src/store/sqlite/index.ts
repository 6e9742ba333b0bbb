import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import type { Correction, TrackedCommitment } from '../../link/status.js'
import type { Document, InputForm } from '../../model/document.js'
import { type ListQuery, type PostingList, Scratch } from '../../search/bm25.js'
import { PaperColumns, runSearch } from '../../search/engine.js'
import { type ParsedQuery, queryStems, type Term } from '../../search/query.js'
import { stemText } from '../../search/stem.js'
import {
  DICTIONARY_SIZE,
  type Dictionary,
  joinDocument,
  MAX_DICTIONARIES,
  PACK_KINDS,
  Packer,
  type PackKind,
  sampleDictionary,
  splitDocument,
  TRAIN_AT,
} from '../codec.js'
import { dateBounds, emptyResult, FORM_RANK, type HitRow, prepareSearch, ResultCache, searchHit, unpackLegacy } from '../shared.js'
import type { Citations, CommitmentList, CommitmentQuery, DossierView, FollowStatus, TimelineEntry } from '../store.js'
import {
  documentNummerOf,
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
import { EVENTS_TABLE, LINK_TABLES, PAPER_DOSSIERS_TABLE, SPEAKERS_TABLE, SqliteLinks, type StoredEvent } from './links.js'
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
  // 9: values packed with dictionaries made from the store's papers (see codec.ts), the Document kept once (its
  // text in \`text\`, a text file's source text not at all: it is the raw bytes decoded), raw sources, linking
  // profiles, commitment records and timeline sentences packed too (blobs now, in columns still declared TEXT:
  // SQLite keeps a blob as it is given); every value is written again by \`repack\`. Two indexes go: (dossier, date) is served by
  // (dossier, sender, date), and nothing looks papers up by sender alone (the search filters in memory).
  `CREATE TABLE dictionaries (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, papers INTEGER NOT NULL, bytes BLOB NOT NULL);
   DROP INDEX papers_dossier;
   DROP INDEX papers_sender;`,
]

/** A row of `dictionaries`. */
interface DictionaryRow {
  id: number
  kind: string
  papers: number
  bytes: Buffer
}

const fromRow = (r: DictionaryRow): Dictionary => ({ id: r.id, kind: r.kind as PackKind, papers: r.papers, bytes: r.bytes })

/** A row of `papers` as the queries select it: the summary's columns and the bookkeeping. */
type PaperRow = Omit<PaperSummary, 'sourceName' | 'sha256'> & { rowid: number; form: InputForm; source_sha: string; reader_version: number }

/**
 * The papers table's filter and facet columns in memory (see `search/engine.ts`).
 * Rows written by this or another process are picked up by their `seq` when
 * the file's data version changes.
 */
class FacetCache extends PaperColumns {
  private seq = 0
  // Rows written since `takeChanges` was last called; `overflow` once they are too many to list, or a row was removed.
  private pending: number[] = []
  private overflow = true
  private version = -1
  private removals = '0'
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
      this.clear()
      this.seq = 0
      this.overflow = true
    }
    for (const r of this.changed.all(this.seq)) {
      if (!this.overflow) {
        if (this.pending.length < FacetCache.MAX_PENDING) this.pending.push(r.rowid)
        else this.overflow = true
      }
      // FTS5's own count of the paper's tokens: the first varint of its docsize record.
      this.set({ ...r, length: r.sz ? (varints(r.sz)[0] ?? 0) : 0 })
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
  /** Packs and unpacks stored values with the store's dictionaries. */
  readonly packer: Packer
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
    this.packer = new Packer((id) => this.dictionary(id))
    this.migrate()
    this.loadDictionaries()
    this.links = new SqliteLinks(this.db, this.packer)
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
      doc: this.db.prepare<[string], { doc: Buffer; text: Buffer }>('SELECT doc, text FROM papers WHERE key = ?'),
      raw: this.db.prepare<[string], { bytes: Buffer }>('SELECT s.bytes FROM papers p JOIN sources s ON s.sha256 = p.source_sha WHERE p.key = ?'),
      count: this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM papers'),
      topRow: this.db.prepare<[], number | null>('SELECT max(rowid) FROM papers').pluck(),
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
        if (v + 1 === 9) this.repack()
        this.db.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(String(v + 1))
      })()
    }
    return version
  }

  /** Indexes every stored paper's stems again (migration 4). */
  private rebuildFts(): void {
    const insert = this.db.prepare('INSERT INTO papers_fts (rowid, stems) VALUES (?, ?)')
    const rows = this.db.prepare<[], { rowid: number; title: string | null; text: Buffer }>('SELECT rowid, title, text FROM papers ORDER BY rowid').all()
    for (const r of rows) insert.run(r.rowid, stemText(`${r.title ?? ''} ${unpackLegacy(r.text)}`))
  }

  /** Sets `tk_nummer` on papers read from open-data files before the column existed (migration 5). */
  private backfillTkNummer(): void {
    const set = this.db.prepare('UPDATE papers SET tk_nummer = ? WHERE key = ?')
    const rows = this.db.prepare<[], { key: string; doc: Buffer }>("SELECT key, doc FROM papers WHERE form = 'open-data'").all()
    for (const { key, doc } of rows) set.run(documentNummerOf(JSON.parse(unpackLegacy(doc)) as Document), key)
  }

  /** Fills the linking tables from the Documents of a store made before they existed, oldest paper first. */
  private backfillLinks(): void {
    const links = new SqliteLinks(this.db, this.packer)
    const rows = this.db.prepare<[], { key: string; doc: Buffer }>('SELECT key, doc FROM papers ORDER BY date, key').all()
    for (const { key, doc: blob } of rows) {
      const doc = JSON.parse(unpackLegacy(blob)) as Document
      links.derive(doc, { key, id: doc.id, date: doc.date, sender: doc.sender, dossier: doc.dossier })
    }
  }

  /**
   * Migration 9: every stored value in the packed form of \`codec.ts\`, with
   * dictionaries made from the store's papers first (when it has enough).
   * Documents lose their clean text (kept in \`text\`) and a text file's
   * source text. A thousand rows at a time, so a store of a million papers
   * is never in memory at once.
   */
  private repack(): void {
    const top = this.db.prepare<[], number | null>('SELECT max(rowid) FROM papers').pluck().get() ?? 0
    const legacyPaper = this.db.prepare<[number], { doc: Buffer; text: Buffer; bytes: Buffer | null; key: string }>(
      'SELECT p.doc, p.text, s.bytes, p.key FROM papers p LEFT JOIN sources s ON s.sha256 = p.source_sha WHERE p.rowid >= ? ORDER BY p.rowid LIMIT 1',
    )
    if (top >= (TRAIN_AT[0] as number)) {
      // About 200 papers spread over the store, with their profiles and records as they were stored.
      const spread = Array.from({ length: 200 }, (_, k) => legacyPaper.get(Math.floor((k * top) / 200) + 1)).filter((r) => r !== undefined)
      const profile = this.db.prepare<[string], string | Buffer>('SELECT profile FROM profiles WHERE paper_key = ?').pluck()
      const record = this.db.prepare<[string], string | Buffer>('SELECT record FROM commitments WHERE paper_key = ? LIMIT 1').pluck()
      const strings = (values: Array<string | Buffer | undefined>) => values.filter((v): v is string => typeof v === 'string').map((v) => Buffer.from(v))
      this.train(top, {
        text: spread.map((p) => Buffer.from(unpackLegacy(p.text))),
        doc: spread.map((p) => Buffer.from(splitDocument(JSON.parse(unpackLegacy(p.doc)) as Document, p.bytes ?? Buffer.alloc(0)).json)),
        profile: strings(spread.map((p) => profile.get(p.key))),
        record: strings(spread.map((p) => record.get(p.key))),
      })
    }
    /** Runs \`each\` over the rows \`select\` gives after the last key, a thousand at a time. */
    const inChunks = <R, K>(select: Database.Statement<[K], R>, first: K, keyOf: (r: R) => K, each: (r: R) => void) => {
      let after = first
      for (;;) {
        const rows = select.all(after)
        for (const r of rows) each(r)
        if (rows.length < 1000) return
        after = keyOf(rows[rows.length - 1] as R)
      }
    }
    const setPaper = this.db.prepare('UPDATE papers SET doc = ?, text = ? WHERE rowid = ?')
    inChunks(
      this.db.prepare<[number], { rowid: number; doc: Buffer; text: Buffer; bytes: Buffer | null }>(
        'SELECT p.rowid, p.doc, p.text, s.bytes FROM papers p LEFT JOIN sources s ON s.sha256 = p.source_sha WHERE p.rowid > ? ORDER BY p.rowid LIMIT 1000',
      ),
      0,
      (r) => r.rowid,
      (p) => {
        const stored = splitDocument(JSON.parse(unpackLegacy(p.doc)) as Document, p.bytes ?? Buffer.alloc(0))
        setPaper.run(this.packer.pack('doc', stored.json), this.packer.pack('text', stored.text), p.rowid)
      },
    )
    const setSource = this.db.prepare('UPDATE sources SET bytes = ? WHERE rowid = ?')
    inChunks(
      this.db.prepare<[number], { rowid: number; bytes: Buffer }>('SELECT rowid, bytes FROM sources WHERE rowid > ? ORDER BY rowid LIMIT 1000'),
      0,
      (r) => r.rowid,
      (s) => setSource.run(this.packer.pack('text', s.bytes), s.rowid),
    )
    // A profile, record or event the backfill of migration 3 wrote in this same run is packed already.
    const setProfile = this.db.prepare('UPDATE profiles SET profile = ? WHERE paper_key = ?')
    inChunks(
      this.db.prepare<[string], { paper_key: string; profile: string | Buffer }>(
        'SELECT paper_key, profile FROM profiles WHERE paper_key > ? ORDER BY paper_key LIMIT 1000',
      ),
      '',
      (r) => r.paper_key,
      (p) => {
        if (typeof p.profile === 'string') setProfile.run(this.packer.pack('profile', p.profile), p.paper_key)
      },
    )
    const setRecord = this.db.prepare('UPDATE commitments SET record = ? WHERE id = ?')
    inChunks(
      this.db.prepare<[string], { id: string; record: string | Buffer }>('SELECT id, record FROM commitments WHERE id > ? ORDER BY id LIMIT 1000'),
      '',
      (r) => r.id,
      (c) => {
        if (typeof c.record === 'string') setRecord.run(this.packer.pack('record', c.record), c.id)
      },
    )
    // Events a row each (a store made before schema 9): one packed array a paper, into a new table.
    const columns = this.db.prepare<[], { name: string }>('PRAGMA table_info(events)').all()
    if (columns.some((c) => c.name === 'sentence')) {
      this.db.exec(`ALTER TABLE events RENAME TO events_rows; ${EVENTS_TABLE}`)
      const insert = this.db.prepare('INSERT INTO events (paper_key, items) VALUES (?, ?)')
      const of = this.db.prepare<[string], StoredEvent>('SELECT start, end, text, sentence FROM events_rows WHERE paper_key = ? ORDER BY ord')
      inChunks(
        this.db.prepare<[string], { paper_key: string }>('SELECT DISTINCT paper_key FROM events_rows WHERE paper_key > ? ORDER BY paper_key LIMIT 1000'),
        '',
        (r) => r.paper_key,
        (r) => insert.run(r.paper_key, this.packer.pack('record', JSON.stringify(of.all(r.paper_key)))),
      )
      this.db.exec('DROP TABLE events_rows')
    }
  }

  /** Makes every dictionary in the file known to the packer. */
  private loadDictionaries(): void {
    for (const d of this.db.prepare<[], DictionaryRow>('SELECT id, kind, papers, bytes FROM dictionaries ORDER BY id').all()) this.packer.add(fromRow(d))
  }

  /** A dictionary by id, read from the file (another process may have made it since this one opened it). */
  private dictionary(id: number): Dictionary | null {
    const row = this.db.prepare<[number], DictionaryRow>('SELECT id, kind, papers, bytes FROM dictionaries WHERE id = ?').get(id)
    return row ? fromRow(row) : null
  }

  /** Makes and keeps a dictionary of each kind from the samples given (see `sampleDictionary`); the packer uses them from now on. */
  private train(papers: number, samples: Record<PackKind, Uint8Array[]>): void {
    const insert = this.db.prepare('INSERT INTO dictionaries (id, kind, papers, bytes) VALUES (?, ?, ?, ?)')
    for (const kind of PACK_KINDS) {
      const bytes = sampleDictionary(samples[kind], DICTIONARY_SIZE[kind])
      if (bytes.length === 0) continue
      const id = (this.db.prepare<[], number | null>('SELECT max(id) FROM dictionaries').pluck().get() ?? 0) + 1
      if (id > MAX_DICTIONARIES) return
      insert.run(id, kind, papers, Buffer.from(bytes))
      this.packer.add({ id, kind, papers, bytes })
    }
  }

  /**
   * Makes new dictionaries when the store has grown past the next of
   * \`TRAIN_AT\` since the last were made, from papers spread over the store.
   * Runs in a write transaction, before the papers of that write are packed.
   */
  private trainIfDue(): void {
    // The highest row id stands for the number of papers: count(*) reads a whole index (tens of ms a write
    // at a million papers), and only a removal makes the two differ.
    const count = this.stmt.topRow.get() ?? 0
    const last = this.packer.current('text')?.papers ?? 0
    const due = TRAIN_AT.filter((n) => n <= count && n > last)
    if (due.length === 0) return
    // Stored by another process meanwhile: that one trained already.
    const newest = this.db.prepare<[], number | null>("SELECT max(papers) FROM dictionaries WHERE kind = 'text'").pluck().get() ?? 0
    if (newest >= (due[due.length - 1] as number)) {
      this.loadDictionaries()
      return
    }
    // About 200 papers spread over the row ids, enough to fill each dictionary with whole papers of a few KB.
    const sample = this.db.prepare<[number], { doc: Buffer; text: Buffer; profile: Buffer | null; record: Buffer | null }>(
      `SELECT p.doc, p.text, f.profile, (SELECT c.record FROM commitments c WHERE c.paper_key = p.key LIMIT 1) AS record
       FROM papers p LEFT JOIN profiles f ON f.paper_key = p.key WHERE p.rowid >= ? ORDER BY p.rowid LIMIT 1`,
    )
    const rows = Array.from({ length: 200 }, (_, k) => sample.get(Math.floor((k * count) / 200) + 1)).filter((r) => r !== undefined)
    this.train(count, {
      text: rows.map((r) => this.packer.unpack(r.text)),
      doc: rows.map((r) => this.packer.unpack(r.doc)),
      profile: rows.filter((r) => r.profile).map((r) => this.packer.unpack(r.profile as Buffer)),
      record: rows.filter((r) => r.record).map((r) => this.packer.unpack(r.record as Buffer)),
    })
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
    return this.putMany([{ doc, raw }], force)[0] as PutResult
  }

  putMany(items: Array<{ doc: Document; raw: Uint8Array }>, force = false): PutResult[] {
    this.facets.invalidate()
    return this.writing(() => {
      this.trainIfDue()
      return items.map(({ doc, raw }) => this.putOne(doc, raw, force))
    })
  }

  /**
   * Runs a write in a transaction that takes the write lock at its start
   * (two processes that both find dictionaries due must not both make them).
   * A dictionary made in a transaction that rolls back is forgotten: it is
   * not in the file, and nothing may be packed with it.
   */
  private writing<T>(work: () => T): T {
    const known = this.packer.highest()
    try {
      return this.db.transaction(work).immediate()
    } catch (e) {
      this.packer.forgetAbove(known)
      throw e
    }
  }

  /** Every raw source kept, for `kamerwacht reindex`: listed first, so the caller may write while it reads them. */
  sources(): Array<{ sha256: string; name: string; bytes: () => Uint8Array }> {
    const bytes = this.db.prepare<[string], { bytes: Buffer }>('SELECT bytes FROM sources WHERE sha256 = ?')
    return this.db
      .prepare<[], { sha256: string; name: string }>('SELECT sha256, name FROM sources ORDER BY sha256')
      .all()
      .map((r) => ({ ...r, bytes: () => new Uint8Array(this.packer.unpack((bytes.get(r.sha256) as { bytes: Buffer }).bytes)) }))
  }

  private putOne(doc: Document, raw: Uint8Array, force: boolean): PutResult {
    const sha = doc.source.sha256
    const known = this.stmt.source.get(sha)
    if (known && known.reader_version >= READER_VERSION && !force) return 'unchanged'
    const key = paperKey(doc)
    // Read again under another key (a reader that now finds an id or a subject): its paper under the old key goes.
    if (known && known.key !== key && this.stmt.paperByKey.get(known.key)?.source_sha === sha) this.removePaper(known.key, { keepSources: true })
    this.stmt.insertSource.run(sha, key, doc.source.name, doc.form, READER_VERSION, this.packer.pack('text', raw))
    const existing = this.stmt.paperByKey.get(key)
    // Another form of a paper already stored replaces it only when it is read as well or better.
    if (existing && existing.source_sha !== sha && existing.reader_version >= READER_VERSION && FORM_RANK[existing.form] > FORM_RANK[doc.form])
      return 'unchanged'
    if (existing && force && existing.source_sha !== sha) return 'unchanged'
    const stored = splitDocument(doc, raw)
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
      doc: this.packer.pack('doc', stored.json),
      text: this.packer.pack('text', stored.text),
      tkNummer: documentNummerOf(doc),
    }
    const stems = stemText(`${doc.title ?? ''} ${doc.text}`)
    const ref = { key, id: doc.id, date: doc.date, sender: doc.sender, dossier: doc.dossier }
    if (existing) {
      const old = this.stmt.paperText.get(existing.rowid) as { title: string | null; text: Buffer }
      this.stmt.deleteFts.run(existing.rowid, stemText(`${old.title ?? ''} ${this.packer.unpackText(old.text)}`))
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
    this.stmt.deleteFts.run(existing.rowid, stemText(`${old.title ?? ''} ${this.packer.unpackText(old.text)}`))
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
    this.writing(() => {
      this.trainIfDue()
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
    })
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
    return blob ? joinDocument(this.packer.unpackText(blob.doc), this.packer.unpackText(blob.text), () => this.raw(row.key)) : null
  }

  raw(idOrKey: string): Uint8Array | null {
    const row = this.row(idOrKey)
    if (!row) return null
    const r = this.stmt.raw.get(row.key)
    return r ? new Uint8Array(this.packer.unpack(r.bytes)) : null
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
      const text = `${paper.title ?? ''} ${this.packer.unpackText(paper.text)}`
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
    const found = runSearch(
      c,
      hasWords ? this.listQuery(parsed) : null,
      parsed,
      filters,
      { sort: request.sort, sinceSeq: request.sinceSeq, bounds: dateBounds(filters.from, filters.to), limit, offset },
      {
        // `spreker:Wiebes`: the rows of the debate records with a speaker so labelled (few; looked up, not cached).
        speaker: filters.speaker ? new Set(this.stmt.speakerRows.all(filters.speaker.toLowerCase())) : null,
        // `stuk:kst-33783-50`, `2019D21842`: one paper, by id, key or Tweede Kamer number.
        paper: filters.paper ? new Set(this.stmt.paperRows.all(filters.paper, filters.paper, filters.paper, `nds-tk-${filters.paper}`)) : null,
      },
      this.scratch,
    )
    const { stems, prefixes } = queryStems(parsed)
    const { scores } = found
    return {
      total: found.total,
      hits: found.page.map((r) =>
        searchHit(this.stmt.hit.get(r) as HitRow, (t) => this.packer.unpackText(t), scores ? (scores[r] as number) : 0, stems, prefixes),
      ),
      facets: found.facets,
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
