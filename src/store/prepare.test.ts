import { describe, expect, it } from 'vitest'
import { generatePaper } from '../bench/corpus.js'
import { createContext, readDocument } from '../pipeline.js'
import { Packer } from './codec.js'
import { packedAsNow, preparePaper } from './prepare.js'
import { EmbeddedStore } from './sqlite/embedded.js'

// Ingest prepares papers in its reading threads (store/prepare.ts); the store must come out the same
// as when the writer prepares them itself: the same Documents, search, promises and links.
describe('papers prepared where they are read', () => {
  it('make the same store as papers prepared by the writer, across the first dictionaries', async () => {
    const ctx = await createContext()
    const papers = []
    for (let i = 0; i < 500; i++) {
      const { name, text } = generatePaper(i)
      const raw = new TextEncoder().encode(text)
      papers.push({ doc: await readDocument(raw, name, { ...ctx, nameHints: true }), raw })
    }
    const writer = new EmbeddedStore(':memory:')
    const threads = new EmbeddedStore(':memory:')
    // A thread's packer knows the store's dictionaries once they are committed: none for the first batch.
    const thread = new Packer()
    for (let start = 0; start < papers.length; start += 100) {
      const batch = papers.slice(start, start + 100)
      await writer.putMany(batch)
      await threads.putMany(batch.map((p) => ({ ...p, prepared: preparePaper(p.doc, p.raw, thread) })))
      for (const d of threads.dictionaries()) if (!thread.has(d.id)) thread.add(d)
    }
    // The store made its first dictionaries at the fourth write (300 papers); the fifth batch came packed with them.
    expect(threads.dictionaries().length).toBeGreaterThan(0)
    expect(thread.list().length).toBe(threads.dictionaries().length)
    for (const p of papers.filter((_, k) => k % 37 === 0)) expect(await threads.get(p.doc.id as string)).toEqual(await writer.get(p.doc.id as string))
    for (const q of ['kernwapens', 'Kamer', '"nucleaire ontwapening"'])
      expect(await threads.search({ q, limit: 50 })).toEqual(await writer.search({ q, limit: 50 }))
    expect(await threads.commitments({ limit: 1000 }, '2026-01-01')).toEqual(await writer.commitments({ limit: 1000 }, '2026-01-01'))
    await writer.close()
    await threads.close()
  }, 60_000)

  it('are prepared again by the writer only when packed without the dictionaries the store has', async () => {
    const ctx = await createContext()
    const { name, text } = generatePaper(1)
    const raw = new TextEncoder().encode(text)
    const doc = await readDocument(raw, name, ctx)
    const bare = new Packer()
    const trained = new Packer()
    const bytes = new TextEncoder().encode(text.repeat(20))
    for (const [id, kind] of (['text', 'doc', 'profile', 'record'] as const).entries()) trained.add({ id: id + 1, kind, papers: 256, bytes })
    expect(packedAsNow(preparePaper(doc, raw, bare), bare)).toBe(true)
    expect(packedAsNow(preparePaper(doc, raw, bare), trained)).toBe(false)
    expect(packedAsNow(preparePaper(doc, raw, trained), trained)).toBe(true)
  })
})
