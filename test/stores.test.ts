// One suite, two stores: what the CLI, the server and ingest rely on, run against the embedded
// SQLite store and the PostgreSQL store alike (a real server: KAMERWACHT_TEST_PG, started by .ci/run).
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { search, searchInput } from '../src/app/search.js'
import { generatePaper } from '../src/bench/corpus.js'
import { typesetPdf } from '../src/bench/typeset.js'
import { createContext, type PipelineContext, readDocument } from '../src/pipeline.js'
import { QueryError } from '../src/search/query.js'
import { EmbeddedStore } from '../src/store/sqlite/embedded.js'
import type { Store } from '../src/store/store.js'
import { corpusFile, ROOT, skipWithoutShared } from '../src/test-support/paths.js'
import { openTestPostgres, testPostgresUrl } from '../src/test-support/postgres.js'

const TODAY = '2026-11-28'
const pgUrl = testPostgresUrl()

interface Opened {
  store: Store
  drop: () => Promise<void>
}
const factories: Array<[string, (() => Promise<Opened>) | null]> = [
  [
    'sqlite',
    async () => {
      const store = new EmbeddedStore(join(mkdtempSync(join(tmpdir(), 'kw-suite-')), 'k.db'))
      return { store, drop: () => store.close() }
    },
  ],
  ['postgres', pgUrl ? async () => openTestPostgres(pgUrl) : null],
]

let ctx: PipelineContext
beforeAll(async () => {
  ctx = { ...(await createContext()), nameHints: true }
})

const read = async (path: string) => {
  const raw = readFileSync(path)
  return { doc: await readDocument(raw, basename(path), ctx), raw: new Uint8Array(raw) }
}
const generated = async (i: number) => {
  const { name, text } = generatePaper(i)
  const raw = new TextEncoder().encode(text)
  return { doc: await readDocument(raw, name, ctx), raw }
}
const chain = (name: string) => join(ROOT, 'test', 'fixtures', 'chains', name)

/** A fresh store for one group of tests, filled by `fill`, dropped afterwards. */
function storeFor(factory: (() => Promise<Opened>) | null, fill: (store: Store) => Promise<void> = async () => {}): { readonly store: Store } {
  let opened: Opened | undefined
  beforeAll(async () => {
    if (!factory) return
    opened = await factory()
    await fill(opened.store)
  }, 60_000)
  afterAll(async () => opened?.drop())
  return {
    get store() {
      return (opened as Opened).store
    },
  }
}

describe.each(factories)('%s store', (name, factory) => {
  describe.skipIf(!factory)(`${name}: keep`, () => {
    const o = storeFor(factory)

    it('stores a paper with its raw source, idempotently by content hash, and updates in place when forced', async () => {
      const { doc, raw } = await generated(1)
      expect(await o.store.put(doc, raw)).toBe('new')
      expect(await o.store.put(doc, raw)).toBe('unchanged')
      expect(await o.store.hasCurrent(doc.source.sha256)).toBe(true)
      expect(await o.store.currentShas()).toContain(doc.source.sha256)
      expect((await o.store.get(doc.id as string))?.text).toBe(doc.text)
      expect(Buffer.from((await o.store.raw(doc.id as string)) as Uint8Array).equals(Buffer.from(raw))).toBe(true)
      expect(await o.store.put({ ...doc, title: 'Gewijzigd' }, raw, true)).toBe('updated')
      expect((await o.store.get(doc.id as string))?.title).toBe('Gewijzigd')
      expect(await o.store.count()).toBe(1)
      const sources = await o.store.sources()
      expect(sources.map((s) => s.sha256)).toEqual([doc.source.sha256])
      expect((await (sources[0] as (typeof sources)[number]).bytes()).byteLength).toBe(raw.byteLength)
    })

    it('keeps one paper for several forms of it, the most structured reading winning', async () => {
      const pdfText = await read(corpusFile('dev', '32733-36.pdf.txt'))
      const page = await read(corpusFile('dev', '32733-36.obpage.txt'))
      expect(await o.store.putMany([pdfText, page])).toEqual(['new', 'updated'])
      expect(await o.store.put(pdfText.doc, pdfText.raw, true)).toBe('unchanged')
      expect((await o.store.get('kst-32733-36'))?.form).toBe('web-page-text')
      const all = await o.store.all()
      expect(all.filter((p) => p.id === 'kst-32733-36')).toHaveLength(1)
    })

    it('writes a list of 5,000 open-data records in one transaction without holding the event loop', async () => {
      const items = Array.from({ length: 5000 }, (_, k) => ({
        record: { entity: 'Persoon', id: `p-${k}`, modified: '2024-01-01T00:00:00', deleted: false, record: { Id: `p-${k}`, Achternaam: `Lid ${k}` } },
      }))
      let turns = 0
      let counting = true
      const tick = () => {
        turns++
        if (counting) setImmediate(tick)
      }
      setImmediate(tick)
      const applied = await o.store.applySync('test:loop', items, { done: true })
      counting = false
      expect(applied.records).toBe(5000)
      // Other work got turns while the list was written (at least one every 64 records).
      expect(turns).toBeGreaterThan(5000 / 64 - 5)
    })

    it('gives each paper of a batch a row of its own, and a paper written again in a later batch its new version only', async () => {
      const before = await o.store.count()
      const papers = await Promise.all([21, 22, 23].map(generated))
      const first = papers[0] as (typeof papers)[number]
      papers[0] = { ...first, doc: { ...first.doc, title: 'Eerste versie oudzeldzaam' } }
      expect(await o.store.putMany(papers)).toEqual(['new', 'new', 'new'])
      // One batch: a paper written again (changed), beside a new one. Its row ids and write counters are drawn for the batch.
      const again = { ...first, doc: { ...first.doc, title: 'Herschreven zeldzaamwoord' } }
      expect(await o.store.putMany([again, await generated(24)], true)).toEqual(['updated', 'new'])
      expect(await o.store.count()).toBe(before + 4)
      const keys = (await o.store.all()).map((p) => p.key)
      expect(new Set(keys).size).toBe(keys.length)
      // The search index holds the new version once, and not the old one.
      const hits = (await o.store.search({ q: 'zeldzaamwoord' })).hits
      expect(hits.map((h) => h.id)).toEqual([first.doc.id])
      expect((await o.store.search({ q: 'oudzeldzaam' })).hits).toEqual([])
    })

    it('lists papers a page at a time, in the order of the whole list, with the count beside it', async () => {
      const all = await o.store.all()
      expect(all.length).toBeGreaterThan(1)
      expect(await o.store.count()).toBe(all.length)
      expect(await o.store.all({ offset: 1, limit: 1 })).toEqual(all.slice(1, 2))
      expect(await o.store.all({ offset: 0, limit: 1 })).toEqual(all.slice(0, 1))
      expect(await o.store.all({ offset: all.length, limit: 5 })).toEqual([])
    })
  })

  describe.skipIf(!factory)(`${name}: the Kamer's records found by what links them`, () => {
    const o = storeFor(factory)
    const item = (entity: string, record: Record<string, unknown>, deleted = false) => ({
      record: { entity, id: String(record.Id), modified: '2024-06-28T07:00:00Z', deleted, record },
    })

    it('finds a motie’s Agendapunt, Besluit and votes by key, and forgets a record deleted or changed', async () => {
      await o.store.applySync(
        'test:kamer',
        [
          item('Zaak', { Id: 'z1', Nummer: '2024Z05789', Document: [{ HuidigeDocumentVersie: { ExterneIdentifier: 'kst-32793-743' } }] }),
          item('Agendapunt', { Id: 'a1', Activiteit_Id: 'act1', Zaak: [{ Id: 'z1', Nummer: '2024Z05789', Volgnummer: 743 }] }),
          item('Besluit', { Id: 'b1', Agendapunt_Id: 'a1', BesluitSoort: 'Stemmen - aangenomen', AgendapuntZaakBesluitVolgorde: 1 }),
          item('Stemming', { Id: 's1', Besluit_Id: 'b1', ActorFractie: 'NSC', Soort: 'Voor', FractieGrootte: 20 }),
          item('Stemming', { Id: 's2', Besluit_Id: 'b1', ActorFractie: "D'66 _%\\", Soort: 'Tegen', FractieGrootte: 9 }),
        ],
        null,
      )
      const ids = async (entity: string, key: string) => (await o.store.openDataByKey(entity, key)).map((r) => r.id)
      expect(await ids('Zaak', 'kst:kst-32793-743')).toEqual(['z1'])
      expect(await ids('Agendapunt', 'zaak:2024Z05789')).toEqual(['a1'])
      expect(await ids('Besluit', 'agendapunt:a1')).toEqual(['b1'])
      expect(await ids('Stemming', 'besluit:b1')).toEqual(['s1', 's2'])
      expect((await o.store.openDataByKey('Stemming', 'besluit:b1'))[1]?.record.ActorFractie).toBe("D'66 _%\\")
      // A key is read with its entity: the Besluit itself under its own id, its votes under theirs, nothing else.
      expect(await ids('Besluit', 'besluit:b1')).toEqual(['b1'])
      expect(await ids('Stemming', 'agendapunt:a1')).toEqual([])
      expect(await ids('Stemming', 'fractie:nsc')).toEqual(['s1'])
      // A vote deleted at the source goes; a Besluit moved to another Agendapunt is found there only.
      await o.store.applySync(
        'test:kamer',
        [item('Stemming', { Id: 's2', Besluit_Id: 'b1' }, true), item('Besluit', { Id: 'b1', Agendapunt_Id: 'a2', BesluitSoort: 'Stemmen - aangenomen' })],
        null,
      )
      expect(await ids('Stemming', 'besluit:b1')).toEqual(['s1'])
      expect(await ids('Besluit', 'agendapunt:a1')).toEqual([])
      expect(await ids('Besluit', 'agendapunt:a2')).toEqual(['b1'])
    })
  })

  describe.skipIf(!factory)(`${name}: a paper printed in two dossiers`, () => {
    const o = storeFor(factory)
    // An official publication printed in dossier 31 839 and in the budget 36 410 XVI, as its XML says it.
    const xml = (dossiers: string[]) => `<?xml version="1.0" encoding="utf-8"?>
<officiele-publicatie>
  <metadata>
    <meta name="OVERHEIDop.externMetadataRecord" content="https://zoek.officielebekendmakingen.nl/kst-31839-1002/metadata.xml"/>
    <meta name="OVERHEIDop.dossiernummer" content="${dossiers.join(';')}"/>
    <meta name="OVERHEIDop.ondernummer" content="1002"/>
  </metadata>
  <kamerstuk>
    ${dossiers.map((d) => `<dossier><dossiernummer><dossiernr>${d.split('-')[0]}</dossiernr>${d.includes('-') ? `<begrotingshoofdstuk>${d.split('-')[1]}</begrotingshoofdstuk>` : ''}</dossiernummer><titel>Dossier ${d}</titel></dossier>`).join('')}
    <stuk><stuknr><ondernummer>1002</ondernummer></stuknr><titel>BRIEF VAN DE MINISTER VOOR JEUGD, PREVENTIE EN SPORT</titel>
      <al>Ik zal uw Kamer voor de zomer informeren over de jeugdzorg in de begroting.</al></stuk>
  </kamerstuk>
</officiele-publicatie>`
    const put = async (dossiers: string[]) => {
      const raw = new TextEncoder().encode(xml(dossiers))
      return o.store.put(await readDocument(raw, 'kst-31839-1002.xml', ctx), raw)
    }

    it('shows it on the page of each dossier, and no longer in one it is read again without', async () => {
      await put(['31839', '36410-XVI'])
      const doc = await o.store.get('kst-31839-1002')
      expect(doc).toMatchObject({ dossier: '31839', otherDossiers: ['36410-XVI'] })
      for (const d of ['31839', '36410-XVI', '36410'])
        expect(
          (await o.store.dossier(d, TODAY))?.papers.map((p) => p.id),
          d,
        ).toEqual(['kst-31839-1002'])
      await put(['31839'])
      expect(await o.store.dossier('36410-XVI', TODAY)).toBeNull()
      expect((await o.store.dossier('31839', TODAY))?.papers.map((p) => p.id)).toEqual(['kst-31839-1002'])
    })
  })

  describe.skipIf(!factory)(`${name}: keys of papers without an id`, () => {
    const o = storeFor(factory)
    // A ministry letter on letterhead names no Kamerstuk id; written for this test in that layout.
    const letter = [
      '> Retouradres Postbus 20401 2500 EK Den Haag',
      'De Voorzitter van de Tweede Kamer',
      'der Staten-Generaal',
      'Datum 30 mei 2023',
      'Betreft Herijkte missies van het innovatiebeleid',
      'Geachte Voorzitter,',
      'Hierbij informeer ik uw Kamer over de herijkte missies. Ik zal uw Kamer voor de zomer nader informeren.',
      'De Minister van Economische Zaken en Klimaat,',
      'M.A.M. Adriaansens',
    ].join('\n')

    it('keys it by kind, date and subject, so its text and its typeset PDF are one paper', async () => {
      const text = new TextEncoder().encode(letter)
      const pdf = typesetPdf(letter)
      const a = await readDocument(text, 'brief.txt', ctx)
      const b = await readDocument(pdf, 'brief.pdf', ctx)
      expect(a.id).toBeNull()
      // The second form updates the first or leaves it, by the rank of its form: never a second paper.
      expect(
        (
          await o.store.putMany([
            { doc: a, raw: text },
            { doc: b, raw: pdf },
          ])
        )[0],
      ).toBe('new')
      const all = await o.store.all()
      expect(all.map((p) => p.key)).toEqual(['brief-2023-05-30-herijkte-missies-van-het-innovatiebeleid'])
      expect((await o.store.commitments({}, TODAY)).items).toHaveLength(1)
    })

    it('moves a paper read again under another key (a reader that now finds its id), leaving nothing under the old one', async () => {
      const { doc, raw } = await generated(7)
      const before = { ...doc, id: null, title: null }
      expect(await o.store.put(before, raw)).toBe('new')
      const oldKey = `sha256:${doc.source.sha256}`
      expect(await o.store.get(oldKey)).not.toBeNull()
      expect(await o.store.put(doc, raw, true)).toBe('new')
      expect(await o.store.get(oldKey)).toBeNull()
      expect((await o.store.get(doc.id as string))?.text).toBe(doc.text)
      expect((await o.store.all()).filter((p) => p.sha256 === doc.source.sha256)).toHaveLength(1)
      expect(Buffer.from((await o.store.raw(doc.id as string)) as Uint8Array).equals(Buffer.from(raw))).toBe(true)
    })
  })

  // Two of its papers are letterhead and motie PDF texts, which only ../shared has.
  describe.skipIf(!factory || skipWithoutShared)(`${name}: search`, () => {
    let o: Opened
    beforeAll(async () => {
      o = await (factory as () => Promise<Opened>)()
      const files = [
        '33783-50.txt',
        '35228-6.obpage.txt',
        '32733-36.obpage.txt',
        '21501-02-1581.obpage.txt',
        '31409-383.pdftext.txt',
        '36200-IV-49.pdftext.txt',
        'nds-tk-2019D21842.obpage.txt',
      ]
      await o.store.putMany(await Promise.all(files.map((f) => read(corpusFile('dev', f)))))
    })
    afterAll(async () => o?.drop())
    const ids = async (q: string, extra: object = {}) => (await o.store.search({ q, ...extra })).hits.map((h) => h.id)

    it('finds Dutch words by stem, plural and diacritics', async () => {
      expect(await ids('kernwapen')).toEqual(['kst-33783-50'])
      expect(await ids('lidstaat')).toContain('kst-33783-50')
      expect(await ids('Oekraine')).toContain('kst-33783-50')
    })

    it('reads phrases, OR, exclusion and prefixes', async () => {
      expect(await ids('"nucleaire ontwapening"')).toEqual(['kst-33783-50'])
      expect(await ids('"ontwapening nucleaire"')).toEqual([])
      expect((await ids('kernwapens OR Herbeleggingsplan')).sort()).toEqual(['kst-32733-36', 'kst-33783-50'])
      expect(await ids('Kamer -kernwapens')).not.toContain('kst-33783-50')
      expect(await ids('toetsingsconf*')).toEqual(['kst-33783-50'])
    })

    it('says what it knows of a paper it does not hold but cites: its dossier and who cites it', async () => {
      const c = await o.store.citations('kst-33783-48')
      expect(c?.stored).toBe(false)
      expect(c?.paper).toMatchObject({ id: 'kst-33783-48', dossier: '33783', date: null })
      expect(c?.in.map((r) => r.paper.id)).toEqual(['kst-33783-50'])
      expect(c?.in[0]?.text).toBe('Kamerstuk 33 783, nr.48')
      // Near misses: a stored paper is stored; an id nobody cites is unknown.
      expect((await o.store.citations('kst-33783-50'))?.stored).toBeUndefined()
      expect(await o.store.citations('kst-99999-1')).toBeNull()
    })

    it('suggests from its own vocabulary when nothing is found: a word one slip away, a word that starts longer ones', async () => {
      const input = (q: string) => searchInput().parse({ q })
      const suggested = async (q: string) => (await search(o.store, input(q))).result.suggestions ?? []
      expect(await suggested('kernwapnes')).toEqual([{ q: 'kernwapens', why: 'spelling', total: 1 }])
      expect(await suggested('ontwapen')).toEqual([{ q: 'ontwapen*', why: 'prefix', total: 1 }])
      // The filters stay: a suggestion is counted with them, and one that then finds nothing is not made.
      expect(await suggested('kernwapnes type:brief')).toEqual([{ q: 'kernwapens type:brief', why: 'spelling', total: 1 }])
      expect(await suggested('kernwapnes type:motie')).toEqual([])
      // Near misses: a word the store has needs none, a word far from any gets none.
      expect((await search(o.store, input('kernwapens'))).result.suggestions).toBeUndefined()
      expect(await suggested('xyzzyqw')).toEqual([])
      // The vocabulary itself: stems in term order with the papers each is in.
      const terms = await o.store.terms('kernwap', 10)
      expect(terms.map((t) => t.term)).toContain('kernwap')
      expect(terms.find((t) => t.term === 'kernwap')?.papers).toBe(1)
      expect(await o.store.terms('qqqq', 10)).toEqual([])
    })

    it('filters by type, dossier, sender and dates, sorts by date, pages, and counts facets over all matches', async () => {
      const all = await o.store.search({ q: 'Kamer', limit: 100 })
      expect(all.total).toBeGreaterThanOrEqual(6)
      expect(all.facets.type.find((f) => f.value === 'motie')?.count).toBe(2)
      const moties = await o.store.search({ q: 'Kamer', type: 'motie' })
      expect(moties.hits.every((h) => h.type === 'motie')).toBe(true)
      expect(await ids('Kamer', { dossier: '21501' })).toEqual(['kst-21501-02-1581'])
      expect(await ids('Kamer afzender:"sociale zaken"')).toEqual(['kst-35228-6'])
      const range = await o.store.search({ q: 'Kamer', from: '2016', to: '2020-12' })
      expect(range.hits.map((h) => h.date?.slice(0, 4)).sort()).toEqual(['2016', '2019', '2020'])
      const byDate = await o.store.search({ q: 'Kamer', sort: 'date', limit: 100 })
      const dates = byDate.hits.map((h) => h.date ?? '')
      expect(dates).toEqual([...dates].sort().reverse())
      const second = await o.store.search({ q: 'Kamer', sort: 'date', limit: 2, offset: 2 })
      expect(second.hits.map((h) => h.id)).toEqual(byDate.hits.slice(2, 4).map((h) => h.id))
      expect((await o.store.search({ q: 'type:motie' })).total).toBe(2)
    })

    it('finds a dossier or a paper as people cite it, and reads the Dutch operators', async () => {
      expect(await ids('33783')).toEqual(['kst-33783-50'])
      expect(await ids('33 783')).toEqual(['kst-33783-50'])
      expect(await ids('kst-33783-50')).toEqual(['kst-33783-50'])
      expect(await ids('Kamerstuk 33 783, nr. 50')).toEqual(['kst-33783-50'])
      expect(await ids('2019D21842')).toEqual(['nds-tk-2019D21842'])
      expect(await ids('kernwapens 32733')).toEqual([])
      expect((await ids('kernwapens OF Herbeleggingsplan')).sort()).toEqual(['kst-32733-36', 'kst-33783-50'])
      expect(await ids('Kamer NIET kernwapens')).not.toContain('kst-33783-50')
      expect(await ids('kernwapens EN lidstaten')).toEqual(['kst-33783-50'])
    })

    it('lists newest first when every word is in half the papers or more, as BM25 gives such words no weight', async () => {
      const common = await o.store.search({ q: 'Kamer', limit: 100 })
      expect(common.total).toBeGreaterThanOrEqual(3)
      expect(common.hits.every((h) => h.score === 0)).toBe(true)
      const dates = common.hits.map((h) => h.date ?? '')
      expect(dates).toEqual([...dates].sort().reverse())
      expect((await o.store.search({ q: 'kernwapens' })).hits[0]?.score).toBeGreaterThan(0)
    })

    it('marks matches in snippets and refuses malformed queries with a hint', async () => {
      const hit = (await o.store.search({ q: 'kernwapens' })).hits[0]
      expect(hit?.snippet).toContain('<mark>kernwapens</mark>')
      await expect(o.store.search({ q: '"nucleaire ontwapening' })).rejects.toBeInstanceOf(QueryError)
      await expect(o.store.search({ q: 'OR kernwapens' })).rejects.toBeInstanceOf(QueryError)
      expect((await o.store.search({ q: '' })).total).toBe(0)
    })

    it('sees a paper written after a search, though repeated searches are cached', async () => {
      const before = await o.store.search({ q: 'Toetsingsconferentie' })
      expect((await o.store.search({ q: 'Toetsingsconferentie' })).total).toBe(before.total)
      const next = await read(chain('33783-52.txt'))
      await o.store.put(next.doc, next.raw)
      expect((await o.store.search({ q: 'Toetsingsconferentie' })).total).toBe(before.total + 1)
    })
  })

  describe.skipIf(!factory)(`${name}: follows`, () => {
    const o = storeFor(factory, async (store) => {
      const { doc, raw } = await read(join(ROOT, 'examples', '33783-50.txt'))
      await store.put(doc, raw)
    })

    it('keeps a followed search and dossier, and counts what is new since the last visit', async () => {
      await o.store.saveFollow('', 'npv', 'dossier:33783', '2026-12-01T10:00:00Z')
      await o.store.saveFollow('', 'betaal', 'betaaltermijnen', '2026-12-01T10:00:00Z')
      // Nothing seen yet: every match is new.
      expect((await o.store.follows('')).map((f) => [f.name, f.newCount])).toEqual([
        ['betaal', 0],
        ['npv', 1],
      ])
      expect(await o.store.markFollowSeen('', 'npv', '2026-12-02T09:00:00Z')).toBe(true)
      expect(await o.store.markFollowSeen('', 'nope', '2026-12-02T09:00:00Z')).toBe(false)
      for (const f of [join(ROOT, 'test', 'fixtures', 'chains', '33783-51.txt'), join(ROOT, 'test', 'fixtures', 'debates', 'tweeminutendebat.obpage.txt')]) {
        const { doc, raw } = await read(f)
        await o.store.put(doc, raw)
      }
      const follows = await o.store.follows('')
      expect(follows.map((f) => [f.name, f.newCount])).toEqual([
        ['betaal', 1],
        ['npv', 1],
      ])
      const npv = follows.find((f) => f.name === 'npv')
      expect(npv?.seenAt).toBe('2026-12-02T09:00:00Z')
      expect((await o.store.search({ q: 'dossier:33783', sinceSeq: npv?.seenSeq ?? 0 })).hits.map((h) => h.id)).toEqual(['kst-33783-51'])
      await o.store.saveFollow('', 'npv', 'dossier:33783 type:brief', '2026-12-03T10:00:00Z')
      expect((await o.store.follows('')).find((f) => f.name === 'npv')?.query).toBe('dossier:33783 type:brief')
      expect(await o.store.removeFollow('', 'betaal')).toBe(true)
      expect(await o.store.removeFollow('', 'betaal')).toBe(false)
      expect((await o.store.follows('')).map((f) => f.name)).toEqual(['npv'])
    })

    it("keeps where a follow's alerts go and how far they were sent, from the moment they are set", async () => {
      await o.store.saveFollow('', 'alert', 'toetsingsconferentie', '2026-12-04T10:00:00Z')
      const now = await o.store.writeCounter()
      expect(now).toBeGreaterThan(0)
      expect(await o.store.setFollowAlerts('', 'alert', { email: "o'brien@example.org", webhook: 'http://127.0.0.1:9/hook?a=1&b=_%', everyHours: 24 })).toBe(
        true,
      )
      expect(await o.store.setFollowAlerts('', 'nope', { email: null, webhook: null, everyHours: null })).toBe(false)
      let f = (await o.store.follows('')).find((x) => x.name === 'alert')
      expect(f).toMatchObject({ email: "o'brien@example.org", webhook: 'http://127.0.0.1:9/hook?a=1&b=_%', alertedSeq: now, alertedAt: null, everyHours: 24 })
      const { doc, raw } = await read(join(ROOT, 'test', 'fixtures', 'chains', '33783-52.txt'))
      await o.store.put(doc, raw)
      expect(await o.store.writeCounter()).toBeGreaterThan(now)
      expect((await o.store.search({ q: f?.query ?? '', sinceSeq: f?.alertedSeq ?? 0 })).hits.map((h) => h.id)).toEqual(['kst-33783-52'])
      expect(await o.store.markFollowAlerted('', 'alert', await o.store.writeCounter(), '2026-12-05T07:00:00Z')).toBe(true)
      f = (await o.store.follows('')).find((x) => x.name === 'alert')
      expect(f?.alertedAt).toBe('2026-12-05T07:00:00Z')
      expect((await o.store.search({ q: f?.query ?? '', sinceSeq: f?.alertedSeq ?? 0 })).hits).toEqual([])
    })

    it('keeps each user’s follows apart from the store’s own and from each other’s, with names that are SQL wildcards', async () => {
      const at = '2026-12-06T10:00:00Z'
      expect(await o.store.addUser({ name: 'anna_1', email: 'anna@example.org', created: at }, 'a'.repeat(64))).toBe(true)
      expect(await o.store.addUser({ name: 'anna%1', email: null, created: at }, 'b'.repeat(64))).toBe(true)
      expect(await o.store.addUser({ name: 'anna_1', email: null, created: at }, 'c'.repeat(64))).toBe(false)
      await o.store.saveFollow('anna_1', 'npv', 'dossier:33783', at)
      await o.store.saveFollow('anna%1', 'npv', 'kernwapens', at)
      await o.store.saveFollow('anna%1', "o'brien", 'betaaltermijnen', at)
      expect((await o.store.follows('anna_1')).map((f) => [f.owner, f.name, f.query])).toEqual([['anna_1', 'npv', 'dossier:33783']])
      expect((await o.store.follows('anna%1')).map((f) => f.name)).toEqual(['npv', "o'brien"])
      expect((await o.store.follows('')).some((f) => f.owner !== '')).toBe(false)
      expect((await o.store.follows(null)).filter((f) => f.owner.startsWith('anna')).map((f) => `${f.owner}/${f.name}`)).toEqual([
        'anna%1/npv',
        "anna%1/o'brien",
        'anna_1/npv',
      ])
      // One owner's change leaves the other's follow of the same name alone.
      expect(await o.store.markFollowSeen('anna_1', 'npv', '2026-12-07T08:00:00Z')).toBe(true)
      expect((await o.store.follows('anna%1')).find((f) => f.name === 'npv')?.seenAt).toBeNull()
      expect(await o.store.removeFollow('anna_1', "o'brien")).toBe(false)
      // Users by token and by name; a new token replaces the old one.
      expect(await o.store.userByToken('a'.repeat(64))).toEqual({ name: 'anna_1', email: 'anna@example.org', created: at })
      expect(await o.store.setUserToken('anna_1', 'd'.repeat(64))).toBe(true)
      expect(await o.store.userByToken('a'.repeat(64))).toBeNull()
      expect((await o.store.userByName('anna_1'))?.tokenHash).toBe('d'.repeat(64))
      expect(await o.store.userByName('anna')).toBeNull()
      expect(await o.store.setUserToken('nobody', 'e'.repeat(64))).toBe(false)
      // Removing a user removes their follows, and only theirs.
      expect(await o.store.removeUser('anna%1')).toBe(true)
      expect(await o.store.removeUser('anna%1')).toBe(false)
      expect(await o.store.follows('anna%1')).toEqual([])
      expect((await o.store.follows('anna_1')).map((f) => f.name)).toEqual(['npv'])
      expect((await o.store.users()).map((u) => u.name)).toEqual(['anna_1'])
    })
  })

  describe.skipIf(!factory)(`${name}: debates`, () => {
    // A debate record and a later letter that keeps one of its spoken promises, the letter stored first.
    const o = storeFor(factory, async (store) => {
      for (const f of ['brief-betaaltermijnen.txt', 'tweeminutendebat.obpage.txt', '31839-1001.txt', 'commissiedebat.pdf.txt']) {
        const { doc, raw } = await read(join(ROOT, 'test', 'fixtures', 'debates', f))
        await store.put(doc, raw)
      }
    })

    it('finds debates by speaker (`spreker:`), by name, label or fractie, with words or alone', async () => {
      const ids = async (q: string) => (await o.store.search({ q })).hits.map((h) => h.id)
      expect(await ids('spreker:"De Vries"')).toEqual(['h-tk-20222023-38-12'])
      expect(await ids('spreker:bakker betaaltermijn')).toEqual(['h-tk-20222023-38-12'])
      expect(await ids('spreker:VVD')).toEqual(['h-tk-20222023-38-12'])
      expect(await ids('spreker:Wiebes')).toEqual([])
      // The letter names De Vries as its signer, but no one speaks in it.
      expect(await ids('spreker:"De Vries" betaaltermijnen')).toEqual(['h-tk-20222023-38-12'])
    })

    it('tracks spoken promises like written ones; a later letter keeps the one it names by the debate date', async () => {
      const list = await o.store.commitments({ paper: 'h-tk-20222023-38-12' }, TODAY)
      expect(list.total).toBe(5)
      const kept = list.items.find((c) => c.text.includes('binnen drie maanden'))
      expect(kept).toMatchObject({ status: 'fulfilled', actor: 'Staatssecretaris De Vries' })
      // The page text names no office: the board groups the promise under the role, never under `(onbekend)`.
      expect(kept?.paper.sender).toBe('Staatssecretaris')
      expect(list.counts.bySender.map((c) => c.sender)).not.toContain('(onbekend)')
      expect(kept?.evidence.map((e) => e.reason)).toEqual(['points-at'])
      expect(list.items.filter((c) => c.status === 'fulfilled')).toHaveLength(1)
    })

    it("gives a committee debate's promises their speaker's office and the day they were made, so a later letter naming that day keeps them", async () => {
      // Four promises: the chair's list at the end confirms three of them (their support), it makes none of its own.
      const list = await o.store.commitments({ paper: 'kst-31839-998' }, TODAY)
      expect(list.total).toBe(4)
      const said = list.items.find((c) => c.text.startsWith('Ik zal de Kamer voor 1 juni de cijfers'))
      // Said on 18 January; the verslag is dated 12 February, when it was adopted.
      expect(said?.paper).toMatchObject({ key: 'kst-31839-998', date: '2024-01-18', sender: 'Minister voor Jeugd, Preventie en Sport' })
      expect(said).toMatchObject({ status: 'fulfilled', evidence: [{ paperId: 'kst-31839-1001', reason: 'points-at' }] })
      // The staatssecretaris's promise is not the minister's letter's to keep.
      const other = list.items.find((c) => c.text.startsWith('Ik zeg toe dat ik de Kamer in het voorjaar'))
      expect(other?.paper.sender).toBe('Staatssecretaris van Volksgezondheid, Welzijn en Sport')
      expect(other?.evidence).toEqual([])
      expect((await o.store.commitments({ sender: 'jeugd, preventie' }, TODAY)).total).toBe(3)
    })
  })

  describe.skipIf(!factory)(`${name}: link and track`, () => {
    // The later letters first: links do not depend on the order papers arrive in.
    const o = storeFor(factory, async (store) => {
      for (const f of [
        chain('33783-53.txt'),
        chain('33783-52.txt'),
        chain('33783-51.txt'),
        corpusFile('dev', '33783-50.txt'),
        corpusFile('dev', '35228-6.obpage.txt'),
      ]) {
        const { doc, raw } = await read(f)
        await store.put(doc, raw)
      }
    })

    it('tracks the promises of 33783-50 to the letters that keep them; an unrelated letter keeps nothing', async () => {
      const list = await o.store.commitments({ dossier: '33783' }, TODAY)
      const by = (words: string) => list.items.find((c) => c.text.includes(words))
      expect(by('t.z.t. informeren')).toMatchObject({ status: 'fulfilled', evidence: [{ paperId: 'kst-33783-51', reason: 'points-at' }] })
      expect(by('rapporteren over de resultaten')).toMatchObject({ status: 'fulfilled', evidence: [{ paperId: 'kst-33783-52' }] })
      expect(by('briefing')).toMatchObject({ status: 'overdue', evidence: [] })
      for (const c of list.items) expect([...c.evidence, ...c.candidates].map((e) => e.paperId)).not.toContain('kst-33783-53')
      expect(list.counts.byStatus).toEqual({ open: 0, 'due-soon': 0, overdue: 1, fulfilled: 2 })
      const overdue = await o.store.commitments({ status: 'overdue', sender: 'sociale zaken' }, TODAY)
      expect(overdue.items.map((c) => c.paper.id)).toEqual(['kst-35228-6'])
    })

    it('links citations both ways, by id and by date', async () => {
      const c = await o.store.citations('kst-33783-52')
      expect(c?.out.map((r) => [r.kind, r.paper?.id, r.via])).toEqual([
        ['brief', 'kst-33783-50', 'date'],
        ['kamerstuk', 'kst-33783-50', 'id'],
      ])
      expect((await o.store.citations('kst-33783-50'))?.in.map((r) => r.paper.id)).toEqual(['kst-33783-51', 'kst-33783-52'])
      expect(await o.store.citations('kst-1-1')).toBeNull()
    })

    it('shows a dossier and its timeline', async () => {
      const view = await o.store.dossier('33783', TODAY)
      expect(view?.papers.map((p) => p.id)).toEqual(['kst-33783-50', 'kst-33783-51', 'kst-33783-52', 'kst-33783-53'])
      expect(view?.citesOutside.map((c) => c.target)).toEqual([])
      expect(view?.citesMissing).toEqual([{ target: 'kst-33783-48', count: 1 }])
      const t = await o.store.timeline('33783', TODAY)
      expect(t.filter((e) => e.kind === 'kept').map((e) => e.paper.id)).toEqual(['kst-33783-51', 'kst-33783-52'])
      expect(t.some((e) => e.kind === 'event' && e.date === '2022-08-01' && e.end === '2022-08-26')).toBe(true)
      expect(await o.store.dossier('99999', TODAY)).toBeNull()
    })

    it('keeps a manual correction when the paper is stored again', async () => {
      const briefing = (await o.store.commitments({ dossier: '33783', status: 'overdue' }, TODAY)).items[0]
      expect(briefing).toBeDefined()
      const id = briefing?.id as string
      expect(await o.store.correct(id, { action: 'fulfilled-by', target: 'kst-1-1', at: '2026-11-28T10:00:00Z' })).toBe(false)
      expect(await o.store.correct(id, { action: 'fulfilled-by', target: 'kst-33783-51', at: '2026-11-28T10:00:00Z' })).toBe(true)
      const again = await read(corpusFile('dev', '33783-50.txt'))
      await o.store.put(again.doc, again.raw, true)
      expect(await o.store.commitment(id, TODAY)).toMatchObject({ status: 'fulfilled', evidence: [{ reason: 'manual', paperId: 'kst-33783-51' }] })
      await o.store.correct(id, { action: 'not-a-commitment', at: '2026-11-28T10:00:00Z' })
      expect(await o.store.commitment(id, TODAY)).toBeNull()
      expect((await o.store.commitments({ dossier: '33783' }, TODAY)).total).toBe(2)
    })
  })
  describe.skipIf(!factory)(`${name}: a batch links as paper by paper`, () => {
    // A batch reads what its papers are matched against before it writes (one round trip on a server) and merges
    // what it writes meanwhile: the links must be those of the same papers written one at a time, in the same order,
    // also where the batch writes stored papers again (their old promises no longer count).
    const papers = async () => {
      const out = []
      for (let i = 0; i < 120; i++) out.push(await generated(i))
      for (const f of ['33783-51.txt', '33783-52.txt', '33783-53.txt']) out.push(await read(chain(f)))
      return out
    }
    const stored = async (store: Store) =>
      (await store.commitments({}, TODAY)).items.map((c) => [c.id, c.status, c.evidence.map((e) => e.paperId), c.candidates.map((e) => e.paperId)])
    const one = storeFor(factory)
    const batch = storeFor(factory)

    it('gives the same promises, statuses, links and candidates', async () => {
      const all = await papers()
      // Read again: half with another title, half as if their promises, fulfilments and references were no longer found.
      const changed = all.slice(0, 20).map((p, i) => ({
        doc: i % 2 ? { ...p.doc, title: `${p.doc.title} (herzien ${i})` } : { ...p.doc, commitments: [], fulfils: [], references: [] },
        raw: p.raw,
      }))
      for (const p of all.slice(0, 40)) await one.store.put(p.doc, p.raw)
      await batch.store.putMany(all.slice(0, 40))
      // Twenty stored papers read again, among eighty new ones.
      const rest = [...all.slice(40, 80), ...changed, ...all.slice(80)]
      for (const p of rest) await one.store.put(p.doc, p.raw, true)
      await batch.store.putMany(rest, true)
      const expected = await stored(one.store)
      expect(expected.filter((c) => (c[2] as string[]).length > 0).length).toBeGreaterThan(10)
      expect(await stored(batch.store)).toEqual(expected)
    })
  })

  describe.skipIf(!factory)(`${name}: filters take what the user types as itself`, () => {
    // Senders with the characters SQL gives a meaning: `_` and `%` (LIKE's wildcards), a quote, a backslash.
    const senders = ['Minister van Financiën', 'Minister_van_Defensie', 'Minister van 100% Zaken', "Staatssecretaris van O'Brien", 'Minister van A\\B']
    const o = storeFor(factory, async (store) => {
      let k = 0
      for (let i = 0; k < senders.length; i++) {
        const { doc, raw } = await generated(i)
        if (doc.commitments.length > 0) await store.put({ ...doc, sender: senders[k++] as string }, raw)
      }
    })

    it.each([
      ['_', ['Minister_van_Defensie']],
      ['%', ['Minister van 100% Zaken']],
      ["'", ["Staatssecretaris van O'Brien"]],
      ['\\', ['Minister van A\\B']],
      ["o'brien", ["Staatssecretaris van O'Brien"]],
      ['FINANCIËN', ['Minister van Financiën']],
      ['minister van', ['Minister van 100% Zaken', 'Minister van A\\B', 'Minister van Financiën']],
      ['_van_', ['Minister_van_Defensie']],
      ['%%', []],
    ])('commitments --sender %j', async (q, want) => {
      const list = await o.store.commitments({ sender: q, limit: 500 }, TODAY)
      expect([...new Set(list.items.map((c) => c.paper.sender))].sort()).toEqual([...want].sort())
      expect(list.total).toBe(list.items.length)
    })

    it('commitments with words (`q`): each word the start of a word of the promise, in any case or accents', async () => {
      const all = (await o.store.commitments({ limit: 500 }, TODAY)).items
      const word = (/\p{L}{6,}/u.exec(all[0]?.text ?? '')?.[0] ?? '') as string
      expect(word).not.toBe('')
      const holding = (w: string) =>
        all
          .filter((c) => new RegExp(`(?<![\\p{L}])${w}`, 'iu').test(c.text))
          .map((c) => c.id)
          .sort()
      const found = async (q: string) => (await o.store.commitments({ q, limit: 500 }, TODAY)).items.map((c) => c.id).sort()
      expect(await found(word)).toEqual(holding(word))
      expect(await found(word.toUpperCase())).toEqual(holding(word))
      expect(await found(word.slice(0, 4))).toEqual(holding(word.slice(0, 4)))
      // Near misses: the middle of a word, and a word no promise holds beside one that some do.
      expect(await found(word.slice(2))).toEqual(holding(word.slice(2)))
      expect(await found(`${word} qqqqzz`)).toEqual([])
      // The counts are of what matches.
      const list = await o.store.commitments({ q: word, limit: 1 }, TODAY)
      expect(list.total).toBe(holding(word).length)
    })
  })
})
