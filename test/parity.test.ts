// Parity: the dev corpus read into both stores answers every relevance query with the same
// top results (equal up to ties) and the same totals and facet counts.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContext, readDocument } from '../src/pipeline.js'
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
