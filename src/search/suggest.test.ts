import { describe, expect, it } from 'vitest'
import { stem } from './stem.js'
import { oneEditAway, replaceWord, spellingFix } from './suggest.js'

describe('suggestions from the store’s own vocabulary', () => {
  it('makes the words one slip away, the likeliest first, keeping the first two letters', () => {
    const edits = oneEditAway('kernwapnes')
    // Swaps come first: the first after `ke` swaps its next two letters.
    expect(edits[0]).toBe('kenrwapnes')
    expect(edits).toContain('kernwapens')
    expect(edits.indexOf('kernwapens')).toBeLessThan(edits.indexOf('kernwapenes'))
    expect(edits.every((e) => e.startsWith('ke'))).toBe(true)
    expect(edits).not.toContain('kernwapnes')
  })

  const vocabulary = new Map([
    [stem('kernwapens'), 3],
    [stem('informeren'), 12],
    [stem('kernenergie'), 1],
  ])
  it.each([
    ['kernwapnes', 'kernwapens', 3],
    ['kernwpaens', 'kernwapens', 3],
    ['informeern', 'informeren', 12],
    ['Kernwapnes', 'kernwapens', 3],
  ])('%s → %s', (word, want, papers) => {
    expect(spellingFix(word, vocabulary)).toEqual({ word: want, papers })
  })
  it('near misses: two slips away, or a word the vocabulary lacks', () => {
    expect(spellingFix('krenwpaens', vocabulary)).toBeNull()
    expect(spellingFix('begroting', vocabulary)).toBeNull()
  })

  it.each([
    ['kernwapnes type:brief', 'kernwapnes', 'kernwapens', 'kernwapens type:brief'],
    ['ontwapen', 'ontwapen', 'ontwapen*', 'ontwapen*'],
    // Only the word standing alone: not inside another word, not a prefix already.
    ['ontwapening ontwapen', 'ontwapen', 'ontwapen*', 'ontwapening ontwapen*'],
    ['ontwapen* ontwapen', 'ontwapen', 'ontwapen*', 'ontwapen* ontwapen*'],
  ])('%s: %s → %s', (q, from, to, want) => {
    expect(replaceWord(q, from, to)).toBe(want)
  })
})
