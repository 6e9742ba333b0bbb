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
import { SqliteStore } from './index.js'
import { FtsPostings, varints } from './postings.js'

let ctx: PipelineContext
beforeAll(async () => {
  ctx = await createContext()
})
const stores: SqliteStore[] = []
afterEach(() => {
  for (const s of stores.splice(0)) s.close()
})
function open(): SqliteStore {
  const s = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'kw-store-')), 'test.db'))
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
function unpackStore(store: SqliteStore): void {
  const db = store.db
  for (const key of db.prepare<[], string>('SELECT key FROM papers').pluck().all()) {
    const doc = store.get(key) as Document
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
    "DROP TABLE dictionaries; CREATE INDEX papers_dossier ON papers(dossier, date); CREATE INDEX papers_sender ON papers(sender, date); UPDATE meta SET value = '8' WHERE key = 'schema_version'",
  )
}

// Undoes migrations 8 to 5: other dossiers, follows, the speakers of debates, the open-data tables and `papers.tk_nummer`.
const BEFORE_OPEN_DATA =
  "DROP TABLE paper_dossiers; DROP TABLE follows; DROP TABLE speakers; DROP TABLE od_records; DROP TABLE od_content; DROP TABLE sync_state; DROP INDEX papers_tk_nummer; ALTER TABLE papers DROP COLUMN tk_nummer; DELETE FROM meta WHERE key = 'removals'"

describe('SqliteStore', () => {
  it.skipIf(skipWithoutShared)('keeps the Kamer document number of papers read from open data when it migrates a store made before it (schema 4)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kw-store-')), 'v4.db')
    const first = new SqliteStore(file)
    const raw = readFileSync(corpusFile('raw', '33037-587.zaak.json'))
    first.put(await readDocument(raw, '33037-587.zaak.json', ctx), new Uint8Array(raw))
    unpackStore(first)
    first.db.exec(`${BEFORE_OPEN_DATA}; UPDATE meta SET value = '4' WHERE key = 'schema_version'`)
    first.close()
    const again = new SqliteStore(file)
    stores.push(again)
    expect(again.schemaVersion()).toBe(9)
    expect(again.get('2025D13256')?.id).toBe('kst-33037-587')
    expect(again.search({ q: 'mestproductie' }).hits[0]?.documentNummer).toBe('2025D13256')
  })

  it('migrates a new file to the current schema and keeps papers with their raw source', async () => {
    const store = open()
    expect(store.schemaVersion()).toBe(9)
    const { doc, raw } = await paper(1)
    expect(store.put(doc, raw)).toBe('new')
    expect(store.get(doc.id as string)?.text).toBe(doc.text)
    expect(new TextDecoder().decode(store.raw(doc.id as string) as Uint8Array)).toBe(new TextDecoder().decode(raw))
    expect(store.count()).toBe(1)
  })

  it('fills the linking tables when it migrates a store made before them (schema 2)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kw-store-')), 'old.db')
    const first = new SqliteStore(file)
    const { doc, raw } = await paper(5)
    first.put(doc, raw)
    const refs = first.citations(doc.id as string)?.out.length
    expect(refs).toBeGreaterThan(0)
    unpackStore(first)
    // Back to schema 2: the linking and open-data tables did not exist yet.
    first.db.exec(`${BEFORE_OPEN_DATA}; UPDATE meta SET value = '2' WHERE key = 'schema_version'`)
    first.db.exec(
      "DROP TABLE refs; DROP TABLE events; DROP TABLE commitments; DROP TABLE profiles; DROP TABLE fulfilments; DROP TABLE pointers; DROP TABLE corrections; DROP INDEX papers_dossier_sender; UPDATE meta SET value = '2' WHERE key = 'schema_version'",
    )
    first.close()
    const again = new SqliteStore(file)
    stores.push(again)
    expect(again.schemaVersion()).toBe(9)
    expect(again.citations(doc.id as string)?.out.length).toBe(refs)
    expect(again.commitments({}, '2026-11-28').total).toBe(doc.commitments.length)
  })

  it('packs values with dictionaries made from its papers, gives every source back byte for byte, and migrates a store of unpacked values (schema 8)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kw-store-')), 'packed.db')
    const store = new SqliteStore(file)
    const items = await Promise.all(Array.from({ length: 300 }, (_, i) => paper(i)))
    // A source with a byte-order mark and CRLF, and bytes that are not text: both must come back exactly.
    const odd = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(generatePaper(400).text.replace(/\n/g, '\r\n'))])
    store.putMany(items.slice(0, 200).map(({ doc, raw }) => ({ doc, raw })))
    expect(store.packer.current('text')).toBeUndefined()
    store.put((await readDocument(odd, 'odd.txt', ctx)) as Document, odd)
    store.putMany(items.slice(200, 280).map(({ doc, raw }) => ({ doc, raw })))
    store.putMany(items.slice(280).map(({ doc, raw }) => ({ doc, raw })))
    // The write that found 256 papers stored made the dictionaries; papers written before keep dictionary 0.
    const made = store.db.prepare<[], { kind: string; papers: number }>('SELECT kind, papers FROM dictionaries ORDER BY id').all()
    expect(made.map((d) => d.kind)).toEqual(['text', 'doc', 'profile', 'record'])
    expect(made.map((d) => d.papers)).toEqual([281, 281, 281, 281])
    const headers = store.db.prepare<[], string>('SELECT DISTINCT hex(substr(text, 1, 1)) FROM papers ORDER BY 1').pluck().all()
    expect(headers).toEqual(['00', '01'])
    const check = (s: SqliteStore) => {
      for (const { doc, raw } of [...items, { doc: null, raw: odd }]) {
        const key = doc ? (doc.id as string) : 'odd'
        const back = doc ? s.raw(key) : s.raw(s.all().find((p) => p.sourceName === 'odd.txt')?.key as string)
        expect(Buffer.compare(Buffer.from(back as Uint8Array), Buffer.from(raw))).toBe(0)
        if (doc) expect(s.get(key)).toEqual(doc)
      }
    }
    check(store)
    // The Document is kept once: neither its text nor a text file's decoded source is in its JSON.
    const first = items[250]?.doc as Document
    const json = store.packer.unpackText(
      store.db
        .prepare<[string], Buffer>('SELECT doc FROM papers WHERE id = ?')
        .pluck()
        .get(first.id as string) as Buffer,
    )
    expect(json).not.toContain(first.text.slice(0, 200))
    expect(JSON.parse(json).source.text).toBeNull()
    const hits = store.search({ q: 'Kamer', limit: 5 })
    const promised = store.commitments({ limit: 50 }, '2026-11-28')
    const timeline = store.timeline(first.dossier as string, '2026-11-28')
    expect(promised.total).toBeGreaterThan(0)
    expect(timeline.length).toBeGreaterThan(0)
    unpackStore(store)
    store.close()
    const again = new SqliteStore(file)
    stores.push(again)
    expect(again.schemaVersion()).toBe(9)
    // Migrated with dictionaries made from all its papers: every value names one.
    expect(again.db.prepare<[], string>('SELECT DISTINCT hex(substr(text, 1, 1)) FROM papers').pluck().all()).toEqual(['01'])
    check(again)
    expect(again.search({ q: 'Kamer', limit: 5 })).toEqual(hits)
    expect(again.commitments({ limit: 50 }, '2026-11-28')).toEqual(promised)
    expect(again.timeline(first.dossier as string, '2026-11-28')).toEqual(timeline)
  })

  it('forgets the dictionaries a write made when that write rolls back, so nothing is packed with one the file lacks', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kw-store-')), 'rollback.db')
    const store = new SqliteStore(file)
    const items = await Promise.all(Array.from({ length: 260 }, (_, i) => paper(i)))
    store.putMany(items.slice(0, 256))
    const broken = { ...(items[256] as { doc: Document }).doc, source: { ...(items[256] as { doc: Document }).doc.source, sha256: null as unknown as string } }
    expect(() => store.putMany([items[257] as (typeof items)[number], { doc: broken, raw: (items[256] as { raw: Uint8Array }).raw }])).toThrow()
    expect(store.packer.current('text')).toBeUndefined()
    expect(store.db.prepare('SELECT count(*) AS n FROM dictionaries').get()).toEqual({ n: 0 })
    store.putMany(items.slice(257))
    expect(store.packer.current('text')?.papers).toBe(256)
    store.close()
    const again = new SqliteStore(file)
    stores.push(again)
    for (const { doc } of items.slice(257)) expect(again.get(doc.id as string)?.text).toBe(doc.text)
  })

  it('answers a repeated search from its cache until a paper is written, by it or by another process', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kw-store-')), 'cache.db')
    const reader = new SqliteStore(file)
    const writer = new SqliteStore(file, { searchCache: 0 })
    stores.push(reader, writer)
    const a = await paper(10)
    writer.put(a.doc, a.raw)
    const first = reader.search({ q: 'Kamer' })
    expect(reader.search({ q: 'Kamer' })).toBe(first)
    const b = await paper(11)
    writer.put(b.doc, b.raw)
    const second = reader.search({ q: 'Kamer' })
    expect(second).not.toBe(first)
    expect(second.total).toBe(first.total + 1)
    const c = await paper(12)
    reader.put(c.doc, c.raw)
    expect(reader.search({ q: 'Kamer' }).total).toBe(second.total + 1)
  })

  it('ranks the same after a paper is read again as in a store that only ever held the new reading', async () => {
    const a = await paper(20)
    const b = await paper(21)
    const changed = { ...a.doc, text: `${a.doc.text}\n\nDe kernwapens van de Kamer.` }
    const updated = open()
    updated.put(a.doc, a.raw)
    updated.put(b.doc, b.raw)
    expect(updated.put(changed, a.raw, true)).toBe('updated')
    const fresh = open()
    fresh.put(changed, a.raw)
    fresh.put(b.doc, b.raw)
    for (const q of ['Kamer', 'kernwapens', 'Kamer brief'])
      expect(updated.search({ q }).hits.map((h) => [h.id, h.score])).toEqual(fresh.search({ q }).hits.map((h) => [h.id, h.score]))
  })

  it('is idempotent by content hash and updates in place when forced (a newer reader)', async () => {
    const store = open()
    const { doc, raw } = await paper(2)
    expect(store.put(doc, raw)).toBe('new')
    expect(store.put(doc, raw)).toBe('unchanged')
    expect(store.hasCurrent(doc.source.sha256)).toBe(true)
    expect(store.put({ ...doc, title: 'NIEUWE LEZING' }, raw, true)).toBe('updated')
    expect(store.get(doc.id as string)?.title).toBe('NIEUWE LEZING')
    expect(store.count()).toBe(1)
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('keeps one paper when it comes in several forms, the most structured reading winning', async () => {
    const store = open()
    const { doc, raw } = await paper(3)
    store.put({ ...doc, form: 'kamerstuk-pdf-text' }, raw)
    const other = new TextEncoder().encode(`${new TextDecoder().decode(raw)}\n`)
    const second = await readDocument(other, 'x.html', ctx)
    expect(store.put({ ...second, form: 'web-page-html' }, other)).toBe('updated')
    expect(store.count()).toBe(1)
    expect(store.get(doc.id as string)?.form).toBe('web-page-html')
  })
})

describe('search', () => {
  let store: SqliteStore
  beforeAll(async () => {
    store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'kw-search-')), 'search.db'))
    const items = []
    for (let i = 0; i < 300; i++) items.push(await paper(i))
    store.putMany(items)
  })

  it('stems Dutch words and folds plurals and diacritics', () => {
    const a = store.search({ q: 'kernwapens' })
    expect(a.total).toBeGreaterThan(0)
    expect(store.search({ q: 'kernwapen' }).total).toBe(a.total)
    expect(store.search({ q: 'lidstaat' }).total).toBe(store.search({ q: 'lidstaten' }).total)
    expect(store.search({ q: 'Oekraine' }).total).toBe(store.search({ q: 'Oekraïne' }).total)
    expect(a.hits[0]?.snippet).toMatch(/<mark>kernwapens?<\/mark>/i)
  })

  it('supports phrases, OR, exclusion and prefixes', () => {
    const phrase = store.search({ q: '"nucleaire ontwapening"', limit: 100 })
    const loose = store.search({ q: 'nucleaire ontwapening' })
    expect(phrase.total).toBeGreaterThan(0)
    expect(phrase.total).toBeLessThanOrEqual(loose.total)
    const either = store.search({ q: 'kernwapens OR windenergie' }).total
    expect(either).toBeGreaterThan(store.search({ q: 'kernwapens' }).total)
    const without = store.search({ q: 'kernwapens -Toetsingsconferentie' }).total
    expect(without).toBeLessThan(store.search({ q: 'kernwapens' }).total)
    expect(store.search({ q: 'grondstof*' }).total).toBe(store.search({ q: 'grondstoffen' }).total)
  })

  it('filters by type, dossier, sender and date, in the query or as options, and sorts by date', () => {
    const all = store.search({ q: 'Kamer', limit: 100 })
    const moties = store.search({ q: 'Kamer type:motie', limit: 100 })
    expect(moties.total).toBeGreaterThan(0)
    expect(moties.hits.every((h) => h.type === 'motie')).toBe(true)
    expect(store.search({ q: 'Kamer', type: 'motie' }).total).toBe(moties.total)
    const defensie = store.search({ q: 'Kamer afzender:"Minister van Defensie"', limit: 100 })
    expect(defensie.hits.every((h) => h.sender === 'Minister van Defensie')).toBe(true)
    const span = store.search({ q: 'Kamer van:2015-01-01 tot:2016-12-31', sort: 'date', limit: 100 })
    expect(span.hits.every((h) => (h.date as string) >= '2015-01-01' && (h.date as string) <= '2016-12-31')).toBe(true)
    expect(span.hits.map((h) => h.date)).toEqual([...span.hits.map((h) => h.date)].sort().reverse())
    const d = all.hits[0]
    const dossier = store.get(d?.id as string)?.dossier as string
    expect(store.search({ q: `dossier:${dossier}` }).hits.every((h) => store.get(h.id)?.dossier === dossier)).toBe(true)
  })

  it('pages and counts facets over the whole result', () => {
    const first = store.search({ q: 'Kamer', limit: 5 })
    const second = store.search({ q: 'Kamer', limit: 5, offset: 5 })
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
  ])('answers a malformed query %j with what to write instead', (q, message) => {
    expect(() => store.search({ q })).toThrow(QueryError)
    expect(() => store.search({ q })).toThrow(message)
  })

  // The engine (search/bm25.ts over lists from postings.ts) must give what FTS5's own bm25() gives.
  const fts5 = (db: SqliteStore['db'], q: string) => {
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

  it.each(rankedQueries)('matches and ranks %s as FTS5 does, paper for paper', (q) => {
    const expected = fts5(store.db, q)
    const got = store.search({ q, limit: 100 })
    expect(expected.total).toBeGreaterThan(0)
    expect(got.total).toBe(expected.total)
    expect(got.hits.map((h) => [h.id, h.score])).toEqual(expected.hits.slice(0, 100))
  })

  it("counts a phrase's places in each paper as its stems' offsets show them", () => {
    const postings = new FtsPostings(store.db, 0, (row) => {
      const sz = store.db.prepare<[number], Buffer>('SELECT sz FROM papers_fts_docsize WHERE id = ?').pluck().get(row)
      return sz ? (varints(sz)[0] ?? 0) : 0
    })
    store.db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.test_instance USING fts5vocab(main, papers_fts, instance)')
    const places = store.db.prepare<[string], { doc: number; offset: number }>('SELECT doc, offset FROM temp.test_instance WHERE term = ?')
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

  it('answers the same with no room to keep posting lists (KAMERWACHT_POSTINGS_MB=0)', () => {
    const bare = new SqliteStore(store.db.name, { searchCache: 0, postingsMb: 0 })
    stores.push(bare)
    bare.warm()
    for (const q of [...rankedQueries, 'Kamer type:motie', 'kernwapens van:2020-01-01'])
      for (let round = 0; round < 2; round++) expect(bare.search({ q, limit: 20 }), q).toEqual(store.search({ q, limit: 20 }))
  })

  it('ranks with what another process wrote since its last search', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kw-store-')), 'stale.db')
    const reader = new SqliteStore(file, { searchCache: 0 })
    const writer = new SqliteStore(file)
    stores.push(reader, writer)
    for (let i = 0; i < 40; i++) {
      const p = await paper(i)
      writer.put(p.doc, p.raw)
    }
    // Papers 40–59 hold jeugdzorg as 0–39 do: the lists read for the first search go stale, and so do N and avgdl.
    const before = reader.search({ q: 'jeugdzorg', limit: 100 })
    expect(before.hits.map((h) => [h.id, h.score])).toEqual(fts5(reader.db, 'jeugdzorg').hits)
    for (let i = 40; i < 60; i++) {
      const p = await paper(i)
      writer.put(p.doc, p.raw)
    }
    const after = reader.search({ q: 'jeugdzorg', limit: 100 })
    expect(after.total).toBeGreaterThan(before.total)
    expect(after.hits.map((h) => [h.id, h.score])).toEqual(fts5(reader.db, 'jeugdzorg').hits)
    // Papers read again: one loses the word, one gains it, one gains a phrase; lists of other words stay right too.
    const queries = ['jeugdzorg', '"nucleaire ontwapening"', 'kernwap*', 'circulaire economie']
    for (const q of queries) reader.search({ q })
    const holder = after.hits[0]?.id as string
    const without = writer.get(holder) as Document
    const same = () => {
      for (const q of queries) {
        const got = reader.search({ q, limit: 100 })
        expect(
          got.hits.map((h) => [h.id, h.score]),
          q,
        ).toEqual(fts5(reader.db, q).hits)
        expect(got.total, q).toBe(fts5(reader.db, q).total)
      }
    }
    writer.put({ ...without, text: without.text.replace(/jeugdzorg/gi, 'zorg') }, new Uint8Array(), true)
    same()
    expect(reader.search({ q: 'jeugdzorg', limit: 100 }).hits.map((h) => h.id)).not.toContain(holder)
    const other = (await paper(3)).doc
    expect(other.text).not.toMatch(/jeugdzorg/i)
    writer.put({ ...other, text: `${other.text}\nDe jeugdzorg en de nucleaire ontwapening, kernwapenvrij.` }, new Uint8Array(), true)
    same()
  })

  it('never shows a raw SQLite error for odd input', () => {
    for (const q of ['NEAR(', 'a AND', '*', '"', '^kern', 'kern:', '(a OR b']) {
      try {
        store.search({ q })
      } catch (e) {
        expect(e).toBeInstanceOf(QueryError)
      }
    }
  })
})
