import { describe, expect, it } from 'vitest'
import { countRuns, integers, varints } from './postings.js'

describe('posting lists from FTS5 places', () => {
  it('counts the places of a term per paper', () => {
    const l = countRuns([2, 5, 5, 9, 9, 9])
    expect([...l.docs]).toEqual([2, 5, 9])
    expect([...l.freqs]).toEqual([1, 2, 3])
    expect(countRuns([]).docs.length).toBe(0)
  })

  it('reads group_concat strings and SQLite varints', () => {
    expect([...integers('3,5,5,12')]).toEqual([3, 5, 5, 12])
    expect([...integers(null)]).toEqual([])
    expect([...integers('0')]).toEqual([0])
    // FTS5's averages record on 100,000 papers: 100,000 rows, 14,783,134 tokens.
    expect(varints(Uint8Array.from([0x86, 0x8d, 0x20, 0x87, 0x86, 0xa5, 0x1e]))).toEqual([100_000, 14_783_134])
    expect(varints(Uint8Array.from([0x6a]))).toEqual([106])
  })
})
