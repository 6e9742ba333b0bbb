import { describe, expect, it } from 'vitest'
import { countRuns, phraseList } from './postings.js'

describe('posting lists from FTS5 places', () => {
  it('counts the places of a term per paper', () => {
    const l = countRuns([2, 5, 5, 9, 9, 9])
    expect([...l.docs]).toEqual([2, 5, 9])
    expect([...l.freqs]).toEqual([1, 2, 3])
    expect(countRuns([]).docs.length).toBe(0)
  })

  // Each paper as its tokens; the places of a stem are (paper, offset) in order, as fts5vocab lists them.
  const papers: Record<number, string> = {
    1: 'nucleair ontwapen verdrag',
    2: 'ontwapen nucleair',
    3: 'nucleair ontwapen en nucleair ontwapen',
    4: 'nucleair',
    5: 'ontwapen',
    6: 'a a a',
    7: 'noord atlantisch verdrag organisatie noord atlantisch',
  }
  const places = (stem: string) => {
    const docs: number[] = []
    const offsets: number[] = []
    for (const [doc, text] of Object.entries(papers))
      text.split(' ').forEach((t, o) => {
        if (t === stem) {
          docs.push(Number(doc))
          offsets.push(o)
        }
      })
    return { docs, offsets }
  }
  const cases: Array<[string, Array<[number, number]>]> = [
    [
      'nucleair ontwapen',
      [
        [1, 1],
        [3, 2],
      ],
    ],
    ['ontwapen nucleair', [[2, 1]]],
    ['a a', [[6, 2]]],
    ['noord atlantisch verdrag', [[7, 1]]],
    ['noord atlantisch', [[7, 2]]],
    ['verdrag nucleair', []],
  ]
  it.each(cases)('"%s"', (phrase, expected) => {
    const l = phraseList(phrase.split(' ').map(places))
    expect([...l.docs].map((d, i) => [d, l.freqs[i]])).toEqual(expected)
  })
})
