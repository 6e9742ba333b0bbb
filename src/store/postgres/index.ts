import pg from 'pg'
import type { Correction, TrackedCommitment } from '../../link/status.js'
import type { Document, InputForm } from '../../model/document.js'
import { idf } from '../../search/bm25.js'
import { queryStems, rankable } from '../../search/query.js'
import { stemText } from '../../search/stem.js'
import { dateBounds, emptyResult, FORM_RANK, type HitRow, pack, prepareSearch, ResultCache, searchHit, topFacet, unpack } from '../shared.js'
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
import { PG_MIGRATIONS } from './schema.js'
import { bm25Sql, rankedTerms, termFrequencies, termQuery, toTsQuery, tsvectorLiteral } from './search.js'

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

  private constructor(
    private readonly pool: pg.Pool,
    url: string,
    cacheSize: number,
  ) {
    this.results = new ResultCache(cacheSize)
    this.location = redact(url)
    this.links = new PgLinks(pool)
  }

  /**
   * Connects, migrates and returns the store. `schema` (default `kamerwacht`)
   * is the PostgreSQL schema the tables live in; tests use one per run.
   */
  static async open(url: string, options: { searchCache?: number; schema?: string; max?: number } = {}): Promise<PostgresStore> {
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
    const store = new PostgresStore(pool, url, Math.max(0, options.searchCache ?? 256))
    try {
      await store.migrate(schema)
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
    for (const r of rows) await db.query('UPDATE papers SET tk_nummer = $1 WHERE key = $2', [documentNummerOf(JSON.parse(unpack(r.doc)) as Document), r.key])
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
      const out: PutResult[] = []
      for (const { doc, raw } of items) out.push(await this.putOne(client, doc, raw, force))
      return out
    })
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
    return this.transaction('BEGIN', async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK])
      return work(client)
    })
  }

  private async putOne(db: pg.PoolClient, doc: Document, raw: Uint8Array, force: boolean): Promise<PutResult> {
    const sha = doc.source.sha256
    const known = (await db.query<{ key: string; reader_version: number }>('SELECT key, reader_version FROM sources WHERE sha256 = $1', [sha])).rows[0]
    if (known && known.reader_version >= READER_VERSION && !force) return 'unchanged'
    const key = paperKey(doc)
    // Read again under another key (a reader that now finds an id or a subject): its paper under the old key goes.
    if (known && known.key !== key) {
      const old = (await db.query<{ source_sha: string }>('SELECT source_sha FROM papers WHERE key = $1', [known.key])).rows[0]
      if (old?.source_sha === sha) await this.removePaper(db, known.key, { keepSources: true })
    }
    await db.query(
      'INSERT INTO sources (sha256, key, name, form, reader_version, bytes) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (sha256) DO UPDATE SET key = excluded.key, name = excluded.name, form = excluded.form, reader_version = excluded.reader_version',
      [sha, key, doc.source.name, doc.form, READER_VERSION, Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)],
    )
    const existing = (
      await db.query<{ form: InputForm; source_sha: string; reader_version: number; len: number }>(
        'SELECT form, source_sha, reader_version, len FROM papers WHERE key = $1',
        [key],
      )
    ).rows[0]
    if (existing && existing.source_sha !== sha && existing.reader_version >= READER_VERSION && FORM_RANK[existing.form] > FORM_RANK[doc.form])
      return 'unchanged'
    if (existing && force && existing.source_sha !== sha) return 'unchanged'
    const stems = stemText(`${doc.title ?? ''} ${doc.text}`)
    const tokens = stems ? stems.split(' ') : []
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
      pack(JSON.stringify(doc)),
      pack(doc.text),
      tsvectorLiteral(tokens),
      tokens.length,
      JSON.stringify(termFrequencies(tokens)),
      documentNummerOf(doc),
    ]
    if (existing) {
      await db.query(
        `UPDATE papers SET id = $2, type = $3, date = $4, year = $5, sender = $6, title = $7, dossier = $8, form = $9, source_sha = $10,
           reader_version = $11, doc = $12, text = $13, tsv = $14::tsvector, len = $15, tf = $16::jsonb, tk_nummer = $17, seq = nextval('paper_seq') WHERE key = $1`,
        values,
      )
      await db.query('UPDATE stats SET tokens = tokens + $1', [tokens.length - existing.len])
    } else {
      await db.query(
        `INSERT INTO papers (key, id, type, date, year, sender, title, dossier, form, source_sha, reader_version, doc, text, tsv, len, tf, tk_nummer, seq)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::tsvector, $15, $16::jsonb, $17, nextval('paper_seq'))`,
        values,
      )
      await db.query('UPDATE stats SET papers = papers + 1, tokens = tokens + $1', [tokens.length])
    }
    await this.links.derive(db, doc, { key, id: doc.id, date: doc.date, sender: doc.sender, dossier: doc.dossier })
    return existing ? 'updated' : 'new'
  }

  /** Removes a paper, what was derived from it and (unless kept) its raw sources; false when there is none. */
  private async removePaper(db: pg.PoolClient, key: string, { keepSources = false } = {}): Promise<boolean> {
    const gone = (await db.query<{ len: number }>('DELETE FROM papers WHERE key = $1 RETURNING len', [key])).rows[0]
    if (!gone) return false
    await db.query('UPDATE stats SET papers = papers - 1, tokens = tokens - $1', [gone.len])
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
      const paperOf = async (id: string) =>
        (await client.query<{ paper_key: string }>('SELECT paper_key FROM od_content WHERE record_id = $1', [id])).rows[0]?.paper_key ?? null
      for (const { record, paper } of items) {
        out.records++
        const before = record.entity === 'Document' ? await paperOf(record.id) : null
        const drop = async (key: string | null) => {
          if (!key) return
          const shared = (await client.query('SELECT 1 FROM od_content WHERE paper_key = $1 AND record_id <> $2', [key, record.id])).rowCount
          if (!shared && (await this.removePaper(client, key))) out.removed++
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
        const result = await this.putOne(client, paper.doc, paper.raw, same)
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
    const r = await this.pool.query<{ doc: Buffer }>('SELECT doc FROM papers WHERE key = $1', [key])
    return r.rows[0] ? (JSON.parse(unpack(r.rows[0].doc)) as Document) : null
  }

  async raw(idOrKey: string): Promise<Uint8Array | null> {
    const key = await this.keyOf(this.pool, idOrKey)
    if (!key) return null
    const r = await this.pool.query<{ bytes: Buffer }>('SELECT s.bytes FROM papers p JOIN sources s ON s.sha256 = p.source_sha WHERE p.key = $1', [key])
    return r.rows[0] ? new Uint8Array(r.rows[0].bytes) : null
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
      bytes: async () =>
        new Uint8Array((await this.pool.query<{ bytes: Buffer }>('SELECT bytes FROM sources WHERE sha256 = $1', [r.sha256])).rows[0]?.bytes ?? []),
    }))
  }

  async warm(): Promise<void> {}

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
    const tsquery = toTsQuery(prepared.parsed)
    if (!tsquery && !prepared.hasFilters) return emptyResult()
    return this.snapshot((db) => this.searchIn(db, request, prepared, tsquery))
  }

  private async searchIn(
    db: pg.PoolClient,
    request: SearchRequest,
    { parsed, filters, hasFilters, limit, offset }: ReturnType<typeof prepareSearch>,
    tsquery: string | null,
  ): Promise<SearchResult> {
    const params: unknown[] = []
    const param = (v: unknown) => {
      params.push(v)
      return `$${params.length}`
    }
    const where: string[] = []
    if (tsquery) where.push(`p.tsv @@ ${param(tsquery)}::tsquery`)
    if (filters.type) where.push(`p.type = ${param(filters.type)}`)
    if (filters.dossier) where.push(`(p.dossier = ${param(filters.dossier)} OR starts_with(p.dossier, ${param(`${filters.dossier}-`)}))`)
    if (filters.sender) where.push(`strpos(lower(p.sender), ${param(filters.sender.toLowerCase())}) > 0`)
    // A follow's new papers: written after its last visit.
    if (request.sinceSeq !== undefined) where.push(`p.seq > ${param(request.sinceSeq)}`)
    if (filters.paper) {
      const p = param(filters.paper)
      where.push(`(p.id = ${p} OR p.key = ${p} OR p.tk_nummer = ${p} OR p.id = ${param(`nds-tk-${filters.paper}`)})`)
    }
    if (filters.speaker) where.push(`p.key IN (SELECT paper_key FROM speakers WHERE strpos(lower(label), ${param(filters.speaker.toLowerCase())}) > 0)`)
    const bounds = dateBounds(filters.from, filters.to)
    if (bounds.from) where.push(`left(p.date, 10) >= ${param(bounds.from)}`)
    if (bounds.to) where.push(`left(p.date, 10) <= ${param(bounds.to)}`)
    const whereSql = `WHERE ${where.join(' AND ')}`

    const facetRows = (
      await db.query<{ type: string | null; sender: string | null; dossier: string | null; year: string | null; g: number; n: number }>(
        `SELECT p.type, p.sender, p.dossier, left(p.date, 4) AS year, GROUPING(p.type, p.sender, p.dossier, left(p.date, 4)) AS g, count(*) AS n
         FROM papers p ${whereSql}
         GROUP BY GROUPING SETS ((p.type), (p.sender), (p.dossier), (left(p.date, 4)), ())`,
        params,
      )
    ).rows
    const total = facetRows.find((r) => r.g === 15)?.n ?? 0
    const facet = (field: 'type' | 'sender' | 'dossier' | 'year', g: number) =>
      topFacet(facetRows.filter((r) => r.g === g && r[field] !== null).map((r): [string, number] => [r[field] as string, r.n]))

    let order = 'left(p.date, 10) DESC NULLS LAST, p.rowid DESC'
    let score = '0'
    const stats = (await db.query<{ papers: number; tokens: number }>('SELECT papers, tokens FROM stats')).rows[0] ?? { papers: 0, tokens: 0 }
    // As in the SQLite store: when BM25 gives every word the floor weight, newest first.
    // Counting the matches of a tsquery reads them all: without filters the facet query's total is that
    // count already, and a one-word query's matches are its word's document frequency.
    const count = async (q: string) => (await db.query<{ n: number }>('SELECT count(*) AS n FROM papers WHERE tsv @@ $1::tsquery', [q])).rows[0]?.n ?? 0
    const matches = tsquery && request.sort !== 'date' ? (hasFilters ? await count(tsquery) : total) : 0
    if (tsquery && request.sort !== 'date' && rankable(parsed, matches, stats.papers)) {
      const ranked = rankedTerms(parsed)
      const terms = []
      for (const term of ranked) {
        const hits = ranked.length === 1 && parsed.not.length === 0 ? matches : await count(termQuery(term))
        terms.push({ term, idf: idf(stats.papers, hits) })
      }
      score = bm25Sql(terms, stats.papers ? stats.tokens / stats.papers : 1, param)
      order = 'score DESC, p.rowid'
    }
    const page = (
      await db.query<HitRow & { score: number }>(
        `SELECT p.key, p.id, p.title, p.type, p.date, p.sender, p.text, p.tk_nummer, ${score} AS score
         FROM papers p ${whereSql} ORDER BY ${order} LIMIT ${param(limit)} OFFSET ${param(offset)}`,
        params,
      )
    ).rows
    const { stems, prefixes } = queryStems(parsed)
    return {
      total,
      hits: page.map((row) => searchHit(row, Number(row.score), stems, prefixes)),
      // GROUPING() sets a bit for each column a row is not grouped by: (type) is 0111, (sender) 1011, (dossier) 1101, (year) 1110.
      facets: { type: facet('type', 7), year: facet('year', 14), sender: facet('sender', 11), dossier: facet('dossier', 13) },
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
