import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import Database from 'better-sqlite3'
import type { Document, InputForm } from '../../model/document.js'
import { parseQuery, queryStems, toFts } from '../../search/query.js'
import { snippet } from '../../search/snippet.js'
import { stemText } from '../../search/stem.js'
import { type Facet, type PaperSummary, type PutResult, paperKey, READER_VERSION, type SearchRequest, type SearchResult, type Store } from '../store.js'

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
]

// Which reading of a paper to keep when it comes in several forms: the most structured one.
const FORM_RANK: Record<InputForm, number> = {
  'official-xml': 6,
  'web-page-html': 5,
  'web-page-text': 4,
  'kamerstuk-pdf-text': 3,
  pdf: 3,
  'letterhead-pdf-text': 2,
  'open-data': 1,
}

const pack = (value: string) => deflateRawSync(Buffer.from(value, 'utf8'), { level: 6 })
const unpack = (blob: Buffer) => inflateRawSync(blob).toString('utf8')

interface PaperRow {
  rowid: number
  key: string
  id: string | null
  type: string | null
  date: string | null
  sender: string | null
  title: string | null
  dossier: string | null
  form: InputForm
  source_sha: string
  reader_version: number
}

/** The columns search filters and counts by, for one paper. */
interface FacetRow {
  key: string
  id: string | null
  type: string | null
  date: string | null
  sender: string | null
  dossier: string | null
  title: string | null
}

/**
 * The papers table's short columns in memory, by rowid, so that filters, the
 * total and four facets cost one loop over the matches instead of a query
 * each. Rows written by this or another process are picked up by their `seq`
 * when the file's data version changes.
 */
class FacetCache {
  private readonly rows = new Map<number, FacetRow>()
  private seq = 0
  private version = -1
  private readonly changed
  private readonly dataVersion

  constructor(private readonly db: Database.Database) {
    this.changed = db.prepare<[number], FacetRow & { rowid: number; seq: number }>(
      'SELECT rowid, key, id, type, date, sender, dossier, title, seq FROM papers WHERE seq > ? ORDER BY seq',
    )
    this.dataVersion = db.prepare('PRAGMA data_version').pluck()
  }

  refresh(): this {
    const v = this.dataVersion.get() as number
    if (v === this.version && this.rows.size > 0) return this
    this.version = v
    for (const r of this.changed.all(this.seq)) {
      this.rows.set(r.rowid, { key: r.key, id: r.id, type: r.type, date: r.date, sender: r.sender, dossier: r.dossier, title: r.title })
      this.seq = Math.max(this.seq, r.seq)
    }
    return this
  }

  /** Marks the cache stale after this connection wrote (data_version only counts other connections). */
  invalidate(): void {
    this.version = -1
  }

  row(rowid: number): FacetRow | undefined {
    return this.rows.get(rowid)
  }

  rowids(): number[] {
    return [...this.rows.keys()]
  }
}

/** The embedded store: one SQLite file, FTS5 over Dutch stems, raw sources kept beside each paper. */
export class SqliteStore implements Store {
  readonly db: Database.Database
  private readonly stmt
  private readonly facets: FacetCache

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
    this.db = new Database(file)
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = NORMAL')
    this.db.pragma('busy_timeout = 10000')
    this.db.pragma('foreign_keys = ON')
    this.migrate()
    this.stmt = {
      source: this.db.prepare<[string], { key: string; reader_version: number }>('SELECT key, reader_version FROM sources WHERE sha256 = ?'),
      paperByKey: this.db.prepare<[string], PaperRow>(
        'SELECT rowid, key, id, type, date, sender, title, dossier, form, source_sha, reader_version FROM papers WHERE key = ?',
      ),
      paperById: this.db.prepare<[string], PaperRow>(
        'SELECT rowid, key, id, type, date, sender, title, dossier, form, source_sha, reader_version FROM papers WHERE id = ? LIMIT 1',
      ),
      insertSource: this.db.prepare(
        'INSERT INTO sources (sha256, key, name, form, reader_version, bytes) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(sha256) DO UPDATE SET key = excluded.key, name = excluded.name, form = excluded.form, reader_version = excluded.reader_version',
      ),
      insertPaper: this.db.prepare(
        'INSERT INTO papers (key, id, type, date, year, sender, title, dossier, form, source_sha, reader_version, doc, text, seq) VALUES (@key, @id, @type, @date, @year, @sender, @title, @dossier, @form, @sha, @version, @doc, @text, (SELECT coalesce(max(seq), 0) + 1 FROM papers))',
      ),
      updatePaper: this.db.prepare(
        'UPDATE papers SET id = @id, type = @type, date = @date, year = @year, sender = @sender, title = @title, dossier = @dossier, form = @form, source_sha = @sha, reader_version = @version, doc = @doc, text = @text, seq = (SELECT coalesce(max(seq), 0) + 1 FROM papers) WHERE key = @key',
      ),
      deleteFts: this.db.prepare('DELETE FROM papers_fts WHERE rowid = ?'),
      insertFts: this.db.prepare('INSERT INTO papers_fts (rowid, stems) VALUES (?, ?)'),
      doc: this.db.prepare<[string], { doc: Buffer }>('SELECT doc FROM papers WHERE key = ?'),
      raw: this.db.prepare<[string], { bytes: Buffer }>('SELECT s.bytes FROM papers p JOIN sources s ON s.sha256 = p.source_sha WHERE p.key = ?'),
      text: this.db.prepare<[number], { text: Buffer }>('SELECT text FROM papers WHERE rowid = ?'),
      count: this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM papers'),
      matchRanked: this.db.prepare('SELECT rowid, rank FROM papers_fts WHERE papers_fts MATCH ? ORDER BY rank'),
      matchRowids: this.db.prepare('SELECT rowid FROM papers_fts WHERE papers_fts MATCH ?'),
    }
    this.facets = new FacetCache(this.db)
  }

  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)')
    const row = this.db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'schema_version'").get()
    const version = row ? Number(row.value) : 0
    if (version > MIGRATIONS.length) throw new Error(`database schema ${version} is newer than this kamerwacht (${MIGRATIONS.length}); upgrade kamerwacht`)
    for (let v = version; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v] as string)
        this.db.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(String(v + 1))
      })()
    }
  }

  /** Schema version of the open file. */
  schemaVersion(): number {
    return Number(this.db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'schema_version'").get()?.value ?? 0)
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
    }
    const stems = stemText(`${doc.title ?? ''} ${doc.text}`)
    if (existing) {
      this.stmt.updatePaper.run(row)
      this.stmt.deleteFts.run(existing.rowid)
      this.stmt.insertFts.run(existing.rowid, stems)
      return 'updated'
    }
    const { lastInsertRowid } = this.stmt.insertPaper.run(row)
    this.stmt.insertFts.run(lastInsertRowid, stems)
    return 'new'
  }

  private row(idOrKey: string): PaperRow | undefined {
    return this.stmt.paperByKey.get(idOrKey) ?? this.stmt.paperById.get(idOrKey)
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
    const parsed = parseQuery(request.q)
    const filters = { ...parsed.filters }
    for (const k of ['type', 'dossier', 'sender', 'from', 'to'] as const) if (request[k]) filters[k] = request[k] as string
    const match = toFts(parsed)
    const hasFilters = Object.values(filters).some(Boolean)
    const empty: SearchResult = { total: 0, hits: [], facets: { type: [], year: [], sender: [], dossier: [] } }
    if (!match && !hasFilters) return empty
    const limit = Math.max(0, Math.min(request.limit ?? 10, 100))
    const offset = Math.max(0, request.offset ?? 0)
    const facets = this.facets.refresh()
    const to = filters.to ? (filters.to.length === 4 ? `${filters.to}-12-31` : filters.to.length === 7 ? `${filters.to}-31` : filters.to) : undefined
    const sender = filters.sender?.toLowerCase()
    const keep = (r: number) => {
      const row = facets.row(r)
      if (!row) return false
      if (filters.type && row.type !== filters.type) return false
      if (filters.dossier && row.dossier !== filters.dossier && !row.dossier?.startsWith(`${filters.dossier}-`)) return false
      if (sender && !row.sender?.toLowerCase().includes(sender)) return false
      if (filters.from && !(row.date && row.date >= filters.from)) return false
      if (to && !(row.date && row.date <= to)) return false
      return true
    }
    // One pass over the matches (FTS5 picks them; ranks only when ranking is asked for), then filters,
    // total and facets in memory from a column cache of the papers table: no extra pass per facet.
    let rows: Array<{ rowid: number; score: number }>
    if (match) {
      const byRelevance = request.sort !== 'date'
      rows = byRelevance
        ? (this.stmt.matchRanked.raw().all(match) as Array<[number, number]>).map(([rowid, score]) => ({ rowid, score }))
        : (this.stmt.matchRowids.pluck().all(match) as number[]).map((rowid) => ({ rowid, score: 0 }))
    } else rows = facets.rowids().map((rowid) => ({ rowid, score: 0 }))
    if (hasFilters) rows = rows.filter((r) => keep(r.rowid))
    if (!match || request.sort === 'date')
      rows.sort((a, b) => (facets.row(b.rowid)?.date ?? '').localeCompare(facets.row(a.rowid)?.date ?? '') || b.rowid - a.rowid)
    const count = (pick: (row: FacetRow) => string | null): Facet => {
      const counts = new Map<string, number>()
      for (const r of rows) {
        const v = pick(facets.row(r.rowid) as FacetRow)
        if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1)
      }
      return [...counts]
        .map(([value, n]) => ({ value, count: n }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
        .slice(0, 20)
    }
    const { stems, prefixes } = queryStems(parsed)
    return {
      total: rows.length,
      hits: rows.slice(offset, offset + limit).map((r) => {
        const row = facets.row(r.rowid) as FacetRow
        return {
          id: row.id ?? row.key,
          title: row.title,
          type: row.type,
          date: row.date,
          sender: row.sender,
          score: Math.round(-r.score * 1000) / 1000,
          snippet: snippet(unpack((this.stmt.text.get(r.rowid) as { text: Buffer }).text), stems, prefixes),
        }
      }),
      facets: {
        type: count((r) => r.type),
        year: count((r) => (r.date ? r.date.slice(0, 4) : null)),
        sender: count((r) => r.sender),
        dossier: count((r) => r.dossier),
      },
    }
  }

  close(): void {
    this.db.close()
  }
}
