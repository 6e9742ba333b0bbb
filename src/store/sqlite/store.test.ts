import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deflateRawSync } from 'node:zlib'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { generatePaper } from '../../bench/corpus.js'
import type { Document } from '../../model/document.js'
import { createContext, type PipelineContext, readDocument } from '../../pipeline.js'
import { parseQuery, QueryError, toFts } from '../../search/query.js'
import { corpusFile, skipWithoutShared } from '../../test-support/paths.js'
import { EmbeddedStore } from './embedded.js'
import { FtsPostings, varints } from './postings.js'

let ctx: PipelineContext
beforeAll(async () => {
  ctx = await createContext()
})
const stores: EmbeddedStore[] = []
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close()
})
function open(): EmbeddedStore {
  const s = new EmbeddedStore(join(mkdtempSync(join(tmpdir(), 'kw-store-')), 'test.db'))
  stores.push(s)
  return s
}
async function paper(i: number) {
  const { name, text } = generatePaper(i)
  const raw = new TextEncoder().encode(text)
  return { doc: await readDocument(raw, name, ctx), raw }
}

/**
 * Undoes migration 9: every value as stores before it kept them (the whole Document and the clean text deflated
 * with no header, raw sources and profiles as they are), no dictionaries, the two indexes back.
 */
async function unpackStore(store: EmbeddedStore): Promise<void> {
  const db = store.sqlite
  for (const key of db.prepare<[], string>('SELECT key FROM papers').pluck().all()) {
    const doc = (await store.get(key)) as Document
    db.prepare('UPDATE papers SET doc = ?, text = ? WHERE key = ?').run(deflateRawSync(JSON.stringify(doc)), deflateRawSync(doc.text), key)
  }
  for (const r of db.prepare<[], { sha256: string; bytes: Buffer }>('SELECT sha256, bytes FROM sources').all())
    db.prepare('UPDATE sources SET bytes = ? WHERE sha256 = ?').run(store.packer.unpack(r.bytes), r.sha256)
  for (const r of db.prepare<[], { paper_key: string; profile: Buffer }>('SELECT paper_key, profile FROM profiles').all())
    db.prepare('UPDATE profiles SET profile = ? WHERE paper_key = ?').run(store.packer.unpackText(r.profile), r.paper_key)
  for (const r of db.prepare<[], { id: string; record: Buffer }>('SELECT id, record FROM commitments').all())
    db.prepare('UPDATE commitments SET record = ? WHERE id = ?').run(store.packer.unpackText(r.record), r.id)
  // Events a row each, as before.
  const events = db.prepare<[], { paper_key: string; items: Buffer }>('SELECT paper_key, items FROM events').all()
  db.exec(
    'DROP TABLE events; CREATE TABLE events (paper_key TEXT NOT NULL, ord INTEGER NOT NULL, start TEXT NOT NULL, end TEXT NOT NULL, text TEXT NOT NULL, sentence TEXT NOT NULL, PRIMARY KEY (paper_key, ord)) WITHOUT ROWID',
  )
  for (const e of events)
    (JSON.parse(store.packer.unpackText(e.items)) as Array<{ start: string; end: string; text: string; sentence: string }>).forEach((x, k) => {
      db.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)').run(e.paper_key, k, x.start, x.end, x.text, x.sentence)
    })
  db.exec(
    `${BEFORE_PEOPLE}; ALTER TABLE follows DROP COLUMN email; ALTER TABLE follows DROP COLUMN webhook; ALTER TABLE follows DROP COLUMN alerted_seq; ALTER TABLE follows DROP COLUMN alerted_at; DROP TABLE od_keys; DROP TABLE dictionaries; CREATE INDEX papers_dossier ON papers(dossier, date); CREATE INDEX papers_sender ON papers(sender, date); UPDATE meta SET value = '8' WHERE key = 'schema_version'`,
  )
}

// Undoes migration 13: people who sign in, and follows per person (the follows of schema 12 come back as they were).
const BEFORE_PEOPLE = `DROP TABLE users;
  CREATE TABLE follows_12 (name TEXT PRIMARY KEY, query TEXT NOT NULL, created TEXT NOT NULL, seen_seq INTEGER NOT NULL DEFAULT 0, seen_at TEXT,
    email TEXT, webhook TEXT, alerted_seq INTEGER NOT NULL DEFAULT 0, alerted_at TEXT);
  INSERT INTO follows_12 SELECT name, query, created, seen_seq, seen_at, email, webhook, alerted_seq, alerted_at FROM follows;
  DROP TABLE follows; ALTER TABLE follows_12 RENAME TO follows`

// Undoes migrations 8 to 5: other dossiers, follows, the speakers of debates, the open-data tables and `papers.tk_nummer`.
const BEFORE_OPEN_DATA =
  "DROP TABLE paper_dossiers; DROP TABLE follows; DROP TABLE speakers; DROP TABLE od_records; DROP TABLE od_content; DROP TABLE sync_state; DROP INDEX papers_tk_nummer; ALTER TABLE papers DROP COLUMN tk_nummer; DELETE FROM meta WHERE key = 'removals'"

describe('EmbeddedStore', () => {
  it.skipIf(skipWithoutShared)('keeps the Kamer document number of papers read from open data when it migrates a store made before it (schema 4)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kw-store-')), 'v4.db')
    const first = new EmbeddedStore(file)
    const raw = readFileSync(corpusFile('raw', '33037-587.zaak.json'))
    await first.put(await readDocument(raw, '33037-587.zaak.json', ctx), new Uint8Array(raw))
    await unpackStore(first)
    first.sqlite.exec(`${BEFORE_OPEN_DATA}; UPDATE meta SET value = '4' WHERE key = 'schema_version'`)
    await first.close()
    const again = new EmbeddedStore(file)
    stores.push(again)
    expect(await again.schemaVersion()).toBe(16)
    expect((await again.get('2025D13256'))?.id).toBe('kst-33037-587')
    expect((await again.search({ q: 'mestproductie' })).hits[0]?.documentNummer).toBe('2025D13256')
  })

  it('finds the open-data records kept before their keys existed by those keys (schema 9)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kw-store-')), 'v9.db')
    const first = new EmbeddedStore(file)
    const vote = { entity: 'Stemming', id: 's1', modified: '2024-01-24T00:00:00Z', deleted: false, record: { Id: 's1', Besluit_Id: 'b1', ActorFractie: 'SP' } }
    const member = {
      entity: 'Persoon',
      id: 'p1',
      modified: '2024-01-24T00:00:00Z',
      deleted: false,
      record: { Id: 'p1', Tussenvoegsel: 'van', Achternaam: 'Nispen' },
    }
    const meeting = { entity: 'Activiteit', id: 'a1', modified: '2024-01-24T00:00:00Z', deleted: false, record: { Id: 'a1', Nummer: '2024A00101' } }
    await first.applySync('test', [{ record: vote }, { record: member }, { record: meeting }], null)
    first.sqlite.exec(
      `${BEFORE_PEOPLE}; ALTER TABLE follows DROP COLUMN email; ALTER TABLE follows DROP COLUMN webhook; ALTER TABLE follows DROP COLUMN alerted_seq; ALTER TABLE follows DROP COLUMN alerted_at; DROP TABLE od_keys; UPDATE meta SET value = '9' WHERE key = 'schema_version'`,
    )
    await first.close()
    const again = new EmbeddedStore(file)
    stores.push(again)
    expect(await again.schemaVersion()).toBe(16)
    expect((await again.openDataByKey('Stemming', 'besluit:b1')).map((r) => r.id)).toEqual(['s1'])
    // Keys added since (migration 15): a member by name.
    expect((await again.openDataByKey('Persoon', 'naam:van nispen')).map((r) => r.id)).toEqual(['p1'])
    expect((await again.openDataByKey('Activiteit', 'activiteit-nr:2024A00101')).map((r) => r.id)).toEqual(['a1'])
  })

  it('finds an activity kept at schema 15 by its number, as the register names it (schema 16)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kw-store-')), 'v15.db')
    const first = new EmbeddedStore(file)
    const meeting = { entity: 'Activiteit', id: 'a1', modified: '2024-01-24T00:00:00Z', deleted: false, record: { Id: 'a1', Nummer: '2024A00101' } }
    await first.applySync('test', [{ record: meeting }], null)
    first.sqlite.exec(`DELETE FROM od_keys WHERE key LIKE 'activiteit-nr:%'; UPDATE meta SET value = '15' WHERE key = 'schema_version'`)
    expect(await first.openDataByKey('Activiteit', 'activiteit-nr:2024A00101')).toEqual([])
    await first.close()
    const again = new EmbeddedStore(file)
    stores.push(again)
    expect(await again.schemaVersion()).toBe(16)
    expect((await again.openDataByKey('Activiteit', 'activiteit-nr:2024A00101')).map((r) => r.id)).toEqual(['a1'])
  })

  it("keeps a store's follows of schema 12 as the store's own, with where their alerts go (schema 13)", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kw-store-')), 'v12.db')
    const first = new EmbeddedStore(file)
    await first.saveFollow('', 'npv', 'dossier:33783', '2026-12-01T10:00:00Z')
    await first.setFollowAlerts('', 'npv', { email: 'griffie@example.org', webhook: null, everyHours: null })
    first.sqlite.exec(`${BEFORE_PEOPLE}; UPDATE meta SET value = '12' WHERE key = 'schema_version'`)
    await first.close()
    const again = new EmbeddedStore(file)
    stores.push(again)
    expect(await again.schemaVersion()).toBe(16)
    expect(await again.follows('')).toMatchObject([{ owner: '', name: 'npv', query: 'dossier:33783', email: 'griffie@example.org', everyHours: null }])
    await again.saveFollow('anna', 'npv', 'kernwapens', '2026-12-02T10:00:00Z')
    expect((await again.follows(null)).map((f) => `${f.owner}/${f.name}`)).toEqual(['/npv', 'anna/npv'])
  })

  it('migrates a new file to the current schema and keeps papers with their raw source', async () => {
    const store = open()
    expect(await store.schemaVersion()).toBe(16)
    const { doc, raw } = await paper(1)
    expect(await store.put(doc, raw)).toBe('new')
    expect((await store.get(doc.id as string))?.text).toBe(doc.text)
    expect(new TextDecoder().decode((await store.raw(doc.id as string)) as Uint8Array)).toBe(new TextDecoder().decode(raw))
    expect(await store.count()).toBe(1)
  })

  it('fills the linking tables when it migrates a store made before them (schema 2)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kw-store-')), 'old.db')
    const first = new EmbeddedStore(file)
    const { doc, raw } = await paper(5)
    await first.put(doc, raw)
    const refs = (await first.citations(doc.id as string))?.out.length
    expect(refs).toBeGreaterThan(0)
    await unpackStore(first)
    // Back to schema 2: the linking and open-data tables did not exist yet.
    first.sqlite.exec(`${BEFORE_OPEN_DATA}; UPDATE meta SET value = '2' WHERE key = 'schema_version'`)
    first.sqlite.exec(
      "DROP TABLE refs; DROP TABLE events; DROP TABLE commitments; DROP TABLE profiles; DROP TABLE fulfilments; DROP TABLE pointers; DROP TABLE corrections; DROP INDEX papers_dossier_sender; UPDATE meta SET value = '2' WHERE key = 'schema_version'",
    )
    await first.close()
    const again = new EmbeddedStore(file)
    stores.push(again)
    expect(await again.schemaVersion()).toBe(16)
    expect((await again.citations(doc.id as string))?.out.length).toBe(refs)
    expect((await again.commitments({}, '2026-11-28')).total).toBe(doc.commitments.length)
  })

  it('packs values with dictionaries made from its papers, gives every source back byte for byte, and migrates a store of unpacked values (schema 8)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kw-store-')), 'packed.db')
    const store = new EmbeddedStore(file)
    const items = await Promise.all(Array.from({ length: 300 }, (_, i) => paper(i)))
    // A source with a byte-order mark and CRLF, and bytes that are not text: both must come back exactly.
    const odd = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(generatePaper(400).text.replace(/\n/g, '\r\n'))])
    await store.putMany(items.slice(0, 200).map(({ doc, raw }) => ({ doc, raw })))
    expect(store.packer.current('text')).toBeUndefined()
    await store.put((await readDocument(odd, 'odd.txt', ctx)) as Document, odd)
    await store.putMany(items.slice(200, 280).map(({ doc, raw }) => ({ doc, raw })))
    await store.putMany(items.slice(280).map(({ doc, raw }) => ({ doc, raw })))
    // The write that found 256 papers stored made the dictionaries; papers written before keep dictionary 0.
    const made = store.sqlite.prepare<[], { kind: string; papers: number }>('SELECT kind, papers FROM dictionaries ORDER BY id').all()
    expect(made.map((d) => d.kind)).toEqual(['text', 'doc', 'profile', 'record'])
    expect(made.map((d) => d.papers)).toEqual([281, 281, 281, 281])
    const headers = store.sqlite.prepare<[], string>('SELECT DISTINCT hex(substr(text, 1, 1)) FROM papers ORDER BY 1').pluck().all()
    expect(headers).toEqual(['00', '01'])
    const check = async (s: EmbeddedStore) => {
      for (const { doc, raw } of [...items, { doc: null, raw: odd }]) {
        const key = doc ? (doc.id as string) : 'odd'
        const back = doc ? await s.raw(key) : await s.raw((await s.all()).find((p) => p.sourceName === 'odd.txt')?.key as string)
        expect(Buffer.compare(Buffer.from(back as Uint8Array), Buffer.from(raw))).toBe(0)
        if (doc) expect(await s.get(key)).toEqual(doc)
      }
    }
    await check(store)
    // The Document is kept once: neither its text nor a text file's decoded source is in its JSON.
    const first = items[250]?.doc as Document
    const json = store.packer.unpackText(
      store.sqlite
        .prepare<[string], Buffer>('SELECT doc FROM papers WHERE id = ?')
        .pluck()
        .get(first.id as string) as Buffer,
    )
    expect(json).not.toContain(first.text.slice(0, 200))
    expect(JSON.parse(json).source.text).toBeNull()
    const hits = await store.search({ q: 'Kamer', limit: 5 })
    const promised = await store.commitments({ limit: 50 }, '2026-11-28')
    const timeline = await store.timeline(first.dossier as string, '2026-11-28')
    expect(promised.total).toBeGreaterThan(0)
    expect(timeline.length).toBeGreaterThan(0)
    await unpackStore(store)
    await store.close()
    const again = new EmbeddedStore(file)
    stores.push(again)
    expect(await again.schemaVersion()).toBe(16)
    // Migrated with dictionaries made from all its papers: every value names one.
    expect(again.sqlite.prepare<[], string>('SELECT DISTINCT hex(substr(text, 1, 1)) FROM papers').pluck().all()).toEqual(['01'])
    await check(again)
    expect(await again.search({ q: 'Kamer', limit: 5 })).toEqual(hits)
    expect(await again.commitments({ limit: 50 }, '2026-11-28')).toEqual(promised)
    expect(await again.timeline(first.dossier as string, '2026-11-28')).toEqual(timeline)
  })

  it('forgets the dictionaries a write made when that write rolls back, so nothing is packed with one the file lacks', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kw-store-')), 'rollback.db')
    const store = new EmbeddedStore(file)
    const items = await Promise.all(Array.from({ length: 260 }, (_, i) => paper(i)))
    await store.putMany(items.slice(0, 256))
    const broken = { ...(items[256] as { doc: Document }).doc, source: { ...(items[256] as { doc: Document }).doc.source, sha256: null as unknown as string } }
    await expect(store.putMany([items[257] as (typeof items)[number], { doc: broken, raw: (items[256] as { raw: Uint8Array }).raw }])).rejects.toThrow()
    expect(store.packer.current('text')).toBeUndefined()
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM dictionaries').get()).toEqual({ n: 0 })
    await store.putMany(items.slice(257))
    expect(store.packer.current('text')?.papers).toBe(256)
    await store.close()
    const again = new EmbeddedStore(file)
    stores.push(again)
    for (const { doc } of items.slice(257)) expect((await again.get(doc.id as string))?.text).toBe(doc.text)
  })

  it('answers a repeated search from its cache until a paper is written, by it or by another process', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kw-store-')), 'cache.db')
    const reader = new EmbeddedStore(file)
    const writer = new EmbeddedStore(file, { searchCache: 0 })
    stores.push(reader, writer)
    const a = await paper(10)
    await writer.put(a.doc, a.raw)
    const first = await reader.search({ q: 'Kamer' })
    expect(await reader.search({ q: 'Kamer' })).toBe(first)
    const b = await paper(11)
    await writer.put(b.doc, b.raw)
    const second = await reader.search({ q: 'Kamer' })
    expect(second).not.toBe(first)
    expect(second.total).toBe(first.total + 1)
    const c = await paper(12)
    await reader.put(c.doc, c.raw)
    expect((await reader.search({ q: 'Kamer' })).total).toBe(second.total + 1)
  })

  it('ranks the same after a paper is read again as in a store that only ever held the new reading', async () => {
    const a = await paper(20)
    const b = await paper(21)
    const changed = { ...a.doc, text: `${a.doc.text}\n\nDe kernwapens van de Kamer.` }
    const updated = open()
    await updated.put(a.doc, a.raw)
    await updated.put(b.doc, b.raw)
    expect(await updated.put(changed, a.raw, true)).toBe('updated')
    const fresh = open()
    await fresh.put(changed, a.raw)
    await fresh.put(b.doc, b.raw)
    for (const q of ['Kamer', 'kernwapens', 'Kamer brief'])
      expect((await updated.search({ q })).hits.map((h) => [h.id, h.score])).toEqual((await fresh.search({ q })).hits.map((h) => [h.id, h.score]))
  })

  it('is idempotent by content hash and updates in place when forced (a newer reader)', async () => {
    const store = open()
    const { doc, raw } = await paper(2)
    expect(await store.put(doc, raw)).toBe('new')
    expect(await store.put(doc, raw)).toBe('unchanged')
    expect(await store.hasCurrent(doc.source.sha256)).toBe(true)
    expect(await store.put({ ...doc, title: 'NIEUWE LEZING' }, raw, true)).toBe('updated')
    expect((await store.get(doc.id as string))?.title).toBe('NIEUWE LEZING')
    expect(await store.count()).toBe(1)
    expect(store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('keeps one paper when it comes in several forms, the most structured reading winning', async () => {
    const store = open()
    const { doc, raw } = await paper(3)
    await store.put({ ...doc, form: 'kamerstuk-pdf-text' }, raw)
    const other = new TextEncoder().encode(`${new TextDecoder().decode(raw)}\n`)
    const second = await readDocument(other, 'x.html', ctx)
    expect(await store.put({ ...second, form: 'web-page-html' }, other)).toBe('updated')
    expect(await store.count()).toBe(1)
    expect((await store.get(doc.id as string))?.form).toBe('web-page-html')
  })
})

describe('search', () => {
  let store: EmbeddedStore
  beforeAll(async () => {
    store = new EmbeddedStore(join(mkdtempSync(join(tmpdir(), 'kw-search-')), 'search.db'))
    const items = []
    for (let i = 0; i < 300; i++) items.push(await paper(i))
    await store.putMany(items)
  })

  it('stems Dutch words and folds plurals and diacritics', async () => {
    const a = await store.search({ q: 'kernwapens' })
    expect(a.total).toBeGreaterThan(0)
    expect((await store.search({ q: 'kernwapen' })).total).toBe(a.total)
    expect((await store.search({ q: 'lidstaat' })).total).toBe((await store.search({ q: 'lidstaten' })).total)
    expect((await store.search({ q: 'Oekraine' })).total).toBe((await store.search({ q: 'Oekraïne' })).total)
    expect(a.hits[0]?.snippet).toMatch(/<mark>kernwapens?<\/mark>/i)
  })

  it('supports phrases, OR, exclusion and prefixes', async () => {
    const phrase = await store.search({ q: '"nucleaire ontwapening"', limit: 100 })
    const loose = await store.search({ q: 'nucleaire ontwapening' })
    expect(phrase.total).toBeGreaterThan(0)
    expect(phrase.total).toBeLessThanOrEqual(loose.total)
    const either = (await store.search({ q: 'kernwapens OR windenergie' })).total
    expect(either).toBeGreaterThan((await store.search({ q: 'kernwapens' })).total)
    const without = (await store.search({ q: 'kernwapens -Toetsingsconferentie' })).total
    expect(without).toBeLessThan((await store.search({ q: 'kernwapens' })).total)
    expect((await store.search({ q: 'grondstof*' })).total).toBe((await store.search({ q: 'grondstoffen' })).total)
  })

  it('filters by type, dossier, sender and date, in the query or as options, and sorts by date', async () => {
    const all = await store.search({ q: 'Kamer', limit: 100 })
    const moties = await store.search({ q: 'Kamer type:motie', limit: 100 })
    expect(moties.total).toBeGreaterThan(0)
    expect(moties.hits.every((h) => h.type === 'motie')).toBe(true)
    expect((await store.search({ q: 'Kamer', type: 'motie' })).total).toBe(moties.total)
    const defensie = await store.search({ q: 'Kamer afzender:"Minister van Defensie"', limit: 100 })
    expect(defensie.hits.every((h) => h.sender === 'Minister van Defensie')).toBe(true)
    const span = await store.search({ q: 'Kamer van:2015-01-01 tot:2016-12-31', sort: 'date', limit: 100 })
    expect(span.hits.every((h) => (h.date as string) >= '2015-01-01' && (h.date as string) <= '2016-12-31')).toBe(true)
    expect(span.hits.map((h) => h.date)).toEqual([...span.hits.map((h) => h.date)].sort().reverse())
    const d = all.hits[0]
    const dossier = (await store.get(d?.id as string))?.dossier as string
    for (const h of (await store.search({ q: `dossier:${dossier}` })).hits) expect((await store.get(h.id))?.dossier).toBe(dossier)
  })

  it('pages and counts facets over the whole result', async () => {
    const first = await store.search({ q: 'Kamer', limit: 5 })
    const second = await store.search({ q: 'Kamer', limit: 5, offset: 5 })
    expect(first.hits).toHaveLength(5)
    expect(second.hits[0]?.id).not.toBe(first.hits[0]?.id)
    const types = first.facets.type.reduce((n, f) => n + f.count, 0)
    expect(types).toBe(first.total)
    expect(first.facets.year.length).toBeGreaterThan(1)
    expect(first.facets.sender.length).toBeGreaterThan(1)
  })

  it.each([
    ['"nucleaire ontwapening', /quote is not closed/],
    ['OR kernwapens', /OR needs a word on both sides/],
    ['-kernwapens', /cannot only exclude/],
    ['van:gisteren kernwapens', /is not a date/],
    ['auteur:Hoekstra', /unknown field "auteur:"/],
    ['k*', /too short/],
  ])('answers a malformed query %j with what to write instead', async (q, message) => {
    await expect(store.search({ q })).rejects.toThrow(QueryError)
    await expect(store.search({ q })).rejects.toThrow(message)
  })

  // The engine (search/bm25.ts over lists from postings.ts) must give what FTS5's own bm25() gives.
  const fts5 = (db: EmbeddedStore['sqlite'], q: string) => {
    const match = toFts(parseQuery(q)) as string
    const ranked = db
      .prepare<[string], { id: string; score: number }>(
        'SELECT coalesce(p.id, p.key) AS id, -bm25(papers_fts) AS score FROM papers_fts JOIN papers p ON p.rowid = papers_fts.rowid WHERE papers_fts MATCH ? ORDER BY rank, papers_fts.rowid',
      )
      .all(match)
    return { total: ranked.length, hits: ranked.map((r) => [r.id, Math.round(r.score * 1000) / 1000 + 0]) }
  }
  const rankedQueries = [
    'kernwapens',
    'Oekraine',
    '"nucleaire ontwapening"',
    'circulaire economie',
    'kernwapens OR windenergie',
    'jeugdzorg OR huisartsenzorg brief',
    'kernwapens -Toetsingsconferentie',
    'grondstof*',
    'kernwap* "nucleaire ontwapening" -Iran',
  ]

  it.each(rankedQueries)('matches and ranks %s as FTS5 does, paper for paper', async (q) => {
    const expected = fts5(store.sqlite, q)
    const got = await store.search({ q, limit: 100 })
    expect(expected.total).toBeGreaterThan(0)
    expect(got.total).toBe(expected.total)
    expect(got.hits.map((h) => [h.id, h.score])).toEqual(expected.hits.slice(0, 100))
  })

  it("counts a phrase's places in each paper as its stems' offsets show them", async () => {
    const postings = new FtsPostings(store.sqlite, 0, (row) => {
      const sz = store.sqlite.prepare<[number], Buffer>('SELECT sz FROM papers_fts_docsize WHERE id = ?').pluck().get(row)
      return sz ? (varints(sz)[0] ?? 0) : 0
    })
    store.sqlite.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.test_instance USING fts5vocab(main, papers_fts, instance)')
    const places = store.sqlite.prepare<[string], { doc: number; offset: number }>('SELECT doc, offset FROM temp.test_instance WHERE term = ?')
    // The obvious way: where the first stem stands at o, the i-th at o + i.
    const reference = (stems: string[]) => {
      const at = stems.map((s) => new Set(places.all(s).map((p) => `${p.doc}:${p.offset}`)))
      const counts = new Map<number, number>()
      for (const p of places.all(stems[0] as string))
        if (stems.every((_, i) => at[i]?.has(`${p.doc}:${p.offset + i}`))) counts.set(p.doc, (counts.get(p.doc) ?? 0) + 1)
      return [...counts].sort((x, y) => x[0] - y[0])
    }
    const phrases = ['nucleair ontwapen', 'de kamer', 'van de', 'kamer kernwap', 'brief van de minister', 'de de', 'circulair econom', 'informer uitkomst']
    let found = 0
    let most = 0
    for (const p of phrases) {
      const stems = p.split(' ')
      const expected = reference(stems)
      const got = postings.phrase(stems)
      expect(
        [...got.docs].map((d, i) => [d, got.freqs[i]]),
        p,
      ).toEqual(expected)
      found += expected.length
      most = Math.max(most, ...expected.map((e) => e[1] as number))
    }
    expect(found).toBeGreaterThan(300)
    expect(most).toBeGreaterThan(2)
  })

  it('answers the same with no room to keep posting lists (KAMERWACHT_POSTINGS_MB=0)', async () => {
    const bare = new EmbeddedStore(store.location, { searchCache: 0, postingsMb: 0 })
    stores.push(bare)
    await bare.warm()
    for (const q of [...rankedQueries, 'Kamer type:motie', 'kernwapens van:2020-01-01'])
      for (let round = 0; round < 2; round++) expect(await bare.search({ q, limit: 20 }), q).toEqual(await store.search({ q, limit: 20 }))
  })

  it('ranks with what another process wrote since its last search', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kw-store-')), 'stale.db')
    const reader = new EmbeddedStore(file, { searchCache: 0 })
    const writer = new EmbeddedStore(file)
    stores.push(reader, writer)
    for (let i = 0; i < 40; i++) {
      const p = await paper(i)
      await writer.put(p.doc, p.raw)
    }
    // Papers 40–59 hold jeugdzorg as 0–39 do: the lists read for the first search go stale, and so do N and avgdl.
    const before = await reader.search({ q: 'jeugdzorg', limit: 100 })
    expect(before.hits.map((h) => [h.id, h.score])).toEqual(fts5(reader.sqlite, 'jeugdzorg').hits)
    for (let i = 40; i < 60; i++) {
      const p = await paper(i)
      await writer.put(p.doc, p.raw)
    }
    const after = await reader.search({ q: 'jeugdzorg', limit: 100 })
    expect(after.total).toBeGreaterThan(before.total)
    expect(after.hits.map((h) => [h.id, h.score])).toEqual(fts5(reader.sqlite, 'jeugdzorg').hits)
    // Papers read again: one loses the word, one gains it, one gains a phrase; lists of other words stay right too.
    const queries = ['jeugdzorg', '"nucleaire ontwapening"', 'kernwap*', 'circulaire economie']
    for (const q of queries) await reader.search({ q })
    const holder = after.hits[0]?.id as string
    const without = (await writer.get(holder)) as Document
    const same = async () => {
      for (const q of queries) {
        const got = await reader.search({ q, limit: 100 })
        expect(
          got.hits.map((h) => [h.id, h.score]),
          q,
        ).toEqual(fts5(reader.sqlite, q).hits)
        expect(got.total, q).toBe(fts5(reader.sqlite, q).total)
      }
    }
    await writer.put({ ...without, text: without.text.replace(/jeugdzorg/gi, 'zorg') }, new Uint8Array(), true)
    await same()
    expect((await reader.search({ q: 'jeugdzorg', limit: 100 })).hits.map((h) => h.id)).not.toContain(holder)
    const other = (await paper(3)).doc
    expect(other.text).not.toMatch(/jeugdzorg/i)
    await writer.put({ ...other, text: `${other.text}\nDe jeugdzorg en de nucleaire ontwapening, kernwapenvrij.` }, new Uint8Array(), true)
    await same()
  })

  it('never shows a raw SQLite error for odd input', async () => {
    for (const q of ['NEAR(', 'a AND', '*', '"', '^kern', 'kern:', '(a OR b']) {
      try {
        await store.search({ q })
      } catch (e) {
        expect(e).toBeInstanceOf(QueryError)
      }
    }
  })
})
