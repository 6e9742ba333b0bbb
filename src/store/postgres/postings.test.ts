import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BENCH_QUERIES, generatePaper } from '../../bench/corpus.js'
import type { Document } from '../../model/document.js'
import { createContext, type PipelineContext, readDocument } from '../../pipeline.js'
import { openTestPostgres, testPostgresUrl } from '../../test-support/postgres.js'
import { EmbeddedStore } from '../sqlite/embedded.js'
import type { PostgresStore } from './index.js'
import { decodeSegment, encodeSegment, FAN_IN } from './postings.js'

describe('posting segments', () => {
  it('give back what was put in, seqs far apart and frequencies large included', () => {
    const seqs = [1, 2, 127, 128, 16_384, 2 ** 31 + 5]
    const freqs = [1, 300, 2, 127, 128, 70_000]
    const out: Array<[number, number]> = []
    decodeSegment(encodeSegment(seqs, freqs), (s, f) => out.push([s, f]))
    expect(out).toEqual(seqs.map((s, i) => [s, freqs[i]]))
  })
})

/** Undoes migrations 14 and 13: who signs in, follows per person, what alerts told. */
const BEFORE_PEOPLE =
  'DROP TABLE users; ALTER TABLE follows DROP CONSTRAINT follows_pkey, DROP COLUMN owner, DROP COLUMN every_hours, DROP COLUMN told; ALTER TABLE follows ADD PRIMARY KEY (name)'

/** Runs `sql` on a store's schema with a connection of its own, as another process would. */
async function onSchema(schema: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: pgUrl as string, options: `-c search_path=${schema}` })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/**
 * Undoes migration 9 on the schema `client` is on: events a row each, profiles and commitment records as JSON
 * text, no defaults on the index's columns. Values packed without a dictionary (a store of under 256 papers).
 */
async function beforeUnify(client: pg.Client): Promise<void> {
  const text = (b: Buffer) => inflateRawSync(b.subarray(1)).toString('utf8')
  const profiles = (await client.query<{ paper_key: string; profile: Buffer }>('SELECT paper_key, profile FROM profiles')).rows
  const records = (await client.query<{ id: string; record: Buffer }>('SELECT id, record FROM commitments')).rows
  const events = (await client.query<{ paper_key: string; items: Buffer }>('SELECT paper_key, items FROM events')).rows
  await client.query(`ALTER TABLE profiles ALTER COLUMN profile TYPE text USING '';
    ALTER TABLE commitments ALTER COLUMN record TYPE text USING '';
    DROP TABLE events;
    CREATE TABLE events (paper_key text COLLATE "C" NOT NULL, ord integer NOT NULL, start text COLLATE "C" NOT NULL, "end" text COLLATE "C" NOT NULL, text text NOT NULL, sentence text NOT NULL, PRIMARY KEY (paper_key, ord));
    ALTER TABLE papers ALTER COLUMN tsv DROP DEFAULT, ALTER COLUMN len DROP DEFAULT, ALTER COLUMN tf DROP DEFAULT`)
  for (const r of profiles) await client.query('UPDATE profiles SET profile = $1 WHERE paper_key = $2', [text(r.profile), r.paper_key])
  for (const r of records) await client.query('UPDATE commitments SET record = $1 WHERE id = $2', [text(r.record), r.id])
  for (const r of events)
    for (const [k, e] of (JSON.parse(text(r.items)) as Array<{ start: string; end: string; text: string; sentence: string }>).entries())
      await client.query('INSERT INTO events VALUES ($1, $2, $3, $4, $5, $6)', [r.paper_key, k, e.start, e.end, e.text, e.sentence])
}

const pgUrl = testPostgresUrl()
let ctx: PipelineContext
let postgres: PostgresStore
let sqlite: EmbeddedStore
let url = ''
let schema = ''
let drop: () => Promise<void> = async () => {}

async function paper(i: number, edit = (t: string) => t) {
  const { name, text } = generatePaper(i)
  const raw = new TextEncoder().encode(edit(text))
  return { doc: (await readDocument(raw, name, ctx)) as Document, raw }
}

// The bench's queries, and a few more: common words and the word the updates below add.
const QUERIES = [...BENCH_QUERIES, 'informeren', 'europese raad', 'zeeuwse']

async function same(): Promise<void> {
  for (const q of QUERIES)
    for (const sort of ['relevance', 'date'] as const)
      expect(await postgres.search({ q, sort, limit: 20 }), q).toEqual(await sqlite.search({ q, sort, limit: 20 }))
}

describe.skipIf(!pgUrl)('PostgreSQL search on posting lists', () => {
  beforeAll(async () => {
    ctx = await createContext()
    const opened = await openTestPostgres(pgUrl as string, { searchCache: 0 })
    postgres = opened.store
    schema = opened.schema
    drop = opened.drop
    url = pgUrl as string
    sqlite = new EmbeddedStore(join(mkdtempSync(join(tmpdir(), 'kw-postings-')), 'p.db'), { searchCache: 0 })
  }, 60_000)
  afterAll(async () => {
    sqlite?.close()
    await drop()
  })

  const query = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` })
    await client.connect()
    try {
      return (await client.query<T>(sql, params)).rows
    } finally {
      await client.end()
    }
  }

  it('answers as the embedded store does, paper for paper and score for score, as papers come one by one and in batches', async () => {
    const items = await Promise.all(Array.from({ length: 240 }, (_, i) => paper(i)))
    // One paper a transaction first: every term gathers segments, and merges run.
    for (const { doc, raw } of items.slice(0, 40)) {
      await postgres.put(doc, raw)
      await sqlite.put(doc, raw)
    }
    await same()
    for (let k = 40; k < items.length; k += 50) {
      const batch = items.slice(k, k + 50)
      await postgres.putMany(batch)
      await sqlite.putMany(batch)
      await same()
    }
    // No term has a full level of segments left unmerged.
    const levels = await query<{ n: number }>('SELECT count(*)::int AS n FROM postings GROUP BY term, level ORDER BY n DESC LIMIT 1')
    expect(levels[0]?.n).toBeLessThan(FAN_IN)
    expect((await query<{ n: number }>('SELECT count(*)::int AS n FROM postings WHERE level > 0'))[0]?.n).toBeGreaterThan(0)
  }, 120_000)

  it('forgets the old reading of a paper read again, keeps each term count exact, and drops dead postings when it merges', async () => {
    // Twenty papers read again with a word added: each is 'updated', its old postings are dead.
    for (let i = 0; i < 20; i++) {
      const { doc, raw } = await paper(i, (t) => t.replace('. ', '. Zeeuwse windmolens. '))
      expect(await postgres.put(doc, raw)).toBe('updated')
      expect(await sqlite.put(doc, raw)).toBe('updated')
    }
    await same()
    expect((await postgres.search({ q: 'zeeuwse' })).total).toBe(20)
    // Each term's count of papers is that of FTS5 in the embedded store.
    sqlite.sqlite.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.v_row USING fts5vocab(main, papers_fts, row)')
    const fts = new Map(
      sqlite.sqlite
        .prepare<[], { term: string; doc: number }>('SELECT term, doc FROM temp.v_row')
        .all()
        .map((r) => [r.term, r.doc]),
    )
    const terms = await query<{ term: string; df: number }>('SELECT term, df FROM terms WHERE df > 0')
    expect(terms.length).toBe(fts.size)
    for (const t of terms) expect(t.df, t.term).toBe(fts.get(t.term))
    // The twentieth write made a full second level for 'kamer' (in every paper): five segments of level 1 from the
    // first 40 papers, three more from the batches and updates; their merge dropped the first readings' postings.
    const live = new Set((await query<{ seq: string }>('SELECT seq FROM papers')).map((r) => Number(r.seq)))
    const kamer = await query<{ docs: Buffer; level: number }>("SELECT docs, level FROM postings WHERE term = 'kamer'")
    expect(kamer.map((r) => r.level)).toEqual([2])
    let dead = 0
    let alive = 0
    for (const r of kamer)
      decodeSegment(r.docs, (seq) => {
        if (live.has(seq)) alive++
        else dead++
      })
    expect(dead).toBe(0)
    expect(alive).toBe(fts.get('kamer'))
  }, 120_000)

  it('fills the postings of a store made before them (schema 6)', async () => {
    const before = await postgres.search({ q: 'lidstaat OR grondstof*', limit: 20 })
    // 240 papers: no dictionary was due yet, so every value is readable without one.
    const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` })
    await client.connect()
    try {
      await beforeUnify(client)
      await client.query(
        `${BEFORE_PEOPLE}; ALTER TABLE follows DROP COLUMN email, DROP COLUMN webhook, DROP COLUMN alerted_seq, DROP COLUMN alerted_at; DROP TABLE od_keys; DROP TABLE dictionaries; DROP TABLE postings; DROP TABLE terms; ALTER TABLE stats DROP COLUMN removals; UPDATE meta SET value = '6' WHERE key = 'schema_version'`,
      )
    } finally {
      await client.end()
    }
    const { PostgresStore } = await import('./index.js')
    const again = await PostgresStore.open(url, { schema, searchCache: 0 })
    try {
      expect(await again.schemaVersion()).toBe(16)
      expect(await again.search({ q: 'lidstaat OR grondstof*', limit: 20 })).toEqual(before)
    } finally {
      await again.close()
    }
  }, 60_000)
})

describe.skipIf(!pgUrl)('PostgreSQL follows per person (schema 13)', () => {
  it("keeps a store's follows of schema 12 as the store's own, with where their alerts go", async () => {
    const opened = await openTestPostgres(pgUrl as string, { searchCache: 0 })
    await opened.store.saveFollow('', 'npv', 'dossier:33783', '2026-12-01T10:00:00Z')
    await opened.store.setFollowAlerts('', 'npv', { email: 'griffie@example.org', webhook: null, everyHours: null })
    await onSchema(opened.schema, `${BEFORE_PEOPLE}; UPDATE meta SET value = '12' WHERE key = 'schema_version'`)
    const { PostgresStore } = await import('./index.js')
    const again = await PostgresStore.open(pgUrl as string, { schema: opened.schema, searchCache: 0 })
    try {
      expect(await again.schemaVersion()).toBe(16)
      expect(await again.follows('')).toMatchObject([{ owner: '', name: 'npv', query: 'dossier:33783', email: 'griffie@example.org', everyHours: null }])
      // Two people may now each have a follow of that name.
      await again.saveFollow('anna', 'npv', 'kernwapens', '2026-12-02T10:00:00Z')
      expect((await again.follows(null)).map((f) => `${f.owner}/${f.name}`)).toEqual(['/npv', 'anna/npv'])
    } finally {
      await again.close()
      await opened.drop()
    }
  })
})

describe.skipIf(!pgUrl)('PostgreSQL activities by number (schema 16)', () => {
  it('finds an activity kept at schema 15 by its number, as the register names it', async () => {
    const opened = await openTestPostgres(pgUrl as string, { searchCache: 0 })
    const meeting = { entity: 'Activiteit', id: 'a1', modified: '2024-01-24T00:00:00Z', deleted: false, record: { Id: 'a1', Nummer: '2024A00101' } }
    await opened.store.applySync('test', [{ record: meeting }], null)
    await onSchema(opened.schema, `DELETE FROM od_keys WHERE key LIKE 'activiteit-nr:%'; UPDATE meta SET value = '15' WHERE key = 'schema_version'`)
    expect(await opened.store.openDataByKey('Activiteit', 'activiteit-nr:2024A00101')).toEqual([])
    const { PostgresStore } = await import('./index.js')
    const again = await PostgresStore.open(pgUrl as string, { schema: opened.schema, searchCache: 0 })
    try {
      expect(await again.schemaVersion()).toBe(16)
      expect((await again.openDataByKey('Activiteit', 'activiteit-nr:2024A00101')).map((r) => r.id)).toEqual(['a1'])
    } finally {
      await again.close()
      await opened.drop()
    }
  })
})

describe.skipIf(!pgUrl)('PostgreSQL values packed with dictionaries', () => {
  it('migrates a store of unpacked values (schema 5): Documents, texts and sources come back the same', async () => {
    ctx ??= await createContext()
    const opened = await openTestPostgres(pgUrl as string, { searchCache: 0 })
    const items = await Promise.all(Array.from({ length: 30 }, (_, i) => paper(i)))
    await opened.store.putMany(items)
    const before = await opened.store.search({ q: 'Kamer OR lidstaat', limit: 20 })
    const dossier = items[0]?.doc.dossier as string
    const promised = await opened.store.commitments({ limit: 50 }, '2026-11-28')
    const timeline = await opened.store.timeline(dossier, '2026-11-28')
    expect(promised.total).toBeGreaterThan(0)
    expect(timeline.some((t) => t.kind === 'event')).toBe(true)
    const client = new pg.Client({ connectionString: pgUrl as string, options: `-c search_path=${opened.schema}` })
    await client.connect()
    try {
      // As stores before schema 6 kept them: the whole Document and the text deflated with no header, sources as they are.
      for (const { doc, raw } of items) {
        await client.query('UPDATE papers SET doc = $1, text = $2 WHERE key = $3', [deflateRawSync(JSON.stringify(doc)), deflateRawSync(doc.text), doc.id])
        await client.query('UPDATE sources SET bytes = $1 WHERE sha256 = $2', [Buffer.from(raw), doc.source.sha256])
      }
      await beforeUnify(client)
      await client.query(
        `${BEFORE_PEOPLE}; ALTER TABLE follows DROP COLUMN email, DROP COLUMN webhook, DROP COLUMN alerted_seq, DROP COLUMN alerted_at; DROP TABLE od_keys; DROP TABLE dictionaries; DROP TABLE postings; DROP TABLE terms; ALTER TABLE stats DROP COLUMN removals; UPDATE meta SET value = '5' WHERE key = 'schema_version'`,
      )
    } finally {
      await client.end()
    }
    const { PostgresStore } = await import('./index.js')
    const again = await PostgresStore.open(pgUrl as string, { schema: opened.schema, searchCache: 0 })
    try {
      expect(await again.schemaVersion()).toBe(16)
      // Migration 9 packed the records, profiles and events: the tracker and the timeline read the same.
      expect(await again.commitments({ limit: 50 }, '2026-11-28')).toEqual(promised)
      expect(await again.timeline(dossier, '2026-11-28')).toEqual(timeline)
      for (const { doc, raw } of items) {
        expect(await again.get(doc.id as string)).toEqual(doc)
        expect(Buffer.compare(Buffer.from((await again.raw(doc.id as string)) as Uint8Array), Buffer.from(raw))).toBe(0)
      }
      expect(await again.search({ q: 'Kamer OR lidstaat', limit: 20 })).toEqual(before)
    } finally {
      await again.close()
      await opened.drop()
    }
  }, 120_000)

  it('made from its papers when it first holds 256, read back by another process, sources byte for byte', async () => {
    ctx ??= await createContext()
    const first = await openTestPostgres(pgUrl as string, { searchCache: 0 })
    const { PostgresStore } = await import('./index.js')
    const other = await PostgresStore.open(pgUrl as string, { schema: first.schema, searchCache: 0 })
    try {
      const items = await Promise.all(Array.from({ length: 300 }, (_, i) => paper(i)))
      await first.store.putMany(items.slice(0, 260))
      await first.store.putMany(items.slice(260))
      const client = new pg.Client({ connectionString: pgUrl as string, options: `-c search_path=${first.schema}` })
      await client.connect()
      const made = (await client.query<{ kind: string; papers: number }>('SELECT kind, papers FROM dictionaries ORDER BY id')).rows
      const headers = (await client.query<{ h: number }>('SELECT DISTINCT get_byte(text, 0) AS h FROM papers ORDER BY 1')).rows.map((r) => r.h)
      await client.end()
      expect(made).toEqual([
        { kind: 'text', papers: 260 },
        { kind: 'doc', papers: 260 },
        { kind: 'profile', papers: 260 },
        { kind: 'record', papers: 260 },
      ])
      expect(headers).toEqual([0, 1])
      // The other process opened before the dictionaries existed: it finds them when it meets a value packed with one.
      for (const { doc, raw } of [items[0], items[299]] as Array<(typeof items)[number]>) {
        expect(await other.get(doc.id as string)).toEqual(doc)
        expect(Buffer.compare(Buffer.from((await other.raw(doc.id as string)) as Uint8Array), Buffer.from(raw))).toBe(0)
      }
      expect((await other.search({ q: 'Kamer', limit: 3 })).hits.length).toBe(3)
    } finally {
      await other.close()
      await first.drop()
    }
  }, 120_000)
})
