import { describe, expect, it } from 'vitest'
import { frequencyOf, idf, type ListQuery, match, type PostingList, Scratch, score, topK } from './bm25.js'

const list = (pairs: Array<[number, number]>): PostingList => ({
  docs: Int32Array.from(pairs.map((p) => p[0])),
  freqs: Int32Array.from(pairs.map((p) => p[1])),
})
const scratchFor = (size: number) => {
  const s = new Scratch()
  s.fit(size)
  return s
}
const docsOf = (...ids: number[]) => list(ids.map((d) => [d, 1]))

describe('match', () => {
  const a = docsOf(1, 2, 3, 5, 8)
  const b = docsOf(2, 3, 4, 8)
  const c = docsOf(3, 9)
  const cases: Array<[string, ListQuery, number[]]> = [
    ['one word', { groups: [[a]], not: [] }, [1, 2, 3, 5, 8]],
    ['a AND b', { groups: [[a], [b]], not: [] }, [2, 3, 8]],
    ['a OR c', { groups: [[a, c]], not: [] }, [1, 2, 3, 5, 8, 9]],
    ['(a OR c) AND b', { groups: [[a, c], [b]], not: [] }, [2, 3, 8]],
    ['a NOT b', { groups: [[a]], not: [b] }, [1, 5]],
    ['a AND b NOT c', { groups: [[a], [b]], not: [c] }, [2, 8]],
    ['a word in no paper', { groups: [[a], [docsOf()]], not: [] }, []],
    ['no words', { groups: [], not: [] }, []],
  ]
  it.each(cases)('%s', (_, query, expected) => {
    expect([...match(query, scratchFor(10))]).toEqual(expected)
  })

  it('gives the same answer when a scratch is reused many times', () => {
    const scratch = scratchFor(10)
    for (let i = 0; i < 1000; i++) expect([...match({ groups: [[a], [b, c]], not: [docsOf(8)] }, scratch)]).toEqual([2, 3])
  })
})

describe('BM25', () => {
  it('floors the idf of a phrase in half the papers or more at 1e-6, as FTS5 does', () => {
    expect(idf(10, 1)).toBeCloseTo(Math.log(9.5 / 1.5), 12)
    expect(idf(10, 5)).toBe(1e-6)
    expect(idf(10, 9)).toBe(1e-6)
  })

  it('scores by term frequency, rarity and length, and adds every phrase of the query', () => {
    // Four papers of 10, 10, 20 and 40 tokens: avgdl 20.
    const collection = { rows: 4, tokens: 80, lengths: Int32Array.from([0, 10, 10, 20, 40]) }
    const word = list([
      [1, 1],
      [2, 3],
      [4, 3],
    ])
    const rare = list([[2, 1]])
    const query = { groups: [[word, rare]], not: [] }
    const scratch = scratchFor(5)
    const matched = match(query, scratch)
    score(query, matched, collection, scratch)
    const bm25 = (f: number, D: number, n: number) => idf(4, n) * ((f * 2.2) / (f + 1.2 * (0.25 + (0.75 * D) / 20)))
    expect(scratch.scores[1]).toBe(bm25(1, 10, 3))
    expect(scratch.scores[2]).toBe(bm25(3, 10, 3) + bm25(1, 10, 1))
    expect(scratch.scores[4]).toBe(bm25(3, 40, 3))
    // More often beats less often, a short paper beats a long one with as many, a rare word adds.
    expect(scratch.scores[2]).toBeGreaterThan(scratch.scores[4] as number)
    expect(scratch.scores[4]).toBeGreaterThan(scratch.scores[1] as number)
  })
})

describe('frequencyOf', () => {
  it("recovers a phrase's frequency from its score, common or rare, in short or long papers", () => {
    for (const [rows, n] of [
      [100_000, 3],
      [100_000, 8_233],
      [100_000, 60_000],
    ] as const)
      for (const length of [5, 150, 4_000])
        for (const f of [1, 2, 3, 7, 40, 1_000]) {
          const w = idf(rows, n)
          const avgdl = 148
          const s = w * ((f * 2.2) / (f + 1.2 * (0.25 + (0.75 * length) / avgdl)))
          // As SQLite prints a double: 15 significant digits.
          expect(frequencyOf(Number(s.toPrecision(15)), w, length, avgdl)).toBe(f)
        }
  })
})

describe('topK', () => {
  it('selects what a full sort puts first, ties included', () => {
    let seed = 7
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed / 2 ** 31
    }
    for (let round = 0; round < 50; round++) {
      const n = Math.floor(random() * 300)
      const values = Array.from({ length: n }, () => Math.floor(random() * 20))
      const rows = Array.from({ length: n }, (_, i) => i)
      const before = (a: number, b: number) => (values[a] as number) > (values[b] as number) || (values[a] === values[b] && a < b)
      const sorted = [...rows].sort((a, b) => (before(a, b) ? -1 : 1))
      for (const k of [0, 1, 10, n, n + 5]) expect(topK(rows, k, before)).toEqual(sorted.slice(0, k))
    }
  })
})
