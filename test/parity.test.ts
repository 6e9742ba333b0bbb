// Parity: the dev corpus read into both stores answers every relevance query with the same
// top results (equal up to ties) and the same totals and facet counts; and dossiers, timelines,
// the tracker with each filter, citations, follows and the export are the same, whole.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { everyCommitment } from '../src/app/requests.js'
import { createContext, readDocument } from '../src/pipeline.js'
import { commitmentRow } from '../src/publish/export.js'
import type { SearchResult } from '../src/search/types.js'
import { EmbeddedStore } from '../src/store/sqlite/embedded.js'
import type { Store } from '../src/store/store.js'
import { corpusFile, skipWithoutShared } from '../src/test-support/paths.js'
import { openTestPostgres, testPostgresUrl } from '../src/test-support/postgres.js'
import { RELEVANCE_CASES } from './relevance-cases.js'

const pgUrl = testPostgresUrl()
let sqlite: Store
let postgres: Store
let drop: () => Promise<void> = async () => {}

beforeAll(async () => {
  if (!pgUrl) return
  sqlite = new EmbeddedStore(join(mkdtempSync(join(tmpdir(), 'kw-parity-')), 'dev.db'))
  const pg = await openTestPostgres(pgUrl)
  postgres = pg.store
  drop = pg.drop
  const ctx = { ...(await createContext()), nameHints: true }
  const dir = corpusFile('dev')
  // Every readable input, several forms of a paper among them: the stores must agree after updates too.
  for (const f of readdirSync(dir)
    .filter((f) => !f.endsWith('.json'))
    .sort()) {
    const raw = new Uint8Array(readFileSync(join(dir, f)))
    const doc = await readDocument(raw, f, ctx)
    expect(await postgres.put(doc, raw)).toBe(await sqlite.put(doc, raw))
  }
}, 120_000)

afterAll(async () => {
  await sqlite?.close()
  await drop()
})

/** Hits as groups of equal score: the order inside a group is the engine's own. */
function groups(r: SearchResult): Array<{ score: number; ids: string[] }> {
  const out: Array<{ score: number; ids: string[] }> = []
  for (const h of r.hits) {
    const last = out[out.length - 1]
    if (last && last.score === h.score) last.ids.push(h.id)
    else out.push({ score: h.score, ids: [h.id] })
  }
  return out
}

const queries = [...RELEVANCE_CASES.map(([q]) => q), 'Kamer', 'brief*', 'Kamer type:brief', 'regering -motie']

describe.skipIf(!pgUrl || skipWithoutShared)('SQLite and PostgreSQL agree on the dev corpus', () => {
  it('hold the same papers', async () => {
    expect((await postgres.all()).map((p) => [p.key, p.sha256])).toEqual((await sqlite.all()).map((p) => [p.key, p.sha256]))
  })

  it.each(queries)('%s', async (q) => {
    for (const sort of ['relevance', 'date'] as const) {
      const a = await sqlite.search({ q, sort, limit: 10 })
      const b = await postgres.search({ q, sort, limit: 10 })
      expect(b.total).toBe(a.total)
      expect(b.facets).toEqual(a.facets)
      const ga = groups(a)
      const gb = groups(b)
      expect(gb.map((g) => [g.score, g.ids.length])).toEqual(ga.map((g) => [g.score, g.ids.length]))
      // Every group but the last is whole on both sides; the last may be cut by the limit at a different member.
      for (let k = 0; k < ga.length - 1; k++) expect(new Set(gb[k]?.ids)).toEqual(new Set(ga[k]?.ids))
      // The same paper gets the same snippet and score from both.
      const fromA = new Map(a.hits.map((h) => [h.id, h]))
      for (const h of b.hits) if (fromA.has(h.id)) expect(h).toEqual(fromA.get(h.id))
    }
  })
})

const TODAY = '2026-11-28'

describe.skipIf(!pgUrl || skipWithoutShared)('SQLite and PostgreSQL give the same whole answers on the dev corpus', () => {
  const dossiersOf = async () => [...new Set((await sqlite.all()).map((p) => p.dossier).filter((d): d is string => !!d))].sort()

  it('dossier pages and timelines, of every dossier and of its parent number', async () => {
    const dossiers = await dossiersOf()
    expect(dossiers.length).toBeGreaterThan(3)
    for (const d of [...dossiers, ...dossiers.map((d) => d.split('-')[0] as string)]) {
      expect(await postgres.dossier(d, TODAY), d).toEqual(await sqlite.dossier(d, TODAY))
      expect(await postgres.timeline(d, TODAY), d).toEqual(await sqlite.timeline(d, TODAY))
    }
  })

  it('citations of every paper, both ways', async () => {
    for (const p of await sqlite.all()) expect(await postgres.citations(p.key), p.key).toEqual(await sqlite.citations(p.key))
  })

  it('the tracker with each filter, sort and page', async () => {
    const queries = [
      {},
      { sort: 'date' as const },
      { limit: 5, offset: 5 },
      ...(['open', 'due-soon', 'overdue', 'fulfilled'] as const).map((status) => ({ status })),
      ...['_', '%', "'", '\\', 'minister', 'BUITENLANDSE', 'van '].map((sender) => ({ sender })),
      ...(await dossiersOf()).map((dossier) => ({ dossier })),
      ...(await sqlite.all()).slice(0, 20).map((p) => ({ paper: p.key })),
    ]
    for (const q of queries) expect(await postgres.commitments(q, TODAY), JSON.stringify(q)).toEqual(await sqlite.commitments(q, TODAY))
  })

  it('the export of every promise, row for row', async () => {
    const rows = async (store: Store) => {
      const out = []
      for await (const c of everyCommitment(store, {}, TODAY)) out.push(commitmentRow(c, 'https://kamerwacht.example'))
      return out
    }
    const a = await rows(sqlite)
    expect(a.length).toBeGreaterThan(10)
    expect(await rows(postgres)).toEqual(a)
  })

  it('follows and what is new to them', async () => {
    for (const store of [sqlite, postgres]) {
      await store.saveFollow('', 'kernwapens', 'kernwapens', '2026-11-28T10:00:00Z')
      await store.saveFollow('', 'dossier', 'dossier:33783', '2026-11-28T10:00:00Z')
      // Users' follows, with names the engines' collations would sort apart.
      await store.saveFollow('anna_1', 'Dossier', 'dossier:33783 type:brief', '2026-11-28T10:00:00Z')
      await store.saveFollow('anna%1', 'dossier', 'kernwapens', '2026-11-28T10:00:00Z')
    }
    expect(await postgres.follows('')).toEqual(await sqlite.follows(''))
    expect(await postgres.follows(null)).toEqual(await sqlite.follows(null))
    expect((await sqlite.follows(null)).length).toBe(4)
  })
})
