import type { Citations, CommitmentList, CommitmentQuery, DossierView, PaperSummary, TimelineEntry } from '../link/models.js'
import type { Correction, TrackedCommitment } from '../link/status.js'
import type { Document } from '../model/document.js'
import type { OpenDataRecord } from '../model/opendata.js'
import { Scratch } from '../search/bm25.js'
import { runSearch } from '../search/engine.js'
import { queryStems } from '../search/query.js'
import type { SearchRequest, SearchResult } from '../search/types.js'
import { BatchRows } from './batch-rows.js'
import { DICTIONARY_SIZE, type Dictionary, joinDocument, MAX_DICTIONARIES, PACK_KINDS, Packer, type PackKind, sampleDictionary, TRAIN_AT } from './codec.js'
import { documentNummerOf, followedItem, paperKey, paperRef, READER_VERSION } from './keys.js'
import { Links } from './links.js'
import { openData } from './opendata.js'
import * as people from './people.js'
import { type PreparedPaper, packedAsNow, preparePaper } from './prepare.js'
import { dateBounds, emptyResult, FORM_RANK, type HitRow, prepareSearch, ResultCache, searchHit } from './shared.js'
import { containsPattern, type Dialect, type Migration, type PostingIndex, type Sql } from './sql.js'
import type { FollowStatus, MissingContent, PutResult, Store, SyncApplied, SyncItem, User } from './store.js'
import { Values } from './values.js'

/** Papers written between two turns of the event loop inside a batch. */
const YIELD_EVERY = 8
/** Open-data records (most of them small) written between two turns. */
const YIELD_EVERY_RECORDS = 64

/** What a migration's data step may use: the store's values and links, and dictionary training. */
export interface MigrationContext {
  values: Values
  links: Links
  /** Makes and keeps a dictionary of each kind from the samples (see `sampleDictionary`). */
  train(tx: Sql, papers: number, samples: Record<PackKind, Uint8Array[]>): Promise<void>
}

/** An engine as the repository needs it: its dialect, its migrations and its posting index. */
export interface Engine {
  dialect: Dialect
  migrations(ctx: MigrationContext): Migration[]
  /** The posting index, made once the schema is current. */
  index(values: Values): PostingIndex
  /** Reads a dictionary at once by id (SQLite can; a server store loads them with `Values.load`). */
  lookup?: (id: number) => Dictionary | null
}

/** Thrown by the raw-bytes callback of `joinDocument` when the bytes were not read yet. */
const NEED_RAW = Symbol('need raw')

const PAPER_COLUMNS = 'key, id, type, date, year, sender, title, dossier, form, source_sha, reader_version, doc, text, tk_nummer'

/**
 * The store, written once over a `Dialect`: papers with their raw sources,
 * the open-data records, follows, and search around `search/engine.ts`. The
 * embedded store (`sqlite/`) and the team store (`postgres/`) are this class
 * over their engine. Opening migrates; `ready` settles when it has.
 */
export class Repository implements Store {
  readonly location: string
  /** Settles when the store is migrated and open; every method waits for it. */
  readonly ready: Promise<void>
  protected readonly d: Dialect
  /** Packs and unpacks stored values with the store's dictionaries (see `codec.ts`). */
  readonly packer: Packer
  private readonly values: Values
  private readonly links: Links
  private index!: PostingIndex
  private readonly results: ResultCache
  private readonly scratch = new Scratch()
  /** The search running now: searches take turns, as the columns and lists in memory follow one snapshot at a time. */
  private searching: Promise<unknown> = Promise.resolve()

  constructor(engine: Engine, options: { searchCache?: number } = {}) {
    this.d = engine.dialect
    this.location = this.d.location
    this.results = new ResultCache(Math.max(0, options.searchCache ?? 256))
    this.packer = new Packer(engine.lookup)
    this.values = new Values(this.packer, this.d.db)
    this.links = new Links(this.d, this.values)
    this.ready = this.open(engine)
    // Awaited by every method; a failure to open is reported there, not as an unhandled rejection.
    this.ready.catch(() => {})
  }

  private async open(engine: Engine): Promise<void> {
    await this.d.migrate(engine.migrations({ values: this.values, links: this.links, train: (tx, papers, samples) => this.train(tx, papers, samples) }))
    await this.values.load()
    this.index = engine.index(this.values)
  }

  /** Schema version of the store. */
  async schemaVersion(): Promise<number> {
    await this.ready
    return Number((await this.d.db.get<{ value: string }>("SELECT value FROM meta WHERE key = 'schema_version'"))?.value ?? 0)
  }

  /**
   * Runs `work` in one write transaction as the only writer, the dictionaries
   * brought up to date first and the posting index flushed before it commits.
   * A dictionary made in a transaction that rolls back is not in the store:
   * nothing may be packed with it.
   */
  private async write<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    await this.ready
    const known = this.packer.highest()
    try {
      return await this.d.write(async (tx) => {
        try {
          await this.trainIfDue(tx)
          const out = await work(tx)
          await this.index.flush(tx)
          return out
        } finally {
          // What was read ahead for linking is the transaction's: SQLite runs each on the same connection object.
          this.links.forget(tx)
        }
      })
    } catch (e) {
      this.packer.forgetAbove(known)
      throw e
    }
  }

  async put(doc: Document, raw: Uint8Array, force = false): Promise<PutResult> {
    return (await this.putMany([{ doc, raw }], force))[0] as PutResult
  }

  /** See `Store.dictionaries`. */
  dictionaries(): Dictionary[] {
    return this.packer.list()
  }

  async putMany(items: Array<{ doc: Document; raw: Uint8Array; prepared?: PreparedPaper | undefined }>, force = false): Promise<PutResult[]> {
    return this.write(async (tx) => {
      const rows = new BatchRows(tx, this.d)
      await rows.prefetch(
        items.map((i) => i.doc.source.sha256),
        items.map((i) => paperKey(i.doc)),
      )
      const toWrite = items.filter((i) => force || !rows.readAt(i.doc.source.sha256, READER_VERSION))
      rows.expectPapers(toWrite.length)
      // Prepared where it was read (ingest's threads) with the dictionaries the store packs with now; else here.
      const prepared = new Map(
        toWrite.map((i) => [i, i.prepared && packedAsNow(i.prepared, this.packer) ? i.prepared : preparePaper(i.doc, i.raw, this.packer)]),
      )
      await this.links.prefetch(
        tx,
        toWrite.map((i) => ({ paper: paperRef(i.doc), doc: i.doc, records: (prepared.get(i) as PreparedPaper).records })),
      )
      const out: PutResult[] = []
      for (const [i, item] of items.entries()) {
        // The event loop gets a turn every few papers: a batch of 250 takes a few hundred ms to write, and meanwhile
        // the ingest hands its reading threads new papers and a server answers other requests (reads of this
        // connection wait for the transaction; they never see it half-written).
        if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise<void>((resolve) => setImmediate(resolve))
        out.push(await this.putOne(tx, rows, item.doc, item.raw, force, prepared.get(item) ?? item.prepared))
      }
      return out
    })
  }

  private async putOne(tx: Sql, rows: BatchRows, doc: Document, raw: Uint8Array, force: boolean, prepared?: PreparedPaper): Promise<PutResult> {
    const sha = doc.source.sha256
    const known = await rows.source(sha)
    if (known && known.reader_version >= READER_VERSION && !force) return 'unchanged'
    const key = paperKey(doc)
    // Read again under another key (a reader that now finds an id or a subject): its paper under the old key goes.
    if (known && known.key !== key && (await rows.paper(known.key))?.source_sha === sha) await this.removePaper(tx, rows, known.key, { keepSources: true })
    rows.wroteSource(sha, { key, reader_version: READER_VERSION })
    // Prepared where it was read (ingest's threads) with the dictionaries the store packs with now; else here.
    const prep = prepared && packedAsNow(prepared, this.packer) ? prepared : preparePaper(doc, raw, this.packer)
    await tx.write(
      `INSERT INTO sources (sha256, key, name, form, reader_version, bytes) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (sha256) DO UPDATE SET key = excluded.key, name = excluded.name, form = excluded.form, reader_version = excluded.reader_version`,
      [sha, key, doc.source.name, doc.form, READER_VERSION, prep.source],
    )
    const existing = await rows.paper(key)
    // Another form of a paper already stored replaces it only when it is read as well or better.
    if (existing && existing.source_sha !== sha && existing.reader_version >= READER_VERSION && FORM_RANK[existing.form] > FORM_RANK[doc.form])
      return 'unchanged'
    if (existing && force && existing.source_sha !== sha) return 'unchanged'
    const row = [
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
      prep.doc,
      prep.text,
      documentNummerOf(doc),
    ]
    // Its row id and write counter come drawn for the batch: the row is written without waiting for an answer.
    const drawn = await rows.nextIds()
    const written = { rowid: existing ? Number(existing.rowid) : drawn.rowid, seq: drawn.seq }
    if (existing) await this.index.remove(tx, written.rowid, false)
    const own = await this.index.add(tx, { rowid: written.rowid, seq: written.seq, stems: prep.stems }, !existing)
    const names = [...PAPER_COLUMNS.split(', '), ...own.map((c) => c.name), 'seq']
    const marks = [...row.map(() => '?'), ...own.map((c) => (c.cast ? `?::${c.cast}` : '?')), '?']
    const values = [...row, ...own.map((c) => c.value), written.seq]
    if (existing) await tx.write(`UPDATE papers SET ${names.map((n, k) => `${n} = ${marks[k]}`).join(', ')} WHERE rowid = ?`, [...values, written.rowid])
    else await tx.write(`INSERT INTO papers (${names.join(', ')}, rowid) VALUES (${marks.join(', ')}, ?)`, [...values, written.rowid])
    rows.wrotePaper(key, { rowid: written.rowid, form: doc.form, source_sha: sha, reader_version: READER_VERSION })
    await this.links.derive(tx, doc, paperRef(doc), prep, !existing)
    return existing ? 'updated' : 'new'
  }

  /** Removes a paper, its index entry, what was derived from it and (unless kept) its raw sources; false when there is none. */
  private async removePaper(tx: Sql, rows: BatchRows, key: string, { keepSources = false } = {}): Promise<boolean> {
    const existing = await rows.paper(key)
    if (!existing) return false
    await this.index.remove(tx, Number(existing.rowid), true)
    await this.links.clear(tx, key)
    await tx.write('DELETE FROM papers WHERE rowid = ?', [existing.rowid])
    rows.wrotePaper(key, null)
    if (keepSources) return true
    await tx.write('DELETE FROM sources WHERE key = ?', [key])
    rows.removedSourcesOf(key)
    return true
  }

  /** See `Store.applySync`. */
  async applySync(source: string, items: SyncItem[], state: unknown): Promise<SyncApplied> {
    const out: SyncApplied = { records: 0, papers: { new: 0, updated: 0, unchanged: 0 }, removed: 0 }
    await this.write(async (tx) => {
      const rows = new BatchRows(tx, this.d)
      const papers = items.flatMap((i) => (i.paper ? [i.paper.doc] : []))
      await rows.prefetch(
        papers.map((d) => d.source.sha256),
        papers.map(paperKey),
      )
      // A changed record writes its paper again even when the paper's bytes are the same.
      rows.expectPapers(papers.length)
      // An uploaded list of 60,000 records is one transaction, but never one turn of the event loop.
      for (const [i, item] of items.entries()) {
        if (i % YIELD_EVERY_RECORDS === YIELD_EVERY_RECORDS - 1) await new Promise<void>((resolve) => setImmediate(resolve))
        await this.applyOne(tx, rows, item, out)
      }
      await openData.setState(tx, source, state)
    })
    return out
  }

  private async applyOne(tx: Sql, rows: BatchRows, { record, paper }: SyncItem, out: SyncApplied): Promise<void> {
    out.records++
    const before = record.entity === 'Document' ? await openData.paperOf(tx, record.id) : null
    const drop = async (key: string | null) => {
      if (key && !(await openData.sharedByOthers(tx, key, record.id)) && (await this.removePaper(tx, rows, key))) out.removed++
    }
    if (record.deleted) {
      await openData.remove(tx, record.entity, record.id)
      if (record.entity === 'Document') {
        await drop(before)
        await openData.dropContent(tx, record.id)
      }
      return
    }
    await openData.upsert(tx, record)
    if (!paper) return
    const key = paperKey(paper.doc)
    const existing = await rows.paper(key)
    // A changed record is written again even when its content is the same bytes: its metadata changed.
    const same = existing?.source_sha === paper.doc.source.sha256
    const result = await this.putOne(tx, rows, paper.doc, paper.raw, same)
    out.papers[result]++
    // The record's JSON stood in for the text until now; the record itself is kept in od_records.
    if (result === 'updated' && paper.content === 'ok' && existing?.form === 'open-data' && !same) {
      await tx.write("DELETE FROM sources WHERE sha256 = ? AND form = 'open-data'", [existing.source_sha])
      rows.removedSource(existing.source_sha)
    }
    if (before && before !== key) await drop(before)
    await openData.setContent(tx, record.id, key, paper.content, paper.reason ?? null)
  }

  /**
   * Makes new dictionaries when the store has grown past the next of
   * `TRAIN_AT` since the last were made, from papers spread over the store.
   * Runs under the write lock, before the papers of that write are packed,
   * so two processes never both make them.
   */
  private async trainIfDue(tx: Sql): Promise<void> {
    const newest = await tx.get<{ id: number | null; papers: number | null }>(
      "SELECT (SELECT max(id) FROM dictionaries) AS id, (SELECT max(papers) FROM dictionaries WHERE kind = 'text') AS papers",
    )
    // Made by another process since this one loaded them.
    if (Number(newest?.id ?? 0) > this.packer.highest()) await this.values.load(tx)
    // The highest row id stands for the number of papers: count(*) reads a whole index, and only a removal makes them differ.
    const count = Number((await tx.get<{ n: number | null }>('SELECT max(rowid) AS n FROM papers'))?.n ?? 0)
    const last = Number(newest?.papers ?? 0)
    if (!TRAIN_AT.some((n) => n <= count && n > last)) return
    const rows: Array<{ doc: Buffer; text: Buffer; profile: Buffer | null; record: Buffer | null }> = []
    // About 200 papers spread over the row ids, enough to fill each dictionary with whole papers of a few KB.
    for (let k = 0; k < 200; k++) {
      const r = await tx.get<(typeof rows)[number]>(
        `SELECT p.doc, p.text, f.profile, (SELECT c.record FROM commitments c WHERE c.paper_key = p.key ORDER BY c.ord LIMIT 1) AS record
         FROM papers p LEFT JOIN profiles f ON f.paper_key = p.key WHERE p.rowid >= ? ORDER BY p.rowid LIMIT 1`,
        [Math.floor((k * count) / 200) + 1],
      )
      if (r) rows.push(r)
    }
    const all = (blobs: Array<Buffer | null>) => blobs.filter((b): b is Buffer => !!b).map((b) => this.packer.unpack(b))
    await this.train(tx, count, {
      text: all(rows.map((r) => r.text)),
      doc: all(rows.map((r) => r.doc)),
      profile: all(rows.map((r) => r.profile)),
      record: all(rows.map((r) => r.record)),
    })
  }

  /** Makes and keeps a dictionary of each kind from the samples given; the packer uses them from now on. */
  private async train(tx: Sql, papers: number, samples: Record<PackKind, Uint8Array[]>): Promise<void> {
    for (const kind of PACK_KINDS) {
      const bytes = sampleDictionary(samples[kind], DICTIONARY_SIZE[kind])
      if (bytes.length === 0) continue
      const id = Number((await tx.get<{ n: number | null }>('SELECT max(id) AS n FROM dictionaries'))?.n ?? 0) + 1
      if (id > MAX_DICTIONARIES) return
      await tx.run('INSERT INTO dictionaries (id, kind, papers, bytes) VALUES (?, ?, ?, ?)', [id, kind, papers, Buffer.from(bytes)])
      this.packer.add({ id, kind, papers, bytes })
    }
  }

  async follows(owner: string | null): Promise<FollowStatus[]> {
    await this.ready
    const out: FollowStatus[] = []
    for (const f of await people.followRows(this.d.db, owner)) {
      const { total } = followedItem(f.query) ? { total: 0 } : await this.search({ q: f.query, sinceSeq: f.seenSeq, limit: 0 })
      out.push({ ...f, newCount: total })
    }
    return out
  }

  async setFollowAlerts(owner: string, name: string, to: { email: string | null; webhook: string | null; everyHours: number | null }): Promise<boolean> {
    await this.ready
    return people.setFollowAlerts(this.d.db, owner, name, to)
  }

  async markFollowAlerted(owner: string, name: string, seq: number, at: string, told?: string | null): Promise<boolean> {
    await this.ready
    return people.markFollowAlerted(this.d.db, owner, name, seq, at, told)
  }

  async writeCounter(): Promise<number> {
    await this.ready
    return Number((await this.d.db.get<{ n: number }>('SELECT coalesce(max(seq), 0) AS n FROM papers'))?.n ?? 0)
  }

  async saveFollow(owner: string, name: string, query: string, at: string): Promise<void> {
    await this.ready
    await people.saveFollow(this.d.db, owner, name, query, at)
  }

  async removeFollow(owner: string, name: string): Promise<boolean> {
    await this.ready
    return people.removeFollow(this.d.db, owner, name)
  }

  async markFollowSeen(owner: string, name: string, at: string): Promise<boolean> {
    await this.ready
    return people.markFollowSeen(this.d.db, owner, name, at)
  }

  async users(): Promise<User[]> {
    await this.ready
    return people.userRows(this.d.db)
  }

  async addUser(user: User, tokenHash: string): Promise<boolean> {
    await this.ready
    return people.addUser(this.d.db, user, tokenHash)
  }

  async setUserToken(name: string, tokenHash: string): Promise<boolean> {
    await this.ready
    return people.setUserToken(this.d.db, name, tokenHash)
  }

  async removeUser(name: string): Promise<boolean> {
    await this.ready
    return this.d.write((tx) => people.removeUser(tx, name))
  }

  async userByToken(tokenHash: string): Promise<User | null> {
    await this.ready
    return people.userByToken(this.d.db, tokenHash)
  }

  async userByName(name: string): Promise<{ user: User; tokenHash: string } | null> {
    await this.ready
    return people.userByName(this.d.db, name)
  }

  async syncState(source: string): Promise<unknown> {
    await this.ready
    return openData.state(this.d.db, source)
  }

  async openData(entity: string): Promise<OpenDataRecord[]> {
    await this.ready
    return openData.records(this.d.db, entity)
  }

  /** See `Store.openDataByKey`. */
  async openDataByKey(entity: string, key: string): Promise<OpenDataRecord[]> {
    await this.ready
    return openData.byKey(this.d.db, entity, key)
  }

  async missingContent(): Promise<MissingContent[]> {
    await this.ready
    return openData.missing(this.d.db)
  }

  /** The key of a paper by key, id or Tweede Kamer number. */
  private async keyOf(idOrKey: string): Promise<string | null> {
    await this.ready
    for (const column of ['key', 'id', 'tk_nummer']) {
      const row = await this.d.db.get<{ key: string }>(`SELECT key FROM papers WHERE ${column} = ? ORDER BY rowid LIMIT 1`, [idOrKey])
      if (row) return row.key
    }
    return null
  }

  async get(idOrKey: string): Promise<Document | null> {
    const key = await this.keyOf(idOrKey)
    if (!key) return null
    const row = await this.d.db.get<{ doc: Buffer; text: Buffer }>('SELECT doc, text FROM papers WHERE key = ?', [key])
    if (!row) return null
    const json = await this.values.text(row.doc)
    const text = await this.values.text(row.text)
    // A text file's source text is not stored twice: it is its raw bytes decoded, read only when needed.
    let bytes: Uint8Array | null | undefined
    const raw = () => {
      if (bytes === undefined) throw NEED_RAW
      return bytes
    }
    try {
      return joinDocument(json, text, raw)
    } catch (e) {
      if (e !== NEED_RAW) throw e
    }
    bytes = await this.raw(key)
    return joinDocument(json, text, raw)
  }

  async raw(idOrKey: string): Promise<Uint8Array | null> {
    const key = await this.keyOf(idOrKey)
    if (!key) return null
    const row = await this.d.db.get<{ bytes: Buffer }>('SELECT s.bytes FROM papers p JOIN sources s ON s.sha256 = p.source_sha WHERE p.key = ?', [key])
    return row ? new Uint8Array(await this.values.bytes(row.bytes)) : null
  }

  async hasCurrent(sha256: string): Promise<boolean> {
    await this.ready
    const row = await this.d.db.get<{ reader_version: number }>('SELECT reader_version FROM sources WHERE sha256 = ?', [sha256])
    return !!row && row.reader_version >= READER_VERSION
  }

  async currentShas(): Promise<string[]> {
    await this.ready
    return (await this.d.db.all<{ sha256: string }>('SELECT sha256 FROM sources WHERE reader_version >= ?', [READER_VERSION])).map((r) => r.sha256)
  }

  /** Every raw source kept, for `kamerwacht reindex`: listed first, so the caller may write while it reads them. */
  async sources(): Promise<Array<{ sha256: string; name: string; bytes: () => Promise<Uint8Array> }>> {
    await this.ready
    const rows = await this.d.db.all<{ sha256: string; name: string }>('SELECT sha256, name FROM sources ORDER BY sha256')
    return rows.map((r) => ({
      ...r,
      bytes: async () => {
        const row = await this.d.db.get<{ bytes: Buffer }>('SELECT bytes FROM sources WHERE sha256 = ?', [r.sha256])
        return new Uint8Array(row ? await this.values.bytes(row.bytes) : [])
      },
    }))
  }

  async warm(): Promise<void> {
    await this.ready
    await this.index.warm()
  }

  async count(): Promise<number> {
    await this.ready
    return this.index.count()
  }

  async terms(prefix: string, limit: number): Promise<Array<{ term: string; papers: number }>> {
    await this.ready
    return this.index.terms(prefix, limit)
  }

  async all(page?: { offset: number; limit: number }): Promise<PaperSummary[]> {
    await this.ready
    // A page is read as a page: a list of 60,000 papers is never built to send one.
    return this.d.db.all<PaperSummary>(
      `SELECT p.key, p.id, p.type, p.date, p.sender, p.title, p.dossier, s.name AS "sourceName", p.source_sha AS sha256
       FROM papers p JOIN sources s ON s.sha256 = p.source_sha ORDER BY p.key${page ? ' LIMIT ? OFFSET ?' : ''}`,
      page ? [page.limit, page.offset] : [],
    )
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    await this.ready
    if (this.results.size === 0) return this.searchUncached(request)
    const key = this.results.key(request)
    const hit = this.results.get(key, await this.index.stamp())
    if (hit) return hit
    const result = await this.searchUncached(request)
    this.results.set(key, result)
    return result
  }

  private async searchUncached(request: SearchRequest): Promise<SearchResult> {
    const prepared = prepareSearch(request)
    if (prepared.parsed.must.length === 0 && !prepared.hasFilters) return emptyResult()
    const run = this.searching.then(() => this.d.snapshot((tx) => this.searchIn(tx, request, prepared)))
    this.searching = run.catch(() => {})
    return run
  }

  /**
   * The engine (`search/engine.ts`) over the store's posting index: the
   * columns and lists brought to the snapshot, matching, ranking, facets and
   * paging in memory, then one query for the page's rows.
   */
  private async searchIn(tx: Sql, request: SearchRequest, { parsed, filters, limit, offset }: ReturnType<typeof prepareSearch>): Promise<SearchResult> {
    const { columns, lists } = await this.index.prepare(tx, parsed.must.length > 0 ? parsed : null)
    const rows = async (sql: string, params: unknown[]) => new Set((await tx.all<{ rowid: number }>(sql, params)).map((r) => Number(r.rowid)))
    const found = runSearch(
      columns,
      lists,
      parsed,
      filters,
      { sort: request.sort, sinceSeq: request.sinceSeq, bounds: dateBounds(filters.from, filters.to), limit, offset },
      {
        // `spreker:Wiebes`: the rows of the debate records with a speaker so labelled (few; looked up, not cached).
        speaker: filters.speaker
          ? await rows("SELECT DISTINCT p.rowid FROM speakers s JOIN papers p ON p.key = s.paper_key WHERE lower(s.label) LIKE ? ESCAPE '\\'", [
              containsPattern(filters.speaker.toLowerCase()),
            ])
          : null,
        // `stuk:kst-33783-50`, `2019D21842`: one paper, by id, key or Tweede Kamer number.
        paper: filters.paper
          ? await rows('SELECT rowid FROM papers WHERE id = ? OR key = ? OR tk_nummer = ? OR id = ?', [
              filters.paper,
              filters.paper,
              filters.paper,
              `nds-tk-${filters.paper}`,
            ])
          : null,
      },
      this.scratch,
    )
    const hitRows = new Map(
      (
        await tx.all<HitRow & { rowid: number }>(
          `SELECT p.rowid, p.key, p.id, p.title, p.type, p.date, p.sender, p.text, p.tk_nummer, f.dossier_title
           FROM papers p LEFT JOIN profiles f ON f.paper_key = p.key WHERE ${this.d.fragments.inList('p.rowid')}`,
          [[...found.page]],
        )
      ).map((r) => [Number(r.rowid), r]),
    )
    await this.values.known(
      [...hitRows.values()].map((r) => r.text),
      tx,
    )
    const { stems, prefixes } = queryStems(parsed)
    const { scores } = found
    return {
      total: found.total,
      hits: found.page.map((r) => searchHit(hitRows.get(r) as HitRow, (t) => this.packer.unpackText(t), scores ? (scores[r] as number) : 0, stems, prefixes)),
      facets: found.facets,
    }
  }

  async citations(idOrKey: string): Promise<Citations | null> {
    await this.ready
    return this.links.citations(idOrKey)
  }

  async dossier(dossier: string, today: string): Promise<DossierView | null> {
    await this.ready
    return this.links.dossier(dossier, today)
  }

  async timeline(dossier: string, today: string): Promise<TimelineEntry[]> {
    await this.ready
    return this.links.timeline(dossier, today)
  }

  async commitments(query: CommitmentQuery, today: string): Promise<CommitmentList> {
    await this.ready
    return this.links.commitments(query, today)
  }

  async commitment(id: string, today: string): Promise<TrackedCommitment | null> {
    await this.ready
    return this.links.commitment(id, today)
  }

  async correct(id: string, correction: Correction): Promise<boolean> {
    await this.ready
    return this.links.correct(id, correction)
  }

  async close(): Promise<void> {
    await this.ready.catch(() => {})
    await this.d.close()
  }
}
