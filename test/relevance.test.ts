// Relevance on the real dev corpus: each query must bring its paper into the top 3.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createContext, readDocument } from '../src/pipeline.js'
import { EmbeddedStore } from '../src/store/sqlite/embedded.js'
import { corpusFile, skipWithoutShared } from '../src/test-support/paths.js'
import { RELEVANCE_CASES as cases } from './relevance-cases.js'

let store: EmbeddedStore
beforeAll(async () => {
  if (skipWithoutShared) return
  store = new EmbeddedStore(join(mkdtempSync(join(tmpdir(), 'kw-rel-')), 'dev.db'))
  const ctx = await createContext()
  const dir = corpusFile('dev')
  const items = []
  for (const f of readdirSync(dir).filter((f) => !f.endsWith('.json'))) {
    const raw = readFileSync(join(dir, f))
    items.push({ doc: await readDocument(raw, f, ctx), raw })
  }
  await store.putMany(items)
})
afterAll(() => store?.close())

const paperOf = async (id: string) =>
  ((await store.get(id))?.source.name ?? '')
    .replace(/\.(obpage\.txt|pdf\.txt|pdf|txt|pdftext\.txt|tk-html-text\.txt|rijksbegroting-html-text\.txt)$/, '')
    .replace(/\.pdftext$/, '')

describe.skipIf(skipWithoutShared)('relevance on the dev corpus', () => {
  it.each(cases)('%s → %s (%s)', async (q, want) => {
    const top = await Promise.all((await store.search({ q, limit: 3 })).hits.map((h) => paperOf(h.id)))
    expect(top).toContain(want)
  })
})
