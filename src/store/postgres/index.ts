import pg from 'pg'
import type { Correction, TrackedCommitment } from '../../link/status.js'
import type { Document, InputForm } from '../../model/document.js'
import { type PostingList, Scratch } from '../../search/bm25.js'
import { ListCache, runSearch } from '../../search/engine.js'
import { queryStems, type Term } from '../../search/query.js'
import { stemText } from '../../search/stem.js'
import { DICTIONARY_SIZE, joinDocument, MAX_DICTIONARIES, Packer, type PackKind, sampleDictionary, splitDocument, TRAIN_AT } from '../codec.js'
import { dateBounds, emptyResult, FORM_RANK, type HitRow, prepareSearch, ResultCache, searchHit, unpackLegacy } from '../shared.js'
import {
  type Citations,
  type CommitmentList,
  type CommitmentQuery,
  type DossierView,
  documentNummerOf,
  type FollowStatus,
  type MissingContent,
  type OpenDataRecord,
  type PaperSummary,
  type PutResult,
  paperKey,
  READER_VERSION,
  type SearchRequest,
  type SearchResult,
  type Store,
  type SyncApplied,
  type SyncItem,
  type TimelineEntry,
} from '../store.js'
import { PgLinks } from './links.js'
import { fillPostings, listKey, loadLists, PgColumns, PostingBatch } from './postings.js'
import { PG_MIGRATIONS } from './schema.js'
import { termFrequencies, tsvectorLiteral } from './search.js'

// count(*) and sums come back as bigint; every count here fits a double.
pg.types.setTypeParser(20, (v: string) => Number(v))

/** Advisory lock ids: one for migrations, one that makes writers take turns. */
const MIGRATE_LOCK = 72_071
const WRITE_LOCK = 72_072

/** The connection URL without its password, for messages. */
export function redact(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return 'postgres://…'
  }
}

/** A client or the pool: both run queries. */
type Db = pg.Pool | pg.PoolClient

/**
 * The store of a team: PostgreSQL with a connection pool, the same tables as
 * the embedded store, and search with the same semantics (the same stems, the
 * same query language, FTS5's BM25 computed in SQL). Writers take turns under
 * an advisory lock, so several ingest processes never store a paper twice nor
 * lose an update, while readers search on other connections.
 */
export class PostgresStore implements Store {
  readonly location: string
  private readonly links: PgLinks
  private readonly results: ResultCache
  /** The papers' filter and facet columns, and the posting lists kept (see `postings.ts`). */
  private readonly columns = new PgColumns()
  private readonly lists: ListCache
  private readonly scratch = new Scratch()
  /** The search running now: searches take turns (see `searchUncached`). */
  private searching: Promise<unknown> = Promise.resolve()
  /** Packs stored values with the store's dictionaries (see `codec.ts`). */
  private readonly packer = new Packer()

  private constructor(
    private readonly pool: pg.Pool,
    url: string,
    cacheSize: number,
    postingsMb: number,
  ) {
    this.results = new ResultCache(cacheSize)
    this.lists = new ListCache(postingsMb * 1024 * 1024)
    this.location = redact(url)
    this.links = new PgLinks(pool)
  }

  /**
   * Connects, migrates and returns the store. `schema` (default `kamerwacht`)
   * is the PostgreSQL schema the tables live in; tests use one per run.
   */
  static async open(url: string, options: { searchCache?: number; schema?: string; max?: number; postingsMb?: number } = {}): Promise<PostgresStore> {
    // `postgres://…/db?schema=team` picks the schema in the URL; the rest of the URL goes to the driver.
    const parsed = new URL(url)
    const fromUrl = parsed.searchParams.get('schema')
    parsed.searchParams.delete('schema')
    url = parsed.toString()
    const schema = options.schema ?? fromUrl ?? 'kamerwacht'
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`invalid schema name ${schema}`)
    const pool = new pg.Pool({ connectionString: url, max: options.max ?? 8, options: `-c search_path=${schema}` })
    // An idle client that loses its server must not crash the process; the next query reports it.
    pool.on('error', () => {})
    const store = new PostgresStore(pool, url, Math.max(0, options.searchCache ?? 256), Math.max(0, options.postingsMb ?? 64))
    try {
      await store.migrate(schema)
      await store.loadDictionaries()
    } catch (e) {
      await pool.end()
      const code = (e as { code?: string }).code
      if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '28P01' || code === '3D000' || code === 'ETIMEDOUT')
        throw new Error(`cannot open the PostgreSQL store at ${redact(url)}: ${(e as Error).message}`)
      throw e
    }
    return store
  }

  private async migrate(schema: string): Promise<void> {
    const client = await this.pool.connect()
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK])
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`)
      await client.query('CREATE TABLE IF NOT EXISTS meta (key text PRIMARY KEY, value text NOT NULL)')
      const row = (await client.query<{ value: string }>("SELECT value FROM meta WHERE key = 'schema_version'")).rows[0]
      const version = row ? Number(row.value) : 0
      if (version > PG_MIGRATIONS.length)
        throw new Error(`database schema ${version} is newer than this kamerwacht (${PG_MIGRATIONS.length}); upgrade kamerwacht`)
      for (let v = version; v < PG_MIGRATIONS.length; v++) {
        await client.query('BEGIN')
        try {
          await client.query(PG_MIGRATIONS[v] as string)
          if (v + 1 === 2) await this.backfillTkNummer(client)
          if (v + 1 === 6) await this.repack(client)
          if (v + 1 === 7) await fillPostings(client)
          await client.query("INSERT INTO meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value", [
            String(v + 1),
          ])
          await client.query('COMMIT')
        } catch (e) {
          await client.query('ROLLBACK')
          throw e
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATE_LOCK]).catch(() => {})
      client.release()
    }
  }

  /** Sets `tk_nummer` on papers read from open-data files before the column existed (migration 2). */
  private async backfillTkNummer(db: pg.PoolClient): Promise<void> {
    const rows = (await db.query<{ key: string; doc: Buffer }>("SELECT key, doc FROM papers WHERE form = 'open-data'")).rows
    for (const r of rows)
      await db.query('UPDATE papers SET tk_nummer = $1 WHERE key = $2', [documentNummerOf(JSON.parse(unpackLegacy(r.doc)) as Document), r.key])
  }

  /**
   * Migration 6: every stored value in the packed form of `codec.ts` (with
   * no dictionary: those come as the store grows), the Document kept once as
   * in the embedded store.
   */
  private async repack(db: pg.PoolClient): Promise<void> {
    // A thousand rows at a time: a store of a million papers is never in memory at once.
    for (let after = 0; ; ) {
      const papers = (
        await db.query<{ rowid: number; doc: Buffer; text: Buffer; bytes: Buffer | null }>(
          'SELECT p.rowid, p.doc, p.text, s.bytes FROM papers p LEFT JOIN sources s ON s.sha256 = p.source_sha WHERE p.rowid > $1 ORDER BY p.rowid LIMIT 1000',
          [after],
        )
      ).rows
      for (const p of papers) {
        const stored = splitDocument(JSON.parse(unpackLegacy(p.doc)) as Document, p.bytes ?? Buffer.alloc(0))
        await db.query('UPDATE papers SET doc = $1, text = $2 WHERE rowid = $3', [
          this.packer.pack('doc', stored.json),
          this.packer.pack('text', unpackLegacy(p.text)),
          p.rowid,
        ])
      }
      if (papers.length < 1000) break
      after = Number(papers[papers.length - 1]?.rowid)
    }
    for (let after = ''; ; ) {
      const sources = (
        await db.query<{ sha256: string; bytes: Buffer }>('SELECT sha256, bytes FROM sources WHERE sha256 > $1 ORDER BY sha256 LIMIT 1000', [after])
      ).rows
      for (const s of sources) await db.query('UPDATE sources SET bytes = $1 WHERE sha256 = $2', [this.packer.pack('text', s.bytes), s.sha256])
      if (sources.length < 1000) break
      after = sources[sources.length - 1]?.sha256 as string
    }
  }

  /** Schema version of the database. */
  async schemaVersion(): Promise<number> {
    return Number((await this.pool.query<{ value: string }>("SELECT value FROM meta WHERE key = 'schema_version'")).rows[0]?.value ?? 0)
  }

  async put(doc: Document, raw: Uint8Array, force = false): Promise<PutResult> {
    return (await this.putMany([{ doc, raw }], force))[0] as PutResult
  }

  async putMany(items: Array<{ doc: Document; raw: Uint8Array }>, force = false): Promise<PutResult[]> {
    return this.write(async (client) => {
      await this.trainIfDue(client)
      const out: PutResult[] = []
      const batch = new PostingBatch()
      for (const { doc, raw } of items) out.push(await this.putOne(client, doc, raw, force, batch))
      await batch.flush(client)
      return out
    })
  }

  /** Reads the store's dictionaries into the packer (another process may have made some since). */
  private async loadDictionaries(db: Db = this.pool): Promise<void> {
    for (const d of (await db.query<{ id: number; kind: PackKind; papers: number; bytes: Buffer }>('SELECT id, kind, papers, bytes FROM dictionaries')).rows)
      if (!this.packer.has(d.id)) this.packer.add({ id: d.id, kind: d.kind, papers: Number(d.papers), bytes: d.bytes })
  }

  /** Makes sure the packer knows the dictionary of every value given. */
  private async known(...blobs: Array<Buffer | null | undefined>): Promise<void> {
    if (blobs.some((b) => b && b.length > 0 && !this.packer.has(b[0] as number))) await this.loadDictionaries()
  }

  /**
   * Makes dictionaries of raw and clean texts and of Documents from papers
   * spread over the store when it has grown past the next of \`TRAIN_AT\`
   * (as the embedded store does; see \`codec.ts\`). Runs under the write lock,
   * so two processes never both make them.
   */
  private async trainIfDue(db: pg.PoolClient): Promise<void> {
    const count = (await db.query<{ papers: number }>('SELECT papers FROM stats')).rows[0]?.papers ?? 0
    const last = (await db.query<{ n: number }>("SELECT coalesce(max(papers), 0) AS n FROM dictionaries WHERE kind = 'text'")).rows[0]?.n ?? 0
    if (Number(last) > (this.packer.current('text')?.papers ?? 0)) await this.loadDictionaries(db)
    if (!TRAIN_AT.some((n) => n <= count && n > Number(last))) return
    const range = (await db.query<{ lo: number; hi: number }>('SELECT min(rowid) AS lo, max(rowid) AS hi FROM papers')).rows[0]
    const lo = Number(range?.lo ?? 0)
    const hi = Number(range?.hi ?? 0)
    const ids = Array.from({ length: 200 }, (_, k) => lo + Math.floor((k * (hi - lo + 1)) / 200))
    const rows = (await db.query<{ doc: Buffer; text: Buffer }>('SELECT doc, text FROM papers WHERE rowid = ANY($1::bigint[])', [ids])).rows
    await this.known(...rows.flatMap((r) => [r.doc, r.text]))
    const samples: Record<'text' | 'doc', Uint8Array[]> = { text: rows.map((r) => this.packer.unpack(r.text)), doc: rows.map((r) => this.packer.unpack(r.doc)) }
    for (const kind of ['text', 'doc'] as const) {
      const bytes = sampleDictionary(samples[kind], DICTIONARY_SIZE[kind])
      if (bytes.length === 0) continue
      const id = ((await db.query<{ n: number }>('SELECT coalesce(max(id), 0) AS n FROM dictionaries')).rows[0]?.n ?? 0) + 1
      if (id > MAX_DICTIONARIES) return
      await db.query('INSERT INTO dictionaries (id, kind, papers, bytes) VALUES ($1, $2, $3, $4)', [id, kind, count, Buffer.from(bytes)])
      this.packer.add({ id, kind, papers: count, bytes })
    }
  }

  /** Runs `work` on one connection in a transaction opened by `begin`, committed when it returns, rolled back when it throws. */
  private async transaction<T>(begin: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect()
    try {
      await client.query(begin)
      const out = await work(client)
      await client.query('COMMIT')
      return out
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {})
      throw e
    } finally {
      client.release()
    }
  }

  /** Runs `work` in one transaction as the only writer, whichever process: links are computed against what is committed. */
  private async write<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    // A dictionary made in a transaction that rolls back is not in the store: nothing may be packed with it.
    const known = this.packer.highest()
    try {
      return await this.transaction('BEGIN', async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK])
        return work(client)
      })
    } catch (e) {
      this.packer.forgetAbove(known)
      throw e
    }
  }

  private async putOne(db: pg.PoolClient, doc: Document, raw: Uint8Array, force: boolean, batch: PostingBatch): Promise<PutResult> {
    const sha = doc.source.sha256
    const known = (await db.query<{ key: string; reader_version: number }>('SELECT key, reader_version FROM sources WHERE sha256 = $1', [sha])).rows[0]
    if (known && known.reader_version >= READER_VERSION && !force) return 'unchanged'
    const key = paperKey(doc)
    // Read again under another key (a reader that now finds an id or a subject): its paper under the old key goes.
    if (known && known.key !== key) {
      const old = (await db.query<{ source_sha: string }>('SELECT source_sha FROM papers WHERE key = $1', [known.key])).rows[0]
      if (old?.source_sha === sha) await this.removePaper(db, known.key, batch, { keepSources: true })
    }
    await db.query(
      'INSERT INTO sources (sha256, key, name, form, reader_version, bytes) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (sha256) DO UPDATE SET key = excluded.key, name = excluded.name, form = excluded.form, reader_version = excluded.reader_version',
      [sha, key, doc.source.name, doc.form, READER_VERSION, this.packer.pack('text', raw)],
    )
    const existing = (
      await db.query<{ form: InputForm; source_sha: string; reader_version: number; len: number; tf: Record<string, number> }>(
        'SELECT form, source_sha, reader_version, len, tf FROM papers WHERE key = $1',
        [key],
      )
    ).rows[0]
    if (existing && existing.source_sha !== sha && existing.reader_version >= READER_VERSION && FORM_RANK[existing.form] > FORM_RANK[doc.form])
      return 'unchanged'
    if (existing && force && existing.source_sha !== sha) return 'unchanged'
    const stems = stemText(`${doc.title ?? ''} ${doc.text}`)
    const tokens = stems ? stems.split(' ') : []
    const tf = termFrequencies(tokens)
    const stored = splitDocument(doc, raw)
    const values = [
      key,
      doc.id,
      doc.type,
      doc.date,
      doc.date ? Number(doc.date.slice(0, 4)) : null,
      doc.sender,
      doc.title,
      doc.dossier,
      doc.form,
      sha,
      READER_VERSION,
      this.packer.pack('doc', stored.json),
      this.packer.pack('text', stored.text),
      tsvectorLiteral(tokens),
      tokens.length,
      JSON.stringify(tf),
      documentNummerOf(doc),
    ]
    let seq: number
    if (existing) {
      seq = (
        await db.query<{ seq: number }>(
          `UPDATE papers SET id = $2, type = $3, date = $4, year = $5, sender = $6, title = $7, dossier = $8, form = $9, source_sha = $10,
             reader_version = $11, doc = $12, text = $13, tsv = $14::tsvector, len = $15, tf = $16::jsonb, tk_nummer = $17, seq = nextval('paper_seq') WHERE key = $1
           RETURNING seq`,
          values,
        )
      ).rows[0]?.seq as number
      await db.query('UPDATE stats SET tokens = tokens + $1', [tokens.length - existing.len])
      batch.remove(existing.tf)
    } else {
      seq = (
        await db.query<{ seq: number }>(
          `INSERT INTO papers (key, id, type, date, year, sender, title, dossier, form, source_sha, reader_version, doc, text, tsv, len, tf, tk_nummer, seq)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::tsvector, $15, $16::jsonb, $17, nextval('paper_seq'))
           RETURNING seq`,
          values,
        )
      ).rows[0]?.seq as number
      await db.query('UPDATE stats SET papers = papers + 1, tokens = tokens + $1', [tokens.length])
    }
    batch.add(Number(seq), tf)
    await this.links.derive(db, doc, { key, id: doc.id, date: doc.date, sender: doc.sender, dossier: doc.dossier })
    return existing ? 'updated' : 'new'
  }

  /** Removes a paper, what was derived from it and (unless kept) its raw sources; false when there is none. */
  private async removePaper(db: pg.PoolClient, key: string, batch: PostingBatch, { keepSources = false } = {}): Promise<boolean> {
    const gone = (await db.query<{ len: number; tf: Record<string, number> }>('DELETE FROM papers WHERE key = $1 RETURNING len, tf', [key])).rows[0]
    if (!gone) return false
    batch.remove(gone.tf)
    // Readers start over on a removal: the paper leaves no row for them to find by its seq.
    await db.query('UPDATE stats SET papers = papers - 1, tokens = tokens - $1, removals = removals + 1', [gone.len])
    await this.links.clear(db, key)
    if (!keepSources) await db.query('DELETE FROM sources WHERE key = $1', [key])
    // The sequence is the search cache's stamp: a removal must change it too.
    await db.query("SELECT nextval('paper_seq')")
    return true
  }

  /** See `Store.applySync`. */
  async applySync(source: string, items: SyncItem[], state: unknown): Promise<SyncApplied> {
    const out: SyncApplied = { records: 0, papers: { new: 0, updated: 0, unchanged: 0 }, removed: 0 }
    return this.write(async (client) => {
      await this.trainIfDue(client)
      const batch = new PostingBatch()
      const paperOf = async (id: string) =>
        (await client.query<{ paper_key: string }>('SELECT paper_key FROM od_content WHERE record_id = $1', [id])).rows[0]?.paper_key ?? null
      for (const { record, paper } of items) {
        out.records++
        const before = record.entity === 'Document' ? await paperOf(record.id) : null
        const drop = async (key: string | null) => {
          if (!key) return
          const shared = (await client.query('SELECT 1 FROM od_content WHERE paper_key = $1 AND record_id <> $2', [key, record.id])).rowCount
          if (!shared && (await this.removePaper(client, key, batch))) out.removed++
        }
        if (record.deleted) {
          await client.query('DELETE FROM od_records WHERE entity = $1 AND id = $2', [record.entity, record.id])
          if (record.entity === 'Document') {
            await drop(before)
            await client.query('DELETE FROM od_content WHERE record_id = $1', [record.id])
          }
          continue
        }
        await client.query(
          'INSERT INTO od_records (entity, id, modified, record) VALUES ($1, $2, $3, $4) ON CONFLICT (entity, id) DO UPDATE SET modified = excluded.modified, record = excluded.record',
          [record.entity, record.id, record.modified, JSON.stringify(record.record)],
        )
        if (!paper) continue
        const key = paperKey(paper.doc)
        const existing = (await client.query<{ sha: string; form: string }>('SELECT source_sha AS sha, form FROM papers WHERE key = $1', [key])).rows[0]
        // A changed record is written again even when its content is the same bytes: its metadata changed.
        const same = existing?.sha === paper.doc.source.sha256
        const result = await this.putOne(client, paper.doc, paper.raw, same, batch)
        out.papers[result]++
        // The record's JSON stood in for the text until now; the record itself is kept in od_records.
        if (result === 'updated' && paper.content === 'ok' && existing?.form === 'open-data' && !same)
          await client.query("DELETE FROM sources WHERE sha256 = $1 AND form = 'open-data'", [existing.sha])
        if (before && before !== key) await drop(before)
        await client.query(
          'INSERT INTO od_content (record_id, paper_key, status, reason) VALUES ($1, $2, $3, $4) ON CONFLICT (record_id) DO UPDATE SET paper_key = excluded.paper_key, status = excluded.status, reason = excluded.reason',
          [record.id, key, paper.content, paper.reason ?? null],
        )
      }
      await client.query('INSERT INTO sync_state (source, state) VALUES ($1, $2) ON CONFLICT (source) DO UPDATE SET state = excluded.state', [
        source,
        JSON.stringify(state),
      ])
      await batch.flush(client)
      return out
    })
  }

  async follows(): Promise<FollowStatus[]> {
    const rows = (
      await this.pool.query<{ name: string; query: string; created: string; seen_seq: string; seen_at: string | null }>(
        'SELECT name, query, created, seen_seq, seen_at FROM follows ORDER BY name',
      )
    ).rows
    const out: FollowStatus[] = []
    for (const f of rows) {
      const seenSeq = Number(f.seen_seq)
      const { total } = await this.search({ q: f.query, sinceSeq: seenSeq, limit: 0 })
      out.push({ name: f.name, query: f.query, created: f.created, seenSeq, seenAt: f.seen_at, newCount: total })
    }
    return out
  }

  async saveFollow(name: string, query: string, at: string): Promise<void> {
    await this.pool.query('INSERT INTO follows (name, query, created) VALUES ($1, $2, $3) ON CONFLICT (name) DO UPDATE SET query = excluded.query', [
      name,
      query,
      at,
    ])
  }

  async removeFollow(name: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM follows WHERE name = $1', [name])).rowCount ?? 0) > 0
  }

  async markFollowSeen(name: string, at: string): Promise<boolean> {
    const r = await this.pool.query('UPDATE follows SET seen_seq = (SELECT coalesce(max(seq), 0) FROM papers), seen_at = $2 WHERE name = $1', [name, at])
    return (r.rowCount ?? 0) > 0
  }

  async syncState(source: string): Promise<unknown> {
    const row = (await this.pool.query<{ state: string }>('SELECT state FROM sync_state WHERE source = $1', [source])).rows[0]
    return row ? JSON.parse(row.state) : null
  }

  async openData(entity: string): Promise<OpenDataRecord[]> {
    const rows = (
      await this.pool.query<{ id: string; modified: string; record: string }>('SELECT id, modified, record FROM od_records WHERE entity = $1 ORDER BY id', [
        entity,
      ])
    ).rows
    return rows.map((r) => ({ entity, id: r.id, modified: r.modified, deleted: false, record: JSON.parse(r.record) }))
  }

  async missingContent(): Promise<MissingContent[]> {
    const rows = (
      await this.pool.query<{ id: string; record: string; reason: string | null }>(
        "SELECT c.record_id AS id, r.record, c.reason FROM od_content c JOIN od_records r ON r.entity = 'Document' AND r.id = c.record_id WHERE c.status = 'missing' ORDER BY c.record_id",
      )
    ).rows
    return rows.map((r) => ({ id: r.id, record: JSON.parse(r.record), reason: r.reason }))
  }

  private async keyOf(db: Db, idOrKey: string): Promise<string | null> {
    const r = await db.query<{ key: string }>(
      'SELECT key FROM papers WHERE key = $1 UNION ALL (SELECT key FROM papers WHERE id = $1 LIMIT 1) UNION ALL (SELECT key FROM papers WHERE tk_nummer = $1 LIMIT 1) LIMIT 1',
      [idOrKey],
    )
    return r.rows[0]?.key ?? null
  }

  async get(idOrKey: string): Promise<Document | null> {
    const key = await this.keyOf(this.pool, idOrKey)
    if (!key) return null
    const r = await this.pool.query<{ doc: Buffer; text: Buffer; bytes: Buffer | null }>(
      'SELECT p.doc, p.text, s.bytes FROM papers p LEFT JOIN sources s ON s.sha256 = p.source_sha WHERE p.key = $1',
      [key],
    )
    const row = r.rows[0]
    if (!row) return null
    await this.known(row.doc, row.text, row.bytes)
    return joinDocument(this.packer.unpackText(row.doc), this.packer.unpackText(row.text), () => (row.bytes ? this.packer.unpack(row.bytes) : null))
  }

  async raw(idOrKey: string): Promise<Uint8Array | null> {
    const key = await this.keyOf(this.pool, idOrKey)
    if (!key) return null
    const r = await this.pool.query<{ bytes: Buffer }>('SELECT s.bytes FROM papers p JOIN sources s ON s.sha256 = p.source_sha WHERE p.key = $1', [key])
    const row = r.rows[0]
    if (!row) return null
    await this.known(row.bytes)
    return new Uint8Array(this.packer.unpack(row.bytes))
  }

  async hasCurrent(sha256: string): Promise<boolean> {
    const r = await this.pool.query<{ reader_version: number }>('SELECT reader_version FROM sources WHERE sha256 = $1', [sha256])
    return !!r.rows[0] && r.rows[0].reader_version >= READER_VERSION
  }

  async currentShas(): Promise<string[]> {
    return (await this.pool.query<{ sha256: string }>('SELECT sha256 FROM sources WHERE reader_version >= $1', [READER_VERSION])).rows.map((r) => r.sha256)
  }

  async sources(): Promise<Array<{ sha256: string; name: string; bytes: () => Promise<Uint8Array> }>> {
    const rows = (await this.pool.query<{ sha256: string; name: string }>('SELECT sha256, name FROM sources ORDER BY sha256')).rows
    return rows.map((r) => ({
      ...r,
      bytes: async () => {
        const row = (await this.pool.query<{ bytes: Buffer }>('SELECT bytes FROM sources WHERE sha256 = $1', [r.sha256])).rows[0]
        await this.known(row?.bytes)
        return new Uint8Array(row ? this.packer.unpack(row.bytes) : [])
      },
    }))
  }

  /**
   * Reads the columns and the lists of the terms in the most papers, commonest
   * first, until they take half the lists' budget (as the embedded store does).
   */
  async warm(): Promise<void> {
    await this.snapshot(async (db) => {
      const c = await this.columns.refresh(db, this.lists)
      let planned = 0
      const words: Term[] = []
      for (const r of (await db.query<{ term: string; df: number }>('SELECT term, df FROM terms WHERE df > 0 ORDER BY df DESC LIMIT 5000')).rows) {
        planned += r.df * 8
        if (planned > this.lists.maxBytes / 2) break
        words.push({ kind: 'word', text: r.term, stem: r.term })
      }
      await loadLists(db, { must: [words], not: [], filters: {}, notes: [] }, c, this.lists)
    })
  }

  async count(): Promise<number> {
    return (await this.pool.query<{ papers: number }>('SELECT papers FROM stats')).rows[0]?.papers ?? 0
  }

  async all(): Promise<PaperSummary[]> {
    const rows = await this.pool.query<PaperSummary>(
      `SELECT p.key, p.id, p.type, p.date, p.sender, p.title, p.dossier, s.name AS "sourceName", p.source_sha AS sha256
       FROM papers p JOIN sources s ON s.sha256 = p.source_sha ORDER BY p.key`,
    )
    return rows.rows
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    if (this.results.size === 0) return this.searchUncached(request)
    // Every write draws from the sequence, so its value says whether anything changed.
    const seq = (await this.pool.query<{ v: number; c: boolean }>('SELECT last_value AS v, is_called AS c FROM paper_seq')).rows[0]
    const key = this.results.key(request)
    const hit = this.results.get(key, `${seq?.v}${seq?.c}`)
    if (hit) return hit
    const result = await this.searchUncached(request)
    this.results.set(key, result)
    return result
  }

  /**
   * Runs `work` in one read-only REPEATABLE READ transaction: its queries see one snapshot, so a search's
   * total, facets and page agree even while other processes commit papers between them.
   */
  private async snapshot<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', work)
  }

  private async searchUncached(request: SearchRequest): Promise<SearchResult> {
    const prepared = prepareSearch(request)
    if (prepared.parsed.must.length === 0 && !prepared.hasFilters) return emptyResult()
    // One search at a time in a process: the columns and lists in memory move to each search's snapshot.
    const run = this.searching.then(() => this.snapshot((db) => this.searchIn(db, request, prepared)))
    this.searching = run.catch(() => {})
    return run
  }

  /**
   * The engine of the embedded store (`search/engine.ts`) over this store's
   * postings: the columns and the lists brought to the snapshot, matching,
   * ranking, facets and paging in memory, then one query for the page's rows.
   */
  private async searchIn(
    db: pg.PoolClient,
    request: SearchRequest,
    { parsed, filters, limit, offset }: ReturnType<typeof prepareSearch>,
  ): Promise<SearchResult> {
    const c = await this.columns.refresh(db, this.lists)
    const hasWords = parsed.must.length > 0
    if (hasWords) await loadLists(db, parsed, c, this.lists)
    const list = (t: Term): PostingList => this.lists.get(listKey(t)) ?? { docs: new Int32Array(0), freqs: new Int32Array(0) }
    const rows = async (sql: string, params: unknown[]) => new Set((await db.query<{ rowid: number }>(sql, params)).rows.map((r) => Number(r.rowid)))
    const found = runSearch(
      c,
      hasWords ? { groups: parsed.must.map((g) => g.map(list)), not: parsed.not.map(list) } : null,
      parsed,
      filters,
      { sort: request.sort, sinceSeq: request.sinceSeq, bounds: dateBounds(filters.from, filters.to), limit, offset },
      {
        speaker: filters.speaker
          ? await rows('SELECT DISTINCT p.rowid FROM speakers s JOIN papers p ON p.key = s.paper_key WHERE strpos(lower(s.label), $1) > 0', [
              filters.speaker.toLowerCase(),
            ])
          : null,
        paper: filters.paper
          ? await rows('SELECT rowid FROM papers WHERE id = $1 OR key = $1 OR tk_nummer = $1 OR id = $2', [filters.paper, `nds-tk-${filters.paper}`])
          : null,
      },
      this.scratch,
    )
    const hitRows = new Map(
      (
        await db.query<HitRow & { rowid: number }>(
          'SELECT rowid, key, id, title, type, date, sender, text, tk_nummer FROM papers WHERE rowid = ANY($1::bigint[])',
          [found.page],
        )
      ).rows.map((r) => [Number(r.rowid), r]),
    )
    await this.known(...[...hitRows.values()].map((r) => r.text))
    const { stems, prefixes } = queryStems(parsed)
    const { scores } = found
    return {
      total: found.total,
      hits: found.page.map((r) => searchHit(hitRows.get(r) as HitRow, (t) => this.packer.unpackText(t), scores ? (scores[r] as number) : 0, stems, prefixes)),
      facets: found.facets,
    }
  }

  async citations(idOrKey: string): Promise<Citations | null> {
    return this.links.citations(idOrKey)
  }

  async dossier(dossier: string, today: string): Promise<DossierView | null> {
    return this.links.dossier(dossier, today)
  }

  async timeline(dossier: string, today: string): Promise<TimelineEntry[]> {
    return this.links.timeline(dossier, today)
  }

  async commitments(query: CommitmentQuery, today: string): Promise<CommitmentList> {
    return this.links.commitments(query, today)
  }

  async commitment(id: string, today: string): Promise<TrackedCommitment | null> {
    return this.links.commitment(id, today)
  }

  async correct(id: string, correction: Correction): Promise<boolean> {
    if (correction.action === 'fulfilled-by' && !(await this.links.has(correction.target))) return false
    return this.links.correct(id, correction)
  }

  async close(): Promise<void> {
    await this.pool.end()
  }
}
