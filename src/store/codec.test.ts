import { beforeAll, describe, expect, it } from 'vitest'
import { generatePaper } from '../bench/corpus.js'
import type { Document } from '../model/document.js'
import { createContext, type PipelineContext, readDocument } from '../pipeline.js'
import { joinDocument, Packer, sampleDictionary, splitDocument } from './codec.js'

const enc = (s: string) => new TextEncoder().encode(s)

describe('Packer', () => {
  const papers = Array.from({ length: 60 }, (_, i) => enc(generatePaper(i).text))
  const dictionary = { id: 1, kind: 'text' as const, papers: 40, bytes: sampleDictionary(papers.slice(0, 40)) }

  it('gives back what it packed, with a dictionary and without, and names the dictionary in the first byte', () => {
    const plain = new Packer()
    const withDict = new Packer()
    withDict.add(dictionary)
    for (const p of papers.slice(40)) {
      const a = plain.pack('text', p)
      const b = withDict.pack('text', p)
      expect(a[0]).toBe(0)
      expect(b[0]).toBe(1)
      expect(Buffer.compare(plain.unpack(a), Buffer.from(p))).toBe(0)
      expect(Buffer.compare(withDict.unpack(b), Buffer.from(p))).toBe(0)
      // A packer without the dictionary reads values packed before it (id 0) all the same.
      expect(Buffer.compare(withDict.unpack(a), Buffer.from(p))).toBe(0)
    }
    // Papers not in the sample pack far smaller with a dictionary of other papers.
    const size = (k: Packer) => papers.slice(40).reduce((n, p) => n + k.pack('text', p).length, 0)
    expect(size(withDict)).toBeLessThan(size(plain) * 0.5)
  })

  it('finds a dictionary it has not seen through its lookup, and says which one is missing', () => {
    const writer = new Packer()
    writer.add(dictionary)
    const packed = writer.pack('text', papers[50] as Uint8Array)
    const reader = new Packer((id) => (id === 1 ? dictionary : null))
    expect(reader.unpackText(packed)).toBe(generatePaper(50).text)
    expect(() => new Packer().unpack(packed)).toThrow(/dictionary 1/)
  })

  it('forgets dictionaries above a mark, and packs with the newest it still knows', () => {
    const k = new Packer()
    k.add(dictionary)
    k.add({ ...dictionary, id: 2, papers: 60 })
    expect(k.current('text')?.id).toBe(2)
    k.forgetAbove(1)
    expect(k.current('text')?.id).toBe(1)
    expect(k.has(2)).toBe(false)
    expect(k.pack('text', papers[0] as Uint8Array)[0]).toBe(1)
  })
})

describe('sampleDictionary', () => {
  it.each([
    ['small values: every one whole, as they do not fill it', 200, 150, 30_000],
    ['smaller values than fill it: as many whole ones as fit', 400, 150, 32_768],
    ['large values: cut to 4 KB each, eight of them', 20, 20_000, 32_768],
    ['few values', 3, 1_000, 3_000],
  ])('%s', (_, count, length, expected) => {
    const samples = Array.from({ length: count }, (_, i) => new Uint8Array(length).fill(i % 251))
    const d = sampleDictionary(samples)
    expect(d.length).toBe(expected)
    // Drawn evenly: values from the second half are in it, not only the first ones.
    expect([...new Set(d)].some((b) => b >= Math.floor(count / 2) % 251)).toBe(true)
  })

  it('is empty for no samples', () => {
    expect(sampleDictionary([]).length).toBe(0)
  })
})

describe('the Document kept once', () => {
  let ctx: PipelineContext
  beforeAll(async () => {
    ctx = await createContext()
  })

  it.each([
    ['a text file', enc(generatePaper(3).text), true],
    ['a text file with a byte-order mark and CRLF', new Uint8Array([0xef, 0xbb, 0xbf, ...enc(generatePaper(4).text.replace(/\n/g, '\r\n'))]), true],
  ])('%s: its text and derivable source text are out of the JSON and come back in their places', async (_, raw, derivable) => {
    const doc = (await readDocument(raw, 'paper.txt', ctx)) as Document
    const stored = splitDocument(doc, raw)
    expect(stored.text).toBe(doc.text)
    expect(stored.json).not.toContain(doc.text.slice(0, 100))
    expect(JSON.parse(stored.json).source.text === null).toBe(derivable)
    const back = joinDocument(stored.json, stored.text, () => raw)
    // The same Document, keys in the same order.
    expect(JSON.stringify(back)).toBe(JSON.stringify(doc))
  })

  it('keeps the source text when the raw bytes do not decode to it (a PDF, a web page)', async () => {
    const raw = enc(generatePaper(5).text)
    const doc = (await readDocument(raw, 'paper.txt', ctx)) as Document
    const extracted = { ...doc, source: { ...doc.source, text: `${doc.source.text} (as a PDF reader gave it)` } }
    const stored = splitDocument(extracted, new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1, 2]))
    expect(JSON.parse(stored.json).source.text).toBe(extracted.source.text)
    expect(
      joinDocument(stored.json, stored.text, () => {
        throw new Error('the raw source is not needed')
      }),
    ).toEqual(extracted)
  })
})
