import { describe, expect, it } from 'vitest'
import { followedItem } from './keys.js'

describe('followedItem', () => {
  // What a follow's query follows; null is a search.
  const cases: Array<[string, ReturnType<typeof followedItem>]> = [
    ['toezegging:kst-33783-50~12995bb5', { kind: 'toezegging', id: 'kst-33783-50~12995bb5' }],
    ['motie:kst-36583-14', { kind: 'motie', id: 'kst-36583-14' }],
    [' lid:Kostić ', { kind: 'lid', id: 'Kostić' }],
    ['lid:Van Nispen', { kind: 'lid', id: 'Van Nispen' }],
    ['lid:"Van Nispen"', { kind: 'lid', id: 'Van Nispen' }],
    ['commissie:BuZa', { kind: 'commissie', id: 'BuZa' }],
    ['ministerie:"Buitenlandse Zaken"', { kind: 'ministerie', id: 'Buitenlandse Zaken' }],
    ['ministerie:Volksgezondheid, Welzijn en Sport', { kind: 'ministerie', id: 'Volksgezondheid, Welzijn en Sport' }],
    // Searches: a word before, an empty name, a promise id with a space, a field of the search language.
    ['kernwapens lid:Kostić', null],
    ['lid:', null],
    ['lid:""', null],
    ['toezegging:kst-1 2', null],
    ['dossier:33783', null],
    ['afzender:"Buitenlandse Zaken"', null],
  ]
  it.each(cases)('%s', (query, want) => {
    expect(followedItem(query)).toEqual(want)
  })
})
